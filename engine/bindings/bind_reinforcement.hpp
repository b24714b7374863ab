// embind registrations for the reinforcement family (Gridworld, QLearning, MultiArmedBandit);
// included by bindings.cpp (the one registry). These classes are not dw::Model subclasses, so
// their reset/step/fit/status/trace methods are registered here. Bindings only translate.
#pragma once
#include <cstdint>
#include <string>

#include "adapters.hpp"
#include "dw/gridworld.hpp"
#include "dw/model.hpp"
#include "dw/multi_armed_bandit.hpp"
#include "dw/q_learning.hpp"
#include "dw/validate.hpp"

namespace dw::js {

// A cell of the grid, { x, y }.
struct GridCell {
  int x, y;
};
template <>
struct JsFields<GridCell> {
  static auto list() { return std::make_tuple(field("x", &GridCell::x), field("y", &GridCell::y)); }
};
template <>
struct JsFields<StepResult> {
  static auto list() {
    return std::make_tuple(field("reward", &StepResult::reward), field("x", &StepResult::x), field("y", &StepResult::y),
                           field("done", &StepResult::done));
  }
};

namespace reinforcement {

inline val pointToJs(int x, int y) { return toJs(GridCell{x, y}); }
inline val stepToJs(const StepResult& r) { return toJs(r); }

// ---- Gridworld ----
inline void gwSetSize(Gridworld& g, double w, double h) {
  guarded([&] { g.setSize(intArg(w, "Gridworld.setSize", "width"), intArg(h, "Gridworld.setSize", "height")); });
}
inline void gwSetCell(Gridworld& g, double x, double y, const val& kind) {
  guarded([&] {
    const char* where = "Gridworld.setCell";
    g.setCell(intArg(x, where, "x"), intArg(y, where, "y"), parseCellKind(stringArg(kind, where, "kind"), where));
  });
}
inline std::string gwCell(const Gridworld& g, double x, double y) {
  return guarded([&] {
    return std::string(cellKindName(g.cell(intArg(x, "Gridworld.cell", "x"), intArg(y, "Gridworld.cell", "y"))));
  });
}
inline void gwSetStart(Gridworld& g, double x, double y) {
  guarded([&] { g.setStart(intArg(x, "Gridworld.setStart", "x"), intArg(y, "Gridworld.setStart", "y")); });
}
inline void gwPreset(Gridworld& g, const val& name) {
  guarded([&] { g.preset(stringArg(name, "Gridworld.preset", "name")); });
}
inline void gwSetGoalReward(Gridworld& g, double r) { guarded([&] { g.setGoalReward(r); }); }
inline void gwSetPitReward(Gridworld& g, double r) { guarded([&] { g.setPitReward(r); }); }
inline void gwSetStepCost(Gridworld& g, double c) { guarded([&] { g.setStepCost(c); }); }
inline void gwSetSlip(Gridworld& g, double p) { guarded([&] { g.setSlip(p); }); }
inline void gwReset(Gridworld& g, double seed) { guarded([&] { g.reset(seedArg(seed, "Gridworld.reset")); }); }
inline val gwAct(Gridworld& g, double action) {
  return guarded([&] { return stepToJs(g.act(intArg(action, "Gridworld.act", "action"))); });
}
inline val gwPosition(const Gridworld& g) { return pointToJs(g.position() % g.width(), g.position() / g.width()); }
inline val gwStart(const Gridworld& g) { return pointToJs(g.startX(), g.startY()); }
inline val gwValueIteration(const Gridworld& g, double gamma, double tol) {
  return guarded([&] { return copyToJs(g.valueIteration(gamma, tol)); });
}
inline val gwOptimalQ(const Gridworld& g, double gamma, double tol) {
  return guarded([&] {
    Matrix q = g.actionValues(g.valueIteration(gamma, tol), gamma);
    return copyToJs(q.data(), static_cast<std::size_t>(q.size()));
  });
}
inline val gwOptimalPolicy(const Gridworld& g, double gamma, double tol) {
  return guarded([&] { return intsToJs(g.greedyPolicy(g.actionValues(g.valueIteration(gamma, tol), gamma))); });
}

// ---- QLearning ----
inline void qlSetEnvironment(QLearning& m, const Gridworld& g) { guarded([&] { m.setEnvironment(g); }); }
inline void qlSetAlpha(QLearning& m, double v) { guarded([&] { m.setAlpha(v); }); }
inline void qlSetGamma(QLearning& m, double v) { guarded([&] { m.setGamma(v); }); }
inline void qlSetEpsilon(QLearning& m, double v) { guarded([&] { m.setEpsilon(v); }); }
inline void qlSetEpsilonDecay(QLearning& m, double v) { guarded([&] { m.setEpsilonDecay(v); }); }
inline void qlSetEpsilonMin(QLearning& m, double v) { guarded([&] { m.setEpsilonMin(v); }); }
inline void qlSetTolerance(QLearning& m, double v) { guarded([&] { m.setTolerance(v); }); }
inline void qlSetMaxEpisodeSteps(QLearning& m, double n) {
  guarded([&] { m.setMaxEpisodeSteps(intArg(n, "QLearning.setMaxEpisodeSteps", "maxEpisodeSteps")); });
}
inline void qlReset(QLearning& m, double seed) { guarded([&] { m.reset(seedArg(seed, "QLearning.reset")); }); }
inline double qlStep(QLearning& m) { return guarded([&] { return m.step(); }); }
inline int qlFit(QLearning& m, double n) { return guarded([&] { return m.fit(intArg(n, "QLearning.fit", "maxSteps")); }); }
inline int qlRunEpisodes(QLearning& m, double n) {
  return guarded([&] { return m.runEpisodes(intArg(n, "QLearning.runEpisodes", "n")); });
}
inline val qlQTable(const QLearning& m) {
  return copyToJs(m.qTable().data(), static_cast<std::size_t>(m.qTable().size()));
}

// ---- MultiArmedBandit ----
inline void mabSetArms(MultiArmedBandit& b, double k) {
  guarded([&] { b.setArms(intArg(k, "MultiArmedBandit.setArms", "k")); });
}
inline void mabSetMeans(MultiArmedBandit& b, const val& means) {
  guarded([&] { b.setMeans(toDoubles(means, "MultiArmedBandit.setMeans", "means")); });
}
inline void mabSetRewardSd(MultiArmedBandit& b, double v) { guarded([&] { b.setRewardSd(v); }); }
inline void mabSetStrategy(MultiArmedBandit& b, const val& name) {
  guarded([&] { b.setStrategy(stringArg(name, "MultiArmedBandit.setStrategy", "strategy")); });
}
inline void mabSetEpsilon(MultiArmedBandit& b, double v) { guarded([&] { b.setEpsilon(v); }); }
inline void mabSetC(MultiArmedBandit& b, double v) { guarded([&] { b.setC(v); }); }
inline void mabSetInitialEstimate(MultiArmedBandit& b, double v) { guarded([&] { b.setInitialEstimate(v); }); }
inline void mabReset(MultiArmedBandit& b, double seed) { guarded([&] { b.reset(seedArg(seed, "MultiArmedBandit.reset")); }); }
inline double mabStep(MultiArmedBandit& b) { return guarded([&] { return b.step(); }); }
inline int mabFit(MultiArmedBandit& b, double n) {
  return guarded([&] { return b.fit(intArg(n, "MultiArmedBandit.fit", "maxSteps")); });
}

template <class T>
std::string statusOf(const T& m) { return statusName(m.status()); }
template <class T>
val traceColumnsOf(const T& m) { return stringsToJs(m.trace().columns()); }
template <class T>
val traceValuesOf(const T& m) { return copyToJs(m.trace().values()); }
template <class T>
int traceRowsOf(const T& m) { return static_cast<int>(m.trace().rows()); }

}  // namespace reinforcement

inline void bind_reinforcement() {
  using namespace emscripten;
  namespace r = reinforcement;

  class_<Gridworld>("Gridworld")
      .constructor<>()
      .class_function("presetNames", optional_override([] { return stringsToJs(Gridworld::presetNames()); }))
      .function("setSize", &r::gwSetSize)
      .function("width", &Gridworld::width)
      .function("height", &Gridworld::height)
      .function("setCell", &r::gwSetCell)
      .function("cell", &r::gwCell)
      .function("setStart", &r::gwSetStart)
      .function("start", &r::gwStart)
      .function("preset", &r::gwPreset)
      .function("cells", optional_override([](const Gridworld& g) { return intsToJs(g.cells()); }))
      .function("setGoalReward", &r::gwSetGoalReward)
      .function("setPitReward", &r::gwSetPitReward)
      .function("setStepCost", &r::gwSetStepCost)
      .function("setSlip", &r::gwSetSlip)
      .function("goalReward", &Gridworld::goalReward)
      .function("pitReward", &Gridworld::pitReward)
      .function("stepCost", &Gridworld::stepCost)
      .function("slip", &Gridworld::slip)
      .function("reset", &r::gwReset)
      .function("act", &r::gwAct)
      .function("position", &r::gwPosition)
      .function("done", &Gridworld::done)
      .function("valueIteration", &r::gwValueIteration)
      .function("optimalQ", &r::gwOptimalQ)
      .function("optimalPolicy", &r::gwOptimalPolicy);

  class_<QLearning>("QLearning")
      .constructor<>()
      .function("setEnvironment", &r::qlSetEnvironment)
      .function("environment", optional_override([](const QLearning& m) { return m.environment(); }))
      .function("width", optional_override([](const QLearning& m) { return m.environment().width(); }))
      .function("height", optional_override([](const QLearning& m) { return m.environment().height(); }))
      .function("cells", optional_override([](const QLearning& m) { return intsToJs(m.environment().cells()); }))
      .function("setAlpha", &r::qlSetAlpha)
      .function("setGamma", &r::qlSetGamma)
      .function("setEpsilon", &r::qlSetEpsilon)
      .function("setEpsilonDecay", &r::qlSetEpsilonDecay)
      .function("setEpsilonMin", &r::qlSetEpsilonMin)
      .function("setMaxEpisodeSteps", &r::qlSetMaxEpisodeSteps)
      .function("setTolerance", &r::qlSetTolerance)
      .function("alpha", &QLearning::alpha)
      .function("gamma", &QLearning::gamma)
      .function("epsilon", &QLearning::epsilon)
      .function("reset", &r::qlReset)
      .function("step", &r::qlStep)
      .function("lastStep", optional_override([](const QLearning& m) { return r::stepToJs(m.lastStep()); }))
      .function("fit", &r::qlFit)
      .function("runEpisodes", &r::qlRunEpisodes)
      .function("status", &r::statusOf<QLearning>)
      .function("steps", &QLearning::steps)
      .function("episodes", &QLearning::episodes)
      .function("qTable", &r::qlQTable)
      .function("policy", optional_override([](const QLearning& m) { return intsToJs(m.policy()); }))
      .function("values", optional_override([](const QLearning& m) { return copyToJs(m.values()); }))
      .function("position", optional_override([](const QLearning& m) { return r::pointToJs(m.positionX(), m.positionY()); }))
      .function("episodeReturns", optional_override([](const QLearning& m) { return copyToJs(m.episodeReturns()); }))
      .function("traceColumns", &r::traceColumnsOf<QLearning>)
      .function("traceValues", &r::traceValuesOf<QLearning>)
      .function("traceRows", &r::traceRowsOf<QLearning>);

  class_<MultiArmedBandit>("MultiArmedBandit")
      .constructor<>()
      .function("setArms", &r::mabSetArms)
      .function("setMeans", &r::mabSetMeans)
      .function("setRewardSd", &r::mabSetRewardSd)
      .function("setStrategy", &r::mabSetStrategy)
      .function("setEpsilon", &r::mabSetEpsilon)
      .function("setC", &r::mabSetC)
      .function("setInitialEstimate", &r::mabSetInitialEstimate)
      .function("arms", &MultiArmedBandit::arms)
      .function("strategy", &MultiArmedBandit::strategy)
      .function("epsilon", &MultiArmedBandit::epsilon)
      .function("c", &MultiArmedBandit::c)
      .function("reset", &r::mabReset)
      .function("step", &r::mabStep)
      .function("fit", &r::mabFit)
      .function("status", &r::statusOf<MultiArmedBandit>)
      .function("steps", &MultiArmedBandit::steps)
      .function("means", optional_override([](const MultiArmedBandit& b) { return copyToJs(b.means()); }))
      .function("estimates", optional_override([](const MultiArmedBandit& b) { return copyToJs(b.estimates()); }))
      .function("counts", optional_override([](const MultiArmedBandit& b) { return intsToJs(b.counts()); }))
      .function("regret", &MultiArmedBandit::regret)
      .function("cumulativeReward", &MultiArmedBandit::cumulativeReward)
      .function("optimalArm", &MultiArmedBandit::optimalArm)
      .function("optimalFraction", &MultiArmedBandit::optimalFraction)
      .function("lastArm", &MultiArmedBandit::lastArm)
      .function("traceColumns", &r::traceColumnsOf<MultiArmedBandit>)
      .function("traceValues", &r::traceValuesOf<MultiArmedBandit>)
      .function("traceRows", &r::traceRowsOf<MultiArmedBandit>);
}

}  // namespace dw::js
