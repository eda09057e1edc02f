// A Map's ItemBatcher: the limits (MaxItemsPerBatch, MaxInputBytesPerBatch,
// their *Path forms or JSONata values) and BatchInput, resolved once per Map
// run; then the items (after ItemSelector) grouped into child inputs
// {"BatchInput": ..., "Items": [...]}.
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "execution.h"

namespace aslrt {

struct BatchPlan {
  int64_t maxItems = 0;  // 0 = no item limit
  int64_t maxBytes = 0;  // the limit given, at most (and by default) 256 KiB
  std::optional<Json> batchInput;
};

// Returns false after raising the error AWS raises for a bad value.
bool resolveBatcher(aslrt_frame* f, const MapInfo& map, const Json& input, BatchPlan* out);

// Groups `items` in order: a batch closes when it holds maxItems items or
// when the next item would take its input past maxBytes (a single item larger
// than that still gets a batch of its own; the payload limit then applies).
std::vector<Json> makeBatches(std::vector<Json> items, const BatchPlan& plan);

}  // namespace aslrt
