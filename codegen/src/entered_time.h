// Whether a state may read `$$.State.EnteredTime`. Reading the clock on every
// state entry costs as much as a whole Pass state's work, so the runtime only
// reads it for states that can look at their context object; the others (plain
// paths, templates and Choice rules without "$$") never observe it.
#pragma once
#include "aslc/ir/module.h"

namespace aslc::codegen {

// Conservative: true unless every instruction and the terminator is known
// not to read the context object.
bool mayReadEnteredTime(const ir::State& state, const ir::Module& module);

}  // namespace aslc::codegen
