// Linear regression y ≈ X w + b trained by full-batch gradient descent on the mean squared
// error, with the closed-form least-squares solution alongside for comparison.
#pragma once
#include "dw/model.hpp"

namespace dw {

class LinearRegression : public SupervisedModel {
 public:
  const char* name() const override { return "LinearRegression"; }

  double score(const Matrix& X, const Vector& y) const override;  // R^2
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // [w_0 … w_{d-1}, b]
  double trainingLoss() const override;    // MSE on the training data

  // Learning rate η in (0, 100]. Default 0.1.
  void setLearningRate(double eta);
  double learningRate() const { return learningRate_; }
  // Gradient descent stops as converged when every gradient component is below tol.
  void setTolerance(double tol);
  // Starting parameters [w…, b]; restarts the trace from them.
  void setParams(const Vector& p);
  // When frozen, the intercept b keeps its value and only w learns (the one-knob lesson).
  void setInterceptFrozen(bool frozen);
  // Gradient of the MSE at the current parameters: [∂L/∂w…, ∂L/∂b].
  Vector gradient() const;
  // Least-squares parameters [w…, b] minimising the MSE (minimum-norm when not unique).
  Vector closedForm() const;
  double mse(const Matrix& X, const Vector& y) const;

 protected:
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  // Recomputes the cached loss and gradient at the current parameters in one fused pass over
  // the rows of X_ (the residual e_i = x_i·w + b − y_i is never stored), so a step costs what a
  // hand-written loop costs.
  void refresh();

  Vector w_;
  double b_ = 0.0;
  double learningRate_ = 0.1;
  double tolerance_ = 1e-9;
  bool interceptFrozen_ = false;
  Vector gradient_;  // [∂L/∂w…, ∂L/∂b]
  double loss_ = 0.0;
};

}  // namespace dw
