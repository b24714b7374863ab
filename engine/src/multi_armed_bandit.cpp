#include "dw/multi_armed_bandit.hpp"

#include <cmath>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

MultiArmedBandit::MultiArmedBandit() : means_(10, 0.0) { reset(0); }

void MultiArmedBandit::setArms(int k) {
  requireIntInRange(k, kMinArms, kMaxArms, "MultiArmedBandit.setArms", "k");
  means_.assign(static_cast<std::size_t>(k), 0.0);
  meansFixed_ = false;
  reset(seed_);
}

void MultiArmedBandit::setMeans(const std::vector<double>& means) {
  const char* where = "MultiArmedBandit.setMeans";
  if (means.size() < std::size_t(kMinArms) || means.size() > std::size_t(kMaxArms))
    throw ShapeError(std::string(where) + ": got " + std::to_string(means.size()) +
                     " means; a bandit has 2 to 20 arms");
  for (std::size_t a = 0; a < means.size(); ++a)
    requireInRange(means[a], -1000, 1000, where, ("means[" + std::to_string(a) + "]").c_str());
  means_ = means;
  meansFixed_ = true;
  reset(seed_);
}

void MultiArmedBandit::setRewardSd(double sd) {
  requireInRange(sd, 0, 100, "MultiArmedBandit.setRewardSd", "sd");
  rewardSd_ = sd;
  reset(seed_);
}

void MultiArmedBandit::setStrategy(const std::string& name) {
  if (name == "epsilon-greedy") strategy_ = Strategy::EpsilonGreedy;
  else if (name == "ucb1") strategy_ = Strategy::Ucb1;
  else
    throw InvalidArgument("MultiArmedBandit.setStrategy: strategy='" + name +
                          "' is not a strategy (use epsilon-greedy or ucb1)");
}

void MultiArmedBandit::setEpsilon(double epsilon) {
  requireInRange(epsilon, 0, 1, "MultiArmedBandit.setEpsilon", "epsilon");
  epsilon_ = epsilon;
}

void MultiArmedBandit::setC(double c) {
  requireInRange(c, 0, 100, "MultiArmedBandit.setC", "c");
  c_ = c;
}

void MultiArmedBandit::setInitialEstimate(double q0) {
  requireInRange(q0, -1000, 1000, "MultiArmedBandit.setInitialEstimate", "estimate");
  initialEstimate_ = q0;
  reset(seed_);
}

void MultiArmedBandit::reset(std::uint32_t seed) {
  seed_ = seed;
  // Means from one stream, pulls from another, so changing the strategy keeps the same arms.
  if (!meansFixed_) {
    Rng meansRng(seed, 0xda3e39cb94b95bdbULL);
    for (double& m : means_) m = meansRng.normal();
  }
  rng_ = Rng(seed);
  estimates_.assign(means_.size(), initialEstimate_);
  counts_.assign(means_.size(), 0);
  optimalArm_ = 0;
  for (int a = 1; a < arms(); ++a)
    if (means_[size_t(a)] > means_[size_t(optimalArm_)]) optimalArm_ = a;
  lastArm_ = -1;
  pulls_ = 0;
  cumulativeReward_ = regret_ = 0.0;
  trace_.setColumns({"arm", "reward", "cumulativeReward", "regret", "optimalFraction"});
  status_ = Status::Ready;
  recordTrace(-1, 0.0);
}

int MultiArmedBandit::greedyArm() {
  // argmax of the estimates, ties broken uniformly at random (the seeded Rng).
  double best = estimates_[0];
  for (double e : estimates_) best = e > best ? e : best;
  int ties[kMaxArms], n = 0;
  for (int a = 0; a < arms(); ++a)
    if (estimates_[size_t(a)] == best) ties[n++] = a;
  return n == 1 ? ties[0] : ties[rng_.below(static_cast<std::uint32_t>(n))];
}

int MultiArmedBandit::chooseArm() {
  if (strategy_ == Strategy::EpsilonGreedy) {
    if (epsilon_ > 0 && rng_.uniform() < epsilon_) return static_cast<int>(rng_.below(std::uint32_t(arms())));
    return greedyArm();
  }
  // UCB1: an arm never pulled has an unbounded bonus, so each is tried once, lowest index first.
  for (int a = 0; a < arms(); ++a)
    if (counts_[size_t(a)] == 0) return a;
  // detmath::log keeps the choice identical natively and in WASM.
  double logT = detmath::log(double(pulls_));
  int best = 0;
  double bestScore = -INFINITY;
  for (int a = 0; a < arms(); ++a) {
    double score = estimates_[size_t(a)] + c_ * std::sqrt(logT / counts_[size_t(a)]);
    if (score > bestScore) bestScore = score, best = a;  // ties: lowest index
  }
  return best;
}

double MultiArmedBandit::step() {
  if (status_ == Status::Empty) throw StateError("MultiArmedBandit.step: call reset(seed) first");
  int arm = chooseArm();
  double reward = means_[size_t(arm)] + rewardSd_ * rng_.normal();
  int& n = counts_[size_t(arm)];
  ++n;
  // Incremental sample average: Q ← Q + (r − Q)/n (the first pull replaces the initial estimate).
  estimates_[size_t(arm)] += (reward - estimates_[size_t(arm)]) / n;
  ++pulls_;
  lastArm_ = arm;
  cumulativeReward_ += reward;
  regret_ += means_[size_t(optimalArm_)] - means_[size_t(arm)];
  recordTrace(arm, reward);
  return reward;
}

int MultiArmedBandit::fit(int maxSteps) {
  requireIntInRange(maxSteps, 0, 10'000'000, "MultiArmedBandit.fit", "maxSteps");
  for (int i = 0; i < maxSteps; ++i) step();
  return maxSteps;
}

void MultiArmedBandit::recordTrace(int arm, double reward) {
  trace_.append({double(arm), reward, cumulativeReward_, regret_, optimalFraction()});
}

}  // namespace dw
