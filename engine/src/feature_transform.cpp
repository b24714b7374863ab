#include "dw/feature_transform.hpp"

#include <cctype>
#include <cmath>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

Feature featureFromName(const std::string& name, const char* where) {
  std::string n;
  for (unsigned char c : name)
    if (!std::isspace(c) && c != '(' && c != ')' && c != '*' && c != '_')
      n.push_back(static_cast<char>(std::tolower(c)));
  if (n == "x1") return Feature::X1;
  if (n == "x2") return Feature::X2;
  if (n == "x1^2" || n == "x1²") return Feature::X1Squared;
  if (n == "x2^2" || n == "x2²") return Feature::X2Squared;
  if (n == "x1x2") return Feature::X1TimesX2;
  if (n == "sinx1") return Feature::SinX1;
  if (n == "sinx2") return Feature::SinX2;
  throw InvalidArgument(std::string(where) + ": feature='" + name +
                        "' is not one of x1, x2, x1^2, x2^2, x1x2, sin x1, sin x2");
}

const char* featureName(Feature f) {
  switch (f) {
    case Feature::X1: return "x1";
    case Feature::X2: return "x2";
    case Feature::X1Squared: return "x1^2";
    case Feature::X2Squared: return "x2^2";
    case Feature::X1TimesX2: return "x1x2";
    case Feature::SinX1: return "sin x1";
    case Feature::SinX2: return "sin x2";
  }
  return "unknown";
}

std::vector<Feature> featuresFromNames(const std::vector<std::string>& names, const char* where) {
  if (names.empty()) throw ShapeError(std::string(where) + ": at least one feature is needed");
  if (names.size() > 7) throw ShapeError(std::string(where) + ": at most 7 features, got " + std::to_string(names.size()));
  std::vector<Feature> out;
  for (const auto& name : names) {
    Feature f = featureFromName(name, where);
    for (Feature g : out)
      if (g == f) throw InvalidArgument(std::string(where) + ": feature '" + name + "' is listed twice");
    out.push_back(f);
  }
  return out;
}

Matrix featureTransform(const Matrix& X, const std::vector<Feature>& features, const char* where) {
  requireColumns(X, 2, where);
  requireFinite(X, where, "X");
  Matrix out(X.rows(), static_cast<Index>(features.size()));
  if (X.rows() == 0) return out;  // an empty matrix's columns have no storage to point at
  for (std::size_t k = 0; k < features.size(); ++k) {
    auto col = out.col(static_cast<Index>(k));
    auto x1 = X.col(0), x2 = X.col(1);
    switch (features[k]) {
      case Feature::X1: col = x1; break;
      case Feature::X2: col = x2; break;
      case Feature::X1Squared: col = x1.array().square(); break;
      case Feature::X2Squared: col = x2.array().square(); break;
      case Feature::X1TimesX2: col = x1.array() * x2.array(); break;
      // detmath::sin gives the same bits natively and in WASM, so models stay reproducible.
      case Feature::SinX1: col = x1.unaryExpr([](double v) { return detmath::sin(v); }); break;
      case Feature::SinX2: col = x2.unaryExpr([](double v) { return detmath::sin(v); }); break;
    }
  }
  return out;
}

Matrix featureTransform(const Matrix& X, const std::vector<std::string>& names) {
  const char* where = "featureTransform";
  return featureTransform(X, featuresFromNames(names, where), where);
}

}  // namespace dw
