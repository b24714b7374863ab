// The one way a widget is mounted. Each widget module exports
//   schema            its options table (see schema.js)
//   meta              { title, hint }
//   mount(el, opts)   → { update(opts), destroy(), ready: Promise }
// and implements mount by calling mountWidget(el, opts, { schema, meta, build }), where
// build(ctx) sets up canvases/controls with the loaded engine and returns { update, destroy }.
// mountWidget resolves options (clamping with visible notes), builds the card, loads the
// engine once per page, turns setup errors into a message in words, and makes destroy() undo
// everything (the widget's own destroy must .delete() every engine object it created).
import { loadEngine } from '../engine/index.js';
import { resolveOptions } from './schema.js';
import { createCard, describeError, el } from './ui.js';

export function mountWidget(element, options, { schema, meta, build }) {
  if (!element || typeof element.append !== 'function') throw new TypeError('mount: expected a DOM element to mount into');
  const { values, notes } = resolveOptions(schema, options || {});
  const card = createCard(element, meta);
  const loading = el('p', { className: 'dw-loading', text: 'Loading the learning engine…' });
  card.stage.append(loading);
  card.setNotes(notes);

  let instance = null;
  let destroyed = false;
  let current = values;
  const ready = loadEngine().then((ml) => {
    if (destroyed) return;
    loading.remove();
    instance = build({ ml, card, options: values, notes, element });
  }).catch((err) => {
    loading.remove();
    card.setMessage(`This widget could not start: ${describeError(err)}`, 'bad');
    console.warn(err);
  });

  return {
    ready,
    get options() { return { ...current }; },
    update(next = {}) {
      const resolved = resolveOptions(schema, { ...current, ...next });
      current = resolved.values;
      card.setNotes(resolved.notes);
      if (instance && instance.update) instance.update(current);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (instance && instance.destroy) instance.destroy();
      instance = null;
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
