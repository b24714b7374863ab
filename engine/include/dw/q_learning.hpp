// Tabular Q-learning (Watkins 1989) on a Gridworld, one environment step per step() call so a
// widget can animate the agent walking. Not a dw::Model (there is no X/y), but the same shape:
// reset(seed), step() → reward, fit(maxSteps), status, and a trace (one row per episode).
//
// Update after each move s --a--> s' with reward r:
//   Q(s,a) ← Q(s,a) + α·[r + γ·max_a' Q(s',a') − Q(s,a)],  with max_a' Q(s',·) = 0 if s' is terminal.
// An episode ends at a goal or pit, or after maxEpisodeSteps moves (a time limit, so the last
// update still bootstraps from s'); the next step() then starts again from the start cell.
// Behaviour is ε-greedy; ties among the greedy actions are broken uniformly at random with the
// agent's Rng (so an untrained agent wanders instead of always pressing "up"). policy() reports
// the lowest action index among ties, so a drawn policy does not flicker.
#pragma once
#include <cstdint>
#include <vector>

#include "dw/gridworld.hpp"
#include "dw/model.hpp"  // Status, Trace
#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

class QLearning {
 public:
  // Starts on the "classic4x4" preset with α=0.5, γ=0.9, ε=0.1, reset with seed 0.
  QLearning();
  const char* name() const { return "QLearning"; }

  // Copies the layout (validating it first; on error the old one stays) and resets with the
  // current seed.
  void setEnvironment(const Gridworld& world);
  const Gridworld& environment() const { return env_; }

  void setAlpha(double alpha);        // (0, 1], default 0.5
  void setGamma(double gamma);        // [0, 1], default 0.9
  // Sets the starting ε and the current one; [0, 1], default 0.1.
  void setEpsilon(double epsilon);
  // After every episode ε ← max(εmin, ε·decay). decay in [0, 1], default 1 (no decay).
  void setEpsilonDecay(double decay);
  void setEpsilonMin(double epsilonMin);  // [0, 1], default 0
  void setMaxEpisodeSteps(int n);         // [1, 100000], default 200
  // Status becomes Converged once 100 episodes in a row ended at a goal or pit without any Q
  // value moving by tol or more. [0, 1], default 0 (never: fit() then takes every step).
  void setTolerance(double tol);
  double alpha() const { return alpha_; }
  double gamma() const { return gamma_; }
  double epsilon() const { return epsilon_; }  // the current (decayed) ε

  // Clears Q to 0, restores ε, seeds exploration and slips from `seed`, agent on the start.
  void reset(std::uint32_t seed);
  // One move of the agent; returns its reward.
  double step();
  // Steps until converged or maxSteps taken; returns the steps taken.
  int fit(int maxSteps);
  // Steps until n more episodes have finished ([0, 100000]); returns the steps taken.
  int runEpisodes(int n);

  Status status() const { return status_; }
  int steps() const { return steps_; }
  int episodes() const { return episodes_; }
  std::uint32_t seed() const { return seed_; }
  const StepResult& lastStep() const { return last_; }
  int positionX() const { return env_.position() % env_.width(); }
  int positionY() const { return env_.position() / env_.width(); }
  double episodeReturn() const { return episodeReturn_; }  // so far in the current episode

  // Q as cells × 4 (row = cell index, column = action), row-major.
  const Matrix& qTable() const { return q_; }
  // Greedy action per cell (lowest index among ties), −1 for walls and terminals.
  std::vector<int> policy() const;
  // max_a Q(s,a) per cell, 0 for walls and terminals.
  Vector values() const;
  const std::vector<double>& episodeReturns() const { return returns_; }
  // One row per finished episode: episode, return, length, epsilon (used in it), maxChange.
  const Trace& trace() const { return trace_; }

 private:
  int chooseAction(int cell);
  void finishEpisode();

  Gridworld env_;
  Matrix q_;
  Rng rng_;
  double alpha_ = 0.5;
  double gamma_ = 0.9;
  double epsilonStart_ = 0.1;
  double epsilon_ = 0.1;
  double epsilonDecay_ = 1.0;
  double epsilonMin_ = 0.0;
  int maxEpisodeSteps_ = 200;
  double tolerance_ = 0.0;
  static constexpr int kSettledEpisodes = 100;
  int settledEpisodes_ = 0;

  Status status_ = Status::Empty;
  std::uint32_t seed_ = 0;
  int steps_ = 0;
  int episodes_ = 0;
  int episodeLength_ = 0;
  double episodeReturn_ = 0.0;
  double episodeMaxChange_ = 0.0;
  bool episodeOver_ = false;
  StepResult last_;
  std::vector<double> returns_;
  Trace trace_;
};

}  // namespace dw
