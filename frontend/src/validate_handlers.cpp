// Retry and Catch: every retrier and catcher names errors in a non-empty
// ErrorEquals; "States.ALL" must stand alone and in the last one, because
// nothing after it could ever match. Retrier numbers are bounded as AWS says.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
#include <string_view>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

bool isOneOf(std::string_view key, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (key == n) return true;
  return false;
}

// Returns true when this ErrorEquals holds "States.ALL".
bool checkErrorEquals(Checker& ck, const JNode& handler, const std::string& pointer, bool last,
                      const char* list) {
  const JNode* errors = handler.get("ErrorEquals");
  std::string at = pointerJoin(pointer, "ErrorEquals");
  if (!errors) {
    ck.error(handler.begin, "schema-required-field",
             std::string("a ") + list + " entry needs 'ErrorEquals'", pointer);
    return false;
  }
  if (!expectKind(ck, *errors, JNode::Kind::Array, at, "'ErrorEquals'")) return false;
  // The ASL spec asks for a non-empty list, but AWS accepts an empty one
  // (localstack's errorhandling templates, run against AWS); it never matches.
  if (errors->elements.empty())
    ck.warning(errors->begin, "schema-non-empty",
               "'ErrorEquals' is empty, so this entry never matches an error", at);
  bool all = false;
  for (size_t i = 0; i < errors->elements.size(); ++i) {
    const JNode& e = errors->elements[i];
    if (!expectKind(ck, e, JNode::Kind::String, pointerJoin(at, i), "an error name")) continue;
    if (e.str() != "States.ALL") continue;
    all = true;
    if (errors->elements.size() > 1)
      ck.error(e.begin, "states-all-position",
               "'States.ALL' must be the only error name in its 'ErrorEquals'", pointerJoin(at, i));
    if (!last)
      ck.error(e.begin, "states-all-position",
               std::string("'States.ALL' must be in the last ") + list + " entry",
               pointerJoin(at, i));
  }
  return all;
}

void checkNumber(Checker& ck, const JNode& v, const std::string& at, const std::string& key,
                 bool integer, double min, double max) {
  if (deferToken(ck, v, at)) return;
  if (integer ? !v.isInteger() : !v.isNumber()) {
    ck.error(v.begin, "schema-type",
             "'" + key + "' must be " + (integer ? "an integer" : "a number"), at);
    return;
  }
  double d = v.scalar.get<double>();
  if (d >= min && d <= max) return;
  ck.error(v.begin, "numeric-range",
           "'" + key + "' must be between " + std::to_string(static_cast<long long>(min)) +
               " and " + std::to_string(static_cast<long long>(max)),
           at);
}

void checkRetrierField(Checker& ck, const JMember& m, const std::string& at) {
  if (m.key == "IntervalSeconds") return checkNumber(ck, m.value, at, m.key, true, 1, 99999999);
  if (m.key == "MaxAttempts") return checkNumber(ck, m.value, at, m.key, true, 0, 99999999);
  // AWS: BackoffRate is at least 1.0; MaxDelaySeconds is below one year.
  if (m.key == "BackoffRate") return checkNumber(ck, m.value, at, m.key, false, 1, 1e9);
  if (m.key == "MaxDelaySeconds") return checkNumber(ck, m.value, at, m.key, true, 1, 31622400);
  if (m.key == "JitterStrategy") {
    if (m.value.isString() && (m.value.str() == "FULL" || m.value.str() == "NONE")) return;
    ck.error(m.value.begin, "enum-value", "'JitterStrategy' must be \"FULL\" or \"NONE\"", at);
    return;
  }
  if (m.key == "Comment") {
    expectKind(ck, m.value, JNode::Kind::String, at, "'Comment'");
    return;
  }
  if (m.key == "ErrorEquals") return;
  ck.error(m.keyOffset, "schema-unknown-field", "a retrier has no field '" + m.key + "'", at);
}

void checkCatcherField(StateCtx& s, const JMember& m, const std::string& at) {
  if (isOneOf(m.key, {"ErrorEquals", "Next", "Comment", "Assign"})) {
    if (m.key == "Next" || m.key == "Comment")
      expectKind(s.ck, m.value, JNode::Kind::String, at, ("'" + m.key + "'").c_str());
    if (m.key == "Assign" && expectKind(s.ck, m.value, JNode::Kind::Object, at, "'Assign'")) {
      if (s.jsonata())
        checkJsonataTemplate(s.ck, m.value, at);
      else
        checkPayloadTemplate(s.ck, m.value, at);
    }
    return;
  }
  if (m.key == "ResultPath" && !s.jsonata()) {
    if (!m.value.isNull())
      checkPathValue(s.ck, m.value, PathKind::ReferencePath, at, "path-syntax", "'ResultPath'");
    return;
  }
  if (m.key == "Output" && s.jsonata()) return checkJsonataTemplate(s.ck, m.value, at);
  if (m.key == "ResultPath" || m.key == "Output") {
    s.ck.error(m.keyOffset,
               s.jsonata() ? "jsonata-state-jsonpath-field" : "jsonpath-state-jsonata-field",
               "a catcher in a " + std::string(s.jsonata() ? "JSONata" : "JSONPath") +
                   " state cannot have '" + m.key + "'",
               at);
    return;
  }
  s.ck.error(m.keyOffset, "schema-unknown-field", "a catcher has no field '" + m.key + "'", at);
}

// Visits each entry of Retry or Catch that is an object.
template <typename F>
void forEachHandler(StateCtx& s, const char* list, F visit) {
  const JNode* items = s.get(list);
  if (!items) return;
  if (!expectKind(s.ck, *items, JNode::Kind::Array, s.at(list),
                  (std::string("'") + list + "'").c_str()))
    return;
  for (size_t i = 0; i < items->elements.size(); ++i) {
    const JNode& h = items->elements[i];
    std::string at = pointerJoin(s.at(list), i);
    if (!expectKind(s.ck, h, JNode::Kind::Object, at, list[0] == 'R' ? "a retrier" : "a catcher"))
      continue;
    checkErrorEquals(s.ck, h, at, i + 1 == items->elements.size(), list);
    visit(h, at);
  }
}

}  // namespace

void checkRetriers(StateCtx& s) {
  forEachHandler(s, "Retry", [&](const JNode& h, const std::string& at) {
    for (const JMember& m : h.members) checkRetrierField(s.ck, m, pointerJoin(at, m.key));
  });
}

void checkCatchers(StateCtx& s) {
  forEachHandler(s, "Catch", [&](const JNode& h, const std::string& at) {
    for (const JMember& m : h.members) checkCatcherField(s, m, pointerJoin(at, m.key));
    if (!h.member("Next"))
      s.ck.error(h.begin, "schema-required-field", "a catcher needs 'Next'", at);
  });
}

}  // namespace aslc::validate_detail
