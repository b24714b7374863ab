// embind registrations for engine code written for the frontier lessons; included by bindings.cpp.
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_frontier() {}
}  // namespace dw::js
