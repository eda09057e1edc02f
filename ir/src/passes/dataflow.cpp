#include "dataflow.h"

#include <deque>

namespace aslc::ir::passes {
namespace {

const Value& slot(const StateValues& sv, ValueId v) {
  static const Value unknown;
  return v == kNone || v >= sv.slots.size() ? unknown : sv.slots[v];
}

Value evaluateInst(ConstEval& eval, const Inst& inst, StateValues& sv, const StateFacts& entry) {
  switch (inst.kind) {
    case InstKind::LoadInput: return entry.input;
    case InstKind::LoadConst: return eval.constant(inst.operand);
    case InstKind::SelectPath: return eval.select(inst.operand, slot(sv, inst.a), sv.envAfter);
    case InstKind::RenderTemplate: return eval.render(inst.operand, slot(sv, inst.a), sv.envAfter, "");
    case InstKind::ApplyResultPath: return eval.applyResultPath(inst.operand, slot(sv, inst.a), slot(sv, inst.b));
    case InstKind::EvalJsonata:
      return eval.jsonata(inst.operand, slot(sv, inst.a), slot(sv, inst.b), inst.b != kNone, sv.envAfter);
    case InstKind::Assign:
      eval.assign(inst.operand, slot(sv, inst.a), slot(sv, inst.b), inst.b != kNone, sv.envAfter);
      return std::nullopt;
    default: return std::nullopt;  // effects (tasks, Map, Parallel, Wait) and `unsupported`
  }
}

// Meets `in` into `into`; returns whether `into` changed.
bool meet(StateFacts& into, const Value& input, const Env& env, bool clearEnv) {
  if (!into.reached) {
    into.reached = true;
    into.input = input;
    into.env = clearEnv ? Env{} : env;
    return true;
  }
  bool changed = false;
  if (into.input && (!input || *into.input != *input)) {
    into.input.reset();
    changed = true;
  }
  for (auto it = into.env.known.begin(); it != into.env.known.end();) {
    auto other = env.known.find(it->first);
    if (clearEnv || other == env.known.end() || other->second != it->second) {
      it = into.env.known.erase(it);
      changed = true;
    } else {
      ++it;
    }
  }
  return changed;
}

bool hasAssign(const State& st) {
  for (const Inst& inst : st.insts)
    if (inst.kind == InstKind::Assign) return true;
  return false;
}

struct Edge {
  StateId target;
  Value input;
  Env env;
  bool unknownEnv = false;
};

// The feasible successors of a state, with what each carries.
std::vector<Edge> successors(ConstEval& eval, const State& st, const StateValues& sv) {
  std::vector<Edge> out;
  for (const Catcher& c : st.catchers) out.push_back({c.target, std::nullopt, {}, true});
  const Terminator& t = st.term;
  if (t.kind == TermKind::Goto) out.push_back({t.target, slot(sv, t.value), sv.envAfter});
  if (t.kind != TermKind::Choice) return out;
  const Value& test = slot(sv, t.test);
  for (const ChoiceBranch& b : t.branches) {
    std::optional<bool> taken = evaluateCondition(eval, b.condition, test, sv.envAfter);
    if (taken == false) continue;
    Edge e{b.target, slot(sv, t.value), sv.envAfter};
    if (b.output != kNone) e.input = eval.jsonata(b.output, test, std::nullopt, false, sv.envAfter);
    if (b.assign != kNone) eval.assign(b.assign, test, std::nullopt, false, e.env);
    out.push_back(std::move(e));
    if (taken == true) return out;  // later rules and the default are never reached
  }
  if (t.defaultTarget != kNone) out.push_back({t.defaultTarget, slot(sv, t.value), sv.envAfter});
  return out;
}

}  // namespace

StateValues evaluateState(ConstEval& eval, const State& st, const StateFacts& entry) {
  StateValues sv;
  sv.slots.resize(st.valueCount);
  sv.envAfter = entry.env;
  for (const Inst& inst : st.insts) {
    Value v = evaluateInst(eval, inst, sv, entry);
    if (inst.result != kNone) sv.slots[inst.result] = std::move(v);
  }
  return sv;
}

std::optional<bool> evaluateCondition(ConstEval& eval, const Condition& c, const Value& test, const Env& env) {
  switch (c.kind) {
    case Condition::Kind::Const: return c.constValue;
    case Condition::Kind::Leaf: return eval.leaf(c.leaf, test, env);
    case Condition::Kind::Not: {
      std::optional<bool> v = evaluateCondition(eval, c.children[0], test, env);
      return v ? std::optional<bool>(!*v) : std::nullopt;
    }
    case Condition::Kind::And:
    case Condition::Kind::Or: break;
  }
  // In order, as the run short-circuits: an unknown child before a deciding one
  // may still raise, so the whole stays unknown.
  bool isAnd = c.kind == Condition::Kind::And;
  for (const Condition& child : c.children) {
    std::optional<bool> v = evaluateCondition(eval, child, test, env);
    if (!v) return std::nullopt;
    if (*v != isAnd) return !isAnd;
  }
  return isAnd;
}

std::vector<StateFacts> analyzeMachine(ConstEval& eval, const Machine& mc) {
  std::vector<StateFacts> facts(mc.states.size());
  if (mc.states.empty()) return facts;
  std::deque<StateId> work;
  meet(facts[mc.start], std::nullopt, {}, true);
  work.push_back(mc.start);
  while (!work.empty()) {
    StateId id = work.front();
    work.pop_front();
    const State& st = mc.states[id];
    StateValues sv = evaluateState(eval, st, facts[id]);
    for (Edge& e : successors(eval, st, sv)) {
      const State& target = mc.states[e.target];
      // A retried state re-runs with variables its failed attempt may have assigned.
      bool clearEnv = e.unknownEnv || (!target.retriers.empty() && hasAssign(target));
      if (meet(facts[e.target], e.input, e.env, clearEnv)) work.push_back(e.target);
    }
  }
  return facts;
}

}  // namespace aslc::ir::passes
