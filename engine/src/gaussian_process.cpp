// Gaussian-process regression (Rasmussen & Williams 2006, Algorithm 2.1) and expected improvement.
#include "dw/gaussian_process.hpp"

#include <cmath>
#include <string>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr double kSqrt5 = 2.23606797749979;
constexpr double kLog2Pi = 1.8378770664093453;
}  // namespace

double gpKernelValue(GpKernel kernel, double r, double lengthScale) {
  const double s = r / lengthScale;
  if (kernel == GpKernel::Rbf) return std::exp(-0.5 * s * s);
  // Matérn ν = 5/2 (R&W eq. 4.17): (1 + √5 s + 5s²/3) e^{−√5 s}.
  return (1.0 + kSqrt5 * s + (5.0 / 3.0) * s * s) * std::exp(-kSqrt5 * s);
}

void GaussianProcess::setKernel(const std::string& name) {
  if (name == "rbf") kernel_ = GpKernel::Rbf;
  else if (name == "matern52") kernel_ = GpKernel::Matern52;
  else throw InvalidArgument("GaussianProcess.setKernel: kernel \"" + name + "\" is not one of rbf, matern52");
  X_.resize(0, 0);
}

void GaussianProcess::setLengthScale(double lengthScale) {
  requireInOpenClosed(lengthScale, 0, 100, "GaussianProcess.setLengthScale", "lengthScale");
  lengthScale_ = lengthScale;
  X_.resize(0, 0);
}

void GaussianProcess::setNoise(double noise) {
  requireInRange(noise, 0, 10, "GaussianProcess.setNoise", "noise");
  noise_ = noise;
  X_.resize(0, 0);
}

void GaussianProcess::fit(const Matrix& X, const Vector& y) {
  const char* where = "GaussianProcess.fit";
  requireSupervisedShape(X, y, 1, where);
  requireFinite(X, where, "X");
  requireFinite(y, where, "y");
  const Index n = X.rows();
  yMean_ = y.mean();
  // Population sd, as scikit-learn's normalize_y (np.std); a constant target keeps sd 1.
  double sd = std::sqrt((y.array() - yMean_).square().mean());
  ySd_ = sd > 1e-12 ? sd : 1.0;
  yNormalised_ = (y.array() - yMean_) / ySd_;
  Matrix K(n, n);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j <= i; ++j) {
      double k = gpKernelValue(kernel_, (X.row(i) - X.row(j)).norm(), lengthScale_);
      K(i, j) = k;
      K(j, i) = k;
    }
    K(i, i) += noise_;
  }
  Eigen::LLT<Eigen::MatrixXd> llt(K);
  if (llt.info() != Eigen::Success) {
    X_.resize(0, 0);
    throw StateError("GaussianProcess.fit: the kernel matrix is not positive definite (repeated points need noise > 0)");
  }
  L_ = llt.matrixL();
  alpha_ = llt.solve(yNormalised_);
  logDetHalf_ = L_.diagonal().array().log().sum();
  X_ = X;
}

Vector GaussianProcess::kernelColumn(const Matrix& Xq, Index row) const {
  Vector k(X_.rows());
  for (Index i = 0; i < X_.rows(); ++i) k(i) = gpKernelValue(kernel_, (Xq.row(row) - X_.row(i)).norm(), lengthScale_);
  return k;
}

GpPrediction GaussianProcess::predict(const Matrix& Xq) const {
  if (!fitted()) throw StateError("GaussianProcess.predict: fit the process to some observations first");
  requireQuery(Xq, X_.cols(), "GaussianProcess.predict");
  GpPrediction out;
  out.mean.resize(Xq.rows());
  out.std.resize(Xq.rows());
  const auto L = L_.triangularView<Eigen::Lower>();
  for (Index q = 0; q < Xq.rows(); ++q) {
    Vector k = kernelColumn(Xq, q);
    out.mean(q) = yMean_ + ySd_ * k.dot(alpha_);
    Vector v = L.solve(k);
    // k(x, x) = 1 for both kernels; rounding can make 1 − vᵀv slightly negative near a data point.
    double var = 1.0 - v.squaredNorm();
    out.std(q) = var > 0 ? ySd_ * std::sqrt(var) : 0.0;
  }
  return out;
}

double GaussianProcess::logMarginalLikelihood() const {
  if (!fitted()) throw StateError("GaussianProcess.logMarginalLikelihood: fit the process to some observations first");
  return -0.5 * yNormalised_.dot(alpha_) - logDetHalf_ - 0.5 * static_cast<double>(X_.rows()) * kLog2Pi;
}

double normalPdf(double z) { return detmath::kInvSqrt2Pi * std::exp(-0.5 * z * z); }
double normalCdf(double z) { return 0.5 * std::erfc(-z * detmath::kInvSqrt2); }

double expectedImprovement(double mean, double sd, double best, double xi) {
  const char* where = "expectedImprovement";
  requireInRange(mean, -1e300, 1e300, where, "mean");
  requireInRange(sd, 0, 1e300, where, "std");
  requireInRange(best, -1e300, 1e300, where, "best");
  requireInRange(xi, 0, 10, where, "xi");
  const double d = mean - best - xi;
  if (sd <= 0) return d > 0 ? d : 0.0;
  const double z = d / sd;
  // d Φ(z) + σ φ(z) ≥ 0 in exact arithmetic; rounding can leave a tiny negative far below best.
  const double ei = d * normalCdf(z) + sd * normalPdf(z);
  return ei > 0 ? ei : 0.0;
}

}  // namespace dw
