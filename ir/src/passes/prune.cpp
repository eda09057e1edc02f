// prune: removes the states no transition, Choice rule, default or catcher
// can reach from the machine's start (typically the targets of Choice rules
// that fold-choice proved never match), and renumbers the rest. A pruned
// state is never entered, so no history event or output can change.
// Pools and the machines of pruned Parallel/Map states stay (they are only
// data; an unreferenced machine is never called). Requires: nothing.
#include <deque>

#include "aslc/ir/passes.h"

namespace aslc::ir::passes {
namespace {

std::vector<StateId> targetsOf(const State& st) {
  std::vector<StateId> out;
  for (const Catcher& c : st.catchers) out.push_back(c.target);
  const Terminator& t = st.term;
  if (t.kind == TermKind::Goto) out.push_back(t.target);
  for (const ChoiceBranch& b : t.branches) out.push_back(b.target);
  if (t.kind == TermKind::Choice && t.defaultTarget != kNone) out.push_back(t.defaultTarget);
  return out;
}

std::vector<bool> reachable(const Machine& mc) {
  std::vector<bool> seen(mc.states.size(), false);
  std::deque<StateId> work = {mc.start};
  seen[mc.start] = true;
  while (!work.empty()) {
    StateId id = work.front();
    work.pop_front();
    for (StateId t : targetsOf(mc.states[id]))
      if (!seen[t]) seen[t] = true, work.push_back(t);
  }
  return seen;
}

void renumber(State& st, const std::vector<StateId>& newId) {
  for (Catcher& c : st.catchers) c.target = newId[c.target];
  Terminator& t = st.term;
  if (t.kind == TermKind::Goto) t.target = newId[t.target];
  for (ChoiceBranch& b : t.branches) b.target = newId[b.target];
  if (t.kind == TermKind::Choice && t.defaultTarget != kNone) t.defaultTarget = newId[t.defaultTarget];
}

void pruneMachine(Machine& mc) {
  if (mc.states.empty()) return;
  std::vector<bool> keep = reachable(mc);
  std::vector<StateId> newId(mc.states.size(), kNone);
  std::vector<State> kept;
  for (StateId s = 0; s < mc.states.size(); ++s)
    if (keep[s]) newId[s] = static_cast<StateId>(kept.size()), kept.push_back(std::move(mc.states[s]));
  for (State& st : kept) renumber(st, newId);
  mc.start = newId[mc.start];
  mc.states = std::move(kept);
}

}  // namespace

void prune(Module& m) {
  for (Machine& mc : m.machines) pruneMachine(mc);
}

}  // namespace aslc::ir::passes
