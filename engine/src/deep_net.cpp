// A deep classifier on 2-D points with switchable training tricks: see dw/deep_net.hpp.
#include "dw/deep_net.hpp"

#include <algorithm>
#include <cmath>

#include "dw/datasets.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
constexpr std::uint64_t kStream = 0x7d3e1f59ULL;  // the net's own PCG stream (weights, then batches)
using Row = Eigen::RowVectorXd;
}  // namespace

// What back-propagation needs from a forward pass, per hidden layer.
struct DeepNet::Pass {
  std::vector<Matrix> input;  // the layer's input a (input[0] = X)
  std::vector<Matrix> pre;    // u, the activation's argument (after batch normalisation)
  std::vector<Matrix> act;    // φ(u)
  std::vector<BatchNormCache> bn;
};

DeepNet::DeepNet() : rng_(0, kStream) {
  schedule_.base = 0.05;
  reset(0);
}

std::vector<std::string> DeepNet::datasetNames() { return {"spiral", "moons", "circles", "xor"}; }

void DeepNet::setDataset(const std::string& name, int n, double noise) {
  const char* where = "DeepNet.setDataset";
  auto names = datasetNames();
  if (std::find(names.begin(), names.end(), name) == names.end())
    throw InvalidArgument(std::string(where) + ": dataset='" + name + "' is not one of spiral, moons, circles, xor");
  requireIntInRange(n, 8, 2000, where, "n");
  requireInRange(noise, 0.0, 1.0, where, "noise");
  dataset_ = name;
  n_ = n;
  noise_ = noise;
}

void DeepNet::setShape(int layers, int width) {
  requireIntInRange(layers, 1, kMaxLayers, "DeepNet.setShape", "layers");
  requireIntInRange(width, 1, kMaxWidth, "DeepNet.setShape", "width");
  layers_ = layers;
  width_ = width;
}

void DeepNet::setActivation(const std::string& name) { activation_ = activationFromName(name, "DeepNet.setActivation"); }
void DeepNet::setInit(const std::string& name) { init_ = initKindFromName(name, "DeepNet.setInit"); }
void DeepNet::setBatchNorm(bool on) { batchNorm_ = on; }

void DeepNet::setOptimizer(const std::string& name) {
  optimizer_.setKind(optimizerKindFromName(name, "DeepNet.setOptimizer"));
  optimizer_.reset(theta_.size());
}

void DeepNet::setSchedule(const LearningRateSchedule& s) {
  s.validate("DeepNet.setSchedule");
  schedule_ = s;
}

void DeepNet::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0.0, 10.0, "DeepNet.setLearningRate", "learningRate");
  LearningRateSchedule s = schedule_;
  s.base = eta;
  s.minimum = std::min(s.minimum, eta);
  schedule_ = s;
}

void DeepNet::setClipNorm(double maxNorm) {
  requireInRange(maxNorm, 0.0, 1e6, "DeepNet.setClipNorm", "maxNorm");
  clipNorm_ = maxNorm;
}

void DeepNet::setBatchSize(int m) {
  requireIntInRange(m, 2, 2000, "DeepNet.setBatchSize", "m");
  batch_ = m;
}

// ---------------------------------------------------------------- reset

void DeepNet::build() {
  offsets_.clear();
  Index size = 0;
  for (int l = 0; l <= layers_; ++l) {
    offsets_.push_back(size);
    size += static_cast<Index>(unitsIn(l)) * unitsOut(l) + unitsOut(l);
    if (normalised(l)) size += 2 * static_cast<Index>(unitsOut(l));
  }
  theta_.setZero(size);
}

void DeepNet::reset(std::uint32_t seed) {
  seed_ = seed;
  Dataset d;
  if (dataset_ == "spiral") d = makeSpiral(n_, noise_, seed);
  else if (dataset_ == "moons") d = makeMoons(n_, noise_, seed);
  else if (dataset_ == "circles") d = makeCircles(n_, noise_, 0.5, seed);
  else d = makeXor(n_, noise_, seed);
  X_ = std::move(d.X);
  y_ = std::move(d.y);
  classes_ = std::max(2, static_cast<int>(y_.maxCoeff()) + 1);
  build();
  rng_ = Rng(seed, kStream);
  // Weights from the chosen scale, biases and β zero, γ one.
  for (int l = 0; l <= layers_; ++l) {
    int in = unitsIn(l), out = unitsOut(l);
    Index off = offsets_[static_cast<std::size_t>(l)];
    Matrix W = initWeights(init_, in, out, rng_);
    theta_.segment(off, W.size()) = Eigen::Map<const Vector>(W.data(), W.size());
    if (normalised(l)) theta_.segment(off + W.size() + out, out).setOnes();
  }
  runMean_.assign(static_cast<std::size_t>(layers_), Row::Zero(width_));
  runVar_.assign(static_cast<std::size_t>(layers_), Row::Ones(width_));
  optimizer_.reset(theta_.size());
  order_.clear();
  cursor_ = 0;
  steps_ = 0;
  lastNorm_ = 0.0;
  status_ = Status::Ready;
  trace_.setColumns({"step", "loss", "accuracy", "eta", "grad_norm"});
  trace_.clear();
  record();
}

// ---------------------------------------------------------------- forward and backward

Matrix DeepNet::forward(const Matrix& X, bool training, Pass* pass, std::vector<Row>* batchMean,
                        std::vector<Row>* batchVar) const {
  if (pass) {
    pass->input.assign(static_cast<std::size_t>(layers_) + 1, Matrix());
    pass->pre.assign(static_cast<std::size_t>(layers_), Matrix());
    pass->act.assign(static_cast<std::size_t>(layers_), Matrix());
    pass->bn.assign(static_cast<std::size_t>(layers_), BatchNormCache());
  }
  if (batchMean) batchMean->assign(static_cast<std::size_t>(layers_), Row());
  if (batchVar) batchVar->assign(static_cast<std::size_t>(layers_), Row());
  Matrix A = X, Z, U;
  for (int l = 0; l <= layers_; ++l) {
    std::size_t ul = static_cast<std::size_t>(l);
    int in = unitsIn(l), out = unitsOut(l);
    Index off = offsets_[ul];
    Eigen::Map<const Matrix> W(theta_.data() + off, in, out);
    Eigen::Map<const Row> b(theta_.data() + off + static_cast<Index>(in) * out, out);
    if (pass) pass->input[ul] = A;
    Z.noalias() = A * W;
    Z.rowwise() += b;
    if (l == layers_) break;
    if (normalised(l)) {
      Index g = off + static_cast<Index>(in) * out + out;
      Row gamma = theta_.segment(g, out).transpose(), beta = theta_.segment(g + out, out).transpose();
      if (training) {
        Row mean, var;
        batchNormTrain(Z, gamma, beta, U, mean, var, pass ? &pass->bn[ul] : nullptr);
        if (batchMean) (*batchMean)[ul] = mean;
        if (batchVar) (*batchVar)[ul] = var;
      } else {
        batchNormInfer(Z, gamma, beta, runMean_[ul], runVar_[ul], U);
      }
    } else {
      U = Z;
    }
    applyActivation(activation_, U, A);
    if (pass) {
      pass->pre[ul] = U;
      pass->act[ul] = A;
    }
  }
  // Softmax with the row maximum subtracted, so no exponential overflows.
  Matrix P = (Z.colwise() - Z.rowwise().maxCoeff()).array().exp();
  P.array().colwise() /= P.rowwise().sum().array();
  return P;
}

double DeepNet::crossEntropy(const Matrix& P, const Vector& y) const {
  // −log p with p floored at 1e-300, so a confidently wrong point costs at most ~690, never ∞.
  double sum = 0;
  for (Index i = 0; i < P.rows(); ++i) sum -= std::log(std::max(P(i, static_cast<Index>(y(i))), 1e-300));
  return sum / static_cast<double>(P.rows());
}

double DeepNet::lossAndGradient(const Matrix& X, const Vector& y, Vector* grad, std::vector<Row>* batchMean,
                                std::vector<Row>* batchVar) const {
  Pass pass;
  Matrix P = forward(X, true, grad ? &pass : nullptr, batchMean, batchVar);
  double loss = crossEntropy(P, y);
  if (!grad) return loss;
  const double n = static_cast<double>(X.rows());
  Matrix delta = P;  // ∂L/∂z of the output layer: (p − onehot(y))/n
  for (Index i = 0; i < delta.rows(); ++i) delta(i, static_cast<Index>(y(i))) -= 1.0;
  delta /= n;
  grad->setZero(theta_.size());
  for (int l = layers_; l >= 0; --l) {
    std::size_t ul = static_cast<std::size_t>(l);
    int in = unitsIn(l), out = unitsOut(l);
    Index off = offsets_[ul];
    Eigen::Map<const Matrix> W(theta_.data() + off, in, out);
    Eigen::Map<Matrix>(grad->data() + off, in, out).noalias() = pass.input[ul].transpose() * delta;
    grad->segment(off + static_cast<Index>(in) * out, out) = delta.colwise().sum().transpose();
    if (l == 0) break;
    // Into hidden layer l − 1: ∂L/∂a, then through φ, then through batch normalisation.
    std::size_t h = ul - 1;
    int hOut = unitsOut(l - 1);
    Matrix dA = delta * W.transpose(), D;
    activationDerivative(activation_, pass.pre[h], pass.act[h], D);
    Matrix dU = dA.array() * D.array();
    if (normalised(l - 1)) {
      Index g = offsets_[h] + static_cast<Index>(unitsIn(l - 1)) * hOut + hOut;
      Row gamma = theta_.segment(g, hOut).transpose(), dGamma, dBeta;
      delta = batchNormBackward(dU, gamma, pass.bn[h], dGamma, dBeta);
      grad->segment(g, hOut) = dGamma.transpose();
      grad->segment(g + hOut, hOut) = dBeta.transpose();
    } else {
      delta = std::move(dU);
    }
  }
  return loss;
}

// ---------------------------------------------------------------- training

double DeepNet::step() {
  if (status_ == Status::Diverged)
    throw StateError("DeepNet.step: the parameters are no longer finite; call reset(seed) or lower the learning rate");
  const int n = static_cast<int>(X_.rows());
  const int m = std::min(batch_, n);
  if (order_.empty() || cursor_ + static_cast<std::size_t>(m) > static_cast<std::size_t>(n)) {
    order_ = rng_.permutation(n);
    cursor_ = 0;
  }
  Matrix Xb(m, 2);
  Vector yb(m);
  for (int i = 0; i < m; ++i) {
    int row = order_[cursor_ + static_cast<std::size_t>(i)];
    Xb.row(i) = X_.row(row);
    yb(i) = y_(row);
  }
  cursor_ += static_cast<std::size_t>(m);
  std::vector<Row> mean, var;
  double loss = lossAndGradient(Xb, yb, &grad_, &mean, &var);
  lastNorm_ = clipNorm_ > 0 ? clipByGlobalNorm(grad_, clipNorm_) : globalNorm(grad_);
  const double eta = schedule_.rate(steps_);
  if (eta > 0 && std::isfinite(lastNorm_)) {
    optimizer_.setLearningRate(std::min(eta, 10.0));
    optimizer_.update(theta_, grad_);
  }
  if (batchNorm_) {
    for (std::size_t l = 0; l < runMean_.size(); ++l) {
      runMean_[l] = (1.0 - kBatchNormMomentum) * runMean_[l] + kBatchNormMomentum * mean[l];
      runVar_[l] = (1.0 - kBatchNormMomentum) * runVar_[l] + kBatchNormMomentum * var[l];
    }
  }
  ++steps_;
  if (!theta_.allFinite() || !std::isfinite(lastNorm_)) {
    status_ = Status::Diverged;
    return loss;
  }
  if (tracing_) record();
  return loss;
}

int DeepNet::fit(int updates) {
  requireIntInRange(updates, 0, 1'000'000, "DeepNet.fit", "updates");
  int done = 0;
  while (done < updates && status_ != Status::Diverged) {
    step();
    ++done;
  }
  return done;
}

void DeepNet::record() {
  Matrix P = forward(X_, false, nullptr, nullptr, nullptr);
  double loss = crossEntropy(P, y_);
  Index correct = 0;
  for (Index i = 0; i < P.rows(); ++i) {
    Index k;
    P.row(i).maxCoeff(&k);
    if (static_cast<double>(k) == y_(i)) ++correct;
  }
  trace_.append({static_cast<double>(steps_), loss, static_cast<double>(correct) / static_cast<double>(P.rows()),
                 schedule_.rate(steps_ > 0 ? steps_ - 1 : 0), lastNorm_});
}

// ---------------------------------------------------------------- evaluation

double DeepNet::loss() const { return crossEntropy(forward(X_, false, nullptr, nullptr, nullptr), y_); }

double DeepNet::accuracy() const {
  Matrix P = forward(X_, false, nullptr, nullptr, nullptr);
  Index correct = 0;
  for (Index i = 0; i < P.rows(); ++i) {
    Index k;
    P.row(i).maxCoeff(&k);
    if (static_cast<double>(k) == y_(i)) ++correct;
  }
  return static_cast<double>(correct) / static_cast<double>(P.rows());
}

double DeepNet::batchLoss() const { return lossAndGradient(X_, y_, nullptr, nullptr, nullptr); }

Vector DeepNet::gradient() const {
  Vector g;
  lossAndGradient(X_, y_, &g, nullptr, nullptr);
  return g;
}

namespace {
void checkBatch(const Matrix& X, const Vector& y, int classes, const char* where) {
  requireSupervisedShape(X, y, 1, where);
  requireColumns(X, 2, where);
  requireFinite(X, where, "X");
  for (Index i = 0; i < y.size(); ++i)
    if (!(y(i) >= 0 && y(i) < classes && y(i) == std::floor(y(i))))
      throw InvalidArgument(std::string(where) + ": label y[" + std::to_string(i) + "]=" + formatNumber(y(i)) +
                            " is not a class 0…" + std::to_string(classes - 1));
}
}  // namespace

double DeepNet::lossOn(const Matrix& X, const Vector& y, bool training) const {
  checkBatch(X, y, classes_, "DeepNet.lossOn");
  return crossEntropy(forward(X, training, nullptr, nullptr, nullptr), y);
}

Vector DeepNet::gradientOn(const Matrix& X, const Vector& y) const {
  checkBatch(X, y, classes_, "DeepNet.gradientOn");
  Vector g;
  lossAndGradient(X, y, &g, nullptr, nullptr);
  return g;
}

LayerStatistics DeepNet::layerStatistics() const {
  Pass pass;
  forward(X_, true, &pass, nullptr, nullptr);
  LayerStatistics s;
  for (const Matrix& A : pass.act) {
    double mean = A.mean();
    s.mean.push_back(mean);
    s.deviation.push_back(std::sqrt((A.array() - mean).square().mean()));
  }
  Vector g = gradient();
  for (int l = 0; l <= layers_; ++l)
    s.gradientNorm.push_back(
        g.segment(offsets_[static_cast<std::size_t>(l)], static_cast<Index>(unitsIn(l)) * unitsOut(l)).norm());
  return s;
}

void DeepNet::setParams(const Vector& p) {
  if (p.size() != theta_.size())
    throw ShapeError("DeepNet.setParams: " + std::to_string(p.size()) + " values for " +
                     std::to_string(theta_.size()) + " parameters");
  requireFinite(p, "DeepNet.setParams", "params");
  theta_ = p;
  if (status_ == Status::Diverged) status_ = Status::Ready;
}

Matrix DeepNet::predictProba(const Matrix& X) const {
  requireQuery(X, 2, "DeepNet.predictProba");
  return forward(X, false, nullptr, nullptr, nullptr);
}

Vector DeepNet::probabilityGrid(double x0, double x1, double y0, double y1, int nx, int ny) const {
  Matrix G = gridPoints(x0, x1, y0, y1, nx, ny, "DeepNet.probabilityGrid");
  return forward(G, false, nullptr, nullptr, nullptr).col(1);
}

}  // namespace dw
