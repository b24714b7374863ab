// Evaluation metrics beyond the basic four in metrics_basic.hpp: confusion matrices,
// precision/recall/F1/specificity, log loss, ROC and precision–recall curves with their areas.
// Every function checks its input at the door (equal lengths, non-empty, finite, labels valid)
// and throws dw::ShapeError / dw::InvalidArgument naming the call. Definitions follow
// scikit-learn 1.2 so the numbers can be checked against it (tests/fixtures/generators/evaluation.py).
#pragma once
#include "dw/types.hpp"

namespace dw {

// Checked wrappers of metrics_basic.hpp for user-facing calls (sizes, finiteness).
double mseMetric(const Vector& yTrue, const Vector& yPred);
double maeMetric(const Vector& yTrue, const Vector& yPred);
double r2Metric(const Vector& yTrue, const Vector& yPred);
double accuracyMetric(const Vector& yTrue, const Vector& yPred);

// Counts of a binary decision. Label 1 is the positive class, label 0 the negative one.
struct BinaryConfusion {
  double tp = 0, fp = 0, tn = 0, fn = 0;
};
// Predicts positive when score >= threshold (the convention of roc_curve's thresholds).
BinaryConfusion confusionAtThreshold(const Vector& yTrue, const Vector& scores, double threshold);
// From two 0/1 label vectors; `where` names the call in error messages.
BinaryConfusion binaryConfusion(const Vector& yTrue, const Vector& yPred, const char* where = "binaryConfusion");
// k×k counts, row = true label, column = predicted label; labels must be whole numbers in [0, k).
Matrix confusionMatrix(const Vector& yTrue, const Vector& yPred, int classes);

// Ratios of a confusion. A ratio whose denominator is 0 is defined as 0, like scikit-learn's
// zero_division=0 (e.g. precision when nothing is predicted positive).
double precisionOf(const BinaryConfusion& c);    // tp / (tp + fp)
double recallOf(const BinaryConfusion& c);       // tp / (tp + fn), the true-positive rate
double specificityOf(const BinaryConfusion& c);  // tn / (tn + fp), the true-negative rate
double f1Of(const BinaryConfusion& c);           // 2tp / (2tp + fp + fn), harmonic mean of P and R
// The same from 0/1 label vectors.
double precisionScore(const Vector& yTrue, const Vector& yPred);
double recallScore(const Vector& yTrue, const Vector& yPred);
double specificityScore(const Vector& yTrue, const Vector& yPred);
double f1Score(const Vector& yTrue, const Vector& yPred);

// Binary cross-entropy −mean(y log p + (1−y) log(1−p)) with p clipped to [eps, 1−eps] so a
// confident mistake costs log(1/eps) ≈ 34.5 instead of infinity (scikit-learn's clipping).
double logLoss(const Vector& yTrue, const Vector& pPositive, double eps = 1e-15);
// Multi-class: proba has one row per point and one column per class (labels 0…k−1); rows are
// clipped to [eps, 1−eps] and renormalised to sum to 1, as scikit-learn does.
double logLossMulticlass(const Vector& yTrue, const Matrix& proba, double eps = 1e-15);

// ROC curve: one point per distinct score (tied scores form one point), from the strictest
// threshold to the loosest. thresholds[0] = +infinity gives the point (0, 0) (scikit-learn ≥ 1.3
// writes inf there; 1.2 wrote max score + 1). Equals roc_curve(drop_intermediate=False).
struct RocCurve {
  Vector fpr, tpr, thresholds;
};
// Needs both classes in yTrue (0/1 labels): with one class a rate is 0/0 → InvalidArgument.
RocCurve rocCurve(const Vector& yTrue, const Vector& scores);
// Area under a piecewise-linear curve by the trapezoid rule; x must be monotone.
double trapezoidArea(const Vector& x, const Vector& y);
// Area under the ROC curve (trapezoids).
double rocAuc(const Vector& yTrue, const Vector& scores);
// The same number computed as the Mann–Whitney statistic: the fraction of (positive, negative)
// pairs where the positive scores higher, ties counting ½. Independent of rocCurve.
double mannWhitneyAuc(const Vector& yTrue, const Vector& scores);

// Precision–recall curve as scikit-learn 1.2 returns it: thresholds increasing (distinct
// scores), precision/recall at each, then a final point (recall 0, precision 1) without a
// threshold. Needs at least one positive (recall is tp / #positives).
struct PrecisionRecallCurve {
  Vector precision, recall, thresholds;
};
PrecisionRecallCurve precisionRecallCurve(const Vector& yTrue, const Vector& scores);
// AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the thresholds: precision weighted by recall gained, no
// interpolation (scikit-learn's average_precision_score).
double averagePrecision(const Vector& yTrue, const Vector& scores);

// Shared door checks, also used by validation.cpp.
void requireSameLength(const Vector& a, const Vector& b, const char* where, const char* nameA,
                       const char* nameB);
// Throws InvalidArgument unless every entry is 0 or 1.
void requireBinaryLabels(const Vector& y, const char* where, const char* name);

}  // namespace dw
