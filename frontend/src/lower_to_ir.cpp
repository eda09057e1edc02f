// Lowers the AST to IR. Each JSONPath state becomes the pipeline AWS runs
// (InputPath -> Parameters -> effect -> ResultSelector -> ResultPath ->
// OutputPath) as explicit instructions; features not implemented yet become an
// `unsupported` instruction that fails the run with exit code 3 when reached,
// never a wrong answer.
#include "aslc/frontend/lower.h"

#include <map>

namespace aslc {
namespace {

using ir::Inst;
using ir::InstKind;
using ir::Type;
using ir::ValueId;

class StateBuilder {
 public:
  StateBuilder(ir::Module& module, ir::State& state) : m_(module), st_(state) {}

  ValueId emit(InstKind kind, Type type, ValueId a = ir::kNone, ValueId b = ir::kNone,
               uint32_t operand = ir::kNone) {
    Inst inst{kind, ir::kNone, type, a, b, operand};
    if (ir::instHasResult(kind)) inst.result = st_.valueCount++;
    st_.insts.push_back(inst);
    return inst.result;
  }
  ValueId constant(aslrt::Json value) {
    Type type = ir::typeOfConstant(value);
    return emit(InstKind::LoadConst, type, ir::kNone, ir::kNone, m_.addConstant(std::move(value)));
  }
  void unsupported(const std::string& what) {
    emit(InstKind::Unsupported, Type::Json, ir::kNone, ir::kNone, m_.addConstant("not yet supported: " + what));
  }

  // InputPath / OutputPath: absent keeps the value, null gives {}.
  ValueId selectPath(ValueId v, const ast::PathField& f) {
    if (!f.present) return v;
    if (f.isNull) return constant(aslrt::Json::object());
    if (f.path == "$") return v;
    return emit(InstKind::SelectPath, Type::Json, v, ir::kNone, m_.addPath(f.path));
  }
  // ResultPath: absent or "$" replaces, null discards the result.
  ValueId resultPath(ValueId input, ValueId result, const ast::PathField& f) {
    if (!f.present || (!f.isNull && f.path == "$")) return result;
    if (f.isNull) return input;
    return emit(InstKind::ApplyResultPath, Type::Json, input, result, m_.addPath(f.path));
  }
  ValueId render(ValueId v, const JNode* tmpl) {
    if (!tmpl) return v;
    return emit(InstKind::RenderTemplate, Type::Json, v, ir::kNone, m_.addTemplate(tmpl->toJson()));
  }

 private:
  ir::Module& m_;
  ir::State& st_;
};

class Lowering {
 public:
  Lowering(ir::Module& module, Diagnostics& diags) : m_(module), diags_(diags) {}

  ir::MachineId machine(const ast::StateMachine& sm, const std::string& name) {
    ir::MachineId id = static_cast<ir::MachineId>(m_.machines.size());
    m_.machines.emplace_back();
    m_.machines[id].name = name;
    std::map<std::string, ir::StateId> index;
    for (const ast::State& s : sm.states) index.emplace(s.name, static_cast<ir::StateId>(index.size()));
    std::vector<ir::State> states;
    for (const ast::State& s : sm.states) states.push_back(state(s, index, name));
    m_.machines[id].states = std::move(states);
    m_.machines[id].start = index.count(sm.startAt) ? index.at(sm.startAt) : 0;
    return id;
  }

 private:
  using Index = std::map<std::string, ir::StateId>;

  ir::State state(const ast::State& s, const Index& index, const std::string& machineName) {
    ir::State st;
    st.name = s.name;
    st.aslType = ast::stateTypeName(s.type);
    st.sourceOffset = s.offset;
    StateBuilder b(m_, st);
    ValueId input = b.emit(InstKind::LoadInput, Type::Json);
    if (s.queryLanguage == ast::QueryLanguage::JSONata) {
      b.unsupported("JSONata query language (state '" + s.name + "')");
      finishLinear(st, s, index, input);
      return st;
    }
    if (s.assign) b.unsupported("Assign (variables) in state '" + s.name + "'");
    switch (s.type) {
      case ast::StateType::Pass: pass(b, st, s, index, input); break;
      case ast::StateType::Succeed: finishLinear(st, s, index, b.selectPath(b.selectPath(input, s.inputPath), s.outputPath)); break;
      case ast::StateType::Fail: fail(st, s, input); break;
      case ast::StateType::Choice: choice(b, st, s, index, input); break;
      case ast::StateType::Wait: wait(b, st, s, index, input); break;
      case ast::StateType::Task:
      case ast::StateType::Parallel:
      case ast::StateType::Map: effectState(b, st, s, index, input, machineName); break;
    }
    retryCatch(st, s, index);
    return st;
  }

  void finishLinear(ir::State& st, const ast::State& s, const Index& index, ValueId out) {
    st.term.value = out;
    bool terminal = s.end || s.type == ast::StateType::Succeed || s.next.empty() || !index.count(s.next);
    if (s.type == ast::StateType::Fail) {
      st.term.kind = ir::TermKind::Fail;
      return;
    }
    st.term.kind = terminal ? ir::TermKind::Succeed : ir::TermKind::Goto;
    if (!terminal) st.term.target = index.at(s.next);
  }

  void pass(StateBuilder& b, ir::State& st, const ast::State& s, const Index& index, ValueId input) {
    ValueId effective = b.selectPath(input, s.inputPath);
    ValueId params = b.render(effective, s.parameters);
    ValueId result = s.result ? b.constant(s.result->toJson()) : params;
    ValueId placed = b.resultPath(input, result, s.resultPath);
    finishLinear(st, s, index, b.selectPath(placed, s.outputPath));
  }

  // Task, Parallel and Map share AWS's pipeline around their effect:
  // InputPath -> Parameters -> effect -> ResultSelector -> ResultPath -> OutputPath.
  void effectState(StateBuilder& b, ir::State& st, const ast::State& s, const Index& index, ValueId input,
                   const std::string& machineName) {
    ValueId effective = b.selectPath(input, s.inputPath);
    ValueId result;
    if (s.type == ast::StateType::Map) {
      if (s.itemReader) b.unsupported("Map ItemReader (state '" + s.name + "')");
      if (s.itemBatcher) b.unsupported("Map ItemBatcher (state '" + s.name + "')");
      if (s.resultWriter) b.unsupported("Map ResultWriter (state '" + s.name + "')");
      if (s.toleratedFailureCount || s.toleratedFailurePercentage || s.node->get("ToleratedFailureCountPath") ||
          s.node->get("ToleratedFailurePercentagePath"))
        b.unsupported("Map tolerated failures (state '" + s.name + "')");
      result = b.emit(InstKind::RunMap, Type::Array, effective, ir::kNone, mapSpec(s, machineName));
    } else {
      ValueId params = b.render(effective, s.parameters);
      result = s.type == ast::StateType::Task
                   ? b.emit(InstKind::InvokeTask, Type::Json, params, ir::kNone, taskSpec(s))
                   : b.emit(InstKind::RunParallel, Type::Array, params, ir::kNone, parallelSpec(s, machineName));
    }
    ValueId selected = b.render(result, s.resultSelector);
    ValueId placed = b.resultPath(input, selected, s.resultPath);
    finishLinear(st, s, index, b.selectPath(placed, s.outputPath));
  }

  uint32_t taskSpec(const ast::State& s) {
    ir::TaskSpec spec;
    spec.resource = s.resource;
    if (s.timeoutSeconds) spec.timeoutSeconds = s.timeoutSeconds->toJson();
    if (s.timeoutSecondsPath.present) spec.timeoutSecondsPath = s.timeoutSecondsPath.path;
    if (s.heartbeatSeconds) spec.heartbeatSeconds = s.heartbeatSeconds->toJson();
    if (s.heartbeatSecondsPath.present) spec.heartbeatSecondsPath = s.heartbeatSecondsPath.path;
    m_.tasks.push_back(std::move(spec));
    return static_cast<uint32_t>(m_.tasks.size() - 1);
  }

  uint32_t parallelSpec(const ast::State& s, const std::string& machineName) {
    ir::ParallelSpec spec;
    for (size_t i = 0; i < s.branches.size(); ++i)
      spec.branches.push_back(machine(*s.branches[i], machineName + "/" + s.name + "/branch" + std::to_string(i)));
    m_.parallels.push_back(std::move(spec));
    return static_cast<uint32_t>(m_.parallels.size() - 1);
  }

  uint32_t mapSpec(const ast::State& s, const std::string& machineName) {
    ir::MapSpec spec;
    if (s.itemProcessor) spec.processor = machine(*s.itemProcessor, machineName + "/" + s.name + "/processor");
    if (s.itemsPath.present && !s.itemsPath.isNull && s.itemsPath.path != "$") spec.itemsPath = m_.addPath(s.itemsPath.path);
    const JNode* selector = s.itemSelector ? s.itemSelector : s.parameters;
    if (selector) spec.itemSelector = m_.addTemplate(selector->toJson());
    if (s.maxConcurrency && s.maxConcurrency->isNumber()) spec.maxConcurrency = static_cast<int64_t>(s.maxConcurrency->scalar.get<double>());
    if (s.maxConcurrencyPath.present && !s.maxConcurrencyPath.isNull) spec.maxConcurrencyPath = m_.addPath(s.maxConcurrencyPath.path);
    m_.maps.push_back(std::move(spec));
    return static_cast<uint32_t>(m_.maps.size() - 1);
  }

  void wait(StateBuilder& b, ir::State& st, const ast::State& s, const Index& index, ValueId input) {
    ValueId effective = b.selectPath(input, s.inputPath);
    ir::WaitSpec spec;
    if (s.seconds) spec = {"Seconds", s.seconds->toJson()};
    else if (s.timestamp) spec = {"Timestamp", s.timestamp->toJson()};
    else if (s.secondsPath.present) spec = {"SecondsPath", s.secondsPath.path};
    else if (s.timestampPath.present) spec = {"TimestampPath", s.timestampPath.path};
    m_.waits.push_back(spec);
    b.emit(InstKind::Wait, Type::Json, effective, ir::kNone, static_cast<uint32_t>(m_.waits.size() - 1));
    finishLinear(st, s, index, b.selectPath(effective, s.outputPath));
  }

  void fail(ir::State& st, const ast::State& s, ValueId input) {
    ir::FailSpec spec;
    if (s.error && s.error->isString()) spec.error = s.error->str();
    if (s.cause && s.cause->isString()) spec.cause = s.cause->str();
    if (s.errorPath.present && !s.errorPath.isNull) spec.errorPath = s.errorPath.path;
    if (s.causePath.present && !s.causePath.isNull) spec.causePath = s.causePath.path;
    m_.fails.push_back(spec);
    st.term.kind = ir::TermKind::Fail;
    st.term.value = input;
    st.term.fail = static_cast<uint32_t>(m_.fails.size() - 1);
  }

  ir::Condition condition(StateBuilder& b, const ast::ChoiceRule& r, const std::string& stateName) {
    ir::Condition c;
    using K = ast::ChoiceRule::Kind;
    switch (r.kind) {
      case K::And: c.kind = ir::Condition::Kind::And; break;
      case K::Or: c.kind = ir::Condition::Kind::Or; break;
      case K::Not: c.kind = ir::Condition::Kind::Not; break;
      case K::Condition:
        b.unsupported("JSONata Condition in Choice state '" + stateName + "'");
        c.kind = ir::Condition::Kind::Const;
        return c;
      case K::Leaf: {
        ir::ChoiceLeaf leaf;
        leaf.op = r.op;
        leaf.variable = m_.addPath(r.variable.empty() ? "$" : r.variable);
        leaf.isPath = r.isPath;
        if (r.isPath) leaf.operandPath = m_.addPath(r.operand.is_string() ? r.operand.get<std::string>() : "$");
        else leaf.operand = r.operand;
        m_.choiceLeaves.push_back(std::move(leaf));
        c.leaf = static_cast<uint32_t>(m_.choiceLeaves.size() - 1);
        return c;
      }
    }
    for (const ast::ChoiceRule& child : r.children) c.children.push_back(condition(b, child, stateName));
    return c;
  }

  void choice(StateBuilder& b, ir::State& st, const ast::State& s, const Index& index, ValueId input) {
    ValueId effective = b.selectPath(input, s.inputPath);
    st.term.kind = ir::TermKind::Choice;
    st.term.test = effective;
    for (const ast::ChoiceRule& r : s.choices) {
      if (!index.count(r.next)) continue;
      st.term.branches.push_back({condition(b, r, s.name), index.at(r.next)});
    }
    if (index.count(s.defaultNext)) st.term.defaultTarget = index.at(s.defaultNext);
    st.term.value = b.selectPath(effective, s.outputPath);
  }

  void retryCatch(ir::State& st, const ast::State& s, const Index& index) {
    for (const ast::Retrier& r : s.retry)
      st.retriers.push_back({r.errorEquals, r.intervalSeconds, r.maxAttempts, r.backoffRate, r.maxDelaySeconds, r.fullJitter});
    for (const ast::Catcher& c : s.catchers) {
      if (!index.count(c.next)) continue;
      ir::Catcher catcher{c.errorEquals, index.at(c.next)};
      catcher.discardResult = c.resultPath.present && c.resultPath.isNull;
      if (c.resultPath.present && !c.resultPath.isNull) catcher.resultPath = m_.addPath(c.resultPath.path);
      st.catchers.push_back(std::move(catcher));
    }
  }

  ir::Module& m_;
  Diagnostics& diags_;
};

}  // namespace

ir::Module lowerToIr(const ast::Definition& def, const std::string& sourceName, Diagnostics& diags) {
  ir::Module module;
  module.sourceName = sourceName;
  if (def.machine->timeoutSeconds) module.machineInfo["TimeoutSeconds"] = *def.machine->timeoutSeconds;
  Lowering(module, diags).machine(*def.machine, "main");
  return module;
}

}  // namespace aslc
