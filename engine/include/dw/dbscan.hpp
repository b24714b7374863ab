// DBSCAN (Ester et al. 1996): density-based clustering. A point is a core point when at least
// minSamples points (itself included) lie within eps of it; clusters are the core points
// connected through eps-neighbourhoods plus the border points they reach; the rest is noise.
#pragma once
#include <vector>

#include "dw/model.hpp"

namespace dw {

class DBSCAN : public Model {
 public:
  const char* name() const override { return "DBSCAN"; }

  // X: one row per point (at most 20000). y is ignored (empty or one value per row).
  void setData(const Matrix& X, const Vector& y) override;
  // Mean silhouette of X labelled by predict(X), noise points left out. y is ignored.
  double score(const Matrix& X, const Vector& y) const override;
  // Label of the nearest core point within eps of each row of X, or −1 (noise), as doubles.
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // the current labels, as doubles
  // Fraction of points not (yet) in any cluster: the noise fraction once converged.
  double trainingLoss() const override;

  // Neighbourhood radius eps in (0, 1e6]. Default 0.5.
  void setEps(double eps);
  double eps() const { return eps_; }
  // Points (the point itself included) a core point needs within eps, in [1, 10000]. Default 5.
  void setMinSamples(int minSamples);
  int minSamples() const { return minSamples_; }

  // −1 for noise or not yet reached; clusters numbered 0, 1, … in order of discovery.
  const std::vector<int>& labels() const { return labels_; }
  const std::vector<int>& corePoints() const { return core_; }  // 1 for a core point, else 0
  int clusterCount() const { return clusters_; }

 protected:
  void resetParams() override;
  // A changed setting discards what was learnt (see Model::settingsChanged).
  void restartLearning() override { resetParams(); }
  // One step discovers one cluster: the lowest-index unlabelled core point and everything
  // density-reachable from it. With no such core point left the model is converged.
  void doStep() override;
  void recordTrace() override;

 private:
  void neighbours(Index i, std::vector<Index>& out) const;
  void findCorePoints();

  Matrix X_;
  std::vector<int> labels_;
  std::vector<int> core_;
  double eps_ = 0.5;
  int minSamples_ = 5;
  int clusters_ = 0;
  Index nextSeed_ = 0;  // scan position for the next unlabelled core point
};

}  // namespace dw
