// Principal component analysis by eigen-decomposition of the sample covariance
// Σ = XcᵀXc / (n − 1) (Xc: X with its column means removed), as scikit-learn's PCA: the
// components are Σ's eigenvectors sorted by decreasing eigenvalue (= variance along them).
#pragma once
#include "dw/model.hpp"

namespace dw {

class PCA : public Model {
 public:
  const char* name() const override { return "PCA"; }

  // X: at least 2 rows; y is ignored (empty or one value per row). Solves at once; throws
  // InvalidArgument when the data has no variance.
  void setData(const Matrix& X, const Vector& y) override;
  // Fraction of X's spread (around the training mean) kept by the reconstruction:
  // 1 − Σ‖x − x̂‖² / Σ‖x − mean‖². y is ignored.
  double score(const Matrix& X, const Vector& y) const override;
  // transform(X) flattened row-major (rows × nComponents).
  Vector predict(const Matrix& X) const override;
  Vector params() const override;  // components, row-major nComponents × d
  // Mean squared reconstruction error per point on the training data.
  double trainingLoss() const override;

  // Components kept, in [1, d] (d = feature count once data is set). Default 2 (capped at d).
  void setComponents(int nComponents);
  int componentCount() const;

  // nComponents × d, each row a unit vector, largest-|entry| made positive for a stable sign.
  Matrix components() const;
  // Variance along each kept component (the eigenvalues), decreasing.
  Vector explainedVariance() const;
  // explainedVariance / total variance (trace Σ).
  Vector explainedVarianceRatio() const;
  const Vector& mean() const { return mean_; }
  // Coordinates along the kept components: (X − mean) Wᵀ.
  Matrix transform(const Matrix& X) const;
  // Back to feature space from the kept components: transform(X) W + mean.
  Matrix reconstruct(const Matrix& X) const;
  // uᵀΣu / trace Σ for the direction u (normalised here): the share of the total variance
  // along u. A zero vector throws InvalidArgument.
  double varianceAlong(const Vector& u) const;

 protected:
  void resetParams() override {}
  void doStep() override;
  void recordTrace() override;

 private:
  Matrix X_;
  Vector mean_;
  Matrix covariance_;
  Matrix allComponents_;  // d × d, row k = k-th component
  Vector eigenvalues_;    // decreasing
  int nComponents_ = 2;
};

}  // namespace dw
