// embind registrations for the singular value decomposition (class SVD, function svd); included by
// bindings.cpp. Translation only: the matrix arrives flat, row by row, with its column count, and
// every result leaves as a fresh copy (Float64Array, row-major).
#pragma once
#include <emscripten/bind.h>

#include "adapters.hpp"
#include "dw/svd.hpp"

namespace dw::js {

template <>
struct JsFields<RankKSummary> {
  static auto list() {
    return std::make_tuple(field("k", &RankKSummary::k), field("frobeniusError", &RankKSummary::frobeniusError),
                           field("relativeError", &RankKSummary::relativeError), field("energyKept", &RankKSummary::energyKept),
                           field("storedNumbers", &RankKSummary::storedNumbers),
                           field("originalNumbers", &RankKSummary::originalNumbers));
  }
};

namespace svd {

using Svd = SingularValueDecomposition;

inline void decompose(Svd& s, const val& A, double cols) {
  guarded([&] { s.decompose(toMatrix(A, cols, "SVD.decompose")); });
}
inline double rows(const Svd& s) { return double(s.rows()); }
inline double cols(const Svd& s) { return double(s.cols()); }
inline double valueCount(const Svd& s) { return double(s.valueCount()); }
inline val singularValues(const Svd& s) { return guarded([&] { return toJs(s.singularValues()); }); }
inline val u(const Svd& s) { return guarded([&] { return toJs(s.u()); }); }
inline val vt(const Svd& s) { return guarded([&] { return toJs(s.vt()); }); }
inline double rank(const Svd& s) { return guarded([&] { return double(s.rank()); }); }
inline double energy(const Svd& s) { return guarded([&] { return s.energy(); }); }
inline val reconstruct(const Svd& s, double k) {
  return guarded([&] { return toJs(s.reconstruct(intArg(k, "SVD.reconstruct", "k"))); });
}
inline val layer(const Svd& s, double i) { return guarded([&] { return toJs(s.layer(intArg(i, "SVD.layer", "i"))); }); }
inline val summary(const Svd& s, double k) { return guarded([&] { return toJs(s.summary(intArg(k, "SVD.summary", "k"))); }); }
inline val energyCurve(const Svd& s) { return guarded([&] { return toJs(s.energyCurve()); }); }
inline double smallestRankForEnergy(const Svd& s, double fraction) {
  return guarded([&] { return double(s.smallestRankForEnergy(fraction)); });
}

// svd(A, cols) → { rows, cols, u, s, vt, rank }: the whole decomposition in one call.
inline val svdOnce(const val& A, double cols) {
  return guarded([&] {
    Svd s;
    s.decompose(toMatrix(A, cols, "svd"));
    val out = val::object();
    out.set("rows", toJs(s.rows()));
    out.set("cols", toJs(s.cols()));
    out.set("u", toJs(s.u()));
    out.set("s", toJs(s.singularValues()));
    out.set("vt", toJs(s.vt()));
    out.set("rank", toJs(s.rank()));
    return out;
  });
}

}  // namespace svd

inline void bind_svd() {
  using namespace emscripten;
  class_<SingularValueDecomposition>("SVD")
      .constructor<>()
      .function("decompose", &svd::decompose)
      .function("hasMatrix", &SingularValueDecomposition::hasMatrix)
      .function("rows", &svd::rows)
      .function("cols", &svd::cols)
      .function("valueCount", &svd::valueCount)
      .function("singularValues", &svd::singularValues)
      .function("u", &svd::u)
      .function("vt", &svd::vt)
      .function("rank", &svd::rank)
      .function("energy", &svd::energy)
      .function("reconstruct", &svd::reconstruct)
      .function("layer", &svd::layer)
      .function("summary", &svd::summary)
      .function("energyCurve", &svd::energyCurve)
      .function("smallestRankForEnergy", &svd::smallestRankForEnergy);
  function("svd", &svd::svdOnce);
}

}  // namespace dw::js
