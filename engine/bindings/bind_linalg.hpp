// embind registrations for the vectors-and-matrices playground (2×2 linear algebra); included by bindings.cpp.
// Translation only: a 2×2 matrix arrives as 4 numbers [a, b, c, d] (row-major [[a, b], [c, d]]).
#pragma once
#include <emscripten/bind.h>

#include <string>

#include "adapters.hpp"
#include "dw/linear_algebra_2d.hpp"

namespace dw::js {

template <>
struct JsFields<Eigen2> {
  static auto list() {
    return std::make_tuple(field("kind", &Eigen2::kind), field("real", +[](const Eigen2& e) { return e.kind != "complex"; }),
                           field("trace", &Eigen2::trace), field("determinant", &Eigen2::determinant), field("values", &Eigen2::values),
                           field("vectors", &Eigen2::vectors), field("directions", +[](const Eigen2& e) { return e.vectors.rows(); }),
                           field("re", &Eigen2::re), field("im", &Eigen2::im));
  }
};
template <>
struct JsFields<Projection> {
  static auto list() {
    return std::make_tuple(field("dot", &Projection::dot), field("scalar", &Projection::scalar), field("vector", &Projection::vector),
                           field("normA", &Projection::normA), field("normB", &Projection::normB));
  }
};

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
    return toJs(matrix2Apply(m, toMatrix(points, 2, where)));
  });
}

inline double matrix2DeterminantJs(const val& A) {
  return guarded([&] { return matrix2Determinant(matrix2In(A, "matrix2Determinant")); });
}

inline val matrix2EigenJs(const val& A) {
  return guarded([&] {
    return toJs(matrix2Eigen(matrix2In(A, "matrix2Eigen")));
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
    return toJs(vectorProjection(toVector(a, "vectorProjection", "a"), toVector(b, "vectorProjection", "b")));
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
