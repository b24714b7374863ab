// Binary logistic regression p(y=1|x) = σ(x·w + b), trained by full-batch gradient descent on
// the mean binary cross-entropy plus an L2 penalty (λ/2)‖w‖² (the intercept is not penalised).
// scikit-learn's LogisticRegression(C) minimises C·Σ logloss + ½‖w‖², the same optimum as
// ours with λ = 1 / (C·n) for n training points.
#pragma once
#include "dw/model.hpp"

namespace dw {

class LogisticRegression : public SupervisedModel {
 public:
  const char* name() const override { return "LogisticRegression"; }

  // Labels must be exactly 0 or 1 and both classes must be present.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;                  // 0/1 by the threshold
  bool isClassifier() const override { return true; }
  int classCount() const override { return 2; }
  Matrix predictProba(const Matrix& X) const override;  // columns p(y=0), p(y=1)
  Vector params() const override;                      // [w_0 … w_{d-1}, b]
  double trainingLoss() const override;                         // mean BCE + (λ/2)‖w‖²

  // Logits z = x·w + b, one per row of X.
  Vector decisionFunction(const Matrix& X) const;
  // Learning rate η in (0, 100]. Default 0.5.
  void setLearningRate(double eta);
  double learningRate() const { return learningRate_; }
  // Converged when every gradient component is below tol, in [0, 1]. Default 1e-6.
  void setTolerance(double tol);
  double tolerance() const { return tolerance_; }
  // L2 strength λ in [0, 1e6]. Default 0.
  void setL2(double lambda);
  double l2() const { return lambda_; }
  // Probability at or above which predict() says 1, in [0, 1]. Default 0.5.
  void setThreshold(double threshold);
  double threshold() const { return threshold_; }
  // Starting parameters [w…, b]; restarts the trace from them.
  void setParams(const Vector& p);
  // Gradient of loss() at the current parameters: [∂L/∂w…, ∂L/∂b].
  Vector gradient() const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  Vector w_;
  double b_ = 0.0;
  double learningRate_ = 0.5;
  double tolerance_ = 1e-6;
  double lambda_ = 0.0;
  double threshold_ = 0.5;
};

}  // namespace dw
