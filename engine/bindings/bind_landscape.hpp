// embind registrations for engine code written for the landscape and frontier lessons
// (activations, softmax, gradient chains, convolution, attention, learning-theory bounds);
// included by bindings.cpp. Translation only.
#pragma once
#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "adapters.hpp"
#include "dw/landscape_learning_theory.hpp"
#include "dw/landscape_neural.hpp"
#include "dw/validate.hpp"

namespace dw::js {

namespace landscape {

inline std::string text(const val& v, const char* where, const char* name) {
  if (!v.isString()) throw InvalidArgument(std::string(where) + ": " + name + " must be a string");
  return v.as<std::string>();
}
inline val matrixOut(const Matrix& m) { return copyToJs(m.data(), static_cast<std::size_t>(m.size())); }

inline val activationCurveJs(const val& name, const val& z) {
  return guarded([&] {
    ActivationCurve c = activationCurve(text(name, "activationCurve", "name"), toVector(z, "activationCurve", "z"));
    val out = val::object();
    out.set("value", copyToJs(c.value));
    out.set("derivative", copyToJs(c.derivative));
    return out;
  });
}

inline val softmaxJs(const val& z, double temperature) {
  return guarded([&] { return copyToJs(softmax(toVector(z, "softmax", "z"), temperature)); });
}

inline val gradientChainJs(const val& name, double depth, double weight, double bias, double input) {
  return guarded([&] {
    requireIntInRange(depth, 1, 1000, "gradientChain", "depth");
    GradientChain g = gradientChain(text(name, "gradientChain", "name"), static_cast<int>(depth), weight, bias, input);
    val out = val::object();
    out.set("preActivation", copyToJs(g.preActivation));
    out.set("activation", copyToJs(g.activation));
    out.set("localFactor", copyToJs(g.localFactor));
    out.set("gradient", copyToJs(g.gradient));
    return out;
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
    Matrix out = convolve2d(img, squareKernel(kernel, where), padding.isUndefined() ? std::string("valid") : text(padding, where, "padding"));
    val o = val::object();
    o.set("width", static_cast<double>(out.cols()));
    o.set("height", static_cast<double>(out.rows()));
    o.set("values", matrixOut(out));
    return o;
  });
}

inline val maxPoolJs(const val& values, double width, double size) {
  return guarded([&] {
    const char* where = "maxPool";
    requireIntInRange(size, 1, 64, where, "size");
    Pooled p = maxPool(toMatrix(values, width, where), static_cast<int>(size));
    val o = val::object();
    o.set("width", static_cast<double>(p.values.cols()));
    o.set("height", static_cast<double>(p.values.rows()));
    o.set("values", matrixOut(p.values));
    o.set("argmax", intsToJs(p.argmax));
    return o;
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
    requireIntInRange(d, 1, 512, where, "d");
    requireIntInRange(heads, 1, 16, where, "heads");
    std::vector<AttentionHead> hs = attention(toMatrix(X, d, where), weightsIn(Wq, d, where), weightsIn(Wk, d, where),
                                              weightsIn(Wv, d, where), static_cast<int>(heads), causal.isTrue());
    val out = val::array();
    for (const AttentionHead& h : hs) {
      val o = val::object();
      o.set("tokens", static_cast<double>(h.Q.rows()));
      o.set("dk", static_cast<double>(h.Q.cols()));
      o.set("dv", static_cast<double>(h.V.cols()));
      o.set("Q", matrixOut(h.Q));
      o.set("K", matrixOut(h.K));
      o.set("V", matrixOut(h.V));
      o.set("scores", matrixOut(h.scores));
      o.set("weights", matrixOut(h.weights));
      o.set("output", matrixOut(h.output));
      out.call<void>("push", o);
    }
    return out;
  });
}

inline val gapStudyJs(Model& m, const val& X, double cols, const val& y, const val& sizes, double repeats,
                      double validationFraction, double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "gapStudy";
    std::vector<int> n;
    for (double v : toDoubles(sizes, where, "sizes")) {
      requireIntInRange(v, 1, 100000, where, "size");
      n.push_back(static_cast<int>(v));
    }
    requireIntInRange(repeats, 1, 200, where, "repeats");
    requireIntInRange(seed, 0, 4294967295LL - 200, where, "seed");
    requireIntInRange(maxSteps, 0, 10'000'000, where, "maxSteps");
    GapStudy s = gapStudy(m, toMatrix(X, cols, where), toVector(y, where, "y"), n, static_cast<int>(repeats), validationFraction,
                          static_cast<std::uint32_t>(seed), static_cast<int>(maxSteps));
    val o = val::object();
    o.set("sizes", copyToJs(s.sizes));
    o.set("trainError", copyToJs(s.trainError));
    o.set("testError", copyToJs(s.testError));
    o.set("gapMean", copyToJs(s.gapMean));
    o.set("gapLow", copyToJs(s.gapLow));
    o.set("gapHigh", copyToJs(s.gapHigh));
    o.set("repeats", s.repeats);
    return o;
  });
}

}  // namespace landscape

inline void bind_landscape() {
  using namespace emscripten;
  namespace l = landscape;
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
  function("hoeffdingUnionBound", optional_override([](double n, double logH, double delta) {
             return guarded([&] { return hoeffdingUnionBound(n, logH, delta); });
           }));
  function("treeClassLogSize", optional_override([](double depth, double features, double thresholds) {
             return guarded([&] {
               requireIntInRange(depth, 0, 30, "treeClassLogSize", "depth");
               requireIntInRange(features, 1, 10000, "treeClassLogSize", "features");
               requireIntInRange(thresholds, 1, 1000000, "treeClassLogSize", "thresholds");
               return treeClassLogSize(static_cast<int>(depth), static_cast<int>(features), static_cast<int>(thresholds));
             });
           }));
  function("gapStudy", &l::gapStudyJs);
}

}  // namespace dw::js
