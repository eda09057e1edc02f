// $uppercase and $lowercase as JavaScript's toUpperCase/toLowerCase (the
// JSONata spec defines them so): Unicode's full case mapping, where one
// character may become several (ß -> SS, İ -> i̇) and a final Σ lowercases
// to ς.
#pragma once
#include <cstdint>
#include <vector>

namespace aslrt::jsonata {

std::vector<uint32_t> changeCase(const std::vector<uint32_t>& text, bool upper);

}  // namespace aslrt::jsonata
