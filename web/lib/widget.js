// The one way a widget is mounted. Each widget module exports
//   schema            its options table (see schema.js)
//   meta              { title, hint }
//   engine            (optional) 'core' when every engine call it makes is in the small core
//                     module (web/engine/index.js); without it the widget gets the full module
//   messages          its English words, from its own <name>.messages.js module (beside the
//                     widget's file, or messages.js in its folder): { '<name>.key': string |
//                     (params) => string }, read through ctx.t('<name>.key', params). Its
//                     '<name>.title' and '<name>.hint' are the card's heading and hint, and meta
//                     takes them from the table.
//   mount(el, opts)   → { update(opts), destroy(), ready: Promise }
// and implements mount by calling mountWidget(el, opts, { schema, meta, build }), where
// build(ctx) sets up canvases/controls with the loaded engine and returns
//   { update(options, from)?, destroy()?, state?: { get(), set(value, from) }, currentOptions?() }
// (`from`: where the new options came from, the card's note source for notes about them).
// mountWidget resolves options (clamping with visible notes that say where each setting came
// from), builds the card, loads the engine once per page, turns setup errors into a message in
// words, and makes destroy() undo everything.
//
// The widget context. build(ctx) gets
//   ctx.ml, ctx.card, ctx.options, ctx.notes, ctx.element, ctx.stateChanged, ctx.noteSource, and
//   ctx.t(key, params), the message function every text a learner sees goes through (messages.js)
// and creates everything that must be undone through it, so nothing can be forgotten:
//   ctx.own(thing)            → thing. Disposed when the widget goes: an engine object is
//                               .delete()d (unless already deleted), anything else with
//                               destroy(), release() (a GridImage) or disconnect() (an observer)
//                               has it called, and a function is called (any other clean-up).
//   ctx.free(thing)           disposes `thing` now (null and already-deleted are fine) and
//                               forgets it; returns null — for objects replaced while the widget
//                               lives: `model = ctx.free(model); model = ctx.own(new ml.KMeans())`.
//   ctx.listen(target, type, fn, options) → remove(). An event listener, removed at the end.
//                               A 'keydown' listener never hears a key pressed with Ctrl, Alt
//                               or Meta (commandKey): those are the browser's shortcuts (Ctrl+R,
//                               Ctrl+L, Alt+←), so they never answer, step or get prevented.
//                               Shift comes through (bigger steps with the arrows).
//   ctx.drag(plot, spec)      → the attachDrag handle (drag.js), detached at the end.
//   ctx.requestDraw(draw)     frame.js's coalesced redraw; pending draws are dropped at the end,
//                               so no draw runs after the widget's engine objects are deleted.
//   ctx.animate(fn)           → stop(). frame.js's animation tick on this card, stopped at the end.
//   ctx.player(row, spec)     → player.js's Play/Pause on this card, stopped at the end.
//   ctx.timeout(fn, ms), ctx.interval(fn, ms) → cancel(). Timers, cleared at the end.
// "The end" is destroy() and every rebuild with new options (a widget without update()). The
// runtime first calls the widget's own destroy() if it returned one (for what is truly its own,
// e.g. putting back a page element it borrowed), then disposes what the context holds, newest
// first. A widget therefore has no teardown list of its own.
//
// Sharing is written here once for every widget:
//   - the options that differ from their defaults, plus the widget's extra `state` (points
//     placed, a line, centroids…), make up what a Share link or embed snippet restores.
//     state.get() returns a JSON value (or null for "nothing beyond the options");
//     state.set(value) must check the value completely before changing anything and throw an
//     Error saying in words what is wrong, so a damaged link leaves the widget at its start.
//     `from` says where the state was given ('attribute', 'address', 'options', 'update': the
//     card's note sources, web/lib/ui.js), for a widget that tells the learner so.
//   - currentOptions() reports option values the learner changed with the widget's own
//     controls (the neural-network playground's settings), so links carry them too.
//   - a widget without an update() is rebuilt with the new options when they change.
//   - the page address (#…) is read and written only when allowed: on our lesson pages every
//     widget reads its own namespaced keys and the page's only widget also writes them; on any
//     other page only an embedder's `address` option turns it on (address-state.js).
import { loadEngine } from '../engine/index.js';
import { engineNeedOf } from './engine-need.js';
import { attachDrag } from './drag.js';
import { animate, cancelDraw, requestDraw } from './frame.js';
import { player } from './player.js';
import { canonicalOptions, changedOptionText, resolveOptions, schemaName } from './schema.js';
import { commandKey, createCard, describeError, el } from './ui.js';
import { bindAddress, claimNamespace, fragmentFor } from './address-state.js';
import { createShareControl, decodeState, elementSnippet, encodeState, frameAddress, frameSnippet } from './share.js';
import { addMessages, languageOf, messageFunction } from './messages.js';
import { clipText } from './format.js';

// Set by the code that mounts a widget for a page (embed.js, embed-frame.js) as a key of the
// options: { name, source: 'attribute' | 'address' | 'options' }. A symbol, so it can never be
// confused with an option.
export const MOUNT_CONTEXT = Symbol.for('data-workshop.mount-context');

// Options every widget understands besides its schema's (reserved names, any letter case):
//   address  use the page address: present/true for the widget's name, or a namespace
//   share    "false" hides the Share control
//   state    the widget's extra state, as a Share link writes it
export const COMMON_OPTIONS = ['address', 'share', 'state'];

// The site's root (where embed.js and embed.html live): this file is lib/widget.js.
const SITE_BASE = new URL('../', import.meta.url);
const OFF = /^(false|0|no|off)$/i;
// The card's events after which the address is written. 'click' comes last of a press: a
// button's own click handler has run by the time the click reaches the card, whereas pointerup
// (a mouse or a finger) and Space's keyup come before the click and would save the state from
// before the press (Auto-fit's mark, New points' seed). pointerup stays for drags on a canvas.
const CHANGE_EVENTS = ['input', 'change', 'pointerup', 'keyup', 'click'];

function splitCommon(raw) {
  const common = {};
  const rest = {};
  for (const [k, v] of Object.entries(raw || {})) {
    if (COMMON_OPTIONS.includes(k.toLowerCase())) common[k.toLowerCase()] = v;
    else rest[k] = v;
  }
  return { common, rest };
}

// A widget's namespace in the address follows its place on the page, not the order in which
// widgets finish loading: the first of its name is NAME, the next NAME-2, … (claimNamespace
// still guarantees uniqueness when an embedder's chosen prefix collides with one of these).
function pageNamespace(element, name) {
  if (typeof document === 'undefined') return name;
  const root = element.getRootNode ? element.getRootNode() : null;
  const host = root && root.host ? root.host : element;
  const hosts = host.localName === 'dw-widget'
    ? [...document.querySelectorAll('dw-widget')].filter((h) => h.getAttribute('name') === name)
    : [...document.querySelectorAll('.dw-mount')].filter((h) => h.dataset.widget === name);
  const index = hosts.indexOf(host);
  return index <= 0 ? name : `${name}-${index + 1}`;
}

function addressPolicy(element, context, common) {
  const flag = common.address;
  if (flag === false || OFF.test(String(flag ?? ''))) return null;
  if (flag !== undefined && flag !== null) {
    const text = String(flag);
    const namespace = /^[a-z][a-z0-9-]{0,39}$/i.test(text) && !/^(true|yes|on)$/i.test(text) ? text : null;
    return { write: true, namespace };
  }
  if (element.classList && element.classList.contains('lesson-widget') && typeof document !== 'undefined') {
    const main = document.querySelectorAll('.dw-mount.lesson-widget').length === 1;
    return { write: main, legacy: main };
  }
  return null;
}

// Disposes one thing the context owns (see ctx.own above).
function dispose(thing) {
  if (!thing) return;
  if (typeof thing === 'function') thing();
  else if (typeof thing.delete === 'function') { if (!(thing.isDeleted && thing.isDeleted())) thing.delete(); }
  else if (typeof thing.destroy === 'function') thing.destroy();
  else if (typeof thing.release === 'function') thing.release();
  else if (typeof thing.disconnect === 'function') thing.disconnect();
}

// The context one build() of a widget creates its disposables through; dispose() undoes them
// all, newest first. Exported for tests of the runtime itself.
export function createWidgetContext(base) {
  let owned = [];
  const draws = new Set();
  let closed = false;
  const own = (thing) => {
    if (closed) { dispose(thing); return thing; } // created after the end (a late callback)
    owned.push(thing);
    return thing;
  };
  // A clean-up that may also run early (a listener removed, an animation stopped, a timer that
  // fired): it runs once and leaves the list, so a long-lived widget's list does not grow.
  const ownOnce = (fn) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      const i = owned.lastIndexOf(once);
      if (i >= 0) owned.splice(i, 1);
      fn();
    };
    return own(once);
  };
  const ctx = {
    ...base,
    own,
    free(thing) {
      const i = owned.lastIndexOf(thing);
      if (i >= 0) owned.splice(i, 1);
      dispose(thing);
      return null;
    },
    listen(target, type, fn, opts) {
      const heard = type === 'keydown' ? (e) => { if (!commandKey(e)) fn(e); } : fn;
      target.addEventListener(type, heard, opts);
      return ownOnce(() => target.removeEventListener(type, heard, opts));
    },
    drag(plot, spec) { return own(attachDrag(plot, spec)); },
    requestDraw(draw) {
      if (closed) return;
      draws.add(draw);
      requestDraw(draw);
    },
    // An animation that stops (a run that converged, a snap that arrived, a Pause) leaves a state
    // no input event follows, so the address is written then too (a no-op while the widget is
    // being built or torn down).
    animate(fn, onError) {
      const stop = animate(base.card.card, fn, onError);
      return ownOnce(() => { stop(); base.stateChanged?.(); });
    },
    player(row, spec) {
      const handle = player(row, base.card, { ...spec, onStop: () => { spec.onStop?.(); base.stateChanged?.(); } });
      own(() => handle.stop());
      return handle;
    },
    timeout(fn, ms) {
      let cancel = null;
      const id = setTimeout(() => { cancel(); fn(); }, ms);
      cancel = ownOnce(() => clearTimeout(id));
      return cancel;
    },
    interval(fn, ms) {
      const id = setInterval(fn, ms);
      return ownOnce(() => clearInterval(id));
    },
  };
  return {
    ctx,
    dispose() {
      closed = true;
      for (const draw of draws) cancelDraw(draw);
      draws.clear();
      const list = owned;
      owned = [];
      for (let i = list.length - 1; i >= 0; i--) {
        try { dispose(list[i]); } catch (err) { console.warn(err); }
      }
    },
  };
}

// The widget tables already in the English one: a table is copied in once, not at every mount.
const registeredTables = new WeakSet();

export function mountWidget(element, options, { schema, meta, build, messages }) {
  if (!element || typeof element.append !== 'function') throw new TypeError('mount: expected a DOM element to mount into');
  const context = (options && options[MOUNT_CONTEXT]) || {};
  const source = context.source || 'options';
  const name = context.name || (element.dataset && element.dataset.widget) || meta.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const { common, rest } = splitCommon(options);
  // Every text the runtime and the widget show goes through t, in the language around the widget
  // (messages.js). A widget's English words join the table the first time it mounts; another
  // language adds the same keys with addMessages(lang, …).
  if (messages && !registeredTables.has(messages)) {
    addMessages('en', messages, { keep: true });
    registeredTables.add(messages);
  }
  const t = messageFunction(languageOf(element));
  // The card's title and hint are words too: '<widget>.title' and '<widget>.hint' in its table.
  const prefix = messages ? Object.keys(messages)[0].split('.')[0] : '';
  const cardMeta = prefix && `${prefix}.title` in messages ? { title: t(`${prefix}.title`), hint: t(`${prefix}.hint`) } : meta;
  // share is read like any boolean option: a value that is not true/false gets the same note.
  const shareOption = resolveOptions({ share: { type: 'boolean', default: true } }, common.share === undefined ? {} : { share: common.share }, { t });
  const showShare = shareOption.values.share;

  // Values of the keys present in `raw`, resolved, laid over `values`.
  function overlay(values, raw) {
    const canonical = canonicalOptions(schema, raw);
    const r = resolveOptions(schema, raw, { t }); // raw: its notes name each option as it was written
    const out = { ...values };
    for (const k of Object.keys(canonical)) if (Object.prototype.hasOwnProperty.call(schema, k)) out[k] = r.values[k];
    return { values: out, notes: r.notes };
  }

  const base = resolveOptions(schema, rest, { t });
  let current = base.values;
  const startNotes = [[[...base.notes, ...shareOption.notes], source]];
  let pendingState = null; // { text, source } restored once the widget is built

  if (common.state !== undefined && common.state !== null && String(common.state) !== '') pendingState = { text: String(common.state), source };

  // ---- the page address ----
  const policy = addressPolicy(element, context, common);
  let address = null;
  let takingAddress = false; // applying a state someone else wrote to the address
  function addressLayer(found, onto) {
    const raw = {};
    let state = null;
    for (const [k, v] of found.entries) { if (k === 'state') state = v; else raw[k] = v; }
    const o = overlay(onto, raw);
    return { values: o.values, notes: [...found.damaged.map((k) => t('options.unreadable', { name: k })), ...o.notes], state };
  }
  if (policy) {
    address = bindAddress(claimNamespace(policy.namespace || pageNamespace(element, name)), {
      write: policy.write,
      legacy: policy.legacy ? (k) => !!schemaName(schema, k) && !COMMON_OPTIONS.includes(k) : null,
      onExternalChange: (found) => {
        const layer = addressLayer(found, base.values);
        // The address is what the widget now shows: a run the update stops (which writes the
        // address, see ctx.animate) must not write the state it stopped in over it.
        takingAddress = true;
        try {
          applyOptions(layer.values, layer.notes, 'address');
          if (layer.state !== null) restoreState({ text: layer.state, source: 'address' });
        } finally { takingAddress = false; }
      },
    });
    const found = address.read();
    if (found.entries.length || found.damaged.length) {
      const layer = addressLayer(found, current);
      current = layer.values;
      startNotes.push([layer.notes, 'address']);
      if (layer.state !== null) pendingState = { text: layer.state, source: 'address' };
    }
    // A setting written after "?" (lesson.html?seed=5) is not read: settings live after "#", where
    // the page's server never sees them. Say so, with the address that works, instead of silently
    // showing the defaults.
    if (policy.legacy && location.search) {
      const misplaced = [];
      const named = new Set();
      for (const [key, value] of new URLSearchParams(location.search)) {
        const bare = key.startsWith(`${address.namespace}.`) ? key.slice(address.namespace.length + 1) : key;
        const known = schemaName(schema, bare);
        if (!known || COMMON_OPTIONS.includes(known) || named.has(known)) continue; // one note per setting
        named.add(known);
        misplaced.push(t('options.inQuery', { name: key, fix: fragmentFor(address.namespace, [[known, value.slice(0, 40)]]) }));
      }
      if (misplaced.length) startNotes.push([misplaced, 'address']);
    }
  }

  // ---- the card ----
  let card = null;
  let instance = null;
  let engine = null;
  let destroyed = false;
  const onUserChange = () => stateChanged();
  // Every finished game reports a score: a 'dw:complete' with no 'dw:score' since the last one
  // is preceded by a 'dw:score' with the same detail (dispatched here, before the completion
  // bubbles on to the page), so a host that only counts scores misses no game.
  let scoreSinceComplete = false;
  const onScore = () => { scoreSinceComplete = true; };
  const onComplete = (event) => {
    if (!scoreSinceComplete && event.target === event.currentTarget) {
      event.currentTarget.dispatchEvent(new CustomEvent('dw:score', { bubbles: true, composed: true, detail: { ...(event.detail || {}) } }));
    }
    scoreSinceComplete = false;
  };
  function makeCard() {
    card = createCard(element, cardMeta, t);
    card.card.addEventListener('dw:score', onScore);
    card.card.addEventListener('dw:complete', onComplete);
    if (showShare) createShareControl(card, describeShare);
    for (const type of CHANGE_EVENTS) card.card.addEventListener(type, onUserChange);
  }
  makeCard();
  const loading = el('p', { className: 'dw-loading', text: t('widget.loading') });
  card.stage.append(loading);
  card.setNotes([]);
  for (const [list, from] of startNotes) card.addNotes(list, from);

  // Where the options came from, for notes a widget adds about them (the address when it set any).
  const noteSource = () => (startNotes.some(([, from]) => from === 'address') ? 'address' : source);
  // One build of the widget through a fresh context; a build that throws leaves nothing behind.
  let widgetContext = null;
  function buildWith(base) {
    widgetContext = createWidgetContext(base);
    try { return build(widgetContext.ctx); } catch (err) { widgetContext.dispose(); widgetContext = null; throw err; }
  }
  function teardown() {
    if (instance && instance.destroy) instance.destroy();
    instance = null;
    if (widgetContext) widgetContext.dispose();
    widgetContext = null;
  }

  function start() {
    instance = buildWith({ ml: engine, card, options: current, notes: startNotes.flatMap(([list]) => list), element, stateChanged, noteSource: noteSource(), t });
    if (pendingState) restoreState(pendingState);
    pendingState = null;
    stateChanged();
  }

  function restoreState({ text, source: from }) {
    // Before the engine has loaded there is nothing to restore into yet: kept for start().
    if (!instance) { pendingState = { text, source: from }; return; }
    // A widget with no extra state: its options are everything. A state given to it (a link made
    // by hand, or for another widget) is said to be unused, not dropped without a word.
    if (!instance.state) {
      card.addNotes([t('widget.stateNotKept', { value: clipText(text, 40) })], from);
      return;
    }
    let value;
    try { value = decodeState(text); } catch (err) {
      card.addNotes([t('widget.stateUnreadable', { reason: err.message })], from);
      return;
    }
    try { instance.state.set(value, from); } catch (err) {
      card.addNotes([t('widget.stateUnusable', { reason: describeError(err, t) })], from);
    }
  }

  // The options as the learner sees them now (including changes made with the widget's controls).
  function liveOptions() {
    if (!instance || typeof instance.currentOptions !== 'function') return current;
    const live = instance.currentOptions() || {};
    const out = { ...current };
    for (const k of Object.keys(schema)) if (live[k] !== undefined) out[k] = live[k];
    return out;
  }

  // What restores the widget: options that differ from `reference` (the schema's defaults for
  // embed.html and snippets; the page's own options for its address, which it applies anyway).
  function shareAttributes(reference = null) {
    const attrs = changedOptionText(schema, liveOptions(), reference);
    if (instance && instance.state) {
      const extra = instance.state.get();
      if (extra !== null && extra !== undefined) attrs.state = encodeState(extra);
    }
    return attrs;
  }

  // In the whole-course file (course.html, scripts/build-single.mjs) each lesson is an
  // <article id="slug" data-lesson-scope>: a link from one of its widgets starts with the lesson's
  // anchor, so it opens at that lesson rather than at the top of the file.
  function lessonAnchor() {
    const root = element.getRootNode ? element.getRootNode() : null;
    const host = root && root.host ? root.host : element;
    const scope = host.closest ? host.closest('[data-lesson-scope][id]') : null;
    return scope ? scope.id : '';
  }

  function describeShare() {
    const attrs = shareAttributes();
    const link = address
      // The page's address without its #… (location.origin is "null" on file:// in Firefox).
      ? `${location.href.replace(/#.*$/s, '')}${fragmentFor(address.namespace, Object.entries(shareAttributes(base.values)), lessonAnchor())}`
      : frameAddress(SITE_BASE, name, attrs);
    return { link, element: elementSnippet(SITE_BASE, name, attrs, meta.title), frame: frameSnippet(SITE_BASE, name, attrs, meta.title, card.card.offsetHeight + 40) };
  }

  // Called after anything the learner did (the card's input events) and after updates; the
  // page's main widget then writes its state to the address (debounced in address-state.js).
  function stateChanged() {
    if (address && instance && !destroyed && !takingAddress) address.write(Object.entries(shareAttributes(base.values)));
  }

  function applyOptions(values, notes, from) {
    current = values;
    card.setNotes(notes, from);
    if (!instance) return;
    if (typeof instance.update === 'function') { instance.update(current, from); return; }
    // No update(): build the widget again with the new options, in a fresh card.
    teardown();
    card.remove();
    makeCard();
    card.setNotes(notes, from);
    instance = buildWith({ ml: engine, card, options: current, notes, element, stateChanged, noteSource: from, t });
  }

  // The engine module the widget declared next to its schema (engine-need.js; default full).
  const ready = loadEngine(engineNeedOf(schema)).then((ml) => {
    if (destroyed) return;
    engine = ml;
    loading.remove();
    start();
  }).catch((err) => {
    loading.remove();
    card.setMessage(t('widget.cannotStart', { reason: describeError(err, t) }), 'bad');
    console.warn(err);
  });

  return {
    ready,
    name,
    get options() { return { ...liveOptions() }; },
    // The widget's extra state (what a Share link carries besides the options), for tests.
    get state() { return instance && instance.state ? instance.state.get() : null; },
    share() { return describeShare(); },
    update(next = {}, from = 'update') {
      const { common: c, rest: r } = splitCommon(next);
      const o = overlay(liveOptions(), r);
      applyOptions(o.values, o.notes, from);
      if (c.state !== undefined && c.state !== null && String(c.state) !== '') restoreState({ text: String(c.state), source: from });
      stateChanged();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (address) address.destroy();
      teardown();
      card.remove();
    },
  };
}

// Runs an engine call; on a thrown engine error shows it on the card's message line and
// returns `fallback` instead of letting it escape into an animation loop.
export function attempt(card, fn, fallback = undefined) {
  try {
    return fn();
  } catch (err) {
    card.setMessage(describeError(err), 'bad');
    return fallback;
  }
}

