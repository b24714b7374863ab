// The one interface every engine model implements. A model holds its data, its parameters,
// a status and a trace (one row per step, for drawing). Subclasses implement the minimum
// (setData/step/predict/score/params and resetParams); fit(), trace bookkeeping, divergence
// detection and predictGrid() are written once here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/types.hpp"

namespace dw {

enum class Status { Empty, Ready, Converged, Diverged };

// THE HEAT-MAP CONVENTION (one for the engine and the web): an nx-by-ny grid over
// [x0,x1]x[y0,y1] splits the rectangle into nx × ny equal cells and samples each cell at its
// centre, xs(i) = x0 + (i + ½)(x1 − x0)/nx and ys(j) = y0 + (j + ½)(y1 − y0)/ny. A picture of
// nx × ny pixels stretched over exactly [x0,x1]x[y0,y1] then shows every value over the region
// it stands for, with no half-cell shift (web/lib/heatmap.js cellCentre is the same formula).
// Every grid call (predictGrid, MLP neuron/output grids, OptimizerSurface.grid) uses this.
// Validated: finite bounds within ±1e9, 1 ≤ nx, ny ≤ 2000.
struct GridAxes {
  Vector xs, ys;
};
GridAxes gridAxes(double x0, double x1, double y0, double y1, int nx, int ny, const char* where);
// The cell centres of that grid as rows (x, y): rows from y0 upward, x varying fastest — the
// cell order of every heat map.
Matrix gridPoints(double x0, double x1, double y0, double y1, int nx, int ny, const char* where);
const char* statusName(Status s);

// A table of numbers: named columns, rows appended as learning proceeds. Row k describes the
// model after k steps (row 0 is the starting point), so a widget can replay or tabulate it.
class Trace {
 public:
  void setColumns(std::vector<std::string> columns);
  void clear() { values_.clear(); }
  void append(const std::vector<double>& row);
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<double>& values() const { return values_; }
  std::size_t rows() const { return columns_.empty() ? 0 : values_.size() / columns_.size(); }
  double at(std::size_t row, std::size_t col) const { return values_[row * columns_.size() + col]; }
  double at(std::size_t row, const std::string& column) const;
  std::vector<double> lastRow() const;

 private:
  std::vector<std::string> columns_;
  std::vector<double> values_;
  // Traces are for drawing; very long runs keep the first rows and then every row is dropped
  // past this bound so memory stays flat during endless animation.
  static constexpr std::size_t kMaxValues = 4'000'000;
};

class Model {
 public:
  virtual ~Model() = default;
  virtual const char* name() const = 0;

  // Re-initialises the parameters from `seed` (deterministically), clears the trace and the
  // step count; keeps data and hyper-parameters.
  void reset(std::uint32_t seed);
  // Replaces the training data (rows of X are points). Validates shape and finiteness.
  virtual void setData(const Matrix& X, const Vector& y) = 0;
  // One unit of learning; returns the training loss after it (with tracing off, the cheaper
  // loss stepLoss() reports, e.g. the MLP's mini-batch loss).
  double step();
  // Steps until converged, diverged, or maxSteps; returns the number of steps taken.
  int fit(int maxSteps);
  // Model-specific quality on (X, y): R^2 for regressors, accuracy for classifiers.
  virtual double score(const Matrix& X, const Vector& y) const = 0;
  virtual Vector predict(const Matrix& X) const = 0;
  // Classifiers: class probabilities, one row per point, one column per class (labels 0…k−1).
  // The default throws StateError ("not a classifier").
  virtual bool isClassifier() const { return false; }
  virtual int classCount() const { return 0; }
  virtual Matrix predictProba(const Matrix& X) const;
  // Values for a heat map at the cell centres of an nx-by-ny grid over [x0,x1]x[y0,y1] (see
  // gridAxes; 2-feature models), row by row from y0 upward, x varying fastest. Regressors: one prediction per cell. Classifiers:
  // classCount() probabilities per cell (row-major cells × classes).
  Vector predictGrid(double x0, double x1, double y0, double y1, int nx, int ny) const;
  virtual Vector params() const = 0;
  // Training loss at the current parameters (on the training data); StateError before setData.
  double loss() const {
    if (status_ == Status::Empty) throwNoData("loss");
    return trainingLoss();
  }

  // Tracing on (the default): every step evaluates the full training loss and appends a trace
  // row. Off: step() only learns and checks for divergence, for loops that run many steps per
  // animation frame and read loss() once per frame. Rows are then no longer one per step.
  void setTracing(bool on) { tracing_ = on; }
  bool tracing() const { return tracing_; }

  const Trace& trace() const { return trace_; }
  Status status() const { return status_; }
  int steps() const { return steps_; }
  std::uint32_t seed() const { return seed_; }
  Index featureCount() const { return featureCount_; }

 protected:
  // Subclass hooks. doStep() performs one unit of learning; it may set status_ to Converged.
  // trainingLoss() is loss() once data is known to be there.
  virtual double trainingLoss() const = 0;
  virtual void resetParams() = 0;
  virtual void doStep() = 0;
  // Appends the trace row describing the current state.
  virtual void recordTrace() = 0;
  // The loss step() checks for divergence when tracing is off. Models whose loss() costs a pass
  // over all the data while a step touches only part of it return something cheaper.
  virtual double stepLoss() const { return loss(); }
  // Call at the end of setData/parameter changes: clears trace, records row 0, status Ready.
  void restartTrace();
  // The rule every setter of a setting follows, written once: once there is data, a changed
  // setting restarts learning (restartLearning(), e.g. regrow a tree or drop boosting rounds)
  // and then the trace (restartTrace()); before data it only stores the setting.
  void settingsChanged();
  virtual void restartLearning() {}
  // The rule for a setting that changes how learning goes on but not what was learned so far (a
  // learning rate, a tolerance, a larger round budget): a model that had converged may step
  // again, so Converged becomes Ready; the parameters and the trace are kept.
  void resumeIfConverged() {
    if (status_ == Status::Converged) status_ = Status::Ready;
  }
  void requireData(const char* where) const;
  // Throws the StateError of requireData for the call "<name>.<call>".
  [[noreturn]] void throwNoData(const char* call) const;

  Trace trace_;
  Status status_ = Status::Empty;
  int steps_ = 0;
  bool tracing_ = true;
  std::uint32_t seed_ = 0;
  Index featureCount_ = 0;
};

// The base of every model trained on (X, y) pairs: it owns the training data and writes setData
// once. Why one setData: every supervised model used to validate, copy X and y, set the width and
// restart its trace by hand, in slightly different orders, and one (or its check that nothing
// changes when the input is bad) was bound to drift. Here the order is fixed:
//   1. the checks every model needs: X non-empty, y one value per row, at least minRows points
//      (at most maxRows when the model sets a limit), X and y finite — ShapeError/InvalidArgument
//      naming "<name>.setData";
//   2. checkData(): the model's own checks (labels 0/1, one column, counts ≥ 0, …). It must not
//      change the model, so a bad data set leaves the previous one, the parameters and the trace
//      untouched (the strong guarantee);
//   3. X_, y_ and featureCount_ are replaced;
//   4. dataChanged(previousWidth): the model derives what it keeps from the data (feature
//      matrices, presorted columns, kernel matrices, one-hot targets) and restarts learning; the
//      default re-initialises the parameters when the width changed;
//   5. the trace restarts (row 0, status Ready).
// Settings go through settingsChanged() (Model), so "a changed setting restarts learning and
// the trace once there is data" is also written once.
class SupervisedModel : public Model {
 public:
  void setData(const Matrix& X, const Vector& y) final;

 protected:
  explicit SupervisedModel(Index minRows = 1, Index maxRows = 0) : minRows_(minRows), maxRows_(maxRows) {}
  // The model's own checks on new data; `where` is "<name>.setData". Must not change the model.
  virtual void checkData(const Matrix& /*X*/, const Vector& /*y*/, const char* /*where*/) const {}
  // Called after X_ and y_ are replaced and before the trace restarts; previousWidth is the
  // featureCount() before (0 the first time).
  virtual void dataChanged(Index previousWidth) {
    if (previousWidth != featureCount_) resetParams();
  }

  Matrix X_;  // training points, one per row
  Vector y_;  // their targets or class labels, one per row

 private:
  Index minRows_, maxRows_;  // maxRows_ 0: no limit
};

}  // namespace dw
