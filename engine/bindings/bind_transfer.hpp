// embind registrations for transfer learning (TransferNet, LoRA) and quantisation; included by
// bindings.cpp (the one registry). Only translation of types and errors lives here.
#pragma once
#include <string>

#include "adapters.hpp"
#include "dw/lora.hpp"
#include "dw/quantise.hpp"

namespace dw::js {

template <>
struct JsFields<TransferCounts> {
  static auto list() {
    return std::make_tuple(field("body", &TransferCounts::body), field("head", &TransferCounts::head),
                           field("adapter", &TransferCounts::adapter), field("trainable", &TransferCounts::trainable),
                           field("total", &TransferCounts::total));
  }
};
template <>
struct JsFields<QuantParams> {
  static auto list() {
    return std::make_tuple(field("scale", &QuantParams::scale), field("zeroPoint", &QuantParams::zeroPoint),
                           field("qmin", &QuantParams::qmin), field("qmax", &QuantParams::qmax));
  }
};

namespace transfer_bind {

inline TransferNet* create(double inputs, double hidden, double classes) {
  return guarded([&] {
    const char* where = "TransferNet";
    return new TransferNet(intArg(inputs, where, "inputs"), intArg(hidden, where, "hidden"), intArg(classes, where, "classes"));
  });
}
inline void reset(TransferNet& m, double seed) { guarded([&] { m.reset(seedArg(seed, "TransferNet.reset")); }); }
inline void startTransfer(TransferNet& m, const TransferNet& pretrained, const val& mode, double classes, double rank,
                          double alpha, double seed) {
  guarded([&] {
    const char* where = "TransferNet.startTransfer";
    m.startTransfer(pretrained, transferModeFromName(stringArg(mode, where, "mode"), where), intArg(classes, where, "classes"),
                    intArg(rank, where, "rank"), alpha, seedArg(seed, where));
  });
}
inline Matrix rowsOf(const TransferNet& m, const val& X, const char* where) { return toMatrix(X, m.inputs(), where); }
inline void setData(TransferNet& m, const val& X, const val& y) {
  guarded([&] { m.setData(rowsOf(m, X, "TransferNet.setData"), toVector(y, "TransferNet.setData", "y")); });
}
inline void setLearningRate(TransferNet& m, double v) { guarded([&] { m.setLearningRate(v); }); }
inline void setBatchSize(TransferNet& m, double b) {
  guarded([&] { m.setBatchSize(intArg(b, "TransferNet.setBatchSize", "batchSize")); });
}
inline double step(TransferNet& m) { return guarded([&] { return m.step(); }); }
inline double train(TransferNet& m, double steps) {
  return guarded([&] { return m.train(intArg(steps, "TransferNet.train", "steps")); });
}
inline double score(const TransferNet& m, const val& X, const val& y) {
  return guarded([&] { return m.score(rowsOf(m, X, "TransferNet.score"), toVector(y, "TransferNet.score", "y")); });
}
inline double loss(const TransferNet& m, const val& X, const val& y) {
  return guarded([&] { return m.loss(rowsOf(m, X, "TransferNet.loss"), toVector(y, "TransferNet.loss", "y")); });
}
inline double trainingLoss(const TransferNet& m) { return guarded([&] { return m.trainingLoss(); }); }
inline val predict(const TransferNet& m, const val& X) {
  return guarded([&] { return copyToJs(m.predict(rowsOf(m, X, "TransferNet.predict"))); });
}
inline val predictProba(const TransferNet& m, const val& X) {
  return guarded([&] { return toJs(m.predictProba(rowsOf(m, X, "TransferNet.predictProba"))); });
}
inline val gradient(const TransferNet& m, const val& X, const val& y) {
  return guarded([&] {
    Vector g;
    m.lossAndGradient(rowsOf(m, X, "TransferNet.gradient"), toVector(y, "TransferNet.gradient", "y"), &g);
    return copyToJs(g);
  });
}
inline void setTrainableParams(TransferNet& m, const val& p) {
  guarded([&] { m.setTrainableParams(toVector(p, "TransferNet.setTrainableParams", "params")); });
}
// A flat row-major array of rows × cols numbers → Matrix (the product in double, so huge sizes
// are refused rather than overflowing).
inline Matrix matrixArg(const val& flat, int rows, int cols, const char* where, const char* name) {
  Vector v = toVector(flat, where, name);
  if (rows < 0 || cols < 0 || static_cast<double>(v.size()) != static_cast<double>(rows) * cols)
    throw ShapeError(std::string(where) + ": " + name + " needs " + std::to_string(rows) + " × " + std::to_string(cols) +
                     " numbers, got " + std::to_string(v.size()));
  return Eigen::Map<Matrix>(v.data(), rows, cols);
}
inline void setAdapter(TransferNet& m, const val& A, const val& B) {
  guarded([&] {
    const char* where = "TransferNet.setAdapter";
    const int r = m.rank() > 0 ? m.rank() : 1;
    m.setAdapter(matrixArg(A, r, m.inputs(), where, "A"), matrixArg(B, m.hidden(), r, where, "B"));
  });
}
inline QuantSpec specArg(double bits, const val& scheme, bool perChannel, double activationBits, const char* where) {
  QuantSpec s;
  s.bits = intArg(bits, where, "bits");
  s.scheme = quantSchemeFromName(stringArg(scheme, where, "scheme"), where);
  s.perChannel = perChannel;
  s.activationBits = intArg(activationBits, where, "activationBits");
  return s;
}
inline double quantisedScoreJs(const TransferNet& m, double bits, const val& scheme, bool perChannel, double activationBits,
                               const val& calibration, const val& X, const val& y) {
  return guarded([&] {
    const char* where = "TransferNet.quantisedScore";
    QuantSpec s = specArg(bits, scheme, perChannel, activationBits, where);
    return quantisedScore(m, s, rowsOf(m, calibration, where), rowsOf(m, X, where), toVector(y, where, "y"));
  });
}
inline val probabilityGridJs(const TransferNet& m, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "TransferNet.probabilityGrid";
    return copyToJs(transferProbabilityGrid(m, x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
  });
}
inline val quantisedProbabilityGridJs(const TransferNet& m, double bits, const val& scheme, bool perChannel,
                                      double activationBits, const val& calibration, double x0, double x1, double y0,
                                      double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "TransferNet.quantisedProbabilityGrid";
    QuantSpec s = specArg(bits, scheme, perChannel, activationBits, where);
    return copyToJs(quantisedProbabilityGrid(m, s, rowsOf(m, calibration, where), x0, x1, y0, y1, intArg(nx, where, "nx"),
                                             intArg(ny, where, "ny")));
  });
}
inline double quantisedBytesJs(const TransferNet& m, double bits, const val& scheme, bool perChannel) {
  return guarded([&] {
    const char* where = "TransferNet.quantisedBytes";
    return static_cast<double>(
        quantisedBytes(m, intArg(bits, where, "bits"), quantSchemeFromName(stringArg(scheme, where, "scheme"), where), perChannel));
  });
}

// ---- free functions on plain arrays ----
inline val quantParamsJs(const val& values, double bits, const val& scheme) {
  return guarded([&] {
    const char* where = "quantParams";
    return toJs(quantParamsFor(toVector(values, where, "values"), intArg(bits, where, "bits"),
                               quantSchemeFromName(stringArg(scheme, where, "scheme"), where), where));
  });
}
// quantise(values, bits, scheme) → { q: Int32Array, scale, zeroPoint, qmin, qmax, values: dequantised }
inline val quantiseJs(const val& values, double bits, const val& scheme) {
  return guarded([&] {
    const char* where = "quantise";
    Vector x = toVector(values, where, "values");
    QuantParams p = quantParamsFor(x, intArg(bits, where, "bits"), quantSchemeFromName(stringArg(scheme, where, "scheme"), where), where);
    std::vector<int> q = quantiseValues(x, p);
    val out = toJs(p);
    out.set("q", intsToJs(q));
    out.set("values", copyToJs(dequantiseValues(q, p)));
    return out;
  });
}
inline val dequantiseJs(const val& q, double scale, double zeroPoint, double bits, const val& scheme) {
  return guarded([&] {
    const char* where = "dequantise";
    QuantParams p = quantParamsFromScale(scale, intArg(zeroPoint, where, "zeroPoint"), intArg(bits, where, "bits"),
                                         quantSchemeFromName(stringArg(scheme, where, "scheme"), where), where);
    std::vector<double> raw = toDoubles(q, where, "q");
    std::vector<int> ints(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) ints[i] = intArg(raw[i], where, "q");
    return copyToJs(dequantiseCodes(ints, p, where));
  });
}
// quantiseMatrix(flat, rows, cols, bits, scheme, perChannel) → { values, scales, zeroPoints }
inline val quantiseMatrixJs(const val& flat, double rows, double cols, double bits, const val& scheme, bool perChannel) {
  return guarded([&] {
    const char* where = "quantiseMatrix";
    const int r = intArg(rows, where, "rows"), c = intArg(cols, where, "cols");
    QuantisedMatrix qm = quantiseMatrix(matrixArg(flat, r, c, where, "values"), intArg(bits, where, "bits"),
                                        quantSchemeFromName(stringArg(scheme, where, "scheme"), where), perChannel, where);
    std::vector<double> scales;
    std::vector<int> zeros;
    for (const auto& p : qm.params) {
      scales.push_back(p.scale);
      zeros.push_back(p.zeroPoint);
    }
    val out = val::object();
    out.set("values", toJs(qm.values));
    out.set("scales", copyToJs(scales));
    out.set("zeroPoints", intsToJs(zeros));
    out.set("qmin", qm.params.front().qmin);
    out.set("qmax", qm.params.front().qmax);
    return out;
  });
}
// LoRA layer forward for one input, for hand-computed examples: (W + (α/r)·B·A) x + b.
inline val loraForwardJs(const val& x, const val& W, const val& b, const val& A, const val& B, double rows, double cols,
                         double rank, double alpha) {
  return guarded([&] {
    const char* where = "loraForward";
    const int h = intArg(rows, where, "outputs"), d = intArg(cols, where, "inputs"), r = intArg(rank, where, "rank");
    return copyToJs(loraForward(toVector(x, where, "x"), matrixArg(W, h, d, where, "W"), toVector(b, where, "b"),
                                matrixArg(A, r, d, where, "A"), matrixArg(B, h, r, where, "B"), alpha, where));
  });
}

}  // namespace transfer_bind

inline void bind_transfer() {
  using namespace emscripten;
  namespace b = transfer_bind;
  class_<TransferNet>("TransferNet")
      .constructor(&b::create, allow_raw_pointers())
      .function("reset", &b::reset)
      .function("startTransfer", &b::startTransfer)
      .function("setData", &b::setData)
      .function("setLearningRate", &b::setLearningRate)
      .function("setBatchSize", &b::setBatchSize)
      .function("learningRate", &TransferNet::learningRate)
      .function("batchSize", &TransferNet::batchSize)
      .function("step", &b::step)
      .function("train", &b::train)
      .function("steps", &TransferNet::steps)
      .function("dataCount", &TransferNet::dataCount)
      .function("inputs", &TransferNet::inputs)
      .function("hidden", &TransferNet::hidden)
      .function("classes", &TransferNet::classes)
      .function("rank", &TransferNet::rank)
      .function("alpha", &TransferNet::alpha)
      .function("mode", optional_override([](const TransferNet& m) { return std::string(transferModeName(m.mode())); }))
      .function("score", &b::score)
      .function("loss", &b::loss)
      .function("trainingLoss", &b::trainingLoss)
      .function("predict", &b::predict)
      .function("predictProba", &b::predictProba)
      .function("counts", optional_override([](const TransferNet& m) { return toJs(m.counts()); }))
      .function("trainableParams", optional_override([](const TransferNet& m) { return copyToJs(m.trainableParams()); }))
      .function("setTrainableParams", &b::setTrainableParams)
      .function("gradient", &b::gradient)
      .function("hiddenWeights", optional_override([](const TransferNet& m) { return toJs(m.hiddenWeights()); }))
      .function("effectiveHiddenWeights", optional_override([](const TransferNet& m) { return toJs(m.effectiveHiddenWeights()); }))
      .function("headWeights", optional_override([](const TransferNet& m) { return toJs(m.headWeights()); }))
      .function("adapterA", optional_override([](const TransferNet& m) { return toJs(m.adapterA()); }))
      .function("adapterB", optional_override([](const TransferNet& m) { return toJs(m.adapterB()); }))
      .function("setAdapter", &b::setAdapter)
      .function("quantisedScore", &b::quantisedScoreJs)
      .function("quantisedBytes", &b::quantisedBytesJs)
      .function("probabilityGrid", &b::probabilityGridJs)
      .function("quantisedProbabilityGrid", &b::quantisedProbabilityGridJs)
      .function("floatBytes", optional_override([](const TransferNet& m) { return static_cast<double>(floatBytes(m)); }));
  function("quantParams", &b::quantParamsJs);
  function("quantise", &b::quantiseJs);
  function("dequantise", &b::dequantiseJs);
  function("quantiseMatrix", &b::quantiseMatrixJs);
  function("loraForward", &b::loraForwardJs);
}

}  // namespace dw::js
