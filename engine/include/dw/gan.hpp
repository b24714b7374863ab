// A generative adversarial network on 2-D points (Goodfellow et al. 2014, "Generative Adversarial
// Nets"): a generator G maps noise z ∈ [−1, 1]^dz (dz = 1 or 2) to a point in the plane, a
// discriminator D maps a point to the probability that it is real. They are trained in turns:
// k discriminator updates, then g generator updates, per round (step()).
//
//   discriminator loss  L_D = −(1/m) Σ log D(x_i) − (1/m) Σ log(1 − D(G(z_j)))
//   generator loss      L_G = −(1/m) Σ log D(G(z_j))        (the "non-saturating" form)
//
// Both nets are small fully connected nets with tanh hidden layers and a linear output layer
// (D's output is a logit a, D = σ(a)); they are written here, self-contained, so every gradient
// is in this file and checked by finite differences in tests/native/gan_test.cpp.
// Everything random (real points, initial weights, noise, minibatches) comes from one dw::Rng
// seeded by reset(seed), so a seed gives the same run natively and in WASM.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/model.hpp"  // Status, Trace
#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

// A fully connected net: `layers` tanh hidden layers of `width` units, then a linear layer.
// Parameters, flat: for each layer in order, its weights W (inputs × outputs, row-major: the
// weight from input i to unit j at i·outputs + j), then its biases (one per unit).
class DenseNet {
 public:
  void configure(int inputs, int layers, int width, int outputs);
  // Xavier-uniform weights, limit √(6 / (fan_in + fan_out)); zero biases.
  void initialise(Rng& rng);
  int inputs() const { return inputs_; }
  int outputs() const { return outputs_; }
  Index parameterCount() const;
  Vector params() const;
  void setParams(const Vector& p);  // length must be parameterCount() (checked by the caller)

  // Activations of every layer for a batch (rows = samples); [0] is X, back() the output.
  std::vector<Matrix> forward(const Matrix& X) const;
  Matrix output(const Matrix& X) const { return forward(X).back(); }
  // Backpropagation: given ∂L/∂output (rows × outputs) and the activations from forward(),
  // returns ∂L/∂input and, if `grad` is not null, writes ∂L/∂θ (flat, same order as params()).
  Matrix backward(const std::vector<Matrix>& acts, const Matrix& dOut, Vector* grad) const;

 private:
  int inputs_ = 0;
  int outputs_ = 0;
  std::vector<Matrix> weights_;              // inputs × outputs per layer
  std::vector<Eigen::RowVectorXd> biases_;   // one row per layer
};

// How well the generated points cover the target's modes (its components: the ring's eight
// Gaussians, the single Gaussian, each of the two moons, the one curve). A generated point is
// "on the data" when a real point lies within `radius` of it; it is then credited to that real
// point's component. A mode is covered when it receives at least a quarter of its fair share,
// 1/(4K) of all generated points.
struct GanCoverage {
  int modes = 0;
  int covered = 0;
  double onData = 0.0;          // fraction of generated points near some real point
  std::vector<double> shares;   // fraction of generated points credited to each mode
};

class Gan {
 public:
  Gan();  // defaults (see docs/engine-api/gan.md), already reset with seed 0

  // ---- settings (each checked; a change takes effect at the next reset(seed) unless noted) ----
  static std::vector<std::string> targetNames();  // ring, moons, curve, gaussian
  void setTarget(const std::string& name);
  const std::string& target() const { return target_; }
  void setRealCount(int n);                       // [16, 2000] real points
  // Own real points instead of a named target (rows x, y: 16 to 2000 of them, every coordinate
  // finite and in [−100, 100]); the target becomes "custom", with one mode (realCount() stays
  // the count for named targets). Next reset(seed), like the other settings; setTarget(name)
  // goes back to a named one.
  void setRealPoints(const Matrix& points);
  int realCount() const { return realCount_; }
  void setNoiseDimension(int dz);                 // 1 or 2
  int noiseDimension() const { return noiseDim_; }
  void setGeneratorShape(int layers, int width);  // layers [0, 4], width [1, 64]
  void setDiscriminatorShape(int layers, int width);
  int generatorLayers() const { return genLayers_; }
  int generatorWidth() const { return genWidth_; }
  int discriminatorLayers() const { return discLayers_; }
  int discriminatorWidth() const { return discWidth_; }
  // Learning rates η_G and η_D in (0, 10]; take effect at once.
  void setLearningRates(double generator, double discriminator);
  double generatorLearningRate() const { return etaG_; }
  double discriminatorLearningRate() const { return etaD_; }
  void setDiscriminatorSteps(int k);              // [1, 50], at once
  void setGeneratorSteps(int g);                  // [1, 50], at once
  int discriminatorSteps() const { return k_; }
  int generatorSteps() const { return g_; }
  void setOptimizer(const std::string& name);     // "sgd" or "adam" (β₁ = 0.5, β₂ = 0.999); at once, moments cleared
  const std::string& optimizer() const { return optimizer_; }
  void setBatchSize(int m);                       // [1, 1024], at once
  int batchSize() const { return batch_; }
  void setTracing(bool on) { tracing_ = on; }
  bool tracing() const { return tracing_; }

  // Real points from the target, a fresh start for both nets, the evaluation noise, optimiser
  // state and the trace, all from `seed`.
  void reset(std::uint32_t seed);
  std::uint32_t seed() const { return seed_; }
  // One round: k discriminator updates, then g generator updates, each on a fresh minibatch of
  // m real points (drawn with replacement) and m noise vectors. Returns L_D on the round's last
  // discriminator minibatch after the updates (the trace holds the evaluation-set losses).
  // Throws StateError once the losses are no longer finite (status "diverged").
  double step();
  int fit(int rounds);  // [0, 10⁶] rounds; stops early on divergence; returns rounds taken
  int steps() const { return steps_; }
  Status status() const { return status_; }

  // ---- losses on the evaluation set: every real point and a fixed noise sample of the same size ----
  double discriminatorLoss() const;
  double generatorLoss() const;
  // ---- losses and gradients on given batches (rows are points / noise vectors) ----
  double discriminatorLossOn(const Matrix& real, const Matrix& noise) const;
  double generatorLossOn(const Matrix& noise) const;
  Vector discriminatorGradient(const Matrix& real, const Matrix& noise) const;  // ∂L_D/∂θ_D
  Vector generatorGradient(const Matrix& noise) const;                         // ∂L_G/∂θ_G

  Vector generatorParams() const { return gen_.params(); }
  Vector discriminatorParams() const { return disc_.params(); }
  void setGeneratorParams(const Vector& p);
  void setDiscriminatorParams(const Vector& p);

  // ---- what the widget draws ----
  const Matrix& realPoints() const { return real_; }
  const std::vector<int>& realComponents() const { return components_; }
  int modeCount() const { return modes_; }
  const Matrix& evaluationNoise() const { return evalNoise_; }
  Matrix generatedPoints() const { return generate(evalNoise_); }  // G of the evaluation noise
  Matrix generate(const Matrix& noise) const;
  Vector discriminate(const Matrix& points) const;  // D(x) per row
  // D at the centres of an nx × ny grid over [x0, x1] × [y0, y1]: cell (i, j) is sampled at
  // (x0 + (i + ½)·Δx, y0 + (j + ½)·Δy), x fastest, row 0 at the bottom.
  Vector discriminatorGrid(double x0, double x1, double y0, double y1, int nx, int ny) const;
  // The generator's movement field: −∂ℓ/∂x with ℓ(x) = −log D(x), the per-point generator loss,
  // i.e. the direction in which the discriminator pushes a fake at x. Rows (dx, dy).
  Matrix generatorFlow(const Matrix& points) const;
  GanCoverage coverage() const { return coverageOf(generatedPoints()); }
  GanCoverage coverageOf(const Matrix& generated) const;
  double coverageRadius() const { return radius_; }
  // One row per round (row 0 is the start): step, discriminatorLoss, generatorLoss.
  const Trace& trace() const { return trace_; }

 private:
  Matrix sampleNoise(int rows);
  void buildTarget();
  void clearMoments();
  void record();
  void update(DenseNet& net, std::vector<Vector>& moments, const Vector& grad, double eta, long long& t);
  void requireNoise(const Matrix& noise, const char* where) const;
  void requirePoints(const Matrix& points, const char* where) const;

  std::string target_ = "ring";
  int realCount_ = 400;
  int noiseDim_ = 2;
  int genLayers_ = 2, genWidth_ = 16;
  int discLayers_ = 2, discWidth_ = 16;
  double etaG_ = 0.01, etaD_ = 0.01;
  int k_ = 1, g_ = 1;
  std::string optimizer_ = "adam";
  int batch_ = 64;
  bool tracing_ = true;

  DenseNet gen_, disc_;
  Rng rng_;
  std::uint32_t seed_ = 0;
  Matrix real_;
  Matrix custom_;  // own real points (target "custom")
  std::vector<int> components_;
  int modes_ = 1;
  double radius_ = 0.2;
  Matrix evalNoise_;
  std::vector<Vector> genMoments_, discMoments_;  // Adam's m and v per net
  long long genT_ = 0, discT_ = 0;
  int steps_ = 0;
  Status status_ = Status::Ready;
  Trace trace_;
};

}  // namespace dw
