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

// Returns false after raising States.Runtime with AWS's cause.
bool resolveTolerance(aslrt_frame* f, const MapInfo& map, const Json& input, Tolerance* out);

}  // namespace aslrt
