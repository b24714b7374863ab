// Regression/classification metrics shared by every model's score(). Inputs are checked by
// the caller (sizes equal, non-empty).
#pragma once
#include "dw/types.hpp"

namespace dw {

double meanSquaredError(const Vector& yTrue, const Vector& yPred);
double meanAbsoluteError(const Vector& yTrue, const Vector& yPred);
// Coefficient of determination 1 − SS_res/SS_tot; 1 when y is constant and predicted exactly,
// 0 when y is constant and not (scikit-learn's convention).
double r2Score(const Vector& yTrue, const Vector& yPred);
// Fraction of positions where the labels agree exactly.
double accuracy(const Vector& yTrue, const Vector& yPred);

}  // namespace dw
