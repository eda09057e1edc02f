// Which fields each state type may carry, per query language, and the
// fields that are required or mutually exclusive. The table follows the ASL
// spec's "state type fields" table plus the JSONata field set described in
// https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
// (JSONata states trade InputPath, Parameters, ResultSelector, ResultPath and
// OutputPath for Arguments and Output).
#include <initializer_list>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

enum class Lang { Both, PathOnly, AtaOnly };

struct FieldRule {
  const char* name;
  unsigned states;
  Lang lang;
};

constexpr unsigned kFlowing = kTask | kPass | kWait | kParallel | kMap;  // Next or End
constexpr unsigned kWorkers = kTask | kParallel | kMap;                  // Retry, Catch

constexpr FieldRule kFields[] = {
    {"Type", kAnyState, Lang::Both},
    {"Comment", kAnyState, Lang::Both},
    {"QueryLanguage", kAnyState, Lang::Both},
    {"Next", kFlowing, Lang::Both},
    {"End", kFlowing, Lang::Both},
    {"InputPath", kAnyState & ~kFail, Lang::PathOnly},
    {"OutputPath", kAnyState & ~kFail, Lang::PathOnly},
    {"Parameters", kTask | kPass | kParallel | kMap, Lang::PathOnly},
    {"ResultPath", kTask | kPass | kParallel | kMap, Lang::PathOnly},
    {"ResultSelector", kWorkers, Lang::PathOnly},
    {"Result", kPass, Lang::PathOnly},
    {"Arguments", kTask | kParallel | kMap, Lang::AtaOnly},
    {"Output", kAnyState & ~kFail, Lang::AtaOnly},
    {"Assign", kAnyState & ~(kSucceed | kFail), Lang::Both},
    {"Retry", kWorkers, Lang::Both},
    {"Catch", kWorkers, Lang::Both},
    {"Resource", kTask, Lang::Both},
    {"TimeoutSeconds", kTask, Lang::Both},
    {"TimeoutSecondsPath", kTask, Lang::PathOnly},
    {"HeartbeatSeconds", kTask, Lang::Both},
    {"HeartbeatSecondsPath", kTask, Lang::PathOnly},
    {"Credentials", kTask, Lang::Both},
    {"Choices", kChoice, Lang::Both},
    {"Default", kChoice, Lang::Both},
    {"Seconds", kWait, Lang::Both},
    {"SecondsPath", kWait, Lang::PathOnly},
    {"Timestamp", kWait, Lang::Both},
    {"TimestampPath", kWait, Lang::PathOnly},
    {"Error", kFail, Lang::Both},
    {"ErrorPath", kFail, Lang::PathOnly},
    {"Cause", kFail, Lang::Both},
    {"CausePath", kFail, Lang::PathOnly},
    {"Branches", kParallel, Lang::Both},
    {"Iterator", kMap, Lang::Both},
    {"ItemProcessor", kMap, Lang::Both},
    {"ItemsPath", kMap, Lang::PathOnly},
    {"Items", kMap, Lang::AtaOnly},
    {"ItemSelector", kMap, Lang::Both},
    {"ItemReader", kMap, Lang::Both},
    {"ItemBatcher", kMap, Lang::Both},
    {"ResultWriter", kMap, Lang::Both},
    {"Label", kMap, Lang::Both},
    {"MaxConcurrency", kMap, Lang::Both},
    {"MaxConcurrencyPath", kMap, Lang::PathOnly},
    {"ToleratedFailurePercentage", kMap, Lang::Both},
    {"ToleratedFailurePercentagePath", kMap, Lang::PathOnly},
    {"ToleratedFailureCount", kMap, Lang::Both},
    {"ToleratedFailureCountPath", kMap, Lang::PathOnly},
};

const FieldRule* findRule(const std::string& name) {
  for (const FieldRule& rule : kFields)
    if (name == rule.name) return &rule;
  return nullptr;
}

std::string typeWord(const StateCtx& s) { return std::string(stateTypeName(s.type)) + " state"; }

void checkOneField(StateCtx& s, const JMember& m) {
  const FieldRule* rule = findRule(m.key);
  if (!rule) {
    s.ck.error(m.keyOffset, "schema-unknown-field",
               typeWord(s) + " has unknown field '" + m.key + "'", s.at(m.key));
    return;
  }
  if (!(rule->states & s.type)) {
    s.ck.error(m.keyOffset, "field-not-allowed-for-state-type",
               "a " + typeWord(s) + " cannot have '" + m.key + "'", s.at(m.key));
    return;
  }
  if (rule->lang == Lang::PathOnly && s.jsonata()) {
    s.ck.error(m.keyOffset, "jsonata-state-jsonpath-field",
               "'" + m.key +
                   "' is a JSONPath field; a state whose QueryLanguage is JSONata "
                   "cannot use it",
               s.at(m.key));
  }
  if (rule->lang == Lang::AtaOnly && !s.jsonata()) {
    s.ck.error(m.keyOffset, "jsonpath-state-jsonata-field",
               "'" + m.key + "' is a JSONata field; set \"QueryLanguage\": \"JSONata\" to use it",
               s.at(m.key));
  }
}

// Reports when more than one of `names` is present.
void atMostOne(StateCtx& s, std::initializer_list<const char*> names) {
  const JMember* first = nullptr;
  for (const char* name : names) {
    const JMember* m = s.field(name);
    if (!m) continue;
    if (!first) {
      first = m;
      continue;
    }
    s.ck.error(
        m->keyOffset, "mutually-exclusive-fields",
        "a " + typeWord(s) + " may have only one of '" + first->key + "' and '" + m->key + "'",
        s.at(m->key));
  }
}

bool hasAny(const StateCtx& s, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (s.field(name)) return true;
  return false;
}

void requireField(StateCtx& s, const char* name) {
  if (s.field(name)) return;
  s.ck.error(s.member.keyOffset, "schema-required-field",
             "a " + typeWord(s) + " requires the field '" + name + "'", s.pointer);
}

// A state that flows on must say where: "Next" or "End": true, never both.
void checkNextOrEnd(StateCtx& s) {
  if (!(s.type & kFlowing)) return;
  atMostOne(s, {"Next", "End"});
  const JNode* end = s.get("End");
  bool ends = end && end->isBool() && end->scalar.get<bool>();
  if (s.field("Next") || ends) return;
  s.ck.error(s.member.keyOffset, "schema-required-field",
             "state '" + s.member.key + "' needs \"Next\" or \"End\": true", s.pointer);
}

void checkGroups(StateCtx& s) {
  atMostOne(s, {"TimeoutSeconds", "TimeoutSecondsPath"});
  atMostOne(s, {"HeartbeatSeconds", "HeartbeatSecondsPath"});
  atMostOne(s, {"Error", "ErrorPath"});
  atMostOne(s, {"Cause", "CausePath"});
  atMostOne(s, {"Iterator", "ItemProcessor"});
  atMostOne(s, {"Parameters", "ItemSelector"});
  atMostOne(s, {"Items", "ItemsPath"});
  atMostOne(s, {"MaxConcurrency", "MaxConcurrencyPath"});
  atMostOne(s, {"ToleratedFailureCount", "ToleratedFailureCountPath"});
  atMostOne(s, {"ToleratedFailurePercentage", "ToleratedFailurePercentagePath"});
  if (s.type == kWait) {
    atMostOne(s, {"Seconds", "SecondsPath", "Timestamp", "TimestampPath"});
    if (!hasAny(s, {"Seconds", "SecondsPath", "Timestamp", "TimestampPath"}))
      s.ck.error(s.member.keyOffset, "schema-required-field",
                 "a Wait state needs one of 'Seconds', 'SecondsPath', 'Timestamp' or "
                 "'TimestampPath'",
                 s.pointer);
  }
}

void checkRequired(StateCtx& s) {
  if (s.type == kTask) requireField(s, "Resource");
  if (s.type == kChoice) requireField(s, "Choices");
  if (s.type == kParallel) requireField(s, "Branches");
  if (s.type == kMap && !hasAny(s, {"Iterator", "ItemProcessor"}))
    s.ck.error(s.member.keyOffset, "schema-required-field",
               "a Map state requires 'ItemProcessor' (or the older 'Iterator')", s.pointer);
}

}  // namespace

void checkStateFields(StateCtx& s) {
  for (const JMember& m : s.node().members) checkOneField(s, m);
  checkNextOrEnd(s);
  checkGroups(s);
  checkRequired(s);
}

}  // namespace aslc::validate_detail
