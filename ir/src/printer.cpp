#include "aslc/ir/printer.h"

#include <ostream>

namespace aslc::ir {
namespace {

class Printer {
 public:
  Printer(const Module& module, std::ostream& out) : m_(module), out_(out) {}

  void run() {
    out_ << "; module " << m_.sourceName << "\n";
    if (!m_.machineInfo.empty()) out_ << "; info " << m_.machineInfo.dump() << "\n";
    for (uint32_t i = 0; i < m_.machines.size(); ++i) machine(i, m_.machines[i]);
  }

 private:
  void machine(uint32_t id, const Machine& mc) {
    out_ << "\nmachine @" << id << " \"" << mc.name << "\" start=" << stateRef(mc, mc.start) << "\n";
    for (uint32_t s = 0; s < mc.states.size(); ++s) state(mc, s);
    for (const PromotedLoop& loop : mc.loops) promotedLoop(mc, loop);
  }

  // e.g. loop ints {i, limit} carried {} states {%s0 "Increment": i = add(i, 1); %s1 "Check"}
  //        test #0 NumericLessThan(i, limit)
  void promotedLoop(const Machine& mc, const PromotedLoop& loop) {
    auto names = [&](const std::vector<std::string>& keys) {
      std::string out;
      for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
      return "{" + out + "}";
    };
    auto operand = [&](const LoopOperand& o) {
      return o.member == kNone ? std::to_string(o.literal) : loop.members[o.member];
    };
    out_ << "loop ints " << names(loop.members) << " carried " << names(loop.carried) << " states {";
    for (size_t i = 0; i < loop.states.size(); ++i) {
      const LoopState& ls = loop.states[i];
      out_ << (i ? "; " : "") << stateRef(mc, ls.state);
      for (size_t k = 0; k < ls.adds.size(); ++k)
        out_ << (k ? ", " : ": ") << loop.members[ls.adds[k].member] << " = add(" << operand(ls.adds[k].a) << ", "
             << operand(ls.adds[k].b) << ")";
    }
    out_ << "}\n";
    for (const LoopTest& t : loop.tests)
      out_ << "  test #" << t.leaf << " " << t.op << "(" << operand(t.a) << ", " << operand(t.b) << ")\n";
  }

  std::string stateRef(const Machine& mc, StateId id) const {
    if (id == kNone || id >= mc.states.size()) return "<none>";
    return "%s" + std::to_string(id) + " " + aslrt::Json(mc.states[id].name).dump();
  }

  static std::string value(ValueId v) { return "%v" + std::to_string(v); }

  void state(const Machine& mc, StateId id) {
    const State& st = mc.states[id];
    out_ << "state " << stateRef(mc, id) << " (" << st.aslType << ") {\n";
    for (const Retrier& r : st.retriers) retrier(r);
    for (const Catcher& c : st.catchers) catcher(mc, c);
    for (const Inst& inst : st.insts) instruction(inst);
    terminator(mc, st.term);
    out_ << "}\n";
  }

  void retrier(const Retrier& r) {
    out_ << "  retry " << aslrt::Json(r.errorEquals).dump() << " interval=" << r.intervalSeconds
         << " max=" << r.maxAttempts << " backoff=" << r.backoffRate;
    if (r.maxDelaySeconds) out_ << " maxdelay=" << *r.maxDelaySeconds;
    if (r.fullJitter) out_ << " jitter=full";
    out_ << "\n";
  }

  void catcher(const Machine& mc, const Catcher& c) {
    out_ << "  catch " << aslrt::Json(c.errorEquals).dump() << " -> " << stateRef(mc, c.target);
    if (c.discardResult) out_ << " result_path=null";
    else if (c.resultPath != kNone) out_ << " result_path=" << aslrt::Json(m_.paths[c.resultPath]).dump();
    out_ << "\n";
  }

  void instruction(const Inst& inst) {
    out_ << "  ";
    if (inst.result != kNone) out_ << value(inst.result) << " = ";
    out_ << instMnemonic(inst.kind);
    if (inst.a != kNone) out_ << " " << value(inst.a);
    if (inst.b != kNone) out_ << ", " << value(inst.b);
    operand(inst);
    if (inst.result != kNone) out_ << " : " << typeName(inst.type);
    out_ << "\n";
  }

  void operand(const Inst& inst) {
    if (inst.operand == kNone) return;
    switch (inst.kind) {
      case InstKind::LoadConst:
      case InstKind::Unsupported:
        out_ << " #" << inst.operand << " " << m_.constants[inst.operand].dump();
        return;
      case InstKind::SelectPath:
      case InstKind::ApplyResultPath:
        out_ << " path " << aslrt::Json(m_.paths[inst.operand]).dump();
        return;
      case InstKind::SelectDirect: {
        const DirectPath& d = m_.directPaths[inst.operand];
        out_ << " direct#" << inst.operand << " " << aslrt::Json(m_.paths[d.path]).dump() << " steps "
             << aslrt::Json(d.steps).dump();
        return;
      }
      case InstKind::RenderTemplate:
        out_ << " template#" << inst.operand << " " << m_.templates[inst.operand].dump();
        return;
      case InstKind::Wait: {
        const WaitSpec& w = m_.waits[inst.operand];
        out_ << " " << w.field << "=" << w.value.dump();
        return;
      }
      case InstKind::EvalJsonata:
        out_ << " " << m_.jsonata[inst.operand].field << "=" << m_.jsonata[inst.operand].value.dump();
        return;
      case InstKind::Assign: {
        const AssignSpec& a = m_.assigns[inst.operand];
        out_ << " " << (a.jsonata ? m_.jsonata[a.index].value : m_.templates[a.index]).dump();
        return;
      }
      case InstKind::InvokeTask:
        out_ << " " << aslrt::Json(m_.tasks[inst.operand].resource).dump();
        return;
      case InstKind::RunParallel:
        for (MachineId b : m_.parallels[inst.operand].branches) out_ << " @" << b;
        return;
      case InstKind::RunMap: {
        const MapSpec& map = m_.maps[inst.operand];
        out_ << " @" << map.processor;
        if (map.itemsPath != kNone) out_ << " items=" << aslrt::Json(m_.paths[map.itemsPath]).dump();
        if (map.itemSelector != kNone) out_ << " selector=" << m_.templates[map.itemSelector].dump();
        if (map.maxConcurrency) out_ << " max=" << map.maxConcurrency;
        if (map.distributed) out_ << " distributed";
        if (!map.label.empty()) out_ << " label=" << aslrt::Json(map.label).dump();
        if (!map.batcher.is_null()) out_ << " batcher=" << map.batcher.dump();
        if (!map.resultWriter.is_null()) out_ << " writer=" << map.resultWriter.dump();
        return;
      }
      default:
        out_ << " #" << inst.operand;
    }
  }

  void condition(const Condition& c) {
    switch (c.kind) {
      case Condition::Kind::Leaf: {
        const ChoiceLeaf& leaf = m_.choiceLeaves[c.leaf];
        if (leaf.condition != kNone) {
          out_ << "condition " << m_.jsonata[leaf.condition].value.dump();
          return;
        }
        out_ << leaf.op << (leaf.isPath ? "Path" : "") << "(" << aslrt::Json(m_.paths[leaf.variable]).dump()
             << ", " << (leaf.isPath ? aslrt::Json(m_.paths[leaf.operandPath]).dump() : leaf.operand.dump()) << ")";
        return;
      }
      case Condition::Kind::Const: out_ << (c.constValue ? "true" : "false"); return;
      case Condition::Kind::Not: out_ << "not "; condition(c.children[0]); return;
      default: break;
    }
    out_ << (c.kind == Condition::Kind::And ? "and(" : "or(");
    for (size_t i = 0; i < c.children.size(); ++i) {
      if (i) out_ << ", ";
      condition(c.children[i]);
    }
    out_ << ")";
  }

  void terminator(const Machine& mc, const Terminator& t) {
    out_ << "  " << termMnemonic(t.kind);
    if (t.test != kNone) out_ << " test " << value(t.test);
    if (t.value != kNone) out_ << " " << value(t.value);
    switch (t.kind) {
      case TermKind::Goto: out_ << " -> " << stateRef(mc, t.target); break;
      case TermKind::Fail: out_ << " fail#" << t.fail; break;
      case TermKind::Choice:
        for (const ChoiceBranch& b : t.branches) {
          out_ << "\n    when ";
          condition(b.condition);
          out_ << " -> " << stateRef(mc, b.target);
          if (b.assign != kNone) out_ << " assign#" << b.assign;
          if (b.output != kNone) out_ << " output#" << b.output;
        }
        out_ << "\n    default -> "
             << (t.defaultTarget == kNone ? "States.NoChoiceMatched" : stateRef(mc, t.defaultTarget));
        break;
      default: break;
    }
    out_ << "\n";
  }

  const Module& m_;
  std::ostream& out_;
};

}  // namespace

void printModule(const Module& module, std::ostream& out) { Printer(module, out).run(); }

}  // namespace aslc::ir
