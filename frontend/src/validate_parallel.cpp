// Parallel states: Branches is a non-empty array of complete state machines,
// each validated on its own scope (a branch cannot jump into another).
#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {

void checkParallelState(StateCtx& s) {
  const JNode* branches = s.get("Branches");
  std::string at = s.at("Branches");
  if (!branches || !expectKind(s.ck, *branches, JNode::Kind::Array, at, "'Branches'")) return;
  if (branches->elements.empty())
    s.ck.error(branches->begin, "schema-non-empty", "'Branches' needs at least one branch", at);
  for (size_t i = 0; i < branches->elements.size(); ++i)
    validateMachine(s.ck, branches->elements[i], pointerJoin(at, i), MachineKind::Branch);
}

}  // namespace aslc::validate_detail
