// The conformance suite every dw::Model passes, written once as a Catch2 template over the list
// of model types: deterministic reset (same seed → same parameters), bad input gives typed
// errors (NaN, empty, wrong shapes, labels out of range, calls before data), params/predict
// shapes, divergence reported as a state rather than a crash, setData after fit, and tracing
// on/off giving the same parameters. Each model's Setup<M> says what data suits it and how to
// push it towards divergence; everything else is the same for all.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "dw/adaboost.hpp"
#include "dw/conv_net.hpp"
#include "dw/datasets.hpp"
#include "dw/dbscan.hpp"
#include "dw/decision_tree.hpp"
#include "dw/elastic_net.hpp"
#include "dw/errors.hpp"
#include "dw/gaussian_naive_bayes.hpp"
#include "dw/gradient_boosting.hpp"
#include "dw/k_nearest_neighbors.hpp"
#include "dw/kernel_svm.hpp"
#include "dw/kmeans.hpp"
#include "dw/linear_regression.hpp"
#include "dw/linear_svm.hpp"
#include "dw/logistic_regression.hpp"
#include "dw/mlp.hpp"
#include "dw/multinomial_naive_bayes.hpp"
#include "dw/pca.hpp"
#include "dw/perceptron.hpp"
#include "dw/polynomial_regression.hpp"
#include "dw/random_forest.hpp"
#include "dw/random_forest_regressor.hpp"
#include "dw/softmax_regression.hpp"
#include "dw/svr.hpp"
#include "dw/tsne.hpp"

using namespace dw;

namespace {

enum class Labels { Regression, Binary, Multiclass, None };

Dataset binaryBlobs(int n, std::uint32_t seed) { return makeBlobs(n, 2, 1.0, seed); }
Dataset threeBlobs(int n, std::uint32_t seed) { return makeBlobs(n, 3, 1.0, seed); }
Dataset plane(int n, std::uint32_t seed) { return makePlane(n, 0.1, seed); }
Dataset unlabelled(int n, std::uint32_t seed) {
  Dataset d = makeBlobs(n, 3, 0.8, seed);
  d.y = Vector();
  return d;
}
// Word counts: whole numbers ≥ 0 in 4 columns, two classes.
Dataset counts(int n, std::uint32_t seed) {
  Dataset d = makeBlobs(n, 2, 1.0, seed);
  Matrix X(d.X.rows(), 4);
  for (Index i = 0; i < d.X.rows(); ++i) {
    X(i, 0) = std::floor(std::fabs(d.X(i, 0)));
    X(i, 1) = std::floor(std::fabs(d.X(i, 1)));
    X(i, 2) = d.y(i) == 0 ? 2 : 0;
    X(i, 3) = d.y(i) == 1 ? 3 : 1;
  }
  d.X = X;
  return d;
}

// Per model: data(seed) a suitable training set (n and features the model accepts), the kind
// of labels it needs, configure() for sensible small settings, and explode() for the most
// aggressive settings it accepts (divergent where the model can diverge at all).
template <class M>
struct Setup;

// Values predict() gives per point (1, or the coordinates of a projection) and whether it maps
// new points at all (t-SNE only embeds its training data).
template <class M>
struct Output {
  static constexpr int perRow = 1;
  static constexpr bool newPoints = true;
};
template <>
struct Output<PCA> {
  static constexpr int perRow = 2;  // the configured 2 components
  static constexpr bool newPoints = true;
};
template <>
struct Output<TSNE> {
  static constexpr int perRow = 2;
  static constexpr bool newPoints = false;
};

template <>
struct Setup<LinearRegression> {
  static constexpr Labels labels = Labels::Regression;
  static constexpr bool canDiverge = true;
  static Dataset data(int n, std::uint32_t s) { return plane(n, s); }
  static void configure(LinearRegression& m) { m.setLearningRate(0.05); }
  static void explode(LinearRegression& m) { m.setLearningRate(100); }
};
template <>
struct Setup<PolynomialRegression> {
  static constexpr Labels labels = Labels::Regression;
  static constexpr bool canDiverge = true;
  static Dataset data(int n, std::uint32_t s) { return makeNoisySin(n, 0.1, s); }
  static void configure(PolynomialRegression& m) { m.setDegree(3); }
  static void explode(PolynomialRegression& m) { m.setLearningRate(100); }
};
template <>
struct Setup<LogisticRegression> {
  static constexpr Labels labels = Labels::Binary;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return binaryBlobs(n, s); }
  static void configure(LogisticRegression& m) { m.setLearningRate(0.1); }
  static void explode(LogisticRegression& m) { m.setLearningRate(100); }
};
template <>
struct Setup<SoftmaxRegression> {
  static constexpr Labels labels = Labels::Multiclass;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return threeBlobs(n, s); }
  static void configure(SoftmaxRegression& m) { m.setLearningRate(0.1); }
  static void explode(SoftmaxRegression& m) { m.setLearningRate(100); }
};
template <>
struct Setup<Perceptron> {
  static constexpr Labels labels = Labels::Binary;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return binaryBlobs(n, s); }
  static void configure(Perceptron&) {}
  static void explode(Perceptron& m) { m.setLearningRate(100); }
};
template <>
struct Setup<KNearestNeighbors> {
  static constexpr Labels labels = Labels::Multiclass;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return threeBlobs(n, s); }
  static void configure(KNearestNeighbors& m) { m.setK(3); }
  static void explode(KNearestNeighbors& m) { m.setK(1); }
};
template <>
struct Setup<GaussianNaiveBayes> {
  static constexpr Labels labels = Labels::Multiclass;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return threeBlobs(n, s); }
  static void configure(GaussianNaiveBayes&) {}
  static void explode(GaussianNaiveBayes& m) { m.setVarSmoothing(0); }
};
template <>
struct Setup<MultinomialNaiveBayes> {
  static constexpr Labels labels = Labels::Binary;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return counts(n, s); }
  static void configure(MultinomialNaiveBayes&) {}
  static void explode(MultinomialNaiveBayes& m) { m.setAlpha(0); }
};
template <>
struct Setup<LinearSVM> {
  static constexpr Labels labels = Labels::Binary;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return binaryBlobs(n, s); }
  static void configure(LinearSVM& m) { m.setC(1.0); }
  static void explode(LinearSVM& m) { m.setC(1e6); }
};
template <>
struct Setup<KernelSVM> {
  static constexpr Labels labels = Labels::Binary;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return binaryBlobs(n, s); }
  static void configure(KernelSVM& m) { m.setKernel("rbf"); }
  static void explode(KernelSVM& m) { m.setC(1e6); }
};
template <>
struct Setup<DecisionTree> {
  static constexpr Labels labels = Labels::Multiclass;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return threeBlobs(n, s); }
  static void configure(DecisionTree& m) { m.setMaxDepth(3); }
  static void explode(DecisionTree& m) { m.setMaxDepth(1000000); }
};
template <>
struct Setup<RandomForest> {
  static constexpr Labels labels = Labels::Multiclass;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return threeBlobs(n, s); }
  static void configure(RandomForest& m) { m.setTreeCount(5); }
  static void explode(RandomForest& m) { m.setTreeCount(20); }
};
template <>
struct Setup<GradientBoosting> {
  static constexpr Labels labels = Labels::Regression;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return plane(n, s); }
  static void configure(GradientBoosting& m) { m.setEstimatorCount(10); }
  static void explode(GradientBoosting& m) { m.setLearningRate(10); }
};
template <>
struct Setup<AdaBoost> {
  static constexpr Labels labels = Labels::Binary;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return binaryBlobs(n, s); }
  static void configure(AdaBoost& m) { m.setEstimatorCount(10); }
  static void explode(AdaBoost& m) { m.setLearningRate(10); }
};
template <>
struct Setup<ElasticNet> {
  static constexpr Labels labels = Labels::Regression;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return plane(n, s); }
  static void configure(ElasticNet& m) { m.setAlpha(0.01); }
  static void explode(ElasticNet& m) { m.setAlpha(0); }
};
template <>
struct Setup<SVR> {
  static constexpr Labels labels = Labels::Regression;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return plane(n, s); }
  static void configure(SVR& m) { m.setKernel("rbf"); }
  static void explode(SVR& m) { m.setC(1e6); }
};
template <>
struct Setup<RandomForestRegressor> {
  static constexpr Labels labels = Labels::Regression;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return plane(n, s); }
  static void configure(RandomForestRegressor& m) { m.setTreeCount(5); }
  static void explode(RandomForestRegressor& m) { m.setTreeCount(20); }
};
// The MLP picks its output from y ("auto"): labels make it a classifier, other numbers a
// regressor, so any finite y is accepted.
template <>
struct Setup<Mlp> {
  static constexpr Labels labels = Labels::Regression;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return binaryBlobs(n, s); }
  static void configure(Mlp& m) { m.setLayers({4}); }
  static void explode(Mlp& m) { m.setLearningRate(10); }
};
// The convolutional net on 1×1×2 "images" (a 1×1 kernel, no pooling): the same points as the
// other classifiers, so the shared checks (grids included) apply unchanged.
template <>
struct Setup<ConvNet> {
  static constexpr Labels labels = Labels::Multiclass;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return threeBlobs(n, s); }
  static void configure(ConvNet& m) {
    m.setPool(1);  // first: the default 2×2 window does not fit a 1×2 map
    m.setConv(4, 1, 1, 0);
    m.setInputShape(1, 1, 2);
    m.setLearningRate(0.05);
  }
  static void explode(ConvNet& m) { m.setLearningRate(10); }  // the optimiser's largest
};
template <>
struct Setup<KMeans> {
  static constexpr Labels labels = Labels::None;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return unlabelled(n, s); }
  static void configure(KMeans& m) { m.setK(3); }
  static void explode(KMeans& m) { m.setK(10); }
};
template <>
struct Setup<DBSCAN> {
  static constexpr Labels labels = Labels::None;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return unlabelled(n, s); }
  static void configure(DBSCAN& m) { m.setEps(0.8); }
  static void explode(DBSCAN& m) { m.setMinSamples(1); }
};
template <>
struct Setup<PCA> {
  static constexpr Labels labels = Labels::None;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return unlabelled(n, s); }
  static void configure(PCA& m) { m.setComponents(2); }
  static void explode(PCA& m) { m.setComponents(1); }
};
template <>
struct Setup<TSNE> {
  static constexpr Labels labels = Labels::None;
  static constexpr bool canDiverge = false;
  static Dataset data(int n, std::uint32_t s) { return unlabelled(n, s); }
  static void configure(TSNE& m) { m.setPerplexity(5); }
  static void explode(TSNE& m) { m.setLearningRate(1e4); }
};

// A model of type M, configured, with `d` as its data.
template <class M>
void prepare(M& m, const Dataset& d) {
  Setup<M>::configure(m);
  m.setData(d.X, d.y);
}

bool allFinite(const Vector& v) { return v.allFinite(); }

}  // namespace

#define DW_ALL_MODELS                                                                                             \
  LinearRegression, PolynomialRegression, LogisticRegression, SoftmaxRegression, Perceptron, KNearestNeighbors,   \
      GaussianNaiveBayes, MultinomialNaiveBayes, LinearSVM, KernelSVM, DecisionTree, RandomForest, GradientBoosting, \
      AdaBoost, Mlp, ConvNet, KMeans, DBSCAN, PCA, TSNE, ElasticNet, SVR, RandomForestRegressor

TEMPLATE_TEST_CASE("conformance: reset with the same seed gives the same parameters", "[conformance]", DW_ALL_MODELS) {
  using S = Setup<TestType>;
  Dataset d = S::data(48, 3);
  TestType a, b;
  prepare(a, d);
  prepare(b, d);
  a.reset(7);
  b.reset(7);
  CHECK(a.params() == b.params());
  a.fit(5);
  b.fit(5);
  CHECK(a.params() == b.params());
  CHECK(a.loss() == b.loss());
  // reset(seed) returns to the same start, whatever happened since.
  TestType fresh;
  prepare(fresh, d);
  fresh.reset(11);
  a.reset(11);
  CHECK(a.params() == fresh.params());
  CHECK(a.steps() == 0);
  CHECK(a.trace().rows() == 1);
  CHECK(a.status() == Status::Ready);
}

TEMPLATE_TEST_CASE("conformance: bad input gives typed errors and leaves the model usable", "[conformance]", DW_ALL_MODELS) {
  using S = Setup<TestType>;
  Dataset d = S::data(40, 4);
  const Index cols = d.X.cols();
  TestType m;
  Setup<TestType>::configure(m);
  // Calls that need data, before any data.
  CHECK_THROWS_AS(m.step(), StateError);
  CHECK_THROWS_AS(m.fit(3), StateError);
  CHECK_THROWS_AS(m.loss(), StateError);
  CHECK_THROWS_AS(m.predict(d.X), Error);
  CHECK(m.status() == Status::Empty);
  // NaN / infinity in X.
  Matrix bad = d.X;
  bad(3, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(m.setData(bad, d.y), InvalidArgument);
  bad(3, 0) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(m.setData(bad, d.y), InvalidArgument);
  // Empty data and mismatched y.
  CHECK_THROWS_AS(m.setData(Matrix(0, cols), Vector()), ShapeError);
  Vector wrongY = Vector::Zero(d.X.rows() - 1);
  CHECK_THROWS_AS(m.setData(d.X, wrongY), ShapeError);
  // Labels out of range / not whole / NaN targets.
  if (S::labels == Labels::Binary || S::labels == Labels::Multiclass) {
    Vector y = d.y;
    y(0) = -1;
    CHECK_THROWS_AS(m.setData(d.X, y), InvalidArgument);
    y(0) = 0.5;
    CHECK_THROWS_AS(m.setData(d.X, y), InvalidArgument);
    y(0) = 1000;
    CHECK_THROWS_AS(m.setData(d.X, y), InvalidArgument);
  }
  if (S::labels != Labels::None) {
    Vector y = d.y;
    y(1) = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(m.setData(d.X, y), InvalidArgument);
  }
  CHECK(m.status() == Status::Empty);  // nothing half-accepted
  // Now good data; queries of the wrong width or with NaN are refused.
  m.setData(d.X, d.y);
  m.fit(3);
  CHECK_THROWS_AS(m.predict(Matrix::Zero(2, cols + 1)), ShapeError);
  Matrix q = d.X.topRows(2);
  q(1, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(m.predict(q), InvalidArgument);
  CHECK_THROWS_AS(m.fit(-1), InvalidArgument);
  if (cols == 2) CHECK_THROWS_AS(m.predictGrid(0, 1, 0, 1, 0, 3), InvalidArgument);
  // Still usable.
  CHECK(m.predict(d.X).size() == Output<TestType>::perRow * d.X.rows());
  CHECK(std::isfinite(m.loss()));
}

TEMPLATE_TEST_CASE("conformance: params, predict, probabilities and grids have the documented shapes", "[conformance]",
                   DW_ALL_MODELS) {
  using S = Setup<TestType>;
  Dataset d = S::data(45, 5);
  TestType m;
  prepare(m, d);
  m.reset(1);
  m.fit(10);
  CHECK(allFinite(m.params()));
  Vector p = m.predict(d.X);
  CHECK(p.size() == Output<TestType>::perRow * d.X.rows());
  CHECK(allFinite(p));
  CHECK(m.featureCount() == d.X.cols());
  if (m.isClassifier()) {
    Matrix P = m.predictProba(d.X);
    CHECK(P.rows() == d.X.rows());
    CHECK(P.cols() == m.classCount());
    for (Index i = 0; i < P.rows(); ++i) CHECK(P.row(i).sum() == Approx(1.0).margin(1e-9));
  } else {
    CHECK_THROWS_AS(m.predictProba(d.X), StateError);
  }
  if (d.X.cols() == 2 && !Output<TestType>::newPoints) {
    CHECK_THROWS_AS(m.predictGrid(-2, 2, -1, 1, 7, 5), Error);  // a typed refusal, not a crash
  } else if (d.X.cols() == 2) {
    Vector g = m.predictGrid(-2, 2, -1, 1, 7, 5);
    CHECK(g.size() == 7 * 5 * (m.isClassifier() ? m.classCount() : Output<TestType>::perRow));
  } else {
    CHECK_THROWS_AS(m.predictGrid(-2, 2, -1, 1, 7, 5), ShapeError);
  }
  CHECK(std::isfinite(m.score(d.X, d.y.size() ? d.y : Vector::Zero(d.X.rows()))));
}

TEMPLATE_TEST_CASE("conformance: divergence is a state, not a crash", "[conformance]", DW_ALL_MODELS) {
  using S = Setup<TestType>;
  Dataset d = S::data(40, 6);
  TestType m;
  prepare(m, d);
  S::explode(m);
  m.reset(2);
  int taken = m.fit(300);
  CHECK(taken <= 300);
  Status s = m.status();
  CHECK((s == Status::Ready || s == Status::Converged || s == Status::Diverged));
  if (S::canDiverge) CHECK(s == Status::Diverged);
  if (s == Status::Diverged) {
    CHECK_THROWS_AS(m.step(), StateError);
    CHECK(m.fit(10) == 0);
    CHECK_NOTHROW(m.predict(d.X));
    // reset() recovers.
    Setup<TestType>::configure(m);
    m.reset(2);
    CHECK(m.status() == Status::Ready);
  }
}

TEMPLATE_TEST_CASE("conformance: setData after fit starts over on the new data", "[conformance]", DW_ALL_MODELS) {
  using S = Setup<TestType>;
  Dataset first = S::data(40, 7);
  Dataset second = S::data(52, 8);
  TestType m;
  prepare(m, first);
  m.reset(3);
  m.fit(20);
  m.setData(second.X, second.y);
  CHECK(m.status() == Status::Ready);
  CHECK(m.steps() == 0);
  CHECK(m.trace().rows() == 1);
  m.fit(5);
  CHECK(m.predict(second.X).size() == Output<TestType>::perRow * second.X.rows());
  CHECK(std::isfinite(m.loss()));
  // setData may keep parameters of the same shape (a widget's line survives new data); after
  // reset the model is the same as one that only ever saw the second set.
  m.reset(3);
  m.fit(5);
  TestType only;
  prepare(only, second);
  only.reset(3);
  only.fit(5);
  CHECK(m.params() == only.params());
}

TEMPLATE_TEST_CASE("conformance: tracing on or off gives the same parameters", "[conformance]", DW_ALL_MODELS) {
  using S = Setup<TestType>;
  Dataset d = S::data(44, 9);
  TestType on, off;
  prepare(on, d);
  prepare(off, d);
  off.setTracing(false);
  on.reset(5);
  off.reset(5);
  for (int i = 0; i < 8 && on.status() == Status::Ready; ++i) {
    on.step();
    off.step();
  }
  CHECK(on.params() == off.params());
  CHECK(on.status() == off.status());
  CHECK(on.loss() == off.loss());
  CHECK(off.trace().rows() == 1);  // only the starting row
}

// Every model trained on (X, y) derives from SupervisedModel, whose setData is written once
// (dw/model.hpp): a data set it refuses — for the shared reasons or the model's own — leaves the
// previous data, parameters, step count and trace exactly as they were, and the message names
// "<name>.setData".
#define DW_SUPERVISED_MODELS                                                                                    \
  LinearRegression, PolynomialRegression, LogisticRegression, SoftmaxRegression, Perceptron, KNearestNeighbors, GaussianNaiveBayes, \
      MultinomialNaiveBayes, LinearSVM, KernelSVM, DecisionTree, RandomForest, GradientBoosting, AdaBoost, Mlp,    \
      ConvNet, ElasticNet, SVR, RandomForestRegressor

TEMPLATE_TEST_CASE("conformance: a supervised model's refused data set changes nothing", "[conformance]",
                   DW_SUPERVISED_MODELS) {
  static_assert(std::is_base_of_v<SupervisedModel, TestType>, "trained on (X, y): derives from SupervisedModel");
  using S = Setup<TestType>;
  Dataset d = S::data(40, 6);
  TestType m;
  prepare(m, d);
  m.fit(3);
  const Vector params = m.params();
  const double loss = m.loss();
  const int steps = m.steps();
  const std::size_t rows = m.trace().rows();
  const Status status = m.status();
  const Index width = m.featureCount();

  Matrix bad = d.X;
  bad(2, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(m.setData(bad, d.y), InvalidArgument);
  CHECK_THROWS_WITH(m.setData(bad, d.y), Catch::Matchers::Contains(std::string(m.name()) + ".setData"));
  CHECK_THROWS_AS(m.setData(d.X, Vector::Zero(d.X.rows() - 1)), ShapeError);
  if (S::labels == Labels::Binary || S::labels == Labels::Multiclass) {
    Vector y = d.y;
    y(0) = 0.5;  // the model's own check (checkData), after the shared ones passed
    CHECK_THROWS_AS(m.setData(d.X, y), InvalidArgument);
  }
  CHECK(m.params() == params);
  CHECK(m.loss() == loss);
  CHECK(m.steps() == steps);
  CHECK(m.trace().rows() == rows);
  CHECK(m.status() == status);
  CHECK(m.featureCount() == width);

  // Accepted data restarts the trace at row 0 whatever happened before.
  Dataset other = S::data(30, 8);
  m.setData(other.X, other.y);
  CHECK(m.steps() == 0);
  CHECK(m.trace().rows() == 1);
  CHECK(m.status() == Status::Ready);
  CHECK(m.featureCount() == d.X.cols());
}
