// embind registrations for the training tricks (dw/training_tricks.hpp) and the deep net that
// switches them (dw/deep_net.hpp); included by bindings.cpp (the one registry). Bindings only
// translate: whole numbers are checked by intArg, arrays become vectors, results are fresh
// Float64Array copies or plain objects.
#pragma once
#include <string>

#include "adapters.hpp"
#include "dw/deep_net.hpp"
#include "dw/model.hpp"
#include "dw/training_tricks.hpp"

namespace dw::js {

template <>
struct JsFields<ClippedGradient> {
  static auto list() { return std::make_tuple(field("norm", &ClippedGradient::norm), field("gradient", &ClippedGradient::gradient)); }
};
template <>
struct JsFields<BatchNormOfValues> {
  static auto list() {
    return std::make_tuple(field("mean", &BatchNormOfValues::mean), field("variance", &BatchNormOfValues::variance),
                           field("values", &BatchNormOfValues::values));
  }
};
template <>
struct JsFields<LayerStatistics> {
  static auto list() {
    return std::make_tuple(field("mean", &LayerStatistics::mean), field("deviation", &LayerStatistics::deviation),
                           field("gradientNorm", &LayerStatistics::gradientNorm));
  }
};

namespace tricks {

// A schedule from a plain object {kind, learningRate, gamma, period, minimum, warmup}; missing
// fields keep `s`'s values. The engine call that receives it validates it.
inline LearningRateSchedule scheduleArg(const val& o, LearningRateSchedule s, const char* where) {
  if (o.isNull() || o.typeOf().as<std::string>() != "object") throw InvalidArgument(std::string(where) + ": the schedule must be an object");
  auto number = [&](const char* key, double current) {
    val v = o[key];
    if (v.isUndefined()) return current;
    if (!v.isNumber()) throw InvalidArgument(std::string(where) + ": " + key + " must be a number");
    return v.as<double>();
  };
  if (!o["kind"].isUndefined()) s.kind = scheduleKindFromName(stringArg(o["kind"], where, "kind"), where);
  s.base = number("learningRate", s.base);
  s.gamma = number("gamma", s.gamma);
  s.period = intArg(number("period", s.period), where, "period");
  s.minimum = number("minimum", s.minimum);
  s.warmup = intArg(number("warmup", s.warmup), where, "warmup");
  return s;
}
inline val scheduleToJs(const LearningRateSchedule& s) {
  val o = val::object();
  o.set("kind", std::string(scheduleKindName(s.kind)));
  o.set("learningRate", s.base);
  o.set("gamma", s.gamma);
  o.set("period", s.period);
  o.set("minimum", s.minimum);
  o.set("warmup", s.warmup);
  return o;
}

// ---- free functions ----
inline double scheduleRate(const val& schedule, double t) {
  return guarded([&] { return scheduleRateAt(scheduleArg(schedule, LearningRateSchedule(), "scheduleRate"), t, "scheduleRate"); });
}
inline val clipGradient(const val& g, double maxNorm) {
  return guarded([&] { return toJs(dw::clipGradient(toVector(g, "clipByGlobalNorm", "gradient"), maxNorm)); });
}
inline double initVarianceJs(const val& kind, double fanIn, double fanOut) {
  return guarded([&] {
    const char* where = "initVariance";
    return initVariance(initKindFromName(stringArg(kind, where, "init"), where), intArg(fanIn, where, "fanIn"),
                        intArg(fanOut, where, "fanOut"));
  });
}
// Batch normalisation of one unit's values over a batch (training mode): y = γ x̂ + β.
inline val batchNormJs(const val& values, double gamma, double beta) {
  return guarded([&] { return toJs(batchNormValues(toVector(values, "batchNorm", "values"), gamma, beta)); });
}

// ---- DeepNet ----
inline void setDataset(DeepNet& d, const val& name, double n, double noise) {
  guarded([&] {
    const char* where = "DeepNet.setDataset";
    d.setDataset(stringArg(name, where, "dataset"), intArg(n, where, "n"), noise);
  });
}
inline void setShape(DeepNet& d, double layers, double width) {
  guarded([&] { d.setShape(intArg(layers, "DeepNet.setShape", "layers"), intArg(width, "DeepNet.setShape", "width")); });
}
inline void setActivation(DeepNet& d, const val& a) {
  guarded([&] { d.setActivation(stringArg(a, "DeepNet.setActivation", "activation")); });
}
inline void setInit(DeepNet& d, const val& a) { guarded([&] { d.setInit(stringArg(a, "DeepNet.setInit", "init")); }); }
inline void setBatchNorm(DeepNet& d, bool on) { d.setBatchNorm(on); }
inline void setOptimizer(DeepNet& d, const val& a) {
  guarded([&] { d.setOptimizer(stringArg(a, "DeepNet.setOptimizer", "optimizer")); });
}
inline void setSchedule(DeepNet& d, const val& s) {
  guarded([&] { d.setSchedule(scheduleArg(s, d.schedule(), "DeepNet.setSchedule")); });
}
inline val schedule(const DeepNet& d) { return scheduleToJs(d.schedule()); }
inline void setLearningRate(DeepNet& d, double eta) { guarded([&] { d.setLearningRate(eta); }); }
inline void setClipNorm(DeepNet& d, double c) { guarded([&] { d.setClipNorm(c); }); }
inline void setBatchSize(DeepNet& d, double m) { guarded([&] { d.setBatchSize(intArg(m, "DeepNet.setBatchSize", "m")); }); }
inline void reset(DeepNet& d, double seed) { guarded([&] { d.reset(seedArg(seed, "DeepNet.reset")); }); }
inline double step(DeepNet& d) { return guarded([&] { return d.step(); }); }
inline int fit(DeepNet& d, double updates) { return guarded([&] { return d.fit(intArg(updates, "DeepNet.fit", "updates")); }); }
inline std::string status(const DeepNet& d) { return statusName(d.status()); }
inline std::string dataset(const DeepNet& d) { return d.dataset(); }
inline std::string activation(const DeepNet& d) { return d.activation(); }
inline std::string init(const DeepNet& d) { return d.init(); }
inline std::string optimizer(const DeepNet& d) { return d.optimizer(); }
inline double lossOn(const DeepNet& d, const val& X, const val& y, bool training) {
  return guarded([&] {
    const char* where = "DeepNet.lossOn";
    return d.lossOn(toMatrix(X, 2, where), toVector(y, where, "y"), training);
  });
}
inline val gradientOn(const DeepNet& d, const val& X, const val& y) {
  return guarded([&] {
    const char* where = "DeepNet.gradientOn";
    return copyToJs(d.gradientOn(toMatrix(X, 2, where), toVector(y, where, "y")));
  });
}
inline val gradient(const DeepNet& d) { return guarded([&] { return copyToJs(d.gradient()); }); }
inline val layerStatistics(const DeepNet& d) { return guarded([&] { return toJs(d.layerStatistics()); }); }
inline val params(const DeepNet& d) { return copyToJs(d.params()); }
inline void setParams(DeepNet& d, const val& p) { guarded([&] { d.setParams(toVector(p, "DeepNet.setParams", "params")); }); }
inline val points(const DeepNet& d) { return toJs(d.points()); }
inline val labels(const DeepNet& d) { return copyToJs(d.labels()); }
inline val predictProba(const DeepNet& d, const val& X) {
  return guarded([&] { return toJs(d.predictProba(toMatrix(X, 2, "DeepNet.predictProba"))); });
}
inline val probabilityGrid(const DeepNet& d, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "DeepNet.probabilityGrid";
    return copyToJs(d.probabilityGrid(x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
  });
}
inline val traceColumns(const DeepNet& d) { return stringsToJs(d.trace().columns()); }
inline val traceValues(const DeepNet& d) { return copyToJs(d.trace().values()); }
inline int traceRows(const DeepNet& d) { return static_cast<int>(d.trace().rows()); }
inline double parameterCount(const DeepNet& d) { return static_cast<double>(d.parameterCount()); }

}  // namespace tricks

inline void bind_training_tricks() {
  using namespace emscripten;
  function("scheduleRate", &tricks::scheduleRate);
  function("clipByGlobalNorm", &tricks::clipGradient);
  function("initVariance", &tricks::initVarianceJs);
  function("batchNorm", &tricks::batchNormJs);
  class_<DeepNet>("DeepNet")
      .constructor<>()
      .class_function("datasetNames", optional_override([] { return stringsToJs(DeepNet::datasetNames()); }))
      .function("setDataset", &tricks::setDataset)
      .function("dataset", &tricks::dataset)
      .function("pointCount", &DeepNet::pointCount)
      .function("noise", &DeepNet::noise)
      .function("setShape", &tricks::setShape)
      .function("layers", &DeepNet::layers)
      .function("width", &DeepNet::width)
      .function("setActivation", &tricks::setActivation)
      .function("activation", &tricks::activation)
      .function("setInit", &tricks::setInit)
      .function("init", &tricks::init)
      .function("setBatchNorm", &tricks::setBatchNorm)
      .function("batchNorm", &DeepNet::batchNorm)
      .function("setOptimizer", &tricks::setOptimizer)
      .function("optimizer", &tricks::optimizer)
      .function("setSchedule", &tricks::setSchedule)
      .function("schedule", &tricks::schedule)
      .function("setLearningRate", &tricks::setLearningRate)
      .function("setClipNorm", &tricks::setClipNorm)
      .function("clipNorm", &DeepNet::clipNorm)
      .function("setBatchSize", &tricks::setBatchSize)
      .function("batchSize", &DeepNet::batchSize)
      .function("setTracing", &DeepNet::setTracing)
      .function("tracing", &DeepNet::tracing)
      .function("reset", &tricks::reset)
      .function("seed", &DeepNet::seed)
      .function("step", &tricks::step)
      .function("fit", &tricks::fit)
      .function("steps", &DeepNet::steps)
      .function("status", &tricks::status)
      .function("currentRate", &DeepNet::currentRate)
      .function("lastGradientNorm", &DeepNet::lastGradientNorm)
      .function("loss", &DeepNet::loss)
      .function("accuracy", &DeepNet::accuracy)
      .function("batchLoss", &DeepNet::batchLoss)
      .function("gradient", &tricks::gradient)
      .function("lossOn", &tricks::lossOn)
      .function("gradientOn", &tricks::gradientOn)
      .function("layerStatistics", &tricks::layerStatistics)
      .function("params", &tricks::params)
      .function("setParams", &tricks::setParams)
      .function("parameterCount", &tricks::parameterCount)
      .function("points", &tricks::points)
      .function("labels", &tricks::labels)
      .function("classCount", &DeepNet::classCount)
      .function("predictProba", &tricks::predictProba)
      .function("probabilityGrid", &tricks::probabilityGrid)
      .function("traceColumns", &tricks::traceColumns)
      .function("traceValues", &tricks::traceValues)
      .function("traceRows", &tricks::traceRows);
}

}  // namespace dw::js
