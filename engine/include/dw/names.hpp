// The one way the engine reads a setting given by name ("Cross-Entropy", "leaky_relu", "Xavier"):
// every xxxFromName function compares the normalised name with its list, so spelling variants a
// learner or a widget may type are accepted the same way everywhere.
#pragma once
#include <cctype>
#include <string>

namespace dw {

// Lower case: "Xavier" → "xavier".
inline std::string lowerCase(const std::string& name) {
  std::string n;
  n.reserve(name.size());
  for (unsigned char c : name) n.push_back(static_cast<char>(std::tolower(c)));
  return n;
}

// Lower case with '-', '_' and ' ' dropped: "Cross-Entropy", "cross_entropy" and "cross entropy"
// all become "crossentropy".
inline std::string nameKey(const std::string& name) {
  std::string n;
  n.reserve(name.size());
  for (unsigned char c : name)
    if (c != '-' && c != '_' && c != ' ') n.push_back(static_cast<char>(std::tolower(c)));
  return n;
}

}  // namespace dw
