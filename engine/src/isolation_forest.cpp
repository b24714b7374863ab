// Isolation forest (Liu, Ting & Zhou, "Isolation Forest", ICDM 2008), the variant scikit-learn
// implements: each tree grows on ψ points drawn without replacement, to the height limit
// ⌈log₂ ψ⌉; a node picks a feature uniformly among those not constant in it and a split value
// uniform between their minimum and maximum.
#include <algorithm>
#include <cmath>
#include <string>

#include "dw/anomaly_detection.hpp"
#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

double averagePathLength(double n) {
  requireInRange(n, 0, 1e12, "averagePathLength", "n");
  if (n <= 1) return 0;
  if (n <= 2) return 1;
  constexpr double kEulerGamma = 0.57721566490153286;
  // c(n) = 2H(n − 1) − 2(n − 1)/n, with the harmonic number H(i) ≈ ln i + γ.
  return 2 * (std::log(n - 1) + kEulerGamma) - 2 * (n - 1) / n;
}

void IsolationForest::setTrees(int trees) {
  requireIntInRange(trees, 1, 1000, "IsolationForest.setTrees", "trees");
  trees_ = trees;
}
void IsolationForest::setSubsample(int subsample) {
  requireIntInRange(subsample, 2, 100000, "IsolationForest.setSubsample", "subsample");
  subsample_ = subsample;
}

namespace {
struct Grower {
  const Matrix& X;
  Rng& rng;
  int heightLimit;
  std::vector<int> usable;  // scratch: features not constant in the node
  template <class Nodes>
  int grow(Nodes& nodes, std::vector<int>& rows, int begin, int end, int depth) {
    const int id = int(nodes.size());
    nodes.emplace_back();
    nodes[id].size = end - begin;
    if (depth >= heightLimit || end - begin <= 1) return id;
    usable.clear();
    std::vector<double> lo(std::size_t(X.cols())), hi(std::size_t(X.cols()));
    for (Index j = 0; j < X.cols(); ++j) {
      double a = X(rows[begin], j), b = a;
      for (int i = begin + 1; i < end; ++i) {
        a = std::min(a, X(rows[i], j));
        b = std::max(b, X(rows[i], j));
      }
      lo[std::size_t(j)] = a;
      hi[std::size_t(j)] = b;
      if (b > a) usable.push_back(int(j));
    }
    if (usable.empty()) return id;  // every point here is the same: nothing left to isolate
    const int feature = usable[rng.below(std::uint32_t(usable.size()))];
    const double split = rng.uniform(lo[std::size_t(feature)], hi[std::size_t(feature)]);
    const int mid = int(std::partition(rows.begin() + begin, rows.begin() + end,
                                       [&](int r) { return X(r, feature) < split; }) - rows.begin());
    nodes[id].feature = feature;
    nodes[id].split = split;
    const int left = grow(nodes, rows, begin, mid, depth + 1);
    const int right = grow(nodes, rows, mid, end, depth + 1);
    nodes[id].left = left;
    nodes[id].right = right;
    return id;
  }
};
}  // namespace

void IsolationForest::fit(const Matrix& X, std::uint32_t seed) {
  const char* where = "IsolationForest.fit";
  if (X.rows() < 2 || X.cols() == 0)
    throw ShapeError(std::string(where) + ": needs at least 2 points with at least one feature, got " + std::to_string(X.rows()));
  requireFinite(X, where, "X");
  Rng rng(seed);
  psi_ = int(std::min<Index>(subsample_, X.rows()));
  features_ = X.cols();
  nodes_.clear();
  roots_.clear();
  Grower g{X, rng, int(std::ceil(std::log2(double(psi_)))), {}};
  std::vector<int> all(std::size_t(X.rows()));
  for (Index i = 0; i < X.rows(); ++i) all[std::size_t(i)] = int(i);
  for (int t = 0; t < trees_; ++t) {
    // ψ rows without replacement: the first ψ steps of a Fisher–Yates shuffle.
    for (int i = 0; i < psi_; ++i) std::swap(all[std::size_t(i)], all[std::size_t(i) + rng.below(std::uint32_t(X.rows() - i))]);
    std::vector<int> rows(all.begin(), all.begin() + psi_);
    roots_.push_back(g.grow(nodes_, rows, 0, psi_, 0));
  }
}

double IsolationForest::pathLength(const double* x) const {
  double total = 0;
  for (int root : roots_) {
    int id = root, depth = 0;
    while (nodes_[std::size_t(id)].feature >= 0) {
      const Node& n = nodes_[std::size_t(id)];
      id = x[n.feature] < n.split ? n.left : n.right;
      ++depth;
    }
    // A leaf that still holds several points stands for the subtree it was not grown into.
    total += depth + averagePathLength(nodes_[std::size_t(id)].size);
  }
  return total / double(roots_.size());
}

Vector IsolationForest::pathLengths(const Matrix& X) const {
  const char* where = "IsolationForest.pathLengths";
  if (!fitted()) throw StateError(std::string(where) + ": not fitted yet; call fit first");
  requireQuery(X, features_, where);
  Vector h(X.rows());
  for (Index i = 0; i < X.rows(); ++i) h(i) = pathLength(X.row(i).data());
  return h;
}

Vector IsolationForest::scores(const Matrix& X) const {
  if (!fitted()) throw StateError("IsolationForest.scores: not fitted yet; call fit first");
  requireQuery(X, features_, "IsolationForest.scores");
  const double c = averagePathLength(psi_);
  Vector s(X.rows());
  for (Index i = 0; i < X.rows(); ++i) s(i) = std::exp2(-pathLength(X.row(i).data()) / c);  // s = 2^(−E[h]/c(ψ))
  return s;
}

Vector IsolationForest::scoreGrid(double x0, double x1, double y0, double y1, int nx, int ny) const {
  const char* where = "IsolationForest.scoreGrid";
  if (!fitted()) throw StateError(std::string(where) + ": not fitted yet; call fit first");
  if (features_ != 2) throw StateError(std::string(where) + ": the forest was fitted on " + std::to_string(features_) + " features, not 2");
  requireInRange(x0, -1e6, 1e6, where, "x0");
  requireInRange(x1, -1e6, 1e6, where, "x1");
  requireInRange(y0, -1e6, 1e6, where, "y0");
  requireInRange(y1, -1e6, 1e6, where, "y1");
  if (!(x1 > x0) || !(y1 > y0)) throw InvalidArgument(std::string(where) + ": the grid needs x0 < x1 and y0 < y1");
  requireIntInRange(nx, 1, 1000, where, "nx");
  requireIntInRange(ny, 1, 1000, where, "ny");
  const double c = averagePathLength(psi_);
  Vector s(Index(nx) * ny);
  double p[2];
  for (int j = 0; j < ny; ++j) {
    p[1] = y0 + (j + 0.5) * (y1 - y0) / ny;  // cell centres (docs/engine-api.md, Grids)
    for (int i = 0; i < nx; ++i) {
      p[0] = x0 + (i + 0.5) * (x1 - x0) / nx;
      s(Index(j) * nx + i) = std::exp2(-pathLength(p) / c);
    }
  }
  return s;
}

}  // namespace dw
