#include "dw/k_nearest_neighbors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/class_labels.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
std::string tooManyNeighbours(const char* where, int k, Index n) {
  return std::string(where) + ": k=" + std::to_string(k) + " exceeds the " + std::to_string(n) +
         " training point" + (n == 1 ? "" : "s") + "; lower k with setK";
}
}  // namespace

void KNearestNeighbors::checkData(const Matrix&, const Vector& y, const char* where) const {
  if (mode_ == Mode::Classify) classLabelCount(y, kMaxClassLabels, where);
}

void KNearestNeighbors::dataChanged(Index) {
  classes_ = mode_ == Mode::Classify ? classLabelCount(y_, kMaxClassLabels, "KNearestNeighbors.setData") : 0;
  cachedLoss_ = -1;
}

void KNearestNeighbors::requireUsable(const char* where) const {
  requireData(where);
  if (k_ > X_.rows()) throw InvalidArgument(tooManyNeighbours(where, k_, X_.rows()));
}

void KNearestNeighbors::setK(int k) {
  const char* where = "KNearestNeighbors.setK";
  if (k < 1) throw InvalidArgument(std::string(where) + ": k=" + std::to_string(k) + " must be at least 1");
  if (status_ != Status::Empty && k > X_.rows()) throw InvalidArgument(tooManyNeighbours(where, k, X_.rows()));
  if (k > 100000) throw InvalidArgument(std::string(where) + ": k=" + std::to_string(k) + " must be at most 100000");
  k_ = k;
  invalidate();
  settingsChanged();
}

void KNearestNeighbors::setMetric(const std::string& metric) {
  if (metric == "euclidean") metric_ = Metric::Euclidean;
  else if (metric == "manhattan") metric_ = Metric::Manhattan;
  else throw InvalidArgument("KNearestNeighbors.setMetric: metric='" + metric + "' must be 'euclidean' or 'manhattan'");
  invalidate();
  settingsChanged();
}

void KNearestNeighbors::setWeighting(const std::string& weighting) {
  if (weighting == "uniform") weighting_ = Weighting::Uniform;
  else if (weighting == "distance") weighting_ = Weighting::Distance;
  else throw InvalidArgument("KNearestNeighbors.setWeighting: weighting='" + weighting + "' must be 'uniform' or 'distance'");
  invalidate();
  settingsChanged();
}

void KNearestNeighbors::setMode(const std::string& mode) {
  const char* where = "KNearestNeighbors.setMode";
  Mode next;
  if (mode == "classify") next = Mode::Classify;
  else if (mode == "regress") next = Mode::Regress;
  else throw InvalidArgument(std::string(where) + ": mode='" + mode + "' must be 'classify' or 'regress'");
  // Switching to classification needs the stored targets to be class labels.
  if (next == Mode::Classify && status_ != Status::Empty) classes_ = classLabelCount(y_, kMaxClassLabels, where);
  mode_ = next;
  invalidate();
  settingsChanged();
}

std::string KNearestNeighbors::metricName() const { return metric_ == Metric::Euclidean ? "euclidean" : "manhattan"; }
std::string KNearestNeighbors::weightingName() const { return weighting_ == Weighting::Uniform ? "uniform" : "distance"; }
std::string KNearestNeighbors::modeName() const { return mode_ == Mode::Classify ? "classify" : "regress"; }

namespace {
// Scan keys: the squared Euclidean distance (the square root, monotone, is taken only for the
// k kept) or the Manhattan distance. Two-feature data, the common case, gets an unrolled loop.
struct SquaredEuclidean {
  static double key(const double* p, const double* q, Index d) {
    if (d == 2) return (p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]);
    double s = 0;
    for (Index j = 0; j < d; ++j) s += (p[j] - q[j]) * (p[j] - q[j]);
    return s;
  }
  static double distance(double key) { return std::sqrt(key); }
};
struct Manhattan {
  static double key(const double* p, const double* q, Index d) {
    if (d == 2) return std::fabs(p[0] - q[0]) + std::fabs(p[1] - q[1]);
    double s = 0;
    for (Index j = 0; j < d; ++j) s += std::fabs(p[j] - q[j]);
    return s;
  }
  static double distance(double key) { return key; }
};

// The k smallest keys of rows 0…n−1 of x, ordered by (key, index). Points arrive in index order
// and only a strictly smaller key displaces or passes an entry, so equal keys keep the lower
// index first. Cost O(n) per query when k is small, as most points fail the first comparison.
template <class Metric>
void scanSmallK(const double* x, Index n, Index d, const double* q, std::size_t k, std::vector<int>& idx,
                std::vector<double>& keys) {
  for (Index i = 0; i < n; ++i) {
    double key = Metric::key(x + i * d, q, d);
    if (keys.size() == k && !(key < keys.back())) continue;
    if (keys.size() < k) { keys.push_back(key); idx.push_back(static_cast<int>(i)); }
    std::size_t pos = keys.size() - 1;
    while (pos > 0 && keys[pos - 1] > key) {
      keys[pos] = keys[pos - 1];
      idx[pos] = idx[pos - 1];
      --pos;
    }
    keys[pos] = key;
    idx[pos] = static_cast<int>(i);
  }
  for (double& v : keys) v = Metric::distance(v);
}

// Large k: every key, then a partial sort by (key, index).
template <class Metric>
void scanLargeK(const double* x, Index n, Index d, const double* q, std::size_t k, std::vector<int>& idx,
                std::vector<double>& dist, std::vector<double>& all, std::vector<int>& order) {
  all.resize(static_cast<std::size_t>(n));
  order.resize(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = Metric::key(x + i * d, q, d);
  std::iota(order.begin(), order.end(), 0);
  std::partial_sort(order.begin(), order.begin() + static_cast<long>(k), order.end(), [&](int a, int b) {
    double ka = all[static_cast<std::size_t>(a)], kb = all[static_cast<std::size_t>(b)];
    return ka < kb || (ka == kb && a < b);
  });
  for (std::size_t j = 0; j < k; ++j) {
    idx.push_back(order[j]);
    dist.push_back(Metric::distance(all[static_cast<std::size_t>(order[j])]));
  }
}
}  // namespace

void KNearestNeighbors::nearest(const double* q, std::vector<int>& idx, std::vector<double>& dist) const {
  const Index n = X_.rows(), d = X_.cols();
  const std::size_t k = static_cast<std::size_t>(k_);
  const double* x = X_.data();  // row-major: point i is x[i*d … i*d+d−1]
  idx.clear();
  dist.clear();
  // Euclidean ‖x − q‖₂ = sqrt(Σ (x_j − q_j)²); Manhattan ‖x − q‖₁ = Σ |x_j − q_j|.
  bool euclidean = metric_ == Metric::Euclidean;
  if (k <= kInsertionLimit) {
    if (euclidean) scanSmallK<SquaredEuclidean>(x, n, d, q, k, idx, dist);
    else scanSmallK<Manhattan>(x, n, d, q, k, idx, dist);
  } else if (euclidean) {
    scanLargeK<SquaredEuclidean>(x, n, d, q, k, idx, dist, scratchDistances_, scratchOrder_);
  } else {
    scanLargeK<Manhattan>(x, n, d, q, k, idx, dist, scratchDistances_, scratchOrder_);
  }
}

void KNearestNeighbors::weightsFor(const std::vector<double>& dist, std::vector<double>& w) const {
  w.assign(dist.size(), 1.0);
  if (weighting_ == Weighting::Uniform) return;
  // Weight 1/d; when the query coincides with some neighbours (d = 0) those get weight 1 and the
  // others 0, as scikit-learn's _get_weights does, so an exact match decides the answer.
  bool exactMatch = std::any_of(dist.begin(), dist.end(), [](double d) { return d == 0.0; });
  for (std::size_t j = 0; j < dist.size(); ++j)
    w[j] = exactMatch ? (dist[j] == 0.0 ? 1.0 : 0.0) : 1.0 / dist[j];
}

KNearestNeighbors::Neighbors KNearestNeighbors::neighbors(const Vector& query) const {
  const char* where = "KNearestNeighbors.neighbors";
  requireUsable(where);
  if (query.size() != featureCount_)
    throw ShapeError(std::string(where) + ": the query has " + std::to_string(query.size()) +
                     " value(s), expected " + std::to_string(featureCount_));
  requireFinite(query, where, "query");
  Neighbors out;
  nearest(query.data(), out.indices, out.distances);
  return out;
}

Vector KNearestNeighbors::votes(const Vector& query) const {
  const char* where = "KNearestNeighbors.votes";
  if (mode_ != Mode::Classify) throw StateError(std::string(where) + ": votes exist in 'classify' mode only");
  Neighbors nb = neighbors(query);
  std::vector<double> w;
  weightsFor(nb.distances, w);
  Vector v = Vector::Zero(classes_);
  for (int j = 0; j < k_; ++j) v(static_cast<Index>(y_(nb.indices[static_cast<std::size_t>(j)]))) += w[static_cast<std::size_t>(j)];
  return v;
}

Matrix KNearestNeighbors::predictProba(const Matrix& X) const {
  const char* where = "KNearestNeighbors.predictProba";
  if (mode_ != Mode::Classify)
    throw StateError(std::string(where) + ": probabilities exist in 'classify' mode only; call setMode('classify')");
  requireUsable(where);
  requireColumns(X, featureCount_, where);
  requireFinite(X, where, "X");
  Matrix proba = Matrix::Zero(X.rows(), classes_);
  std::vector<int> order;
  std::vector<double> dist, w;
  for (Index r = 0; r < X.rows(); ++r) {
    nearest(X.row(r).data(), order, dist);
    weightsFor(dist, w);
    // Vote fraction of class c: Σ_{neighbours of class c} w_j / Σ_j w_j.
    double total = 0;
    for (int j = 0; j < k_; ++j) {
      proba(r, static_cast<Index>(y_(order[static_cast<std::size_t>(j)]))) += w[static_cast<std::size_t>(j)];
      total += w[static_cast<std::size_t>(j)];
    }
    proba.row(r) /= total;
  }
  return proba;
}

Vector KNearestNeighbors::predict(const Matrix& X) const {
  const char* where = "KNearestNeighbors.predict";
  requireUsable(where);
  requireColumns(X, featureCount_, where);
  requireFinite(X, where, "X");
  Vector out(X.rows());
  if (mode_ == Mode::Classify) {
    Matrix proba = predictProba(X);
    // The most voted class; a tie goes to the lower label (scikit-learn's argmax/mode).
    for (Index r = 0; r < X.rows(); ++r) {
      Index best = 0;
      proba.row(r).maxCoeff(&best);
      out(r) = static_cast<double>(best);
    }
    return out;
  }
  std::vector<int> order;
  std::vector<double> dist, w;
  for (Index r = 0; r < X.rows(); ++r) {
    nearest(X.row(r).data(), order, dist);
    weightsFor(dist, w);
    // Weighted mean Σ w_j y_j / Σ w_j (plain mean under uniform weights).
    double num = 0, den = 0;
    for (int j = 0; j < k_; ++j) {
      num += w[static_cast<std::size_t>(j)] * y_(order[static_cast<std::size_t>(j)]);
      den += w[static_cast<std::size_t>(j)];
    }
    out(r) = num / den;
  }
  return out;
}

double KNearestNeighbors::score(const Matrix& X, const Vector& y) const {
  const char* where = "KNearestNeighbors.score";
  requireSupervisedShape(X, y, 1, where);
  Vector p = predict(X);
  return mode_ == Mode::Classify ? accuracy(y, p) : r2Score(y, p);
}

double KNearestNeighbors::trainingLoss() const {
  // Undefined until there are at least k points to vote.
  if (status_ == Status::Empty || k_ > X_.rows()) return std::numeric_limits<double>::quiet_NaN();
  if (cachedLoss_ < 0) {
    Vector p = predict(X_);
    cachedLoss_ = mode_ == Mode::Classify ? 1.0 - accuracy(y_, p) : meanSquaredError(y_, p);
  }
  return cachedLoss_;
}

Vector KNearestNeighbors::params() const {
  Vector p(4);
  p << k_, metric_ == Metric::Euclidean ? 0 : 1, weighting_ == Weighting::Uniform ? 0 : 1,
      mode_ == Mode::Classify ? 0 : 1;
  return p;
}

void KNearestNeighbors::doStep() {
  // Lazy learning: the stored training set is the model, so one step "fits" and converges.
  requireUsable("KNearestNeighbors.step");
  status_ = Status::Converged;
}

void KNearestNeighbors::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "k", "points"});
  trace_.append({loss(), static_cast<double>(k_), static_cast<double>(X_.rows())});
}

}  // namespace dw
