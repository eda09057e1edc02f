// fold-choice: Choice conditions whose value the analysis knows become
// constants (a leaf that would raise - an absent Variable, a non-boolean
// JSONata Condition - is never known). Rules that can never match are
// dropped; a rule that always matches ends the list, and when it has no
// Assign/Output of its own the Choice becomes a goto. The state itself stays:
// it is still entered and exited, so the history is unchanged.
// Requires: nothing.
#include "aslc/ir/passes.h"
#include "dataflow.h"

namespace aslc::ir::passes {
namespace {

Condition constant(bool v) {
  Condition c;
  c.kind = Condition::Kind::Const;
  c.constValue = v;
  return c;
}

// And/Or keep their unknown children in order (they may raise); a known child
// that decides the result ends the list, since the run never looks further.
Condition simplifyJunction(Condition c) {
  bool isAnd = c.kind == Condition::Kind::And;
  std::vector<Condition> kept;
  for (Condition& child : c.children) {
    bool decides = child.kind == Condition::Kind::Const && child.constValue != isAnd;
    if (child.kind == Condition::Kind::Const && !decides) continue;
    kept.push_back(std::move(child));
    if (decides) break;
  }
  if (kept.empty()) return constant(isAnd);
  if (kept.size() == 1) return std::move(kept[0]);
  c.children = std::move(kept);
  return c;
}

Condition fold(ConstEval& eval, const Condition& c, const Value& test, const Env& env) {
  if (c.kind == Condition::Kind::Const) return c;
  if (std::optional<bool> v = evaluateCondition(eval, c, test, env)) return constant(*v);
  if (c.kind == Condition::Kind::Leaf) return c;
  Condition out = c;
  for (Condition& child : out.children) child = fold(eval, child, test, env);
  if (out.kind == Condition::Kind::Not) return out;
  return simplifyJunction(std::move(out));
}

void toGoto(Terminator& t, StateId target) {
  t.kind = TermKind::Goto;
  t.target = target;
  t.test = kNone;
  t.branches.clear();
  t.defaultTarget = kNone;
}

void foldTerminator(ConstEval& eval, Terminator& t, const StateValues& sv) {
  const Value& test = t.test == kNone ? Value() : sv.slots[t.test];
  std::vector<ChoiceBranch> kept;
  bool decided = false;
  for (ChoiceBranch& b : t.branches) {
    b.condition = fold(eval, b.condition, test, sv.envAfter);
    bool isConst = b.condition.kind == Condition::Kind::Const;
    if (isConst && !b.condition.constValue) continue;
    kept.push_back(std::move(b));
    if (isConst) {
      decided = true;
      break;
    }
  }
  t.branches = std::move(kept);
  // A rule that always matches makes the default unreachable (run: "No Matches!" is never raised).
  if (decided) t.defaultTarget = kNone;
  bool plain = decided && t.branches.size() == 1 && t.branches[0].assign == kNone && t.branches[0].output == kNone;
  if (plain) toGoto(t, t.branches[0].target);
  else if (t.branches.empty() && t.defaultTarget != kNone) toGoto(t, t.defaultTarget);
}

}  // namespace

void foldChoice(Module& m) {
  ConstEval eval(m);
  for (Machine& mc : m.machines) {
    std::vector<StateFacts> facts = analyzeMachine(eval, mc);
    for (StateId s = 0; s < mc.states.size(); ++s) {
      State& st = mc.states[s];
      if (!facts[s].reached || st.term.kind != TermKind::Choice) continue;
      foldTerminator(eval, st.term, evaluateState(eval, st, facts[s]));
    }
  }
}

}  // namespace aslc::ir::passes
