// embind registrations for comparing two models (dw/model_comparison.hpp): the paired t-test,
// the paired permutation test, McNemar's test, paired fold scores and the special functions
// behind their p-values; included by bindings.cpp. Only translation: JS arrays ↔ Eigen, result
// structs → plain objects; every call is guarded so engine errors reach JS as RangeError + code.
#pragma once
#include <emscripten/bind.h>

#include <cstdint>
#include <limits>

#include "adapters.hpp"
#include "dw/model_comparison.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<PairedTTestResult> {
  static auto list() {
    using R = PairedTTestResult;
    return std::make_tuple(field("n", &R::n), field("meanDifference", &R::meanDifference), field("sdDifference", &R::sdDifference),
                           field("standardError", &R::standardError), field("t", &R::t), field("df", &R::df), field("pValue", &R::pValue));
  }
};
template <>
struct JsFields<PermutationTestResult> {
  static auto list() {
    using R = PermutationTestResult;
    return std::make_tuple(field("n", &R::n), field("meanDifference", &R::meanDifference), field("pValue", &R::pValue),
                           field("exact", &R::exact), field("resamples", &R::resamples), field("atLeastAsExtreme", &R::atLeastAsExtreme));
  }
};
template <>
struct JsFields<McNemarResult> {
  static auto list() {
    using R = McNemarResult;
    return std::make_tuple(field("aRightBWrong", &R::aRightBWrong), field("aWrongBRight", &R::aWrongBRight),
                           field("bothRight", &R::bothRight), field("bothWrong", &R::bothWrong), field("exactPValue", &R::exactPValue),
                           field("chiSquare", &R::chiSquare), field("chiSquarePValue", &R::chiSquarePValue));
  }
};
template <>
struct JsFields<PairedScores> {
  static auto list() { return std::make_tuple(field("a", &PairedScores::a), field("b", &PairedScores::b)); }
};

namespace comparison {

inline val pairedTTestJs(const val& a, const val& b) {
  return guarded([&] { return toJs(pairedTTest(toVector(a, "pairedTTest", "a"), toVector(b, "pairedTTest", "b"))); });
}
inline val pairedPermutationTestJs(const val& a, const val& b, double permutations, double seed) {
  return guarded([&] {
    const char* where = "pairedPermutationTest";
    return toJs(pairedPermutationTest(toVector(a, where, "a"), toVector(b, where, "b"), intArg(permutations, where, "permutations"),
                                      seedArg(seed, where)));
  });
}
inline val mcNemarTestJs(double n01, double n10) {
  return guarded([&] {
    const char* where = "mcNemarTest";
    return toJs(mcNemarTest(intArg(n01, where, "aRightBWrong"), intArg(n10, where, "aWrongBRight")));
  });
}
inline val mcNemarFromPredictionsJs(const val& yTrue, const val& predA, const val& predB) {
  return guarded([&] {
    const char* where = "mcNemarFromPredictions";
    return toJs(mcNemarFromPredictions(toVector(yTrue, where, "yTrue"), toVector(predA, where, "predA"), toVector(predB, where, "predB")));
  });
}
inline val pairedCrossValScoresJs(Model& a, double seedA, Model& b, double seedB, const val& X, double cols, const val& y,
                                  double k, double foldSeed, double maxSteps) {
  return guarded([&] {
    const char* where = "pairedCrossValScores";
    return toJs(pairedCrossValScores(a, seedArg(seedA, where, "seedA"), b, seedArg(seedB, where, "seedB"), toMatrix(X, cols, where),
                                     toVector(y, where, "y"), intArg(k, where, "k"), seedArg(foldSeed, where, "foldSeed"),
                                     intArg(maxSteps, where, "maxSteps")));
  });
}

}  // namespace comparison

inline void bind_model_comparison() {
  using namespace emscripten;
  namespace cmp = comparison;
  function("regularizedIncompleteBeta", optional_override([](double a, double b, double x) { return guarded([&] { return regularizedIncompleteBeta(a, b, x); }); }));
  function("regularizedUpperGamma", optional_override([](double a, double x) { return guarded([&] { return regularizedUpperGamma(a, x); }); }));
  function("studentTCdf", optional_override([](double t, double df) { return guarded([&] { return studentTCdf(t, df); }); }));
  function("studentTSurvival", optional_override([](double t, double df) { return guarded([&] { return studentTSurvival(t, df); }); }));
  function("chiSquareSurvival", optional_override([](double x, double df) { return guarded([&] { return chiSquareSurvival(x, df); }); }));
  function("binomialTestHalf", optional_override([](double k, double n) {
    return guarded([&] {
      return binomialTestHalf(intArg(k, "binomialTestHalf", "k"), intArg(n, "binomialTestHalf", "n"));
    });
  }));
  function("pairedTTest", &cmp::pairedTTestJs);
  function("pairedPermutationTest", &cmp::pairedPermutationTestJs);
  function("mcNemarTest", &cmp::mcNemarTestJs);
  function("mcNemarFromPredictions", &cmp::mcNemarFromPredictionsJs);
  function("pairedCrossValScores", &cmp::pairedCrossValScoresJs);
}

}  // namespace dw::js
