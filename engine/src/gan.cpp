// A generative adversarial network on 2-D points: see dw/gan.hpp for the losses and the layout.
#include "dw/gan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dw/activations.hpp"
#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {

// Adam's moment decay rates. β₁ = 0.5 rather than 0.9 is the usual choice for GANs (Radford et
// al. 2015, "DCGAN"): a shorter momentum memory reacts faster to the other player's moves.
constexpr double kBeta1 = 0.5;
constexpr double kBeta2 = 0.999;
constexpr double kAdamEpsilon = 1e-8;

}  // namespace

// ---------------------------------------------------------------- DenseNet

void DenseNet::configure(int inputs, int layers, int width, int outputs) {
  inputs_ = inputs;
  outputs_ = outputs;
  weights_.clear();
  biases_.clear();
  int in = inputs;
  for (int l = 0; l <= layers; ++l) {
    int out = l == layers ? outputs : width;
    weights_.emplace_back(Matrix::Zero(in, out));
    biases_.emplace_back(Eigen::RowVectorXd::Zero(out));
    in = out;
  }
}

void DenseNet::initialise(Rng& rng) {
  for (std::size_t l = 0; l < weights_.size(); ++l) {
    Matrix& W = weights_[l];
    double limit = std::sqrt(6.0 / double(W.rows() + W.cols()));
    for (Index i = 0; i < W.rows(); ++i)
      for (Index j = 0; j < W.cols(); ++j) W(i, j) = rng.uniform(-limit, limit);
    biases_[l].setZero();
  }
}

Index DenseNet::parameterCount() const {
  Index n = 0;
  for (std::size_t l = 0; l < weights_.size(); ++l) n += weights_[l].size() + biases_[l].size();
  return n;
}

Vector DenseNet::params() const {
  Vector p(parameterCount());
  Index k = 0;
  for (std::size_t l = 0; l < weights_.size(); ++l) {
    const Matrix& W = weights_[l];
    for (Index i = 0; i < W.rows(); ++i)
      for (Index j = 0; j < W.cols(); ++j) p(k++) = W(i, j);
    for (Index j = 0; j < biases_[l].size(); ++j) p(k++) = biases_[l](j);
  }
  return p;
}

void DenseNet::setParams(const Vector& p) {
  Index k = 0;
  for (std::size_t l = 0; l < weights_.size(); ++l) {
    Matrix& W = weights_[l];
    for (Index i = 0; i < W.rows(); ++i)
      for (Index j = 0; j < W.cols(); ++j) W(i, j) = p(k++);
    for (Index j = 0; j < biases_[l].size(); ++j) biases_[l](j) = p(k++);
  }
}

std::vector<Matrix> DenseNet::forward(const Matrix& X) const {
  std::vector<Matrix> acts;
  acts.reserve(weights_.size() + 1);
  acts.push_back(X);
  for (std::size_t l = 0; l < weights_.size(); ++l) {
    Matrix Z = acts.back() * weights_[l];
    Z.rowwise() += biases_[l];
    if (l + 1 < weights_.size()) Z = Z.array().tanh().matrix();  // hidden: φ = tanh
    acts.push_back(std::move(Z));
  }
  return acts;
}

Matrix DenseNet::backward(const std::vector<Matrix>& acts, const Matrix& dOut, Vector* grad) const {
  std::vector<Matrix> gW(weights_.size());
  std::vector<Eigen::RowVectorXd> gb(weights_.size());
  Matrix dZ = dOut;  // ∂L/∂(pre-activation) of the current layer; the output layer is linear
  for (std::size_t l = weights_.size(); l-- > 0;) {
    if (grad) {
      gW[l] = acts[l].transpose() * dZ;  // ∂L/∂W = Aᵀ·∂L/∂Z
      gb[l] = dZ.colwise().sum();        // ∂L/∂b = Σ_rows ∂L/∂Z
    }
    Matrix dA = dZ * weights_[l].transpose();
    if (l > 0) dZ = (dA.array() * (1.0 - acts[l].array().square())).matrix();  // tanh' = 1 − tanh²
    else dZ = std::move(dA);
  }
  if (grad) {
    grad->resize(parameterCount());
    Index k = 0;
    for (std::size_t l = 0; l < weights_.size(); ++l) {
      for (Index i = 0; i < gW[l].rows(); ++i)
        for (Index j = 0; j < gW[l].cols(); ++j) (*grad)(k++) = gW[l](i, j);
      for (Index j = 0; j < gb[l].size(); ++j) (*grad)(k++) = gb[l](j);
    }
  }
  return dZ;  // ∂L/∂input
}

// ---------------------------------------------------------------- Gan: settings

Gan::Gan() { reset(0); }

std::vector<std::string> Gan::targetNames() { return {"ring", "moons", "curve", "gaussian"}; }

void Gan::setTarget(const std::string& name) {
  auto names = targetNames();
  if (std::find(names.begin(), names.end(), name) == names.end())
    throw InvalidArgument("Gan.setTarget: target='" + name + "' is not a target (use ring, moons, curve or gaussian)");
  target_ = name;
}

void Gan::setRealCount(int n) {
  requireIntInRange(n, 16, 2000, "Gan.setRealCount", "n");
  realCount_ = n;
}

void Gan::setRealPoints(const Matrix& points) {
  const char* where = "Gan.setRealPoints";
  requirePoints(points, where);
  if (points.rows() < 16 || points.rows() > 2000)
    throw InvalidArgument(std::string(where) + ": 16 to 2000 points are needed, got " + std::to_string(points.rows()));
  if (points.cwiseAbs().maxCoeff() > 100.0)
    throw InvalidArgument(std::string(where) + ": every coordinate must lie in [-100, 100]");
  custom_ = points;
  target_ = "custom";
}

void Gan::setNoiseDimension(int dz) {
  requireIntInRange(dz, 1, 2, "Gan.setNoiseDimension", "dimension");
  noiseDim_ = dz;
}

void Gan::setGeneratorShape(int layers, int width) {
  requireIntInRange(layers, 0, 4, "Gan.setGeneratorShape", "layers");
  requireIntInRange(width, 1, 64, "Gan.setGeneratorShape", "width");
  genLayers_ = layers;
  genWidth_ = width;
}

void Gan::setDiscriminatorShape(int layers, int width) {
  requireIntInRange(layers, 0, 4, "Gan.setDiscriminatorShape", "layers");
  requireIntInRange(width, 1, 64, "Gan.setDiscriminatorShape", "width");
  discLayers_ = layers;
  discWidth_ = width;
}

void Gan::setLearningRates(double generator, double discriminator) {
  requireInOpenClosed(generator, 0.0, 10.0, "Gan.setLearningRates", "generator");
  requireInOpenClosed(discriminator, 0.0, 10.0, "Gan.setLearningRates", "discriminator");
  etaG_ = generator;
  etaD_ = discriminator;
}

void Gan::setDiscriminatorSteps(int k) {
  requireIntInRange(k, 1, 50, "Gan.setDiscriminatorSteps", "k");
  k_ = k;
}

void Gan::setGeneratorSteps(int g) {
  requireIntInRange(g, 1, 50, "Gan.setGeneratorSteps", "g");
  g_ = g;
}

void Gan::setOptimizer(const std::string& name) {
  if (name != "sgd" && name != "adam")
    throw InvalidArgument("Gan.setOptimizer: optimizer='" + name + "' is not an optimizer (use sgd or adam)");
  optimizer_ = name;
  clearMoments();
}

void Gan::setBatchSize(int m) {
  requireIntInRange(m, 1, 1024, "Gan.setBatchSize", "m");
  batch_ = m;
}

// ---------------------------------------------------------------- Gan: data and start

// The targets. Each real point carries the index of its component (mode), used by coverageOf.
// Coordinates stay inside [−2, 2]², the widget's view. detmath keeps them bit-identical natively
// and in WASM.
void Gan::buildTarget() {
  if (target_ == "custom") {
    // Own points: as given, one mode.
    real_ = custom_;
    components_.assign(static_cast<std::size_t>(custom_.rows()), 0);
    modes_ = 1;
    radius_ = 0.2;
    return;
  }
  Rng data(seed_, 0x9e3779b97f4a7c15ULL);
  const int n = realCount_;
  real_.resize(n, 2);
  components_.assign(static_cast<std::size_t>(n), 0);
  if (target_ == "ring") {
    // Eight Gaussians, standard deviation 0.1, centred on a circle of radius 1.5.
    modes_ = 8;
    radius_ = 0.25;
    for (int i = 0; i < n; ++i) {
      int c = i % 8;
      double angle = 2.0 * detmath::kPi * c / 8.0;
      real_(i, 0) = 1.5 * detmath::cos(angle) + 0.1 * data.normal();
      real_(i, 1) = 1.5 * detmath::sin(angle) + 0.1 * data.normal();
      components_[i] = c;
    }
  } else if (target_ == "moons") {
    // Two interleaved half circles of radius 1 (the classic "two moons"), shifted to the centre,
    // with noise of standard deviation 0.06.
    modes_ = 2;
    radius_ = 0.2;
    for (int i = 0; i < n; ++i) {
      int c = i % 2;
      double t = detmath::kPi * data.uniform();
      double x = c == 0 ? detmath::cos(t) : 1.0 - detmath::cos(t);
      double y = c == 0 ? detmath::sin(t) : 0.5 - detmath::sin(t);
      real_(i, 0) = 1.2 * (x - 0.5) + 0.06 * data.normal();
      real_(i, 1) = 1.2 * (y - 0.25) + 0.06 * data.normal();
      components_[i] = c;
    }
  } else if (target_ == "curve") {
    // One sine curve y = 0.8·sin(2x) for x in [−1.6, 1.6], noise 0.05 across it.
    modes_ = 1;
    radius_ = 0.2;
    for (int i = 0; i < n; ++i) {
      double x = data.uniform(-1.6, 1.6);
      real_(i, 0) = x;
      real_(i, 1) = 0.8 * detmath::sin(2.0 * x) + 0.05 * data.normal();
    }
  } else {
    // One Gaussian with mean (0.5, 0.5) and standard deviation 0.3 on each axis.
    modes_ = 1;
    radius_ = 0.25;
    for (int i = 0; i < n; ++i) {
      real_(i, 0) = 0.5 + 0.3 * data.normal();
      real_(i, 1) = 0.5 + 0.3 * data.normal();
    }
  }
}

Matrix Gan::sampleNoise(int rows) {
  Matrix Z(rows, noiseDim_);
  for (Index i = 0; i < Z.rows(); ++i)
    for (Index j = 0; j < Z.cols(); ++j) Z(i, j) = rng_.uniform(-1.0, 1.0);
  return Z;
}

void Gan::clearMoments() {
  genMoments_.assign(2, Vector::Zero(gen_.parameterCount()));
  discMoments_.assign(2, Vector::Zero(disc_.parameterCount()));
  genT_ = 0;
  discT_ = 0;
}

void Gan::reset(std::uint32_t seed) {
  seed_ = seed;
  buildTarget();
  gen_.configure(noiseDim_, genLayers_, genWidth_, 2);
  disc_.configure(2, discLayers_, discWidth_, 1);
  rng_ = Rng(seed, 0x2545f4914f6cdd1dULL);
  gen_.initialise(rng_);
  disc_.initialise(rng_);
  {
    // The evaluation noise has its own stream so the training draws do not depend on its size.
    Rng evalRng(seed, 0x632be59bd9b4e019ULL);
    evalNoise_.resize(real_.rows(), noiseDim_);  // as many as the real points
    for (Index i = 0; i < evalNoise_.rows(); ++i)
      for (Index j = 0; j < evalNoise_.cols(); ++j) evalNoise_(i, j) = evalRng.uniform(-1.0, 1.0);
  }
  clearMoments();
  steps_ = 0;
  status_ = Status::Ready;
  trace_.setColumns({"step", "discriminatorLoss", "generatorLoss"});
  record();
}

void Gan::record() {
  if (tracing_) trace_.append({double(steps_), discriminatorLoss(), generatorLoss()});
}

// ---------------------------------------------------------------- Gan: training

void Gan::update(DenseNet& net, std::vector<Vector>& moments, const Vector& grad, double eta, long long& t) {
  Vector p = net.params();
  if (optimizer_ == "sgd") {
    p -= eta * grad;  // θ ← θ − η·∇L
  } else {
    // Adam (Kingma & Ba 2015): bias-corrected first and second moments.
    ++t;
    moments[0] = kBeta1 * moments[0] + (1.0 - kBeta1) * grad;
    moments[1] = kBeta2 * moments[1] + (1.0 - kBeta2) * grad.cwiseProduct(grad);
    double c1 = 1.0 - std::pow(kBeta1, double(t));
    double c2 = 1.0 - std::pow(kBeta2, double(t));
    p.array() -= eta * (moments[0].array() / c1) / ((moments[1].array() / c2).sqrt() + kAdamEpsilon);
  }
  net.setParams(p);
}

double Gan::step() {
  if (status_ == Status::Diverged)
    throw StateError("Gan.step: the losses are no longer finite; call reset(seed) or lower the learning rates");
  const int m = batch_;
  Matrix realBatch(m, 2), noise;
  for (int s = 0; s < k_; ++s) {
    for (int i = 0; i < m; ++i) realBatch.row(i) = real_.row(rng_.below(static_cast<std::uint32_t>(real_.rows())));
    noise = sampleNoise(m);
    update(disc_, discMoments_, discriminatorGradient(realBatch, noise), etaD_, discT_);
  }
  for (int s = 0; s < g_; ++s) update(gen_, genMoments_, generatorGradient(sampleNoise(m)), etaG_, genT_);
  ++steps_;
  // The round's result: L_D on its last discriminator minibatch after both updates (cheap; the
  // evaluation-set losses, over every real point, go to the trace when tracing is on).
  double lossD = discriminatorLossOn(realBatch, noise);
  if (!std::isfinite(lossD) || !gen_.params().allFinite() || !disc_.params().allFinite()) {
    status_ = Status::Diverged;
    return lossD;
  }
  if (tracing_) {
    double evalD = discriminatorLoss();
    if (!std::isfinite(evalD)) {
      status_ = Status::Diverged;
      return lossD;
    }
    trace_.append({double(steps_), evalD, generatorLoss()});
  }
  return lossD;
}

int Gan::fit(int rounds) {
  requireIntInRange(rounds, 0, 1'000'000, "Gan.fit", "rounds");
  int done = 0;
  while (done < rounds && status_ != Status::Diverged) {
    step();
    ++done;
  }
  return done;
}

// ---------------------------------------------------------------- Gan: losses and gradients

void Gan::requireNoise(const Matrix& noise, const char* where) const {
  if (noise.rows() == 0) throw ShapeError(std::string(where) + ": the noise is empty");
  if (noise.cols() != noiseDim_)
    throw ShapeError(std::string(where) + ": noise needs " + std::to_string(noiseDim_) +
                     " column(s) (the noise dimension), got " + std::to_string(noise.cols()));
  requireFinite(noise, where, "noise");
}

void Gan::requirePoints(const Matrix& points, const char* where) const {
  if (points.cols() != 2)
    throw ShapeError(std::string(where) + ": points need 2 columns (x, y), got " + std::to_string(points.cols()));
  requireFinite(points, where, "points");
}

// L_D with log D = −softplus(−a) and log(1 − D) = −softplus(a) for the logit a, so neither
// log ever sees a 0.
double Gan::discriminatorLossOn(const Matrix& real, const Matrix& noise) const {
  const char* where = "Gan.discriminatorLoss";
  requirePoints(real, where);
  if (real.rows() == 0) throw ShapeError(std::string(where) + ": there are no real points");
  requireNoise(noise, where);
  Matrix aReal = disc_.output(real);
  Matrix aFake = disc_.output(gen_.output(noise));
  double lossReal = 0.0, lossFake = 0.0;
  for (Index i = 0; i < aReal.rows(); ++i) lossReal += softplus(-aReal(i, 0));
  for (Index i = 0; i < aFake.rows(); ++i) lossFake += softplus(aFake(i, 0));
  return lossReal / double(aReal.rows()) + lossFake / double(aFake.rows());
}

double Gan::generatorLossOn(const Matrix& noise) const {
  requireNoise(noise, "Gan.generatorLoss");
  Matrix a = disc_.output(gen_.output(noise));
  double loss = 0.0;
  for (Index i = 0; i < a.rows(); ++i) loss += softplus(-a(i, 0));
  return loss / double(a.rows());
}

// ∂softplus(−a)/∂a = σ(a) − 1 for a real point; ∂softplus(a)/∂a = σ(a) for a fake one.
Vector Gan::discriminatorGradient(const Matrix& real, const Matrix& noise) const {
  const char* where = "Gan.discriminatorGradient";
  requirePoints(real, where);
  if (real.rows() == 0) throw ShapeError(std::string(where) + ": there are no real points");
  requireNoise(noise, where);
  Matrix fake = gen_.output(noise);
  std::vector<Matrix> actsReal = disc_.forward(real);
  std::vector<Matrix> actsFake = disc_.forward(fake);
  Matrix dReal(real.rows(), 1), dFake(fake.rows(), 1);
  for (Index i = 0; i < real.rows(); ++i) dReal(i, 0) = (sigmoid(actsReal.back()(i, 0)) - 1.0) / double(real.rows());
  for (Index i = 0; i < fake.rows(); ++i) dFake(i, 0) = sigmoid(actsFake.back()(i, 0)) / double(fake.rows());
  Vector gReal, gFake;
  disc_.backward(actsReal, dReal, &gReal);
  disc_.backward(actsFake, dFake, &gFake);
  return gReal + gFake;
}

// The chain rule through both nets: ∂L_G/∂θ_G = Σ_j (∂ℓ_j/∂a_j)(∂a_j/∂x_j)(∂x_j/∂θ_G), where
// x_j = G(z_j); D's parameters are held fixed.
Vector Gan::generatorGradient(const Matrix& noise) const {
  requireNoise(noise, "Gan.generatorGradient");
  std::vector<Matrix> actsG = gen_.forward(noise);
  std::vector<Matrix> actsD = disc_.forward(actsG.back());
  Matrix dA(noise.rows(), 1);
  for (Index i = 0; i < noise.rows(); ++i) dA(i, 0) = (sigmoid(actsD.back()(i, 0)) - 1.0) / double(noise.rows());
  Matrix dX = disc_.backward(actsD, dA, nullptr);
  Vector grad;
  gen_.backward(actsG, dX, &grad);
  return grad;
}

double Gan::discriminatorLoss() const { return discriminatorLossOn(real_, evalNoise_); }
double Gan::generatorLoss() const { return generatorLossOn(evalNoise_); }

void Gan::setGeneratorParams(const Vector& p) {
  if (p.size() != gen_.parameterCount())
    throw ShapeError("Gan.setGeneratorParams: expected " + std::to_string(gen_.parameterCount()) +
                     " parameters, got " + std::to_string(p.size()));
  requireFinite(p, "Gan.setGeneratorParams", "params");
  gen_.setParams(p);
  if (status_ == Status::Diverged) status_ = Status::Ready;
}

void Gan::setDiscriminatorParams(const Vector& p) {
  if (p.size() != disc_.parameterCount())
    throw ShapeError("Gan.setDiscriminatorParams: expected " + std::to_string(disc_.parameterCount()) +
                     " parameters, got " + std::to_string(p.size()));
  requireFinite(p, "Gan.setDiscriminatorParams", "params");
  disc_.setParams(p);
  if (status_ == Status::Diverged) status_ = Status::Ready;
}

// ---------------------------------------------------------------- Gan: pictures

Matrix Gan::generate(const Matrix& noise) const {
  requireNoise(noise, "Gan.generate");
  return gen_.output(noise);
}

Vector Gan::discriminate(const Matrix& points) const {
  requirePoints(points, "Gan.discriminate");
  Matrix a = disc_.output(points);
  Vector p(a.rows());
  for (Index i = 0; i < a.rows(); ++i) p(i) = sigmoid(a(i, 0));
  return p;
}

Vector Gan::discriminatorGrid(double x0, double x1, double y0, double y1, int nx, int ny) const {
  const char* where = "Gan.discriminatorGrid";
  for (double v : {x0, x1, y0, y1}) requireInRange(v, -1e6, 1e6, where, "bound");
  if (!(x1 > x0) || !(y1 > y0))
    throw InvalidArgument(std::string(where) + ": the grid needs x0 < x1 and y0 < y1");
  requireIntInRange(nx, 1, 1000, where, "nx");
  requireIntInRange(ny, 1, 1000, where, "ny");
  Matrix centres(static_cast<Index>(nx) * ny, 2);
  const double dx = (x1 - x0) / nx, dy = (y1 - y0) / ny;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      Index r = static_cast<Index>(j) * nx + i;
      centres(r, 0) = x0 + (i + 0.5) * dx;
      centres(r, 1) = y0 + (j + 0.5) * dy;
    }
  return discriminate(centres);
}

// −∂ℓ/∂x = −(σ(a) − 1)·∂a/∂x = (1 − D(x))·∂a/∂x, by backpropagating 1 through D to its input.
Matrix Gan::generatorFlow(const Matrix& points) const {
  requirePoints(points, "Gan.generatorFlow");
  std::vector<Matrix> acts = disc_.forward(points);
  Matrix dA(points.rows(), 1);
  for (Index i = 0; i < points.rows(); ++i) dA(i, 0) = 1.0 - sigmoid(acts.back()(i, 0));
  return disc_.backward(acts, dA, nullptr);
}

GanCoverage Gan::coverageOf(const Matrix& generated) const {
  requirePoints(generated, "Gan.coverage");
  GanCoverage c;
  c.modes = modes_;
  c.shares.assign(static_cast<std::size_t>(modes_), 0.0);
  if (generated.rows() == 0) return c;
  const double r2 = radius_ * radius_;
  int near = 0;
  for (Index i = 0; i < generated.rows(); ++i) {
    double best = std::numeric_limits<double>::infinity();
    Index bestJ = -1;
    for (Index j = 0; j < real_.rows(); ++j) {
      double dx = generated(i, 0) - real_(j, 0), dy = generated(i, 1) - real_(j, 1);
      double d2 = dx * dx + dy * dy;
      if (d2 < best) { best = d2; bestJ = j; }
    }
    if (bestJ >= 0 && best <= r2) {
      ++near;
      c.shares[static_cast<std::size_t>(components_[static_cast<std::size_t>(bestJ)])] += 1.0;
    }
  }
  const double n = double(generated.rows());
  c.onData = near / n;
  for (double& s : c.shares) {
    s /= n;
    if (s >= 1.0 / (4.0 * modes_)) ++c.covered;
  }
  return c;
}

}  // namespace dw
