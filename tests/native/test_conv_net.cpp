// The convolutional network: every layer's back-propagation against central finite differences,
// hand-computed convolution and pooling values, the whole network's gradient, determinism,
// training on a pattern task, and typed errors for bad input.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <vector>

#include "dw/conv_net.hpp"
#include "dw/errors.hpp"
#include "dw/rng.hpp"

using dw::Conv2D;
using dw::ConvNet;
using dw::Dense;
using dw::MaxPool2D;
using dw::Matrix;
using dw::Vector;
using dw::VolumeShape;
using Catch::Matchers::Contains;

namespace {

std::vector<double> randomValues(int n, std::uint64_t seed, double sd = 1.0) {
  dw::Rng rng(seed);
  std::vector<double> v(static_cast<std::size_t>(n));
  for (double& x : v) x = sd * rng.normal();
  return v;
}

// Compares an analytic gradient with central differences (f(x + h e_k) − f(x − h e_k)) / 2h of
// the scalar f, for every entry k of x.
void checkAgainstDifferences(std::vector<double>& x, const std::vector<double>& analytic,
                             const std::function<double()>& f, const char* what) {
  REQUIRE(analytic.size() == x.size());
  const double h = 1e-6;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double keep = x[k];
    x[k] = keep + h;
    const double up = f();
    x[k] = keep - h;
    const double down = f();
    x[k] = keep;
    INFO(what << " entry " << k);
    CHECK(analytic[k] == Approx((up - down) / (2 * h)).epsilon(1e-6).margin(1e-8));
  }
}

// L = Σ_o r_o · out_o with fixed random r, so dL/d(out) = r: a scalar whose gradient exercises
// every output of a layer.
double weightedSum(const std::vector<double>& out, const std::vector<double>& r) {
  double s = 0;
  for (std::size_t i = 0; i < out.size(); ++i) s += r[i] * out[i];
  return s;
}

}  // namespace

TEST_CASE("convolution output size follows ⌊(n + 2p − k)/s⌋ + 1", "[conv_net]") {
  CHECK(dw::convOutputSize(8, 3, 1, 1) == 8);
  CHECK(dw::convOutputSize(8, 3, 1, 0) == 6);
  CHECK(dw::convOutputSize(8, 3, 2, 1) == 4);
  CHECK(dw::convOutputSize(7, 3, 2, 0) == 3);
  CHECK(dw::convOutputSize(28, 5, 1, 2) == 28);
  CHECK(dw::convOutputSize(5, 2, 2, 0) == 2);  // the last column is dropped
  CHECK_THROWS_AS(dw::convOutputSize(2, 5, 1, 1), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::convOutputSize(2, 5, 1, 1), Contains("does not fit"));
  CHECK_THROWS_AS(dw::convOutputSize(8, 3, 0, 1), dw::InvalidArgument);
}

TEST_CASE("a tiny convolution matches values computed by hand", "[conv_net]") {
  // Image      Kernel      bias 0.5
  //  1 2 0      1  0
  //  0 1 3     -1  2
  //  2 1 1
  const std::vector<double> image{1, 2, 0, 0, 1, 3, 2, 1, 1};
  const std::vector<double> params{1, 0, -1, 2, 0.5};
  SECTION("stride 1, no padding: 2×2 outputs") {
    Conv2D conv({1, 3, 3}, 1, 2, 1, 0);
    REQUIRE(conv.output().height == 2);
    std::vector<double> out(4);
    conv.forward(image.data(), params.data(), out.data());
    // top-left: 1·1 + 0·2 + (−1)·0 + 2·1 + 0.5 = 3.5; top-right: 2 − 1 + 6 + 0.5 = 7.5; …
    CHECK(out == std::vector<double>{3.5, 7.5, 0.5, 2.5});
  }
  SECTION("stride 2, padding 1: the window starts outside the image") {
    Conv2D conv({1, 3, 3}, 1, 2, 2, 1);
    REQUIRE(conv.output().height == 2);
    std::vector<double> out(4);
    conv.forward(image.data(), params.data(), out.data());
    // top-left window covers only pixel (0,0) under weight 2: 2·1 + 0.5 = 2.5;
    // top-right covers (0,1), (0,2) under −1, 2: −2 + 0 + 0.5 = −1.5;
    // bottom-left covers (1,0), (2,0) under 0, 2: 0 + 4 + 0.5 = 4.5;
    // bottom-right covers (1,1) (1,2) (2,1) (2,2): 1 + 0 − 1 + 2 + 0.5 = 2.5.
    CHECK(out == std::vector<double>{2.5, -1.5, 4.5, 2.5});
  }
  SECTION("the lesson's worked example: a 3×3 edge filter on one patch") {
    // Patch (rows) 0 4 8 / 0 6 16 / 0 2 12; vertical-edge kernel −1 0 1 in each row; bias 0:
    // (−0 + 8) + (−0 + 16) + (−0 + 12) = 36.
    Conv2D conv({1, 3, 3}, 1, 3, 1, 0);
    const std::vector<double> patch{0, 4, 8, 0, 6, 16, 0, 2, 12};
    const std::vector<double> kernel{-1, 0, 1, -1, 0, 1, -1, 0, 1, 0};
    double out = 0;
    conv.forward(patch.data(), kernel.data(), &out);
    CHECK(out == 36.0);
  }
}

TEST_CASE("max-pooling keeps each window's largest value and routes the gradient to it", "[conv_net]") {
  // 1 channel 4×4 → 2×2.
  const std::vector<double> in{1, 3, 0, 2,  //
                               5, 4, 1, 1,  //
                               0, 2, 7, 6,  //
                               1, 2, 3, 8};
  MaxPool2D pool({1, 4, 4}, 2, 2);
  std::vector<double> out(4);
  std::vector<int> argmax(4);
  pool.forward(in.data(), out.data(), argmax.data());
  CHECK(out == std::vector<double>{5, 2, 2, 8});
  CHECK(argmax == std::vector<int>{4, 3, 9, 15});
  std::vector<double> gradIn(16);
  const std::vector<double> gradOut{1, 2, 3, 4};
  pool.backward(gradOut.data(), argmax.data(), gradIn.data());
  CHECK(gradIn == std::vector<double>{0, 0, 0, 2, 1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 4});
  // Ties: the first maximum in reading order wins.
  const std::vector<double> flat(16, 1.0);
  pool.forward(flat.data(), out.data(), argmax.data());
  CHECK(argmax == std::vector<int>{0, 2, 8, 10});
}

TEST_CASE("Conv2D back-propagation matches finite differences (stride, padding, channels)", "[conv_net][gradient]") {
  struct Case { VolumeShape in; int filters, kernel, stride, padding; };
  const Case cases[] = {{{1, 5, 5}, 2, 3, 1, 1}, {{2, 5, 6}, 3, 3, 2, 1}, {{2, 7, 7}, 2, 2, 3, 0}, {{1, 6, 6}, 1, 5, 2, 2}};
  std::uint64_t seed = 10;
  for (const Case& c : cases) {
    Conv2D conv(c.in, c.filters, c.kernel, c.stride, c.padding);
    std::vector<double> in = randomValues(c.in.size(), seed++);
    std::vector<double> params = randomValues(conv.paramCount(), seed++);
    std::vector<double> r = randomValues(conv.output().size(), seed++);
    std::vector<double> out(static_cast<std::size_t>(conv.output().size()));
    auto f = [&] {
      conv.forward(in.data(), params.data(), out.data());
      return weightedSum(out, r);
    };
    std::vector<double> gParams(params.size(), 0.0), gIn(in.size(), 0.0);
    conv.backward(in.data(), params.data(), r.data(), gParams.data(), gIn.data());
    INFO("kernel " << c.kernel << " stride " << c.stride << " padding " << c.padding);
    checkAgainstDifferences(params, gParams, f, "conv parameter");
    checkAgainstDifferences(in, gIn, f, "conv input");
  }
}

TEST_CASE("MaxPool2D back-propagation matches finite differences", "[conv_net][gradient]") {
  for (int size : {2, 3}) {
    MaxPool2D pool({2, 6, 7}, size, size);
    // Distinct random values: no ties, so the maximum is differentiable.
    std::vector<double> in = randomValues(pool.input().size(), 40 + size);
    std::vector<double> r = randomValues(pool.output().size(), 50 + size);
    std::vector<double> out(static_cast<std::size_t>(pool.output().size()));
    std::vector<int> argmax(out.size());
    auto f = [&] {
      pool.forward(in.data(), out.data(), argmax.data());
      return weightedSum(out, r);
    };
    f();
    std::vector<double> gIn(in.size());
    pool.backward(r.data(), argmax.data(), gIn.data());
    INFO("pool " << size);
    checkAgainstDifferences(in, gIn, f, "pool input");
  }
}

TEST_CASE("ReLU back-propagation matches finite differences", "[conv_net][gradient]") {
  std::vector<double> in = randomValues(30, 61);
  for (double& x : in)
    if (std::fabs(x) < 1e-3) x = 0.5;  // keep clear of the kink at 0
  std::vector<double> r = randomValues(30, 62), out(30), gIn(30);
  auto f = [&] {
    dw::reluForward(in.data(), out.data(), 30);
    return weightedSum(out, r);
  };
  dw::reluBackward(in.data(), r.data(), gIn.data(), 30);
  checkAgainstDifferences(in, gIn, f, "relu input");
}

TEST_CASE("Dense back-propagation matches finite differences", "[conv_net][gradient]") {
  Dense dense(7, 4);
  std::vector<double> in = randomValues(7, 71), params = randomValues(dense.paramCount(), 72);
  std::vector<double> r = randomValues(4, 73), out(4);
  auto f = [&] {
    dense.forward(in.data(), params.data(), out.data());
    return weightedSum(out, r);
  };
  std::vector<double> gParams(params.size(), 0.0), gIn(7);
  dense.backward(in.data(), params.data(), r.data(), gParams.data(), gIn.data());
  checkAgainstDifferences(params, gParams, f, "dense parameter");
  checkAgainstDifferences(in, gIn, f, "dense input");
}

TEST_CASE("softmax cross-entropy: values and gradient", "[conv_net][gradient]") {
  // Logits (0, ln 2, ln 5): p = (1, 2, 5)/8, L for label 2 = −ln(5/8).
  std::vector<double> z{0, std::log(2.0), std::log(5.0)}, p(3), g(3);
  CHECK(dw::softmaxCrossEntropy(z.data(), 3, 2, p.data(), g.data()) == Approx(-std::log(5.0 / 8.0)));
  CHECK(p[0] == Approx(0.125));
  CHECK(p[1] == Approx(0.25));
  CHECK(g[2] == Approx(5.0 / 8.0 - 1.0));
  // Huge logits do not overflow.
  std::vector<double> big{1000, 0, -1000};
  CHECK(std::isfinite(dw::softmaxCrossEntropy(big.data(), 3, 1, p.data(), nullptr)));
  CHECK(p[0] == Approx(1.0));
  // Gradient against differences, for every label.
  for (int label = 0; label < 5; ++label) {
    std::vector<double> logits = randomValues(5, 80 + label, 2.0), probs(5), grad(5);
    dw::softmaxCrossEntropy(logits.data(), 5, label, probs.data(), grad.data());
    auto f = [&] { return dw::softmaxCrossEntropy(logits.data(), 5, label, probs.data(), nullptr); };
    checkAgainstDifferences(logits, grad, f, "logit");
  }
}

namespace {
// n random "images" of the given shape with labels 0..classes−1.
void randomImages(int n, VolumeShape shape, int classes, std::uint64_t seed, Matrix& X, Vector& y) {
  dw::Rng rng(seed);
  X.resize(n, shape.size());
  y.resize(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < shape.size(); ++j) X(i, j) = rng.uniform();
    y[i] = i % classes;
  }
}

void checkNetworkGradient(ConvNet& net) {
  Vector theta = net.params();
  Vector g = net.gradient();
  REQUIRE(g.size() == theta.size());
  const double h = 1e-6;
  for (dw::Index k = 0; k < theta.size(); ++k) {
    Vector up = theta, down = theta;
    up[k] += h;
    down[k] -= h;
    net.setParams(up);
    const double lu = net.loss();
    net.setParams(down);
    const double ld = net.loss();
    INFO("parameter " << k);
    CHECK(g[k] == Approx((lu - ld) / (2 * h)).epsilon(1e-5).margin(1e-7));
  }
  net.setParams(theta);
}
}  // namespace

TEST_CASE("the whole network's gradient matches finite differences", "[conv_net][gradient]") {
  SECTION("conv (stride 1, padding 1) → pool 2 → softmax") {
    ConvNet net;
    net.setInputShape(1, 6, 6);
    net.setConv(3, 3, 1, 1);
    net.setPool(2);
    net.reset(5);
    Matrix X;
    Vector y;
    randomImages(6, {1, 6, 6}, 3, 91, X, y);
    net.setData(X, y);
    checkNetworkGradient(net);
  }
  SECTION("two channels, conv stride 2 padding 2, no pooling, hidden layer") {
    ConvNet net;
    net.setInputShape(2, 7, 7);
    net.setConv(2, 3, 2, 2);
    net.setPool(1);
    net.setHidden(5);
    net.reset(6);
    Matrix X;
    Vector y;
    randomImages(5, {2, 7, 7}, 4, 92, X, y);
    net.setData(X, y);
    checkNetworkGradient(net);
  }
}

TEST_CASE("ConvNet shapes, defaults and inspection", "[conv_net]") {
  ConvNet net;
  CHECK(net.inputShape().size() == 64);
  CHECK(net.conv().output().height == 8);
  CHECK(net.pool().output().size() == 8 * 4 * 4);
  CHECK(net.layerParamCounts() == std::vector<int>{8 * 9 + 8, 0, 10 * 128 + 10});
  CHECK(net.params().size() == 80 + 1290);
  CHECK(net.filters().size() == 72);
  CHECK(net.optimizer().kind() == dw::OptimizerKind::Adam);
  Matrix X;
  Vector y;
  randomImages(20, {1, 8, 8}, 10, 3, X, y);
  net.setData(X, y);
  CHECK(net.classCount() == 10);
  Vector maps = net.featureMaps(X.row(0).transpose());
  CHECK(maps.size() == 8 * 64);
  CHECK(maps.minCoeff() >= 0.0);  // after ReLU
  Vector pooled = net.pooledMaps(X.row(0).transpose());
  CHECK(pooled.size() == 128);
  // The pooled value is the maximum of its 2×2 window of feature-map values.
  CHECK(pooled[0] == std::max({maps[0], maps[1], maps[8], maps[9]}));
  Matrix P = net.predictProba(X);
  for (dw::Index i = 0; i < P.rows(); ++i) CHECK(P.row(i).sum() == Approx(1.0));
}

TEST_CASE("ConvNet is deterministic for a seed", "[conv_net]") {
  Matrix X;
  Vector y;
  randomImages(40, {1, 8, 8}, 4, 7, X, y);
  auto run = [&](std::uint32_t seed) {
    ConvNet net;
    net.setBatchSize(8);
    net.reset(seed);
    net.setData(X, y);
    net.setTracing(false);
    for (int i = 0; i < 25; ++i) net.step();
    return net.params();
  };
  CHECK(run(3) == run(3));
  CHECK(run(3) != run(4));
}

TEST_CASE("ConvNet learns horizontal from vertical bars", "[conv_net]") {
  // 6×6 images: class 0 a horizontal bar, class 1 a vertical bar, at random positions with noise.
  dw::Rng rng(12);
  const int n = 80;
  Matrix X = Matrix::Zero(n, 36);
  Vector y(n);
  for (int i = 0; i < n; ++i) {
    y[i] = i % 2;
    const int at = static_cast<int>(rng.below(6));
    for (int t = 0; t < 6; ++t) X(i, y[i] == 0 ? at * 6 + t : t * 6 + at) = 1.0;
    for (int j = 0; j < 36; ++j) X(i, j) += 0.2 * rng.uniform();
  }
  ConvNet net;
  net.setInputShape(1, 6, 6);
  net.setConv(4, 3, 1, 1);
  net.setBatchSize(16);
  net.reset(1);
  net.setData(X, y);
  const double before = net.loss();
  net.fit(100);
  CHECK(net.loss() < 0.2 * before);
  CHECK(net.score(X, y) == 1.0);
  CHECK(net.trace().rows() == 101);
}

TEST_CASE("ConvNet tracing off: step returns the batch loss and records no rows", "[conv_net]") {
  Matrix X;
  Vector y;
  randomImages(30, {1, 8, 8}, 3, 8, X, y);
  ConvNet net;
  net.setData(X, y);
  net.setTracing(false);
  for (int i = 0; i < 5; ++i) CHECK(std::isfinite(net.step()));
  CHECK(net.trace().rows() == 1);
  CHECK(net.steps() == 5);
  CHECK(net.epoch() == 5 * 32 / 30);
}

TEST_CASE("ConvNet rejects bad input with typed errors", "[conv_net][errors]") {
  ConvNet net;
  Matrix X;
  Vector y;
  randomImages(10, {1, 8, 8}, 2, 9, X, y);
  CHECK_THROWS_AS(net.step(), dw::StateError);
  CHECK_THROWS_WITH(net.loss(), Contains("no training data"));
  CHECK_THROWS_AS(net.setData(Matrix::Zero(10, 63), y), dw::ShapeError);
  CHECK_THROWS_WITH(net.setData(Matrix::Zero(10, 63), y), Contains("64 values"));
  CHECK_THROWS_AS(net.setData(X, Vector::Zero(9)), dw::ShapeError);
  CHECK_THROWS_AS(net.setData(Matrix(0, 64), Vector(0)), dw::ShapeError);
  Matrix bad = X;
  bad(3, 5) = std::nan("");
  CHECK_THROWS_AS(net.setData(bad, y), dw::InvalidArgument);
  Vector labels = y;
  labels[2] = 1.5;
  CHECK_THROWS_WITH(net.setData(X, labels), Contains("y[2]=1.5"));
  labels[2] = -1;
  CHECK_THROWS_AS(net.setData(X, labels), dw::InvalidArgument);
  labels[2] = 16;
  CHECK_THROWS_AS(net.setData(X, labels), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setConv(0, 3, 1, 1), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setConv(8, 9, 1, 1), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setConv(8, 3, 1, 3), dw::InvalidArgument);  // padding ≥ kernel
  CHECK_THROWS_AS(net.setConv(8, 3, 5, 1), dw::InvalidArgument);
  // With a 3×3 pool, stride 4 would leave 2×2 maps: too small to pool.
  net.setPool(3);
  CHECK_THROWS_WITH(net.setConv(8, 3, 4, 1), Contains("larger than"));
  CHECK(net.conv().stride() == 1);  // the failed call changed nothing
  net.setPool(2);
  CHECK_THROWS_AS(net.setHidden(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setClasses(1), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setBatchSize(0), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setInputShape(1, 0, 8), dw::InvalidArgument);
  CHECK_THROWS_WITH(net.setInputShape(1, 1, 1), Contains("larger than"));  // 1×1 maps cannot be pooled by 2
  CHECK(net.inputShape().size() == 64);
  net.setData(X, y);
  CHECK_THROWS_AS(net.setClasses(0 + 1), dw::InvalidArgument);
  CHECK_THROWS_AS(net.featureMaps(Vector::Zero(10)), dw::ShapeError);
  CHECK_THROWS_AS(net.setParams(Vector::Zero(3)), dw::ShapeError);
  CHECK_THROWS_AS(net.score(X, Vector::Constant(10, 12)), dw::InvalidArgument);
  CHECK_THROWS_AS(net.predict(Matrix::Zero(2, 10)), dw::ShapeError);
}
