#include <catch2/catch.hpp>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/feature_transform.hpp"
#include "dw/mlp.hpp"
#include "gradient_check.hpp"

using dw::Activation;
using dw::LossKind;
using dw::Matrix;
using dw::Mlp;
using dw::OptimizerKind;
using dw::OutputKind;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
// Every parameter's gradient against central differences of the training loss.
void checkGradient(Mlp& m) {
  checkCentralDifferences(m, [](Mlp& net) { return net.loss(); }, 1e-6, 1e-9);
}

double trainAccuracy(const dw::Dataset& d, OptimizerKind opt, double lr, int steps) {
  Mlp m;
  m.setLayers({8, 8});
  m.setActivation(-1, Activation::Tanh);
  m.setOptimizer(opt);
  m.setLearningRate(lr);
  m.setBatchSize(10);
  m.reset(1);
  m.setData(d.X, d.y);
  m.fit(steps);
  return m.score(d.X, d.y);
}
}  // namespace

TEST_CASE("back-propagation matches finite differences for every activation and loss", "[mlp][gradient]") {
  dw::Dataset blobs = dw::makeBlobs(12, 3, 0.8, 4);
  dw::Dataset moons = dw::makeMoons(12, 0.1, 4);
  dw::Dataset plane = dw::makeLinear(12, 1.5, -0.5, 0.2, 4, -1, 1);
  struct Case { OutputKind out; LossKind loss; const dw::Dataset* d; };
  const Case cases[] = {{OutputKind::Sigmoid, LossKind::CrossEntropy, &moons},
                        {OutputKind::Sigmoid, LossKind::MeanSquaredError, &moons},
                        {OutputKind::Softmax, LossKind::CrossEntropy, &blobs},
                        {OutputKind::Softmax, LossKind::MeanSquaredError, &blobs},
                        {OutputKind::Linear, LossKind::MeanSquaredError, &plane}};
  for (Activation a : {Activation::ReLU, Activation::LeakyReLU, Activation::Tanh, Activation::Sigmoid,
                       Activation::Linear, Activation::GELU})
    for (const Case& c : cases) {
      INFO(dw::activationName(a) << " / " << dw::outputKindName(c.out) << " / " << dw::lossKindName(c.loss));
      Mlp m;
      m.setLayers({3, 4});
      m.setActivation(-1, a);
      m.setOutput(c.out);
      m.setLoss(c.loss);
      m.reset(3);
      m.setData(c.d->X, c.d->y);
      checkGradient(m);
    }
}

TEST_CASE("regularisation penalties are in the loss and its gradient", "[mlp][gradient]") {
  dw::Dataset moons = dw::makeMoons(20, 0.1, 8);
  for (auto kind : {dw::Regularization::L1, dw::Regularization::L2}) {
    Mlp m;
    m.setLayers({5});
    m.reset(2);
    m.setData(moons.X, moons.y);
    double before = m.loss();
    m.setRegularization(kind, 0.03);
    Vector w = m.weights();
    double expected = kind == dw::Regularization::L2 ? 0.03 * 0.5 * w.squaredNorm() : 0.03 * w.lpNorm<1>();
    CHECK(m.penalty() == Approx(expected));
    CHECK(m.loss() == Approx(before + expected));
    checkGradient(m);
  }
}

TEST_CASE("a 2-8-8-1 tanh network learns moons, circles and XOR", "[mlp][acceptance]") {
  CHECK(trainAccuracy(dw::makeMoons(200, 0.1, 1), OptimizerKind::Adam, 0.03, 2000) >= 0.97);
  CHECK(trainAccuracy(dw::makeCircles(200, 0.05, 0.5, 1), OptimizerKind::Adam, 0.03, 2000) >= 0.97);
  CHECK(trainAccuracy(dw::makeXor(200, 0.05, 1), OptimizerKind::Adam, 0.03, 2000) >= 0.97);
  CHECK(trainAccuracy(dw::makeMoons(200, 0.1, 1), OptimizerKind::SGD, 0.3, 4000) >= 0.97);
}

TEST_CASE("softmax separates three blobs and a linear output fits a plane", "[mlp][acceptance]") {
  dw::Dataset blobs = dw::makeBlobs(150, 3, 0.6, 2);
  Mlp m;
  m.setLayers({8});
  m.setOptimizer(OptimizerKind::Adam);
  m.setLearningRate(0.03);
  m.setData(blobs.X, blobs.y);
  CHECK(m.output() == OutputKind::Softmax);
  CHECK(m.classCount() == 3);
  m.fit(1500);
  CHECK(m.score(blobs.X, blobs.y) >= 0.95);
  Matrix proba = m.predictProba(blobs.X);
  CHECK(proba.cols() == 3);
  CHECK(proba.row(0).sum() == Approx(1.0));

  // y = 2 x1 − x2 + 0.5 on [-1, 1]².
  dw::Dataset xor2 = dw::makeXor(100, 0.0, 3);
  Vector y = 2 * xor2.X.col(0) - xor2.X.col(1) + Vector::Constant(100, 0.5);
  Mlp r;
  r.setLayers({4});
  r.setOptimizer(OptimizerKind::Adam);
  r.setLearningRate(0.02);
  r.setData(xor2.X, y);
  CHECK(r.output() == OutputKind::Linear);
  CHECK(r.lossKind() == LossKind::MeanSquaredError);
  r.fit(2000);
  CHECK(r.score(xor2.X, y) > 0.99);
  CHECK_THROWS_AS(r.predictProba(xor2.X), dw::StateError);
}

TEST_CASE("features are computed inside the model from 2-D points", "[mlp][features]") {
  Matrix X(2, 2);
  X << 1.0, 2.0, -0.5, 3.0;
  Matrix F = dw::featureTransform(X, {"x1", "x2", "x1^2", "x2^2", "x1x2", "sin x1", "sin(x2)"});
  REQUIRE(F.cols() == 7);
  CHECK(F(0, 2) == 1.0);
  CHECK(F(1, 3) == 9.0);
  CHECK(F(1, 4) == -1.5);
  CHECK(F(0, 5) == Approx(std::sin(1.0)).epsilon(1e-14));
  CHECK(F(1, 6) == Approx(std::sin(3.0)).epsilon(1e-14));
  CHECK_THROWS_WITH(dw::featureTransform(X, {"x3"}), Contains("feature='x3'"));
  CHECK_THROWS_AS(dw::featureTransform(X, {"x1", "x1"}), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::featureTransform(Matrix(2, 3), {"x1"}), dw::ShapeError);

  // Circles become linearly separable in (x1², x2²): no hidden layer needed.
  dw::Dataset c = dw::makeCircles(200, 0.05, 0.5, 2);
  Mlp m;
  m.setLayers({});
  m.setFeatures(dw::featuresFromNames({"x1^2", "x2^2"}, "test"));
  m.setOptimizer(OptimizerKind::Adam);
  m.setLearningRate(0.1);
  m.setData(c.X, c.y);
  CHECK(m.layerSizes() == std::vector<int>{2, 1});
  m.fit(1000);
  CHECK(m.score(c.X, c.y) >= 0.97);
  CHECK(m.featureCount() == 2);
  CHECK(m.predictGrid(-1, 1, -1, 1, 5, 5).size() == 50);
}

TEST_CASE("neuronGrid gives every neuron's output over the plane", "[mlp][inspect]") {
  dw::Dataset d = dw::makeMoons(50, 0.1, 5);
  Mlp m;
  m.setLayers({3, 2});
  m.setData(d.X, d.y);
  m.fit(20);
  CHECK(m.layerSizes() == std::vector<int>{2, 3, 2, 1});
  Vector all = m.neuronGrid(-1, 2, -1, 1, 4, 3);
  REQUIRE(all.size() == 12 * (2 + 3 + 2 + 1));
  Vector grid = m.predictGrid(-1, 2, -1, 1, 4, 3);  // two probabilities per cell
  for (int c = 0; c < 12; ++c) CHECK(all(12 * 7 + c) == Approx(grid(2 * c + 1)).epsilon(1e-14));
  CHECK(all(1) == Approx(0.125));     // input x1 at cell (1, 0): the centre −1 + 3·1.5/4
  CHECK(all(12 + 4) == Approx(0.0));  // input x2 at row 1 of 3 over [−1, 1]: the centre 0
  // Hidden neuron 0 of layer 1 at the last cell (centre (1.625, 2/3)) equals tanh(x·W[:,0] + b0).
  double x = 1.625, y = 2.0 / 3.0, z = x * m.weight(0, 0, 0) + y * m.weight(0, 1, 0) + m.biases()(0);
  CHECK(all(24 + 11) == Approx(std::tanh(z)).epsilon(1e-12));
}

TEST_CASE("weights can be read, edited, exported and imported", "[mlp][json]") {
  dw::Dataset d = dw::makeMoons(60, 0.1, 6);
  Mlp a;
  a.setLayers({4, 3});
  a.setActivation(1, Activation::ReLU);
  a.setData(d.X, d.y);
  a.fit(30);
  CHECK(a.weights().size() == 2 * 4 + 4 * 3 + 3 * 1);
  CHECK(a.biases().size() == 4 + 3 + 1);
  a.setWeight(1, 2, 1, 0.75);
  CHECK(a.weight(1, 2, 1) == 0.75);
  CHECK(a.weights()(8 + 2 * 3 + 1) == 0.75);
  a.setBias(2, 0, -0.25);
  CHECK(a.biases()(7) == -0.25);
  CHECK(a.steps() == 0);  // editing restarts the trace
  std::string json = a.exportJson();
  Mlp b;
  b.importJson(json);
  CHECK(b.layerSizes() == a.layerSizes());
  CHECK(b.activations()[1] == Activation::ReLU);
  b.setData(d.X, d.y);  // same shape: the imported weights stay
  CHECK(b.params() == a.params());
  CHECK(b.predictProba(d.X) == a.predictProba(d.X));
  CHECK(b.exportJson() == json);

  CHECK_THROWS_WITH(b.importJson("{\"format\":"), Contains("malformed JSON"));
  CHECK_THROWS_AS(b.importJson("[1,2]"), dw::InvalidArgument);
  CHECK_THROWS_AS(b.importJson("{\"format\":\"other\"}"), dw::InvalidArgument);
  std::string wrongShape = json;
  wrongShape.replace(wrongShape.find("\"hidden\":[4,3]"), 14, "\"hidden\":[4,2]");
  CHECK_THROWS_AS(b.importJson(wrongShape), dw::ShapeError);
  std::string wrongInputs = json;
  wrongInputs.replace(wrongInputs.find("\"inputs\":2"), 10, "\"inputs\":3");
  CHECK_THROWS_AS(b.importJson(wrongInputs), dw::ShapeError);
  CHECK(b.params() == a.params());  // rejected imports change nothing
  CHECK_THROWS_AS(a.setWeight(3, 0, 0, 1), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setWeight(0, 2, 0, 1), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setWeight(0, 0, 0, std::nan("")), dw::InvalidArgument);
  Mlp empty;
  CHECK_THROWS_AS(empty.setWeight(0, 0, 0, 1), dw::StateError);
  CHECK_THROWS_AS(empty.exportJson(), dw::StateError);
}

TEST_CASE("mlp rejects bad settings and data with clear messages", "[mlp][errors]") {
  Mlp m;
  CHECK_THROWS_WITH(m.setLayers({4, 0}), Contains("units=0"));
  CHECK_THROWS_WITH(m.setLayers({17}), Contains("units=17"));
  CHECK_THROWS_WITH(m.setLayers({1, 1, 1, 1, 1, 1, 1}), Contains("7 hidden layers"));
  CHECK_THROWS_AS(m.setActivation(5, Activation::ReLU), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(-0.1), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(1e4), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setBatchSize(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setDropout(1.0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setDropout(std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setRegularization(dw::Regularization::L2, -1), dw::InvalidArgument);
  CHECK_THROWS_AS(m.step(), dw::StateError);
  CHECK_THROWS_AS(m.gradient(), dw::StateError);
  dw::Dataset d = dw::makeMoons(20, 0.1, 1);
  Matrix bad = d.X;
  bad(3, 1) = std::nan("");
  CHECK_THROWS_WITH(m.setData(bad, d.y), Contains("NaN"));
  Vector labels = d.y;
  labels(0) = 0.5;
  m.setOutput(OutputKind::Sigmoid);
  CHECK_THROWS_WITH(m.setData(d.X, labels), Contains("sigmoid output needs labels 0 or 1"));
  m.setOutput(OutputKind::Auto);
  m.setLoss(LossKind::CrossEntropy);
  CHECK_THROWS_WITH(m.setData(d.X, labels), Contains("cross-entropy needs a sigmoid or softmax"));
  m.setLoss(LossKind::Auto);
  m.setData(d.X, d.y);
  CHECK_THROWS_WITH(m.setBatchSize(21), Contains("batchSize=21"));
  CHECK_THROWS_AS(m.predict(Matrix(2, 3)), dw::ShapeError);
  m.setOutput(OutputKind::Softmax);  // two classes may use a 2-unit softmax too
  CHECK(m.layerSizes().back() == 2);
  m.setOutput(OutputKind::Auto);
  CHECK(m.layerSizes().back() == 1);
  Vector values = d.y;
  values(0) = 3.5;
  m.setOutput(OutputKind::Sigmoid);
  CHECK_THROWS_WITH(m.setData(d.X, values), Contains("found y=3.5"));
  CHECK(m.layerSizes().back() == 1);
  CHECK(m.fit(5) == 5);  // still works after the rejected calls
}

TEST_CASE("training is deterministic for a seed, epochs count passes, divergence resets", "[mlp][determinism]") {
  dw::Dataset d = dw::makeMoons(20, 0.1, 1);
  auto trained = [&](std::uint32_t seed) {
    Mlp m;
    m.setLayers({6, 6});
    m.setDropout(0.2);
    m.setBatchSize(10);
    m.reset(seed);
    m.setData(d.X, d.y);
    m.fit(7);
    CHECK(m.epoch() == 3);  // 20 points, batches of 10: two steps per epoch
    return m.params();
  };
  CHECK(trained(5) == trained(5));
  CHECK(trained(5) != trained(6));

  Mlp m;
  dw::Dataset line = dw::makeLinear(30, 50, 10, 1, 2);
  m.setLayers({8});
  m.setActivation(-1, Activation::ReLU);
  m.setLearningRate(10);
  m.setData(line.X, line.y);
  m.fit(1000);
  CHECK(m.status() == dw::Status::Diverged);
  CHECK_THROWS_WITH(m.step(), Contains("diverged"));
  m.setLearningRate(0.001);
  m.reset(0);
  CHECK(m.status() == dw::Status::Ready);
  CHECK(std::isfinite(m.step()));
  CHECK(m.trace().columns() == std::vector<std::string>{"loss", "data_loss", "score", "epoch"});
}

TEST_CASE("the float32 heat-map path agrees with predictGrid", "[mlp][inspect]") {
  dw::Dataset moons = dw::makeMoons(60, 0.1, 3);
  dw::Dataset blobs = dw::makeBlobs(60, 3, 0.6, 3);
  for (Activation a : {Activation::ReLU, Activation::LeakyReLU, Activation::Tanh, Activation::Sigmoid,
                       Activation::Linear, Activation::GELU})
    for (const dw::Dataset* d : {&moons, &blobs}) {
      Mlp m;
      m.setLayers({16, 16});
      m.setActivation(-1, a);
      m.setData(d->X, d->y);
      m.fit(30);
      Vector exact = m.predictGrid(-2, 3, -2, 2, 37, 23);
      Eigen::VectorXf fast = m.predictGridFloat32(-2, 3, -2, 2, 37, 23);
      REQUIRE(fast.size() == exact.size());
      CHECK((fast.cast<double>() - exact).cwiseAbs().maxCoeff() < 2e-5);
    }
}

TEST_CASE("with tracing off a step learns the same but skips the full-data loss and the trace", "[mlp][tracing]") {
  dw::Dataset moons = dw::makeMoons(80, 0.1, 4);
  Mlp traced, lean;
  for (Mlp* m : {&traced, &lean}) {
    m->setLayers({8});
    m->setBatchSize(10);
    m->setData(moons.X, moons.y);
  }
  lean.setTracing(false);
  CHECK_FALSE(lean.tracing());
  for (int i = 0; i < 25; ++i) {
    double full = traced.step();
    double batch = lean.step();
    CHECK(full == Approx(traced.loss()));
    CHECK(batch != Approx(full));  // a 10-point batch's loss, not the 80-point one
    CHECK(std::isfinite(batch));
  }
  CHECK(lean.params() == traced.params());
  CHECK(lean.steps() == 25);
  CHECK(lean.trace().rows() == 1);  // only the starting row
  CHECK(traced.trace().rows() == 26);
  CHECK(lean.loss() == Approx(traced.loss()).epsilon(1e-12));

  // Divergence is still caught from the batch loss.
  lean.setLearningRate(10);
  lean.setOptimizer(OptimizerKind::SGD);
  lean.setActivation(-1, Activation::Linear);
  for (int i = 0; i < 2000 && lean.status() != dw::Status::Diverged; ++i) lean.step();
  CHECK(lean.status() == dw::Status::Diverged);
  CHECK_THROWS_AS(lean.step(), dw::StateError);
}

TEST_CASE("the float32 neuron maps agree with neuronGrid, features and all", "[mlp][inspect]") {
  dw::Dataset spiral = dw::makeSpiral(120, 0.1, 5);
  dw::Dataset blobs = dw::makeBlobs(90, 3, 0.6, 5);
  for (const dw::Dataset* d : {&spiral, &blobs}) {
    Mlp m;
    m.setLayers({8, 5, 3});
    m.setActivation(-1, Activation::Tanh);
    m.setFeatures({dw::Feature::X1, dw::Feature::X2, dw::Feature::X1Squared, dw::Feature::X2Squared,
                   dw::Feature::X1TimesX2, dw::Feature::SinX1, dw::Feature::SinX2});
    m.setData(d->X, d->y);
    m.fit(40);
    // 600+ cells: more than one block, and a short last block.
    Vector exact = m.neuronGrid(-3, 4, -2, 2.5, 29, 23);
    Eigen::VectorXf fast = m.neuronGridFloat32(-3, 4, -2, 2.5, 29, 23);
    REQUIRE(fast.size() == exact.size());
    CHECK((fast.cast<double>() - exact).cwiseAbs().maxCoeff() < 2e-5);
    Vector grid = m.predictGrid(-3, 4, -2, 2.5, 29, 23);
    Eigen::VectorXf gridFast = m.predictGridFloat32(-3, 4, -2, 2.5, 29, 23);
    CHECK((gridFast.cast<double>() - grid).cwiseAbs().maxCoeff() < 2e-5);
  }
  Mlp m;
  CHECK_THROWS_AS(m.neuronGridFloat32(0, 1, 0, 1, 4, 4), dw::StateError);
}
