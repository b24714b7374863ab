#include "dw/recurrent.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

using ConstMap = Eigen::Map<const Vector>;
using ConstMatrixMap = Eigen::Map<const Matrix>;  // row-major, as params() documents

// Everything a backward pass needs from the forward pass. Row 0 of h and c is the initial
// state; row t+1 is the state after input t.
struct Cache {
  Matrix h, c;
  Matrix gates;  // LSTM: i, f, g, o after their nonlinearities, T × 4H
  Vector yhat;
};

const std::vector<std::string> kTraceColumns{"step", "windowLoss", "seriesLoss", "gradientNorm", "clipped"};

}  // namespace

RecurrentCell recurrentCellFromName(const std::string& name, const char* where) {
  std::string n = lower(name);
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
  std::string w = lower(wave);
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

namespace {

struct Weights {
  ConstMap wx;
  ConstMatrixMap wh;
  ConstMap b, wy;
  double by;
};

Weights weightsOf(const Vector& theta, Index wx, Index wh, Index b, Index wy, Index by, int rows, int H) {
  return Weights{ConstMap(theta.data() + wx, rows), ConstMatrixMap(theta.data() + wh, rows, H),
                 ConstMap(theta.data() + b, rows), ConstMap(theta.data() + wy, H), theta(by)};
}

// One step of the cell: (h, c) from (hPrev, cPrev) and input x; `gates` (LSTM) receives i, f, g, o.
void cellStep(bool lstm, const Weights& W, int H, double x, const Vector& hPrev, const Vector& cPrev, Vector& h,
              Vector& c, Vector& gates) {
  Vector z = W.wx * x + W.wh * hPrev + W.b;
  if (!lstm) {
    h = z.array().tanh();
    return;
  }
  gates.resize(4 * H);
  for (int j = 0; j < H; ++j) {
    gates(j) = sigmoid(z(j));                   // input gate i
    gates(H + j) = sigmoid(z(H + j));           // forget gate f
    gates(2 * H + j) = std::tanh(z(2 * H + j));  // candidate g
    gates(3 * H + j) = sigmoid(z(3 * H + j));   // output gate o
  }
  c = gates.segment(H, H).cwiseProduct(cPrev) + gates.segment(0, H).cwiseProduct(gates.segment(2 * H, H));
  h = gates.segment(3 * H, H).cwiseProduct(c.array().tanh().matrix());
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
  Layout L = layout();
  Weights W = weightsOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, L.rows, H);
  const Index T = inputs.size();
  RecurrentRun run;
  run.predictions.resize(T);
  run.hidden.resize(T, H);
  if (lstm) {
    run.cell.resize(T, H);
    run.gates.resize(T, 4 * H);
  }
  Vector h = h0.size() ? h0 : Vector::Zero(H);
  Vector c = c0.size() ? c0 : Vector::Zero(H);
  Vector hn(H), cn(H), gates;
  for (Index t = 0; t < T; ++t) {
    cellStep(lstm, W, H, inputs(t), h, c, hn, cn, gates);
    h = hn;
    if (lstm) {
      c = cn;
      run.cell.row(t) = c.transpose();
      run.gates.row(t) = gates.transpose();
    }
    run.hidden.row(t) = h.transpose();
    run.predictions(t) = W.wy.dot(h) + W.by;
  }
  return run;
}

double RecurrentNet::lossAndGradient(const Vector& inputs, const Vector& targets, Vector* grad, int truncation) const {
  const bool lstm = cell_ == RecurrentCell::Lstm;
  const int H = hidden_;
  const Index T = inputs.size();
  Layout L = layout();
  Weights W = weightsOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, L.rows, H);

  // Forward, keeping every state (row t+1 = after input t).
  Cache k;
  k.h = Matrix::Zero(T + 1, H);
  k.c = Matrix::Zero(T + 1, H);
  if (lstm) k.gates.resize(T, 4 * H);
  k.yhat.resize(T);
  Vector h = Vector::Zero(H), c = Vector::Zero(H), hn(H), cn(H), gates;
  double loss = 0.0;
  for (Index t = 0; t < T; ++t) {
    cellStep(lstm, W, H, inputs(t), h, c, hn, cn, gates);
    h = hn;
    k.h.row(t + 1) = h.transpose();
    if (lstm) {
      c = cn;
      k.c.row(t + 1) = c.transpose();
      k.gates.row(t) = gates.transpose();
    }
    k.yhat(t) = W.wy.dot(h) + W.by;
    double r = k.yhat(t) - targets(t);
    loss += r * r;
  }
  loss /= double(T);
  if (!grad) return loss;

  // Backward through time. dh carries ∂L/∂h_t from the future (dhNext) plus this step's readout.
  *grad = Vector::Zero(theta_.size());
  Eigen::Map<Vector> gWx(grad->data() + L.wx, L.rows);
  Eigen::Map<Matrix> gWh(grad->data() + L.wh, L.rows, H);
  Eigen::Map<Vector> gB(grad->data() + L.b, L.rows);
  Eigen::Map<Vector> gWy(grad->data() + L.wy, H);
  double& gBy = (*grad)(L.by);
  Vector dhNext = Vector::Zero(H), dcNext = Vector::Zero(H), dz(L.rows);
  for (Index t = T - 1; t >= 0; --t) {
    const double dy = 2.0 * (k.yhat(t) - targets(t)) / double(T);  // ∂/∂ŷ of (1/T)(ŷ − y)²
    Vector ht = k.h.row(t + 1).transpose();
    Vector hPrev = k.h.row(t).transpose();
    gWy += dy * ht;
    gBy += dy;
    Vector dh = dy * W.wy + dhNext;
    if (!lstm) {
      dz = dh.cwiseProduct((1.0 - ht.array().square()).matrix());  // tanh'(a) = 1 − h²
    } else {
      auto i = k.gates.row(t).segment(0, H).transpose().array();
      auto f = k.gates.row(t).segment(H, H).transpose().array();
      auto g = k.gates.row(t).segment(2 * H, H).transpose().array();
      auto o = k.gates.row(t).segment(3 * H, H).transpose().array();
      Eigen::ArrayXd ct = k.c.row(t + 1).transpose().array();
      Eigen::ArrayXd cPrev = k.c.row(t).transpose().array();
      Eigen::ArrayXd tc = ct.tanh();
      // h = o ⊙ tanh(c): ∂h/∂o = tanh c, ∂h/∂c = o ⊙ (1 − tanh² c); c also reaches c_{t+1}.
      Eigen::ArrayXd dc = dh.array() * o * (1.0 - tc.square()) + dcNext.array();
      Eigen::ArrayXd dO = dh.array() * tc;
      dz.segment(0, H) = (dc * g * i * (1.0 - i)).matrix();          // c = f c' + i g
      dz.segment(H, H) = (dc * cPrev * f * (1.0 - f)).matrix();
      dz.segment(2 * H, H) = (dc * i * (1.0 - g.square())).matrix();
      dz.segment(3 * H, H) = (dO * o * (1.0 - o)).matrix();
      dcNext = (dc * f).matrix();
    }
    gWx += dz * inputs(t);
    gWh.noalias() += dz * hPrev.transpose();
    gB += dz;
    dhNext.noalias() = W.wh.transpose() * dz;
    // Truncated BPTT: nothing flows from step t into the state before it at a chunk boundary.
    if (truncation > 0 && t % truncation == 0) {
      dhNext.setZero();
      dcNext.setZero();
    }
  }
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
  const bool lstm = cell_ == RecurrentCell::Lstm;
  const int H = hidden_;
  Layout L = layout();
  Weights W = weightsOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, L.rows, H);
  Vector h = Vector::Zero(H), c = Vector::Zero(H), hn(H), cn(H), gates;
  double next = 0.0;
  auto advance = [&](double x) {
    cellStep(lstm, W, H, x, h, c, hn, cn, gates);
    h = hn;
    if (lstm) c = cn;
    next = W.wy.dot(h) + W.by;
  };
  for (int t = 0; t < warmup; ++t) advance(series_(t));
  Vector out(horizon);
  for (int k = 0; k < horizon; ++k) {
    out(k) = next;          // the estimate of x_{warmup+k}
    if (k + 1 < horizon) advance(next);  // fed back as the next input
  }
  return out;
}

Vector RecurrentNet::gradientFlow(int length) const {
  const char* where = "RecurrentNet.gradientFlow";
  requireIntInRange(length, 1, kMaxSequence, where, "length");
  requireSeries(where, length + 1);
  const bool lstm = cell_ == RecurrentCell::Lstm;
  const int H = hidden_;
  const int T = length;
  Layout L = layout();
  Weights W = weightsOf(theta_, L.wx, L.wh, L.b, L.wy, L.by, L.rows, H);
  RecurrentRun run = forward(series_.head(T));
  // L_T = (ŷ_T − x_T)², so ∂L_T/∂h_T = 2(ŷ_T − x_T)·w_y; earlier h_t get it only through the
  // chain of Jacobians ∂h_{t+1}/∂h_t (and, in the LSTM, through the cell state).
  Vector out(T);
  Vector dh = 2.0 * (run.predictions(T - 1) - series_(T)) * W.wy;
  Vector dcNext = Vector::Zero(H), dz(L.rows);
  for (int t = T - 1; t >= 0; --t) {
    out(T - 1 - t) = dh.norm();
    if (t == 0) break;
    Vector ht = run.hidden.row(t).transpose();
    if (!lstm) {
      dz = dh.cwiseProduct((1.0 - ht.array().square()).matrix());
    } else {
      auto i = run.gates.row(t).segment(0, H).transpose().array();
      auto f = run.gates.row(t).segment(H, H).transpose().array();
      auto g = run.gates.row(t).segment(2 * H, H).transpose().array();
      auto o = run.gates.row(t).segment(3 * H, H).transpose().array();
      Eigen::ArrayXd tc = run.cell.row(t).transpose().array().tanh();
      Eigen::ArrayXd cPrev = run.cell.row(t - 1).transpose().array();
      Eigen::ArrayXd dc = dh.array() * o * (1.0 - tc.square()) + dcNext.array();
      dz.segment(0, H) = (dc * g * i * (1.0 - i)).matrix();
      dz.segment(H, H) = (dc * cPrev * f * (1.0 - f)).matrix();
      dz.segment(2 * H, H) = (dc * i * (1.0 - g.square())).matrix();
      dz.segment(3 * H, H) = (dh.array() * tc * o * (1.0 - o)).matrix();
      dcNext = (dc * f).matrix();
    }
    dh = W.wh.transpose() * dz;
  }
  return out;
}

}  // namespace dw
