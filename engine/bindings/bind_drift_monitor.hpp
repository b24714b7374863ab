// embind registrations for the MLOps lesson (dw/drift_monitor.hpp): the drift statistics (PSI,
// two-sample KS test) and the simulated deployment; included by bindings.cpp. Translation only:
// a JS options object → DeploymentConfig (absent keys keep the engine's defaults), results → plain
// objects through JsFields; every check lives in the engine.
#pragma once
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "adapters.hpp"
#include "dw/drift_monitor.hpp"

namespace dw::js {

template <>
struct JsFields<PsiResult> {
  static auto list() {
    return std::make_tuple(field("psi", &PsiResult::psi), field("edges", &PsiResult::edges),
                           field("referenceShares", &PsiResult::referenceShares), field("currentShares", &PsiResult::currentShares));
  }
};
template <>
struct JsFields<KsResult> {
  static auto list() { return std::make_tuple(field("statistic", &KsResult::statistic), field("pValue", &KsResult::pValue)); }
};
template <>
struct JsFields<DeploymentDay> {
  static auto list() {
    using D = DeploymentDay;
    return std::make_tuple(field("day", &D::day), field("inputShift", &D::inputShift), field("conceptShift", &D::conceptShift),
                           field("version", &D::version), field("psi", &D::psi), field("ksStatistic", &D::ksStatistic),
                           field("ksPValue", &D::ksPValue), field("meanShift", &D::meanShift), field("inputFlag", &D::inputFlag),
                           field("inputAlarm", &D::inputAlarm), field("accuracy", &D::accuracy), field("labelledDay", &D::labelledDay),
                           field("accuracyFlag", &D::accuracyFlag), field("accuracyAlarm", &D::accuracyAlarm),
                           field("retrainedTo", &D::retrainedTo));
  }
};
template <>
struct JsFields<ModelVersion> {
  static auto list() {
    using V = ModelVersion;
    return std::make_tuple(field("id", &V::id), field("trigger", &V::trigger), field("trainedOnDay", &V::trainedOnDay),
                           field("fromDay", &V::fromDay), field("toDay", &V::toDay), field("rows", &V::rows),
                           field("params", &V::params), field("validationAccuracy", &V::validationAccuracy),
                           field("accuracy", &V::accuracy));
  }
};
template <>
struct JsFields<DeploymentRun> {
  static auto list() {
    return std::make_tuple(field("days", &DeploymentRun::days), field("versions", &DeploymentRun::versions),
                           field("alarms", &DeploymentRun::alarms), field("retrains", &DeploymentRun::retrains));
  }
};

namespace drift {

// Copies the keys present in `options` into the engine's config; each value converted by the one
// conversion of its type (intArg insists on a whole number; the engine checks ranges).
inline DeploymentConfig configOf(const val& options, const char* where) {
  DeploymentConfig c;
  if (options.isUndefined() || options.isNull()) return c;
  if (options.typeOf().as<std::string>() != "object") throw InvalidArgument(std::string(where) + ": the options must be an object");
  auto has = [&](const char* key) { return !options[key].isUndefined(); };
  auto number = [&](const char* key) {
    if (!options[key].isNumber()) throw InvalidArgument(std::string(where) + ": " + key + " must be a number");
    return options[key].as<double>();
  };
  auto whole = [&](const char* key) { return intArg(number(key), where, key); };
  if (has("seed")) c.seed = seedArg(number("seed"), where);
  if (has("days")) c.days = whole("days");
  if (has("batchSize")) c.batchSize = whole("batchSize");
  if (has("driftKind")) c.driftKind = stringArg(options["driftKind"], where, "driftKind");
  if (has("driftStart")) c.driftStart = whole("driftStart");
  if (has("driftSize")) c.driftSize = number("driftSize");
  if (has("rampDays")) c.rampDays = whole("rampDays");
  if (has("labelDelay")) c.labelDelay = whole("labelDelay");
  if (has("window")) c.window = whole("window");
  if (has("policy")) c.policy = stringArg(options["policy"], where, "policy");
  if (has("scheduleEvery")) c.scheduleEvery = whole("scheduleEvery");
  if (has("psiThreshold")) c.psiThreshold = number("psiThreshold");
  if (has("ksAlpha")) c.ksAlpha = number("ksAlpha");
  if (has("consecutive")) c.consecutive = whole("consecutive");
  if (has("bins")) c.bins = whole("bins");
  if (has("watchAccuracy")) c.watchAccuracy = options["watchAccuracy"].as<bool>();
  if (has("accuracyDrop")) c.accuracyDrop = number("accuracyDrop");
  if (has("manualRetrainDays")) {
    for (double d : toDoubles(options["manualRetrainDays"], where, "manualRetrainDays")) c.manualRetrainDays.push_back(intArg(d, where, "manualRetrainDays[]"));
  }
  return c;
}

inline double psiFromSharesJs(const val& p, const val& q) {
  return guarded([&] { return psiFromShares(toVector(p, "psiFromShares", "referenceShares"), toVector(q, "psiFromShares", "currentShares")); });
}
inline val populationStabilityIndexJs(const val& reference, const val& current, double bins) {
  return guarded([&] {
    const char* where = "populationStabilityIndex";
    return toJs(populationStabilityIndex(toVector(reference, where, "reference"), toVector(current, where, "current"), intArg(bins, where, "bins")));
  });
}
inline val ksTwoSampleJs(const val& a, const val& b) {
  return guarded([&] { return toJs(ksTwoSample(toVector(a, "ksTwoSample", "a"), toVector(b, "ksTwoSample", "b"))); });
}
inline val simulateDeploymentJs(const val& options) {
  return guarded([&] { return toJs(simulateDeployment(configOf(options, "simulateDeployment"))); });
}
inline val deploymentBatchJs(const val& options, double day) {
  return guarded([&] {
    const char* where = "deploymentBatch";
    return toJs(deploymentBatch(configOf(options, where), intArg(day, where, "day")));
  });
}

}  // namespace drift

inline void bind_drift_monitor() {
  using namespace emscripten;
  function("psiFromShares", &drift::psiFromSharesJs);
  function("populationStabilityIndex", &drift::populationStabilityIndexJs);
  function("ksTwoSample", &drift::ksTwoSampleJs);
  function("simulateDeployment", &drift::simulateDeploymentJs);
  function("deploymentBatch", &drift::deploymentBatchJs);
}

}  // namespace dw::js
