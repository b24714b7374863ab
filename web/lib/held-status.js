// The status line after a keyboard or pointer move, said once the move is over. A held arrow key
// repeats about 30 times a second and a drag moves on every pointer event; a live region
// (role=status) rewritten that often makes a screen reader queue every position or keep cutting
// itself off. While a key or the pointer is down on `target`, say() keeps only the latest
// sentence; releasing the key (or the pointer, or leaving the canvas) puts that one on the card.
// At any other time say() sets the message at once.
export function heldStatus(ctx, target) {
  let held = false;
  let pending = null;
  const flush = () => {
    held = false;
    if (!pending) return;
    const { text, tone, over } = pending;
    pending = null;
    // A message the widget set directly after this sentence was held (e.g. "too close") is newer:
    // it stays.
    if (ctx.card.message.textContent === over) ctx.card.setMessage(text, tone);
  };
  // Capture listeners on the target run before the widget's own key and pointer handlers, so the
  // sentence those handlers say is already held.
  const hold = () => { held = true; };
  ctx.listen(target, 'keydown', hold, { capture: true });
  ctx.listen(target, 'pointerdown', hold, { capture: true });
  for (const type of ['keyup', 'pointerup', 'pointercancel', 'blur']) ctx.listen(target, type, flush);
  return {
    say(text, tone = 'info') {
      if (held) pending = { text, tone, over: ctx.card.message.textContent };
      else { pending = null; ctx.card.setMessage(text, tone); }
    },
  };
}
