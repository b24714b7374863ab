// embind registrations for the trees_ensembles family (DecisionTree, RandomForest,
// GradientBoosting, AdaBoost); included by bindings.cpp (the one registry). Only translation:
// numbers arrive as doubles and the engine validates them; arrays go out as fresh copies.
#pragma once
#include <string>

#include "adapters.hpp"
#include "dw/adaboost.hpp"
#include "dw/decision_tree.hpp"
#include "dw/gradient_boosting.hpp"
#include "dw/random_forest.hpp"
#include "dw/validate.hpp"

namespace dw::js {

namespace trees_detail {

inline int treeIndex(const Model& m, double i, const char* call) {
  return intArg(i, (std::string(m.name()) + "." + call).c_str(), "index");
}
template <class M>
val decisionFunction(const M& m, const val& X) {
  return guarded([&] { return copyToJs(m.decisionFunction(queryRows(m, X, "decisionFunction"))); });
}
template <class M>
val featureImportances(const M& m) { return guarded([&] { return copyToJs(m.featureImportances()); }); }
template <class M>
val treeNodes(const M& m, double i) {
  return guarded([&] { return copyToJs(treeNodeTable(m.tree(treeIndex(m, i, "treeNodes")), m.isClassifier())); });
}
template <class M>
val treeRegions(const M& m, double i, double x0, double x1, double y0, double y1) {
  return guarded([&] { return copyToJs(m.treeRegions(treeIndex(m, i, "treeRegions"), x0, x1, y0, y1)); });
}
// A guarded setter for a member taking one number or string that the engine validates; embind
// needs a plain function, so the member is a template argument, not a capture.
template <auto F>
struct SetterOf;
template <class M, class Arg, void (M::*F)(Arg)>
struct SetterOf<F> {
  static void call(M& m, Arg v) { guarded([&] { (m.*F)(v); }); }
};
// A count or depth: the JS number goes through intArg, then to the engine's setter.
template <class M>
void setCount(M& m, void (M::*set)(int), double v, const char* call, const char* name) {
  guarded([&] { (m.*set)(intArg(v, (std::string(m.name()) + "." + call).c_str(), name)); });
}

}  // namespace trees_detail

inline void bind_trees_ensembles() {
  using namespace emscripten;
  namespace d = trees_detail;

  class_<DecisionTree, base<Model>>("DecisionTree")
      .constructor<>()
      .function("setCriterion", &d::SetterOf<&DecisionTree::setCriterion>::call)
      .function("criterion", &DecisionTree::criterion)
      .function("setMaxDepth", optional_override([](DecisionTree& m, double v) { d::setCount(m, &DecisionTree::setMaxDepth, v, "setMaxDepth", "maxDepth"); }))
      .function("maxDepth", &DecisionTree::maxDepth)
      .function("setMinSamplesLeaf", optional_override([](DecisionTree& m, double v) { d::setCount(m, &DecisionTree::setMinSamplesLeaf, v, "setMinSamplesLeaf", "minSamplesLeaf"); }))
      .function("minSamplesLeaf", &DecisionTree::minSamplesLeaf)
      .function("setMaxFeatures", optional_override([](DecisionTree& m, double v) { d::setCount(m, &DecisionTree::setMaxFeatures, v, "setMaxFeatures", "maxFeatures"); }))
      .function("maxFeatures", &DecisionTree::maxFeatures)
      .function("depth", &DecisionTree::depth)
      .function("leafCount", &DecisionTree::leafCount)
      .function("nodeCount", &DecisionTree::nodeCount)
      .function("nodes", optional_override([](const DecisionTree& m) {
                  return guarded([&] { return copyToJs(m.nodeTable()); });
                }))
      .function("regions", optional_override([](const DecisionTree& m, double x0, double x1, double y0, double y1) {
                  return guarded([&] { return copyToJs(m.regions(x0, x1, y0, y1)); });
                }))
      .function("featureImportances", optional_override([](const DecisionTree& m) {
                  return guarded([&] { return copyToJs(m.featureImportances()); });
                }));

  class_<RandomForest, base<Model>>("RandomForest")
      .constructor<>()
      .function("setTreeCount", optional_override([](RandomForest& m, double v) { d::setCount(m, &RandomForest::setTreeCount, v, "setTreeCount", "nTrees"); }))
      .function("targetTreeCount", &RandomForest::targetTreeCount)
      .function("treeCount", &RandomForest::treeCount)
      .function("setMaxDepth", optional_override([](RandomForest& m, double v) { d::setCount(m, &RandomForest::setMaxDepth, v, "setMaxDepth", "maxDepth"); }))
      .function("setMinSamplesLeaf", optional_override([](RandomForest& m, double v) { d::setCount(m, &RandomForest::setMinSamplesLeaf, v, "setMinSamplesLeaf", "minSamplesLeaf"); }))
      .function("setCriterion", &d::SetterOf<&RandomForest::setCriterion>::call)
      // A string picks a rule ("sqrt", "log2", "all"); a number fixes the count.
      .function("setMaxFeatures", optional_override([](RandomForest& m, const val& v) {
                  guarded([&] {
                    if (v.isString()) m.setMaxFeaturesRule(v.as<std::string>());
                    else if (v.isNumber()) m.setMaxFeatures(intArg(v.as<double>(), "RandomForest.setMaxFeatures", "maxFeatures"));
                    else throw InvalidArgument("RandomForest.setMaxFeatures: expected 'sqrt', 'log2', 'all' or a number");
                  });
                }))
      .function("resolvedMaxFeatures", &RandomForest::resolvedMaxFeatures)
      .function("voteFractions", optional_override([](const RandomForest& m, const val& X) {
                  return guarded([&] { return toJs(m.voteFractions(queryRows(m, X, "voteFractions"))); });
                }))
      .function("oobScore", &RandomForest::oobScore)
      .function("oobDecision", optional_override([](const RandomForest& m) {
                  return guarded([&] { return toJs(m.oobDecision()); });
                }))
      .function("inBagCounts", optional_override([](const RandomForest& m, double i) {
                  return guarded([&] { return intsToJs(m.inBagCounts(d::treeIndex(m, i, "inBagCounts"))); });
                }))
      .function("treeNodes", &d::treeNodes<RandomForest>)
      .function("treeRegions", &d::treeRegions<RandomForest>)
      .function("featureImportances", &d::featureImportances<RandomForest>);

  class_<GradientBoosting, base<Model>>("GradientBoosting")
      .constructor<>()
      .function("setLoss", &d::SetterOf<&GradientBoosting::setLoss>::call)
      .function("lossName", &GradientBoosting::lossName)
      .function("setEstimatorCount", optional_override([](GradientBoosting& m, double v) { d::setCount(m, &GradientBoosting::setEstimatorCount, v, "setEstimatorCount", "nEstimators"); }))
      .function("targetRounds", &GradientBoosting::targetRounds)
      .function("rounds", &GradientBoosting::rounds)
      .function("setLearningRate", &d::SetterOf<&GradientBoosting::setLearningRate>::call)
      .function("learningRate", &GradientBoosting::learningRate)
      .function("setMaxDepth", optional_override([](GradientBoosting& m, double v) { d::setCount(m, &GradientBoosting::setMaxDepth, v, "setMaxDepth", "maxDepth"); }))
      .function("maxDepth", &GradientBoosting::maxDepth)
      .function("setMinSamplesLeaf", optional_override([](GradientBoosting& m, double v) { d::setCount(m, &GradientBoosting::setMinSamplesLeaf, v, "setMinSamplesLeaf", "minSamplesLeaf"); }))
      .function("initialValue", &GradientBoosting::initialValue)
      .function("decisionFunction", &d::decisionFunction<GradientBoosting>)
      .function("stagedPredict", optional_override([](const GradientBoosting& m, const val& X) {
                  return guarded([&] { return toJs(m.stagedPredict(queryRows(m, X, "stagedPredict"))); });
                }))
      .function("treeNodes", &d::treeNodes<GradientBoosting>)
      .function("treeRegions", &d::treeRegions<GradientBoosting>)
      .function("featureImportances", &d::featureImportances<GradientBoosting>);

  class_<AdaBoost, base<Model>>("AdaBoost")
      .constructor<>()
      .function("setEstimatorCount", optional_override([](AdaBoost& m, double v) { d::setCount(m, &AdaBoost::setEstimatorCount, v, "setEstimatorCount", "nEstimators"); }))
      .function("targetRounds", &AdaBoost::targetRounds)
      .function("rounds", &AdaBoost::rounds)
      .function("setLearningRate", &d::SetterOf<&AdaBoost::setLearningRate>::call)
      .function("learningRate", &AdaBoost::learningRate)
      .function("sampleWeights", optional_override([](const AdaBoost& m) { return copyToJs(m.sampleWeights()); }))
      .function("weightHistory", optional_override([](const AdaBoost& m) { return copyToJs(m.weightHistory()); }))
      .function("alphas", optional_override([](const AdaBoost& m) { return copyToJs(m.alphas()); }))
      .function("errors", optional_override([](const AdaBoost& m) { return copyToJs(m.errors()); }))
      .function("trainingErrors", optional_override([](const AdaBoost& m) { return copyToJs(m.trainingErrors()); }))
      .function("bounds", optional_override([](const AdaBoost& m) { return copyToJs(m.bounds()); }))
      .function("stumps", optional_override([](const AdaBoost& m) {
                  std::vector<double> flat;
                  for (const Stump& s : m.stumps())
                    flat.insert(flat.end(), {double(s.feature), s.threshold, double(s.leftClass), double(s.rightClass),
                                             double(s.polarity())});
                  return copyToJs(flat);
                }))
      .function("stopReason", optional_override([](const AdaBoost& m) { return std::string(m.stopReason()); }))
      .function("decisionFunction", &d::decisionFunction<AdaBoost>);
}

}  // namespace dw::js
