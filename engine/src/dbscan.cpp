#include "dw/dbscan.hpp"

#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/silhouette.hpp"
#include "dw/unsupervised_data.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr Index kMaxDbscanPoints = 20000;  // neighbourhoods are found by brute force, O(n²)
}

void DBSCAN::setData(const Matrix& X, const Vector& y) {
  const char* where = "DBSCAN.setData";
  requireUnlabelledData(X, y, 1, where);
  if (X.rows() > kMaxDbscanPoints)
    throw ShapeError(std::string(where) + ": " + std::to_string(X.rows()) + " points exceed the limit of " +
                     std::to_string(kMaxDbscanPoints));
  X_ = X;
  featureCount_ = X.cols();
  resetParams();
  restartTrace();
}

void DBSCAN::setEps(double eps) {
  requireInOpenClosed(eps, 0.0, 1e6, "DBSCAN.setEps", "eps");
  eps_ = eps;
  settingsChanged();
}

void DBSCAN::setMinSamples(int minSamples) {
  requireIntInRange(minSamples, 1, 10000, "DBSCAN.setMinSamples", "minSamples");
  minSamples_ = minSamples;
  settingsChanged();
}

// Points within eps of point i (i itself included), by Euclidean distance ≤ eps as scikit-learn.
void DBSCAN::neighbours(Index i, std::vector<Index>& out) const {
  out.clear();
  for (Index j = 0; j < X_.rows(); ++j)
    if (std::sqrt((X_.row(j) - X_.row(i)).squaredNorm()) <= eps_) out.push_back(j);
}

void DBSCAN::findCorePoints() {
  const Index n = X_.rows();
  std::vector<int> counts(n, 0);
  // Symmetric distances: test each pair once.
  for (Index i = 0; i < n; ++i) {
    ++counts[i];
    for (Index j = i + 1; j < n; ++j)
      if (std::sqrt((X_.row(j) - X_.row(i)).squaredNorm()) <= eps_) {
        ++counts[i];
        ++counts[j];
      }
  }
  core_.assign(n, 0);
  for (Index i = 0; i < n; ++i) core_[i] = counts[i] >= minSamples_ ? 1 : 0;
}

void DBSCAN::resetParams() {
  // Deterministic: DBSCAN draws no random numbers, the seed is irrelevant.
  clusters_ = 0;
  nextSeed_ = 0;
  labels_.assign(X_.rows(), -1);
  if (X_.rows() > 0) findCorePoints();
}

void DBSCAN::doStep() {
  const Index n = X_.rows();
  while (nextSeed_ < n && (labels_[nextSeed_] != -1 || !core_[nextSeed_])) ++nextSeed_;
  if (nextSeed_ == n) {
    status_ = Status::Converged;  // every core point is in a cluster; unlabelled points are noise
    return;
  }
  // Depth-first expansion from the seed, as scikit-learn's dbscan_inner: a point joins the
  // cluster when first reached; only core points spread it further.
  const int label = clusters_++;
  std::vector<Index> stack{nextSeed_}, around;
  while (!stack.empty()) {
    Index i = stack.back();
    stack.pop_back();
    if (labels_[i] != -1) continue;
    labels_[i] = label;
    if (!core_[i]) continue;
    neighbours(i, around);
    for (Index v : around)
      if (labels_[v] == -1) stack.push_back(v);
  }
  // Look ahead so the step that finds the last cluster also reports convergence.
  while (nextSeed_ < n && (labels_[nextSeed_] != -1 || !core_[nextSeed_])) ++nextSeed_;
  if (nextSeed_ == n) status_ = Status::Converged;
}

Vector DBSCAN::params() const {
  Vector p(static_cast<Index>(labels_.size()));
  for (std::size_t i = 0; i < labels_.size(); ++i) p(static_cast<Index>(i)) = labels_[i];
  return p;
}

double DBSCAN::trainingLoss() const {
  if (labels_.empty()) return 0.0;
  Index unlabelled = 0;
  for (int l : labels_) unlabelled += l < 0;
  return double(unlabelled) / double(labels_.size());
}

Vector DBSCAN::predict(const Matrix& X) const {
  requireData("DBSCAN.predict");
  requireQuery(X, featureCount_, "DBSCAN.predict");
  Vector out(X.rows());
  for (Index q = 0; q < X.rows(); ++q) {
    double best = std::numeric_limits<double>::infinity();
    int label = -1;
    for (Index i = 0; i < X_.rows(); ++i) {
      if (!core_[i] || labels_[i] < 0) continue;
      double d = std::sqrt((X_.row(i) - X.row(q)).squaredNorm());
      if (d <= eps_ && d < best) {
        best = d;
        label = labels_[i];
      }
    }
    out(q) = label;
  }
  return out;
}

double DBSCAN::score(const Matrix& X, const Vector& y) const {
  const char* where = "DBSCAN.score";
  requireData(where);
  requireUnlabelledData(X, y, 1, where);
  requireColumns(X, featureCount_, where);
  Vector labels = predict(X);
  std::vector<Index> kept;
  for (Index i = 0; i < labels.size(); ++i)
    if (labels(i) >= 0) kept.push_back(i);
  Matrix Xk(static_cast<Index>(kept.size()), X.cols());
  Vector lk(static_cast<Index>(kept.size()));
  for (std::size_t r = 0; r < kept.size(); ++r) {
    Xk.row(static_cast<Index>(r)) = X.row(kept[r]);
    lk(static_cast<Index>(r)) = labels(kept[r]);
  }
  return silhouetteScore(Xk, lk, where);
}

void DBSCAN::recordTrace() {
  if (trace_.rows() == 0) trace_.setColumns({"loss", "clusters", "clustered", "core"});
  double clustered = 0, core = 0;
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    clustered += labels_[i] >= 0;
    core += core_[i];
  }
  trace_.append({loss(), double(clusters_), clustered, core});
}

}  // namespace dw
