// Data generators: plain functions (size, noise, seed) → points, as TensorFlow Playground
// does. Every one is deterministic for a seed and bit-identical on native and WASM (they draw
// through dw::Rng and dw::detmath only). Class labels are 0, 1, 2, … stored as doubles.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/types.hpp"

namespace dw {

struct Dataset {
  Matrix X;  // one row per point
  Vector y;  // target value or class label
};

// y = slope·x + intercept + N(0, noise²), x uniform on [xMin, xMax].
Dataset makeLinear(int n, double slope, double intercept, double noise, std::uint32_t seed,
                   double xMin = 0.0, double xMax = 10.0);
// y = sin(x) + N(0, noise²) on n evenly spaced x in [0, 2π] (seed 000's experiment).
// With noise = 0 it gives the clean test curve.
Dataset makeNoisySin(int n, double noise, std::uint32_t seed);
// `classes` Gaussian blobs (up to 8) with centres on a circle of radius 2.5 and the given spread.
Dataset makeBlobs(int n, int classes, double spread, std::uint32_t seed);
// Two interleaving half circles (scikit-learn's make_moons geometry), label 0 upper, 1 lower.
Dataset makeMoons(int n, double noise, std::uint32_t seed);
// Inner disc (label 1) inside an outer ring (label 0), ring radius 1, inner radius `factor`.
Dataset makeCircles(int n, double noise, double factor, std::uint32_t seed);
// Points uniform in [-1, 1]²; label 1 when x₁·x₂ > 0 (same-sign quadrants), noise jitters points.
Dataset makeXor(int n, double noise, std::uint32_t seed);
// Two interleaved spiral arms, one per class.
Dataset makeSpiral(int n, double noise, std::uint32_t seed);

// Regression sets of TensorFlow Playground, on the square [-6, 6]². Points are uniform there;
// the target is read off at the point moved by a Gaussian jitter of standard deviation
// noise·6/√3 per coordinate (the spread of TF Playground's uniform jitter U(-6, 6)·noise), so
// noise is a fraction of the square's half-width, 0 … 1 (TF Playground's slider stops at 0.5).
// The positions drawn for a seed do not depend on the noise.
// Plane: target (x₁ + x₂)/10, so it runs from -1.2 to 1.2 over the square.
Dataset makePlane(int n, double noise, std::uint32_t seed);
double planeTarget(double x1, double x2);
// Multi-Gaussian: six signed bumps at (±4 or 0, ±2.5) in a checkerboard of signs; each bump is
// a cone s·max(0, 1 - d/2) of radius 2 around its centre (TF Playground's "Gaussians"), and the
// target is the bump with the largest magnitude there (0 between the bumps), within [-1, 1].
Dataset makeMultiGaussian(int n, double noise, std::uint32_t seed);
double multiGaussianTarget(double x1, double x2);

// Six small houses in the spirit of the course's tiny house table (the course's own three are
// added beside them by the house-table widget): columns size (m²), bedrooms, owner's shoe size
// (EU); y is the price in thousands. The shoe-size column is unrelated to price by construction.
Dataset houseTable();
std::vector<std::string> houseColumns();

// Column-wise standardisation learnt on one matrix and applied to others.
struct Standardizer {
  Vector mean;
  Vector scale;  // standard deviation, 1 where a column is constant
  void fit(const Matrix& X);
  Matrix transform(const Matrix& X) const;
  Matrix inverseTransform(const Matrix& Z) const;
};

// A seeded random split into train/validation/test index sets (fractions of the rows).
struct SplitIndices {
  std::vector<int> train, validation, test;
};
SplitIndices trainValidationTestSplit(int n, double validationFraction, double testFraction,
                                      std::uint32_t seed);
// Rows of X/y picked by `rows`, in that order.
Dataset takeRows(const Dataset& d, const std::vector<int>& rows);

}  // namespace dw
