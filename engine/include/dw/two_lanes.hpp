// Two doubles in one register: GCC and Clang lower arithmetic on V2 to SSE2 natively and to
// f64x2 under -msimd128 in WASM (Eigen 3.4 has no WASM SIMD path, so its expressions stay scalar
// there; docs/toolchain.md §23). Without SIMD the compiler splits it into scalar code. Every
// operation is lane-wise, so a lane rounds exactly as the scalar expression would.
#pragma once
#include <cmath>
#include <cstring>
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dw {

typedef double V2 __attribute__((vector_size(16)));
typedef long long I2 __attribute__((vector_size(16)));  // lane masks and exponent bits

// Unaligned loads and stores (compiled to one movupd / v128.load / v128.store).
inline V2 load2(const double* p) {
  V2 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store2(double* p, V2 v) { std::memcpy(p, &v, sizeof v); }

// Lane-wise square root (correctly rounded, as std::sqrt). Vector extensions have no sqrt
// operator, and std::sqrt per lane is not merged into one instruction under GCC's -fmath-errno.
inline V2 sqrt2(V2 x) {
#if defined(__wasm_simd128__)
  return (V2)wasm_f64x2_sqrt((v128_t)x);
#elif defined(__SSE2__)
  return (V2)_mm_sqrt_pd((__m128d)x);
#else
  return V2{std::sqrt(x[0]), std::sqrt(x[1])};
#endif
}

// e^y − 1 lane-wise for 0 ≤ y ≤ 708 (callers clamp; NaN stays NaN), from +, −, ×, ÷ and exact
// scaling by powers of two only: no libm call, so native and WASM compute the same bits (glibc's
// and musl's exp and tanh differ in the last bit), and both lanes at once.
//   e^y − 1 = 2^k (e^r − 1) + (2^k − 1) with y = k ln2 + r, |r| ≤ ½ ln2 (Cody–Waite: ln2 in
//   two parts, k·ln2_hi exact), and e^r − 1 = r + r²(1/2! + r(1/3! + … + r/13!)) (the next
//   term is below 1.2e-17 relative). The result is never cancelled: m ≥ 0.
inline V2 expm1NonNegative2(V2 y) {
  // k = round(y / ln2) through the 1.5·2^52 shift: the sum's low mantissa bits hold k.
  const V2 shift = {6755399441055744.0, 6755399441055744.0};
  const V2 t = y * 1.4426950408889634 + shift;
  const V2 k = t - shift;
  const V2 r = (y - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10;
  V2 p = r * (1.0 / 6227020800.0) + 1.0 / 479001600.0;  // 1/13!, 1/12!
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  const V2 em1r = r + (r * r) * p;  // e^r − 1
  const I2 ki = (I2)t - (I2)shift;
  const V2 scale = (V2)((ki + 1023) << 52);  // 2^k, k ≤ 1022
  return scale * em1r + (scale - 1.0);
}

// The sign bit of both lanes; |x| lane-wise; and min(x, cap) where NaN stays NaN.
inline I2 signBits() { return I2{static_cast<long long>(0x8000000000000000ULL), static_cast<long long>(0x8000000000000000ULL)}; }
inline V2 abs2(V2 x) { return (V2)((I2)x & ~signBits()); }
inline V2 capAt(V2 y, double limit) {
  const V2 cap = {limit, limit};
  const I2 big = y > cap;
  return (V2)((big & (I2)cap) | (~big & (I2)y));
}

// Lane-wise tanh. Musl's scalar tanh, which Emscripten links, took 26 ns per value in WASM against
// glibc's 15 ns natively (calls × cost: a third to a half of the MLP and LSTM steps in WASM).
// Error ≤ 2.5 ulp (glibc's tanh: 2.2 on the same points; tests/native/test_two_lanes.cpp).
//   tanh|x| = m/(m + 2) with m = e^{2|x|} − 1, sign restored at the end. 2|x| is clamped at 44,
//   where tanh already rounds to 1.
inline V2 tanh2(V2 x) {
  const I2 sign = (I2)x & signBits();
  const V2 y = abs2(x);
  const V2 m = expm1NonNegative2(capAt(y + y, 44.0));
  const V2 th = m / (m + 2.0);
  return (V2)((I2)th | sign);
}

// Lane-wise logistic σ(z) = 1/(1 + e^{−z}), the LSTM's gates (three per hidden unit and step,
// the largest share of its forward pass; std::exp per value was musl's in WASM). With
// m = e^{|z|} − 1: σ(|z|) = (m + 1)/(m + 2) and σ(−|z|) = 1/(m + 2), neither cancelled.
// |z| is clamped at 708 (σ(−708) ≈ 3e-308: below that the true value is smaller still).
// Error ≤ 3 ulp (tests/native/test_two_lanes.cpp).
inline V2 sigmoid2(V2 z) {
  const V2 m = expm1NonNegative2(capAt(abs2(z), 708.0));
  const I2 negative = z < V2{0.0, 0.0};
  const V2 one = {1.0, 1.0};
  return (V2)((negative & (I2)one) | (~negative & (I2)(m + 1.0))) / (m + 2.0);
}

// tanh of every value: src and dst may be the same array.
inline void tanhArray(const double* src, double* dst, long n) {
  long i = 0;
  for (; i + 2 <= n; i += 2) store2(dst + i, tanh2(load2(src + i)));
  if (i < n) dst[i] = tanh2(V2{src[i], 0.0})[0];
}

}  // namespace dw
