// embind registrations for the linear_models family; included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_linear_models() {}
}  // namespace dw::js
