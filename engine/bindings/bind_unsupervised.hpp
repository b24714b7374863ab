// embind registrations for the unsupervised family; included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_unsupervised() {}
}  // namespace dw::js
