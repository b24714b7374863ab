// embind registrations for the vectors-and-matrices playground (2×2 linear algebra); included by bindings.cpp.
// Translation only: a 2×2 matrix arrives as 4 numbers [a, b, c, d] (row-major [[a, b], [c, d]]).
#pragma once
#include <emscripten/bind.h>

#include <string>

#include "adapters.hpp"
#include "dw/landscape_linalg.hpp"

namespace dw::js {

namespace linalg {

inline Eigen::Matrix2d matrix2In(const val& A, const char* where) {
  Vector v = toVector(A, where, "A");
  if (v.size() != 4)
    throw ShapeError(std::string(where) + ": A must hold 4 numbers [a, b, c, d] for [[a, b], [c, d]], not " +
                     std::to_string(v.size()));
  Eigen::Matrix2d m;
  m << v(0), v(1), v(2), v(3);
  return m;
}

inline val matrix2ApplyJs(const val& A, const val& points) {
  return guarded([&] {
    const char* where = "matrix2Apply";
    Eigen::Matrix2d m = matrix2In(A, where);
    Matrix out = matrix2Apply(m, toMatrix(points, 2, where));
    return copyToJs(out.data(), static_cast<std::size_t>(out.size()));
  });
}

inline double matrix2DeterminantJs(const val& A) {
  return guarded([&] { return matrix2Determinant(matrix2In(A, "matrix2Determinant")); });
}

inline val matrix2EigenJs(const val& A) {
  return guarded([&] {
    Eigen2 e = matrix2Eigen(matrix2In(A, "matrix2Eigen"));
    val o = val::object();
    o.set("kind", e.kind);
    o.set("real", e.kind != "complex");
    o.set("trace", e.trace);
    o.set("determinant", e.determinant);
    o.set("values", copyToJs(e.values));
    o.set("vectors", copyToJs(e.vectors.data(), static_cast<std::size_t>(e.vectors.size())));
    o.set("directions", static_cast<double>(e.vectors.rows()));
    o.set("re", e.re);
    o.set("im", e.im);
    return o;
  });
}

inline double vectorDotJs(const val& a, const val& b) {
  return guarded([&] { return vectorDot(toVector(a, "vectorDot", "a"), toVector(b, "vectorDot", "b")); });
}

inline double vectorCosineJs(const val& a, const val& b) {
  return guarded([&] { return vectorCosine(toVector(a, "vectorCosine", "a"), toVector(b, "vectorCosine", "b")); });
}

inline double vectorAngleJs(const val& a, const val& b) {
  return guarded([&] { return vectorAngle(toVector(a, "vectorAngle", "a"), toVector(b, "vectorAngle", "b")); });
}

inline val vectorProjectionJs(const val& a, const val& b) {
  return guarded([&] {
    Projection p = vectorProjection(toVector(a, "vectorProjection", "a"), toVector(b, "vectorProjection", "b"));
    val o = val::object();
    o.set("dot", p.dot);
    o.set("scalar", p.scalar);
    o.set("vector", copyToJs(p.vector));
    o.set("normA", p.normA);
    o.set("normB", p.normB);
    return o;
  });
}

}  // namespace linalg

inline void bind_linalg() {
  using namespace emscripten;
  function("matrix2Apply", &linalg::matrix2ApplyJs);
  function("matrix2Determinant", &linalg::matrix2DeterminantJs);
  function("matrix2Eigen", &linalg::matrix2EigenJs);
  function("vectorDot", &linalg::vectorDotJs);
  function("vectorCosine", &linalg::vectorCosineJs);
  function("vectorAngle", &linalg::vectorAngleJs);
  function("vectorProjection", &linalg::vectorProjectionJs);
}

}  // namespace dw::js
