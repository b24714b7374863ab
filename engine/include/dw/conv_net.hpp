// A small convolutional network for images (the digits lesson): one convolution layer (k×k
// filters, stride, zero padding), ReLU, max-pooling, an optional ReLU dense layer, a dense
// output layer and softmax cross-entropy, trained by mini-batches with any dw::Optimizer.
//
// The layers are also public classes working on one image at a time (flat arrays in CHW order:
// channel after channel, each row after row), so tests can check each layer's gradient on its own
// and the lesson can compute one output value by hand. ConvNet chains them and implements the
// engine's Model interface (reset/setData/step/fit/score/predict/predictProba/params/loss).
#pragma once
#include <cstdint>
#include <vector>

#include "dw/model.hpp"
#include "dw/optimizers.hpp"
#include "dw/rng.hpp"

namespace dw {

// Size of an activation volume: channels × height × width values, stored in CHW order.
struct VolumeShape {
  int channels = 0, height = 0, width = 0;
  int size() const { return channels * height * width; }
};

// Output length along one axis of a window of `kernel` cells moved by `stride` over n cells padded
// with `padding` zeros on each side: ⌊(n + 2·padding − kernel) / stride⌋ + 1. Throws
// InvalidArgument (naming `where`) unless n ≥ 1, kernel ≥ 1, stride ≥ 1, padding ≥ 0 and the
// window fits (kernel ≤ n + 2·padding).
int convOutputSize(int n, int kernel, int stride, int padding, const char* where = "convOutputSize");

// Convolution (strictly cross-correlation, as in every deep-learning library):
//   out[f, i, j] = b_f + Σ_c Σ_u Σ_v W[f, c, u, v] · in[c, i·s + u − p, j·s + v − p],
// with in = 0 outside the image. Parameters: filters·channels·k² weights (filter after filter, each
// in CHW order), then one bias per filter.
class Conv2D {
 public:
  Conv2D() = default;
  Conv2D(VolumeShape input, int filters, int kernel, int stride, int padding, const char* where = "Conv2D");
  VolumeShape input() const { return in_; }
  VolumeShape output() const { return out_; }
  int filters() const { return filters_; }
  int kernel() const { return kernel_; }
  int stride() const { return stride_; }
  int padding() const { return padding_; }
  int weightCount() const { return filters_ * in_.channels * kernel_ * kernel_; }
  int paramCount() const { return weightCount() + filters_; }
  void forward(const double* in, const double* params, double* out) const;
  // Back-propagation of dL/d(out): ADDS dL/d(params) to gradParams and, when gradIn is not null,
  // WRITES dL/d(in) to it.
  void backward(const double* in, const double* params, const double* gradOut, double* gradParams,
                double* gradIn) const;

 private:
  VolumeShape in_, out_;
  int filters_ = 0, kernel_ = 0, stride_ = 1, padding_ = 0;
};

// Max-pooling over size×size windows moved by `stride` (no padding), channel by channel.
class MaxPool2D {
 public:
  MaxPool2D() = default;
  MaxPool2D(VolumeShape input, int size, int stride, const char* where = "MaxPool2D");
  VolumeShape input() const { return in_; }
  VolumeShape output() const { return out_; }
  int size() const { return size_; }
  // argmax (output().size() entries) receives the index in `in` of each window's maximum (the
  // first one on ties), which backward() routes the gradient to.
  void forward(const double* in, double* out, int* argmax) const;
  // WRITES dL/d(in): each output's gradient goes to its window's maximum, zero elsewhere.
  void backward(const double* gradOut, const int* argmax, double* gradIn) const;

 private:
  VolumeShape in_, out_;
  int size_ = 1, stride_ = 1;
};

// ReLU φ(z) = max(0, z) and its back-propagation (φ'(z) = 1 for z > 0, else 0).
void reluForward(const double* in, double* out, int n);
void reluBackward(const double* in, const double* gradOut, double* gradIn, int n);

// Fully connected layer y = W x + b; parameters: W (outputs × inputs, row-major) then b.
class Dense {
 public:
  Dense() = default;
  Dense(int inputs, int outputs, const char* where = "Dense");
  int inputs() const { return inputs_; }
  int outputs() const { return outputs_; }
  int paramCount() const { return outputs_ * (inputs_ + 1); }
  void forward(const double* in, const double* params, double* out) const;
  // ADDS dL/d(params) to gradParams; WRITES dL/d(in) to gradIn when not null.
  void backward(const double* in, const double* params, const double* gradOut, double* gradParams,
                double* gradIn) const;

 private:
  int inputs_ = 0, outputs_ = 0;
};

// Softmax p_k = e^{z_k} / Σ_j e^{z_j} of `classes` logits and the cross-entropy L = −log p_label.
// Writes p to probs and, when not null, dL/dz = p − onehot(label) to gradLogits; returns L.
double softmaxCrossEntropy(const double* logits, int classes, int label, double* probs, double* gradLogits);

class ConvNet : public SupervisedModel {
 public:
  static constexpr int kMaxChannels = 4;
  static constexpr int kMaxSide = 64;
  static constexpr int kMaxFilters = 32;
  static constexpr int kMaxKernel = 7;
  static constexpr int kMaxStride = 4;
  static constexpr int kMaxPool = 4;
  static constexpr int kMaxHidden = 256;
  static constexpr int kMaxClasses = 16;

  ConvNet();
  const char* name() const override { return "ConvNet"; }

  // setData (SupervisedModel): rows of X are images flattened in CHW order (inputShape().size()
  // values each); y holds integer labels 0…K−1. Values are used as given (the digits widget
  // scales pixels 0–16 to 0–1).
  double score(const Matrix& X, const Vector& y) const override;  // accuracy
  Vector predict(const Matrix& X) const override;                 // most probable label per image
  bool isClassifier() const override { return true; }
  int classCount() const override { return classes_; }
  Matrix predictProba(const Matrix& X) const override;
  Vector params() const override { return theta_; }
  double trainingLoss() const override;  // mean cross-entropy on the training data

  // ---- architecture (each change re-initialises the parameters from seed()) ----
  // Image size; default 1×8×8. A different size drops the training data (call setData again).
  void setInputShape(int channels, int height, int width);
  // Convolution: 1–32 filters of kernel×kernel (1–7), stride 1–4, padding 0…kernel−1. Default 8, 3, 1, 1.
  void setConv(int filters, int kernel, int stride, int padding);
  // Max-pool window (and stride) 1–4; 1 means no pooling. Default 2.
  void setPool(int size);
  // Units of a ReLU dense layer between the pooled maps and the output; 0 (the default) for none.
  void setHidden(int units);
  // Number of classes K, 2–16; 0 (the default) takes max(label) + 1 from the data.
  void setClasses(int classes);

  // ---- training (keeps the parameters) ----
  void setOptimizer(OptimizerKind k);  // clears the optimiser state; default Adam
  void setLearningRate(double eta) { optimizer_.setLearningRate(eta); }  // default 0.01
  void setMomentum(double beta) { optimizer_.setMomentum(beta); }
  void setBetas(double beta1, double beta2) { optimizer_.setBetas(beta1, beta2); }
  const Optimizer& optimizer() const { return optimizer_; }
  // Images per mini-batch, 1–1024 (clamped to n). Default 32.
  void setBatchSize(int b);
  int batchSize() const { return batchSize_; }
  int epoch() const { return epoch_; }  // completed passes over the training data

  // ---- inspection ----
  VolumeShape inputShape() const { return input_; }
  const Conv2D& conv() const { return conv_; }
  const MaxPool2D& pool() const { return pool_; }
  int hiddenUnits() const { return hidden_; }
  // Parameter count per layer: [conv, hidden (0 when absent), output].
  std::vector<int> layerParamCounts() const;
  // The convolution's weights, filter after filter (each channels·k² values in CHW order).
  Vector filters() const;
  // One image's convolution maps after ReLU (filters × outH × outW) and after pooling.
  Vector featureMaps(const Vector& image) const;
  Vector pooledMaps(const Vector& image) const;
  void setParams(const Vector& theta);
  // Mean cross-entropy on (X, y) and its gradient with respect to params() (for checks).
  double lossAndGradient(const Matrix& X, const Vector& y, Vector* grad) const;
  Vector gradient() const;  // on the training data

 protected:
  void checkData(const Matrix& X, const Vector& y, const char* where) const override;
  void dataChanged(Index previousWidth) override;
  void resetParams() override;
  void doStep() override;
  void recordTrace() override;
  double stepLoss() const override { return lastBatchLoss_; }

 private:
  // Buffers for one image's forward and backward pass, allocated once per architecture.
  struct Workspace {
    std::vector<double> conv, relu, pooled, hiddenPre, hidden, logits, probs;
    std::vector<double> gConv, gRelu, gPooled, gHiddenPre, gHidden, gLogits;
    std::vector<int> argmax;
  };
  void rebuild();  // layer objects, theta_ size, workspace; re-initialises the parameters
  void architectureChanged();
  int featuresAfterPool() const { return pool_.output().size(); }
  // Forward pass of one image; leaves every layer's values in ws and returns nothing.
  void forwardOne(const double* image, Workspace& ws) const;
  // Forward + backward of one labelled image: ADDS its gradient to grad, returns its loss.
  double backwardOne(const double* image, int label, Workspace& ws, double* grad) const;
  void checkImages(const Matrix& X, const char* where) const;
  std::vector<int> checkLabels(const Vector& y, Index rows, const char* where, bool fixClasses) const;
  Vector mapsOf(const Vector& image, bool pooled, const char* where) const;

  VolumeShape input_{1, 8, 8};
  int filters_ = 8, kernel_ = 3, stride_ = 1, padding_ = 1, poolSize_ = 2, hidden_ = 0;
  int classesWanted_ = 0, classes_ = 10;
  Conv2D conv_;
  MaxPool2D pool_;
  Dense hiddenLayer_, outputLayer_;
  Index offHidden_ = 0, offOutput_ = 0;  // where each dense layer's parameters start in theta_
  Vector theta_;

  Optimizer optimizer_{OptimizerKind::Adam};
  int batchSize_ = 32;

  std::vector<int> labels_;  // y_ as integers, for the kernels
  Rng trainRng_;
  std::vector<int> order_;
  std::size_t cursor_ = 0;
  int epoch_ = 0;
  double lastBatchLoss_ = 0;
  Vector grad_;
  mutable Workspace ws_;
  mutable bool lossValid_ = false;
  mutable double lossCache_ = 0;
};

}  // namespace dw
