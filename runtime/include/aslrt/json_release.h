// Freeing a JSON value in place. Json's own destroy (json_free.h) frees a
// tree bottom-up by bounded recursion, so this is only the spelling that says
// "the old value dies here" at the places that overwrite large values.
#pragma once
#include "aslrt/json.h"

namespace aslrt {

// Frees v's members and elements; v becomes null.
inline void release(Json& v) { v = nullptr; }

// target = value, the old target freed the cheap way: for slots and state
// inputs overwritten on every transition. `value` is left null, unless the
// old target was a number, boolean or null (nothing to free), which it then
// holds: a loop's counter costs no call.
inline void replaceWith(Json& target, Json&& value) {
  if (target.is_structured() || target.is_string()) release(target);
  target.swap(value);  // cheaper than a move assignment: no temporary to destroy
}

}  // namespace aslrt
