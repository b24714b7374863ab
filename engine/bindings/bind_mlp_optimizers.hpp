// embind registrations for the mlp_optimizers family (MLP, OptimizerSurface, featureTransform);
// included by bindings.cpp (the one registry). Only translation of types and errors lives here.
#pragma once
#include <string>
#include <vector>

#include "adapters.hpp"
#include "bind_training_tricks.hpp"  // tricks::scheduleArg / scheduleToJs, shared with DeepNet
#include "dw/feature_transform.hpp"
#include "dw/mlp.hpp"
#include "dw/optimizer_surface.hpp"
#include "dw/validate.hpp"

namespace dw::js {

// MLP.settings(): the architecture and training settings in words and numbers.
struct MlpSettings {
  std::vector<int> layers;
  std::vector<std::string> activations;
  std::string output, loss, optimizer;
  double learningRate;
  int batchSize;
};
template <>
struct JsFields<MlpSettings> {
  static auto list() {
    using S = MlpSettings;
    return std::make_tuple(field("layers", &S::layers), field("activations", &S::activations), field("output", &S::output),
                           field("loss", &S::loss), field("optimizer", &S::optimizer), field("learningRate", &S::learningRate),
                           field("batchSize", &S::batchSize));
  }
};
template <>
struct JsFields<SurfaceInfo> {
  static auto list() {
    using I = SurfaceInfo;
    return std::make_tuple(field("x0", &I::x0), field("x1", &I::x1), field("y0", &I::y0), field("y1", &I::y1), field("startX", &I::startX),
                           field("startY", &I::startY), field("minX", &I::minX), field("minY", &I::minY), field("minValue", &I::minValue));
  }
};
// OptimizerSurface.stepPath(): the new point and the loss there.
struct PathStep {
  double x, y, loss;
};
template <>
struct JsFields<PathStep> {
  static auto list() { return std::make_tuple(field("x", &PathStep::x), field("y", &PathStep::y), field("loss", &PathStep::loss)); }
};

namespace mlp_bind {

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

// ---- MLP ----
inline void setLayers(Mlp& m, const val& units) {
  guarded([&] {
    const char* where = "MLP.setLayers";
    std::vector<int> layers;
    for (double u : toDoubles(units, where, "units")) layers.push_back(intArg(u, where, "units"));
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
      index = intArg(layer.as<double>(), where, "layer");
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
  guarded([&] { m.setBatchSize(intArg(b, "MLP.setBatchSize", "batchSize")); });
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
    return viewOf(m.neuronGrid(x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
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
    return float32View(frame, m.predictGridFloat32(x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
  });
}
inline val neuronGridFloat32(const Mlp& m, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "MLP.neuronGridFloat32";
    static Eigen::VectorXf frame;
    return float32View(frame, m.neuronGridFloat32(x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
  });
}
inline val weights(const Mlp& m) { return copyToJs(m.weights()); }
inline val biases(const Mlp& m) { return copyToJs(m.biases()); }
inline double weight(const Mlp& m, double l, double f, double t) {
  return guarded([&] {
    const char* where = "MLP.weight";
    return m.weight(intArg(l, where, "layer"), intArg(f, where, "from"), intArg(t, where, "to"));
  });
}
inline void setWeight(Mlp& m, double l, double f, double t, double v) {
  guarded([&] {
    const char* where = "MLP.setWeight";
    m.setWeight(intArg(l, where, "layer"), intArg(f, where, "from"), intArg(t, where, "to"), v);
  });
}
inline void setBias(Mlp& m, double l, double u, double v) {
  guarded([&] {
    const char* where = "MLP.setBias";
    m.setBias(intArg(l, where, "layer"), intArg(u, where, "unit"), v);
  });
}
inline void setParams(Mlp& m, const val& p) { guarded([&] { m.setParams(toVector(p, "MLP.setParams", "params")); }); }
inline std::string exportJson(const Mlp& m) { return guarded([&] { return m.exportJson(); }); }
inline void importJson(Mlp& m, const val& s) {
  guarded([&] { m.importJson(stringArg(s, "MLP.importJson", "json")); });
}
inline val gradient(const Mlp& m) { return guarded([&] { return copyToJs(m.gradient()); }); }
inline double dataLoss(const Mlp& m) { return guarded([&] { return m.dataLoss(); }); }
inline void setSchedule(Mlp& m, const val& s) {
  guarded([&] { m.setSchedule(tricks::scheduleArg(s, m.schedule(), "MLP.setSchedule")); });
}
inline val schedule(const Mlp& m) { return tricks::scheduleToJs(m.schedule()); }
inline void setClipNorm(Mlp& m, double c) { guarded([&] { m.setClipNorm(c); }); }
inline void setInit(Mlp& m, const val& name) { guarded([&] { m.setInit(stringArg(name, "MLP.setInit", "init")); }); }
inline double batchModeLoss(const Mlp& m) { return guarded([&] { return m.batchModeLoss(); }); }
inline val settings(const Mlp& m) {
  MlpSettings o{m.hiddenLayers(), {}, m.status() == Status::Empty ? "auto" : outputKindName(m.output()),
                m.status() == Status::Empty ? "auto" : lossKindName(m.lossKind()), optimizerName(m.optimizer().kind()),
                m.learningRate(), m.batchSize()};
  for (Activation a : m.activations()) o.activations.push_back(activationName(a));
  return toJs(o);
}

// ---- featureTransform ----
inline val featureTransformJs(const val& X, const val& names) {
  return guarded([&] {
    return toJs(Dataset{featureTransform(toMatrix(X, 2, "featureTransform"), stringsArg(names, "featureTransform", "names")), Vector()});
  });
}

// ---- OptimizerSurface ----
inline void setFunction(OptimizerSurface& s, const val& n) {
  guarded([&] { s.setFunction(surfaceKindFromName(stringArg(n, "OptimizerSurface.setFunction", "function"), "OptimizerSurface.setFunction")); });
}
inline std::string functionName(const OptimizerSurface& s) { return surfaceKindName(s.function()); }
inline val info(const OptimizerSurface& s) { return toJs(s.info()); }
inline double surfaceValue(const OptimizerSurface& s, double x, double y) {
  return guarded([&] { return s.value(x, y); });
}
inline val surfaceGradient(const OptimizerSurface& s, double x, double y) {
  return guarded([&] { return copyToJs(s.gradient(x, y)); });
}
inline val surfaceGrid(const OptimizerSurface& s, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "OptimizerSurface.grid";
    return viewOf(s.grid(x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
  });
}
inline void setNoise(OptimizerSurface& s, double sd, double seed) {
  guarded([&] { s.setNoise(sd, seedArg(seed, "OptimizerSurface.setNoise")); });
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
      s.setNoise(number("noise", 0), seedArg(seed, where));
    }
    s.startPath(x, y, optimizerKindFromName(stringArg(name, where, "optimizer"), where), lr);
  });
}
inline val stepPath(OptimizerSurface& s) {
  return guarded([&] {
    Vector p = s.stepPath();
    return toJs(PathStep{p(0), p(1), s.pathLosses().back()});
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
      .function("layerSizes", optional_override([](const Mlp& m) { return intsToJs(m.layerSizes()); }))
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
      .function("settings", &b::settings)
      .function("setSchedule", &b::setSchedule)
      .function("schedule", &b::schedule)
      .function("currentRate", &Mlp::currentRate)
      .function("setClipNorm", &b::setClipNorm)
      .function("clipNorm", &Mlp::clipNorm)
      .function("lastGradientNorm", &Mlp::lastGradientNorm)
      .function("lastClipped", &Mlp::lastClipped)
      .function("setInit", &b::setInit)
      .function("init", &Mlp::init)
      .function("setBatchNorm", &Mlp::setBatchNorm)
      .function("batchNorm", &Mlp::batchNorm)
      .function("batchModeLoss", &b::batchModeLoss)
      .function("batchNormScales", optional_override([](const Mlp& m) { return copyToJs(m.batchNormScales()); }))
      .function("batchNormShifts", optional_override([](const Mlp& m) { return copyToJs(m.batchNormShifts()); }));

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
