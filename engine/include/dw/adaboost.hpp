// AdaBoost with decision stumps, SAMME form (Zhu, Zou, Rosset & Hastie 2009) for two classes,
// as scikit-learn's AdaBoostClassifier(algorithm='SAMME'). One step() is one round: fit a
// depth-1 Gini tree to the weighted data, ε = weighted error, α = rate · ln((1 − ε)/ε),
// multiply the weights of misclassified points by e^α and renormalise. Everything a lesson
// draws is kept per round: the weights (point sizes), α, ε, the stump and the error bound.
#pragma once
#include <vector>

#include "dw/cart_tree.hpp"
#include "dw/model.hpp"

namespace dw {

struct Stump {
  int feature = -1;        // −1: no valid split, the stump predicts leftClass everywhere
  double threshold = 0.0;  // x[feature] <= threshold → leftClass, otherwise rightClass
  int leftClass = 0, rightClass = 0;
  // +1 when it predicts class 1 above the threshold, −1 below, 0 when both sides agree.
  int polarity() const { return rightClass - leftClass; }
  int predict(const double* x) const { return feature < 0 || x[feature] <= threshold ? leftClass : rightClass; }
};

class AdaBoost : public SupervisedModel {
 public:
  AdaBoost() : SupervisedModel(1, kMaxTreeRows) {}
  const char* name() const override { return "AdaBoost"; }

  // setData (SupervisedModel): y: labels 0 and 1, both present
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;
  bool isClassifier() const override { return true; }
  int classCount() const override { return 2; }
  // scikit-learn's SAMME probabilities for two classes: p1 = σ(decision), p0 = 1 − p1.
  Matrix predictProba(const Matrix& X) const override;
  Vector params() const override;  // the α of every round
  // Exponential loss mean exp(−ỹ·½Σα_m h_m) with ỹ, h ∈ {−1, +1}. With learning rate 1 it equals
  // the bound ∏ 2√(ε_m(1 − ε_m)) exactly (the ½ turns SAMME's α into the classic AdaBoost α).
  double trainingLoss() const override;

  void setEstimatorCount(int count);  // target rounds for fit(), 1 … 5000, default 50
  void setLearningRate(double rate);     // (0, 10], default 1; discards the rounds made
  double learningRate() const { return learningRate_; }
  int targetRounds() const { return targetRounds_; }

  int rounds() const { return static_cast<int>(stumps_.size()); }
  const std::vector<Stump>& stumps() const { return stumps_; }
  const std::vector<double>& alphas() const { return alphas_; }
  const std::vector<double>& errors() const { return errors_; }            // weighted ε per round
  const std::vector<double>& trainingErrors() const { return trainErrors_; }  // ensemble, per round
  const std::vector<double>& bounds() const { return bounds_; }            // ∏ 2√(ε(1−ε)) so far
  const Vector& sampleWeights() const { return weights_; }                 // current, sum 1
  // Weights before round 1 and after every round: (rounds + 1) × n.
  const std::vector<double>& weightHistory() const { return weightHistory_; }
  // Why boosting stopped early: "" while running or at the target, "perfect" (ε = 0) or
  // "no better than chance" (ε ≥ ½, the round is not kept).
  const char* stopReason() const { return stopReason_; }
  // Σ α_m h_m(x) / Σ α_m in [−1, 1] (h = ±1); 0 before the first round.
  Vector decisionFunction(const Matrix& X) const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void restartBoosting();
  void restartLearning() override { restartBoosting(); }
  Vector weights_, F_;  // F_: Σ α_m h_m on the training points
  ColumnOrders orders_;
  std::vector<Stump> stumps_;
  std::vector<double> alphas_, errors_, trainErrors_, bounds_, weightHistory_;
  const char* stopReason_ = "";
  double learningRate_ = 1.0;
  int targetRounds_ = 50;
};

}  // namespace dw
