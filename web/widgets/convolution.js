// Convolution filters (landscape): a 3×3 kernel slides over a small built-in image; the engine
// computes the feature map (convolve2d, "valid" or zero-"same" padding), an optional ReLU (the
// MLP's activation via activationCurve) and a 2×2 max-pool (maxPool). Click a feature-map cell
// to see the 3×3 patch it came from and the sum that produced it.
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps } from '../lib/drag.js';
import { checkbox, el, fixed, nextId, select } from '../lib/ui.js';
import { formatShort } from '../lib/format.js';
import { Board } from '../lib/board.js';
import { divergingScale, sequentialScale } from '../lib/colors.js';
import { createPrediction } from '../lib/predict.js';
import { numberBox, refusalReason } from '../lib/number-field.js';
import { messages } from './convolution.messages.js';
import { IMAGE_SIZE, makeImage } from './convolution/images.js';

export const schema = {
  image: { type: 'enum', values: ['house', 'ring', 'stripes', 'checker'], default: 'house', description: 'Built-in 16×16 image.' },
  kernel: { type: 'enum', values: ['vertical-edge', 'horizontal-edge', 'outline', 'blur', 'gaussian', 'sharpen', 'identity', 'custom'], default: 'vertical-edge', description: 'Preset kernel (custom: edit the nine numbers).' },
  padding: { type: 'enum', values: ['valid', 'same'], default: 'valid', description: 'valid shrinks the map by 2; same pads the image with zeros.' },
  relu: { type: 'boolean', default: true, description: 'Apply ReLU to the feature map before pooling.' },
};

export const meta = { title: messages['convolution.title'], hint: messages['convolution.hint'] };

const N = IMAGE_SIZE;
const ENTRY_LIMIT = 100; // the largest kernel entry, of either sign, the editor takes
const KERNELS = {
  'vertical-edge': [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  'horizontal-edge': [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  outline: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  blur: Array(9).fill(1 / 9),
  gaussian: [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16),
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
};
// The kernel menu; each is named by 'convolution.kernel.<id>' in the message table.
const KERNEL_MENU = ['vertical-edge', 'horizontal-edge', 'outline', 'blur', 'gaussian', 'sharpen', 'identity', 'custom'];
// The setting the lesson's "Predict, then check" asks about (lessons/convolution-filters.md).
const ASKED = { image: 'house', kernel: 'vertical-edge', padding: 'valid' };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let image = makeImage(opts.image);
  let kernel = (KERNELS[opts.kernel] || KERNELS['vertical-edge']).slice();
  let map = null; let act = null; let pooled = null;
  let cell = { r: 3, c: 3 };

  const panels = el('div', { className: 'dw-matrix-panels' });
  card.stage.append(panels);
  const mkPanel = (title, note) => {
    const p = el('div', { className: 'dw-matrix-panel' }, [el('h4', { text: title })]);
    panels.append(p);
    const board = ctx.own(new Board(p, { aspect: 1, minHeight: 150, maxHeight: 300, label: title, onResize: () => ctx.requestDraw(draw) }));
    const caption = el('p', { text: note });
    p.append(caption);
    return { board, caption };
  };
  const inPanel = mkPanel(t('convolution.panel.input'), t('convolution.panel.inputNote'));
  const mapPanel = mkPanel(t('convolution.panel.map'), t('convolution.panel.mapNote'));
  const poolPanel = mkPanel(t('convolution.panel.pool'), '');
  mapPanel.board.canvas.tabIndex = 0;

  const kernelBox = el('div', { className: 'dw-matrix-panel' }, [el('h4', { text: t('convolution.kernelHeading') })]);
  const grid = el('div', { className: 'convolution-kernel', role: 'group', 'aria-label': t('convolution.kernelGrid') });
  const inputs = [];
  for (let i = 0; i < 9; i++) {
    const id = nextId('kern');
    // Read like every typed number on the site (web/lib/number-field.js): "0,5" is 0.5, and a
    // refused entry says why and goes back, where a number box quietly made "0,5" into 5.
    const row = Math.floor(i / 3) + 1; const column = (i % 3) + 1;
    const setEntry = (v) => {
      if (kernel[i] === v) return;
      kernel[i] = v;
      opts.kernel = 'custom'; kernelSelect.value = 'custom';
      run();
    };
    const input = numberBox({
      get: () => kernel[i],
      format: (v) => formatShort(v, 4),
      min: -ENTRY_LIMIT,
      max: ENTRY_LIMIT,
      step: 0.1,
      onLive: setEntry,
      onValue: setEntry,
      onRefuse: (r) => card.setMessage(t('convolution.entryRefused', { row, column, kept: formatShort(r.kept, 4), reason: refusalReason(t, r) }), 'warn'),
      attrs: { id, 'aria-label': t('convolution.kernelEntry', { row, column }) },
    });
    inputs.push(input);
    grid.append(input);
  }
  kernelBox.append(grid);
  card.controls.append(kernelBox);

  const imageSelect = select(card.controls, { label: t('convolution.select.image'), value: opts.image, options: ['house', 'ring', 'stripes', 'checker'].map((id) => [id, t(`convolution.image.${id}`)]), onChange: (v) => { opts.image = v; image = makeImage(v); run(); } });
  const kernelSelect = select(card.controls, { label: t('convolution.select.kernel'), value: opts.kernel, options: KERNEL_MENU.map((id) => [id, t(`convolution.kernel.${id}`)]), onChange: (v) => { opts.kernel = v; if (KERNELS[v]) kernel = KERNELS[v].slice(); showKernel(); run(); } });
  const paddingSelect = select(card.controls, { label: t('convolution.select.padding'), value: opts.padding, options: ['valid', 'same'].map((id) => [id, t(`convolution.padding.${id}`)]), onChange: (v) => { opts.padding = v; run(); } });
  const reluBox = checkbox(card.controls, { label: t('convolution.relu'), checked: opts.relu, onChange: (v) => { opts.relu = v; run(); } });
  const stat = { size: card.stat(t('convolution.stat.size')), value: card.stat(t('convolution.stat.value')), min: card.stat(t('convolution.stat.min')), max: card.stat(t('convolution.stat.max')) };

  // Predict, then check: with ReLU off the feature map has negative (orange) responses; how many
  // survive 2×2 max-pooling? The box asks about one setting, the lesson's: the house, the Sobel
  // vertical-edge kernel and valid padding. Locking in sets it; the pooled map with ReLU off at that
  // setting is the outcome (a verdict, or with nothing locked in, "seen"). Other settings pool
  // other maps (the house with same padding gives 9 negative cells, with the horizontal kernel 1),
  // so seeing them with ReLU off leaves a first try, and leaving the setting while a prediction is
  // locked sets it aside.
  const prediction = createPrediction(ctx, {
    id: 'convolution-relu-off-pool',
    question: t('convolution.predict.question'),
    choices: ['none', 'few', 'many'].map((id) => [id, t(`convolution.predict.${id}`)]),
    ready: () => (opts.relu ? null : t('convolution.predict.reluFirst')),
    onCommit: () => { opts = { ...opts, ...ASKED }; image = makeImage(ASKED.image); kernel = KERNELS[ASKED.kernel].slice(); showSetting(); run(); },
    next: t('convolution.predict.next'),
  });
  // A positive multiple of the Sobel kernel scales every sum, and so every pooled value, by the same
  // factor: the same cells are negative, so it counts as the asked setting too.
  function atAskedSetting() {
    if (opts.image !== ASKED.image || opts.padding !== ASKED.padding) return false;
    const sobel = KERNELS[ASKED.kernel];
    const scale = kernel[2] / sobel[2];
    return scale > 0 && kernel.every((k, i) => Math.abs(k - scale * sobel[i]) <= 1e-9 * Math.max(1, scale));
  }
  function judgePool() {
    if (opts.relu || !pooled || !map || !atAskedSetting()) return;
    // The pooled map without ReLU is the outcome: on screen with nothing locked in, a later
    // prediction could copy its orange cells.
    if (prediction.pending === null) { prediction.outcomeSeen(t('convolution.predict.seen')); return; }
    const negative = Array.from(pooled.values).filter((v) => v < 0).length;
    const mapNegative = Array.from(map.values).some((v) => v < 0);
    prediction.settle(negative > 5 ? 'many' : negative > 0 ? 'few' : 'none', t('convolution.predict.why', { negative, mapNegative }));
  }

  function showKernel() { inputs.forEach((inp, i) => { inp.value = formatShort(kernel[i], 4); }); }
  function showSetting() {
    imageSelect.value = opts.image;
    kernelSelect.value = opts.kernel;
    paddingSelect.value = opts.padding;
    reluBox.checked = opts.relu;
    showKernel();
  }

  function run() {
    if (prediction.pending !== null && !atAskedSetting()) prediction.reset(t('convolution.predict.reset'));
    // ReLU sits between the feature map and the pool, so only the pool's caption (and values) change with it.
    poolPanel.caption.textContent = opts.relu ? t('convolution.panel.poolNote.relu') : t('convolution.panel.poolNote.noRelu');
    map = attempt(card, () => ml.convolve2d(image, N, kernel, opts.padding), null);
    if (!map) { ctx.requestDraw(draw); return; }
    const vals = Array.from(map.values);
    act = opts.relu ? attempt(card, () => Float64Array.from(ml.activationCurve('relu', vals).value), null) : Float64Array.from(vals);
    pooled = act ? attempt(card, () => ml.maxPool(act, map.width, 2), null) : null;
    cell = { r: Math.min(cell.r, map.height - 1), c: Math.min(cell.c, map.width - 1) };
    stat.size.set(t('convolution.mapSize', { width: map.width, height: map.height }));
    stat.min.set(fixed(Math.min(...vals), 2));
    stat.max.set(fixed(Math.max(...vals), 2));
    describeCell();
    judgePool();
  }

  function describeCell() {
    if (!map) return;
    const v = map.values[cell.r * map.width + cell.c];
    stat.value.set(fixed(v, 3));
    const off = opts.padding === 'same' ? -1 : 0;
    const terms = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      const rr = cell.r + i + off; const cc = cell.c + j + off;
      const p = rr >= 0 && rr < N && cc >= 0 && cc < N ? image[rr * N + cc] : 0;
      if (kernel[i * 3 + j] !== 0 && p !== 0) terms.push([kernel[i * 3 + j], p]);
    }
    // "a×p + b×q − c×r": a negative weight after the first is written as a subtraction.
    const sum = terms.length
      ? terms.map(([k, p], n) => `${n === 0 ? '' : k < 0 ? ' − ' : ' + '}${fixed(n === 0 ? k : Math.abs(k), 2)}×${fixed(p, 2)}`).join('')
      : t('convolution.noProducts');
    card.setMessage(t('convolution.output', { row: cell.r + 1, column: cell.c + 1, sum, value: fixed(v, 3), zeroed: opts.relu && v < 0 }), 'info');
    ctx.requestDraw(draw);
  }

  function drawGrid(board, values, w, h, color, highlight) {
    const c = board.begin();
    const size = Math.min(board.width, board.height);
    const s = size / Math.max(w, h);
    const ox = (board.width - s * w) / 2; const oy = (board.height - s * h) / 2;
    for (let r = 0; r < h; r++) for (let q = 0; q < w; q++) {
      c.fillStyle = color(values[r * w + q]);
      // Whole-pixel edges so neighbouring cells meet without hairline seams.
      const x0 = Math.round(ox + q * s); const y0 = Math.round(oy + r * s);
      c.fillRect(x0, y0, Math.round(ox + (q + 1) * s) - x0, Math.round(oy + (r + 1) * s) - y0);
    }
    if (highlight) highlight(c, s, ox, oy);
    return { s, ox, oy };
  }

  let mapGeom = null;
  function draw() {
    const theme = getTheme();
    const grey = sequentialScale(theme, 0, 1, theme.model);
    const off = opts.padding === 'same' ? -1 : 0;
    drawGrid(inPanel.board, image, N, N, grey, (c, s, ox, oy) => {
      if (!map) return;
      c.strokeStyle = theme.accent; c.lineWidth = 3;
      c.strokeRect(ox + (cell.c + off) * s, oy + (cell.r + off) * s, 3 * s, 3 * s);
    });
    if (!map) return;
    const vals = Array.from(map.values);
    const range = Math.max(1e-9, ...vals.map(Math.abs));
    const div = divergingScale(theme, range);
    mapGeom = drawGrid(mapPanel.board, map.values, map.width, map.height, div, (c, s, ox, oy) => {
      c.strokeStyle = theme.model; c.lineWidth = 2.5;
      c.strokeRect(ox + cell.c * s, oy + cell.r * s, s, s);
      if (document.activeElement === mapPanel.board.canvas) { c.strokeStyle = theme.accent; c.lineWidth = 2; c.strokeRect(ox + cell.c * s - 3, oy + cell.r * s - 3, s + 6, s + 6); }
    });
    if (pooled) {
      const pr = Math.max(1e-9, ...Array.from(pooled.values).map(Math.abs));
      drawGrid(poolPanel.board, pooled.values, pooled.width, pooled.height, divergingScale(theme, pr), (c, s, ox, oy) => {
        const pr2 = Math.floor(cell.r / 2); const pc2 = Math.floor(cell.c / 2);
        if (pr2 < pooled.height && pc2 < pooled.width) { c.strokeStyle = theme.model; c.lineWidth = 2.5; c.strokeRect(ox + pc2 * s, oy + pr2 * s, s, s); }
      });
    }
  }
  let cachedTheme = null;
  function getTheme() {
    if (!cachedTheme) {
      const cs = getComputedStyle(card.card);
      const v = (n) => cs.getPropertyValue(`--${n}`).trim() || '#888';
      cachedTheme = { surface: v('surface'), surface2: v('surface-2'), model: v('model'), accent: v('accent'), class0: v('class0'), class1: v('class1') };
    }
    return cachedTheme;
  }

  const onDown = (e) => {
    if (!map || !mapGeom) return;
    const rect = mapPanel.board.canvas.getBoundingClientRect();
    const q = Math.floor((e.clientX - rect.left - mapGeom.ox) / mapGeom.s);
    const r = Math.floor((e.clientY - rect.top - mapGeom.oy) / mapGeom.s);
    if (q < 0 || r < 0 || q >= map.width || r >= map.height) return;
    cell = { r, c: q };
    describeCell();
  };
  const onKey = (e) => {
    if (!map) return;
    const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
    if (!d) return;
    const k = e.shiftKey ? 10 : 1;
    cell = { r: Math.max(0, Math.min(map.height - 1, cell.r + d[0] * k)), c: Math.max(0, Math.min(map.width - 1, cell.c + d[1] * k)) };
    describeCell();
    e.preventDefault();
  };
  const onFocus = () => ctx.requestDraw(draw);
  listenForTaps(ctx, mapPanel.board.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(mapPanel.board.canvas, 'keydown', onKey);
  ctx.listen(mapPanel.board.canvas, 'focus', onFocus);
  ctx.listen(mapPanel.board.canvas, 'blur', onFocus);

  showKernel();
  run();

  return {
    update(next) {
      opts = { ...next };
      image = makeImage(opts.image);
      if (KERNELS[opts.kernel]) kernel = KERNELS[opts.kernel].slice();
      showSetting();
      run();
    },
  };
}
