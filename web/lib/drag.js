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
//   (a key pressed with Ctrl, Alt or Meta reaches none of these: it is the browser's, commandKey
//   in ui.js)
//   onFocusChange(on) the canvas gained or lost keyboard focus (on: keyboardFocused below); also
//                     called with false when it gets focus from a pointer, so a redraw follows.
//
// Keyboard focus, not just focus: a click or a tap on the canvas focuses it too, and a pointer
// learner must not get the keys' help, a keyboard cursor or a focus ring for it. So the canvas has
// keyboard focus when it got focus without a pointer press on it (Tab, or a script), or once a key
// is pressed on it; a pointer press takes keyboard focus away again (the handle's keyboardFocused).
//
// Touch (a phone): a canvas with no hit() is one drag surface and keeps the finger (touch-action
// 'none'). With a hit() only the handles do: a finger that lands on one drags it and the page stays
// put, a swipe that starts anywhere else scrolls the page (touch-action 'pan-y pinch-zoom', and a
// touchstart on a handle cancels the scroll). touchAction: 'pan-y' keeps vertical scrolling even
// from a handle, for horizontal-only drags. A press on nothing (press) waits for a tap there: the
// finger lifted within TAP_SLOP px without the page scrolling (a mouse press acts at once).
import { commandKey } from './ui.js';

const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
// Keys that leave the canvas or only modify another key: pressing them is not using the keyboard on it.
const NOT_KEYBOARD_USE = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);
const grabs = (v) => v !== null && v !== undefined && v !== false;
// How far (CSS px) a finger may wander between down and up and still count as a tap.
export const TAP_SLOP = 10;

// Calls act(e) for a tap: a mouse press at once (as before), a finger (or pen) when it lifts within
// TAP_SLOP px of where it went down and the page did not start scrolling (pointercancel), with the
// pointerup event. For pointer handlers of their own: canvases that only take taps, and the deferred
// press of attachDrag. Returns the three listeners, for ctx.listen or addEventListener.
export function tapListeners(act) {
  let down = null;
  return {
    pointerdown: (e) => {
      if (e.pointerType !== 'touch' && e.pointerType !== 'pen') { down = null; act(e); return; }
      down = { id: e.pointerId, x: e.clientX, y: e.clientY };
    },
    pointerup: (e) => {
      const d = down;
      down = null;
      if (d && d.id === e.pointerId && Math.hypot(e.clientX - d.x, e.clientY - d.y) <= TAP_SLOP) act(e);
    },
    pointercancel: () => { down = null; },
  };
}

// A canvas whose taps do something (pick a cell, read a point): taps as tapListeners says, and a
// swipe that starts on it scrolls the page (the stylesheet's touch-action for canvases). Registered
// through ctx.listen, so they are removed with the widget.
export function listenForTaps(ctx, canvas, act) {
  for (const [type, fn] of Object.entries(tapListeners(act))) ctx.listen(canvas, type, fn);
}

// Whether a canvas has keyboard focus (see above): it got focus without a pointer press on it (Tab,
// or a script), or a key was pressed on it since the last pointer press. onChange(on) is called on
// every focus and blur (on: keyboard focus, so false for focus by a click or tap) and when a key or
// a press changes it. For canvases with key handlers of their own; attachDrag uses it.
export function trackKeyboardFocus(canvas, onChange = () => {}) {
  let keyboard = false;
  let pressed = false; // a pointer pressed on the canvas since it last lost focus or heard a key
  const isFocused = () => {
    try { return canvas.matches(':focus'); } catch { return false; } // works inside Shadow DOM too
  };
  const set = (on) => { if (on !== keyboard) { keyboard = on; onChange(on); } };
  const listeners = {
    pointerdown: () => { pressed = true; set(false); },
    // The press's own focus (if any) comes before its click; a press that focused nothing (its
    // default prevented, or a swipe cancelled) must not make a later Tab look like a pointer's.
    click: () => { pressed = false; },
    pointercancel: () => { pressed = false; },
    keydown: (e) => { if (!NOT_KEYBOARD_USE.has(e.key) && isFocused()) { pressed = false; set(true); } },
    focus: () => { keyboard = !pressed; onChange(keyboard); },
    blur: () => { keyboard = false; pressed = false; onChange(false); },
  };
  for (const [type, fn] of Object.entries(listeners)) canvas.addEventListener(type, fn);
  return {
    get focused() { return isFocused(); },
    get keyboardFocused() { return keyboard && isFocused(); },
    destroy() { for (const [type, fn] of Object.entries(listeners)) canvas.removeEventListener(type, fn); },
  };
}

export function attachDrag(plot, {
  hit, press, grab, move, release, cursor, key, enter, escape, otherKey,
  snapshot, restore, onFocusChange = () => {}, moveOnPress = true, touchAction = 'none',
}) {
  const canvas = plot.canvas;
  canvas.tabIndex = 0;
  // Only handles grab: swipes elsewhere scroll, and onTouchStart keeps the finger on a handle.
  const handlesOnly = !!hit && touchAction === 'none';
  canvas.style.touchAction = handlesOnly ? 'pan-y pinch-zoom' : touchAction;
  if (!hit) hit = () => true;
  const hoverCursor = cursor || ((pos) => (grabs(hit(pos)) ? 'grab' : 'default'));
  const take = () => (snapshot ? snapshot() : null);
  let grabbed = null;
  let saved = null;
  // First, so a press takes keyboard focus away before grab or press hears of it.
  const focus = trackKeyboardFocus(canvas, (on) => onFocusChange(on));
  const tap = tapListeners((e) => { if (press) press(plot.eventToData(e), e); });

  const onTouchStart = (e) => {
    const touch = e.touches[0];
    if (grabbed !== null || (touch && grabs(hit(plot.eventToData(touch))))) e.preventDefault();
  };
  const onDown = (e) => {
    const pos = plot.eventToData(e);
    const what = hit(pos);
    if (!grabs(what)) { tap.pointerdown(e); return; }
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
    if (grabbed === null) { tap[e.type](e); return; }
    const was = grabbed;
    grabbed = null;
    canvas.style.cursor = hoverCursor(plot.eventToData(e));
    if (release) release(was);
  };
  const onKey = (e) => {
    if (commandKey(e)) return;
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
  const onFocus = () => { saved = take(); };
  const onBlur = () => { saved = null; };
  const listeners = { pointerdown: onDown, pointermove: onMove, pointerup: onUp, pointercancel: onUp, keydown: onKey, focus: onFocus, blur: onBlur };
  if (handlesOnly) listeners.touchstart = onTouchStart;
  // touchstart must be able to cancel the scroll (not passive).
  for (const [type, fn] of Object.entries(listeners)) canvas.addEventListener(type, fn, type === 'touchstart' ? { passive: false } : undefined);
  return {
    // What is being dragged by the pointer right now, or null.
    get grabbed() { return grabbed; },
    // The canvas has focus, however it got it.
    get focused() { return focus.focused; },
    // It has keyboard focus (trackKeyboardFocus): keyboard help, keyboard cursors and focus rings
    // go with this, never with a click.
    get keyboardFocused() { return focus.keyboardFocused; },
    destroy() {
      focus.destroy();
      for (const [type, fn] of Object.entries(listeners)) canvas.removeEventListener(type, fn);
    },
  };
}
