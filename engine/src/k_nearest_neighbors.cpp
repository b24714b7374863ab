#include "dw/k_nearest_neighbors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/neighbors_svm_labels.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
std::string tooManyNeighbours(const char* where, int k, Index n) {
  return std::string(where) + ": k=" + std::to_string(k) + " exceeds the " + std::to_string(n) +
         " training point" + (n == 1 ? "" : "s") + "; lower k with setK";
}
}  // namespace

void KNearestNeighbors::setData(const Matrix& X, const Vector& y) {
  const char* where = "KNearestNeighbors.setData";
  requireSupervisedShape(X, y, 1, where);
  int classes = mode_ == Mode::Classify ? classLabelCount(y, where) : 0;
  X_ = X;
  y_ = y;
  classes_ = classes;
  featureCount_ = X.cols();
  cachedLoss_ = -1;
  restartTrace();
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
  if (status_ != Status::Empty) restartTrace();
}

void KNearestNeighbors::setMetric(const std::string& metric) {
  if (metric == "euclidean") metric_ = Metric::Euclidean;
  else if (metric == "manhattan") metric_ = Metric::Manhattan;
  else throw InvalidArgument("KNearestNeighbors.setMetric: metric='" + metric + "' must be 'euclidean' or 'manhattan'");
  invalidate();
  if (status_ != Status::Empty) restartTrace();
}

void KNearestNeighbors::setWeighting(const std::string& weighting) {
  if (weighting == "uniform") weighting_ = Weighting::Uniform;
  else if (weighting == "distance") weighting_ = Weighting::Distance;
  else throw InvalidArgument("KNearestNeighbors.setWeighting: weighting='" + weighting + "' must be 'uniform' or 'distance'");
  invalidate();
  if (status_ != Status::Empty) restartTrace();
}

void KNearestNeighbors::setMode(const std::string& mode) {
  const char* where = "KNearestNeighbors.setMode";
  Mode next;
  if (mode == "classify") next = Mode::Classify;
  else if (mode == "regress") next = Mode::Regress;
  else throw InvalidArgument(std::string(where) + ": mode='" + mode + "' must be 'classify' or 'regress'");
  // Switching to classification needs the stored targets to be class labels.
  if (next == Mode::Classify && status_ != Status::Empty) classes_ = classLabelCount(y_, where);
  mode_ = next;
  invalidate();
  if (status_ != Status::Empty) restartTrace();
}

std::string KNearestNeighbors::metricName() const { return metric_ == Metric::Euclidean ? "euclidean" : "manhattan"; }
std::string KNearestNeighbors::weightingName() const { return weighting_ == Weighting::Uniform ? "uniform" : "distance"; }
std::string KNearestNeighbors::modeName() const { return mode_ == Mode::Classify ? "classify" : "regress"; }

void KNearestNeighbors::nearest(const double* q, std::vector<int>& order, std::vector<double>& dist) const {
  const Index n = X_.rows(), d = X_.cols();
  order.resize(static_cast<std::size_t>(n));
  dist.resize(static_cast<std::size_t>(n));
  Eigen::Map<const Eigen::RowVectorXd> query(q, d);
  // Euclidean ‖x − q‖₂ = sqrt(Σ (x_j − q_j)²); Manhattan ‖x − q‖₁ = Σ |x_j − q_j|.
  Eigen::Map<Vector> distances(dist.data(), n);
  if (metric_ == Metric::Euclidean)
    distances = (X_.rowwise() - query).rowwise().squaredNorm().cwiseSqrt();
  else
    distances = (X_.rowwise() - query).cwiseAbs().rowwise().sum();
  std::iota(order.begin(), order.end(), 0);
  // Order by (distance, index): ties go to the lower training index.
  std::partial_sort(order.begin(), order.begin() + k_, order.end(), [&](int a, int b) {
    return dist[static_cast<std::size_t>(a)] < dist[static_cast<std::size_t>(b)] ||
           (dist[static_cast<std::size_t>(a)] == dist[static_cast<std::size_t>(b)] && a < b);
  });
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
  std::vector<int> order;
  std::vector<double> dist;
  nearest(query.data(), order, dist);
  Neighbors out;
  for (int j = 0; j < k_; ++j) {
    int i = order[static_cast<std::size_t>(j)];
    out.indices.push_back(i);
    out.distances.push_back(dist[static_cast<std::size_t>(i)]);
  }
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
  std::vector<double> dist, kDist(static_cast<std::size_t>(k_)), w;
  for (Index r = 0; r < X.rows(); ++r) {
    nearest(X.row(r).data(), order, dist);
    for (int j = 0; j < k_; ++j) kDist[static_cast<std::size_t>(j)] = dist[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])];
    weightsFor(kDist, w);
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
  std::vector<double> dist, kDist(static_cast<std::size_t>(k_)), w;
  for (Index r = 0; r < X.rows(); ++r) {
    nearest(X.row(r).data(), order, dist);
    for (int j = 0; j < k_; ++j) kDist[static_cast<std::size_t>(j)] = dist[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])];
    weightsFor(kDist, w);
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

double KNearestNeighbors::loss() const {
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
