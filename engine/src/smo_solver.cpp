#include "dw/smo_solver.hpp"

#include <algorithm>
#include <limits>

namespace dw {

void SmoSolver::start(const Vector& labels, double C, double tolerance) {
  y_ = labels;
  C_ = C;
  tolerance_ = tolerance;
  alpha_ = Vector::Zero(labels.size());
  gradient_ = Vector::Constant(labels.size(), -1.0);  // G = Qα − 1 at α = 0
  totalPairs_ = 0;
  violation_ = currentViolation();  // 2 at α = 0, so a fresh start is never already converged
  converged_ = violation_ < tolerance_;
}

// m(α) − M(α) = max_{t ∈ I_up} −y_t G_t − min_{t ∈ I_low} −y_t G_t, with
// I_up = {α_t < C, y_t = +1} ∪ {α_t > 0, y_t = −1} and I_low the mirror set.
double SmoSolver::currentViolation() const {
  double up = -kInfinity, low = -kInfinity;
  for (Index t = 0; t < y_.size(); ++t) {
    if (y_(t) > 0) {
      if (!atUpper(t)) up = std::max(up, -gradient_(t));
      if (!atLower(t)) low = std::max(low, gradient_(t));
    } else {
      if (!atLower(t)) up = std::max(up, gradient_(t));
      if (!atUpper(t)) low = std::max(low, -gradient_(t));
    }
  }
  return up + low;
}

// WSS 2 (Fan et al. 2005, Algorithm 1 with libsvm's select_working_set):
//   i ∈ argmax { −y_t G_t : t ∈ I_up(α) },
//   j ∈ argmin { −b_it² / a_it : t ∈ I_low(α), −y_t G_t < −y_i G_i },
// with a_it = K_ii + K_tt − 2K_it and b_it = −y_i G_i + y_t G_t. Stops when
// m(α) − M(α) = max_{I_up} −yG − min_{I_low} −yG < tolerance.
bool SmoSolver::selectPair(KernelMatrix& kernel, Index& outI, Index& outJ) {
  const Index n = y_.size();
  double gMax = -kInfinity, gMax2 = -kInfinity, bestGain = kInfinity;
  Index i = -1, j = -1;
  for (Index t = 0; t < n; ++t) {
    if (y_(t) > 0) {
      if (!atUpper(t) && -gradient_(t) >= gMax) { gMax = -gradient_(t); i = t; }
    } else if (!atLower(t) && gradient_(t) >= gMax) {
      gMax = gradient_(t);
      i = t;
    }
  }
  if (i < 0) { violation_ = -kInfinity; return false; }
  const double* Ki = kernel.row(i, 0);
  const double Kii = kernel.diagonal(i);
  for (Index t = 0; t < n; ++t) {
    double gradDiff;
    if (y_(t) > 0) {
      if (atLower(t)) continue;
      gradDiff = gMax + gradient_(t);
      gMax2 = std::max(gMax2, gradient_(t));
    } else {
      if (atUpper(t)) continue;
      gradDiff = gMax - gradient_(t);
      gMax2 = std::max(gMax2, -gradient_(t));
    }
    if (gradDiff <= 0) continue;
    // a_it = K_ii + K_tt − 2 K_it (libsvm writes it with Q: QD_i + QD_t ∓ 2 y_i Q_it).
    double curvature = Kii + kernel.diagonal(t) - 2.0 * Ki[t];
    double gain = -(gradDiff * gradDiff) / (curvature > 0 ? curvature : kSmoMinCurvature);
    if (gain <= bestGain) { bestGain = gain; j = t; }
  }
  violation_ = gMax + gMax2;
  if (violation_ < tolerance_ || j < 0) return false;
  outI = i;
  outJ = j;
  return true;
}

// The two-variable subproblem solved exactly and clipped to the box (libsvm Solver::Solve).
void SmoSolver::updatePair(KernelMatrix& kernel, Index i, Index j) {
  const double* Ki = kernel.row(i, 0);
  const double* Kj = kernel.row(j, 1);
  const double oldI = alpha_(i), oldJ = alpha_(j);
  double& ai = alpha_(i);
  double& aj = alpha_(j);
  if (y_(i) != y_(j)) {
    // Q_ij = −K_ij here, so the curvature along the feasible line is K_ii + K_jj + 2Q_ij.
    double curvature = std::max(kernel.diagonal(i) + kernel.diagonal(j) - 2.0 * Ki[j], kSmoMinCurvature);
    double delta = (-gradient_(i) - gradient_(j)) / curvature;
    double diff = ai - aj;  // conserved: y_i α_i + y_j α_j is fixed
    ai += delta;
    aj += delta;
    if (diff > 0) { if (aj < 0) { aj = 0; ai = diff; } }
    else if (ai < 0) { ai = 0; aj = -diff; }
    if (diff > 0) { if (ai > C_) { ai = C_; aj = C_ - diff; } }
    else if (aj > C_) { aj = C_; ai = C_ + diff; }
  } else {
    double curvature = std::max(kernel.diagonal(i) + kernel.diagonal(j) - 2.0 * Ki[j], kSmoMinCurvature);
    double delta = (gradient_(i) - gradient_(j)) / curvature;
    double sum = ai + aj;  // conserved
    ai -= delta;
    aj += delta;
    if (sum > C_) { if (ai > C_) { ai = C_; aj = sum - C_; } }
    else if (aj < 0) { aj = 0; ai = sum; }
    if (sum > C_) { if (aj > C_) { aj = C_; ai = sum - C_; } }
    else if (ai < 0) { ai = 0; aj = sum; }
  }
  // G_k += Q_ki Δα_i + Q_kj Δα_j with Q_kt = y_k y_t K_kt.
  const double di = (ai - oldI) * y_(i), dj = (aj - oldJ) * y_(j);
  const Index n = y_.size();
  for (Index k = 0; k < n; ++k) gradient_(k) += y_(k) * (Ki[k] * di + Kj[k] * dj);
}

int SmoSolver::iterate(int maxPairs, KernelMatrix& kernel) {
  int done = 0;
  while (done < maxPairs) {
    Index i = -1, j = -1;
    if (!selectPair(kernel, i, j)) { converged_ = true; break; }
    updatePair(kernel, i, j);
    ++done;
    ++totalPairs_;
  }
  // Keep violation() current for the trace after the last update.
  if (!converged_) {
    violation_ = currentViolation();
    if (violation_ < tolerance_) converged_ = true;
  }
  return done;
}

// ρ (libsvm calculate_rho): the mean of y_i G_i over free α (0 < α_i < C), which all satisfy
// y_i G_i = ρ at the optimum; with no free α, the midpoint of the feasible interval.
double SmoSolver::bias() const {
  double ub = kInfinity, lb = -kInfinity, sumFree = 0;
  int free = 0;
  for (Index t = 0; t < y_.size(); ++t) {
    double yG = y_(t) * gradient_(t);
    if (atUpper(t)) {
      if (y_(t) < 0) ub = std::min(ub, yG); else lb = std::max(lb, yG);
    } else if (atLower(t)) {
      if (y_(t) > 0) ub = std::min(ub, yG); else lb = std::max(lb, yG);
    } else {
      ++free;
      sumFree += yG;
    }
  }
  double rho = free > 0 ? sumFree / free : (ub + lb) / 2;
  return -rho;
}

double SmoSolver::quadraticTerm() const { return 0.5 * alpha_.dot(gradient_ + Vector::Ones(y_.size())); }

}  // namespace dw
