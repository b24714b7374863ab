// embind registrations for the vectors-and-matrices playground (2×2 linear algebra); included by bindings.cpp.
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_linalg() {}
}  // namespace dw::js
