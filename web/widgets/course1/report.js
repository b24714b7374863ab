// Widgets tell the course about scores and finished activities with DOM events, so they stay
// independent of the page (web/js/progress.js listens on document; embeds simply ignore them).
export function reportScore(card, detail) { dispatch(card, 'dw:score', detail); }
export function reportComplete(card, detail) { dispatch(card, 'dw:complete', detail); }

function dispatch(card, type, detail) {
  const target = card && card.card ? card.card : card;
  if (!target || typeof target.dispatchEvent !== 'function') return;
  target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: { ...detail } }));
}

// A small seeded shuffle for game decks (bookkeeping, not maths: the order cards are dealt).
// mulberry32 by Tommy Ettinger, public domain.
export function seededShuffle(items, seed) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
