// libFuzzer target for the engine's public API: a random model, random hyper-parameter calls
// (including absurd values), data with NaN/Inf/huge values, empty or mismatched shapes, and a
// random order of setData/reset/step/fit/predict/score/predictGrid. Every bad call must end in
// a dw::Error (which the bindings turn into a JS error); anything else — a crash, a sanitizer
// report, another exception — is a bug. Built with ASan + UBSan by scripts/fuzz.sh.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "dw/adaboost.hpp"
#include "dw/dbscan.hpp"
#include "dw/decision_tree.hpp"
#include "dw/errors.hpp"
#include "dw/feature_transform.hpp"
#include "dw/gaussian_naive_bayes.hpp"
#include "dw/gradient_boosting.hpp"
#include "dw/k_nearest_neighbors.hpp"
#include "dw/kernel_svm.hpp"
#include "dw/kmeans.hpp"
#include "dw/linear_algebra_2d.hpp"
#include "dw/linear_regression.hpp"
#include "dw/linear_svm.hpp"
#include "dw/logistic_regression.hpp"
#include "dw/mlp.hpp"
#include "dw/multinomial_naive_bayes.hpp"
#include "dw/text_features.hpp"
#include "dw/pca.hpp"
#include "dw/perceptron.hpp"
#include "dw/polynomial_regression.hpp"
#include "dw/random_forest.hpp"
#include "dw/softmax_regression.hpp"
#include "dw/tsne.hpp"

namespace {

double anyNumber(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 9)) {
    case 0: return std::numeric_limits<double>::quiet_NaN();
    case 1: return std::numeric_limits<double>::infinity();
    case 2: return -1e300;
    case 3: return 0.0;
    case 4: return -1.0;
    case 5: return in.ConsumeIntegralInRange(-5, 20);
    default: return in.ConsumeFloatingPointInRange(-10.0, 10.0);
  }
}

dw::Matrix anyMatrix(FuzzedDataProvider& in, int rows, int cols) {
  dw::Matrix X(rows, cols);
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) X(i, j) = in.ConsumeIntegralInRange(0, 30) == 0 ? anyNumber(in) : in.ConsumeFloatingPointInRange(-3.0, 3.0);
  return X;
}

// Labels are mostly valid classes 0..2, sometimes not (1.5, −1, NaN, huge).
dw::Vector anyLabels(FuzzedDataProvider& in, int n) {
  dw::Vector y(n);
  for (int i = 0; i < n; ++i) y(i) = in.ConsumeIntegralInRange(0, 20) == 0 ? anyNumber(in) : in.ConsumeIntegralInRange(0, 2);
  return y;
}

using Tweak = std::function<void(dw::Model&, FuzzedDataProvider&)>;

template <class M>
std::pair<std::unique_ptr<dw::Model>, Tweak> make(std::function<void(M&, FuzzedDataProvider&)> tweak) {
  return {std::make_unique<M>(), [tweak](dw::Model& m, FuzzedDataProvider& in) { tweak(static_cast<M&>(m), in); }};
}

std::pair<std::unique_ptr<dw::Model>, Tweak> anyModel(FuzzedDataProvider& in) {
  static const char* kernels[] = {"rbf", "poly", "linear", "bogus"};
  static const char* criteria[] = {"gini", "entropy", "squared_error", ""};
  switch (in.ConsumeIntegralInRange(0, 19)) {
    case 0: return make<dw::LinearRegression>([](auto& m, auto& in) { m.setLearningRate(anyNumber(in)); });
    case 1: return make<dw::LogisticRegression>([](auto& m, auto& in) { m.setLearningRate(anyNumber(in)); m.setThreshold(anyNumber(in)); });
    case 2: return make<dw::SoftmaxRegression>([](auto& m, auto& in) { m.setLearningRate(anyNumber(in)); });
    case 3: return make<dw::PolynomialRegression>([](auto& m, auto& in) { m.setDegree(in.ConsumeIntegralInRange(-2, 20)); m.setLambda(anyNumber(in)); m.setPenalty(in.ConsumeBool() ? "l1" : "l2"); });
    case 4: return make<dw::Perceptron>([](auto& m, auto& in) { m.setLearningRate(anyNumber(in)); m.setShuffle(in.ConsumeBool()); });
    case 5: return make<dw::KNearestNeighbors>([](auto& m, auto& in) { m.setK(in.ConsumeIntegralInRange(-2, 40)); m.setMode(in.ConsumeBool() ? "regress" : "classify"); });
    case 6: return make<dw::GaussianNaiveBayes>([](auto& m, auto& in) { m.setVarSmoothing(anyNumber(in)); });
    case 7: return make<dw::LinearSVM>([](auto& m, auto& in) { m.setC(anyNumber(in)); });
    case 8: return make<dw::KernelSVM>([](auto& m, auto& in) { m.setKernel(kernels[in.ConsumeIntegralInRange(0, 3)]); m.setGamma(anyNumber(in)); m.setC(anyNumber(in)); });
    case 9: return make<dw::DecisionTree>([](auto& m, auto& in) { m.setCriterion(criteria[in.ConsumeIntegralInRange(0, 3)]); m.setMaxDepth(in.ConsumeIntegralInRange(-3, 2000000)); });
    case 10: return make<dw::RandomForest>([](auto& m, auto& in) { m.setTreeCount(in.ConsumeIntegralInRange(-1, 6)); m.setMaxDepth(in.ConsumeIntegralInRange(-3, 2000000)); });
    case 11: return make<dw::GradientBoosting>([](auto& m, auto& in) { m.setLoss(in.ConsumeBool() ? "log_loss" : "squared_error"); m.setLearningRate(anyNumber(in)); });
    case 12: return make<dw::AdaBoost>([](auto& m, auto& in) { m.setEstimatorCount(in.ConsumeIntegralInRange(-3, 6000)); });
    case 13: return make<dw::Mlp>([](auto& m, auto& in) {
      std::vector<int> layers(in.ConsumeIntegralInRange(0, 7));
      for (int& u : layers) u = in.ConsumeIntegralInRange(0, 17);
      m.setLayers(layers);
      m.setLearningRate(anyNumber(in));
      m.setBatchSize(in.ConsumeIntegralInRange(-1, 40));
      m.setDropout(anyNumber(in));
      if (in.ConsumeBool())
        m.setFeatures({dw::Feature::X1, dw::Feature::X2, dw::Feature::X1TimesX2, dw::Feature::SinX1});
      // The float32 heat-map kernel, with absurd bounds and sizes as well as sane ones.
      if (m.status() != dw::Status::Empty) {
        m.predictGridFloat32(anyNumber(in), anyNumber(in), anyNumber(in), anyNumber(in), in.ConsumeIntegralInRange(-1, 40), in.ConsumeIntegralInRange(-1, 40));
        m.neuronGridFloat32(anyNumber(in), anyNumber(in), anyNumber(in), anyNumber(in), in.ConsumeIntegralInRange(-1, 40), in.ConsumeIntegralInRange(-1, 40));
      }
    });
    case 14: return make<dw::KMeans>([](auto& m, auto& in) { m.setK(in.ConsumeIntegralInRange(-1, 40)); m.setInit(in.ConsumeBool() ? "k-means++" : "random"); });
    case 15: return make<dw::DBSCAN>([](auto& m, auto& in) { m.setEps(anyNumber(in)); m.setMinSamples(in.ConsumeIntegralInRange(-1, 10)); });
    case 16: return make<dw::PCA>([](auto& m, auto& in) { m.setComponents(in.ConsumeIntegralInRange(-1, 5)); });
    case 17: return make<dw::TSNE>([](auto& m, auto& in) { m.setPerplexity(anyNumber(in)); m.setLearningRate(anyNumber(in)); });
    case 18: return make<dw::MultinomialNaiveBayes>([](auto& m, auto& in) { m.setAlpha(anyNumber(in)); m.setFitPrior(in.ConsumeBool()); });
    default: return make<dw::LinearRegression>([](auto& m, auto& in) { m.setTolerance(anyNumber(in)); });
  }
}

// The text functions on arbitrary bytes: tokenise, build a vocabulary, encode, bag of words,
// tf-idf and cosine rankings of the result.
void fuzzText(FuzzedDataProvider& in) {
  std::vector<std::string> corpus;
  for (int i = in.ConsumeIntegralInRange(0, 5); i > 0; --i) corpus.push_back(in.ConsumeRandomLengthString(200));
  for (const std::string& text : corpus) dw::tokenize(text);
  dw::Vocabulary vocab;
  vocab.build(corpus, in.ConsumeIntegralInRange(-1, 3), in.ConsumeIntegralInRange(-1, 20));
  vocab.encode(in.ConsumeRandomLengthString(100));
  vocab.token(in.ConsumeIntegralInRange(-2, 30));
  dw::Matrix counts = dw::bagOfWords(corpus, vocab, in.ConsumeBool());
  dw::Matrix weighted = dw::tfidf(counts, dw::inverseDocumentFrequency(counts));
  dw::cosineSimilarityMatrix(weighted);
  if (weighted.rows() > 0) {
    dw::rankByCosine(weighted, weighted.row(0).transpose(), {in.ConsumeIntegralInRange(-1, 6)});
    dw::analogy(weighted, in.ConsumeIntegralInRange(-1, 6), in.ConsumeIntegralInRange(-1, 6), in.ConsumeIntegralInRange(-1, 6));
  }
}

// The 2×2 linear-algebra toolkit on arbitrary (also non-finite, huge or singular) matrices and
// vectors of any length.
void fuzzLinalg(FuzzedDataProvider& in) {
  Eigen::Matrix2d A;
  A << anyNumber(in), anyNumber(in), anyNumber(in), anyNumber(in);
  if (in.ConsumeBool()) A(1, 0) = A(0, 1);  // symmetric: real eigenvalues
  dw::matrix2Determinant(A);
  dw::matrix2Eigen(A);
  dw::matrix2Apply(A, anyMatrix(in, in.ConsumeIntegralInRange(0, 5), in.ConsumeIntegralInRange(0, 3)));
  dw::Vector a(in.ConsumeIntegralInRange(0, 3)), b(in.ConsumeIntegralInRange(0, 3));
  for (auto* v : {&a, &b})
    for (Eigen::Index i = 0; i < v->size(); ++i) (*v)(i) = anyNumber(in);
  for (int call = 0; call < 4; ++call) {
    try {
      switch (call) {
        case 0: dw::vectorDot(a, b); break;
        case 1: dw::vectorAngle(a, b); break;
        case 2: dw::vectorCosine(a, b); break;
        default: dw::vectorProjection(a, b); break;
      }
    } catch (const dw::Error&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  if (int pick = in.ConsumeIntegralInRange(0, 9); pick < 2) {
    try {
      if (pick == 0) fuzzText(in);
      else fuzzLinalg(in);
    } catch (const dw::Error&) {
    }
    return 0;
  }
  auto [model, tweak] = anyModel(in);
  int cols = in.ConsumeIntegralInRange(0, 4);
  for (int action = 0; action < 12 && in.remaining_bytes() > 0; ++action) {
    try {
      switch (in.ConsumeIntegralInRange(0, 9)) {
        case 0: case 1: {
          int n = in.ConsumeIntegralInRange(0, 40);
          int yLen = in.ConsumeIntegralInRange(0, 8) == 0 ? in.ConsumeIntegralInRange(0, 45) : n;
          dw::Matrix X = anyMatrix(in, n, cols);
          dw::Vector y = anyLabels(in, yLen);
          model->setData(X, y);
          break;
        }
        case 2: tweak(*model, in); break;
        case 3:
          model->setTracing(in.ConsumeBool());
          model->reset(in.ConsumeIntegral<std::uint32_t>());
          break;
        case 4: model->step(); break;
        case 5: model->fit(in.ConsumeIntegralInRange(-1, 30)); break;
        case 6: model->predict(anyMatrix(in, in.ConsumeIntegralInRange(0, 6), in.ConsumeIntegralInRange(0, 4))); break;
        case 7: {
          int n = in.ConsumeIntegralInRange(0, 6);
          model->score(anyMatrix(in, n, in.ConsumeIntegralInRange(0, 4)), anyLabels(in, in.ConsumeBool() ? n : n + 1));
          break;
        }
        case 8: model->predictGrid(anyNumber(in), anyNumber(in), anyNumber(in), anyNumber(in), in.ConsumeIntegralInRange(-1, 12), in.ConsumeIntegralInRange(-1, 12)); break;
        default:
          // The bindings answer loss()/params() on a model without data themselves (an error /
          // an empty array), so the engine is only asked once data exists — the same contract.
          if (model->status() != dw::Status::Empty) { model->loss(); model->params(); }
          model->trace();
          break;
      }
    } catch (const dw::Error&) {
      // Expected: a typed, catchable error for the bad call.
    }
  }
  return 0;
}
