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

namespace linear_models_detail {

inline Matrix queryMatrix(const Model& m, const val& X, const char* where) {
  return toMatrix(X, double(m.featureCount() ? m.featureCount() : 1), where);
}

// A row-major matrix as a flat view (rows × cols numbers, row after row).
inline val flatView(const Matrix& M) { return viewOf(Eigen::Map<const Vector>(M.data(), M.size())); }

template <class M>
val gradient(const M& m) {
  return guarded([&] {
    std::string where = std::string(m.name()) + ".gradient";
    if (m.status() == Status::Empty) throw StateError(where + ": no training data yet; call setData(X, y) first");
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
    Vector d = toVector(degrees, where, "degrees");
    std::vector<int> ints;
    for (Index i = 0; i < d.size(); ++i) {
      requireIntInRange(d(i), 1, 15, where, "degree");
      ints.push_back(static_cast<int>(d(i)));
    }
    requireIntInRange(seed, 0, 4294967295LL, where, "seed");
    SinExperimentResult r = dw::sinExperiment(ints, noise, static_cast<std::uint32_t>(seed));
    val out = val::object();
    out.set("degrees", intsToJs(r.degrees));
    out.set("trainMse", copyToJs(r.trainMse));
    out.set("testMse", copyToJs(r.testMse));
    return out;
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
        return guarded([&] { return viewOf(m.decisionFunction(d::queryMatrix(m, X, "LogisticRegression.decisionFunction"))); });
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
        return guarded([&] { return d::flatView(m.decisionFunction(d::queryMatrix(m, X, "SoftmaxRegression.decisionFunction"))); });
      }));

  class_<PolynomialRegression, base<Model>>("PolynomialRegression")
      .constructor<>()
      .function("setDegree", optional_override([](PolynomialRegression& m, double v) {
        guarded([&] {
          requireIntInRange(v, 1, 15, "PolynomialRegression.setDegree", "degree");
          m.setDegree(static_cast<int>(v));
        });
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
        return guarded([&] {
          if (m.status() == Status::Empty) throw StateError("PolynomialRegression.range: no training data yet; call setData(X, y) first");
          val out = val::object();
          out.set("lo", m.rangeLow());
          out.set("hi", m.rangeHigh());
          return out;
        });
      }))
      .function("features", optional_override([](const PolynomialRegression& m, const val& X) {
        return guarded([&] {
          Matrix F = m.features(toMatrix(X, 1.0, "PolynomialRegression.features"));
          return copyToJs(F.data(), static_cast<std::size_t>(F.size()));
        });
      }))
      .function("curve", optional_override([](const PolynomialRegression& m, double x0, double x1, double count) {
        return guarded([&] {
          requireIntInRange(count, 2, 10000, "PolynomialRegression.curve", "count");
          return viewOf(m.curve(x0, x1, static_cast<int>(count)));
        });
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
        return guarded([&] { return viewOf(m.decisionFunction(d::queryMatrix(m, X, "Perceptron.decisionFunction"))); });
      }));

  function("sinExperiment", &d::sinExperiment);
}

}  // namespace dw::js
