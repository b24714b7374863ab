// The training tricks inside the playground's MLP: batch normalisation's gradient against finite
// differences, schedules and clipping changing each step exactly as dw/training_tricks.hpp says,
// initialisation scales, running statistics, the float32 fast path and JSON with batch
// normalisation, and determinism by seed (tests/node/mlp_optimizers.test.mjs checks the WASM
// build gives the same numbers).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/mlp.hpp"
#include "gradient_check.hpp"
#include "dw/training_tricks.hpp"

using dw::Activation;
using dw::LossKind;
using dw::Matrix;
using dw::Mlp;
using dw::OptimizerKind;
using dw::OutputKind;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
// The loss after the determinism test's 200 steps, as the native build computed it (the WASM
// test expects the same number).
constexpr double kMlpTricksLoss = 0.63850884769241323;

// Central differences of batchModeLoss() (training mode, batch statistics over all points)
// against gradient(), parameter by parameter (γ and β included).
void checkBatchModeGradient(Mlp& m) {
  checkCentralDifferences(m, [](Mlp& net) { return net.batchModeLoss(); }, 1e-5, 1e-8);
}
}  // namespace

TEST_CASE("with batch normalisation the gradient matches finite differences", "[mlp][tricks][gradient]") {
  dw::Dataset blobs = dw::makeBlobs(12, 3, 0.8, 4);
  dw::Dataset moons = dw::makeMoons(12, 0.1, 4);
  dw::Dataset plane = dw::makeLinear(12, 1.5, -0.5, 0.2, 4, -1, 1);
  struct Case { OutputKind out; LossKind loss; const dw::Dataset* d; };
  const Case cases[] = {{OutputKind::Sigmoid, LossKind::CrossEntropy, &moons},
                        {OutputKind::Softmax, LossKind::CrossEntropy, &blobs},
                        {OutputKind::Sigmoid, LossKind::MeanSquaredError, &moons},
                        {OutputKind::Linear, LossKind::MeanSquaredError, &plane}};
  for (Activation a : {Activation::ReLU, Activation::Tanh, Activation::Sigmoid, Activation::GELU})
    for (const Case& c : cases) {
      INFO(dw::activationName(a) << " / " << dw::outputKindName(c.out) << " / " << dw::lossKindName(c.loss));
      Mlp m;
      m.setLayers({3, 4});
      m.setActivation(-1, a);
      m.setOutput(c.out);
      m.setLoss(c.loss);
      m.setBatchNorm(true);
      m.reset(3);
      m.setData(c.d->X, c.d->y);
      // Move γ and β away from 1 and 0 so their gradients are checked at a general point.
      Vector p = m.params();
      for (dw::Index k = 0; k < p.size(); ++k) p(k) += 0.1 * std::sin(1.7 * static_cast<double>(k));
      m.setParams(p);
      checkBatchModeGradient(m);
    }
  SECTION("an L2 penalty adds to the same gradient") {
    Mlp m;
    m.setLayers({4});
    m.setBatchNorm(true);
    m.setRegularization(dw::Regularization::L2, 0.3);
    m.setData(moons.X, moons.y);
    checkBatchModeGradient(m);
  }
}

TEST_CASE("the parameter layout with batch normalisation is W, b, gamma, beta per hidden layer", "[mlp][tricks]") {
  dw::Dataset moons = dw::makeMoons(20, 0.1, 2);
  Mlp m;
  m.setLayers({3, 2});
  m.setData(moons.X, moons.y);
  CHECK(m.params().size() == (2 * 3 + 3) + (3 * 2 + 2) + (2 * 1 + 1));
  m.setBatchNorm(true);
  CHECK(m.params().size() == (2 * 3 + 3 + 2 * 3) + (3 * 2 + 2 + 2 * 2) + (2 * 1 + 1));
  // γ starts at 1 and β at 0; the weights and biases read as before.
  CHECK(m.batchNormScales() == Vector::Ones(5));
  CHECK(m.batchNormShifts() == Vector::Zero(5));
  CHECK(m.weights().size() == 6 + 6 + 2);
  CHECK(m.params()(9) == 1.0);   // layer 0's first γ follows W (6) and b (3)
  CHECK(m.params()(12) == 0.0);  // and its first β follows the three γ
  CHECK(m.runningMeans().size() == 2);
  CHECK(m.runningVariances()[1] == Eigen::RowVectorXd::Ones(2));
  m.setBatchNorm(false);
  CHECK(m.batchNormScales().size() == 0);
  CHECK(m.runningMeans().empty());
}

TEST_CASE("a schedule sets each step's rate exactly as LearningRateSchedule::rate says", "[mlp][tricks][schedule]") {
  dw::Dataset moons = dw::makeMoons(16, 0.1, 5);
  for (const char* kind : {"step", "cosine", "exponential"}) {
    INFO(kind);
    Mlp m;
    m.setLayers({4});
    m.setOptimizer(OptimizerKind::SGD);
    dw::LearningRateSchedule s;
    s.kind = dw::scheduleKindFromName(kind, "test");
    s.base = 0.4;
    s.gamma = 0.5;
    s.period = 3;
    s.warmup = 2;
    m.setSchedule(s);
    m.setBatchSize(16);  // the full batch, so the step's gradient is gradient()
    m.setData(moons.X, moons.y);
    // Hand values for the step schedule: warm-up 0.2, 0.4, then 0.4 ×3, 0.2 ×3, 0.1.
    const double stepRates[] = {0.2, 0.4, 0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.1};
    for (int t = 0; t < 9; ++t) {
      REQUIRE(m.steps() == t);
      CHECK(m.currentRate() == s.rate(t));
      if (std::string(kind) == "step") CHECK(m.currentRate() == Approx(stepRates[t]).epsilon(1e-15));
      Vector before = m.params(), g = m.gradient();
      m.step();
      // Plain SGD: θ ← θ − η(t) g, to rounding.
      Vector expected = before - s.rate(t) * g;
      CHECK((m.params() - expected).cwiseAbs().maxCoeff() < 1e-14);
      CHECK(m.lastGradientNorm() == Approx(g.norm()).epsilon(1e-12));
      CHECK_FALSE(m.lastClipped());
    }
  }
  SECTION("the constant schedule is the plain learning rate, and setLearningRate sets η0") {
    Mlp m;
    m.setLearningRate(0.3);
    CHECK(m.schedule().base == 0.3);
    CHECK(m.currentRate() == 0.3);
    CHECK(m.optimizer().learningRate() == 0.3);
  }
  SECTION("a cosine schedule past its period with eta_min = 0 leaves the weights") {
    Mlp m;
    m.setLayers({2});
    dw::LearningRateSchedule s;
    s.kind = dw::ScheduleKind::Cosine;
    s.period = 2;
    m.setSchedule(s);
    m.setData(moons.X, moons.y);
    m.fit(2);
    Vector frozen = m.params();
    CHECK(m.currentRate() == 0.0);
    m.step();
    CHECK(m.params() == frozen);
  }
}

TEST_CASE("clipping scales a long gradient to the clip norm and leaves a short one", "[mlp][tricks][clip]") {
  dw::Dataset moons = dw::makeMoons(16, 0.1, 6);
  Mlp m;
  m.setLayers({4});
  m.setOptimizer(OptimizerKind::SGD);
  m.setLearningRate(0.5);
  m.setBatchSize(16);
  m.setData(moons.X, moons.y);
  Vector g = m.gradient();
  const double norm = g.norm();
  REQUIRE(norm > 0.05);
  m.setClipNorm(0.5 * norm);
  Vector before = m.params();
  m.step();
  CHECK(m.lastGradientNorm() == Approx(norm).epsilon(1e-12));
  CHECK(m.lastClipped());
  // The update is η · (c/‖g‖) g: half the unclipped step, same direction.
  CHECK((m.params() - (before - 0.5 * 0.5 * g)).cwiseAbs().maxCoeff() < 1e-14);
  // A clip norm above the gradient's norm changes nothing.
  m.setClipNorm(1e6);
  g = m.gradient();
  before = m.params();
  m.step();
  CHECK_FALSE(m.lastClipped());
  CHECK((m.params() - (before - 0.5 * g)).cwiseAbs().maxCoeff() < 1e-14);
  CHECK_THROWS_AS(m.setClipNorm(-1), dw::InvalidArgument);
  dw::LearningRateSchedule bad;
  bad.period = 0;
  CHECK_THROWS_WITH(m.setSchedule(bad), Contains("MLP.setSchedule") && Contains("period"));
}

TEST_CASE("initialisation choices scale the same draws by initVariance", "[mlp][tricks][init]") {
  dw::Dataset moons = dw::makeMoons(20, 0.1, 7);
  auto weightsWith = [&](const char* init) {
    Mlp m;
    m.setLayers({8, 4});
    m.setActivation(-1, Activation::Tanh);
    if (init) m.setInit(init);
    m.setData(moons.X, moons.y);
    return m.weights();
  };
  Vector automatic = weightsWith(nullptr), xavier = weightsWith("xavier"), he = weightsWith("he"),
         small = weightsWith("small"), large = weightsWith("large");
  CHECK(xavier == automatic);  // tanh layers: auto is Xavier
  // Layer 0 (2 → 8): Xavier σ² = 2/10, He σ² = 2/2 = 1, small 1e-4, large 1.
  for (int k = 0; k < 16; ++k) {
    CHECK(he(k) == Approx(xavier(k) * std::sqrt(1.0 / 0.2)).epsilon(1e-14));
    CHECK(small(k) == Approx(xavier(k) * std::sqrt(1e-4 / 0.2)).epsilon(1e-14));
    CHECK(large(k) == Approx(he(k)).epsilon(1e-14));
  }
  // Layer 1 (8 → 4): He σ² = 2/8; large σ² = 1, four times He's.
  for (int k = 16; k < 48; ++k) CHECK(large(k) == Approx(2.0 * he(k)).epsilon(1e-14));
  Mlp m;
  CHECK(m.init() == "auto");
  CHECK_THROWS_WITH(m.setInit("zeros"), Contains("MLP.setInit") && Contains("small, large, xavier, he"));
}

TEST_CASE("batch normalisation keeps running statistics for prediction", "[mlp][tricks][batchnorm]") {
  dw::Dataset moons = dw::makeMoons(30, 0.1, 8);
  Mlp m;
  m.setLayers({3});
  m.setBatchNorm(true);
  m.setBatchSize(30);
  m.setOptimizer(OptimizerKind::Adam);
  m.setData(moons.X, moons.y);
  // z = X·W + b of the starting weights, averaged over the batch (all 30 points).
  Vector p = m.params();
  Eigen::Map<const Matrix> W(p.data(), 2, 3);
  Eigen::RowVectorXd b = p.segment(6, 3).transpose();
  Matrix Z = (moons.X * W).rowwise() + b;
  Eigen::RowVectorXd mean = Z.colwise().mean();
  Eigen::RowVectorXd var = (Z.rowwise() - mean).array().square().colwise().mean();
  m.step();
  // r ← 0.9 r + 0.1 · batch value, from r = 0 (mean) and r = 1 (variance).
  for (int u = 0; u < 3; ++u) {
    CHECK(m.runningMeans()[0](u) == Approx(0.1 * mean(u)).epsilon(1e-12));
    CHECK(m.runningVariances()[0](u) == Approx(0.9 + 0.1 * var(u)).epsilon(1e-12));
  }
  m.fit(300);
  CHECK(m.score(moons.X, moons.y) > 0.85);
  SECTION("the float32 map folds batch normalisation in and agrees with predictGrid") {
    Mlp big;
    big.setLayers({16, 8});
    big.setActivation(-1, Activation::ReLU);
    big.setBatchNorm(true);
    big.setData(moons.X, moons.y);
    big.fit(60);
    Vector exact = big.predictGrid(-2, 3, -2, 2, 37, 23);
    Eigen::VectorXf fast = big.predictGridFloat32(-2, 3, -2, 2, 37, 23);
    REQUIRE(fast.size() == exact.size());
    CHECK((fast.cast<double>() - exact).cwiseAbs().maxCoeff() < 2e-5);
    Vector neurons = big.neuronGrid(-2, 3, -2, 2, 9, 7);
    Eigen::VectorXf neuronsFast = big.neuronGridFloat32(-2, 3, -2, 2, 9, 7);
    CHECK((neuronsFast.cast<double>() - neurons).cwiseAbs().maxCoeff() < 2e-5);
  }
}

TEST_CASE("JSON carries batch normalisation's parameters and running statistics", "[mlp][tricks][json]") {
  dw::Dataset moons = dw::makeMoons(40, 0.1, 9);
  Mlp m;
  m.setLayers({4, 3});
  m.setData(moons.X, moons.y);
  CHECK_THAT(m.exportJson(), Contains("\"version\":1") && !Contains("batchNorm"));
  m.setBatchNorm(true);
  m.fit(50);
  std::string json = m.exportJson();
  CHECK_THAT(json, Contains("\"version\":2") && Contains("\"gamma\":[[") && Contains("\"runningVariance\":[["));
  Mlp copy;
  copy.setData(moons.X, moons.y);
  copy.importJson(json);
  CHECK(copy.batchNorm());
  CHECK(copy.params() == m.params());
  CHECK(copy.runningMeans()[1] == m.runningMeans()[1]);
  CHECK(copy.runningVariances()[0] == m.runningVariances()[0]);
  CHECK(copy.predictProba(moons.X) == m.predictProba(moons.X));
  // A version-2 file without its statistics is refused, and the model is untouched.
  std::string broken = json.substr(0, json.find(",\"runningMean\"")) + "}";
  CHECK_THROWS_WITH(copy.importJson(broken), Contains("runningMean"));
  CHECK(copy.params() == m.params());
}

TEST_CASE("the tricks are deterministic by seed and give the WASM build's numbers", "[mlp][tricks][determinism]") {
  // tests/node/mlp_optimizers.test.mjs runs the same set-up through the WASM module and expects
  // the same loss.
  auto run = [] {
    dw::Dataset spiral = dw::makeSpiral(80, 0.05, 9);
    Mlp m;
    m.setLayers({8, 8});
    m.setActivation(-1, Activation::ReLU);
    m.setOptimizer(OptimizerKind::Momentum);
    m.setInit("he");
    m.setBatchNorm(true);
    dw::LearningRateSchedule s;
    s.kind = dw::ScheduleKind::Cosine;
    s.base = 0.1;
    s.period = 150;
    s.warmup = 10;
    m.setSchedule(s);
    m.setClipNorm(1.0);
    m.setBatchSize(16);
    m.reset(4);
    m.setData(spiral.X, spiral.y);
    m.fit(200);
    return m;
  };
  Mlp a = run(), b = run();
  CHECK(a.params() == b.params());
  CHECK(a.loss() == b.loss());
  CHECK(a.loss() == Approx(kMlpTricksLoss).epsilon(1e-12));
}
