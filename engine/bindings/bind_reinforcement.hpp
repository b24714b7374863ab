// embind registrations for the reinforcement family; included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_reinforcement() {}
}  // namespace dw::js
