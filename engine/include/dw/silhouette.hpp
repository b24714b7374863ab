// Silhouette coefficient (Rousseeuw 1987), scikit-learn's definition with Euclidean distance:
// for point i in cluster A, a(i) = mean distance to the other points of A, b(i) = the lowest
// mean distance to the points of another cluster, s(i) = (b − a) / max(a, b), and s(i) = 0
// when A holds only i. The score is the mean of s over all points.
#pragma once
#include "dw/types.hpp"

namespace dw {

// labels: one whole number per row of X (any integers; −1 is an ordinary label here). Throws
// ShapeError on size mismatch or empty X, InvalidArgument on non-finite X, fractional labels,
// fewer than 2 distinct labels or as many labels as points (every cluster a singleton).
// `where` names the calling function in messages.
Vector silhouetteSamples(const Matrix& X, const Vector& labels, const char* where = "silhouetteSamples");
double silhouetteScore(const Matrix& X, const Vector& labels, const char* where = "silhouetteScore");

}  // namespace dw
