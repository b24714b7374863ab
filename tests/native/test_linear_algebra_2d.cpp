// The 2×2 linear-algebra toolkit checked against values worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/linear_algebra_2d.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
Eigen::Matrix2d m2(double a, double b, double c, double d) {
  Eigen::Matrix2d m;
  m << a, b, c, d;
  return m;
}
using fixture::vec;
const double r2 = 1 / std::sqrt(2.0);
}  // namespace

TEST_CASE("matrix2Apply maps every point through A", "[linalg]") {
  Matrix P(3, 2);
  P << 1, 0, 0, 1, 2, -1;
  // Columns of A are the images of (1, 0) and (0, 1).
  Matrix Q = dw::matrix2Apply(m2(1, 2, 3, 4), P);
  CHECK(Q(0, 0) == 1);
  CHECK(Q(0, 1) == 3);
  CHECK(Q(1, 0) == 2);
  CHECK(Q(1, 1) == 4);
  CHECK(Q(2, 0) == 0);   // 1·2 + 2·(−1)
  CHECK(Q(2, 1) == 2);   // 3·2 + 4·(−1)
  CHECK(dw::matrix2Apply(m2(1, 0, 0, 1), Matrix(0, 2)).rows() == 0);
  CHECK_THROWS_AS(dw::matrix2Apply(m2(1, 0, 0, 1), Matrix::Zero(2, 3)), dw::ShapeError);
  Matrix bad = P;
  bad(1, 0) = NAN;
  CHECK_THROWS_AS(dw::matrix2Apply(m2(1, 0, 0, 1), bad), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::matrix2Apply(m2(1, INFINITY, 0, 1), P), Contains("matrix2Apply: matrix entry b (row 1, column 2)=Infinity"));
}

TEST_CASE("matrix2Determinant is the signed area of the image of the unit square", "[linalg]") {
  CHECK(dw::matrix2Determinant(m2(2, 1, 1, 2)) == 3);
  CHECK(dw::matrix2Determinant(m2(1, 1, 0, 1)) == 1);    // shear keeps area
  CHECK(dw::matrix2Determinant(m2(1, 0, 0, -1)) == -1);  // reflection flips orientation
  CHECK(dw::matrix2Determinant(m2(1, 2, 2, 4)) == 0);    // singular: columns on one line
  const double t = 0.7;
  CHECK(dw::matrix2Determinant(m2(std::cos(t), -std::sin(t), std::sin(t), std::cos(t))) == Approx(1));
  CHECK_THROWS_WITH(dw::matrix2Determinant(m2(1, 0, 2e6, 1)), Contains("c (row 2, column 1)=2e+06"));
}

TEST_CASE("matrix2Eigen: symmetric matrix with distinct eigenvalues", "[linalg]") {
  auto e = dw::matrix2Eigen(m2(2, 1, 1, 2));
  CHECK(e.kind == "distinct");
  REQUIRE(e.values.size() == 2);
  // det(A − λI) = (2 − λ)² − 1 = 0 → λ = 3, 1 with (1, 1)/√2 and (1, −1)/√2.
  CHECK(e.values(0) == Approx(3));
  CHECK(e.values(1) == Approx(1));
  REQUIRE(e.vectors.rows() == 2);
  CHECK(e.vectors(0, 0) == Approx(r2));
  CHECK(e.vectors(0, 1) == Approx(r2));
  CHECK(e.vectors(1, 0) == Approx(r2));
  CHECK(e.vectors(1, 1) == Approx(-r2));
  CHECK(e.trace == 4);
  CHECK(e.determinant == 3);
  CHECK(e.im == 0);
}

TEST_CASE("matrix2Eigen: non-symmetric, negative and diagonal cases", "[linalg]") {
  // [[4, 1], [2, 3]]: λ² − 7λ + 10 = 0 → 5 and 2; (A − 5I) = [[−1, 1], [2, −2]] → (1, 1)/√2;
  // (A − 2I) = [[2, 1], [2, 1]] → (1, −2)/√5.
  auto e = dw::matrix2Eigen(m2(4, 1, 2, 3));
  CHECK(e.kind == "distinct");
  CHECK(e.values(0) == Approx(5));
  CHECK(e.values(1) == Approx(2));
  CHECK(e.vectors(0, 0) == Approx(r2));
  CHECK(e.vectors(0, 1) == Approx(r2));
  CHECK(e.vectors(1, 0) == Approx(1 / std::sqrt(5.0)));
  CHECK(e.vectors(1, 1) == Approx(-2 / std::sqrt(5.0)));
  // Reflection in the x-axis: 1 along x, −1 along y.
  auto f = dw::matrix2Eigen(m2(1, 0, 0, -1));
  CHECK(f.values(0) == 1);
  CHECK(f.values(1) == -1);
  CHECK(f.vectors(0, 0) == 1);
  CHECK(f.vectors(0, 1) == 0);
  CHECK(f.vectors(1, 0) == 0);
  CHECK(f.vectors(1, 1) == 1);
  // Projection onto the x-axis: eigenvalues 1 and 0 (the squashed direction).
  auto p = dw::matrix2Eigen(m2(1, 0, 0, 0));
  CHECK(p.values(0) == 1);
  CHECK(p.values(1) == 0);
  CHECK(p.vectors(1, 1) == 1);
  // Singular [[1, 2], [2, 4]]: λ = 5 along (1, 2)/√5, λ = 0 along (2, −1)/√5.
  auto s = dw::matrix2Eigen(m2(1, 2, 2, 4));
  CHECK(s.values(0) == Approx(5));
  CHECK(s.values(1) == Approx(0).margin(1e-12));
  CHECK(s.vectors(0, 1) == Approx(2 / std::sqrt(5.0)));
  CHECK(s.vectors(1, 0) == Approx(2 / std::sqrt(5.0)));
  // Every returned pair satisfies A v = λ v.
  for (auto A : {m2(4, 1, 2, 3), m2(-3, 2, 0.5, 1), m2(0.1, -7, -2, 5)}) {
    auto g = dw::matrix2Eigen(A);
    REQUIRE(g.kind == "distinct");
    for (int k = 0; k < 2; ++k) {
      Eigen::Vector2d v = g.vectors.row(k).transpose();
      CHECK(v.norm() == Approx(1));
      CHECK((A * v - g.values(k) * v).norm() == Approx(0).margin(1e-12));
    }
  }
}

TEST_CASE("matrix2Eigen: rotations have a complex pair", "[linalg]") {
  const double t = M_PI / 6;
  auto e = dw::matrix2Eigen(m2(std::cos(t), -std::sin(t), std::sin(t), std::cos(t)));
  CHECK(e.kind == "complex");
  CHECK(e.values.size() == 0);
  CHECK(e.vectors.rows() == 0);
  // λ = cos t ± i sin t.
  CHECK(e.re == Approx(std::cos(t)));
  CHECK(e.im == Approx(std::sin(t)));
  auto q = dw::matrix2Eigen(m2(0, -1, 1, 0));
  CHECK(q.kind == "complex");
  CHECK(q.re == 0);
  CHECK(q.im == Approx(1));
}

TEST_CASE("matrix2Eigen: repeated eigenvalues, shears and the zero matrix", "[linalg]") {
  // Shear [[1, 1], [0, 1]]: λ = 1 twice, only the x-axis is an eigen-direction.
  auto s = dw::matrix2Eigen(m2(1, 1, 0, 1));
  CHECK(s.kind == "defective");
  CHECK(s.values(0) == 1);
  CHECK(s.values(1) == 1);
  REQUIRE(s.vectors.rows() == 1);
  CHECK(s.vectors(0, 0) == 1);
  CHECK(s.vectors(0, 1) == 0);
  // A vertical shear keeps the y-axis.
  auto v = dw::matrix2Eigen(m2(2, 0, 3, 2));
  CHECK(v.kind == "defective");
  CHECK(v.vectors(0, 0) == 0);
  CHECK(v.vectors(0, 1) == 1);
  // 2I: every direction is stretched by 2.
  auto u = dw::matrix2Eigen(m2(2, 0, 0, 2));
  CHECK(u.kind == "scalar");
  CHECK(u.values(0) == 2);
  CHECK(u.vectors.rows() == 2);
  auto z = dw::matrix2Eigen(m2(0, 0, 0, 0));
  CHECK(z.kind == "scalar");
  CHECK(z.values(0) == 0);
  CHECK(z.determinant == 0);
  // Nilpotent [[0, 1], [0, 0]]: λ = 0 twice, one direction.
  auto n = dw::matrix2Eigen(m2(0, 1, 0, 0));
  CHECK(n.kind == "defective");
  CHECK(n.values(0) == 0);
  // Nearly equal but distinct eigenvalues are still told apart.
  auto d = dw::matrix2Eigen(m2(1, 0, 0, 1 + 1e-6));
  CHECK(d.kind == "distinct");
  CHECK(d.values(0) == Approx(1 + 1e-6).epsilon(1e-14));
  CHECK_THROWS_AS(dw::matrix2Eigen(m2(NAN, 0, 0, 1)), dw::InvalidArgument);
}

TEST_CASE("vectorDot, vectorCosine and vectorAngle", "[linalg]") {
  CHECK(dw::vectorDot(vec({1, 2, 3}), vec({4, -5, 6})) == 12);  // 4 − 10 + 18
  CHECK(dw::vectorCosine(vec({3, 4}), vec({4, 3})) == Approx(24.0 / 25));
  CHECK(dw::vectorCosine(vec({1, 0}), vec({0, 2})) == 0);
  CHECK(dw::vectorCosine(vec({1, 1}), vec({-2, -2})) == Approx(-1));
  CHECK(dw::vectorAngle(vec({1, 0}), vec({0, 5})) == Approx(M_PI / 2));
  CHECK(dw::vectorAngle(vec({1, 0}), vec({1, 1})) == Approx(M_PI / 4));
  CHECK(dw::vectorAngle(vec({1, 0}), vec({-3, 0})) == Approx(M_PI));
  CHECK(dw::vectorAngle(vec({1, 1e-9}), vec({1, 0})) == Approx(1e-9).epsilon(1e-6));  // acos would give 0
  CHECK_THROWS_AS(dw::vectorDot(vec({1, 2}), vec({1, 2, 3})), dw::ShapeError);
  CHECK_THROWS_AS(dw::vectorDot(Vector(0), Vector(0)), dw::ShapeError);
  CHECK_THROWS_WITH(dw::vectorCosine(vec({0, 0}), vec({1, 0})), Contains("a is the zero vector"));
  CHECK_THROWS_WITH(dw::vectorAngle(vec({1, 0}), vec({0, 0})), Contains("b is the zero vector"));
  CHECK_THROWS_WITH(dw::vectorDot(vec({1, NAN}), vec({1, 0})), Contains("vectorDot"));
  CHECK_THROWS_AS(dw::vectorDot(vec({1, 2e9}), vec({1, 0})), dw::InvalidArgument);
}

TEST_CASE("vectorProjection gives the foot of the perpendicular", "[linalg]") {
  // a = (2, 3) onto b = (4, 0): a·b = 8, |b| = 4 → scalar 2, vector (2, 0).
  auto p = dw::vectorProjection(vec({2, 3}), vec({4, 0}));
  CHECK(p.dot == 8);
  CHECK(p.normB == 4);
  CHECK(p.normA == Approx(std::sqrt(13.0)));
  CHECK(p.scalar == 2);
  CHECK(p.vector(0) == 2);
  CHECK(p.vector(1) == 0);
  // a = (1, 2) onto b = (1, 1): a·b = 3 → scalar 3/√2, vector (1.5, 1.5); a − proj ⟂ b.
  auto q = dw::vectorProjection(vec({1, 2}), vec({1, 1}));
  CHECK(q.scalar == Approx(3 / std::sqrt(2.0)));
  CHECK(q.vector(0) == Approx(1.5));
  CHECK(q.vector(1) == Approx(1.5));
  Vector perp = vec({1, 2}) - q.vector;
  CHECK(perp.dot(vec({1, 1})) == Approx(0).margin(1e-15));
  // Opposite direction: a negative shadow.
  auto r = dw::vectorProjection(vec({-3, 1}), vec({2, 0}));
  CHECK(r.scalar == -3);
  CHECK(r.vector(0) == -3);
  // The zero vector a projects to zero; b = 0 is an error.
  auto z = dw::vectorProjection(vec({0, 0}), vec({1, 2}));
  CHECK(z.scalar == 0);
  CHECK_THROWS_AS(dw::vectorProjection(vec({1, 2}), vec({0, 0})), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::vectorProjection(vec({1, 2}), vec({0, 0})), Contains("vectorProjection: b is the zero vector"));
}
