// Prints, as JSON, the bytes of every seeded generator's output, a linear-regression trace and
// the parameters of a tanh MLP after 300 Adam steps, computed natively.
// tests/node/native_parity.test.mjs runs this and compares with the same calls made through the
// WASM module: datasets must match bit for bit, the trace and the MLP's parameters to 1e-12.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "dw/datasets.hpp"
#include "dw/linear_regression.hpp"
#include "dw/mlp.hpp"

namespace {
std::string hexOf(const double* data, long n) {
  std::string out;
  char buf[17];
  for (long i = 0; i < n; ++i) {
    std::uint64_t bits;
    std::memcpy(&bits, data + i, 8);
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(bits));
    out += buf;
  }
  return out;
}

void printDataset(const char* name, const dw::Dataset& d, bool last = false) {
  std::printf("  \"%s\": {\"X\": \"%s\", \"y\": \"%s\"}%s\n", name, hexOf(d.X.data(), d.X.size()).c_str(),
              hexOf(d.y.data(), d.y.size()).c_str(), last ? "" : ",");
}
}  // namespace

int main() {
  std::printf("{\n\"datasets\": {\n");
  printDataset("linear", dw::makeLinear(50, 0.8, 1.5, 1.5, 3, 0, 10));
  printDataset("sin", dw::makeNoisySin(12, 0.3, 0));
  printDataset("blobs", dw::makeBlobs(60, 3, 0.7, 5));
  printDataset("moons", dw::makeMoons(80, 0.15, 6));
  printDataset("circles", dw::makeCircles(80, 0.1, 0.5, 7));
  printDataset("xor", dw::makeXor(80, 0.05, 8));
  printDataset("spiral", dw::makeSpiral(80, 0.05, 9));
  printDataset("plane", dw::makePlane(80, 0.2, 10));
  printDataset("multiGaussian", dw::makeMultiGaussian(80, 0.2, 11), true);
  std::printf("},\n");
  dw::Dataset d = dw::makeLinear(50, 0.8, 1.5, 1.5, 3, 0, 10);
  dw::LinearRegression m;
  m.setData(d.X, d.y);
  m.setLearningRate(0.02);
  m.fit(300);
  const auto& v = m.trace().values();
  std::printf("\"trace\": [");
  for (std::size_t i = 0; i < v.size(); ++i) std::printf("%s%.17g", i ? "," : "", v[i]);
  std::printf("],\n");
  // 2-16-16-1 tanh, Adam at 0.03, batch 10 (the bench's MLP row) on the moons above: its hidden
  // layers go through the two-lane tanh, the same code in both builds.
  dw::Dataset moons = dw::makeMoons(80, 0.15, 6);
  dw::Mlp net;
  net.setLayers({16, 16});
  net.setActivation(0, dw::Activation::Tanh);
  net.setActivation(1, dw::Activation::Tanh);
  net.setOptimizer(dw::OptimizerKind::Adam);
  net.setLearningRate(0.03);
  net.setBatchSize(10);
  net.setData(moons.X, moons.y);
  for (int s = 0; s < 300; ++s) net.step();
  const dw::Vector theta = net.params();
  std::printf("\"mlpTanh\": \"%s\"\n}\n", hexOf(theta.data(), theta.size()).c_str());
  return 0;
}
