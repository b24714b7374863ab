// Deep Q-learning (Mnih et al. 2015, "Human-level control through deep reinforcement
// learning"): Q(s, ·) is a small neural network instead of a table, trained on minibatches drawn
// from an experience replay buffer towards targets computed by a frozen copy of the network (the
// target network), which is synced with the online network every C learning steps.
//
// Per environment step (one step() call):
//   1. ε-greedy action a in state s, the environment answers r, s' and whether s' is terminal;
//   2. (s, a, r, s', terminal) goes into the replay buffer (fixed capacity; the oldest is
//      overwritten once it is full);
//   3. once the buffer holds min(batchSize, capacity) experiences, a minibatch of
//      min(batchSize, size) experiences is drawn uniformly (with replacement) and the online
//      network takes one optimizer step on the mean TD loss
//        L(θ) = mean_i ℓ(Q_θ(s_i, a_i) − y_i),  y_i = r_i + γ·max_a' Q_target(s'_i, a')
//      (y_i = r_i when s'_i is terminal), ℓ = Huber (δ = 1) or ½e²; y is held fixed (no gradient);
//   4. every targetSync learning steps the target network becomes a copy of the online one.
// Replay "off" is capacity 1 (learn from the latest move only); target "off" is targetSync 1
// (the targets come from the network as it was one update ago).
//
// Two tasks, both with a 2-number state so the same network fits either:
//   "plane": a point (x, y) in the unit square (y grows downward, as on a canvas) moves 0.08 per
//     step up/right/down/left with Gaussian jitter (s = 0.01), clamped to the square. Entering the
//     goal disc (centre (0.8, 0.8), radius 0.12) pays +1, the pit disc (centre (0.45, 0.45), radius
//     0.15) pays −1, both end the episode; other moves pay 0. Each episode starts at a uniformly
//     drawn point outside both discs. The state is continuous: no table has a row for it.
//   "grid": a Gridworld (default preset classic4x4); the state handed to the network is the
//     cell's (x, y) scaled to [0, 1], so a learner can compare the network with tabular Q.
// The network sees the features 2·x − 1 and 2·y − 1 (centred on 0). Hidden layers use ReLU and
// all arithmetic is +, −, ×, ÷, √ in a fixed order, so a seed gives the same run natively and in
// WASM bit for bit.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dw/gridworld.hpp"
#include "dw/model.hpp"  // Status, Trace
#include "dw/q_network.hpp"
#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

class DeepQ {
 public:
  static constexpr int kActions = 4;  // 0 up, 1 right, 2 down, 3 left (as in Gridworld)
  static constexpr double kStepLength = 0.08;
  static constexpr double kJitter = 0.01;
  static constexpr double kGoalX = 0.8, kGoalY = 0.8, kGoalRadius = 0.12;
  static constexpr double kPitX = 0.45, kPitY = 0.45, kPitRadius = 0.15;

  // Plane task, hidden 32 (two layers), η = 0.005 (Adam), γ = 0.95, ε from 1 decaying ×0.97 per
  // episode to 0.05, replay capacity 5000, batch 32, target sync every 50 learning steps, Huber
  // loss, 60 moves per episode; reset with seed 0.
  DeepQ();
  const char* name() const { return "DeepQ"; }

  // --- settings (each takes effect at the next reset(), except ε, η, γ, batch, loss, sync) ---
  // "plane" | "grid". Changing the task (or the grid task's board) requires reset() before step().
  void setTask(const std::string& task);
  const std::string& task() const { return task_; }
  void setGridworld(const Gridworld& world);   // validated; used by the "grid" task
  const Gridworld& gridworld() const { return grid_; }
  void setHiddenUnits(int n);                  // [2, 128] units in each of the two hidden layers
  void setLearningRate(double eta);            // (0, 1]
  void setOptimizer(const std::string& name);  // "adam" | "sgd"
  void setGamma(double gamma);                 // [0, 1)
  void setEpsilon(double epsilon);             // [0, 1], the starting ε (and the current one)
  void setEpsilonDecay(double decay);          // [0, 1]: ε ← max(εmin, ε·decay) after an episode
  void setEpsilonMin(double epsilonMin);       // [0, 1]
  void setReplayCapacity(int n);               // [1, 100000]; 1 means no replay
  void setBatchSize(int n);                    // [1, 256]
  void setTargetSync(int steps);               // [1, 100000]; 1 means no separate target
  void setLoss(const std::string& loss);       // "huber" | "squared"
  void setMaxEpisodeSteps(int n);              // [1, 1000]
  int hiddenUnits() const { return hidden_; }
  double learningRate() const { return eta_; }
  const std::string& optimizer() const { return optimizer_; }
  double gamma() const { return gamma_; }
  double epsilon() const { return epsilon_; }  // current (decayed)
  double epsilonDecay() const { return epsilonDecay_; }
  double epsilonMin() const { return epsilonMin_; }
  int replayCapacity() const { return replay_.capacity(); }
  int batchSize() const { return batch_; }
  int targetSync() const { return targetSync_; }
  const std::string& loss() const { return loss_; }
  int maxEpisodeSteps() const { return maxEpisodeSteps_; }

  // New network weights (target = online), empty buffer, ε restored, first episode started.
  void reset(std::uint32_t seed);
  // One move of the agent and at most one learning step; returns the move's reward. Throws
  // StateError if the network has diverged (a non-finite Q-value or loss).
  double step();
  // Steps until n more episodes have finished ([0, 100000]); returns the steps taken.
  int runEpisodes(int n);
  // Steps maxSteps times (fewer if it diverges); returns the steps taken.
  int fit(int maxSteps);

  Status status() const { return status_; }
  std::uint32_t seed() const { return seed_; }
  int steps() const { return steps_; }
  int episodes() const { return episodes_; }
  int learnSteps() const { return learnSteps_; }
  int syncs() const { return syncs_; }
  int replaySize() const { return replay_.size(); }
  const ReplayBuffer& replay() const { return replay_; }
  // The agent's position in [0, 1]² (grid: the cell's scaled coordinates), and the last move.
  std::array<double, 2> position() const { return state_; }
  int lastAction() const { return lastAction_; }
  double lastReward() const { return lastReward_; }
  bool lastDone() const { return lastDone_; }
  double episodeReturn() const { return episodeReturn_; }
  const std::vector<double>& episodeReturns() const { return returns_; }
  const std::vector<double>& losses() const { return losses_; }  // per learning step
  // One row per finished episode: episode, return, length, epsilon, loss (mean over the
  // episode's learning steps, NaN if none), probeValue (mean max_a Q over a 6×6 probe grid).
  const Trace& trace() const { return trace_; }

  // --- the networks ---
  QNetwork& online() { return online_; }
  const QNetwork& online() const { return online_; }
  const QNetwork& target() const { return target_; }
  void syncTarget();
  // Replace all online / target parameters (same count, all finite), e.g. for a worked example.
  void setOnlineParams(const std::vector<double>& p);
  void setTargetParams(const std::vector<double>& p);
  // Q(s, ·) of the online / target network at a state (x, y) in [0, 1]² (InvalidArgument outside).
  std::array<double, 4> q(double x, double y) const;
  std::array<double, 4> qTarget(double x, double y) const;
  // Index in the online parameter vector of the output bias of action a (0 … 3).
  std::size_t outputBiasIndex(int action) const;
  // y = r + γ·max_a' Q_target(s', a'), or r if terminal.
  double tdTarget(const Experience& e) const;
  // The mean TD loss of a batch and its gradient with respect to the online parameters.
  double batchLoss(const std::vector<Experience>& batch) const;
  std::vector<double> batchGradient(const std::vector<Experience>& batch) const;
  // One optimizer step on this batch (no environment move, no sync); returns the loss before it.
  double learnFrom(const std::vector<Experience>& batch);

  // --- what the widget draws ---
  // Plane: max_a Q and the greedy action (lowest index among ties) at the centres of an n×n grid
  // over [0, 1]² (row-major, row 0 at y near 0), n in [1, 200]. Grid: per board cell (n is
  // ignored), 0 and −1 on walls and terminals.
  Vector valueMap(int n) const;
  std::vector<int> policyMap(int n) const;
  // The greedy policy (no exploration, no jitter) run from the centres of an n×n grid of starts
  // outside the discs (grid task: from every empty cell, n ignored), each for at most
  // maxEpisodeSteps moves: the fraction that reach the goal.
  double greedySuccess(int n) const;

 private:
  // q / qTarget without the range check, for the loops that evaluate states the model made.
  std::array<double, 4> onlineQ(double x, double y) const;
  std::array<double, 4> targetQ(double x, double y) const;
  void buildNetworks();
  void startEpisode();
  int chooseAction();
  void finishEpisode();
  void applyGradient(const std::vector<double>& grad);
  std::array<double, 2> features(const std::array<double, 2>& s) const;
  bool planeTerminal(double x, double y, double& reward) const;
  // Environment move from `s` with action a: next state, reward, terminal.
  void move(const std::array<double, 2>& s, int a, Rng* jitter, std::array<double, 2>& next, double& reward,
            bool& terminal) const;
  double probeValue() const;
  // The mean TD loss of a batch; with grad, also its gradient (grad is resized).
  double lossAndGradient(const std::vector<Experience>& batch, std::vector<double>* grad) const;

  // settings
  std::string task_ = "plane";
  Gridworld grid_;
  int hidden_ = 32;
  double eta_ = 0.005;
  std::string optimizer_ = "adam";
  double gamma_ = 0.95;
  double epsilonStart_ = 1.0;
  double epsilon_ = 1.0;
  double epsilonDecay_ = 0.97;
  double epsilonMin_ = 0.05;
  int batch_ = 32;
  int targetSync_ = 50;
  std::string loss_ = "huber";
  int maxEpisodeSteps_ = 60;

  // state
  QNetwork online_, target_;
  std::vector<double> adamM_, adamV_, grad_;
  double beta1Power_ = 1.0, beta2Power_ = 1.0;
  ReplayBuffer replay_{5000};
  Rng rng_;
  Status status_ = Status::Empty;
  std::uint32_t seed_ = 0;
  std::array<double, 2> state_{};
  int steps_ = 0, episodes_ = 0, learnSteps_ = 0, syncs_ = 0, episodeLength_ = 0;
  int lastAction_ = -1;
  double lastReward_ = 0.0;
  bool lastDone_ = false;
  bool episodeOver_ = false;
  double episodeReturn_ = 0.0, episodeLossSum_ = 0.0;
  int episodeLossCount_ = 0;
  std::vector<double> returns_, losses_;
  Trace trace_;
};

}  // namespace dw
