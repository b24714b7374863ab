// Polynomial regression on one input: y ≈ c₀ + c₁z + … + c_d z^d where z maps the training
// range of x onto [−1, 1] (z = 2(x − lo)/(hi − lo) − 1). Powers of z stay within [−1, 1], so
// even degree 15 is well conditioned, whereas raw powers of x ∈ [0, 2π] reach 10¹².
//
// Objective (c₀, the intercept, is never penalised; w = c₁…c_d):
//   penalty "none": MSE
//   penalty "l2":   MSE + λ‖w‖²    (scikit-learn Ridge(alpha = n·λ) on the same z-powers)
//   penalty "l1":   MSE + λ‖w‖₁    (scikit-learn Lasso(alpha = λ/2) on the same z-powers)
// step() is one gradient-descent step (proximal for l1); solve() jumps to the optimum.
#pragma once
#include <string>
#include <vector>

#include "dw/model.hpp"

namespace dw {

class PolynomialRegression : public SupervisedModel {
 public:
  const char* name() const override { return "PolynomialRegression"; }

  // setData (SupervisedModel): X must have exactly one column.
  double score(const Matrix& X, const Vector& y) const override;  // R²
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // coefficients c₀…c_d in the scaled basis
  double trainingLoss() const override;    // the objective above on the training data

  // Degree 1–15 (default 3). Changing it resets the coefficients to zero.
  void setDegree(int degree);
  int degree() const { return degree_; }
  // "none" (default), "l2" or "l1".
  void setPenalty(const std::string& penalty);
  const std::string& penalty() const { return penalty_; }
  void setLambda(double lambda);  // [0, 1e6], default 0
  double lambda() const { return lambda_; }
  void setLearningRate(double eta);  // (0, 100], default 0.05
  double learningRate() const { return learningRate_; }
  // Converged when max |Δc| / η < tol (the gradient for none/l2). [0, 1], default 1e-8.
  void setTolerance(double tol);
  // Starting coefficients c₀…c_d; restarts the trace.
  void setParams(const Vector& c);
  // Closed-form optimum: least squares by orthogonal decomposition (minimum-norm when there are
  // fewer points than coefficients), ridge by QR of the augmented system [Φ; √(nλ)·D],
  // lasso by cyclic coordinate descent. Sets the coefficients, restarts the trace from them and
  // marks the model converged. Returns the number of coordinate-descent sweeps (0 otherwise).
  int solve();
  // "gradient" (default): step() is one gradient-descent step. "exact": step() computes the
  // closed-form optimum (as solve()) and converges, so generic loops such as learningCurve or
  // crossValScore use the exact fit.
  void setSolver(const std::string& solver);
  const char* solver() const { return exactSolver_ ? "exact" : "gradient"; }
  // Gradient of the smooth part (MSE, + λ‖w‖² for l2) wrt c₀…c_d.
  Vector gradient() const;
  // Training range [lo, hi] of x and the scaled features [1, z, …, z^d] of X.
  double rangeLow() const { requireData("PolynomialRegression.range"); return lo_; }
  double rangeHigh() const { requireData("PolynomialRegression.range"); return hi_; }
  Matrix features(const Matrix& X) const;
  // The fitted curve at `count` (2–10000) evenly spaced x from x0 to x1, for drawing.
  Vector curve(double x0, double x1, int count) const;

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  // A changed degree rebuilds the training features (the other settings keep them).
  void restartLearning() override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  Matrix basis(const Matrix& X) const;  // no validation
  Vector solveLasso(int& sweeps) const;
  Vector closedForm(int& sweeps) const;
  bool exactSolver_ = false;
  Matrix Phi_;  // training features of X_, n × (d+1)
  Vector c_;
  int degree_ = 3;
  std::string penalty_ = "none";
  double lambda_ = 0.0;
  double learningRate_ = 0.05;
  double tolerance_ = 1e-8;
  double lo_ = 0.0, hi_ = 1.0;
};

// Seed 000's experiment: 12 noisy points of sin(x) on [0, 2π] (makeNoisySin(12, noise, seed))
// and 200 clean test points (makeNoisySin(200, 0, seed)); each degree is fitted by closed-form
// least squares and scored by train and test MSE.
struct SinExperimentResult {
  std::vector<int> degrees;
  std::vector<double> trainMse, testMse;
};
SinExperimentResult sinExperiment(const std::vector<int>& degrees, double noise, std::uint32_t seed);

}  // namespace dw
