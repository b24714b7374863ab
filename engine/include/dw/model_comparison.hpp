// Is model A really better than model B? Significance tests for comparing two models, and the
// special functions their p-values need. Definitions follow SciPy so every number can be checked
// against it (tests/fixtures/generators/model_comparison.py):
//   pairedTTest           scipy.stats.ttest_rel (two-sided)
//   pairedPermutationTest scipy.stats.permutation_test(permutation_type='samples'), exact case
//   mcNemarTest           exact: scipy.stats.binomtest(n01, n01 + n10, 0.5) (two-sided);
//                         chi-square: (|n01 − n10| − 1)² / (n01 + n10), p = scipy.stats.chi2.sf(·, 1)
// Every function checks its input at the door and throws dw::InvalidArgument / dw::ShapeError
// naming the call.
#pragma once
#include <cstdint>

#include "dw/model.hpp"
#include "dw/types.hpp"

namespace dw {

// ---- special functions ----
// Regularised incomplete beta I_x(a, b) = B(x; a, b) / B(a, b) for a, b > 0, 0 ≤ x ≤ 1, by the
// continued fraction of Numerical Recipes §6.4 evaluated with the modified Lentz method (relative
// accuracy ~1e-14 where the result is not tiny).
double regularizedIncompleteBeta(double a, double b, double x);
// Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a): series below x = a + 1, continued
// fraction above (Numerical Recipes §6.2).
double regularizedUpperGamma(double a, double x);
// Student t with df > 0 degrees of freedom: P(T ≤ t) and P(T > t), both from
// P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2), so a far tail keeps its relative precision.
double studentTCdf(double t, double df);
double studentTSurvival(double t, double df);
// Chi-square with df > 0 degrees of freedom: P(X > x) = Q(df/2, x/2).
double chiSquareSurvival(double x, double df);
// Two-sided exact binomial test of "successes ~ Binomial(n, ½)": the probability of a count at
// least as far from n/2 as k, i.e. min(1, 2·P(X ≤ min(k, n − k))). n = 0 gives 1.
double binomialTestHalf(int k, int n);

// ---- paired t-test over matched scores (e.g. the k fold scores of two models) ----
struct PairedTTestResult {
  int n = 0;                   // pairs
  double meanDifference = 0;   // mean of d = a − b
  double sdDifference = 0;     // sample standard deviation of d (divides by n − 1)
  double standardError = 0;    // sdDifference / √n
  double t = 0;                // meanDifference / standardError
  int df = 0;                  // n − 1
  double pValue = 1;           // two-sided: P(|T| ≥ |t|) under T ~ Student t(df)
};
// Needs n ≥ 2 finite pairs. Zero spread of the differences: if every difference is 0 (the models
// scored the same on every fold) t = 0 and p = 1 — SciPy returns NaN there, which says nothing
// to a learner; otherwise t = ±∞ and p = 0, as SciPy gives.
PairedTTestResult pairedTTest(const Vector& a, const Vector& b);

// ---- paired permutation (sign-flip) test ----
struct PermutationTestResult {
  int n = 0;
  double meanDifference = 0;  // observed mean of d = a − b
  double pValue = 1;          // two-sided
  bool exact = false;         // true: all 2ⁿ sign patterns were enumerated
  int resamples = 0;          // patterns enumerated (2ⁿ) or random patterns drawn
  int atLeastAsExtreme = 0;   // patterns whose |mean| ≥ |observed| (with SciPy's 1e-14 relative slack)
};
// Under "A and B are equally good" each difference is as likely to have had the other sign. The
// null distribution is the mean of s·d over sign patterns s ∈ {−1, +1}ⁿ. Exact when
// 2ⁿ ≤ permutations (n ≤ 20): p = count / 2ⁿ (SciPy's exact two-sided value). Otherwise
// `permutations` random patterns from dw::Rng(seed): p = (1 + count) / (1 + permutations), which
// never reports an impossible 0. permutations in [1, 1 000 000]; n ≥ 1 finite pairs.
PermutationTestResult pairedPermutationTest(const Vector& a, const Vector& b, int permutations,
                                            std::uint32_t seed);

// ---- McNemar's test on one test set ----
struct McNemarResult {
  int aRightBWrong = 0;    // n01: test points only A gets right
  int aWrongBRight = 0;    // n10: test points only B gets right
  int bothRight = 0;       // filled by mcNemarFromPredictions, 0 otherwise
  int bothWrong = 0;
  double exactPValue = 1;  // two-sided binomial test of n01 out of n01 + n10 at ½
  double chiSquare = 0;    // (|n01 − n10| − 1)² / (n01 + n10) (Edwards' continuity correction), floored at 0
  double chiSquarePValue = 1;  // P(χ²₁ > chiSquare)
};
// From the two discordant counts (whole numbers ≥ 0). n01 = n10 = 0: nothing disagrees, both
// p-values are 1 and the statistic 0.
McNemarResult mcNemarTest(int aRightBWrong, int aWrongBRight);
// From true labels and each model's predicted labels on the same test points (equal lengths,
// finite, non-empty).
McNemarResult mcNemarFromPredictions(const Vector& yTrue, const Vector& predA, const Vector& predB);

// ---- paired fold scores ----
struct PairedScores {
  Vector a, b;  // fold f's score of each model; both models saw exactly the same folds
};
// k-fold cross-validation of two models on the SAME folds (shuffled with foldSeed; stratified by
// label when model A is a classifier), so score f of A and score f of B form a pair. Each model
// is reset with its own seed before each fit (seedA, seedB): two copies of one learner with
// different seeds are "two models that are equally good". Scores are each model's score().
PairedScores pairedCrossValScores(Model& a, std::uint32_t seedA, Model& b, std::uint32_t seedB, const Matrix& X,
                                  const Vector& y, int k, std::uint32_t foldSeed, int maxSteps);

}  // namespace dw
