#include "dw/optimizer_surface.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/model.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
// The bowl is the mean squared error of the line ŷ = w·x + b on this fixed small data set
// (exactly y = 2x + 1 plus a little fixed noise), seen as a function of (w, b).
constexpr int kBowlN = 6;
constexpr double kBowlX[kBowlN] = {-1.0, -0.2, 0.5, 1.0, 1.8, 2.5};
constexpr double kBowlY[kBowlN] = {-1.1, 0.7, 1.9, 3.2, 4.5, 6.1};
constexpr std::size_t kMaxPathPoints = 2'000'000;  // beyond this, steps continue unrecorded
}  // namespace

SurfaceKind surfaceKindFromName(const std::string& name, const char* where) {
  const std::string n = lowerCase(name);
  if (n == "bowl") return SurfaceKind::Bowl;
  if (n == "ravine") return SurfaceKind::Ravine;
  if (n == "rosenbrock") return SurfaceKind::Rosenbrock;
  if (n == "saddle") return SurfaceKind::Saddle;
  throw InvalidArgument(std::string(where) + ": function='" + name + "' is not one of bowl, ravine, rosenbrock, saddle");
}

const char* surfaceKindName(SurfaceKind k) {
  switch (k) {
    case SurfaceKind::Bowl: return "bowl";
    case SurfaceKind::Ravine: return "ravine";
    case SurfaceKind::Rosenbrock: return "rosenbrock";
    case SurfaceKind::Saddle: return "saddle";
  }
  return "unknown";
}

void OptimizerSurface::setFunction(SurfaceKind k) {
  kind_ = k;
  started_ = diverged_ = false;
  points_.clear();
  losses_.clear();
}

SurfaceInfo OptimizerSurface::info() const {
  switch (kind_) {
    case SurfaceKind::Bowl: {
      // Minimum = the least-squares line, from the normal equations of the 6 points.
      double sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (int i = 0; i < kBowlN; ++i) {
        sx += kBowlX[i]; sy += kBowlY[i]; sxx += kBowlX[i] * kBowlX[i]; sxy += kBowlX[i] * kBowlY[i];
      }
      double w = (kBowlN * sxy - sx * sy) / (kBowlN * sxx - sx * sx), b = (sy - w * sx) / kBowlN;
      return {-2.0, 6.0, -3.0, 5.0, -1.5, 4.5, w, b, valueAt(w, b)};
    }
    case SurfaceKind::Ravine: return {-10.0, 10.0, -3.0, 3.0, -9.0, 2.0, 0.0, 0.0, 0.0};
    case SurfaceKind::Rosenbrock: return {-2.0, 2.0, -1.0, 3.0, -1.5, 2.0, 1.0, 1.0, 0.0};
    case SurfaceKind::Saddle: return {-2.0, 2.0, -2.0, 2.0, -1.5, 0.0, 0.0, 1.0, -0.25};
  }
  return {};
}

double OptimizerSurface::value(double x, double y) const {
  requireInRange(x, -1e6, 1e6, "OptimizerSurface.value", "x");
  requireInRange(y, -1e6, 1e6, "OptimizerSurface.value", "y");
  return valueAt(x, y);
}

Vector OptimizerSurface::gradient(double x, double y) const {
  requireInRange(x, -1e6, 1e6, "OptimizerSurface.gradient", "x");
  requireInRange(y, -1e6, 1e6, "OptimizerSurface.gradient", "y");
  return gradientAt(x, y);
}

double OptimizerSurface::valueAt(double x, double y) const {
  switch (kind_) {
    case SurfaceKind::Bowl: {
      // f(w, b) = (1/n) Σ (w x_i + b − y_i)².
      double s = 0;
      for (int i = 0; i < kBowlN; ++i) {
        double e = x * kBowlX[i] + y - kBowlY[i];
        s += e * e;
      }
      return s / kBowlN;
    }
    case SurfaceKind::Ravine:
      // An elongated quadratic valley, curvature 50× steeper across (y) than along (x):
      // f = x²/20 + 2.5 y², condition number 50.
      return x * x / 20.0 + 2.5 * y * y;
    case SurfaceKind::Rosenbrock:
      // Rosenbrock (1960): f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1).
      return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    case SurfaceKind::Saddle:
      // A saddle at the origin between two minima (0, ±1): f = x² + y⁴/4 − y²/2.
      return x * x + 0.25 * y * y * y * y - 0.5 * y * y;
  }
  return 0;
}

Vector OptimizerSurface::gradientAt(double x, double y) const {
  Vector g(2);
  switch (kind_) {
    case SurfaceKind::Bowl: {
      // ∂f/∂w = (2/n) Σ e_i x_i,  ∂f/∂b = (2/n) Σ e_i.
      double gw = 0, gb = 0;
      for (int i = 0; i < kBowlN; ++i) {
        double e = x * kBowlX[i] + y - kBowlY[i];
        gw += e * kBowlX[i];
        gb += e;
      }
      g << 2 * gw / kBowlN, 2 * gb / kBowlN;
      break;
    }
    case SurfaceKind::Ravine: g << x / 10.0, 5.0 * y; break;
    // ∂/∂x = −2(1 − x) − 400 x (y − x²),  ∂/∂y = 200 (y − x²).
    case SurfaceKind::Rosenbrock: g << -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x); break;
    case SurfaceKind::Saddle: g << 2 * x, y * y * y - y; break;
  }
  return g;
}

Vector OptimizerSurface::grid(double x0, double x1, double y0, double y1, int nx, int ny) const {
  const char* where = "OptimizerSurface.grid";
  for (double v : {x0, x1, y0, y1}) requireInRange(v, -1e6, 1e6, where, "bound");
  GridAxes axes = gridAxes(x0, x1, y0, y1, nx, ny, where);
  Vector out(static_cast<Index>(nx) * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) out(static_cast<Index>(j) * nx + i) = valueAt(axes.xs(i), axes.ys(j));
  return out;
}

void OptimizerSurface::setNoise(double sd, std::uint32_t seed) {
  requireInRange(sd, 0.0, 1e3, "OptimizerSurface.setNoise", "sd");
  noiseSd_ = sd;
  noiseSeed_ = seed;
}

void OptimizerSurface::startPath(double x, double y, OptimizerKind kind, double learningRate) {
  const char* where = "OptimizerSurface.startPath";
  requireInRange(x, -1e6, 1e6, where, "x");
  requireInRange(y, -1e6, 1e6, where, "y");
  optimizer_.setLearningRate(learningRate);
  optimizer_.setKind(kind);
  optimizer_.reset(2);
  noiseRng_ = Rng(noiseSeed_);
  theta_ << x, y;
  points_.assign({x, y});
  losses_.assign({valueAt(x, y)});
  started_ = true;
  diverged_ = false;
}

Vector OptimizerSurface::stepPath() {
  const char* where = "OptimizerSurface.stepPath";
  if (!started_) throw StateError(std::string(where) + ": no path yet; call startPath(x, y, optimizer, learningRate) first");
  if (diverged_)
    throw StateError(std::string(where) + ": the path has diverged; call startPath again with a smaller learning rate");
  Vector g = gradientAt(theta_(0), theta_(1));
  if (noiseSd_ > 0) {
    g(0) += noiseSd_ * noiseRng_.normal();
    g(1) += noiseSd_ * noiseRng_.normal();
  }
  optimizer_.update(theta_, g);
  double f = valueAt(theta_(0), theta_(1));
  if (!std::isfinite(f) || !theta_.allFinite() || theta_.cwiseAbs().maxCoeff() > 1e6) diverged_ = true;
  if (points_.size() < 2 * kMaxPathPoints) {
    points_.push_back(theta_(0));
    points_.push_back(theta_(1));
    losses_.push_back(f);
  }
  return theta_;
}

}  // namespace dw
