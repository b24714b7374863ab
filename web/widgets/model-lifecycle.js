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
import { tableWrap } from '../lib/table.js';
import { formatNumber } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';
import { DAYS, SETTINGS, WIDGET_DEFAULTS, askedSettings, deploymentConfig, inputMonitorVerdict, manualFromState, meanAccuracy, psiAxisTop, psiText, ksText, settingsAwayFrom, versionRows, firstInputAlarm } from './model-lifecycle/lifecycle.js';
import { messages } from './model-lifecycle/messages.js';

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

export const meta = { title: messages['model-lifecycle.title'], hint: messages['model-lifecycle.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

const TICK_MS = 380;
// The monitor's fixed limits as the messages show them.
const LIMITS = {
  psiThreshold: formatNumber(SETTINGS.psiThreshold, 2), ksAlpha: formatNumber(SETTINGS.ksAlpha, 2),
  consecutive: formatNumber(SETTINGS.consecutive, 0), accuracyDrop: formatNumber(SETTINGS.accuracyDrop, 1),
};

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const day = (d) => formatNumber(d, 0);
  let opts = { ...options };
  let manual = [];
  let run = null;

  const accPlot = ctx.own(new Plot(card.stage, { aspect: 0.34, minHeight: 170, maxHeight: 240, label: t('model-lifecycle.accPlot'), onResize: () => ctx.requestDraw(draw) }));
  const driftPlot = ctx.own(new Plot(card.stage, { aspect: 0.34, minHeight: 170, maxHeight: 240, label: t('model-lifecycle.driftPlot'), onResize: () => ctx.requestDraw(draw) }));
  for (const p of [accPlot, driftPlot]) p.margin = { ...p.margin, top: 22 };
  legend(card.stage, [
    { text: t('model-lifecycle.legend.accuracy'), swatch: 'dw-swatch dw-swatch-good' }, { text: t('model-lifecycle.legend.psi'), swatch: 'dw-swatch dw-swatch-loss' },
    { text: t('model-lifecycle.legend.threshold'), swatch: 'dw-swatch dw-swatch-truth' }, { text: t('model-lifecycle.legend.flagged'), swatch: 'model-lifecycle-swatch-flag' },
    { text: t('model-lifecycle.legend.alarm'), swatch: 'model-lifecycle-swatch-alarm' }, { text: t('model-lifecycle.legend.retrain'), swatch: 'model-lifecycle-swatch-retrain' },
  ]);
  // The caption sits above the scrolling table, so a narrow screen shows it whole.
  const captionId = nextId('model-lifecycle-versions');
  const table = el('table', { className: 'dw-table dw-compact model-lifecycle-versions', 'aria-labelledby': captionId });
  card.stage.append(el('p', { className: 'model-lifecycle-caption', id: captionId, text: t('model-lifecycle.caption') }), tableWrap(ctx, table).element);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (opts.day >= DAYS - 1) { opts.day = 0; } return true; },
    reduced: () => stepDay(),
    tick: () => stepDay(),
    every: TICK_MS,
    quiet: true, // each day's monitor reading, two or three a second
  });
  button(buttons, t('model-lifecycle.step'), () => { play.stop(); stepDay(); });
  button(buttons, t('model-lifecycle.reset'), () => { play.stop(); opts.day = 0; manual = []; simulate(); ctx.stateChanged(); });
  button(buttons, t('model-lifecycle.retrainNow'), () => retrainNow());
  button(buttons, t('model-lifecycle.newData'), () => { play.stop(); opts.seed = nextSeed(opts.seed); simulate(); });

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
  const choices = (key) => schema[key].values.map((v) => [v, t(`model-lifecycle.${key}.${v}`)]);
  const selects = {
    drift: select(card.controls, { label: t('model-lifecycle.select.drift'), value: opts.drift, options: choices('drift'), onChange: change('drift') }),
    policy: select(card.controls, { label: t('model-lifecycle.select.policy'), value: opts.policy, options: choices('policy'), onChange: change('policy') }),
    watch: select(card.controls, { label: t('model-lifecycle.select.watch'), value: opts.watch, options: choices('watch'), onChange: change('watch') }),
  };
  sliders = {
    day: slider(card.controls, { label: t('model-lifecycle.slider.day'), min: 0, max: DAYS - 1, step: 1, value: opts.day, format: (v) => fixed(v, 0), onInput: (v) => { play.stop(); opts.day = v; render(); } }),
    size: slider(card.controls, { label: t('model-lifecycle.slider.size'), min: 0, max: 4, step: 0.1, value: opts.size, format: (v) => fixed(v, 1), onInput: changeSoon('size') }),
    ramp: slider(card.controls, { label: t('model-lifecycle.slider.ramp'), min: 1, max: 40, step: 1, value: opts.ramp, format: (v) => fixed(v, 0), onInput: changeSoon('ramp') }),
    every: slider(card.controls, { label: t('model-lifecycle.slider.every'), min: 3, max: 30, step: 1, value: opts.every, format: (v) => fixed(v, 0), onInput: changeSoon('every') }),
    delay: slider(card.controls, { label: t('model-lifecycle.slider.delay'), min: 0, max: 10, step: 1, value: opts.delay, format: (v) => fixed(v, 0), onInput: changeSoon('delay') }),
  };

  const statDay = card.stat(t('model-lifecycle.stat.day'));
  const statVersion = card.stat(t('model-lifecycle.stat.version'));
  const statPsi = card.stat(t('model-lifecycle.stat.psi'));
  const statKs = card.stat(t('model-lifecycle.stat.ks'));
  const statAcc = card.stat(t('model-lifecycle.stat.accuracy'));
  const statRetrains = card.stat(t('model-lifecycle.stat.retrains'));

  // Predict, then check: the rule changes but the inputs do not — will the input monitor notice?
  // Judged from the engine's run at the end of the 60 days (inputMonitorVerdict), at the settings
  // the widget opened with (askedSettings): the tries before the box leave retraining on a schedule
  // and a 20-day ramp, where the accuracy after the change is not the one the lesson's reveal
  // quotes. At other settings the box neither settles nor opens that text; it says what to set back.
  let asked = askedSettings(options);
  let driftShownSinceLock = false; // a day after the rule moved has been on screen since the lock
  const restoreStep = {
    policy: () => t('model-lifecycle.predict.restore.policy', { policy: t(`model-lifecycle.policy.${asked.policy}`) }),
    every: () => t('model-lifecycle.predict.restore.every', { every: day(asked.every) }),
    watch: () => t('model-lifecycle.predict.restore.watch', { watch: t(`model-lifecycle.watch.${asked.watch}`) }),
    size: () => t('model-lifecycle.predict.restore.size', { size: fixed(asked.size, 1) }),
    ramp: () => t('model-lifecycle.predict.restore.ramp', { ramp: day(asked.ramp) }),
    delay: () => t('model-lifecycle.predict.restore.delay', { delay: day(asked.delay) }),
    manual: () => t('model-lifecycle.predict.restore.manual'),
    seed: () => t('model-lifecycle.predict.restore.seed'),
  };
  const away = () => settingsAwayFrom(asked, opts, manual);
  const question = () => t('model-lifecycle.predict.question', { start: day(asked.start) });
  const prediction = createPrediction(ctx, {
    id: 'concept-drift-monitor',
    question: question(),
    choices: ['soon', 'late', 'never'].map((c) => [c, t(`model-lifecycle.predict.${c}`)]),
    // Names what the tries before the box left changed (the monitor is named in the words anyway).
    next: () => t('model-lifecycle.predict.next', { steps: away().filter((k) => k !== 'watch').map((k) => restoreStep[k]()) }),
    onCommit: () => { driftShownSinceLock = false; },
    // Days after the rule moved, shown under this lock, tell whether the input monitor rang as
    // much as days shown before it: changed part-way, a new lock could follow them.
    progress: () => driftShownSinceLock,
  });
  function judge() {
    if (opts.drift !== 'concept' || !(opts.size > 0) || !run) return;
    // From the day after the rule moves (the earliest an alarm could ring), the days shown tell
    // whether the input monitor rang, whichever monitor is chosen (the PSI chart and its flags are
    // the same): seen before a prediction is locked, a later prediction is practice. Playing part
    // of the way, pausing and then predicting is seeing it too.
    if (opts.day <= opts.start) return;
    const differs = away();
    if (prediction.pending === null) {
      // At other settings the monitor is just as quiet, but the accuracy is not what the lesson's
      // text quotes: a later prediction is practice, and that text stays closed.
      if (differs.length) prediction.outcomeGlimpsed(t('model-lifecycle.predict.seen'));
      else prediction.outcomeSeen(t('model-lifecycle.predict.seen'));
      return;
    }
    driftShownSinceLock = true;
    if (opts.day < DAYS - 1) return;
    if (differs.length) { prediction.note(t('model-lifecycle.predict.elsewhere', { steps: differs.map((k) => restoreStep[k]()) })); return; }
    const verdict = inputMonitorVerdict(run, opts.start);
    const first = firstInputAlarm(run, opts.start);
    const acc = meanAccuracy(run, opts.start, DAYS);
    prediction.settle(verdict, t('model-lifecycle.predict.why', { first: first === null ? '' : day(first), start: day(opts.start), accuracy: fixed(acc, 3) }));
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
      card.setMessage(t('model-lifecycle.alreadyRetrained', { day: day(opts.day) }), 'info');
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
    // Written beside their limits, so the words agree with the numbers (psiText, ksText).
    const psi = psiText(r.psi);
    const ks = ksText(r.ksPValue);
    if (r.retrainedTo) {
      const v = run.versions[r.retrainedTo - 1];
      const why = t(`model-lifecycle.why.${v.trigger}`);
      return [t('model-lifecycle.retrained', { day: day(r.day), why, id: day(v.id), from: day(v.fromDay), to: day(v.toDay), validation: fixed(v.validationAccuracy, 3), next: day(r.day + 1) }), 'ok'];
    }
    if (r.inputAlarm) return [t('model-lifecycle.inputAlarm', { day: day(r.day), psi, threshold: LIMITS.psiThreshold, ks, alpha: LIMITS.ksAlpha, consecutive: LIMITS.consecutive, never: opts.policy === 'never' }), 'bad'];
    if (r.accuracyAlarm) return [t('model-lifecycle.accuracyAlarm', { day: day(r.day), labelled: day(r.labelledDay), accuracy: fixed(run.days[r.labelledDay].accuracy, 3), drop: LIMITS.accuracyDrop }), 'bad'];
    if (r.conceptShift > 0 && !r.inputFlag && opts.watch === 'inputs') {
      const labelled = r.labelledDay >= 0 ? run.days[r.labelledDay].accuracy : NaN;
      return [t('model-lifecycle.quietConcept', { day: day(r.day), start: day(opts.start), psi, ks, labelled: Number.isFinite(labelled) ? t('model-lifecycle.labelledAccuracy', { accuracy: fixed(labelled, 3) }) : t('model-lifecycle.noLabelsYet') }), 'warn'];
    }
    if (r.inputFlag) return [t('model-lifecycle.flagged', { day: day(r.day), psi, ks, consecutive: LIMITS.consecutive }), 'warn'];
    return [t('model-lifecycle.calm', { day: day(r.day), version: day(r.version), psi, threshold: LIMITS.psiThreshold, ks, alpha: LIMITS.ksAlpha }), 'info'];
  }

  function renderTable() {
    const rows = versionRows(run, opts.day, opts.delay);
    const head = el('tr', {}, ['version', 'trigger', 'days', 'w1', 'w2', 'b', 'validation', 'now'].map((k) => el('th', { scope: 'col', text: t(`model-lifecycle.column.${k}`) })));
    const body = rows.map((v) => el('tr', v.serving ? { className: 'dw-current' } : {}, [
      el('td', { text: t(v.serving ? 'model-lifecycle.serving' : 'model-lifecycle.version', { id: day(v.id) }) }),
      el('td', { text: t(`model-lifecycle.trigger.${v.trigger}`) }),
      el('td', { text: t('model-lifecycle.dayRange', { from: day(v.fromDay), to: day(v.toDay) }) }),
      ...v.params.map((p) => el('td', { text: fixed(p, 2) })),
      el('td', { text: fixed(v.validation, 3) }),
      el('td', { text: v.now === null ? t('model-lifecycle.noLabels') : fixed(v.now, 3) }),
    ]));
    table.replaceChildren(el('thead', {}, [head]), el('tbody', {}, body));
  }

  function render() {
    if (!run) return;
    const r = run.days[opts.day];
    sliders.day.set(opts.day);
    statDay.set(t('model-lifecycle.dayOf', { day: day(opts.day), last: day(DAYS - 1) }));
    statVersion.set(t('model-lifecycle.version', { id: day(r.version) }));
    statPsi.set(psiText(r.psi));
    statKs.set(ksText(r.ksPValue));
    statAcc.set(r.labelledDay >= 0 ? fixed(run.days[r.labelledDay].accuracy, 3) : t('model-lifecycle.noLabels'));
    statRetrains.set(day(run.versions.filter((v) => v.id > 1 && v.trainedOnDay <= opts.day).length));
    const [text, tone] = verdictMessage(r);
    card.setMessage(text, tone);
    accPlot.canvas.setAttribute('aria-label', t('model-lifecycle.accFigure', { day: day(opts.day), version: day(r.version) }));
    driftPlot.canvas.setAttribute('aria-label', t('model-lifecycle.driftFigure', { day: day(opts.day), psi: psiText(r.psi), threshold: LIMITS.psiThreshold }));
    renderTable();
    judge();
    ctx.stateChanged();
    ctx.requestDraw(draw);
  }

  // Vertical marks at the end of each day on which a version was trained, labelled v2, v3, …
  function retrainMarks(plot, yTop) {
    const th = plot.theme;
    const c = plot.ctx;
    let lastLabel = -Infinity;
    for (const v of run.versions) {
      if (v.id === 1 || v.trainedOnDay > opts.day) continue;
      const x = v.trainedOnDay + 0.5;
      plot.segment(x, plot.domain.y0, x, yTop, { color: th.model, width: 1.5 });
      // Labels of retrains a few pixels apart (a narrow screen) would overprint: keep the first.
      if (plot.px(x) - lastLabel < 20) continue;
      lastLabel = plot.px(x);
      c.fillStyle = th.text;
      c.font = '11px system-ui, sans-serif';
      c.textAlign = 'center';
      c.fillText(t('model-lifecycle.version', { id: day(v.id) }), plot.px(x), plot.margin.top - 6);
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
    const th = accPlot.theme;
    const labelledTo = opts.day - opts.delay;
    // Accuracy: days whose labels have arrived.
    accPlot.setDomain(-0.5, DAYS - 0.5, 0.3, 1);
    accPlot.begin();
    accPlot.axes({ xLabel: t('model-lifecycle.axis.day'), yLabel: t('model-lifecycle.axis.accuracy'), xTicks: 6, yTicks: 4 });
    if (opts.drift !== 'none' && opts.day >= opts.start) accPlot.segment(opts.start - 0.5, 0.3, opts.start - 0.5, 1, { color: th.truth, width: 1, dash: [4, 4] });
    const xs = []; const ys = [];
    for (let d = 0; d <= labelledTo; d++) { xs.push(d); ys.push(run.days[d].accuracy); }
    if (xs.length) accPlot.path(xs, ys, { color: th.good, width: 2.5 });
    retrainMarks(accPlot, 1);
    for (let d = 0; d <= opts.day; d++) if (run.days[d].accuracyAlarm) alarmMark(accPlot, d, 0.36, th.loss);
    accPlot.segment(opts.day, 0.3, opts.day, 1, { color: th.truth, width: 1 });

    // Drift: PSI of every day so far against its threshold; flagged days hollow, alarms ▲.
    const psiMax = psiAxisTop(run.days, opts.day);
    driftPlot.setDomain(-0.5, DAYS - 0.5, 0, psiMax);
    driftPlot.begin();
    driftPlot.axes({ xLabel: t('model-lifecycle.axis.day'), yLabel: t('model-lifecycle.axis.psi'), xTicks: 6, yTicks: 4 });
    driftPlot.segment(-0.5, SETTINGS.psiThreshold, DAYS - 0.5, SETTINGS.psiThreshold, { color: th.truth, width: 1.5, dash: [6, 4] });
    const px = []; const py = [];
    for (let d = 0; d <= opts.day; d++) { px.push(d); py.push(run.days[d].psi); }
    driftPlot.path(px, py, { color: th.loss, width: 2.5 });
    retrainMarks(driftPlot, psiMax);
    const c = driftPlot.ctx;
    for (let d = 0; d <= opts.day; d++) {
      const r = run.days[d];
      if (r.inputAlarm) alarmMark(driftPlot, d, psiMax * 0.92, th.loss);
      else if (r.inputFlag) {
        c.strokeStyle = th.loss; c.lineWidth = 1.5;
        c.beginPath(); c.arc(driftPlot.px(d), driftPlot.py(r.psi), 4, 0, Math.PI * 2); c.stroke();
      }
    }
    driftPlot.segment(opts.day, 0, opts.day, psiMax, { color: th.truth, width: 1 });
  }

  simulate();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      // Settings set from outside are the ones the box asks about, as in a card opened with them;
      // another day for the change rewords the question and sets a locked prediction aside.
      const reworded = opts.start !== asked.start;
      asked = askedSettings(opts);
      if (reworded) prediction.ask(question(), { why: t('model-lifecycle.predict.asked') });
      for (const k of Object.keys(sliders)) sliders[k].set(opts[k]);
      // The menus show what the widget now simulates (an update from the host or a shared link).
      for (const k of Object.keys(selects)) selects[k].value = opts[k];
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
