// embind registrations for the learning-theory helpers (Hoeffding union bound, tree class sizes,
// the generalisation-gap study); included by bindings.cpp. Translation only.
#pragma once
#include <emscripten/bind.h>

#include <vector>

#include "adapters.hpp"
#include "dw/learning_theory.hpp"

namespace dw::js {

template <>
struct JsFields<GapStudy> {
  static auto list() {
    using G = GapStudy;
    return std::make_tuple(field("sizes", &G::sizes), field("trainError", &G::trainError), field("testError", &G::testError),
                           field("gapMean", &G::gapMean), field("gapLow", &G::gapLow), field("gapHigh", &G::gapHigh),
                           field("repeats", &G::repeats), field("redrawn", &G::redrawn));
  }
};

namespace learning_theory_detail {

inline val gapStudyJs(Model& m, const val& X, double cols, const val& y, const val& sizes, double repeats,
                      double validationFraction, double seed, double maxSteps) {
  return guarded([&] {
    const char* where = "gapStudy";
    std::vector<int> n;
    for (double v : toDoubles(sizes, where, "sizes")) n.push_back(intArg(v, where, "size"));
    return toJs(gapStudy(m, toMatrix(X, cols, where), toVector(y, where, "y"), n, intArg(repeats, where, "repeats"), validationFraction,
                         seedArg(seed, where), intArg(maxSteps, where, "maxSteps")));
  });
}

}  // namespace learning_theory_detail

inline void bind_learning_theory() {
  using namespace emscripten;
  function("hoeffdingUnionBound", optional_override([](double n, double logH, double delta) {
             return guarded([&] { return hoeffdingUnionBound(n, logH, delta); });
           }));
  function("treeClassLogSize", optional_override([](double depth, double features, double thresholds) {
             return guarded([&] {
               const char* where = "treeClassLogSize";
               return treeClassLogSize(intArg(depth, where, "depth"), intArg(features, where, "features"),
                                       intArg(thresholds, where, "thresholds"));
             });
           }));
  function("gapStudy", &learning_theory_detail::gapStudyJs);
}

}  // namespace dw::js
