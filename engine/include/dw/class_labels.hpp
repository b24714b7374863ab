// Checks shared by the linear classifiers: labels are whole numbers 0…k−1 stored as doubles,
// and every class must have at least one point (a class with none cannot be learnt).
#pragma once
// sigmoid(), used with these helpers by the linear classifiers, lives with the activations.
#include "dw/activations.hpp"
#include "dw/types.hpp"

namespace dw {

// Returns the class count k = max label + 1. Throws InvalidArgument when a label is not a
// whole number in [0, maxClasses−1], when fewer than minClasses classes are present, or when
// a class between 0 and the largest label has no points.
int requireClassLabels(const Vector& y, int minClasses, int maxClasses, const char* where);

// Numerically stable log(1 + e^z): never overflows for large z, keeps precision for small.
double log1pExp(double z);

// From per-class log scores (e.g. a generative classifier's joint log-likelihoods, one row per
// point): the class probabilities exp(s_c − logsumexp(s)) per row, the most likely class per row
// (ties: the lower label, as numpy's argmax), and the mean log loss of true labels y.
Matrix probabilitiesFromLogScores(Matrix scores);
Vector mostLikelyClasses(const Matrix& scores);
double meanLogLossFromLogScores(const Matrix& scores, const Vector& y);


}  // namespace dw
