// The bias–variance decomposition by simulation. A known function f, noise σ: draw R fresh
// training sets {xᵢ ~ U[xMin, xMax], yᵢ = f(xᵢ) + σεᵢ}, refit ONE model instance on each
// (setData, reset(seed), fit), and at every x of a test grid compare the R predictions:
//   mean ŷ(x) = (1/R) Σ_r ŷ_r(x),  bias²(x) = (mean ŷ(x) − f(x))²,
//   variance(x) = (1/R) Σ_r (ŷ_r(x) − mean ŷ(x))²,  noise = σ².
// For squared error E[(ŷ − y)²] = bias² + variance + σ² at each x (y a fresh noisy target);
// the result also carries that expectation estimated directly, so the identity can be seen.
#pragma once
#include <cstdint>
#include <functional>

#include "dw/model.hpp"

namespace dw {

struct BiasVarianceOptions {
  double xMin = 0.0;
  double xMax = 6.283185307179586;  // 2π
  double noise = 0.3;               // σ, standard deviation of the target noise
  int sampleSize = 30;              // points per training set
  int refits = 100;                 // R
  int gridSize = 50;                // test points, evenly spaced over [xMin, xMax]
  std::uint32_t seed = 0;
  int maxSteps = 1000;              // fit(maxSteps) per refit
  // false: fresh x ~ U[xMin, xMax] for every training set (the spread then also reflects which
  // x were drawn). true: the same evenly spaced x every time, only the noise is redrawn (the
  // textbook fixed-design setting, where a least-squares fit's variance is exactly ∝ σ²).
  bool fixedX = false;
};

struct BiasVarianceResult {
  Vector x, truth;             // the grid and f on it
  Vector meanPrediction, bias2, variance;
  double noiseVariance = 0;    // σ²
  Matrix predictions;          // R × grid: every refit's curve (for the spread drawing)
  Vector expectedError;        // Monte Carlo E[(ŷ − y)²] per grid x, y = f(x) + fresh noise
  // Averages over the grid.
  double meanBias2 = 0, meanVariance = 0, meanExpectedError = 0;
};

// f defaults to sin (computed with detmath so native and WASM draw identical data).
using TargetFunction = std::function<double(double)>;
BiasVarianceResult biasVariance(Model& model, const TargetFunction& f, const BiasVarianceOptions& options);

}  // namespace dw
