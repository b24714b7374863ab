// embind registrations for engine helpers that exist for specific lessons (course family);
// included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_course() {}
}  // namespace dw::js
