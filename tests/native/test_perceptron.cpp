#include <catch2/catch.hpp>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/perceptron.hpp"
#include "fixture.hpp"
#include "linear_models_conformance.hpp"

using dw::Matrix;
using dw::Perceptron;
using dw::Vector;
using Catch::Matchers::Contains;

TEST_CASE("perceptron epochs match scikit-learn's Perceptron(shuffle=False)", "[linear_models][perceptron]") {
  auto f = fixture::load("linear_models_perceptron");
  Matrix X = f["X"].matrix();
  Vector y = f["y"].vector();
  Perceptron m;
  m.setData(X, y);
  CHECK(m.trace().at(0, "mistakes") == -1);
  for (std::size_t e = 0; e < f["epochs"].size(); ++e) {
    const auto& ref = f["epochs"][e];
    INFO("epoch " << ref["epochs"].num());
    if (m.status() == dw::Status::Ready) m.step();
    Vector p = m.params();
    Vector coef = ref["coef"].vector();
    // Same updates in the same order: identical up to rounding.
    CHECK(p(0) == Approx(coef(0)).margin(1e-12));
    CHECK(p(1) == Approx(coef(1)).margin(1e-12));
    CHECK(p(2) == Approx(ref["intercept"].num()).margin(1e-12));
    CHECK(m.score(X, y) == Approx(ref["accuracy"].num()));
  }
  // Separable data: an epoch with no mistakes ends learning.
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.lastEpochMistakes() == 0);
  CHECK(m.trainingErrors() == 0);
  CHECK(m.loss() == 0.0);
  const auto& t = m.trace();
  CHECK(t.at(t.rows() - 1, "mistakes") == 0);
  CHECK(t.at(1, "mistakes") > 0);
}

TEST_CASE("perceptron by hand on two points", "[linear_models][perceptron]") {
  // x = (1, 1) label 1, x = (−1, 0) label 0, η = 0.5. Epoch 1: point 1 has f = 0 (mistake):
  // w = 0.5·(1, 1), b = 0.5. Point 2: f = −0.5 + 0.5 = 0 (mistake, t = −1): w = (1, 0.5), b = 0.
  // Epoch 2: f₁ = 1.5 > 0, t₂f₂ = 1 > 0 — no mistakes.
  Matrix X(2, 2);
  X << 1, 1, -1, 0;
  Vector y(2);
  y << 1, 0;
  Perceptron m;
  m.setData(X, y);
  m.setLearningRate(0.5);
  m.step();
  CHECK(m.lastEpochMistakes() == 2);
  CHECK(m.params() == Vector((Vector(3) << 1.0, 0.5, 0.0).finished()));
  m.step();
  CHECK(m.lastEpochMistakes() == 0);
  CHECK(m.status() == dw::Status::Converged);
  CHECK(m.predictProba(X) == Matrix((Matrix(2, 2) << 0, 1, 1, 0).finished()));
}

TEST_CASE("perceptron shuffling is seeded and still converges", "[linear_models][perceptron]") {
  auto f = fixture::load("linear_models_perceptron");
  Matrix X = f["X"].matrix();
  Vector y = f["y"].vector();
  auto run = [&](std::uint32_t seed) {
    Perceptron m;
    m.setShuffle(true);
    m.setData(X, y);
    m.reset(seed);
    m.fit(1000);
    CHECK(m.status() == dw::Status::Converged);
    return m.params();
  };
  CHECK(run(3) == run(3));
  CHECK(run(3) != run(4));
  auto make = [] {
    Perceptron p;
    p.setShuffle(true);
    return p;
  };
  linear_models_checks::checkDeterminismAndConsistency(make, X, y, 1);
}

TEST_CASE("perceptron never converges on XOR and says so by its mistake counts", "[linear_models][perceptron]") {
  dw::Dataset d = dw::makeXor(40, 0.0, 2);
  Perceptron m;
  m.setData(d.X, d.y);
  CHECK(m.fit(200) == 200);
  CHECK(m.status() == dw::Status::Ready);
  for (std::size_t r = 1; r < m.trace().rows(); ++r) CHECK(m.trace().at(r, "mistakes") > 0);
}

TEST_CASE("perceptron rejects bad input", "[linear_models][errors]") {
  Perceptron m;
  Matrix X(2, 1);
  X << 0, 1;
  CHECK_THROWS_AS(m.step(), dw::StateError);
  CHECK_THROWS_WITH(m.setData(X, Vector::Zero(2)), Contains("holds 1 class(es)"));
  Vector bad(2);
  bad << -1, 1;
  CHECK_THROWS_WITH(m.setData(X, bad), Contains("y[0]=-1"));
  CHECK_THROWS_WITH(m.setLearningRate(-2), Contains("Perceptron.setLearningRate: learningRate=-2"));
  Vector y(2);
  y << 0, 1;
  m.setData(X, y);
  CHECK_THROWS_AS(m.decisionFunction(Matrix::Zero(1, 2)), dw::ShapeError);
  CHECK(m.fit(10) >= 1);
}
