// embind registrations for the trees_ensembles family; included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_trees_ensembles() {}
}  // namespace dw::js
