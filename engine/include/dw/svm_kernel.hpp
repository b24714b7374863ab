// Kernels for the support vector machines and the (possibly cached) kernel matrix the SMO
// solver reads rows from.
#pragma once
#include "dw/types.hpp"

namespace dw {

// libsvm's TAU: the curvature a pair update uses when the kernel gives the pair none (or a
// negative one), for both SMO solvers (classification: smo_solver.cpp; regression: svr.cpp).
constexpr double kSmoMinCurvature = 1e-12;

struct SvmKernel {
  enum class Type { Linear, Rbf, Poly };
  Type type = Type::Rbf;
  double gamma = 1.0;  // RBF and polynomial scale γ > 0
  int degree = 3;      // polynomial degree
  double coef0 = 0.0;  // polynomial offset

  // K(a, b): linear a·b; RBF exp(−γ‖a − b‖²); polynomial (γ a·b + coef0)^degree.
  double operator()(const Eigen::Ref<const Eigen::RowVectorXd>& a,
                    const Eigen::Ref<const Eigen::RowVectorXd>& b) const;
  // K(A_i, B_j) for every row pair: |A| × |B|, computed with one matrix product.
  Matrix cross(const Matrix& A, const Matrix& B) const;
};

// Rows of the n × n kernel matrix of the training points. Small problems keep the whole
// matrix (n ≤ kFullCacheLimit: at most 8 MB); larger ones compute the two rows each SMO
// iteration needs on demand, which costs O(n·d) per row and no memory.
class KernelMatrix {
 public:
  static constexpr Index kFullCacheLimit = 1000;
  void build(const Matrix& X, const SvmKernel& kernel);
  // Row i written into `out` (size n); returns a pointer valid until the next row() call
  // with the same slot (0 or 1).
  const double* row(Index i, int slot);
  double diagonal(Index i) const { return diagonal_(i); }
  Index size() const { return diagonal_.size(); }

 private:
  Matrix X_;          // a copy of the points, kept only for on-demand rows
  SvmKernel kernel_;
  Vector squaredNorms_;
  Vector diagonal_;
  Matrix full_;       // the whole matrix when small
  Vector buffers_[2];  // on-demand rows
};

}  // namespace dw
