// Widgets tell the course about scores and finished activities with DOM events, so they stay
// independent of the page (web/js/progress.js listens on document; embeds simply ignore them).
export function reportScore(card, detail) { dispatch(card, 'dw:score', detail); }
export function reportComplete(card, detail) { dispatch(card, 'dw:complete', detail); }
// Not a result, and nothing records it: a predict box (web/lib/predict.js) says its outcome is now
// on screen, so a lesson page can open the text that states it (web/js/reveal.js).
export function reportOutcomeShown(card, detail) { dispatch(card, 'dw:outcome-shown', detail); }

function dispatch(card, type, detail) {
  const target = card && card.card ? card.card : card;
  if (!target || typeof target.dispatchEvent !== 'function') return;
  target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: { ...detail } }));
}
