// Recurrent networks for next-value prediction: an Elman cell (tanh) or an LSTM cell with a
// linear readout, trained by backpropagation through time (full, or truncated every k steps)
// with gradient-norm clipping and any dw::Optimizer. The input at time t is one number x_t (the
// signal's value); the readout ŷ_t = w_y·h_t + b_y predicts the next value x_{t+1}.
//
//   Elman:  h_t = tanh(W_x x_t + W_h h_{t−1} + b)
//   LSTM:   [i f g o] = [σ σ tanh σ](W_x x_t + W_h h_{t−1} + b)      (four blocks of H rows)
//           c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
//
// Loss over a sequence of T steps: L = (1/T)·Σ_t (ŷ_t − y_t)² (mean squared error).
// Not a dw::Model (the data is one series, not rows of X), but the same rhythm: reset(seed),
// step() → loss, fit(maxSteps), status(), steps(), a trace and setTracing().
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/model.hpp"  // Status, Trace
#include "dw/optimizers.hpp"
#include "dw/rng.hpp"
#include "dw/types.hpp"

namespace dw {

enum class RecurrentCell { Rnn, Lstm };

// "rnn" (also "elman") or "lstm", case-insensitive; anything else throws InvalidArgument.
RecurrentCell recurrentCellFromName(const std::string& name, const char* where);
const char* recurrentCellName(RecurrentCell cell);

// A seeded signal to learn, n values x_t for t = 0…n−1 with period P (in steps):
//   "sine":       sin(2πt/P)
//   "two-sines":  0.7·sin(2πt/P) + 0.3·sin(6πt/P)     (a third harmonic: a sharper wave)
//   "square-ish": tanh(3·sin(2πt/P))                    (flat tops, steep edges)
// plus independent Gaussian noise of standard deviation `noise`. Computed with detmath, so the
// values are identical natively and in WASM. n in [2, 100000], P in [2, 10000], noise in [0, 10].
Vector makeWaveSequence(int n, const std::string& wave, double period, double noise, std::uint32_t seed);

// One teacher-forced run: inputs x_1…x_T from an initial state (h_0, c_0).
struct RecurrentRun {
  Vector predictions;  // ŷ_t, T values
  Matrix hidden;       // h_t, T × H (row t−1 is h_t)
  Matrix cell;         // c_t, T × H (LSTM; empty for the Elman cell)
  Matrix gates;        // LSTM gate values i, f, g, o per step, T × 4H (empty for the Elman cell)
};

class RecurrentNet {
 public:
  static constexpr int kMaxHidden = 64;
  static constexpr int kMaxSequence = 2000;

  // An Elman cell with 8 hidden units, init scale 1, forget bias 1, Adam with η = 0.01,
  // clipping at norm 1, full BPTT over windows of 40 steps, reset with seed 0.
  RecurrentNet();
  const char* name() const { return "RecurrentNet"; }

  // ---- architecture (changing it re-initialises the weights from seed()) ----
  void setCell(RecurrentCell cell);
  RecurrentCell cell() const { return cell_; }
  void setHiddenSize(int h);  // [1, 64]
  int hiddenSize() const { return hidden_; }
  // Every weight is drawn uniformly from [−a, a] with a = scale/√H; biases start at 0.
  void setInitScale(double scale);  // (0, 10]
  double initScale() const { return initScale_; }
  // The LSTM's forget-gate bias at initialisation ([−10, 10]): σ(1) ≈ 0.73 keeps most of the
  // cell state from step to step, σ(0) = 0.5 halves it. Ignored by the Elman cell.
  void setForgetBias(double bias);
  double forgetBias() const { return forgetBias_; }

  // ---- training settings (keep the weights) ----
  void setOptimizer(OptimizerKind kind);  // clears the optimiser state
  const Optimizer& optimizer() const { return optimizer_; }
  void setLearningRate(double eta) { optimizer_.setLearningRate(eta); }
  // Gradients whose norm exceeds c are scaled down to norm c; 0 turns clipping off. [0, 1e6].
  void setClipNorm(double c);
  double clipNorm() const { return clipNorm_; }
  // BPTT truncated every k steps: the gradient does not flow from step t back into h_{t−1}
  // (and c_{t−1}) when t is a multiple of k (t counted from 0 at the window's start); the
  // forward state still carries through. 0 means full BPTT. [0, 2000].
  void setTruncation(int k);
  int truncation() const { return truncation_; }
  // Steps per training window T, [1, 2000]. A window needs T + 1 values of the series.
  void setSequenceLength(int T);
  int sequenceLength() const { return sequenceLength_; }

  // ---- data ----
  // The series x_0…x_{n−1} to learn (at least 3 finite values, |x| ≤ 1e6, n ≤ 100000). Keeps the
  // weights; clears the trace.
  void setSeries(const Vector& series);
  const Vector& series() const { return series_; }

  // ---- learning ----
  // Re-initialises the weights and the optimiser from seed; clears the trace and step count.
  void reset(std::uint32_t seed);
  // One update on one window of sequenceLength() steps starting at a random offset (from zero
  // state): forward, BPTT, clipping, optimiser. Returns the window's loss before the update.
  double step();
  int fit(int maxSteps);  // [0, 10000000] steps; stops early if diverged; returns steps taken
  // Teacher-forced mean squared error of one-step predictions over the whole series from zero
  // state: (1/(n−1))·Σ_t (ŷ_t − x_{t+1})².
  double loss() const;
  Status status() const { return status_; }
  int steps() const { return steps_; }
  std::uint32_t seed() const { return seed_; }
  // Norm of the last step's gradient before clipping, and whether it was clipped.
  double lastGradientNorm() const { return lastGradientNorm_; }
  bool lastClipped() const { return lastClipped_; }
  // One row per step (row 0 = after reset): step, loss (the window's), seriesLoss (loss() after
  // the step; only with tracing on, else NaN), gradientNorm, clipped.
  const Trace& trace() const { return trace_; }
  void setTracing(bool on) { tracing_ = on; }
  bool tracing() const { return tracing_; }

  // ---- parameters ----
  // θ flat: W_x (H, or 4H for the LSTM), W_h (H×H or 4H×H, row-major), b (H or 4H), w_y (H), b_y.
  // LSTM blocks are in the order i, f, g, o.
  Vector params() const { return theta_; }
  void setParams(const Vector& theta);  // length paramCount(), finite
  int paramCount() const { return static_cast<int>(theta_.size()); }

  // ---- evaluation on any sequence (inputs x_1…x_T, targets y_1…y_T) ----
  // h0 and c0 empty mean zeros; otherwise H values each (c0 only for the LSTM).
  RecurrentRun forward(const Vector& inputs, const Vector& h0 = Vector(), const Vector& c0 = Vector()) const;
  double sequenceLoss(const Vector& inputs, const Vector& targets) const;
  // ∂L/∂θ by BPTT from zero state, honouring truncation(); the same layout as params().
  Vector sequenceGradient(const Vector& inputs, const Vector& targets) const;

  // ---- views for drawing, over the series ----
  // The teacher-forced run over the whole series: predictions p_t of x_{t+1} for t = 0…n−2,
  // hidden states (n−1) × H.
  RecurrentRun seriesRun() const;
  // Free-running generation: feeds x_0…x_{warmup−1}, then its own predictions; returns the
  // `horizon` predicted values of x_warmup … x_{warmup+horizon−1}. warmup in [1, n],
  // horizon in [1, 100000].
  Vector generate(int warmup, int horizon) const;
  // How the gradient of the last step's loss L_T = (ŷ_T − x_T)² reaches back: runs inputs
  // x_0…x_{T−1} of the series (T = length, needs T < n) and returns ‖∂L_T/∂h_{T−k}‖ for
  // k = 0…T−1 (k steps back from the end). Full BPTT whatever truncation() says.
  Vector gradientFlow(int length) const;

 private:
  struct Layout {
    Index wx, wh, b, wy, by;  // offsets into theta_
    int rows;                 // H or 4H
  };
  Layout layout() const;
  void initialise();
  // Loss on (inputs, targets) and, when grad is given, its gradient; `where` names the call.
  double lossAndGradient(const Vector& inputs, const Vector& targets, Vector* grad, int truncation) const;
  void requireSeries(const char* where, int need) const;

  RecurrentCell cell_ = RecurrentCell::Rnn;
  int hidden_ = 8;
  double initScale_ = 1.0;
  double forgetBias_ = 1.0;
  Optimizer optimizer_{OptimizerKind::Adam};
  double clipNorm_ = 1.0;
  int truncation_ = 0;
  int sequenceLength_ = 40;

  Vector series_;
  Vector theta_;
  Rng rng_;
  std::uint32_t seed_ = 0;
  Status status_ = Status::Empty;
  int steps_ = 0;
  bool tracing_ = true;
  double lastGradientNorm_ = 0.0;
  bool lastClipped_ = false;
  Trace trace_;
};

}  // namespace dw
