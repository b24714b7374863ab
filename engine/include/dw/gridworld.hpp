// A small gridworld for reinforcement-learning lessons: a width×height board of cells (empty,
// wall, pit, goal), a start cell, four actions and optional slipping. It is both an
// environment an agent can act in (reset/act) and a known model (transitions) that value
// iteration solves exactly, so a lesson can compare what an agent learned with the truth.
//
// Coordinates: x is the column (0 = left), y is the row (0 = top, growing downward, as on a
// canvas); cell index = y·width + x. Actions: 0 up (y−1), 1 right (x+1), 2 down (y+1), 3 left.
// Rewards are paid on entering a cell: goalReward on a goal, pitReward on a pit (both end the
// episode), −stepCost on anything else (bumping into a wall or the edge stays put and pays it).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

enum class CellKind : int { Empty = 0, Wall = 1, Pit = 2, Goal = 3 };
// "empty" | "wall" | "pit" | "goal" → kind; anything else throws InvalidArgument naming `where`.
CellKind parseCellKind(const std::string& name, const char* where);
const char* cellKindName(CellKind kind);

// One possible result of an action: with `probability` the agent lands on `next` and receives
// `reward`; `terminal` when `next` is a goal or a pit.
struct Transition {
  int next = 0;
  double probability = 0.0;
  double reward = 0.0;
  bool terminal = false;
};

struct StepResult {
  double reward = 0.0;
  int x = 0;
  int y = 0;
  bool done = false;
};

class Gridworld {
 public:
  static constexpr int kMinSize = 2;
  static constexpr int kMaxSize = 12;
  static constexpr int kActions = 4;

  // Starts as the "classic4x4" preset, already reset with seed 0.
  Gridworld();

  // --- layout (any change means reset() must be called before act()) ---
  // w, h in [2, 12]. Clears the board: all empty, start (0,0), one goal at (w−1, h−1).
  void setSize(int width, int height);
  void setCell(int x, int y, CellKind kind);
  void setStart(int x, int y);
  // Loads a named layout with its rewards and slip; see presetNames() and the docs.
  void preset(const std::string& name);
  static std::vector<std::string> presetNames();

  // --- rewards and dynamics ---
  void setGoalReward(double r);  // [-1000, 1000], default 1
  void setPitReward(double r);   // [-1000, 1000], default -1
  void setStepCost(double c);    // [-100, 100], default 0 (a negative cost is a reward for living)
  // Probability in [0, 1] that a move goes sideways: the intended direction with 1 − slip,
  // each of the two perpendicular directions with slip/2 (Russell & Norvig's 4×3 world: 0.2).
  void setSlip(double p);

  int width() const { return width_; }
  int height() const { return height_; }
  int cellCount() const { return width_ * height_; }
  int startX() const { return start_ % width_; }
  int startY() const { return start_ / width_; }
  int startCell() const { return start_; }
  CellKind cell(int x, int y) const;
  CellKind kindAt(int cell) const { return cells_[static_cast<std::size_t>(cell)]; }
  bool isTerminal(int cell) const { return kindAt(cell) == CellKind::Pit || kindAt(cell) == CellKind::Goal; }
  // Cells the agent can stand in and choose an action from (not walls, not terminals).
  bool isDecisionCell(int cell) const { return kindAt(cell) == CellKind::Empty; }
  std::vector<int> cells() const;  // kinds as ints, cell index order
  double goalReward() const { return goalReward_; }
  double pitReward() const { return pitReward_; }
  double stepCost() const { return stepCost_; }
  double slip() const { return slip_; }

  // Throws InvalidArgument (message prefixed by `where`) unless the start is on an empty cell
  // and some goal can be reached from it by moving through empty cells.
  void validate(const char* where) const;
  // The up-to-three outcomes of `action` in `cell` (probabilities sum to 1); returns how many.
  int transitions(int cell, int action, std::array<Transition, 3>& out) const;

  // --- acting in it ---
  // Validates the layout, puts the agent on the start cell and seeds the slip randomness.
  void reset(std::uint32_t seed);
  // Moves the agent; throws StateError after a layout change without reset() or once done.
  StepResult act(int action);
  // Puts the agent back on the start cell after an episode (no re-seeding, no validation).
  void restartEpisode();
  int position() const { return position_; }
  bool done() const { return done_; }
  bool needsReset() const { return needsReset_; }

  // --- exact solution (dynamic programming) ---
  // Value iteration: V(s) ← max_a Σ_s' P(s'|s,a)·[r + γ·V(s')], with V = 0 on walls and
  // terminals, until the largest change in a sweep is below tol. γ in [0, 1], tol in (0, 1].
  // Throws StateError if 100 000 sweeps do not reach tol (γ = 1 with a reward for living).
  Vector valueIteration(double gamma, double tol) const;
  // Q(s,a) = Σ_s' P(s'|s,a)·[r + γ·V(s')] for every cell (row) and action (column).
  Matrix actionValues(const Vector& values, double gamma) const;
  // Greedy action per cell from action values (lowest action index among ties within 1e-9),
  // −1 for walls and terminals.
  std::vector<int> greedyPolicy(const Matrix& q) const;

 private:
  int moveTarget(int cell, int direction) const;
  void layoutChanged() { needsReset_ = true; }
  void requireCoordinates(int x, int y, const char* where) const;

  int width_ = 4;
  int height_ = 4;
  std::vector<CellKind> cells_;
  int start_ = 0;
  double goalReward_ = 1.0;
  double pitReward_ = -1.0;
  double stepCost_ = 0.0;
  double slip_ = 0.0;

  Rng slipRng_;
  int position_ = 0;
  bool done_ = false;
  bool needsReset_ = true;
};

}  // namespace dw
