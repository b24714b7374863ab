#include "dw/optimizers.hpp"

#include <algorithm>
#include <cctype>

#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/two_lanes.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
struct AdamRates {
  double eta, beta1, beta2, c1, c2, epsilon;
};
// One Adam update of m, v and θ (the formulas in Optimizer::update), two parameters per V2
// with the scalar operations in the same order, so every parameter rounds as the scalar
// formula does. Written out because this runs on every step of every network: in WASM, Eigen's
// expression would be scalar, one division or square root per parameter at a time.
void adamUpdate(double* theta, const double* g, double* m, double* v, Index n, const AdamRates& r) {
  Index i = 0;
  for (; i + 2 <= n; i += 2) {
    const V2 gi = load2(g + i);
    const V2 mi = r.beta1 * load2(m + i) + (1.0 - r.beta1) * gi;
    const V2 vi = r.beta2 * load2(v + i) + (1.0 - r.beta2) * (gi * gi);
    store2(m + i, mi);
    store2(v + i, vi);
    store2(theta + i, load2(theta + i) - r.eta * (mi / r.c1) / (sqrt2(vi / r.c2) + r.epsilon));
  }
  for (; i < n; ++i) {
    m[i] = r.beta1 * m[i] + (1.0 - r.beta1) * g[i];
    v[i] = r.beta2 * v[i] + (1.0 - r.beta2) * (g[i] * g[i]);
    theta[i] -= r.eta * (m[i] / r.c1) / (std::sqrt(v[i] / r.c2) + r.epsilon);
  }
}
}  // namespace

OptimizerKind optimizerKindFromName(const std::string& name, const char* where) {
  const std::string n = lowerCase(name);
  if (n == "sgd") return OptimizerKind::SGD;
  if (n == "momentum") return OptimizerKind::Momentum;
  if (n == "nesterov") return OptimizerKind::Nesterov;
  if (n == "rmsprop") return OptimizerKind::RMSProp;
  if (n == "adagrad") return OptimizerKind::AdaGrad;
  if (n == "adam") return OptimizerKind::Adam;
  throw InvalidArgument(std::string(where) + ": optimizer='" + name +
                        "' is not one of sgd, momentum, nesterov, rmsprop, adagrad, adam");
}

const char* optimizerName(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::SGD: return "sgd";
    case OptimizerKind::Momentum: return "momentum";
    case OptimizerKind::Nesterov: return "nesterov";
    case OptimizerKind::RMSProp: return "rmsprop";
    case OptimizerKind::AdaGrad: return "adagrad";
    case OptimizerKind::Adam: return "adam";
  }
  return "unknown";
}

void Optimizer::setKind(OptimizerKind kind) {
  kind_ = kind;
  reset(first_.size());
}

void Optimizer::setLearningRate(double eta) {
  requireInOpenClosed(eta, 0.0, 10.0, "Optimizer.setLearningRate", "learningRate");
  learningRate_ = eta;
}

void Optimizer::setMomentum(double beta) {
  requireInRange(beta, 0.0, 1.0, "Optimizer.setMomentum", "momentum");
  if (beta >= 1.0) throw InvalidArgument("Optimizer.setMomentum: momentum=1 must be below 1");
  momentum_ = beta;
}

void Optimizer::setBetas(double beta1, double beta2) {
  requireInRange(beta1, 0.0, 1.0, "Optimizer.setBetas", "beta1");
  requireInRange(beta2, 0.0, 1.0, "Optimizer.setBetas", "beta2");
  if (beta1 >= 1.0 || beta2 >= 1.0)
    throw InvalidArgument("Optimizer.setBetas: beta1=" + formatNumber(beta1) + ", beta2=" +
                          formatNumber(beta2) + " must both be below 1");
  beta1_ = beta1;
  beta2_ = beta2;
  reset(first_.size());  // the bias corrections depend on the betas from t = 0
}

void Optimizer::setDecay(double rho) {
  requireInRange(rho, 0.0, 1.0, "Optimizer.setDecay", "decay");
  if (rho >= 1.0) throw InvalidArgument("Optimizer.setDecay: decay=1 must be below 1");
  decay_ = rho;
}

void Optimizer::setEpsilon(double epsilon) {
  requireInOpenClosed(epsilon, 0.0, 1.0, "Optimizer.setEpsilon", "epsilon");
  epsilon_ = epsilon;
}

void Optimizer::reset(Index n) {
  first_ = Vector::Zero(n);
  second_ = Vector::Zero(n);
  t_ = 0;
  beta1Power_ = beta2Power_ = 1.0;
}

void Optimizer::update(Vector& theta, const Vector& g) {
  if (g.size() != theta.size())
    throw ShapeError("Optimizer.update: gradient has " + std::to_string(g.size()) +
                     " entries but the parameters have " + std::to_string(theta.size()));
  if (first_.size() != theta.size()) reset(theta.size());
  ++t_;
  const double eta = learningRate_;
  switch (kind_) {
    case OptimizerKind::SGD:
      // Plain gradient descent: θ ← θ − η g.
      theta -= eta * g;
      break;
    case OptimizerKind::Momentum:
      // Polyak's heavy ball in the form of Sutskever et al. (2013), eq. 1–2:
      // v ← β v − η g;  θ ← θ + v.
      first_ = momentum_ * first_ - eta * g;
      theta += first_;
      break;
    case OptimizerKind::Nesterov:
      // Nesterov's accelerated gradient rewritten to need g only at the current θ
      // (Bengio, Boulanger-Lewandowski & Pascanu 2013, eq. 7; the Keras/PyTorch form):
      // v ← β v − η g;  θ ← θ + β v − η g.
      first_ = momentum_ * first_ - eta * g;
      theta += momentum_ * first_ - eta * g;
      break;
    case OptimizerKind::AdaGrad:
      // Duchi, Hazan & Singer (2011): G ← G + g²;  θ ← θ − η g / (√G + ε).
      second_.array() += g.array().square();
      theta.array() -= eta * g.array() / (second_.array().sqrt() + epsilon_);
      break;
    case OptimizerKind::RMSProp:
      // Tieleman & Hinton (2012, Coursera lecture 6.5): s ← ρ s + (1 − ρ) g²;
      // θ ← θ − η g / (√s + ε).
      second_.array() = decay_ * second_.array() + (1.0 - decay_) * g.array().square();
      theta.array() -= eta * g.array() / (second_.array().sqrt() + epsilon_);
      break;
    case OptimizerKind::Adam: {
      // Kingma & Ba (2015), Algorithm 1: m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;
      // m̂ = m / (1 − β1^t);  v̂ = v / (1 − β2^t);  θ ← θ − η m̂ / (√v̂ + ε).
      beta1Power_ *= beta1_;
      beta2Power_ *= beta2_;
      adamUpdate(theta.data(), g.data(), first_.data(), second_.data(), theta.size(),
                 {eta, beta1_, beta2_, 1.0 - beta1Power_, 1.0 - beta2Power_, epsilon_});
      break;
    }
  }
}

}  // namespace dw
