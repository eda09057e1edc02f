// The validator's driver: walks the machine and its nested machines (Parallel
// branches, Map item processors) and runs every per-state check on each state.
// Each rule family lives in its own validate_*.cpp file.
#include "aslc/frontend/validate.h"

#include <array>

namespace aslc {
namespace validate_detail {
namespace {

struct MachineFields {
  std::array<const char*, 6> allowed;
};

// Fields a machine object may hold, by where it stands. A nested machine
// cannot set TimeoutSeconds, Version or QueryLanguage of its own.
MachineFields machineFields(MachineKind kind) {
  switch (kind) {
    case MachineKind::TopLevel:
      return {{"Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage"}};
    case MachineKind::Branch: return {{"Comment", "StartAt", "States", nullptr, nullptr, nullptr}};
    case MachineKind::ItemProcessor:
    case MachineKind::Iterator:
      return {{"Comment", "StartAt", "States", "ProcessorConfig", nullptr, nullptr}};
  }
  return {};
}

bool isAllowed(const MachineFields& fields, const std::string& key) {
  for (const char* name : fields.allowed)
    if (name && key == name) return true;
  return false;
}

// AWS: "These fields are required: [States, StartAt]".
void checkMachineShape(Checker& ck, const JNode& machine, const std::string& pointer,
                       MachineKind kind) {
  MachineFields fields = machineFields(kind);
  for (const JMember& m : machine.members) {
    if (isAllowed(fields, m.key)) continue;
    ck.error(m.keyOffset, "schema-unknown-field",
             "unknown field '" + m.key + "' in a state machine", pointerJoin(pointer, m.key));
  }
  for (const char* required : {"StartAt", "States"}) {
    if (machine.member(required)) continue;
    ck.error(machine.begin, "schema-required-field",
             std::string("the state machine lacks the required field '") + required + "'",
             pointer.empty() ? "/" : pointer);
  }
  if (const JNode* start = machine.get("StartAt"))
    expectKind(ck, *start, JNode::Kind::String, pointerJoin(pointer, "StartAt"), "'StartAt'");
  if (const JNode* comment = machine.get("Comment"))
    expectKind(ck, *comment, JNode::Kind::String, pointerJoin(pointer, "Comment"), "'Comment'");
}

void checkTopLevelExtras(Checker& ck, const JNode& root) {
  if (const JNode* version = root.get("Version"))
    expectKind(ck, *version, JNode::Kind::String, "/Version", "'Version'");
  const JNode* timeout = root.get("TimeoutSeconds");
  if (!timeout || deferToken(ck, *timeout, "/TimeoutSeconds")) return;
  if (!timeout->isInteger() || timeout->scalar.get<double>() < 0 ||
      timeout->scalar.get<double>() > 99999999) {
    ck.error(timeout->begin, "schema-type", "'TimeoutSeconds' must be a non-negative integer",
             "/TimeoutSeconds");
  }
}

// The machine-wide QueryLanguage; every state inherits it unless it sets its own.
QueryLanguage topLevelLanguage(Checker& ck, const JNode& root) {
  const JNode* ql = root.get("QueryLanguage");
  if (!ql) return QueryLanguage::JSONPath;
  if (ql->isString() && ql->str() == "JSONata") return QueryLanguage::JSONata;
  if (ql->isString() && ql->str() == "JSONPath") return QueryLanguage::JSONPath;
  ck.error(ql->begin, "enum-value", "'QueryLanguage' must be \"JSONPath\" or \"JSONata\"",
           "/QueryLanguage");
  return QueryLanguage::JSONPath;
}

// A state may opt into JSONata in a JSONPath machine, never the reverse.
QueryLanguage stateLanguage(Checker& ck, const JNode& state, const std::string& pointer) {
  QueryLanguage inherited = ck.machineLanguage;
  const JNode* ql = state.get("QueryLanguage");
  if (!ql) return inherited;
  std::string at = pointerJoin(pointer, "QueryLanguage");
  if (ql->isString() && ql->str() == "JSONata") return QueryLanguage::JSONata;
  if (!ql->isString() || ql->str() != "JSONPath") {
    ck.error(ql->begin, "enum-value", "'QueryLanguage' must be \"JSONPath\" or \"JSONata\"", at);
    return inherited;
  }
  if (ck.machineLanguage == QueryLanguage::JSONata && ck.distributedDepth == 0) {
    ck.error(ql->begin, "query-language-downgrade",
             "'QueryLanguage' cannot be 'JSONPath' in a state machine whose QueryLanguage is "
             "'JSONata'",
             at);
  }
  return QueryLanguage::JSONPath;
}

void runTypeChecks(StateCtx& s) {
  checkStateFields(s);
  checkStateValues(s);
  checkDataFlowFields(s);
  if (s.jsonata()) {
    checkStatesFields(s);
    checkResultTypes(s);
  }
  switch (s.type) {
    case kTask:
      checkTaskResource(s);
      checkCredentials(s);
      break;
    case kChoice: checkChoiceState(s); break;
    case kWait: checkWaitState(s); break;
    case kFail: checkFailState(s); break;
    case kParallel: checkParallelState(s); break;
    case kMap:
      checkMapState(s);
      checkMapDistributed(s);
      break;
    default: break;
  }
  if (s.type & (kTask | kParallel | kMap)) {
    checkRetriers(s);
    checkCatchers(s);
  }
}

void checkState(Checker& ck, const JMember& member, const std::string& pointer) {
  // AWS: state names are limited to 80 characters (not bytes).
  size_t chars = utf8Length(member.key);
  if (chars > 80 || chars == 0) {
    ck.error(
        member.keyOffset, "state-name-length",
        "state names must be 1 to 80 characters long (this one has " + std::to_string(chars) + ")",
        pointer);
  }
  const JNode& state = member.value;
  if (!expectKind(ck, state, JNode::Kind::Object, pointer, "a state")) return;
  const JNode* type = state.get("Type");
  if (!type) {
    ck.error(member.keyOffset, "schema-required-field",
             "state '" + member.key + "' lacks the required field 'Type'", pointer);
    return;
  }
  StateType st = type->isString() ? stateTypeFromName(type->str()) : kNoState;
  if (st == kNoState) {
    ck.error(type->begin, "schema-type",
             "'Type' must be one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map",
             pointerJoin(pointer, "Type"));
    return;
  }
  QueryLanguage ql = stateLanguage(ck, state, pointer);
  StateCtx s{ck, member, pointer, st, ql};
  runTypeChecks(s);
}

}  // namespace

void validateMachine(Checker& ck, const JNode& machine, const std::string& pointer,
                     MachineKind kind) {
  std::string where = pointer.empty() ? "/" : pointer;
  if (!expectKind(ck, machine, JNode::Kind::Object, where, "a state machine")) return;
  checkMachineShape(ck, machine, pointer, kind);
  const JNode* states = machine.get("States");
  if (!states) return;
  std::string statesPointer = pointerJoin(pointer, "States");
  if (!expectKind(ck, *states, JNode::Kind::Object, statesPointer, "'States'")) return;
  for (const JMember& m : states->members) checkState(ck, m, pointerJoin(statesPointer, m.key));
  checkMachineGraph(ck, machine, pointer);
}

}  // namespace validate_detail

bool validateDefinition(const JNode& root, Diagnostics& diags, const ValidateOptions& options) {
  using namespace validate_detail;
  size_t before = diags.errorCount();
  Checker ck(diags, options);
  ck.expressDepth = options.express ? 1 : 0;
  if (!expectKind(ck, root, JNode::Kind::Object, "/", "a state machine definition")) return false;
  ck.machineLanguage = topLevelLanguage(ck, root);
  checkTopLevelExtras(ck, root);
  collectStateNames(ck, root, "");
  validateMachine(ck, root, "", MachineKind::TopLevel);
  checkVariableFlow(ck, root);
  return diags.errorCount() == before;
}

}  // namespace aslc
