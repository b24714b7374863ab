#include "dw/deep_q.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

// ---------------------------------------------------------------- DeepQ settings
DeepQ::DeepQ() { reset(0); }

void DeepQ::setTask(const std::string& task) {
  if (task != "plane" && task != "grid")
    throw InvalidArgument("DeepQ.setTask: task must be \"plane\" or \"grid\", not \"" + task + "\"");
  // A different task has different states: nothing can step until reset() starts it.
  if (task != task_) status_ = Status::Empty;
  task_ = task;
}
void DeepQ::setGridworld(const Gridworld& world) {
  world.validate("DeepQ.setGridworld");
  grid_ = world;
  if (task_ == "grid") status_ = Status::Empty;
}
void DeepQ::setHiddenUnits(int n) {
  requireIntInRange(n, 2, 128, "DeepQ.setHiddenUnits", "units");
  hidden_ = n;
}
void DeepQ::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0, 1, "DeepQ.setLearningRate", "learningRate");
  eta_ = eta;
}
void DeepQ::setOptimizer(const std::string& name) {
  if (name != "adam" && name != "sgd")
    throw InvalidArgument("DeepQ.setOptimizer: optimizer must be \"adam\" or \"sgd\", not \"" + name + "\"");
  optimizer_ = name;
}
void DeepQ::setGamma(double gamma) {
  requireInRange(gamma, 0, 1, "DeepQ.setGamma", "gamma");
  if (gamma >= 1) throw InvalidArgument("DeepQ.setGamma: gamma=1 lets the values grow without bound; use a value below 1");
  gamma_ = gamma;
}
void DeepQ::setEpsilon(double epsilon) {
  requireInRange(epsilon, 0, 1, "DeepQ.setEpsilon", "epsilon");
  epsilonStart_ = epsilon_ = epsilon;
}
void DeepQ::setEpsilonDecay(double decay) {
  requireInRange(decay, 0, 1, "DeepQ.setEpsilonDecay", "decay");
  epsilonDecay_ = decay;
}
void DeepQ::setEpsilonMin(double epsilonMin) {
  requireInRange(epsilonMin, 0, 1, "DeepQ.setEpsilonMin", "epsilonMin");
  epsilonMin_ = epsilonMin;
}
void DeepQ::setReplayCapacity(int n) {
  requireIntInRange(n, 1, 100000, "DeepQ.setReplayCapacity", "capacity");
  replay_ = ReplayBuffer(n);
}
void DeepQ::setBatchSize(int n) {
  requireIntInRange(n, 1, 256, "DeepQ.setBatchSize", "batchSize");
  batch_ = n;
}
void DeepQ::setTargetSync(int steps) {
  requireIntInRange(steps, 1, 100000, "DeepQ.setTargetSync", "targetSync");
  targetSync_ = steps;
}
void DeepQ::setLoss(const std::string& loss) {
  if (loss != "huber" && loss != "squared")
    throw InvalidArgument("DeepQ.setLoss: loss must be \"huber\" or \"squared\", not \"" + loss + "\"");
  loss_ = loss;
}
void DeepQ::setMaxEpisodeSteps(int n) {
  requireIntInRange(n, 1, 1000, "DeepQ.setMaxEpisodeSteps", "maxEpisodeSteps");
  maxEpisodeSteps_ = n;
}

// ---------------------------------------------------------------- running
void DeepQ::buildNetworks() {
  Rng init(seed_, 0x9e3779b97f4a7c15ULL);
  online_.init({2, hidden_, hidden_, kActions}, init);
  target_ = online_;
  adamM_.assign(online_.params().size(), 0.0);
  adamV_.assign(online_.params().size(), 0.0);
  beta1Power_ = beta2Power_ = 1.0;
}

void DeepQ::reset(std::uint32_t seed) {
  seed_ = seed;
  rng_ = Rng(seed);
  if (task_ == "grid") grid_.reset(seed);
  buildNetworks();
  replay_.clear();
  epsilon_ = epsilonStart_;
  steps_ = episodes_ = learnSteps_ = syncs_ = episodeLength_ = 0;
  lastAction_ = -1;
  lastReward_ = 0.0;
  lastDone_ = false;
  episodeReturn_ = episodeLossSum_ = 0.0;
  episodeLossCount_ = 0;
  returns_.clear();
  losses_.clear();
  trace_.setColumns({"episode", "return", "length", "epsilon", "loss", "probeValue"});
  status_ = Status::Ready;
  startEpisode();
}

void DeepQ::startEpisode() {
  episodeOver_ = false;
  if (task_ == "grid") {
    grid_.restartEpisode();
    int w = grid_.width(), h = grid_.height();
    state_ = {double(grid_.startX()) / (w - 1), double(grid_.startY()) / (h - 1)};
    return;
  }
  double unused = 0.0;
  do {
    state_ = {rng_.uniform(), rng_.uniform()};
  } while (planeTerminal(state_[0], state_[1], unused));
}

bool DeepQ::planeTerminal(double x, double y, double& reward) const {
  double gx = x - kGoalX, gy = y - kGoalY;
  if (gx * gx + gy * gy <= kGoalRadius * kGoalRadius) {
    reward = 1.0;
    return true;
  }
  double px = x - kPitX, py = y - kPitY;
  if (px * px + py * py <= kPitRadius * kPitRadius) {
    reward = -1.0;
    return true;
  }
  reward = 0.0;
  return false;
}

std::array<double, 2> DeepQ::features(const std::array<double, 2>& s) const {
  return {2.0 * s[0] - 1.0, 2.0 * s[1] - 1.0};
}

void DeepQ::move(const std::array<double, 2>& s, int a, Rng* jitter, std::array<double, 2>& next, double& reward,
                 bool& terminal) const {
  static constexpr int dx[4] = {0, 1, 0, -1}, dy[4] = {-1, 0, 1, 0};
  double x = s[0] + kStepLength * dx[a], y = s[1] + kStepLength * dy[a];
  if (jitter) {
    x += kJitter * jitter->normal();
    y += kJitter * jitter->normal();
  }
  next = {std::min(1.0, std::max(0.0, x)), std::min(1.0, std::max(0.0, y))};
  terminal = planeTerminal(next[0], next[1], reward);
}

int DeepQ::chooseAction() {
  if (epsilon_ > 0 && rng_.uniform() < epsilon_) return static_cast<int>(rng_.below(kActions));
  auto qs = onlineQ(state_[0], state_[1]);
  int best = 0;
  for (int a = 1; a < kActions; ++a)
    if (qs[a] > qs[best]) best = a;
  return best;
}

double DeepQ::step() {
  if (status_ == Status::Empty) throw StateError("DeepQ.step: call reset(seed) first");
  if (status_ == Status::Diverged)
    throw StateError("DeepQ.step: the network's values are no longer finite (diverged); lower the learning rate and reset");
  if (task_ == "grid" && grid_.needsReset()) throw StateError("DeepQ.step: the board changed; call reset(seed)");
  if (episodeOver_) startEpisode();

  Experience e;
  e.state = state_;
  e.action = chooseAction();
  if (task_ == "grid") {
    StepResult r = grid_.act(e.action);
    int w = grid_.width(), h = grid_.height();
    e.next = {double(r.x) / (w - 1), double(r.y) / (h - 1)};
    e.reward = r.reward;
    e.terminal = r.done;
  } else {
    move(state_, e.action, &rng_, e.next, e.reward, e.terminal);
  }
  replay_.push(e);
  state_ = e.next;
  lastAction_ = e.action;
  lastReward_ = e.reward;
  ++steps_;
  ++episodeLength_;
  episodeReturn_ += e.reward;

  // Learn once the buffer holds a first batch (or is full, when it is smaller than a batch).
  int ready = std::min(batch_, replay_.capacity());
  if (replay_.size() >= ready) {
    int n = std::min(batch_, replay_.size());
    std::vector<Experience> batch;
    batch.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) batch.push_back(replay_.at(static_cast<int>(rng_.below(static_cast<std::uint32_t>(replay_.size())))));
    double l = learnFrom(batch);
    losses_.push_back(l);
    episodeLossSum_ += l;
    ++episodeLossCount_;
    if (status_ == Status::Ready && learnSteps_ % targetSync_ == 0) syncTarget();
  }

  lastDone_ = e.terminal || episodeLength_ >= maxEpisodeSteps_;
  if (lastDone_) finishEpisode();
  return e.reward;
}

void DeepQ::finishEpisode() {
  ++episodes_;
  returns_.push_back(episodeReturn_);
  double meanLoss = episodeLossCount_ ? episodeLossSum_ / episodeLossCount_ : std::numeric_limits<double>::quiet_NaN();
  trace_.append({double(episodes_), episodeReturn_, double(episodeLength_), epsilon_, meanLoss, probeValue()});
  epsilon_ = std::max(epsilonMin_, epsilon_ * epsilonDecay_);
  episodeReturn_ = episodeLossSum_ = 0.0;
  episodeLossCount_ = 0;
  episodeLength_ = 0;
  episodeOver_ = true;
}

int DeepQ::runEpisodes(int n) {
  requireIntInRange(n, 0, 100000, "DeepQ.runEpisodes", "n");
  int target = episodes_ + n, taken = 0;
  while (episodes_ < target && status_ == Status::Ready) {
    step();
    ++taken;
  }
  return taken;
}

int DeepQ::fit(int maxSteps) {
  requireIntInRange(maxSteps, 0, 10'000'000, "DeepQ.fit", "maxSteps");
  int taken = 0;
  while (taken < maxSteps && status_ == Status::Ready) {
    step();
    ++taken;
  }
  return taken;
}

void DeepQ::syncTarget() {
  target_ = online_;
  ++syncs_;
}

static void requireParams(const std::vector<double>& p, std::size_t n, const char* where) {
  if (p.size() != n)
    throw ShapeError(std::string(where) + ": expected " + std::to_string(n) + " parameters, got " + std::to_string(p.size()));
  for (double v : p)
    if (!std::isfinite(v)) throw InvalidArgument(std::string(where) + ": every parameter must be a finite number");
}
void DeepQ::setOnlineParams(const std::vector<double>& p) {
  requireParams(p, online_.params().size(), "DeepQ.setOnlineParams");
  online_.params() = p;
}
void DeepQ::setTargetParams(const std::vector<double>& p) {
  requireParams(p, target_.params().size(), "DeepQ.setTargetParams");
  target_.params() = p;
}

// ---------------------------------------------------------------- values and learning
std::array<double, 4> DeepQ::onlineQ(double x, double y) const {
  std::array<double, 4> out{};
  auto f = features({x, y});
  online_.forward(f.data(), out.data());
  return out;
}
std::array<double, 4> DeepQ::targetQ(double x, double y) const {
  std::array<double, 4> out{};
  auto f = features({x, y});
  target_.forward(f.data(), out.data());
  return out;
}
std::array<double, 4> DeepQ::q(double x, double y) const {
  requireInRange(x, 0, 1, "DeepQ.q", "x");
  requireInRange(y, 0, 1, "DeepQ.q", "y");
  return onlineQ(x, y);
}
std::array<double, 4> DeepQ::qTarget(double x, double y) const {
  requireInRange(x, 0, 1, "DeepQ.qTarget", "x");
  requireInRange(y, 0, 1, "DeepQ.qTarget", "y");
  return targetQ(x, y);
}
std::size_t DeepQ::outputBiasIndex(int action) const {
  if (action < 0 || action >= kActions)
    throw InvalidArgument("DeepQ.outputBiasIndex: action=" + std::to_string(action) + " must be 0, 1, 2 or 3");
  return online_.biasIndex(static_cast<int>(online_.sizes().size()) - 2, action);
}

// An experience handed in from outside: finite numbers and one of the four actions.
static void requireExperience(const Experience& e) {
  if (!std::isfinite(e.state[0]) || !std::isfinite(e.state[1]) || !std::isfinite(e.reward) || !std::isfinite(e.next[0]) ||
      !std::isfinite(e.next[1]))
    throw InvalidArgument("DeepQ: every number of an experience must be finite");
  if (e.action < 0 || e.action >= DeepQ::kActions) throw InvalidArgument("DeepQ: an experience's action must be 0, 1, 2 or 3");
}

double DeepQ::tdTarget(const Experience& e) const {
  requireExperience(e);
  if (e.terminal) return e.reward;
  auto qn = targetQ(e.next[0], e.next[1]);
  return e.reward + gamma_ * *std::max_element(qn.begin(), qn.end());
}

double DeepQ::lossAndGradient(const std::vector<Experience>& batch, std::vector<double>* grad) const {
  if (batch.empty()) throw ShapeError("DeepQ: the batch of experiences is empty");
  if (grad) grad->assign(online_.params().size(), 0.0);
  double sum = 0.0, scale = 1.0 / double(batch.size());
  bool huber = loss_ == "huber";
  for (const Experience& e : batch) {
    requireExperience(e);
    double err = onlineQ(e.state[0], e.state[1])[static_cast<std::size_t>(e.action)] - tdTarget(e);
    double a = std::fabs(err);
    sum += (!huber || a <= 1.0) ? 0.5 * err * err : a - 0.5;
    if (!grad) continue;
    // dℓ/de: e for the squared loss, e clipped to [−1, 1] for Huber.
    double d = huber ? std::max(-1.0, std::min(1.0, err)) : err;
    double dOut[4] = {0, 0, 0, 0};
    dOut[e.action] = d * scale;
    auto f = features(e.state);
    online_.accumulateGradient(f.data(), dOut, *grad);
  }
  return sum * scale;
}

double DeepQ::batchLoss(const std::vector<Experience>& batch) const { return lossAndGradient(batch, nullptr); }

std::vector<double> DeepQ::batchGradient(const std::vector<Experience>& batch) const {
  std::vector<double> grad;
  lossAndGradient(batch, &grad);
  return grad;
}

double DeepQ::learnFrom(const std::vector<Experience>& batch) {
  double before = lossAndGradient(batch, &grad_);
  if (!std::isfinite(before)) {
    status_ = Status::Diverged;
    return before;
  }
  applyGradient(grad_);
  ++learnSteps_;
  for (double p : online_.params())
    if (!std::isfinite(p)) {
      status_ = Status::Diverged;
      break;
    }
  return before;
}

void DeepQ::applyGradient(const std::vector<double>& grad) {
  std::vector<double>& p = online_.params();
  if (optimizer_ == "sgd") {
    for (std::size_t i = 0; i < p.size(); ++i) p[i] -= eta_ * grad[i];
    return;
  }
  // Adam (Kingma & Ba 2015), β1 = 0.9, β2 = 0.999, ε = 1e-8; the powers are kept by multiplying.
  const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
  beta1Power_ *= b1;
  beta2Power_ *= b2;
  for (std::size_t i = 0; i < p.size(); ++i) {
    adamM_[i] = b1 * adamM_[i] + (1 - b1) * grad[i];
    adamV_[i] = b2 * adamV_[i] + (1 - b2) * grad[i] * grad[i];
    double mHat = adamM_[i] / (1 - beta1Power_), vHat = adamV_[i] / (1 - beta2Power_);
    p[i] -= eta_ * mHat / (std::sqrt(vHat) + eps);
  }
}

double DeepQ::probeValue() const {
  double sum = 0.0;
  for (int j = 0; j < 6; ++j)
    for (int i = 0; i < 6; ++i) {
      auto qs = onlineQ((i + 0.5) / 6, (j + 0.5) / 6);
      sum += *std::max_element(qs.begin(), qs.end());
    }
  return sum / 36.0;
}

Vector DeepQ::valueMap(int n) const {
  if (task_ == "grid") {
    int w = grid_.width(), h = grid_.height();
    Vector v = Vector::Zero(w * h);
    for (int c = 0; c < w * h; ++c) {
      if (!grid_.isDecisionCell(c)) continue;
      auto qs = onlineQ(double(c % w) / (w - 1), double(c / w) / (h - 1));
      v(c) = *std::max_element(qs.begin(), qs.end());
    }
    return v;
  }
  requireIntInRange(n, 1, 200, "DeepQ.valueMap", "n");
  Vector v(n * n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      auto qs = onlineQ((i + 0.5) / n, (j + 0.5) / n);
      v(j * n + i) = *std::max_element(qs.begin(), qs.end());
    }
  return v;
}

static int argmaxLowest(const std::array<double, 4>& qs) {
  int best = 0;
  for (int a = 1; a < 4; ++a)
    if (qs[a] > qs[best]) best = a;
  return best;
}

std::vector<int> DeepQ::policyMap(int n) const {
  if (task_ == "grid") {
    int w = grid_.width(), h = grid_.height();
    std::vector<int> p(static_cast<std::size_t>(w * h), -1);
    for (int c = 0; c < w * h; ++c)
      if (grid_.isDecisionCell(c)) p[c] = argmaxLowest(onlineQ(double(c % w) / (w - 1), double(c / w) / (h - 1)));
    return p;
  }
  requireIntInRange(n, 1, 200, "DeepQ.policyMap", "n");
  std::vector<int> p(static_cast<std::size_t>(n * n));
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) p[j * n + i] = argmaxLowest(onlineQ((i + 0.5) / n, (j + 0.5) / n));
  return p;
}

double DeepQ::greedySuccess(int n) const {
  int starts = 0, reached = 0;
  if (task_ == "grid") {
    int w = grid_.width(), h = grid_.height();
    for (int c0 = 0; c0 < w * h; ++c0) {
      if (!grid_.isDecisionCell(c0)) continue;
      ++starts;
      int c = c0;
      for (int k = 0; k < maxEpisodeSteps_; ++k) {
        std::array<Transition, 3> out;
        int m = grid_.transitions(c, argmaxLowest(onlineQ(double(c % w) / (w - 1), double(c / w) / (h - 1))), out);
        int best = 0;
        for (int t = 1; t < m; ++t)
          if (out[t].probability > out[best].probability) best = t;
        c = out[best].next;
        if (grid_.isTerminal(c)) {
          if (grid_.kindAt(c) == CellKind::Goal) ++reached;
          break;
        }
      }
    }
    return starts ? double(reached) / starts : 0.0;
  }
  requireIntInRange(n, 1, 200, "DeepQ.greedySuccess", "n");
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      std::array<double, 2> s{(i + 0.5) / n, (j + 0.5) / n};
      double reward = 0.0;
      if (planeTerminal(s[0], s[1], reward)) continue;
      ++starts;
      for (int k = 0; k < maxEpisodeSteps_; ++k) {
        bool terminal = false;
        std::array<double, 2> next;
        move(s, argmaxLowest(onlineQ(s[0], s[1])), nullptr, next, reward, terminal);
        s = next;
        if (terminal) {
          if (reward > 0) ++reached;
          break;
        }
      }
    }
  return starts ? double(reached) / starts : 0.0;
}

}  // namespace dw
