// embind registrations for the convolutional network (ConvNet, convOutputSize); included by
// bindings.cpp (the one registry). Only translation of types and errors lives here.
#pragma once
#include <string>

#include "adapters.hpp"
#include "dw/conv_net.hpp"
#include "dw/validate.hpp"

namespace dw::js {

namespace conv_bind {

inline int intArg(double v, long long lo, long long hi, const char* where, const char* name) {
  requireIntInRange(v, lo, hi, where, name);
  return static_cast<int>(v);
}
inline val shapeToJs(VolumeShape s) {
  val o = val::object();
  o.set("channels", s.channels);
  o.set("height", s.height);
  o.set("width", s.width);
  return o;
}

inline void setInputShape(ConvNet& m, double c, double h, double w) {
  guarded([&] {
    const char* where = "ConvNet.setInputShape";
    m.setInputShape(intArg(c, 1, ConvNet::kMaxChannels, where, "channels"), intArg(h, 1, ConvNet::kMaxSide, where, "height"),
                    intArg(w, 1, ConvNet::kMaxSide, where, "width"));
  });
}
inline void setConv(ConvNet& m, double filters, double kernel, double stride, double padding) {
  guarded([&] {
    const char* where = "ConvNet.setConv";
    m.setConv(intArg(filters, 1, ConvNet::kMaxFilters, where, "filters"), intArg(kernel, 1, ConvNet::kMaxKernel, where, "kernel"),
              intArg(stride, 1, ConvNet::kMaxStride, where, "stride"), intArg(padding, 0, ConvNet::kMaxKernel, where, "padding"));
  });
}
inline void setPool(ConvNet& m, double size) {
  guarded([&] { m.setPool(intArg(size, 1, ConvNet::kMaxPool, "ConvNet.setPool", "size")); });
}
inline void setHidden(ConvNet& m, double units) {
  guarded([&] { m.setHidden(intArg(units, 0, ConvNet::kMaxHidden, "ConvNet.setHidden", "units")); });
}
inline void setClasses(ConvNet& m, double k) {
  guarded([&] { m.setClasses(intArg(k, 0, ConvNet::kMaxClasses, "ConvNet.setClasses", "classes")); });
}
inline void setOptimizer(ConvNet& m, const val& name) {
  guarded([&] {
    const char* where = "ConvNet.setOptimizer";
    if (!name.isString()) throw InvalidArgument(std::string(where) + ": optimizer must be a string");
    m.setOptimizer(optimizerKindFromName(name.as<std::string>(), where));
  });
}
inline void setLearningRate(ConvNet& m, double v) { guarded([&] { m.setLearningRate(v); }); }
inline void setMomentum(ConvNet& m, double v) { guarded([&] { m.setMomentum(v); }); }
inline void setBetas(ConvNet& m, double b1, double b2) { guarded([&] { m.setBetas(b1, b2); }); }
inline void setBatchSize(ConvNet& m, double b) {
  guarded([&] { m.setBatchSize(intArg(b, 1, 1024, "ConvNet.setBatchSize", "batchSize")); });
}
inline val featureMaps(const ConvNet& m, const val& image) {
  return guarded([&] { return copyToJs(m.featureMaps(toVector(image, "ConvNet.featureMaps", "image"))); });
}
inline val pooledMaps(const ConvNet& m, const val& image) {
  return guarded([&] { return copyToJs(m.pooledMaps(toVector(image, "ConvNet.pooledMaps", "image"))); });
}
inline void setParams(ConvNet& m, const val& p) { guarded([&] { m.setParams(toVector(p, "ConvNet.setParams", "params")); }); }
inline val gradient(const ConvNet& m) { return guarded([&] { return copyToJs(m.gradient()); }); }
// { input, conv, pooled } volume shapes and the convolution's settings.
inline val shapes(const ConvNet& m) {
  val o = val::object();
  o.set("input", shapeToJs(m.inputShape()));
  o.set("conv", shapeToJs(m.conv().output()));
  o.set("pooled", shapeToJs(m.pool().output()));
  o.set("filters", m.conv().filters());
  o.set("kernel", m.conv().kernel());
  o.set("stride", m.conv().stride());
  o.set("padding", m.conv().padding());
  o.set("pool", m.pool().size());
  o.set("hidden", m.hiddenUnits());
  o.set("classes", m.classCount());
  return o;
}
inline int convOutputSizeJs(double n, double k, double s, double p) {
  return guarded([&] {
    const char* where = "convOutputSize";
    return convOutputSize(intArg(n, 1, 100000, where, "n"), intArg(k, 1, 100000, where, "kernel"),
                          intArg(s, 1, 100000, where, "stride"), intArg(p, 0, 100000, where, "padding"), where);
  });
}

}  // namespace conv_bind

inline void bind_conv_net() {
  using namespace emscripten;
  namespace b = conv_bind;
  class_<ConvNet, base<Model>>("ConvNet")
      .constructor<>()
      .function("setInputShape", &b::setInputShape)
      .function("setConv", &b::setConv)
      .function("setPool", &b::setPool)
      .function("setHidden", &b::setHidden)
      .function("setClasses", &b::setClasses)
      .function("setOptimizer", &b::setOptimizer)
      .function("setLearningRate", &b::setLearningRate)
      .function("setMomentum", &b::setMomentum)
      .function("setBetas", &b::setBetas)
      .function("setBatchSize", &b::setBatchSize)
      .function("batchSize", &ConvNet::batchSize)
      .function("learningRate", optional_override([](const ConvNet& m) { return m.optimizer().learningRate(); }))
      .function("optimizerName", optional_override([](const ConvNet& m) { return std::string(optimizerName(m.optimizer().kind())); }))
      .function("epoch", &ConvNet::epoch)
      .function("shapes", &b::shapes)
      .function("layerParamCounts", optional_override([](const ConvNet& m) { return intsToJs(m.layerParamCounts()); }))
      .function("filters", optional_override([](const ConvNet& m) { return copyToJs(m.filters()); }))
      .function("featureMaps", &b::featureMaps)
      .function("pooledMaps", &b::pooledMaps)
      .function("setParams", &b::setParams)
      .function("gradient", &b::gradient);
  function("convOutputSize", &b::convOutputSizeJs);
}

}  // namespace dw::js
