// The playground's controls, grouped like TensorFlow Playground: a transport bar (Play/Pause,
// Step, Reset, epoch), the training settings, and the data panel. Each control writes one
// setting through `change(patch)`; `sync(settings)` puts the controls back in step with the
// settings (after a hash load, an import or a clamp).
import { button, el, fixed, nextId, select, slider } from '../../lib/ui.js';
import { CLIP_NORMS, DATASETS, INITS, LEARNING_RATES, OPTIMIZERS, REG_RATES, SCHEDULES, SETTINGS, SPEEDS } from './settings.js';
import { numberBox, refusalReason, typeable } from '../../lib/number-field.js';
import { formatNumber, formatShort } from '../../lib/format.js';

function checkbox(parent, label, checked, onChange) {
  const id = nextId('check');
  const input = el('input', { type: 'checkbox', id });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  parent.append(el('div', { className: 'dw-field nnp-check' }, [el('label', { for: id }, [input, el('span', { text: label })])]));
  return input;
}

// A setting typed as a number, read like every typed number on the site
// (web/lib/number-field.js; a number box made "0,5" into 5 and "1/2" into 12 without a word),
// within its range in the settings table. A refused entry is said in words through `refuse`,
// quoting what was typed, and the box goes back to the setting in use. The value kept is written
// so it can be typed back (number-field.js typeable); an identifier (the seed) is written as its
// box shows it, in full and ungrouped (format.js), never rounded to "1.23457 × 10⁸".
function numberField(parent, { label, key, step, current, change, refuse, t, identifier = false }) {
  const id = nextId('num');
  const spec = SETTINGS[key];
  const input = numberBox({
    get: () => current()[key],
    integer: spec.type === 'int',
    min: spec.min,
    max: spec.max,
    step,
    onValue: (v) => change({ [key]: v }),
    onRefuse: (r) => refuse(t('nn-playground.fieldRefused', { field: label, kept: identifier ? String(r.kept) : typeable(r.kept), reason: refusalReason(t, r) })),
    attrs: { id },
  });
  parent.append(el('div', { className: 'dw-field' }, [el('label', { for: id, text: label }), input]));
  return input;
}

const nearestIndex = (list, v) => list.reduce((best, x, i) => (Math.abs(Math.log10(x + 1e-12) - Math.log10(v + 1e-12)) < Math.abs(Math.log10(list[best] + 1e-12) - Math.log10(v + 1e-12)) ? i : best), 0);
// Rates below 0.001 read as "1 × 10⁻⁵" (the site's formatter), never JavaScript's "1e-5".
const formatRate = (v) => formatShort(v, 3);

export function createControls({ top, training, dataPanel, outputOptions }, s, { change, refuse, play, step, reset, defaults, regenerate, setEditing, exportCsv, importCsv, t }) {
  let current = s; // the settings in use, for a refused entry to go back to (sync keeps it)
  const field = { current: () => current, change, refuse, t };
  const newPointOptions = (regression) => (regression
    ? [['1', t('nn-playground.newPoint.plus1')], ['0.5', t('nn-playground.newPoint.plusHalf')], ['-0.5', t('nn-playground.newPoint.minusHalf')], ['-1', t('nn-playground.newPoint.minus1')]]
    : [['0', t('nn-playground.newPoint.class0')], ['1', t('nn-playground.newPoint.class1')], ['2', t('nn-playground.newPoint.class2')]]);
  // ---- transport ----
  const transport = el('div', { className: 'nnp-transport dw-buttons' });
  top.append(transport);
  const playBtn = button(transport, t('nn-playground.play'), play, { primary: true });
  playBtn.setAttribute('aria-label', t('nn-playground.play'));
  const stepBtn = button(transport, t('nn-playground.step'), step, { title: t('nn-playground.stepTitle') });
  const resetBtn = button(transport, t('nn-playground.reset'), reset, { title: t('nn-playground.resetTitle') });
  // Back to where the page started: the lesson's steps each begin from here.
  const defaultsBtn = button(transport, t('nn-playground.defaults'), defaults, { title: t('nn-playground.defaultsTitle') });
  const epochOut = el('span', { className: 'nnp-epoch', 'aria-live': 'off' }, [el('span', { className: 'nnp-epoch-label', text: t('nn-playground.epoch') }), el('span', { className: 'nnp-epoch-value dw-num', text: '0' })]);
  top.append(epochOut);
  // Speed: steps per frame, from one (watch the boundary form) to as fast as the frame allows.
  const speedText = (i) => (SPEEDS[Math.round(i)] === 'max' ? t('nn-playground.speed.max') : t('nn-playground.speed.steps', { steps: Number(SPEEDS[Math.round(i)]) }));
  const speed = slider(top, { label: t('nn-playground.slider.speed'), min: 0, max: SPEEDS.length - 1, step: 1, value: Math.max(0, SPEEDS.indexOf(s.speed)), format: speedText, onInput: (i) => change({ speed: SPEEDS[Math.round(i)] }) });
  speed.field.classList.add('nnp-speed');

  // ---- training settings ----
  const lr = slider(training, { label: t('nn-playground.slider.lr'), min: 0, max: LEARNING_RATES.length - 1, step: 1, value: nearestIndex(LEARNING_RATES, s.lr), format: (i) => formatRate(LEARNING_RATES[Math.round(i)] ?? s.lr), onInput: (i) => change({ lr: LEARNING_RATES[Math.round(i)] }) });
  lr.input.setAttribute('aria-label', t('nn-playground.slider.lr'));
  const optimizer = select(training, { label: t('nn-playground.select.optimizer'), options: OPTIMIZERS.map((id) => [id, t(`nn-playground.optimizer.${id}`)]), value: s.optimizer, onChange: (v) => change({ optimizer: v }) });
  const batch = slider(training, { label: t('nn-playground.slider.batch'), min: 1, max: 100, step: 1, value: s.batch, format: (v) => formatNumber(v, 0), onInput: (v) => change({ batch: v }) });
  const reg = select(training, { label: t('nn-playground.select.reg'), options: [['none', t('nn-playground.reg.none')], ['l1', t('nn-playground.reg.l1')], ['l2', t('nn-playground.reg.l2')]], value: s.reg, onChange: (v) => change({ reg: v }) });
  const regRate = select(training, { label: t('nn-playground.select.regRate'), options: REG_RATES.map((r) => [String(r), formatShort(r, 3)]), value: String(s.regRate), onChange: (v) => change({ regRate: Number(v) }) });
  const dropout = slider(training, { label: t('nn-playground.slider.dropout'), min: 0, max: 0.9, step: 0.05, value: s.dropout, format: (v) => fixed(v, 2), onInput: (v) => change({ dropout: v }) });
  const earlyStop = checkbox(training, t('nn-playground.check.earlyStop'), s.earlyStop, (v) => change({ earlyStop: v }));
  const patience = numberField(training, { label: t('nn-playground.field.patience'), key: 'patience', step: 5, ...field });
  const targetLoss = numberField(training, { label: t('nn-playground.field.targetLoss'), key: 'targetLoss', step: 0.01, ...field });

  // ---- training tricks: schedule, clipping, initialisation, batch normalisation ----
  const tricks = el('div', { className: 'nnp-tricks', role: 'group', 'aria-label': t('nn-playground.tricks') });
  training.append(tricks);
  const schedule = select(tricks, { label: t('nn-playground.select.schedule'), options: SCHEDULES.map((id) => [id, t(`nn-playground.schedule.${id}`)]), value: s.schedule, onChange: (v) => change({ schedule: v }) });
  const period = numberField(tricks, { label: t('nn-playground.field.period'), key: 'period', step: 50, ...field });
  const factor = numberField(tricks, { label: t('nn-playground.field.factor'), key: 'factor', step: 0.05, ...field });
  const warmup = numberField(tricks, { label: t('nn-playground.field.warmup'), key: 'warmup', step: 50, ...field });
  const clip = select(tricks, { label: t('nn-playground.select.clip'), options: CLIP_NORMS.map((c) => [String(c), c === 0 ? t('nn-playground.clip.off') : formatShort(c, 3)]), value: String(s.clip), onChange: (v) => change({ clip: Number(v) }) });
  const init = select(tricks, { label: t('nn-playground.select.init'), options: INITS.map((id) => [id, t(`nn-playground.init.${id}`)]), value: s.init, onChange: (v) => change({ init: v }) });
  const batchNorm = checkbox(tricks, t('nn-playground.check.batchNorm'), s.batchNorm, (v) => change({ batchNorm: v }));
  const trickReadout = el('p', { className: 'nnp-trick-readout', 'aria-live': 'off' });
  tricks.append(trickReadout);

  // ---- data ----
  const dataset = select(dataPanel, { label: t('nn-playground.select.dataset'), options: DATASETS.map((id) => [id, t(`nn-playground.dataset.${id}`)]), value: s.dataset, onChange: (v) => change({ dataset: v }) });
  const points = slider(dataPanel, { label: t('nn-playground.slider.points'), min: 20, max: 1000, step: 10, value: s.points, format: (v) => formatNumber(v, 0), onInput: (v) => change({ points: v }) });
  const noise = slider(dataPanel, { label: t('nn-playground.slider.noise'), min: 0, max: 50, step: 1, value: s.noise, format: (v) => t('nn-playground.percent', { value: formatNumber(v, 0) }), onInput: (v) => change({ noise: v }) });
  const trainPct = slider(dataPanel, { label: t('nn-playground.slider.trainPct'), min: 10, max: 90, step: 5, value: s.trainPct, format: (v) => t('nn-playground.percent', { value: formatNumber(v, 0) }), onInput: (v) => change({ trainPct: v }) });
  const seedRow = el('div', { className: 'nnp-seed-row' });
  dataPanel.append(seedRow);
  const seed = numberField(seedRow, { label: t('nn-playground.field.seed'), key: 'seed', step: 1, identifier: true, ...field });
  button(seedRow, t('nn-playground.regenerate'), regenerate, { title: t('nn-playground.regenerateTitle') });

  const edit = el('div', { className: 'nnp-edit', role: 'group', 'aria-label': t('nn-playground.ownPoints') });
  dataPanel.append(edit);
  const editBtn = button(edit, t('nn-playground.editPoints'), () => setEditing(editBtn.getAttribute('aria-pressed') !== 'true'));
  editBtn.setAttribute('aria-pressed', 'false');
  const toolSel = select(edit, { label: t('nn-playground.select.tool'), options: [['add', t('nn-playground.tool.add')], ['move', t('nn-playground.tool.move')], ['delete', t('nn-playground.tool.delete')]], value: 'add', onChange: () => setEditing(true) });
  const classSel = select(edit, { label: t('nn-playground.select.newPoint'), options: newPointOptions(false), value: '1', onChange: () => setEditing(true) });
  const csvRow = el('div', { className: 'dw-buttons nnp-io' });
  dataPanel.append(csvRow);
  button(csvRow, t('csv.export'), exportCsv);
  const fileId = nextId('csv');
  const csvInput = el('input', { type: 'file', id: fileId, accept: '.csv,text/csv,text/plain', className: 'nnp-file' });
  const csvLabel = el('label', { for: fileId, className: 'dw-btn nnp-file-label', text: t('csv.import') });
  csvInput.addEventListener('change', () => { const f = csvInput.files && csvInput.files[0]; if (f) importCsv(f); csvInput.value = ''; });
  csvRow.append(csvLabel, csvInput);

  // ---- output options ----
  const showTest = checkbox(outputOptions, t('nn-playground.check.showTest'), s.showTest, (v) => change({ showTest: v }));
  const discretize = checkbox(outputOptions, t('nn-playground.check.discretize'), s.discretize, (v) => change({ discretize: v }));

  return {
    playBtn, stepBtn, resetBtn, defaultsBtn,
    editTool: () => toolSel.value,
    editClass: () => Number(classSel.value),
    setEditPressed(on) { editBtn.setAttribute('aria-pressed', on ? 'true' : 'false'); editBtn.textContent = on ? t('nn-playground.doneEditing') : t('nn-playground.editPoints'); edit.classList.toggle('nnp-editing', on); },
    setRegressionEditing(regression) {
      classSel.replaceChildren(...newPointOptions(regression).map(([v, text]) => el('option', { value: v, text })));
      classSel.value = '1';
    },
    // The schedule's rate for the next step and the last step's gradient norm (and clipping).
    setTricks(text) { if (trickReadout.textContent !== text) trickReadout.textContent = text; },
    setEpoch(text) { const v = epochOut.lastChild; if (v.textContent !== text) v.textContent = text; },
    setPlaying(on) { const name = on ? t('nn-playground.pause') : t('nn-playground.play'); playBtn.textContent = name; playBtn.setAttribute('aria-label', name); },
    sync(v) {
      current = v;
      speed.set(Math.max(0, SPEEDS.indexOf(v.speed)));
      lr.set(nearestIndex(LEARNING_RATES, v.lr));
      lr.field.querySelector('output').textContent = formatRate(v.lr);
      optimizer.value = v.optimizer;
      batch.set(v.batch);
      reg.value = v.reg;
      regRate.value = String(REG_RATES.includes(v.regRate) ? v.regRate : REG_RATES[nearestIndex(REG_RATES.slice(1), v.regRate) + 1]);
      regRate.disabled = v.reg === 'none';
      dropout.set(v.dropout);
      earlyStop.checked = v.earlyStop;
      patience.value = String(v.patience);
      patience.disabled = !v.earlyStop;
      targetLoss.value = String(v.targetLoss);
      schedule.value = v.schedule;
      period.value = String(v.period);
      factor.value = String(v.factor);
      warmup.value = String(v.warmup);
      period.disabled = v.schedule === 'constant';
      factor.disabled = v.schedule !== 'step' && v.schedule !== 'exponential';
      clip.value = String(CLIP_NORMS.includes(v.clip) ? v.clip : CLIP_NORMS[nearestIndex(CLIP_NORMS.slice(1), v.clip) + 1]);
      init.value = v.init;
      batchNorm.checked = v.batchNorm;
      dataset.value = v.dataset;
      points.set(v.points);
      noise.set(v.noise);
      trainPct.set(v.trainPct);
      seed.value = String(v.seed);
      const generated = v.dataset !== 'custom';
      points.setDisabled(!generated);
      noise.setDisabled(!generated);
      showTest.checked = v.showTest;
      discretize.checked = v.discretize;
    },
  };
}
