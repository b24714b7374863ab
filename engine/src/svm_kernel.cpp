#include "dw/svm_kernel.hpp"

#include <algorithm>
#include <cmath>

namespace dw {

double SvmKernel::operator()(const Eigen::Ref<const Eigen::RowVectorXd>& a,
                             const Eigen::Ref<const Eigen::RowVectorXd>& b) const {
  switch (type) {
    case Type::Linear: return a.dot(b);
    case Type::Rbf: return std::exp(-gamma * (a - b).squaredNorm());
    case Type::Poly: return std::pow(gamma * a.dot(b) + coef0, degree);
  }
  return 0.0;
}

Matrix SvmKernel::cross(const Matrix& A, const Matrix& B) const {
  Matrix dots = A * B.transpose();
  switch (type) {
    case Type::Linear: return dots;
    case Type::Rbf: {
      // ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b (as libsvm computes it), clamped at 0 against rounding.
      // A plain loop with std::exp: WASM has no SIMD path for Eigen's vectorised exp, and the
      // scalar libm exp measured faster there.
      Vector a2 = A.rowwise().squaredNorm();
      Vector b2 = B.rowwise().squaredNorm();
      for (Index i = 0; i < dots.rows(); ++i)
        for (Index j = 0; j < dots.cols(); ++j)
          dots(i, j) = std::exp(-gamma * std::max(a2(i) + b2(j) - 2.0 * dots(i, j), 0.0));
      return dots;
    }
    case Type::Poly: {
      Matrix out(dots.rows(), dots.cols());
      for (Index i = 0; i < dots.rows(); ++i)
        for (Index j = 0; j < dots.cols(); ++j) out(i, j) = std::pow(gamma * dots(i, j) + coef0, degree);
      return out;
    }
  }
  return dots;
}

void KernelMatrix::build(const Matrix& X, const SvmKernel& kernel) {
  kernel_ = kernel;
  const Index n = X.rows();
  diagonal_.resize(n);
  for (Index i = 0; i < n; ++i) diagonal_(i) = kernel(X.row(i), X.row(i));
  squaredNorms_ = X.rowwise().squaredNorm();
  if (n <= kFullCacheLimit && kernel.type == SvmKernel::Type::Rbf) {
    // K is symmetric: compute the upper triangle once (half the exp calls, the costly part of
    // setData) and mirror it. Each entry as cross() gives it: exp(−γ·max(‖a‖² + ‖b‖² − 2a·b, 0)).
    full_.resize(n, n);
    const Index d = X.cols();
    const double* x = X.data();
    const double* norms = squaredNorms_.data();
    for (Index i = 0; i < n; ++i) {
      const double* xi = x + i * d;
      double* Ki = full_.row(i).data();
      for (Index j = i; j < n; ++j) {
        const double* xj = x + j * d;
        double dot = 0.0;
        for (Index t = 0; t < d; ++t) dot += xi[t] * xj[t];
        Ki[j] = std::exp(-kernel.gamma * std::max(norms[i] + norms[j] - 2.0 * dot, 0.0));
      }
      for (Index j = 0; j < i; ++j) Ki[j] = full_(j, i);
    }
    X_.resize(0, 0);
  } else if (n <= kFullCacheLimit) {
    full_ = kernel.cross(X, X);
    X_.resize(0, 0);
  } else {
    full_.resize(0, 0);
    X_ = X;
    buffers_[0].resize(n);
    buffers_[1].resize(n);
  }
}

const double* KernelMatrix::row(Index i, int slot) {
  if (full_.rows() > 0) return full_.row(i).data();  // row-major: contiguous
  Vector& out = buffers_[slot];
  const Matrix& X = X_;
  out.noalias() = X * X.row(i).transpose();
  switch (kernel_.type) {
    case SvmKernel::Type::Linear: break;
    case SvmKernel::Type::Rbf:
      out = (-kernel_.gamma * ((squaredNorms_.array() + squaredNorms_(i) - 2.0 * out.array()).max(0.0))).exp().matrix();
      break;
    case SvmKernel::Type::Poly:
      for (Index k = 0; k < out.size(); ++k) out(k) = std::pow(kernel_.gamma * out(k) + kernel_.coef0, kernel_.degree);
      break;
  }
  return out.data();
}

}  // namespace dw
