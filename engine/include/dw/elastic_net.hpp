// Elastic net regression by cyclic coordinate descent, with scikit-learn's objective
//
//   L(w, b) = 1/(2n) ‖y − Xw − b‖² + α·ρ‖w‖₁ + α(1 − ρ)/2 ‖w‖²
//
// (α = alpha ≥ 0, ρ = l1Ratio in [0, 1]; ρ = 1 is the lasso, ρ = 0 ridge with penalty nα/2).
// The intercept is not penalised: the columns of X and y are centred, w is found on the centred
// data and b = ȳ − x̄·w, as scikit-learn's ElasticNet(fit_intercept=True). One step() is one
// sweep over the d coordinates, each set to its exact minimiser with the others held fixed:
//
//   w_j ← S(x_jᵀ r_j, nαρ) / (x_jᵀ x_j + nα(1 − ρ)),   S(z, γ) = sign(z)·max(|z| − γ, 0),
//
// where r_j is the residual without feature j. It converges when no coordinate moved by more
// than the tolerance times (1 + max |w|) in a sweep.
#pragma once
#include "dw/model.hpp"

namespace dw {

class ElasticNet : public SupervisedModel {
 public:
  ElasticNet() : SupervisedModel(2, 100000) {}
  const char* name() const override { return "ElasticNet"; }

  // Any finite targets; at least 2 rows, at most 100 000 rows and 1000 features.
  double score(const Matrix& X, const Vector& y) const override;  // R²
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // [w_0 … w_{d−1}, b]
  double trainingLoss() const override;  // the objective L(w, b) above

  void setAlpha(double alpha);        // α in [0, 1e6], default 1 (scikit-learn's default)
  void setL1Ratio(double ratio);      // ρ in [0, 1], default 0.5
  void setTolerance(double tol);      // (0, 1], default 1e-10
  double alpha() const { return alpha_; }
  double l1Ratio() const { return l1Ratio_; }

  const Vector& weights() const { return w_; }
  double intercept() const;
  // Mean squared error of the current fit on the training data (the objective's first term × 2).
  double trainingMse() const;
  // Features whose weight is exactly zero (what the L1 part does that ridge does not).
  int zeroWeightCount() const;
  // The soft-threshold operator S(z, γ) = sign(z)·max(|z| − γ, 0), γ ≥ 0.
  static double softThreshold(double z, double gamma);
  // One coordinate update on centred data, for the worked example: the new w_j given
  // z = x_jᵀ r_j (r_j the residual without feature j), c = x_jᵀ x_j, n, α and ρ.
  static double coordinateUpdate(double z, double c, double n, double alpha, double l1Ratio);

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void restartDescent();
  void restartLearning() override { restartDescent(); }

  Eigen::MatrixXd Xc_;  // centred columns (column-major for the per-column sweeps)
  Vector yc_;           // centred targets
  Vector xMean_;
  double yMean_ = 0.0;
  Vector colSq_;        // x_jᵀ x_j of the centred columns
  Vector w_;
  Vector residual_;     // yc − Xc·w
  double alpha_ = 1.0;
  double l1Ratio_ = 0.5;
  double tolerance_ = 1e-10;
  double lastChange_ = 0.0;
};

}  // namespace dw
