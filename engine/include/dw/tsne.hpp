// Exact t-SNE (van der Maaten & Hinton 2008) into 2 dimensions, following scikit-learn's
// method="exact": Gaussian affinities P calibrated to a perplexity by binary search, Student-t
// affinities Q in the embedding, gradient descent on KL(P‖Q) with early exaggeration,
// momentum and per-coordinate gains. One step() is one gradient iteration.
#pragma once
#include <vector>

#include "dw/model.hpp"

namespace dw {

class TSNE : public Model {
 public:
  static constexpr int kMaxPoints = 500;            // exact O(n²) gradient per step
  static constexpr int kExaggerationSteps = 250;    // early-exaggeration phase, momentum 0.5
  static constexpr double kLateMomentum = 0.8;      // momentum after that phase

  const char* name() const override { return "TSNE"; }

  // X: 3 to 500 rows, more rows than the perplexity; y ignored (empty or one value per row).
  // Computes P and draws the starting embedding from seed() (normal × 1e-4).
  void setData(const Matrix& X, const Vector& y) override;
  // −KL(P‖Q) of the current embedding (higher is better). X must be the training data's shape;
  // X and y are otherwise ignored: t-SNE has no mapping for new points.
  double score(const Matrix& X, const Vector& y) const override;
  // The embedding flattened (n × 2), only for X equal to the training data.
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // the embedding, row-major n × 2
  double trainingLoss() const override;    // KL(P‖Q) with the true (unexaggerated) P

  // Perplexity in [2, 100], below the number of points. Default 30. Recomputes P.
  void setPerplexity(double perplexity);
  double perplexity() const { return perplexity_; }
  // Learning rate in (0, 10000]. Default 200.
  void setLearningRate(double learningRate);
  double learningRate() const { return learningRate_; }
  // Early exaggeration factor in [1, 100] for the first 250 steps. Default 12.
  void setExaggeration(double exaggeration);
  double exaggeration() const { return exaggeration_; }
  // Steps until the model reports converged, in [1, 100000]. Default 1000.
  void setMaxIterations(int maxIterations);
  // Replaces the embedding (n × 2) and restarts the trace (for experiments and tests).
  void setEmbedding(const Matrix& Y);

  const Matrix& embedding() const { return Y_; }
  const Matrix& jointProbabilities() const { return P_; }  // symmetric P, zero diagonal, sums to 1
  // exp(H(P_i)) of each conditional row p_{·|i}: what the binary search achieved.
  const Vector& rowPerplexities() const { return rowPerplexity_; }
  // ∂KL/∂Y at the current embedding with the true P (n × 2).
  Matrix gradient() const;

 protected:
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void computeAffinities();
  // KL(αP‖Q) and its gradient at Y; `grad` may be null.
  double klAndGradient(const Matrix& Y, double alpha, Matrix* grad) const;

  Matrix X_;
  Matrix P_;
  Vector rowPerplexity_;
  Matrix Y_;
  Matrix update_;
  Matrix gains_;
  double perplexity_ = 30.0;
  double learningRate_ = 200.0;
  double exaggeration_ = 12.0;
  int maxIterations_ = 1000;
  double lastGradNorm_ = 0.0;
  mutable std::vector<double> pairWeights_;  // scratch: Student-t weights of pairs i < j
  mutable double cachedLoss_ = 0.0;
  mutable bool lossValid_ = false;
};

}  // namespace dw
