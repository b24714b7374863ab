// embind registrations for the mlp_optimizers family (MLP, OptimizerSurface, featureTransform);
// included by bindings.cpp (the one registry). Only translation of types and errors lives here.
#pragma once
#include <string>
#include <vector>

#include "adapters.hpp"
#include "dw/feature_transform.hpp"
#include "dw/mlp.hpp"
#include "dw/optimizer_surface.hpp"
#include "dw/validate.hpp"

namespace dw::js {

namespace mlp_bind {

inline std::string stringArg(const val& v, const char* where, const char* name) {
  if (!v.isString()) throw InvalidArgument(std::string(where) + ": " + name + " must be a string");
  return v.as<std::string>();
}
inline std::vector<std::string> stringsArg(const val& v, const char* where, const char* name) {
  // Array.isArray, not a length check: a lone string would otherwise pass as its characters.
  if (!val::global("Array").call<bool>("isArray", v))
    throw InvalidArgument(std::string(where) + ": " + name + " must be an array of strings");
  std::vector<std::string> out;
  int n = v["length"].as<int>();
  if (n > 64) throw InvalidArgument(std::string(where) + ": " + name + " has too many entries");
  for (int i = 0; i < n; ++i) out.push_back(stringArg(v[i], where, name));
  return out;
}
inline int intArg(double v, long long lo, long long hi, const char* where, const char* name) {
  requireIntInRange(v, lo, hi, where, name);
  return static_cast<int>(v);
}
inline val intsOut(const std::vector<int>& v) { return intsToJs(v); }

// ---- MLP ----
inline void setLayers(Mlp& m, const val& units) {
  guarded([&] {
    const char* where = "MLP.setLayers";
    std::vector<double> raw = toDoubles(units, where, "units");
    if (raw.size() > static_cast<std::size_t>(Mlp::kMaxHiddenLayers))
      throw InvalidArgument(std::string(where) + ": " + std::to_string(raw.size()) + " hidden layers; at most " +
                            std::to_string(Mlp::kMaxHiddenLayers));
    std::vector<int> layers;
    for (double u : raw) layers.push_back(intArg(u, 1, Mlp::kMaxUnits, where, "units"));
    m.setLayers(layers);
  });
}
inline void setActivation(Mlp& m, const val& layer, const val& name) {
  guarded([&] {
    const char* where = "MLP.setActivation";
    int index;
    if (layer.isString()) {
      if (layer.as<std::string>() != "all") throw InvalidArgument(std::string(where) + ": layer must be a hidden-layer index or 'all'");
      index = -1;
    } else if (layer.isNumber()) {
      index = intArg(layer.as<double>(), 0, Mlp::kMaxHiddenLayers - 1, where, "layer");
    } else {
      throw InvalidArgument(std::string(where) + ": layer must be a hidden-layer index or 'all'");
    }
    m.setActivation(index, activationFromName(stringArg(name, where, "activation"), where));
  });
}
inline void setOutput(Mlp& m, const val& n) {
  guarded([&] { m.setOutput(outputKindFromName(stringArg(n, "MLP.setOutput", "output"), "MLP.setOutput")); });
}
inline void setLoss(Mlp& m, const val& n) {
  guarded([&] { m.setLoss(lossKindFromName(stringArg(n, "MLP.setLoss", "loss"), "MLP.setLoss")); });
}
inline void setFeatures(Mlp& m, const val& names) {
  guarded([&] {
    std::vector<std::string> list = stringsArg(names, "MLP.setFeatures", "features");
    m.setFeatures(list.empty() ? std::vector<Feature>{} : featuresFromNames(list, "MLP.setFeatures"));
  });
}
inline void setOptimizer(Mlp& m, const val& n) {
  guarded([&] { m.setOptimizer(optimizerKindFromName(stringArg(n, "MLP.setOptimizer", "optimizer"), "MLP.setOptimizer")); });
}
inline void setLearningRate(Mlp& m, double v) { guarded([&] { m.setLearningRate(v); }); }
inline void setMomentum(Mlp& m, double v) { guarded([&] { m.setMomentum(v); }); }
inline void setBetas(Mlp& m, double b1, double b2) { guarded([&] { m.setBetas(b1, b2); }); }
inline void setDecay(Mlp& m, double v) { guarded([&] { m.setDecay(v); }); }
inline void setEpsilon(Mlp& m, double v) { guarded([&] { m.setEpsilon(v); }); }
inline void setBatchSize(Mlp& m, double b) {
  guarded([&] { m.setBatchSize(intArg(b, 1, 100000, "MLP.setBatchSize", "batchSize")); });
}
inline void setRegularization(Mlp& m, const val& kind, double rate) {
  guarded([&] {
    const char* where = "MLP.setRegularization";
    m.setRegularization(regularizationFromName(stringArg(kind, where, "kind"), where), rate);
  });
}
inline void setDropout(Mlp& m, double p) { guarded([&] { m.setDropout(p); }); }
inline val neuronGrid(const Mlp& m, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "MLP.neuronGrid";
    return viewOf(m.neuronGrid(x0, x1, y0, y1, intArg(nx, 1, 2000, where, "nx"), intArg(ny, 1, 2000, where, "ny")));
  });
}
// Float32Array views of a buffer kept until the next call of the same function (valid until
// the next engine call that allocates; .slice() to keep). One buffer each, so a frame can hold
// the output map and the neuron maps at once.
inline val float32View(Eigen::VectorXf& buffer, Eigen::VectorXf values) {
  buffer = std::move(values);
  return val(emscripten::typed_memory_view(static_cast<std::size_t>(buffer.size()), buffer.data()));
}
inline val predictGridFloat32(const Mlp& m, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "MLP.predictGridFloat32";
    static Eigen::VectorXf frame;
    return float32View(frame, m.predictGridFloat32(x0, x1, y0, y1, intArg(nx, 1, 2000, where, "nx"), intArg(ny, 1, 2000, where, "ny")));
  });
}
inline val neuronGridFloat32(const Mlp& m, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "MLP.neuronGridFloat32";
    static Eigen::VectorXf frame;
    return float32View(frame, m.neuronGridFloat32(x0, x1, y0, y1, intArg(nx, 1, 2000, where, "nx"), intArg(ny, 1, 2000, where, "ny")));
  });
}
inline val weights(const Mlp& m) { return copyToJs(m.weights()); }
inline val biases(const Mlp& m) { return copyToJs(m.biases()); }
inline double weight(const Mlp& m, double l, double f, double t) {
  return guarded([&] {
    const char* where = "MLP.weight";
    return m.weight(intArg(l, 0, 100, where, "layer"), intArg(f, 0, 4096, where, "from"), intArg(t, 0, 4096, where, "to"));
  });
}
inline void setWeight(Mlp& m, double l, double f, double t, double v) {
  guarded([&] {
    const char* where = "MLP.setWeight";
    m.setWeight(intArg(l, 0, 100, where, "layer"), intArg(f, 0, 4096, where, "from"), intArg(t, 0, 4096, where, "to"), v);
  });
}
inline void setBias(Mlp& m, double l, double u, double v) {
  guarded([&] {
    const char* where = "MLP.setBias";
    m.setBias(intArg(l, 0, 100, where, "layer"), intArg(u, 0, 4096, where, "unit"), v);
  });
}
inline void setParams(Mlp& m, const val& p) { guarded([&] { m.setParams(toVector(p, "MLP.setParams", "params")); }); }
inline std::string exportJson(const Mlp& m) { return guarded([&] { return m.exportJson(); }); }
inline void importJson(Mlp& m, const val& s) {
  guarded([&] { m.importJson(stringArg(s, "MLP.importJson", "json")); });
}
inline val gradient(const Mlp& m) { return guarded([&] { return copyToJs(m.gradient()); }); }
inline double dataLoss(const Mlp& m) { return guarded([&] { return m.dataLoss(); }); }
inline val settings(const Mlp& m) {
  val o = val::object();
  std::vector<std::string> acts;
  for (Activation a : m.activations()) acts.push_back(activationName(a));
  o.set("layers", intsOut(m.hiddenLayers()));
  o.set("activations", stringsToJs(acts));
  o.set("output", std::string(m.status() == Status::Empty ? "auto" : outputKindName(m.output())));
  o.set("loss", std::string(m.status() == Status::Empty ? "auto" : lossKindName(m.lossKind())));
  o.set("optimizer", std::string(optimizerName(m.optimizer().kind())));
  o.set("learningRate", m.optimizer().learningRate());
  o.set("batchSize", m.batchSize());
  return o;
}

// ---- featureTransform ----
inline val featureTransformJs(const val& X, const val& names) {
  return guarded([&] {
    Matrix F = featureTransform(toMatrix(X, 2, "featureTransform"), stringsArg(names, "featureTransform", "names"));
    val out = val::object();
    out.set("X", copyToJs(F.data(), static_cast<std::size_t>(F.size())));
    out.set("cols", static_cast<int>(F.cols()));
    out.set("rows", static_cast<int>(F.rows()));
    return out;
  });
}

// ---- OptimizerSurface ----
inline void setFunction(OptimizerSurface& s, const val& n) {
  guarded([&] { s.setFunction(surfaceKindFromName(stringArg(n, "OptimizerSurface.setFunction", "function"), "OptimizerSurface.setFunction")); });
}
inline std::string functionName(const OptimizerSurface& s) { return surfaceKindName(s.function()); }
inline val info(const OptimizerSurface& s) {
  SurfaceInfo i = s.info();
  val o = val::object();
  o.set("x0", i.x0); o.set("x1", i.x1); o.set("y0", i.y0); o.set("y1", i.y1);
  o.set("startX", i.startX); o.set("startY", i.startY);
  o.set("minX", i.minX); o.set("minY", i.minY); o.set("minValue", i.minValue);
  return o;
}
inline double surfaceValue(const OptimizerSurface& s, double x, double y) {
  return guarded([&] {
    requireInRange(x, -1e6, 1e6, "OptimizerSurface.value", "x");
    requireInRange(y, -1e6, 1e6, "OptimizerSurface.value", "y");
    return s.value(x, y);
  });
}
inline val surfaceGradient(const OptimizerSurface& s, double x, double y) {
  return guarded([&] {
    requireInRange(x, -1e6, 1e6, "OptimizerSurface.gradient", "x");
    requireInRange(y, -1e6, 1e6, "OptimizerSurface.gradient", "y");
    return copyToJs(s.gradient(x, y));
  });
}
inline val surfaceGrid(const OptimizerSurface& s, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "OptimizerSurface.grid";
    return viewOf(s.grid(x0, x1, y0, y1, intArg(nx, 1, 2000, where, "nx"), intArg(ny, 1, 2000, where, "ny")));
  });
}
inline void setNoise(OptimizerSurface& s, double sd, double seed) {
  guarded([&] { s.setNoise(sd, static_cast<std::uint32_t>(intArg(seed, 0, 2147483647, "OptimizerSurface.setNoise", "seed"))); });
}
inline void startPath(OptimizerSurface& s, double x, double y, const val& name, double lr) {
  guarded([&] {
    const char* where = "OptimizerSurface.startPath";
    s.startPath(x, y, optimizerKindFromName(stringArg(name, where, "optimizer"), where), lr);
  });
}
// startPath(x, y, name, lr, {momentum, beta1, beta2, decay, epsilon, noise, seed}).
inline void startPathWithOptions(OptimizerSurface& s, double x, double y, const val& name, double lr, const val& options) {
  guarded([&] {
    const char* where = "OptimizerSurface.startPath";
    if (!options.isUndefined() && !options.isNull()) {
      auto number = [&](const char* key, double fallback) {
        val v = options[key];
        if (v.isUndefined()) return fallback;
        if (!v.isNumber()) throw InvalidArgument(std::string(where) + ": option '" + key + "' must be a number");
        return v.as<double>();
      };
      Optimizer& o = s.optimizer();
      o.setMomentum(number("momentum", o.momentum()));
      o.setBetas(number("beta1", o.beta1()), number("beta2", o.beta2()));
      o.setDecay(number("decay", o.decay()));
      o.setEpsilon(number("epsilon", o.epsilon()));
      double seed = number("seed", 0);
      s.setNoise(number("noise", 0), static_cast<std::uint32_t>(intArg(seed, 0, 2147483647, where, "seed")));
    }
    s.startPath(x, y, optimizerKindFromName(stringArg(name, where, "optimizer"), where), lr);
  });
}
inline val stepPath(OptimizerSurface& s) {
  return guarded([&] {
    Vector p = s.stepPath();
    val o = val::object();
    o.set("x", p(0));
    o.set("y", p(1));
    o.set("loss", s.pathLosses().back());
    return o;
  });
}
inline std::string pathStatus(const OptimizerSurface& s) {
  return !s.started() ? "empty" : s.diverged() ? "diverged" : "running";
}

}  // namespace mlp_bind

inline void bind_mlp_optimizers() {
  using namespace emscripten;
  namespace b = mlp_bind;
  class_<Mlp, base<Model>>("MLP")
      .constructor<>()
      .function("setLayers", &b::setLayers)
      .function("setActivation", &b::setActivation)
      .function("setOutput", &b::setOutput)
      .function("setLoss", &b::setLoss)
      .function("setFeatures", &b::setFeatures)
      .function("setOptimizer", &b::setOptimizer)
      .function("setLearningRate", &b::setLearningRate)
      .function("setMomentum", &b::setMomentum)
      .function("setBetas", &b::setBetas)
      .function("setDecay", &b::setDecay)
      .function("setEpsilon", &b::setEpsilon)
      .function("setBatchSize", &b::setBatchSize)
      .function("setRegularization", &b::setRegularization)
      .function("setDropout", &b::setDropout)
      .function("epoch", &Mlp::epoch)
      .function("neuronGrid", &b::neuronGrid)
      .function("predictGridFloat32", &b::predictGridFloat32)
      .function("neuronGridFloat32", &b::neuronGridFloat32)
      .function("layerSizes", optional_override([](const Mlp& m) { return b::intsOut(m.layerSizes()); }))
      .function("weights", &b::weights)
      .function("biases", &b::biases)
      .function("weight", &b::weight)
      .function("setWeight", &b::setWeight)
      .function("setBias", &b::setBias)
      .function("setParams", &b::setParams)
      .function("exportJson", &b::exportJson)
      .function("importJson", &b::importJson)
      .function("gradient", &b::gradient)
      .function("dataLoss", &b::dataLoss)
      .function("penalty", optional_override([](const Mlp& m) { return m.penalty(); }))
      .function("settings", &b::settings);

  class_<OptimizerSurface>("OptimizerSurface")
      .constructor<>()
      .function("setFunction", &b::setFunction)
      .function("functionName", &b::functionName)
      .function("info", &b::info)
      .function("value", &b::surfaceValue)
      .function("gradient", &b::surfaceGradient)
      .function("grid", &b::surfaceGrid)
      .function("setNoise", &b::setNoise)
      .function("startPath", &b::startPath)
      .function("startPath", &b::startPathWithOptions)
      .function("stepPath", &b::stepPath)
      .function("path", optional_override([](const OptimizerSurface& s) { return copyToJs(s.pathPoints()); }))
      .function("losses", optional_override([](const OptimizerSurface& s) { return copyToJs(s.pathLosses()); }))
      .function("pathStatus", &b::pathStatus);

  function("featureTransform", &b::featureTransformJs);
}

}  // namespace dw::js
