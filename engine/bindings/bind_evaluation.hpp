// embind registrations for the evaluation family (metrics, splits, cross-validation, curves,
// bias–variance, preprocessing, leakage); included by bindings.cpp (the one registry).
// Only translation here: JS arrays ↔ Eigen, option objects ↔ structs, JS callbacks ↔
// std::function. Every call is guarded so engine errors reach JS as Error/RangeError + code.
#pragma once
#include <emscripten/bind.h>

#include <cstdint>
#include <limits>
#include <string>

#include "adapters.hpp"
#include "dw/bias_variance.hpp"
#include "dw/leakage.hpp"
#include "dw/metrics.hpp"
#include "dw/preprocessing.hpp"
#include "dw/validate.hpp"
#include "dw/validation.hpp"

namespace dw::js {

// Result structs of this family as JS objects (see toJs in adapters.hpp).
template <>
struct JsFields<BinaryConfusion> {
  static auto list() {
    return std::make_tuple(field("tp", &BinaryConfusion::tp), field("fp", &BinaryConfusion::fp), field("tn", &BinaryConfusion::tn),
                           field("fn", &BinaryConfusion::fn));
  }
};
template <>
struct JsFields<RocCurve> {
  static auto list() {
    return std::make_tuple(field("fpr", &RocCurve::fpr), field("tpr", &RocCurve::tpr), field("thresholds", &RocCurve::thresholds));
  }
};
template <>
struct JsFields<PrecisionRecallCurve> {
  static auto list() {
    using P = PrecisionRecallCurve;
    return std::make_tuple(field("precision", &P::precision), field("recall", &P::recall), field("thresholds", &P::thresholds));
  }
};
template <>
struct JsFields<Fold> {
  static auto list() { return std::make_tuple(field("train", &Fold::train), field("test", &Fold::test)); }
};
template <>
struct JsFields<SplitIndices> {
  static auto list() {
    return std::make_tuple(field("train", &SplitIndices::train), field("validation", &SplitIndices::validation),
                           field("test", &SplitIndices::test));
  }
};
// A curve's x values are called "sizes" (learning curve) or "values" (validation curve).
struct SizesCurve {
  CurvePoints c;
};
struct ValuesCurve {
  CurvePoints c;
};
template <class S>
auto curveFields(const char* atName) {
  return std::make_tuple(field(atName, +[](const S& s) -> const Vector& { return s.c.at; }),
                         field("trainLoss", +[](const S& s) -> const Vector& { return s.c.trainLoss; }),
                         field("trainError", +[](const S& s) -> const Vector& { return s.c.trainError; }),
                         field("validationError", +[](const S& s) -> const Vector& { return s.c.validationError; }));
}
template <>
struct JsFields<SizesCurve> {
  static auto list() { return curveFields<SizesCurve>("sizes"); }
};
template <>
struct JsFields<ValuesCurve> {
  static auto list() { return curveFields<ValuesCurve>("values"); }
};
template <>
struct JsFields<BiasVarianceResult> {
  static auto list() {
    using R = BiasVarianceResult;
    return std::make_tuple(field("x", &R::x), field("truth", &R::truth), field("meanPrediction", &R::meanPrediction),
                           field("bias2", &R::bias2), field("variance", &R::variance), field("expectedError", &R::expectedError),
                           field("noiseVariance", &R::noiseVariance), field("predictions", &R::predictions),
                           field("refits", +[](const R& r) { return r.predictions.rows(); }),
                           field("gridSize", +[](const R& r) { return r.predictions.cols(); }), field("meanBias2", &R::meanBias2),
                           field("meanVariance", &R::meanVariance), field("meanExpectedError", &R::meanExpectedError));
  }
};
template <>
struct JsFields<LeakageResult> {
  static auto list() {
    using R = LeakageResult;
    return std::make_tuple(field("rightScores", &R::rightScores), field("leakyScores", &R::leakyScores),
                           field("rightMean", &R::rightMean), field("leakyMean", &R::leakyMean), field("chance", &R::chance));
  }
};

namespace evaluation {

inline Vector vec(const val& a, const char* where, const char* name) { return toVector(a, where, name); }
// Optional numeric argument: undefined → fallback.
inline double optionalNumber(const val& v, double fallback, const char* where, const char* name) {
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isNumber()) throw InvalidArgument(std::string(where) + ": " + name + " must be a number");
  return v.as<double>();
}
inline Matrix matrixIn(const val& X, double cols, const char* where) { return toMatrix(X, cols, where); }
inline void requireFunction(const val& f, const char* where, const char* name) {
  if (f.typeOf().as<std::string>() != "function")
    throw InvalidArgument(std::string(where) + ": " + name + " must be a function");
}

// ---- metrics ----
inline double mse(const val& t, const val& p) { return guarded([&] { return mseMetric(vec(t, "meanSquaredError", "yTrue"), vec(p, "meanSquaredError", "yPred")); }); }
inline double mae(const val& t, const val& p) { return guarded([&] { return maeMetric(vec(t, "meanAbsoluteError", "yTrue"), vec(p, "meanAbsoluteError", "yPred")); }); }
inline double r2(const val& t, const val& p) { return guarded([&] { return r2Metric(vec(t, "r2Score", "yTrue"), vec(p, "r2Score", "yPred")); }); }
inline double acc(const val& t, const val& p) { return guarded([&] { return accuracyMetric(vec(t, "accuracy", "yTrue"), vec(p, "accuracy", "yPred")); }); }

inline val confusionAtThresholdJs(const val& t, const val& s, double threshold) {
  return guarded([&] { return toJs(confusionAtThreshold(vec(t, "confusionAtThreshold", "yTrue"), vec(s, "confusionAtThreshold", "scores"), threshold)); });
}
inline val confusionMatrixJs(const val& t, const val& p, double classes) {
  return guarded([&] {
    const char* where = "confusionMatrix";
    Matrix cm = confusionMatrix(vec(t, where, "yTrue"), vec(p, where, "yPred"), intArg(classes, where, "classes"));
    val rows = val::array();
    for (Index i = 0; i < cm.rows(); ++i) rows.call<void>("push", copyToJs(Vector(cm.row(i).transpose())));
    return rows;
  });
}
// where: the JS name, for messages about the arrays themselves (the engine names the rest).
template <double (*F)(const Vector&, const Vector&)>
double labelMetric(const val& t, const val& p) {
  return guarded([&] { return F(vec(t, "binary label metric", "yTrue"), vec(p, "binary label metric", "yPred")); });
}
inline double logLossJs(const val& t, const val& p, const val& eps) {
  return guarded([&] { return logLoss(vec(t, "logLoss", "yTrue"), vec(p, "logLoss", "p"), optionalNumber(eps, 1e-15, "logLoss", "eps")); });
}
inline double logLossMulticlassJs(const val& t, const val& proba, double classes, const val& eps) {
  return guarded([&] {
    const char* where = "logLossMulticlass";
    return logLossMulticlass(vec(t, where, "yTrue"), matrixIn(proba, classes, where), optionalNumber(eps, 1e-15, where, "eps"));
  });
}
inline val rocCurveJs(const val& t, const val& s) {
  return guarded([&] {
    return toJs(rocCurve(vec(t, "rocCurve", "yTrue"), vec(s, "rocCurve", "scores")));
  });
}
inline double rocAucJs(const val& t, const val& s) { return guarded([&] { return rocAuc(vec(t, "rocAuc", "yTrue"), vec(s, "rocAuc", "scores")); }); }
inline double mannWhitneyJs(const val& t, const val& s) { return guarded([&] { return mannWhitneyAuc(vec(t, "mannWhitneyAuc", "yTrue"), vec(s, "mannWhitneyAuc", "scores")); }); }
inline double trapezoidJs(const val& x, const val& y) { return guarded([&] { return trapezoidArea(vec(x, "trapezoidArea", "x"), vec(y, "trapezoidArea", "y")); }); }
inline val prCurveJs(const val& t, const val& s) {
  return guarded([&] {
    return toJs(precisionRecallCurve(vec(t, "precisionRecallCurve", "yTrue"), vec(s, "precisionRecallCurve", "scores")));
  });
}
inline double averagePrecisionJs(const val& t, const val& s) {
  return guarded([&] { return averagePrecision(vec(t, "averagePrecision", "yTrue"), vec(s, "averagePrecision", "scores")); });
}

// ---- splits ----
inline val kFoldJs(double n, double k, bool shuffle, double seed) {
  return guarded([&] {
    const char* where = "kFold";
    return toJs(kFold(intArg(n, where, "n"), intArg(k, where, "k"), shuffle, seedArg(seed, where)));
  });
}
inline val stratifiedKFoldJs(const val& labels, double k, bool shuffle, double seed) {
  return guarded([&] {
    const char* where = "stratifiedKFold";
    return toJs(stratifiedKFold(vec(labels, where, "labels"), intArg(k, where, "k"), shuffle, seedArg(seed, where)));
  });
}
inline val splitJs(const val& nOrLabels, double validationFraction, double testFraction, double seed, bool stratify) {
  return guarded([&] {
    const char* where = "trainValidationTestSplit";
    SplitIndices s;
    if (nOrLabels.isNumber()) {
      if (stratify) throw InvalidArgument(std::string(where) + ": stratify needs the labels array, not a count");
      s = trainValidationTestSplit(intArg(nOrLabels.as<double>(), where, "n"), validationFraction, testFraction, seedArg(seed, where));
    } else {
      Vector labels = vec(nOrLabels, where, "labels");
      s = stratify ? stratifiedTrainValidationTestSplit(labels, validationFraction, testFraction, seedArg(seed, where))
                   : trainValidationTestSplit(int(labels.size()), validationFraction, testFraction, seedArg(seed, where));
    }
    return toJs(s);
  });
}

// ---- cross-validation and curves ----
inline val crossValScoreJs(Model& m, const val& X, double cols, const val& y, double k, double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "crossValScore";
    return copyToJs(crossValScore(m, matrixIn(X, cols, where), vec(y, where, "y"), intArg(k, where, "k"),
                                  seedArg(seed, where), intArg(maxSteps, where, "maxSteps")));
  });
}
inline val learningCurveJs(Model& m, const val& X, double cols, const val& y, const val& sizes, double validationFraction,
                           double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "learningCurve";
    std::vector<int> n;
    for (double v : toDoubles(sizes, where, "sizes")) n.push_back(intArg(v, where, "size"));
    return toJs(SizesCurve{learningCurve(m, matrixIn(X, cols, where), vec(y, where, "y"), n, validationFraction, seedArg(seed, where),
                                   intArg(maxSteps, where, "maxSteps"))});
  });
}
inline val validationCurveJs(Model& m, const val& X, double cols, const val& y, const val& values, const val& applyFn,
                             double validationFraction, double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "validationCurve";
    requireFunction(applyFn, where, "apply");
    // The JS callback closes over its own handle of the model (e.g. v => model.setK(v)), so it
    // receives only the value. An exception it throws propagates to the caller of validationCurve.
    ApplyValue apply = [&applyFn](Model&, double v) { applyFn(v); };
    return toJs(ValuesCurve{validationCurve(m, matrixIn(X, cols, where), vec(y, where, "y"), toDoubles(values, where, "values"), apply,
                                     validationFraction, seedArg(seed, where), intArg(maxSteps, where, "maxSteps"))});
  });
}

// ---- bias–variance ----
inline val biasVarianceJs(Model& m, const val& fn, const val& options) {
  return guarded([&] {
    const char* where = "biasVariance";
    BiasVarianceOptions o;
    if (!options.isUndefined() && !options.isNull()) {
      o.xMin = optionalNumber(options["xMin"], o.xMin, where, "xMin");
      o.xMax = optionalNumber(options["xMax"], o.xMax, where, "xMax");
      o.noise = optionalNumber(options["noise"], o.noise, where, "noise");
      o.sampleSize = intArg(optionalNumber(options["sampleSize"], o.sampleSize, where, "sampleSize"), where, "sampleSize");
      o.refits = intArg(optionalNumber(options["refits"], o.refits, where, "refits"), where, "refits");
      o.gridSize = intArg(optionalNumber(options["gridSize"], o.gridSize, where, "gridSize"), where, "gridSize");
      o.seed = seedArg(optionalNumber(options["seed"], 0, where, "seed"), where);
      o.maxSteps = intArg(optionalNumber(options["maxSteps"], o.maxSteps, where, "maxSteps"), where, "maxSteps");
      o.fixedX = options["fixedX"].isTrue();
    }
    TargetFunction f;  // empty → sin
    if (!fn.isUndefined() && !fn.isNull()) {
      requireFunction(fn, where, "f");
      f = [&fn](double x) {
        val r = fn(x);
        return r.isNumber() ? r.as<double>() : std::numeric_limits<double>::quiet_NaN();
      };
    }
    return toJs(biasVariance(m, f, o));
  });
}

// ---- pipeline and leakage ----
inline PipelineOptions pipelineOptionsOf(const val& o, const char* where) {
  PipelineOptions p;
  if (o.isUndefined() || o.isNull()) return p;
  p.impute = o["impute"].isTrue();
  std::string strategy = o["strategy"].isString() ? o["strategy"].as<std::string>() : "mean";
  if (strategy != "mean" && strategy != "median")
    throw InvalidArgument(std::string(where) + ": strategy='" + strategy + "' must be 'mean' or 'median'");
  p.imputeStrategy = strategy == "median" ? SimpleImputer::Strategy::Median : SimpleImputer::Strategy::Mean;
  p.selectFeatures = intArg(optionalNumber(o["selectFeatures"], 0, where, "selectFeatures"), where, "selectFeatures");
  std::string scaling = o["scaling"].isString() ? o["scaling"].as<std::string>() : "standard";
  if (scaling == "standard") p.scaling = Scaling::Standard;
  else if (scaling == "minmax") p.scaling = Scaling::MinMax;
  else if (scaling == "none") p.scaling = Scaling::None;
  else throw InvalidArgument(std::string(where) + ": scaling='" + scaling + "' must be 'standard', 'minmax' or 'none'");
  return p;
}
inline val pipelineCrossValScoreJs(Model& m, const val& X, double cols, const val& y, const val& options, double k, double seed,
                                   double maxSteps, bool leaky) {
  return guarded([&] {
    const char* where = "pipelineCrossValScore";
    return copyToJs(pipelineCrossValScore(m, matrixIn(X, cols, where), vec(y, where, "y"), pipelineOptionsOf(options, where),
                                          intArg(k, where, "k"), seedArg(seed, where),
                                          intArg(maxSteps, where, "maxSteps"), leaky));
  });
}
inline val leakageDemoJs(Model& m, double samples, double features, double select, double k, double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "leakageDemo";
    return toJs(leakageDemo(m, intArg(samples, where, "samples"), intArg(features, where, "features"), intArg(select, where, "select"),
                            intArg(k, where, "k"), seedArg(seed, where), intArg(maxSteps, where, "maxSteps")));
  });
}

// ---- transformers: fit/transform take a flat row-major X and its column count ----
template <class T>
void fitJs(T& t, const val& X, double cols, const char* where) {
  guarded([&] { t.fit(matrixIn(X, cols, where)); });
}
template <class T>
val transformJs(const T& t, const val& X, double cols, const char* where) {
  return guarded([&] { return toJs(t.transform(matrixIn(X, cols, where))); });
}
template <class T>
val inverseJs(const T& t, const val& X, double cols, const char* where) {
  return guarded([&] { return toJs(t.inverseTransform(matrixIn(X, cols, where))); });
}

}  // namespace evaluation

inline void bind_evaluation() {
  using namespace emscripten;
  namespace ev = evaluation;
  function("meanSquaredError", &ev::mse);
  function("meanAbsoluteError", &ev::mae);
  function("r2Score", &ev::r2);
  function("accuracy", &ev::acc);
  function("confusionAtThreshold", &ev::confusionAtThresholdJs);
  function("confusionMatrix", &ev::confusionMatrixJs);
  function("precision", &ev::labelMetric<&dw::precisionScore>);
  function("recall", &ev::labelMetric<&dw::recallScore>);
  function("specificity", &ev::labelMetric<&dw::specificityScore>);
  function("f1Score", &ev::labelMetric<&dw::f1Score>);
  // embind checks the argument count; optional trailing arguments are overloads by arity.
  function("logLoss", &ev::logLossJs);
  function("logLoss", optional_override([](const val& t, const val& p) { return ev::logLossJs(t, p, val::undefined()); }));
  function("logLossMulticlass", &ev::logLossMulticlassJs);
  function("logLossMulticlass", optional_override([](const val& t, const val& p, double c) {
    return ev::logLossMulticlassJs(t, p, c, val::undefined());
  }));
  function("rocCurve", &ev::rocCurveJs);
  function("rocAuc", &ev::rocAucJs);
  function("mannWhitneyAuc", &ev::mannWhitneyJs);
  function("trapezoidArea", &ev::trapezoidJs);
  function("precisionRecallCurve", &ev::prCurveJs);
  function("averagePrecision", &ev::averagePrecisionJs);

  function("trainValidationTestSplit", &ev::splitJs);
  function("trainValidationTestSplit", optional_override([](const val& n, double v, double t, double seed) {
    return ev::splitJs(n, v, t, seed, false);
  }));
  function("kFold", &ev::kFoldJs);
  function("stratifiedKFold", &ev::stratifiedKFoldJs);
  function("crossValScore", &ev::crossValScoreJs);
  function("learningCurve", &ev::learningCurveJs);
  function("validationCurve", &ev::validationCurveJs);
  function("biasVariance", &ev::biasVarianceJs);
  function("biasVariance", optional_override([](Model& m, const val& f) { return ev::biasVarianceJs(m, f, val::undefined()); }));
  function("pipelineCrossValScore", &ev::pipelineCrossValScoreJs);
  function("leakageDemo", &ev::leakageDemoJs);

  class_<StandardScaler>("StandardScaler")
      .constructor<>()
      .function("fit", optional_override([](StandardScaler& s, const val& X, double c) { ev::fitJs(s, X, c, "StandardScaler.fit"); }))
      .function("transform", optional_override([](const StandardScaler& s, const val& X, double c) { return ev::transformJs(s, X, c, "StandardScaler.transform"); }))
      .function("inverseTransform", optional_override([](const StandardScaler& s, const val& X, double c) { return ev::inverseJs(s, X, c, "StandardScaler.inverseTransform"); }))
      .function("mean", optional_override([](const StandardScaler& s) { return copyToJs(s.mean()); }))
      .function("scale", optional_override([](const StandardScaler& s) { return copyToJs(s.scale()); }));

  class_<MinMaxScaler>("MinMaxScaler")
      .constructor<>()
      .function("setFeatureRange", optional_override([](MinMaxScaler& s, double lo, double hi) { guarded([&] { s.setFeatureRange(lo, hi); }); }))
      .function("fit", optional_override([](MinMaxScaler& s, const val& X, double c) { ev::fitJs(s, X, c, "MinMaxScaler.fit"); }))
      .function("transform", optional_override([](const MinMaxScaler& s, const val& X, double c) { return ev::transformJs(s, X, c, "MinMaxScaler.transform"); }))
      .function("inverseTransform", optional_override([](const MinMaxScaler& s, const val& X, double c) { return ev::inverseJs(s, X, c, "MinMaxScaler.inverseTransform"); }))
      .function("dataMin", optional_override([](const MinMaxScaler& s) { return copyToJs(s.dataMin()); }))
      .function("dataMax", optional_override([](const MinMaxScaler& s) { return copyToJs(s.dataMax()); }));

  class_<RobustScaler>("RobustScaler")
      .constructor<>()
      .function("setQuantileRange", optional_override([](RobustScaler& s, double lo, double hi) { guarded([&] { s.setQuantileRange(lo, hi); }); }))
      .function("setCentering", &RobustScaler::setCentering)
      .function("setScaling", &RobustScaler::setScaling)
      .function("fit", optional_override([](RobustScaler& s, const val& X, double c) { ev::fitJs(s, X, c, "RobustScaler.fit"); }))
      .function("transform", optional_override([](const RobustScaler& s, const val& X, double c) { return ev::transformJs(s, X, c, "RobustScaler.transform"); }))
      .function("inverseTransform", optional_override([](const RobustScaler& s, const val& X, double c) { return ev::inverseJs(s, X, c, "RobustScaler.inverseTransform"); }))
      .function("center", optional_override([](const RobustScaler& s) { return copyToJs(s.center()); }))
      .function("scale", optional_override([](const RobustScaler& s) { return copyToJs(s.scale()); }));

  class_<OneHotEncoder>("OneHotEncoder")
      .constructor<>()
      .function("setIgnoreUnknown", &OneHotEncoder::setIgnoreUnknown)
      .function("fit", optional_override([](OneHotEncoder& s, const val& X, double c) { ev::fitJs(s, X, c, "OneHotEncoder.fit"); }))
      .function("transform", optional_override([](const OneHotEncoder& s, const val& X, double c) { return ev::transformJs(s, X, c, "OneHotEncoder.transform"); }))
      .function("categories", optional_override([](const OneHotEncoder& s, double j) {
        return guarded([&] { return copyToJs(s.categories(intArg(j, "OneHotEncoder.categories", "column"))); });
      }))
      .function("outputColumns", &OneHotEncoder::outputColumns);

  class_<SimpleImputer>("SimpleImputer")
      .constructor<>()
      .function("setStrategy", optional_override([](SimpleImputer& s, const std::string& name) {
        guarded([&] {
          if (name != "mean" && name != "median")
            throw InvalidArgument("SimpleImputer.setStrategy: strategy='" + name + "' must be 'mean' or 'median'");
          s.setStrategy(name == "median" ? SimpleImputer::Strategy::Median : SimpleImputer::Strategy::Mean);
        });
      }))
      .function("fit", optional_override([](SimpleImputer& s, const val& X, double c) { ev::fitJs(s, X, c, "SimpleImputer.fit"); }))
      .function("transform", optional_override([](const SimpleImputer& s, const val& X, double c) { return ev::transformJs(s, X, c, "SimpleImputer.transform"); }))
      .function("statistics", optional_override([](const SimpleImputer& s) { return copyToJs(s.statistics()); }));
}

}  // namespace dw::js
