// Quantisation for the quantisation lesson: real numbers stored as b-bit integers q with a scale
// S and a zero point Z, read back as x̂ = S·(q − Z).
//
//   symmetric  (Z = 0): q ∈ [−(2^(b−1) − 1), 2^(b−1) − 1], S = max|x| / (2^(b−1) − 1)
//                       (the "restricted" range, so +a and −a land on ±qmax alike);
//   asymmetric (affine): q ∈ [0, 2^b − 1], the range [min(lo, 0), max(hi, 0)] is stretched over
//                       it: S = (hi − lo) / (2^b − 1), Z = round(−lo / S).
//   quantise:   q = clamp(round(x / S) + Z, qmin, qmax), round = to nearest, ties to even (as
//               NumPy's np.round and the IEEE default), so |x − x̂| ≤ S/2 inside the range.
//
// Per tensor: one (S, Z) for a whole weight matrix; per channel: one for each row (output unit).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dw/types.hpp"

namespace dw {

class TransferNet;

enum class QuantScheme { Symmetric, Asymmetric };
// "symmetric", "asymmetric" (case-insensitive); anything else throws InvalidArgument.
QuantScheme quantSchemeFromName(const std::string& name, const char* where);

struct QuantParams {
  double scale = 1.0;
  int zeroPoint = 0;
  int qmin = 0, qmax = 0;
};

// bits 2–16. A range of zero width (all values equal to 0) gets scale 1.
QuantParams quantParamsForRange(double lo, double hi, int bits, QuantScheme scheme, const char* where = "quantParams");
// The range of `values` (non-empty, finite).
QuantParams quantParamsFor(const Vector& values, int bits, QuantScheme scheme, const char* where = "quantParams");
std::vector<int> quantiseValues(const Vector& values, const QuantParams& p);
Vector dequantiseValues(const std::vector<int>& q, const QuantParams& p);
// Parameters given by hand (the JS API's dequantise): the integer range from bits and scheme,
// scale finite and > 0, zeroPoint within that range.
QuantParams quantParamsFromScale(double scale, int zeroPoint, int bits, QuantScheme scheme, const char* where);
// dequantiseValues after checking every code lies in p's integer range.
Vector dequantiseCodes(const std::vector<int>& q, const QuantParams& p, const char* where);
// dequantise(quantise(x)): the values a quantised model computes with.
Vector fakeQuantise(const Vector& values, const QuantParams& p);

// A weight matrix (rows = output units) quantised per tensor or per row; 1 … 100 000 rows and columns.
struct QuantisedMatrix {
  Matrix values;                   // dequantised, same shape
  std::vector<QuantParams> params; // 1 (per tensor) or rows (per channel)
};
QuantisedMatrix quantiseMatrix(const Matrix& W, int bits, QuantScheme scheme, bool perChannel,
                               const char* where = "quantiseMatrix");

// How a TransferNet is quantised for inference. activationBits 0 keeps the hidden activations
// in floating point; 2–16 quantises them asymmetrically over [0, the largest activation on the
// calibration data]. Biases stay in 32-bit floating point (as usual: they are few).
struct QuantSpec {
  int bits = 8;
  QuantScheme scheme = QuantScheme::Symmetric;
  bool perChannel = false;
  int activationBits = 0;
};

// Accuracy on (X, y) of `net` with both weight matrices (the hidden layer's effective weights
// and the head's) quantised by `spec`; `calibration` (rows of inputs) fixes the activation range.
double quantisedScore(const TransferNet& net, const QuantSpec& spec, const Matrix& calibration, const Matrix& X,
                      const Vector& y);
// A copy of `net` whose two weight matrices (the hidden layer's effective weights, adapter merged,
// and the head's) hold their quantised values (biases as they are): the weight-only quantised model.
TransferNet quantisedCopy(const TransferNet& net, const QuantSpec& spec, const char* where);
// The class probabilities (one row per input, as TransferNet::predictProba) of `net` quantised by
// `spec`, calibrated on `calibration` as quantisedScore is; quantisedScore is their accuracy.
Matrix quantisedProbabilities(const TransferNet& net, const QuantSpec& spec, const Matrix& calibration, const Matrix& X,
                              const char* where = "TransferNet.quantisedProbabilities");
// Decision maps of a network with 2 inputs at the cell centres of an nx × ny grid over
// [x0, x1] × [y0, y1] (gridAxes; x fastest, row 0 at y0), classes() probabilities per cell, the
// layout of Model::predictGrid: the float network's, and the network quantised by `spec`.
Vector transferProbabilityGrid(const TransferNet& net, double x0, double x1, double y0, double y1, int nx, int ny);
Vector quantisedProbabilityGrid(const TransferNet& net, const QuantSpec& spec, const Matrix& calibration, double x0,
                                double x1, double y0, double y1, int nx, int ny);

// Bytes to store the network quantised: weights at `bits` bits (rounded up to whole bytes per
// matrix), plus per scale 4 bytes (float32) and per zero point 4 bytes (asymmetric only), plus
// biases at 4 bytes each.
long long quantisedBytes(const TransferNet& net, int bits, QuantScheme scheme, bool perChannel);
// Bytes in 32-bit floating point: 4 per parameter (weights and biases).
long long floatBytes(const TransferNet& net);

}  // namespace dw
