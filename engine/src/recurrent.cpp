#include "dw/recurrent.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/two_lanes.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

const std::vector<std::string> kTraceColumns{"step", "windowLoss", "seriesLoss", "gradientNorm", "clipped"};

}  // namespace

RecurrentCell recurrentCellFromName(const std::string& name, const char* where) {
  std::string n = lowerCase(name);
  if (n == "rnn" || n == "elman") return RecurrentCell::Rnn;
  if (n == "lstm") return RecurrentCell::Lstm;
  throw InvalidArgument(std::string(where) + ": cell='" + name + "' is not a recurrent cell (use rnn or lstm)");
}

const char* recurrentCellName(RecurrentCell cell) { return cell == RecurrentCell::Lstm ? "lstm" : "rnn"; }

Vector makeWaveSequence(int n, const std::string& wave, double period, double noise, std::uint32_t seed) {
  const char* where = "makeWaveSequence";
  requireIntInRange(n, 2, 100000, where, "n");
  requireInRange(period, 2, 10000, where, "period");
  requireInRange(noise, 0, 10, where, "noise");
  std::string w = lowerCase(wave);
  if (w != "sine" && w != "two-sines" && w != "square-ish")
    throw InvalidArgument(std::string(where) + ": wave='" + wave + "' is not a wave (use sine, two-sines or square-ish)");
  Rng rng(seed);
  Vector x(n);
  for (int t = 0; t < n; ++t) {
    double phase = 2.0 * detmath::kPi * t / period;
    double v;
    if (w == "sine") {
      v = detmath::sin(phase);
    } else if (w == "two-sines") {
      v = 0.7 * detmath::sin(phase) + 0.3 * detmath::sin(3.0 * phase);
    } else {
      // tanh(3s) = 1 − 2/(e^{6s} + 1), from detmath so it is identical everywhere.
      v = 1.0 - 2.0 / (detmath::exp(6.0 * detmath::sin(phase)) + 1.0);
    }
    x(t) = v + (noise > 0 ? noise * rng.normal() : 0.0);
  }
  return x;
}

RecurrentNet::RecurrentNet() {
  optimizer_.setLearningRate(0.01);
  reset(0);
}

// ---- settings ----

void RecurrentNet::setCell(RecurrentCell cell) {
  cell_ = cell;
  reset(seed_);
}

void RecurrentNet::setHiddenSize(int h) {
  requireIntInRange(h, 1, kMaxHidden, "RecurrentNet.setHiddenSize", "hiddenSize");
  hidden_ = h;
  reset(seed_);
}

void RecurrentNet::setInitScale(double scale) {
  requireInOpenClosed(scale, 0, 10, "RecurrentNet.setInitScale", "scale");
  initScale_ = scale;
  reset(seed_);
}

void RecurrentNet::setForgetBias(double bias) {
  requireInRange(bias, -10, 10, "RecurrentNet.setForgetBias", "bias");
  forgetBias_ = bias;
  reset(seed_);
}

void RecurrentNet::setOptimizer(OptimizerKind kind) { optimizer_.setKind(kind); }

void RecurrentNet::setClipNorm(double c) {
  requireInRange(c, 0, 1e6, "RecurrentNet.setClipNorm", "clipNorm");
  clipNorm_ = c;
}

void RecurrentNet::setTruncation(int k) {
  requireIntInRange(k, 0, kMaxSequence, "RecurrentNet.setTruncation", "truncation");
  truncation_ = k;
}

void RecurrentNet::setSequenceLength(int T) {
  requireIntInRange(T, 1, kMaxSequence, "RecurrentNet.setSequenceLength", "sequenceLength");
  sequenceLength_ = T;
}

void RecurrentNet::setSeries(const Vector& series) {
  const char* where = "RecurrentNet.setSeries";
  if (series.size() < 3)
    throw ShapeError(std::string(where) + ": the series needs at least 3 values, got " + std::to_string(series.size()));
  if (series.size() > 100000)
    throw ShapeError(std::string(where) + ": the series has " + std::to_string(series.size()) + " values; at most 100000");
  requireFinite(series, where, "series");
  for (Index i = 0; i < series.size(); ++i)
    if (std::abs(series(i)) > 1e6)
      throw InvalidArgument(std::string(where) + ": series[" + std::to_string(i) + "]=" + formatNumber(series(i)) +
                            " is too large (|x| must be at most 1e6; scale the signal first)");
  series_ = series;
  if (status_ != Status::Diverged) status_ = Status::Ready;
  trace_.clear();
  trace_.append({double(steps_), std::numeric_limits<double>::quiet_NaN(), loss(), 0.0, 0.0});
}

// ---- parameters ----

RecurrentNet::Layout RecurrentNet::layout() const {
  Layout L;
  L.rows = cell_ == RecurrentCell::Lstm ? 4 * hidden_ : hidden_;
  L.wx = 0;
  L.wh = L.wx + L.rows;
  L.b = L.wh + Index(L.rows) * hidden_;
  L.wy = L.b + L.rows;
  L.by = L.wy + hidden_;
  return L;
}

void RecurrentNet::initialise() {
  Layout L = layout();
  theta_ = Vector::Zero(L.by + 1);
  // Uniform in [−a, a], a = scale/√H, for every weight (PyTorch's default for RNN layers is
  // a = 1/√H, our scale 1); biases 0 except the LSTM's forget gate.
  double a = initScale_ / std::sqrt(double(hidden_));
  for (Index k = L.wx; k < L.b; ++k) theta_(k) = rng_.uniform(-a, a);
  for (Index k = L.wy; k < L.by; ++k) theta_(k) = rng_.uniform(-a, a);
  if (cell_ == RecurrentCell::Lstm) theta_.segment(L.b + hidden_, hidden_).setConstant(forgetBias_);
  optimizer_.reset(theta_.size());
}

void RecurrentNet::setParams(const Vector& theta) {
  const char* where = "RecurrentNet.setParams";
  if (theta.size() != theta_.size())
    throw ShapeError(std::string(where) + ": expected " + std::to_string(theta_.size()) + " parameters for a " +
                     recurrentCellName(cell_) + " with " + std::to_string(hidden_) + " hidden units, got " +
                     std::to_string(theta.size()));
  requireFinite(theta, where, "theta");
  theta_ = theta;
  optimizer_.reset(theta_.size());
  if (series_.size() > 0) {
    status_ = Status::Ready;
    trace_.clear();
    trace_.append({double(steps_), std::numeric_limits<double>::quiet_NaN(), loss(), 0.0, 0.0});
  }
}

void RecurrentNet::reset(std::uint32_t seed) {
  seed_ = seed;
  rng_ = Rng(seed);
  initialise();
  steps_ = 0;
  lastGradientNorm_ = 0.0;
  lastClipped_ = false;
  trace_.setColumns(kTraceColumns);
  trace_.clear();
  if (series_.size() > 0) {
    status_ = Status::Ready;
    trace_.append({0.0, std::numeric_limits<double>::quiet_NaN(), loss(), 0.0, 0.0});
  } else {
    status_ = Status::Empty;
  }
}

// ---- forward and backward ----
//
// Written as plain loops over buffers allocated once per call: the sizes are tiny (H ≤ 64) and
// per-step Eigen temporaries cost more than the arithmetic, natively and even more in WASM
// (docs/toolchain.md §23: Eigen is scalar there). The loops run two units at a time in V2
// (dw/two_lanes.hpp: SSE2 natively, f64x2 in WASM) wherever each unit's value is computed on
// its own: every lane does the scalar operations in the scalar order, so the results are the
// same bits natively and in WASM. Sums over units (the readout, ‖∂L/∂h‖) stay scalar.

namespace {

// A read-only view of θ in the layout params() documents, with W_h also transposed (H × rows,
// whT[j·rows + r] = W_h[r][j]) so that z = W_h h runs two rows r, r+1 per V2 along contiguous
// memory, each lane summing over j in order as the scalar loop did.
struct View {
  const double *wx, *wh, *b, *wy;
  double by;
  int H, rows;
  bool lstm;
  std::vector<double> whT;
};

// Two lanes from position j of an array of n values; past the end the second lane is 0 (padding
// that is never stored).
inline V2 loadPart(const double* p, int j, int n) { return j + 2 <= n ? load2(p + j) : V2{p[j], 0.0}; }
inline void storePart(double* p, int j, int n, V2 v) {
  if (j + 2 <= n) store2(p + j, v);
  else p[j] = v[0];
}

// z = W_x x + W_h h_{t−1} + b, then the cell: h (and c, gates i f g o for the LSTM) from
// (hPrev, cPrev). z is scratch of `rows` values; gates holds 4H values (LSTM only).
inline void cellStep(const View& v, double x, const double* hPrev, const double* cPrev, double* h, double* c,
                     double* gates, double* z) {
  const int H = v.H, rows = v.rows;
  int r = 0;
  for (; r + 2 <= rows; r += 2) {
    V2 s = load2(v.wx + r) * x + load2(v.b + r);
    for (int j = 0; j < H; ++j) s += load2(v.whT.data() + static_cast<std::size_t>(j) * rows + r) * hPrev[j];
    store2(z + r, s);
  }
  for (; r < rows; ++r) {
    const double* w = v.wh + static_cast<std::size_t>(r) * H;
    double s = v.wx[r] * x + v.b[r];
    for (int j = 0; j < H; ++j) s += w[j] * hPrev[j];
    z[r] = s;
  }
  if (!v.lstm) {
    tanhArray(z, h, H);
    return;
  }
  for (int j = 0; j < H; j += 2) {
    const V2 i = sigmoid2(loadPart(z, j, H)), f = sigmoid2(loadPart(z + H, j, H)), o = sigmoid2(loadPart(z + 3 * H, j, H));
    const V2 g = tanh2(loadPart(z + 2 * H, j, H));
    const V2 cj = f * loadPart(cPrev, j, H) + i * g;  // the additive cell update
    storePart(gates, j, H, i);
    storePart(gates + H, j, H, f);
    storePart(gates + 3 * H, j, H, o);
    storePart(gates + 2 * H, j, H, g);
    storePart(c, j, H, cj);
    storePart(h, j, H, o * tanh2(cj));
  }
}

inline View viewOf(const Vector& theta, Index wx, Index wh, Index b, Index wy, Index by, int H, int rows, bool lstm) {
  View v{theta.data() + wx, theta.data() + wh, theta.data() + b, theta.data() + wy, theta(by), H, rows, lstm, {}};
  v.whT.resize(static_cast<std::size_t>(rows) * H);
  for (int r = 0; r < rows; ++r)
    for (int j = 0; j < H; ++j) v.whT[static_cast<std::size_t>(j) * rows + r] = v.wh[static_cast<std::size_t>(r) * H + j];
  return v;
}

inline double readout(const View& v, const double* h) {
  double s = v.by;
  for (int j = 0; j < v.H; ++j) s += v.wy[j] * h[j];
  return s;
}

// Every state of a teacher-forced run: row t+1 of hs/cs is the state after input t, row 0 the
// initial state; gs row t the LSTM's gates at input t.
struct Tape {
  int T = 0;
  std::vector<double> hs, cs, gs, yhat;
};

void runForward(const View& v, const double* x, int T, const double* h0, const double* c0, Tape& tape) {
  const int H = v.H;
  tape.T = T;
  tape.hs.assign(static_cast<std::size_t>(T + 1) * H, 0.0);
  tape.cs.assign(v.lstm ? static_cast<std::size_t>(T + 1) * H : 0, 0.0);
  tape.gs.assign(v.lstm ? static_cast<std::size_t>(T) * 4 * H : 0, 0.0);
  tape.yhat.assign(T, 0.0);
  if (h0) std::copy(h0, h0 + H, tape.hs.begin());
  if (c0 && v.lstm) std::copy(c0, c0 + H, tape.cs.begin());
  std::vector<double> z(v.rows), scratchC(H), scratchG(4 * H);
  for (int t = 0; t < T; ++t) {
    double* h = tape.hs.data() + static_cast<std::size_t>(t + 1) * H;
    const double* hPrev = h - H;
    double* c = v.lstm ? tape.cs.data() + static_cast<std::size_t>(t + 1) * H : scratchC.data();
    const double* cPrev = v.lstm ? c - H : scratchC.data();
    double* g = v.lstm ? tape.gs.data() + static_cast<std::size_t>(t) * 4 * H : scratchG.data();
    cellStep(v, x[t], hPrev, cPrev, h, c, g, z.data());
    tape.yhat[t] = readout(v, h);
  }
}

// Backpropagation through time over a tape. dy[t] = ∂L/∂ŷ_t. When grad is given (θ's layout,
// zeroed by the caller) it receives ∂L/∂θ; when norms is given, norms[t] = ‖∂L/∂h_t‖ for the
// state after input t (for the LSTM the partial derivative with c_t held fixed). With
// truncation k > 0 nothing flows from step t into the state before it when t is a multiple of k.
void runBackward(const View& v, const double* x, const Tape& tape, const double* dy, int truncation, double* grad,
                 double* norms, Index offWx, Index offWh, Index offB, Index offWy,
                 Index offBy) {
  const int H = v.H, T = tape.T;
  std::vector<double> dh(H), dhNext(H, 0.0), dcNext(H, 0.0), dz(v.rows);
  for (int t = T - 1; t >= 0; --t) {
    const double* ht = tape.hs.data() + static_cast<std::size_t>(t + 1) * H;
    const double* hPrev = ht - H;
    if (grad) {
      for (int j = 0; j < H; ++j) grad[offWy + j] += dy[t] * ht[j];
      grad[offBy] += dy[t];
    }
    double sq = 0.0;
    for (int j = 0; j < H; ++j) {
      dh[j] = dy[t] * v.wy[j] + dhNext[j];
      sq += dh[j] * dh[j];
    }
    if (norms) norms[t] = std::sqrt(sq);
    if (!v.lstm) {
      for (int j = 0; j < H; ++j) dz[j] = dh[j] * (1.0 - ht[j] * ht[j]);  // tanh'(a) = 1 − h²
    } else {
      const double* g4 = tape.gs.data() + static_cast<std::size_t>(t) * 4 * H;
      const double* ct = tape.cs.data() + static_cast<std::size_t>(t + 1) * H;
      const double* cPrev = ct - H;
      for (int j = 0; j < H; j += 2) {
        const V2 i = loadPart(g4, j, H), f = loadPart(g4 + H, j, H), g = loadPart(g4 + 2 * H, j, H),
                 o = loadPart(g4 + 3 * H, j, H), dhj = loadPart(dh.data(), j, H);
        const V2 tc = tanh2(loadPart(ct, j, H));  // the forward pass's tanh, the same bits
        // h = o ⊙ tanh(c): ∂h/∂o = tanh c, ∂h/∂c = o(1 − tanh² c); c also reaches c_{t+1} (dcNext).
        const V2 dc = dhj * o * (1.0 - tc * tc) + loadPart(dcNext.data(), j, H);
        storePart(dz.data(), j, H, dc * g * i * (1.0 - i));                                  // c = f c' + i g, i = σ(z_i)
        storePart(dz.data() + H, j, H, dc * loadPart(cPrev, j, H) * f * (1.0 - f));          // f = σ(z_f)
        storePart(dz.data() + 2 * H, j, H, dc * i * (1.0 - g * g));                          // g = tanh(z_g)
        storePart(dz.data() + 3 * H, j, H, dhj * tc * o * (1.0 - o));                        // o = σ(z_o)
        storePart(dcNext.data(), j, H, dc * f);
      }
    }
    if (grad) {
      for (int r = 0; r < v.rows; ++r) {
        grad[offWx + r] += dz[r] * x[t];
        grad[offB + r] += dz[r];
        double* gw = grad + offWh + static_cast<Index>(r) * H;
        int j = 0;
        for (; j + 2 <= H; j += 2) store2(gw + j, load2(gw + j) + dz[r] * load2(hPrev + j));
        for (; j < H; ++j) gw[j] += dz[r] * hPrev[j];
      }
    }
    // ∂L/∂h_{t−1} through z: W_hᵀ dz.
    std::fill(dhNext.begin(), dhNext.end(), 0.0);
    for (int r = 0; r < v.rows; ++r) {
      const double* w = v.wh + static_cast<std::size_t>(r) * H;
      int j = 0;
      for (; j + 2 <= H; j += 2) store2(dhNext.data() + j, load2(dhNext.data() + j) + load2(w + j) * dz[r]);
      for (; j < H; ++j) dhNext[j] += w[j] * dz[r];
    }
    // Truncated BPTT: nothing flows from step t into the state before it at a chunk boundary.
    if (truncation > 0 && t % truncation == 0) {
      std::fill(dhNext.begin(), dhNext.end(), 0.0);
      std::fill(dcNext.begin(), dcNext.end(), 0.0);
    }
  }
}

}  // namespace

RecurrentRun RecurrentNet::forward(const Vector& inputs, const Vector& h0, const Vector& c0) const {
  const char* where = "RecurrentNet.forward";
  const bool lstm = cell_ == RecurrentCell::Lstm;
  const int H = hidden_;
  if (inputs.size() < 1) throw ShapeError(std::string(where) + ": the inputs are empty");
  if (inputs.size() > 100000) throw ShapeError(std::string(where) + ": at most 100000 inputs");
  requireFinite(inputs, where, "inputs");
  if (h0.size() != 0 && h0.size() != H)
    throw ShapeError(std::string(where) + ": h0 has " + std::to_string(h0.size()) + " values; the net has " +
                     std::to_string(H) + " hidden units");
  if (c0.size() != 0 && !lstm) throw ShapeError(std::string(where) + ": c0 is only for the LSTM cell");
  if (c0.size() != 0 && c0.size() != H)
    throw ShapeError(std::string(where) + ": c0 has " + std::to_string(c0.size()) + " values; the net has " +
                     std::to_string(H) + " hidden units");
  if (h0.size()) requireFinite(h0, where, "h0");
  if (c0.size()) requireFinite(c0, where, "c0");
  const int T = static_cast<int>(inputs.size());
  Tape tape;
  const Layout L = layout();
  runForward(viewOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, hidden_, L.rows, cell_ == RecurrentCell::Lstm), inputs.data(), T, h0.size() ? h0.data() : nullptr, c0.size() ? c0.data() : nullptr, tape);
  RecurrentRun run;
  run.predictions = Eigen::Map<const Vector>(tape.yhat.data(), T);
  run.hidden = Eigen::Map<const Matrix>(tape.hs.data() + H, T, H);
  if (lstm) {
    run.cell = Eigen::Map<const Matrix>(tape.cs.data() + H, T, H);
    run.gates = Eigen::Map<const Matrix>(tape.gs.data(), T, 4 * H);
  }
  return run;
}

double RecurrentNet::lossAndGradient(const Vector& inputs, const Vector& targets, Vector* grad, int truncation) const {
  const int T = static_cast<int>(inputs.size());
  const Layout L = layout();
  const View v = viewOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, hidden_, L.rows, cell_ == RecurrentCell::Lstm);
  Tape tape;
  runForward(v, inputs.data(), T, nullptr, nullptr, tape);
  double loss = 0.0;
  std::vector<double> dy(T);
  for (int t = 0; t < T; ++t) {
    const double r = tape.yhat[t] - targets(t);
    loss += r * r;
    dy[t] = 2.0 * r / double(T);  // ∂/∂ŷ_t of (1/T)·Σ(ŷ − y)²
  }
  loss /= double(T);
  if (!grad) return loss;
  *grad = Vector::Zero(theta_.size());
  runBackward(v, inputs.data(), tape, dy.data(), truncation, grad->data(), nullptr, L.wx, L.wh, L.b, L.wy, L.by);
  return loss;
}

void RecurrentNet::requireSeries(const char* where, int need) const {
  if (series_.size() == 0) throw StateError(std::string(where) + ": no series yet; call setSeries(values) first");
  if (series_.size() < need)
    throw StateError(std::string(where) + ": needs " + std::to_string(need) + " values of the series, it has " +
                     std::to_string(series_.size()) + " (shorten the sequence length or lengthen the series)");
}

namespace {
void requireSequencePair(const Vector& inputs, const Vector& targets, const char* where) {
  if (inputs.size() < 1) throw ShapeError(std::string(where) + ": the inputs are empty");
  if (inputs.size() != targets.size())
    throw ShapeError(std::string(where) + ": " + std::to_string(inputs.size()) + " inputs but " +
                     std::to_string(targets.size()) + " targets");
  if (inputs.size() > 100000) throw ShapeError(std::string(where) + ": at most 100000 steps");
  requireFinite(inputs, where, "inputs");
  requireFinite(targets, where, "targets");
}
}  // namespace

double RecurrentNet::sequenceLoss(const Vector& inputs, const Vector& targets) const {
  requireSequencePair(inputs, targets, "RecurrentNet.sequenceLoss");
  return lossAndGradient(inputs, targets, nullptr, 0);
}

Vector RecurrentNet::sequenceGradient(const Vector& inputs, const Vector& targets) const {
  requireSequencePair(inputs, targets, "RecurrentNet.sequenceGradient");
  Vector g;
  lossAndGradient(inputs, targets, &g, truncation_);
  return g;
}

// ---- learning ----

double RecurrentNet::step() {
  const char* where = "RecurrentNet.step";
  requireSeries(where, sequenceLength_ + 1);
  if (status_ == Status::Diverged)
    throw StateError(std::string(where) + ": the network diverged (the loss is not finite); call reset(seed) or lower the learning rate");
  const int T = sequenceLength_;
  const auto starts = static_cast<std::uint32_t>(series_.size() - T);  // windows fitting the series
  const Index start = rng_.below(starts);
  Vector inputs = series_.segment(start, T);
  Vector targets = series_.segment(start + 1, T);
  Vector g;
  double windowLoss = lossAndGradient(inputs, targets, &g, truncation_);
  lastGradientNorm_ = g.norm();
  lastClipped_ = false;
  steps_ += 1;
  if (!std::isfinite(windowLoss) || !std::isfinite(lastGradientNorm_)) {
    status_ = Status::Diverged;
  } else {
    // Clipping by the global norm (Pascanu, Mikolov & Bengio 2013): g ← g·c/‖g‖ when ‖g‖ > c.
    if (clipNorm_ > 0 && lastGradientNorm_ > clipNorm_) {
      g *= clipNorm_ / lastGradientNorm_;
      lastClipped_ = true;
    }
    optimizer_.update(theta_, g);
    if (!theta_.allFinite()) status_ = Status::Diverged;
  }
  double seriesLoss = std::numeric_limits<double>::quiet_NaN();
  if (tracing_ && status_ != Status::Diverged) seriesLoss = loss();
  trace_.append({double(steps_), windowLoss, seriesLoss, lastGradientNorm_, lastClipped_ ? 1.0 : 0.0});
  return windowLoss;
}

int RecurrentNet::fit(int maxSteps) {
  requireIntInRange(maxSteps, 0, 10'000'000, "RecurrentNet.fit", "maxSteps");
  int taken = 0;
  while (taken < maxSteps && status_ != Status::Diverged) {
    step();
    ++taken;
  }
  return taken;
}

double RecurrentNet::loss() const {
  requireSeries("RecurrentNet.loss", 2);
  const Index n = series_.size();
  return lossAndGradient(series_.head(n - 1), series_.tail(n - 1), nullptr, 0);
}

RecurrentRun RecurrentNet::seriesRun() const {
  requireSeries("RecurrentNet.seriesRun", 2);
  return forward(series_.head(series_.size() - 1));
}

Vector RecurrentNet::generate(int warmup, int horizon) const {
  const char* where = "RecurrentNet.generate";
  requireSeries(where, 2);
  requireIntInRange(warmup, 1, series_.size(), where, "warmup");
  requireIntInRange(horizon, 1, 100000, where, "horizon");
  const Layout L = layout();
  const View v = viewOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, hidden_, L.rows, cell_ == RecurrentCell::Lstm);
  const int H = hidden_;
  std::vector<double> h(H, 0.0), c(H, 0.0), hn(H), cn(H), gates(4 * H), z(v.rows);
  double next = 0.0;
  auto advance = [&](double x) {
    cellStep(v, x, h.data(), c.data(), hn.data(), cn.data(), gates.data(), z.data());
    h.swap(hn);
    c.swap(cn);
    next = readout(v, h.data());
  };
  for (int t = 0; t < warmup; ++t) advance(series_(t));
  Vector out(horizon);
  for (int k = 0; k < horizon; ++k) {
    out(k) = next;                       // the estimate of x_{warmup+k}
    if (k + 1 < horizon) advance(next);  // fed back as the next input
  }
  return out;
}

Vector RecurrentNet::gradientFlow(int length) const {
  const char* where = "RecurrentNet.gradientFlow";
  requireIntInRange(length, 1, kMaxSequence, where, "length");
  requireSeries(where, length + 1);
  const int T = length;
  const Layout L = layout();
  const View v = viewOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, hidden_, L.rows, cell_ == RecurrentCell::Lstm);
  Tape tape;
  runForward(v, series_.data(), T, nullptr, nullptr, tape);
  // L_T = (ŷ_T − x_T)²: only the last step has a loss, so ∂L_T/∂h_T = 2(ŷ_T − x_T)·w_y and every
  // earlier h_t gets it only through the chain of Jacobians ∂h_{t+1}/∂h_t (and, in the LSTM,
  // through the cell state).
  std::vector<double> dy(T, 0.0), norms(T);
  dy[T - 1] = 2.0 * (tape.yhat[T - 1] - series_(T));
  runBackward(v, series_.data(), tape, dy.data(), 0, nullptr, norms.data(), 0, 0, 0, 0, 0);
  Vector out(T);
  for (int k = 0; k < T; ++k) out(k) = norms[T - 1 - k];
  return out;
}

}  // namespace dw
