#include <catch2/catch.hpp>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/pca.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::PCA;
using dw::Vector;
using Catch::Matchers::Contains;

TEST_CASE("PCA matches scikit-learn up to the sign of each component", "[pca][sklearn]") {
  auto f = fixture::load("unsupervised_pca");
  PCA m;
  m.setComponents(3);
  Matrix X = f["X"].matrix();
  m.setData(X, Vector());
  CHECK(m.fit(10) == 1);
  CHECK(m.status() == dw::Status::Converged);
  Matrix W = m.components(), expected = f["components"].matrix();
  REQUIRE(W.rows() == 3);
  Vector signs(3);
  for (int k = 0; k < 3; ++k) {
    signs(k) = W.row(k).dot(expected.row(k)) < 0 ? -1.0 : 1.0;
    CHECK((W.row(k) * signs(k) - expected.row(k)).cwiseAbs().maxCoeff() < 1e-9);
  }
  CHECK((m.explainedVariance() - f["explained_variance"].vector()).cwiseAbs().maxCoeff() < 1e-9);
  CHECK((m.explainedVarianceRatio() - f["explained_variance_ratio"].vector()).cwiseAbs().maxCoeff() < 1e-12);
  Matrix Z = m.transform(X.topRows(5)), Zexp = f["transform"].matrix();
  for (int k = 0; k < 3; ++k) CHECK((Z.col(k) * signs(k) - Zexp.col(k)).cwiseAbs().maxCoeff() < 1e-9);
  CHECK((m.reconstruct(X.topRows(5)) - f["reconstruct"].matrix()).cwiseAbs().maxCoeff() < 1e-9);
  // Loss = mean squared reconstruction error = (n−1)/n × the discarded eigenvalue.
  double discarded = f["all_explained_variance"].vector()(3);
  CHECK(m.loss() == Approx(discarded * (X.rows() - 1) / X.rows()).epsilon(1e-9));
  CHECK(m.score(X, Vector()) == Approx(m.explainedVarianceRatio().sum()).epsilon(1e-12));
}

TEST_CASE("varianceAlong: the share of variance along any direction", "[pca]") {
  auto f = fixture::load("unsupervised_pca");
  PCA m;
  Matrix X = f["X"].matrix();
  m.setData(X, Vector());
  Vector first = m.components().row(0).transpose();
  CHECK(m.varianceAlong(first) == Approx(m.explainedVarianceRatio()(0)).epsilon(1e-12));
  CHECK(m.varianceAlong(-7.5 * first) == Approx(m.explainedVarianceRatio()(0)).epsilon(1e-12));
  // Against the covariance directly: u = e_2 gives Σ_22 / trace Σ.
  Matrix cov = f["covariance"].matrix();
  Vector e(4);
  e << 0, 0, 1, 0;
  CHECK(m.varianceAlong(e) == Approx(cov(2, 2) / cov.trace()).epsilon(1e-12));
  // No direction beats the first component.
  Vector u(4);
  u << 0.3, -1, 2, 0.5;
  CHECK(m.varianceAlong(u) <= m.varianceAlong(first));
  CHECK_THROWS_WITH(m.varianceAlong(Vector::Zero(4)), Contains("zero vector"));
  CHECK_THROWS_AS(m.varianceAlong(Vector::Ones(3)), dw::ShapeError);
}

TEST_CASE("PCA in 2-D by hand", "[pca][golden]") {
  // Points on the line y = x: all variance along (1,1)/√2. Var of x = Var of y = 1, cov = 1.
  Matrix X(3, 2);
  X << -1, -1, 0, 0, 1, 1;
  PCA m;
  m.setData(X, Vector());
  const double r = 1 / std::sqrt(2.0);
  CHECK(m.components()(0, 0) == Approx(r));
  CHECK(m.components()(0, 1) == Approx(r));
  CHECK(m.explainedVariance()(0) == Approx(2.0));
  CHECK(m.explainedVariance()(1) == Approx(0.0).margin(1e-12));
  CHECK(m.explainedVarianceRatio()(0) == Approx(1.0));
  Vector horizontal(2);
  horizontal << 1, 0;
  CHECK(m.varianceAlong(horizontal) == Approx(0.5));
  m.setComponents(1);
  Matrix q(1, 2);
  q << 1, -1;  // perpendicular to the line: projects onto the mean
  CHECK(m.reconstruct(q).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(m.transform(q)(0, 0) == Approx(0.0).margin(1e-12));
}

TEST_CASE("PCA rejects bad input", "[pca][errors]") {
  PCA m;
  CHECK_THROWS_AS(m.components(), dw::StateError);
  CHECK_THROWS_AS(m.setComponents(0), dw::InvalidArgument);
  Matrix same(4, 2);
  same << 0.1, 3, 0.1, 3, 0.1, 3, 0.1, 3;
  CHECK_THROWS_WITH(m.setData(same, Vector()), Contains("every column is constant"));
  CHECK_THROWS_AS(m.setData(Matrix::Zero(1, 2), Vector()), dw::ShapeError);
  Matrix X(3, 2);
  X << 0, 1, 2, std::nan(""), 4, 5;
  CHECK_THROWS_AS(m.setData(X, Vector()), dw::InvalidArgument);
  X(1, 1) = 3;
  m.setData(X, Vector());
  CHECK_THROWS_WITH(m.setComponents(3), Contains("nComponents=3 exceeds the 2 features"));
  CHECK_THROWS_AS(m.transform(Matrix::Zero(2, 3)), dw::ShapeError);
  CHECK(m.componentCount() == 2);
}
