#include "aslc/ir/verify.h"

namespace aslc::ir {
namespace {

class Verifier {
 public:
  explicit Verifier(const Module& m) : m_(m) {}
  std::vector<std::string> problems;

  void run() {
    if (m_.machines.empty()) problems.push_back("module has no machine");
    for (const Machine& mc : m_.machines) machine(mc);
  }

 private:
  void fail(const Machine& mc, const State& st, const std::string& what) {
    problems.push_back(mc.name + "/" + st.name + ": " + what);
  }

  void machine(const Machine& mc) {
    if (mc.start >= mc.states.size()) problems.push_back(mc.name + ": start state out of range");
    for (const State& st : mc.states) state(mc, st);
    for (const PromotedLoop& loop : mc.loops) promotedLoop(mc, loop);
  }

  // A loop names states of its machine, members it holds, keys in the
  // constant pool and Choice leaves; codegen trusts all of them.
  void promotedLoop(const Machine& mc, const PromotedLoop& loop) {
    auto bad = [&](const std::string& what) { problems.push_back(mc.name + ": promoted loop: " + what); };
    auto operand = [&](const LoopOperand& o) { return o.member == kNone || o.member < loop.members.size(); };
    if (loop.memberKeys.size() != loop.members.size()) bad("a key per member expected");
    for (uint32_t k : loop.memberKeys)
      if (k >= m_.constants.size() || !m_.constants[k].is_string()) bad("member key not a string constant");
    for (const LoopState& ls : loop.states) {
      if (ls.state >= mc.states.size()) { bad("state out of range"); continue; }
      for (const LoopAdd& a : ls.adds)
        if (a.member >= loop.members.size() || !operand(a.a) || !operand(a.b)) bad("add names an unknown member");
    }
    for (const LoopTest& t : loop.tests)
      if (t.leaf >= m_.choiceLeaves.size() || !operand(t.a) || !operand(t.b)) bad("test out of range");
  }

  void checkValue(const Machine& mc, const State& st, ValueId v, const std::vector<bool>& defined) {
    if (v == kNone) return;
    if (v >= defined.size() || !defined[v]) fail(mc, st, "%v" + std::to_string(v) + " used before definition");
  }

  void checkTarget(const Machine& mc, const State& st, StateId t) {
    if (t >= mc.states.size()) fail(mc, st, "branch target out of range");
  }

  void checkOperand(const Machine& mc, const State& st, const Inst& inst) {
    size_t limit = SIZE_MAX;
    switch (inst.kind) {
      case InstKind::LoadConst:
      case InstKind::Unsupported: limit = m_.constants.size(); break;
      case InstKind::SelectPath:
      case InstKind::ApplyResultPath: limit = m_.paths.size(); break;
      case InstKind::RenderTemplate: limit = m_.templates.size(); break;
      case InstKind::SelectDirect:
        if (inst.operand < m_.directPaths.size() && m_.directPaths[inst.operand].path >= m_.paths.size())
          fail(mc, st, "select_direct's path out of range");
        limit = m_.directPaths.size();
        break;
      case InstKind::Wait: limit = m_.waits.size(); break;
      case InstKind::InvokeTask: limit = m_.tasks.size(); break;
      case InstKind::RunParallel: limit = m_.parallels.size(); break;
      case InstKind::RunMap: limit = m_.maps.size(); break;
      case InstKind::EvalJsonata: limit = m_.jsonata.size(); break;
      case InstKind::Assign: limit = m_.assigns.size(); break;
      default: return;
    }
    if (inst.operand >= limit) fail(mc, st, std::string(instMnemonic(inst.kind)) + " operand out of range");
  }

  void state(const Machine& mc, const State& st) {
    std::vector<bool> defined(st.valueCount, false);
    for (const Inst& inst : st.insts) {
      checkValue(mc, st, inst.a, defined);
      checkValue(mc, st, inst.b, defined);
      checkOperand(mc, st, inst);
      if (instHasResult(inst.kind) != (inst.result != kNone)) fail(mc, st, "result presence mismatch");
      if (inst.result == kNone) continue;
      if (inst.result >= st.valueCount) fail(mc, st, "result id beyond valueCount");
      else if (defined[inst.result]) fail(mc, st, "value defined twice");
      else defined[inst.result] = true;
    }
    checkValue(mc, st, st.term.value, defined);
    checkValue(mc, st, st.term.test, defined);
    terminator(mc, st);
    for (const Catcher& c : st.catchers) checkTarget(mc, st, c.target);
  }

  void terminator(const Machine& mc, const State& st) {
    const Terminator& t = st.term;
    switch (t.kind) {
      case TermKind::Goto: checkTarget(mc, st, t.target); break;
      case TermKind::Choice:
        for (const ChoiceBranch& b : t.branches) checkTarget(mc, st, b.target);
        if (t.defaultTarget != kNone) checkTarget(mc, st, t.defaultTarget);
        break;
      case TermKind::Fail:
        if (t.fail >= m_.fails.size()) fail(mc, st, "fail spec out of range");
        break;
      default: break;
    }
  }

  const Module& m_;
};

}  // namespace

std::vector<std::string> verifyModule(const Module& module) {
  Verifier v(module);
  v.run();
  return std::move(v.problems);
}

}  // namespace aslc::ir
