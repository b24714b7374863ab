#include "dw/drift_monitor.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "dw/errors.hpp"
#include "dw/logistic_regression.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

void requireSample(const Vector& v, const char* where, const char* name) {
  if (v.size() < 1) throw ShapeError(std::string(where) + ": " + name + " is empty; it needs at least one value");
  requireFinite(v, where, name);
}

std::vector<double> sorted(const Vector& v) {
  std::vector<double> s(v.data(), v.data() + v.size());
  std::sort(s.begin(), s.end());
  return s;
}

}  // namespace

// ---- population stability index ----

double psiFromShares(const Vector& referenceShares, const Vector& currentShares) {
  const char* where = "psiFromShares";
  if (referenceShares.size() != currentShares.size())
    throw ShapeError(std::string(where) + ": referenceShares has " + std::to_string(referenceShares.size()) +
                     " bins but currentShares has " + std::to_string(currentShares.size()));
  if (referenceShares.size() < 2) throw ShapeError(std::string(where) + ": needs at least 2 bins");
  requireFinite(referenceShares, where, "referenceShares");
  requireFinite(currentShares, where, "currentShares");
  for (Index k = 0; k < referenceShares.size(); ++k) {
    if (referenceShares(k) < 0) throw InvalidArgument(std::string(where) + ": referenceShares[" + std::to_string(k) + "]=" + formatNumber(referenceShares(k)) + " is negative");
    if (currentShares(k) < 0) throw InvalidArgument(std::string(where) + ": currentShares[" + std::to_string(k) + "]=" + formatNumber(currentShares(k)) + " is negative");
  }
  double psi = 0;
  for (Index k = 0; k < referenceShares.size(); ++k) {
    const double p = std::max(referenceShares(k), kPsiShareFloor);
    const double q = std::max(currentShares(k), kPsiShareFloor);
    // Each term (q − p)·ln(q / p) is ≥ 0: both factors have the same sign.
    psi += (q - p) * std::log(q / p);
  }
  return psi;
}

PsiResult populationStabilityIndex(const Vector& reference, const Vector& current, int bins) {
  const char* where = "populationStabilityIndex";
  requireIntInRange(bins, 2, 100, where, "bins");
  requireSample(reference, where, "reference");
  requireSample(current, where, "current");
  const std::vector<double> ref = sorted(reference);
  const auto n = static_cast<long long>(ref.size());
  PsiResult r;
  for (int k = 1; k < bins; ++k) r.edges.push_back(ref[static_cast<std::size_t>(k * n / bins)]);
  // Bin of v: the number of inner edges ≤ v (edge_k ≤ v < edge_{k+1}).
  auto shares = [&](const Vector& v) {
    std::vector<double> s(static_cast<std::size_t>(bins), 0.0);
    for (Index i = 0; i < v.size(); ++i) {
      const auto bin = std::upper_bound(r.edges.begin(), r.edges.end(), v(i)) - r.edges.begin();
      s[static_cast<std::size_t>(bin)] += 1.0;
    }
    for (double& x : s) x /= static_cast<double>(v.size());
    return s;
  };
  r.referenceShares = shares(reference);
  r.currentShares = shares(current);
  r.psi = psiFromShares(Eigen::Map<const Vector>(r.referenceShares.data(), bins),
                        Eigen::Map<const Vector>(r.currentShares.data(), bins));
  return r;
}

// ---- two-sample Kolmogorov–Smirnov test ----

KsResult ksTwoSample(const Vector& a, const Vector& b) {
  const char* where = "ksTwoSample";
  requireSample(a, where, "a");
  requireSample(b, where, "b");
  const long long n = a.size(), m = b.size();
  if (static_cast<double>(n) * static_cast<double>(m) > 1e7)
    throw ShapeError(std::string(where) + ": samples of " + std::to_string(n) + " and " + std::to_string(m) +
                     " values are too large for the exact test (n·m must be at most 10000000)");
  const std::vector<double> sa = sorted(a), sb = sorted(b);
  // D in lattice units: |i·m − j·n| = n·m·|i/n − j/m| after i values of a and j of b, checked
  // only after every copy of a tied value has been passed (the CDFs jump there together).
  long long best = 0;
  std::size_t i = 0, j = 0;
  while (i < sa.size() && j < sb.size()) {
    const double v = std::min(sa[i], sb[j]);
    while (i < sa.size() && sa[i] == v) ++i;
    while (j < sb.size() && sb[j] == v) ++j;
    best = std::max(best, std::llabs(static_cast<long long>(i) * m - static_cast<long long>(j) * n));
  }
  KsResult r;
  r.statistic = static_cast<double>(best) / static_cast<double>(n * m);
  if (best == 0) return r;  // identical empirical CDFs: every order reaches D = 0, p = 1
  // Under the null every order of the pooled values is equally likely: walking the lattice from
  // (0, 0) to (n, m), from (i, j) the next value comes from a with probability (n − i)/(n + m − i − j).
  // alive[j] is the probability of being at (i, j) without having reached |i·m − j·n| ≥ best;
  // the mass that reaches it is summed into p (summing small positives keeps small p precise,
  // unlike 1 − P(inside)).
  std::vector<double> alive(static_cast<std::size_t>(m + 1), 0.0), next(alive.size());
  double p = 0;
  alive[0] = 1.0;
  for (long long ii = 0; ii <= n; ++ii) {
    std::fill(next.begin(), next.end(), 0.0);
    for (long long jj = 0; jj <= m; ++jj) {
      const double mass = alive[static_cast<std::size_t>(jj)];
      if (mass == 0.0) continue;
      const double left = static_cast<double>(n + m - ii - jj);
      if (left == 0) continue;
      const double toA = (n - ii) / left, toB = (m - jj) / left;
      if (ii < n) {
        if (std::llabs((ii + 1) * m - jj * n) >= best) p += mass * toA;
        else next[static_cast<std::size_t>(jj)] += mass * toA;
      }
      if (jj < m) {
        if (std::llabs(ii * m - (jj + 1) * n) >= best) p += mass * toB;
        else alive[static_cast<std::size_t>(jj + 1)] += mass * toB;
      }
    }
    std::swap(alive, next);
  }
  r.pValue = std::min(1.0, std::max(0.0, p));
  return r;
}

// ---- the simulated deployment ----

namespace {

constexpr double kLabelNoise = 0.05;
constexpr double kCurve = 0.3;  // the true boundary x₂ = 0.3·x₁² − 0.3 (+ concept shift)
constexpr int kMaxSteps = 2000;
constexpr double kL2 = 1e-3;

double driftAmount(const DeploymentConfig& c, int day) {
  if (c.driftKind == "none" || day < c.driftStart) return 0.0;
  const double ramp = std::min(1.0, static_cast<double>(day - c.driftStart + 1) / c.rampDays);
  return c.driftSize * ramp;
}
double inputShiftOn(const DeploymentConfig& c, int day) { return c.driftKind == "inputs" ? driftAmount(c, day) : 0.0; }
double conceptShiftOn(const DeploymentConfig& c, int day) { return c.driftKind == "concept" ? driftAmount(c, day) / 2 : 0.0; }

void validate(const DeploymentConfig& c) {
  const char* where = "simulateDeployment";
  requireIntInRange(c.days, 5, 365, where, "days");
  requireIntInRange(c.batchSize, 20, 2000, where, "batchSize");
  if (c.driftKind != "none" && c.driftKind != "inputs" && c.driftKind != "concept")
    throw InvalidArgument(std::string(where) + ": driftKind=\"" + c.driftKind + "\" must be none, inputs or concept");
  requireIntInRange(c.driftStart, 0, c.days, where, "driftStart");
  requireInRange(c.driftSize, 0, 5, where, "driftSize");
  requireIntInRange(c.rampDays, 1, 365, where, "rampDays");
  requireIntInRange(c.labelDelay, 0, 30, where, "labelDelay");
  requireIntInRange(c.window, 1, 60, where, "window");
  if (c.policy != "never" && c.policy != "alarm" && c.policy != "schedule")
    throw InvalidArgument(std::string(where) + ": policy=\"" + c.policy + "\" must be never, alarm or schedule");
  requireIntInRange(c.scheduleEvery, 1, 365, where, "scheduleEvery");
  requireInOpenClosed(c.psiThreshold, 0, 10, where, "psiThreshold");
  requireInRange(c.ksAlpha, 0, 1, where, "ksAlpha");
  if (c.ksAlpha <= 0 || c.ksAlpha >= 1)
    throw InvalidArgument(std::string(where) + ": ksAlpha=" + formatNumber(c.ksAlpha) + " must be in (0, 1)");
  requireIntInRange(c.consecutive, 1, 30, where, "consecutive");
  requireIntInRange(c.bins, 2, 100, where, "bins");
  requireInOpenClosed(c.accuracyDrop, 0, 1, where, "accuracyDrop");
  for (int d : c.manualRetrainDays) requireIntInRange(d, 0, c.days - 1, where, "manualRetrainDays[]");
}

Dataset batchOf(const DeploymentConfig& c, int day) {
  // One stream per day, so a day's points do not depend on what happened on other days.
  Rng rng(c.seed, 0x2545f4914f6cdd1dULL + static_cast<std::uint64_t>(day + 1000));
  const double mu = inputShiftOn(c, day), lift = conceptShiftOn(c, day);
  Dataset d;
  d.X.resize(c.batchSize, 2);
  d.y.resize(c.batchSize);
  for (int i = 0; i < c.batchSize; ++i) {
    const double x1 = rng.normal(mu, 1.0), x2 = rng.normal();
    const bool above = x2 > kCurve * x1 * x1 - kCurve + lift;
    const bool flip = rng.uniform() < kLabelNoise;
    d.X(i, 0) = x1;
    d.X(i, 1) = x2;
    d.y(i) = (above != flip) ? 1.0 : 0.0;
  }
  return d;
}

struct Trained {
  ModelVersion version;
  Matrix trainX;  // the inputs it was trained on: the reference for drift
  LogisticRegression model;
};

// Trains a version on the labelled days [from, to]: every 4th row validates, the rest train.
void train(Trained& t, const std::vector<Dataset>& batchOfDay, int offset, int from, int to, std::uint32_t seed) {
  std::vector<const Dataset*> parts;
  for (int d = from; d <= to; ++d) parts.push_back(&batchOfDay[static_cast<std::size_t>(d + offset)]);
  const Index per = parts.front()->X.rows();
  const Index total = per * static_cast<Index>(parts.size());
  const Index valRows = total / 4;
  Matrix X(total - valRows, 2), V(valRows, 2);
  Vector y(total - valRows), vy(valRows);
  Index it = 0, iv = 0, r = 0;
  for (const Dataset* p : parts) {
    for (Index i = 0; i < per; ++i, ++r) {
      if (r % 4 == 3) { V.row(iv) = p->X.row(i); vy(iv++) = p->y(i); }
      else { X.row(it) = p->X.row(i); y(it++) = p->y(i); }
    }
  }
  t.model.setL2(kL2);
  // No per-step trace: nothing draws this fit's path, and tracing off learns the same parameters
  // (the conformance suite checks that) several times faster.
  t.model.setTracing(false);
  t.model.setData(X, y);
  t.model.reset(seed);
  t.model.fit(kMaxSteps);
  const Vector params = t.model.params();
  t.version.params.assign(params.data(), params.data() + params.size());
  t.version.validationAccuracy = t.model.score(V, vy);
  t.version.fromDay = from;
  t.version.toDay = to;
  t.version.rows = static_cast<int>(X.rows());
  t.trainX = std::move(X);
}

}  // namespace

Dataset deploymentBatch(const DeploymentConfig& config, int day) {
  validate(config);
  requireIntInRange(day, -(config.window + config.labelDelay), config.days - 1, "deploymentBatch", "day");
  return batchOf(config, day);
}

DeploymentRun simulateDeployment(const DeploymentConfig& c) {
  validate(c);
  // Pre-deployment days reach back far enough for a retrain's window behind the label delay.
  const int offset = c.window + c.labelDelay;  // batchOfDay[day + offset]
  std::vector<Dataset> batchOfDay;
  for (int d = -offset; d < c.days; ++d) batchOfDay.push_back(batchOf(c, d));

  DeploymentRun run;
  std::vector<Trained> trained;
  trained.reserve(static_cast<std::size_t>(c.days) + 1);
  auto addVersion = [&](const std::string& trigger, int onDay, int from, int to) {
    trained.emplace_back();
    Trained& t = trained.back();
    t.version.id = static_cast<int>(trained.size());
    t.version.trigger = trigger;
    t.version.trainedOnDay = onDay;
    train(t, batchOfDay, offset, from, to, c.seed + static_cast<std::uint32_t>(t.version.id));
  };
  addVersion("initial", -1, -c.window, -1);

  int inputRun = 0, accuracyRun = 0;
  for (int day = 0; day < c.days; ++day) {
    Trained& serving = trained.back();
    const Dataset& batch = batchOfDay[static_cast<std::size_t>(day + offset)];
    DeploymentDay rec;
    rec.day = day;
    rec.inputShift = inputShiftOn(c, day);
    rec.conceptShift = conceptShiftOn(c, day);
    rec.version = serving.version.id;
    rec.accuracy = serving.model.score(batch.X, batch.y);

    // Input drift against the serving version's training inputs, feature by feature.
    double bestP = 2;
    for (Index j = 0; j < 2; ++j) {
      const Vector ref = serving.trainX.col(j), now = batch.X.col(j);
      rec.psi = std::max(rec.psi, populationStabilityIndex(ref, now, c.bins).psi);
      const KsResult ks = ksTwoSample(ref, now);
      if (ks.pValue < bestP || (ks.pValue == bestP && ks.statistic > rec.ksStatistic)) {
        bestP = ks.pValue;
        rec.ksStatistic = ks.statistic;
        rec.ksPValue = ks.pValue;
      }
    }
    // The earlier lesson's D: the batch mean standardised by the training mean and (population) sd.
    const Eigen::RowVectorXd mean = serving.trainX.colwise().mean();
    const Eigen::RowVectorXd sd = ((serving.trainX.rowwise() - mean).array().square().colwise().mean()).sqrt();
    rec.meanShift = ((batch.X.colwise().mean() - mean).array() / sd.array()).matrix().norm();
    rec.inputFlag = rec.psi > c.psiThreshold || rec.ksPValue < c.ksAlpha;
    inputRun = rec.inputFlag ? inputRun + 1 : 0;
    rec.inputAlarm = inputRun >= c.consecutive;

    // Labels of day − labelDelay arrive today; judged only while the version that served that
    // day is still serving (an older version's bad day is not this version's alarm).
    rec.labelledDay = day - c.labelDelay;
    if (c.watchAccuracy && rec.labelledDay >= 0) {
      const int servedBy = rec.labelledDay == day ? rec.version : run.days[static_cast<std::size_t>(rec.labelledDay)].version;
      if (servedBy == serving.version.id) {
        const double acc = rec.labelledDay == day ? rec.accuracy : run.days[static_cast<std::size_t>(rec.labelledDay)].accuracy;
        rec.accuracyFlag = acc < serving.version.validationAccuracy - c.accuracyDrop;
        accuracyRun = rec.accuracyFlag ? accuracyRun + 1 : 0;
        rec.accuracyAlarm = accuracyRun >= c.consecutive;
      }
    }
    if (rec.inputAlarm || rec.accuracyAlarm) ++run.alarms;

    // Retrain at the end of the day: by hand, on an alarm, or on the schedule.
    std::string trigger;
    if (std::find(c.manualRetrainDays.begin(), c.manualRetrainDays.end(), day) != c.manualRetrainDays.end()) trigger = "manual";
    else if (c.policy == "alarm" && (rec.inputAlarm || rec.accuracyAlarm)) trigger = "alarm";
    else if (c.policy == "schedule" && (day + 1) % c.scheduleEvery == 0) trigger = "schedule";
    if (!trigger.empty()) {
      // The newest `window` days whose labels have arrived (pre-deployment days fill in early on).
      const int to = day - c.labelDelay;
      addVersion(trigger, day, to - c.window + 1, to);
      rec.retrainedTo = trained.back().version.id;
      inputRun = 0;
      accuracyRun = 0;
    }
    run.days.push_back(rec);
  }
  // Every version's accuracy on every served day (the table's "accuracy now" reads the latest
  // labelled day).
  for (Trained& t : trained) {
    t.version.accuracy.resize(static_cast<std::size_t>(c.days));
    for (int d = 0; d < c.days; ++d) {
      const Dataset& b = batchOfDay[static_cast<std::size_t>(d + offset)];
      t.version.accuracy[static_cast<std::size_t>(d)] = t.model.score(b.X, b.y);
    }
    run.versions.push_back(t.version);
  }
  run.retrains = static_cast<int>(trained.size()) - 1;
  return run;
}

}  // namespace dw
