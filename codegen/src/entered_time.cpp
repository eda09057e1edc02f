#include "entered_time.h"

namespace aslc::codegen {
namespace {

bool mentionsContext(const std::string& text) { return text.find("$$") != std::string::npos; }

bool instMayReadContext(const ir::Inst& inst, const ir::Module& m) {
  switch (inst.kind) {
    case ir::InstKind::LoadInput:
    case ir::InstKind::LoadConst:
    case ir::InstKind::SelectDirect:
    case ir::InstKind::ApplyResultPath:  // a ResultPath never starts at "$$"
      return false;
    case ir::InstKind::SelectPath:
      return mentionsContext(m.paths[inst.operand]);
    case ir::InstKind::RenderTemplate:
      return mentionsContext(m.templates[inst.operand].dump());
    default:  // tasks, forks, waits, JSONata, Assign: assume they may
      return true;
  }
}

bool leafMayReadContext(const ir::ChoiceLeaf& leaf, const ir::Module& m) {
  if (leaf.condition != ir::kNone) return true;  // JSONata: $states.context
  return mentionsContext(m.paths[leaf.variable]) || (leaf.isPath && mentionsContext(m.paths[leaf.operandPath]));
}

bool conditionMayReadContext(const ir::Condition& c, const ir::Module& m) {
  if (c.kind == ir::Condition::Kind::Leaf) return leafMayReadContext(m.choiceLeaves[c.leaf], m);
  for (const ir::Condition& child : c.children)
    if (conditionMayReadContext(child, m)) return true;
  return false;
}

bool terminatorMayReadContext(const ir::Terminator& t, const ir::Module& m) {
  switch (t.kind) {
    case ir::TermKind::Goto:
    case ir::TermKind::Succeed:
      return false;
    case ir::TermKind::Choice:
      for (const ir::ChoiceBranch& b : t.branches)
        if (b.assign != ir::kNone || b.output != ir::kNone || conditionMayReadContext(b.condition, m)) return true;
      return false;
    case ir::TermKind::Fail:  // ErrorPath/CausePath may name "$$"
      return true;
  }
  return true;
}

}  // namespace

bool mayReadEnteredTime(const ir::State& st, const ir::Module& m) {
  for (const ir::Inst& inst : st.insts)
    if (instMayReadContext(inst, m)) return true;
  for (const ir::Catcher& c : st.catchers)
    if (c.assign != ir::kNone || c.output != ir::kNone) return true;
  return terminatorMayReadContext(st.term, m);
}

}  // namespace aslc::codegen
