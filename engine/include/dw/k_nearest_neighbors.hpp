// k-nearest neighbours: a classifier (majority vote) or regressor (average) that keeps the
// training points and answers each query from the k closest ones. There is nothing to learn:
// step() marks the stored data as the model and converges at once.
#pragma once
#include <string>
#include <vector>

#include "dw/model.hpp"

namespace dw {

class KNearestNeighbors : public SupervisedModel {
 public:
  enum class Mode { Classify, Regress };
  enum class Metric { Euclidean, Manhattan };
  enum class Weighting { Uniform, Distance };

  // The k nearest training points of one query, nearest first. Equal distances are ordered by
  // the lower training index (so the choice is deterministic and documented).
  struct Neighbors {
    std::vector<int> indices;
    std::vector<double> distances;
  };

  const char* name() const override { return "KNearestNeighbors"; }

  // Classify mode: y holds class labels 0…K−1. Regress mode: any finite targets.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy or R²
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // [k, metric (0 Euclidean, 1 Manhattan), weighting (0/1), mode (0/1)]
  // Training error with each training point answered by the model (itself included, as
  // scikit-learn's score on the training set does): 1 − accuracy, or the MSE when regressing.
  double trainingLoss() const override;

  bool isClassifier() const override { return mode_ == Mode::Classify; }
  int classCount() const override { return mode_ == Mode::Classify ? classes_ : 0; }
  // Vote fractions per class (weighted by 1/distance under distance weighting).
  Matrix predictProba(const Matrix& X) const override;

  void setK(int k);  // 1…n (n = training points when data is set); default 5
  int k() const { return k_; }
  void setMetric(const std::string& metric);        // "euclidean" (default) | "manhattan"
  void setWeighting(const std::string& weighting);  // "uniform" (default) | "distance"
  void setMode(const std::string& mode);            // "classify" (default) | "regress"
  std::string metricName() const;
  std::string weightingName() const;
  std::string modeName() const;

  Neighbors neighbors(const Vector& query) const;
  // Summed vote weight per class among the query's k neighbours (counts under uniform weighting).
  Vector votes(const Vector& query) const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override {}
  void doStep() override;
  void recordTrace() override;

 private:
  void requireUsable(const char* where) const;
  // The k nearest training indices of the query q and their distances, ordered by (distance,
  // index); no validation. Small k keep a sorted buffer while scanning (O(n) for a grid cell).
  void nearest(const double* q, std::vector<int>& idx, std::vector<double>& dist) const;
  static constexpr std::size_t kInsertionLimit = 32;
  // Neighbour weights for the k distances (scikit-learn's rule for zero distances).
  void weightsFor(const std::vector<double>& dist, std::vector<double>& w) const;
  void invalidate() { cachedLoss_ = -1; resumeIfConverged(); }

  int classes_ = 0;
  int k_ = 5;
  Mode mode_ = Mode::Classify;
  Metric metric_ = Metric::Euclidean;
  Weighting weighting_ = Weighting::Uniform;
  mutable std::vector<double> scratchDistances_;  // large-k path only: reused between queries
  mutable std::vector<int> scratchOrder_;
  mutable double cachedLoss_ = -1;  // the training loss costs n² distances: computed once per state
};

}  // namespace dw
