// Native side of the benchmark (bench/run.mjs runs it and the WASM/JS sides in one go).
// Prints one JSON object: median microseconds per call for each hot path, on the same seeded
// data and settings as bench/workloads.mjs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "dw/datasets.hpp"
#include "dw/decision_tree.hpp"
#include "dw/kmeans.hpp"
#include "dw/linear_regression.hpp"
#include "dw/mlp.hpp"

namespace {
// Median of `rounds` timings, each the mean over `inner` calls, in microseconds.
double medianMicros(int rounds, int inner, const std::function<void()>& op) {
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
  dw::Dataset lin = dw::makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
  dw::LinearRegression lr;
  lr.setData(lin.X, lin.y);
  lr.setLearningRate(0.001);
  double lrStep = medianMicros(15, 50, [&] { lr.step(); if (lr.steps() > 100000) lr.reset(0); });

  dw::Dataset moons = dw::makeMoons(200, 0.15, 1);
  dw::Mlp net;
  tanhNet(net, {16, 16}, dw::OptimizerKind::Adam);
  net.setData(moons.X, moons.y);
  double mlpStep = medianMicros(15, 100, [&] { net.step(); });
  double grid = medianMicros(5, 2, [&] { net.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200); });
  double gridF32 = medianMicros(5, 2, [&] { net.predictGridFloat32(-1.5, 2.5, -1, 1.5, 200, 200); });

  dw::Dataset spiral = dw::makeSpiral(250, 0.1, 2);
  dw::Mlp big;
  tanhNet(big, {8, 8, 8, 8, 8, 8}, dw::OptimizerKind::SGD);
  big.setFeatures({dw::Feature::X1, dw::Feature::X2, dw::Feature::X1Squared, dw::Feature::X2Squared,
                   dw::Feature::X1TimesX2, dw::Feature::SinX1, dw::Feature::SinX2});
  big.setData(spiral.X, spiral.y);
  double bigStep = medianMicros(15, 100, [&] { big.step(); });

  dw::Dataset blobs = dw::makeBlobs(5000, 5, 0.8, 4);
  dw::KMeans km;
  km.setK(5);
  km.setData(blobs.X, dw::Vector());
  double kmStep = medianMicros(9, 10, [&] { km.reset(1); km.step(); });

  dw::Dataset sp = dw::makeSpiral(500, 0.05, 5);
  dw::DecisionTree tree;
  double treeFit = medianMicros(9, 3, [&] { tree.setData(sp.X, sp.y); tree.fit(100000); });

  std::printf("{\"lr_gd_step_10k\": %.3f, \"mlp_step\": %.3f, \"mlp_grid_200\": %.3f, \"mlp_grid_200_f32\": %.3f, "
              "\"tfp_largest_step\": %.3f, \"kmeans_step_5k\": %.3f, \"tree_fit_500\": %.3f}\n",
              lrStep, mlpStep, grid, gridF32, bigStep, kmStep, treeFit);
  return 0;
}
