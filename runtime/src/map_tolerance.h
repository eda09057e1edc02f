// A Map's tolerated failures (ToleratedFailureCount/Percentage and their
// *Path forms): resolved and checked as AWS checks them, then applied to the
// iterations' outcomes.
#pragma once
#include <cstddef>
#include <cstdint>

#include "execution.h"

namespace aslrt {

struct Tolerance {
  bool set = false;
  int64_t count = -1;    // -1 = no count limit given
  double percent = -1;   // -1 = no percentage given
  bool exceededBy(size_t failed, size_t total) const;
};

// A Map field written as JSONata (MaxConcurrency, ToleratedFailureCount or
// -Percentage): its value, or nullopt after raising (the evaluation's
// error, or States.QueryEvaluationError when it is no number of the kind
// the field takes: `whole`, a non-negative integer a long holds).
std::optional<Json> jsonataMapField(aslrt_frame* f, uint32_t id, const Json& input, const char* field, bool whole);

// Returns false after raising States.Runtime with AWS's cause.
bool resolveTolerance(aslrt_frame* f, const MapInfo& map, const Json& input, Tolerance* out);

}  // namespace aslrt
