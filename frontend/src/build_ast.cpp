// Builds the AST from a validated tree. Validation has already reported every
// rule broken, so this only reads fields; it still never trusts a type blindly.
#include "aslc/frontend/json_loader.h"
#include "aslc/frontend/parse.h"
#include "aslc/frontend/validate.h"

namespace aslc {
namespace {

using ast::PathField;
using ast::QueryLanguage;
using ast::StateType;

std::string stringField(const JNode& obj, std::string_view key) {
  const JNode* v = obj.get(key);
  return v && v->isString() ? v->str() : std::string();
}

PathField pathField(const JNode& obj, std::string_view key) {
  PathField field;
  const JNode* v = obj.get(key);
  if (!v) return field;
  field.present = true;
  field.isNull = v->isNull();
  field.offset = v->begin;
  if (v->isString()) field.path = v->str();
  return field;
}

std::optional<StateType> stateTypeFromName(const std::string& name) {
  static const std::pair<const char*, StateType> kTypes[] = {
      {"Pass", StateType::Pass},       {"Task", StateType::Task},     {"Choice", StateType::Choice},
      {"Wait", StateType::Wait},       {"Succeed", StateType::Succeed}, {"Fail", StateType::Fail},
      {"Parallel", StateType::Parallel}, {"Map", StateType::Map}};
  for (const auto& [n, t] : kTypes)
    if (name == n) return t;
  return std::nullopt;
}

QueryLanguage queryLanguageOf(const JNode& obj, QueryLanguage inherited) {
  std::string ql = stringField(obj, "QueryLanguage");
  if (ql == "JSONata") return QueryLanguage::JSONata;
  if (ql == "JSONPath") return QueryLanguage::JSONPath;
  return inherited;
}

std::vector<std::string> stringList(const JNode* node) {
  std::vector<std::string> out;
  if (!node || !node->isArray()) return out;
  for (const JNode& e : node->elements)
    if (e.isString()) out.push_back(e.str());
  return out;
}

double numberOr(const JNode* node, double fallback) {
  return node && node->isNumber() ? node->scalar.get<double>() : fallback;
}

std::vector<ast::Retrier> parseRetry(const JNode* list) {
  std::vector<ast::Retrier> out;
  if (!list || !list->isArray()) return out;
  for (const JNode& r : list->elements) {
    if (!r.isObject()) continue;
    ast::Retrier retrier;
    retrier.errorEquals = stringList(r.get("ErrorEquals"));
    retrier.intervalSeconds = numberOr(r.get("IntervalSeconds"), 1);
    retrier.maxAttempts = static_cast<int64_t>(numberOr(r.get("MaxAttempts"), 3));
    retrier.backoffRate = numberOr(r.get("BackoffRate"), 2);
    if (const JNode* d = r.get("MaxDelaySeconds"); d && d->isNumber())
      retrier.maxDelaySeconds = static_cast<int64_t>(d->scalar.get<double>());
    retrier.fullJitter = stringField(r, "JitterStrategy") == "FULL";
    out.push_back(std::move(retrier));
  }
  return out;
}

std::vector<ast::Catcher> parseCatch(const JNode* list) {
  std::vector<ast::Catcher> out;
  if (!list || !list->isArray()) return out;
  for (const JNode& c : list->elements) {
    if (!c.isObject()) continue;
    ast::Catcher catcher;
    catcher.errorEquals = stringList(c.get("ErrorEquals"));
    catcher.next = stringField(c, "Next");
    catcher.resultPath = pathField(c, "ResultPath");
    catcher.output = c.get("Output");
    catcher.assign = c.get("Assign");
    out.push_back(std::move(catcher));
  }
  return out;
}

ast::ChoiceRule parseRule(const JNode& r);

std::vector<ast::ChoiceRule> parseRules(const JNode* list) {
  std::vector<ast::ChoiceRule> out;
  if (!list || !list->isArray()) return out;
  for (const JNode& r : list->elements)
    if (r.isObject()) out.push_back(parseRule(r));
  return out;
}

ast::ChoiceRule parseRule(const JNode& r) {
  ast::ChoiceRule rule;
  rule.offset = r.begin;
  rule.node = &r;
  rule.next = stringField(r, "Next");
  if (const JNode* c = r.get("Condition")) {
    rule.kind = ast::ChoiceRule::Kind::Condition;
    rule.condition = c;
    return rule;
  }
  if (const JNode* list = r.get("And")) {
    rule.kind = ast::ChoiceRule::Kind::And;
    rule.children = parseRules(list);
    return rule;
  }
  if (const JNode* list = r.get("Or")) {
    rule.kind = ast::ChoiceRule::Kind::Or;
    rule.children = parseRules(list);
    return rule;
  }
  if (const JNode* inner = r.get("Not"); inner && inner->isObject()) {
    rule.kind = ast::ChoiceRule::Kind::Not;
    rule.children.push_back(parseRule(*inner));
    return rule;
  }
  rule.variable = stringField(r, "Variable");
  for (const JMember& m : r.members) {
    if (m.key == "Variable" || m.key == "Next" || m.key == "Comment" || m.key == "Assign" || m.key == "Output")
      continue;
    rule.op = m.key;
    rule.operand = m.value.toJson();
    if (m.key.size() > 4 && m.key.compare(m.key.size() - 4, 4, "Path") == 0 && m.key.rfind("Is", 0) != 0) {
      rule.op = m.key.substr(0, m.key.size() - 4);
      rule.isPath = true;
    }
  }
  return rule;
}

std::unique_ptr<ast::StateMachine> buildMachine(const JNode& obj, QueryLanguage inherited);

void parseMapFields(const JNode& s, ast::State& st) {
  const JNode* processor = s.get("ItemProcessor");
  if (!processor) processor = s.get("Iterator");
  if (processor && processor->isObject()) {
    st.itemProcessor = buildMachine(*processor, st.queryLanguage);
    st.processorConfig = processor->get("ProcessorConfig");
  }
  st.itemsPath = pathField(s, "ItemsPath");
  st.items = s.get("Items");
  st.itemSelector = s.get("ItemSelector");
  if (!st.itemSelector && !st.parameters) st.itemSelector = nullptr;
  st.maxConcurrency = s.get("MaxConcurrency");
  st.maxConcurrencyPath = pathField(s, "MaxConcurrencyPath");
  st.itemReader = s.get("ItemReader");
  st.itemBatcher = s.get("ItemBatcher");
  st.resultWriter = s.get("ResultWriter");
  st.toleratedFailurePercentage = s.get("ToleratedFailurePercentage");
  st.toleratedFailureCount = s.get("ToleratedFailureCount");
  st.label = stringField(s, "Label");
}

void parseTypeFields(const JNode& s, ast::State& st) {
  st.resource = stringField(s, "Resource");
  st.timeoutSeconds = s.get("TimeoutSeconds");
  st.timeoutSecondsPath = pathField(s, "TimeoutSecondsPath");
  st.heartbeatSeconds = s.get("HeartbeatSeconds");
  st.heartbeatSecondsPath = pathField(s, "HeartbeatSecondsPath");
  st.credentials = s.get("Credentials");
  st.seconds = s.get("Seconds");
  st.secondsPath = pathField(s, "SecondsPath");
  st.timestamp = s.get("Timestamp");
  st.timestampPath = pathField(s, "TimestampPath");
  st.error = s.get("Error");
  st.cause = s.get("Cause");
  st.errorPath = pathField(s, "ErrorPath");
  st.causePath = pathField(s, "CausePath");
  st.choices = parseRules(s.get("Choices"));
  st.defaultNext = stringField(s, "Default");
  if (const JNode* branches = s.get("Branches"); branches && branches->isArray())
    for (const JNode& b : branches->elements)
      if (b.isObject()) st.branches.push_back(buildMachine(b, st.queryLanguage));
  if (st.type == StateType::Map) parseMapFields(s, st);
}

ast::State buildState(const JMember& member, QueryLanguage inherited) {
  const JNode& s = member.value;
  ast::State st;
  st.name = member.key;
  st.offset = member.keyOffset;
  st.node = &s;
  st.type = stateTypeFromName(stringField(s, "Type")).value_or(StateType::Pass);
  st.queryLanguage = queryLanguageOf(s, inherited);
  st.comment = stringField(s, "Comment");
  st.next = stringField(s, "Next");
  const JNode* end = s.get("End");
  st.end = end && end->isBool() && end->scalar.get<bool>();
  st.inputPath = pathField(s, "InputPath");
  st.outputPath = pathField(s, "OutputPath");
  st.resultPath = pathField(s, "ResultPath");
  st.parameters = s.get("Parameters");
  st.resultSelector = s.get("ResultSelector");
  st.result = s.get("Result");
  st.arguments = s.get("Arguments");
  st.output = s.get("Output");
  st.assign = s.get("Assign");
  parseTypeFields(s, st);
  st.retry = parseRetry(s.get("Retry"));
  st.catchers = parseCatch(s.get("Catch"));
  return st;
}

std::unique_ptr<ast::StateMachine> buildMachine(const JNode& obj, QueryLanguage inherited) {
  auto machine = std::make_unique<ast::StateMachine>();
  machine->startAt = stringField(obj, "StartAt");
  machine->comment = stringField(obj, "Comment");
  machine->queryLanguage = queryLanguageOf(obj, inherited);
  if (const JNode* t = obj.get("TimeoutSeconds"); t && t->isNumber())
    machine->timeoutSeconds = static_cast<int64_t>(t->scalar.get<double>());
  if (const JNode* states = obj.get("States"); states && states->isObject())
    for (const JMember& m : states->members)
      if (m.value.isObject()) machine->states.push_back(buildState(m, machine->queryLanguage));
  return machine;
}

}  // namespace

const ast::State* ast::StateMachine::find(const std::string& name) const {
  for (const State& s : states)
    if (s.name == name) return &s;
  return nullptr;
}

const char* ast::stateTypeName(StateType type) {
  switch (type) {
    case StateType::Pass: return "Pass";
    case StateType::Task: return "Task";
    case StateType::Choice: return "Choice";
    case StateType::Wait: return "Wait";
    case StateType::Succeed: return "Succeed";
    case StateType::Fail: return "Fail";
    case StateType::Parallel: return "Parallel";
    case StateType::Map: return "Map";
  }
  return "?";
}

std::unique_ptr<ast::Definition> parseDefinition(const SourceBuffer& source, Diagnostics& diags) {
  std::optional<JNode> tree = loadJson(source, diags);
  if (!tree) return nullptr;
  validateDefinition(*tree, diags);
  if (diags.hasErrors()) return nullptr;
  auto def = std::make_unique<ast::Definition>();
  def->tree = std::move(*tree);
  def->machine = buildMachine(def->tree, QueryLanguage::JSONPath);
  return def;
}

}  // namespace aslc
