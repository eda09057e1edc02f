// The size of a value's compact UTF-8 serialisation (what Json::dump() would
// produce), computed by a walk that allocates nothing; and an upper bound on
// it that the data-flow ops carry from state to state so that the 256 KiB
// payload check rarely has to walk at all (see docs/ARCHITECTURE.md,
// "Payload size").
#pragma once
#include <cstdint>
#include <string_view>

#include "aslrt/json.h"

namespace aslrt {

// AWS's quota on a state's input/output: 256 KiB of UTF-8 JSON.
// https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
constexpr uint64_t kMaxPayloadBytes = 262144;
// A slot or input whose size is not known yet.
constexpr uint64_t kSizeUnknown = UINT64_MAX;

// Exactly dump().size() for valid UTF-8 strings.
uint64_t serializedSize(const Json& value);
// The serialised size of a string value or object key, quotes included.
uint64_t quotedSize(std::string_view s);

// An upper bound on a payload's serialised size, and whether it is exact.
struct SizeBound {
  uint64_t bytes = kSizeUnknown;
  bool exact = false;
  bool known() const { return bytes != kSizeUnknown; }
  static SizeBound exactly(uint64_t n) { return {n, true}; }
  static SizeBound atMost(uint64_t n) { return {n, false}; }
};

// Adds bounds without overflowing into "unknown".
inline uint64_t addBounds(uint64_t a, uint64_t b) {
  return a >= kSizeUnknown - b ? kSizeUnknown - 1 : a + b;
}

}  // namespace aslrt
