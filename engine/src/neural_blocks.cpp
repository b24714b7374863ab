#include "dw/neural_blocks.hpp"

#include <cmath>
#include <limits>

#include "dw/activations.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr Index kMaxValues = 1'000'000;

Matrix asRow(const Vector& z) { return Eigen::Map<const Matrix>(z.data(), 1, z.size()); }
}  // namespace

ActivationCurve activationCurve(const std::string& name, const Vector& z) {
  const char* where = "activationCurve";
  Activation a = activationFromName(name, where);
  if (z.size() > kMaxValues) throw InvalidArgument(std::string(where) + ": at most 1000000 values");
  requireFinite(z, where, "z");
  Matrix Z = asRow(z), A, D;
  applyActivation(a, Z, A);
  activationDerivative(a, Z, A, D);
  return {Eigen::Map<Vector>(A.data(), A.size()), Eigen::Map<Vector>(D.data(), D.size())};
}

Vector softmax(const Vector& z, double temperature) {
  const char* where = "softmax";
  if (z.size() < 1) throw InvalidArgument(std::string(where) + ": z is empty");
  if (z.size() > kMaxValues) throw InvalidArgument(std::string(where) + ": at most 1000000 values");
  requireFinite(z, where, "z");
  requireInOpenClosed(temperature, 0.0, 1e6, where, "temperature");
  // Subtracting the maximum changes nothing mathematically (it cancels between numerator and
  // denominator) and keeps every exponent ≤ 0, so exp never overflows.
  Vector s = z / temperature;
  Vector e = (s.array() - s.maxCoeff()).exp();
  return e / e.sum();
}

GradientChain gradientChain(const std::string& name, int depth, double weight, double bias, double input) {
  const char* where = "gradientChain";
  Activation a = activationFromName(name, where);
  requireIntInRange(depth, 1, 1000, where, "depth");
  requireInRange(weight, -100, 100, where, "weight");
  requireInRange(bias, -100, 100, where, "bias");
  requireInRange(input, -100, 100, where, "input");
  GradientChain g;
  g.preActivation.resize(depth);
  g.activation.resize(depth + 1);
  g.localFactor.resize(depth);
  g.gradient.resize(depth + 1);
  g.activation(0) = input;
  Matrix Z(1, 1), A, D;
  for (int l = 1; l <= depth; ++l) {
    Z(0, 0) = weight * g.activation(l - 1) + bias;
    applyActivation(a, Z, A);
    activationDerivative(a, Z, A, D);
    g.preActivation(l - 1) = Z(0, 0);
    g.activation(l) = A(0, 0);
    // Chain rule: ∂a_l/∂a_{l−1} = f'(z_l) · w.
    g.localFactor(l - 1) = weight * D(0, 0);
  }
  g.gradient(depth) = 1.0;
  for (int l = depth - 1; l >= 0; --l) g.gradient(l) = g.gradient(l + 1) * g.localFactor(l);
  return g;
}

Matrix convolve2d(const Matrix& image, const Matrix& kernel, const std::string& padding) {
  const char* where = "convolve2d";
  if (image.rows() < 1 || image.cols() < 1) throw InvalidArgument(std::string(where) + ": the image is empty");
  if (image.size() > kMaxValues) throw InvalidArgument(std::string(where) + ": the image has more than 1000000 pixels");
  if (kernel.rows() != kernel.cols() || kernel.rows() % 2 == 0 || kernel.rows() > 15)
    throw ShapeError(std::string(where) + ": the kernel must be square with an odd size up to 15, got " +
                     std::to_string(kernel.rows()) + "×" + std::to_string(kernel.cols()));
  requireFinite(image, where, "image");
  requireFinite(kernel, where, "kernel");
  const Index k = kernel.rows(), p = k / 2;
  bool same = padding == "same";
  if (!same && padding != "valid")
    throw InvalidArgument(std::string(where) + ": padding='" + padding + "' is not one of valid, same");
  if (!same && (image.rows() < k || image.cols() < k))
    throw ShapeError(std::string(where) + ": a " + std::to_string(k) + "×" + std::to_string(k) +
                     " kernel does not fit in a " + std::to_string(image.rows()) + "×" + std::to_string(image.cols()) +
                     " image without padding");
  const Index H = same ? image.rows() : image.rows() - k + 1;
  const Index W = same ? image.cols() : image.cols() - k + 1;
  const Index offset = same ? -p : 0;  // image row of the kernel's top-left cell for output row 0
  Matrix out = Matrix::Zero(H, W);
  for (Index r = 0; r < H; ++r)
    for (Index c = 0; c < W; ++c) {
      double sum = 0;
      for (Index i = 0; i < k; ++i) {
        Index ir = r + i + offset;
        if (ir < 0 || ir >= image.rows()) continue;  // zero padding
        for (Index j = 0; j < k; ++j) {
          Index ic = c + j + offset;
          if (ic < 0 || ic >= image.cols()) continue;
          sum += kernel(i, j) * image(ir, ic);
        }
      }
      out(r, c) = sum;
    }
  return out;
}

Pooled maxPool(const Matrix& input, int size) {
  const char* where = "maxPool";
  requireIntInRange(size, 1, 64, where, "size");
  requireFinite(input, where, "input");
  if (input.rows() < size || input.cols() < size)
    throw ShapeError(std::string(where) + ": a " + std::to_string(size) + "×" + std::to_string(size) +
                     " window does not fit in a " + std::to_string(input.rows()) + "×" + std::to_string(input.cols()) + " map");
  const Index H = input.rows() / size, W = input.cols() / size;
  Pooled p{Matrix(H, W), std::vector<int>(static_cast<std::size_t>(H * W))};
  for (Index r = 0; r < H; ++r)
    for (Index c = 0; c < W; ++c) {
      Index bestR = r * size, bestC = c * size;
      for (Index i = 0; i < size; ++i)
        for (Index j = 0; j < size; ++j)
          if (input(r * size + i, c * size + j) > input(bestR, bestC)) { bestR = r * size + i; bestC = c * size + j; }
      p.values(r, c) = input(bestR, bestC);
      p.argmax[static_cast<std::size_t>(r * W + c)] = static_cast<int>(bestR * input.cols() + bestC);
    }
  return p;
}

std::vector<AttentionHead> attention(const Matrix& X, const Matrix& Wq, const Matrix& Wk, const Matrix& Wv,
                                     int heads, bool causal) {
  const char* where = "attention";
  requireIntInRange(heads, 1, 16, where, "heads");
  if (X.rows() < 1 || X.rows() > 256) throw InvalidArgument(std::string(where) + ": need 1 to 256 tokens, got " + std::to_string(X.rows()));
  const Index d = X.cols();
  requireIntInRange(double(d), 1, 512, where, "d");
  for (const Matrix* W : {&Wq, &Wk, &Wv})
    if (W->rows() != d)
      throw ShapeError(std::string(where) + ": a weight matrix has " + std::to_string(W->rows()) +
                       " rows but the embeddings have " + std::to_string(d) + " dimensions");
  if (Wq.cols() != Wk.cols()) throw ShapeError(std::string(where) + ": Wq and Wk must have the same number of columns");
  if (Wq.cols() % heads != 0 || Wv.cols() % heads != 0 || Wq.cols() < heads || Wv.cols() < heads)
    throw ShapeError(std::string(where) + ": the weight columns (" + std::to_string(Wq.cols()) + ", " +
                     std::to_string(Wv.cols()) + ") must split evenly into " + std::to_string(heads) + " heads");
  for (const Matrix* M : {&X, &Wq, &Wk, &Wv}) requireFinite(*M, where, "weights");
  const Index dk = Wq.cols() / heads, dv = Wv.cols() / heads, n = X.rows();
  const double scale = 1.0 / std::sqrt(static_cast<double>(dk));
  std::vector<AttentionHead> out(static_cast<std::size_t>(heads));
  for (int h = 0; h < heads; ++h) {
    AttentionHead& a = out[static_cast<std::size_t>(h)];
    a.Q = X * Wq.middleCols(h * dk, dk);
    a.K = X * Wk.middleCols(h * dk, dk);
    a.V = X * Wv.middleCols(h * dv, dv);
    // Dividing by √dk keeps the scores' spread independent of the key width, so the softmax
    // does not saturate as dk grows (Vaswani et al. 2017, §3.2.1).
    a.scores = (a.Q * a.K.transpose()) * scale;
    a.weights.resize(n, n);
    for (Index i = 0; i < n; ++i) {
      Index visible = causal ? i + 1 : n;
      Vector row = a.scores.row(i).head(visible).transpose();
      a.weights.row(i).setZero();
      a.weights.row(i).head(visible) = softmax(row, 1.0).transpose();
      if (causal)
        for (Index j = visible; j < n; ++j) a.scores(i, j) = -std::numeric_limits<double>::infinity();
    }
    a.output = a.weights * a.V;
  }
  return out;
}

}  // namespace dw
