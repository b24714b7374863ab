// Singular value decomposition of a dense matrix, for the "compress a picture by rank k" lesson:
//   A = U Σ Vᵀ = Σᵢ σᵢ uᵢ vᵢᵀ   (thin form: r = min(m, n) terms),
// with σ₁ ≥ σ₂ ≥ … ≥ σᵣ ≥ 0, the columns uᵢ of U (m × r) and the rows vᵢᵀ of Vᵀ (r × n) orthonormal.
// Keeping the first k terms gives the rank-k matrix A_k closest to A in the Frobenius norm
// (Eckart–Young): ‖A − A_k‖²_F = σ²_{k+1} + … + σ²_r.
//
// Sign convention (so the native and WASM builds, and every run, agree): each uᵢ is flipped,
// together with its vᵢ, so that its largest-magnitude entry is positive; when several entries tie
// within 10⁻⁹ relative to the largest, the first of them (lowest row index) decides.
// Pure computation: no randomness, no state beyond the decomposed matrix.
#pragma once
#include "dw/types.hpp"

namespace dw {

// What keeping k terms costs and loses.
struct RankKSummary {
  int k = 0;
  double frobeniusError = 0;  // ‖A − A_k‖_F, measured on the reconstruction
  double relativeError = 0;   // ‖A − A_k‖_F / ‖A‖_F (0 for the zero matrix)
  double energyKept = 1;      // (σ₁² + … + σ_k²) / (σ₁² + … + σ_r²) (1 for the zero matrix)
  double storedNumbers = 0;   // k·(m + n + 1): k columns of U, k rows of Vᵀ and k singular values
  double originalNumbers = 0; // m·n
};

class SingularValueDecomposition {
 public:
  // Largest side accepted: two-sided Jacobi costs O(m·n²) per sweep, and 256 keeps it well
  // under a second even in WebAssembly.
  static constexpr Index kMaxSide = 256;

  // Decomposes A (1 … 256 rows and columns, every entry finite). Throws ShapeError for an empty
  // or oversized matrix and InvalidArgument for a non-finite entry; on error the previous
  // decomposition is kept.
  void decompose(const Matrix& A);
  bool hasMatrix() const { return rows_ > 0; }

  Index rows() const { return rows_; }
  Index cols() const { return cols_; }
  // r = min(m, n): the number of singular values.
  Index valueCount() const { return singularValues_.size(); }
  // σ, decreasing (length r).
  const Vector& singularValues() const;
  // m × r, orthonormal columns uᵢ (sign convention above).
  const Matrix& u() const;
  // r × n, orthonormal rows vᵢᵀ.
  const Matrix& vt() const;
  // The number of σᵢ above max(m, n) · ε · σ₁ (ε = 2⁻⁵²): the numerical rank (0 for a zero matrix).
  int rank() const;
  // ‖A‖_F² = Σ σᵢ², the total "energy".
  double energy() const;

  // A_k = Σ_{i<k} σᵢ uᵢ vᵢᵀ, m × n; k in [0, r] (0 gives the zero matrix).
  Matrix reconstruct(int k) const;
  // The single term σᵢ uᵢ vᵢᵀ, m × n; i in [0, r − 1] (zero-based: layer 0 is the largest).
  Matrix layer(int i) const;
  // Errors, energy and storage for A_k; k in [0, r].
  RankKSummary summary(int k) const;
  // (σ₁² + … + σ_k²) / Σσ² for k = 0 … r (length r + 1; all 1 for the zero matrix).
  Vector energyCurve() const;
  // The smallest k whose energy kept reaches `fraction` (in [0, 1]).
  int smallestRankForEnergy(double fraction) const;

 private:
  void requireMatrix(const char* where) const;
  int requireRank(int k, int lo, int hi, const char* where, const char* name) const;

  Index rows_ = 0, cols_ = 0;
  Matrix A_;
  Matrix u_;
  Vector singularValues_;
  Matrix vt_;
};

}  // namespace dw
