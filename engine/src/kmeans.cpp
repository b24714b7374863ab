#include "dw/kmeans.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/unsupervised_data.hpp"
#include "dw/validate.hpp"

namespace dw {
namespace {

constexpr int kMaxK = 100;
constexpr int kMaxElbowIterations = 300;

// The 2-D case of nearest() below, one point (x0, x1) against k centroids stored as rows of two:
// also the scalar loop the two-lane assignment must agree with label for label.
int nearest2(const double* c, Index k, double x0, double x1, double* distSq) {
  int best = 0;
  double bestD = std::numeric_limits<double>::infinity();
  for (Index j = 0; j < k; ++j) {
    const double a = c[2 * j] - x0, b = c[2 * j + 1] - x1;
    const double dist = a * a + b * b;
    if (dist < bestD) {
      bestD = dist;
      best = static_cast<int>(j);
    }
  }
  if (distSq) *distSq = bestD;
  return best;
}

// Nearest centroid of point x; ties go to the lower index (strict <), as scikit-learn does.
// Plain loops over the row-major data: for the few features and centroids of a lesson, Eigen's
// dynamic-size expressions cost more in set-up than in arithmetic (and are scalar in WASM).
// Each distance is summed feature by feature, (c − x)² in order, as squaredNorm() would.
int nearest(const Matrix& C, const Eigen::Ref<const Eigen::RowVectorXd>& x, double* distSq) {
  const Index k = C.rows(), d = C.cols();
  const double* c = C.data();
  const double* p = x.data();
  if (d == 2) return nearest2(c, k, p[0], p[1], distSq);
  int best = 0;
  double bestD = std::numeric_limits<double>::infinity();
  for (Index j = 0; j < k; ++j) {
    const double* cj = c + j * d;
    double dist = 0.0;
    for (Index t = 0; t < d; ++t) {
      const double a = cj[t] - p[t];
      dist += a * a;
    }
    if (dist < bestD) {
      bestD = dist;
      best = static_cast<int>(j);
    }
  }
  if (distSq) *distSq = bestD;
  return best;
}

// Two doubles (and two 64-bit integers) in one register: GCC and Clang lower arithmetic on these
// to SSE2 natively and to f64x2/i64x2 under -msimd128 in WASM (as in linear_regression.cpp).
typedef double V2 __attribute__((vector_size(16)));
typedef long long I2 __attribute__((vector_size(16)));

// The nearest centroids of two 2-D points at once (points i and i+1 in the two lanes): the
// distance to each centroid in turn, kept by a lane-wise strict < and a bitwise select, so the
// argmin has no branch. Each distance is (c − x)₀² + (c − x)₁² as nearest() sums it, and ties
// go to the lower index, so the labels are exactly those of the scalar loop.
int assignLabels2(const double* x, Index n, const double* c, Index k, int* labels) {
  int changed = 0;
  Index i = 0;
  const V2 inf = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  for (; i + 2 <= n; i += 2) {
    const V2 x0 = {x[2 * i], x[2 * i + 2]}, x1 = {x[2 * i + 1], x[2 * i + 3]};
    V2 bestD = inf;
    I2 best = {0, 0};
    for (Index j = 0; j < k; ++j) {
      const V2 a = V2{c[2 * j], c[2 * j]} - x0, b = V2{c[2 * j + 1], c[2 * j + 1]} - x1;
      const V2 dist = a * a + b * b;
      const I2 closer = (I2)(dist < bestD);  // all ones where strictly closer
      bestD = (V2)(((I2)dist & closer) | ((I2)bestD & ~closer));
      best = (I2{j, j} & closer) | (best & ~closer);
    }
    for (int lane = 0; lane < 2; ++lane) {
      const int label = static_cast<int>(best[lane]);
      changed += labels[i + lane] != label;
      labels[i + lane] = label;
    }
  }
  for (; i < n; ++i) {  // an odd last point
    const int best = nearest2(c, k, x[2 * i], x[2 * i + 1], nullptr);
    changed += labels[i] != best;
    labels[i] = best;
  }
  return changed;
}

// Assignment half of Lloyd's algorithm; returns how many labels changed.
int assignLabels(const Matrix& X, const Matrix& C, std::vector<int>& labels) {
  if (labels.size() != static_cast<std::size_t>(X.rows())) labels.assign(X.rows(), -1);
  if (X.cols() == 2) return assignLabels2(X.data(), X.rows(), C.data(), C.rows(), labels.data());
  int changed = 0;
  for (Index i = 0; i < X.rows(); ++i) {
    int j = nearest(C, X.row(i), nullptr);
    if (j != labels[i]) ++changed;
    labels[i] = j;
  }
  return changed;
}

// Σ‖x_i − c_label(i)‖², each distance summed feature by feature in order; plain loops over the
// row-major data (the per-step loss, so it is on the hot path).
double labelledInertia(const Matrix& X, const Matrix& C, const std::vector<int>& labels) {
  const Index n = X.rows(), d = X.cols();
  const double* x = X.data();
  const double* c = C.data();
  double total = 0.0;
  if (d == 2) {
    for (Index i = 0; i < n; ++i) {
      const double* cj = c + 2 * labels[static_cast<std::size_t>(i)];
      const double a = x[2 * i] - cj[0], b = x[2 * i + 1] - cj[1];
      total += a * a + b * b;
    }
    return total;
  }
  for (Index i = 0; i < n; ++i) {
    const double* xi = x + i * d;
    const double* cj = c + d * labels[static_cast<std::size_t>(i)];
    double dist = 0.0;
    for (Index t = 0; t < d; ++t) {
      const double a = xi[t] - cj[t];
      dist += a * a;
    }
    total += dist;
  }
  return total;
}

// Update half: c_j = mean of the points labelled j (the minimiser of Σ‖x − c_j‖² over c_j).
// An empty cluster keeps its centroid; returns how many were empty.
int updateCentroids(const Matrix& X, const std::vector<int>& labels, Matrix& C) {
  const Index k = C.rows(), d = C.cols(), n = X.rows();
  std::vector<double> sums(static_cast<std::size_t>(k * d), 0.0);
  std::vector<int> counts(k, 0);
  const double* x = X.data();
  for (Index i = 0; i < n; ++i) {
    double* s = sums.data() + labels[i] * d;
    const double* xi = x + i * d;
    for (Index t = 0; t < d; ++t) s[t] += xi[t];
    ++counts[labels[i]];
  }
  int empty = 0;
  for (Index j = 0; j < k; ++j) {
    if (counts[j] == 0) {
      ++empty;
      continue;
    }
    for (Index t = 0; t < d; ++t) C(j, t) = sums[j * d + t] / counts[j];
  }
  return empty;
}

double nearestInertia(const Matrix& X, const Matrix& C) {
  double total = 0.0;
  for (Index i = 0; i < X.rows(); ++i) {
    double d;
    nearest(C, X.row(i), &d);
    total += d;
  }
  return total;
}

// Greedy k-means++ (Arthur & Vassilvitskii 2007; scikit-learn's variant): the first centroid is
// a uniform point; each next one is the best of 2 + ⌊ln k⌋ candidates drawn with probability
// ∝ D(x)², the squared distance to the nearest centroid so far, "best" = lowest total D².
Matrix kmeansPlusPlus(const Matrix& X, int k, Rng& rng) {
  const Index n = X.rows();
  Matrix C(k, X.cols());
  C.row(0) = X.row(rng.below(static_cast<std::uint32_t>(n)));
  Vector closest(n);
  for (Index i = 0; i < n; ++i) closest(i) = (X.row(i) - C.row(0)).squaredNorm();
  const int trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
  Vector candidateDist(n);
  for (int c = 1; c < k; ++c) {
    double potential = closest.sum();
    Index bestCandidate = -1;
    double bestPotential = std::numeric_limits<double>::infinity();
    for (int t = 0; t < trials; ++t) {
      Index pick;
      if (potential <= 0.0) {
        pick = rng.below(static_cast<std::uint32_t>(n));  // all points already covered: uniform
      } else {
        // First index whose cumulative weight exceeds r, so zero-weight points are never drawn.
        double r = rng.uniform() * potential, cumulative = 0.0;
        pick = n - 1;
        for (Index i = 0; i < n; ++i) {
          cumulative += closest(i);
          if (cumulative > r) { pick = i; break; }
        }
      }
      double pot = 0.0;
      for (Index i = 0; i < n; ++i) pot += std::min(closest(i), (X.row(i) - X.row(pick)).squaredNorm());
      // t == 0 always counts: with huge coordinates every potential can overflow to infinity,
      // and no candidate would ever compare below the starting bound (found by the fuzzer).
      if (t == 0 || pot < bestPotential) {
        bestPotential = pot;
        bestCandidate = pick;
      }
    }
    C.row(c) = X.row(bestCandidate);
    for (Index i = 0; i < n; ++i)
      closest(i) = std::min(closest(i), (X.row(i) - C.row(c)).squaredNorm());
  }
  return C;
}

}  // namespace

void KMeans::setData(const Matrix& X, const Vector& y) {
  const char* where = "KMeans.setData";
  requireUnlabelledData(X, y, 1, where);
  if (k_ > X.rows())
    throw ShapeError(std::string(where) + ": k=" + std::to_string(k_) + " clusters need at least " +
                     std::to_string(k_) + " points, got " + std::to_string(X.rows()));
  if (init_ == Init::Given && givenCentroids_.cols() != X.cols())
    throw ShapeError(std::string(where) + ": the given centroids have " + std::to_string(givenCentroids_.cols()) +
                     " coordinates but X has " + std::to_string(X.cols()) + " columns; call setInit first");
  X_ = X;
  featureCount_ = X.cols();
  resetParams();
  restartTrace();
}

Matrix KMeans::initialCentroids(int k, Init init, int restart) const {
  if (init == Init::Given) return givenCentroids_;
  // One PCG stream per (k, restart) so restarts and elbow runs are independent yet seeded.
  Rng rng(seed_, 1000u + 1000u * static_cast<std::uint64_t>(k) + static_cast<std::uint64_t>(restart));
  if (init == Init::KMeansPlusPlus) return kmeansPlusPlus(X_, k, rng);
  std::vector<int> order = rng.permutation(static_cast<int>(X_.rows()));
  Matrix C(k, X_.cols());
  for (int j = 0; j < k; ++j) C.row(j) = X_.row(order[j]);
  return C;
}

void KMeans::resetParams() {
  labels_.clear();
  awaitingUpdate_ = false;
  lastChanged_ = 0;
  emptyClusters_ = 0;
  if (X_.rows() == 0) return;
  centroids_ = initialCentroids(k_, init_, 0);
}

void KMeans::setK(int k) {
  const char* where = "KMeans.setK";
  requireIntInRange(k, 1, kMaxK, where, "k");
  if (status_ != Status::Empty && k > X_.rows())
    throw InvalidArgument(std::string(where) + ": k=" + std::to_string(k) + " exceeds the " +
                          std::to_string(X_.rows()) + " points");
  k_ = k;
  if (init_ == Init::Given && givenCentroids_.rows() != k) init_ = Init::KMeansPlusPlus;
  settingsChanged();
}

void KMeans::setInit(const std::string& init) {
  const char* where = "KMeans.setInit";
  if (init == "random") init_ = Init::Random;
  else if (init == "k-means++") init_ = Init::KMeansPlusPlus;
  else if (init == "given") {
    if (givenCentroids_.rows() != k_ || (status_ != Status::Empty && givenCentroids_.cols() != featureCount_))
      throw StateError(std::string(where) + ": no matching centroids were given; call setCentroids first");
    init_ = Init::Given;
  } else {
    throw InvalidArgument(std::string(where) + ": init='" + init +
                          "' is not one of 'random', 'k-means++', 'given'");
  }
  settingsChanged();
}

std::string KMeans::initName() const {
  switch (init_) {
    case Init::Random: return "random";
    case Init::KMeansPlusPlus: return "k-means++";
    case Init::Given: return "given";
  }
  return "";
}

void KMeans::setCentroids(const Matrix& C) {
  const char* where = "KMeans.setCentroids";
  requireData(where);
  requireColumns(C, featureCount_, where);
  if (C.rows() < 1 || C.rows() > std::min<Index>(kMaxK, X_.rows()))
    throw ShapeError(std::string(where) + ": got " + std::to_string(C.rows()) + " centroids; need 1 to " +
                     std::to_string(std::min<Index>(kMaxK, X_.rows())) + " (at most one per point)");
  requireFinite(C, where, "centroids");
  givenCentroids_ = C;
  k_ = static_cast<int>(C.rows());
  init_ = Init::Given;
  resetParams();
  restartTrace();
}

void KMeans::setRestarts(int restarts) {
  requireIntInRange(restarts, 1, 100, "KMeans.setRestarts", "restarts");
  restarts_ = restarts;
}

int KMeans::assignStep() {
  const char* where = "KMeans.assignStep";
  requireData(where);
  if (awaitingUpdate_)
    throw StateError(std::string(where) + ": the points are already assigned; call updateStep() to move the centroids");
  lastChanged_ = assignLabels(X_, centroids_, labels_);
  if (lastChanged_ > 0) {
    awaitingUpdate_ = true;
  } else {
    status_ = Status::Converged;  // nothing moved: this assignment closes the iteration
    completeIteration();
  }
  return lastChanged_;
}

double KMeans::updateStep() {
  const char* where = "KMeans.updateStep";
  requireData(where);
  if (!awaitingUpdate_)
    throw StateError(std::string(where) + ": assign the points first (call assignStep())");
  emptyClusters_ = updateCentroids(X_, labels_, centroids_);
  awaitingUpdate_ = false;
  completeIteration();
  return loss();
}

void KMeans::completeIteration() {
  ++steps_;
  recordTrace();
}

void KMeans::doStep() {
  // One Lloyd iteration. A step after a lone assignStep() only completes that iteration.
  if (!awaitingUpdate_) {
    lastChanged_ = assignLabels(X_, centroids_, labels_);
    if (lastChanged_ == 0) {
      status_ = Status::Converged;  // assignments stable ⇒ the means cannot move either
      return;
    }
  }
  emptyClusters_ = updateCentroids(X_, labels_, centroids_);
  awaitingUpdate_ = false;
}

double KMeans::fitBest(int maxIterations) {
  const char* where = "KMeans.fitBest";
  requireData(where);
  requireIntInRange(maxIterations, 1, 100000, where, "maxIterations");
  const int runs = init_ == Init::Given ? 1 : restarts_;
  double bestInertia = std::numeric_limits<double>::infinity();
  int bestRun = 0;
  for (int r = 0; r < runs; ++r) {
    labels_.clear();
    centroids_ = initialCentroids(k_, init_, r);
    std::vector<int> labels;
    Matrix C = centroids_;
    for (int it = 0; it < maxIterations && assignLabels(X_, C, labels) > 0; ++it) updateCentroids(X_, labels, C);
    double inertia = nearestInertia(X_, C);
    if (inertia < bestInertia) {
      bestInertia = inertia;
      bestRun = r;
    }
  }
  // Replay the winning start through step() so the trace shows its path.
  resetParams();
  centroids_ = initialCentroids(k_, init_, bestRun);
  restartTrace();
  fit(maxIterations);
  return loss();
}

std::vector<double> KMeans::elbowCurve(int kMax) const {
  const char* where = "KMeans.elbowCurve";
  requireData(where);
  requireIntInRange(kMax, 1, std::min<Index>(kMaxK, X_.rows()), where, "kMax");
  std::vector<double> curve;
  for (int k = 1; k <= kMax; ++k) {
    double best = std::numeric_limits<double>::infinity();
    for (int r = 0; r < restarts_; ++r) {
      Matrix C = initialCentroids(k, Init::KMeansPlusPlus, r);
      std::vector<int> labels;
      for (int it = 0; it < kMaxElbowIterations && assignLabels(X_, C, labels) > 0; ++it)
        updateCentroids(X_, labels, C);
      best = std::min(best, nearestInertia(X_, C));
    }
    curve.push_back(best);
  }
  return curve;
}

Vector KMeans::params() const { return Eigen::Map<const Vector>(centroids_.data(), centroids_.size()); }

double KMeans::trainingLoss() const {
  if (labels_.empty()) return nearestInertia(X_, centroids_);
  return labelledInertia(X_, centroids_, labels_);
}

Vector KMeans::predict(const Matrix& X) const {
  requireData("KMeans.predict");
  requireQuery(X, featureCount_, "KMeans.predict");
  Vector out(X.rows());
  for (Index i = 0; i < X.rows(); ++i) out(i) = nearest(centroids_, X.row(i), nullptr);
  return out;
}

double KMeans::score(const Matrix& X, const Vector& y) const {
  const char* where = "KMeans.score";
  requireData(where);
  requireUnlabelledData(X, y, 1, where);
  requireColumns(X, featureCount_, where);
  return -nearestInertia(X, centroids_);
}

void KMeans::recordTrace() {
  if (trace_.rows() == 0) {  // row 0: k or d may have changed since the last run
    std::vector<std::string> cols{"loss", "changed", "empty"};
    for (Index j = 0; j < centroids_.rows(); ++j)
      for (Index f = 0; f < centroids_.cols(); ++f) cols.push_back("c" + std::to_string(j) + "_" + std::to_string(f));
    trace_.setColumns(cols);
  }
  std::vector<double> row{loss(), double(lastChanged_), double(emptyClusters_)};
  for (Index j = 0; j < centroids_.rows(); ++j)
    for (Index f = 0; f < centroids_.cols(); ++f) row.push_back(centroids_(j, f));
  trace_.append(row);
}

}  // namespace dw
