// MLP: the float32 heat-map fast path (predictGridFloat32), evaluated as the playground needs it
// every animation frame. Layout is structure-of-arrays: a block of grid cells is processed
// layer by layer, and each unit's values over the block are contiguous. A layer is then a
// sequence of `out += w · in` loops over cells and an activation is one branch-free loop, both of
// which the compiler turns into SIMD code (SSE natively, SIMD128 in WebAssembly), while a
// row-per-point matrix product with 2–16 columns leaves the vector units idle.
#include <algorithm>
#include <cmath>
#include <vector>

#include "dw/errors.hpp"
#include "dw/feature_transform.hpp"
#include "dw/mlp.hpp"
#include "dw/training_tricks.hpp"

namespace dw {

namespace {
constexpr Index kBlock = 512;  // cells per block: 16 units × 512 floats stays in L1/L2

// Written as a select rather than std::min/max so that every compiler if-converts it inside a
// vectorised loop.
inline float clampTo(float x, float lo, float hi) { return x < lo ? lo : (x > hi ? hi : x); }

// tanh x ≈ x·P(x²)/Q(x²): Lambert's continued fraction for tanh cut after ten terms (the
// integer coefficients 13749310575, 1964187225, … over 13749310575, 6547290750, …, scaled to
// P(0) = Q(0) = 1). Clamped at |x| = 7.9, where tanh is 1 − 3e-7; absolute error below 1e-6
// everywhere, with one division and no exponential.
inline float tanhFast(float x) {
  x = clampTo(x, -7.9f, 7.9f);
  const float t = x * x;
  float p = 7.273091851e-11f;
  p = p * t + 1.560078289e-07f;
  p = p * t + 4.914246529e-05f;
  p = p * t + 4.678362515e-03f;
  p = p * t + 1.428571492e-01f;
  p = p * t + 1.0f;
  float q = 4.800240649e-09f;
  q = q * t + 3.276164307e-06f;
  q = q * t + 5.503955763e-04f;
  q = q * t + 3.007518873e-02f;
  q = q * t + 4.761904776e-01f;
  q = q * t + 1.0f;
  return x * p / q;
}

// σ(z) = ½ + ½ tanh(z/2)
inline float sigmoidFast(float z) { return 0.5f + 0.5f * tanhFast(0.5f * z); }

void activate(Activation a, float* __restrict v) {
  constexpr Index n = kBlock;
  switch (a) {
    case Activation::ReLU:
      for (Index c = 0; c < n; ++c) v[c] = std::max(v[c], 0.0f);
      break;
    case Activation::LeakyReLU:
      for (Index c = 0; c < n; ++c) v[c] = v[c] > 0.0f ? v[c] : static_cast<float>(kLeakySlope) * v[c];
      break;
    case Activation::Tanh:
      for (Index c = 0; c < n; ++c) v[c] = tanhFast(v[c]);
      break;
    case Activation::Sigmoid:
      for (Index c = 0; c < n; ++c) v[c] = sigmoidFast(v[c]);
      break;
    case Activation::Linear: break;
    case Activation::GELU:  // exact GELU, z Φ(z); rare enough that the scalar erf is fine
      for (Index c = 0; c < n; ++c) v[c] = 0.5f * v[c] * (1.0f + std::erf(v[c] * 0.70710678f));
      break;
  }
}

// out[u][c] = b[u] + Σ_k W[k][u] · in[k][c] for one block of cells (W row-major in × units,
// as the parameters are stored). Cells go in groups of kLanes whose sums stay in registers
// while k runs, so each input value is loaded once per unit and no partial sum goes to memory.
constexpr int kLanes = 16;
void affine(const float* W, const float* b, int in, int units, const float* in_, float* out) {
  for (Index c0 = 0; c0 < kBlock; c0 += kLanes)
    for (int u = 0; u < units; ++u) {
      float acc[kLanes];
      for (int l = 0; l < kLanes; ++l) acc[l] = b[u];
      for (int k = 0; k < in; ++k) {
        const float w = W[static_cast<Index>(k) * units + u];
        const float* a = in_ + static_cast<Index>(k) * kBlock + c0;
        for (int l = 0; l < kLanes; ++l) acc[l] += w * a[l];
      }
      float* o = out + static_cast<Index>(u) * kBlock + c0;
      for (int l = 0; l < kLanes; ++l) o[l] = acc[l];
    }
}

// The network's inputs over the grid, per axis: every feature but x1·x2 depends on one
// coordinate only, so it is computed once per grid column or row (sin for 200 values instead of
// 40 000) by the same featureTransform the network trains with. Cell (i, j) then reads
// column i's or row j's value.
struct GridInputs {
  int nx = 0;
  std::vector<int> source;  // per input: 0 = depends on x, 1 = on y, 2 = x·y
  Matrix alongX, alongY;    // feature values for each grid column / row
  Vector xs, ys;

  // Input k's values for cells start … start+n−1 (row-major cells, x fastest) into dst.
  void fill(int k, Index start, Index n, float* dst) const {
    Index i = start % nx, j = start / nx;
    const int src = source[static_cast<std::size_t>(k)];
    for (Index c = 0; c < n; ++c) {
      dst[c] = static_cast<float>(src == 0 ? alongX(i, k) : src == 1 ? alongY(j, k) : xs(i) * ys(j));
      if (++i == nx) { i = 0; ++j; }
    }
  }
};

GridInputs gridInputsPerAxis(const std::vector<Feature>& features, const GridAxes& axes) {
  GridInputs g;
  g.nx = static_cast<int>(axes.xs.size());
  g.xs = axes.xs;
  g.ys = axes.ys;
  const std::vector<Feature> raw{Feature::X1, Feature::X2};
  const std::vector<Feature>& used = features.empty() ? raw : features;
  for (Feature f : used)
    g.source.push_back(f == Feature::X1TimesX2 ? 2
                       : (f == Feature::X1 || f == Feature::X1Squared || f == Feature::SinX1) ? 0 : 1);
  // Points (x_i, 0) and (0, y_j): only the coordinate a feature depends on matters.
  Matrix px = Matrix::Zero(axes.xs.size(), 2), py = Matrix::Zero(axes.ys.size(), 2);
  px.col(0) = axes.xs;
  py.col(1) = axes.ys;
  g.alongX = featureTransform(px, used, "MLP.predictGridFloat32");
  g.alongY = featureTransform(py, used, "MLP.predictGridFloat32");
  return g;
}
}  // namespace

Eigen::VectorXf Mlp::predictGridFloat32(double x0, double x1, double y0, double y1, int nx, int ny) const {
  return gridPassFloat32(x0, x1, y0, y1, nx, ny, "MLP.predictGridFloat32", nullptr);
}

Eigen::VectorXf Mlp::neuronGridFloat32(double x0, double x1, double y0, double y1, int nx, int ny) const {
  Eigen::VectorXf neurons;
  gridPassFloat32(x0, x1, y0, y1, nx, ny, "MLP.neuronGridFloat32", &neurons);
  return neurons;
}

Eigen::VectorXf Mlp::gridPassFloat32(double x0, double x1, double y0, double y1, int nx, int ny, const char* where,
                                     Eigen::VectorXf* neurons) const {
  requireData(where);
  if (featureCount_ != 2) throw ShapeError(std::string(where) + ": needs a model trained on 2 features");
  const GridInputs inputs = gridInputsPerAxis(features_, gridAxes(x0, x1, y0, y1, nx, ny, where));
  const Index cells = static_cast<Index>(nx) * ny;
  std::vector<Index> neuronStart;  // first neuron of each layer (inputs first) in `neurons`
  if (neurons) {
    Index count = 0;
    for (int s : layerSizes()) { neuronStart.push_back(count); count += s; }
    if (cells * count > 16'000'000)
      throw InvalidArgument(std::string(where) + ": " + std::to_string(cells) + " cells × " + std::to_string(count) +
                            " neurons is too many values; use a smaller grid");
    neurons->resize(cells * count);
  }
  // Batch normalisation at prediction time is an affine map per unit, so it folds into the
  // layer: with s = γ/√(σ²_run + ε), W's column u scales by s_u and b_u becomes
  // (b_u − μ_run,u)·s_u + β_u; the block loops below then run unchanged.
  Vector folded = theta_;
  for (int l = 0; l + 1 < layerCount() && batchNorm_; ++l) {
    const int in = unitsIn(l), units = unitsOut(l);
    const Index off = offsets_[static_cast<std::size_t>(l)];
    for (int u = 0; u < units; ++u) {
      const double sc = theta_(scaleOffset(l) + u) /
                        std::sqrt(runVar_[static_cast<std::size_t>(l)](u) + kBatchNormEpsilon);
      for (int k = 0; k < in; ++k) folded(off + static_cast<Index>(k) * units + u) *= sc;
      const Index bi = off + static_cast<Index>(in) * units + u;
      folded(bi) = (theta_(bi) - runMean_[static_cast<std::size_t>(l)](u)) * sc + theta_(scaleOffset(l) + units + u);
    }
  }
  const Eigen::VectorXf theta = folded.cast<float>();
  const bool binary = outputResolved_ == OutputKind::Sigmoid;
  const Index perCell = binary ? 2 : outputs_;
  Eigen::VectorXf result(neurons ? 0 : cells * perCell);

  int widest = inputs_;
  for (int l = 0; l < layerCount(); ++l) widest = std::max(widest, unitsOut(l));
  std::vector<float> bufA(static_cast<std::size_t>(widest) * kBlock), bufB(bufA.size());
  // Copies layer `layer`'s values for this block (units × kBlock, SoA) into the neuron-major
  // output, where each neuron's map is one contiguous run of `cells` values.
  auto keep = [&](int layer, const float* values, int units, Index start, Index n) {
    for (int u = 0; u < units; ++u)
      std::copy(values + static_cast<Index>(u) * kBlock, values + static_cast<Index>(u) * kBlock + n,
                neurons->data() + (neuronStart[static_cast<std::size_t>(layer)] + u) * cells + start);
  };
  for (Index start = 0; start < cells; start += kBlock) {
    const Index n = std::min(kBlock, cells - start);
    float* A = bufA.data();
    float* Z = bufB.data();
    // Every block is computed at full width (a short last block is padded with zeros) so
    // the loops above have a constant trip count, which compilers vectorise most readily.
    std::fill(A, A + static_cast<Index>(inputs_) * kBlock, 0.0f);
    for (int k = 0; k < inputs_; ++k) inputs.fill(k, start, n, A + static_cast<Index>(k) * kBlock);
    if (neurons) keep(0, A, inputs_, start, n);
    for (int l = 0; l < layerCount(); ++l) {
      const int in = unitsIn(l), units = unitsOut(l);
      const Index off = offsets_[static_cast<std::size_t>(l)];
      affine(theta.data() + off, theta.data() + off + static_cast<Index>(in) * units, in, units, A, Z);
      if (l + 1 < layerCount()) {
        for (int u = 0; u < units; ++u) activate(activations_[static_cast<std::size_t>(l)], Z + static_cast<Index>(u) * kBlock);
        if (neurons) keep(l + 1, Z, units, start, n);
      }
      std::swap(A, Z);
    }
    // A holds the output layer's pre-activations, unit by unit. predictGrid's layout: [1 − p, p]
    // per cell for a sigmoid output, the class probabilities for softmax. Neuron maps hold the
    // output units themselves (p for a sigmoid output).
    float* out = neurons ? nullptr : result.data() + start * perCell;
    if (binary) {
      for (Index c = 0; c < n; ++c) A[c] = sigmoidFast(A[c]);
      if (out)
        for (Index c = 0; c < n; ++c) { out[2 * c] = 1.0f - A[c]; out[2 * c + 1] = A[c]; }
    } else if (outputResolved_ == OutputKind::Softmax) {
      for (Index c = 0; c < n; ++c) {
        float m = A[c];
        for (int k = 1; k < outputs_; ++k) m = std::max(m, A[k * kBlock + c]);
        float sum = 0;
        for (int k = 0; k < outputs_; ++k) sum += (A[k * kBlock + c] = std::exp(A[k * kBlock + c] - m));
        for (int k = 0; k < outputs_; ++k) A[k * kBlock + c] /= sum;
      }
      if (out)
        for (Index c = 0; c < n; ++c)
          for (int k = 0; k < outputs_; ++k) out[c * perCell + k] = A[k * kBlock + c];
    } else if (out) {
      for (Index c = 0; c < n; ++c) out[c] = A[c];
    }
    if (neurons) keep(layerCount(), A, outputs_, start, n);
  }
  return result;
}

}  // namespace dw
