// embind registrations for the GAN on 2-D points (dw/gan.hpp); included by bindings.cpp (the
// one registry). Gan is not a dw::Model subclass, so its methods are registered here. Bindings
// only translate: numbers are checked as whole numbers where the engine needs one, arrays become
// matrices, results are fresh Float64Array copies.
#pragma once
#include <cstdint>
#include <string>

#include "adapters.hpp"
#include "dw/gan.hpp"
#include "dw/model.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<GanCoverage> {
  static auto list() {
    return std::make_tuple(field("modes", &GanCoverage::modes), field("covered", &GanCoverage::covered),
                           field("onData", &GanCoverage::onData), field("shares", &GanCoverage::shares));
  }
};

namespace gan {

inline void setTarget(Gan& g, const val& name) { guarded([&] { g.setTarget(stringArg(name, "Gan.setTarget", "target")); }); }
inline void setRealCount(Gan& g, double n) { guarded([&] { g.setRealCount(intArg(n, "Gan.setRealCount", "n")); }); }
inline void setRealPoints(Gan& g, const val& points) { guarded([&] { g.setRealPoints(toMatrix(points, 2, "Gan.setRealPoints")); }); }
inline void setNoiseDimension(Gan& g, double d) { guarded([&] { g.setNoiseDimension(intArg(d, "Gan.setNoiseDimension", "dimension")); }); }
inline void setGeneratorShape(Gan& g, double layers, double width) {
  guarded([&] { g.setGeneratorShape(intArg(layers, "Gan.setGeneratorShape", "layers"), intArg(width, "Gan.setGeneratorShape", "width")); });
}
inline void setDiscriminatorShape(Gan& g, double layers, double width) {
  guarded([&] { g.setDiscriminatorShape(intArg(layers, "Gan.setDiscriminatorShape", "layers"), intArg(width, "Gan.setDiscriminatorShape", "width")); });
}
inline void setLearningRates(Gan& g, double gen, double disc) { guarded([&] { g.setLearningRates(gen, disc); }); }
inline void setDiscriminatorSteps(Gan& g, double k) { guarded([&] { g.setDiscriminatorSteps(intArg(k, "Gan.setDiscriminatorSteps", "k")); }); }
inline void setGeneratorSteps(Gan& g, double s) { guarded([&] { g.setGeneratorSteps(intArg(s, "Gan.setGeneratorSteps", "g")); }); }
inline void setOptimizer(Gan& g, const val& name) { guarded([&] { g.setOptimizer(stringArg(name, "Gan.setOptimizer", "optimizer")); }); }
inline void setBatchSize(Gan& g, double m) { guarded([&] { g.setBatchSize(intArg(m, "Gan.setBatchSize", "m")); }); }
inline void reset(Gan& g, double seed) {
  guarded([&] {
    g.reset(seedArg(seed, "Gan.reset"));
  });
}
inline double step(Gan& g) { return guarded([&] { return g.step(); }); }
inline int fit(Gan& g, double rounds) { return guarded([&] { return g.fit(intArg(rounds, "Gan.fit", "rounds")); }); }
inline double discriminatorLoss(const Gan& g) { return guarded([&] { return g.discriminatorLoss(); }); }
inline double generatorLoss(const Gan& g) { return guarded([&] { return g.generatorLoss(); }); }
inline double discriminatorLossOn(const Gan& g, const val& real, const val& noise) {
  return guarded([&] {
    const char* where = "Gan.discriminatorLoss";
    return g.discriminatorLossOn(toMatrix(real, 2, where), toMatrix(noise, g.noiseDimension(), where));
  });
}
inline double generatorLossOn(const Gan& g, const val& noise) {
  return guarded([&] { return g.generatorLossOn(toMatrix(noise, g.noiseDimension(), "Gan.generatorLoss")); });
}
inline val discriminatorGradient(const Gan& g, const val& real, const val& noise) {
  return guarded([&] {
    const char* where = "Gan.discriminatorGradient";
    return copyToJs(g.discriminatorGradient(toMatrix(real, 2, where), toMatrix(noise, g.noiseDimension(), where)));
  });
}
inline val generatorGradient(const Gan& g, const val& noise) {
  return guarded([&] { return copyToJs(g.generatorGradient(toMatrix(noise, g.noiseDimension(), "Gan.generatorGradient"))); });
}
inline val generatorParams(const Gan& g) { return copyToJs(g.generatorParams()); }
inline val discriminatorParams(const Gan& g) { return copyToJs(g.discriminatorParams()); }
inline void setGeneratorParams(Gan& g, const val& p) { guarded([&] { g.setGeneratorParams(toVector(p, "Gan.setGeneratorParams", "params")); }); }
inline void setDiscriminatorParams(Gan& g, const val& p) {
  guarded([&] { g.setDiscriminatorParams(toVector(p, "Gan.setDiscriminatorParams", "params")); });
}
inline val realPoints(const Gan& g) { return toJs(g.realPoints()); }
inline val realComponents(const Gan& g) { return intsToJs(g.realComponents()); }
inline val generatedPoints(const Gan& g) { return guarded([&] { return toJs(g.generatedPoints()); }); }
inline val evaluationNoise(const Gan& g) { return toJs(g.evaluationNoise()); }
inline val generate(const Gan& g, const val& noise) {
  return guarded([&] { return toJs(g.generate(toMatrix(noise, g.noiseDimension(), "Gan.generate"))); });
}
inline val discriminate(const Gan& g, const val& points) {
  return guarded([&] { return copyToJs(g.discriminate(toMatrix(points, 2, "Gan.discriminate"))); });
}
inline val discriminatorGrid(const Gan& g, double x0, double x1, double y0, double y1, double nx, double ny) {
  return guarded([&] {
    const char* where = "Gan.discriminatorGrid";
    return copyToJs(g.discriminatorGrid(x0, x1, y0, y1, intArg(nx, where, "nx"), intArg(ny, where, "ny")));
  });
}
inline val generatorFlow(const Gan& g, const val& points) {
  return guarded([&] { return toJs(g.generatorFlow(toMatrix(points, 2, "Gan.generatorFlow"))); });
}
inline val coverage(const Gan& g) { return guarded([&] { return toJs(g.coverage()); }); }
inline val coverageOf(const Gan& g, const val& points) {
  return guarded([&] { return toJs(g.coverageOf(toMatrix(points, 2, "Gan.coverage"))); });
}
inline std::string target(const Gan& g) { return g.target(); }
inline std::string optimizer(const Gan& g) { return g.optimizer(); }
inline std::string status(const Gan& g) { return statusName(g.status()); }
inline val traceColumns(const Gan& g) { return stringsToJs(g.trace().columns()); }
inline val traceValues(const Gan& g) { return copyToJs(g.trace().values()); }
inline int traceRows(const Gan& g) { return static_cast<int>(g.trace().rows()); }
inline val targetNames() { return stringsToJs(Gan::targetNames()); }

}  // namespace gan

inline void bind_gan() {
  using namespace emscripten;
  class_<Gan>("Gan")
      .constructor<>()
      .class_function("targetNames", &gan::targetNames)
      .function("setTarget", &gan::setTarget)
      .function("target", &gan::target)
      .function("setRealCount", &gan::setRealCount)
      .function("realCount", &Gan::realCount)
      .function("setRealPoints", &gan::setRealPoints)
      .function("setNoiseDimension", &gan::setNoiseDimension)
      .function("noiseDimension", &Gan::noiseDimension)
      .function("setGeneratorShape", &gan::setGeneratorShape)
      .function("setDiscriminatorShape", &gan::setDiscriminatorShape)
      .function("generatorLayers", &Gan::generatorLayers)
      .function("generatorWidth", &Gan::generatorWidth)
      .function("discriminatorLayers", &Gan::discriminatorLayers)
      .function("discriminatorWidth", &Gan::discriminatorWidth)
      .function("setLearningRates", &gan::setLearningRates)
      .function("generatorLearningRate", &Gan::generatorLearningRate)
      .function("discriminatorLearningRate", &Gan::discriminatorLearningRate)
      .function("setDiscriminatorSteps", &gan::setDiscriminatorSteps)
      .function("setGeneratorSteps", &gan::setGeneratorSteps)
      .function("discriminatorSteps", &Gan::discriminatorSteps)
      .function("generatorSteps", &Gan::generatorSteps)
      .function("setOptimizer", &gan::setOptimizer)
      .function("optimizer", &gan::optimizer)
      .function("setBatchSize", &gan::setBatchSize)
      .function("batchSize", &Gan::batchSize)
      .function("setTracing", &Gan::setTracing)
      .function("tracing", &Gan::tracing)
      .function("reset", &gan::reset)
      .function("seed", &Gan::seed)
      .function("step", &gan::step)
      .function("fit", &gan::fit)
      .function("steps", &Gan::steps)
      .function("status", &gan::status)
      .function("discriminatorLoss", &gan::discriminatorLoss)
      .function("generatorLoss", &gan::generatorLoss)
      .function("discriminatorLossOn", &gan::discriminatorLossOn)
      .function("generatorLossOn", &gan::generatorLossOn)
      .function("discriminatorGradient", &gan::discriminatorGradient)
      .function("generatorGradient", &gan::generatorGradient)
      .function("generatorParams", &gan::generatorParams)
      .function("discriminatorParams", &gan::discriminatorParams)
      .function("setGeneratorParams", &gan::setGeneratorParams)
      .function("setDiscriminatorParams", &gan::setDiscriminatorParams)
      .function("realPoints", &gan::realPoints)
      .function("realComponents", &gan::realComponents)
      .function("modeCount", &Gan::modeCount)
      .function("generatedPoints", &gan::generatedPoints)
      .function("evaluationNoise", &gan::evaluationNoise)
      .function("generate", &gan::generate)
      .function("discriminate", &gan::discriminate)
      .function("discriminatorGrid", &gan::discriminatorGrid)
      .function("generatorFlow", &gan::generatorFlow)
      .function("coverage", &gan::coverage)
      .function("coverageOf", &gan::coverageOf)
      .function("coverageRadius", &Gan::coverageRadius)
      .function("traceColumns", &gan::traceColumns)
      .function("traceValues", &gan::traceValues)
      .function("traceRows", &gan::traceRows);
}

}  // namespace dw::js
