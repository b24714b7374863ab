// Learning-rate schedules, gradient clipping, initialisation scales and batch normalisation:
// see dw/training_tricks.hpp for the formulas.
#include "dw/training_tricks.hpp"

#include <cctype>
#include <cmath>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/names.hpp"
#include "dw/validate.hpp"

namespace dw {

// ---------------------------------------------------------------- schedules

ScheduleKind scheduleKindFromName(const std::string& name, const char* where) {
  std::string n = nameKey(name);
  if (n == "constant") return ScheduleKind::Constant;
  if (n == "step") return ScheduleKind::Step;
  if (n == "exponential") return ScheduleKind::Exponential;
  if (n == "cosine") return ScheduleKind::Cosine;
  throw InvalidArgument(std::string(where) + ": schedule='" + name + "' is not one of constant, step, exponential, cosine");
}

const char* scheduleKindName(ScheduleKind k) {
  switch (k) {
    case ScheduleKind::Constant: return "constant";
    case ScheduleKind::Step: return "step";
    case ScheduleKind::Exponential: return "exponential";
    case ScheduleKind::Cosine: return "cosine";
  }
  return "unknown";
}

void LearningRateSchedule::validate(const char* where) const {
  requireInOpenClosed(base, 0.0, 10.0, where, "learningRate");
  requireInOpenClosed(gamma, 0.0, 1.0, where, "gamma");
  requireIntInRange(period, 1, 10'000'000, where, "period");
  requireInRange(minimum, 0.0, base, where, "minimum");
  requireIntInRange(warmup, 0, 10'000'000, where, "warmup");
}

double scheduleRateAt(const LearningRateSchedule& s, double t, const char* where) {
  s.validate(where);
  requireIntInRange(t, 0, 1'000'000'000, where, "t");
  return s.rate(static_cast<long long>(t));
}

double LearningRateSchedule::rate(long long t) const {
  if (t < 0) t = 0;
  if (t < warmup) return base * static_cast<double>(t + 1) / static_cast<double>(warmup);
  const long long u = t - warmup;
  switch (kind) {
    case ScheduleKind::Constant: return base;
    case ScheduleKind::Step: {
      // γ^k by repeated products (exact and the same on every platform); past ~2000 halvings
      // the rate is zero in double precision anyway.
      long long k = u / period;
      double r = base;
      for (long long i = 0; i < k && r > 0; ++i) r *= gamma;
      return r;
    }
    case ScheduleKind::Exponential:
      if (gamma == 1.0) return base;
      return base * detmath::exp(detmath::log(gamma) * static_cast<double>(u) / static_cast<double>(period));
    case ScheduleKind::Cosine:
      if (u >= period) return minimum;
      return minimum + 0.5 * (base - minimum) *
                           (1.0 + detmath::cos(detmath::kPi * static_cast<double>(u) / static_cast<double>(period)));
  }
  return base;
}

// ---------------------------------------------------------------- clipping

double globalNorm(const Vector& g) { return g.norm(); }

ClippedGradient clipGradient(const Vector& g, double maxNorm) {
  requireFinite(g, "clipByGlobalNorm", "gradient");
  ClippedGradient out{g, 0.0};
  out.norm = clipByGlobalNorm(out.gradient, maxNorm);
  return out;
}

double clipByGlobalNorm(Vector& g, double maxNorm) {
  requireInOpenClosed(maxNorm, 0.0, 1e12, "clipByGlobalNorm", "maxNorm");
  double norm = g.norm();
  if (norm > maxNorm && std::isfinite(norm)) g *= maxNorm / norm;
  return norm;
}

// ---------------------------------------------------------------- initialisation

InitKind initKindFromName(const std::string& name, const char* where) {
  std::string n = nameKey(name);
  if (n == "small") return InitKind::Small;
  if (n == "large") return InitKind::Large;
  if (n == "xavier" || n == "glorot") return InitKind::Xavier;
  if (n == "he" || n == "kaiming") return InitKind::He;
  throw InvalidArgument(std::string(where) + ": init='" + name + "' is not one of small, large, xavier, he");
}

const char* initKindName(InitKind k) {
  switch (k) {
    case InitKind::Small: return "small";
    case InitKind::Large: return "large";
    case InitKind::Xavier: return "xavier";
    case InitKind::He: return "he";
  }
  return "unknown";
}

double initVariance(InitKind k, int fanIn, int fanOut) {
  requireIntInRange(fanIn, 1, 1'000'000, "initVariance", "fanIn");
  requireIntInRange(fanOut, 1, 1'000'000, "initVariance", "fanOut");
  switch (k) {
    case InitKind::Small: return 1e-4;
    case InitKind::Large: return 1.0;
    case InitKind::Xavier: return 2.0 / static_cast<double>(fanIn + fanOut);
    case InitKind::He: return 2.0 / static_cast<double>(fanIn);
  }
  return 1.0;
}

Matrix initWeights(InitKind k, int fanIn, int fanOut, Rng& rng) {
  if (fanIn < 1 || fanOut < 1)
    throw InvalidArgument("initWeights: fanIn=" + std::to_string(fanIn) + ", fanOut=" + std::to_string(fanOut) +
                          "; both must be at least 1");
  const double s = std::sqrt(initVariance(k, fanIn, fanOut));
  Matrix W(fanIn, fanOut);
  for (Index i = 0; i < W.size(); ++i) W.data()[i] = s * rng.normal();
  return W;
}

// ---------------------------------------------------------------- batch normalisation

void batchNormTrain(const Matrix& Z, const Eigen::RowVectorXd& gamma, const Eigen::RowVectorXd& beta, Matrix& Y,
                    Eigen::RowVectorXd& mean, Eigen::RowVectorXd& variance, BatchNormCache* cache) {
  if (Z.rows() < 1) throw ShapeError("batchNorm: the batch is empty");
  if (gamma.size() != Z.cols() || beta.size() != Z.cols())
    throw ShapeError("batchNorm: " + std::to_string(Z.cols()) + " units but " + std::to_string(gamma.size()) +
                     " scales and " + std::to_string(beta.size()) + " shifts");
  const double m = static_cast<double>(Z.rows());
  mean = Z.colwise().sum() / m;
  Matrix centred = Z.rowwise() - mean;
  variance = centred.array().square().colwise().sum() / m;
  Eigen::RowVectorXd invStd = (variance.array() + kBatchNormEpsilon).sqrt().inverse();
  Matrix xhat = centred.array().rowwise() * invStd.array();
  Y = (xhat.array().rowwise() * gamma.array()).rowwise() + beta.array();
  if (cache) {
    cache->xhat = std::move(xhat);
    cache->invStd = std::move(invStd);
  }
}

void batchNormInfer(const Matrix& Z, const Eigen::RowVectorXd& gamma, const Eigen::RowVectorXd& beta,
                    const Eigen::RowVectorXd& mean, const Eigen::RowVectorXd& variance, Matrix& Y) {
  if (gamma.size() != Z.cols() || beta.size() != Z.cols() || mean.size() != Z.cols() || variance.size() != Z.cols())
    throw ShapeError("batchNorm: " + std::to_string(Z.cols()) + " units but statistics of another size");
  Eigen::RowVectorXd scale = gamma.array() / (variance.array() + kBatchNormEpsilon).sqrt();
  Y = ((Z.rowwise() - mean).array().rowwise() * scale.array()).rowwise() + beta.array();
}

Matrix batchNormBackward(const Matrix& dY, const Eigen::RowVectorXd& gamma, const BatchNormCache& cache,
                         Eigen::RowVectorXd& dGamma, Eigen::RowVectorXd& dBeta) {
  const double m = static_cast<double>(dY.rows());
  dBeta = dY.colwise().sum();
  dGamma = (dY.array() * cache.xhat.array()).colwise().sum();
  // g = ∂L/∂Y; ∂L/∂zᵢ = γ·invStd·(gᵢ − mean(g) − x̂ᵢ·mean(g ⊙ x̂)) per column.
  Eigen::RowVectorXd meanG = dBeta / m, meanGX = dGamma / m;
  Matrix dZ = (dY.rowwise() - meanG).array() - cache.xhat.array().rowwise() * meanGX.array();
  dZ.array().rowwise() *= (gamma.array() * cache.invStd.array());
  return dZ;
}

BatchNormOfValues batchNormValues(const Vector& z, double gamma, double beta) {
  const char* where = "batchNorm";
  if (z.size() < 1) throw ShapeError(std::string(where) + ": values is empty");
  requireFinite(z, where, "values");
  requireInRange(gamma, -1e6, 1e6, where, "gamma");
  requireInRange(beta, -1e6, 1e6, where, "beta");
  Matrix Z = Eigen::Map<const Matrix>(z.data(), z.size(), 1), Y;
  Eigen::RowVectorXd g = Eigen::RowVectorXd::Constant(1, gamma), b = Eigen::RowVectorXd::Constant(1, beta), mean, var;
  batchNormTrain(Z, g, b, Y, mean, var, nullptr);
  return {Eigen::Map<const Vector>(Y.data(), Y.size()), mean(0), var(0)};
}

}  // namespace dw
