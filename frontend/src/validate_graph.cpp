// Machine structure: state names unique across the whole machine, every
// transition (StartAt, Next, Default, Choices[].Next, Catch[].Next) naming a
// state of its own scope, every state reachable, and a way to terminate.
#include <set>
#include <unordered_set>
#include <vector>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

struct Transition {
  const JNode* target;  // the string naming the next state
  std::string pointer;
  const char* field;
};

const JNode* statesOf(const JNode& machine) {
  if (!machine.isObject()) return nullptr;
  const JNode* states = machine.get("States");
  return states && states->isObject() ? states : nullptr;
}

void collectNested(Checker& ck, const JNode& state, const std::string& pointer) {
  if (const JNode* branches = state.get("Branches"); branches && branches->isArray()) {
    std::string at = pointerJoin(pointer, "Branches");
    for (size_t i = 0; i < branches->elements.size(); ++i)
      collectStateNames(ck, branches->elements[i], pointerJoin(at, i));
  }
  for (const char* key : {"ItemProcessor", "Iterator"})
    if (const JNode* proc = state.get(key)) collectStateNames(ck, *proc, pointerJoin(pointer, key));
}

void addTransition(std::vector<Transition>& out, const JNode* target, const std::string& pointer,
                   const char* field) {
  if (target && target->isString()) out.push_back({target, pointer, field});
}

// Catch[].Next and Choices[].Next are transitions as much as Next is.
void addListTransitions(std::vector<Transition>& out, const JNode& state,
                        const std::string& pointer, const char* list) {
  const JNode* items = state.get(list);
  if (!items || !items->isArray()) return;
  for (size_t i = 0; i < items->elements.size(); ++i) {
    const JNode& item = items->elements[i];
    if (!item.isObject()) continue;
    std::string at = pointerJoin(pointerJoin(pointerJoin(pointer, list), i), "Next");
    addTransition(out, item.get("Next"), at, "Next");
  }
}

std::vector<Transition> transitionsOf(const JNode& state, const std::string& pointer) {
  std::vector<Transition> out;
  if (!state.isObject()) return out;
  addTransition(out, state.get("Next"), pointerJoin(pointer, "Next"), "Next");
  addTransition(out, state.get("Default"), pointerJoin(pointer, "Default"), "Default");
  addListTransitions(out, state, pointer, "Choices");
  addListTransitions(out, state, pointer, "Catch");
  return out;
}

void reportMissingTarget(Checker& ck, const Transition& t) {
  const std::string& name = t.target->str();
  if (ck.stateScopes.count(name)) {
    ck.error(t.target->begin, "transition-target-out-of-scope",
             std::string("'") + t.field + "' names state '" + name +
                 "', which is in another branch or nested machine; a transition can only go "
                 "to a state of the same machine",
             t.pointer);
    return;
  }
  ck.error(t.target->begin, "transition-target-missing",
           std::string("'") + t.field + "' names state '" + name + "', which does not exist",
           t.pointer);
}

bool isTerminal(const JNode& state) {
  if (!state.isObject()) return false;
  const JNode* type = state.get("Type");
  if (type && type->isString() && (type->str() == "Succeed" || type->str() == "Fail")) return true;
  const JNode* end = state.get("End");
  return end && end->isBool() && end->scalar.get<bool>();
}

// Breadth-first from StartAt over the transitions that name existing states.
std::set<std::string> reachableFrom(const std::string& start, const JNode& states,
                                    const std::string& statesPointer) {
  std::set<std::string> seen{start};
  std::vector<std::string> work{start};
  while (!work.empty()) {
    std::string name = work.back();
    work.pop_back();
    const JNode* state = states.get(name);
    if (!state) continue;
    for (const Transition& t : transitionsOf(*state, pointerJoin(statesPointer, name)))
      if (states.get(t.target->str()) && seen.insert(t.target->str()).second)
        work.push_back(t.target->str());
  }
  return seen;
}

// Returns true when StartAt names a state of this machine.
bool checkStartAt(Checker& ck, const JNode& machine, const JNode& states,
                  const std::string& pointer) {
  const JNode* start = machine.get("StartAt");
  if (!start || !start->isString()) return false;
  if (states.get(start->str())) return true;
  Transition t{start, pointerJoin(pointer, "StartAt"), "StartAt"};
  reportMissingTarget(ck, t);
  return false;
}

// States some other state transitions to (used when StartAt is broken, so
// only states nothing points at are reported as unreachable).
std::set<std::string> targetedByOthers(const JNode& states, const std::string& statesPointer) {
  std::set<std::string> out;
  for (const JMember& m : states.members)
    for (const Transition& t : transitionsOf(m.value, pointerJoin(statesPointer, m.key)))
      if (t.target->str() != m.key) out.insert(t.target->str());
  return out;
}

void checkReachability(Checker& ck, const JNode& machine, const JNode& states,
                       const std::string& statesPointer, bool startOk) {
  std::set<std::string> seen =
      startOk ? reachableFrom(machine.get("StartAt")->str(), states, statesPointer)
              : targetedByOthers(states, statesPointer);
  for (const JMember& m : states.members) {
    if (seen.count(m.key)) continue;
    ck.error(m.keyOffset, "unreachable-state",
             "state '" + m.key + "' cannot be reached from 'StartAt' or any other state",
             pointerJoin(statesPointer, m.key));
  }
}

}  // namespace

void collectStateNames(Checker& ck, const JNode& machine, const std::string& pointer) {
  const JNode* states = statesOf(machine);
  if (!states) return;
  std::string statesPointer = pointerJoin(pointer, "States");
  for (const JMember& m : states->members) {
    auto [it, fresh] = ck.stateScopes.emplace(m.key, statesPointer);
    // The JSON loader already reports a key repeated in one object.
    if (!fresh && it->second != statesPointer) {
      ck.error(m.keyOffset, "duplicate-state-name",
               "state name '" + m.key + "' is already used by " + pointerJoin(it->second, m.key) +
                   "; state names must be unique in the whole state machine",
               pointerJoin(statesPointer, m.key));
    }
    if (m.value.isObject()) collectNested(ck, m.value, pointerJoin(statesPointer, m.key));
  }
}

void checkMachineGraph(Checker& ck, const JNode& machine, const std::string& pointer) {
  const JNode* states = statesOf(machine);
  if (!states) return;
  std::string statesPointer = pointerJoin(pointer, "States");
  bool startOk = checkStartAt(ck, machine, *states, pointer);
  bool anyTerminal = false;
  for (const JMember& m : states->members) {
    for (const Transition& t : transitionsOf(m.value, pointerJoin(statesPointer, m.key)))
      if (!states->get(t.target->str())) reportMissingTarget(ck, t);
    anyTerminal = anyTerminal || isTerminal(m.value);
  }
  checkReachability(ck, machine, *states, statesPointer, startOk);
  if (!anyTerminal && !states->members.empty()) {
    ck.error(states->begin, "no-terminal-state",
             "the state machine has no terminal state: no state has \"End\": true or is a "
             "Succeed or Fail state",
             statesPointer);
  }
}

}  // namespace aslc::validate_detail
