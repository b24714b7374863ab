// Multinomial (softmax) logistic regression for k ≥ 2 classes: p(c|x) = softmax(xW + b)_c,
// trained by full-batch gradient descent on the mean cross-entropy plus (λ/2)‖W‖²_F (the
// intercepts are not penalised). scikit-learn's multinomial LogisticRegression(C) has the same
// optimum with λ = 1 / (C·n). Softmax is unchanged by adding one vector to every class's
// column, so compare probabilities or class-centred coefficients across implementations.
#pragma once
#include "dw/model.hpp"

namespace dw {

class SoftmaxRegression : public SupervisedModel {
 public:
  static constexpr int kMaxClasses = 32;
  const char* name() const override { return "SoftmaxRegression"; }

  // Labels 0…k−1 (k from 2 to 32), every class present.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;                  // most probable class
  bool isClassifier() const override { return true; }
  int classCount() const override { return classes_; }
  Matrix predictProba(const Matrix& X) const override;  // n × k, rows sum to 1
  // [W row-major (d rows of k class weights), then b (k values)]
  Vector params() const override;
  double trainingLoss() const override;  // mean cross-entropy + (λ/2)‖W‖²

  // Logits xW + b, n × k.
  Matrix decisionFunction(const Matrix& X) const;
  void setLearningRate(double eta);  // (0, 100], default 0.5
  double learningRate() const { return learningRate_; }
  void setTolerance(double tol);  // [0, 1], default 1e-6: converged when max |gradient| < tol
  double tolerance() const { return tolerance_; }
  void setL2(double lambda);  // [0, 1e6], default 0
  double l2() const { return lambda_; }
  // Starting parameters in the layout of params(); restarts the trace.
  void setParams(const Vector& p);
  // Gradient of loss() in the layout of params().
  Vector gradient() const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  Matrix probabilities(const Matrix& X) const;  // no validation, for the training loop
  Matrix W_;  // d × k
  Vector b_;  // k
  int classes_ = 0;
  double learningRate_ = 0.5;
  double tolerance_ = 1e-6;
  double lambda_ = 0.0;
};

}  // namespace dw
