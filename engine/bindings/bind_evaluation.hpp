// embind registrations for the evaluation family; included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_evaluation() {}
}  // namespace dw::js
