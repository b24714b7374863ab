// What the linear and kernel soft-margin SVM classifiers share: binary labels 0/1 (used as
// −1/+1 inside), the SMO solver, the decision function Σ α_i y_i K(x_i, x) + b, support
// vectors and the per-step trace. LinearSVM and KernelSVM differ only in the kernel and in
// what they expose about it.
#pragma once
#include <vector>

#include "dw/model.hpp"
#include "dw/smo_solver.hpp"
#include "dw/svm_kernel.hpp"

namespace dw {

class SupportVectorMachine : public SupervisedModel {
 public:
  // setData (SupervisedModel): y holds labels 0 and 1, both present; at least 2 points.
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;                 // 1 where decision > 0, else 0
  // Primal objective ½‖w‖² + C Σ max(0, 1 − y_i f(x_i)) (‖w‖² = αᵀQα in feature space).
  double trainingLoss() const override;
  // Dual objective Σ α_i − ½ αᵀQα; it rises towards the primal, meeting it at the optimum.
  double dualObjective() const;

  bool isClassifier() const override { return true; }
  int classCount() const override { return 2; }
  // [1 − σ(f(x)), σ(f(x))] with σ the logistic sigmoid of the decision value: a smooth score for
  // heat maps, NOT a calibrated probability (libsvm's Platt scaling is not applied).
  Matrix predictProba(const Matrix& X) const override;
  // f(x) = Σ_i α_i y_i K(x_i, x) + b for each row of X; positive means class 1.
  Vector decisionFunction(const Matrix& X) const;

  // Penalty C > 0 on margin violations (default 1). Very large C (e.g. 1e6) approximates the
  // hard margin on separable data. Restarts the solver from α = 0.
  void setC(double C);
  double C() const { return C_; }
  // KKT tolerance at which the solver stops (default 1e-3, libsvm's and scikit-learn's).
  void setTolerance(double tolerance);
  double tolerance() const { return tolerance_; }
  // SMO pair updates per step() (1…1e6).
  void setPairsPerStep(int pairs);
  int pairsPerStep() const { return pairsPerStep_; }

  double bias() const;
  // Indices (ascending) of the training points with α_i > 0.
  std::vector<int> supportVectors() const;
  // y_i α_i for each support vector, in supportVectors() order (scikit-learn's dual_coef_).
  Vector dualCoefficients() const;
  const Vector& alpha() const { return solver_.alpha(); }
  double violation() const { return solver_.violation(); }
  long long pairUpdates() const { return solver_.totalPairs(); }

 protected:
  explicit SupportVectorMachine(int defaultPairsPerStep) : SupervisedModel(2), pairsPerStep_(defaultPairsPerStep) {}
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  // Every setting (C, tolerance, kernel) restarts the solver from α = 0.
  void restartLearning() override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;
  // Subclass hooks: extra trace columns and their values; decision values without validation.
  virtual std::vector<std::string> extraTraceColumns() const { return {}; }
  virtual void appendExtraTrace(std::vector<double>&) const {}
  virtual Vector decisionValues(const Matrix& X) const;
  void useKernel(const SvmKernel& kernel);  // rebuilds the kernel matrix and restarts
  const SvmKernel& kernel() const { return kernel_; }
  void validateInput(const Matrix& X, const char* call) const;  // "<Name>.<call>"

  Vector signs_;        // −1/+1 (label 1 → +1): the public orientation
  Vector solverSigns_;  // −signs_: the orientation handed to SMO (libsvm's: label 0 → +1)
  // Public bias b of f(x) = Σ α_i y_i K(x_i, x) + b; the solver's decision function is −f.
  double intercept() const { return -solver_.bias(); }
  SmoSolver solver_;

 private:
  SvmKernel kernel_;
  KernelMatrix kernelMatrix_;
  double C_ = 1.0;
  double tolerance_ = 1e-3;
  int pairsPerStep_;
};

}  // namespace dw
