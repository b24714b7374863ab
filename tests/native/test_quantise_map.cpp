// The quantised network as a model (engine/src/quantise_map.cpp): its probabilities agree with
// quantisedScore, the decision maps sit at the cell centres of gridAxes, 16 bits reproduce the
// float map and 2 bits change it, and a network without 2 inputs gets no map.
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/lora.hpp"
#include "dw/model.hpp"
#include "dw/quantise.hpp"

using namespace dw;
using Catch::Matchers::Contains;

namespace {
TransferNet trainedOnMoons(const Dataset& d) {
  TransferNet net(2, 16, 2);
  net.reset(3);
  net.setLearningRate(0.05);
  net.setBatchSize(20);
  net.setData(d.X, d.y);
  net.train(400);
  return net;
}
}  // namespace

TEST_CASE("quantised probabilities are a distribution whose most probable class gives quantisedScore", "[quantise][map]") {
  Dataset moons = makeMoons(120, 0.1, 5);
  TransferNet net = trainedOnMoons(moons);
  for (int bits : {8, 4, 2})
    for (int act : {0, 3}) {
      INFO("bits " << bits << ", activation bits " << act);
      QuantSpec spec{bits, QuantScheme::Symmetric, false, act};
      Matrix P = quantisedProbabilities(net, spec, moons.X, moons.X);
      REQUIRE(P.rows() == 120);
      REQUIRE(P.cols() == 2);
      CHECK((P.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
      int right = 0;
      for (Index n = 0; n < P.rows(); ++n) right += ((P(n, 1) > P(n, 0)) ? 1.0 : 0.0) == moons.y(n) ? 1 : 0;
      CHECK(quantisedScore(net, spec, moons.X, moons.X, moons.y) == Approx(right / 120.0).epsilon(1e-15));
    }
}

TEST_CASE("decision maps: float and quantised, at the cell centres", "[quantise][map]") {
  Dataset moons = makeMoons(120, 0.1, 5);
  TransferNet net = trainedOnMoons(moons);
  const int nx = 7, ny = 5;
  Vector f = transferProbabilityGrid(net, -1.5, 2.5, -1, 1.5, nx, ny);
  REQUIRE(f.size() == nx * ny * 2);
  // Cell (i, j) = (2, 3) is row 3·7 + 2 = 23; its centre is (−1.5 + 4·2.5/7, −1 + 2.5·3.5/5).
  Matrix centre(1, 2);
  centre << -1.5 + 4.0 * 2.5 / 7.0, -1.0 + 2.5 * 3.5 / 5.0;
  Matrix p = net.predictProba(centre);
  CHECK(f(2 * 23) == Approx(p(0, 0)).epsilon(1e-14));
  CHECK(f(2 * 23 + 1) == Approx(p(0, 1)).epsilon(1e-14));
  // 16 bits: each weight moves by at most half a step of max|w|/32767, so the map barely moves.
  QuantSpec fine{16, QuantScheme::Symmetric, false, 0};
  Vector q16 = quantisedProbabilityGrid(net, fine, moons.X, -1.5, 2.5, -1, 1.5, nx, ny);
  CHECK((q16 - f).cwiseAbs().maxCoeff() < 1e-3);
  // 2 bits, one scale per matrix: every weight becomes −S, 0 or +S and the map changes.
  QuantSpec coarse{2, QuantScheme::Symmetric, false, 0};
  Vector q2 = quantisedProbabilityGrid(net, coarse, moons.X, -1.5, 2.5, -1, 1.5, nx, ny);
  CHECK((q2 - f).cwiseAbs().maxCoeff() > 0.05);
  Matrix cells = gridPoints(-1.5, 2.5, -1, 1.5, nx, ny, "test");
  Matrix P2 = quantisedProbabilities(net, coarse, moons.X, cells);
  for (Index k = 0; k < cells.rows(); ++k) CHECK(q2(2 * k + 1) == P2(k, 1));
  TransferNet copy = quantisedCopy(net, coarse, "test");
  Matrix W = copy.hiddenWeights();
  const double S = net.effectiveHiddenWeights().cwiseAbs().maxCoeff();  // 2 bits: qmax = 1, S = max|w|
  for (Index i = 0; i < W.size(); ++i) {
    double w = W.data()[i];
    CHECK((w == 0.0 || std::fabs(std::fabs(w) - S) < 1e-15));
  }
}

TEST_CASE("decision maps refuse a network without 2 inputs and bad grids", "[quantise][map][errors]") {
  TransferNet net(3, 4, 2);
  net.reset(1);
  Matrix calibration = Matrix::Zero(2, 3);
  CHECK_THROWS_WITH(transferProbabilityGrid(net, 0, 1, 0, 1, 4, 4), Contains("2 inputs") && Contains("has 3"));
  CHECK_THROWS_AS(quantisedProbabilityGrid(net, QuantSpec{}, calibration, 0, 1, 0, 1, 4, 4), ShapeError);
  TransferNet flat(2, 4, 2);
  flat.reset(1);
  CHECK_THROWS_AS(transferProbabilityGrid(flat, 0, 1, 0, 1, 0, 4), InvalidArgument);
  CHECK_THROWS_AS(quantisedProbabilityGrid(flat, QuantSpec{1, QuantScheme::Symmetric, false, 0}, Matrix::Zero(1, 2), 0, 1, 0, 1, 4, 4),
                  InvalidArgument);
}
