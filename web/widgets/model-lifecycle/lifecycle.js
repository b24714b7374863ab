// The model-lifecycle widget's bookkeeping, free of the DOM so the lesson's claims test uses the
// same code: the widget's options → the engine's deployment settings, the version table, the
// monitor's first alarm, and the state a Share link carries (days retrained by hand). Every
// number comes from the engine's simulateDeployment; nothing here computes a statistic.

import { roundLadder } from '../../lib/ladder.js';
import { formatBeside, formatNumber, formatShort } from '../../lib/format.js';

// The widget's option defaults (its schema reads them; the lesson's claims test runs them).
export const WIDGET_DEFAULTS = { drift: 'inputs', size: 2, ramp: 1, start: 20, policy: 'alarm', every: 14, delay: 0, watch: 'inputs', day: 0, seed: 14 };

// Fixed settings of the widget's deployment (the lesson quotes them).
export const DAYS = 60;
export const SETTINGS = {
  days: DAYS, batchSize: 100, window: 5, psiThreshold: 0.25, ksAlpha: 0.01, consecutive: 2, bins: 10, accuracyDrop: 0.1,
};

// A monitor reading as the learner reads it beside its limit: the monitor compares the unrounded
// value, so the text lands on the same side of the limit as the value (formatBeside): PSI with two
// decimals or more, the KS p-value with two significant digits or more.
export const psiText = (psi) => formatBeside(psi, SETTINGS.psiThreshold, 2);
export const ksText = (p) => formatBeside(p, SETTINGS.ksAlpha, 2, formatShort);

// The engine's config for the widget's options and the days retrained by hand.
export function deploymentConfig(opts, manual = []) {
  return {
    ...SETTINGS,
    seed: opts.seed,
    driftKind: opts.drift,
    driftSize: opts.size,
    rampDays: opts.ramp,
    driftStart: opts.start,
    policy: opts.policy,
    scheduleEvery: opts.every,
    labelDelay: opts.delay,
    watchAccuracy: opts.watch === 'both',
    manualRetrainDays: manual,
  };
}

// The version table on `day`: every version trained by the end of that day, with its accuracy
// on the newest labelled day (day − delay; null before any labels have arrived).
export function versionRows(run, day, delay) {
  const labelled = day - delay;
  return run.versions
    .filter((v) => v.trainedOnDay <= day)
    .map((v) => ({
      id: v.id,
      trigger: v.trigger,
      fromDay: v.fromDay,
      toDay: v.toDay,
      rows: v.rows,
      params: Array.from(v.params),
      validation: v.validationAccuracy,
      now: labelled >= 0 ? v.accuracy[labelled] : null,
      serving: run.days[day].version === v.id,
    }));
}

// The PSI chart's top on `day`: the smallest round value above 1.1 × the highest PSI of the days
// shown so far (0 … day), the tenth kept clear for the alarm marks drawn at 92 % of the height;
// never under 0.6, so the 0.25 threshold sits in the lower half of the chart, not on its floor.
// Scaled to all sixty days, a jump still to come (PSI 3.90 on day 20 with the defaults) squashed
// the calm days of about 0.1 against the floor, and the axis gave the jump away in advance. Round
// tops keep the axis still while PSI creeps up, so a gradual drift is seen rising.
export const PSI_AXIS_TOPS = roundLadder(0.6, 1000, [1, 1.5, 2, 3, 4, 5, 6, 8]);
export function psiAxisTop(days, day) {
  let highest = 0;
  for (let d = 0; d <= day && d < days.length; d++) highest = Math.max(highest, days[d].psi);
  return PSI_AXIS_TOPS.find((top) => top >= 1.1 * highest) ?? 1.1 * highest;
}

// The first day on or after `from` with an input-drift alarm, or null.
export function firstInputAlarm(run, from = 0) {
  const d = run.days.find((r) => r.day >= from && r.inputAlarm);
  return d ? d.day : null;
}
export function firstAccuracyAlarm(run, from = 0) {
  const d = run.days.find((r) => r.day >= from && r.accuracyAlarm);
  return d ? d.day : null;
}

// The outcome the Predict-then-check box judges: after the rule changes on `start`, does the
// input monitor ring within 3 days, later, or never?
export function inputMonitorVerdict(run, start) {
  const first = firstInputAlarm(run, start);
  if (first === null) return 'never';
  return first <= start + 3 ? 'soon' : 'late';
}

// The run the Predict-then-check box judges, and the lesson's reveal describes: the widget's
// settings as it opened (the lesson's directive), with the rule drifting and the input monitor
// alone. The tries before the box change some of them (retraining on a schedule, a 20-day ramp),
// and at those the accuracy after the change is another number (0.847 against the reveal's 0.655).
export function askedSettings(opts) {
  const { size, ramp, start, policy, every, delay, seed } = opts;
  return { drift: 'concept', watch: 'inputs', size, ramp, start, policy, every, delay, seed };
}

// The settings of `opts` (and the days retrained by hand) that differ from `asked`, in the order
// the controls show them; [] when the run is the one the box judges. Compared as the learner sees
// them: the drift size to the slider's tenth. The schedule's length counts only when retraining is
// on a schedule, and `drift` is left to the caller (only concept drift makes a run to judge).
export function settingsAwayFrom(asked, opts, manual = []) {
  const away = [];
  if (opts.policy !== asked.policy) away.push('policy');
  else if (asked.policy === 'schedule' && opts.every !== asked.every) away.push('every');
  if (opts.watch !== asked.watch) away.push('watch');
  if (formatNumber(opts.size, 1) !== formatNumber(asked.size, 1)) away.push('size');
  if (opts.ramp !== asked.ramp) away.push('ramp');
  if (opts.delay !== asked.delay) away.push('delay');
  if (manual.length > 0) away.push('manual');
  if (opts.seed !== asked.seed) away.push('seed');
  return away;
}

// Mean of the serving model's accuracy over days [from, to).
export function meanAccuracy(run, from, to) {
  let s = 0;
  for (let d = from; d < to; d++) s += run.days[d].accuracy;
  return s / (to - from);
}

// A Share link's state: the days retrained by hand, checked completely before use.
export function manualFromState(value) {
  if (value === null || value === undefined) return [];
  const list = value && Array.isArray(value.manual) ? value.manual : null;
  if (!list) throw new Error('The saved state should list the days retrained by hand (manual: [day, …]).');
  if (list.length > DAYS) throw new Error(`The saved state lists ${list.length} retraining days; a run has only ${DAYS} days.`);
  for (const d of list) {
    if (!Number.isInteger(d) || d < 0 || d >= DAYS) throw new Error(`A day retrained by hand must be a whole number from 0 to ${DAYS - 1}; the saved state has ${String(d).slice(0, 12)}.`);
  }
  return [...new Set(list)].sort((a, b) => a - b);
}
