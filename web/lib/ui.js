// The shared widget anatomy (docs/design.md): title + one-sentence hint, stage for canvases,
// controls, readout strip and a message line. Every widget builds its card with createCard()
// so all fifty widgets look and behave alike. Text is always set with textContent.

import { formatNumber } from './format.js';
import { nearestRung } from './ladder.js';
import { english } from './messages.js';

let uid = 0;
// A key pressed with Ctrl, Alt or Meta (⌘) is the browser's or the system's shortcut (Ctrl+R
// reloads, Ctrl+L goes to the address bar, Alt+← goes back): a widget's key handler leaves it alone,
// neither acting on it nor preventing it. Shift is not one of them (Shift+arrows: bigger steps).
// ctx.listen skips such keys for every 'keydown' listener (widget.js); a listener added another way
// asks this.
export function commandKey(e) { return Boolean(e.altKey || e.ctrlKey || e.metaKey); }

export function nextId(prefix = 'dw') { uid += 1; return `${prefix}-${uid}`; }

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}

const NOTE_SOURCES = ['attribute', 'address', 'options', 'update', 'file'];

// `t` is the widget's message function (web/lib/messages.js); the card keeps it as card.t for the
// helpers that are handed only the card.
export function createCard(host, { title, hint }, t = english) {
  const card = el('section', { className: 'dw-card', 'aria-label': title });
  const heading = el('h3', { className: 'dw-title', text: title });
  const hintEl = el('p', { className: 'dw-hint', text: hint });
  const stage = el('div', { className: 'dw-stage' });
  const controls = el('div', { className: 'dw-controls' });
  const readout = el('div', { className: 'dw-readout', role: 'group', 'aria-label': t('card.readout') });
  const message = el('p', { className: 'dw-message', role: 'status', 'aria-live': 'polite' });
  // Notes about the options themselves (clamped or ignored values) stay visible while the
  // message line reports the widget's live state.
  const notes = el('p', { className: 'dw-notes', role: 'note' });
  // One sentence said while the live regions are hushed (see hush() below).
  const announcer = el('p', { className: 'dw-sr-only dw-announcer', 'aria-live': 'polite' });
  card.append(heading, hintEl, notes, stage, controls, readout, message, announcer);
  host.append(card);

  let noteGroups = [];
  let hushed = null; // the regions hush() holds quiet
  const api = {
    card, stage, controls, readout, message, notes, t,
    // Each group of notes says where its settings came from, once: setNotes replaces every
    // group, addNotes adds one (source: 'attribute', 'address', 'options', 'update', 'file').
    setNotes(list, source) { noteGroups = []; api.addNotes(list, source); },
    addNotes(list, source) {
      const group = noteGroups.find((g) => g.source === source);
      const fresh = list.filter((n) => !(group && group.list.includes(n)));
      if (group) group.list.push(...fresh);
      else if (fresh.length) noteGroups.push({ source, list: [...new Set(fresh)] });
      notes.textContent = noteGroups.map(({ source: from, list: l }) => t('card.settingsAdjusted', {
        where: NOTE_SOURCES.includes(from) ? t(`card.from.${from}`) : '', notes: l.join(' '),
      })).join(' ');
    },
    // `announce: true` says a message that matters (a goal reached) even while hushed.
    setMessage(text, tone = 'info', { announce = false } = {}) {
      if (message.textContent !== text) {
        message.textContent = text || '';
        if (announce && hushed) api.announce(text);
      }
      message.dataset.tone = tone;
    },
    // A live region rewritten on every frame of a running animation floods a screen reader: it
    // queues every version or keeps cutting itself off, and the result that matters is lost
    // (digits-cnn made 40 polite updates a second). hush() turns the message line and the
    // `more` regions to aria-live="off" while the text still changes on screen; speak() turns
    // them back and says the message once (as it stands once the code that stopped is done);
    // announce(text) says one sentence now.
    hush(more = []) {
      if (hushed) return;
      hushed = [message, ...more];
      for (const region of hushed) {
        // Its own politeness, kept while hushed (also when hushed again before it turned live).
        if (region.dataset.dwLive === undefined) region.dataset.dwLive = region.getAttribute('aria-live') || 'polite';
        region.setAttribute('aria-live', 'off');
      }
    },
    // `say: false` turns them back without saying the message (nothing changed while hushed).
    speak({ say = true } = {}) {
      if (!hushed) return;
      const regions = hushed;
      hushed = null;
      // Said once, after the code that stopped has written its last words. The regions turn live
      // again only after the next frame: the browser reads live regions when it renders, and would
      // still say a text written while hushed if they were live by then.
      if (say) queueMicrotask(() => { if (message.textContent) api.announce(message.textContent); });
      requestAnimationFrame(() => setTimeout(() => {
        if (hushed) return; // hushed again meanwhile
        for (const region of regions) { region.setAttribute('aria-live', region.dataset.dwLive); delete region.dataset.dwLive; }
      }, 0));
    },
    // Whether hush() holds the message quiet now (e.g. a run playing with player()'s `quiet`).
    get hushed() { return hushed !== null; },
    announce(text) {
      // The same words again are a change only if the text differs (a no-break space at the end).
      announcer.textContent = announcer.textContent === text ? `${text}\u00a0` : text;
    },
    // A labelled readout value: stat('MSE').set('0.123').
    stat(label, { unit = '' } = {}) {
      const value = el('span', { className: 'dw-stat-value', text: '–' });
      const wrap = el('span', { className: 'dw-stat', 'data-stat': label }, [el('span', { className: 'dw-stat-label', text: label }), value]);
      if (unit) wrap.append(el('span', { className: 'dw-stat-label', text: unit }));
      readout.append(wrap);
      return { element: wrap, set(text) { if (value.textContent !== text) value.textContent = text; } };
    },
    remove() { card.remove(); },
  };
  return api;
}

// A held arrow key repeats about 30 times a second, and a drag moves on every pointer event; each
// move rewrites the message line. quietWhileHeld(ctx, target): from a key's first repeat, or a
// pointer press, on `target` the message is hushed (card.hush above) while its text stays current
// on screen; letting go (key up, pointer up or cancelled, focus gone) says the last words once, or
// nothing if they did not change. A card already hushed by someone else (a playing run) is left
// to them. Widgets set their messages as usual: the listeners capture, so they run before the
// widget's own key and pointer handlers.
export function quietWhileHeld(ctx, target) {
  const { card } = ctx;
  let holding = false;
  let before = '';       // the text when the hold began: said again only if it changed
  let release = null;    // cancels the pending speak()
  const begin = (event) => {
    if (event.type === 'keydown' && !event.repeat) return;
    if (release) { release(); release = null; }
    if (holding || card.hushed) return;
    holding = true;
    before = card.message.textContent;
    card.hush();
  };
  // Spoken after this event's other listeners (e.g. a drag's release) have set their words.
  const end = () => {
    if (!holding || release) return;
    release = ctx.timeout(() => {
      release = null;
      holding = false;
      card.speak({ say: card.message.textContent !== before });
    }, 0);
  };
  ctx.listen(target, 'keydown', begin, { capture: true });
  ctx.listen(target, 'pointerdown', begin, { capture: true });
  for (const type of ['keyup', 'pointerup', 'pointercancel', 'blur']) ctx.listen(target, type, end);
}

// A slider's track, the range input's own min, max and step: the option's values on a linear
// scale, their log₁₀ on a log one (where the step, in log₁₀ units, is 0.01 unless given).
export function sliderTrack({ min, max, step, scale = 'linear' }) {
  if (scale !== 'log') return { min, max, step };
  return { min: Math.log10(min), max: Math.log10(max), step: step ?? 0.01 };
}

// The value a slider gives at a position of its track (no DOM: the slider below and the tests that
// list its settings both use it). The track's steps count from its left end and can stop short of
// the right one (a log range is rarely a whole number of steps: 0.05 … 10 in 0.01s of log₁₀ ends
// at 9.98); the last step, the handle at the right end, is max itself.
export function sliderValue(position, { min, max, step, scale = 'linear' }) {
  const track = sliderTrack({ min, max, step, scale });
  const atMax = position + track.step > track.max + 1e-9 * track.step;
  let v = atMax ? max : scale === 'log' ? 10 ** position : position;
  if (!atMax && scale !== 'log' && step) v = Math.round(v / step) * step;
  return Number(v.toPrecision(12));
}

// Every value a slider gives, from its left end to its right one, one per step of its track.
export function sliderSettings(spec) {
  const track = sliderTrack(spec);
  const values = [];
  for (let k = 0; track.min + k * track.step <= track.max + 1e-9 * track.step; k++) values.push(sliderValue(track.min + k * track.step, spec));
  return values;
}

// A range slider with a visible, formatted value. `scale: 'log'` maps the track to powers of ten.
export function slider(parent, { label, min, max, step, value, format = (v) => String(v), scale = 'linear', onInput, name }) {
  const id = nextId('slider');
  // The value shown beside the slider. An <output> is a polite live region by default: every run
  // that moves the slider (Auto-fit, Play) would have a screen reader read bare numbers many times
  // a second, past card.hush(), and a learner's own move twice. The slider's aria-valuetext
  // already says its value, so the readout is not live.
  const output = el('output', { for: id, text: format(value), 'aria-live': 'off' });
  const input = el('input', { type: 'range', id, name: name || id });
  const toTrack = (v) => (scale === 'log' ? Math.log10(v) : v);
  const track = sliderTrack({ min, max, step, scale });
  input.min = String(track.min);
  input.max = String(track.max);
  input.step = String(track.step);
  input.value = String(toTrack(value));
  const field = el('div', { className: 'dw-field' }, [el('label', { for: id }, [el('span', { text: label }), output]), input]);
  parent.append(field);
  let current = value;
  const show = (v) => {
    output.textContent = format(v);
    input.setAttribute('aria-valuetext', `${label} ${format(v)}`);
  };
  show(value);
  input.addEventListener('input', () => {
    const v = sliderValue(Number(input.value), { min, max, step, scale });
    current = v;
    show(v);
    onInput(v);
  });
  return {
    input, field,
    get value() { return current; },
    set(v) { current = v; input.value = String(toTrack(v)); show(v); },
    setDisabled(d) { input.disabled = d; },
  };
}

// A slider over a ladder of round values (ladder.js): its track is the rung number, one rung per
// arrow press, and everything else speaks in the rung's value. `value` and set(v) take a value
// (one off the ladder goes to the nearest rung; one that is not a positive number to the rung
// nearest `fallback`); the readout and the announced value are format(value); onInput(value)
// gets the rung's value.
export function rungSlider(parent, { label, rungs, value, fallback, format, onInput, name }) {
  const rungOf = (v) => nearestRung(rungs, v, nearestRung(rungs, fallback));
  const track = slider(parent, {
    label, name, min: 0, max: rungs.length - 1, step: 1, value: rungOf(value),
    format: (i) => format(rungs[i]), onInput: (i) => onInput(rungs[i]),
  });
  return {
    input: track.input, field: track.field,
    get value() { return rungs[track.value]; },
    set(v) { track.set(rungOf(v)); },
    setDisabled: track.setDisabled,
  };
}

export function checkbox(parent, { label, checked = false, onChange }) {
  const id = nextId('check');
  const input = el('input', { type: 'checkbox', id });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  parent.append(el('div', { className: 'dw-check' }, [input, el('label', { for: id, text: label })]));
  return input;
}

export function button(parent, label, onClick, { primary = false, title } = {}) {
  const b = el('button', { type: 'button', className: primary ? 'dw-btn dw-primary' : 'dw-btn', text: label, title });
  b.addEventListener('click', onClick);
  parent.append(b);
  return b;
}

// Disables (or enables) a control without letting keyboard focus fall to the page body. A
// browser takes the focus away from a button that becomes disabled and leaves it on <body>, so a
// keyboard user who pressed "Next" on the last item would start again from the top of the page:
// a focused control about to be disabled first hands the focus to the first of `fallbacks` that
// can take it (enabled, in the page, shown). Set the controls that become enabled first.
export function setDisabled(control, disabled, fallbacks = []) {
  if (disabled && !control.disabled && control.matches(':focus')) {
    const next = fallbacks.find((f) => f && f !== control && !f.disabled && f.isConnected && f.getClientRects().length > 0);
    if (next) next.focus({ preventScroll: true });
  }
  control.disabled = disabled;
}

export function buttonRow(parent) {
  const row = el('div', { className: 'dw-buttons' });
  parent.append(row);
  return row;
}

export function select(parent, { label, options, value, onChange }) {
  const id = nextId('select');
  const sel = el('select', { id });
  for (const [v, text] of options) sel.append(el('option', { value: v, text }));
  sel.value = value;
  sel.addEventListener('change', () => onChange(sel.value));
  parent.append(el('div', { className: 'dw-field' }, [el('label', { for: id, text: label }), sel]));
  return sel;
}

// Puts the controls bound to options back in step with them, for a widget's update() (an
// embedder's dw:update, a changed attribute, a link read again): a control left showing the old
// choice would contradict what the widget now does. `controls` is { option: control }: a slider,
// rungSlider or segmented handle (set(value)), a <select> (its value), or a checkbox <input>
// (checked). Options missing from `options` leave their control alone; pass a value the widget
// changed (a rung, an odd k) as the widget holds it.
export function showOptions(controls, options) {
  for (const [key, control] of Object.entries(controls)) {
    if (!control || options[key] === undefined) continue;
    const value = options[key];
    if (typeof control.set === 'function') control.set(value);
    else if (control.type === 'checkbox') control.checked = !!value;
    else control.value = String(value);
  }
}

// Fixed-decimal formatting for readouts (the site's one number formatter, web/lib/format.js).
export function fixed(v, digits = 3) { return formatNumber(v, digits); }

// Message for an engine error (a JS Error thrown through the bindings) in plain words.
export function describeError(err, t = english) {
  if (err && typeof err.message === 'string') return err.message.replace(/^\w+\.\w+: /, '');
  return t('widget.engineError');
}

// A row of toggle buttons (one pressed). Returns { set(value), element }.
export function segmented(parent, { label, options, value, onChange }) {
  const id = nextId('seg');
  const group = el('div', { className: 'dw-segmented', role: 'group', 'aria-labelledby': id });
  const buttons = options.map(([v, text]) => {
    const b = el('button', { type: 'button', className: 'dw-btn', text, 'data-value': v });
    b.addEventListener('click', () => { set(v); onChange(v); });
    return b;
  });
  group.append(...buttons);
  parent.append(el('div', { className: 'dw-field dw-segmented-field' }, [el('span', { id, className: 'dw-segmented-label', text: label }), group]));
  function set(v) {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.value === String(v)));
  }
  set(value);
  return { set, element: group };
}

