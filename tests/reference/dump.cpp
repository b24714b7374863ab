// Prints, as JSON, the bytes of every seeded generator's output and a linear-regression trace,
// computed natively. tests/node/native_parity.test.mjs runs this and compares with the same
// calls made through the WASM module: datasets must match bit for bit, traces to 1e-12.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "dw/datasets.hpp"
#include "dw/linear_regression.hpp"

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
  std::printf("]\n}\n");
  return 0;
}
