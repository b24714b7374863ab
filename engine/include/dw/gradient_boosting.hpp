// Gradient boosting (Friedman 2001) with shallow CART regression trees. Each step() is one
// round: fit a tree to the negative gradient of the loss at the current predictions F, then
// F ← F + learningRate · tree. Squared loss makes a regressor; log loss a binary classifier
// whose leaf values are the Newton step Σr / Σp(1−p), as scikit-learn's GradientBoostingClassifier.
#pragma once
#include <string>
#include <vector>

#include "dw/cart_tree.hpp"
#include "dw/model.hpp"

namespace dw {

class GradientBoosting : public SupervisedModel {
 public:
  GradientBoosting() : SupervisedModel(1, kMaxTreeRows) {}
  const char* name() const override { return "GradientBoosting"; }

  // squared_error: any finite y; log_loss: labels 0 and 1, both present.
  double score(const Matrix& X, const Vector& y) const override;  // R², or accuracy (log loss)
  Vector predict(const Matrix& X) const override;                  // values, or labels 0/1
  bool isClassifier() const override { return logLoss_; }
  int classCount() const override { return logLoss_ ? 2 : 0; }
  Matrix predictProba(const Matrix& X) const override;  // [1 − σ(F), σ(F)]
  Vector params() const override;  // [F0, rounds]
  // Training loss: mean squared error, or mean log loss  log(1 + e^F) − y·F.
  double trainingLoss() const override;

  // Each change except setEstimatorCount discards the rounds made so far.
  void setLoss(const std::string& loss);   // "squared_error" (default) or "log_loss"
  void setEstimatorCount(int count);     // target rounds for fit(), 1 … 5000, default 100
  void setLearningRate(double rate);        // (0, 10], default 0.1
  void setMaxDepth(int depth);           // 1 … 32, default 3
  void setMinSamplesLeaf(int count);     // 1 … 1e6, default 1
  std::string lossName() const { return logLoss_ ? "log_loss" : "squared_error"; }
  double learningRate() const { return learningRate_; }
  int maxDepth() const { return maxDepth_; }
  int targetRounds() const { return targetRounds_; }

  int rounds() const { return static_cast<int>(trees_.size()); }
  double initialValue() const { return init_; }  // F0: mean of y, or log-odds of class 1
  const CartTree& tree(int i) const;
  // Leaf rectangles of tree i over [x0,x1]×[y0,y1] (models of 2 features; see treeRegions).
  std::vector<double> treeRegions(int i, double x0, double x1, double y0, double y1) const;
  // Raw scores F(x) (log-odds for the classifier).
  Vector decisionFunction(const Matrix& X) const;
  // predict() after each round 1 … rounds(): rounds × n values, row r = after round r+1.
  Matrix stagedPredict(const Matrix& X) const;
  // Impurity importance, as scikit-learn's feature_importances_ (defined in feature_importance.cpp).
  Vector featureImportances() const;

  // The loss and its negative gradient at scores F, per point summed (not averaged):
  // squared: ½Σ(y − F)² and y − F; log: Σ log(1 + e^F) − yF and y − σ(F). The pseudo-residuals
  // each round's tree is fitted to; loss() reports the mean (squared: MSE, without the ½).
  static double totalLoss(const Vector& y, const Vector& F, bool logLoss);
  static Vector negativeGradient(const Vector& y, const Vector& F, bool logLoss);

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void restartBoosting();
  void restartLearning() override { restartBoosting(); }
  Vector F_;
  ColumnOrders orders_;
  std::vector<CartTree> trees_;
  double init_ = 0.0;
  bool logLoss_ = false;
  double learningRate_ = 0.1;
  int maxDepth_ = 3;
  int minSamplesLeaf_ = 1;
  int targetRounds_ = 100;
};

}  // namespace dw
