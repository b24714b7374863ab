// The neural-network playground (issue 7): TensorFlow Playground's abilities and the ones its
// users ask for, on the engine's MLP. Data, network, training, metrics and every heat map come
// from the engine; this module wires the parts in web/widgets/nn-playground/ together:
//   settings.js  the settings table (options schema, URL hash, clamping notes)
//   data.js      engine data sets, split, CSV, encoded points
//   trainer.js   the engine MLP and its measurements
//   network.js   the network diagram (thumbnails, weight curves)
//   output.js    the big output map and point editing
//   panels.js    loss chart and metrics; weights.js weight editor and JSON files
//   controls.js  the control panel; pictures.js the big view's picture
// Its settings reach the page address and Share links through mountWidget (web/lib/widget.js):
// currentOptions() reports them and stateChanged() says when they changed.
import { mountWidget } from '../lib/widget.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, describeError, el, fixed } from '../lib/ui.js';
import { readTheme, watchColorScheme } from '../lib/theme.js';
import { SETTINGS, DOMAIN, LEARNING_RATES, defaultSettings, parseLayers, parseActivations, resolveSettings, stepsThisFrame } from './nn-playground/settings.js';
import { generate, split, subset, encodePoints, decodePoints, editedData, toCsv, parseCsv } from './nn-playground/data.js';
import { classNames, featureOverGrid, legendSpec, outputPicture, regressionScale } from './nn-playground/pictures.js';
import { Trainer } from './nn-playground/trainer.js';
import { createNetworkView } from './nn-playground/network.js';
import { createOutputView } from './nn-playground/output.js';
import { createLossChart, createMetricsPanel } from './nn-playground/panels.js';
import { createWeightEditor, download, featuresFromJson, readFile } from './nn-playground/weights.js';
import { createControls } from './nn-playground/controls.js';
import { GridImage, createLegend, palette } from './nn-playground/heatmap.js';
import { nextSeed } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { formatNumber, formatPercent, formatShort } from '../lib/format.js';
import { messages } from './nn-playground/messages.js';

export const schema = SETTINGS;

export const meta = { title: messages['nn-playground.title'], hint: messages['nn-playground.hint'] };

const OUTPUT_RES = 200; // output map: engine grid 200×200, stretched to the canvas
const THUMB_RES = 24; // neuron thumbnails
const HOVER_RES = 64; // a hovered neuron shown large
// Training's share of a frame while playing: at most FRAME_BUDGET_MS, and at most what the
// drawing (measured) leaves of FRAME_TARGET_MS, so the browser keeps the rest of a 60 Hz frame's
// 16.7 ms for its own work (layout, paint, compositing); when frames still come late, the
// share shrinks (to MIN_TRAIN_MS at least) until they are on time again, then grows back slowly
// (TRAIN_REGROW_MS a frame): regrowing fast made one frame in eight late, as each regrowth found
// the limit again. On a 2-core machine with software compositing the browser's own work is 3–4
// ms a frame with the largest network, hence 11 and not 13 (bench/rows.md: 53 → 56 fps there).
const FRAME_TARGET_MS = 11;
const FRAME_BUDGET_MS = 7;
const MIN_TRAIN_MS = 1.5;
const TRAIN_REGROW_MS = 0.05;
const LATE_FRAME_MS = 1000 / 60 * 1.15;
// While playing, an output map that costs more than this (a slow or busy machine) is refreshed
// every other frame; on a machine where it is cheaper, every frame.
const MAP_SLOW_MS = 6;
// While playing, the metrics panel (the engine's predictions on every training and test point,
// a confusion matrix, a rebuilt table) is refreshed twice a second: one frame in 30 at 60 Hz,
// so its cost stays out of the 95th-percentile frame time.
const METRICS_EVERY_MS = 500;

export function mount(element, options) {
  // urlState=false (the option before every widget could use the address) still turns the
  // address off; the address is now off by default except on the playground's own lesson page.
  const { urlState, urlstate, ...rest } = options || {};
  const off = [urlState, urlstate].some((v) => v === false || /^(false|0|no|off)$/i.test(String(v ?? '')));
  const resolved = off ? { ...rest, address: false } : options && rest;
  // Default settings goes back to the page's own options (none on the lesson page: the table's
  // defaults), never to what the address held when the page opened.
  const defaults = defaultSettings(rest);
  return mountWidget(element, resolved, { schema, meta, messages, build: (ctx) => build(ctx, defaults) });
}

function build(ctx, defaults) {
  const { ml, card, options, stateChanged, noteSource, t } = ctx;
  // ---- settings: the options as mountWidget resolved them (from attributes, lesson or address),
  // then the table's own checks of the list-valued ones (layers, activations, features) ----
  let s;
  {
    const r = resolveSettings(options, t);
    s = r.values;
    card.addNotes(r.notes, noteSource);
  }
  const trainer = ctx.own(new Trainer(ml));
  let data = null; // full data set { X, y, kind, classes }
  let testFlags = new Uint8Array(0);
  let stopPlay = null;
  let stepsPerFrame = 1; // the steps that fit the frame's training budget (adapted while playing)
  let stepsLastFrame = 0; // the steps the last frame ran (the speed setting caps them)
  let trainMs = FRAME_BUDGET_MS; // training's share of a frame, adapted to late frames
  let lastTick = 0;
  let hovered = null; // { col, unit }
  let hoverPoint = null;
  let lastMetricsAt = 0;
  let lastReadoutsAt = 0;
  let frameNo = 0; // draws while playing, to spread the slower parts over frames
  let mapImage = null; // the last output picture and what it cost to make (ms, averaged)
  let mapCost = 0;
  let stopped = ''; // why training stopped on its own, shown in the message line
  let announcePause = false; // the next draw summarises where training stopped
  const gridImage = ctx.own(new GridImage());
  const hoverImage = ctx.own(new GridImage());
  const featureGridCache = new Map();
  const perf = {};
  let theme = readTheme(card.card); // cached; refreshed when the colour scheme flips
  card.card.nnpTimings = perf;

  // ---- layout ----
  card.card.classList.add('nnp');
  const top = el('div', { className: 'nnp-top' });
  const alert = el('div', { className: 'nnp-alert', role: 'alert' });
  alert.hidden = true;
  const layout = el('div', { className: 'nnp-layout' });
  const panel = (className, name, heading = name) => el('section', { className: `nnp-panel ${className}`, 'aria-label': name }, [el('h4', { text: heading })]);
  const dataCol = panel('nnp-data', t('nn-playground.panel.data'));
  const netCol = panel('nnp-network', t('nn-playground.panel.network'));
  const outCol = panel('nnp-out', t('nn-playground.panel.output'));
  const training = panel('nnp-training', t('nn-playground.panel.trainingSettings'), t('nn-playground.panel.training'));
  const trainingGrid = el('div', { className: 'nnp-training-grid' });
  training.append(trainingGrid);
  layout.append(outCol, netCol, dataCol, training);
  card.stage.append(top, alert, layout);

  const output = ctx.own(createOutputView(outCol, {
    onResize: () => ctx.requestDraw(draw),
    onRedraw: () => ctx.requestDraw(draw),
    onAdd: (pos) => editPoints('add', pos),
    onDelete: (i) => editPoints('delete', i),
    onMovePoint: (i, pos) => editPoints('move', i, pos),
    onHoverPoint: (p) => { hoverPoint = p; },
    onNote: (text) => card.setMessage(text, 'info'),
  }, t));
  const legend = createLegend(outCol, t);
  const outputOptions = el('div', { className: 'nnp-output-options' });
  outCol.append(outputOptions);
  const lossChart = ctx.own(createLossChart(outCol, () => ctx.requestDraw(draw), t));
  const metrics = createMetricsPanel(outCol, ctx);

  const network = ctx.own(createNetworkView(netCol, {
    onLayers: (d) => { const l = parseLayers(s.layers); if (d > 0) l.push(l.length ? l[l.length - 1] : 4); else l.pop(); change({ layers: l.join(',') }); },
    onUnits: (i, d) => { const l = parseLayers(s.layers); l[i] = Math.max(1, Math.min(16, l[i] + d)); change({ layers: l.join(',') }); },
    onActivation: (i, a) => { const acts = parseActivations(s.acts, parseLayers(s.layers).length); acts[i] = a; change({ acts: acts.join(',') }); },
    onFeature: (key) => {
      const keys = s.features.split(',');
      const next = keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key];
      if (!next.length) { card.setMessage(t('nn-playground.needFeature'), 'warn'); return; }
      change({ features: next.join(',') });
    },
    onHover: (id) => { hovered = id; ctx.requestDraw(draw); },
    onEditNeuron: (c, u) => editor.openNeuron(c, u),
    onEditWeight: (l, f, to) => editor.openWeight(l, f, to),
  }, t));
  const editor = createWeightEditor(netCol, {
    trainer,
    label: (c, u) => network.neuronLabel(c, u),
    onChanged: (weightsChanged) => { if (weightsChanged) trainer.restartHistory(); ctx.requestDraw(draw); },
    onMessage: (text, tone) => card.setMessage(text, tone),
    returnFocus: (c, u) => network.focusNeuron(c, u),
    t,
  });
  const jsonRow = el('div', { className: 'dw-buttons nnp-io' });
  netCol.append(jsonRow);
  button(jsonRow, t('nn-playground.exportWeights'), () => attemptUi(() => download('network.json', 'application/json', trainer.net.exportJson())));
  const jsonInput = el('input', { type: 'file', accept: '.json,application/json,text/plain', className: 'nnp-file', id: `json-${Math.random().toString(36).slice(2)}` });
  jsonRow.append(el('label', { for: jsonInput.id, className: 'dw-btn nnp-file-label', text: t('nn-playground.importWeights') }), jsonInput);
  jsonInput.addEventListener('change', () => { const f = jsonInput.files && jsonInput.files[0]; if (f) importWeights(f); jsonInput.value = ''; });

  const controls = createControls({ top, training: trainingGrid, dataPanel: dataCol, outputOptions }, s, {
    change, refuse: (text) => card.setMessage(text, 'warn'), play: togglePlay, step: () => { stopPlaying(); trainSteps(1); },
    reset: () => { stopPlaying(); resetNetwork(); },
    defaults: restoreDefaults,
    regenerate: () => change({ seed: nextSeed(s.seed), dataset: s.dataset === 'custom' ? 'circle' : s.dataset }),
    setEditing, exportCsv: () => download('points.csv', 'text/csv', toCsv(data, new Set(Array.from(testFlags.keys()).filter((i) => testFlags[i])))),
    importCsv, t,
  });

  const statEpoch = card.stat(t('nn-playground.stat.epoch'));
  const statSteps = card.stat(t('nn-playground.stat.steps'));
  const statTrain = card.stat(t('nn-playground.stat.trainLoss'));
  const statTest = card.stat(t('nn-playground.stat.testLoss'));
  const statScore = card.stat(t('nn-playground.stat.testAccuracy'));
  const statSpeed = card.stat(t('nn-playground.stat.speed'));

  // Predict, then check: can a network with no hidden layer learn XOR? Judged from the engine's
  // test accuracy once such a network (inputs x₁, x₂ only) has trained XOR_STEPS steps on XOR.
  const XOR_STEPS = 500;
  let xorShownSinceLock = false; // this network's accuracy on XOR has been on screen since the lock
  const prediction = createPrediction(ctx, {
    id: 'nn-xor-no-hidden',
    question: t('nn-playground.predict.question', { steps: formatNumber(XOR_STEPS, 0) }),
    choices: ['line', 'partly', 'solved'].map((c) => [c, t(`nn-playground.predict.${c}`)]),
    next: t('nn-playground.predict.next'),
    onCommit: () => { xorShownSinceLock = false; },
    // Its test accuracy after a few steps under this lock hints at the answer as much as before
    // it: changed part-way, a new lock could follow it.
    progress: () => xorShownSinceLock,
  });
  function judgeXor() {
    if (trainer.steps === 0 || s.dataset !== 'xor' || s.layers !== '' || s.features !== 'x1,x2' || trainer.status() === 'diverged') return;
    // This network's test accuracy is on screen from its first step: a prediction locked after
    // that could copy it, even one locked before step XOR_STEPS.
    if (prediction.pending === null) { prediction.outcomeSeen(t('nn-playground.predict.seen')); return; }
    xorShownSinceLock = true;
    if (trainer.steps < XOR_STEPS) return;
    const m = attemptUi(() => trainer.metrics());
    if (!m || !m.test) return;
    const a = m.test.accuracy;
    prediction.settle(a >= 0.9 ? 'solved' : a >= 0.8 ? 'partly' : 'line', t('nn-playground.predict.why', { steps: trainer.steps, accuracy: formatPercent(a, 1) }));
  }

  // ---- settings changes ----
  const DATA_KEYS = ['dataset', 'points', 'noise', 'seed', 'trainPct', 'earlyStop', 'pts'];
  const ARCH_KEYS = ['layers', 'acts', 'features', 'init', 'batchNorm'];
  const TRAIN_KEYS = ['lr', 'optimizer', 'batch', 'reg', 'regRate', 'dropout', 'schedule', 'period', 'factor', 'warmup', 'clip'];

  function change(patch) {
    const before = s;
    if (patch.dataset === 'custom' && !s.pts && data) patch = { ...patch, pts: encodePoints(data) };
    const r = resolveSettings({ ...s, ...patch }, t);
    s = r.values;
    if (r.notes.length) card.setMessage(r.notes.join(' '), 'warn');
    const changed = (keys) => keys.some((k) => before[k] !== s[k]);
    if (changed(DATA_KEYS)) { stopPlaying(); rebuildData(); } else if (changed(ARCH_KEYS)) { stopPlaying(); rebuildNetwork(); } else if (changed(TRAIN_KEYS)) attemptUi(() => trainer.applyTraining(s));
    if (before.reg !== s.reg || before.regRate !== s.regRate) attemptUi(() => trainer.applyTraining(s));
    controls.sync(s);
    stateChanged();
    ctx.requestDraw(draw);
  }

  function attemptUi(fn) {
    try { return fn(); } catch (err) { card.setMessage(describeError(err), 'bad'); console.warn(err); return undefined; }
  }

  function rebuildData() {
    attemptUi(() => {
      if (s.dataset === 'custom') {
        try { data = decodePoints(s.pts); } catch (err) {
          // Said in the notes (the message line is soon taken by "Ready"), and the menu follows.
          card.addNotes([t('nn-playground.pointsUnreadable', { reason: err.message })], noteSource);
          s = resolveSettings({ ...s, dataset: 'circle', pts: '' }).values;
          controls.sync(s);
        }
      }
      if (s.dataset !== 'custom') { data = generate(ml, s); s = { ...s, pts: '' }; }
      s.ptsKind = data.kind;
      controls.setRegressionEditing(data.kind === 'regression');
    });
    rebuildNetwork();
  }

  function partsFor() {
    const idx = split(ml, data, s);
    testFlags = new Uint8Array(data.y.length);
    for (const i of idx.test) testFlags[i] = 1;
    return { train: subset(data, idx.train), validation: subset(data, idx.validation), test: subset(data, idx.test), kind: data.kind, classes: data.classes };
  }

  function rebuildNetwork() {
    stopped = '';
    hovered = null;
    alert.hidden = true;
    editor.close();
    const ok = attemptUi(() => { trainer.configure(s, partsFor()); return true; });
    if (!ok) return;
    const sizes = trainer.layerSizes();
    network.setStructure({ features: s.features.split(','), layers: parseLayers(s.layers), acts: parseActivations(s.acts, parseLayers(s.layers).length), outputs: sizes[sizes.length - 1], kind: data.kind });
    network.drawInactive(featureGrid, THUMB_RES);
    legend.set(legendSpec(data, theme, t));
    statScore.element.firstChild.textContent = data.kind === 'regression' ? t('nn-playground.stat.testR2') : t('nn-playground.stat.testAccuracy');
    describeReady();
    ctx.requestDraw(draw);
  }

  function resetNetwork() {
    stopped = '';
    alert.hidden = true;
    attemptUi(() => { trainer.applyTraining(s); trainer.restart(s.seed); });
    describeReady();
    editor.refresh();
    ctx.requestDraw(draw);
  }

  // Every setting back to the page's defaults (the data set too, so drawn points are set aside)
  // and a fresh network, as when the page opened without settings in its address; the address
  // follows like after any other change.
  function restoreDefaults() {
    stopPlaying();
    setEditing(false);
    change({ ...defaults });
    resetNetwork();
    card.setMessage(t('nn-playground.defaultsDone', { train: formatNumber(trainer.train.rows, 0), test: trainer.test.rows, kind: t(`nn-playground.kind.${data.kind}`) }), 'info');
  }

  function describeReady() {
    card.setMessage(t('nn-playground.ready', { train: formatNumber(trainer.train.rows, 0), test: trainer.test.rows, kind: t(`nn-playground.kind.${data.kind}`) }), 'info');
  }

  // The engine's featureTransform of the grid, for switched-off features' thumbnails.
  function featureGrid(key) {
    if (!featureGridCache.has(key)) featureGridCache.set(key, featureOverGrid(ml, key, THUMB_RES));
    return featureGridCache.get(key);
  }

  // ---- training ----
  function trainSteps(n) {
    if (trainer.status() === 'diverged') { showDiverged(); return; }
    const before = performance.now();
    attemptUi(() => trainer.run(n));
    const elapsed = performance.now() - before;
    const row = attemptUi(() => trainer.record());
    timing('train', performance.now() - before);
    if (trainer.status() === 'diverged') { showDiverged(); stopPlaying(); }
    else if (row) checkStops(row);
    judgeXor();
    ctx.requestDraw(draw);
    return elapsed;
  }

  function checkStops(row) {
    if (s.earlyStop && trainer.checkEarlyStop(s.patience, row.validation)) {
      stopped = t('nn-playground.earlyStopped', { patience: s.patience, epoch: formatNumber(trainer.best.epoch, 0), loss: fixed(trainer.best.loss, 4) });
      trainer.record();
      stopPlaying();
    } else if (s.targetLoss > 0 && row.train <= s.targetLoss) {
      stopped = t('nn-playground.targetReached', { loss: fixed(row.train, 4), target: fixed(s.targetLoss, 4), steps: trainer.steps });
      stopPlaying();
    }
  }

  function showDiverged() {
    stopPlaying();
    const lower = LEARNING_RATES.filter((r) => r < s.lr).pop() || s.lr / 10;
    card.setMessage(t('nn-playground.diverged', { steps: trainer.steps }), 'bad');
    alert.replaceChildren(el('span', { text: t('nn-playground.divergedAt', { rate: formatShort(s.lr, 3) }) }));
    button(alert, t('nn-playground.resetWithRate', { rate: formatShort(lower, 3) }), () => { change({ lr: lower }); resetNetwork(); }, { primary: true });
    button(alert, t('nn-playground.resetNetwork'), () => resetNetwork());
    alert.hidden = false;
  }

  function togglePlay() {
    if (stopPlay) { stopPlaying(); return; }
    if (trainer.status() === 'diverged') { showDiverged(); return; }
    stopped = '';
    if (prefersReducedMotion()) { trainSteps(Math.max(1, Math.ceil(trainer.train.rows / s.batch)) * 10); card.setMessage(t('nn-playground.reducedMotion'), 'info'); return; }
    controls.setPlaying(true);
    card.setMessage(s.speed === 'max' ? t('nn-playground.trainingMax') : t('nn-playground.trainingSteps', { steps: stepsThisFrame(s.speed, 2000) }), 'info');
    lastTick = 0;
    stopPlay = ctx.animate((time) => {
      if (lastTick) trainMs = time - lastTick > LATE_FRAME_MS ? Math.max(MIN_TRAIN_MS, trainMs * 0.8) : Math.min(FRAME_BUDGET_MS, trainMs + TRAIN_REGROW_MS);
      lastTick = time;
      const n = stepsThisFrame(s.speed, stepsPerFrame);
      stepsLastFrame = n;
      const elapsed = trainSteps(n);
      // Adapt the steps that fit so training takes about the frame's training budget.
      const budget = trainBudget();
      if (elapsed > budget) stepsPerFrame = Math.max(1, Math.floor(n * 0.7));
      else if (elapsed < budget * 0.6 && n >= stepsPerFrame) stepsPerFrame = Math.min(2000, Math.ceil(stepsPerFrame * 1.25));
    }, (err) => { stopPlaying(); card.setMessage(describeError(err), 'bad'); });
  }

  // Training's share of this frame: what the drawing leaves of FRAME_TARGET_MS (its parts are
  // measured every frame), and no more than late frames allow (trainMs).
  function trainBudget() {
    const drawing = (perf.map ?? 0) + (perf.neurons ?? 0) + (perf.links ?? 0) + (perf.drawing ?? 0);
    return Math.max(MIN_TRAIN_MS, Math.min(trainMs, FRAME_TARGET_MS - drawing));
  }

  function stopPlaying() {
    if (stopPlay) { stopPlay(); announcePause = true; ctx.requestDraw(draw); }
    stopPlay = null;
    controls.setPlaying(false);
  }

  // ---- your own points, CSV and JSON ----
  function setEditing(on) {
    output.setEditing(on, controls.editTool());
    controls.setEditPressed(on);
    if (on) {
      stopPlaying();
      card.setMessage(t('nn-playground.editing', { tool: controls.editTool() }), 'info');
    }
    ctx.requestDraw(draw);
  }

  function editPoints(action, a, b) {
    const result = editedData(data, action, a, b, controls.editClass(), t);
    if (result.problem) { card.setMessage(result.problem, 'warn'); if (!result.data) return; }
    data = result.data;
    change({ dataset: 'custom', pts: encodePoints(data) });
  }

  async function importCsv(file) {
    try {
      const parsed = parseCsv(await readFile(file, 2e6, t), t);
      stopPlaying();
      const { notes, warn, ...points } = parsed;
      data = points;
      change({ dataset: 'custom', pts: encodePoints(points) });
      card.setMessage([t('nn-playground.imported', { count: parsed.y.length, regression: parsed.kind === 'regression', classes: parsed.classes }), ...notes].join(' '), warn ? 'warn' : 'ok');
    } catch (err) { card.setMessage(err.message, 'bad'); }
  }

  async function importWeights(file) {
    let text;
    try { text = await readFile(file, 2e6, t); } catch (err) { card.setMessage(err.message, 'bad'); return; }
    stopPlaying();
    try {
      trainer.net.importJson(text);
    } catch (err) { card.setMessage(t('nn-playground.weightsRefused', { reason: describeError(err) }), 'bad'); return; }
    // The engine accepted it; mirror its architecture in the settings without re-initialising.
    const info = trainer.net.settings();
    const features = featuresFromJson(text, s.features);
    s = resolveSettings({ ...s, layers: Array.from(info.layers).join(','), acts: Array.from(info.activations).join(',') || 'tanh', features, batchNorm: trainer.net.batchNorm() }).values;
    s.ptsKind = data.kind;
    attemptUi(() => { trainer.applyTraining(s); trainer.restartHistory(); });
    const sizes = trainer.layerSizes();
    network.setStructure({ features: s.features.split(','), layers: parseLayers(s.layers), acts: parseActivations(s.acts, parseLayers(s.layers).length), outputs: sizes[sizes.length - 1], kind: data.kind });
    network.drawInactive(featureGrid, THUMB_RES);
    controls.sync(s);
    stateChanged();
    card.setMessage(t('nn-playground.weightsLoaded'), 'ok');
    ctx.requestDraw(draw);
  }

  // ---- drawing ----
  // While playing, the output map is drawn every frame (every other one where it is slow); the parts that change less (or matter
  // less from frame to frame) take turns so no frame pays for all of them: a third of the
  // neuron maps each frame, the weight curves every third frame (and only when one looks
  // different), the loss chart every other frame, the text readouts ten times a second.
  // Paused, everything is drawn at once.
  function draw() {
    if (!data || !trainer.net) return;
    const pal = palette(theme);
    const playing = Boolean(stopPlay);
    frameNo = playing ? frameNo + 1 : 0;
    let image = null;
    const t0 = performance.now();
    let t1 = t0;
    let t2 = t0;
    let t3 = t0;
    try {
      if (!playing || !mapImage || mapCost < MAP_SLOW_MS || frameNo % 2 === 0) {
        image = outputPicture(trainer, data, { hovered, discretize: s.discretize, images: { output: gridImage, hover: hoverImage }, pal, res: OUTPUT_RES, hoverRes: HOVER_RES });
        mapImage = image;
        mapCost = mapCost * 0.8 + (performance.now() - t0) * 0.2;
      } else image = mapImage;
      t1 = performance.now();
      if (trainer.status() !== 'diverged') {
        network.drawThumbnails(trainer.net.neuronGridFloat32(-DOMAIN, DOMAIN, -DOMAIN, DOMAIN, THUMB_RES, THUMB_RES), THUMB_RES, playing ? { part: frameNo % 3, parts: 3 } : undefined);
        t2 = performance.now();
        if (!playing || frameNo % 3 === 1) network.drawLinks(trainer.net.weights(), trainer.layerSizes(), editor.selected);
        t3 = performance.now();
      }
    } catch (err) { card.setMessage(describeError(err), 'bad'); }
    t2 = Math.max(t1, t2);
    t3 = Math.max(t2, t3);
    const hoverText = hovered ? t('nn-playground.caption.neuron', { neuron: network.neuronLabel(hovered.col, hovered.unit) }) : t(`nn-playground.caption.${data.kind}`);
    output.draw({ image, data, isTest: (i) => testFlags[i] === 1, showTest: s.showTest, regressionScale: regressionScale(data), captionText: hoverText });
    if (!playing || frameNo % 2 === 0) lossChart.draw(trainer.history, { showValidation: s.earlyStop });
    if (!playing || t3 - lastReadoutsAt >= 100) { lastReadoutsAt = t3; updateReadouts(); }
    const t4 = performance.now();
    timing('map', t1 - t0);
    timing('neurons', t2 - t1);
    timing('links', t3 - t2);
    timing('drawing', t4 - t3);
  }

  // Frame-time breakdown (exponential moving averages, ms), shown in the readout's tooltip and
  // kept on the card element for the benchmark (bench/) to read.
  function timing(name, ms) { perf[name] = perf[name] === undefined ? ms : perf[name] * 0.9 + ms * 0.1; }

  function updateReadouts() {
    const last = trainer.history[trainer.history.length - 1] || {};
    statEpoch.set(formatNumber(trainer.epoch(), 0));
    controls.setEpoch(formatNumber(trainer.epoch(), 0).padStart(6, '0'));
    statSteps.set(formatNumber(trainer.steps, 0));
    statTrain.set(fixed(last.train, 4));
    statTest.set(fixed(last.test, 4));
    statSpeed.set(stopPlay ? formatNumber(stepsLastFrame, 0) : '–');
    controls.setTricks(tricksText());
    const now = performance.now();
    if (stopPlay && now - lastMetricsAt < METRICS_EVERY_MS) return;
    lastMetricsAt = now;
    statSpeed.element.title = Object.entries(perf).map(([k, v]) => t('nn-playground.timing', { part: t(`nn-playground.timing.${k}`), ms: fixed(v, 1) })).join(' · ');
    const m = attemptUi(() => trainer.metrics()) || { kind: data.kind };
    metrics.set(m, classNames(t));
    if (data.kind === 'regression') statScore.set(m.test ? fixed(m.test.r2, 3) : '–');
    else statScore.set(m.test ? formatPercent(m.test.accuracy, 1) : '–');
    if (stopPlay || !announcePause) return;
    announcePause = false; // summarise once, when training stops; later messages stay
    if (stopped) card.setMessage(stopped, 'ok');
    else if (trainer.steps > 0 && trainer.status() !== 'diverged' && m.test) {
      const score = data.kind === 'regression' ? t('nn-playground.score.r2', { value: fixed(m.test.r2, 3) }) : t('nn-playground.score.accuracy', { value: formatPercent(m.test.accuracy, 1) });
      card.setMessage(t('nn-playground.paused', { steps: trainer.steps, epoch: formatNumber(trainer.epoch(), 0), train: fixed(last.train, 4), test: fixed(last.test, 4), score }), 'info');
    }
  }

  // "Rate now 0.03 · gradient norm 1.2, clipped to 1": the schedule's rate for the next step and
  // the last step's gradient norm, read from the engine.
  function tricksText() {
    const k = attemptUi(() => trainer.tricks());
    if (!k) return '';
    const rate = formatShort(k.rate, 3);
    if (k.steps === 0) return t('nn-playground.tricks.first', { rate });
    if (!Number.isFinite(k.norm)) return t('nn-playground.tricks.notFinite', { rate });
    return t('nn-playground.tricks.norm', { rate, norm: formatShort(k.norm, 3), clip: k.clip > 0 ? formatShort(k.clip, 3) : '', clipped: k.clipped });
  }

  ctx.own(watchColorScheme(() => { theme = readTheme(card.card); network.refreshTheme(); output.plot.refreshTheme(); lossChart.plot.refreshTheme(); legend.set(legendSpec(data, theme, t)); ctx.requestDraw(draw); }));

  // ---- start ----
  controls.sync(s);
  rebuildData();

  return {
    update(next) { change(next); },
    currentOptions() { return { ...s }; },
    // For tests: the live settings and the engine objects' state.
    get settings() { return { ...s }; },
    trainer,
  };
}
