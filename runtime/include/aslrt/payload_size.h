// The size of a value's compact UTF-8 serialisation (what Json::dump() would
// produce), computed by a walk that allocates nothing; and an upper bound on
// it that the data-flow ops carry from state to state so that the 256 KiB
// payload check rarely has to walk at all (see docs/ARCHITECTURE.md,
// "Payload size").
#pragma once
#include <cstdint>
#include <string_view>

#include "aslrt/json.h"
#include "aslrt/json_parse.h"

namespace aslrt {

// AWS's quota on a state's input/output: 256 KiB of UTF-8 JSON.
// https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
constexpr uint64_t kMaxPayloadBytes = 262144;
// A slot or input whose size is not known yet.
constexpr uint64_t kSizeUnknown = UINT64_MAX;

// How deep arrays and objects may nest in a state's output: as deep as the
// runtime's parser accepts (kMaxJsonNesting). The runtime walks values
// recursively (copies, size checks, dumps) on fibers' 1 MiB stacks, so a
// loop that wraps its input once per iteration must fail cleanly instead of
// growing a value that overflows one.
constexpr uint32_t kMaxStateDepth = static_cast<uint32_t>(kMaxJsonNesting);
// A depth not known yet.
constexpr uint32_t kDepthUnknown = UINT32_MAX;
// Deeper than kMaxStateDepth by an amount not measured: no selection makes
// it shallower (selectedDepth), and bounds saturate at it (addDepths).
constexpr uint32_t kDepthBeyond = kDepthUnknown - 1;

// Exactly dump().size() for valid UTF-8 strings.
uint64_t serializedSize(const Json& value);
// The serialised size of a string value or object key, quotes included.
uint64_t quotedSize(std::string_view s);

// A value's serialised size and how deep its arrays and objects nest ("[]"
// 1, "[[]]" 2, a scalar 0), by one walk. The walk goes no deeper than
// maxDepth levels: a deeper value gives depth maxDepth + 1 (and bytes that
// are not its size), so measuring it cannot overflow the stack.
struct Extent {
  uint64_t bytes = 0;
  uint32_t depth = 0;
};
Extent measure(const Json& value, uint32_t maxDepth = kMaxStateDepth);
// Whether arrays and objects nest more than `levels` deep in value, found
// without descending further (nor looking at strings and numbers).
bool nestsDeeperThan(const Json& value, uint32_t levels);

// Upper bounds on a payload's serialised size (exact or not) and on its
// depth; known() when both are.
struct SizeBound {
  uint64_t bytes = kSizeUnknown;
  bool exact = false;
  uint32_t depth = kDepthUnknown;
  bool known() const { return bytes != kSizeUnknown && depth != kDepthUnknown; }
  static SizeBound exactly(uint64_t n, uint32_t depth) { return {n, true, depth}; }
  // The depth a value of serialised size n cannot exceed: every level costs
  // at least two bytes ("[]") -- tight enough for small values (depthOf).
  static uint32_t depthWithin(uint64_t n) { return n / 2 >= kDepthBeyond ? kDepthBeyond : static_cast<uint32_t>(n / 2); }
  static SizeBound atMost(uint64_t n, uint32_t depth) { return {n, false, depth}; }
  static SizeBound exactly(Extent e) { return {e.bytes, true, e.depth}; }
};

// A value's exact size and depth, by measure; for a value deeper than
// kMaxStateDepth (which measure does not walk to the bottom), bounds that
// say only that: kDepthBeyond and a size past the quota.
SizeBound sizeOf(const Json& value);
// An upper bound on the depth of a value `bytes` long (its serialised size):
// the size's own (SizeBound::depthWithin) when within the limit, else walked.
uint32_t depthOf(const Json& value, uint64_t bytes);

// Adds bounds without overflowing into "unknown".
inline uint64_t addBounds(uint64_t a, uint64_t b) {
  return a >= kSizeUnknown - b ? kSizeUnknown - 1 : a + b;
}
inline uint32_t addDepths(uint32_t a, uint32_t b) {
  return a >= kDepthBeyond - b ? kDepthBeyond : a + b;
}
// The depth of what a definite path of `steps` members and indexes selects
// in a value at most `depth` deep.
inline uint32_t selectedDepth(uint32_t depth, size_t steps) {
  if (depth >= kDepthBeyond) return depth;
  return steps >= depth ? 0 : depth - static_cast<uint32_t>(steps);
}

}  // namespace aslrt
