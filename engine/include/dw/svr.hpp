// Support vector regression (ε-SVR, Vapnik; libsvm's formulation, Chang & Lin §2.3/§4):
//
//   min_{w,b}  ½‖w‖² + C Σ max(0, |y_i − f(x_i)| − ε),   f(x) = Σ_i (α_i − α*_i) K(x_i, x) + b.
//
// Points inside the tube |y − f| ≤ ε cost nothing; the others are the support vectors. The dual
// has 2n variables (α, α*) in [0, C] with Σ α_i − α*_i = 0:
//
//   min ½ (α − α*)ᵀ K (α − α*) + ε Σ (α_i + α*_i) − Σ y_i (α_i − α*_i),
//
// which libsvm writes as one problem over β = [α; α*] with labels z = [+1…; −1…], linear term
// p = [ε − y; ε + y] and Q_st = z_s z_t K(x_{s mod n}, x_{t mod n}). It is solved here by SMO with
// libsvm's second-order working-set selection (no shrinking), the same steps as SmoSolver but
// with the general linear term. One step() performs up to pairsPerStep pair updates; converged
// when the KKT violation is below the tolerance (1e-3, libsvm's eps).
#pragma once
#include <string>

#include "dw/model.hpp"
#include "dw/svm_kernel.hpp"

namespace dw {

class SVR : public SupervisedModel {
 public:
  SVR() : SupervisedModel(2, 5000) {}  // at most 5000 points: the dual has 2n variables
  const char* name() const override { return "SVR"; }

  // Any finite targets; at least 2 rows and at most 5000.
  double score(const Matrix& X, const Vector& y) const override;  // R²
  Vector predict(const Matrix& X) const override;
  // [α_0 − α*_0 … α_{n−1} − α*_{n−1}, b]: each training point's dual coefficient (0 inside the tube).
  Vector params() const override;
  // Mean ε-insensitive loss of the training points, (1/n) Σ max(0, |y − f| − ε).
  double trainingLoss() const override;

  void setKernel(const std::string& kernel);  // "rbf" (default) or "linear"
  // γ in (0, 1e6] for the RBF kernel; setGammaScale() restores the default "scale",
  // γ = 1 / (d · Var(X)) of the training data (1 when that variance is 0), as scikit-learn.
  void setGamma(double gamma);
  void setGammaScale();
  void setC(double C);              // (0, 1e6], default 1
  void setEpsilon(double epsilon);  // [0, 1e6], default 0.1
  void setTolerance(double tol);    // [1e-12, 1], default 1e-3
  void setPairsPerStep(int pairs);  // 1 … 1e6, default 50
  std::string kernelName() const { return kernel_.type == SvmKernel::Type::Linear ? "linear" : "rbf"; }
  double gamma() const;  // the γ in use (resolved "scale" once there is data)
  double C() const { return C_; }
  double epsilon() const { return epsilon_; }

  double intercept() const { return bias_; }
  Vector dualCoefficients() const;  // α − α* per training point
  // Indices of the training points with α − α* ≠ 0.
  std::vector<int> supportIndices() const;
  // Linear kernel only: w = Σ (α_i − α*_i) x_i (StateError for RBF).
  Vector weights() const;
  double violation() const { return violation_; }
  // max(0, |r| − ε) for one residual r = y − f(x): the loss the lesson's worked example uses.
  static double epsilonInsensitive(double residual, double epsilon);

 protected:
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;

 private:
  void restartSolver();
  void restartLearning() override { restartSolver(); }
  void resolveKernel();
  bool selectPair(Index& i, Index& j);
  void updatePair(Index i, Index j);
  double kernelAt(Index s, Index t, const double* rowOfS) const;
  void computeBias();
  Vector decision(const Matrix& X) const;

  SvmKernel kernel_;
  bool gammaScale_ = true;
  double gammaFixed_ = 1.0;
  double C_ = 1.0, epsilon_ = 0.1, tolerance_ = 1e-3;
  int pairsPerStep_ = 50;
  KernelMatrix K_;
  Vector beta_, gradient_, label_;  // size 2n
  double bias_ = 0.0, violation_ = 0.0;
  Vector coef_;                     // α − α*, refreshed after each step
};

}  // namespace dw
