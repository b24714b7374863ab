#include "dw/datasets.hpp"

#include <cmath>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr int kMaxDatasetPoints = 100000;

void checkCommon(const char* where, int n, double noise) {
  requireIntInRange(n, 1, kMaxDatasetPoints, where, "n");
  requireInRange(noise, 0.0, 100.0, where, "noise");
}

Dataset allocate(int n, int d) { return Dataset{Matrix(n, d), Vector(n)}; }
}  // namespace

Dataset makeLinear(int n, double slope, double intercept, double noise, std::uint32_t seed,
                   double xMin, double xMax) {
  const char* where = "makeLinear";
  checkCommon(where, n, noise);
  requireInRange(slope, -1e6, 1e6, where, "slope");
  requireInRange(intercept, -1e6, 1e6, where, "intercept");
  requireInRange(xMin, -1e6, 1e6, where, "xMin");
  requireInRange(xMax, xMin, 1e6, where, "xMax");
  Rng rng(seed);
  Dataset d = allocate(n, 1);
  for (int i = 0; i < n; ++i) {
    double x = rng.uniform(xMin, xMax);
    d.X(i, 0) = x;
    d.y(i) = slope * x + intercept + noise * rng.normal();
  }
  return d;
}

Dataset makeNoisySin(int n, double noise, std::uint32_t seed) {
  checkCommon("makeNoisySin", n, noise);
  Rng rng(seed);
  Dataset d = allocate(n, 1);
  for (int i = 0; i < n; ++i) {
    double x = n == 1 ? 0.0 : 2.0 * detmath::kPi * i / (n - 1);
    d.X(i, 0) = x;
    d.y(i) = detmath::sin(x) + (noise > 0 ? noise * rng.normal() : 0.0);
  }
  return d;
}

Dataset makeBlobs(int n, int classes, double spread, std::uint32_t seed) {
  const char* where = "makeBlobs";
  checkCommon(where, n, spread);
  requireIntInRange(classes, 1, 8, where, "classes");
  Rng rng(seed);
  Dataset d = allocate(n, 2);
  for (int i = 0; i < n; ++i) {
    int c = i % classes;
    double angle = 2.0 * detmath::kPi * c / classes + detmath::kPi / 4;
    double cx = classes == 1 ? 0.0 : 2.5 * detmath::cos(angle);
    double cy = classes == 1 ? 0.0 : 2.5 * detmath::sin(angle);
    d.X(i, 0) = cx + spread * rng.normal();
    d.X(i, 1) = cy + spread * rng.normal();
    d.y(i) = c;
  }
  return d;
}

Dataset makeMoons(int n, double noise, std::uint32_t seed) {
  checkCommon("makeMoons", n, noise);
  Rng rng(seed);
  Dataset d = allocate(n, 2);
  int upper = (n + 1) / 2;
  for (int i = 0; i < n; ++i) {
    bool isUpper = i < upper;
    int k = isUpper ? i : i - upper;
    int m = isUpper ? upper : n - upper;
    double t = m == 1 ? 0.0 : detmath::kPi * k / (m - 1);
    double x = isUpper ? detmath::cos(t) : 1.0 - detmath::cos(t);
    double y = isUpper ? detmath::sin(t) : 0.5 - detmath::sin(t);
    d.X(i, 0) = x + noise * rng.normal();
    d.X(i, 1) = y + noise * rng.normal();
    d.y(i) = isUpper ? 0 : 1;
  }
  return d;
}

Dataset makeCircles(int n, double noise, double factor, std::uint32_t seed) {
  checkCommon("makeCircles", n, noise);
  requireInOpenClosed(factor, 0.0, 0.99, "makeCircles", "factor");
  Rng rng(seed);
  Dataset d = allocate(n, 2);
  for (int i = 0; i < n; ++i) {
    bool inner = i % 2 == 1;
    double t = 2.0 * detmath::kPi * rng.uniform();
    double r = inner ? factor : 1.0;
    d.X(i, 0) = r * detmath::cos(t) + noise * rng.normal();
    d.X(i, 1) = r * detmath::sin(t) + noise * rng.normal();
    d.y(i) = inner ? 1 : 0;
  }
  return d;
}

Dataset makeXor(int n, double noise, std::uint32_t seed) {
  checkCommon("makeXor", n, noise);
  Rng rng(seed);
  Dataset d = allocate(n, 2);
  for (int i = 0; i < n; ++i) {
    // Keep points a little away from the axes so the true label is unambiguous.
    double x = rng.uniform(0.05, 1.0) * (rng.uniform() < 0.5 ? -1 : 1);
    double y = rng.uniform(0.05, 1.0) * (rng.uniform() < 0.5 ? -1 : 1);
    d.y(i) = x * y > 0 ? 1 : 0;
    d.X(i, 0) = x + noise * rng.normal();
    d.X(i, 1) = y + noise * rng.normal();
  }
  return d;
}

Dataset makeSpiral(int n, double noise, std::uint32_t seed) {
  checkCommon("makeSpiral", n, noise);
  Rng rng(seed);
  Dataset d = allocate(n, 2);
  int half = (n + 1) / 2;
  for (int i = 0; i < n; ++i) {
    int cls = i < half ? 0 : 1;
    int k = cls == 0 ? i : i - half;
    int m = cls == 0 ? half : n - half;
    double r = m == 1 ? 0.0 : 1.0 * k / m;  // radius grows along the arm, max < 1
    double t = 1.75 * r * 2.0 * detmath::kPi + cls * detmath::kPi;
    d.X(i, 0) = r * detmath::sin(t) + noise * rng.normal();
    d.X(i, 1) = r * detmath::cos(t) + noise * rng.normal();
    d.y(i) = cls;
  }
  return d;
}

namespace {
constexpr double kSquare = 6.0;  // the regression sets live on [-kSquare, kSquare]²

// Shared sampler of the two regression sets: uniform positions, target read at the jittered
// position. Two normals are drawn per point whatever the noise, so a seed's positions stay put
// when the noise changes.
template <class Target>
Dataset regressionSquare(const char* where, int n, double noise, std::uint32_t seed, Target target) {
  requireIntInRange(n, 1, kMaxDatasetPoints, where, "n");
  requireInRange(noise, 0.0, 1.0, where, "noise");
  // Standard deviation of U(-6, 6)·noise is 6·noise/√3: the Gaussian jitter matches its spread.
  const double jitter = noise * kSquare / std::sqrt(3.0);
  Rng rng(seed);
  Dataset d = allocate(n, 2);
  for (int i = 0; i < n; ++i) {
    double x1 = rng.uniform(-kSquare, kSquare);
    double x2 = rng.uniform(-kSquare, kSquare);
    double e1 = jitter * rng.normal();
    double e2 = jitter * rng.normal();
    d.X(i, 0) = x1;
    d.X(i, 1) = x2;
    d.y(i) = target(x1 + e1, x2 + e2);
  }
  return d;
}
}  // namespace

// TF Playground maps x₁ + x₂ from [-10, 10] linearly onto [-1, 1] (unclamped): (x₁ + x₂)/10.
double planeTarget(double x1, double x2) { return (x1 + x2) / 10.0; }

double multiGaussianTarget(double x1, double x2) {
  // Centre (cx, cy) and sign of each bump: a 3×2 checkerboard.
  static const double bumps[6][3] = {{-4, 2.5, 1},  {0, 2.5, -1}, {4, 2.5, 1},
                                     {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double best = 0.0;
  for (const auto& b : bumps) {
    double dx = x1 - b[0], dy = x2 - b[1];
    double height = 1.0 - std::sqrt(dx * dx + dy * dy) / 2.0;  // 1 at the centre, 0 at distance 2
    double value = height > 0.0 ? b[2] * height : 0.0;
    if (std::fabs(value) > std::fabs(best)) best = value;  // the strongest bump wins
  }
  return best;
}

Dataset makePlane(int n, double noise, std::uint32_t seed) {
  return regressionSquare("makePlane", n, noise, seed, planeTarget);
}

Dataset makeMultiGaussian(int n, double noise, std::uint32_t seed) {
  return regressionSquare("makeMultiGaussian", n, noise, seed, multiGaussianTarget);
}

std::vector<std::string> houseColumns() { return {"size_m2", "bedrooms", "owner_shoe_size"}; }

Dataset houseTable() {
  // Six houses. Price ≈ 2.5·size + 12·bedrooms + small noise; shoe size is unrelated.
  static const double rows[6][4] = {
      {50, 1, 38, 138}, {70, 2, 44, 201}, {85, 2, 41, 236},
      {100, 3, 39, 287}, {120, 3, 45, 334}, {150, 4, 42, 423},
  };
  Dataset d = allocate(6, 3);
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 3; ++j) d.X(i, j) = rows[i][j];
    d.y(i) = rows[i][3];
  }
  return d;
}

void Standardizer::fit(const Matrix& X) {
  if (X.rows() == 0 || X.cols() == 0) throw ShapeError("Standardizer.fit: the data is empty");
  requireFinite(X, "Standardizer.fit", "X");
  mean = X.colwise().mean().transpose();
  scale = ((X.rowwise() - mean.transpose()).array().square().colwise().mean()).sqrt().transpose();
  for (Index j = 0; j < scale.size(); ++j)
    if (scale(j) == 0.0) scale(j) = 1.0;  // a constant column stays centred rather than NaN
}

Matrix Standardizer::transform(const Matrix& X) const {
  requireColumns(X, mean.size(), "Standardizer.transform");
  return ((X.rowwise() - mean.transpose()).array().rowwise() / scale.transpose().array()).matrix();
}

Matrix Standardizer::inverseTransform(const Matrix& Z) const {
  requireColumns(Z, mean.size(), "Standardizer.inverseTransform");
  return ((Z.array().rowwise() * scale.transpose().array()).rowwise() + mean.transpose().array())
      .matrix();
}

SplitIndices trainValidationTestSplit(int n, double validationFraction, double testFraction,
                                      std::uint32_t seed) {
  const char* where = "trainValidationTestSplit";
  requireIntInRange(n, 1, kMaxDatasetPoints, where, "n");
  requireInRange(validationFraction, 0.0, 0.9, where, "validationFraction");
  requireInRange(testFraction, 0.0, 0.9, where, "testFraction");
  if (validationFraction + testFraction >= 1.0)
    throw InvalidArgument(std::string(where) + ": validationFraction + testFraction must be below 1");
  Rng rng(seed);
  std::vector<int> order = rng.permutation(n);
  int nTest = static_cast<int>(std::lround(testFraction * n));
  int nVal = static_cast<int>(std::lround(validationFraction * n));
  if (nTest + nVal >= n) throw ShapeError(std::string(where) + ": too few points to keep any for training");
  SplitIndices s;
  s.test.assign(order.begin(), order.begin() + nTest);
  s.validation.assign(order.begin() + nTest, order.begin() + nTest + nVal);
  s.train.assign(order.begin() + nTest + nVal, order.end());
  return s;
}

Dataset takeRows(const Dataset& d, const std::vector<int>& rows) {
  Dataset out = allocate(static_cast<int>(rows.size()), static_cast<int>(d.X.cols()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] < 0 || rows[i] >= d.X.rows()) throw ShapeError("takeRows: row index out of range");
    out.X.row(static_cast<Index>(i)) = d.X.row(rows[i]);
    out.y(static_cast<Index>(i)) = d.y(rows[i]);
  }
  return out;
}

}  // namespace dw
