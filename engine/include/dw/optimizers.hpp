// First-order optimisers on a flat parameter vector, shared by the MLP and the 2-D
// OptimizerSurface so both widgets show exactly the same update rules. The caller supplies
// the gradient g of the loss at the current parameters θ; update() changes θ in place.
#pragma once
#include <string>

#include "dw/types.hpp"

namespace dw {

enum class OptimizerKind { SGD, Momentum, Nesterov, RMSProp, AdaGrad, Adam };

// "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam" (case-insensitive);
// anything else throws InvalidArgument naming `where` and the value.
OptimizerKind optimizerKindFromName(const std::string& name, const char* where);
const char* optimizerName(OptimizerKind kind);

class Optimizer {
 public:
  explicit Optimizer(OptimizerKind kind = OptimizerKind::SGD) : kind_(kind) {}

  // Changing the kind clears the state (velocities, moment estimates, step count).
  void setKind(OptimizerKind kind);
  OptimizerKind kind() const { return kind_; }
  // Step size η in (0, 10]. Default 0.03.
  void setLearningRate(double eta);
  // Momentum / Nesterov coefficient β in [0, 1). Default 0.9.
  void setMomentum(double beta);
  // Adam's decay rates β1, β2 in [0, 1). Defaults 0.9, 0.999.
  void setBetas(double beta1, double beta2);
  // RMSProp's decay ρ of the squared-gradient average in [0, 1). Default 0.9.
  void setDecay(double rho);
  // ε in (0, 1] added to the root mean square in RMSProp/AdaGrad/Adam. Default 1e-8.
  void setEpsilon(double epsilon);

  double learningRate() const { return learningRate_; }
  double momentum() const { return momentum_; }
  double beta1() const { return beta1_; }
  double beta2() const { return beta2_; }
  double decay() const { return decay_; }
  double epsilon() const { return epsilon_; }
  // Updates taken since the last reset (Adam's t).
  long long stepCount() const { return t_; }

  // Clears the state for a parameter vector of n entries.
  void reset(Index n);
  // One update θ ← θ + Δ(g). Resizes (and so clears) the state if θ's length changed.
  void update(Vector& theta, const Vector& g);
  // The optimiser's state vectors: velocity (Momentum/Nesterov), accumulated or averaged
  // squared gradient (AdaGrad/RMSProp: second(); Adam: first() = m, second() = v).
  const Vector& first() const { return first_; }
  const Vector& second() const { return second_; }

 private:
  OptimizerKind kind_;
  double learningRate_ = 0.03;
  double momentum_ = 0.9;
  double beta1_ = 0.9, beta2_ = 0.999;
  double decay_ = 0.9;
  double epsilon_ = 1e-8;
  long long t_ = 0;
  double beta1Power_ = 1.0, beta2Power_ = 1.0;  // β1^t and β2^t, kept by exact products
  Vector first_, second_;
};

}  // namespace dw
