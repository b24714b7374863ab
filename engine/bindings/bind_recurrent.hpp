// embind registrations for recurrent networks (RecurrentNet: Elman RNN and LSTM cells trained
// by backpropagation through time) and the wave generator they learn; included by bindings.cpp.
// RecurrentNet is not a dw::Model, so its reset/step/fit/status/trace are registered here.
// Translation only.
#pragma once
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "adapters.hpp"
#include "dw/recurrent.hpp"
#include "dw/validate.hpp"

namespace dw::js {

// A run reaches JS with its length and hidden size beside the flat (row-major) matrices.
template <>
struct JsFields<RecurrentRun> {
  static auto list() {
    using R = RecurrentRun;
    return std::make_tuple(field("steps", +[](const R& r) { return r.predictions.size(); }),
                           field("hiddenSize", +[](const R& r) { return r.hidden.cols(); }), field("predictions", &R::predictions),
                           field("hidden", &R::hidden), field("cell", &R::cell), field("gates", &R::gates));
  }
};

namespace recurrent {

// An optional array argument: undefined or null mean "not given" (an empty vector).
inline Vector optionalVector(const val& v, const char* where, const char* name) {
  if (v.isUndefined() || v.isNull()) return Vector();
  return toVector(v, where, name);
}

inline void setCell(RecurrentNet& m, const val& name) {
  guarded([&] {
    const char* where = "RecurrentNet.setCell";
    m.setCell(recurrentCellFromName(stringArg(name, where, "cell"), where));
  });
}
inline void setHiddenSize(RecurrentNet& m, double h) {
  guarded([&] { m.setHiddenSize(intArg(h, "RecurrentNet.setHiddenSize", "hiddenSize")); });
}
inline void setInitScale(RecurrentNet& m, double s) { guarded([&] { m.setInitScale(s); }); }
inline void setForgetBias(RecurrentNet& m, double b) { guarded([&] { m.setForgetBias(b); }); }
inline void setOptimizer(RecurrentNet& m, const val& name) {
  guarded([&] {
    const char* where = "RecurrentNet.setOptimizer";
    m.setOptimizer(optimizerKindFromName(stringArg(name, where, "optimizer"), where));
  });
}
inline void setLearningRate(RecurrentNet& m, double eta) { guarded([&] { m.setLearningRate(eta); }); }
inline void setClipNorm(RecurrentNet& m, double c) { guarded([&] { m.setClipNorm(c); }); }
inline void setTruncation(RecurrentNet& m, double k) {
  guarded([&] { m.setTruncation(intArg(k, "RecurrentNet.setTruncation", "truncation")); });
}
inline void setSequenceLength(RecurrentNet& m, double T) {
  guarded([&] { m.setSequenceLength(intArg(T, "RecurrentNet.setSequenceLength", "sequenceLength")); });
}
inline void setSeries(RecurrentNet& m, const val& s) {
  guarded([&] { m.setSeries(toVector(s, "RecurrentNet.setSeries", "series")); });
}
inline void reset(RecurrentNet& m, double seed) {
  guarded([&] {
    m.reset(seedArg(seed, "RecurrentNet.reset"));
  });
}
inline double step(RecurrentNet& m) { return guarded([&] { return m.step(); }); }
inline int fit(RecurrentNet& m, double n) {
  return guarded([&] { return m.fit(intArg(n, "RecurrentNet.fit", "maxSteps")); });
}
inline double loss(const RecurrentNet& m) { return guarded([&] { return m.loss(); }); }
inline void setParams(RecurrentNet& m, const val& p) {
  guarded([&] { m.setParams(toVector(p, "RecurrentNet.setParams", "theta")); });
}
inline val forward(const RecurrentNet& m, const val& inputs) {
  return guarded([&] { return toJs(m.forward(toVector(inputs, "RecurrentNet.forward", "inputs"))); });
}
// From a given state: h0 (H values) and c0 (H values for the LSTM; null, undefined or [] for zeros).
inline val forwardFrom(const RecurrentNet& m, const val& inputs, const val& h0, const val& c0) {
  return guarded([&] {
    const char* where = "RecurrentNet.forwardFrom";
    return toJs(m.forward(toVector(inputs, where, "inputs"), optionalVector(h0, where, "h0"),
                             optionalVector(c0, where, "c0")));
  });
}
inline double sequenceLoss(const RecurrentNet& m, const val& inputs, const val& targets) {
  return guarded([&] {
    const char* where = "RecurrentNet.sequenceLoss";
    return m.sequenceLoss(toVector(inputs, where, "inputs"), toVector(targets, where, "targets"));
  });
}
inline val sequenceGradient(const RecurrentNet& m, const val& inputs, const val& targets) {
  return guarded([&] {
    const char* where = "RecurrentNet.sequenceGradient";
    return copyToJs(m.sequenceGradient(toVector(inputs, where, "inputs"), toVector(targets, where, "targets")));
  });
}
// Drawn every frame while training: its arrays are views (viewsOf), copied by the widget into
// arrays it keeps; forward() returns copies.
inline val seriesRun(const RecurrentNet& m) { return guarded([&] { return viewsOf(m.seriesRun()); }); }
inline val generate(const RecurrentNet& m, double warmup, double horizon) {
  return guarded([&] {
    const char* where = "RecurrentNet.generate";
    return copyToJs(m.generate(intArg(warmup, where, "warmup"), intArg(horizon, where, "horizon")));
  });
}
inline val gradientFlow(const RecurrentNet& m, double length) {
  return guarded([&] { return copyToJs(m.gradientFlow(intArg(length, "RecurrentNet.gradientFlow", "length"))); });
}
inline val makeWaveSequenceJs(double n, const val& wave, double period, double noise, double seed) {
  return guarded([&] {
    const char* where = "makeWaveSequence";
    return copyToJs(makeWaveSequence(intArg(n, where, "n"), stringArg(wave, where, "wave"), period, noise,
                                     seedArg(seed, where)));
  });
}

}  // namespace recurrent

inline void bind_recurrent() {
  using namespace emscripten;
  namespace r = recurrent;

  class_<RecurrentNet>("RecurrentNet")
      .constructor<>()
      .function("setCell", &r::setCell)
      .function("cell", optional_override([](const RecurrentNet& m) { return std::string(recurrentCellName(m.cell())); }))
      .function("setHiddenSize", &r::setHiddenSize)
      .function("hiddenSize", &RecurrentNet::hiddenSize)
      .function("setInitScale", &r::setInitScale)
      .function("initScale", &RecurrentNet::initScale)
      .function("setForgetBias", &r::setForgetBias)
      .function("forgetBias", &RecurrentNet::forgetBias)
      .function("setOptimizer", &r::setOptimizer)
      .function("optimizer", optional_override([](const RecurrentNet& m) { return std::string(optimizerName(m.optimizer().kind())); }))
      .function("setLearningRate", &r::setLearningRate)
      .function("learningRate", optional_override([](const RecurrentNet& m) { return m.optimizer().learningRate(); }))
      .function("setClipNorm", &r::setClipNorm)
      .function("clipNorm", &RecurrentNet::clipNorm)
      .function("setTruncation", &r::setTruncation)
      .function("truncation", &RecurrentNet::truncation)
      .function("setSequenceLength", &r::setSequenceLength)
      .function("sequenceLength", &RecurrentNet::sequenceLength)
      .function("setSeries", &r::setSeries)
      .function("series", optional_override([](const RecurrentNet& m) { return copyToJs(m.series()); }))
      .function("reset", &r::reset)
      .function("step", &r::step)
      .function("fit", &r::fit)
      .function("loss", &r::loss)
      .function("status", optional_override([](const RecurrentNet& m) { return std::string(statusName(m.status())); }))
      .function("steps", &RecurrentNet::steps)
      .function("seed", optional_override([](const RecurrentNet& m) { return static_cast<double>(m.seed()); }))
      .function("lastGradientNorm", &RecurrentNet::lastGradientNorm)
      .function("lastClipped", &RecurrentNet::lastClipped)
      .function("setTracing", &RecurrentNet::setTracing)
      .function("tracing", &RecurrentNet::tracing)
      .function("traceColumns", optional_override([](const RecurrentNet& m) { return stringsToJs(m.trace().columns()); }))
      .function("traceValues", optional_override([](const RecurrentNet& m) { return copyToJs(m.trace().values()); }))
      .function("traceRows", optional_override([](const RecurrentNet& m) { return static_cast<int>(m.trace().rows()); }))
      .function("params", optional_override([](const RecurrentNet& m) { return copyToJs(m.params()); }))
      .function("setParams", &r::setParams)
      .function("paramCount", &RecurrentNet::paramCount)
      .function("forward", &r::forward)
      .function("forwardFrom", &r::forwardFrom)
      .function("sequenceLoss", &r::sequenceLoss)
      .function("sequenceGradient", &r::sequenceGradient)
      .function("seriesRun", &r::seriesRun)
      .function("generate", &r::generate)
      .function("gradientFlow", &r::gradientFlow);

  function("makeWaveSequence", &r::makeWaveSequenceJs);
}

}  // namespace dw::js
