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

}  // namespace dw
