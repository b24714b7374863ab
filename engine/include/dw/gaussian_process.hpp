// Gaussian-process regression and expected improvement, the two halves of Bayesian optimisation
// (Rasmussen & Williams, "Gaussian Processes for Machine Learning", 2006, ch. 2 and Algorithm 2.1;
// Jones, Schonlau & Welch 1998 for expected improvement). Used by BayesSearch
// (dw/bayes_search.hpp) as the surrogate of a cross-validated score over two log-scaled
// hyper-parameters. The numbers match scikit-learn's GaussianProcessRegressor with a fixed kernel
// (optimizer=None, normalize_y=True, alpha = noise); tests/fixtures/make_gaussian_process.py.
#pragma once
#include <string>

#include "dw/types.hpp"

namespace dw {

enum class GpKernel { Rbf, Matern52 };

// k(r) for two points a distance r apart, signal variance 1:
//   "rbf":      exp(−r² / (2ℓ²))
//   "matern52": (1 + √5 r/ℓ + 5r²/(3ℓ²)) · exp(−√5 r/ℓ)
double gpKernelValue(GpKernel kernel, double r, double lengthScale);

// Posterior at query points: the mean and standard deviation of f (the noise-free function), in
// the units of the targets.
struct GpPrediction {
  Vector mean, std;
};

class GaussianProcess {
 public:
  // Matérn 5/2, ℓ = 0.2, noise 1e-6 (suits inputs scaled to [0, 1]).
  GaussianProcess() = default;
  const char* name() const { return "GaussianProcess"; }

  // "rbf" or "matern52". Clears the fit.
  void setKernel(const std::string& name);
  // ℓ in (0, 100]. Clears the fit.
  void setLengthScale(double lengthScale);
  // Variance α in [0, 10] added to the kernel matrix's diagonal, on the normalised targets
  // (observation noise, and jitter that keeps the Cholesky factor defined). Clears the fit.
  void setNoise(double noise);
  std::string kernel() const { return kernel_ == GpKernel::Rbf ? "rbf" : "matern52"; }
  GpKernel kernelKind() const { return kernel_; }
  double lengthScale() const { return lengthScale_; }
  double noise() const { return noise_; }

  // Conditions on n ≥ 1 observations (rows of X, finite; targets y, finite). The targets are
  // normalised first, ỹ = (y − mean y) / sd y (population sd; sd 0 is taken as 1). Solves
  // (K + αI) a = ỹ by Cholesky, K L Lᵀ; ShapeError/InvalidArgument for bad input, StateError
  // if the matrix is not positive definite (duplicate points with noise 0).
  void fit(const Matrix& X, const Vector& y);
  bool fitted() const { return X_.rows() > 0; }
  int observations() const { return static_cast<int>(X_.rows()); }
  // Columns of the fitted inputs (0 before a fit).
  int featureCount() const { return static_cast<int>(X_.cols()); }

  // mean(x) = mean y + sd y · k(x)ᵀ a;  var(x) = sd y² · (1 − vᵀv), v = L⁻¹ k(x), clipped at 0.
  GpPrediction predict(const Matrix& Xq) const;
  // log p(ỹ | X) = −½ ỹᵀ a − Σ log Lᵢᵢ − (n/2) log 2π, of the normalised targets.
  double logMarginalLikelihood() const;

 private:
  Vector kernelColumn(const Matrix& Xq, Index row) const;

  GpKernel kernel_ = GpKernel::Matern52;
  double lengthScale_ = 0.2;
  double noise_ = 1e-6;
  Matrix X_;
  Matrix L_;  // lower Cholesky factor of K + αI
  Vector alpha_;
  double yMean_ = 0, ySd_ = 1;
  double logDetHalf_ = 0;  // Σ log Lᵢᵢ
  Vector yNormalised_;
};

// Standard normal density φ(z) and distribution function Φ(z) = ½ erfc(−z/√2).
double normalPdf(double z);
double normalCdf(double z);

// Expected improvement over `best` for MAXIMISATION, with exploration margin ξ ≥ 0:
//   d = μ − best − ξ,  z = d / σ,  EI = d Φ(z) + σ φ(z)   (σ > 0),
//   EI = max(d, 0)                                       (σ = 0).
// μ, best finite; σ ≥ 0; ξ in [0, 10].
double expectedImprovement(double mean, double sd, double best, double xi);

}  // namespace dw
