#include <catch2/catch.hpp>
#include <cmath>

#include "dw/adaboost.hpp"
#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "fixture.hpp"

using dw::AdaBoost;
using dw::Index;
using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

TEST_CASE("AdaBoost SAMME matches scikit-learn's alphas, stumps and predictions", "[trees][adaboost][sklearn]") {
  auto fx = fixture::load("trees_adaboost");
  Matrix X = fx["X"].matrix(), Xt = fx["Xtest"].matrix();
  Vector y = fx["y"].vector();
  AdaBoost m;
  m.setData(X, y);
  m.setEstimatorCount(fx["nEstimators"].num());
  m.fit(1000);
  auto alphas = fx["alphas"].numbers(), errors = fx["errors"].numbers();
  REQUIRE(m.rounds() == int(alphas.size()));
  for (int r = 0; r < m.rounds(); ++r) {
    INFO("round " << r);
    CHECK(m.alphas()[r] == Approx(alphas[r]).epsilon(1e-9));
    CHECK(m.errors()[r] == Approx(errors[r]).epsilon(1e-9));
    const auto& s = m.stumps()[r];
    CHECK(s.feature == fx["stumps"][r][0].num());
    CHECK(s.threshold == fx["stumps"][r][1].num());
    CHECK(s.leftClass == fx["stumps"][r][2].num());
    CHECK(s.rightClass == fx["stumps"][r][3].num());
  }
  CHECK(m.predict(Xt) == fx["predictTest"].vector());
  CHECK(m.predict(X) == fx["predictTrain"].vector());
  CHECK((m.predictProba(Xt).col(1) - fx["probaTest"].vector()).cwiseAbs().maxCoeff() < 1e-9);
  CHECK(m.score(X, y) == Approx(fx["trainAccuracy"].num()));
}

TEST_CASE("AdaBoost weights, exp loss and the error bound", "[trees][adaboost]") {
  dw::Dataset d = dw::makeMoons(120, 0.2, 5);
  AdaBoost m;
  m.setData(d.X, d.y);
  m.setEstimatorCount(30);
  m.fit(100);
  REQUIRE(m.rounds() == 30);
  CHECK(m.weightHistory().size() == std::size_t(31 * 120));
  CHECK(m.weightHistory()[0] == Approx(1.0 / 120));
  CHECK(m.sampleWeights().sum() == Approx(1.0));
  for (int r = 0; r < 30; ++r) {
    // With rate 1 the exponential loss equals ∏ 2√(ε(1−ε)), which bounds the training error.
    CHECK(m.trace().at(r + 1, "loss") == Approx(m.bounds()[r]).epsilon(1e-9));
    CHECK(m.trainingErrors()[r] <= m.bounds()[r] + 1e-12);
    CHECK(m.errors()[r] < 0.5);
  }
  // After round 1, the misclassified points together hold exactly half the weight.
  std::vector<double> w1(m.weightHistory().begin() + 120, m.weightHistory().begin() + 240);
  const auto& s = m.stumps()[0];
  double wrongWeight = 0;
  for (int i = 0; i < 120; ++i) if (s.predict(d.X.row(i).data()) != d.y(i)) wrongWeight += w1[i];
  CHECK(wrongWeight == Approx(0.5));
  CHECK(std::abs(s.polarity()) <= 1);
}

TEST_CASE("AdaBoost stops on a perfect stump and on a chance-level one", "[trees][adaboost]") {
  Matrix X(4, 1);
  X << 0, 1, 2, 3;
  Vector y(4);
  y << 0, 0, 1, 1;
  AdaBoost m;
  m.setData(X, y);
  m.step();
  CHECK(m.status() == dw::Status::Converged);
  CHECK(std::string(m.stopReason()) == "perfect");
  CHECK(m.alphas()[0] == 1.0);
  CHECK(m.stumps()[0].polarity() == 1);
  CHECK(m.score(X, y) == 1.0);
  // Perfect XOR on four points: every stump misclassifies half the weight.
  Matrix Xx(4, 2);
  Xx << 0, 0, 0, 1, 1, 0, 1, 1;
  Vector yx(4);
  yx << 0, 1, 1, 0;
  AdaBoost x;
  x.setData(Xx, yx);
  x.step();
  CHECK(x.status() == dw::Status::Converged);
  CHECK(x.rounds() == 0);
  CHECK(std::string(x.stopReason()) == "no better than chance");
}

TEST_CASE("AdaBoost rejects bad input and is deterministic", "[trees][adaboost][errors][determinism]") {
  AdaBoost m;
  CHECK_THROWS_WITH(m.setLearningRate(0), Contains("AdaBoost.setLearningRate: learningRate=0"));
  CHECK_THROWS_AS(m.setEstimatorCount(0), dw::InvalidArgument);
  dw::Dataset b = dw::makeBlobs(60, 3, 1.0, 2);
  CHECK_THROWS_WITH(m.setData(b.X, b.y), Contains("not a class label"));
  CHECK_THROWS_WITH(m.setData(b.X, Vector::Ones(60)), Contains("single class"));
  dw::Dataset d = dw::makeCircles(100, 0.1, 0.5, 2);
  m.setData(d.X, d.y);
  CHECK_THROWS_AS(m.predict(Matrix::Zero(1, 3)), dw::ShapeError);
  m.fit(20);
  AdaBoost other;
  other.setData(d.X, d.y);
  other.fit(20);
  CHECK(m.params() == other.params());
  CHECK(m.score(d.X, d.y) > 0.8);
}
