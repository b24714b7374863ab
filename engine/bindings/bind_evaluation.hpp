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

namespace evaluation {

inline Vector vec(const val& a, const char* where, const char* name) { return toVector(a, where, name); }
inline int whole(double v, long long lo, long long hi, const char* where, const char* name) {
  requireIntInRange(v, lo, hi, where, name);
  return static_cast<int>(v);
}
inline std::uint32_t seedOf(double seed, const char* where) {
  requireIntInRange(seed, 0, 4294967295LL, where, "seed");
  return static_cast<std::uint32_t>(seed);
}
// Optional numeric argument: undefined → fallback.
inline double optionalNumber(const val& v, double fallback, const char* where, const char* name) {
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isNumber()) throw InvalidArgument(std::string(where) + ": " + name + " must be a number");
  return v.as<double>();
}
inline val matrixToJs(const Matrix& m) { return copyToJs(m.data(), static_cast<std::size_t>(m.size())); }
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

inline val confusionToJs(const BinaryConfusion& c) {
  val out = val::object();
  out.set("tp", c.tp);
  out.set("fp", c.fp);
  out.set("tn", c.tn);
  out.set("fn", c.fn);
  return out;
}
inline val confusionAtThresholdJs(const val& t, const val& s, double threshold) {
  return guarded([&] { return confusionToJs(confusionAtThreshold(vec(t, "confusionAtThreshold", "yTrue"), vec(s, "confusionAtThreshold", "scores"), threshold)); });
}
inline val confusionMatrixJs(const val& t, const val& p, double classes) {
  return guarded([&] {
    const char* where = "confusionMatrix";
    Matrix cm = confusionMatrix(vec(t, where, "yTrue"), vec(p, where, "yPred"), whole(classes, 1, 1000, where, "classes"));
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
    RocCurve r = rocCurve(vec(t, "rocCurve", "yTrue"), vec(s, "rocCurve", "scores"));
    val out = val::object();
    out.set("fpr", copyToJs(r.fpr));
    out.set("tpr", copyToJs(r.tpr));
    out.set("thresholds", copyToJs(r.thresholds));
    return out;
  });
}
inline double rocAucJs(const val& t, const val& s) { return guarded([&] { return rocAuc(vec(t, "rocAuc", "yTrue"), vec(s, "rocAuc", "scores")); }); }
inline double mannWhitneyJs(const val& t, const val& s) { return guarded([&] { return mannWhitneyAuc(vec(t, "mannWhitneyAuc", "yTrue"), vec(s, "mannWhitneyAuc", "scores")); }); }
inline double trapezoidJs(const val& x, const val& y) { return guarded([&] { return trapezoidArea(vec(x, "trapezoidArea", "x"), vec(y, "trapezoidArea", "y")); }); }
inline val prCurveJs(const val& t, const val& s) {
  return guarded([&] {
    PrecisionRecallCurve c = precisionRecallCurve(vec(t, "precisionRecallCurve", "yTrue"), vec(s, "precisionRecallCurve", "scores"));
    val out = val::object();
    out.set("precision", copyToJs(c.precision));
    out.set("recall", copyToJs(c.recall));
    out.set("thresholds", copyToJs(c.thresholds));
    return out;
  });
}
inline double averagePrecisionJs(const val& t, const val& s) {
  return guarded([&] { return averagePrecision(vec(t, "averagePrecision", "yTrue"), vec(s, "averagePrecision", "scores")); });
}

// ---- splits ----
inline val foldsToJs(const std::vector<Fold>& folds) {
  val out = val::array();
  for (const Fold& f : folds) {
    val o = val::object();
    o.set("train", intsToJs(f.train));
    o.set("test", intsToJs(f.test));
    out.call<void>("push", o);
  }
  return out;
}
inline val kFoldJs(double n, double k, bool shuffle, double seed) {
  return guarded([&] {
    const char* where = "kFold";
    int nn = whole(n, 2, 100000, where, "n");
    return foldsToJs(kFold(nn, whole(k, 2, nn, where, "k"), shuffle, seedOf(seed, where)));
  });
}
inline val stratifiedKFoldJs(const val& labels, double k, bool shuffle, double seed) {
  return guarded([&] {
    const char* where = "stratifiedKFold";
    return foldsToJs(stratifiedKFold(vec(labels, where, "labels"), whole(k, 2, 100000, where, "k"), shuffle, seedOf(seed, where)));
  });
}
inline val splitJs(const val& nOrLabels, double validationFraction, double testFraction, double seed, bool stratify) {
  return guarded([&] {
    const char* where = "trainValidationTestSplit";
    SplitIndices s;
    if (nOrLabels.isNumber()) {
      if (stratify) throw InvalidArgument(std::string(where) + ": stratify needs the labels array, not a count");
      s = trainValidationTestSplit(whole(nOrLabels.as<double>(), 1, 100000, where, "n"), validationFraction, testFraction, seedOf(seed, where));
    } else {
      Vector labels = vec(nOrLabels, where, "labels");
      s = stratify ? stratifiedTrainValidationTestSplit(labels, validationFraction, testFraction, seedOf(seed, where))
                   : trainValidationTestSplit(int(labels.size()), validationFraction, testFraction, seedOf(seed, where));
    }
    val out = val::object();
    out.set("train", intsToJs(s.train));
    out.set("validation", intsToJs(s.validation));
    out.set("test", intsToJs(s.test));
    return out;
  });
}

// ---- cross-validation and curves ----
inline val crossValScoreJs(Model& m, const val& X, double cols, const val& y, double k, double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "crossValScore";
    return copyToJs(crossValScore(m, matrixIn(X, cols, where), vec(y, where, "y"), whole(k, 2, 100000, where, "k"),
                                  seedOf(seed, where), whole(maxSteps, 0, 10'000'000, where, "maxSteps")));
  });
}
inline val curveToJs(const CurvePoints& c, const char* atName) {
  val out = val::object();
  out.set(atName, copyToJs(c.at));
  out.set("trainLoss", copyToJs(c.trainLoss));
  out.set("trainError", copyToJs(c.trainError));
  out.set("validationError", copyToJs(c.validationError));
  return out;
}
inline val learningCurveJs(Model& m, const val& X, double cols, const val& y, const val& sizes, double validationFraction,
                           double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "learningCurve";
    std::vector<int> n;
    for (double v : toDoubles(sizes, where, "sizes")) n.push_back(whole(v, 1, 100000, where, "size"));
    return curveToJs(learningCurve(m, matrixIn(X, cols, where), vec(y, where, "y"), n, validationFraction, seedOf(seed, where),
                                   whole(maxSteps, 0, 10'000'000, where, "maxSteps")), "sizes");
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
    return curveToJs(validationCurve(m, matrixIn(X, cols, where), vec(y, where, "y"), toDoubles(values, where, "values"), apply,
                                     validationFraction, seedOf(seed, where), whole(maxSteps, 0, 10'000'000, where, "maxSteps")),
                     "values");
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
      o.sampleSize = whole(optionalNumber(options["sampleSize"], o.sampleSize, where, "sampleSize"), 2, 10000, where, "sampleSize");
      o.refits = whole(optionalNumber(options["refits"], o.refits, where, "refits"), 2, 2000, where, "refits");
      o.gridSize = whole(optionalNumber(options["gridSize"], o.gridSize, where, "gridSize"), 1, 1000, where, "gridSize");
      o.seed = seedOf(optionalNumber(options["seed"], 0, where, "seed"), where);
      o.maxSteps = whole(optionalNumber(options["maxSteps"], o.maxSteps, where, "maxSteps"), 0, 10'000'000, where, "maxSteps");
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
    BiasVarianceResult r = biasVariance(m, f, o);
    val out = val::object();
    out.set("x", copyToJs(r.x));
    out.set("truth", copyToJs(r.truth));
    out.set("meanPrediction", copyToJs(r.meanPrediction));
    out.set("bias2", copyToJs(r.bias2));
    out.set("variance", copyToJs(r.variance));
    out.set("expectedError", copyToJs(r.expectedError));
    out.set("noiseVariance", r.noiseVariance);
    out.set("predictions", matrixToJs(r.predictions));
    out.set("refits", static_cast<int>(r.predictions.rows()));
    out.set("gridSize", static_cast<int>(r.predictions.cols()));
    out.set("meanBias2", r.meanBias2);
    out.set("meanVariance", r.meanVariance);
    out.set("meanExpectedError", r.meanExpectedError);
    return out;
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
  p.selectFeatures = whole(optionalNumber(o["selectFeatures"], 0, where, "selectFeatures"), 0, 4096, where, "selectFeatures");
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
                                          whole(k, 2, 100000, where, "k"), seedOf(seed, where),
                                          whole(maxSteps, 0, 10'000'000, where, "maxSteps"), leaky));
  });
}
inline val leakageDemoJs(Model& m, double samples, double features, double select, double k, double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "leakageDemo";
    LeakageResult r = leakageDemo(m, whole(samples, 10, 5000, where, "samples"), whole(features, 1, 5000, where, "features"),
                                  whole(select, 1, 5000, where, "select"), whole(k, 2, 2500, where, "k"), seedOf(seed, where),
                                  whole(maxSteps, 0, 10'000'000, where, "maxSteps"));
    val out = val::object();
    out.set("rightScores", copyToJs(r.rightScores));
    out.set("leakyScores", copyToJs(r.leakyScores));
    out.set("rightMean", r.rightMean);
    out.set("leakyMean", r.leakyMean);
    out.set("chance", r.chance);
    return out;
  });
}

// ---- transformers: fit/transform take a flat row-major X and its column count ----
template <class T>
void fitJs(T& t, const val& X, double cols, const char* where) {
  guarded([&] { t.fit(matrixIn(X, cols, where)); });
}
template <class T>
val transformJs(const T& t, const val& X, double cols, const char* where) {
  return guarded([&] { return matrixToJs(t.transform(matrixIn(X, cols, where))); });
}
template <class T>
val inverseJs(const T& t, const val& X, double cols, const char* where) {
  return guarded([&] { return matrixToJs(t.inverseTransform(matrixIn(X, cols, where))); });
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
        return guarded([&] { return copyToJs(s.categories(ev::whole(j, 0, 4095, "OneHotEncoder.categories", "column"))); });
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
