// Native side of the benchmark (bench/run.mjs runs it and the WASM/JS sides in one go).
// Prints one JSON object: for each hot path, samples of microseconds per call (bench/timing.mjs's method), on the same seeded
// data and settings as bench/workloads.mjs (keep the two in step).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "dw/conv_net.hpp"
#include "dw/datasets.hpp"
#include "dw/deep_q.hpp"
#include "dw/decision_tree.hpp"
#include "dw/kernel_svm.hpp"
#include "dw/kmeans.hpp"
#include "dw/linear_regression.hpp"
#include "dw/lora.hpp"
#include "dw/mlp.hpp"
#include "dw/quantise.hpp"
#include "dw/recurrent.hpp"

namespace {
// The method of bench/timing.mjs, in C++: warm up until the median of consecutive windows changes
// by less than 5 % (after a floor, up to a cap), then time `samples` samples of `inner` calls
// (each about sampleMs long). bench/run.mjs pools the samples of several runs of this binary,
// interleaved with the Node and Chromium runs, into a median and an interquartile range.
struct Mode {
  double sampleMs, minWarmMs, maxWarmMs;
  int window, samples;
};
const Mode kQuick{4, 200, 1500, 3, 7};
const Mode kFull{15, 400, 6000, 5, 21};

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double sampleMicros(const std::function<void()>& op, long inner) {
  auto t0 = Clock::now();
  for (long i = 0; i < inner; ++i) op();
  return msSince(t0) * 1000.0 / static_cast<double>(inner);
}

double medianOf(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

long callsFor(double ms, double perCallUs) {
  return std::max(1L, static_cast<long>(std::ceil(ms * 1000.0 / std::max(perCallUs, 1e-3))));
}

struct Run {
  std::vector<double> samples;
  double warmMs = 0;
  bool stable = false;
};

Run measure(const Mode& mode, const std::function<void()>& op, double scale = 1.0) {
  Run run;
  auto t0 = Clock::now();
  long inner = callsFor(mode.sampleMs, sampleMicros(op, 1));
  double previous = -1;
  for (;;) {
    std::vector<double> times;
    for (int k = 0; k < mode.window; ++k) times.push_back(sampleMicros(op, inner));
    double m = medianOf(times);
    double elapsed = msSince(t0);
    bool settled = previous > 0 && std::fabs(m - previous) < 0.05 * previous;
    previous = m;
    inner = callsFor(mode.sampleMs, m);
    if ((settled && elapsed >= mode.minWarmMs) || elapsed >= mode.maxWarmMs) {
      run.warmMs = elapsed;
      run.stable = settled && elapsed >= mode.minWarmMs;
      break;
    }
  }
  for (int r = 0; r < mode.samples; ++r) run.samples.push_back(sampleMicros(op, inner) * scale);
  return run;
}

// A trivial call the optimiser cannot remove: through a volatile function pointer.
int __attribute__((noinline)) stepsOf(const dw::LinearRegression& m) { return m.steps(); }
int (*volatile stepsCall)(const dw::LinearRegression&) = stepsOf;
volatile int sink = 0;

// The same synthetic 8×8 images as cnnImages() in bench/workloads.mjs.
void cnnImages(int n, dw::Matrix& X, dw::Vector& y) {
  X.resize(n, 64);
  y.resize(n);
  for (int i = 0; i < n; ++i) {
    y[i] = i % 10;
    for (int p = 0; p < 64; ++p) X(i, p) = ((i * 31 + p * 17 + (p >> 3) * (i % 7)) % 17) / 16.0;
  }
}

void tanhNet(dw::Mlp& net, const std::vector<int>& layers, dw::OptimizerKind opt) {
  net.setLayers(layers);
  for (std::size_t l = 0; l < layers.size(); ++l) net.setActivation(static_cast<int>(l), dw::Activation::Tanh);
  net.setOptimizer(opt);
  net.setLearningRate(0.03);
  net.setBatchSize(10);
}
}  // namespace

int main(int argc, char** argv) {
  // Arguments: --quick (the short mode), --only=key1,key2 (those rows only).
  const Mode* mode = &kFull;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--quick") mode = &kQuick;
    if (a.rfind("--only=", 0) == 0) only = "," + a.substr(7) + ",";
  }
  std::vector<std::pair<std::string, Run>> out;
  auto measureRow = [&](const std::string& key, const std::function<void()>& op, double scale = 1.0) {
    if (only.empty() || only.find("," + key + ",") != std::string::npos) out.emplace_back(key, measure(*mode, op, scale));
  };

  dw::LinearRegression idle;
  measureRow("call_overhead", [&] { sink = stepsCall(idle); });

  dw::Dataset lin = dw::makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
  dw::LinearRegression lr;
  lr.setData(lin.X, lin.y);
  lr.setLearningRate(0.001);
  measureRow("lr_gd_step_10k", [&] { lr.step(); if (lr.steps() > 100000) lr.reset(0); });

  dw::Dataset moons = dw::makeMoons(200, 0.15, 1);
  dw::Mlp net;
  tanhNet(net, {16, 16}, dw::OptimizerKind::Adam);
  net.setData(moons.X, moons.y);
  net.setTracing(false);
  measureRow("mlp_step", [&] { net.step(); });
  net.setTracing(true);
  measureRow("mlp_step_traced", [&] { net.step(); });
  net.setTracing(false);
  for (int s = 0; s < 500; ++s) net.step();  // the grids are drawn after 500 more steps, as in workloads.mjs
  measureRow("mlp_grid_200", [&] { net.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200); });
  measureRow("mlp_grid_200_f32", [&] { net.predictGridFloat32(-1.5, 2.5, -1, 1.5, 200, 200); });

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
  measureRow("tfp_largest_step", [&] { big.step(); });
  measureRow("tfp_train_epoch", [&] { for (int s = 0; s < 25; ++s) big.step(); big.dataLoss(); });
  measureRow("tfp_map_200", [&] { big.predictGridFloat32(-d, d, -d, d, 200, 200); });
  measureRow("tfp_neurons_24", [&] { big.neuronGridFloat32(-d + t / 2, d - t / 2, -d + t / 2, d - t / 2, 24, 24); });

  dw::Dataset blobs = dw::makeBlobs(5000, 5, 0.8, 4);
  dw::KMeans km;
  km.setK(5);
  km.setData(blobs.X, dw::Vector());
  km.reset(1);
  km.setCentroids(km.centroids());  // reset() now restores this k-means++ start
  km.setTracing(false);
  km.fit(1000);
  const int iterations = km.steps();
  measureRow("kmeans_iter_5k", [&] { km.reset(1); km.fit(1000); }, 1.0 / iterations);

  dw::Dataset sp = dw::makeSpiral(500, 0.05, 5);
  dw::DecisionTree tree;
  tree.setTracing(false);
  measureRow("tree_fit_500", [&] { tree.setData(sp.X, sp.y); tree.fit(100000); });
  tree.setTracing(true);
  measureRow("tree_fit_500_traced", [&] { tree.setData(sp.X, sp.y); tree.fit(100000); });

  dw::KernelSVM svm;
  svm.setTracing(false);
  measureRow("svm_fit_200", [&] { svm.setData(moons.X, moons.y); svm.fit(100000); });

  // The digits CNN (see bench/workloads.mjs): one lean mini-batch step, one test pass.
  dw::Matrix cnnX, heldX;
  dw::Vector cnnY, heldY;
  cnnImages(1437, cnnX, cnnY);
  cnnImages(360, heldX, heldY);
  dw::ConvNet cnn;
  cnn.setClasses(10);
  cnn.setData(cnnX, cnnY);
  cnn.setTracing(false);
  measureRow("cnn_step", [&] { cnn.step(); });
  measureRow("cnn_test_360", [&] { cnn.score(heldX, heldY); });

  // The fine-tune and quantise widgets' network (see bench/workloads.mjs).
  dw::TransferNet transfer(64, 32, 10);
  transfer.reset(1);
  transfer.setData(cnnX, cnnY);
  measureRow("transfer_step", [&] { transfer.step(); });
  measureRow("quantised_test_360", [&] {
    dw::quantisedScore(transfer, dw::QuantSpec{4, dw::QuantScheme::Symmetric, true, 0}, heldX, heldX, heldY);
  });

  // The recurrent-sequence widget's frame: an LSTM (8 units, windows of 60) on 240 sine values,
  // 4 traced steps, then the series run, the 80-step forecast and the 60-step gradient flow.
  dw::RecurrentNet rnn;
  rnn.setCell(dw::RecurrentCell::Lstm);
  rnn.setSequenceLength(60);
  rnn.setSeries(dw::makeWaveSequence(240, "sine", 20, 0.05, 1));
  rnn.reset(1);
  measureRow("rnn_lstm_step", [&] { rnn.step(); });
  measureRow("rnn_frame", [&] {
    for (int s = 0; s < 4; ++s) rnn.step();
    rnn.seriesRun();
    rnn.generate(160, 80);
    rnn.gradientFlow(60);
  });

  // The deep-q widget (web/widgets/deep-q.js): one move plus one learning step on a batch of 32
  // (after 200 warm-up moves), and a "fast" frame: 40 moves, the 40×40 value map, 10×10 arrows.
  dw::DeepQ dqn;
  dqn.reset(1);
  dqn.fit(200);
  measureRow("dqn_step", [&] { dqn.step(); });
  measureRow("dqn_frame", [&] {
    dqn.fit(40);
    dqn.valueMap(40);
    dqn.policyMap(10);
  });

  std::printf("{");
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Run& r = out[i].second;
    std::printf("%s\"%s\": {\"samples\": [", i ? ", " : "", out[i].first.c_str());
    for (std::size_t k = 0; k < r.samples.size(); ++k) std::printf("%s%.4f", k ? ", " : "", r.samples[k]);
    std::printf("], \"warmMs\": %.1f, \"stable\": %s}", r.warmMs, r.stable ? "true" : "false");
  }
  std::printf("}\n");
  return 0;
}
