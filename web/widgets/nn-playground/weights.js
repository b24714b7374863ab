// Reading and editing single weights (the engine's weight/setWeight/setBias), and saving or
// loading the whole trained network as JSON (the engine's exportJson/importJson). The editor is
// a small form: pick a connection of the chosen neuron, type a value, press Set. Its words come
// through `t`, the widget's message function (messages.js).
import { button, el, fixed, nextId } from '../../lib/ui.js';
import { FEATURES } from './settings.js';
import { formatNumber } from '../../lib/format.js';
import { readNumberInBox, refusalReason, stepFrom } from '../../lib/number-field.js';

const WEIGHT_LIMIT = 1e6; // the largest weight or bias, of either sign, the editor sets

// returnFocus(column, unit): the editor closing while the keyboard is in it (Close, Escape) hands
// the focus back to the neuron it was opened for, rather than letting it drop to the page body.
export function createWeightEditor(parent, { trainer, label, onChanged, onMessage, returnFocus, t }) {
  const root = el('div', { className: 'nnp-weight-editor', role: 'group', 'aria-label': t('nn-playground.editWeight') });
  root.hidden = true;
  const title = el('p', { className: 'nnp-editor-title' });
  const selId = nextId('conn');
  const valId = nextId('wval');
  const sel = el('select', { id: selId });
  // A text box read like every typed number on the site (web/lib/number-field.js): a number box
  // made "0,5" into 5 without a word. The arrow keys step the typed value by 0.01, as before;
  // Set (or Enter) applies it.
  const input = el('input', { type: 'text', id: valId, inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', className: 'dw-number-box' });
  const row = el('div', { className: 'nnp-editor-row' }, [
    el('div', { className: 'dw-field' }, [el('label', { for: selId, text: t('nn-playground.connection') }), sel]),
    el('div', { className: 'dw-field nnp-narrow' }, [el('label', { for: valId, text: t('nn-playground.value') }), input]),
  ]);
  const buttons = el('div', { className: 'dw-buttons' });
  // With batch normalisation the weighted sum of a hidden neuron is re-centred and re-scaled
  // before its activation; its learned scale and shift are parameters too but not offered here (they
  // are in the JSON).
  const bnNote = el('p', { className: 'nnp-editor-note', text: t('nn-playground.batchNormNote') });
  bnNote.hidden = true;
  root.append(title, bnNote, row, buttons);
  parent.append(root);
  const setBtn = button(buttons, t('nn-playground.set'), () => apply(), { primary: true });
  button(buttons, t('nn-playground.close'), () => close());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); apply(); }
    if (e.key === 'Escape') close();
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const o = current();
      const read = readNumberInBox(input.value);
      const from = read.refusal ? (o ? valueOf(o) : 0) : read.value;
      input.value = String(stepFrom(from, 0.01, e.key === 'ArrowUp' ? 1 : -1, { min: -WEIGHT_LIMIT, max: WEIGHT_LIMIT }));
    }
  });
  sel.addEventListener('change', () => showValue());

  let options = []; // { kind: 'weight'|'bias', layer, from, to, unit, text }
  let selected = null;
  let origin = null; // { column, unit }: the neuron the editor was opened for

  function current() { return options[Number(sel.value)] || null; }

  function valueOf(o) {
    const net = trainer.net;
    if (o.kind === 'weight') return net.weight(o.layer, o.from, o.to);
    const sizes = trainer.layerSizes();
    let offset = 0;
    for (let l = 0; l < o.layer; l++) offset += sizes[l + 1];
    return net.biases()[offset + o.unit];
  }

  function showValue() {
    const o = current();
    selected = o && o.kind === 'weight' ? { layer: o.layer, from: o.from, to: o.to } : null;
    if (!o) return;
    try { input.value = fixed(valueOf(o), 4); } catch (err) { onMessage(err.message, 'bad'); }
    onChanged(false);
  }

  function fill(list, pick) {
    options = list;
    sel.replaceChildren(...list.map((o, i) => el('option', { value: String(i), text: o.text })));
    sel.value = String(Math.max(0, pick));
    bnNote.hidden = !trainer.net.batchNorm();
    root.hidden = false;
    showValue();
  }

  function weightText(layer, from, to) { return t('nn-playground.link', { from: label(layer, from), to: label(layer + 1, to) }); }

  function apply() {
    const o = current();
    if (!o) return;
    const read = readNumberInBox(input.value, { min: -WEIGHT_LIMIT, max: WEIGHT_LIMIT });
    if (read.refusal) {
      // The box goes back to the value in use, which the message names.
      const kept = valueOf(o);
      input.value = fixed(kept, 4);
      onMessage(t('nn-playground.weightRefused', { what: o.text, kept: fixed(kept, 4), reason: refusalReason(t, read) }), 'warn');
      return;
    }
    const v = read.value;
    try {
      if (o.kind === 'weight') trainer.net.setWeight(o.layer, o.from, o.to, v);
      else trainer.net.setBias(o.layer, o.unit, v);
      onMessage(t('nn-playground.weightSet', { what: o.text, value: fixed(v, 4) }), 'ok');
      onChanged(true);
    } catch (err) { onMessage(err.message, 'bad'); }
  }

  function close() {
    const hadFocus = root.contains(document.activeElement);
    root.hidden = true;
    selected = null;
    onChanged(false);
    if (hadFocus && origin && returnFocus) returnFocus(origin.column, origin.unit);
  }

  return {
    root,
    get selected() { return root.hidden ? null : selected; },
    // A curve was clicked: its neuron pair.
    openWeight(layer, from, to) {
      const sizes = trainer.layerSizes();
      const list = [];
      for (let i = 0; i < sizes[layer]; i++) list.push({ kind: 'weight', layer, from: i, to, text: weightText(layer, i, to) });
      list.push({ kind: 'bias', layer, unit: to, text: t('nn-playground.biasOf', { neuron: label(layer + 1, to) }) });
      title.textContent = t('nn-playground.weightsInto', { neuron: label(layer + 1, to) });
      origin = { column: layer + 1, unit: to };
      fill(list, from);
      sel.focus();
    },
    // Enter on a neuron (column c ≥ 1): its incoming weights, its bias, then its outgoing weights.
    openNeuron(c, unit) {
      const sizes = trainer.layerSizes();
      const list = [];
      for (let i = 0; i < sizes[c - 1]; i++) list.push({ kind: 'weight', layer: c - 1, from: i, to: unit, text: weightText(c - 1, i, unit) });
      list.push({ kind: 'bias', layer: c - 1, unit, text: t('nn-playground.biasOf', { neuron: label(c, unit) }) });
      if (c + 1 < sizes.length) for (let j = 0; j < sizes[c + 1]; j++) list.push({ kind: 'weight', layer: c, from: unit, to: j, text: weightText(c, unit, j) });
      title.textContent = t('nn-playground.weightsOf', { neuron: label(c, unit) });
      origin = { column: c, unit };
      fill(list, 0);
      sel.focus();
    },
    refresh() { if (!root.hidden) showValue(); },
    close,
    get setButton() { return setBtn; },
  };
}

// The input features named in an exported network (the engine has already accepted the text),
// as the playground's feature keys; `fallback` if the text names none we know.
export function featuresFromJson(text, fallback) {
  try {
    const names = JSON.parse(text).features;
    if (!Array.isArray(names) || !names.length) return 'x1,x2';
    const norm = (t) => String(t).toLowerCase().replace(/[\s()*]/g, '');
    return FEATURES.filter((f) => names.some((n) => norm(n) === norm(f.engine))).map((f) => f.key).join(',') || 'x1,x2';
  } catch {
    return fallback;
  }
}

// Offers `text` as a file download (a blob: URL on this machine; nothing leaves it).
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// t: the message function, whose shared csv.* words say why a file cannot be read.
export function readFile(file, maxBytes, t) {
  return new Promise((resolve, reject) => {
    if (file.size > maxBytes) { reject(new Error(t('csv.tooLarge', { size: formatNumber(Math.round(file.size / 1024), 0), max: formatNumber(Math.round(maxBytes / 1024), 0) }))); return; }
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(t('csv.unreadable')));
    reader.readAsText(file);
  });
}
