// Native side of the benchmark (bench/run.mjs runs it and the WASM/JS sides in one go).
// Prints one JSON object: median microseconds per operation for each hot path, measured on
// the same seeded data the WASM and JS runs use.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "dw/datasets.hpp"
#include "dw/linear_regression.hpp"

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
}  // namespace

int main() {
  dw::Dataset d = dw::makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
  dw::LinearRegression m;
  m.setData(d.X, d.y);
  m.setLearningRate(0.001);
  double lrStep = medianMicros(15, 50, [&] { m.step(); if (m.steps() > 100000) m.reset(0); });
  std::printf("{\"lr_gd_step_10k\": %.3f}\n", lrStep);
  return 0;
}
