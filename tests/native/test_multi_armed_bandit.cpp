#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "dw/errors.hpp"
#include "dw/multi_armed_bandit.hpp"

using Catch::Matchers::Contains;
using dw::MultiArmedBandit;

namespace {
int mostPulled(const MultiArmedBandit& b) {
  int best = 0;
  for (int a = 1; a < b.arms(); ++a)
    if (b.counts()[size_t(a)] > b.counts()[size_t(best)]) best = a;
  return best;
}
}  // namespace

TEST_CASE("bandit bookkeeping matches a hand replay of the trace", "[reinforcement][bandit]") {
  MultiArmedBandit b;
  b.setMeans({0.0, 1.0, 0.5});
  b.setStrategy("ucb1");
  b.setC(2.0);
  b.reset(5);
  b.fit(200);
  const auto& t = b.trace();
  REQUIRE(t.rows() == 201);
  CHECK(t.at(0, "arm") == -1);
  // UCB1 tries every arm once, in index order.
  for (int k = 1; k <= 3; ++k) CHECK(t.at(size_t(k), "arm") == k - 1);
  // Replay: sample means, counts, cumulative reward and pseudo-regret (gaps 1, 0, 0.5).
  std::vector<double> sum(3, 0.0), n(3, 0.0);
  double cumulative = 0, regret = 0;
  const double gap[3] = {1.0, 0.0, 0.5};
  for (size_t k = 1; k < t.rows(); ++k) {
    int a = int(t.at(k, "arm"));
    double r = t.at(k, "reward");
    if (k > 3) {
      // The chosen arm maximises Q_a + c·sqrt(ln(k−1)/N_a) over the state before pull k.
      double chosen = sum[size_t(a)] / n[size_t(a)] + 2.0 * std::sqrt(std::log(double(k - 1)) / n[size_t(a)]);
      for (int o = 0; o < 3; ++o)
        CHECK(chosen >= sum[size_t(o)] / n[size_t(o)] + 2.0 * std::sqrt(std::log(double(k - 1)) / n[size_t(o)]) - 1e-9);
    }
    sum[size_t(a)] += r, n[size_t(a)] += 1, cumulative += r, regret += gap[a];
    CHECK(t.at(k, "cumulativeReward") == Approx(cumulative).margin(1e-9));
    CHECK(t.at(k, "regret") == Approx(regret).margin(1e-9));
  }
  for (int a = 0; a < 3; ++a) {
    CHECK(b.counts()[size_t(a)] == int(n[size_t(a)]));
    CHECK(b.estimates()[size_t(a)] == Approx(sum[size_t(a)] / n[size_t(a)]).margin(1e-12));
  }
  CHECK(b.optimalArm() == 1);
  CHECK(b.optimalFraction() == Approx(n[1] / 200));
  CHECK(b.regret() == Approx(regret));
}

TEST_CASE("UCB1 regret grows sub-linearly", "[reinforcement][bandit]") {
  // Averaged over seeds: regret after 10 000 pulls versus after 1 000. Linear growth would give
  // a ratio of 10; UCB1's logarithmic bound predicts about ln(10⁴)/ln(10³) ≈ 1.3 once the
  // arms are told apart.
  double at1k = 0, at10k = 0;
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    MultiArmedBandit b;
    b.setArms(10);
    b.setStrategy("ucb1");
    b.reset(seed);
    b.fit(1000);
    at1k += b.regret();
    b.fit(9000);
    at10k += b.regret();
    CHECK(b.optimalFraction() > 0.8);
  }
  INFO("regret at 1k " << at1k / 5 << ", at 10k " << at10k / 5);
  CHECK(at10k < 3.0 * at1k);
}

TEST_CASE("greedy can lock onto a bad arm where epsilon 0.1 finds the best", "[reinforcement][bandit]") {
  int found = 0;
  for (std::uint32_t seed = 1; seed <= 30 && !found; ++seed) {
    MultiArmedBandit greedy, explorer;
    greedy.setEpsilon(0.0);
    explorer.setEpsilon(0.1);
    greedy.reset(seed);
    explorer.reset(seed);
    REQUIRE(greedy.means() == explorer.means());  // same arms for the same seed
    greedy.fit(5000);
    explorer.fit(5000);
    if (mostPulled(greedy) != greedy.optimalArm() && mostPulled(explorer) == explorer.optimalArm()) {
      found = int(seed);
      CHECK(greedy.optimalFraction() < 0.1);
      CHECK(explorer.optimalFraction() > 0.5);
      CHECK(greedy.regret() > explorer.regret());
    }
  }
  INFO("first seed where greedy locks on: " << found);
  CHECK(found > 0);
}

TEST_CASE("estimates converge to the means", "[reinforcement][bandit]") {
  MultiArmedBandit b;
  b.setArms(5);
  b.setEpsilon(1.0);  // pure exploration: about 4 000 pulls per arm, standard error ≈ 0.016
  b.reset(11);
  b.fit(20000);
  for (int a = 0; a < 5; ++a) CHECK(b.estimates()[size_t(a)] == Approx(b.means()[size_t(a)]).margin(0.08));
  // Noise-free arms: each estimate equals its mean after one pull.
  b.setRewardSd(0);
  b.setStrategy("ucb1");
  b.fit(5);
  for (int a = 0; a < 5; ++a) CHECK(b.estimates()[size_t(a)] == b.means()[size_t(a)]);
}

TEST_CASE("bandit determinism and bad input", "[reinforcement][bandit][errors]") {
  MultiArmedBandit a, b;
  a.reset(77);
  b.reset(77);
  a.fit(500);
  b.fit(500);
  CHECK(a.trace().values() == b.trace().values());
  b.reset(78);
  CHECK(a.means() != b.means());

  CHECK_THROWS_WITH(a.setArms(1), Contains("k=1 must be in [2, 20]"));
  CHECK_THROWS_AS(a.setArms(21), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setMeans({1.0}), dw::ShapeError);
  CHECK_THROWS_WITH(a.setMeans({1.0, std::nan("")}), Contains("means[1]=NaN"));
  CHECK_THROWS_WITH(a.setStrategy("softmax"), Contains("strategy='softmax'"));
  CHECK_THROWS_AS(a.setEpsilon(-0.1), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setC(-1), dw::InvalidArgument);
  CHECK_THROWS_AS(a.setRewardSd(std::nan("")), dw::InvalidArgument);
  CHECK_THROWS_AS(a.fit(-1), dw::InvalidArgument);
  CHECK(a.arms() == 10);
  CHECK(a.fit(10) == 10);
  CHECK(a.steps() == 510);
}
