// The training tricks (dw/training_tricks.hpp) and the deep net that switches them
// (dw/deep_net.hpp): schedules and clipping against hand-computed values, initialisation
// variances against their formulas, batch normalisation of four numbers by hand, and the whole
// net's gradient — batch normalisation on and off — against central differences.
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/detmath.hpp"
#include "dw/deep_net.hpp"
#include "dw/errors.hpp"
#include "dw/training_tricks.hpp"

using Catch::Matchers::Contains;
using dw::DeepNet;
using dw::LearningRateSchedule;
using dw::Matrix;
using dw::ScheduleKind;
using dw::Vector;

TEST_CASE("Schedules: hand-computed rates", "[tricks]") {
  LearningRateSchedule s;
  s.base = 0.5;
  s.gamma = 0.5;
  s.period = 10;
  CHECK(s.rate(0) == 0.5);
  CHECK(s.rate(1000) == 0.5);  // constant

  s.kind = ScheduleKind::Step;  // 0.5 · 0.5^⌊t/10⌋
  CHECK(s.rate(0) == 0.5);
  CHECK(s.rate(9) == 0.5);
  CHECK(s.rate(10) == 0.25);
  CHECK(s.rate(25) == 0.125);

  s.kind = ScheduleKind::Exponential;  // 0.5 · 0.5^(t/10): equal to step at multiples of 10
  CHECK(s.rate(10) == Approx(0.25).epsilon(1e-12));
  CHECK(s.rate(5) == Approx(0.5 / std::sqrt(2.0)).epsilon(1e-12));
  CHECK(s.rate(20) == Approx(0.125).epsilon(1e-12));

  s.kind = ScheduleKind::Cosine;  // ½·0.5·(1 + cos(π t/100)), then 0
  s.period = 100;
  CHECK(s.rate(0) == Approx(0.5));
  CHECK(s.rate(50) == Approx(0.25).epsilon(1e-12));
  CHECK(s.rate(25) == Approx(0.25 * (1 + std::cos(dw::detmath::kPi / 4))).epsilon(1e-12));  // 0.4268
  CHECK(s.rate(25) == Approx(0.426777).margin(1e-6));
  CHECK(s.rate(100) == Approx(0.0).margin(1e-15));
  CHECK(s.rate(500) == 0.0);
  s.minimum = 0.1;  // 0.1 + ½·0.4·(1 + cos(π/2)) = 0.3 at the half-way point
  CHECK(s.rate(50) == Approx(0.3).epsilon(1e-12));

  s.kind = ScheduleKind::Constant;  // a warm-up of 4 updates: 0.125, 0.25, 0.375, 0.5, then 0.5
  s.minimum = 0;
  s.warmup = 4;
  CHECK(s.rate(0) == 0.125);
  CHECK(s.rate(2) == 0.375);
  CHECK(s.rate(3) == 0.5);
  CHECK(s.rate(40) == 0.5);
  s.kind = ScheduleKind::Step;  // the decay's clock starts after the warm-up
  s.period = 10;
  CHECK(s.rate(4 + 9) == 0.5);
  CHECK(s.rate(4 + 10) == 0.25);
}

TEST_CASE("Schedules: names and bad settings", "[tricks]") {
  CHECK(dw::scheduleKindFromName("Cosine", "t") == ScheduleKind::Cosine);
  CHECK_THROWS_WITH(dw::scheduleKindFromName("linear", "t"), Contains("not one of constant, step, exponential, cosine"));
  LearningRateSchedule s;
  s.gamma = 1.5;
  CHECK_THROWS_AS(s.validate("t"), dw::InvalidArgument);
  s.gamma = 0.5;
  s.period = 0;
  CHECK_THROWS_WITH(s.validate("t"), Contains("period"));
  s.period = 10;
  s.minimum = 1.0;  // above the base rate 0.1
  CHECK_THROWS_WITH(s.validate("t"), Contains("minimum"));
}

TEST_CASE("Clipping by the global norm: a hand case and the clipped norm", "[tricks]") {
  Vector g(3);
  g << 3, 0, 4;  // ‖g‖ = 5
  Vector c = g;
  CHECK(dw::clipByGlobalNorm(c, 1.0) == 5.0);
  CHECK(c(0) == Approx(0.6));
  CHECK(c(2) == Approx(0.8));
  CHECK(c.norm() == Approx(1.0).epsilon(1e-15));
  Vector keep = g;
  CHECK(dw::clipByGlobalNorm(keep, 10.0) == 5.0);
  CHECK(keep == g);  // under the limit: untouched
  CHECK_THROWS_AS(dw::clipByGlobalNorm(keep, 0.0), dw::InvalidArgument);

  // In the net: with a limit far below the gradient's norm, the step moves θ by exactly η·limit
  // (plain SGD, no momentum).
  DeepNet net;
  net.setOptimizer("sgd");
  net.setInit("large");
  net.reset(3);
  net.setClipNorm(0.01);
  Vector before = net.params();
  net.step();
  CHECK(net.lastGradientNorm() > 0.01);
  CHECK((net.params() - before).norm() == Approx(net.schedule().base * 0.01).epsilon(1e-9));
}

TEST_CASE("Initialisation: sampled variances match the formulas", "[tricks]") {
  CHECK(dw::initVariance(dw::InitKind::Xavier, 16, 16) == Approx(2.0 / 32));
  CHECK(dw::initVariance(dw::InitKind::He, 16, 16) == Approx(2.0 / 16));
  CHECK(dw::initVariance(dw::InitKind::Small, 16, 16) == Approx(1e-4));
  CHECK(dw::initVariance(dw::InitKind::Large, 3, 7) == 1.0);
  for (auto kind : {dw::InitKind::Small, dw::InitKind::Large, dw::InitKind::Xavier, dw::InitKind::He}) {
    dw::Rng rng(42);
    Matrix W = dw::initWeights(kind, 200, 100, rng);  // 20 000 draws
    double var = W.array().square().mean();
    double expected = dw::initVariance(kind, 200, 100);
    // The sample variance of 20 000 normals is within 3·√(2/20 000) ≈ 3 % of the truth.
    CHECK(var == Approx(expected).epsilon(0.03));
    CHECK(std::abs(W.mean()) < 3 * std::sqrt(expected / 20000.0));
  }
  CHECK_THROWS_WITH(dw::initKindFromName("zeros", "t"), Contains("small, large, xavier, he"));
}

TEST_CASE("Initialisation: the activations' spread through depth", "[tricks]") {
  // Ten ReLU layers of 32 units on the spiral: small weights shrink the signal ~0.04× per layer,
  // large ones grow it, He keeps it of the same order from the first layer to the last.
  auto spread = [](const char* init) {
    DeepNet net;
    net.setShape(10, 32);
    net.setActivation("relu");
    net.setInit(init);
    net.reset(1);
    return net.layerStatistics().deviation;
  };
  auto small = spread("small"), he = spread("he"), large = spread("large");
  CHECK(small.back() < 1e-12);
  CHECK(large.back() > 1e4);  // s_w = 1, 32 inputs: ×√16 = 4 per layer
  CHECK(he.back() > 0.1 * he.front());
  CHECK(he.back() < 10 * he.front());
}

TEST_CASE("Batch normalisation of four numbers by hand", "[tricks]") {
  // z = 3, 5, 5, 11: μ = 6, s² = (9 + 1 + 1 + 25)/4 = 9, x̂ = −1, −⅓, −⅓, 5/3; γ = 2, β = 1.
  Matrix Z(4, 1);
  Z << 3, 5, 5, 11;
  Eigen::RowVectorXd gamma(1), beta(1), mean, var;
  gamma << 2;
  beta << 1;
  Matrix Y;
  dw::BatchNormCache cache;
  dw::batchNormTrain(Z, gamma, beta, Y, mean, var, &cache);
  CHECK(mean(0) == 6.0);
  CHECK(var(0) == 9.0);
  const double tol = 1e-5;  // ε = 10⁻⁵ beside s² = 9 moves x̂ by under 10⁻⁶
  CHECK(Y(0, 0) == Approx(-1.0).margin(tol));
  CHECK(Y(1, 0) == Approx(1.0 / 3).margin(tol));
  CHECK(Y(3, 0) == Approx(13.0 / 3).margin(tol));
  // Inference with running statistics μ = 4, s² = 4: y = 2·(z − 4)/2 + 1 = z − 3.
  Eigen::RowVectorXd rm(1), rv(1);
  rm << 4;
  rv << 4;
  dw::batchNormInfer(Z, gamma, beta, rm, rv, Y);
  CHECK(Y(3, 0) == Approx(8.0).margin(tol));
  // Backward against central differences of L = Σ c_i y_i.
  Matrix c(4, 1);
  c << 0.3, -1.2, 0.5, 2.0;
  Eigen::RowVectorXd dGamma, dBeta;
  Matrix dZ = dw::batchNormBackward(c, gamma, cache, dGamma, dBeta);
  CHECK(dBeta(0) == Approx(c.sum()));
  for (int i = 0; i < 4; ++i) {
    Matrix up = Z, down = Z, Yu, Yd;
    up(i, 0) += 1e-6;
    down(i, 0) -= 1e-6;
    dw::batchNormTrain(up, gamma, beta, Yu, mean, var, nullptr);
    dw::batchNormTrain(down, gamma, beta, Yd, mean, var, nullptr);
    double numeric = (c.cwiseProduct(Yu).sum() - c.cwiseProduct(Yd).sum()) / 2e-6;
    CHECK(dZ(i, 0) == Approx(numeric).margin(1e-7));
  }
  CHECK(dZ.sum() == Approx(0.0).margin(1e-12));  // shifting every z alike changes nothing
}

namespace {
void checkNetGradient(DeepNet& net) {
  Vector theta = net.params();
  Vector g = net.gradient();
  REQUIRE(g.size() == theta.size());
  const double h = 1e-5;
  double worst = 0;
  for (dw::Index k = 0; k < theta.size(); ++k) {
    Vector up = theta, down = theta;
    up(k) += h;
    down(k) -= h;
    net.setParams(up);
    double lu = net.batchLoss();
    net.setParams(down);
    double ld = net.batchLoss();
    double numeric = (lu - ld) / (2 * h);
    worst = std::max(worst, std::abs(numeric - g(k)) / std::max(1.0, std::abs(numeric)));
  }
  net.setParams(theta);
  CHECK(worst < 1e-6);
}
}  // namespace

TEST_CASE("DeepNet: the gradient matches central differences, batch normalisation off and on", "[tricks]") {
  for (bool bn : {false, true}) {
    for (const char* act : {"tanh", "sigmoid"}) {  // smooth activations, so differences are exact
      DYNAMIC_SECTION("batchnorm " << bn << ", " << act) {
        DeepNet net;
        net.setDataset("moons", 24, 0.1);
        net.setShape(3, 5);
        net.setActivation(act);
        net.setInit("xavier");
        net.setBatchNorm(bn);
        net.reset(5);
        net.fit(5);  // away from γ = 1, β = 0
        checkNetGradient(net);
      }
    }
  }
}

TEST_CASE("DeepNet: batch normalisation's two modes and running statistics", "[tricks]") {
  DeepNet net;
  net.setShape(2, 4);
  net.setBatchNorm(true);
  net.setBatchSize(200);  // one batch = the whole set, so the running mean chases the full-set mean
  net.setLearningRate(1e-9);  // parameters stay put
  net.reset(2);
  // At the start the running statistics are μ = 0, s² = 1: inference differs from training.
  CHECK(net.loss() != Approx(net.batchLoss()));
  net.fit(200);  // (1 − 0.1)^200 ≈ 7·10⁻¹⁰ of the start remains
  CHECK(net.loss() == Approx(net.batchLoss()).epsilon(1e-6));
  CHECK(net.parameterCount() == (2 * 4 + 4 + 8) + (4 * 4 + 4 + 8) + (4 * 2 + 2));
}

TEST_CASE("DeepNet: determinism, settings and bad input", "[tricks]") {
  DeepNet a, b;
  a.setBatchNorm(true);
  b.setBatchNorm(true);
  a.reset(9);
  b.reset(9);
  a.fit(30);
  b.fit(30);
  CHECK(a.params() == b.params());
  CHECK(a.trace().values() == b.trace().values());
  CHECK(a.trace().rows() == 31);

  CHECK_THROWS_WITH(a.setShape(0, 4), Contains("layers"));
  CHECK_THROWS_WITH(a.setShape(3, 64), Contains("width"));
  CHECK_THROWS_WITH(a.setDataset("iris", 100, 0.1), Contains("spiral, moons, circles, xor"));
  CHECK_THROWS_AS(a.setClipNorm(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setBatchSize(1), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setLearningRate(std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setParams(Vector::Zero(3)), dw::ShapeError);
  Matrix X(2, 2);
  X << 0, 0, 1, std::nan("");
  Vector y(2);
  y << 0, 1;
  CHECK_THROWS_AS(a.lossOn(X, y, true), dw::InvalidArgument);
  X(1, 1) = 1;
  y(1) = 5;
  CHECK_THROWS_WITH(a.lossOn(X, y, true), Contains("not a class"));

  // A learning rate far too large makes ReLU activations overflow: status "diverged", and a
  // further step says so in words instead of computing with NaN.
  DeepNet wild;
  wild.setInit("large");
  wild.setShape(8, 32);
  wild.setOptimizer("sgd");
  wild.setLearningRate(10);
  wild.reset(1);
  wild.fit(200);
  if (wild.status() == dw::Status::Diverged) CHECK_THROWS_AS(wild.step(), dw::StateError);
}
