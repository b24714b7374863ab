// Compress a picture by rank k (landscape, lesson svd). A picture (web/lib/svd-pictures.js: six
// drawn at 48 × 48, or an 8 × 8 handwritten digit) is decomposed once by the engine's SVD; moving
// the rank slider only asks the engine for the rank-k reconstruction and its summary (relative
// error, energy kept, numbers stored). The widget shows the original, the rank-k copy, the
// singular values as bars (kept ones highlighted, optionally on a log scale) and the first four
// rank-1 layers σᵢuᵢvᵢᵀ. A predict-then-check box asks how many layers the stripes need.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { Board } from '../lib/board.js';
import { GridImage, divergingRgb, mixRgb, parseColor } from '../lib/heatmap.js';
import { checkbox, el, select, slider } from '../lib/ui.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { captionAbove } from '../lib/legend.js';
import { logAxes } from '../lib/ticks.js';
import { watchColorScheme } from '../lib/theme.js';
import { createPrediction } from '../lib/predict.js';
import { PICTURE_NAMES, PICTURE_SIDE, PREDICT_ENERGY, SVD_DEFAULTS, energyBucket, makePicture, pictureLabel, pictureMenuNames } from '../lib/svd-pictures.js';
import { messages } from './svd-compress.messages.js';

export const schema = {
  picture: { type: 'enum', values: PICTURE_NAMES, default: SVD_DEFAULTS.picture, description: 'The picture to compress: six drawn at 48 × 48, or an 8 × 8 handwritten digit.' },
  digit: { type: 'int', min: 0, max: 9, default: SVD_DEFAULTS.digit, description: 'Which digit (0–9) the handwritten picture shows: the first of it in the shipped test set.' },
  k: { type: 'int', min: 1, max: PICTURE_SIDE, default: SVD_DEFAULTS.k, description: 'Rank k: how many layers σᵢuᵢvᵢᵀ the copy keeps (at most the picture’s side).' },
  log: { type: 'boolean', default: false, description: 'Draw the singular values on a log scale.' },
};

export const meta = { title: messages['svd-compress.title'], hint: messages['svd-compress.hint'] };

const LAYERS_SHOWN = 4;
// The log chart spans this many powers of ten below σ₁; smaller values (round-off zeros) sit on
// its floor.
const LOG_DECADES = 5;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const svd = ctx.own(new ml.SVD());
  let picture = null;      // { name, rows, cols, values } (digit, index for the digit)
  let sigma = null;        // Float64Array of singular values
  let rank = 0;
  let layers = [];         // the first LAYERS_SHOWN σᵢuᵢvᵢᵀ
  let copy = null;         // the rank-k reconstruction
  let summary = null;      // engine SVD.summary(k)

  card.card.classList.add('svdc');
  const pair = el('div', { className: 'svd-compress-pair' });
  card.stage.append(pair);
  const figure = (caption) => {
    const box = el('figure', { className: 'svd-compress-figure' });
    const cap = el('figcaption', { className: 'dw-legend', text: caption });
    pair.append(box);
    const board = ctx.own(new Board(box, { aspect: 1, minHeight: 120, maxHeight: 260, label: caption, onResize: () => ctx.requestDraw(draw) }));
    board.minWidth = 120;
    board.resize();
    box.append(cap);
    return { board, cap };
  };
  const original = figure(t('svd-compress.original'));
  const compressed = figure(t('svd-compress.copy'));
  const originalImage = ctx.own(new GridImage());
  const copyImage = ctx.own(new GridImage());

  captionAbove(card.stage, t('svd-compress.bars.legend'));
  const bars = ctx.own(new Plot(card.stage, { aspect: 0.42, minHeight: 170, maxHeight: 260, label: t('svd-compress.bars'), onResize: () => ctx.requestDraw(draw) }));

  captionAbove(card.stage, t('svd-compress.layers.legend'));
  const strip = el('div', { className: 'svd-compress-layers' });
  card.stage.append(strip);
  const layerViews = Array.from({ length: LAYERS_SHOWN }, (_, i) => {
    const box = el('figure', { className: 'svd-compress-layer' });
    strip.append(box);
    const board = ctx.own(new Board(box, { aspect: 1, minHeight: 60, maxHeight: 110, label: t('svd-compress.layer', { index: i + 1 }), onResize: () => ctx.requestDraw(draw) }));
    board.minWidth = 60;
    board.resize();
    const cap = el('figcaption', { className: 'svd-compress-layer-caption' });
    box.append(cap);
    return { board, cap, image: ctx.own(new GridImage()) };
  });

  const pictureSelect = select(card.controls, { label: t('svd-compress.select.picture'), value: opts.picture, options: PICTURE_NAMES.map((n) => [n, pictureMenuNames(t)[n]]), onChange: (v) => { opts.picture = v; load(); } });
  const digitSelect = select(card.controls, { label: t('svd-compress.select.digit'), value: String(opts.digit), options: Array.from({ length: 10 }, (_, d) => [String(d), String(d)]), onChange: (v) => { opts.digit = Number(v); load(); } });
  const kSlider = slider(card.controls, { label: t('svd-compress.slider.k'), min: 1, max: PICTURE_SIDE, step: 1, value: opts.k, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.k = v; changed(); } });
  const logBox = checkbox(card.controls, { label: t('svd-compress.log'), checked: opts.log, onChange: (v) => { opts.log = v; ctx.stateChanged(); ctx.requestDraw(draw); } });
  const statK = card.stat(t('svd-compress.stat.k'));
  const statError = card.stat(t('svd-compress.stat.error'));
  const statEnergy = card.stat(t('svd-compress.stat.energy'));
  const statStorage = card.stat(t('svd-compress.stat.storage'));

  const prediction = createPrediction(ctx, {
    id: 'svd-stripes-energy',
    question: t('svd-compress.predict.question'),
    choices: ['1', '2-5', '6-15', 'more'].map((c) => [c, t(`svd-compress.predict.${c}`)]),
    ready: () => (opts.picture === 'stripes' ? t('svd-compress.predict.ready') : null),
    next: t('svd-compress.predict.next'),
  });

  function load() {
    const ok = attempt(card, () => {
      const next = makePicture(opts.picture, { digit: opts.digit });
      svd.decompose(next.values, next.cols);
      picture = next;
      sigma = svd.singularValues();
      rank = svd.rank();
      layers = Array.from({ length: Math.min(LAYERS_SHOWN, sigma.length) }, (_, i) => svd.layer(i));
      return true;
    }, false);
    if (!ok) return;
    const r = sigma.length;
    kSlider.input.max = String(r);
    if (opts.k > r) opts.k = r;
    pictureSelect.value = opts.picture;
    digitSelect.value = String(opts.digit);
    digitSelect.disabled = opts.picture !== 'digit';
    changed();
    // The stripes' singular values on screen with nothing locked in give the answer away: a
    // prediction made after that is practice, not a first try.
    if (prediction.pending === null && opts.picture === 'stripes') prediction.outcomeSeen(t('svd-compress.predict.seen'));
    if (prediction.pending !== null && opts.picture === 'stripes') {
      const k90 = svd.smallestRankForEnergy(PREDICT_ENERGY);
      prediction.settle(energyBucket(k90), t('svd-compress.predict.why', { rank, sigma1: formatNumber(sigma[0], 2), others: r - 1, k: k90, energy: formatPercent(svd.summary(k90).energyKept) }));
    }
  }

  function changed() {
    if (!picture) return;
    const r = sigma.length;
    const k = Math.max(1, Math.min(opts.k, r));
    const ok = attempt(card, () => {
      copy = svd.reconstruct(k);
      summary = svd.summary(k);
      return true;
    }, false);
    if (!ok) return;
    kSlider.set(k);
    logBox.checked = opts.log;
    statK.set(t('svd-compress.kOf', { k: formatNumber(k, 0), r: formatNumber(r, 0) }));
    statError.set(formatPercent(summary.relativeError));
    statEnergy.set(formatPercent(summary.energyKept, 2));
    const stored = summary.storedNumbers;
    const full = summary.originalNumbers;
    statStorage.set(t('svd-compress.storage', { stored: formatNumber(stored, 0), full: formatNumber(full, 0) }));
    const size = t('svd-compress.size', { rows: picture.rows, cols: picture.cols });
    compressed.cap.textContent = t('svd-compress.copyOf', { k });
    original.cap.textContent = t('svd-compress.originalOf', { size, rank });
    const saving = stored < full
      ? t('svd-compress.saving.less', { share: formatPercent(stored / full, 0), full: formatNumber(full, 0) })
      : t('svd-compress.saving.more', { full: formatNumber(full, 0) });
    const exact = summary.relativeError < 1e-9;
    card.setMessage(t('svd-compress.summary', { picture: capitalise(pictureLabel(t, picture)), k, exact, error: formatPercent(summary.relativeError), energy: formatPercent(summary.energyKept, 2), stored, rows: picture.rows, cols: picture.cols, saving }), 'info');
    original.board.canvas.setAttribute('aria-label', t('svd-compress.original.figure', { picture: pictureLabel(t, picture), size, rank }));
    compressed.board.canvas.setAttribute('aria-label', t('svd-compress.copy.figure', { k, error: formatPercent(summary.relativeError) }));
    const listed = Array.from(sigma.slice(0, 8), (s) => formatNumber(s, 2)).join(', ');
    bars.canvas.setAttribute('aria-label', t('svd-compress.bars.figure', { listed, more: r > 8, k }));
    layerViews.forEach((view, i) => {
      view.cap.textContent = i < layers.length ? t('svd-compress.layer.caption', { index: subscript(i + 1), sigma: formatNumber(sigma[i], 2) }) : '';
      view.board.canvas.setAttribute('aria-label', i < layers.length ? t('svd-compress.layer.figure', { index: i + 1, subscript: subscript(i + 1), sigma: formatNumber(sigma[i], 2), kept: i < k }) : t('svd-compress.layer.none'));
    });
    ctx.stateChanged();
    ctx.requestDraw(draw);
  }

  function paintPicture(board, image, values, rows, cols, color) {
    const c = board.begin();
    const side = Math.min(board.width, board.height);
    const left = (board.width - side) / 2;
    // GridImage rows run bottom-up; picture rows run top-down.
    const canvas = image.paint(cols, rows, (cell, out) => {
      const row = rows - 1 - Math.floor(cell / cols);
      return color(values[row * cols + (cell % cols)], out);
    });
    c.save();
    c.imageSmoothingEnabled = false;
    c.drawImage(canvas, left, 0, side, side);
    c.strokeStyle = board.theme.border;
    c.lineWidth = 1;
    c.strokeRect(left + 0.5, 0.5, side - 1, side - 1);
    c.restore();
  }

  function draw() {
    if (!picture || !copy) return;
    const th = bars.theme;
    const paper = parseColor(th.surface);
    const ink = parseColor(th.text);
    // Reconstructions overshoot 0–1 a little; the picture clips them as a screen would.
    const inkColor = (v, out) => mixRgb(out, paper, ink, Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
    paintPicture(original.board, originalImage, picture.values, picture.rows, picture.cols, inkColor);
    paintPicture(compressed.board, copyImage, copy, picture.rows, picture.cols, inkColor);
    const k = Math.min(opts.k, sigma.length);
    const diverging = divergingRgb(th);
    layerViews.forEach((view, i) => {
      if (i >= layers.length) { view.board.begin(); return; }
      let peak = 0;
      for (const v of layers[i]) peak = Math.max(peak, Math.abs(v));
      const scale = peak > 0 ? peak : 1;
      paintPicture(view.board, view.image, layers[i], picture.rows, picture.cols, (v, out) => diverging(v / scale, out));
      view.board.canvas.classList.toggle('svd-compress-dropped', i >= k);
    });
    drawBars(k);
  }

  function drawBars(k) {
    const th = bars.theme;
    const r = sigma.length;
    const top = sigma[0] > 0 ? sigma[0] : 1;
    let y0 = 0;
    let y1 = top * 1.08;
    let height = (s) => s;
    if (opts.log) {
      y1 = Math.ceil(Math.log10(top) + 0.05);
      y0 = y1 - LOG_DECADES;
      height = (s) => Math.max(y0, Math.log10(Math.max(s, 1e-300)));
    }
    bars.setDomain(0.4, r + 0.6, y0, y1);
    const c = bars.begin();
    if (opts.log) logAxes(bars, { xLabel: t('svd-compress.axis.x'), yLabel: t('svd-compress.axis.yLog') });
    else bars.axes({ xLabel: t('svd-compress.axis.x'), yLabel: t('svd-compress.axis.y'), xTicks: Math.min(8, r), yTicks: 4 });
    bars.clipToArea(() => {
      const w = Math.max(1, (bars.px(1) - bars.px(0)) * 0.7);
      for (let i = 0; i < r; i++) {
        const x = bars.px(i + 1) - w / 2;
        const yTop = bars.py(height(sigma[i]));
        const yBase = bars.py(y0);
        c.fillStyle = i < k ? th.class1 : th.textMuted;
        c.globalAlpha = i < k ? 1 : 0.45;
        c.fillRect(x, Math.min(yTop, yBase - 1), w, Math.max(1, yBase - yTop));
      }
      c.globalAlpha = 1;
      // The cut between kept and dropped.
      const X = Math.round(bars.px(k + 0.5)) + 0.5;
      c.strokeStyle = th.text;
      c.setLineDash([4, 3]);
      c.beginPath(); c.moveTo(X, bars.py(y1)); c.lineTo(X, bars.py(y0)); c.stroke();
      c.setLineDash([]);
    });
  }

  // Paper and ink follow the theme: repaint when the colour scheme flips.
  ctx.own(watchColorScheme(() => {
    for (const plot of [original.board, compressed.board, bars, ...layerViews.map((v) => v.board)]) plot.refreshTheme();
    ctx.requestDraw(draw);
  }));

  load();

  return {
    update(next) {
      const reload = next.picture !== opts.picture || next.digit !== opts.digit;
      opts = { ...next };
      if (reload) load(); else changed();
    },
    currentOptions() { return { picture: opts.picture, digit: opts.digit, k: opts.k, log: opts.log }; },
  };
}

function capitalise(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(n) { return String(n).split('').map((d) => SUBSCRIPTS[Number(d)]).join(''); }
