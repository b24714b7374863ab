#include "dw/svd.hpp"

#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

void SingularValueDecomposition::decompose(const Matrix& A) {
  const char* where = "SVD.decompose";
  if (A.rows() == 0 || A.cols() == 0)
    throw ShapeError(std::string(where) + ": the matrix is empty (" + std::to_string(A.rows()) + "x" +
                     std::to_string(A.cols()) + ")");
  if (A.rows() > kMaxSide || A.cols() > kMaxSide)
    throw ShapeError(std::string(where) + ": the matrix is " + std::to_string(A.rows()) + "x" + std::to_string(A.cols()) +
                     "; at most " + std::to_string(kMaxSide) + " rows and columns are accepted");
  requireFinite(A, where, "A");
  // Two-sided Jacobi (Eigen's JacobiSVD, QR-preconditioned): slow for big matrices but accurate to
  // a few ulps relative to σ₁ in every singular value, and the same sequence of rotations in every
  // build, so native and WASM give the same numbers (with -ffp-contract=off).
  Eigen::MatrixXd colMajor = A;
  Eigen::JacobiSVD<Eigen::MatrixXd> solver(colMajor, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Index r = std::min(A.rows(), A.cols());
  Matrix u = solver.matrixU();
  Matrix vt = solver.matrixV().transpose();
  Vector s = solver.singularValues();  // already sorted decreasing, all ≥ 0
  for (Index i = 0; i < r; ++i) {
    // Sign convention (svd.hpp): the first entry within 1e-9 of the largest |uᵢ| is positive.
    double biggest = u.col(i).cwiseAbs().maxCoeff();
    Index pick = 0;
    while (pick < u.rows() && std::abs(u(pick, i)) < biggest * (1.0 - 1e-9)) ++pick;
    if (pick < u.rows() && u(pick, i) < 0) {
      u.col(i) = -u.col(i);
      vt.row(i) = -vt.row(i);
    }
  }
  A_ = A;
  u_ = std::move(u);
  vt_ = std::move(vt);
  singularValues_ = std::move(s);
  rows_ = A.rows();
  cols_ = A.cols();
}

void SingularValueDecomposition::requireMatrix(const char* where) const {
  if (!hasMatrix()) throw StateError(std::string(where) + ": no matrix yet; call decompose(A) first");
}

int SingularValueDecomposition::requireRank(int k, int lo, int hi, const char* where, const char* name) const {
  requireMatrix(where);
  if (k < lo || k > hi)
    throw InvalidArgument(std::string(where) + ": " + name + "=" + std::to_string(k) + " must be from " + std::to_string(lo) +
                          " to " + std::to_string(hi) + " for this " + std::to_string(rows_) + "x" + std::to_string(cols_) +
                          " matrix");
  return k;
}

const Vector& SingularValueDecomposition::singularValues() const {
  requireMatrix("SVD.singularValues");
  return singularValues_;
}

const Matrix& SingularValueDecomposition::u() const {
  requireMatrix("SVD.u");
  return u_;
}

const Matrix& SingularValueDecomposition::vt() const {
  requireMatrix("SVD.vt");
  return vt_;
}

int SingularValueDecomposition::rank() const {
  requireMatrix("SVD.rank");
  if (singularValues_(0) == 0.0) return 0;
  // The threshold numpy.linalg.matrix_rank uses: σ_max · max(m, n) · machine epsilon.
  double tol = singularValues_(0) * double(std::max(rows_, cols_)) * std::numeric_limits<double>::epsilon();
  return int((singularValues_.array() > tol).count());
}

double SingularValueDecomposition::energy() const {
  requireMatrix("SVD.energy");
  return singularValues_.squaredNorm();
}

Matrix SingularValueDecomposition::reconstruct(int k) const {
  requireRank(k, 0, int(valueCount()), "SVD.reconstruct", "k");
  // A_k = U_k diag(σ_1..k) V_kᵀ: scale the first k rows of Vᵀ by σ, then one product.
  Matrix scaled = singularValues_.head(k).asDiagonal() * vt_.topRows(k);
  return u_.leftCols(k) * scaled;
}

Matrix SingularValueDecomposition::layer(int i) const {
  requireRank(i, 0, int(valueCount()) - 1, "SVD.layer", "i");
  return singularValues_(i) * u_.col(i) * vt_.row(i);
}

RankKSummary SingularValueDecomposition::summary(int k) const {
  requireRank(k, 0, int(valueCount()), "SVD.summary", "k");
  RankKSummary out;
  out.k = k;
  // Measured on the reconstruction, not from the dropped σ's, so a test of Eckart–Young
  // (error² = Σ dropped σ²) compares two independent numbers.
  out.frobeniusError = (A_ - reconstruct(k)).norm();
  double total = A_.norm();
  out.relativeError = total > 0.0 ? out.frobeniusError / total : 0.0;
  double energy = singularValues_.squaredNorm();
  out.energyKept = energy > 0.0 ? singularValues_.head(k).squaredNorm() / energy : 1.0;
  out.storedNumbers = double(k) * double(rows_ + cols_ + 1);
  out.originalNumbers = double(rows_) * double(cols_);
  return out;
}

Vector SingularValueDecomposition::energyCurve() const {
  requireMatrix("SVD.energyCurve");
  const Index r = valueCount();
  Vector curve(r + 1);
  double energy = singularValues_.squaredNorm();
  double running = 0.0;
  curve(0) = energy > 0.0 ? 0.0 : 1.0;
  for (Index i = 0; i < r; ++i) {
    running += singularValues_(i) * singularValues_(i);
    curve(i + 1) = energy > 0.0 ? running / energy : 1.0;
  }
  if (energy > 0.0) curve(r) = 1.0;  // exactly all of it, whatever the rounding of the sum
  return curve;
}

int SingularValueDecomposition::smallestRankForEnergy(double fraction) const {
  const char* where = "SVD.smallestRankForEnergy";
  requireMatrix(where);
  requireInRange(fraction, 0.0, 1.0, where, "fraction");
  Vector curve = energyCurve();
  for (Index k = 0; k < curve.size(); ++k)
    if (curve(k) >= fraction) return int(k);
  return int(valueCount());
}

}  // namespace dw
