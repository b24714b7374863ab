// Time series for the forecasting lesson: a seeded series generator (trend + seasonality +
// noise, optional injected spikes), the lag-feature matrix, scikit-learn's TimeSeriesSplit
// folds, a forecaster fitted on lag features (ridge in closed form, or the mean of the nearest
// lag vectors) with one-step and recursive multi-step forecasts, and the comparison the lesson
// is about: cross-validation with shuffled k-fold against TimeSeriesSplit and a truly later
// hold-out.
#pragma once
#include <cstdint>
#include <vector>

#include "dw/datasets.hpp"
#include "dw/types.hpp"
#include "dw/validation.hpp"

namespace dw {

struct SeriesOptions {
  int length = 120;
  double level = 0;        // value at t = 0 before season and noise
  double trend = 0.05;     // added per step
  double amplitude = 2;    // of the seasonal sine
  int period = 12;         // steps per season (≥ 2)
  double noise = 0.5;      // standard deviation of the Gaussian noise
  int anomalies = 0;       // spikes injected at distinct random steps
  double anomalySize = 6;  // a spike adds ±anomalySize·noise (sign random), or ±anomalySize when noise is 0
};
struct Series {
  Vector values;
  std::vector<int> anomalies;  // steps that carry a spike, ascending
};
// y_t = level + trend·t + amplitude·sin(2πt/period) + N(0, noise²), plus the spikes.
Series makeSeries(const SeriesOptions& options, std::uint32_t seed);

// Rows t = m … n−1 with m = max(p, seasonalLag): features [y_{t−1}, …, y_{t−p}] (then y_{t−s} when
// seasonalLag s > 0), target y_t. p ≥ 1; s = 0 or s > p.
Dataset lagMatrix(const Vector& series, int lags, int seasonalLag);

// scikit-learn TimeSeriesSplit(n_splits, max_train_size, test_size, gap): test blocks of size
// testSize (0 → n / (nSplits + 1)) end at n, one after another; each fold trains on everything
// before its test block minus `gap` steps (the last maxTrainSize of them when maxTrainSize > 0).
std::vector<Fold> timeSeriesSplit(int n, int nSplits, int testSize = 0, int gap = 0, int maxTrainSize = 0);

enum class ForecastMethod { Ridge, Neighbours };

// A model of y_t from its lags. Ridge: ŷ = w·lags + b minimising Σ(ŷ − y)² + α‖w‖² (b not
// penalised), solved in closed form. Neighbours: the mean target of the k training rows whose
// lag vectors are nearest (Euclidean; ties to the earlier row).
class LagForecaster {
 public:
  LagForecaster(int lags = 3, int seasonalLag = 0, ForecastMethod method = ForecastMethod::Ridge, double alpha = 1e-3,
                int neighbours = 3);
  // Settings; each forgets the fit. Checked as in the constructor.
  void setLags(int lags, int seasonalLag);
  void setMethod(ForecastMethod method) { method_ = method; fitted_ = false; }
  void setAlpha(double alpha);
  void setNeighbours(int neighbours);
  // Fits on the lag rows of `series` (at least lags + 2 rows needed for ridge, neighbours for the other).
  void fit(const Vector& series);
  // Fits on given lag rows (X with featureCount() columns).
  void fitRows(const Matrix& X, const Vector& y);
  Vector predictRows(const Matrix& X) const;
  // Recursive forecast: the next `horizon` values after `history`, each prediction fed back as a lag.
  Vector forecast(const Vector& history, int horizon) const;
  int lags() const { return lags_; }
  int seasonalLag() const { return seasonalLag_; }
  ForecastMethod method() const { return method_; }
  double alpha() const { return alpha_; }
  int neighbours() const { return neighbours_; }
  int featureCount() const { return lags_ + (seasonalLag_ > 0 ? 1 : 0); }
  int firstRow() const { return seasonalLag_ > lags_ ? seasonalLag_ : lags_; }
  // Ridge: [w_1 … w_p, (w_s), b]. Empty for neighbours.
  const Vector& coefficients() const { return coef_; }
  bool fitted() const { return fitted_; }

 private:
  int lags_, seasonalLag_;
  ForecastMethod method_;
  double alpha_;
  int neighbours_;
  Vector coef_;
  Matrix trainX_;
  Vector trainY_;
  bool fitted_ = false;
};

// The lesson's comparison on one series. The last `horizon` values are the hold-out (never
// seen by cross-validation). On the rest:
//   timeSeriesError: TimeSeriesSplit(nSplits, testSize = horizon); each fold fits on the values
//     before its block and forecasts the block recursively — the same job as the hold-out;
//   shuffledError: shuffled k-fold (k = nSplits, seeded) over the lag rows; each test row is
//     predicted one step ahead from its true lags by a model fitted on rows from before AND after it;
//   holdoutError: fit on everything before the hold-out, forecast it recursively.
// Errors are mean squared errors; the per-fold values come along for drawing.
struct ForecastValidation {
  double timeSeriesError = 0, shuffledError = 0, holdoutError = 0;
  Vector timeSeriesFoldErrors, shuffledFoldErrors;
  std::vector<Fold> timeSeriesFolds;  // indices into the series (steps)
  std::vector<Fold> shuffledFolds;    // indices into the series (the step each lag row predicts)
  Vector holdoutForecast;             // the `horizon` forecast values
};
ForecastValidation forecastValidation(const Vector& series, const LagForecaster& forecaster, int nSplits, int horizon,
                                      std::uint32_t seed);

// The room forecastValidation needs, asked before calling it. On n values with nSplits folds and a
// LagForecaster(lags, seasonalLag) it runs when the horizon is at most max(1, ⌊n/4⌋) and, after the
// hold-out and the nSplits blocks of `horizon` steps, the n − (nSplits + 1)·horizon steps before the
// first block less the first firstRow() of them (no full row of lags) leave at least
// max(4, featureCount() + 2) rows to learn from. `fits` says whether these settings do;
// `largestHorizon` is the largest horizon in 1 … most that fits with these lags and folds, and
// `largestLags` the largest lag count in 1 … most that fits with this horizon, folds and seasonal lag
// (a seasonal lag s > 0 allows lags below s only); 0 when none does. forecastValidation checks
// exactly this rule.
struct ForecastLimits {
  bool fits = false;
  int largestHorizon = 0, largestLags = 0;
};
ForecastLimits forecastLimits(int n, int lags, int seasonalLag, int horizon, int nSplits, int most);

}  // namespace dw
