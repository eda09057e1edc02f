// Expressions whose result can only have the wrong type: a small inference
// over the JSONata syntax tree (literals, arithmetic, '&', comparisons, known
// functions, blocks and bindings) that knows a type only when it is certain,
// and reports only then. AWS accepts these definitions and fails the state at
// run time with States.QueryEvaluationError (recorded for Items:
// scenarios.base_scenarios.map_state_items_eval_jsonata_fail.*), so they are
// warnings.
#include <cmath>
#include <map>
#include <optional>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

enum : unsigned {
  tNull = 1, tBool = 2, tNumber = 4, tString = 8, tArray = 16, tObject = 32, tFunction = 64,
  tUndefined = 128, tAny = 255
};

struct Type {
  unsigned bits = tAny;
  std::optional<double> number;  // the value, when a numeric constant
};

using Env = std::map<std::string_view, Type>;

unsigned functionResult(std::string_view name) {
  static const std::map<std::string_view, unsigned> kResults = {
      {"string", tString}, {"substring", tString}, {"substringBefore", tString},
      {"substringAfter", tString}, {"uppercase", tString}, {"lowercase", tString},
      {"trim", tString}, {"pad", tString}, {"join", tString}, {"formatNumber", tString},
      {"formatBase", tString}, {"formatInteger", tString}, {"base64encode", tString},
      {"base64decode", tString}, {"encodeUrlComponent", tString}, {"encodeUrl", tString},
      {"decodeUrlComponent", tString}, {"decodeUrl", tString}, {"now", tString},
      {"fromMillis", tString}, {"type", tString}, {"uuid", tString}, {"hash", tString},
      {"length", tNumber}, {"number", tNumber}, {"abs", tNumber}, {"floor", tNumber},
      {"ceil", tNumber}, {"round", tNumber}, {"power", tNumber}, {"sqrt", tNumber},
      {"random", tNumber}, {"sum", tNumber}, {"max", tNumber}, {"min", tNumber},
      {"average", tNumber}, {"count", tNumber}, {"toMillis", tNumber}, {"millis", tNumber},
      {"parseInteger", tNumber}, {"boolean", tBool}, {"not", tBool}, {"exists", tBool},
      {"contains", tBool}};
  auto it = kResults.find(name);
  return it == kResults.end() ? tAny : it->second | tUndefined;
}

class Inference {
 public:
  explicit Inference(const std::unordered_set<std::string>& bound) : bound_(bound) {}

  Type of(const JxNode& n, Env& env) {
    using K = JxNode::Kind;
    switch (n.kind) {
      case K::Number: return {tNumber, std::strtod(std::string(n.text).c_str(), nullptr)};
      case K::String: return {tString, {}};
      case K::Literal: return {n.text == "null" ? tNull : tBool, {}};
      case K::Array: return {tArray, {}};
      case K::Object: return {tObject, {}};
      case K::Lambda: return {tFunction, {}};
      case K::Unary: return negate(of(n.kids[0], env));
      case K::Block: return block(n, env);
      case K::Condition: return condition(n, env);
      case K::Call: return call(n);
      case K::Binary: return binary(n, env);
      case K::Variable: {
        auto it = env.find(n.text);
        return it == env.end() ? Type{} : it->second;
      }
      default: return {};
    }
  }

 private:
  static Type negate(Type t) {
    if (t.bits != tNumber) return {};
    if (t.number) t.number = -*t.number;
    return t;
  }

  // A block's value is its last expression's; bindings stay inside it.
  Type block(const JxNode& n, const Env& outer) {
    if (n.kids.empty()) return {tUndefined, {}};
    Env env = outer;
    Type last;
    for (const JxNode& k : n.kids) last = of(k, env);
    return last;
  }

  Type condition(const JxNode& n, Env& env) {
    if (n.kids.size() < 2) return {};
    Type then = of(n.kids[1], env);
    Type otherwise = n.kids.size() > 2 ? of(n.kids[2], env) : Type{tUndefined, {}};
    return {then.bits | otherwise.bits, {}};
  }

  Type call(const JxNode& n) {
    const JxNode& proc = n.kids[0];
    if (proc.kind != JxNode::Kind::Variable || bound_.count(std::string(proc.text))) return {};
    return {functionResult(proc.text), {}};
  }

  Type binary(const JxNode& n, Env& env) {
    std::string_view op = n.text;
    if (op == ":=") {
      Type t = of(n.kids[1], env);
      if (n.kids[0].kind == JxNode::Kind::Variable) env[n.kids[0].text] = t;
      return t;
    }
    if (op == "&") return {tString, {}};
    if (op == "and" || op == "or") return {tBool, {}};
    if (op == "=" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=" ||
        op == "in")
      return {tBool | tUndefined, {}};
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%")
      return {tNumber | tUndefined, {}};
    return {};
  }

  const std::unordered_set<std::string>& bound_;
};

std::string describe(unsigned bits) {
  static const std::pair<unsigned, const char*> kNames[] = {
      {tNull, "null"},     {tBool, "a boolean"}, {tNumber, "a number"},    {tString, "a string"},
      {tArray, "an array"}, {tObject, "an object"}, {tFunction, "a function"}};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (!(bits & bit)) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

struct Expected {
  const char* field;
  StateType states;
  unsigned bits;
  double min, max;  // for numbers; NaN = no bound
  bool integer;
};

constexpr double kNone = NAN;
const Expected kFields[] = {
    {"Seconds", kWait, tNumber, 0, 99999999, true},
    {"Timestamp", kWait, tString, kNone, kNone, false},
    {"TimeoutSeconds", kTask, tNumber, 1, 99999999, true},
    {"HeartbeatSeconds", kTask, tNumber, 1, 99999999, true},
    {"MaxConcurrency", kMap, tNumber, 0, kNone, true},
    {"ToleratedFailureCount", kMap, tNumber, 0, kNone, true},
    {"ToleratedFailurePercentage", kMap, tNumber, 0, 100, false},
    {"Items", kMap, tArray, kNone, kNone, false},
    {"Error", kFail, tString, kNone, kNone, false},
    {"Cause", kFail, tString, kNone, kNone, false},
};

std::optional<Type> inferExpression(const JNode& value) {
  std::string_view text(value.str());
  std::optional<JxParse> parsed = parseForAnalysis(text.substr(2, text.size() - 4));
  if (!parsed) return std::nullopt;
  std::unordered_set<std::string> bound = jsonataBoundNames(parsed->root);
  Env env;
  return Inference(bound).of(parsed->root, env);
}

std::string shownNumber(double n) {
  if (n == std::floor(n) && std::fabs(n) < 1e15) return std::to_string(static_cast<long long>(n));
  return aslrt::Json(n).dump();
}

const char* const kRunTime = "; AWS accepts the definition and the state fails at run time";

// A function is no JSON value, whatever the field (see jsonata_template.cpp).
bool reportFunction(Checker& ck, const JNode& value, const std::string& pointer, const Type& t) {
  if (t.bits != tFunction) return false;
  ck.warning(value.begin, "jsonata-result-type",
             "'" + value.str() + "' can only return a function, which is no JSON value" +
                 kRunTime + " ('returned an unsupported result type')",
             pointer);
  return true;
}

void checkExpected(Checker& ck, const JNode& value, const std::string& pointer,
                   const char* field, unsigned expected, const Expected* range) {
  std::optional<Type> t = inferExpression(value);
  if (!t || reportFunction(ck, value, pointer, *t)) return;
  unsigned known = t->bits & ~tUndefined;
  if (t->bits != tAny && known && !(known & expected)) {
    ck.warning(value.begin, "jsonata-result-type",
               "'" + std::string(field) + "' must be " + describe(expected) + ", but '" +
                   value.str() + "' can only return " + describe(known) + kRunTime,
               pointer);
    return;
  }
  if (!range || t->bits != tNumber || !t->number) return;
  double n = *t->number;
  bool bad = (range->integer && n != std::floor(n)) || (!std::isnan(range->min) && n < range->min) ||
             (!std::isnan(range->max) && n > range->max);
  if (!bad) return;
  std::string bounds = std::isnan(range->max)
                           ? "at least " + std::to_string(static_cast<long long>(range->min))
                           : "between " + std::to_string(static_cast<long long>(range->min)) +
                                 " and " + std::to_string(static_cast<long long>(range->max));
  ck.warning(value.begin, "jsonata-result-type",
             "'" + std::string(field) + "' must be " + (range->integer ? "an integer " : "") +
                 bounds + ", but '" + value.str() + "' returns " + shownNumber(n) + kRunTime,
             pointer);
}

}  // namespace

void checkResultTypes(StateCtx& s) {
  for (const Expected& e : kFields) {
    const JNode* v = s.get(e.field);
    if ((s.type & e.states) && v && isJsonataExpression(*v))
      checkExpected(s.ck, *v, s.at(e.field), e.field, e.bits, &e);
  }
  if (const JNode* choices = s.type == kChoice ? s.get("Choices") : nullptr;
      choices && choices->isArray()) {
    for (size_t i = 0; i < choices->elements.size(); ++i) {
      const JNode& rule = choices->elements[i];
      const JNode* cond = rule.isObject() ? rule.get("Condition") : nullptr;
      if (cond && isJsonataExpression(*cond))
        checkExpected(s.ck, *cond, pointerJoin(pointerJoin(s.at("Choices"), i), "Condition"),
                      "Condition", tBool, nullptr);
    }
  }
  // Anywhere else (Output, Arguments, Assign...) any JSON value will do.
  forEachStateExpression(s.node(), s.pointer, [&](const JNode& v, const std::string& relative,
                                                  const std::string& pointer) {
    for (const Expected& e : kFields)
      if (relative == e.field && (s.type & e.states)) return;
    if (relative.find("/Condition") != std::string::npos) return;
    if (std::optional<Type> t = inferExpression(v)) reportFunction(s.ck, v, pointer, *t);
  });
}

}  // namespace aslc::validate_detail
