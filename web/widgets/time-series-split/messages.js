// Every word the time-series-split widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js, ui.js fixed); counts with their noun come from format.js countOf; another
// language adds the same keys with addMessages (web/lib/messages.js).
import { countOf } from '../../lib/format.js';

// "the last 12 steps are" / "the last step is": the hold-out at the end of the series.
const lastSteps = (horizon) => (horizon === 1 ? 'the last step is' : `the last ${countOf(horizon, 'step')} are`);

export const messages = {
  'time-series-split.title': 'Time series: shuffled k-fold against TimeSeriesSplit',
  'time-series-split.hint': 'Each row under the series is one fold: blue steps train, hollow orange steps are tested. Compare both cross-validation errors with the error on the truly later hold-out (grey).',
  'time-series-split.model.neighbours': 'nearest neighbours (3)',
  'time-series-split.model.ridge': 'ridge regression',
  'time-series-split.plot.series': 'The series and the hold-out forecast',
  'time-series-split.legend.series': 'series (seen by cross-validation)',
  'time-series-split.legend.holdout': 'hold-out (later, unseen)',
  'time-series-split.legend.forecast': 'forecast of the hold-out',
  'time-series-split.plot.folds': 'Folds of both cross-validations',
  'time-series-split.legend.trains': 'trains',
  'time-series-split.legend.tested': 'tested',
  'time-series-split.legend.unused': 'hold-out, never used',
  'time-series-split.newSeries': 'New series',
  'time-series-split.newSeriesTitle': 'Draw a fresh series with the next seed',
  'time-series-split.select.model': 'model on the lag features',
  'time-series-split.slider.lags': 'lags d',
  'time-series-split.slider.horizon': 'forecast horizon',
  'time-series-split.stat.shuffled': 'shuffled k-fold MSE',
  'time-series-split.stat.split': 'TimeSeriesSplit MSE',
  'time-series-split.stat.holdout': 'hold-out MSE',
  'time-series-split.predict.question': 'Slide the forecast horizon from {from} down to {to}. The shuffled k-fold error will…',
  'time-series-split.predict.same': 'stay above half its start',
  'time-series-split.predict.fall': 'fall below half its start',
  'time-series-split.predict.notReady': 'Set the forecast horizon to {from} first.',
  'time-series-split.predict.next': 'Now slide the forecast horizon down to {to}.',
  'time-series-split.predict.seen': 'The errors at horizon {to} were on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'time-series-split.predict.settingsChanged': 'The model, the lags or the series changed: the prediction no longer applies. Predict again.',
  'time-series-split.predict.why': 'At horizon {from} shuffled k-fold said {start}; at {to} it says {now} (× {ratio}). It never forecasts: each test row is predicted one step ahead from its true lags, whatever the horizon. TimeSeriesSplit now says {split} and the later hold-out {holdout}.',
  'time-series-split.tooShort': ({ steps, folds, horizon, lags, maxHorizon, maxLags }) => `${countOf(steps, 'step')} are too few for ${countOf(folds, 'fold')} forecasting ${countOf(horizon, 'step')} ahead with ${countOf(lags, 'lag')}: the hold-out and the folds' blocks leave the first fold too few rows to learn from. Lower the forecast horizon to ${maxHorizon} or less${maxLags > 0 ? `, or the lags to ${maxLags} or less` : ''}.`,
  'time-series-split.splitText': ({ horizon, error, near }) => `TimeSeriesSplit, which forecasts ${countOf(horizon, 'step')} ahead from the past only, says ${error}${near ? ' — closer to the truth' : ''}.`,
  'time-series-split.leak': 'Far too optimistic: shuffled k-fold reports {shuffled}, but forecasting the later hold-out costs {holdout}, {times} times as much. Its test rows sit between training rows from before and after them. {split}',
  'time-series-split.someLeak': 'Optimistic: shuffled k-fold ({shuffled}) is below the hold-out error ({holdout}), which is not twice as high. {split}',
  'time-series-split.noLeak': 'Not optimistic this time: shuffled k-fold ({shuffled}) is not below the hold-out error ({holdout}). {split}',
  'time-series-split.seriesFigure': ({ steps, horizon, holdout }) => `Series of ${countOf(steps, 'step')}; ${lastSteps(horizon)} the hold-out, forecast with MSE ${holdout}`,
  'time-series-split.seriesFigure.none': ({ steps, horizon }) => `Series of ${countOf(steps, 'step')}; ${lastSteps(horizon)} the hold-out, not forecast: nothing runs at these settings`,
  'time-series-split.foldsFigure': '{folds} TimeSeriesSplit folds (MSE {split}) and {folds} shuffled k-fold folds (MSE {shuffled})',
  'time-series-split.foldsFigure.none': 'No folds: nothing is cross-validated at these settings',
  'time-series-split.axis.step': 'step t',
  'time-series-split.axis.y': 'y',
  'time-series-split.heading.split': ({ horizon }) => `TimeSeriesSplit: train on the past, forecast the next ${horizon === 1 ? 'step' : horizon}`,
  'time-series-split.heading.splitShort': 'TimeSeriesSplit',
  'time-series-split.heading.shuffled': 'shuffled k-fold: test rows scattered, one step ahead',
  'time-series-split.heading.shuffledShort': 'shuffled k-fold',
};
