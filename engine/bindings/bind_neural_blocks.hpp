// embind registrations for the neural-network building blocks (activation curves, softmax,
// gradient chains, convolution, max pooling, attention); included by bindings.cpp. Translation only.
#pragma once
#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "adapters.hpp"
#include "dw/neural_blocks.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<ActivationCurve> {
  static auto list() { return std::make_tuple(field("value", &ActivationCurve::value), field("derivative", &ActivationCurve::derivative)); }
};
template <>
struct JsFields<GradientChain> {
  static auto list() {
    using G = GradientChain;
    return std::make_tuple(field("preActivation", &G::preActivation), field("activation", &G::activation),
                           field("localFactor", &G::localFactor), field("gradient", &G::gradient));
  }
};
// A feature map: { width, height, values (row-major) }.
struct FeatureMap {
  Matrix values;
};
template <>
struct JsFields<FeatureMap> {
  static auto list() {
    return std::make_tuple(field("width", +[](const FeatureMap& m) { return m.values.cols(); }),
                           field("height", +[](const FeatureMap& m) { return m.values.rows(); }), field("values", &FeatureMap::values));
  }
};
template <>
struct JsFields<Pooled> {
  static auto list() {
    return std::make_tuple(field("width", +[](const Pooled& p) { return p.values.cols(); }),
                           field("height", +[](const Pooled& p) { return p.values.rows(); }), field("values", &Pooled::values),
                           field("argmax", &Pooled::argmax));
  }
};
template <>
struct JsFields<AttentionHead> {
  static auto list() {
    using H = AttentionHead;
    return std::make_tuple(field("tokens", +[](const H& h) { return h.Q.rows(); }), field("dk", +[](const H& h) { return h.Q.cols(); }),
                           field("dv", +[](const H& h) { return h.V.cols(); }), field("Q", &H::Q), field("K", &H::K), field("V", &H::V),
                           field("scores", &H::scores), field("weights", &H::weights), field("output", &H::output));
  }
};
namespace neural_blocks_detail {

inline val activationCurveJs(const val& name, const val& z) {
  return guarded([&] { return toJs(activationCurve(stringArg(name, "activationCurve", "name"), toVector(z, "activationCurve", "z"))); });
}

inline val softmaxJs(const val& z, double temperature) {
  return guarded([&] { return copyToJs(softmax(toVector(z, "softmax", "z"), temperature)); });
}

inline val gradientChainJs(const val& name, double depth, double weight, double bias, double input) {
  return guarded([&] {
    return toJs(gradientChain(stringArg(name, "gradientChain", "name"), intArg(depth, "gradientChain", "depth"), weight, bias, input));
  });
}

// A square k×k kernel given as k² numbers.
inline Matrix squareKernel(const val& kernel, const char* where) {
  Vector v = toVector(kernel, where, "kernel");
  auto k = static_cast<Index>(std::lround(std::sqrt(static_cast<double>(v.size()))));
  if (k * k != v.size() || k < 1)
    throw ShapeError(std::string(where) + ": the kernel has " + std::to_string(v.size()) + " numbers, not a square (9 for 3×3)");
  return Eigen::Map<Matrix>(v.data(), k, k);
}

inline val convolve2dJs(const val& image, double width, const val& kernel, const val& padding) {
  return guarded([&] {
    const char* where = "convolve2d";
    Matrix img = toMatrix(image, width, where);
    return toJs(FeatureMap{
        convolve2d(img, squareKernel(kernel, where), padding.isUndefined() ? std::string("valid") : stringArg(padding, where, "padding"))});
  });
}

inline val maxPoolJs(const val& values, double width, double size) {
  return guarded([&] {
    const char* where = "maxPool";
    return toJs(maxPool(toMatrix(values, width, where), intArg(size, where, "size")));
  });
}

// Weights arrive flat, row-major, with d rows (the embedding width).
inline Matrix weightsIn(const val& W, double d, const char* where) {
  Vector v = toVector(W, where, "weights");
  auto rows = static_cast<Index>(d);
  if (v.size() == 0 || v.size() % rows != 0)
    throw ShapeError(std::string(where) + ": a weight matrix has " + std::to_string(v.size()) +
                     " numbers, not a multiple of the embedding width " + std::to_string(rows));
  return Eigen::Map<Matrix>(v.data(), rows, v.size() / rows);
}

inline val attentionJs(const val& X, double d, const val& Wq, const val& Wk, const val& Wv, double heads, const val& causal) {
  return guarded([&] {
    const char* where = "attention";
    // toMatrix checks d is a whole column count; attention() checks the sizes that matter.
    return toJs(attention(toMatrix(X, d, where), weightsIn(Wq, d, where), weightsIn(Wk, d, where), weightsIn(Wv, d, where),
                          intArg(heads, where, "heads"), causal.isTrue()));
  });
}

}  // namespace neural_blocks_detail

inline void bind_neural_blocks() {
  using namespace emscripten;
  namespace l = neural_blocks_detail;
  function("activationCurve", &l::activationCurveJs);
  function("softmax", &l::softmaxJs);
  function("softmax", optional_override([](const val& z) { return l::softmaxJs(z, 1.0); }));
  function("gradientChain", &l::gradientChainJs);
  function("convolve2d", &l::convolve2dJs);
  function("convolve2d", optional_override([](const val& image, double width, const val& kernel) {
             return l::convolve2dJs(image, width, kernel, val::undefined());
           }));
  function("maxPool", &l::maxPoolJs);
  function("attention", &l::attentionJs);
  function("attention", optional_override([](const val& X, double d, const val& Wq, const val& Wk, const val& Wv, double heads) {
             return l::attentionJs(X, d, Wq, Wk, Wv, heads, val(false));
           }));
}

}  // namespace dw::js
