#include <catch2/catch.hpp>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/linear_regression.hpp"

using dw::LinearRegression;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
// Seed 004's walkthrough: one point (x=1, y=4), a=3, b=4, η=0.1, squared error.
LinearRegression walkthroughModel() {
  LinearRegression m;
  Matrix X(1, 1);
  X << 1.0;
  Vector y(1);
  y << 4.0;
  m.setData(X, y);
  m.setLearningRate(0.1);
  Vector p(2);
  p << 3.0, 4.0;
  m.setParams(p);
  return m;
}
}  // namespace

TEST_CASE("seed 004 step table is reproduced to 4 decimals", "[linear][golden]") {
  // step, a, b, y_pred, error, grad a, grad b, loss — copied from the seed's table.
  const double table[6][8] = {
      {0, 3.0000, 4.0000, 7.0000, 3.0000, 6.0000, 6.0000, 9.0000},
      {1, 2.4000, 3.4000, 5.8000, 1.8000, 3.6000, 3.6000, 3.2400},
      {2, 2.0400, 3.0400, 5.0800, 1.0800, 2.1600, 2.1600, 1.1664},
      {3, 1.8240, 2.8240, 4.6480, 0.6480, 1.2960, 1.2960, 0.4199},
      {4, 1.6944, 2.6944, 4.3888, 0.3888, 0.7776, 0.7776, 0.1512},
      {5, 1.6166, 2.6166, 4.2332, 0.2332, 0.4664, 0.4664, 0.0544},
  };
  LinearRegression m = walkthroughModel();
  for (int s = 1; s <= 5; ++s) m.step();
  const auto& t = m.trace();
  REQUIRE(t.rows() == 6);
  Matrix one(1, 1);
  one << 1.0;
  // The seed prints 4 decimals but its last row was worked from an error truncated to 0.2332
  // (exact: 0.23328), so each printed value may sit up to one unit of the 4th decimal away,
  // and its gradients (2 × that truncated error) up to two.
  const double seedMargin = 1e-4 + 1e-12;
  for (int s = 0; s <= 5; ++s) {
    double a = t.at(s, "w0"), b = t.at(s, "b");
    // Exact values: the error shrinks by (1 − 4η) = 0.6 per step.
    CHECK(a + b - 4.0 == Approx(3.0 * std::pow(0.6, s)).margin(1e-12));
    double yPred = a * 1.0 + b;
    CHECK(a == Approx(table[s][1]).margin(seedMargin));
    CHECK(b == Approx(table[s][2]).margin(seedMargin));
    CHECK(yPred == Approx(table[s][3]).margin(seedMargin));
    CHECK(yPred - 4.0 == Approx(table[s][4]).margin(seedMargin));
    CHECK(t.at(s, "grad_w0") == Approx(table[s][5]).margin(2 * seedMargin));
    CHECK(t.at(s, "grad_b") == Approx(table[s][6]).margin(2 * seedMargin));
    CHECK(t.at(s, "loss") == Approx(table[s][7]).margin(seedMargin));
  }
  CHECK(m.predict(one)(0) == Approx(4.23328).margin(1e-12));
}

TEST_CASE("learning rate decides crawl, oscillation or divergence", "[linear]") {
  // With x=1 and both a and b learning, each step multiplies the error by (1 − 4η).
  LinearRegression m = walkthroughModel();
  m.setLearningRate(0.5);
  m.step();
  CHECK(m.trace().at(1, "loss") == Approx(9.0));  // error flips sign, same size
  m.setLearningRate(1.1);
  m.fit(2000);
  CHECK(m.status() == dw::Status::Diverged);
  CHECK_THROWS_AS(m.step(), dw::StateError);
  m.reset(0);
  CHECK(m.status() == dw::Status::Ready);
  // With b frozen only a learns and the factor is (1 − 2η): η = 1 oscillates exactly.
  LinearRegression frozen = walkthroughModel();
  frozen.setInterceptFrozen(true);
  frozen.setLearningRate(1.0);
  for (int i = 0; i < 4; ++i) CHECK(frozen.step() == Approx(9.0));
}

TEST_CASE("gradient descent converges to the closed-form solution", "[linear]") {
  dw::Dataset d = dw::makeLinear(200, 1.7, -0.4, 0.5, 11, -1.0, 1.0);
  LinearRegression m;
  m.setData(d.X, d.y);
  m.setLearningRate(0.5);
  m.setTolerance(1e-12);
  int taken = m.fit(100000);
  CHECK(m.status() == dw::Status::Converged);
  CHECK(taken < 100000);
  Vector exact = m.closedForm();
  CHECK(m.params()(0) == Approx(exact(0)).margin(1e-6));
  CHECK(m.params()(1) == Approx(exact(1)).margin(1e-6));
  CHECK(exact(0) == Approx(1.7).margin(0.15));
  CHECK(m.score(d.X, d.y) > 0.5);
}

TEST_CASE("gradient matches finite differences", "[linear][gradient]") {
  dw::Dataset d = dw::makeLinear(30, -2.0, 1.0, 0.3, 5);
  LinearRegression m;
  m.setData(d.X, d.y);
  Vector p(2);
  p << 0.3, -0.7;
  m.setParams(p);
  Vector g = m.gradient();
  const double h = 1e-6;
  for (int k = 0; k < 2; ++k) {
    Vector up = p, down = p;
    up(k) += h;
    down(k) -= h;
    m.setParams(up);
    double lu = m.loss();
    m.setParams(down);
    double ld = m.loss();
    CHECK(g(k) == Approx((lu - ld) / (2 * h)).epsilon(1e-6));
  }
}

TEST_CASE("linear regression rejects bad input with clear messages", "[linear][errors]") {
  LinearRegression m;
  Matrix X(3, 1);
  X << 1, 2, 3;
  Vector y(2);
  y << 1, 2;
  CHECK_THROWS_WITH(m.setData(X, y), Contains("X has 3 rows but y has 2 values"));
  CHECK_THROWS_AS(m.setData(Matrix(0, 1), Vector(0)), dw::ShapeError);
  Vector y3(3);
  y3 << 1, std::nan(""), 3;
  CHECK_THROWS_WITH(m.setData(X, y3), Contains("y[1]=NaN"));
  CHECK_THROWS_AS(m.step(), dw::StateError);
  CHECK_THROWS_AS(m.predict(X), dw::StateError);
  CHECK_THROWS_WITH(m.setLearningRate(-1), Contains("learningRate=-1"));
  CHECK_THROWS_AS(m.setLearningRate(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(1e9), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(std::nan("")), dw::InvalidArgument);
  y3 << 1, 2, 3;
  m.setData(X, y3);
  CHECK_THROWS_AS(m.predict(Matrix(2, 2)), dw::ShapeError);
  CHECK_THROWS_AS(m.fit(-5), dw::InvalidArgument);
  Vector wrong(5);
  wrong.setZero();
  CHECK_THROWS_AS(m.setParams(wrong), dw::ShapeError);
  // The model still works after every rejected call.
  CHECK(m.fit(10) == 10);
}
