#include "aslc/ir/passes.h"

namespace aslc::ir {

void addDefaultPasses(PassManager& pm) {
  pm.add({"fold-literals", passes::foldLiterals});
  pm.add({"const-prop", passes::constProp});
  pm.add({"fold-choice", passes::foldChoice});
  pm.add({"prune", passes::prune});
  pm.add({"fuse", passes::fuse});
  pm.add({"direct-paths", passes::directPaths});
  pm.add({"promote-loops", passes::promoteLoops});  // last: it refers to states by id
}

}  // namespace aslc::ir
