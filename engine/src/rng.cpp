#include "dw/rng.hpp"

#include <cmath>

#include "dw/detmath.hpp"

namespace dw {

Rng::Rng(std::uint64_t seed, std::uint64_t stream) : state_(0), inc_((stream << 1u) | 1u) {
  nextU32();
  state_ += seed;
  nextU32();
}

std::uint32_t Rng::nextU32() {
  std::uint64_t old = state_;
  state_ = old * 6364136223846793005ULL + inc_;
  auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
  auto rot = static_cast<std::uint32_t>(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

double Rng::uniform() {
  std::uint64_t hi = nextU32() >> 5;  // 27 bits
  std::uint64_t lo = nextU32() >> 6;  // 26 bits
  return double((hi << 26) | lo) * (1.0 / 9007199254740992.0);  // / 2^53
}

std::uint32_t Rng::below(std::uint32_t n) {
  if (n == 0) return 0;
  std::uint32_t threshold = (0u - n) % n;
  for (;;) {
    std::uint32_t r = nextU32();
    if (r >= threshold) return r % n;
  }
}

double Rng::normal() {
  if (hasSpare_) {
    hasSpare_ = false;
    return spare_;
  }
  double u1 = 0.0;
  while (u1 <= 0.0) u1 = uniform();  // log(0) is -inf: draw again
  double u2 = uniform();
  double radius = std::sqrt(-2.0 * detmath::log(u1));
  double angle = 2.0 * detmath::kPi * u2;
  spare_ = radius * detmath::sin(angle);
  hasSpare_ = true;
  return radius * detmath::cos(angle);
}

std::vector<int> Rng::permutation(int n) {
  std::vector<int> p(n);
  for (int i = 0; i < n; ++i) p[i] = i;
  for (int i = n - 1; i > 0; --i) {
    int j = static_cast<int>(below(static_cast<std::uint32_t>(i + 1)));
    std::swap(p[i], p[j]);
  }
  return p;
}

}  // namespace dw
