// Sequential minimal optimisation for the soft-margin SVM dual, as libsvm solves it
// (Fan, Chen & Lin 2005, "Working set selection using second order information for training
// SVM", JMLR 6; Chang & Lin, "LIBSVM: a library for support vector machines", §4):
//
//   min_α  f(α) = ½ αᵀQα − Σ α_i   subject to  0 ≤ α_i ≤ C,  Σ y_i α_i = 0,
//   Q_ij = y_i y_j K(x_i, x_j),  y_i ∈ {−1, +1}.
//
// Each iteration picks the maximal-violating pair with second-order gain (WSS 2), solves the
// two-variable subproblem exactly, clips it to the box and updates the gradient G = Qα − 1.
// It stops when the KKT violation m(α) − M(α) falls below the tolerance (libsvm's eps).
// No shrinking: the small problems of a playground do not need it, and iterates stay simple.
#pragma once
#include "dw/svm_kernel.hpp"

namespace dw {

class SmoSolver {
 public:
  // Starts from α = 0 (so G = −1). `labels` are ±1. Stops when the KKT violation is below
  // `tolerance` (libsvm's eps, 1e-3 by default).
  void start(const Vector& labels, double C, double tolerance);
  // Performs up to maxPairs pair updates with the kernel matrix of the same points; returns
  // how many were made. Sets converged(). (The kernel is passed, not stored, so a copied model
  // never points into another one.)
  int iterate(int maxPairs, KernelMatrix& kernel);

  bool converged() const { return converged_; }
  const Vector& alpha() const { return alpha_; }
  const Vector& gradient() const { return gradient_; }
  // KKT violation m(α) − M(α) at the current α (≤ 0 only when α is optimal); the stopping test.
  double violation() const { return violation_; }
  // Bias b of the decision function Σ α_i y_i K(x_i, x) + b, i.e. −ρ in libsvm's terms.
  double bias() const;
  // ½ αᵀQα, from the gradient: αᵀQα = Σ α_i (G_i + 1).
  double quadraticTerm() const;
  long long totalPairs() const { return totalPairs_; }

 private:
  bool selectPair(KernelMatrix& kernel, Index& i, Index& j);
  double currentViolation() const;
  void updatePair(KernelMatrix& kernel, Index i, Index j);
  bool atUpper(Index t) const { return alpha_(t) >= C_; }
  bool atLower(Index t) const { return alpha_(t) <= 0; }

  Vector y_;
  Vector alpha_;
  Vector gradient_;
  double C_ = 1.0;
  double tolerance_ = 1e-3;
  bool converged_ = false;
  double violation_ = 0.0;
  long long totalPairs_ = 0;
};

}  // namespace dw
