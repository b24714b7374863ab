// Deterministic random numbers, identical on native (libstdc++/glibc) and WASM (libc++/musl).
// std::*_distribution and libm's log/sin/cos may differ by an ulp between those libraries,
// so every transform here uses only IEEE-exact operations (+ - * / sqrt) and detmath.
#pragma once
#include <cstdint>
#include <vector>

namespace dw {

// PCG32 (O'Neill 2014, "PCG: A Family of Simple Fast Space-Efficient Statistically Good
// Algorithms for Random Number Generation"), XSH-RR output, 64-bit state.
class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0, std::uint64_t stream = 0x5851f42d4c957f2dULL);
  std::uint32_t nextU32();
  // Uniform on [0, 1) with 53 random bits.
  double uniform();
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n), unbiased (Lemire's rejection).
  std::uint32_t below(std::uint32_t n);
  // Standard normal by the Box–Muller transform using detmath, so it is bit-identical everywhere.
  double normal();
  double normal(double mean, double sd) { return mean + sd * normal(); }
  // Fisher–Yates shuffle of 0..n-1.
  std::vector<int> permutation(int n);

 private:
  std::uint64_t state_;
  std::uint64_t inc_;
  bool hasSpare_ = false;
  double spare_ = 0.0;
};

}  // namespace dw
