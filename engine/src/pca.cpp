#include "dw/pca.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>

#include "dw/errors.hpp"
#include "dw/unsupervised_data.hpp"
#include "dw/validate.hpp"

namespace dw {

void PCA::setData(const Matrix& X, const Vector& y) {
  const char* where = "PCA.setData";
  requireUnlabelledData(X, y, 2, where);
  const double n = static_cast<double>(X.rows());
  Vector mean = X.colwise().mean().transpose();
  Matrix centred = X.rowwise() - mean.transpose();
  Matrix cov = (centred.transpose() * centred) / (n - 1.0);
  // "No variance" relative to the data's magnitude: a constant column's mean may differ from
  // its value by an ulp, leaving a variance of ~1e-34 rather than exactly 0.
  double scale = 1.0 + X.cwiseAbs2().mean();
  if (!(cov.trace() > 1e-24 * scale))
    throw InvalidArgument(std::string(where) + ": every column is constant (total variance " +
                          formatNumber(cov.trace()) + "); PCA needs data that varies");
  Eigen::MatrixXd covColMajor = cov;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covColMajor);
  if (solver.info() != Eigen::Success) throw StateError(std::string(where) + ": the eigen-solver did not converge");
  const Index d = X.cols();
  // Eigen sorts eigenvalues increasing; reverse them so component 0 has the most variance.
  Vector values(d);
  Matrix comps(d, d);
  for (Index k = 0; k < d; ++k) {
    Index src = d - 1 - k;
    values(k) = std::max(0.0, solver.eigenvalues()(src));  // clamp round-off negatives
    Vector v = solver.eigenvectors().col(src);
    Index big;
    v.cwiseAbs().maxCoeff(&big);
    if (v(big) < 0) v = -v;  // sign convention: the largest-magnitude entry is positive
    comps.row(k) = v.transpose();
  }
  X_ = X;
  mean_ = mean;
  covariance_ = cov;
  allComponents_ = comps;
  eigenvalues_ = values;
  featureCount_ = d;
  restartTrace();
}

void PCA::setComponents(int nComponents) {
  const char* where = "PCA.setComponents";
  requireIntInRange(nComponents, 1, 4096, where, "nComponents");
  if (status_ != Status::Empty && nComponents > featureCount_)
    throw InvalidArgument(std::string(where) + ": nComponents=" + std::to_string(nComponents) + " exceeds the " +
                          std::to_string(featureCount_) + " features");
  nComponents_ = nComponents;
  settingsChanged();
}

int PCA::componentCount() const {
  return status_ == Status::Empty ? nComponents_ : static_cast<int>(std::min<Index>(nComponents_, featureCount_));
}

Matrix PCA::components() const {
  requireData("PCA.components");
  return allComponents_.topRows(componentCount());
}

Vector PCA::explainedVariance() const {
  requireData("PCA.explainedVariance");
  return eigenvalues_.head(componentCount());
}

Vector PCA::explainedVarianceRatio() const {
  requireData("PCA.explainedVarianceRatio");
  return eigenvalues_.head(componentCount()) / covariance_.trace();
}

Matrix PCA::transform(const Matrix& X) const {
  requireData("PCA.transform");
  requireQuery(X, featureCount_, "PCA.transform");
  return (X.rowwise() - mean_.transpose()) * components().transpose();
}

Matrix PCA::reconstruct(const Matrix& X) const {
  requireData("PCA.reconstruct");
  requireQuery(X, featureCount_, "PCA.reconstruct");
  // x̂ = mean + Σ_k (w_k·(x − mean)) w_k: the orthogonal projection onto the kept components.
  Matrix W = components();
  Matrix Z = (X.rowwise() - mean_.transpose()) * W.transpose();
  return (Z * W).rowwise() + mean_.transpose();
}

double PCA::varianceAlong(const Vector& u) const {
  const char* where = "PCA.varianceAlong";
  requireData(where);
  if (u.size() != featureCount_)
    throw ShapeError(std::string(where) + ": the direction has " + std::to_string(u.size()) +
                     " entries but the data has " + std::to_string(featureCount_) + " features");
  requireFinite(u, where, "u");
  double norm = u.norm();
  if (!(norm > 0.0)) throw InvalidArgument(std::string(where) + ": the direction u is the zero vector");
  Vector unit = u / norm;
  // Variance of the projections x·u is uᵀΣu for a unit u; divide by trace Σ for the share.
  return unit.dot(covariance_ * unit) / covariance_.trace();
}

Vector PCA::predict(const Matrix& X) const {
  Matrix Z = transform(X);
  return Eigen::Map<const Vector>(Z.data(), Z.size());
}

double PCA::score(const Matrix& X, const Vector& y) const {
  const char* where = "PCA.score";
  requireData(where);
  requireUnlabelledData(X, y, 1, where);
  requireColumns(X, featureCount_, where);
  double total = (X.rowwise() - mean_.transpose()).squaredNorm();
  double residual = (X - reconstruct(X)).squaredNorm();
  return total > 0.0 ? 1.0 - residual / total : (residual == 0.0 ? 1.0 : 0.0);
}

Vector PCA::params() const {
  Matrix W = allComponents_.topRows(componentCount());
  return Eigen::Map<const Vector>(W.data(), W.size());
}

double PCA::trainingLoss() const {
  if (X_.rows() == 0) return 0.0;
  return (X_ - reconstruct(X_)).squaredNorm() / double(X_.rows());
}

void PCA::doStep() {
  status_ = Status::Converged;  // closed form: the decomposition was solved in setData
}

void PCA::recordTrace() {
  if (trace_.rows() == 0) trace_.setColumns({"loss", "components", "retained"});
  trace_.append({loss(), double(componentCount()), explainedVarianceRatio().sum()});
}

}  // namespace dw
