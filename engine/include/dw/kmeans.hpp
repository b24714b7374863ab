// k-means clustering by Lloyd's algorithm: alternately assign every point to its nearest
// centroid and move every centroid to the mean of its points. Each half is exposed on its own
// (assignStep/updateStep) so a widget can show "assign" and then "move".
#pragma once
#include <string>
#include <vector>

#include "dw/model.hpp"

namespace dw {

class KMeans : public Model {
 public:
  enum class Init { Random, KMeansPlusPlus, Given };

  const char* name() const override { return "KMeans"; }

  // X: one row per point. y is ignored (empty or one value per row). Needs at least k points.
  void setData(const Matrix& X, const Vector& y) override;
  // Negative inertia of X against the current centroids (nearest-centroid assignment), as
  // scikit-learn's KMeans.score: higher is better. y is ignored (empty or one value per row).
  double score(const Matrix& X, const Vector& y) const override;
  // Index (0…k−1, as double) of the nearest centroid for every row; ties go to the lower index.
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // centroids, row-major k × d
  // Inertia Σ‖x_i − c_{label_i}‖² with the current labels (nearest centroids before the first
  // assignment).
  double trainingLoss() const override;

  // Number of clusters k in [1, 100] and at most the number of points. Default 3.
  void setK(int k);
  int k() const { return k_; }
  // "random" (k distinct points), "k-means++" (greedy D² seeding) or "given" (setCentroids).
  void setInit(const std::string& init);
  std::string initName() const;
  // Starting centroids (k × d, k taken from the rows); switches init to "given".
  void setCentroids(const Matrix& C);
  // Restarts used by fitBest() and elbowCurve(), in [1, 100]. Default 4.
  void setRestarts(int restarts);
  int restarts() const { return restarts_; }

  // Assign half: labels ← nearest centroid. Returns the number of points whose label changed;
  // when none did, the iteration is complete and the model is converged.
  int assignStep();
  // Update half: every centroid moves to the mean of its points (an empty cluster keeps its
  // centroid). Requires a preceding assignStep(); completes one iteration. Returns the inertia.
  double updateStep();
  // True when the next half step is an update.
  bool awaitingUpdate() const { return awaitingUpdate_; }

  // Runs `restarts` seeded initialisations to convergence (at most maxIterations each) and
  // leaves the model at the one with the lowest inertia. Returns that inertia.
  double fitBest(int maxIterations);
  // Best inertia for k = 1…kMax (each with `restarts` k-means++ starts), seeded by seed().
  std::vector<double> elbowCurve(int kMax) const;

  const Matrix& centroids() const { return centroids_; }
  const std::vector<int>& labels() const { return labels_; }
  double inertia() const {
    if (status_ == Status::Empty) throwNoData("inertia");
    return trainingLoss();
  }
  int emptyClusters() const { return emptyClusters_; }

 protected:
  void resetParams() override;
  // A changed setting discards what was learnt (see Model::settingsChanged).
  void restartLearning() override { resetParams(); }
  void doStep() override;
  void recordTrace() override;

 private:
  Matrix initialCentroids(int k, Init init, int restart) const;
  void completeIteration();

  Matrix X_;
  Matrix centroids_;
  Matrix givenCentroids_;
  std::vector<int> labels_;  // empty until the first assignment
  int k_ = 3;
  Init init_ = Init::KMeansPlusPlus;
  int restarts_ = 4;
  int lastChanged_ = 0;
  int emptyClusters_ = 0;
  bool awaitingUpdate_ = false;
};

}  // namespace dw
