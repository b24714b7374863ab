// Native side of the benchmark (bench/run.mjs runs it and the WASM/JS sides in one go).
// Prints one JSON object: median microseconds per call for each hot path, on the same seeded
// data and settings as bench/workloads.mjs (keep the two in step).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "dw/datasets.hpp"
#include "dw/decision_tree.hpp"
#include "dw/kernel_svm.hpp"
#include "dw/kmeans.hpp"
#include "dw/linear_regression.hpp"
#include "dw/mlp.hpp"
#include "dw/recurrent.hpp"

namespace {
// Median of `rounds` timings, each the mean over `inner` calls, in microseconds.
double medianMicros(int rounds, int inner, const std::function<void()>& op) {
  // The same warm-up as bench/workloads.mjs (at least 2 calls and 50 ms, at most 2 000 calls).
  auto warmStart = std::chrono::steady_clock::now();
  for (int i = 0; i < 2000 && (i < 2 || std::chrono::steady_clock::now() - warmStart < std::chrono::milliseconds(50)); ++i) op();
  std::vector<double> times;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < inner; ++i) op();
    auto t1 = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count() / inner);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void tanhNet(dw::Mlp& net, const std::vector<int>& layers, dw::OptimizerKind opt) {
  net.setLayers(layers);
  for (std::size_t l = 0; l < layers.size(); ++l) net.setActivation(static_cast<int>(l), dw::Activation::Tanh);
  net.setOptimizer(opt);
  net.setLearningRate(0.03);
  net.setBatchSize(10);
}
}  // namespace

int main() {
  std::vector<std::pair<std::string, double>> out;

  dw::Dataset lin = dw::makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
  dw::LinearRegression lr;
  lr.setData(lin.X, lin.y);
  lr.setLearningRate(0.001);
  out.emplace_back("lr_gd_step_10k", medianMicros(15, 50, [&] { lr.step(); if (lr.steps() > 100000) lr.reset(0); }));

  dw::Dataset moons = dw::makeMoons(200, 0.15, 1);
  dw::Mlp net;
  tanhNet(net, {16, 16}, dw::OptimizerKind::Adam);
  net.setData(moons.X, moons.y);
  net.setTracing(false);
  out.emplace_back("mlp_step", medianMicros(15, 100, [&] { net.step(); }));
  net.setTracing(true);
  out.emplace_back("mlp_step_traced", medianMicros(15, 100, [&] { net.step(); }));
  out.emplace_back("mlp_grid_200", medianMicros(5, 2, [&] { net.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200); }));
  out.emplace_back("mlp_grid_200_f32", medianMicros(5, 2, [&] { net.predictGridFloat32(-1.5, 2.5, -1, 1.5, 200, 200); }));

  // TensorFlow Playground's largest configuration (see TFP_* in bench/workloads.mjs).
  dw::Dataset spiral = dw::makeSpiral(250, 0.1, 2);
  spiral.X *= 5.5;
  dw::Mlp big;
  tanhNet(big, {8, 8, 8, 8, 8, 8}, dw::OptimizerKind::SGD);
  big.setFeatures({dw::Feature::X1, dw::Feature::X2, dw::Feature::X1Squared, dw::Feature::X2Squared,
                   dw::Feature::X1TimesX2, dw::Feature::SinX1, dw::Feature::SinX2});
  big.setData(spiral.X, spiral.y);
  big.setTracing(false);
  const double d = 6, t = 2 * d / 24;
  out.emplace_back("tfp_largest_step", medianMicros(15, 100, [&] { big.step(); }));
  out.emplace_back("tfp_train_epoch", medianMicros(9, 4, [&] { for (int s = 0; s < 25; ++s) big.step(); big.dataLoss(); }));
  out.emplace_back("tfp_map_200", medianMicros(5, 2, [&] { big.predictGridFloat32(-d, d, -d, d, 200, 200); }));
  out.emplace_back("tfp_neurons_24", medianMicros(9, 10, [&] { big.neuronGridFloat32(-d + t / 2, d - t / 2, -d + t / 2, d - t / 2, 24, 24); }));

  dw::Dataset blobs = dw::makeBlobs(5000, 5, 0.8, 4);
  dw::KMeans km;
  km.setK(5);
  km.setData(blobs.X, dw::Vector());
  km.reset(1);
  km.setCentroids(km.centroids());  // reset() now restores this k-means++ start
  km.setTracing(false);
  km.fit(1000);
  const int iterations = km.steps();
  out.emplace_back("kmeans_iter_5k", medianMicros(9, 3, [&] { km.reset(1); km.fit(1000); }) / iterations);

  dw::Dataset sp = dw::makeSpiral(500, 0.05, 5);
  dw::DecisionTree tree;
  tree.setTracing(false);
  out.emplace_back("tree_fit_500", medianMicros(9, 3, [&] { tree.setData(sp.X, sp.y); tree.fit(100000); }));
  tree.setTracing(true);
  out.emplace_back("tree_fit_500_traced", medianMicros(9, 3, [&] { tree.setData(sp.X, sp.y); tree.fit(100000); }));

  dw::KernelSVM svm;
  svm.setTracing(false);
  out.emplace_back("svm_fit_200", medianMicros(9, 5, [&] { svm.setData(moons.X, moons.y); svm.fit(100000); }));

  // The recurrent-sequence widget's frame: an LSTM (8 units, windows of 60) on 240 sine values,
  // 4 traced steps, then the series run, the 80-step forecast and the 60-step gradient flow.
  dw::RecurrentNet rnn;
  rnn.setCell(dw::RecurrentCell::Lstm);
  rnn.setSequenceLength(60);
  rnn.setSeries(dw::makeWaveSequence(240, "sine", 20, 0.05, 1));
  rnn.reset(1);
  out.emplace_back("rnn_lstm_step", medianMicros(15, 20, [&] { rnn.step(); }));
  out.emplace_back("rnn_frame", medianMicros(9, 5, [&] {
    for (int s = 0; s < 4; ++s) rnn.step();
    rnn.seriesRun();
    rnn.generate(160, 80);
    rnn.gradientFlow(60);
  }));

  std::printf("{");
  for (std::size_t i = 0; i < out.size(); ++i)
    std::printf("%s\"%s\": %.3f", i ? ", " : "", out[i].first.c_str(), out[i].second);
  std::printf("}\n");
  return 0;
}
