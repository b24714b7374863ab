// The training tricks of deep nets as small functions any trainer can call: learning-rate
// schedules, gradient clipping by the global norm, weight-initialisation scales and a batch
// normalisation layer (forward in training and inference mode, and its backward pass).
// dw::DeepNet (dw/deep_net.hpp) puts them together; tests/native/test_training_tricks.cpp checks
// each against hand-computed values and finite differences.
#pragma once
#include <string>
#include <vector>

#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

// ---------------------------------------------------------------- learning-rate schedules

enum class ScheduleKind { Constant, Step, Exponential, Cosine };

// "constant", "step", "exponential", "cosine" (case-insensitive); anything else throws
// InvalidArgument naming `where`.
ScheduleKind scheduleKindFromName(const std::string& name, const char* where);
const char* scheduleKindName(ScheduleKind k);

// η(t) for update t = 0, 1, 2, … from the base rate η₀:
//   constant     η₀
//   step         η₀ · γ^⌊t / T⌋              (multiply by γ every T updates)
//   exponential  η₀ · γ^(t / T)              (the same decay, spread smoothly over each period)
//   cosine       η_min + ½(η₀ − η_min)(1 + cos(π t / T)) for t ≤ T, then η_min
// A linear warm-up of W updates comes first: η(t) = η₀ · (t + 1)/W for t < W, and the schedule
// above then runs on the clock t − W.
struct LearningRateSchedule {
  ScheduleKind kind = ScheduleKind::Constant;
  double base = 0.1;     // η₀ in (0, 10]
  double gamma = 0.5;    // γ in (0, 1] for step and exponential
  int period = 100;      // T ≥ 1 updates (the decay period, or the cosine's length)
  double minimum = 0.0;  // η_min in [0, η₀] for cosine
  int warmup = 0;        // W ≥ 0 warm-up updates

  // Throws InvalidArgument naming `where` and the first setting out of range.
  void validate(const char* where) const;
  double rate(long long t) const;
};
// The checked form for callers outside a trainer (the JS API): validates s and t (a whole number
// 0 … 10⁹), naming `where`, then returns s.rate(t).
double scheduleRateAt(const LearningRateSchedule& s, double t, const char* where);

// ---------------------------------------------------------------- gradient clipping

// ‖g‖₂ over every entry of g (all layers' gradients as one flat vector).
double globalNorm(const Vector& g);
// If ‖g‖ > maxNorm, scales g by maxNorm/‖g‖ so its norm becomes exactly maxNorm (its direction
// is kept); otherwise leaves it. Returns the norm before clipping. maxNorm must be > 0.
double clipByGlobalNorm(Vector& g, double maxNorm);
// The checked form for callers outside a trainer (the JS API): every entry of g must be finite
// (a trainer instead lets a non-finite gradient through so divergence is reported as a state).
struct ClippedGradient {
  Vector gradient;  // g after clipping
  double norm = 0;  // ‖g‖ before clipping
};
ClippedGradient clipGradient(const Vector& g, double maxNorm);

// ---------------------------------------------------------------- weight initialisation

// small   N(0, 0.01²) whatever the layer (a common beginner's choice; signals shrink layer by layer)
// large   N(0, 1) whatever the layer (signals grow or saturate)
// xavier  N(0, 2/(fan_in + fan_out))  (Glorot and Bengio 2010; keeps tanh layers' variance)
// he      N(0, 2/fan_in)              (He et al. 2015; keeps ReLU layers' variance)
enum class InitKind { Small, Large, Xavier, He };
InitKind initKindFromName(const std::string& name, const char* where);
const char* initKindName(InitKind k);
// The variance s² of every weight of a layer with fanIn inputs and fanOut outputs (each 1 … 10⁶).
double initVariance(InitKind k, int fanIn, int fanOut);
// A fanIn × fanOut matrix of independent draws N(0, initVariance(k, fanIn, fanOut)).
Matrix initWeights(InitKind k, int fanIn, int fanOut, Rng& rng);

// ---------------------------------------------------------------- batch normalisation

// Batch normalisation (Ioffe and Szegedy 2015) of a block Z (rows = points, columns = units):
// each column is standardised, x̂ = (z − μ)/√(s² + ε), then scaled and shifted, y = γ x̂ + β.
// In training mode μ and s² are the batch's own mean and (population) variance; in inference
// mode they are the running averages kept during training.
constexpr double kBatchNormEpsilon = 1e-5;
// Running averages: r ← (1 − α) r + α · (batch value), α = 0.1.
constexpr double kBatchNormMomentum = 0.1;

struct BatchNormCache {
  Matrix xhat;                // the standardised block
  Eigen::RowVectorXd invStd;  // 1/√(s² + ε) per column
};

// Training mode: Y from Z with the batch statistics; the batch mean and variance are written to
// mean and variance, and what backward needs to cache (when given). Z needs at least one row.
void batchNormTrain(const Matrix& Z, const Eigen::RowVectorXd& gamma, const Eigen::RowVectorXd& beta, Matrix& Y,
                    Eigen::RowVectorXd& mean, Eigen::RowVectorXd& variance, BatchNormCache* cache);
// Inference mode: the same map with given (running) statistics.
void batchNormInfer(const Matrix& Z, const Eigen::RowVectorXd& gamma, const Eigen::RowVectorXd& beta,
                    const Eigen::RowVectorXd& mean, const Eigen::RowVectorXd& variance, Matrix& Y);
// Backward through training mode: given ∂L/∂Y, returns ∂L/∂Z (the batch statistics depend on
// every row, so each row's gradient involves the whole batch) and ∂L/∂γ, ∂L/∂β:
//   ∂L/∂β = Σᵢ ∂L/∂yᵢ,  ∂L/∂γ = Σᵢ ∂L/∂yᵢ x̂ᵢ,
//   ∂L/∂zᵢ = (γ/√(s² + ε)) · (gᵢ − mean(g) − x̂ᵢ · mean(g ⊙ x̂)),  g = ∂L/∂Y.
// One unit's values over a batch, in training mode (the worked example of the lesson): values
// non-empty and finite, γ and β within ±1e6; returns y = γ x̂ + β with the batch mean and variance.
struct BatchNormOfValues {
  Vector values;
  double mean = 0, variance = 0;
};
BatchNormOfValues batchNormValues(const Vector& z, double gamma, double beta);
Matrix batchNormBackward(const Matrix& dY, const Eigen::RowVectorXd& gamma, const BatchNormCache& cache,
                         Eigen::RowVectorXd& dGamma, Eigen::RowVectorXd& dBeta);

}  // namespace dw
