// TensorFlow-Playground-style input features computed from 2-D points (x1, x2): the network
// can be given x1², sin x1, … as extra inputs instead of (or besides) the raw coordinates.
#pragma once
#include <string>
#include <vector>

#include "dw/types.hpp"

namespace dw {

enum class Feature { X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2 };

// Accepted names: "x1", "x2", "x1^2", "x2^2", "x1x2", "sin x1", "sin x2" (also "x1*x2",
// "sin(x1)", "sinx1", spaces ignored, case-insensitive).
Feature featureFromName(const std::string& name, const char* where);
const char* featureName(Feature f);
std::vector<Feature> featuresFromNames(const std::vector<std::string>& names, const char* where);

// X has 2 columns (x1, x2); returns one column per feature, in the order given.
// Throws ShapeError for a wrong column count or no features, InvalidArgument for an unknown
// name, a repeated name or non-finite input.
Matrix featureTransform(const Matrix& X, const std::vector<Feature>& features, const char* where);
Matrix featureTransform(const Matrix& X, const std::vector<std::string>& names);

}  // namespace dw
