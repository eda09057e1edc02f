// Freeing a large JSON tree. nlohmann's destructor first moves every node of
// the tree onto a heap-allocated stack (so that a deep tree cannot overflow
// the call stack), which costs more than the frees themselves; a 200 KB
// document took ~5 M instructions. release() frees bottom-up by recursion,
// bounded in depth (deeper subtrees are left to the destructor), so it runs
// on fiber stacks too.
#pragma once
#include "aslrt/json.h"

namespace aslrt {

// Frees v's members and elements; v becomes null.
void release(Json& v);

// target = value, the old target freed the cheap way: for slots and state
// inputs overwritten on every transition. `value` is left null, unless the
// old target was a number, boolean or null (nothing to free), which it then
// holds: a loop's counter costs no call.
inline void replaceWith(Json& target, Json&& value) {
  if (target.is_structured() || target.is_string()) release(target);
  target.swap(value);  // cheaper than a move assignment: no temporary to destroy
}

}  // namespace aslrt
