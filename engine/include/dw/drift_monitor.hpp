// A model's life after training (the MLOps lesson): drift statistics that compare a batch of new
// inputs with the inputs a model was trained on, and a seeded simulation of a deployed model that
// is monitored, raises alarms and is retrained, every version kept in a table.
//
// Drift statistics (definitions follow SciPy where SciPy has one, checked in
// tests/fixtures/generators/drift_monitor.py):
//   populationStabilityIndex  PSI = Σ_k (q_k − p_k)·ln(q_k / p_k) over bins whose edges are the
//                             reference sample's quantiles (p: reference shares, q: current shares)
//   ksTwoSample               scipy.stats.ks_2samp(a, b) (two-sided, method 'exact')
// Every function checks its input at the door and throws dw::InvalidArgument / dw::ShapeError
// naming the call.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/datasets.hpp"
#include "dw/types.hpp"

namespace dw {

// ---- population stability index ----
// A share of 0 is replaced by this floor before the logarithm, so an empty bin gives a large
// but finite PSI (the usual practice; without it one empty bin makes PSI infinite).
constexpr double kPsiShareFloor = 1e-4;

// PSI of two share vectors over the same bins (each ≥ 0, same length ≥ 2, finite; they need not
// be renormalised). Shares below kPsiShareFloor are raised to it.
double psiFromShares(const Vector& referenceShares, const Vector& currentShares);

struct PsiResult {
  double psi = 0;
  std::vector<double> edges;            // bins − 1 inner edges (reference quantiles), ascending
  std::vector<double> referenceShares;  // share of the reference sample in each bin
  std::vector<double> currentShares;    // share of the current sample in each bin
};
// Bins: inner edge k (k = 1 … bins − 1) is the reference value at sorted position ⌊k·n / bins⌋;
// bin k holds values v with edge_k ≤ v < edge_{k+1} (edge_0 = −∞, edge_bins = +∞), so each bin
// holds about n / bins reference points. bins in [2, 100]; each sample ≥ 1 finite value.
PsiResult populationStabilityIndex(const Vector& reference, const Vector& current, int bins);

// ---- two-sample Kolmogorov–Smirnov test ----
struct KsResult {
  double statistic = 0;  // D = max over x of |F_a(x) − F_b(x)| (empirical CDFs)
  double pValue = 1;     // P(D' ≥ D) when a and b come from one continuous distribution
};
// Exact p-value: the share of the C(n + m, n) equally likely orders of the pooled sample whose
// running |i/n − j/m| reaches D (a walk on the n × m lattice, Hodges 1958), as SciPy's exact
// method. Each sample ≥ 1 finite value and n·m ≤ 10⁷ (the walk costs n·m steps).
KsResult ksTwoSample(const Vector& a, const Vector& b);

// ---- the simulated deployment ----
// Each day a batch of labelled points arrives. Inputs x = (x₁, x₂) with x₁ ~ N(input shift, 1),
// x₂ ~ N(0, 1); the true rule is y = 1 when x₂ > 0.3·x₁² − 0.3 + concept shift, and each label
// is flipped with probability 0.05 (noise). A straight boundary (logistic regression) fits the
// curved rule well only near where it saw data.
//   driftKind "none": nothing moves; "inputs": the input shift grows (covariate or data drift,
//   the rule stays); "concept": the concept shift grows (the rule moves, the inputs stay).
//   The drift starts on day driftStart and reaches driftSize after rampDays days (1 = sudden):
//   amount(t) = driftSize · min(1, (t − driftStart + 1) / rampDays) for t ≥ driftStart, else 0.
//   For "concept" the boundary rises by amount / 2.
// Days before 0 are pre-deployment data: version 1 is trained on days −window … −1.
struct DeploymentConfig {
  std::uint32_t seed = 1;
  int days = 60;            // days served, 5 … 365
  int batchSize = 100;      // points per day, 20 … 2000
  std::string driftKind = "inputs";  // none | inputs | concept
  int driftStart = 20;      // 0 … days
  double driftSize = 2;     // 0 … 5
  int rampDays = 1;         // 1 … 365
  int labelDelay = 0;       // days until a batch's labels arrive, 0 … 30
  int window = 5;           // labelled days a (re)training uses, 1 … 60
  std::string policy = "alarm";  // never | alarm | schedule
  int scheduleEvery = 14;   // retrain after every this many days under "schedule", 1 … 365
  double psiThreshold = 0.25;  // (0, 10]
  double ksAlpha = 0.01;       // (0, 1)
  int consecutive = 2;         // alarm after this many flagged days in a row, 1 … 30
  int bins = 10;               // PSI bins, 2 … 100
  bool watchAccuracy = false;  // also alarm on labelled accuracy
  double accuracyDrop = 0.1;   // … when it falls this far below the version's validation accuracy, (0, 1]
  std::vector<int> manualRetrainDays;  // days at whose end the learner retrains by hand
};

struct DeploymentDay {
  int day = 0;
  double inputShift = 0;    // the input drift amount on this day
  double conceptShift = 0;  // the rule's shift on this day
  int version = 1;          // the version serving this day
  double psi = 0;           // larger PSI of the two features vs the serving version's training inputs
  double ksStatistic = 0;   // KS statistic of the feature with the smaller p-value
  double ksPValue = 1;
  double meanShift = 0;     // ‖mean of the batch standardised by the training inputs‖ (the earlier lesson's D)
  bool inputFlag = false;   // psi > psiThreshold or ksPValue < ksAlpha
  bool inputAlarm = false;  // flagged for `consecutive` days in a row (counted since the last retrain)
  double accuracy = 0;      // the serving version's accuracy on this day's batch, known on day + labelDelay
  int labelledDay = -1;     // the day whose labels arrived today (day − labelDelay), −1 before any
  bool accuracyFlag = false;   // watchAccuracy and that day's accuracy < validation − accuracyDrop
  bool accuracyAlarm = false;  // accuracy flagged `consecutive` labelled days in a row
  int retrainedTo = 0;         // the version trained at the end of this day, 0 if none
};

struct ModelVersion {
  int id = 1;
  std::string trigger;         // initial | alarm | schedule | manual
  int trainedOnDay = -1;       // trained at the end of this day (−1: before deployment)
  int fromDay = 0, toDay = 0;  // the labelled days it was trained on, inclusive
  int rows = 0;                // training rows (¾ of the window; the rest validate)
  std::vector<double> params;  // [w₁, w₂, b] of the logistic regression
  double validationAccuracy = 0;  // on the held-out quarter of its window, at training time
  std::vector<double> accuracy;   // its accuracy on every served day's batch (day 0 … days − 1)
};

struct DeploymentRun {
  std::vector<DeploymentDay> days;
  std::vector<ModelVersion> versions;
  int alarms = 0;    // days with an input or accuracy alarm
  int retrains = 0;  // versions after the first
};

// Validates the configuration (InvalidArgument naming the field) and runs every day. The same
// config gives the same run; the batches depend only on seed, day and the drift settings, so two
// policies meet exactly the same data.
DeploymentRun simulateDeployment(const DeploymentConfig& config);
// The labelled batch of one day (−(window + labelDelay) ≤ day < days) as simulateDeployment draws it.
Dataset deploymentBatch(const DeploymentConfig& config, int day);

}  // namespace dw
