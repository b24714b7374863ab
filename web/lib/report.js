// Widgets tell the course about scores and finished activities with DOM events, so they stay
// independent of the page (web/js/progress.js listens on document; embeds simply ignore them).
export function reportScore(card, detail) { dispatch(card, 'dw:score', detail); }
export function reportComplete(card, detail) { dispatch(card, 'dw:complete', detail); }
// Not a result, and nothing records it: a predict box (web/lib/predict.js) says its outcome is now
// on screen, so a lesson page can open the text that states it (web/js/reveal.js).
export function reportOutcomeShown(card, detail) { dispatch(card, 'dw:outcome-shown', detail); }
// Not a result either: a predict box's outcome was on screen before any prediction was locked in
// (detail { widget, title }). A lesson page keeps that in the box's record (seenFirst, no score and
// not complete), so a prediction made on a later visit, which could copy it, is practice too.
export function reportSeenFirst(card, detail) { dispatch(card, 'dw:seen-first', detail); }

// The same road the other way: what the page has recorded for `widget` (the name its reports
// carry, e.g. 'predict:sin-degree-11'), asked with a synchronous, bubbling, composed
// CustomEvent 'dw:recorded' { widget, record: null } from the card. A lesson page's
// web/js/progress.js answers by filling in detail.record from the lesson's saved progress; in an
// embed or the gallery nobody answers. Returns null where nothing records this widget's results
// (no answer), else a copy of the lesson's record { title, score, max, best, complete }, which is
// { complete: false } while the lesson has recorded nothing of it (and { title, complete: false,
// seenFirst: true } for a predict box whose outcome was seen before any prediction:
// reportSeenFirst). A game that counts its first try (reports with firstTry) reads it when it
// mounts: a first result recorded on an earlier visit makes every try on this visit practice, as a
// second try on the same page already is.
export function recordedResult(card, widget) {
  const target = card && card.card ? card.card : card;
  if (!target || typeof target.dispatchEvent !== 'function') return null;
  const detail = { widget: String(widget), record: null };
  target.dispatchEvent(new CustomEvent('dw:recorded', { bubbles: true, composed: true, detail }));
  const { record } = detail;
  return record && typeof record === 'object' ? { ...record } : null;
}

// Whether a record from recordedResult holds a first result (a score), so that a try now is not
// the one that counts.
export function hasFirstResult(record) {
  return !!record && Number.isFinite(record.best);
}

// A one-pick game's record (a first pick reported with firstTry, max 1, then dw:complete once the
// right answer is found): `firstPick` 'right' or 'wrong' for a recorded first pick, null for none;
// `complete` whether the game was completed.
export function recordedFirstPick(card, widget) {
  const earlier = recordedResult(card, widget);
  const firstPick = hasFirstResult(earlier) ? (earlier.best >= 1 ? 'right' : 'wrong') : null;
  return { firstPick, complete: firstPick !== null && earlier.complete === true };
}

function dispatch(card, type, detail) {
  const target = card && card.card ? card.card : card;
  if (!target || typeof target.dispatchEvent !== 'function') return;
  target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: { ...detail } }));
}
