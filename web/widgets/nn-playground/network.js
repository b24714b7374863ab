// The network diagram: a column of input features (click to switch one on or off), one column per
// hidden layer (+/− neurons, activation per layer), and the output. Every neuron is a focusable
// button holding the place of its heat-map thumbnail; the thumbnails are drawn at grid resolution
// and stretched onto one canvas laid over the buttons (see the sheet below). Weights are curves
// on a canvas behind the neurons: colour = sign (blue positive, orange negative), width = size.
// Hovering or focusing a neuron reports it (the big view then shows its map); clicking a curve or
// pressing Enter on a neuron asks to edit a weight. Its words come through `t`, the widget's
// message function (messages.js).
import { el, setDisabled } from '../../lib/ui.js';
import { readTheme } from '../../lib/theme.js';
import { ACTIVATIONS, FEATURES, MAX_LAYERS, MAX_UNITS } from './settings.js';
import { normalisedScale, paintSignedWords, palette } from './heatmap.js';
import { formatNumber } from '../../lib/format.js';

export function createNetworkView(parent, handlers, t) {
  const root = el('div', { className: 'nnp-net' });
  const top = el('div', { className: 'nnp-net-top' });
  const addLayer = el('button', { type: 'button', className: 'dw-btn nnp-small', text: '+', 'aria-label': t('nn-playground.addLayer') });
  const removeLayer = el('button', { type: 'button', className: 'dw-btn nnp-small', text: '−', 'aria-label': t('nn-playground.removeLayer') });
  const layerCount = el('span', { className: 'nnp-net-count', 'aria-live': 'polite' });
  top.append(addLayer, removeLayer, layerCount);
  const heads = el('div', { className: 'nnp-net-heads' });
  const body = el('div', { className: 'nnp-net-body' });
  const links = el('canvas', { className: 'nnp-links', role: 'img', 'aria-label': t('nn-playground.links') });
  const columns = el('div', { className: 'nnp-net-columns' });
  // Every thumbnail is drawn on this one canvas, over the buttons' places for them, not on a
  // canvas per neuron: each canvas that changes in a frame is a layer the browser composites
  // again, and with the largest network (56 neurons, a third redrawn per frame while training)
  // that cost Chromium's software compositor 3–4 ms a frame, 60 → 51 fps (bench/REPORT.md).
  const sheet = el('canvas', { className: 'nnp-thumbs', 'aria-hidden': 'true' });
  body.append(links, columns, sheet);
  const sheetCtx = sheet.getContext('2d');
  const scratch = el('canvas'); // one thumbnail at grid resolution, stretched onto the sheet
  const scratchCtx = scratch.getContext('2d');
  const tip = el('div', { className: 'nnp-tip', role: 'status' });
  // Neurons keep a 44 px touch target; a network wider than the panel scrolls sideways inside
  // this focusable region (arrow keys scroll it), never the page.
  const scroller = el('div', { className: 'nnp-net-scroll', tabindex: '0', role: 'region', 'aria-label': t('nn-playground.diagram') });
  scroller.append(heads, body);
  root.append(top, scroller, tip);
  parent.append(root);
  const linkCtx = links.getContext('2d');

  addLayer.addEventListener('click', () => handlers.onLayers(+1));
  removeLayer.addEventListener('click', () => handlers.onLayers(-1));

  let structure = null; // { features: [keys], layers: [units], acts, outputs, kind }
  let neurons = []; // per column: [{ button, thumb, image, col, unit, rect }]
  let inactiveNeurons = []; // switched-off input features (drawn from featureTransform)
  let positions = null;
  let paths = []; // hit-test list: { path, layer, from, to, value }
  let lastWeights = null;
  let lastStyles = null; // the links' quantised looks when last drawn (see drawLinks)
  let thumbRes = 24;
  let theme = readTheme(root); // cached: reading computed styles every frame forces style recalculation

  function neuronLabel(col, unit) {
    if (col === 0) return t(`nn-playground.feature.${structure.features[unit]}`);
    if (col === structure.layers.length + 1) {
      if (structure.kind === 'multiclass') return t('nn-playground.neuron.outputClass', { unit: formatNumber(unit, 0) });
      return t('nn-playground.neuron.output');
    }
    return t('nn-playground.neuron.hidden', { layer: formatNumber(col, 0), unit: formatNumber(unit + 1, 0) });
  }

  // Rebuilds the DOM for a new architecture.
  function setStructure(next) {
    // Keep keyboard focus on the same control (by its label) across the rebuild.
    const active = typeof document !== 'undefined' ? document.activeElement : null;
    const focusedLabel = active && root.contains(active) ? active.getAttribute('aria-label') : null;
    structure = next;
    const L = next.layers.length;
    layerCount.textContent = t('nn-playground.layerCount', { count: L });
    setDisabled(addLayer, L >= MAX_LAYERS, [removeLayer]);
    setDisabled(removeLayer, L === 0, [addLayer]);
    heads.replaceChildren();
    columns.replaceChildren();
    neurons = [];
    sheetCtx.setTransform(1, 0, 0, 1, 0, 0);
    sheetCtx.clearRect(0, 0, sheet.width, sheet.height); // the old places; measure() lays out the new
    const colCount = L + 2;
    root.style.setProperty('--nnp-cols', String(colCount));

    // Inputs: all seven features; the active ones feed the network (in canonical order).
    heads.append(el('div', { className: 'nnp-head' }, [el('span', { className: 'nnp-head-title', text: t('nn-playground.features') })]));
    const inputCol = el('div', { className: 'nnp-col', role: 'group', 'aria-label': t('nn-playground.inputFeatures') });
    const activeList = [];
    const inactiveList = [];
    FEATURES.forEach((f) => {
      const name = t(`nn-playground.feature.${f.key}`);
      const unit = next.features.indexOf(f.key);
      const active = unit >= 0;
      const button = el('button', { type: 'button', className: `nnp-neuron nnp-feature${active ? ' nnp-on' : ''}`, 'aria-pressed': active ? 'true' : 'false', 'aria-label': t('nn-playground.inputFeature', { feature: name }) });
      const thumb = el('span', { className: 'nnp-thumb', 'aria-hidden': 'true' });
      button.append(thumb, el('span', { className: 'nnp-feature-label', 'aria-hidden': 'true', text: name }));
      button.addEventListener('click', () => handlers.onFeature(f.key));
      if (active) hoverable(button, { col: 0, unit });
      inputCol.append(button);
      const entry = { button, thumb, col: 0, unit, key: f.key, faded: !active };
      (active ? activeList : inactiveList).push(entry);
    });
    columns.append(inputCol);
    const perColumn = [activeList];

    for (let l = 0; l < L; l++) {
      const head = el('div', { className: 'nnp-head' });
      const layer = formatNumber(l + 1, 0);
      const plus = el('button', { type: 'button', className: 'dw-btn nnp-small', text: '+', 'aria-label': t('nn-playground.addNeuron', { layer }) });
      const minus = el('button', { type: 'button', className: 'dw-btn nnp-small', text: '−', 'aria-label': t('nn-playground.removeNeuron', { layer }) });
      plus.disabled = next.layers[l] >= MAX_UNITS;
      minus.disabled = next.layers[l] <= 1;
      plus.addEventListener('click', () => handlers.onUnits(l, +1));
      minus.addEventListener('click', () => handlers.onUnits(l, -1));
      const act = el('select', { className: 'nnp-act', 'aria-label': t('nn-playground.activationOf', { layer }) });
      for (const v of ACTIVATIONS) act.append(el('option', { value: v, text: t(`nn-playground.activation.${v}`) }));
      act.value = next.acts[l];
      act.addEventListener('change', () => handlers.onActivation(l, act.value));
      head.append(el('div', { className: 'nnp-head-buttons' }, [plus, minus]), el('span', { className: 'nnp-head-title', text: t('nn-playground.neuronCount', { count: next.layers[l] }) }), act);
      heads.append(head);
      const col = el('div', { className: 'nnp-col', role: 'group', 'aria-label': t('nn-playground.hiddenLayer', { layer }) });
      const list = [];
      for (let u = 0; u < next.layers[l]; u++) list.push(makeNeuron(col, l + 1, u));
      columns.append(col);
      perColumn.push(list);
    }
    heads.append(el('div', { className: 'nnp-head' }, [el('span', { className: 'nnp-head-title', text: t('nn-playground.panel.output') }),
      el('span', { className: 'nnp-head-sub', text: t(`nn-playground.outputActivation.${next.kind}`) })]));
    const outCol = el('div', { className: 'nnp-col', role: 'group', 'aria-label': t('nn-playground.panel.output') });
    const outs = [];
    for (let u = 0; u < next.outputs; u++) outs.push(makeNeuron(outCol, L + 1, u));
    columns.append(outCol);
    perColumn.push(outs);
    neurons = perColumn;
    inactiveNeurons = inactiveList;
    positions = null;
    lastWeights = null;
    lastStyles = null;
    if (focusedLabel) {
      const again = root.querySelector(`[aria-label="${CSS.escape(focusedLabel)}"]`);
      // A layer's + or − rebuilt disabled (at the most or the fewest neurons): its partner.
      const partner = again && again.disabled ? again.parentElement.querySelector('button:not(:disabled)') : again;
      if (partner) partner.focus();
    }
  }

  function makeNeuron(col, c, u) {
    const button = el('button', { type: 'button', className: 'nnp-neuron', 'aria-label': t('nn-playground.neuronButton', { neuron: neuronLabel(c, u) }) });
    const thumb = el('span', { className: 'nnp-thumb', 'aria-hidden': 'true' });
    button.append(thumb);
    hoverable(button, { col: c, unit: u });
    button.addEventListener('click', () => handlers.onEditNeuron(c, u));
    col.append(button);
    return { button, thumb, col: c, unit: u };
  }

  function hoverable(button, id) {
    button.addEventListener('pointerenter', () => handlers.onHover(id));
    button.addEventListener('pointerleave', () => handlers.onHover(null));
    button.addEventListener('focus', () => handlers.onHover(id));
    button.addEventListener('blur', () => handlers.onHover(null));
  }

  // Colours one neuron's map into a scratch image and, only when a pixel differs from what the
  // neuron shows (an input feature's map never changes, and a trained neuron's map changes by
  // less than a colour step most frames), keeps it as the neuron's image and puts it on the sheet.
  let fresh = null; // { image, words }: the scratch n×n image
  function drawThumb(entry, values, offset, pal) {
    const n = thumbRes;
    if (!fresh || fresh.image.width !== n) { const image = new ImageData(n, n); fresh = { image, words: new Uint32Array(image.data.buffer) }; }
    paintSignedWords(fresh.words, values, n, pal, { offset, ...normalisedScale(values, offset, n * n) });
    if (entry.image && entry.image.width === n && sameWords(entry.words, fresh.words)) return;
    if (!entry.image || entry.image.width !== n) { entry.image = new ImageData(n, n); entry.words = new Uint32Array(entry.image.data.buffer); }
    entry.words.set(fresh.words);
    if (!positions) measure(); // lays the sheet out and puts every kept image on it, this one too
    else putOnSheet(entry);
  }

  function sameWords(a, b) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  // One neuron's kept image, stretched over its place (smoothed, as CSS stretched the canvas
  // each neuron had); a switched-off input feature's is faded.
  function putOnSheet(entry) {
    const r = entry.rect;
    if (!r || !entry.image) return;
    const n = entry.image.width;
    if (scratch.width !== n) { scratch.width = n; scratch.height = n; }
    scratchCtx.putImageData(entry.image, 0, 0);
    const c = sheetCtx;
    c.setTransform(sheet.dpr, 0, 0, sheet.dpr, 0, 0);
    c.clearRect(r.x, r.y, r.w, r.h);
    c.save();
    c.beginPath();
    if (c.roundRect) c.roundRect(r.x, r.y, r.w, r.h, 2); else c.rect(r.x, r.y, r.w, r.h);
    c.clip();
    c.globalAlpha = entry.faded ? 0.35 : 1;
    c.imageSmoothingEnabled = true;
    c.drawImage(scratch, 0, 0, n, n, r.x, r.y, r.w, r.h);
    c.restore();
  }

  // grid: the engine's neuronGrid (res² values per neuron, layer by layer). With { part, parts }
  // only every parts-th neuron from `part` on is drawn (the others keep their last map).
  function drawThumbnails(grid, res, { part = 0, parts = 1 } = {}) {
    if (!structure) return;
    thumbRes = res;
    const cells = res * res;
    const pal = palette(theme, 0.95);
    let k = 0;
    neurons.forEach((list) => list.forEach((entry) => { if (k % parts === part) drawThumb(entry, grid, k * cells, pal); k += 1; }));
  }

  // featureGrid(key) → the engine's featureTransform of the grid for one feature.
  function drawInactive(featureGrid, res) {
    thumbRes = res;
    const pal = palette(theme, 0.95);
    for (const entry of inactiveNeurons) drawThumb(entry, featureGrid(entry.key), 0, pal);
  }

  // Where every neuron's thumbnail sits in the diagram, the two canvases sized to it, and every
  // kept thumbnail put on the sheet again (resizing a canvas clears it).
  function measure() {
    const box = body.getBoundingClientRect();
    const place = (entry) => {
      const r = entry.thumb.getBoundingClientRect();
      entry.rect = { x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height };
      return { x0: entry.rect.x, x1: entry.rect.x + r.width, y: entry.rect.y + r.height / 2 };
    };
    positions = neurons.map((list) => list.map(place));
    inactiveNeurons.forEach(place);
    const dpr = Math.min(3, window.devicePixelRatio || 1);
    const w = Math.max(1, Math.round(box.width));
    const h = Math.max(1, Math.round(box.height));
    for (const canvas of [links, sheet]) {
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      canvas.dpr = dpr;
      canvas.cssW = w;
      canvas.cssH = h;
    }
    sheetCtx.setTransform(1, 0, 0, 1, 0, 0);
    sheetCtx.clearRect(0, 0, sheet.width, sheet.height);
    for (const list of neurons) list.forEach(putOnSheet);
    inactiveNeurons.forEach(putOnSheet);
  }

  // The curves' geometry, built once per layout: { path, layer, from, to, index, value }.
  function buildPaths(sizes) {
    paths = [];
    let offset = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const from = positions[l];
      const to = positions[l + 1];
      const nTo = sizes[l + 1];
      for (let i = 0; i < sizes[l]; i++) {
        for (let j = 0; j < nTo; j++) {
          const a = from && from[i];
          const b = to && to[j];
          if (!a || !b) continue;
          const path = new Path2D();
          const mx = (a.x1 + b.x0) / 2;
          path.moveTo(a.x1, a.y);
          path.bezierCurveTo(mx, a.y, mx, b.y, b.x0, b.y);
          paths.push({ path, layer: l, from: i, to: j, index: offset + i * nTo + j, value: 0 });
        }
      }
      offset += sizes[l] * nTo;
    }
  }

  // weights: the engine's weights() (per layer, from × to, row-major); sizes: layerSizes().
  // Each curve's look (sign, opacity, width) is quantised to steps the eye cannot tell apart;
  // the canvas is redrawn only when one of them, the layout, the selection or the theme changed,
  // so a network that has settled costs no drawing. Returns whether it drew.
  function drawLinks(weights, sizes, selected) {
    if (!structure || !weights) return false;
    let relaid = false;
    if (!positions) { measure(); relaid = true; }
    if (relaid || !lastWeights || lastWeights.sizes.join() !== sizes.join()) buildPaths(sizes);
    lastWeights = { weights, sizes, selected };
    let max = 1e-9;
    for (const w of weights) if (Math.abs(w) > max) max = Math.abs(w);
    if (!lastStyles || lastStyles.codes.length !== paths.length) lastStyles = { codes: new Int32Array(paths.length).fill(-1), theme: null, selected: '' };
    const codes = lastStyles.codes;
    let changed = relaid || lastStyles.theme !== theme;
    for (let k = 0; k < paths.length; k++) {
      const v = weights[paths[k].index];
      paths[k].value = v;
      const alphaStep = Math.round(40 * Math.min(1, Math.abs(v) / max));
      const widthStep = Math.round(8 * Math.max(0.5, Math.min(6, Math.abs(v) * 2)));
      const code = (v >= 0 ? 1 : 0) + 2 * alphaStep + 128 * widthStep;
      if (codes[k] !== code) { codes[k] = code; changed = true; }
    }
    const selKey = selected ? `${selected.layer},${selected.from},${selected.to}` : '';
    if (selKey !== lastStyles.selected) changed = true;
    if (!changed) return false;
    lastStyles.theme = theme;
    lastStyles.selected = selKey;
    const c = linkCtx;
    c.setTransform(links.dpr, 0, 0, links.dpr, 0, 0);
    c.clearRect(0, 0, links.cssW, links.cssH);
    for (const p of paths) {
      const v = p.value;
      const isSel = selected && selected.layer === p.layer && selected.from === p.from && selected.to === p.to;
      c.strokeStyle = v >= 0 ? theme.class1 : theme.class0;
      c.globalAlpha = isSel ? 1 : 0.3 + 0.6 * Math.min(1, Math.abs(v) / max);
      c.lineWidth = isSel ? 3 + Math.min(6, Math.abs(v) * 2) : Math.max(0.5, Math.min(6, Math.abs(v) * 2));
      c.stroke(p.path);
      if (isSel) { c.globalAlpha = 1; c.strokeStyle = theme.text; c.lineWidth = 1; c.setLineDash([3, 3]); c.stroke(p.path); c.setLineDash([]); }
    }
    c.globalAlpha = 1;
    return true;
  }

  function hit(event) {
    const r = links.getBoundingClientRect();
    const x = (event.clientX - r.left) * links.dpr;
    const y = (event.clientY - r.top) * links.dpr;
    linkCtx.save();
    linkCtx.setTransform(links.dpr, 0, 0, links.dpr, 0, 0);
    let found = null;
    for (let i = paths.length - 1; i >= 0 && !found; i--) {
      linkCtx.lineWidth = Math.max(10, Math.abs(paths[i].value) * 2 + 6);
      if (linkCtx.isPointInStroke(paths[i].path, x, y)) found = paths[i];
    }
    linkCtx.restore();
    return found;
  }

  const onMove = (e) => {
    const h = hit(e);
    links.style.cursor = h ? 'pointer' : 'default';
    if (h) {
      tip.textContent = t('nn-playground.weightTip', { link: describeLink(h), value: formatNumber(h.value, 3) });
      tip.classList.add('nnp-show');
    } else tip.classList.remove('nnp-show');
  };
  const onLeave = () => tip.classList.remove('nnp-show');
  const onClick = (e) => {
    const h = hit(e);
    if (h) handlers.onEditWeight(h.layer, h.from, h.to);
  };
  links.addEventListener('pointermove', onMove);
  links.addEventListener('pointerleave', onLeave);
  links.addEventListener('click', onClick);

  function describeLink(h) {
    return t('nn-playground.link', { from: neuronLabel(h.layer, h.from), to: neuronLabel(h.layer + 1, h.to) });
  }

  const resizeObserver = new ResizeObserver(() => {
    positions = null;
    if (lastWeights) drawLinks(lastWeights.weights, lastWeights.sizes, lastWeights.selected);
    else if (structure) measure();
  });
  resizeObserver.observe(body);

  return {
    root,
    setStructure,
    drawThumbnails,
    drawInactive,
    drawLinks,
    refreshTheme() { theme = readTheme(root); },
    neuronLabel: (c, u) => (structure ? neuronLabel(c, u) : ''),
    focusNeuron(c, u) { const e = neurons[c] && neurons[c][u]; if (e) e.button.focus(); },
    invalidate() { positions = null; },
    destroy() {
      resizeObserver.disconnect();
      // Release canvas backing stores now rather than whenever the collector gets to them.
      for (const c of root.querySelectorAll('canvas')) { c.width = 0; c.height = 0; }
      fresh = null;
      scratch.width = 0;
      scratch.height = 0;
      neurons = [];
      inactiveNeurons = [];
      paths = [];
      lastWeights = null;
      lastStyles = null;
      root.remove();
    },
  };
}
