// The one set of class-label checks: labels are whole numbers 0…K−1 stored as doubles (JS
// numbers), and a classifier needs points of at least two classes.
#pragma once
#include <vector>

#include "dw/types.hpp"

namespace dw {

// Largest class count the classifiers accept; a widget never draws more than a handful.
constexpr int kMaxClassLabels = 64;

// Returns K = largest label + 1 (0 for an empty y). Throws InvalidArgument naming the first
// entry of `name` that is not a whole number in [0, maxClasses − 1].
int classLabelCount(const Vector& y, int maxClasses, const char* where, const char* name = "y");
// Points per class 0…classes−1 (labels already checked).
std::vector<int> classCounts(const Vector& y, int classes);
// Training labels: classLabelCount, then at least two classes present, and (everyClassPresent)
// no class between 0 and the largest label without points. Returns K. Fewer than two classes
// present throws SingleClassLabels (errors.hpp), an InvalidArgument.
int requireClassLabels(const Vector& y, int maxClasses, const char* where, bool everyClassPresent = true);

// Numerically stable log(1 + e^z): never overflows for large z, keeps precision for small.
double log1pExp(double z);

// From per-class log scores (e.g. a generative classifier's joint log-likelihoods, one row per
// point): the class probabilities exp(s_c − logsumexp(s)) per row, the most likely class per row
// (ties: the lower label, as numpy's argmax), and the mean log loss of true labels y.
Matrix probabilitiesFromLogScores(Matrix scores);
Vector mostLikelyClasses(const Matrix& scores);
double meanLogLossFromLogScores(const Matrix& scores, const Vector& y);


}  // namespace dw
