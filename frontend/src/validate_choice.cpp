// Choice rules. JSONPath rules test a Variable with exactly one comparison
// operator, or combine rules with And/Or/Not; JSONata rules have a Condition.
// Only top-level rules transition (Next); a Choice state cannot End.
// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
#include <string_view>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

// The operand kind each comparison operator takes ('s' string, 'n' number,
// 'b' boolean, 't' timestamp string); "...Path" variants take a path.
struct Operator {
  const char* name;
  char operand;
};

constexpr Operator kOperators[] = {
    {"StringEquals", 's'},
    {"StringLessThan", 's'},
    {"StringGreaterThan", 's'},
    {"StringLessThanEquals", 's'},
    {"StringGreaterThanEquals", 's'},
    {"StringMatches", 's'},
    {"NumericEquals", 'n'},
    {"NumericLessThan", 'n'},
    {"NumericGreaterThan", 'n'},
    {"NumericLessThanEquals", 'n'},
    {"NumericGreaterThanEquals", 'n'},
    {"BooleanEquals", 'b'},
    {"TimestampEquals", 't'},
    {"TimestampLessThan", 't'},
    {"TimestampGreaterThan", 't'},
    {"TimestampLessThanEquals", 't'},
    {"TimestampGreaterThanEquals", 't'},
    {"IsNull", 'b'},
    {"IsPresent", 'b'},
    {"IsNumeric", 'b'},
    {"IsString", 'b'},
    {"IsBoolean", 'b'},
    {"IsTimestamp", 'b'},
};

// Returns the operator named by `key` ("...Path" variants set *isPath).
const Operator* findOperator(std::string_view key, bool* isPath) {
  *isPath = key.size() > 4 && key.substr(key.size() - 4) == "Path";
  std::string_view base = *isPath ? key.substr(0, key.size() - 4) : key;
  for (const Operator& op : kOperators)
    if (base == op.name && !(*isPath && base.substr(0, 2) == "Is")) return &op;
  return nullptr;
}

struct RuleCtx {
  StateCtx& s;
  bool topLevel;
};

void checkRule(RuleCtx& r, const JNode& rule, const std::string& pointer);

bool operandMatches(const Operator& op, const JNode& v) {
  switch (op.operand) {
    case 's': return v.isString();
    case 'n': return v.isNumber();
    case 'b': return v.isBool();
    case 't': return v.isString() && isRfc3339Timestamp(v.str());
  }
  return false;
}

void checkOperand(RuleCtx& r, const JMember& m, const Operator& op, bool isPath,
                  const std::string& at) {
  if (isPath) {
    checkPathValue(r.s.ck, m.value, PathKind::ValuePath, at, "path-syntax", "'" + m.key + "'");
    return;
  }
  if (operandMatches(op, m.value) || deferToken(r.s.ck, m.value, at)) return;
  const char* want = op.operand == 's'   ? "a string"
                     : op.operand == 'n' ? "a number"
                     : op.operand == 'b' ? "a boolean"
                                         : "an RFC 3339 timestamp string";
  r.s.ck.error(m.value.begin, op.operand == 't' ? "timestamp-format" : "schema-type",
               "'" + m.key + "' must be " + std::string(want), at);
}

void checkCombinator(RuleCtx& r, const JMember& m, const std::string& at) {
  RuleCtx nested{r.s, false};
  if (m.key == "Not") {
    if (expectKind(r.s.ck, m.value, JNode::Kind::Object, at, "'Not'"))
      checkRule(nested, m.value, at);
    return;
  }
  if (!expectKind(r.s.ck, m.value, JNode::Kind::Array, at, ("'" + m.key + "'").c_str())) return;
  if (m.value.elements.empty())
    r.s.ck.error(m.value.begin, "schema-non-empty", "'" + m.key + "' needs at least one rule", at);
  for (size_t i = 0; i < m.value.elements.size(); ++i) {
    const JNode& sub = m.value.elements[i];
    std::string subAt = pointerJoin(at, i);
    if (expectKind(r.s.ck, sub, JNode::Kind::Object, subAt, "a Choice rule"))
      checkRule(nested, sub, subAt);
  }
}

// Returns true when `m` is a field a rule may have besides its test.
bool checkRuleField(RuleCtx& r, const JMember& m, const std::string& at) {
  if (m.key == "Comment") return expectKind(r.s.ck, m.value, JNode::Kind::String, at, "'Comment'");
  if (m.key == "Next" || m.key == "Assign" || (m.key == "Output" && r.s.jsonata())) {
    if (r.topLevel) return true;
    r.s.ck.error(m.keyOffset, "field-not-allowed",
                 "'" + m.key + "' is only allowed in a top-level Choice rule", at);
    return true;
  }
  if (m.key == "End") {
    r.s.ck.error(m.keyOffset, "choice-rule-end",
                 "a Choice rule cannot have 'End'; a Choice state always moves on with 'Next' "
                 "or 'Default'",
                 at);
    return true;
  }
  return false;
}

// JSONata: { "Condition": true | "{% ... %}", "Next": ... }.
void checkJsonataRule(RuleCtx& r, const JNode& rule, const std::string& pointer) {
  for (const JMember& m : rule.members) {
    std::string at = pointerJoin(pointer, m.key);
    if (checkRuleField(r, m, at)) continue;
    if (m.key == "Condition") {
      if (m.value.isBool()) continue;
      if (m.value.isString())
        checkJsonataString(r.s.ck, m.value, at);
      else
        r.s.ck.error(m.value.begin, "schema-type",
                     "'Condition' must be a JSONata expression or a boolean", at);
      continue;
    }
    r.s.ck.error(m.keyOffset, "schema-unknown-field",
                 "'" + m.key + "' is not a field of a JSONata Choice rule (use 'Condition')", at);
  }
  if (!rule.member("Condition"))
    r.s.ck.error(rule.begin, "schema-required-field", "a JSONata Choice rule needs 'Condition'",
                 pointer);
}

bool isCombinator(const std::string& key) { return key == "And" || key == "Or" || key == "Not"; }

// Checks every field of a JSONPath rule; returns its test (operator or
// combinator), or null when it has none. A second test is an error.
const JMember* checkRuleTests(RuleCtx& r, const JNode& rule, const std::string& pointer) {
  const JMember* test = nullptr;
  for (const JMember& m : rule.members) {
    std::string at = pointerJoin(pointer, m.key);
    if (checkRuleField(r, m, at) || m.key == "Variable") continue;
    bool isPath = false;
    const Operator* op = findOperator(m.key, &isPath);
    if (!op && !isCombinator(m.key)) {
      r.s.ck.error(m.keyOffset, "schema-unknown-field",
                   "'" + m.key + "' is not a comparison operator or Choice rule field", at);
      continue;
    }
    if (test) {
      r.s.ck.error(m.keyOffset, "choice-rule-multiple-operators",
                   "a Choice rule can have only one comparison operator, and it already has '" +
                       test->key + "'",
                   at);
      continue;
    }
    test = &m;
    if (op)
      checkOperand(r, m, *op, isPath, at);
    else
      checkCombinator(r, m, at);
  }
  return test;
}

// A comparison needs 'Variable'; And/Or/Not must not have one.
void checkJsonPathRule(RuleCtx& r, const JNode& rule, const std::string& pointer) {
  const JMember* test = checkRuleTests(r, rule, pointer);
  if (!test) {
    r.s.ck.error(rule.begin, "schema-required-field",
                 "a Choice rule needs a comparison operator (or And, Or, Not)", pointer);
    return;
  }
  const JMember* variable = rule.member("Variable");
  std::string at = pointerJoin(pointer, "Variable");
  if (isCombinator(test->key) && variable)
    r.s.ck.error(variable->keyOffset, "field-not-allowed",
                 "a rule with '" + test->key + "' cannot have 'Variable'", at);
  if (!isCombinator(test->key) && !variable)
    r.s.ck.error(rule.begin, "schema-required-field",
                 "a Choice rule with '" + test->key + "' needs 'Variable'", pointer);
  if (!isCombinator(test->key) && variable)
    checkPathValue(r.s.ck, variable->value, PathKind::ValuePath, at, "path-syntax", "'Variable'");
}

void checkRule(RuleCtx& r, const JNode& rule, const std::string& pointer) {
  if (r.s.jsonata())
    checkJsonataRule(r, rule, pointer);
  else
    checkJsonPathRule(r, rule, pointer);
  if (r.topLevel && !rule.member("Next"))
    r.s.ck.error(rule.begin, "schema-required-field", "a top-level Choice rule needs 'Next'",
                 pointer);
}

}  // namespace

void checkChoiceState(StateCtx& s) {
  const JNode* choices = s.get("Choices");
  if (!choices) return;
  if (!expectKind(s.ck, *choices, JNode::Kind::Array, s.at("Choices"), "'Choices'")) return;
  if (choices->elements.empty())
    s.ck.error(choices->begin, "schema-non-empty", "'Choices' needs at least one rule",
               s.at("Choices"));
  RuleCtx r{s, true};
  for (size_t i = 0; i < choices->elements.size(); ++i) {
    const JNode& rule = choices->elements[i];
    std::string at = pointerJoin(s.at("Choices"), i);
    if (expectKind(s.ck, rule, JNode::Kind::Object, at, "a Choice rule")) checkRule(r, rule, at);
  }
}

}  // namespace aslc::validate_detail
