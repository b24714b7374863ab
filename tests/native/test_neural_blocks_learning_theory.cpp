// Neural building blocks and learning-theory helpers checked against values worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/decision_tree.hpp"
#include "dw/errors.hpp"
#include "dw/learning_theory.hpp"
#include "dw/neural_blocks.hpp"
#include "dw/validation.hpp"
#include "fixture.hpp"

using dw::Matrix;
using dw::Vector;
using Catch::Matchers::Contains;

namespace {
using fixture::vec;
Matrix mat(dw::Index rows, dw::Index cols, std::initializer_list<double> v) {
  Matrix m(rows, cols);
  dw::Index i = 0;
  for (double x : v) m(i / cols, i % cols) = x, ++i;
  return m;
}
}  // namespace

TEST_CASE("activationCurve uses the MLP's activations and their derivatives", "[neural_blocks]") {
  auto s = dw::activationCurve("sigmoid", vec({0, 2}));
  CHECK(s.value(0) == Approx(0.5));
  CHECK(s.derivative(0) == Approx(0.25));  // σ'(0) = σ(0)(1 − σ(0)) = 1/4
  CHECK(s.value(1) == Approx(1 / (1 + std::exp(-2.0))));
  auto t = dw::activationCurve("tanh", vec({0}));
  CHECK(t.derivative(0) == Approx(1.0));
  auto r = dw::activationCurve("relu", vec({-1, 3}));
  CHECK(r.value(0) == 0.0);
  CHECK(r.value(1) == 3.0);
  CHECK(r.derivative(0) == 0.0);
  CHECK(r.derivative(1) == 1.0);
  auto lr = dw::activationCurve("leaky-relu", vec({-2}));
  CHECK(lr.value(0) == Approx(-0.02));
  CHECK(lr.derivative(0) == Approx(0.01));
  auto g = dw::activationCurve("gelu", vec({0, 1}));
  CHECK(g.value(0) == 0.0);
  CHECK(g.derivative(0) == Approx(0.5));         // Φ(0) + 0·φ(0)
  CHECK(g.value(1) == Approx(0.8413447460685429));  // 1·Φ(1)
  CHECK_THROWS_WITH(dw::activationCurve("swish", vec({0})), Contains("activation='swish'"));
  CHECK_THROWS_AS(dw::activationCurve("relu", vec({NAN})), dw::InvalidArgument);
}

TEST_CASE("softmax sums to one, is shift-invariant and sharpens as the temperature falls", "[neural_blocks]") {
  Vector p = dw::softmax(vec({0, std::log(3.0)}), 1.0);  // e^0 : e^{ln 3} = 1 : 3
  CHECK(p(0) == Approx(0.25));
  CHECK(p(1) == Approx(0.75));
  Vector q = dw::softmax(vec({1000, 1000 + std::log(3.0)}), 1.0);  // no overflow
  CHECK(q(1) == Approx(0.75));
  Vector cold = dw::softmax(vec({0, 1}), 0.1);
  CHECK(cold(1) == Approx(1 / (1 + std::exp(-10.0))));
  CHECK_THROWS_WITH(dw::softmax(vec({0, 1}), 0), Contains("temperature=0"));
  CHECK_THROWS_AS(dw::softmax(Vector(), 1), dw::InvalidArgument);
}

TEST_CASE("gradientChain multiplies one w·f'(z) per layer", "[neural_blocks]") {
  // Sigmoid, w = 1, b = 0, input 0: z_1 = 0, a_1 = 0.5, factor 0.25; z_2 = 0.5.
  auto g = dw::gradientChain("sigmoid", 2, 1.0, 0.0, 0.0);
  CHECK(g.activation(1) == Approx(0.5));
  CHECK(g.localFactor(0) == Approx(0.25));
  double s = 1 / (1 + std::exp(-0.5));
  CHECK(g.localFactor(1) == Approx(s * (1 - s)));
  CHECK(g.gradient(2) == 1.0);
  CHECK(g.gradient(1) == Approx(s * (1 - s)));
  CHECK(g.gradient(0) == Approx(0.25 * s * (1 - s)));
  // ReLU with w = 1 and positive input passes the gradient through unchanged.
  auto r = dw::gradientChain("relu", 30, 1.0, 0.0, 1.0);
  CHECK(r.gradient(0) == 1.0);
  // Sigmoid through 20 layers: at most 0.25 per layer, so below 0.25^20.
  auto deep = dw::gradientChain("sigmoid", 20, 1.0, 0.0, 0.0);
  CHECK(std::abs(deep.gradient(0)) < std::pow(0.25, 20) * 1.0000001);
  CHECK_THROWS_WITH(dw::gradientChain("relu", 0, 1, 0, 0), Contains("depth=0"));
}

TEST_CASE("convolve2d cross-correlates with valid or zero padding", "[neural_blocks]") {
  Matrix img = mat(3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9});
  Matrix k = mat(3, 3, {0, 0, 0, 0, 1, 0, 0, 0, 0});
  CHECK(dw::convolve2d(img, k, "same").isApprox(img));  // identity kernel
  Matrix box = Matrix::Ones(3, 3);
  Matrix valid = dw::convolve2d(img, box, "valid");
  REQUIRE(valid.rows() == 1);
  CHECK(valid(0, 0) == 45);
  Matrix same = dw::convolve2d(img, box, "same");
  CHECK(same(0, 0) == 1 + 2 + 4 + 5);  // zero padding outside
  CHECK(same(1, 1) == 45);
  // Not flipped: a kernel with 1 top-left picks the pixel up-left of the centre.
  Matrix tl = mat(3, 3, {1, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK(dw::convolve2d(img, tl, "same")(1, 1) == 1);
  // Vertical edge detector on a step image: response only at the step.
  Matrix step = mat(3, 4, {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1});
  Matrix sobel = mat(3, 3, {-1, 0, 1, -2, 0, 2, -1, 0, 1});
  Matrix e = dw::convolve2d(step, sobel, "valid");
  CHECK(e(0, 0) == 4);
  CHECK(e(0, 1) == 4);
  CHECK_THROWS_AS(dw::convolve2d(img, Matrix::Ones(2, 2), "same"), dw::ShapeError);
  CHECK_THROWS_WITH(dw::convolve2d(img, box, "full"), Contains("padding='full'"));
  CHECK_THROWS_AS(dw::convolve2d(Matrix::Ones(2, 2), box, "valid"), dw::ShapeError);
}

TEST_CASE("maxPool keeps the largest value of each window and where it was", "[neural_blocks]") {
  Matrix m = mat(4, 4, {1, 2, 0, 0, 3, 4, 0, 9, 0, 0, 5, 5, -1, 0, 5, 6});
  auto p = dw::maxPool(m, 2);
  CHECK(p.values(0, 0) == 4);
  CHECK(p.values(0, 1) == 9);
  CHECK(p.values(1, 0) == 0);
  CHECK(p.values(1, 1) == 6);
  CHECK(p.argmax[0] == 5);   // row 1, col 1
  CHECK(p.argmax[1] == 7);
  CHECK(p.argmax[2] == 8);   // first 0 on the tie
  CHECK(p.argmax[3] == 15);
  auto odd = dw::maxPool(Matrix::Ones(5, 5), 2);
  CHECK(odd.values.rows() == 2);
  CHECK_THROWS_AS(dw::maxPool(Matrix::Ones(1, 1), 2), dw::ShapeError);
}

TEST_CASE("attention: softmax(QKᵀ/√dk) rows sum to one and weigh V", "[neural_blocks]") {
  // Two tokens in 2-D, identity projections, one head: S = X Xᵀ / √2.
  Matrix X = mat(2, 2, {1, 0, 0, 1});
  Matrix I = Matrix::Identity(2, 2);
  auto heads = dw::attention(X, I, I, I, 1, false);
  REQUIRE(heads.size() == 1);
  const auto& h = heads[0];
  double a = std::exp(1 / std::sqrt(2.0)) / (std::exp(1 / std::sqrt(2.0)) + 1);
  CHECK(h.scores(0, 0) == Approx(1 / std::sqrt(2.0)));
  CHECK(h.scores(0, 1) == Approx(0.0));
  CHECK(h.weights(0, 0) == Approx(a));
  CHECK(h.weights(1, 1) == Approx(a));
  CHECK(h.output(0, 0) == Approx(a));
  CHECK(h.output(0, 1) == Approx(1 - a));
  // Two heads split the columns: head 1 sees only the second column of each projection.
  auto two = dw::attention(X, I, I, I, 2, false);
  REQUIRE(two.size() == 2);
  CHECK(two[1].Q.cols() == 1);
  CHECK(two[1].scores(1, 1) == Approx(1.0));  // q = k = 1, √1 = 1
  CHECK(two[1].weights(0, 0) == Approx(0.5)); // token 0 has q = 0: uniform
  // Causal: the first token can only look at itself.
  auto causal = dw::attention(X, I, I, I, 1, true);
  CHECK(causal[0].weights(0, 0) == 1.0);
  CHECK(causal[0].weights(0, 1) == 0.0);
  CHECK_THROWS_AS(dw::attention(X, Matrix::Identity(3, 3), I, I, 1, false), dw::ShapeError);
  CHECK_THROWS_AS(dw::attention(X, I, I, I, 3, false), dw::ShapeError);
}

TEST_CASE("Hoeffding union bound and tree class sizes", "[neural_blocks]") {
  // √((ln 1 + ln 2/0.05)/(2·100)) = √(ln 40 / 200)
  CHECK(dw::hoeffdingUnionBound(100, 0, 0.05) == Approx(std::sqrt(std::log(40.0) / 200)));
  // Quadrupling n halves the bound.
  CHECK(dw::hoeffdingUnionBound(400, 5, 0.1) == Approx(dw::hoeffdingUnionBound(100, 5, 0.1) / 2));
  // Depth 1: one node choosing among 2·10 cuts, two leaf labels: ln 20 + 2 ln 2 = ln 80.
  CHECK(dw::treeClassLogSize(1, 2, 10) == Approx(std::log(80.0)));
  CHECK(dw::treeClassLogSize(0, 2, 10) == Approx(std::log(2.0)));
  CHECK_THROWS_WITH(dw::hoeffdingUnionBound(100, 1, 0), Contains("delta=0"));
}

TEST_CASE("gapStudy averages repeated learning curves", "[neural_blocks]") {
  auto d = dw::makeMoons(400, 0.3, 3);
  dw::DecisionTree tree;
  tree.setMaxDepth(8);
  auto s = dw::gapStudy(tree, d.X, d.y, {10, 40, 160}, 5, 0.5, 1, 1000);
  REQUIRE(s.sizes.size() == 3);
  CHECK(s.repeats == 5);
  for (int i = 0; i < 3; ++i) {
    CHECK(s.gapMean(i) == Approx(s.testError(i) - s.trainError(i)));
    CHECK(s.gapLow(i) <= s.gapHigh(i));
  }
  CHECK(s.trainError(0) == Approx(0.0));   // a deep tree memorises 10 points
  CHECK(s.gapMean(2) < s.gapMean(0));      // more data, smaller gap
  CHECK_THROWS_WITH(dw::gapStudy(tree, d.X, d.y, {10}, 0, 0.5, 1, 100), Contains("repeats=0"));
}

TEST_CASE("gapStudy draws a one-class resample again with the next unused seed", "[neural_blocks]") {
  // The generalisation-gap widget at its largest seed: resample 100030 deals the n = 8 training set
  // points of one class only, which a tree refuses; it is drawn again with seed 100040.
  const std::vector<int> sizes = {8, 16, 32, 64, 128, 256, 512, 1024};
  auto d = dw::makeMoons(2400, 0.3, 100000);
  dw::DecisionTree tree;
  tree.setMaxDepth(1);
  auto s = dw::gapStudy(tree, d.X, d.y, sizes, 40, 0.5, 100000, 1000);
  CHECK(s.repeats == 40);
  CHECK(s.redrawn == std::vector<std::uint32_t>{100030});
  // The same as pooling learningCurve over seeds 100000 … 100040 without 100030, which throws.
  CHECK_THROWS_AS(dw::learningCurve(tree, d.X, d.y, sizes, 0.5, 100030, 1000), dw::SingleClassLabels);
  Vector train = Vector::Zero(8), test = Vector::Zero(8);
  for (std::uint32_t seed = 100000; seed <= 100040; ++seed) {
    if (seed == 100030) continue;
    auto c = dw::learningCurve(tree, d.X, d.y, sizes, 0.5, seed, 1000);
    train += c.trainError;
    test += c.validationError;
  }
  train /= 40;
  test /= 40;
  for (int i = 0; i < 8; ++i) {
    CHECK(s.trainError(i) == train(i));
    CHECK(s.testError(i) == test(i));
  }
  // At the lesson's seed nothing is redrawn.
  auto lesson = dw::makeMoons(2400, 0.3, 1);
  CHECK(dw::gapStudy(tree, lesson.X, lesson.y, sizes, 12, 0.5, 1, 1000).redrawn.empty());
}

TEST_CASE("gapStudy redraws at most `repeats` times and passes every other error on", "[neural_blocks]") {
  auto d = dw::makeMoons(200, 0.3, 2);
  dw::DecisionTree tree;
  tree.setMaxDepth(2);
  // Labels of one class: every resample is refused; after 3 redraws the fourth refusal is said in words.
  Vector oneClass = Vector::Zero(d.y.size());
  CHECK_THROWS_AS(dw::gapStudy(tree, d.X, oneClass, {8, 16}, 3, 0.5, 5, 100), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::gapStudy(tree, d.X, oneClass, {8, 16}, 3, 0.5, 5, 100),
                    Contains("gapStudy: 4 of the 4 resamples from seed 5 to 8 dealt a training set points of a single class") &&
                        Contains("more than the 3 redraws repeats=3 allows") && Contains("y holds 1 class(es)"));
  // Not a one-class refusal: a size beyond the training rows is thrown as it is, with no redraw.
  CHECK_THROWS_WITH(dw::gapStudy(tree, d.X, d.y, {8, 500}, 3, 0.5, 5, 100),
                    Contains("learningCurve: size=500") && !Contains("redraw"));
  // The repeats and their redraws use seeds up to seed + 2·repeats − 1 < 2³².
  CHECK_NOTHROW(dw::gapStudy(tree, d.X, d.y, {16}, 1, 0.5, 4294967295u - 400, 100));
  CHECK_THROWS_WITH(dw::gapStudy(tree, d.X, d.y, {16}, 1, 0.5, 4294967295u - 399, 100), Contains("gapStudy: seed="));
}
