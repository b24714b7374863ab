// embind registrations for the mlp_optimizers family; included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_mlp_optimizers() {}
}  // namespace dw::js
