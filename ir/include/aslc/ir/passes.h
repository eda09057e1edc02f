// The IR optimizer: each pass is one file under ir/src/passes/ and keeps the
// module valid (the PassManager verifies after each). None may change what an
// execution outputs or records: every fold is one the runtime's own libraries
// computed at compile time, and anything that could differ or fail at run time
// is left for run time. See docs/ARCHITECTURE.md, "IR passes".
#pragma once
#include "aslc/ir/module.h"
#include "aslc/ir/pass_manager.h"

namespace aslc::ir {

// The default pipeline, in order (the names --print-after takes).
void addDefaultPasses(PassManager& passes);

namespace passes {
void foldLiterals(Module& module);  // "fold-literals": literal intrinsics/JSONata inside templates
void constProp(Module& module);     // "const-prop": known values along the state graph become constants
void foldChoice(Module& module);    // "fold-choice": known Choice rules fold; a decided Choice becomes a goto
void prune(Module& module);         // "prune": states no path reaches are removed
void fuse(Module& module);          // "fuse": per-state copies and loads nothing reads are dropped
void directPaths(Module& module);   // "direct-paths": member/index selections become direct accesses
void promoteLoops(Module& module);  // "promote-loops": counting Pass/Choice cycles run on native integers
}  // namespace passes

}  // namespace aslc::ir
