#include "dw/gridworld.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
// Direction offsets in action order: up, right, down, left.
constexpr int kDx[4] = {0, 1, 0, -1};
constexpr int kDy[4] = {-1, 0, 1, 0};
constexpr int kMaxSweeps = 100000;

std::string cellName(int x, int y) { return "(" + std::to_string(x) + "," + std::to_string(y) + ")"; }
}  // namespace

CellKind parseCellKind(const std::string& name, const char* where) {
  if (name == "empty") return CellKind::Empty;
  if (name == "wall") return CellKind::Wall;
  if (name == "pit") return CellKind::Pit;
  if (name == "goal") return CellKind::Goal;
  throw InvalidArgument(std::string(where) + ": kind='" + name +
                        "' is not a cell kind (use empty, wall, pit or goal)");
}

const char* cellKindName(CellKind kind) {
  switch (kind) {
    case CellKind::Empty: return "empty";
    case CellKind::Wall: return "wall";
    case CellKind::Pit: return "pit";
    case CellKind::Goal: return "goal";
  }
  return "unknown";
}

Gridworld::Gridworld() {
  preset("classic4x4");
  reset(0);
}

void Gridworld::setSize(int width, int height) {
  requireIntInRange(width, kMinSize, kMaxSize, "Gridworld.setSize", "width");
  requireIntInRange(height, kMinSize, kMaxSize, "Gridworld.setSize", "height");
  width_ = width;
  height_ = height;
  cells_.assign(static_cast<std::size_t>(width * height), CellKind::Empty);
  cells_.back() = CellKind::Goal;
  start_ = 0;
  layoutChanged();
}

void Gridworld::requireCoordinates(int x, int y, const char* where) const {
  requireIntInRange(x, 0, width_ - 1, where, "x");
  requireIntInRange(y, 0, height_ - 1, where, "y");
}

void Gridworld::setCell(int x, int y, CellKind kind) {
  requireCoordinates(x, y, "Gridworld.setCell");
  cells_[static_cast<std::size_t>(y * width_ + x)] = kind;
  layoutChanged();
}

CellKind Gridworld::cell(int x, int y) const {
  requireCoordinates(x, y, "Gridworld.cell");
  return cells_[static_cast<std::size_t>(y * width_ + x)];
}

void Gridworld::setStart(int x, int y) {
  requireCoordinates(x, y, "Gridworld.setStart");
  start_ = y * width_ + x;
  layoutChanged();
}

std::vector<std::string> Gridworld::presetNames() { return {"classic4x4", "classic4x3", "cliff"}; }

void Gridworld::preset(const std::string& name) {
  if (name == "classic4x4") {
    // The 4×4 "FrozenLake" map (S start, F empty, H pit, G goal), deterministic:
    //   S F F F / F H F H / F F F H / H F F G
    setSize(4, 4);
    for (auto [x, y] : {std::pair{1, 1}, {3, 1}, {3, 2}, {0, 3}}) setCell(x, y, CellKind::Pit);
    goalReward_ = 1.0, pitReward_ = -1.0, stepCost_ = 0.0, slip_ = 0.0;
  } else if (name == "classic4x3") {
    // Russell & Norvig's 4×3 world (AIMA ch. 17): wall in the middle, +1 top right, −1 below
    // it, start bottom left, −0.04 per move, 0.8 intended / 0.1 each side.
    setSize(4, 3);
    setCell(3, 2, CellKind::Empty);
    setCell(1, 1, CellKind::Wall);
    setCell(3, 0, CellKind::Goal);
    setCell(3, 1, CellKind::Pit);
    setStart(0, 2);
    goalReward_ = 1.0, pitReward_ = -1.0, stepCost_ = 0.04, slip_ = 0.2;
  } else if (name == "cliff") {
    // Sutton & Barto's cliff walk (Example 6.6): 12×4, start bottom left, goal bottom right,
    // the cliff between them. Here the cliff is a terminal pit of −100 (the book sends the
    // agent back to the start instead) and entering the goal pays 0 (the book: −1).
    setSize(12, 4);
    for (int x = 1; x <= 10; ++x) setCell(x, 3, CellKind::Pit);
    setStart(0, 3);
    goalReward_ = 0.0, pitReward_ = -100.0, stepCost_ = 1.0, slip_ = 0.0;
  } else {
    std::string list;
    for (const auto& n : presetNames()) list += (list.empty() ? "" : ", ") + n;
    throw InvalidArgument("Gridworld.preset: name='" + name + "' is not a preset (use " + list + ")");
  }
  layoutChanged();
}

void Gridworld::setGoalReward(double r) {
  requireInRange(r, -1000, 1000, "Gridworld.setGoalReward", "reward");
  goalReward_ = r;
}
void Gridworld::setPitReward(double r) {
  requireInRange(r, -1000, 1000, "Gridworld.setPitReward", "reward");
  pitReward_ = r;
}
void Gridworld::setStepCost(double c) {
  requireInRange(c, -100, 100, "Gridworld.setStepCost", "cost");
  stepCost_ = c;
}
void Gridworld::setSlip(double p) {
  requireInRange(p, 0, 1, "Gridworld.setSlip", "slip");
  slip_ = p;
}

std::vector<int> Gridworld::cells() const {
  std::vector<int> out(cells_.size());
  std::transform(cells_.begin(), cells_.end(), out.begin(), [](CellKind k) { return static_cast<int>(k); });
  return out;
}

void Gridworld::validate(const char* where) const {
  std::string at = std::string(where) + ": ";
  int sx = startX(), sy = startY();
  CellKind s = kindAt(start_);
  if (s != CellKind::Empty)
    throw InvalidArgument(at + "the start " + cellName(sx, sy) + " is on a " + cellKindName(s) +
                          "; it must be an empty cell");
  // Breadth-first search through empty cells; a goal next to any reached cell is reachable
  // (pits end the episode, so a path may not pass through one).
  std::vector<char> seen(cells_.size(), 0);
  std::vector<int> queue{start_};
  seen[static_cast<std::size_t>(start_)] = 1;
  bool anyGoal = std::find(cells_.begin(), cells_.end(), CellKind::Goal) != cells_.end();
  if (!anyGoal) throw InvalidArgument(at + "the layout has no goal cell");
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (int a = 0; a < kActions; ++a) {
      int next = moveTarget(queue[head], a);
      if (seen[static_cast<std::size_t>(next)]) continue;
      seen[static_cast<std::size_t>(next)] = 1;
      if (kindAt(next) == CellKind::Goal) return;
      if (kindAt(next) == CellKind::Empty) queue.push_back(next);
    }
  }
  throw InvalidArgument(at + "no goal can be reached from the start " + cellName(sx, sy) +
                        " without crossing a wall or a pit");
}

int Gridworld::moveTarget(int cell, int direction) const {
  int x = cell % width_ + kDx[direction], y = cell / width_ + kDy[direction];
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return cell;  // the edge: stay put
  int next = y * width_ + x;
  return kindAt(next) == CellKind::Wall ? cell : next;
}

int Gridworld::transitions(int cell, int action, std::array<Transition, 3>& out) const {
  // Intended direction with 1 − slip, the two perpendicular ones (action ± 1 mod 4) with slip/2.
  const int directions[3] = {action, (action + 1) % 4, (action + 3) % 4};
  const double probabilities[3] = {1.0 - slip_, slip_ / 2, slip_ / 2};
  int n = 0;
  for (int k = 0; k < (slip_ > 0 ? 3 : 1); ++k) {
    if (probabilities[k] <= 0) continue;
    int next = moveTarget(cell, directions[k]);
    CellKind kind = kindAt(next);
    double reward = kind == CellKind::Goal ? goalReward_ : kind == CellKind::Pit ? pitReward_ : 0.0 - stepCost_;  // 0 − c: never −0
    out[static_cast<std::size_t>(n++)] = {next, probabilities[k], reward, isTerminal(next)};
  }
  return n;
}

void Gridworld::reset(std::uint32_t seed) {
  validate("Gridworld.reset");
  // A stream of its own, so the agent's exploration draws never shift the slips.
  slipRng_ = Rng(seed, 0x9e3779b97f4a7c15ULL);
  needsReset_ = false;
  restartEpisode();
}

void Gridworld::restartEpisode() {
  position_ = start_;
  done_ = false;
}

StepResult Gridworld::act(int action) {
  if (needsReset_) throw StateError("Gridworld.act: the layout changed; call reset(seed) first");
  if (done_) throw StateError("Gridworld.act: the episode is over; call reset(seed) to start again");
  requireIntInRange(action, 0, kActions - 1, "Gridworld.act", "action");
  std::array<Transition, 3> outcomes;
  int n = transitions(position_, action, outcomes);
  int pick = 0;
  if (n > 1) {
    // Draw one uniform number and walk the cumulative probabilities.
    double u = slipRng_.uniform(), cumulative = 0.0;
    for (pick = 0; pick < n - 1; ++pick) {
      cumulative += outcomes[static_cast<std::size_t>(pick)].probability;
      if (u < cumulative) break;
    }
  }
  const Transition& t = outcomes[static_cast<std::size_t>(pick)];
  position_ = t.next;
  done_ = t.terminal;
  return {t.reward, position_ % width_, position_ / width_, done_};
}

Matrix Gridworld::actionValues(const Vector& values, double gamma) const {
  Matrix q = Matrix::Zero(cellCount(), kActions);
  std::array<Transition, 3> outcomes;
  for (int s = 0; s < cellCount(); ++s) {
    if (!isDecisionCell(s)) continue;
    for (int a = 0; a < kActions; ++a) {
      int n = transitions(s, a, outcomes);
      double sum = 0.0;
      // Bellman expectation for a fixed first action: Σ P(s'|s,a)·[r + γ·V(s')], V(terminal) = 0.
      for (int k = 0; k < n; ++k) {
        const Transition& t = outcomes[static_cast<std::size_t>(k)];
        sum += t.probability * (t.reward + (t.terminal ? 0.0 : gamma * values(t.next)));
      }
      q(s, a) = sum;
    }
  }
  return q;
}

Vector Gridworld::valueIteration(double gamma, double tol) const {
  requireInRange(gamma, 0, 1, "Gridworld.valueIteration", "gamma");
  requireInOpenClosed(tol, 0, 1, "Gridworld.valueIteration", "tol");
  Vector v = Vector::Zero(cellCount());
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    // Synchronous (Jacobi) Bellman optimality update: V_{k+1}(s) = max_a Q_k(s,a).
    Matrix q = actionValues(v, gamma);
    Vector next = Vector::Zero(cellCount());
    for (int s = 0; s < cellCount(); ++s)
      if (isDecisionCell(s)) next(s) = q.row(s).maxCoeff();
    double change = (next - v).lpNorm<Eigen::Infinity>();
    v = next;
    if (!std::isfinite(change)) break;
    if (change < tol) return v;
  }
  throw StateError("Gridworld.valueIteration: values did not settle within " + std::to_string(kMaxSweeps) +
                   " sweeps (gamma=" + formatNumber(gamma) + "); use gamma < 1 or a positive step cost");
}

std::vector<int> Gridworld::greedyPolicy(const Matrix& q) const {
  std::vector<int> policy(static_cast<std::size_t>(cellCount()), -1);
  for (int s = 0; s < cellCount(); ++s) {
    if (!isDecisionCell(s)) continue;
    int best = 0;
    for (int a = 1; a < kActions; ++a)
      if (q(s, a) > q(s, best) + 1e-9) best = a;
    policy[static_cast<std::size_t>(s)] = best;
  }
  return policy;
}

}  // namespace dw
