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

namespace comparison {

inline int whole(double v, long long lo, long long hi, const char* where, const char* name) {
  requireIntInRange(v, lo, hi, where, name);
  return static_cast<int>(v);
}
inline std::uint32_t seedOf(double seed, const char* where, const char* name = "seed") {
  requireIntInRange(seed, 0, 4294967295LL, where, name);
  return static_cast<std::uint32_t>(seed);
}

inline val tTestToJs(const PairedTTestResult& r) {
  val o = val::object();
  o.set("n", r.n);
  o.set("meanDifference", r.meanDifference);
  o.set("sdDifference", r.sdDifference);
  o.set("standardError", r.standardError);
  o.set("t", r.t);
  o.set("df", r.df);
  o.set("pValue", r.pValue);
  return o;
}
inline val permutationToJs(const PermutationTestResult& r) {
  val o = val::object();
  o.set("n", r.n);
  o.set("meanDifference", r.meanDifference);
  o.set("pValue", r.pValue);
  o.set("exact", r.exact);
  o.set("resamples", r.resamples);
  o.set("atLeastAsExtreme", r.atLeastAsExtreme);
  return o;
}
inline val mcNemarToJs(const McNemarResult& r) {
  val o = val::object();
  o.set("aRightBWrong", r.aRightBWrong);
  o.set("aWrongBRight", r.aWrongBRight);
  o.set("bothRight", r.bothRight);
  o.set("bothWrong", r.bothWrong);
  o.set("exactPValue", r.exactPValue);
  o.set("chiSquare", r.chiSquare);
  o.set("chiSquarePValue", r.chiSquarePValue);
  return o;
}

inline val pairedTTestJs(const val& a, const val& b) {
  return guarded([&] { return tTestToJs(pairedTTest(toVector(a, "pairedTTest", "a"), toVector(b, "pairedTTest", "b"))); });
}
inline val pairedPermutationTestJs(const val& a, const val& b, double permutations, double seed) {
  return guarded([&] {
    const char* where = "pairedPermutationTest";
    return permutationToJs(pairedPermutationTest(toVector(a, where, "a"), toVector(b, where, "b"),
                                                 whole(permutations, 1, 1'000'000, where, "permutations"), seedOf(seed, where)));
  });
}
inline val mcNemarTestJs(double n01, double n10) {
  return guarded([&] {
    const char* where = "mcNemarTest";
    return mcNemarToJs(mcNemarTest(whole(n01, 0, 100'000'000, where, "aRightBWrong"), whole(n10, 0, 100'000'000, where, "aWrongBRight")));
  });
}
inline val mcNemarFromPredictionsJs(const val& yTrue, const val& predA, const val& predB) {
  return guarded([&] {
    const char* where = "mcNemarFromPredictions";
    return mcNemarToJs(mcNemarFromPredictions(toVector(yTrue, where, "yTrue"), toVector(predA, where, "predA"), toVector(predB, where, "predB")));
  });
}
inline val pairedCrossValScoresJs(Model& a, double seedA, Model& b, double seedB, const val& X, double cols, const val& y,
                                  double k, double foldSeed, double maxSteps) {
  return guarded([&] {
    const char* where = "pairedCrossValScores";
    PairedScores s = pairedCrossValScores(a, seedOf(seedA, where, "seedA"), b, seedOf(seedB, where, "seedB"), toMatrix(X, cols, where),
                                          toVector(y, where, "y"), whole(k, 2, 100000, where, "k"), seedOf(foldSeed, where, "foldSeed"),
                                          whole(maxSteps, 0, 10'000'000, where, "maxSteps"));
    val o = val::object();
    o.set("a", copyToJs(s.a));
    o.set("b", copyToJs(s.b));
    return o;
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
      const int nn = cmp::whole(n, 0, 100'000'000, "binomialTestHalf", "n");
      return binomialTestHalf(cmp::whole(k, 0, nn, "binomialTestHalf", "k"), nn);
    });
  }));
  function("pairedTTest", &cmp::pairedTTestJs);
  function("pairedPermutationTest", &cmp::pairedPermutationTestJs);
  function("mcNemarTest", &cmp::mcNemarTestJs);
  function("mcNemarFromPredictions", &cmp::mcNemarFromPredictionsJs);
  function("pairedCrossValScores", &cmp::pairedCrossValScoresJs);
}

}  // namespace dw::js
