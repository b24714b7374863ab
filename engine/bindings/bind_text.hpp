// embind registrations for the text-to-numbers playground (tokens, vocabularies, bag of words); included by bindings.cpp.
#pragma once
#include "adapters.hpp"

namespace dw::js {
inline void bind_text() {}
}  // namespace dw::js
