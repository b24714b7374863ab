// Anomaly detection: the z-score detector (global or rolling mean and standard deviation) and
// the isolation forest (Liu, Ting & Zhou 2008): random trees grown on subsamples of ψ points
// with random feature and uniform random split value, so a point that is easy to cut off has
// a short path. Score s(x) = 2^(−E[h(x)] / c(ψ)), near 1 for anomalies, ≤ 0.5 for the usual.
#pragma once
#include <cstdint>
#include <vector>

#include "dw/types.hpp"

namespace dw {

// Average path length of an unsuccessful search in a binary search tree of n points, the
// normaliser c(n) = 2H(n − 1) − 2(n − 1)/n with H(i) ≈ ln i + γ (γ Euler's constant);
// c(1) = 0 and c(2) = 1 (as scikit-learn).
double averagePathLength(double n);

// Global z-scores of each column: (x − mean) / s with the population standard deviation (a
// constant column gives 0). The score of a row is the largest |z| over its columns.
Matrix zScores(const Matrix& X);
Vector zScoreAnomaly(const Matrix& X);
// Rolling z-score of a series: z_t = (y_t − mean) / s over the `window` values before t (not t
// itself); the first `window` steps get 0, as does a window with s = 0.
Vector rollingZScores(const Vector& series, int window);

// The value above which a `contamination` share of `scores` lies: the (1 − contamination)
// quantile with linear interpolation (numpy's default). contamination in (0, 0.5].
double contaminationThreshold(const Vector& scores, double contamination);
// 1 where score > threshold, else 0.
Vector flagAbove(const Vector& scores, double threshold);

class IsolationForest {
 public:
  IsolationForest(int trees = 100, int subsample = 256) : trees_(trees), subsample_(subsample) {}
  void setTrees(int trees);
  void setSubsample(int subsample);  // ψ; capped at the number of points when fitting
  // Grows the trees on X (≥ 2 rows, finite), seeded.
  void fit(const Matrix& X, std::uint32_t seed);
  // Mean path length E[h(x)] per row (with the c(size) correction at leaves holding several points).
  Vector pathLengths(const Matrix& X) const;
  Vector scores(const Matrix& X) const;  // s(x) in (0, 1)
  // Scores at the centres of an nx × ny grid over [x0, x1] × [y0, y1] (x fastest, from y0 up); 2 features.
  Vector scoreGrid(double x0, double x1, double y0, double y1, int nx, int ny) const;
  int trees() const { return trees_; }
  int subsample() const { return subsample_; }
  int usedSubsample() const { return psi_; }
  bool fitted() const { return !nodes_.empty(); }
  int featureCount() const { return int(features_); }

 private:
  struct Node {
    int feature = -1;  // −1: leaf
    double split = 0;
    int left = -1, right = -1;
    int size = 0;  // points that reached a leaf
  };
  double pathLength(const double* x) const;
  int trees_, subsample_;
  int psi_ = 0;
  Index features_ = 0;
  std::vector<Node> nodes_;  // every tree's nodes
  std::vector<int> roots_;
};

}  // namespace dw
