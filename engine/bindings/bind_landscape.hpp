// embind registrations for engine code written for the landscape lessons; included by bindings.cpp.
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_landscape() {}
}  // namespace dw::js
