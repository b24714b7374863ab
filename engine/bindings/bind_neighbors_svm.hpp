// embind registrations for the neighbors_svm family (KNearestNeighbors, GaussianNaiveBayes,
// LinearSVM, KernelSVM); included by bindings.cpp (the one registry). Only type translation
// and error guarding here; every check with a message lives in the engine.
#pragma once
#include <emscripten/bind.h>

#include <string>

#include "adapters.hpp"
#include "dw/gaussian_naive_bayes.hpp"
#include "dw/k_nearest_neighbors.hpp"
#include "dw/kernel_svm.hpp"
#include "dw/linear_svm.hpp"
#include "dw/validate.hpp"

namespace dw::js {

template <>
struct JsFields<KNearestNeighbors::Neighbors> {
  static auto list() {
    using N = KNearestNeighbors::Neighbors;
    return std::make_tuple(field("indices", &N::indices), field("distances", &N::distances));
  }
};

namespace neighbors_svm_detail {

inline std::string where(const Model& m, const char* call) { return std::string(m.name()) + "." + call; }

// ---- KNearestNeighbors ----
inline void knnSetK(KNearestNeighbors& m, double k) {
  guarded([&] { m.setK(intArg(k, "KNearestNeighbors.setK", "k")); });
}
inline void knnSetMetric(KNearestNeighbors& m, const val& s) {
  guarded([&] { m.setMetric(stringArg(s, "KNearestNeighbors.setMetric", "metric")); });
}
inline void knnSetWeighting(KNearestNeighbors& m, const val& s) {
  guarded([&] { m.setWeighting(stringArg(s, "KNearestNeighbors.setWeighting", "weighting")); });
}
inline void knnSetMode(KNearestNeighbors& m, const val& s) {
  guarded([&] { m.setMode(stringArg(s, "KNearestNeighbors.setMode", "mode")); });
}
inline val knnNeighbors(const KNearestNeighbors& m, const val& query) {
  return guarded([&] {
    return toJs(m.neighbors(toVector(query, "KNearestNeighbors.neighbors", "query")));
  });
}
inline val knnVotes(const KNearestNeighbors& m, const val& query) {
  return guarded([&] { return copyToJs(m.votes(toVector(query, "KNearestNeighbors.votes", "query"))); });
}

// ---- GaussianNaiveBayes ----
inline void gnbSetVarSmoothing(GaussianNaiveBayes& m, double v) { guarded([&] { m.setVarSmoothing(v); }); }
inline val gnbPriors(const GaussianNaiveBayes& m) { return guarded([&] { return copyToJs(m.priors()); }); }
inline val gnbMeans(const GaussianNaiveBayes& m) { return guarded([&] { return toJs(m.means()); }); }
inline val gnbVariances(const GaussianNaiveBayes& m) { return guarded([&] { return toJs(m.variances()); }); }

// ---- SupportVectorMachine (LinearSVM, KernelSVM) ----
inline void svmSetC(SupportVectorMachine& m, double c) { guarded([&] { m.setC(c); }); }
inline void svmSetTolerance(SupportVectorMachine& m, double t) { guarded([&] { m.setTolerance(t); }); }
inline void svmSetPairsPerStep(SupportVectorMachine& m, double p) {
  guarded([&] { m.setPairsPerStep(intArg(p, where(m, "setPairsPerStep").c_str(), "pairs")); });
}
inline double svmBias(const SupportVectorMachine& m) { return guarded([&] { return m.bias(); }); }
inline val svmSupportVectors(const SupportVectorMachine& m) {
  return guarded([&] { return intsToJs(m.supportVectors()); });
}
inline val svmDualCoefficients(const SupportVectorMachine& m) {
  return guarded([&] { return copyToJs(m.dualCoefficients()); });
}
inline val svmDecisionFunction(const SupportVectorMachine& m, const val& X) {
  return guarded([&] { return copyToJs(m.decisionFunction(queryRows(m, X, "decisionFunction"))); });
}
inline double svmDualObjective(const SupportVectorMachine& m) {
  return guarded([&] { return m.dualObjective(); });
}
inline double svmPairUpdates(const SupportVectorMachine& m) { return static_cast<double>(m.pairUpdates()); }
inline val linearWeights(const LinearSVM& m) { return guarded([&] { return copyToJs(m.weights()); }); }
inline double linearMarginWidth(const LinearSVM& m) { return guarded([&] { return m.marginWidth(); }); }
inline void kernelSetKernel(KernelSVM& m, const val& s) {
  guarded([&] { m.setKernel(stringArg(s, "KernelSVM.setKernel", "kernel")); });
}
inline void kernelSetGamma(KernelSVM& m, double g) { guarded([&] { m.setGamma(g); }); }
inline void kernelSetDegree(KernelSVM& m, double d) {
  guarded([&] { m.setDegree(intArg(d, "KernelSVM.setDegree", "degree")); });
}
inline void kernelSetCoef0(KernelSVM& m, double c) { guarded([&] { m.setCoef0(c); }); }

}  // namespace neighbors_svm_detail

inline void bind_neighbors_svm() {
  using namespace emscripten;
  namespace d = neighbors_svm_detail;

  class_<KNearestNeighbors, base<Model>>("KNearestNeighbors")
      .constructor<>()
      .function("setK", &d::knnSetK)
      .function("k", &KNearestNeighbors::k)
      .function("setMetric", &d::knnSetMetric)
      .function("metric", &KNearestNeighbors::metricName)
      .function("setWeighting", &d::knnSetWeighting)
      .function("weighting", &KNearestNeighbors::weightingName)
      .function("setMode", &d::knnSetMode)
      .function("mode", &KNearestNeighbors::modeName)
      .function("neighbors", &d::knnNeighbors)
      .function("votes", &d::knnVotes);

  class_<GaussianNaiveBayes, base<Model>>("GaussianNaiveBayes")
      .constructor<>()
      .function("setVarSmoothing", &d::gnbSetVarSmoothing)
      .function("varSmoothing", &GaussianNaiveBayes::varSmoothing)
      .function("priors", &d::gnbPriors)
      .function("means", &d::gnbMeans)
      .function("variances", &d::gnbVariances);

  // The shared SVM interface, registered once and inherited by both JS classes.
  class_<SupportVectorMachine, base<Model>>("SupportVectorMachine")
      .function("setC", &d::svmSetC)
      .function("C", &SupportVectorMachine::C)
      .function("setTolerance", &d::svmSetTolerance)
      .function("tolerance", &SupportVectorMachine::tolerance)
      .function("setPairsPerStep", &d::svmSetPairsPerStep)
      .function("pairsPerStep", &SupportVectorMachine::pairsPerStep)
      .function("bias", &d::svmBias)
      .function("supportVectors", &d::svmSupportVectors)
      .function("dualCoefficients", &d::svmDualCoefficients)
      .function("decisionFunction", &d::svmDecisionFunction)
      .function("dualObjective", &d::svmDualObjective)
      .function("violation", &SupportVectorMachine::violation)
      .function("pairUpdates", &d::svmPairUpdates);

  class_<LinearSVM, base<SupportVectorMachine>>("LinearSVM")
      .constructor<>()
      .function("weights", &d::linearWeights)
      .function("marginWidth", &d::linearMarginWidth);

  class_<KernelSVM, base<SupportVectorMachine>>("KernelSVM")
      .constructor<>()
      .function("setKernel", &d::kernelSetKernel)
      .function("kernel", &KernelSVM::kernelName)
      .function("setGamma", &d::kernelSetGamma)
      .function("gamma", &KernelSVM::gamma)
      .function("setDegree", &d::kernelSetDegree)
      .function("degree", &KernelSVM::degree)
      .function("setCoef0", &d::kernelSetCoef0)
      .function("coef0", &KernelSVM::coef0);
}

}  // namespace dw::js
