// Two-parameter loss surfaces for the optimiser-race widget: a function f(x, y) with its
// gradient, a contour grid, and a path that runs one dw::Optimizer (the same code the MLP
// trains with) from a start point, one update per stepPath().
#pragma once
#include <string>
#include <vector>

#include "dw/optimizers.hpp"
#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

enum class SurfaceKind { Bowl, Ravine, Rosenbrock, Saddle };

// "bowl", "ravine", "rosenbrock", "saddle".
SurfaceKind surfaceKindFromName(const std::string& name, const char* where);
const char* surfaceKindName(SurfaceKind k);

// Where a widget should look: a view rectangle, a suggested start and the global minimum.
struct SurfaceInfo {
  double x0, x1, y0, y1;
  double startX, startY;
  double minX, minY, minValue;
};

class OptimizerSurface {
 public:
  OptimizerSurface() = default;

  void setFunction(SurfaceKind k);  // also clears the path
  SurfaceKind function() const { return kind_; }
  SurfaceInfo info() const;
  // f(x, y) and its exact gradient (∂f/∂x, ∂f/∂y) at a point within ±1e6 (checked).
  double value(double x, double y) const;
  Vector gradient(double x, double y) const;
  // Values at the cell centres of an nx×ny grid over [x0,x1]×[y0,y1] (see gridAxes in
  // model.hpp), rows from y0 upward, x fastest.
  Vector grid(double x0, double x1, double y0, double y1, int nx, int ny) const;

  // Optimiser settings used by the next startPath (η is given to startPath itself).
  Optimizer& optimizer() { return optimizer_; }
  // Gaussian noise of standard deviation `sd` (≥ 0) added to each gradient component, drawn
  // from a dw::Rng seeded with `seed`: the jitter of a mini-batch gradient, made visible.
  void setNoise(double sd, std::uint32_t seed);

  // Starts a path at (x, y) with the given optimiser and learning rate; clears the last path.
  void startPath(double x, double y, OptimizerKind kind, double learningRate);
  // One optimiser update; returns the new point. Throws StateError before startPath or once
  // the path has diverged (a non-finite value or a coordinate beyond ±1e6).
  Vector stepPath();
  // Points as [x0, y0, x1, y1, …] and the loss at each point (starting point first).
  const std::vector<double>& pathPoints() const { return points_; }
  const std::vector<double>& pathLosses() const { return losses_; }
  bool diverged() const { return diverged_; }
  bool started() const { return started_; }

 private:
  // value() and gradient() without the door check, for the path and the grid.
  double valueAt(double x, double y) const;
  Vector gradientAt(double x, double y) const;

  SurfaceKind kind_ = SurfaceKind::Bowl;
  Optimizer optimizer_;
  double noiseSd_ = 0.0;
  std::uint32_t noiseSeed_ = 0;
  Rng noiseRng_;
  Vector theta_ = Vector::Zero(2);
  std::vector<double> points_, losses_;
  bool started_ = false, diverged_ = false;
};

}  // namespace dw
