// The time-series-split widget's data and numbers, shared with its lesson's claims test: the
// series (engine makeSeries) and the engine's forecastValidation of a lag forecaster under
// shuffled k-fold, TimeSeriesSplit and a truly later hold-out.

import { formatNumber, readShown, asShown } from '../../lib/format.js';

// The series the lesson talks about: 120 steps, a trend of 0.2 per step, a season of 12 steps
// with amplitude 2, Gaussian noise of standard deviation 0.5.
export const SERIES = { length: 120, level: 0, trend: 0.2, amplitude: 2, period: 12 };

export function makeSeries(ml, { seed, noise = 0.5, trend = SERIES.trend }) {
  return ml.makeSeries({ ...SERIES, trend, noise }, seed).values;
}

// Applies the widget's model settings to an engine LagForecaster (owned by the caller).
export function configure(forecaster, { model, lags }) {
  forecaster.setLags(lags, 0);
  forecaster.setMethod(model);
  forecaster.setNeighbours(3);
  forecaster.setAlpha(0.001);
  return forecaster;
}

// { timeSeriesError, shuffledError, holdoutError, per-fold errors and folds, holdoutForecast }.
export function validate(ml, forecaster, values, { model, lags, horizon, folds, seed }) {
  configure(forecaster, { model, lags });
  return ml.forecastValidation(values, forecaster, folds, horizon, seed);
}

// The verdict the lesson defines: an estimate is optimistic when it is below the hold-out
// error; "far too optimistic" when the hold-out error is more than twice it. Judged on the errors
// as the message shows them (SHOWN_DECIMALS), so it never calls 0.38 below 0.38.
export const SHOWN_DECIMALS = 2;
const shown = (v) => asShown(v, SHOWN_DECIMALS, { grouping: false });
export function optimism(estimate, holdout) {
  if (!(estimate > 0) || !Number.isFinite(holdout)) return 'unknown';
  const [e, h] = [estimate, holdout].map(shown);
  if (h > 2 * e) return 'far';
  if (h > e) return 'some';
  return 'none';
}

// How many times the estimate the hold-out error is, from the two errors as shown, for the "far
// too optimistic" message: one decimal ("8.3"), or as many more as it takes to read above 2 when
// it is above 2 (1.99 against 0.99 is "2.01", 10.01 against 5.00 is "2.002"), so the figure never
// reads "2.0" under "more than twice". Shown errors differ by at least 0.01, so a few decimals do.
export function timesShown(estimate, holdout) {
  const ratio = shown(holdout) / shown(estimate);
  let text = formatNumber(ratio, 1);
  for (let digits = 2; ratio > 2 && !(readShown(text) > 2) && digits <= 12; digits++) text = formatNumber(ratio, digits);
  return text;
}
