#include <catch2/catch.hpp>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/optimizer_surface.hpp"
#include "dw/optimizers.hpp"

using dw::Optimizer;
using dw::OptimizerKind;
using dw::OptimizerSurface;
using dw::SurfaceKind;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
// Runs the optimiser on a 1-parameter θ = 1 with the given gradients; returns θ after each.
std::vector<double> run(Optimizer& opt, std::initializer_list<double> grads) {
  Vector theta(1);
  theta << 1.0;
  std::vector<double> out;
  for (double g : grads) {
    Vector gv(1);
    gv << g;
    opt.update(theta, gv);
    out.push_back(theta(0));
  }
  return out;
}
}  // namespace

TEST_CASE("each optimiser's update matches hand-computed steps", "[optimizers]") {
  // η = 0.1, gradients 2 then 1 (−1 for Adam), θ₀ = 1; the expected values are worked by hand
  // from the formulas cited in optimizers.cpp.
  Optimizer sgd(OptimizerKind::SGD);
  sgd.setLearningRate(0.1);
  auto s = run(sgd, {2, 1});
  CHECK(s[0] == Approx(0.8).epsilon(1e-15));
  CHECK(s[1] == Approx(0.7).epsilon(1e-15));

  Optimizer momentum(OptimizerKind::Momentum);
  momentum.setLearningRate(0.1);
  momentum.setMomentum(0.9);
  auto m = run(momentum, {2, 1});
  CHECK(m[0] == Approx(0.8).epsilon(1e-15));   // v = −0.2
  CHECK(m[1] == Approx(0.52).epsilon(1e-15));  // v = 0.9·(−0.2) − 0.1 = −0.28
  CHECK(momentum.first()(0) == Approx(-0.28));

  Optimizer nesterov(OptimizerKind::Nesterov);
  nesterov.setLearningRate(0.1);
  nesterov.setMomentum(0.9);
  auto n = run(nesterov, {2, 1});
  CHECK(n[0] == Approx(0.62).epsilon(1e-15));   // 1 + 0.9·(−0.2) − 0.2
  CHECK(n[1] == Approx(0.268).epsilon(1e-14));  // 0.62 + 0.9·(−0.28) − 0.1

  Optimizer adagrad(OptimizerKind::AdaGrad);
  adagrad.setLearningRate(0.1);
  auto a = run(adagrad, {2, 1});
  CHECK(a[0] == Approx(1 - 0.2 / (2 + 1e-8)).epsilon(1e-15));
  CHECK(a[1] == Approx(a[0] - 0.1 / (std::sqrt(5.0) + 1e-8)).epsilon(1e-15));  // G = 4 + 1
  CHECK(a[1] == Approx(0.855278641).epsilon(1e-9));  // 0.9 − 0.1/√5, ε aside

  Optimizer rms(OptimizerKind::RMSProp);
  rms.setLearningRate(0.1);
  rms.setDecay(0.9);
  auto r = run(rms, {2, 1});
  CHECK(r[0] == Approx(1 - 0.2 / (std::sqrt(0.4) + 1e-8)).epsilon(1e-15));  // s = 0.1·2² = 0.4
  CHECK(r[1] == Approx(r[0] - 0.1 / (std::sqrt(0.46) + 1e-8)).epsilon(1e-15));  // s = 0.9·0.4 + 0.1·1
  CHECK(r[1] == Approx(0.5363302778).epsilon(1e-7));

  Optimizer adam(OptimizerKind::Adam);
  adam.setLearningRate(0.1);
  auto d = run(adam, {2, -1});
  // Step 1: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4 → θ = 1 − 0.1·2/(2 + ε).
  CHECK(d[0] == Approx(0.9000000005).epsilon(1e-12));
  // Step 2 from the known state m = 0.2, v = 0.004: m = 0.08, v = 0.004996,
  // m̂ = 0.08/0.19, v̂ = 0.004996/0.001999 → θ = 0.8733662967024315.
  CHECK(adam.first()(0) == Approx(0.08).epsilon(1e-14));
  CHECK(adam.second()(0) == Approx(0.004996).epsilon(1e-14));
  CHECK(d[1] == Approx(0.8733662967024315).epsilon(1e-12));
  CHECK(adam.stepCount() == 2);
  adam.reset(1);
  CHECK(adam.stepCount() == 0);
  CHECK(adam.first()(0) == 0.0);
}

TEST_CASE("optimiser settings are validated at the door", "[optimizers][errors]") {
  Optimizer o;
  CHECK_THROWS_WITH(o.setLearningRate(0), Contains("learningRate=0"));
  CHECK_THROWS_AS(o.setLearningRate(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(o.setLearningRate(11), dw::InvalidArgument);
  CHECK_THROWS_AS(o.setLearningRate(std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_AS(o.setMomentum(1.0), dw::InvalidArgument);
  CHECK_THROWS_AS(o.setMomentum(-0.1), dw::InvalidArgument);
  CHECK_THROWS_AS(o.setBetas(0.9, 1.0), dw::InvalidArgument);
  CHECK_THROWS_AS(o.setDecay(1.0), dw::InvalidArgument);
  CHECK_THROWS_AS(o.setEpsilon(0), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::optimizerKindFromName("lbfgs", "X"), Contains("optimizer='lbfgs'"));
  CHECK(dw::optimizerKindFromName("Adam", "X") == OptimizerKind::Adam);
  Vector theta(2), g(3);
  theta.setZero();
  g.setZero();
  CHECK_THROWS_AS(o.update(theta, g), dw::ShapeError);
  CHECK(o.learningRate() == 0.03);  // unchanged by the rejected calls
}

TEST_CASE("surface gradients match finite differences and minima are stationary", "[optimizers][surface]") {
  OptimizerSurface s;
  for (auto k : {SurfaceKind::Bowl, SurfaceKind::Ravine, SurfaceKind::Rosenbrock, SurfaceKind::Saddle}) {
    s.setFunction(k);
    for (auto [x, y] : {std::pair{0.3, -0.7}, std::pair{-1.2, 1.1}, std::pair{2.0, 0.5}}) {
      Vector g = s.gradient(x, y);
      const double h = 1e-6;
      CHECK(g(0) == Approx((s.value(x + h, y) - s.value(x - h, y)) / (2 * h)).epsilon(1e-6).margin(1e-8));
      CHECK(g(1) == Approx((s.value(x, y + h) - s.value(x, y - h)) / (2 * h)).epsilon(1e-6).margin(1e-8));
    }
    dw::SurfaceInfo info = s.info();
    CHECK(s.gradient(info.minX, info.minY).norm() < 1e-9);
    CHECK(s.value(info.minX, info.minY) == Approx(info.minValue).margin(1e-12));
  }
  s.setFunction(SurfaceKind::Rosenbrock);
  CHECK(s.value(1, 1) == 0.0);
  CHECK(s.value(0, 0) == 1.0);
  Vector grid = s.grid(-1, 1, 0, 2, 3, 2);
  REQUIRE(grid.size() == 6);
  // Cell centres: x ∈ {−2/3, 0, 2/3}, y ∈ {0.5, 1.5}.
  CHECK(grid(0) == Approx(s.value(-2.0 / 3.0, 0.5)));
  CHECK(grid(1) == Approx(s.value(0, 0.5)));
  CHECK(grid(5) == Approx(s.value(2.0 / 3.0, 1.5)));
}

TEST_CASE("a surface path runs the shared optimiser step by step", "[optimizers][surface]") {
  OptimizerSurface s;
  s.setFunction(SurfaceKind::Ravine);
  CHECK_THROWS_AS(s.stepPath(), dw::StateError);
  s.startPath(-9, 2, OptimizerKind::SGD, 0.1);
  Vector p = s.stepPath();
  // ∇f = (x/10, 5y) = (−0.9, 10) → (−9 + 0.09, 2 − 1).
  CHECK(p(0) == Approx(-8.91));
  CHECK(p(1) == Approx(1.0));
  CHECK(s.pathPoints().size() == 4);
  CHECK(s.pathLosses()[1] == Approx(s.value(-8.91, 1.0)));
  // Momentum reaches the ravine floor faster than plain SGD from the same start.
  auto finalLoss = [&](OptimizerKind k) {
    s.startPath(-9, 2, k, 0.05);
    for (int i = 0; i < 100; ++i) s.stepPath();
    return s.pathLosses().back();
  };
  CHECK(finalLoss(OptimizerKind::Momentum) < finalLoss(OptimizerKind::SGD));
  // Adam walks Rosenbrock's banana valley to (1, 1).
  s.setFunction(SurfaceKind::Rosenbrock);
  s.startPath(-1.5, 2, OptimizerKind::Adam, 0.02);
  for (int i = 0; i < 5000; ++i) s.stepPath();
  CHECK(s.pathPoints()[s.pathPoints().size() - 2] == Approx(1.0).margin(0.05));
  // Too large a step on the ravine diverges; the path then refuses to go on.
  s.setFunction(SurfaceKind::Ravine);
  s.startPath(-9, 2, OptimizerKind::SGD, 1.0);
  for (int i = 0; i < 200 && !s.diverged(); ++i) s.stepPath();
  CHECK(s.diverged());
  CHECK_THROWS_WITH(s.stepPath(), Contains("diverged"));
  CHECK_THROWS_AS(s.startPath(0, 0, OptimizerKind::SGD, 0), dw::InvalidArgument);
}

TEST_CASE("gradient noise is seeded and escapes the saddle", "[optimizers][surface]") {
  OptimizerSurface s;
  s.setFunction(SurfaceKind::Saddle);
  // Exactly on the ridge y = 0, noiseless gradient descent never leaves it.
  s.startPath(1.5, 0, OptimizerKind::SGD, 0.1);
  for (int i = 0; i < 300; ++i) s.stepPath();
  CHECK(s.pathPoints().back() == 0.0);
  s.setNoise(0.3, 7);
  s.startPath(1.5, 0, OptimizerKind::SGD, 0.1);
  for (int i = 0; i < 300; ++i) s.stepPath();
  std::vector<double> first = s.pathPoints();
  CHECK(std::fabs(first.back()) == Approx(1.0).margin(0.2));
  s.startPath(1.5, 0, OptimizerKind::SGD, 0.1);
  for (int i = 0; i < 300; ++i) s.stepPath();
  CHECK(s.pathPoints() == first);  // same seed, same path
  CHECK_THROWS_AS(s.setNoise(-1, 0), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::surfaceKindFromName("himmelblau", "X"), dw::InvalidArgument);
}
