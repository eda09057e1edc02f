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
      jsonataState(b, st, s, index, input, machineName);
      retryCatch(st, s, index);
      return st;
    }
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
      m_.fails.push_back({});  // reached only after an `unsupported`, which fails first
      st.term.kind = ir::TermKind::Fail;
      st.term.fail = static_cast<uint32_t>(m_.fails.size() - 1);
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
    ValueId out = b.selectPath(placed, s.outputPath);
    assign(b, s.assign, false, input, result);
    finishLinear(st, s, index, out);
  }

  // Task, Parallel and Map share AWS's pipeline around their effect:
  // InputPath -> Parameters -> effect -> ResultSelector -> ResultPath -> OutputPath.
  void effectState(StateBuilder& b, ir::State& st, const ast::State& s, const Index& index, ValueId input,
                   const std::string& machineName) {
    ValueId effective = b.selectPath(input, s.inputPath);
    ValueId result;
    if (s.type == ast::StateType::Map) {
      if (s.resultWriter && !isDistributed(s)) b.unsupported("ResultWriter on an INLINE Map (state '" + s.name + "')");
      result = b.emit(InstKind::RunMap, Type::Array, effective, ir::kNone, mapSpec(s, machineName));
    } else {
      ValueId params = b.render(effective, s.parameters);
      result = s.type == ast::StateType::Task
                   ? b.emit(InstKind::InvokeTask, Type::Json, params, ir::kNone, taskSpec(s))
                   : b.emit(InstKind::RunParallel, Type::Array, params, ir::kNone, parallelSpec(s, machineName));
    }
    ValueId selected = b.render(result, s.resultSelector);
    ValueId placed = b.resultPath(input, selected, s.resultPath);
    ValueId out = b.selectPath(placed, s.outputPath);
    assign(b, s.assign, false, input, selected);
    finishLinear(st, s, index, out);
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
    if (s.itemReader && s.itemReader->isObject()) spec.reader = readerSpec(*s.itemReader, s.queryLanguage);
    tolerance(s, spec);
    if (s.itemBatcher && s.itemBatcher->isObject()) batcher(*s.itemBatcher, s.queryLanguage, spec);
    spec.distributed = isDistributed(s);
    if (spec.distributed) spec.label = s.label;
    if (s.resultWriter && s.resultWriter->isObject()) resultWriter(*s.resultWriter, s.queryLanguage, spec);
    m_.maps.push_back(std::move(spec));
    return static_cast<uint32_t>(m_.maps.size() - 1);
  }

  // ItemProcessor's ProcessorConfig, or the legacy Iterator's (AWS runs a
  // DISTRIBUTED Iterator as a map run too: recorded in
  // scenarios.base_scenarios.map_state_legacy_config_distributed).
  static bool isDistributed(const ast::State& s) {
    const JNode* config = s.processorConfig;
    const JNode* mode = config && config->isObject() ? config->get("Mode") : nullptr;
    return mode && mode->isString() && mode->str() == "DISTRIBUTED";
  }

  // ItemBatcher: MaxItemsPerBatch(Path), MaxInputBytesPerBatch(Path), BatchInput.
  void batcher(const JNode& node, ast::QueryLanguage ql, ir::MapSpec& spec) {
    if (ql == ast::QueryLanguage::JSONata) {
      spec.batcher = aslrt::Json::object();
      spec.batcherJsonata = jsonataSpec(node.toJson(), "ItemBatcher");
      return;
    }
    spec.batcher = aslrt::Json::object();
    for (const char* field : {"MaxItemsPerBatch", "MaxInputBytesPerBatch"})
      if (const JNode* v = node.get(field)) spec.batcher[field] = v->toJson();
    if (const JNode* p = node.get("MaxItemsPerBatchPath"); p && p->isString()) spec.maxItemsPerBatchPath = m_.addPath(p->str());
    if (const JNode* p = node.get("MaxInputBytesPerBatchPath"); p && p->isString())
      spec.maxBytesPerBatchPath = m_.addPath(p->str());
    if (const JNode* input = node.get("BatchInput")) spec.batchInput = m_.addTemplate(input->toJson());
  }

  // ResultWriter: Resource, Parameters (a template) or Arguments, WriterConfig.
  void resultWriter(const JNode& node, ast::QueryLanguage ql, ir::MapSpec& spec) {
    spec.resultWriter = aslrt::Json::object();
    if (ql == ast::QueryLanguage::JSONata) {
      spec.resultWriterJsonata = jsonataSpec(node.toJson(), "ResultWriter");
      return;
    }
    if (const JNode* r = node.get("Resource")) spec.resultWriter["Resource"] = r->toJson();
    if (const JNode* c = node.get("WriterConfig")) spec.resultWriter["WriterConfig"] = c->toJson();
    if (const JNode* p = node.get("Parameters")) spec.resultWriterParameters = m_.addTemplate(p->toJson());
  }

  // ToleratedFailureCount/Percentage(+Path): literals stay values, paths go to the pool.
  void tolerance(const ast::State& s, ir::MapSpec& spec) {
    if (s.toleratedFailureCount) spec.toleratedCount = s.toleratedFailureCount->toJson();
    if (s.toleratedFailurePercentage) spec.toleratedPercentage = s.toleratedFailurePercentage->toJson();
    if (const JNode* p = s.node->get("ToleratedFailureCountPath"); p && p->isString())
      spec.toleratedCountPath = m_.addPath(p->str());
    if (const JNode* p = s.node->get("ToleratedFailurePercentagePath"); p && p->isString())
      spec.toleratedPercentagePath = m_.addPath(p->str());
  }

  uint32_t readerSpec(const JNode& r, ast::QueryLanguage ql) {
    ir::ReaderSpec spec;
    if (const JNode* res = r.get("Resource"); res && res->isString()) spec.resource = res->str();
    if (const JNode* cfg = r.get("ReaderConfig")) spec.config = cfg->toJson();
    if (const JNode* p = r.get("Parameters")) spec.parameters = m_.addTemplate(p->toJson());
    if (const JNode* a = r.get("Arguments")) spec.arguments = jsonataSpec(a->toJson(), "ItemReader/Arguments");
    if (spec.config.is_object() && spec.config.contains("MaxItemsPath")) {
      spec.maxItemsPath = m_.addPath(spec.config["MaxItemsPath"].get<std::string>());
      spec.config.erase("MaxItemsPath");
    }
    if (ql == ast::QueryLanguage::JSONata && spec.config.is_object() && spec.config.value("MaxItems", aslrt::Json()).is_string()) {
      spec.maxItemsJsonata = jsonataSpec(spec.config["MaxItems"], "ItemReader/ReaderConfig/MaxItems");
      spec.config.erase("MaxItems");
    }
    m_.readers.push_back(std::move(spec));
    return static_cast<uint32_t>(m_.readers.size() - 1);
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
    ValueId out = b.selectPath(effective, s.outputPath);
    assign(b, s.assign, false, input, effective);
    finishLinear(st, s, index, out);
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
      case K::Condition: {
        ir::ChoiceLeaf leaf;
        leaf.op = "Condition";
        leaf.variable = m_.addPath("$");
        leaf.condition = jsonataSpec(r.condition->toJson(), "Condition");
        m_.choiceLeaves.push_back(std::move(leaf));
        c.leaf = static_cast<uint32_t>(m_.choiceLeaves.size() - 1);
        return c;
      }
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
      st.term.branches.push_back({condition(b, r, s.name), index.at(r.next), ruleAssign(r, false), ir::kNone});
    }
    if (index.count(s.defaultNext)) st.term.defaultTarget = index.at(s.defaultNext);
    st.term.value = b.selectPath(effective, s.outputPath);
    assign(b, s.assign, false, input, effective);
  }

  void retryCatch(ir::State& st, const ast::State& s, const Index& index) {
    st.retriers = s.retry;
    for (const ast::Catcher& c : s.catchers) {
      if (!index.count(c.next)) continue;
      ir::Catcher catcher{c.errorEquals, index.at(c.next)};
      catcher.discardResult = c.resultPath.present && c.resultPath.isNull;
      if (c.resultPath.present && !c.resultPath.isNull) catcher.resultPath = m_.addPath(c.resultPath.path);
      bool jsonata = s.queryLanguage == ast::QueryLanguage::JSONata;
      if (jsonata && c.output) catcher.output = jsonataSpec(c.output->toJson(), "Output");
      if (c.assign) catcher.assign = assignSpec(*c.assign, jsonata);
      st.catchers.push_back(std::move(catcher));
    }
  }

  uint32_t jsonataSpec(aslrt::Json value, const std::string& field) {
    m_.jsonata.push_back({std::move(value), field});
    return static_cast<uint32_t>(m_.jsonata.size() - 1);
  }

  uint32_t assignSpec(const JNode& node, bool jsonata) {
    ir::AssignSpec spec{jsonata, jsonata ? jsonataSpec(node.toJson(), "Assign") : m_.addTemplate(node.toJson())};
    m_.assigns.push_back(spec);
    return static_cast<uint32_t>(m_.assigns.size() - 1);
  }

  uint32_t ruleAssign(const ast::ChoiceRule& r, bool jsonata) {
    const JNode* a = r.node ? r.node->get("Assign") : nullptr;
    return a ? assignSpec(*a, jsonata) : ir::kNone;
  }

  // Assign is evaluated against the values the state started with; emitted
  // after the output is computed, so the output cannot see the new values.
  void assign(StateBuilder& b, const JNode* node, bool jsonata, ValueId input, ValueId result) {
    if (node) b.emit(InstKind::Assign, Type::Json, input, result, assignSpec(*node, jsonata));
  }

  ValueId evalJsonata(StateBuilder& b, const JNode* node, const std::string& field, ValueId input,
                      ValueId result = ir::kNone) {
    return b.emit(InstKind::EvalJsonata, Type::Json, input, result, jsonataSpec(node->toJson(), field));
  }

  // JSONata states: $states.input is the raw input; Arguments/Output/Assign/
  // Items/... are evaluated where AWS evaluates them.
  void jsonataState(StateBuilder& b, ir::State& st, const ast::State& s, const Index& index, ValueId input,
                    const std::string& machineName) {
    switch (s.type) {
      case ast::StateType::Fail: return jsonataFail(st, s, input);
      case ast::StateType::Choice: return jsonataChoice(b, st, s, index, input);
      case ast::StateType::Wait: jsonataWait(b, s, input); break;
      default: break;
    }
    ValueId result = ir::kNone;
    if (s.type == ast::StateType::Task || s.type == ast::StateType::Parallel || s.type == ast::StateType::Map)
      result = jsonataEffect(b, s, input, machineName);
    ValueId out = s.output ? evalJsonata(b, s.output, "Output", input, result)
                           : (result != ir::kNone ? result : input);
    assign(b, s.assign, true, input, result);
    finishLinear(st, s, index, out);
  }

  ValueId jsonataEffect(StateBuilder& b, const ast::State& s, ValueId input, const std::string& machineName) {
    if (s.type == ast::StateType::Map) {
      uint32_t itemsId = s.items ? jsonataSpec(s.items->toJson(), "Items") : ir::kNone;
      ValueId items = s.items ? b.emit(InstKind::EvalJsonata, Type::Json, input, ir::kNone, itemsId) : input;
      uint32_t spec = mapSpec(s, machineName);
      ir::MapSpec& map = m_.maps[spec];
      map.itemsJsonata = itemsId;
      map.itemSelector = ir::kNone;
      if (s.itemSelector) map.itemSelectorJsonata = jsonataSpec(s.itemSelector->toJson(), "ItemSelector");
      if (s.maxConcurrency && s.maxConcurrency->isString())
        map.maxConcurrencyJsonata = jsonataSpec(s.maxConcurrency->toJson(), "MaxConcurrency");
      if (s.toleratedFailureCount && s.toleratedFailureCount->isString()) {
        map.toleratedCountJsonata = jsonataSpec(s.toleratedFailureCount->toJson(), "ToleratedFailureCount");
        map.toleratedCount = nullptr;
      }
      if (s.toleratedFailurePercentage && s.toleratedFailurePercentage->isString()) {
        map.toleratedPercentageJsonata = jsonataSpec(s.toleratedFailurePercentage->toJson(), "ToleratedFailurePercentage");
        map.toleratedPercentage = nullptr;
      }
      return b.emit(InstKind::RunMap, Type::Array, input, items, spec);
    }
    ValueId args = s.arguments ? evalJsonata(b, s.arguments, "Arguments", input) : input;
    if (s.type == ast::StateType::Task) return b.emit(InstKind::InvokeTask, Type::Json, args, ir::kNone, taskSpec(s));
    return b.emit(InstKind::RunParallel, Type::Array, args, ir::kNone, parallelSpec(s, machineName));
  }

  void jsonataWait(StateBuilder& b, const ast::State& s, ValueId input) {
    ir::WaitSpec spec;
    const JNode* node = s.seconds ? s.seconds : s.timestamp;
    spec.field = s.seconds ? "Seconds" : "Timestamp";
    if (node) spec.value = node->toJson();
    if (node && node->isString() && spec.value.get<std::string>().rfind("{%", 0) == 0)
      spec.jsonata = jsonataSpec(spec.value, spec.field);
    m_.waits.push_back(spec);
    b.emit(InstKind::Wait, Type::Json, input, ir::kNone, static_cast<uint32_t>(m_.waits.size() - 1));
  }

  void jsonataFail(ir::State& st, const ast::State& s, ValueId input) {
    ir::FailSpec spec;
    if (s.error) spec.errorJsonata = jsonataSpec(s.error->toJson(), "Error");
    if (s.cause) spec.causeJsonata = jsonataSpec(s.cause->toJson(), "Cause");
    m_.fails.push_back(spec);
    st.term.kind = ir::TermKind::Fail;
    st.term.value = input;
    st.term.fail = static_cast<uint32_t>(m_.fails.size() - 1);
  }

  void jsonataChoice(StateBuilder& b, ir::State& st, const ast::State& s, const Index& index, ValueId input) {
    st.term.kind = ir::TermKind::Choice;
    st.term.test = input;
    for (const ast::ChoiceRule& r : s.choices) {
      if (!index.count(r.next)) continue;
      const JNode* out = r.node ? r.node->get("Output") : nullptr;
      st.term.branches.push_back({condition(b, r, s.name), index.at(r.next), ruleAssign(r, true),
                                  out ? jsonataSpec(out->toJson(), "Output") : ir::kNone});
    }
    if (index.count(s.defaultNext)) st.term.defaultTarget = index.at(s.defaultNext);
    st.term.value = s.output ? evalJsonata(b, s.output, "Output", input) : input;
    assign(b, s.assign, true, input, ir::kNone);
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
