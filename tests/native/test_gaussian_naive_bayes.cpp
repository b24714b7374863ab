#include <catch2/catch.hpp>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/gaussian_naive_bayes.hpp"
#include "fixture.hpp"

using dw::GaussianNaiveBayes;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

TEST_CASE("Gaussian naive Bayes matches scikit-learn's GaussianNB", "[gnb][sklearn]") {
  fixture::Json f = fixture::load("gnb_blobs3");
  GaussianNaiveBayes m;
  m.setData(f["X"].matrix(), f["y"].vector());
  CHECK_THROWS_WITH(m.predict(f["queries"].matrix()), Contains("not fitted yet"));
  CHECK(std::isnan(m.loss()));
  m.step();
  CHECK(m.status() == dw::Status::Converged);
  CHECK((m.priors() - f["priors"].vector()).cwiseAbs().maxCoeff() < 1e-14);
  CHECK((m.means() - f["means"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((m.variances() - f["variances"].matrix()).cwiseAbs().maxCoeff() < 1e-12);
  Matrix Q = f["queries"].matrix();
  CHECK((m.predictProba(Q) - f["proba"].matrix()).cwiseAbs().maxCoeff() < 1e-10);
  CHECK(m.predict(Q) == f["predict"].vector());
  CHECK(m.score(f["X"].matrix(), f["y"].vector()) == Approx(f["train_score"].num()));
  CHECK(m.fit(10) == 0);  // already converged
}

TEST_CASE("Gaussian naive Bayes by hand", "[gnb]") {
  // Class 0 at x = 0, 2 (mean 1, variance 1), class 1 at x = 4, 6, 8 (mean 6, variance 8/3).
  Matrix X(5, 1);
  X << 0, 2, 4, 6, 8;
  Vector y(5);
  y << 0, 0, 1, 1, 1;
  GaussianNaiveBayes m;
  m.setVarSmoothing(0);
  m.setData(X, y);
  m.step();
  CHECK(m.priors()(0) == Approx(0.4));
  CHECK(m.means()(1, 0) == Approx(6.0));
  CHECK(m.variances()(0, 0) == 1.0);  // exactly: no smoothing added
  CHECK(m.variances()(1, 0) == Approx(8.0 / 3.0));
  Matrix q(1, 1);
  q << 3.0;
  // Posterior odds p(1|x)/p(0|x) = (0.6 N(3; 6, 8/3)) / (0.4 N(3; 1, 1)).
  auto normal = [](double x, double mu, double var) {
    return std::exp(-(x - mu) * (x - mu) / (2 * var)) / std::sqrt(2 * M_PI * var);
  };
  double p1 = 0.6 * normal(3, 6, 8.0 / 3.0), p0 = 0.4 * normal(3, 1, 1);
  CHECK(m.predictProba(q)(0, 1) == Approx(p1 / (p0 + p1)).epsilon(1e-12));
  // The trace holds log loss, accuracy and the priors after the step.
  CHECK(m.trace().rows() == 2);
  CHECK(m.trace().at(1, "prior1") == Approx(0.6));
  CHECK(m.trace().at(1, "loss") == Approx(m.loss()));
  // Far-away queries keep finite probabilities thanks to log-sum-exp.
  q << 1e6;
  Matrix far = m.predictProba(q);
  CHECK(std::isfinite(far(0, 0)));
  CHECK(far(0, 1) == Approx(1.0));
}

TEST_CASE("Gaussian naive Bayes rejects bad input", "[gnb][errors]") {
  GaussianNaiveBayes m;
  Matrix X(3, 2);
  X << 1, 2, 3, 4, 5, 6;
  CHECK_THROWS_WITH(m.setData(X, Vector::Zero(3)), Contains("single class"));
  Vector y(3);
  y << 0, 2, 2;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("class 1 has no points"));
  y << 0, -1, 1;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("y[1]=-1 is not a class label"));
  y << 0, 1, 1;
  X(1, 1) = std::nan("");
  CHECK_THROWS_WITH(m.setData(X, y), Contains("X[1][1]=NaN"));
  X(1, 1) = 4;
  CHECK_THROWS_AS(m.setVarSmoothing(-1), dw::InvalidArgument);
  m.setData(X, y);
  m.step();
  CHECK_THROWS_AS(m.predict(Matrix(1, 3)), dw::ShapeError);
  // Constant features within a class still give finite answers (variance floor ε).
  Matrix same(4, 1);
  same << 1, 1, 1, 1;
  Vector y4(4);
  y4 << 0, 0, 1, 1;
  m.setData(same, y4);
  m.step();
  CHECK(m.predictProba(same).allFinite());
  CHECK(m.params().size() == 2 + 2 + 2);
  // Determinism: same data, any seed, identical parameters.
  GaussianNaiveBayes a, b;
  a.setData(X, y);
  b.setData(X, y);
  a.reset(3);
  b.reset(4);
  a.fit(5);
  b.fit(5);
  CHECK(a.params() == b.params());
}

TEST_CASE("Gaussian naive Bayes answers an empty query with empty results", "[gnb]") {
  // Found by the fuzzer: a query with no rows used to index columns of an empty matrix.
  dw::GaussianNaiveBayes m;
  dw::Matrix X(4, 1);
  X << 0, 1, 5, 6;
  dw::Vector y(4);
  y << 0, 0, 1, 1;
  m.setData(X, y);
  m.step();
  CHECK(m.predict(dw::Matrix(0, 1)).size() == 0);
  dw::Matrix p = m.predictProba(dw::Matrix(0, 1));
  CHECK(p.rows() == 0);
  CHECK(p.cols() == 2);
}
