// embind registrations for the convolutional network (ConvNet, convOutputSize); included by
// bindings.cpp (the one registry). Only translation of types and errors lives here.
#pragma once
#include <string>

#include "adapters.hpp"
#include "dw/conv_net.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<VolumeShape> {
  static auto list() {
    return std::make_tuple(field("channels", &VolumeShape::channels), field("height", &VolumeShape::height),
                           field("width", &VolumeShape::width));
  }
};

namespace conv_bind {

inline void setInputShape(ConvNet& m, double c, double h, double w) {
  guarded([&] {
    const char* where = "ConvNet.setInputShape";
    m.setInputShape(intArg(c, where, "channels"), intArg(h, where, "height"),
                    intArg(w, where, "width"));
  });
}
inline void setConv(ConvNet& m, double filters, double kernel, double stride, double padding) {
  guarded([&] {
    const char* where = "ConvNet.setConv";
    m.setConv(intArg(filters, where, "filters"), intArg(kernel, where, "kernel"),
              intArg(stride, where, "stride"), intArg(padding, where, "padding"));
  });
}
inline void setPool(ConvNet& m, double size) {
  guarded([&] { m.setPool(intArg(size, "ConvNet.setPool", "size")); });
}
inline void setHidden(ConvNet& m, double units) {
  guarded([&] { m.setHidden(intArg(units, "ConvNet.setHidden", "units")); });
}
inline void setClasses(ConvNet& m, double k) {
  guarded([&] { m.setClasses(intArg(k, "ConvNet.setClasses", "classes")); });
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
  guarded([&] { m.setBatchSize(intArg(b, "ConvNet.setBatchSize", "batchSize")); });
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
  o.set("input", toJs(m.inputShape()));
  o.set("conv", toJs(m.conv().output()));
  o.set("pooled", toJs(m.pool().output()));
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
    return convOutputSize(intArg(n, where, "n"), intArg(k, where, "kernel"),
                          intArg(s, where, "stride"), intArg(p, where, "padding"), where);
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
