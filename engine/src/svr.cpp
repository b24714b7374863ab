#include "dw/svr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
// The loss itself, unchecked (the fit's loss sums it over every point).
double tubeLoss(double residual, double epsilon) { return std::max(0.0, std::fabs(residual) - epsilon); }
}  // namespace

double SVR::epsilonInsensitive(double residual, double epsilon) {
  requireInRange(residual, -1e300, 1e300, "SVR.epsilonInsensitive", "residual");
  requireInRange(epsilon, 0, 1e300, "SVR.epsilonInsensitive", "epsilon");
  return tubeLoss(residual, epsilon);
}

void SVR::dataChanged(Index) {
  resolveKernel();
  restartSolver();
}

void SVR::resolveKernel() {
  if (!gammaScale_) {
    kernel_.gamma = gammaFixed_;
  } else if (X_.rows() > 0) {
    // scikit-learn's gamma='scale': 1 / (d · X.var()) over all entries (population variance).
    const double mean = X_.mean();
    const double var = (X_.array() - mean).square().mean();
    kernel_.gamma = var > 0 ? 1.0 / (static_cast<double>(X_.cols()) * var) : 1.0;
  }
  if (X_.rows() > 0) K_.build(X_, kernel_);
}

void SVR::restartSolver() {
  const Index n = X_.rows();
  beta_ = Vector::Zero(2 * n);
  label_.resize(2 * n);
  gradient_.resize(2 * n);
  for (Index i = 0; i < n; ++i) {
    label_(i) = 1.0;
    label_(i + n) = -1.0;
    gradient_(i) = epsilon_ - y_(i);  // G = Qβ + p = p at β = 0
    gradient_(i + n) = epsilon_ + y_(i);
  }
  coef_ = Vector::Zero(n);
  violation_ = std::numeric_limits<double>::infinity();
  computeBias();
}

void SVR::resetParams() {
  if (status_ != Status::Empty) restartSolver();
}

void SVR::setKernel(const std::string& kernel) {
  if (kernel == "rbf") kernel_.type = SvmKernel::Type::Rbf;
  else if (kernel == "linear") kernel_.type = SvmKernel::Type::Linear;
  else throw InvalidArgument("SVR.setKernel: kernel='" + kernel + "' is not 'rbf' or 'linear'");
  if (status_ != Status::Empty) resolveKernel();
  settingsChanged();
}

void SVR::setGamma(double gamma) {
  requireInOpenClosed(gamma, 0.0, 1e6, "SVR.setGamma", "gamma");
  gammaScale_ = false;
  gammaFixed_ = gamma;
  if (status_ != Status::Empty) resolveKernel();
  settingsChanged();
}

void SVR::setGammaScale() {
  gammaScale_ = true;
  if (status_ != Status::Empty) resolveKernel();
  settingsChanged();
}

double SVR::gamma() const { return gammaScale_ && status_ == Status::Empty ? 0.0 : kernel_.gamma; }

void SVR::setC(double C) {
  requireInOpenClosed(C, 0.0, 1e6, "SVR.setC", "C");
  C_ = C;
  settingsChanged();
}

void SVR::setEpsilon(double epsilon) {
  requireInRange(epsilon, 0.0, 1e6, "SVR.setEpsilon", "epsilon");
  epsilon_ = epsilon;
  settingsChanged();
}

void SVR::setTolerance(double tol) {
  requireInRange(tol, 1e-12, 1.0, "SVR.setTolerance", "tolerance");
  tolerance_ = tol;
  settingsChanged();
}

void SVR::setPairsPerStep(int pairs) {
  requireIntInRange(pairs, 1, 1'000'000, "SVR.setPairsPerStep", "pairs");
  pairsPerStep_ = pairs;
}

// Q_st = z_s z_t K(x_{s mod n}, x_{t mod n}), given the kernel row of s's point.
double SVR::kernelAt(Index s, Index t, const double* rowOfS) const {
  const Index n = X_.rows();
  return label_(s) * label_(t) * rowOfS[t % n];
}

// libsvm's WSS 2 (Fan, Chen & Lin 2005): i maximises −z_t G_t over I_up, then j over I_low
// maximises the second-order gain b²/a. Returns false when the KKT violation is below tolerance.
bool SVR::selectPair(Index& outI, Index& outJ) {
  const Index m = beta_.size(), n = X_.rows();
  double gMax = -std::numeric_limits<double>::infinity(), gMax2 = gMax;
  Index i = -1;
  for (Index t = 0; t < m; ++t) {
    if (label_(t) > 0) {
      if (beta_(t) < C_ && -gradient_(t) >= gMax) { gMax = -gradient_(t); i = t; }
    } else if (beta_(t) > 0 && gradient_(t) >= gMax) {
      gMax = gradient_(t);
      i = t;
    }
  }
  if (i < 0) { violation_ = 0; return false; }
  const double* Ki = K_.row(i % n, 0);
  const double Kii = K_.diagonal(i % n);
  Index j = -1;
  double bestGain = std::numeric_limits<double>::infinity();
  for (Index t = 0; t < m; ++t) {
    double gradDiff;
    if (label_(t) > 0) {
      if (!(beta_(t) > 0)) continue;
      gMax2 = std::max(gMax2, gradient_(t));
      gradDiff = gMax + gradient_(t);
    } else {
      if (!(beta_(t) < C_)) continue;
      gMax2 = std::max(gMax2, -gradient_(t));
      gradDiff = gMax - gradient_(t);
    }
    if (gradDiff > 0) {
      double a = Kii + K_.diagonal(t % n) - 2.0 * Ki[t % n];
      if (a <= 0) a = kSmoMinCurvature;
      double gain = -(gradDiff * gradDiff) / a;
      if (gain <= bestGain) { bestGain = gain; j = t; }
    }
  }
  violation_ = gMax + gMax2;
  if (violation_ < tolerance_ || j < 0) return false;
  outI = i;
  outJ = j;
  return true;
}

// The two-variable subproblem solved exactly and clipped to the box (libsvm Solver::Solve).
void SVR::updatePair(Index i, Index j) {
  const Index n = X_.rows(), m = beta_.size();
  const double* Ki = K_.row(i % n, 0);
  const double* Kj = K_.row(j % n, 1);
  const double C = C_;
  double a = K_.diagonal(i % n) + K_.diagonal(j % n) - 2.0 * Ki[j % n];
  if (a <= 0) a = kSmoMinCurvature;
  const double oldI = beta_(i), oldJ = beta_(j);
  double& ai = beta_(i);
  double& aj = beta_(j);
  if (label_(i) != label_(j)) {
    double delta = (-gradient_(i) - gradient_(j)) / a;
    double diff = ai - aj;
    ai += delta;
    aj += delta;
    if (diff > 0) {
      if (aj < 0) { aj = 0; ai = diff; }
    } else if (ai < 0) {
      ai = 0;
      aj = -diff;
    }
    if (diff > 0) {  // C_i − C_j = 0 with one C for all
      if (ai > C) { ai = C; aj = C - diff; }
    } else if (aj > C) {
      aj = C;
      ai = C + diff;
    }
  } else {
    double delta = (gradient_(i) - gradient_(j)) / a;
    double sum = ai + aj;
    ai -= delta;
    aj += delta;
    if (sum > C) {
      if (ai > C) { ai = C; aj = sum - C; }
    } else if (aj < 0) {
      aj = 0;
      ai = sum;
    }
    if (sum > C) {
      if (aj > C) { aj = C; ai = sum - C; }
    } else if (ai < 0) {
      ai = 0;
      aj = sum;
    }
  }
  const double dI = ai - oldI, dJ = aj - oldJ;
  for (Index t = 0; t < m; ++t)
    gradient_(t) += kernelAt(i, t, Ki) * dI + kernelAt(j, t, Kj) * dJ;
}

// b = −ρ; ρ is the mean of z_t G_t over free variables, or the middle of the feasible interval
// when none is free (libsvm's calculate_rho).
void SVR::computeBias() {
  const Index m = beta_.size();
  double ub = std::numeric_limits<double>::infinity(), lb = -ub, sumFree = 0.0;
  int free = 0;
  for (Index t = 0; t < m; ++t) {
    const double yG = label_(t) * gradient_(t);
    if (beta_(t) >= C_) {
      if (label_(t) < 0) ub = std::min(ub, yG);
      else lb = std::max(lb, yG);
    } else if (beta_(t) <= 0) {
      if (label_(t) > 0) ub = std::min(ub, yG);
      else lb = std::max(lb, yG);
    } else {
      ++free;
      sumFree += yG;
    }
  }
  double rho = free > 0 ? sumFree / free : (std::isfinite(ub) && std::isfinite(lb) ? 0.5 * (ub + lb) : 0.0);
  bias_ = -rho;
  const Index n = X_.rows();
  coef_.resize(n);
  for (Index i = 0; i < n; ++i) coef_(i) = beta_(i) - beta_(i + n);
}

void SVR::doStep() {
  for (int p = 0; p < pairsPerStep_; ++p) {
    Index i, j;
    if (!selectPair(i, j)) {
      status_ = Status::Converged;
      break;
    }
    updatePair(i, j);
  }
  computeBias();
}

Vector SVR::decision(const Matrix& X) const {
  Vector out = Vector::Constant(X.rows(), bias_);
  std::vector<Index> support;
  for (Index i = 0; i < coef_.size(); ++i)
    if (coef_(i) != 0.0) support.push_back(i);
  if (support.empty()) return out;
  Matrix S(static_cast<Index>(support.size()), X_.cols());
  Vector c(static_cast<Index>(support.size()));
  for (std::size_t k = 0; k < support.size(); ++k) {
    S.row(static_cast<Index>(k)) = X_.row(support[k]);
    c(static_cast<Index>(k)) = coef_(support[k]);
  }
  return out + kernel_.cross(X, S) * c;
}

Vector SVR::predict(const Matrix& X) const {
  requireData("SVR.predict");
  requireQuery(X, featureCount_, "SVR.predict");
  return decision(X);
}

double SVR::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "SVR.score");
  return r2Score(y, predict(X));
}

Vector SVR::params() const {
  Vector p = Vector::Zero(coef_.size() + 1);
  p.head(coef_.size()) = coef_;
  p(coef_.size()) = bias_;
  return p;
}

Vector SVR::dualCoefficients() const {
  requireData("SVR.dualCoefficients");
  return coef_;
}

std::vector<int> SVR::supportIndices() const {
  requireData("SVR.supportIndices");
  std::vector<int> out;
  for (Index i = 0; i < coef_.size(); ++i)
    if (coef_(i) != 0.0) out.push_back(static_cast<int>(i));
  return out;
}

Vector SVR::weights() const {
  requireData("SVR.weights");
  if (kernel_.type != SvmKernel::Type::Linear)
    throw StateError("SVR.weights: only the linear kernel has a weight vector; this model uses 'rbf'");
  return X_.transpose() * coef_;
}

double SVR::trainingLoss() const {
  // f(x_i) = Σ_t coef_t K_it + b, from the gradient: G_i = (Kc)_i + ε − y_i for the α half.
  const Index n = X_.rows();
  double total = 0.0;
  for (Index i = 0; i < n; ++i) {
    const double f = gradient_(i) - epsilon_ + y_(i) + bias_;
    total += tubeLoss(y_(i) - f, epsilon_);
  }
  return total / static_cast<double>(n);
}

void SVR::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "violation", "supportVectors", "bias"});
  double violation = std::isfinite(violation_) ? violation_ : -1.0;
  trace_.append({trainingLoss(), violation, static_cast<double>(supportIndices().size()), bias_});
}

}  // namespace dw
