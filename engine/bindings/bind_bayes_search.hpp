// embind registrations for Gaussian-process regression, expected improvement and the Bayesian
// hyper-parameter search (dw/gaussian_process.hpp, dw/bayes_search.hpp); included by bindings.cpp.
// Translation only: every check lives in the engine.
#pragma once
#include <emscripten/bind.h>

#include <string>

#include "adapters.hpp"
#include "dw/bayes_search.hpp"
#include "dw/gaussian_process.hpp"

namespace dw::js {

template <>
struct JsFields<GpPrediction> {
  static auto list() { return std::make_tuple(field("mean", &GpPrediction::mean), field("std", &GpPrediction::std)); }
};
template <>
struct JsFields<BayesProposal> {
  static auto list() {
    return std::make_tuple(field("u", &BayesProposal::u), field("v", &BayesProposal::v), field("initial", &BayesProposal::initial),
                           field("mean", &BayesProposal::mean), field("std", &BayesProposal::std), field("ei", &BayesProposal::ei),
                           field("lengthScale", &BayesProposal::lengthScale));
  }
};
template <>
struct JsFields<BayesSurface> {
  static auto list() {
    return std::make_tuple(field("n", &BayesSurface::n), field("mean", &BayesSurface::mean), field("std", &BayesSurface::std),
                           field("ei", &BayesSurface::ei), field("lengthScale", &BayesSurface::lengthScale));
  }
};

namespace bayes {

inline void gpSetKernel(GaussianProcess& gp, const val& name) {
  guarded([&] { gp.setKernel(stringArg(name, "GaussianProcess.setKernel", "kernel")); });
}
inline void gpSetLengthScale(GaussianProcess& gp, double v) { guarded([&] { gp.setLengthScale(v); }); }
inline void gpSetNoise(GaussianProcess& gp, double v) { guarded([&] { gp.setNoise(v); }); }
inline void gpFit(GaussianProcess& gp, const val& X, double cols, const val& y) {
  guarded([&] { gp.fit(toMatrix(X, cols, "GaussianProcess.fit"), toVector(y, "GaussianProcess.fit", "y")); });
}
// Width 1 before a fit, so the engine's own "fit first" check speaks.
inline val gpPredict(const GaussianProcess& gp, const val& X) {
  return guarded([&] { return toJs(gp.predict(toMatrix(X, double(gp.featureCount() ? gp.featureCount() : 1), "GaussianProcess.predict"))); });
}
inline double gpLml(const GaussianProcess& gp) { return guarded([&] { return gp.logMarginalLikelihood(); }); }

inline void bsSetInitialTrials(BayesSearch& s, double n) {
  guarded([&] { s.setInitialTrials(intArg(n, "BayesSearch.setInitialTrials", "n")); });
}
inline void bsSetCandidatesPerAxis(BayesSearch& s, double m) {
  guarded([&] { s.setCandidatesPerAxis(intArg(m, "BayesSearch.setCandidatesPerAxis", "m")); });
}
inline void bsSetXi(BayesSearch& s, double v) { guarded([&] { s.setXi(v); }); }
inline void bsSetKernel(BayesSearch& s, const val& name) {
  guarded([&] { s.setKernel(stringArg(name, "BayesSearch.setKernel", "kernel")); });
}
inline void bsSetLengthScale(BayesSearch& s, double v) { guarded([&] { s.setLengthScale(v); }); }
inline void bsSetNoise(BayesSearch& s, double v) { guarded([&] { s.setNoise(v); }); }
inline void bsReset(BayesSearch& s, double seed) { guarded([&] { s.reset(seedArg(seed, "BayesSearch.reset")); }); }
inline val bsNext(const BayesSearch& s) { return guarded([&] { return toJs(s.next()); }); }
inline void bsTell(BayesSearch& s, double u, double v, double score) { guarded([&] { s.tell(u, v, score); }); }
inline double bsBest(const BayesSearch& s) { return guarded([&] { return s.best(); }); }
inline val bsSurface(const BayesSearch& s, double n) {
  return guarded([&] { return toJs(s.surface(intArg(n, "BayesSearch.surface", "n"))); });
}
inline val bsPredict(const BayesSearch& s, const val& X) {
  return guarded([&] { return toJs(s.predict(toMatrix(X, 2, "BayesSearch.predict"))); });
}

}  // namespace bayes

inline void bind_bayes_search() {
  using namespace emscripten;
  namespace b = bayes;
  function("expectedImprovement", optional_override([](double mean, double sd, double best, double xi) {
             return guarded([&] { return expectedImprovement(mean, sd, best, xi); });
           }));
  function("normalCdf", optional_override([](double z) { return guarded([&] { return normalCdf(z); }); }));
  function("normalPdf", optional_override([](double z) { return guarded([&] { return normalPdf(z); }); }));

  class_<GaussianProcess>("GaussianProcess")
      .constructor<>()
      .function("setKernel", &b::gpSetKernel)
      .function("setLengthScale", &b::gpSetLengthScale)
      .function("setNoise", &b::gpSetNoise)
      .function("kernel", &GaussianProcess::kernel)
      .function("lengthScale", &GaussianProcess::lengthScale)
      .function("noise", &GaussianProcess::noise)
      .function("fit", &b::gpFit)
      .function("fitted", &GaussianProcess::fitted)
      .function("observations", &GaussianProcess::observations)
      .function("predict", &b::gpPredict)
      .function("logMarginalLikelihood", &b::gpLml);

  class_<BayesSearch>("BayesSearch")
      .constructor<>()
      .class_function("lengthScaleGrid", optional_override([] {
                        return copyToJs(BayesSearch::kLengthScales.data(), BayesSearch::kLengthScales.size());
                      }))
      .function("setInitialTrials", &b::bsSetInitialTrials)
      .function("setCandidatesPerAxis", &b::bsSetCandidatesPerAxis)
      .function("setXi", &b::bsSetXi)
      .function("setKernel", &b::bsSetKernel)
      .function("setLengthScale", &b::bsSetLengthScale)
      .function("setNoise", &b::bsSetNoise)
      .function("initialTrials", &BayesSearch::initialTrials)
      .function("candidatesPerAxis", &BayesSearch::candidatesPerAxis)
      .function("xi", &BayesSearch::xi)
      .function("kernel", &BayesSearch::kernel)
      .function("lengthScale", &BayesSearch::lengthScaleSetting)
      .function("noise", &BayesSearch::noise)
      .function("reset", &b::bsReset)
      .function("next", &b::bsNext)
      .function("tell", &b::bsTell)
      .function("trials", &BayesSearch::trials)
      .function("best", &b::bsBest)
      .function("points", optional_override([](const BayesSearch& s) { return toJs(s.points()); }))
      .function("scores", optional_override([](const BayesSearch& s) { return toJs(s.scores()); }))
      .function("surface", &b::bsSurface)
      .function("predict", &b::bsPredict);
}

}  // namespace dw::js
