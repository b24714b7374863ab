#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/svd.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::SingularValueDecomposition;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
double maxAbs(const Matrix& m) { return m.size() ? m.cwiseAbs().maxCoeff() : 0.0; }
double maxAbs(const Vector& v) { return v.size() ? v.cwiseAbs().maxCoeff() : 0.0; }
}  // namespace

TEST_CASE("SVD matches NumPy (LAPACK gesdd) with the same sign convention", "[svd][numpy]") {
  auto f = fixture::load("linalg_svd");
  for (const char* name : {"tall_6x4", "wide_4x7", "rank2_8x6", "ring_12x12"}) {
    INFO(name);
    auto c = f[name];
    Matrix A = c["A"].matrix();
    SingularValueDecomposition s;
    s.decompose(A);
    const double scale = c["s"].vector()(0);
    CHECK(maxAbs(Vector(s.singularValues() - c["s"].vector())) < 1e-12 * scale);
    CHECK(s.rank() == int(c["rank"].num()));
    // Singular vectors are unique (up to the sign fixed by the convention) only for distinct,
    // non-zero σ: compare the first `rank` of them.
    const int r = s.rank();
    Matrix U = c["u"].matrix(), Vt = c["vt"].matrix();
    CHECK(maxAbs(Matrix(s.u().leftCols(r) - U.leftCols(r))) < 1e-9);
    CHECK(maxAbs(Matrix(s.vt().topRows(r) - Vt.topRows(r))) < 1e-9);
    auto sums = c["summaries"];
    for (std::size_t j = 0; j < sums.size(); ++j) {
      int k = int(sums[j]["k"].num());
      INFO("k=" << k);
      CHECK(maxAbs(Matrix(s.reconstruct(k) - sums[j]["reconstruction"].matrix())) < 1e-10 * scale);
      auto sum = s.summary(k);
      CHECK(sum.frobeniusError == Approx(sums[j]["frobenius_error"].num()).margin(1e-10 * scale));
      CHECK(sum.relativeError == Approx(sums[j]["relative_error"].num()).margin(1e-10));
      CHECK(sum.energyKept == Approx(sums[j]["energy_kept"].num()).margin(1e-12));
    }
  }
}

TEST_CASE("SVD of a diagonal matrix: |entries| sorted, signs moved into V", "[svd]") {
  // diag(3, −5, 1): σ = 5, 3, 1. For σ = 5 the convention makes u = e₂ positive, so v = −e₂
  // (A e₂ = −5 e₂ = 5 · e₂ · (−1)).
  Matrix A = Matrix::Zero(3, 3);
  A(0, 0) = 3;
  A(1, 1) = -5;
  A(2, 2) = 1;
  SingularValueDecomposition s;
  s.decompose(A);
  CHECK(maxAbs(Vector(s.singularValues() - fixture::vec({5, 3, 1}))) < 1e-15);
  Matrix U(3, 3), Vt(3, 3);
  U << 0, 1, 0, 1, 0, 0, 0, 0, 1;
  Vt << 0, -1, 0, 1, 0, 0, 0, 0, 1;
  CHECK(maxAbs(Matrix(s.u() - U)) < 1e-15);
  CHECK(maxAbs(Matrix(s.vt() - Vt)) < 1e-15);
  CHECK(s.rank() == 3);
  // Dropping σ = 1 leaves error 1 and keeps 34/35 of the energy 25 + 9 + 1.
  CHECK(s.summary(2).frobeniusError == Approx(1.0).margin(1e-15));
  CHECK(s.summary(2).energyKept == Approx(34.0 / 35.0).margin(1e-15));
}

TEST_CASE("SVD of a rank-1 outer product a bᵀ: σ₁ = |a||b|, u = a/|a|, v = b/|b|", "[svd]") {
  // a = (1, 2, 2) (length 3), b = (3, 4) (length 5): σ₁ = 15, σ₂ = 0. u's two largest entries tie
  // at 2/3, so the first of them (row 1) decides the sign: positive, as a is.
  Vector a = fixture::vec({1, 2, 2}), b = fixture::vec({3, 4});
  Matrix A = a * b.transpose();
  SingularValueDecomposition s;
  s.decompose(A);
  REQUIRE(s.valueCount() == 2);
  CHECK(s.singularValues()(0) == Approx(15.0).margin(1e-13));
  CHECK(std::abs(s.singularValues()(1)) < 1e-13);
  CHECK(s.rank() == 1);
  CHECK(maxAbs(Vector(s.u().col(0) - a / 3.0)) < 1e-14);
  CHECK(maxAbs(Vector(s.vt().row(0).transpose() - b / 5.0)) < 1e-14);
  CHECK(maxAbs(Matrix(s.reconstruct(1) - A)) < 1e-13);
  CHECK(maxAbs(Matrix(s.layer(0) - A)) < 1e-13);
  CHECK(s.summary(1).relativeError < 1e-14);
  CHECK(s.summary(1).energyKept == Approx(1.0).margin(1e-15));
  CHECK(s.summary(0).relativeError == 1.0);
  CHECK(s.summary(0).energyKept == 0.0);
  CHECK(s.smallestRankForEnergy(0.999) == 1);
  CHECK(s.smallestRankForEnergy(0.0) == 0);
}

TEST_CASE("SVD of the lesson's 2×2 example [[3, 0], [4, 5]]", "[svd]") {
  // AᵀA = [[25, 20], [20, 25]]: eigenvalues 45 and 5, so σ = √45 and √5, v₁ = (1, 1)/√2,
  // u₁ = A v₁ / σ₁ = (1, 3)/√10; u₂ = A v₂ / σ₂ with v₂ = (1, −1)/√2 is (3, −1)/√10.
  Matrix A(2, 2);
  A << 3, 0, 4, 5;
  SingularValueDecomposition s;
  s.decompose(A);
  CHECK(s.singularValues()(0) == Approx(std::sqrt(45.0)).margin(1e-14));
  CHECK(s.singularValues()(1) == Approx(std::sqrt(5.0)).margin(1e-14));
  const double r2 = std::sqrt(2.0), r10 = std::sqrt(10.0);
  Matrix U(2, 2), Vt(2, 2);
  U << 1 / r10, 3 / r10, 3 / r10, -1 / r10;
  Vt << 1 / r2, 1 / r2, 1 / r2, -1 / r2;
  CHECK(maxAbs(Matrix(s.u() - U)) < 1e-14);
  CHECK(maxAbs(Matrix(s.vt() - Vt)) < 1e-14);
  // Rank 1: σ₁u₁v₁ᵀ = √45 · (1, 3)/√10 · (1, 1)/√2 = (1.5, 1.5; 4.5, 4.5).
  Matrix A1(2, 2);
  A1 << 1.5, 1.5, 4.5, 4.5;
  CHECK(maxAbs(Matrix(s.reconstruct(1) - A1)) < 1e-14);
  CHECK(s.summary(1).energyKept == Approx(0.9).margin(1e-15));
  CHECK(s.summary(1).relativeError == Approx(std::sqrt(0.1)).margin(1e-15));
  CHECK(s.summary(1).storedNumbers == 5);
  CHECK(s.summary(1).originalNumbers == 4);
}

TEST_CASE("Eckart–Young: error² of A_k is the sum of the dropped σ², and the factors are orthonormal", "[svd]") {
  // A deterministic, full-rank 9×7 matrix (no RNG needed): entries sin(i·j + i) + 0.1·i.
  Matrix A(9, 7);
  for (int i = 0; i < 9; ++i)
    for (int j = 0; j < 7; ++j) A(i, j) = std::sin(i * j + i) + 0.1 * i;
  SingularValueDecomposition s;
  s.decompose(A);
  const Vector& sv = s.singularValues();
  REQUIRE(sv.size() == 7);
  for (int i = 1; i < 7; ++i) CHECK(sv(i - 1) >= sv(i));
  CHECK(maxAbs(Matrix(s.u().transpose() * s.u() - Matrix::Identity(7, 7))) < 1e-13);
  CHECK(maxAbs(Matrix(s.vt() * s.vt().transpose() - Matrix::Identity(7, 7))) < 1e-13);
  CHECK(s.energy() == Approx(A.squaredNorm()).epsilon(1e-13));
  Matrix layers = Matrix::Zero(9, 7);
  for (int k = 0; k <= 7; ++k) {
    INFO("k=" << k);
    double dropped = sv.tail(7 - k).squaredNorm();
    auto sum = s.summary(k);
    CHECK(sum.frobeniusError * sum.frobeniusError == Approx(dropped).margin(1e-12));
    CHECK(sum.relativeError == Approx(std::sqrt(dropped / A.squaredNorm())).margin(1e-13));
    CHECK(sum.energyKept == Approx(1.0 - dropped / A.squaredNorm()).margin(1e-13));
    CHECK(sum.storedNumbers == k * (9 + 7 + 1));
    CHECK(maxAbs(Matrix(s.reconstruct(k) - layers)) < 1e-13);
    if (k < 7) layers += s.layer(k);
  }
  Vector curve = s.energyCurve();
  REQUIRE(curve.size() == 8);
  CHECK(curve(0) == 0.0);
  CHECK(curve(7) == 1.0);
  int k90 = s.smallestRankForEnergy(0.9);
  CHECK(curve(k90) >= 0.9);
  CHECK(curve(k90 - 1) < 0.9);
}

TEST_CASE("SVD: the zero matrix, determinism and bad input", "[svd][errors]") {
  SingularValueDecomposition s;
  CHECK_THROWS_AS(s.singularValues(), dw::StateError);
  CHECK_THROWS_WITH(s.reconstruct(1), Contains("call decompose(A) first"));
  CHECK_THROWS_AS(s.decompose(Matrix(0, 3)), dw::ShapeError);
  CHECK_THROWS_WITH(s.decompose(Matrix(0, 3)), Contains("empty"));
  CHECK_THROWS_AS(s.decompose(Matrix::Zero(257, 2)), dw::ShapeError);
  Matrix bad = Matrix::Ones(2, 3);
  bad(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(s.decompose(bad), dw::InvalidArgument);
  CHECK_THROWS_WITH(s.decompose(bad), Contains("A[1][2]=NaN"));
  CHECK_FALSE(s.hasMatrix());

  s.decompose(Matrix::Zero(3, 2));
  CHECK(s.rank() == 0);
  CHECK(s.summary(0).relativeError == 0.0);
  CHECK(s.summary(0).energyKept == 1.0);
  CHECK((s.energyCurve() - Vector::Ones(3)).cwiseAbs().maxCoeff() == 0.0);

  Matrix A(3, 2);
  A << 1, 2, 3, 4, 5, 6;
  s.decompose(A);
  CHECK_THROWS_AS(s.reconstruct(3), dw::InvalidArgument);
  CHECK_THROWS_WITH(s.reconstruct(-1), Contains("k=-1 must be from 0 to 2"));
  CHECK_THROWS_AS(s.layer(2), dw::InvalidArgument);
  CHECK_THROWS_AS(s.summary(3), dw::InvalidArgument);
  CHECK_THROWS_AS(s.smallestRankForEnergy(1.5), dw::InvalidArgument);
  // A failed decompose keeps the previous matrix.
  CHECK_THROWS(s.decompose(bad));
  CHECK(s.rows() == 3);
  SingularValueDecomposition again;
  again.decompose(A);
  CHECK((again.u() - s.u()).cwiseAbs().maxCoeff() == 0.0);
  CHECK((again.singularValues() - s.singularValues()).cwiseAbs().maxCoeff() == 0.0);
  CHECK((again.vt() - s.vt()).cwiseAbs().maxCoeff() == 0.0);
}
