// LoRA adapter, transfer modes and quantisation: hand-computed values, finite-difference
// gradients, NumPy references (tests/fixtures/quantisation.json, made by
// tests/fixtures/generators/quantisation.py) and bad input refused in words.
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/lora.hpp"
#include "dw/quantise.hpp"
#include "dw/rng.hpp"
#include "fixture.hpp"

using namespace dw;

namespace {

// Two noisy blobs per class in d dimensions, labels 0…K−1.
void blobs(int n, int d, int K, std::uint32_t seed, Matrix& X, Vector& y) {
  Rng rng(seed);
  Matrix centres(K, d);
  for (Index i = 0; i < centres.size(); ++i) centres.data()[i] = rng.normal(0.0, 1.0);
  X.resize(n, d);
  y.resize(n);
  for (int i = 0; i < n; ++i) {
    int k = i % K;
    y[i] = k;
    for (int j = 0; j < d; ++j) X(i, j) = centres(k, j) + rng.normal(0.0, 0.4);
  }
}

// Central differences of the mean loss with respect to every trainable number.
void checkGradient(TransferNet& net, const Matrix& X, const Vector& y) {
  Vector g;
  net.lossAndGradient(X, y, &g);
  Vector theta = net.trainableParams();
  REQUIRE(g.size() == theta.size());
  const double h = 1e-6;
  for (Index i = 0; i < theta.size(); ++i) {
    Vector t = theta;
    t[i] += h;
    net.setTrainableParams(t);
    double up = net.loss(X, y);
    t[i] = theta[i] - h;
    net.setTrainableParams(t);
    double down = net.loss(X, y);
    INFO("parameter " << i);
    CHECK(g[i] == Approx((up - down) / (2 * h)).margin(1e-7));
  }
  net.setTrainableParams(theta);
}

}  // namespace

TEST_CASE("LoraDense: a rank-1 adapter by hand", "[lora]") {
  // W = [[1, 2], [3, −1]], b = (0.5, −0.5), A = [[1, −1]], B = [[0.5], [2]], α = 2, r = 1 → s = 2.
  // x = (2, 1): W x + b = (4.5, 4.5); u = A x = 1; s·B u = (1, 4); out = (5.5, 8.5).
  LoraDense layer(2, 2, 1, 2.0);
  CHECK(layer.scale() == 2.0);
  double W[] = {1, 2, 3, -1}, b[] = {0.5, -0.5}, A[] = {1, -1}, B[] = {0.5, 2}, x[] = {2, 1}, out[2];
  layer.forward(x, W, b, A, B, out);
  CHECK(out[0] == Approx(5.5));
  CHECK(out[1] == Approx(8.5));
  // The merged weights W + s·B·A = [[1 + 1, 2 − 1], [3 + 4, −1 − 4]] give the same output.
  Matrix Wm = layer.merged(Eigen::Map<Matrix>(W, 2, 2), Eigen::Map<Matrix>(A, 1, 2), Eigen::Map<Matrix>(B, 2, 1));
  CHECK(Wm(0, 0) == Approx(2));
  CHECK(Wm(0, 1) == Approx(1));
  CHECK(Wm(1, 0) == Approx(7));
  CHECK(Wm(1, 1) == Approx(-5));
  // B = 0 ⇒ exactly W x + b.
  double B0[] = {0, 0};
  layer.forward(x, W, b, A, B0, out);
  CHECK(out[0] == 4.5);
  CHECK(out[1] == 4.5);
}

TEST_CASE("LoraDense: gradients of A, B and x match finite differences", "[lora]") {
  const int d = 5, h = 4, r = 2;
  LoraDense layer(d, h, r, 3.0);
  Rng rng(7);
  std::vector<double> W(h * d), b(h), A(r * d), B(h * r), x(d), g(h);
  for (auto* v : {&W, &b, &A, &B, &x, &g})
    for (double& e : *v) e = rng.normal(0.0, 1.0);
  // L = Σ_i g_i · out_i, so dL/dout = g.
  auto lossOf = [&]() {
    std::vector<double> out(h);
    layer.forward(x.data(), W.data(), b.data(), A.data(), B.data(), out.data());
    double L = 0;
    for (int i = 0; i < h; ++i) L += g[i] * out[i];
    return L;
  };
  std::vector<double> gA(r * d, 0.0), gB(h * r, 0.0), gx(d, 0.0);
  layer.backward(x.data(), W.data(), A.data(), B.data(), g.data(), gA.data(), gB.data(), gx.data());
  const double eps = 1e-6;
  auto numeric = [&](std::vector<double>& v, std::size_t i) {
    double keep = v[i];
    v[i] = keep + eps;
    double up = lossOf();
    v[i] = keep - eps;
    double down = lossOf();
    v[i] = keep;
    return (up - down) / (2 * eps);
  };
  for (std::size_t i = 0; i < A.size(); ++i) CHECK(gA[i] == Approx(numeric(A, i)).margin(1e-7));
  for (std::size_t i = 0; i < B.size(); ++i) CHECK(gB[i] == Approx(numeric(B, i)).margin(1e-7));
  for (std::size_t i = 0; i < x.size(); ++i) CHECK(gx[i] == Approx(numeric(x, i)).margin(1e-7));
}

TEST_CASE("TransferNet: gradients match finite differences in every mode", "[lora]") {
  Matrix X, Xb;
  Vector y, yb;
  blobs(24, 6, 3, 1, X, y);
  blobs(12, 6, 2, 2, Xb, yb);
  TransferNet pre(6, 5, 3);
  pre.reset(3);
  pre.setData(X, y);
  pre.train(40);
  for (const char* name : {"scratch", "head", "full", "lora"}) {
    SECTION(name) {
      TransferNet net(6, 5, 3);
      net.startTransfer(pre, transferModeFromName(name, "test"), 2, 2, 4.0, 9);
      net.setData(Xb, yb);
      net.train(5);  // move B away from zero so every term of the gradient is exercised
      checkGradient(net, Xb, yb);
    }
  }
}

TEST_CASE("TransferNet: parameter counts per mode", "[lora]") {
  // d = 64 inputs, h = 32 hidden units, K = 5 classes, r = 2:
  // body 32·64 + 32 = 2080, head 5·32 + 5 = 165, adapter r·d + h·r = 128 + 64 = 192 (vs d·h = 2048).
  TransferNet pre(64, 32, 5);
  TransferNet net(64, 32, 5);
  net.startTransfer(pre, TransferMode::Lora, 5, 2, 4.0, 1);
  TransferCounts c = net.counts();
  CHECK(c.body == 2080);
  CHECK(c.head == 165);
  CHECK(c.adapter == 192);
  CHECK(c.trainable == 357);
  CHECK(c.total == 2437);
  net.startTransfer(pre, TransferMode::Head, 5, 2, 4.0, 1);
  CHECK(net.counts().trainable == 165);
  CHECK(net.counts().adapter == 0);
  net.startTransfer(pre, TransferMode::Full, 5, 2, 4.0, 1);
  CHECK(net.counts().trainable == 2245);
  net.startTransfer(pre, TransferMode::Scratch, 5, 2, 4.0, 1);
  CHECK(net.counts().trainable == 2245);
  CHECK(net.trainableParams().size() == 2245);
}

TEST_CASE("TransferNet: LoRA starts at the pretrained network and never moves W", "[lora]") {
  Matrix X, Xb;
  Vector y, yb;
  blobs(60, 8, 3, 4, X, y);
  blobs(20, 8, 3, 5, Xb, yb);
  TransferNet pre(8, 6, 3);
  pre.reset(1);
  pre.setData(X, y);
  pre.train(60);
  TransferNet net(8, 6, 3);
  net.startTransfer(pre, TransferMode::Lora, 3, 2, 2.0, 11);
  // B = 0: same hidden layer; copy the head too and the outputs are the pretrained ones exactly.
  CHECK(net.adapterB().isZero(0.0));
  CHECK(net.effectiveHiddenWeights() == pre.hiddenWeights());
  net.setHeadWeights(pre.headWeights(), pre.headBiases());
  CHECK(net.predictProba(Xb) == pre.predictProba(Xb));
  net.setData(Xb, yb);
  double before = net.trainingLoss();
  net.train(50);
  CHECK(net.trainingLoss() < before);
  CHECK(net.hiddenWeights() == pre.hiddenWeights());   // frozen
  CHECK(net.hiddenBiases() == pre.hiddenBiases());
  CHECK_FALSE(net.adapterB().isZero(0.0));             // the adapter learned
  CHECK_FALSE(net.effectiveHiddenWeights().isApprox(pre.hiddenWeights()));
  // Head only: the hidden layer stays the pretrained one.
  TransferNet head(8, 6, 3);
  head.startTransfer(pre, TransferMode::Head, 3, 1, 1.0, 11);
  head.setData(Xb, yb);
  head.train(50);
  CHECK(head.hiddenWeights() == pre.hiddenWeights());
  // Full: it moves.
  TransferNet full(8, 6, 3);
  full.startTransfer(pre, TransferMode::Full, 3, 1, 1.0, 11);
  full.setData(Xb, yb);
  full.train(50);
  CHECK_FALSE(full.hiddenWeights() == pre.hiddenWeights());
}

TEST_CASE("TransferNet: the same seed gives the same run", "[lora]") {
  Matrix X;
  Vector y;
  blobs(40, 5, 2, 6, X, y);
  auto run = [&]() {
    TransferNet net(5, 4, 2);
    net.reset(21);
    net.setData(X, y);
    net.setBatchSize(8);
    net.train(30);
    return net.trainableParams();
  };
  CHECK(run() == run());
}

TEST_CASE("TransferNet: bad settings and bad input are refused in words", "[lora]") {
  TransferNet pre(4, 3, 2);
  CHECK_THROWS_AS(TransferNet(0, 3, 2), InvalidArgument);
  CHECK_THROWS_AS(TransferNet(4, 3, 1), InvalidArgument);
  TransferNet net(4, 3, 2);
  CHECK_THROWS_WITH(net.startTransfer(pre, TransferMode::Lora, 2, 0, 1.0, 1), Catch::Contains("rank"));
  CHECK_THROWS_WITH(net.startTransfer(pre, TransferMode::Lora, 2, 4, 1.0, 1), Catch::Contains("rank"));
  CHECK_THROWS_WITH(net.startTransfer(pre, TransferMode::Lora, 2, 1, 0.0, 1), Catch::Contains("alpha"));
  CHECK_THROWS_WITH(net.startTransfer(pre, TransferMode::Lora, 2, 1, std::nan(""), 1), Catch::Contains("alpha"));
  TransferNet other(5, 3, 2);
  CHECK_THROWS_AS(net.startTransfer(other, TransferMode::Full, 2, 1, 1.0, 1), ShapeError);
  CHECK_THROWS_WITH(transferModeFromName("lorax", "w"), Catch::Contains("scratch, head, full, lora"));
  CHECK_THROWS_AS(net.step(), StateError);
  Matrix X = Matrix::Zero(3, 4);
  CHECK_THROWS_WITH(net.setData(X, fixture::vec({0, 1, 2})), Catch::Contains("label 2"));
  CHECK_THROWS_AS(net.setData(X, fixture::vec({0, 1})), ShapeError);
  CHECK_THROWS_AS(net.setData(Matrix::Zero(3, 5), fixture::vec({0, 1, 0})), ShapeError);
  X(1, 2) = std::nan("");
  CHECK_THROWS_AS(net.setData(X, fixture::vec({0, 1, 0})), InvalidArgument);
  CHECK_THROWS_AS(net.setBatchSize(0), InvalidArgument);
  CHECK_THROWS_AS(net.setAdapter(Matrix::Zero(1, 4), Matrix::Zero(3, 1)), StateError);
}

TEST_CASE("Quantise: [−1, 0.2, 0.5] by hand", "[quantise]") {
  Vector x = fixture::vec({-1.0, 0.2, 0.5});
  // int8 symmetric: S = max|x| / 127 = 1/127; q = round(x·127) = (−127, round(25.4) = 25, round(63.5) = 64).
  QuantParams s = quantParamsFor(x, 8, QuantScheme::Symmetric);
  CHECK(s.scale == Approx(1.0 / 127));
  CHECK(s.zeroPoint == 0);
  CHECK(s.qmin == -127);
  CHECK(s.qmax == 127);
  std::vector<int> q = quantiseValues(x, s);
  CHECK(q == std::vector<int>{-127, 25, 64});
  Vector back = dequantiseValues(q, s);
  CHECK(back[1] == Approx(25.0 / 127));  // 0.19685…: off by 0.00315 < S/2 = 0.00394
  // uint8 asymmetric: S = (0.5 − (−1)) / 255 = 1.5/255, Z = round(1/S) = round(170) = 170,
  // q = (0, round(34) + 170 = 204, round(85) + 170 = 255).
  QuantParams a = quantParamsFor(x, 8, QuantScheme::Asymmetric);
  CHECK(a.scale == Approx(1.5 / 255));
  CHECK(a.zeroPoint == 170);
  CHECK(quantiseValues(x, a) == std::vector<int>{0, 204, 255});
  // 2 bits symmetric: levels −1, 0, 1 times S = 1: (−1, 0, round(0.5) = 0 — ties go to the even 0).
  QuantParams two = quantParamsFor(x, 2, QuantScheme::Symmetric);
  CHECK(two.scale == 1.0);
  CHECK(quantiseValues(x, two) == std::vector<int>{-1, 0, 0});
}

TEST_CASE("Quantise: matches NumPy and errs by at most S/2", "[quantise]") {
  auto f = fixture::load("quantisation");
  auto cases = f["cases"];
  REQUIRE(cases.size() == 18);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    auto c = cases[i];
    Vector x = c["x"].vector();
    QuantScheme scheme = quantSchemeFromName(c["scheme"].text, "test");
    int bits = static_cast<int>(c["bits"].num());
    INFO(c["set"].text << " " << bits << " bits " << c["scheme"].text);
    QuantParams p = quantParamsFor(x, bits, scheme);
    CHECK(p.scale == Approx(c["scale"].num()).epsilon(1e-14));
    CHECK(p.zeroPoint == static_cast<int>(c["zeroPoint"].num()));
    CHECK(p.qmin == static_cast<int>(c["qmin"].num()));
    CHECK(p.qmax == static_cast<int>(c["qmax"].num()));
    std::vector<int> q = quantiseValues(x, p);
    std::vector<double> expected = c["q"].numbers();
    for (std::size_t k = 0; k < q.size(); ++k) CHECK(q[k] == static_cast<int>(expected[k]));
    Vector back = dequantiseValues(q, p);
    Vector ref = c["dequantised"].vector();
    for (Index k = 0; k < x.size(); ++k) {
      CHECK(back[k] == Approx(ref[k]).margin(1e-12));
      CHECK(std::abs(back[k] - x[k]) <= p.scale / 2 + 1e-12);
    }
  }
  // Per row of a matrix.
  Matrix W = Eigen::Map<Matrix>(f["matrix"].vector().data(), static_cast<Index>(f["rows"].num()), static_cast<Index>(f["cols"].num()));
  auto perRow = f["perRow"];
  for (std::size_t i = 0; i < perRow.size(); ++i) {
    auto c = perRow[i];
    QuantisedMatrix qm = quantiseMatrix(W, static_cast<int>(c["bits"].num()), quantSchemeFromName(c["scheme"].text, "t"), true);
    std::vector<double> scales = c["scales"].numbers();
    REQUIRE(qm.params.size() == scales.size());
    for (std::size_t r = 0; r < scales.size(); ++r) CHECK(qm.params[r].scale == Approx(scales[r]).epsilon(1e-14));
    Vector ref = c["dequantised"].vector();
    for (Index k = 0; k < W.size(); ++k) CHECK(qm.values.data()[k] == Approx(ref[k]).margin(1e-12));
  }
}

TEST_CASE("Quantise: per channel errs less than per tensor on rows of different ranges", "[quantise]") {
  Matrix W(2, 3);
  W << 0.01, -0.02, 0.015, 2.0, -1.0, 0.5;
  QuantisedMatrix t = quantiseMatrix(W, 4, QuantScheme::Symmetric, false);
  QuantisedMatrix c = quantiseMatrix(W, 4, QuantScheme::Symmetric, true);
  // Per tensor S = 2/7 ≈ 0.286 wipes the small row out entirely; per row S₀ = 0.02/7 keeps it.
  CHECK(t.values.row(0).isZero(0.0));
  CHECK((c.values.row(0) - W.row(0)).cwiseAbs().maxCoeff() <= 0.02 / 7 / 2 + 1e-15);
}

TEST_CASE("Quantise: a whole network's size and accuracy", "[quantise]") {
  TransferNet net(64, 32, 10);
  // Float: 4·(32·64 + 32 + 10·32 + 10) = 4·2410 = 9640 bytes. 8-bit symmetric per tensor:
  // 2048 + 320 weight bytes + 2 scales·4 + 42 biases·4 = 2368 + 8 + 168 = 2544.
  CHECK(floatBytes(net) == 9640);
  CHECK(quantisedBytes(net, 8, QuantScheme::Symmetric, false) == 2544);
  // 4-bit asymmetric per channel: 1024 + 160 + (32 + 10)·8 + 168 = 1688.
  CHECK(quantisedBytes(net, 4, QuantScheme::Asymmetric, true) == 1688);
  Matrix X, Xb;
  Vector y, yb;
  blobs(200, 64, 10, 8, X, y);
  net.reset(2);
  net.setData(X, y);
  net.train(200);
  double exact = net.score(X, y);
  QuantSpec spec;
  spec.bits = 16;
  CHECK(quantisedScore(net, spec, X, X, y) == Approx(exact).margin(0.01));
  spec.bits = 8;
  spec.activationBits = 8;
  CHECK(quantisedScore(net, spec, X, X, y) == Approx(exact).margin(0.03));
  spec.bits = 2;
  spec.activationBits = 0;
  CHECK(quantisedScore(net, spec, X, X, y) <= exact);
  CHECK_THROWS_AS(quantisedScore(net, QuantSpec{1, QuantScheme::Symmetric, false, 0}, X, X, y), InvalidArgument);
  CHECK_THROWS_AS(quantParamsFor(Vector(), 8, QuantScheme::Symmetric), ShapeError);
  CHECK_THROWS_AS(quantParamsFor(fixture::vec({1.0, std::nan("")}), 8, QuantScheme::Symmetric), InvalidArgument);
  CHECK_THROWS_WITH(quantSchemeFromName("sym", "w"), Catch::Contains("symmetric"));
}
