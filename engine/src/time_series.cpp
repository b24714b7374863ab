#include "dw/time_series.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

Series makeSeries(const SeriesOptions& o, std::uint32_t seed) {
  const char* where = "makeSeries";
  requireIntInRange(o.length, 8, 100000, where, "length");
  requireInRange(o.level, -1e6, 1e6, where, "level");
  requireInRange(o.trend, -1e4, 1e4, where, "trend");
  requireInRange(o.amplitude, -1e6, 1e6, where, "amplitude");
  requireIntInRange(o.period, 2, o.length, where, "period");
  requireInRange(o.noise, 0, 100, where, "noise");
  requireIntInRange(o.anomalies, 0, o.length / 4, where, "anomalies");
  requireInRange(o.anomalySize, 0, 100, where, "anomalySize");
  Rng rng(seed);
  Series s;
  s.values.resize(o.length);
  for (int t = 0; t < o.length; ++t) {
    double season = o.amplitude * detmath::sin(2 * detmath::kPi * t / o.period);
    s.values(t) = o.level + o.trend * t + season + o.noise * rng.normal();
  }
  if (o.anomalies > 0) {
    std::vector<int> order = rng.permutation(o.length);
    s.anomalies.assign(order.begin(), order.begin() + o.anomalies);
    std::sort(s.anomalies.begin(), s.anomalies.end());
    const double size = o.noise > 0 ? o.anomalySize * o.noise : o.anomalySize;
    for (int t : s.anomalies) s.values(t) += rng.below(2) == 0 ? size : -size;
  }
  return s;
}

namespace {
void requireLags(int lags, int seasonalLag, const char* where) {
  requireIntInRange(lags, 1, 1000, where, "lags");
  if (seasonalLag != 0 && (seasonalLag <= lags || seasonalLag > 10000))
    throw InvalidArgument(std::string(where) + ": seasonalLag=" + std::to_string(seasonalLag) +
                          " must be 0 (none) or a whole number from lags + 1 = " + std::to_string(lags + 1) + " to 10000");
}
// The feature row for step t: [y_{t−1} … y_{t−p}, (y_{t−s})], read from any indexable store.
template <class Store>
void fillLagRow(const Store& y, int t, int lags, int seasonalLag, double* row) {
  for (int j = 1; j <= lags; ++j) row[j - 1] = y[t - j];
  if (seasonalLag > 0) row[lags] = y[t - seasonalLag];
}
}  // namespace

Dataset lagMatrix(const Vector& series, int lags, int seasonalLag) {
  const char* where = "lagMatrix";
  requireLags(lags, seasonalLag, where);
  requireFinite(series, where, "series");
  const int first = std::max(lags, seasonalLag);
  const int n = int(series.size());
  if (n <= first)
    throw ShapeError(std::string(where) + ": a series of " + std::to_string(n) + " values has no row with " +
                     std::to_string(first) + " values before it");
  const int cols = lags + (seasonalLag > 0 ? 1 : 0);
  Dataset d;
  d.X.resize(n - first, cols);
  d.y.resize(n - first);
  for (int t = first; t < n; ++t) {
    fillLagRow(series, t, lags, seasonalLag, d.X.row(t - first).data());
    d.y(t - first) = series(t);
  }
  return d;
}

std::vector<Fold> timeSeriesSplit(int n, int nSplits, int testSize, int gap, int maxTrainSize) {
  const char* where = "timeSeriesSplit";
  requireIntInRange(n, 1, 10'000'000, where, "n");
  requireIntInRange(nSplits, 2, 10'000, where, "nSplits");
  requireIntInRange(testSize, 0, n, where, "testSize");
  requireIntInRange(gap, 0, n, where, "gap");
  requireIntInRange(maxTrainSize, 0, n, where, "maxTrainSize");
  // scikit-learn's checks, in its order: nSplits + 1 folds must fit, then the first training set must not be empty.
  if (nSplits + 1 > n)
    throw InvalidArgument(std::string(where) + ": nSplits=" + std::to_string(nSplits) + " needs at least " +
                          std::to_string(nSplits + 1) + " samples, not " + std::to_string(n));
  const int size = testSize > 0 ? testSize : n / (nSplits + 1);
  if (n - gap - size * nSplits <= 0)
    throw InvalidArgument(std::string(where) + ": " + std::to_string(nSplits) + " test blocks of " + std::to_string(size) +
                          " plus gap=" + std::to_string(gap) + " leave no training data in " + std::to_string(n) + " samples");
  std::vector<Fold> folds;
  for (int start = n - nSplits * size; start < n; start += size) {
    Fold f;
    const int trainEnd = start - gap;
    const int trainStart = (maxTrainSize > 0 && maxTrainSize < trainEnd) ? trainEnd - maxTrainSize : 0;
    for (int i = trainStart; i < trainEnd; ++i) f.train.push_back(i);
    for (int i = start; i < start + size; ++i) f.test.push_back(i);
    folds.push_back(std::move(f));
  }
  return folds;
}

LagForecaster::LagForecaster(int lags, int seasonalLag, ForecastMethod method, double alpha, int neighbours)
    : lags_(lags), seasonalLag_(seasonalLag), method_(method), alpha_(alpha), neighbours_(neighbours) {
  const char* where = "LagForecaster";
  requireLags(lags, seasonalLag, where);
  requireInOpenClosed(alpha, 0, 1e6, where, "alpha");
  requireIntInRange(neighbours, 1, 100, where, "neighbours");
}

void LagForecaster::setLags(int lags, int seasonalLag) {
  requireLags(lags, seasonalLag, "LagForecaster.setLags");
  lags_ = lags;
  seasonalLag_ = seasonalLag;
  fitted_ = false;
}
void LagForecaster::setAlpha(double alpha) {
  requireInOpenClosed(alpha, 0, 1e6, "LagForecaster.setAlpha", "alpha");
  alpha_ = alpha;
  fitted_ = false;
}
void LagForecaster::setNeighbours(int neighbours) {
  requireIntInRange(neighbours, 1, 100, "LagForecaster.setNeighbours", "neighbours");
  neighbours_ = neighbours;
  fitted_ = false;
}

void LagForecaster::fit(const Vector& series) {
  Dataset d = lagMatrix(series, lags_, seasonalLag_);
  fitRows(d.X, d.y);
}

void LagForecaster::fitRows(const Matrix& X, const Vector& y) {
  const char* where = "LagForecaster.fit";
  const Index need = method_ == ForecastMethod::Ridge ? 2 : neighbours_;
  if (X.rows() < need)
    throw ShapeError(std::string(where) + ": " + std::to_string(X.rows()) + " lag rows are too few; at least " +
                     std::to_string(need) + " are needed");
  requireSupervisedShape(X, y, need, where);
  requireColumns(X, featureCount(), where);
  requireFinite(X, where, "X");
  requireFinite(y, where, "y");
  if (method_ == ForecastMethod::Ridge) {
    // Centring removes the intercept from the penalised system: (XcᵀXc + αI) w = Xcᵀ yc, b = ȳ − x̄·w.
    Eigen::RowVectorXd xMean = X.colwise().mean();
    double yMean = y.mean();
    Matrix Xc = X.rowwise() - xMean;
    Vector yc = y.array() - yMean;
    Matrix A = Xc.transpose() * Xc;
    A.diagonal().array() += alpha_;
    Vector w = A.ldlt().solve(Xc.transpose() * yc);
    coef_.resize(w.size() + 1);
    coef_.head(w.size()) = w;
    coef_(w.size()) = yMean - xMean.dot(w.transpose());
  } else {
    trainX_ = X;
    trainY_ = y;
    coef_.resize(0);
  }
  fitted_ = true;
}

Vector LagForecaster::predictRows(const Matrix& X) const {
  const char* where = "LagForecaster.predict";
  if (!fitted_) throw StateError(std::string(where) + ": not fitted yet; call fit first");
  requireQuery(X, featureCount(), where);
  const Index d = featureCount();
  if (method_ == ForecastMethod::Ridge) return (X * coef_.head(d)).array() + coef_(d);
  Vector out(X.rows());
  std::vector<std::pair<double, Index>> dist(static_cast<std::size_t>(trainX_.rows()));
  for (Index i = 0; i < X.rows(); ++i) {
    for (Index r = 0; r < trainX_.rows(); ++r) dist[std::size_t(r)] = {(trainX_.row(r) - X.row(i)).squaredNorm(), r};
    // Ties go to the earlier row: pairs compare by distance, then by index.
    std::partial_sort(dist.begin(), dist.begin() + neighbours_, dist.end());
    double sum = 0;
    for (int k = 0; k < neighbours_; ++k) sum += trainY_(dist[std::size_t(k)].second);
    out(i) = sum / neighbours_;
  }
  return out;
}

Vector LagForecaster::forecast(const Vector& history, int horizon) const {
  const char* where = "LagForecaster.forecast";
  requireIntInRange(horizon, 1, 10000, where, "horizon");
  requireFinite(history, where, "history");
  if (history.size() < firstRow())
    throw ShapeError(std::string(where) + ": the history has " + std::to_string(history.size()) + " values but the lags need " +
                     std::to_string(firstRow()));
  std::vector<double> buffer(history.data(), history.data() + history.size());
  Vector out(horizon);
  Matrix row(1, featureCount());
  for (int h = 0; h < horizon; ++h) {
    fillLagRow(buffer, int(buffer.size()), lags_, seasonalLag_, row.data());
    out(h) = predictRows(row)(0);
    buffer.push_back(out(h));  // recursive: the forecast stands in for the value not yet seen
  }
  return out;
}

namespace {
// forecastValidation's rule (time_series.hpp, ForecastLimits), in its two parts: the horizon is at
// most a quarter of the series (at least 1), and the first TimeSeriesSplit fold must leave its model
// a few lag rows to learn from — its n − (nSplits + 1)·horizon steps less the firstRow without a full
// row of lags, at least max(4, features + 2) of them.
int largestForecastHorizon(int n) { return std::max(1, n / 4); }
bool firstFoldCanLearn(int n, int firstRow, int featureCount, int horizon, int nSplits) {
  return n - (nSplits + 1) * horizon - firstRow >= std::max(4, featureCount + 2);
}
bool forecastFits(int n, const LagForecaster& f, int horizon, int nSplits) {
  return horizon >= 1 && horizon <= largestForecastHorizon(n) && firstFoldCanLearn(n, f.firstRow(), f.featureCount(), horizon, nSplits);
}
}  // namespace

ForecastLimits forecastLimits(int n, int lags, int seasonalLag, int horizon, int nSplits, int most) {
  const char* where = "forecastLimits";
  requireIntInRange(n, 0, 10000000, where, "n");
  requireLags(lags, seasonalLag, where);
  requireIntInRange(horizon, 1, 10000000, where, "horizon");
  requireIntInRange(nSplits, 2, 20, where, "nSplits");
  requireIntInRange(most, 1, 1000, where, "most");
  ForecastLimits r;
  r.fits = forecastFits(n, LagForecaster(lags, seasonalLag), horizon, nSplits);
  for (int h = 1; h <= most; ++h)
    if (forecastFits(n, LagForecaster(lags, seasonalLag), h, nSplits)) r.largestHorizon = h;
  // A seasonal lag s > 0 must exceed the lag count, so only d < s are forecasters at all.
  for (int d = 1; d <= most && (seasonalLag == 0 || d < seasonalLag); ++d)
    if (forecastFits(n, LagForecaster(d, seasonalLag), horizon, nSplits)) r.largestLags = d;
  return r;
}

ForecastValidation forecastValidation(const Vector& series, const LagForecaster& forecaster, int nSplits, int horizon,
                                      std::uint32_t seed) {
  const char* where = "forecastValidation";
  requireFinite(series, where, "series");
  const int n = int(series.size());
  requireIntInRange(horizon, 1, largestForecastHorizon(n), where, "horizon");
  requireIntInRange(nSplits, 2, 20, where, "nSplits");
  const int m = n - horizon;  // cross-validation sees only the first m values
  const int first = forecaster.firstRow();
  if (!firstFoldCanLearn(n, first, forecaster.featureCount(), horizon, nSplits))
    throw ShapeError(std::string(where) + ": " + std::to_string(n) + " values are too few for " + std::to_string(nSplits) +
                     " folds of horizon " + std::to_string(horizon) + " with " + std::to_string(first) + " lags");
  ForecastValidation r;
  LagForecaster f = forecaster;
  Vector seen = series.head(m);

  r.timeSeriesFolds = timeSeriesSplit(m, nSplits, horizon);
  r.timeSeriesFoldErrors.resize(nSplits);
  for (int k = 0; k < nSplits; ++k) {
    const Fold& fold = r.timeSeriesFolds[std::size_t(k)];
    const int end = int(fold.train.size());  // trains on steps 0 … end − 1
    f.fit(seen.head(end));
    r.timeSeriesFoldErrors(k) = meanSquaredError(f.forecast(seen.head(end), horizon), seen.segment(end, horizon));
  }
  r.timeSeriesError = r.timeSeriesFoldErrors.mean();

  Dataset rows = lagMatrix(seen, forecaster.lags(), forecaster.seasonalLag());
  std::vector<Fold> folds = kFold(int(rows.y.size()), nSplits, true, seed);
  r.shuffledFoldErrors.resize(nSplits);
  for (int k = 0; k < nSplits; ++k) {
    const Fold& fold = folds[std::size_t(k)];
    f.fitRows(takeMatrixRows(rows.X, fold.train), takeVectorRows(rows.y, fold.train));
    r.shuffledFoldErrors(k) = meanSquaredError(f.predictRows(takeMatrixRows(rows.X, fold.test)), takeVectorRows(rows.y, fold.test));
    Fold steps;
    for (int i : fold.train) steps.train.push_back(i + first);
    for (int i : fold.test) steps.test.push_back(i + first);
    r.shuffledFolds.push_back(std::move(steps));
  }
  r.shuffledError = r.shuffledFoldErrors.mean();

  f.fit(seen);
  r.holdoutForecast = f.forecast(seen, horizon);
  r.holdoutError = meanSquaredError(r.holdoutForecast, series.tail(horizon));
  return r;
}

}  // namespace dw
