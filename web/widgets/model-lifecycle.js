// A model's life after training (issue 19, item 11; seed 002 "MLOps"): a logistic regression is
// deployed and meets a new batch of points every day. The engine's simulateDeployment draws the
// days (inputs or the labelling rule drift, suddenly or gradually), measures drift against the
// serving version's training inputs (PSI and the two-sample KS test), applies the monitor's rule
// (flagged two days in a row → alarm), retrains on the newest labelled window when the policy
// says so, and keeps every version with its settings and scores — the experiment-tracking table.
// The widget reveals the run day by day; "Retrain now" adds a retraining by hand (kept in the
// widget's state) and asks the engine again.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed, nextId, select, slider } from '../lib/ui.js';
import { formatShort } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';
import { DAYS, SETTINGS, WIDGET_DEFAULTS, deploymentConfig, inputMonitorVerdict, manualFromState, meanAccuracy, versionRows, firstInputAlarm } from './model-lifecycle/lifecycle.js';

export const schema = {
  drift: { type: 'enum', values: ['inputs', 'concept', 'none'], default: WIDGET_DEFAULTS.drift, description: 'What drifts: the inputs (data drift), the labelling rule (concept drift), or nothing.' },
  size: { type: 'number', min: 0, max: 4, default: WIDGET_DEFAULTS.size, description: 'How far it drifts (inputs: x₁’s mean moves this far; concept: the boundary rises half as far).' },
  ramp: { type: 'int', min: 1, max: 40, default: WIDGET_DEFAULTS.ramp, description: 'Days the drift takes to arrive in full (1 = sudden).' },
  start: { type: 'int', min: 5, max: 40, default: WIDGET_DEFAULTS.start, description: 'The day the drift begins.' },
  policy: { type: 'enum', values: ['alarm', 'schedule', 'never'], default: WIDGET_DEFAULTS.policy, description: 'When to retrain: on an alarm, on a schedule, or never.' },
  every: { type: 'int', min: 3, max: 30, default: WIDGET_DEFAULTS.every, description: 'Days between scheduled retrainings.' },
  delay: { type: 'int', min: 0, max: 10, default: WIDGET_DEFAULTS.delay, description: 'Days until a batch’s labels arrive.' },
  watch: { type: 'enum', values: ['inputs', 'both'], default: WIDGET_DEFAULTS.watch, description: 'What the monitor watches: input drift only, or input drift and labelled accuracy.' },
  day: { type: 'int', min: 0, max: DAYS - 1, default: WIDGET_DEFAULTS.day, description: 'The day shown.' },
  seed: seedOption(WIDGET_DEFAULTS.seed, 'Seed for the daily batches.'),
};

export const meta = {
  title: 'A model’s life after training',
  hint: 'Press Play and watch the days go by: the monitor compares each day’s inputs with the training data, rings when they drift, and a retrain adds a version to the table.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

const TICK_MS = 380;

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  let manual = [];
  let run = null;

  const accPlot = ctx.own(new Plot(card.stage, { aspect: 0.34, minHeight: 170, maxHeight: 240, label: 'Accuracy of the serving model per day', onResize: () => ctx.requestDraw(draw) }));
  const driftPlot = ctx.own(new Plot(card.stage, { aspect: 0.34, minHeight: 170, maxHeight: 240, label: 'Population stability index per day', onResize: () => ctx.requestDraw(draw) }));
  for (const p of [accPlot, driftPlot]) p.margin = { ...p.margin, top: 22 };
  legend(card.stage, [
    { text: 'accuracy (labelled days)', swatch: 'dw-swatch dw-swatch-good' }, { text: 'PSI', swatch: 'dw-swatch dw-swatch-loss' },
    { text: 'PSI threshold 0.25', swatch: 'dw-swatch dw-swatch-truth' }, { text: 'flagged day', swatch: 'model-lifecycle-swatch-flag' },
    { text: 'alarm', swatch: 'model-lifecycle-swatch-alarm' }, { text: 'retrain (new version)', swatch: 'model-lifecycle-swatch-retrain' },
  ]);
  // The caption sits above the scrolling table, so a narrow screen shows it whole.
  const captionId = nextId('model-lifecycle-versions');
  const table = el('table', { className: 'dw-table dw-compact model-lifecycle-versions', 'aria-labelledby': captionId });
  card.stage.append(el('p', { className: 'model-lifecycle-caption', id: captionId, text: 'Versions (experiment tracking): what each was trained on, its parameters and scores' }), el('div', { className: 'dw-table-wrap' }, [table]));

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (opts.day >= DAYS - 1) { opts.day = 0; } return true; },
    reduced: () => stepDay(),
    tick: () => stepDay(),
    every: TICK_MS,
  });
  button(buttons, 'Step', () => { play.stop(); stepDay(); });
  button(buttons, 'Reset', () => { play.stop(); opts.day = 0; manual = []; simulate(); ctx.stateChanged(); });
  button(buttons, 'Retrain now', () => retrainNow());
  button(buttons, 'New data', () => { play.stop(); opts.seed = nextSeed(opts.seed); simulate(); });

  const change = (key) => (v) => { opts[key] = v; simulate(); };
  // A whole run takes the engine about 0.05–0.4 s (one logistic-regression fit per version), so a
  // slider being dragged asks for it once, 150 ms after the last movement, not on every step.
  let cancelPending = null;
  const changeSoon = (key) => (v) => {
    opts[key] = v;
    if (cancelPending) cancelPending();
    cancelPending = ctx.timeout(() => { cancelPending = null; simulate(); }, 150);
  };
  let sliders = null;
  select(card.controls, { label: 'what drifts', value: opts.drift, options: [['inputs', 'the inputs (data drift)'], ['concept', 'the rule (concept drift)'], ['none', 'nothing']], onChange: change('drift') });
  select(card.controls, { label: 'retraining', value: opts.policy, options: [['alarm', 'on an alarm'], ['schedule', 'on a schedule'], ['never', 'never']], onChange: change('policy') });
  select(card.controls, { label: 'the monitor watches', value: opts.watch, options: [['inputs', 'input drift only'], ['both', 'inputs and labelled accuracy']], onChange: change('watch') });
  sliders = {
    day: slider(card.controls, { label: 'day shown', min: 0, max: DAYS - 1, step: 1, value: opts.day, format: (v) => fixed(v, 0), onInput: (v) => { play.stop(); opts.day = v; render(); } }),
    size: slider(card.controls, { label: 'drift size', min: 0, max: 4, step: 0.1, value: opts.size, format: (v) => fixed(v, 1), onInput: changeSoon('size') }),
    ramp: slider(card.controls, { label: 'days to drift in full (1 = sudden)', min: 1, max: 40, step: 1, value: opts.ramp, format: (v) => fixed(v, 0), onInput: changeSoon('ramp') }),
    every: slider(card.controls, { label: 'schedule: retrain every (days)', min: 3, max: 30, step: 1, value: opts.every, format: (v) => fixed(v, 0), onInput: changeSoon('every') }),
    delay: slider(card.controls, { label: 'label delay (days)', min: 0, max: 10, step: 1, value: opts.delay, format: (v) => fixed(v, 0), onInput: changeSoon('delay') }),
  };

  const statDay = card.stat('day');
  const statVersion = card.stat('serving version');
  const statPsi = card.stat('PSI today');
  const statKs = card.stat('KS p today');
  const statAcc = card.stat('accuracy (latest labels)');
  const statRetrains = card.stat('retrains so far');

  // Predict, then check: the rule changes but the inputs do not — will the input monitor notice?
  // Judged from the engine's run at the end of the 60 days (inputMonitorVerdict).
  const prediction = createPrediction(ctx, {
    id: 'concept-drift-monitor',
    question: 'The labelling rule changes on day 20 while the inputs stay as they were. Watching input drift only, the monitor will…',
    choices: [['soon', 'ring within 3 days'], ['late', 'ring, but later'], ['never', 'stay quiet all 60 days']],
    next: 'Now choose “the rule (concept drift)”, keep the monitor on “input drift only” and play to day 59.',
  });
  function judge() {
    if (prediction.pending === null || opts.drift !== 'concept' || !(opts.size > 0) || opts.watch !== 'inputs' || opts.day < DAYS - 1 || !run) return;
    const verdict = inputMonitorVerdict(run, opts.start);
    const first = firstInputAlarm(run, opts.start);
    const acc = meanAccuracy(run, opts.start, DAYS);
    prediction.settle(verdict, `${first === null ? 'No input alarm rang' : `The first input alarm rang on day ${first}`}, while the accuracy after day ${opts.start} averaged ${fixed(acc, 3)}. The inputs never moved, so PSI and KS had nothing to see; only labelled accuracy shows a changed rule.`);
  }

  function stepDay() {
    if (!run) return false;
    if (opts.day >= DAYS - 1) return false;
    opts.day += 1;
    render();
    return opts.day < DAYS - 1;
  }

  function retrainNow() {
    if (!run) return;
    if (manual.includes(opts.day) || run.days[opts.day].retrainedTo) {
      card.setMessage(`A new version was already trained at the end of day ${opts.day}; step to another day first.`, 'info');
      return;
    }
    manual = [...manual, opts.day].sort((a, b) => a - b);
    simulate();
    ctx.stateChanged();
  }

  function simulate() {
    run = attempt(card, () => ml.simulateDeployment(deploymentConfig(opts, manual)), null);
    render();
  }

  function verdictMessage(r) {
    const psi = fixed(r.psi, 2);
    const ks = formatShort(r.ksPValue, 2);
    if (r.retrainedTo) {
      const v = run.versions[r.retrainedTo - 1];
      const why = { alarm: 'the alarm', schedule: 'the schedule', manual: 'your request' }[v.trigger];
      return [`Day ${r.day}: retrained because of ${why}. Version ${v.id} learned from days ${v.fromDay} to ${v.toDay} (validation accuracy ${fixed(v.validationAccuracy, 3)}) and serves from day ${r.day + 1}.`, 'ok'];
    }
    if (r.inputAlarm) return [`Day ${r.day}: input-drift alarm. PSI ${psi} (threshold ${SETTINGS.psiThreshold}) or KS p ${ks} (below ${SETTINGS.ksAlpha}) flagged drift ${SETTINGS.consecutive} days in a row.${opts.policy === 'never' ? ' Nobody retrains: the policy is “never”.' : ''}`, 'bad'];
    if (r.accuracyAlarm) return [`Day ${r.day}: accuracy alarm. The labels of day ${r.labelledDay} show accuracy ${fixed(run.days[r.labelledDay].accuracy, 3)}, more than ${SETTINGS.accuracyDrop} below this version’s validation accuracy.`, 'bad'];
    if (r.conceptShift > 0 && !r.inputFlag && opts.watch === 'inputs') {
      const labelled = r.labelledDay >= 0 ? run.days[r.labelledDay].accuracy : NaN;
      return [`Day ${r.day}: the rule changed on day ${opts.start}, but the inputs look as they always did (PSI ${psi}, KS p ${ks}), so the input monitor is quiet. ${Number.isFinite(labelled) ? `Labelled accuracy is ${fixed(labelled, 3)}.` : 'No labels yet.'}`, 'warn'];
    }
    if (r.inputFlag) return [`Day ${r.day}: PSI ${psi} or KS p ${ks} flags drift; an alarm needs ${SETTINGS.consecutive} flagged days in a row.`, 'warn'];
    return [`Day ${r.day}: version ${r.version} serves. PSI ${psi} is below ${SETTINGS.psiThreshold} and KS p ${ks} is above ${SETTINGS.ksAlpha}: no drift flagged.`, 'info'];
  }

  function renderTable() {
    const rows = versionRows(run, opts.day, opts.delay);
    const head = el('tr', {}, ['version', 'trigger', 'trained on days', 'w₁', 'w₂', 'b', 'validation acc.', 'accuracy now'].map((t) => el('th', { scope: 'col', text: t })));
    const body = rows.map((v) => el('tr', v.serving ? { className: 'dw-current' } : {}, [
      el('td', { text: `v${v.id}${v.serving ? ' (serving)' : ''}` }),
      el('td', { text: v.trigger }),
      el('td', { text: `${v.fromDay} to ${v.toDay}` }),
      ...v.params.map((p) => el('td', { text: fixed(p, 2) })),
      el('td', { text: fixed(v.validation, 3) }),
      el('td', { text: v.now === null ? 'no labels yet' : fixed(v.now, 3) }),
    ]));
    table.replaceChildren(el('thead', {}, [head]), el('tbody', {}, body));
  }

  function render() {
    if (!run) return;
    const r = run.days[opts.day];
    sliders.day.set(opts.day);
    statDay.set(`${opts.day} of ${DAYS - 1}`);
    statVersion.set(`v${r.version}`);
    statPsi.set(fixed(r.psi, 2));
    statKs.set(formatShort(r.ksPValue, 2));
    statAcc.set(r.labelledDay >= 0 ? fixed(run.days[r.labelledDay].accuracy, 3) : 'no labels yet');
    statRetrains.set(String(run.versions.filter((v) => v.id > 1 && v.trainedOnDay <= opts.day).length));
    const [text, tone] = verdictMessage(r);
    card.setMessage(text, tone);
    accPlot.canvas.setAttribute('aria-label', `Day ${opts.day}: accuracy of the serving model on the labelled days, version ${r.version} serving`);
    driftPlot.canvas.setAttribute('aria-label', `Day ${opts.day}: PSI ${fixed(r.psi, 2)} against the threshold ${SETTINGS.psiThreshold}`);
    renderTable();
    judge();
    ctx.stateChanged();
    ctx.requestDraw(draw);
  }

  // Vertical marks at the end of each day on which a version was trained, labelled v2, v3, …
  function retrainMarks(plot, yTop) {
    const t = plot.theme;
    const c = plot.ctx;
    let lastLabel = -Infinity;
    for (const v of run.versions) {
      if (v.id === 1 || v.trainedOnDay > opts.day) continue;
      const x = v.trainedOnDay + 0.5;
      plot.segment(x, plot.domain.y0, x, yTop, { color: t.model, width: 1.5 });
      // Labels of retrains a few pixels apart (a narrow screen) would overprint: keep the first.
      if (plot.px(x) - lastLabel < 20) continue;
      lastLabel = plot.px(x);
      c.fillStyle = t.text;
      c.font = '11px system-ui, sans-serif';
      c.textAlign = 'center';
      c.fillText(`v${v.id}`, plot.px(x), plot.margin.top - 6);
    }
  }
  function alarmMark(plot, x, y, color) {
    const c = plot.ctx;
    const X = plot.px(x); const Y = plot.py(y);
    c.fillStyle = color;
    c.beginPath(); c.moveTo(X, Y - 6); c.lineTo(X - 5, Y + 4); c.lineTo(X + 5, Y + 4); c.closePath(); c.fill();
  }

  function draw() {
    if (!run) return;
    const t = accPlot.theme;
    const labelledTo = opts.day - opts.delay;
    // Accuracy: days whose labels have arrived.
    accPlot.setDomain(-0.5, DAYS - 0.5, 0.3, 1);
    accPlot.begin();
    accPlot.axes({ xLabel: 'day', yLabel: 'accuracy', xTicks: 6, yTicks: 4 });
    if (opts.drift !== 'none' && opts.day >= opts.start) accPlot.segment(opts.start - 0.5, 0.3, opts.start - 0.5, 1, { color: t.truth, width: 1, dash: [4, 4] });
    const xs = []; const ys = [];
    for (let d = 0; d <= labelledTo; d++) { xs.push(d); ys.push(run.days[d].accuracy); }
    if (xs.length) accPlot.path(xs, ys, { color: t.good, width: 2.5 });
    retrainMarks(accPlot, 1);
    for (let d = 0; d <= opts.day; d++) if (run.days[d].accuracyAlarm) alarmMark(accPlot, d, 0.36, t.loss);
    accPlot.segment(opts.day, 0.3, opts.day, 1, { color: t.truth, width: 1 });

    // Drift: PSI of every day so far against its threshold; flagged days hollow, alarms ▲.
    const psiMax = Math.max(0.6, 1.1 * Math.max(...run.days.map((d) => d.psi)));
    driftPlot.setDomain(-0.5, DAYS - 0.5, 0, psiMax);
    driftPlot.begin();
    driftPlot.axes({ xLabel: 'day', yLabel: 'PSI', xTicks: 6, yTicks: 4 });
    driftPlot.segment(-0.5, SETTINGS.psiThreshold, DAYS - 0.5, SETTINGS.psiThreshold, { color: t.truth, width: 1.5, dash: [6, 4] });
    const px = []; const py = [];
    for (let d = 0; d <= opts.day; d++) { px.push(d); py.push(run.days[d].psi); }
    driftPlot.path(px, py, { color: t.loss, width: 2.5 });
    retrainMarks(driftPlot, psiMax);
    const c = driftPlot.ctx;
    for (let d = 0; d <= opts.day; d++) {
      const r = run.days[d];
      if (r.inputAlarm) alarmMark(driftPlot, d, psiMax * 0.92, t.loss);
      else if (r.inputFlag) {
        c.strokeStyle = t.loss; c.lineWidth = 1.5;
        c.beginPath(); c.arc(driftPlot.px(d), driftPlot.py(r.psi), 4, 0, Math.PI * 2); c.stroke();
      }
    }
    driftPlot.segment(opts.day, 0, opts.day, psiMax, { color: t.truth, width: 1 });
  }

  simulate();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      for (const k of Object.keys(sliders)) sliders[k].set(opts[k]);
      simulate();
    },
    currentOptions: () => ({ ...opts }),
    state: {
      get() { return manual.length ? { manual: [...manual] } : null; },
      set(value) {
        const days = manualFromState(value); // checked before anything changes
        play.stop();
        manual = days;
        simulate();
      },
    },
  };
}
