// embind registrations for probability distributions (likelihood, entropy, KL, sampling for the central
// limit theorem); included by bindings.cpp. Translation only: every check lives in the engine.
#pragma once
#include <emscripten/bind.h>

#include <string>

#include "adapters.hpp"
#include "dw/distributions.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<Population> {
  static auto list() {
    using P = Population;
    return std::make_tuple(field("name", &P::name), field("mean", &P::mean), field("sd", &P::sd), field("lo", &P::lo), field("hi", &P::hi),
                           field("discrete", &P::discrete), field("values", &P::values), field("probabilities", &P::probabilities));
  }
};

namespace distributions {

inline double gaussianLogLikelihoodJs(const val& xs, double mu, double s) {
  return guarded([&] { return gaussianLogLikelihood(toVector(xs, "gaussianLogLikelihood", "xs"), mu, s); });
}

inline GaussianFit gaussianFitJs(const val& xs) {
  return guarded([&] { return gaussianFit(toVector(xs, "gaussianFit", "xs")); });
}

inline val gaussianLogLikelihoodGridJs(const val& xs, double mu0, double mu1, double s0, double s1, double nMu, double nS) {
  return guarded([&] {
    const char* where = "gaussianLogLikelihoodGrid";
    return copyToJs(gaussianLogLikelihoodGrid(toVector(xs, where, "xs"), mu0, mu1, s0, s1, intArg(nMu, where, "nMu"),
                                              intArg(nS, where, "nS")));
  });
}

inline double categoricalLogLikelihoodJs(const val& counts, const val& probs) {
  return guarded([&] {
    return categoricalLogLikelihood(toVector(counts, "categoricalLogLikelihood", "counts"), toVector(probs, "categoricalLogLikelihood", "probs"));
  });
}

inline val categoricalFitJs(const val& counts) {
  return guarded([&] { return copyToJs(categoricalFit(toVector(counts, "categoricalFit", "counts"))); });
}

inline double entropyJs(const val& p, double base) {
  return guarded([&] { return entropy(toVector(p, "entropy", "p"), base); });
}
inline double crossEntropyJs(const val& p, const val& q, double base) {
  return guarded([&] { return crossEntropy(toVector(p, "crossEntropy", "p"), toVector(q, "crossEntropy", "q"), base); });
}
inline double klDivergenceJs(const val& p, const val& q, double base) {
  return guarded([&] { return klDivergence(toVector(p, "klDivergence", "p"), toVector(q, "klDivergence", "q"), base); });
}

inline val populationJs(const std::string& name) {
  return guarded([&] {
    return toJs(population(name));
  });
}

inline val populationDensityJs(const std::string& name, const val& xs) {
  return guarded([&] { return copyToJs(populationDensity(name, toVector(xs, "populationDensity", "xs"))); });
}

inline val sampleDrawsJs(const std::string& name, double count, double seed) {
  return guarded([&] {
    const char* where = "sampleDraws";
    return copyToJs(sampleDraws(name, intArg(count, where, "count"), seedArg(seed, where)));
  });
}

inline val sampleMeansJs(const std::string& name, double n, double samples, double seed) {
  return guarded([&] {
    const char* where = "sampleMeans";
    return copyToJs(sampleMeans(name, intArg(n, where, "n"), intArg(samples, where, "samples"), seedArg(seed, where)));
  });
}

}  // namespace distributions

inline void bind_distributions() {
  using namespace emscripten;
  using namespace distributions;
  value_object<GaussianFit>("GaussianFit")
      .field("mu", &GaussianFit::mu)
      .field("s", &GaussianFit::s)
      .field("variance", &GaussianFit::variance)
      .field("logLikelihood", &GaussianFit::logLikelihood)
      .field("n", &GaussianFit::n);
  function("gaussianLogPdf", optional_override([](double x, double mu, double s) { return guarded([&] { return gaussianLogPdf(x, mu, s); }); }));
  function("gaussianLogLikelihood", &gaussianLogLikelihoodJs);
  function("gaussianFit", &gaussianFitJs);
  function("gaussianLogLikelihoodGrid", &gaussianLogLikelihoodGridJs);
  function("bernoulliLogLikelihood",
           optional_override([](double heads, double tails, double p) { return guarded([&] { return bernoulliLogLikelihood(heads, tails, p); }); }));
  function("categoricalLogLikelihood", &categoricalLogLikelihoodJs);
  function("categoricalFit", &categoricalFitJs);
  function("entropy", &entropyJs);
  function("crossEntropy", &crossEntropyJs);
  function("klDivergence", &klDivergenceJs);
  function("gaussianEntropy", optional_override([](double s) { return guarded([&] { return gaussianEntropy(s); }); }));
  function("gaussianKl", optional_override([](double m1, double s1, double m2, double s2) { return guarded([&] { return gaussianKl(m1, s1, m2, s2); }); }));
  function("gaussianCrossEntropy",
           optional_override([](double m1, double s1, double m2, double s2) { return guarded([&] { return gaussianCrossEntropy(m1, s1, m2, s2); }); }));
  function("population", &populationJs);
  function("populationDensity", &populationDensityJs);
  function("sampleDraws", &sampleDrawsJs);
  function("sampleMeans", &sampleMeansJs);
}

}  // namespace dw::js
