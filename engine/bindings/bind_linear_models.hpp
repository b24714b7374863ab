// embind registrations for the linear_models family; included by bindings.cpp (the one registry).
// LogisticRegression, SoftmaxRegression, PolynomialRegression, Perceptron and sinExperiment.
// Only translation happens here: numbers arrive as double and integers are checked before the
// cast; probabilities and logits come back as views (valid until the next engine call), other
// arrays as copies.
#pragma once
#include <string>
#include <vector>

#include "adapters.hpp"
#include "dw/logistic_regression.hpp"
#include "dw/perceptron.hpp"
#include "dw/polynomial_regression.hpp"
#include "dw/softmax_regression.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<SinExperimentResult> {
  static auto list() {
    using R = SinExperimentResult;
    return std::make_tuple(field("degrees", &R::degrees), field("trainMse", &R::trainMse), field("testMse", &R::testMse));
  }
};
// PolynomialRegression.range(): the x interval the features are scaled over.
struct XRange {
  double lo, hi;
};
template <>
struct JsFields<XRange> {
  static auto list() { return std::make_tuple(field("lo", &XRange::lo), field("hi", &XRange::hi)); }
};

namespace linear_models_detail {

// A row-major matrix as a flat view (rows × cols numbers, row after row).
inline val flatView(const Matrix& M) { return viewOf(Eigen::Map<const Vector>(M.data(), M.size())); }

template <class M>
val gradient(const M& m) {
  return guarded([&] {
    return copyToJs(m.gradient());
  });
}

template <class M>
void setParams(M& m, const val& p) {
  guarded([&] {
    std::string where = std::string(m.name()) + ".setParams";
    m.setParams(toVector(p, where.c_str(), "params"));
  });
}

inline val sinExperiment(const val& degrees, double noise, double seed) {
  return guarded([&] {
    const char* where = "sinExperiment";
    std::vector<int> ints;
    for (double d : toDoubles(degrees, where, "degrees")) ints.push_back(intArg(d, where, "degree"));
    return toJs(dw::sinExperiment(ints, noise, seedArg(seed, where)));
  });
}

}  // namespace linear_models_detail

inline void bind_linear_models() {
  using namespace emscripten;
  namespace d = linear_models_detail;

  class_<LogisticRegression, base<Model>>("LogisticRegression")
      .constructor<>()
      .function("setLearningRate", optional_override([](LogisticRegression& m, double v) { guarded([&] { m.setLearningRate(v); }); }))
      .function("learningRate", &LogisticRegression::learningRate)
      .function("setTolerance", optional_override([](LogisticRegression& m, double v) { guarded([&] { m.setTolerance(v); }); }))
      .function("tolerance", &LogisticRegression::tolerance)
      .function("setL2", optional_override([](LogisticRegression& m, double v) { guarded([&] { m.setL2(v); }); }))
      .function("l2", &LogisticRegression::l2)
      .function("setThreshold", optional_override([](LogisticRegression& m, double v) { guarded([&] { m.setThreshold(v); }); }))
      .function("threshold", &LogisticRegression::threshold)
      .function("setParams", &d::setParams<LogisticRegression>)
      .function("gradient", &d::gradient<LogisticRegression>)
      .function("decisionFunction", optional_override([](const LogisticRegression& m, const val& X) {
        return guarded([&] { return viewOf(m.decisionFunction(queryRows(m, X, "decisionFunction"))); });
      }));

  class_<SoftmaxRegression, base<Model>>("SoftmaxRegression")
      .constructor<>()
      .function("setLearningRate", optional_override([](SoftmaxRegression& m, double v) { guarded([&] { m.setLearningRate(v); }); }))
      .function("learningRate", &SoftmaxRegression::learningRate)
      .function("setTolerance", optional_override([](SoftmaxRegression& m, double v) { guarded([&] { m.setTolerance(v); }); }))
      .function("tolerance", &SoftmaxRegression::tolerance)
      .function("setL2", optional_override([](SoftmaxRegression& m, double v) { guarded([&] { m.setL2(v); }); }))
      .function("l2", &SoftmaxRegression::l2)
      .function("setParams", &d::setParams<SoftmaxRegression>)
      .function("gradient", &d::gradient<SoftmaxRegression>)
      .function("decisionFunction", optional_override([](const SoftmaxRegression& m, const val& X) {
        return guarded([&] { return d::flatView(m.decisionFunction(queryRows(m, X, "decisionFunction"))); });
      }));

  class_<PolynomialRegression, base<Model>>("PolynomialRegression")
      .constructor<>()
      .function("setDegree", optional_override([](PolynomialRegression& m, double v) {
        guarded([&] { m.setDegree(intArg(v, "PolynomialRegression.setDegree", "degree")); });
      }))
      .function("degree", &PolynomialRegression::degree)
      .function("setPenalty", optional_override([](PolynomialRegression& m, const val& p) {
        guarded([&] {
          if (!p.isString()) throw InvalidArgument("PolynomialRegression.setPenalty: penalty must be \"none\", \"l2\" or \"l1\"");
          m.setPenalty(p.as<std::string>());
        });
      }))
      .function("penalty", optional_override([](const PolynomialRegression& m) { return m.penalty(); }))
      .function("setLambda", optional_override([](PolynomialRegression& m, double v) { guarded([&] { m.setLambda(v); }); }))
      .function("lambda", &PolynomialRegression::lambda)
      .function("setLearningRate", optional_override([](PolynomialRegression& m, double v) { guarded([&] { m.setLearningRate(v); }); }))
      .function("learningRate", &PolynomialRegression::learningRate)
      .function("setTolerance", optional_override([](PolynomialRegression& m, double v) { guarded([&] { m.setTolerance(v); }); }))
      .function("setParams", &d::setParams<PolynomialRegression>)
      .function("gradient", &d::gradient<PolynomialRegression>)
      .function("solve", optional_override([](PolynomialRegression& m) { return guarded([&] { return m.solve(); }); }))
      .function("setSolver", optional_override([](PolynomialRegression& m, std::string s) { guarded([&] { m.setSolver(s); }); }))
      .function("solver", optional_override([](const PolynomialRegression& m) { return std::string(m.solver()); }))
      .function("coefficients", optional_override([](const PolynomialRegression& m) { return copyToJs(m.params()); }))
      .function("range", optional_override([](const PolynomialRegression& m) {
        return guarded([&] { return toJs(XRange{m.rangeLow(), m.rangeHigh()}); });
      }))
      .function("features", optional_override([](const PolynomialRegression& m, const val& X) {
        return guarded([&] {
          return toJs(m.features(toMatrix(X, 1.0, "PolynomialRegression.features")));
        });
      }))
      .function("curve", optional_override([](const PolynomialRegression& m, double x0, double x1, double count) {
        return guarded([&] { return viewOf(m.curve(x0, x1, intArg(count, "PolynomialRegression.curve", "count"))); });
      }));

  class_<Perceptron, base<Model>>("Perceptron")
      .constructor<>()
      .function("setLearningRate", optional_override([](Perceptron& m, double v) { guarded([&] { m.setLearningRate(v); }); }))
      .function("learningRate", &Perceptron::learningRate)
      .function("setShuffle", optional_override([](Perceptron& m, bool on) { m.setShuffle(on); }))
      .function("shuffle", &Perceptron::shuffle)
      .function("setParams", &d::setParams<Perceptron>)
      .function("lastEpochMistakes", &Perceptron::lastEpochMistakes)
      .function("trainingErrors", &Perceptron::trainingErrors)
      .function("decisionFunction", optional_override([](const Perceptron& m, const val& X) {
        return guarded([&] { return viewOf(m.decisionFunction(queryRows(m, X, "decisionFunction"))); });
      }));

  function("sinExperiment", &d::sinExperiment);
}

}  // namespace dw::js
