#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/logistic_regression.hpp"
#include "dw/softmax_regression.hpp"
#include "fixture.hpp"
#include "linear_models_conformance.hpp"

using dw::LogisticRegression;
using dw::Matrix;
using dw::SoftmaxRegression;
using dw::Vector;
using Catch::Matchers::Contains;

TEST_CASE("logistic regression matches scikit-learn's coefficients for C=1 and C=0.1", "[linear_models][logistic]") {
  for (const char* name : {"linear_models_logistic_c1", "linear_models_logistic_c01"}) {
    INFO(name);
    auto f = fixture::load(name);
    Matrix X = f["X"].matrix();
    Vector y = f["y"].vector();
    LogisticRegression m;
    m.setData(X, y);
    // sklearn minimises C·Σ logloss + ½‖w‖², i.e. n·C·(mean logloss + ‖w‖²/(2Cn)): λ = 1/(Cn).
    CHECK(f["lambda"].num() == Approx(1.0 / (f["C"].num() * X.rows())));
    m.setL2(f["lambda"].num());
    m.setLearningRate(2.0);
    m.setTolerance(1e-10);
    int taken = m.fit(200000);
    CHECK(m.status() == dw::Status::Converged);
    CHECK(taken < 200000);
    Vector p = m.params();
    Vector coef = f["coef"].vector();
    CHECK(p(0) == Approx(coef(0)).margin(1e-8));
    CHECK(p(1) == Approx(coef(1)).margin(1e-8));
    CHECK(p(2) == Approx(f["intercept"].num()).margin(1e-8));
    Matrix Q = f["queries"].matrix();
    Matrix expected = f["proba"].matrix();
    Matrix proba = m.predictProba(Q);
    Vector z = m.decisionFunction(Q);
    Vector zExpected = f["decision"].vector();
    for (dw::Index i = 0; i < Q.rows(); ++i) {
      CHECK(proba(i, 0) == Approx(expected(i, 0)).margin(1e-8));
      CHECK(proba(i, 1) == Approx(expected(i, 1)).margin(1e-8));
      CHECK(z(i) == Approx(zExpected(i)).margin(1e-8));
    }
    CHECK(m.predict(X) == f["train_predictions"].vector());
  }
}

TEST_CASE("logistic regression by hand: one step from zero on two points", "[linear_models][logistic]") {
  // x = (−1, +1), y = (0, 1). At w = b = 0, p = ½ for both: ∂L/∂w = mean((p − y)x) =
  // ((½)(−1) + (−½)(1))/2 = −½, ∂L/∂b = mean(p − y) = 0, loss = log 2.
  Matrix X(2, 1);
  X << -1, 1;
  Vector y(2);
  y << 0, 1;
  LogisticRegression m;
  m.setData(X, y);
  CHECK(m.loss() == Approx(std::log(2.0)));
  Vector g = m.gradient();
  CHECK(g(0) == Approx(-0.5));
  CHECK(g(1) == Approx(0.0).margin(1e-15));
  m.setLearningRate(1.0);
  m.step();
  CHECK(m.params()(0) == Approx(0.5));
  // With λ = 1 the penalty (λ/2)w² = 0.125 joins the loss and λw = 0.5 the gradient.
  m.setL2(1.0);
  CHECK(m.loss() == Approx(std::log1p(std::exp(-0.5)) + 0.125));
  CHECK(m.gradient()(0) == Approx(-1.0 / (1.0 + std::exp(0.5)) + 0.5));
}

TEST_CASE("logistic threshold moves predictions, not probabilities", "[linear_models][logistic]") {
  auto f = fixture::load("linear_models_logistic_c1");
  LogisticRegression m;
  m.setData(f["X"].matrix(), f["y"].vector());
  m.fit(500);
  Matrix X = f["X"].matrix();
  Vector p1 = m.predictProba(X).col(1);
  double positivesDefault = m.predict(X).sum();
  m.setThreshold(0.9);
  CHECK(m.predict(X).sum() < positivesDefault);
  CHECK(m.predict(X).sum() == (p1.array() >= 0.9).count());
  m.setThreshold(0.0);
  CHECK(m.predict(X).sum() == X.rows());
  CHECK(m.predictProba(X).col(1) == p1);
  CHECK((m.predictProba(X).rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-15);
}

TEST_CASE("logistic and softmax gradients match finite differences", "[linear_models][gradient]") {
  dw::Dataset blobs = dw::makeBlobs(45, 3, 1.0, 9);
  SoftmaxRegression s;
  s.setData(blobs.X, blobs.y);
  s.setL2(0.3);
  Vector at(9);
  at << 0.2, -0.4, 0.1, 0.7, 0.05, -0.3, 0.3, -0.2, 0.1;
  linear_models_checks::checkGradientByFiniteDifferences(s, at);

  dw::Dataset moons = dw::makeMoons(40, 0.2, 4);
  LogisticRegression l;
  l.setData(moons.X, moons.y);
  l.setL2(0.5);
  Vector p(3);
  p << 0.8, -1.3, 0.4;
  linear_models_checks::checkGradientByFiniteDifferences(l, p);
}

TEST_CASE("softmax regression matches scikit-learn's multinomial model", "[linear_models][softmax]") {
  auto f = fixture::load("linear_models_softmax");
  Matrix X = f["X"].matrix();
  SoftmaxRegression m;
  m.setData(X, f["y"].vector());
  CHECK(m.classCount() == 3);
  m.setL2(f["lambda"].num());
  m.setLearningRate(2.0);
  m.setTolerance(1e-10);
  m.fit(200000);
  CHECK(m.status() == dw::Status::Converged);
  // With λ > 0 both optima have class-centred W (Σ_c W[:,c] = 0); our b starts at 0 and its
  // gradient sums to 0 over classes, so b is centred too. sklearn's intercept is centred here.
  Vector p = m.params();
  Matrix coef = f["coef"].matrix();  // k × d
  Vector b = f["centred_intercept"].vector();
  for (int c = 0; c < 3; ++c) {
    for (int j = 0; j < 2; ++j) CHECK(p(j * 3 + c) == Approx(coef(c, j)).margin(1e-8));
    CHECK(p(6 + c) == Approx(b(c)).margin(1e-8));
  }
  Matrix Q = f["queries"].matrix();
  Matrix expected = f["proba"].matrix();
  Matrix proba = m.predictProba(Q);
  CHECK((proba - expected).cwiseAbs().maxCoeff() < 1e-8);
  CHECK(m.predict(X) == f["train_predictions"].vector());
}

TEST_CASE("two-class softmax equals logistic regression with half the L2", "[linear_models][softmax]") {
  // With w₀ = −w₁ = −w/2 at the optimum, (λ/2)(‖w₀‖² + ‖w₁‖²) = (λ/4)‖w‖².
  dw::Dataset d = dw::makeMoons(50, 0.25, 2);
  SoftmaxRegression s;
  LogisticRegression l;
  s.setData(d.X, d.y);
  l.setData(d.X, d.y);
  s.setL2(0.2);
  l.setL2(0.1);
  s.setTolerance(1e-11);
  l.setTolerance(1e-11);
  s.fit(100000);
  l.fit(100000);
  CHECK((s.predictProba(d.X) - l.predictProba(d.X)).cwiseAbs().maxCoeff() < 1e-8);
}

TEST_CASE("logistic and softmax are deterministic and consistent", "[linear_models][conformance]") {
  dw::Dataset moons = dw::makeMoons(60, 0.2, 1);
  linear_models_checks::checkDeterminismAndConsistency([] { return LogisticRegression(); }, moons.X, moons.y, 7);
  dw::Dataset blobs = dw::makeBlobs(60, 4, 0.8, 1);
  linear_models_checks::checkDeterminismAndConsistency([] { return SoftmaxRegression(); }, blobs.X, blobs.y, 7);
}

TEST_CASE("logistic and softmax reject bad input with typed errors", "[linear_models][errors]") {
  LogisticRegression m;
  Matrix X(3, 2);
  X << 0, 1, 1, 0, 2, 2;
  Vector y(3);
  y << 0, 1, 1;
  CHECK_THROWS_AS(m.step(), dw::StateError);
  CHECK_THROWS_AS(m.predictProba(X), dw::StateError);
  CHECK_THROWS_WITH(m.setData(X, Vector::Zero(2)), Contains("X has 3 rows but y has 2"));
  CHECK_THROWS_AS(m.setData(Matrix(0, 2), Vector(0)), dw::ShapeError);
  Vector single = Vector::Ones(3);
  CHECK_THROWS_WITH(m.setData(X, single), Contains("holds 1 class(es)"));
  CHECK_THROWS_AS(m.setData(X, single), dw::InvalidArgument);
  Vector three(3);
  three << 0, 1, 2;
  CHECK_THROWS_WITH(m.setData(X, three), Contains("y[2]=2 is not a class label"));
  Vector half(3);
  half << 0, 0.5, 1;
  CHECK_THROWS_WITH(m.setData(X, half), Contains("y[1]=0.5"));
  Matrix bad = X;
  bad(1, 1) = std::nan("");
  CHECK_THROWS_WITH(m.setData(bad, y), Contains("X[1][1]=NaN"));
  CHECK_THROWS_WITH(m.setL2(-1), Contains("LogisticRegression.setL2: lambda=-1"));
  CHECK_THROWS_AS(m.setThreshold(1.5), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setTolerance(std::numeric_limits<double>::infinity()), dw::InvalidArgument);
  m.setData(X, y);
  CHECK_THROWS_AS(m.predict(Matrix::Zero(2, 3)), dw::ShapeError);
  CHECK_THROWS_AS(m.setParams(Vector::Zero(2)), dw::ShapeError);
  CHECK(m.fit(5) == 5);  // still works after the rejected calls

  SoftmaxRegression s;
  Vector gap(3);
  gap << 0, 2, 2;
  CHECK_THROWS_WITH(s.setData(X, gap), Contains("class 1 has no points"));
  CHECK_THROWS_AS(s.setData(X, Vector::Zero(3)), dw::InvalidArgument);
  Vector neg(3);
  neg << 0, -1, 1;
  CHECK_THROWS_AS(s.setData(X, neg), dw::InvalidArgument);
  CHECK_THROWS_AS(s.setL2(std::nan("")), dw::InvalidArgument);
  s.setData(X, three);
  CHECK(s.classCount() == 3);
  CHECK_THROWS_AS(s.decisionFunction(Matrix::Zero(1, 1)), dw::ShapeError);
  CHECK_THROWS_AS(s.setParams(Vector::Zero(4)), dw::ShapeError);
  CHECK(s.fit(3) == 3);
  CHECK(s.predictGrid(-1, 1, -1, 1, 4, 3).size() == 4 * 3 * 3);
}
