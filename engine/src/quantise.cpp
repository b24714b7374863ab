// Quantisation of values, weight matrices and a whole TransferNet: see dw/quantise.hpp.
#include "dw/quantise.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/lora.hpp"
#include "dw/validate.hpp"

namespace dw {

QuantScheme quantSchemeFromName(const std::string& name, const char* where) {
  const std::string lower = lowerCase(name);
  if (lower == "symmetric") return QuantScheme::Symmetric;
  if (lower == "asymmetric") return QuantScheme::Asymmetric;
  throw InvalidArgument(std::string(where) + ": scheme '" + name + "' is not 'symmetric' or 'asymmetric'");
}

QuantParams quantParamsForRange(double lo, double hi, int bits, QuantScheme scheme, const char* where) {
  requireIntInRange(bits, 2, 16, where, "bits");
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi)
    throw InvalidArgument(std::string(where) + ": the range [" + formatNumber(lo) + ", " + formatNumber(hi) +
                          "] must be finite with lo ≤ hi");
  QuantParams p;
  if (scheme == QuantScheme::Symmetric) {
    p.qmax = (1 << (bits - 1)) - 1;
    p.qmin = -p.qmax;
    const double m = std::max(std::abs(lo), std::abs(hi));
    p.scale = m > 0.0 ? m / p.qmax : 1.0;
    p.zeroPoint = 0;
  } else {
    p.qmin = 0;
    p.qmax = (1 << bits) - 1;
    // The range must hold 0 exactly (zero padding, ReLU zeros): widen it to include 0.
    const double a = std::min(lo, 0.0), b = std::max(hi, 0.0);
    p.scale = b > a ? (b - a) / (p.qmax - p.qmin) : 1.0;
    const double z = std::nearbyint(p.qmin - a / p.scale);
    p.zeroPoint = static_cast<int>(std::min<double>(p.qmax, std::max<double>(p.qmin, z)));
  }
  return p;
}

QuantParams quantParamsFor(const Vector& values, int bits, QuantScheme scheme, const char* where) {
  if (values.size() == 0) throw ShapeError(std::string(where) + ": there are no values to quantise");
  requireFinite(values, where, "values");
  return quantParamsForRange(values.minCoeff(), values.maxCoeff(), bits, scheme, where);
}

namespace {
int quantiseOne(double x, const QuantParams& p) {
  // round half to even (the default IEEE rounding mode), as NumPy's np.round.
  const double q = std::nearbyint(x / p.scale) + p.zeroPoint;
  return static_cast<int>(std::min<double>(p.qmax, std::max<double>(p.qmin, q)));
}
}  // namespace

std::vector<int> quantiseValues(const Vector& values, const QuantParams& p) {
  std::vector<int> q(static_cast<std::size_t>(values.size()));
  for (Index i = 0; i < values.size(); ++i) q[static_cast<std::size_t>(i)] = quantiseOne(values[i], p);
  return q;
}

Vector dequantiseValues(const std::vector<int>& q, const QuantParams& p) {
  Vector x(static_cast<Index>(q.size()));
  for (std::size_t i = 0; i < q.size(); ++i) x[static_cast<Index>(i)] = p.scale * (q[i] - p.zeroPoint);
  return x;
}

QuantParams quantParamsFromScale(double scale, int zeroPoint, int bits, QuantScheme scheme, const char* where) {
  QuantParams p = quantParamsForRange(0.0, 0.0, bits, scheme, where);  // the integer range of bits and scheme
  if (!std::isfinite(scale) || scale <= 0.0)
    throw InvalidArgument(std::string(where) + ": scale=" + formatNumber(scale) + " must be a finite number above 0");
  if (zeroPoint < p.qmin || zeroPoint > p.qmax)
    throw InvalidArgument(std::string(where) + ": zeroPoint=" + std::to_string(zeroPoint) + " must be from " +
                          std::to_string(p.qmin) + " to " + std::to_string(p.qmax));
  p.scale = scale;
  p.zeroPoint = zeroPoint;
  return p;
}

Vector dequantiseCodes(const std::vector<int>& q, const QuantParams& p, const char* where) {
  for (int code : q)
    if (code < p.qmin || code > p.qmax)
      throw InvalidArgument(std::string(where) + ": q=" + std::to_string(code) + " is outside " + std::to_string(p.qmin) +
                            "…" + std::to_string(p.qmax));
  return dequantiseValues(q, p);
}

Vector fakeQuantise(const Vector& values, const QuantParams& p) {
  Vector x(values.size());
  for (Index i = 0; i < values.size(); ++i) x[i] = p.scale * (quantiseOne(values[i], p) - p.zeroPoint);
  return x;
}

QuantisedMatrix quantiseMatrix(const Matrix& W, int bits, QuantScheme scheme, bool perChannel, const char* where) {
  if (W.size() == 0) throw ShapeError(std::string(where) + ": the matrix is empty");
  if (W.rows() > 100000 || W.cols() > 100000) throw ShapeError(std::string(where) + ": rows and cols must be from 1 to 100000");
  requireFinite(W, where, "W");
  QuantisedMatrix out;
  out.values.resize(W.rows(), W.cols());
  if (!perChannel) {
    QuantParams p = quantParamsForRange(W.minCoeff(), W.maxCoeff(), bits, scheme, where);
    out.params.push_back(p);
    for (Index i = 0; i < W.size(); ++i) out.values.data()[i] = p.scale * (quantiseOne(W.data()[i], p) - p.zeroPoint);
    return out;
  }
  for (Index r = 0; r < W.rows(); ++r) {
    QuantParams p = quantParamsForRange(W.row(r).minCoeff(), W.row(r).maxCoeff(), bits, scheme, where);
    out.params.push_back(p);
    for (Index c = 0; c < W.cols(); ++c) out.values(r, c) = p.scale * (quantiseOne(W(r, c), p) - p.zeroPoint);
  }
  return out;
}

double quantisedScore(const TransferNet& net, const QuantSpec& spec, const Matrix& calibration, const Matrix& X,
                      const Vector& y) {
  const char* where = "TransferNet.quantisedScore";
  requireIntInRange(spec.bits, 2, 16, where, "bits");
  if (X.rows() == 0) throw ShapeError(std::string(where) + ": the data is empty");
  if (y.size() != X.rows())
    throw ShapeError(std::string(where) + ": " + std::to_string(X.rows()) + " inputs but " + std::to_string(y.size()) +
                     " labels");
  for (Index n = 0; n < y.size(); ++n)
    if (!std::isfinite(y[n])) throw InvalidArgument(std::string(where) + ": label at row " + std::to_string(n) + " is not a number");
  if (spec.activationBits == 0) return quantisedCopy(net, spec, where).score(X, y);
  // Accuracy of the most probable class (quantise_map.cpp computes the probabilities).
  Matrix P = quantisedProbabilities(net, spec, calibration, X, where);
  int right = 0;
  for (Index n = 0; n < P.rows(); ++n) {
    Index best = 0;
    P.row(n).maxCoeff(&best);
    right += static_cast<double>(best) == y[n] ? 1 : 0;
  }
  return static_cast<double>(right) / static_cast<double>(X.rows());
}

long long quantisedBytes(const TransferNet& net, int bits, QuantScheme scheme, bool perChannel) {
  requireIntInRange(bits, 2, 16, "TransferNet.quantisedBytes", "bits");
  const long long h = net.hidden(), d = net.inputs(), K = net.classes();
  auto matrixBytes = [&](long long rows, long long cols) {
    long long weights = (rows * cols * bits + 7) / 8;
    long long groups = perChannel ? rows : 1;
    long long perGroup = scheme == QuantScheme::Symmetric ? 4 : 8;  // scale, and a zero point if asymmetric
    return weights + groups * perGroup;
  };
  return matrixBytes(h, d) + matrixBytes(K, h) + 4 * (h + K);
}

long long floatBytes(const TransferNet& net) {
  const long long h = net.hidden(), d = net.inputs(), K = net.classes();
  return 4 * (h * d + h + K * h + K);
}

}  // namespace dw
