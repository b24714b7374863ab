#include "dw/q_learning.hpp"

#include <algorithm>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

QLearning::QLearning() { reset(0); }

void QLearning::setEnvironment(const Gridworld& world) {
  world.validate("QLearning.setEnvironment");
  env_ = world;
  reset(seed_);
}

void QLearning::setAlpha(double alpha) {
  requireInOpenClosed(alpha, 0, 1, "QLearning.setAlpha", "alpha");
  alpha_ = alpha;
}
void QLearning::setGamma(double gamma) {
  requireInRange(gamma, 0, 1, "QLearning.setGamma", "gamma");
  gamma_ = gamma;
}
void QLearning::setEpsilon(double epsilon) {
  requireInRange(epsilon, 0, 1, "QLearning.setEpsilon", "epsilon");
  epsilonStart_ = epsilon_ = epsilon;
}
void QLearning::setEpsilonDecay(double decay) {
  requireInRange(decay, 0, 1, "QLearning.setEpsilonDecay", "decay");
  epsilonDecay_ = decay;
}
void QLearning::setEpsilonMin(double epsilonMin) {
  requireInRange(epsilonMin, 0, 1, "QLearning.setEpsilonMin", "epsilonMin");
  epsilonMin_ = epsilonMin;
}
void QLearning::setMaxEpisodeSteps(int n) {
  requireIntInRange(n, 1, 100000, "QLearning.setMaxEpisodeSteps", "maxEpisodeSteps");
  maxEpisodeSteps_ = n;
}
void QLearning::setTolerance(double tol) {
  requireInRange(tol, 0, 1, "QLearning.setTolerance", "tol");
  tolerance_ = tol;
}

void QLearning::reset(std::uint32_t seed) {
  seed_ = seed;
  env_.reset(seed);  // validates the layout, seeds the slips
  rng_ = Rng(seed);
  q_ = Matrix::Zero(env_.cellCount(), Gridworld::kActions);
  epsilon_ = epsilonStart_;
  steps_ = episodes_ = episodeLength_ = 0;
  episodeReturn_ = episodeMaxChange_ = 0.0;
  episodeOver_ = false;
  settledEpisodes_ = 0;
  last_ = {0.0, env_.startX(), env_.startY(), false};
  returns_.clear();
  trace_.setColumns({"episode", "return", "length", "epsilon", "maxChange"});
  status_ = Status::Ready;
}

int QLearning::chooseAction(int cell) {
  // ε-greedy: explore uniformly with probability ε, else a greedy action (random among ties).
  if (epsilon_ > 0 && rng_.uniform() < epsilon_) return static_cast<int>(rng_.below(Gridworld::kActions));
  auto row = q_.row(cell);
  double best = row.maxCoeff();
  int ties[Gridworld::kActions], n = 0;
  for (int a = 0; a < Gridworld::kActions; ++a)
    if (row(a) == best) ties[n++] = a;
  return n == 1 ? ties[0] : ties[rng_.below(static_cast<std::uint32_t>(n))];
}

double QLearning::step() {
  if (status_ == Status::Empty) throw StateError("QLearning.step: call reset(seed) first");
  if (env_.needsReset()) throw StateError("QLearning.step: the environment changed; call reset(seed)");
  if (episodeOver_) {
    env_.restartEpisode();
    episodeOver_ = false;
  }
  int s = env_.position();
  int a = chooseAction(s);
  StepResult r = env_.act(a);
  int next = env_.position();
  // TD target r + γ·max_a' Q(s',a'); a terminal s' has no future.
  double future = r.done ? 0.0 : q_.row(next).maxCoeff();
  double change = alpha_ * (r.reward + gamma_ * future - q_(s, a));
  q_(s, a) += change;

  ++steps_;
  ++episodeLength_;
  episodeReturn_ += r.reward;
  episodeMaxChange_ = std::max(episodeMaxChange_, std::fabs(change));
  last_ = r;
  if (r.done || episodeLength_ >= maxEpisodeSteps_) {
    last_.done = true;
    finishEpisode();
    // Many whole episodes that reached a terminal without moving any Q value by tol: settled.
    settledEpisodes_ = (r.done && episodeMaxChange_ < tolerance_) ? settledEpisodes_ + 1 : 0;
    if (settledEpisodes_ >= kSettledEpisodes) status_ = Status::Converged;
    episodeMaxChange_ = 0.0;
  }
  return r.reward;
}

void QLearning::finishEpisode() {
  ++episodes_;
  returns_.push_back(episodeReturn_);
  trace_.append({double(episodes_), episodeReturn_, double(episodeLength_), epsilon_, episodeMaxChange_});
  epsilon_ = std::max(epsilonMin_, epsilon_ * epsilonDecay_);
  episodeReturn_ = 0.0;
  episodeLength_ = 0;
  episodeOver_ = true;
}

int QLearning::fit(int maxSteps) {
  requireIntInRange(maxSteps, 0, 10'000'000, "QLearning.fit", "maxSteps");
  int taken = 0;
  while (taken < maxSteps && status_ == Status::Ready) {
    step();
    ++taken;
  }
  return taken;
}

int QLearning::runEpisodes(int n) {
  requireIntInRange(n, 0, 100000, "QLearning.runEpisodes", "n");
  int target = episodes_ + n, taken = 0;
  while (episodes_ < target) {
    step();
    ++taken;
  }
  return taken;
}

std::vector<int> QLearning::policy() const { return env_.greedyPolicy(q_); }

Vector QLearning::values() const {
  Vector v = Vector::Zero(env_.cellCount());
  for (int s = 0; s < env_.cellCount(); ++s)
    if (env_.isDecisionCell(s)) v(s) = q_.row(s).maxCoeff();
  return v;
}

}  // namespace dw
