// Deep Q-learning: the network's gradient against finite differences, one TD update by hand,
// the replay ring buffer, the frozen target network, real learning on the plane task, the cost
// of turning replay and the target network off, and the grid task against value iteration and
// tabular Q-learning.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "dw/deep_q.hpp"
#include "dw/errors.hpp"
#include "dw/q_learning.hpp"

using dw::DeepQ;
using dw::Experience;

namespace {

Experience exp(double sx, double sy, int a, double r, double nx, double ny, bool terminal) {
  Experience e;
  e.state = {sx, sy};
  e.action = a;
  e.reward = r;
  e.next = {nx, ny};
  e.terminal = terminal;
  return e;
}

double meanOfLast(const std::vector<double>& v, std::size_t n) {
  n = std::min(n, v.size());
  return std::accumulate(v.end() - static_cast<long>(n), v.end(), 0.0) / double(n);
}

// All weights zero and the output biases given: Q(s, ·) is those four numbers at every state.
std::vector<double> constantQ(const dw::QNetwork& net, std::array<double, 4> q) {
  std::vector<double> p(net.params().size(), 0.0);
  int last = static_cast<int>(net.sizes().size()) - 2;
  for (int a = 0; a < 4; ++a) p[net.biasIndex(last, a)] = q[static_cast<std::size_t>(a)];
  return p;
}

}  // namespace

TEST_CASE("the TD loss gradient matches central finite differences", "[deep-q]") {
  for (const char* loss : {"huber", "squared"}) {
    DeepQ m;
    m.setHiddenUnits(8);
    m.setLoss(loss);
    m.setGamma(0.9);
    m.reset(3);
    m.fit(200);  // online and target now differ
    // Errors both inside and outside the Huber band: scale the rewards up.
    std::vector<Experience> batch = {exp(0.1, 0.2, 0, 0.0, 0.1, 0.12, false), exp(0.7, 0.3, 1, 1.0, 0.78, 0.3, true),
                                     exp(0.5, 0.9, 2, -3.0, 0.5, 0.98, false), exp(0.33, 0.61, 3, 2.5, 0.25, 0.61, false)};
    std::vector<double> grad = m.batchGradient(batch);
    std::vector<double> theta = m.online().params();
    const double h = 1e-6;
    double worst = 0.0;
    for (std::size_t i = 0; i < theta.size(); ++i) {
      std::vector<double> plus = theta, minus = theta;
      plus[i] += h;
      minus[i] -= h;
      m.setOnlineParams(plus);
      double lp = m.batchLoss(batch);
      m.setOnlineParams(minus);
      double lm = m.batchLoss(batch);
      double fd = (lp - lm) / (2 * h);
      worst = std::max(worst, std::fabs(fd - grad[i]) / std::max(1.0, std::fabs(fd)));
    }
    m.setOnlineParams(theta);
    INFO(loss);
    CHECK(worst < 1e-6);
    CHECK(std::any_of(grad.begin(), grad.end(), [](double g) { return std::fabs(g) > 1e-3; }));
  }
}

TEST_CASE("one TD target and one SGD update by hand", "[deep-q]") {
  // The lesson's worked example: Q(s, ·) = (0.1, 0.3, 0.2, 0.0), Q_target(s', ·) = (0.2, 0.5,
  // 0.3, 0.1), the agent moved right (a = 1), r = 0, s' not terminal, γ = 0.95, η = 0.1, SGD.
  DeepQ m;
  m.setHiddenUnits(4);
  m.setOptimizer("sgd");
  m.setLoss("squared");
  m.setLearningRate(0.1);
  m.setGamma(0.95);
  m.reset(1);
  m.setOnlineParams(constantQ(m.online(), {0.1, 0.3, 0.2, 0.0}));
  m.setTargetParams(constantQ(m.target(), {0.2, 0.5, 0.3, 0.1}));
  Experience e = exp(0.3, 0.4, 1, 0.0, 0.38, 0.4, false);
  // y = r + γ·max_a' Q_target(s', a') = 0 + 0.95·0.5
  CHECK(m.tdTarget(e) == Approx(0.475).epsilon(1e-15));
  // δ = y − Q(s, a) = 0.175; squared loss ½δ²
  CHECK(m.batchLoss({e}) == Approx(0.5 * 0.175 * 0.175).epsilon(1e-12));
  double before = m.learnFrom({e});
  CHECK(before == Approx(0.0153125).epsilon(1e-12));
  // The hidden units output 0, so only the bias of the chosen action moves: by η·δ = 0.0175.
  auto q = m.q(0.3, 0.4);
  CHECK(q[1] == Approx(0.3175).epsilon(1e-12));
  CHECK(q[0] == 0.1);
  CHECK(q[2] == 0.2);
  CHECK(q[3] == 0.0);
  // The target network did not move; the new TD error is smaller: 0.475 − 0.3175 = 0.1575.
  CHECK(m.tdTarget(e) == Approx(0.475).epsilon(1e-15));
  // A terminal move's target is its reward alone.
  CHECK(m.tdTarget(exp(0.3, 0.4, 1, 1.0, 0.38, 0.4, true)) == 1.0);
  // Huber agrees with the squared loss while |δ| ≤ 1 and clips the gradient beyond.
  m.setLoss("huber");
  Experience far = exp(0.3, 0.4, 2, 3.0, 0.3, 0.48, true);  // δ = 3 − 0.2 = 2.8
  CHECK(m.batchLoss({far}) == Approx(2.8 - 0.5).epsilon(1e-12));
  m.learnFrom({far});
  CHECK(m.q(0.3, 0.4)[2] == Approx(0.2 + 0.1 * 1.0).epsilon(1e-12));
}

TEST_CASE("the replay buffer keeps the newest experiences once full", "[deep-q]") {
  dw::ReplayBuffer buffer(3);
  for (int i = 1; i <= 5; ++i) buffer.push(exp(0, 0, 0, double(i), 0, 0, false));
  REQUIRE(buffer.size() == 3);
  CHECK(buffer.oldest(0).reward == 3.0);
  CHECK(buffer.oldest(1).reward == 4.0);
  CHECK(buffer.oldest(2).reward == 5.0);
  CHECK_THROWS_AS(buffer.oldest(3), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::ReplayBuffer(0), dw::InvalidArgument);

  DeepQ m;
  m.setReplayCapacity(10);
  m.reset(2);
  m.fit(4);
  CHECK(m.replaySize() == 4);
  CHECK(m.learnSteps() == 0);  // waits for a first batch of min(32, 10) = 10
  m.fit(21);
  CHECK(m.replaySize() == 10);
  CHECK(m.learnSteps() == 16);
  // The oldest held experience is move 16 (of 25): its state is the next state of move 15.
  CHECK(m.replay().oldest(9).next == m.position());
}

TEST_CASE("the target network stays frozen between syncs", "[deep-q]") {
  DeepQ m;
  m.setTargetSync(7);
  m.setBatchSize(4);
  m.reset(5);
  std::vector<double> frozen = m.target().params();
  CHECK(frozen == m.online().params());
  while (m.learnSteps() < 6) m.step();
  CHECK(m.target().params() == frozen);
  CHECK(m.online().params() != frozen);
  int syncsBefore = m.syncs();
  while (m.learnSteps() < 7) m.step();
  CHECK(m.syncs() == syncsBefore + 1);
  CHECK(m.target().params() == m.online().params());
  std::vector<double> second = m.target().params();
  while (m.learnSteps() < 13) m.step();
  CHECK(m.target().params() == second);
  while (m.learnSteps() < 14) m.step();
  CHECK(m.target().params() == m.online().params());
}

TEST_CASE("with the defaults and seed 1 the agent learns the plane task within 300 episodes", "[deep-q]") {
  DeepQ m;
  m.reset(1);
  m.runEpisodes(50);
  double early = meanOfLast(m.episodeReturns(), 50);
  double earlySuccess = m.greedySuccess(10);
  m.runEpisodes(250);
  double late = meanOfLast(m.episodeReturns(), 50);
  double success = m.greedySuccess(10);
  INFO("early " << early << " late " << late << " greedy " << earlySuccess << " → " << success);
  CHECK(early < 0.3);
  CHECK(earlySuccess < 0.2);
  CHECK(late >= 0.9);
  CHECK(success >= 0.8);
  // The learned values stay within what a return can be (at most +1 here).
  const auto& t = m.trace();
  CHECK(t.at(t.rows() - 1, "probeValue") < 1.0);
}

// The largest mean value over the probe grid in any episode of a run.
static double peakProbe(const DeepQ& m) {
  const auto& t = m.trace();
  double peak = -1e300;
  for (std::size_t r = 0; r < t.rows(); ++r) peak = std::max(peak, t.at(r, "probeValue"));
  return peak;
}

TEST_CASE("without replay and target network learning is much worse; without the target, values run away",
          "[deep-q]") {
  // Seeds 1–5, 300 episodes each: the mean return of episodes 201–300, and the largest mean value
  // over the plane in any episode (no return can exceed +1; a fresh network starts at a few units).
  double full = 0, bare = 0;
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    DeepQ a;
    a.reset(seed);
    a.runEpisodes(300);
    full += meanOfLast(a.episodeReturns(), 100) / 5;
    CHECK(peakProbe(a) < 5.0);

    DeepQ b;
    b.setReplayCapacity(1);
    b.setTargetSync(1);
    b.reset(seed);
    b.runEpisodes(300);
    bare += meanOfLast(b.episodeReturns(), 100) / 5;
    CHECK(meanOfLast(b.episodeReturns(), 100) < meanOfLast(a.episodeReturns(), 100) - 0.3);

    DeepQ c;
    c.setTargetSync(1);
    c.reset(seed);
    c.runEpisodes(300);
    INFO("seed " << seed << " peak without target " << peakProbe(c));
    CHECK(peakProbe(c) > 1000.0);
    CHECK(meanOfLast(c.episodeReturns(), 100) < 0.3);
  }
  INFO("full " << full << " bare " << bare);
  CHECK(full >= 0.95);
  CHECK(bare <= 0.2);
}

TEST_CASE("on the frozen lake the network finds the tabular agent's values and an optimal path", "[deep-q]") {
  dw::Gridworld g;
  g.preset("classic4x4");
  DeepQ m;
  m.setTask("grid");
  m.setGridworld(g);
  m.setGamma(0.9);
  m.reset(1);
  m.runEpisodes(300);
  dw::Vector vStar = g.valueIteration(0.9, 1e-9);
  dw::Vector v = m.valueMap(0);
  CHECK(m.greedySuccess(0) == 1.0);
  CHECK(std::fabs(v(g.startCell()) - vStar(g.startCell())) < 0.02);
  dw::QLearning table;
  table.setEnvironment(g);
  table.setEpsilon(0.2);
  table.reset(1);
  table.runEpisodes(300);
  CHECK(std::fabs(v(g.startCell()) - table.values()(g.startCell())) < 0.02);
  // Same greedy path length from the start: six moves.
  auto policy = m.policyMap(0);
  int cell = g.startCell(), moves = 0;
  while (!g.isTerminal(cell) && moves < 20) {
    std::array<dw::Transition, 3> out;
    g.transitions(cell, policy[static_cast<std::size_t>(cell)], out);
    cell = out[0].next;
    ++moves;
  }
  CHECK(g.kindAt(cell) == dw::CellKind::Goal);
  CHECK(moves == 6);
}

TEST_CASE("deep Q-learning is deterministic and gives the WASM build's numbers", "[deep-q]") {
  DeepQ a, b;
  a.reset(7);
  b.reset(7);
  a.runEpisodes(20);
  b.runEpisodes(20);
  CHECK(a.online().params() == b.online().params());
  CHECK(a.steps() == b.steps());
  // tests/node/deep_q.test.mjs asserts the same numbers from the WASM module.
  CHECK(a.steps() == 904);
  CHECK(a.q(0.5, 0.5)[0] == 1.4749749372271719);
}

TEST_CASE("deep Q-learning refuses bad settings with typed errors", "[deep-q]") {
  DeepQ m;
  CHECK_THROWS_AS(m.setTask("cartpole"), dw::InvalidArgument);
  m.setTask("grid");  // a new task must be started by reset()
  CHECK_THROWS_AS(m.step(), dw::StateError);
  m.reset(1);
  CHECK(m.step() == 0.0);  // the frozen lake's first move never ends on a reward (its neighbours are empty)
  m.setTask("plane");
  CHECK_THROWS_AS(m.setLoss("l1"), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setOptimizer("rmsprop"), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setGamma(1.0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setGamma(std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setLearningRate(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setEpsilon(1.5), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setEpsilonDecay(-0.1), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setReplayCapacity(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setBatchSize(1000), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setTargetSync(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setHiddenUnits(500), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setMaxEpisodeSteps(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.valueMap(0), dw::InvalidArgument);
  CHECK_THROWS_AS(m.setOnlineParams({1.0, 2.0}), dw::ShapeError);
  CHECK_THROWS_AS(m.batchLoss({}), dw::ShapeError);
  CHECK_THROWS_AS(m.batchLoss({exp(0, 0, 7, 0, 0, 0, true)}), dw::InvalidArgument);
  // A huge learning rate with plain SGD and the squared loss diverges; step() then says so.
  m.setOptimizer("sgd");
  m.setLoss("squared");
  m.setLearningRate(1.0);
  m.setTargetSync(1);
  m.setEpsilon(1.0);
  m.reset(1);
  CHECK(m.fit(5000) < 5000);
  REQUIRE(m.status() == dw::Status::Diverged);
  CHECK_THROWS_AS(m.step(), dw::StateError);
}
