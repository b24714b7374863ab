// embind registrations for the neighbors_svm family; included by bindings.cpp (the one registry).
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_neighbors_svm() {}
}  // namespace dw::js
