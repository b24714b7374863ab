// The k-armed bandit (Sutton & Barto ch. 2): k slot machines whose rewards are Gaussian,
// N(mean_a, sd²); the learner pulls one arm per step() and keeps a sample-average estimate
// per arm. Strategies: ε-greedy, and UCB1 (Auer, Cesa-Bianchi & Fischer 2002),
//   a_t = argmax_a  Q_a + c·sqrt(ln t / N_a),   t = pulls so far, each arm pulled once first.
// Not a dw::Model (no X/y), same shape: reset(seed), step() → reward, fit(n), status, trace
// (row k = after k pulls). Regret is the pseudo-regret Σ_t (max_a mean_a − mean_{a_t}), which
// depends only on the arms chosen, not on reward noise.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/model.hpp"  // Status, Trace
#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

class MultiArmedBandit {
 public:
  enum class Strategy { EpsilonGreedy, Ucb1 };
  static constexpr int kMinArms = 2;
  static constexpr int kMaxArms = 20;

  // 10 arms with means drawn from N(0, 1), ε-greedy with ε = 0.1, reset with seed 0.
  MultiArmedBandit();
  const char* name() const { return "MultiArmedBandit"; }

  // k in [2, 20]; the means are drawn from N(0, 1) with the seed at every reset. Resets.
  void setArms(int k);
  // Fixed means (2..20 values, each finite in [-1000, 1000]); k becomes their count. Resets.
  void setMeans(const std::vector<double>& means);
  // Reward noise sd in [0, 100], default 1. Resets.
  void setRewardSd(double sd);
  // "epsilon-greedy" or "ucb1". Takes effect from the next pull.
  void setStrategy(const std::string& name);
  void setEpsilon(double epsilon);  // [0, 1], default 0.1
  void setC(double c);              // [0, 100], default √2 (UCB1's constant)
  // Starting estimate for every arm in [-1000, 1000], default 0 (large = "optimistic"). Resets.
  void setInitialEstimate(double q0);

  // Draws the means (unless fixed), clears estimates and counts, seeds the pulls.
  void reset(std::uint32_t seed);
  // One pull; returns its reward.
  double step();
  // Pulls maxSteps times ([0, 10 000 000]); returns the pulls made.
  int fit(int maxSteps);

  Status status() const { return status_; }
  int steps() const { return pulls_; }
  int arms() const { return static_cast<int>(means_.size()); }
  std::string strategy() const { return strategy_ == Strategy::Ucb1 ? "ucb1" : "epsilon-greedy"; }
  double epsilon() const { return epsilon_; }
  double c() const { return c_; }
  const std::vector<double>& means() const { return means_; }
  const std::vector<double>& estimates() const { return estimates_; }
  const std::vector<int>& counts() const { return counts_; }
  int optimalArm() const { return optimalArm_; }
  int lastArm() const { return lastArm_; }
  double cumulativeReward() const { return cumulativeReward_; }
  double regret() const { return regret_; }
  // Share of pulls so far that went to the best arm (0 before any pull).
  double optimalFraction() const { return pulls_ ? double(counts_[size_t(optimalArm_)]) / pulls_ : 0.0; }
  // Columns arm, reward, cumulativeReward, regret, optimalFraction; row 0 (before any pull) has arm −1.
  const Trace& trace() const { return trace_; }

 private:
  int chooseArm();
  int greedyArm();
  void recordTrace(int arm, double reward);

  std::vector<double> means_;
  bool meansFixed_ = false;
  double rewardSd_ = 1.0;
  Strategy strategy_ = Strategy::EpsilonGreedy;
  double epsilon_ = 0.1;
  double c_ = 1.4142135623730951;
  double initialEstimate_ = 0.0;

  Rng rng_;
  Status status_ = Status::Empty;
  std::uint32_t seed_ = 0;
  std::vector<double> estimates_;
  std::vector<int> counts_;
  int optimalArm_ = 0;
  int lastArm_ = -1;
  int pulls_ = 0;
  double cumulativeReward_ = 0.0;
  double regret_ = 0.0;
  Trace trace_;
};

}  // namespace dw
