// embind registration of DeepQ (deep Q-learning with replay and a target network); included by
// bindings.cpp. Experiences cross as flat arrays of 7 numbers per experience:
// [x, y, action, reward, x', y', terminal (0/1)]. Bindings only translate.
#pragma once
#include <string>
#include <vector>

#include "adapters.hpp"
#include "dw/deep_q.hpp"
#include "dw/gridworld.hpp"

namespace dw::js {

namespace deep_q {

inline std::vector<Experience> experiences(const val& flat, const char* where) {
  std::vector<double> v = toDoubles(flat, where, "experiences");
  if (v.empty() || v.size() % 7 != 0)
    throw ShapeError(std::string(where) + ": experiences must be 7 numbers each [x, y, action, reward, x', y', terminal], got " +
                     std::to_string(v.size()) + " numbers");
  std::vector<Experience> out;
  for (std::size_t i = 0; i < v.size(); i += 7) {
    Experience e;
    e.state = {v[i], v[i + 1]};
    e.action = intArg(v[i + 2], where, "action");
    e.reward = v[i + 3];
    e.next = {v[i + 4], v[i + 5]};
    e.terminal = v[i + 6] != 0;
    out.push_back(e);
  }
  return out;
}

inline val pair(const std::array<double, 2>& p) {
  val out = val::object();
  out.set("x", p[0]);
  out.set("y", p[1]);
  return out;
}
inline val four(const std::array<double, 4>& q) { return copyToJs(q.data(), 4); }

inline val planeLayout() {
  val o = val::object();
  o.set("goalX", DeepQ::kGoalX);
  o.set("goalY", DeepQ::kGoalY);
  o.set("goalRadius", DeepQ::kGoalRadius);
  o.set("pitX", DeepQ::kPitX);
  o.set("pitY", DeepQ::kPitY);
  o.set("pitRadius", DeepQ::kPitRadius);
  o.set("stepLength", DeepQ::kStepLength);
  o.set("jitter", DeepQ::kJitter);
  return o;
}

}  // namespace deep_q

inline void bind_deep_q() {
  using namespace emscripten;
  namespace d = deep_q;
  class_<DeepQ>("DeepQ")
      .constructor<>()
      .class_function("planeLayout", &d::planeLayout)
      .function("setTask", optional_override([](DeepQ& m, const val& t) { guarded([&] { m.setTask(stringArg(t, "DeepQ.setTask", "task")); }); }))
      .function("task", optional_override([](const DeepQ& m) { return m.task(); }))
      .function("setGridworld", optional_override([](DeepQ& m, const Gridworld& g) { guarded([&] { m.setGridworld(g); }); }))
      .function("gridworld", optional_override([](const DeepQ& m) { return m.gridworld(); }))
      .function("setHiddenUnits", optional_override([](DeepQ& m, double v) { guarded([&] { m.setHiddenUnits(intArg(v, "DeepQ.setHiddenUnits", "units")); }); }))
      .function("setLearningRate", optional_override([](DeepQ& m, double v) { guarded([&] { m.setLearningRate(v); }); }))
      .function("setOptimizer", optional_override([](DeepQ& m, const val& v) { guarded([&] { m.setOptimizer(stringArg(v, "DeepQ.setOptimizer", "optimizer")); }); }))
      .function("setGamma", optional_override([](DeepQ& m, double v) { guarded([&] { m.setGamma(v); }); }))
      .function("setEpsilon", optional_override([](DeepQ& m, double v) { guarded([&] { m.setEpsilon(v); }); }))
      .function("setEpsilonDecay", optional_override([](DeepQ& m, double v) { guarded([&] { m.setEpsilonDecay(v); }); }))
      .function("setEpsilonMin", optional_override([](DeepQ& m, double v) { guarded([&] { m.setEpsilonMin(v); }); }))
      .function("setReplayCapacity", optional_override([](DeepQ& m, double v) { guarded([&] { m.setReplayCapacity(intArg(v, "DeepQ.setReplayCapacity", "capacity")); }); }))
      .function("setBatchSize", optional_override([](DeepQ& m, double v) { guarded([&] { m.setBatchSize(intArg(v, "DeepQ.setBatchSize", "batchSize")); }); }))
      .function("setTargetSync", optional_override([](DeepQ& m, double v) { guarded([&] { m.setTargetSync(intArg(v, "DeepQ.setTargetSync", "targetSync")); }); }))
      .function("setLoss", optional_override([](DeepQ& m, const val& v) { guarded([&] { m.setLoss(stringArg(v, "DeepQ.setLoss", "loss")); }); }))
      .function("setMaxEpisodeSteps", optional_override([](DeepQ& m, double v) { guarded([&] { m.setMaxEpisodeSteps(intArg(v, "DeepQ.setMaxEpisodeSteps", "maxEpisodeSteps")); }); }))
      .function("hiddenUnits", &DeepQ::hiddenUnits)
      .function("learningRate", &DeepQ::learningRate)
      .function("optimizer", optional_override([](const DeepQ& m) { return m.optimizer(); }))
      .function("gamma", &DeepQ::gamma)
      .function("epsilon", &DeepQ::epsilon)
      .function("epsilonDecay", &DeepQ::epsilonDecay)
      .function("epsilonMin", &DeepQ::epsilonMin)
      .function("replayCapacity", &DeepQ::replayCapacity)
      .function("batchSize", &DeepQ::batchSize)
      .function("targetSync", &DeepQ::targetSync)
      .function("loss", optional_override([](const DeepQ& m) { return m.loss(); }))
      .function("maxEpisodeSteps", &DeepQ::maxEpisodeSteps)
      .function("reset", optional_override([](DeepQ& m, double seed) { guarded([&] { m.reset(seedArg(seed, "DeepQ.reset")); }); }))
      .function("step", optional_override([](DeepQ& m) { return guarded([&] { return m.step(); }); }))
      .function("runEpisodes", optional_override([](DeepQ& m, double n) { return guarded([&] { return m.runEpisodes(intArg(n, "DeepQ.runEpisodes", "n")); }); }))
      .function("fit", optional_override([](DeepQ& m, double n) { return guarded([&] { return m.fit(intArg(n, "DeepQ.fit", "maxSteps")); }); }))
      .function("status", optional_override([](const DeepQ& m) { return std::string(statusName(m.status())); }))
      .function("seed", optional_override([](const DeepQ& m) { return double(m.seed()); }))
      .function("steps", &DeepQ::steps)
      .function("episodes", &DeepQ::episodes)
      .function("learnSteps", &DeepQ::learnSteps)
      .function("syncs", &DeepQ::syncs)
      .function("replaySize", &DeepQ::replaySize)
      .function("position", optional_override([](const DeepQ& m) { return d::pair(m.position()); }))
      .function("lastAction", &DeepQ::lastAction)
      .function("lastReward", &DeepQ::lastReward)
      .function("lastDone", &DeepQ::lastDone)
      .function("episodeReturn", &DeepQ::episodeReturn)
      .function("episodeReturns", optional_override([](const DeepQ& m) { return copyToJs(m.episodeReturns()); }))
      .function("losses", optional_override([](const DeepQ& m) { return copyToJs(m.losses()); }))
      .function("traceColumns", optional_override([](const DeepQ& m) { return stringsToJs(m.trace().columns()); }))
      .function("traceValues", optional_override([](const DeepQ& m) { return copyToJs(m.trace().values()); }))
      .function("traceRows", optional_override([](const DeepQ& m) { return static_cast<int>(m.trace().rows()); }))
      .function("q", optional_override([](const DeepQ& m, double x, double y) { return guarded([&] { return d::four(m.q(x, y)); }); }))
      .function("qTarget", optional_override([](const DeepQ& m, double x, double y) {
                  return guarded([&] { return d::four(m.qTarget(x, y)); });
                }))
      .function("valueMap", optional_override([](const DeepQ& m, double n) {
                  return guarded([&] { return copyToJs(m.valueMap(intArg(n, "DeepQ.valueMap", "n"))); });
                }))
      .function("policyMap", optional_override([](const DeepQ& m, double n) {
                  return guarded([&] { return intsToJs(m.policyMap(intArg(n, "DeepQ.policyMap", "n"))); });
                }))
      .function("greedySuccess", optional_override([](const DeepQ& m, double n) {
                  return guarded([&] { return m.greedySuccess(intArg(n, "DeepQ.greedySuccess", "n")); });
                }))
      .function("onlineParams", optional_override([](const DeepQ& m) { return copyToJs(m.online().params()); }))
      .function("targetParams", optional_override([](const DeepQ& m) { return copyToJs(m.target().params()); }))
      .function("setOnlineParams", optional_override([](DeepQ& m, const val& p) {
                  guarded([&] { m.setOnlineParams(toDoubles(p, "DeepQ.setOnlineParams", "params")); });
                }))
      .function("setTargetParams", optional_override([](DeepQ& m, const val& p) {
                  guarded([&] { m.setTargetParams(toDoubles(p, "DeepQ.setTargetParams", "params")); });
                }))
      .function("outputBiasIndex", optional_override([](const DeepQ& m, double a) {
                  return guarded([&] { return static_cast<double>(m.outputBiasIndex(intArg(a, "DeepQ.outputBiasIndex", "action"))); });
                }))
      .function("syncTarget", &DeepQ::syncTarget)
      .function("tdTarget", optional_override([](const DeepQ& m, const val& e) {
                  return guarded([&] {
                    auto batch = d::experiences(e, "DeepQ.tdTarget");
                    if (batch.size() != 1) throw ShapeError("DeepQ.tdTarget: give exactly one experience (7 numbers)");
                    return m.tdTarget(batch[0]);
                  });
                }))
      .function("batchLoss", optional_override([](const DeepQ& m, const val& e) {
                  return guarded([&] { return m.batchLoss(d::experiences(e, "DeepQ.batchLoss")); });
                }))
      .function("learnFrom", optional_override([](DeepQ& m, const val& e) {
                  return guarded([&] { return m.learnFrom(d::experiences(e, "DeepQ.learnFrom")); });
                }));
}

}  // namespace dw::js
