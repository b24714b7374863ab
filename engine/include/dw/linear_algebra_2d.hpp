// A small 2×2 linear-algebra toolkit for the "vectors and matrices as transformations"
// playground: apply a 2×2 matrix to points, its determinant, its real eigen-decomposition (or the
// complex pair when it has none), and dot products, angles and projections of vectors.
// Pure functions: no state, no randomness. Matrices arrive as Eigen::Matrix2d [[a, b], [c, d]].
#pragma once
#include <string>

#include "dw/types.hpp"

namespace dw {

// Throws InvalidArgument unless every entry is finite and within ±1e6 (names the entry).
void requireMatrix2(const Eigen::Matrix2d& A, const char* where);

// Rows of `points` (n×2) mapped through A: row i becomes (A pᵢ)ᵀ, i.e. the result is P·Aᵀ.
Matrix matrix2Apply(const Eigen::Matrix2d& A, const Matrix& points);

// det A = ad − bc: the signed area of the image of the unit square (negative when A flips
// orientation, zero when A squashes the plane onto a line or a point).
double matrix2Determinant(const Eigen::Matrix2d& A);

// The eigen-structure of a 2×2 matrix, classified so a widget can say what happens in words.
//   "distinct"  two different real eigenvalues, two eigen-directions;
//   "scalar"    A = λI (including the zero matrix): every direction is an eigen-direction
//               (the standard basis is returned);
//   "defective" one repeated real eigenvalue with a single eigen-direction (a shear);
//   "complex"   no real eigenvalue: λ = re ± i·im with im > 0 (a rotation-like matrix).
struct Eigen2 {
  std::string kind;
  double trace = 0, determinant = 0;
  Vector values;   // real eigenvalues, largest first (2 entries; empty when complex)
  Matrix vectors;  // unit eigenvectors as rows (2, 2, 1 or 0 rows), matching values' order
  double re = 0;   // complex pair's real part; for real eigenvalues their mean (trace/2)
  double im = 0;   // complex pair's imaginary part (> 0); 0 for real eigenvalues
};
Eigen2 matrix2Eigen(const Eigen::Matrix2d& A);

// Σ aᵢbᵢ for two vectors of the same length (1 … 10⁶ entries, finite).
double vectorDot(const Vector& a, const Vector& b);

// The angle between a and b in radians, in [0, π]. Throws InvalidArgument when either is zero.
double vectorAngle(const Vector& a, const Vector& b);

// cos θ = a·b / (|a||b|) in [−1, 1] (cosine similarity). Throws InvalidArgument for a zero vector.
double vectorCosine(const Vector& a, const Vector& b);

// The projection of a onto the direction of b:
//   scalar = a·b / |b|   (signed length of the shadow of a along b),
//   vector = (a·b / b·b) b   (the foot of the perpendicular from a's tip onto the line of b).
// Throws InvalidArgument when b is the zero vector (there is no direction to project onto).
struct Projection {
  double dot = 0, scalar = 0, normA = 0, normB = 0;
  Vector vector;
};
Projection vectorProjection(const Vector& a, const Vector& b);

}  // namespace dw
