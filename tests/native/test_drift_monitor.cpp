// Drift statistics and the simulated deployment (dw/drift_monitor.hpp): PSI by hand and against
// its definition in NumPy, the two-sample KS test against SciPy's ks_2samp
// (tests/fixtures/drift_monitor.json, made by tests/fixtures/generators/drift_monitor.py), the
// monitor's alarm rule and retraining, determinism and bad input.
#include <catch2/catch.hpp>
#include <cmath>

#include "dw/drift_monitor.hpp"
#include "dw/errors.hpp"
#include "fixture.hpp"

using dw::Vector;
using Catch::Matchers::Contains;

using fixture::vec;

TEST_CASE("PSI of three bins by hand", "[drift]") {
  // (0.3 − 0.5)·ln(0.3/0.5) + (0.3 − 0.3)·ln 1 + (0.4 − 0.2)·ln(0.4/0.2) = 0.2·ln(5/3) + 0.2·ln 2
  const double want = 0.2 * std::log(5.0 / 3.0) + 0.2 * std::log(2.0);
  CHECK(dw::psiFromShares(vec({0.5, 0.3, 0.2}), vec({0.3, 0.3, 0.4})) == Approx(want).epsilon(1e-14));
  CHECK(want == Approx(0.24079).margin(1e-5));
  // Symmetric in its two arguments and 0 for identical shares.
  CHECK(dw::psiFromShares(vec({0.3, 0.3, 0.4}), vec({0.5, 0.3, 0.2})) == Approx(want).epsilon(1e-14));
  CHECK(dw::psiFromShares(vec({0.25, 0.75}), vec({0.25, 0.75})) == 0.0);
  // An empty bin uses the floor 1e-4: (0.5 − 1e-4)·ln(0.5/1e-4) + (0.5 − 1)·ln(0.5/1).
  CHECK(dw::psiFromShares(vec({0.0, 1.0}), vec({0.5, 0.5})) ==
        Approx((0.5 - 1e-4) * std::log(0.5 / 1e-4) + (0.5 - 1.0) * std::log(0.5)).epsilon(1e-14));
}

TEST_CASE("PSI bins are the reference quantiles", "[drift]") {
  // Reference 1…8, 4 bins: inner edges at sorted positions 2, 4, 6 → values 3, 5, 7.
  dw::PsiResult r = dw::populationStabilityIndex(vec({8, 7, 6, 5, 4, 3, 2, 1}), vec({1, 1, 1, 8}), 4);
  REQUIRE(r.edges == std::vector<double>{3, 5, 7});
  CHECK(r.referenceShares == std::vector<double>{0.25, 0.25, 0.25, 0.25});
  // 1, 1, 1 fall below 3; 8 is at or above 7.
  CHECK(r.currentShares == std::vector<double>{0.75, 0.0, 0.0, 0.25});
  const double want = (0.75 - 0.25) * std::log(3.0) + 2 * (1e-4 - 0.25) * std::log(1e-4 / 0.25);
  CHECK(r.psi == Approx(want).epsilon(1e-14));
}

TEST_CASE("PSI matches its definition computed with NumPy", "[drift][scipy]") {
  auto f = fixture::load("drift_monitor");
  for (std::size_t i = 0; i < f["psi"].size(); ++i) {
    auto c = f["psi"][i];
    INFO(c["name"].text);
    dw::PsiResult r = dw::populationStabilityIndex(c["reference"].vector(), c["current"].vector(), static_cast<int>(c["bins"].num()));
    CHECK(r.edges == c["edges"].numbers());
    CHECK(r.referenceShares == c["referenceShares"].numbers());
    CHECK(r.currentShares == c["currentShares"].numbers());
    CHECK(fixture::relClose(r.psi, c["psi"].num(), 1e-12));
  }
}

TEST_CASE("KS statistic by hand on a tiny pair", "[drift]") {
  // a = {1, 2, 3}, b = {2.5, 4, 5}: after 3, F_a = 1 and F_b = 1/3, so D = 2/3. Of the 20 orders of
  // six values, 12 reach |i/3 − j/3| = 2/3 (the three a-first orders and their mirrors … counted
  // by the lattice walk): p = 0.6.
  dw::KsResult r = dw::ksTwoSample(vec({1, 2, 3}), vec({2.5, 4, 5}));
  CHECK(r.statistic == Approx(2.0 / 3.0).epsilon(1e-15));
  CHECK(r.pValue == Approx(0.6).epsilon(1e-13));
  // Identical samples: D = 0, p = 1.
  dw::KsResult same = dw::ksTwoSample(vec({1, 2, 3}), vec({3, 2, 1}));
  CHECK(same.statistic == 0.0);
  CHECK(same.pValue == 1.0);
}

TEST_CASE("KS test matches SciPy's exact ks_2samp", "[drift][scipy]") {
  auto f = fixture::load("drift_monitor");
  for (std::size_t i = 0; i < f["ks"].size(); ++i) {
    auto c = f["ks"][i];
    INFO(c["name"].text);
    dw::KsResult r = dw::ksTwoSample(c["a"].vector(), c["b"].vector());
    CHECK(fixture::relClose(r.statistic, c["statistic"].num(), 1e-14));
    CHECK(fixture::relClose(r.pValue, c["pValue"].num(), 1e-8, 1e-300));
  }
}

TEST_CASE("drift statistics refuse bad input", "[drift][errors]") {
  CHECK_THROWS_AS(dw::psiFromShares(vec({0.5, 0.5}), vec({1.0})), dw::ShapeError);
  CHECK_THROWS_WITH(dw::psiFromShares(vec({0.5, -0.5}), vec({0.5, 0.5})), Contains("psiFromShares: referenceShares[1]=-0.5 is negative"));
  CHECK_THROWS_AS(dw::populationStabilityIndex(vec({1, 2}), vec({1}), 1), dw::InvalidArgument);
  CHECK_THROWS_AS(dw::populationStabilityIndex(Vector(), vec({1}), 4), dw::ShapeError);
  CHECK_THROWS_WITH(dw::ksTwoSample(vec({1, NAN}), vec({1})), Contains("ksTwoSample"));
  CHECK_THROWS_AS(dw::ksTwoSample(Vector::Zero(4000), Vector::Zero(4000)), dw::ShapeError);
}

namespace {
dw::DeploymentConfig lessonConfig() {
  dw::DeploymentConfig c;  // the defaults: 60 days of 100 points, inputs drift suddenly by 2 on day 20
  c.seed = 14;               // the lesson's seed (lessons/model-lifecycle.md), where no false alarm comes first
  return c;
}
}  // namespace

TEST_CASE("deployment: same config, same run; the batches do not depend on the policy", "[drift][deployment]") {
  dw::DeploymentConfig c = lessonConfig();
  dw::DeploymentRun a = dw::simulateDeployment(c), b = dw::simulateDeployment(c);
  REQUIRE(a.days.size() == 60);
  for (std::size_t d = 0; d < a.days.size(); ++d) {
    CHECK(a.days[d].psi == b.days[d].psi);
    CHECK(a.days[d].accuracy == b.days[d].accuracy);
  }
  dw::DeploymentConfig never = c;
  never.policy = "never";
  for (int day : {-5, 0, 19, 20, 59}) {
    dw::Dataset x = dw::deploymentBatch(c, day), y = dw::deploymentBatch(never, day);
    CHECK(x.X == y.X);
    CHECK(x.y == y.y);
  }
  // The inputs of day 30 sit about 2 to the right in x₁ (sudden drift of 2 from day 20).
  CHECK(dw::deploymentBatch(c, 30).X.col(0).mean() == Approx(2).margin(0.3));
  CHECK(dw::deploymentBatch(c, 10).X.col(0).mean() == Approx(0).margin(0.3));
}

TEST_CASE("deployment: the alarm rule follows its definition", "[drift][deployment]") {
  dw::DeploymentConfig c = lessonConfig();
  c.policy = "never";
  dw::DeploymentRun run = dw::simulateDeployment(c);
  int streak = 0;
  for (const dw::DeploymentDay& d : run.days) {
    CHECK(d.inputFlag == (d.psi > c.psiThreshold || d.ksPValue < c.ksAlpha));
    streak = d.inputFlag ? streak + 1 : 0;
    CHECK(d.inputAlarm == (streak >= c.consecutive));
    CHECK(d.version == 1);
  }
  // Sudden input drift on day 20: flagged at once, alarm on the second flagged day.
  CHECK(run.days[20].inputFlag);
  CHECK(run.days[21].inputAlarm);
  CHECK_FALSE(run.days[20].inputAlarm);
  CHECK(run.retrains == 0);
}

TEST_CASE("deployment: an alarm retrains on the recent window and accuracy recovers", "[drift][deployment]") {
  dw::DeploymentConfig c = lessonConfig();
  dw::DeploymentRun alarm = dw::simulateDeployment(c);
  c.policy = "never";
  dw::DeploymentRun never = dw::simulateDeployment(c);
  REQUIRE(alarm.retrains >= 1);
  const dw::ModelVersion& v2 = alarm.versions[1];
  CHECK(v2.trigger == "alarm");
  CHECK(v2.trainedOnDay == 21);
  CHECK(v2.toDay == 21);
  CHECK(v2.fromDay == 17);
  CHECK(v2.rows == 375);  // ¾ of 5 × 100
  CHECK(alarm.days[22].version == 2);
  // The drifted days after the retrains: the retrained model beats the never-retrained one.
  double accAlarm = 0, accNever = 0;
  for (int d = 40; d < 60; ++d) { accAlarm += alarm.days[d].accuracy; accNever += never.days[d].accuracy; }
  CHECK(accAlarm / 20 > accNever / 20 + 0.1);
}

TEST_CASE("deployment: concept drift is invisible to the input monitor but not to accuracy", "[drift][deployment]") {
  dw::DeploymentConfig c = lessonConfig();
  c.driftKind = "concept";
  c.policy = "never";
  dw::DeploymentRun run = dw::simulateDeployment(c);
  // The inputs are drawn from the same distribution every day: the monitor sees no more than chance.
  // A flag on a single day happens by chance (four tests a day); two in a row, the alarm, does not here.
  int flagged = 0;
  for (const dw::DeploymentDay& d : run.days) {
    flagged += d.inputFlag;
    CHECK(d.inputShift == 0.0);
    CHECK_FALSE(d.inputAlarm);
  }
  CHECK(flagged <= 12);
  double before = 0, after = 0;
  for (int d = 0; d < 20; ++d) before += run.days[d].accuracy;
  for (int d = 20; d < 40; ++d) after += run.days[d].accuracy;
  CHECK(after / 20 < before / 20 - 0.1);
  // Watching the labelled accuracy catches it, labelDelay days late.
  c.watchAccuracy = true;
  c.labelDelay = 3;
  dw::DeploymentRun watched = dw::simulateDeployment(c);
  int firstAlarm = -1;
  for (const dw::DeploymentDay& d : watched.days)
    if (d.accuracyAlarm && firstAlarm < 0) firstAlarm = d.day;
  CHECK(firstAlarm >= 20 + 3);
  CHECK(firstAlarm <= 20 + 3 + c.consecutive + 2);
}

TEST_CASE("deployment: scheduled and manual retraining", "[drift][deployment]") {
  dw::DeploymentConfig c = lessonConfig();
  c.policy = "schedule";
  c.scheduleEvery = 14;
  dw::DeploymentRun run = dw::simulateDeployment(c);
  REQUIRE(run.retrains == 4);  // ends of days 13, 27, 41, 55
  CHECK(run.versions[1].trainedOnDay == 13);
  CHECK(run.versions[4].trainedOnDay == 55);
  for (std::size_t i = 1; i < run.versions.size(); ++i) CHECK(run.versions[i].trigger == "schedule");
  c.policy = "never";
  c.manualRetrainDays = {30};
  c.labelDelay = 2;
  dw::DeploymentRun manual = dw::simulateDeployment(c);
  REQUIRE(manual.retrains == 1);
  CHECK(manual.versions[1].trigger == "manual");
  CHECK(manual.versions[1].toDay == 28);  // labels up to day 30 − 2
  CHECK(manual.days[30].retrainedTo == 2);
  CHECK(manual.days[31].version == 2);
  // Early retraining with a label delay reaches back into the pre-deployment days.
  c.manualRetrainDays = {0};
  c.labelDelay = 30;
  dw::DeploymentRun early = dw::simulateDeployment(c);
  CHECK(early.versions[1].fromDay == -34);
}

TEST_CASE("deployment refuses bad settings by name", "[drift][deployment][errors]") {
  dw::DeploymentConfig c = lessonConfig();
  c.driftKind = "sideways";
  CHECK_THROWS_WITH(dw::simulateDeployment(c), Contains("driftKind=\"sideways\""));
  c = lessonConfig();
  c.ksAlpha = 1;
  CHECK_THROWS_AS(dw::simulateDeployment(c), dw::InvalidArgument);
  c = lessonConfig();
  c.manualRetrainDays = {60};
  CHECK_THROWS_WITH(dw::simulateDeployment(c), Contains("manualRetrainDays[]=60"));
  c = lessonConfig();
  c.days = 4;
  CHECK_THROWS_WITH(dw::simulateDeployment(c), Contains("simulateDeployment: days=4"));
  CHECK_THROWS_AS(dw::deploymentBatch(lessonConfig(), -6), dw::InvalidArgument);
}
