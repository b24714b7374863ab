#include "dw/bias_variance.hpp"

#include <cmath>
#include <string>

#include "dw/detmath.hpp"
#include "dw/errors.hpp"
#include "dw/rng.hpp"
#include "dw/validate.hpp"

namespace dw {

BiasVarianceResult biasVariance(Model& model, const TargetFunction& f, const BiasVarianceOptions& o) {
  const char* where = "biasVariance";
  requireInRange(o.xMin, -1e6, 1e6, where, "xMin");
  requireInRange(o.xMax, o.xMin, 1e6, where, "xMax");
  if (!(o.xMax > o.xMin)) throw InvalidArgument(std::string(where) + ": xMax must be above xMin");
  requireInRange(o.noise, 0.0, 100.0, where, "noise");
  requireIntInRange(o.sampleSize, 2, 10000, where, "sampleSize");
  requireIntInRange(o.refits, 2, 2000, where, "refits");
  requireIntInRange(o.gridSize, 1, 1000, where, "gridSize");
  requireIntInRange(o.maxSteps, 0, 10'000'000, where, "maxSteps");
  if (model.isClassifier())
    throw InvalidArgument(std::string(where) + ": " + model.name() +
                          " is a classifier; the squared-error decomposition needs a regressor");
  if (double(o.refits) * o.sampleSize > 2e6)
    throw InvalidArgument(std::string(where) + ": refits × sampleSize must stay below 2 000 000");
  TargetFunction target = f ? f : TargetFunction([](double x) { return detmath::sin(x); });

  BiasVarianceResult r;
  const Index G = o.gridSize, R = o.refits;
  r.x.resize(G);
  r.truth.resize(G);
  for (Index g = 0; g < G; ++g) {
    r.x(g) = G == 1 ? o.xMin : o.xMin + (o.xMax - o.xMin) * double(g) / double(G - 1);
    r.truth(g) = target(r.x(g));
    if (!std::isfinite(r.truth(g)))
      throw InvalidArgument(std::string(where) + ": f(" + formatNumber(r.x(g)) + ") is not a finite number");
  }
  Matrix gridX = Eigen::Map<const Matrix>(r.x.data(), G, 1);
  r.predictions.resize(R, G);
  r.expectedError = Vector::Zero(G);
  Rng rng(o.seed);
  Matrix X(o.sampleSize, 1);
  Vector y(o.sampleSize);
  for (Index rep = 0; rep < R; ++rep) {
    // x and ε are drawn in the same order whatever σ is, so runs with different noise levels
    // see the same x and the same standardised noise.
    for (Index i = 0; i < o.sampleSize; ++i) {
      double u = rng.uniform(o.xMin, o.xMax);  // drawn even when unused, to keep the stream aligned
      X(i, 0) = o.fixedX ? o.xMin + (o.xMax - o.xMin) * double(i) / double(o.sampleSize - 1) : u;
      double eps = rng.normal();
      double fx = target(X(i, 0));
      if (!std::isfinite(fx))
        throw InvalidArgument(std::string(where) + ": f(" + formatNumber(X(i, 0)) + ") is not a finite number");
      y(i) = fx + o.noise * eps;
    }
    model.setData(X, y);
    model.reset(o.seed);
    model.fit(o.maxSteps);
    if (model.status() == Status::Diverged)
      throw StateError(std::string(where) + ": " + model.name() + " diverged on refit " + std::to_string(rep) +
                       " (its loss is no longer finite); lower its learning rate");
    Vector pred = model.predict(gridX);
    if (pred.size() != G) throw StateError(std::string(where) + ": the model returned a wrong number of predictions");
    r.predictions.row(rep) = pred.transpose();
    // A fresh noisy target at every grid x estimates the expected test error directly.
    for (Index g = 0; g < G; ++g) {
      double fresh = r.truth(g) + o.noise * rng.normal();
      r.expectedError(g) += (pred(g) - fresh) * (pred(g) - fresh);
    }
  }
  r.expectedError /= double(R);
  r.meanPrediction = r.predictions.colwise().mean().transpose();
  r.bias2 = (r.meanPrediction - r.truth).array().square().matrix();
  // Population variance (divide by R): then mean((ŷ−f)²) = bias² + variance exactly over the R fits.
  r.variance = (r.predictions.rowwise() - r.meanPrediction.transpose()).array().square().colwise().mean().transpose();
  r.noiseVariance = o.noise * o.noise;
  r.meanBias2 = r.bias2.mean();
  r.meanVariance = r.variance.mean();
  r.meanExpectedError = r.expectedError.mean();
  return r;
}

}  // namespace dw
