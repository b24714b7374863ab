// Dragging things on a Plot with pointer and keyboard, the one way every widget does it
// (docs/design.md: pointer events for mouse, pen and touch; a grab cursor; every drag has a keyboard
// equivalent: arrows move by a step, Shift+arrows by ten, Enter/Space acts, Escape cancels).
//
//   hit(pos)          what a press at pos (data coordinates) grabs: any value but null, undefined
//                     or false starts a drag (default: everything is grabbed);
//   press(pos, e)     a press that grabbed nothing (e.g. "click to add a point");
//   grab(grabbed, pos) a drag started;
//   move(pos, grabbed) the pointer moved while dragging `grabbed` (also called on the press
//                     itself unless moveOnPress is false, so the thing jumps to the pointer);
//   release(grabbed)  the drag ended (pointer up or cancelled);
//   cursor(pos)       the hover cursor (default: 'grab' over something hit(pos) grabs);
//   key(dx, dy, e)    an arrow press: dx, dy are ±1, ±10 with Shift (up is +dy); return false
//                     to leave the key to the page (e.g. Up/Down on a horizontal-only drag);
//   enter(e)          Enter or Space;
//   snapshot()/restore(s)  let Escape put things back as they were when the canvas got focus,
//                     when the drag started, or at the last Escape;
//   escape(e)         called on Escape after any restore (e.g. "let go of the selection");
//   otherKey(e)       any other key;
//   onFocusChange(on) the canvas gained or lost keyboard focus.
// touch-action keeps vertical page scrolling available for horizontal-only drags ('pan-y').
const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
const grabs = (v) => v !== null && v !== undefined && v !== false;

export function attachDrag(plot, {
  hit = () => true, press, grab, move, release, cursor, key, enter, escape, otherKey,
  snapshot, restore, onFocusChange = () => {}, moveOnPress = true, touchAction = 'none',
}) {
  const canvas = plot.canvas;
  canvas.tabIndex = 0;
  canvas.style.touchAction = touchAction;
  const hoverCursor = cursor || ((pos) => (grabs(hit(pos)) ? 'grab' : 'default'));
  const take = () => (snapshot ? snapshot() : null);
  let grabbed = null;
  let saved = null;

  const onDown = (e) => {
    const pos = plot.eventToData(e);
    const what = hit(pos);
    if (!grabs(what)) { if (press) press(pos, e); return; }
    grabbed = what;
    saved = take();
    if (grab) grab(grabbed, pos);
    canvas.setPointerCapture(e.pointerId);
    canvas.style.cursor = 'grabbing';
    if (moveOnPress) move(pos, grabbed);
    e.preventDefault();
  };
  const onMove = (e) => {
    const pos = plot.eventToData(e);
    if (grabbed !== null) move(pos, grabbed);
    else canvas.style.cursor = hoverCursor(pos);
  };
  const onUp = (e) => {
    if (grabbed === null) return;
    const was = grabbed;
    grabbed = null;
    canvas.style.cursor = hoverCursor(plot.eventToData(e));
    if (release) release(was);
  };
  const onKey = (e) => {
    if (e.key === 'Escape') {
      const was = grabbed;
      grabbed = null;
      if (saved !== null && restore) restore(saved);
      saved = take();
      if (was !== null && release) release(was);
      if (escape) escape(e);
      if (snapshot || escape) e.preventDefault();
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && enter) { enter(e); e.preventDefault(); return; }
    const d = ARROWS[e.key];
    if (d && key) {
      const big = e.shiftKey ? 10 : 1;
      if (key(d[0] * big, d[1] * big, e) !== false) e.preventDefault();
      return;
    }
    if (otherKey) otherKey(e);
  };
  const onFocus = () => { saved = take(); onFocusChange(true); };
  const onBlur = () => { saved = null; onFocusChange(false); };
  const listeners = { pointerdown: onDown, pointermove: onMove, pointerup: onUp, pointercancel: onUp, keydown: onKey, focus: onFocus, blur: onBlur };
  for (const [type, fn] of Object.entries(listeners)) canvas.addEventListener(type, fn);
  return {
    // What is being dragged by the pointer right now, or null.
    get grabbed() { return grabbed; },
    get focused() {
      try { return canvas.matches(':focus'); } catch { return false; } // works inside Shadow DOM too
    },
    destroy() {
      for (const [type, fn] of Object.entries(listeners)) canvas.removeEventListener(type, fn);
    },
  };
}
