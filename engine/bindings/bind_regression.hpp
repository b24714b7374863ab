// embind registrations for the regression models of the model race (ElasticNet, SVR,
// RandomForestRegressor) and permutation importance (dw/feature_importance.hpp); included by
// bindings.cpp. Only translation: numbers arrive as doubles and the engine validates them; arrays
// go out as fresh copies; the permutation result becomes a plain object.
#pragma once
#include <emscripten/bind.h>

#include <string>

#include "adapters.hpp"
#include "dw/elastic_net.hpp"
#include "dw/feature_importance.hpp"
#include "dw/random_forest_regressor.hpp"
#include "dw/regression_race.hpp"
#include "dw/svr.hpp"
#include "dw/validate.hpp"

namespace dw::js {

namespace regression_detail {

template <auto F>
struct Setter;
template <class M, class Arg, void (M::*F)(Arg)>
struct Setter<F> {
  static void call(M& m, Arg v) { guarded([&] { (m.*F)(v); }); }
};
template <class M>
void setWhole(M& m, void (M::*set)(int), double v, const char* call, const char* name) {
  guarded([&] { (m.*set)(intArg(v, (std::string(m.name()) + "." + call).c_str(), name)); });
}

}  // namespace regression_detail

template <>
struct JsFields<PermutationImportance> {
  static auto list() {
    using R = PermutationImportance;
    return std::make_tuple(field("baseline", &R::baseline), field("mean", &R::mean), field("std", &R::std), field("drops", &R::drops),
                           field("repeats", +[](const R& r) { return r.drops.cols(); }));
  }
};

namespace regression_detail {

// permutationImportance(model, X, y, repeats, seed) → {baseline, mean, std, drops (d × repeats, row by row)}.
inline val permutationImportanceJs(const Model& m, const val& X, const val& y, double repeats, double seed) {
  return guarded([&] {
    const char* where = "permutationImportance";
    Matrix Xm = toMatrix(X, double(m.featureCount() ? m.featureCount() : 1), where);
    return toJs(permutationImportance(m, Xm, toVector(y, where, "y"), intArg(repeats, where, "repeats"), seedArg(seed, where)));
  });
}

}  // namespace regression_detail

inline void bind_regression() {
  using namespace emscripten;
  namespace d = regression_detail;

  class_<ElasticNet, base<Model>>("ElasticNet")
      .constructor<>()
      .function("setAlpha", &d::Setter<&ElasticNet::setAlpha>::call)
      .function("alpha", &ElasticNet::alpha)
      .function("setL1Ratio", &d::Setter<&ElasticNet::setL1Ratio>::call)
      .function("l1Ratio", &ElasticNet::l1Ratio)
      .function("setTolerance", &d::Setter<&ElasticNet::setTolerance>::call)
      .function("weights", optional_override([](const ElasticNet& m) { return guarded([&] { return copyToJs(m.weights()); }); }))
      .function("intercept", optional_override([](const ElasticNet& m) { return guarded([&] { return m.intercept(); }); }))
      .function("zeroWeightCount", optional_override([](const ElasticNet& m) { return guarded([&] { return m.zeroWeightCount(); }); }))
      .function("trainingMse", optional_override([](const ElasticNet& m) { return guarded([&] { return m.trainingMse(); }); }))
      .class_function("softThreshold", optional_override([](double z, double gamma) {
                        return guarded([&] {
                          return ElasticNet::softThreshold(z, gamma);
                        });
                      }))
      .class_function("coordinateUpdate", optional_override([](double z, double c, double n, double alpha, double ratio) {
                        return guarded([&] {
                          return ElasticNet::coordinateUpdate(z, c, n, alpha, ratio);
                        });
                      }));

  class_<SVR, base<Model>>("SVR")
      .constructor<>()
      .function("setKernel", optional_override([](SVR& m, const val& v) {
                  guarded([&] { m.setKernel(stringArg(v, "SVR.setKernel", "kernel")); });
                }))
      .function("kernelName", &SVR::kernelName)
      // A number fixes γ; the string 'scale' restores scikit-learn's default 1 / (d · Var X).
      .function("setGamma", optional_override([](SVR& m, const val& v) {
                  guarded([&] {
                    if (v.isString() && v.as<std::string>() == "scale") m.setGammaScale();
                    else if (v.isNumber()) m.setGamma(v.as<double>());
                    else throw InvalidArgument("SVR.setGamma: expected a number > 0 or 'scale'");
                  });
                }))
      .function("gamma", &SVR::gamma)
      .function("setC", &d::Setter<&SVR::setC>::call)
      .function("C", &SVR::C)
      .function("setEpsilon", &d::Setter<&SVR::setEpsilon>::call)
      .function("epsilon", &SVR::epsilon)
      .function("setTolerance", &d::Setter<&SVR::setTolerance>::call)
      .function("setPairsPerStep", optional_override([](SVR& m, double v) { d::setWhole(m, &SVR::setPairsPerStep, v, "setPairsPerStep", "pairs"); }))
      .function("intercept", &SVR::intercept)
      .function("violation", &SVR::violation)
      .function("dualCoefficients", optional_override([](const SVR& m) { return guarded([&] { return copyToJs(m.dualCoefficients()); }); }))
      .function("supportIndices", optional_override([](const SVR& m) { return guarded([&] { return intsToJs(m.supportIndices()); }); }))
      .function("weights", optional_override([](const SVR& m) { return guarded([&] { return copyToJs(m.weights()); }); }))
      .class_function("epsilonInsensitive", optional_override([](double r, double eps) {
                        return guarded([&] {
                          return SVR::epsilonInsensitive(r, eps);
                        });
                      }));

  class_<RandomForestRegressor, base<Model>>("RandomForestRegressor")
      .constructor<>()
      .function("setTreeCount", optional_override([](RandomForestRegressor& m, double v) { d::setWhole(m, &RandomForestRegressor::setTreeCount, v, "setTreeCount", "nTrees"); }))
      .function("targetTreeCount", &RandomForestRegressor::targetTreeCount)
      .function("treeCount", &RandomForestRegressor::treeCount)
      .function("setMaxDepth", optional_override([](RandomForestRegressor& m, double v) { d::setWhole(m, &RandomForestRegressor::setMaxDepth, v, "setMaxDepth", "maxDepth"); }))
      .function("setMinSamplesLeaf", optional_override([](RandomForestRegressor& m, double v) { d::setWhole(m, &RandomForestRegressor::setMinSamplesLeaf, v, "setMinSamplesLeaf", "minSamplesLeaf"); }))
      .function("setMaxFeatures", optional_override([](RandomForestRegressor& m, double v) { d::setWhole(m, &RandomForestRegressor::setMaxFeatures, v, "setMaxFeatures", "maxFeatures"); }))
      .function("oobScore", optional_override([](const RandomForestRegressor& m) { return guarded([&] { return m.oobScore(); }); }))
      .function("featureImportances", optional_override([](const RandomForestRegressor& m) { return guarded([&] { return copyToJs(m.featureImportances()); }); }));

  function("permutationImportance", &d::permutationImportanceJs);
  function("makeWigglyCurve", optional_override([](double n, double noise, double seed) {
             return guarded([&] { return toJs(makeWigglyCurve(intArg(n, "makeWigglyCurve", "n"), noise, seedArg(seed, "makeWigglyCurve"))); });
           }));
  function("makeImportanceTable", optional_override([](double n, double noise, double seed) {
             return guarded([&] { return toJs(makeImportanceTable(intArg(n, "makeImportanceTable", "n"), noise, seedArg(seed, "makeImportanceTable"))); });
           }));
}

}  // namespace dw::js
