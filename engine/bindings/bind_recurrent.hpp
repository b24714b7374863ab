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

namespace recurrent {

inline int wholeNumber(double v, const char* where, const char* name) {
  requireIntInRange(v, -1'000'000'000, 1'000'000'000, where, name);
  return static_cast<int>(v);
}
inline std::string stringOf(const val& v, const char* where, const char* name) {
  if (!v.isString()) throw InvalidArgument(std::string(where) + ": " + name + " must be a string");
  return v.as<std::string>();
}
// An optional array argument: undefined or null mean "not given" (an empty vector).
inline Vector optionalVector(const val& v, const char* where, const char* name) {
  if (v.isUndefined() || v.isNull()) return Vector();
  return toVector(v, where, name);
}

inline val runToJs(const RecurrentRun& r) {
  val out = val::object();
  out.set("steps", static_cast<double>(r.predictions.size()));
  out.set("hiddenSize", static_cast<double>(r.hidden.cols()));
  out.set("predictions", copyToJs(r.predictions));
  out.set("hidden", copyToJs(r.hidden.data(), static_cast<std::size_t>(r.hidden.size())));
  out.set("cell", copyToJs(r.cell.data(), static_cast<std::size_t>(r.cell.size())));
  out.set("gates", copyToJs(r.gates.data(), static_cast<std::size_t>(r.gates.size())));
  return out;
}

inline void setCell(RecurrentNet& m, const val& name) {
  guarded([&] {
    const char* where = "RecurrentNet.setCell";
    m.setCell(recurrentCellFromName(stringOf(name, where, "cell"), where));
  });
}
inline void setHiddenSize(RecurrentNet& m, double h) {
  guarded([&] { m.setHiddenSize(wholeNumber(h, "RecurrentNet.setHiddenSize", "hiddenSize")); });
}
inline void setInitScale(RecurrentNet& m, double s) { guarded([&] { m.setInitScale(s); }); }
inline void setForgetBias(RecurrentNet& m, double b) { guarded([&] { m.setForgetBias(b); }); }
inline void setOptimizer(RecurrentNet& m, const val& name) {
  guarded([&] {
    const char* where = "RecurrentNet.setOptimizer";
    m.setOptimizer(optimizerKindFromName(stringOf(name, where, "optimizer"), where));
  });
}
inline void setLearningRate(RecurrentNet& m, double eta) { guarded([&] { m.setLearningRate(eta); }); }
inline void setClipNorm(RecurrentNet& m, double c) { guarded([&] { m.setClipNorm(c); }); }
inline void setTruncation(RecurrentNet& m, double k) {
  guarded([&] { m.setTruncation(wholeNumber(k, "RecurrentNet.setTruncation", "truncation")); });
}
inline void setSequenceLength(RecurrentNet& m, double T) {
  guarded([&] { m.setSequenceLength(wholeNumber(T, "RecurrentNet.setSequenceLength", "sequenceLength")); });
}
inline void setSeries(RecurrentNet& m, const val& s) {
  guarded([&] { m.setSeries(toVector(s, "RecurrentNet.setSeries", "series")); });
}
inline void reset(RecurrentNet& m, double seed) {
  guarded([&] {
    requireIntInRange(seed, 0, 4294967295LL, "RecurrentNet.reset", "seed");
    m.reset(static_cast<std::uint32_t>(seed));
  });
}
inline double step(RecurrentNet& m) { return guarded([&] { return m.step(); }); }
inline int fit(RecurrentNet& m, double n) {
  return guarded([&] { return m.fit(wholeNumber(n, "RecurrentNet.fit", "maxSteps")); });
}
inline double loss(const RecurrentNet& m) { return guarded([&] { return m.loss(); }); }
inline void setParams(RecurrentNet& m, const val& p) {
  guarded([&] { m.setParams(toVector(p, "RecurrentNet.setParams", "theta")); });
}
inline val forward(const RecurrentNet& m, const val& inputs) {
  return guarded([&] { return runToJs(m.forward(toVector(inputs, "RecurrentNet.forward", "inputs"))); });
}
// From a given state: h0 (H values) and c0 (H values for the LSTM; null, undefined or [] for zeros).
inline val forwardFrom(const RecurrentNet& m, const val& inputs, const val& h0, const val& c0) {
  return guarded([&] {
    const char* where = "RecurrentNet.forwardFrom";
    return runToJs(m.forward(toVector(inputs, where, "inputs"), optionalVector(h0, where, "h0"),
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
inline val seriesRun(const RecurrentNet& m) { return guarded([&] { return runToJs(m.seriesRun()); }); }
inline val generate(const RecurrentNet& m, double warmup, double horizon) {
  return guarded([&] {
    const char* where = "RecurrentNet.generate";
    return copyToJs(m.generate(wholeNumber(warmup, where, "warmup"), wholeNumber(horizon, where, "horizon")));
  });
}
inline val gradientFlow(const RecurrentNet& m, double length) {
  return guarded([&] { return copyToJs(m.gradientFlow(wholeNumber(length, "RecurrentNet.gradientFlow", "length"))); });
}
inline val makeWaveSequenceJs(double n, const val& wave, double period, double noise, double seed) {
  return guarded([&] {
    const char* where = "makeWaveSequence";
    requireIntInRange(seed, 0, 4294967295LL, where, "seed");
    return copyToJs(makeWaveSequence(wholeNumber(n, where, "n"), stringOf(wave, where, "wave"), period, noise,
                                     static_cast<std::uint32_t>(seed)));
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
