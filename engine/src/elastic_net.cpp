#include "dw/elastic_net.hpp"

#include <algorithm>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/metrics_basic.hpp"
#include "dw/validate.hpp"

namespace dw {

namespace {
// The operators themselves, unchecked: the solver's inner loop calls them once per coordinate.
double shrink(double z, double gamma) {
  if (z > gamma) return z - gamma;
  if (z < -gamma) return z + gamma;
  return 0.0;
}
double updateCoordinate(double z, double c, double n, double alpha, double l1Ratio) {
  double denominator = c + n * alpha * (1.0 - l1Ratio);
  if (denominator <= 0) return 0.0;  // a constant column with no ridge part: weight 0
  return shrink(z, n * alpha * l1Ratio) / denominator;
}
}  // namespace

double ElasticNet::softThreshold(double z, double gamma) {
  requireInRange(z, -1e300, 1e300, "ElasticNet.softThreshold", "z");
  requireInRange(gamma, 0, 1e300, "ElasticNet.softThreshold", "gamma");
  return shrink(z, gamma);
}

double ElasticNet::coordinateUpdate(double z, double c, double n, double alpha, double l1Ratio) {
  const char* where = "ElasticNet.coordinateUpdate";
  requireInRange(z, -1e300, 1e300, where, "z");
  requireInRange(c, 0, 1e300, where, "c");
  requireInRange(n, 1, 1e9, where, "n");
  requireInRange(alpha, 0, 1e6, where, "alpha");
  requireInRange(l1Ratio, 0, 1, where, "l1Ratio");
  return updateCoordinate(z, c, n, alpha, l1Ratio);
}

void ElasticNet::checkData(const Matrix& X, const Vector&, const char* where) const {
  if (X.cols() > 1000) throw ShapeError(std::string(where) + ": at most 1000 features");
}

void ElasticNet::dataChanged(Index) {
  const Matrix& X = X_;
  const Vector& y = y_;
  xMean_ = X.colwise().mean().transpose();
  yMean_ = y.mean();
  Xc_ = X.rowwise() - xMean_.transpose();
  yc_ = y.array() - yMean_;
  colSq_ = Xc_.colwise().squaredNorm().transpose();
  restartDescent();
}

void ElasticNet::restartDescent() {
  w_ = Vector::Zero(featureCount_);
  residual_ = yc_;
  lastChange_ = 0.0;
}

void ElasticNet::resetParams() {
  if (status_ != Status::Empty) restartDescent();
}

void ElasticNet::setAlpha(double alpha) {
  requireInRange(alpha, 0.0, 1e6, "ElasticNet.setAlpha", "alpha");
  alpha_ = alpha;
  settingsChanged();
}

void ElasticNet::setL1Ratio(double ratio) {
  requireInRange(ratio, 0.0, 1.0, "ElasticNet.setL1Ratio", "l1Ratio");
  l1Ratio_ = ratio;
  settingsChanged();
}

void ElasticNet::setTolerance(double tol) {
  requireInOpenClosed(tol, 0.0, 1.0, "ElasticNet.setTolerance", "tolerance");
  tolerance_ = tol;
  settingsChanged();
}

void ElasticNet::doStep() {
  const double n = static_cast<double>(Xc_.rows());
  double maxChange = 0.0;
  for (Index j = 0; j < Xc_.cols(); ++j) {
    const double old = w_(j);
    // z = x_jᵀ r_j with r_j = r + x_j·w_j, the residual without feature j.
    const double z = Xc_.col(j).dot(residual_) + colSq_(j) * old;
    const double updated = updateCoordinate(z, colSq_(j), n, alpha_, l1Ratio_);
    if (updated != old) {
      residual_ -= (updated - old) * Xc_.col(j);
      w_(j) = updated;
      maxChange = std::max(maxChange, std::fabs(updated - old));
    }
  }
  lastChange_ = maxChange;
  double scale = 1.0 + (w_.size() ? w_.cwiseAbs().maxCoeff() : 0.0);
  if (maxChange <= tolerance_ * scale) status_ = Status::Converged;
}

double ElasticNet::intercept() const {
  requireData("ElasticNet.intercept");
  return yMean_ - xMean_.dot(w_);
}

Vector ElasticNet::params() const {
  Vector p(featureCount_ + 1);
  if (status_ == Status::Empty) return Vector::Zero(featureCount_ + 1);
  p.head(featureCount_) = w_;
  p(featureCount_) = yMean_ - xMean_.dot(w_);
  return p;
}

Vector ElasticNet::predict(const Matrix& X) const {
  requireData("ElasticNet.predict");
  requireQuery(X, featureCount_, "ElasticNet.predict");
  Vector out = X * w_;
  return out.array() + (yMean_ - xMean_.dot(w_));
}

double ElasticNet::score(const Matrix& X, const Vector& y) const {
  requireSupervisedShape(X, y, 1, "ElasticNet.score");
  return r2Score(y, predict(X));
}

double ElasticNet::trainingMse() const {
  requireData("ElasticNet.trainingMse");
  return residual_.squaredNorm() / static_cast<double>(residual_.size());
}

double ElasticNet::trainingLoss() const {
  const double n = static_cast<double>(residual_.size());
  return residual_.squaredNorm() / (2.0 * n) + alpha_ * l1Ratio_ * w_.lpNorm<1>() +
         0.5 * alpha_ * (1.0 - l1Ratio_) * w_.squaredNorm();
}

int ElasticNet::zeroWeightCount() const {
  requireData("ElasticNet.zeroWeightCount");
  int zeros = 0;
  for (Index j = 0; j < w_.size(); ++j) zeros += w_(j) == 0.0;
  return zeros;
}

void ElasticNet::recordTrace() {
  if (trace_.columns().empty()) trace_.setColumns({"loss", "mse", "maxChange", "zeroWeights"});
  trace_.append({trainingLoss(), residual_.squaredNorm() / static_cast<double>(residual_.size()), lastChange_,
                 static_cast<double>(zeroWeightCount())});
}

}  // namespace dw
