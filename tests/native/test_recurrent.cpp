// RecurrentNet (Elman RNN and LSTM with BPTT): hand-computed forward steps, finite-difference
// gradient checks for both cells (full and truncated BPTT), determinism, bad input, and the
// measured vanishing-gradient fact the recurrent-networks lesson states.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "dw/errors.hpp"
#include "dw/recurrent.hpp"
#include "dw/rng.hpp"

using Catch::Matchers::Contains;
using dw::RecurrentCell;
using dw::RecurrentNet;
using dw::Vector;
using Index = dw::Index;

namespace {

Vector randomVector(int n, std::uint32_t seed, double scale = 1.0) {
  dw::Rng rng(seed);
  Vector v(n);
  for (int i = 0; i < n; ++i) v(i) = rng.uniform(-scale, scale);
  return v;
}

// Central differences of sequenceLoss for every parameter, compared with sequenceGradient.
void checkGradient(RecurrentNet& net, const Vector& x, const Vector& y) {
  Vector theta = net.params();
  Vector g = net.sequenceGradient(x, y);
  REQUIRE(g.size() == theta.size());
  const double h = 1e-6;
  for (Index i = 0; i < theta.size(); ++i) {
    Vector p = theta;
    p(i) += h;
    net.setParams(p);
    double up = net.sequenceLoss(x, y);
    p(i) = theta(i) - h;
    net.setParams(p);
    double down = net.sequenceLoss(x, y);
    double numeric = (up - down) / (2 * h);
    INFO("parameter " << i << " of " << theta.size());
    CHECK(g(i) == Approx(numeric).epsilon(1e-6).margin(1e-8));
  }
  net.setParams(theta);
}

}  // namespace

TEST_CASE("one Elman step by hand", "[recurrent]") {
  // θ = [w_x, w_h, b, w_y, b_y] = [0.5, −0.3, 0.1, 2, −0.5], h_0 = 0.
  // Step 1, x = 1:  a = 0.5·1 + 0.1 = 0.6,  h_1 = tanh 0.6 = 0.537050,  ŷ_1 = 2·0.537050 − 0.5 = 0.574099.
  // Step 2, x = −1: a = −0.5 − 0.3·0.537050 + 0.1 = −0.561115,  h_2 = tanh a = −0.508804,
  //                 ŷ_2 = 2·(−0.508804) − 0.5 = −1.517608.   (Python's math.tanh gives the digits below.)
  RecurrentNet net;
  net.setHiddenSize(1);
  Vector theta(5);
  theta << 0.5, -0.3, 0.1, 2.0, -0.5;
  net.setParams(theta);
  Vector x(2);
  x << 1.0, -1.0;
  dw::RecurrentRun run = net.forward(x);
  CHECK(run.hidden(0, 0) == Approx(0.5370495669980353).epsilon(1e-14));
  CHECK(run.predictions(0) == Approx(0.5740991339960706).epsilon(1e-14));
  CHECK(run.hidden(1, 0) == Approx(-0.5088041521838393).epsilon(1e-14));
  CHECK(run.predictions(1) == Approx(-1.5176083043676787).epsilon(1e-14));
  // From a given state: h_0 = 0.537050 and x = −1 repeats step 2.
  Vector h0(1);
  h0 << 0.5370495669980353;
  Vector x2(1);
  x2 << -1.0;
  CHECK(net.forward(x2, h0).hidden(0, 0) == Approx(-0.5088041521838393).epsilon(1e-13));
}

TEST_CASE("one LSTM step by hand", "[recurrent]") {
  // One unit; blocks i, f, g, o. W_x = [0.5, 0.4, 0.3, 0.2], W_h = [0.1, 0.2, 0.3, 0.4],
  // b = [0, 1, 0, 0], w_y = 1.5, b_y = 0.1; from h_0 = 0.2, c_0 = 0.5 with x = 1:
  //   z = W_x·1 + W_h·0.2 + b = [0.52, 1.44, 0.36, 0.28]
  //   i = σ(0.52) = 0.627148, f = σ(1.44) = 0.808455, g = tanh 0.36 = 0.345214, o = σ(0.28) = 0.569546
  //   c = f·0.5 + i·g = 0.620728,  h = o·tanh c = 0.314181,  ŷ = 1.5·h + 0.1 = 0.571272.
  RecurrentNet net;
  net.setCell(RecurrentCell::Lstm);
  net.setHiddenSize(1);
  REQUIRE(net.paramCount() == 14);
  Vector theta(14);
  theta << 0.5, 0.4, 0.3, 0.2, 0.1, 0.2, 0.3, 0.4, 0, 1, 0, 0, 1.5, 0.1;
  net.setParams(theta);
  Vector x(1), h0(1), c0(1);
  x << 1.0;
  h0 << 0.2;
  c0 << 0.5;
  dw::RecurrentRun run = net.forward(x, h0, c0);
  CHECK(run.gates(0, 0) == Approx(0.6271477663131956).epsilon(1e-14));
  CHECK(run.gates(0, 1) == Approx(0.8084546514385326).epsilon(1e-14));
  CHECK(run.gates(0, 2) == Approx(0.34521403413552093).epsilon(1e-14));
  CHECK(run.gates(0, 3) == Approx(0.569546223939229).epsilon(1e-14));
  CHECK(run.cell(0, 0) == Approx(0.6207275361273255).epsilon(1e-14));
  CHECK(run.hidden(0, 0) == Approx(0.31418127709513344).epsilon(1e-14));
  CHECK(run.predictions(0) == Approx(0.5712719156427002).epsilon(1e-14));
}

TEST_CASE("BPTT gradients match finite differences for both cells", "[recurrent]") {
  Vector x = randomVector(7, 11);
  Vector y = randomVector(7, 12);
  for (RecurrentCell cell : {RecurrentCell::Rnn, RecurrentCell::Lstm}) {
    SECTION(std::string("cell ") + dw::recurrentCellName(cell)) {
      RecurrentNet net;
      net.setCell(cell);
      net.setHiddenSize(3);
      net.setInitScale(1.5);  // large enough that every nonlinearity is away from its linear part
      net.reset(5);
      // Non-zero biases and readout so every parameter's derivative is exercised.
      Vector theta = net.params() + randomVector(net.paramCount(), 6, 0.3);
      net.setParams(theta);
      checkGradient(net, x, y);
    }
  }
}

TEST_CASE("truncated BPTT is the gradient with the state held fixed at chunk starts", "[recurrent]") {
  // With truncation k the state entering each chunk of k steps is treated as a constant. So the
  // truncated gradient is the derivative of Σ_chunks (1/T)·Σ_{t∈chunk}(ŷ_t − y_t)² where each
  // chunk is run (forward from a given state) from the state the unperturbed net reached there.
  const int T = 9, k = 4;
  Vector x = randomVector(T, 21);
  Vector y = randomVector(T, 22);
  for (RecurrentCell cell : {RecurrentCell::Rnn, RecurrentCell::Lstm}) {
    SECTION(std::string("cell ") + dw::recurrentCellName(cell)) {
      RecurrentNet net;
      net.setCell(cell);
      net.setHiddenSize(2);
      net.setInitScale(1.5);
      net.reset(3);
      net.setParams(net.params() + randomVector(net.paramCount(), 4, 0.3));
      const bool lstm = cell == RecurrentCell::Lstm;
      dw::RecurrentRun full = net.forward(x);
      auto chunked = [&](RecurrentNet& m) {
        double total = 0;
        for (int s = 0; s < T; s += k) {
          int len = std::min(k, T - s);
          Vector h0 = s == 0 ? Vector::Zero(2) : Vector(full.hidden.row(s - 1).transpose());
          Vector c0 = !lstm ? Vector() : s == 0 ? Vector::Zero(2) : Vector(full.cell.row(s - 1).transpose());
          dw::RecurrentRun r = m.forward(x.segment(s, len), h0, c0);
          for (int t = 0; t < len; ++t) total += std::pow(r.predictions(t) - y(s + t), 2) / T;
        }
        return total;
      };
      Vector theta = net.params();
      CHECK(chunked(net) == Approx(net.sequenceLoss(x, y)).epsilon(1e-12));  // same forward values
      net.setTruncation(k);
      Vector g = net.sequenceGradient(x, y);
      const double h = 1e-6;
      for (Index i = 0; i < theta.size(); ++i) {
        Vector p = theta;
        p(i) += h;
        net.setParams(p);
        double up = chunked(net);
        p(i) = theta(i) - h;
        net.setParams(p);
        double down = chunked(net);
        INFO("parameter " << i);
        CHECK(g(i) == Approx((up - down) / (2 * h)).epsilon(1e-6).margin(1e-8));
      }
      net.setParams(theta);
      // A truncation at least as long as the sequence is full BPTT; k = 1 is not.
      net.setTruncation(T);
      Vector same = net.sequenceGradient(x, y);
      net.setTruncation(0);
      Vector fullGrad = net.sequenceGradient(x, y);
      CHECK((same - fullGrad).norm() == Approx(0).margin(1e-15));
      net.setTruncation(1);
      CHECK((net.sequenceGradient(x, y) - fullGrad).norm() > 1e-4);
    }
  }
}

TEST_CASE("training is deterministic for a seed and learns a sine", "[recurrent]") {
  Vector series = dw::makeWaveSequence(200, "sine", 20, 0.05, 7);
  CHECK(series == dw::makeWaveSequence(200, "sine", 20, 0.05, 7));
  CHECK(series != dw::makeWaveSequence(200, "sine", 20, 0.05, 8));
  for (RecurrentCell cell : {RecurrentCell::Rnn, RecurrentCell::Lstm}) {
    auto run = [&](std::uint32_t seed) {
      RecurrentNet net;
      net.setCell(cell);
      net.setSeries(series);
      net.reset(seed);
      net.fit(300);
      return net;
    };
    RecurrentNet a = run(1), b = run(1), c = run(2);
    CHECK(a.params() == b.params());
    CHECK(a.loss() == b.loss());
    CHECK(a.params() != c.params());
    // The untrained net predicts near 0 (MSE ≈ mean x² ≈ 0.5); after 300 Adam steps the one-step
    // error is a small fraction of that.
    RecurrentNet fresh;
    fresh.setCell(cell);
    fresh.setSeries(series);
    fresh.reset(1);
    INFO("cell " << dw::recurrentCellName(cell) << ": loss " << fresh.loss() << " → " << a.loss());
    CHECK(fresh.loss() > 0.3);
    CHECK(a.loss() < 0.05);
    CHECK(a.trace().rows() == 301);
    CHECK(a.status() == dw::Status::Ready);
  }
}

TEST_CASE("clipping scales the step's gradient to the clip norm", "[recurrent]") {
  Vector series = dw::makeWaveSequence(100, "two-sines", 25, 0.0, 1);
  RecurrentNet net;
  net.setSeries(series);
  net.setOptimizer(dw::OptimizerKind::SGD);
  net.setLearningRate(0.1);
  net.setClipNorm(1e-3);
  net.reset(4);
  Vector before = net.params();
  net.step();
  REQUIRE(net.lastClipped());
  REQUIRE(net.lastGradientNorm() > 1e-3);
  // SGD: θ ← θ − η·g_clipped, so the parameters move by exactly η·c.
  CHECK((net.params() - before).norm() == Approx(0.1 * 1e-3).epsilon(1e-9));
  net.setClipNorm(0);
  net.step();
  CHECK_FALSE(net.lastClipped());
}

TEST_CASE("free-running generation feeds predictions back", "[recurrent]") {
  Vector series = dw::makeWaveSequence(60, "sine", 12, 0.0, 1);
  RecurrentNet net;
  net.setCell(RecurrentCell::Lstm);
  net.setSeries(series);
  net.reset(2);
  net.fit(50);
  Vector gen = net.generate(30, 5);
  REQUIRE(gen.size() == 5);
  // The first generated value is the teacher-forced prediction after x_0…x_29.
  dw::RecurrentRun run = net.forward(series.head(30));
  CHECK(gen(0) == Approx(run.predictions(29)).epsilon(1e-14));
  // The next ones equal a teacher-forced run whose inputs are those predictions.
  Vector inputs(32);
  inputs << series.head(30), gen(0), gen(1);
  dw::RecurrentRun fed = net.forward(inputs);
  CHECK(gen(1) == Approx(fed.predictions(30)).epsilon(1e-14));
  CHECK(gen(2) == Approx(fed.predictions(31)).epsilon(1e-14));
}

TEST_CASE("the gradient flow is the norm of dL_T/dh_t, checked by finite differences", "[recurrent]") {
  // ∂L_T/∂h_t is checked directly: perturb h_t (run the first t steps, then forward from a
  // nudged state) and difference L_T = (ŷ_T − x_T)².
  Vector series = dw::makeWaveSequence(20, "two-sines", 9, 0.1, 3);
  for (RecurrentCell cell : {RecurrentCell::Rnn, RecurrentCell::Lstm}) {
    RecurrentNet net;
    net.setCell(cell);
    net.setHiddenSize(3);
    net.setInitScale(1.5);
    net.setSeries(series);
    net.reset(9);
    const int T = 8;
    Vector flow = net.gradientFlow(T);
    REQUIRE(flow.size() == T);
    dw::RecurrentRun run = net.forward(series.head(T));
    const bool lstm = cell == RecurrentCell::Lstm;
    for (int back : {0, 3, 6}) {
      int t = T - 1 - back;  // the state after input t
      Vector h = run.hidden.row(t).transpose();
      Vector c = lstm ? Vector(run.cell.row(t).transpose()) : Vector();
      Vector grad(3);
      for (int j = 0; j < 3; ++j) {
        auto lastLoss = [&](double delta) {
          Vector hj = h;
          hj(j) += delta;
          if (back == 0) {
            // ŷ_T = w_y·h_T + b_y directly.
            Vector theta = net.params();
            Index wy = theta.size() - 4;
            double yhat = theta.segment(wy, 3).dot(hj) + theta(theta.size() - 1);
            return std::pow(yhat - series(T), 2);
          }
          dw::RecurrentRun rest = net.forward(series.segment(t + 1, back), hj, c);
          return std::pow(rest.predictions(back - 1) - series(T), 2);
        };
        grad(j) = (lastLoss(1e-6) - lastLoss(-1e-6)) / 2e-6;
      }
      INFO("cell " << dw::recurrentCellName(cell) << ", " << back << " steps back");
      CHECK(flow(back) == Approx(grad.norm()).epsilon(1e-6));
    }
  }
}

TEST_CASE("gradients vanish over long sequences for the RNN, far less for the LSTM", "[recurrent]") {
  // The lesson's measured fact, with the widget's defaults: 8 hidden units, init scale 1, forget
  // bias 1, seed 1, the sine of period 20 with noise 0.05 (seed 1), 60 steps back.
  Vector series = dw::makeWaveSequence(240, "sine", 20, 0.05, 1);
  auto relative = [&](RecurrentCell cell) {
    RecurrentNet net;
    net.setCell(cell);
    net.setSeries(series);
    net.reset(1);
    Vector flow = net.gradientFlow(60);
    return flow(59) / flow(0);
  };
  double rnn = relative(RecurrentCell::Rnn);
  double lstm = relative(RecurrentCell::Lstm);
  INFO("RNN " << rnn << ", LSTM " << lstm);
  // The lesson: "about 10^-14" for the RNN, "about 3 × 10^-6" for the LSTM, eight orders apart.
  CHECK(std::lround(std::log10(rnn)) == -14);
  CHECK(lstm > 2.5e-6);
  CHECK(lstm < 3.5e-6);
  CHECK(std::lround(std::log10(lstm / rnn)) == 8);
}

TEST_CASE("bad input to RecurrentNet gives typed errors and leaves it working", "[recurrent]") {
  RecurrentNet net;
  CHECK_THROWS_AS(net.step(), dw::StateError);
  CHECK_THROWS_WITH(net.loss(), Contains("no series yet"));
  CHECK_THROWS_AS(net.setHiddenSize(0), dw::InvalidArgument);
  CHECK_THROWS_WITH(net.setHiddenSize(65), Contains("hiddenSize=65 must be in [1, 64]"));
  CHECK_THROWS_AS(net.setInitScale(0), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setClipNorm(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setTruncation(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setSequenceLength(0), dw::InvalidArgument);
  CHECK_THROWS_AS(net.setForgetBias(std::numeric_limits<double>::quiet_NaN()), dw::InvalidArgument);
  CHECK_THROWS_WITH(dw::recurrentCellFromName("gru", "X"), Contains("cell='gru' is not a recurrent cell"));
  CHECK_THROWS_WITH(dw::makeWaveSequence(10, "saw", 5, 0, 1), Contains("wave='saw'"));
  CHECK_THROWS_AS(dw::makeWaveSequence(1, "sine", 5, 0, 1), dw::InvalidArgument);

  Vector bad(4);
  bad << 0, 1, std::numeric_limits<double>::quiet_NaN(), 2;
  CHECK_THROWS_WITH(net.setSeries(bad), Contains("series[2]=NaN is not a finite number"));
  CHECK_THROWS_AS(net.setSeries(Vector::Zero(2)), dw::ShapeError);
  Vector huge = Vector::Constant(5, 2e6);
  CHECK_THROWS_AS(net.setSeries(huge), dw::InvalidArgument);
  CHECK(net.status() == dw::Status::Empty);

  net.setSeries(dw::makeWaveSequence(30, "sine", 10, 0, 1));
  net.setSequenceLength(30);  // a window needs 31 values
  CHECK_THROWS_WITH(net.step(), Contains("needs 31 values of the series, it has 30"));
  net.setSequenceLength(10);
  CHECK_NOTHROW(net.step());
  CHECK_THROWS_AS(net.setParams(Vector::Zero(3)), dw::ShapeError);
  CHECK_THROWS_AS(net.sequenceLoss(Vector::Zero(3), Vector::Zero(4)), dw::ShapeError);
  CHECK_THROWS_AS(net.sequenceLoss(Vector(), Vector()), dw::ShapeError);
  CHECK_THROWS_AS(net.forward(Vector::Zero(3), Vector::Zero(5)), dw::ShapeError);
  CHECK_THROWS_WITH(net.forward(Vector::Zero(3), Vector(), Vector::Zero(8)), Contains("c0 is only for the LSTM"));
  CHECK_THROWS_AS(net.generate(0, 5), dw::InvalidArgument);
  CHECK_THROWS_AS(net.generate(31, 5), dw::InvalidArgument);
  CHECK_THROWS_AS(net.gradientFlow(30), dw::StateError);
  CHECK(std::isfinite(net.loss()));

  // A learning rate that blows up: the status says so, and step() refuses until reset.
  net.setOptimizer(dw::OptimizerKind::SGD);
  net.setLearningRate(10);
  net.setClipNorm(0);
  net.setInitScale(10);
  for (int i = 0; i < 200 && net.status() != dw::Status::Diverged; ++i) net.step();
  REQUIRE(net.status() == dw::Status::Diverged);
  CHECK_THROWS_WITH(net.step(), Contains("diverged"));
  net.reset(0);
  CHECK(net.status() == dw::Status::Ready);
}
