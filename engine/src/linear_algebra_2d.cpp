#include "dw/linear_algebra_2d.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr double kMaxEntry = 1e6;
constexpr double kMaxVectorEntry = 1e9;
constexpr Index kMaxEntries = 1'000'000;
// Two eigenvalues closer than this fraction of the matrix's largest entry count as one repeated
// eigenvalue; the same fraction decides whether A − λI is (numerically) the zero matrix.
constexpr double kRelativeTolerance = 1e-9;

void requireVector(const Vector& v, const char* where, const char* name) {
  if (v.size() < 1) throw ShapeError(std::string(where) + ": " + name + " is empty");
  if (v.size() > kMaxEntries) throw ShapeError(std::string(where) + ": " + name + " has more than 1000000 entries");
  requireFinite(v, where, name);
  for (Index i = 0; i < v.size(); ++i)
    if (std::abs(v(i)) > kMaxVectorEntry)
      throw InvalidArgument(std::string(where) + ": " + name + "[" + std::to_string(i) + "]=" + formatNumber(v(i)) +
                            " must be within ±1e9");
}

void requireVectorPair(const Vector& a, const Vector& b, const char* where) {
  requireVector(a, where, "a");
  requireVector(b, where, "b");
  if (a.size() != b.size())
    throw ShapeError(std::string(where) + ": a has " + std::to_string(a.size()) + " entries but b has " +
                     std::to_string(b.size()));
}

// A unit vector spanning the null space of the rank-1 matrix N = A − λI. Each row r of N is
// orthogonal to the null space, so (r₁, −r₀) lies in it; the longer of the two candidates is the
// better-conditioned choice. Sign fixed so the result is reproducible: x > 0, or x = 0 and y > 0.
Eigen::Vector2d nullDirection(const Eigen::Matrix2d& N) {
  Eigen::Vector2d fromRow0(N(0, 1), -N(0, 0));
  Eigen::Vector2d fromRow1(N(1, 1), -N(1, 0));
  Eigen::Vector2d v = fromRow0.squaredNorm() >= fromRow1.squaredNorm() ? fromRow0 : fromRow1;
  v.normalize();
  const double eps = 1e-12;
  if (v(0) < -eps || (std::abs(v(0)) <= eps && v(1) < 0)) v = -v;
  if (std::abs(v(0)) <= eps) v(0) = 0;  // avoid printing −0
  if (std::abs(v(1)) <= eps) v(1) = 0;
  return v;
}
}  // namespace

void requireMatrix2(const Eigen::Matrix2d& A, const char* where) {
  static const char* names[2][2] = {{"a (row 1, column 1)", "b (row 1, column 2)"}, {"c (row 2, column 1)", "d (row 2, column 2)"}};
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 2; ++c)
      if (!std::isfinite(A(r, c)) || std::abs(A(r, c)) > kMaxEntry)
        throw InvalidArgument(std::string(where) + ": matrix entry " + names[r][c] + "=" + formatNumber(A(r, c)) +
                              " must be a finite number within ±1e6");
}

Matrix matrix2Apply(const Eigen::Matrix2d& A, const Matrix& points) {
  const char* where = "matrix2Apply";
  requireMatrix2(A, where);
  if (points.cols() != 2)
    throw ShapeError(std::string(where) + ": points must have 2 columns (x, y), not " + std::to_string(points.cols()));
  if (points.rows() > kMaxEntries) throw ShapeError(std::string(where) + ": at most 1000000 points");
  requireFinite(points, where, "points");
  // Row form of p' = A p for every point at once: P' = P Aᵀ.
  return points * A.transpose();
}

double matrix2Determinant(const Eigen::Matrix2d& A) {
  requireMatrix2(A, "matrix2Determinant");
  return A(0, 0) * A(1, 1) - A(0, 1) * A(1, 0);
}

Eigen2 matrix2Eigen(const Eigen::Matrix2d& A) {
  requireMatrix2(A, "matrix2Eigen");
  Eigen2 e;
  const double a = A(0, 0), b = A(0, 1), c = A(1, 0), d = A(1, 1);
  e.trace = a + d;
  e.determinant = a * d - b * c;
  e.re = e.trace / 2;
  const double scale = A.cwiseAbs().maxCoeff();
  // Characteristic polynomial λ² − tr·λ + det = 0, so λ = tr/2 ± √q with
  // q = (tr/2)² − det = ((a − d)/2)² + bc. This form of q avoids cancelling tr² against 4·det.
  const double half = (a - d) / 2;
  const double q = half * half + b * c;
  const double tol = kRelativeTolerance * scale;

  if (scale == 0 || std::abs(q) <= tol * tol) {
    // One repeated eigenvalue λ = tr/2. If A − λI vanishes, A = λI and every direction is an
    // eigen-direction; otherwise A − λI has rank 1 and its null space is the only one (shear).
    const double lambda = e.trace / 2;
    e.values = Vector::Constant(2, lambda);
    const Eigen::Matrix2d N = A - lambda * Eigen::Matrix2d::Identity();
    if (N.cwiseAbs().maxCoeff() <= tol) {
      e.kind = "scalar";
      e.vectors = Matrix::Identity(2, 2);
    } else {
      e.kind = "defective";
      e.vectors = Matrix(1, 2);
      e.vectors.row(0) = nullDirection(N).transpose();
    }
    return e;
  }
  if (q < 0) {
    e.kind = "complex";
    e.im = std::sqrt(-q);
    e.values = Vector(0);
    e.vectors = Matrix(0, 2);
    return e;
  }
  e.kind = "distinct";
  const double r = std::sqrt(q);
  // The root of larger magnitude from the formula, the other from λ₁λ₂ = det (no cancellation).
  const double big = e.trace / 2 + std::copysign(r, e.trace);
  const double small = big != 0 ? e.determinant / big : e.trace / 2 - r;
  const double hi = std::max(big, small), lo = std::min(big, small);
  e.values = Vector(2);
  e.values << hi, lo;
  e.vectors = Matrix(2, 2);
  for (int k = 0; k < 2; ++k)
    e.vectors.row(k) = nullDirection(A - e.values(k) * Eigen::Matrix2d::Identity()).transpose();
  return e;
}

double vectorDot(const Vector& a, const Vector& b) {
  requireVectorPair(a, b, "vectorDot");
  return a.dot(b);
}

double vectorAngle(const Vector& a, const Vector& b) {
  const char* where = "vectorAngle";
  requireVectorPair(a, b, where);
  const double na = a.norm(), nb = b.norm();
  if (na == 0) throw InvalidArgument(std::string(where) + ": a is the zero vector, so it has no direction");
  if (nb == 0) throw InvalidArgument(std::string(where) + ": b is the zero vector, so it has no direction");
  // Kahan's formula θ = 2·atan2(|â − b̂|, |â + b̂|) stays accurate near 0 and π, where acos(cos θ)
  // loses half its digits.
  const Vector ua = a / na, ub = b / nb;
  return 2 * std::atan2((ua - ub).norm(), (ua + ub).norm());
}

double vectorCosine(const Vector& a, const Vector& b) {
  const char* where = "vectorCosine";
  requireVectorPair(a, b, where);
  const double na = a.norm(), nb = b.norm();
  if (na == 0) throw InvalidArgument(std::string(where) + ": a is the zero vector, so the cosine is undefined");
  if (nb == 0) throw InvalidArgument(std::string(where) + ": b is the zero vector, so the cosine is undefined");
  // cos θ = a·b / (|a||b|), clamped against rounding just outside [−1, 1].
  return std::clamp(a.dot(b) / (na * nb), -1.0, 1.0);
}

Projection vectorProjection(const Vector& a, const Vector& b) {
  const char* where = "vectorProjection";
  requireVectorPair(a, b, where);
  Projection p;
  const double bb = b.squaredNorm();
  if (!(bb > 0))
    throw InvalidArgument(std::string(where) + ": b is the zero vector, so there is no direction to project onto");
  p.dot = a.dot(b);
  p.normA = a.norm();
  p.normB = std::sqrt(bb);
  p.scalar = p.dot / p.normB;    // comp_b a = a·b / |b|
  p.vector = (p.dot / bb) * b;   // proj_b a = (a·b / b·b) b
  return p;
}

}  // namespace dw
