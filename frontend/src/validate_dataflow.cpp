// The fields that move data through a state. JSONPath states: InputPath,
// Parameters, ResultSelector, ResultPath, OutputPath (+ Assign); JSONata
// states: Arguments, Output (+ Assign), whose strings may hold {% %}.
#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

// A template may be any JSON value (statelint's and asl-validator's suites
// accept strings and arrays); only objects can hold "key.$" fields.
void checkTemplateField(StateCtx& s, const char* key) {
  if (const JNode* v = s.get(key)) checkPayloadTemplate(s.ck, *v, s.at(key));
}

void checkJsonPathState(StateCtx& s) {
  checkPathField(s, "InputPath", PathKind::Path, true);
  checkPathField(s, "OutputPath", PathKind::Path, true);
  checkPathField(s, "ResultPath", PathKind::ReferencePath, true);
  // These select one value (a number, a timestamp, the items array), so the
  // state-language docs call them reference paths; $$ and variables are fine.
  for (const char* key : {"TimeoutSecondsPath", "HeartbeatSecondsPath", "ItemsPath",
                          "MaxConcurrencyPath", "ToleratedFailureCountPath",
                          "ToleratedFailurePercentagePath", "SecondsPath", "TimestampPath"})
    checkPathField(s, key, PathKind::ValuePath, false);
  for (const char* key : {"Parameters", "ResultSelector", "ItemSelector", "Assign"})
    checkTemplateField(s, key);
}

// A JSONata field holding an object or a whole {% %} expression.
void checkObjectOrExpression(StateCtx& s, const char* key) {
  const JNode* v = s.get(key);
  if (!v) return;
  if (v->isString()) {
    checkJsonataString(s.ck, *v, s.at(key));
    return;
  }
  if (!v->isObject()) {
    s.ck.error(v->begin, "schema-type",
               std::string("'") + key + "' must be an object or a JSONata expression", s.at(key));
    return;
  }
  checkJsonataTemplate(s.ck, *v, s.at(key));
}

void checkJsonataState(StateCtx& s) {
  checkObjectOrExpression(s, "Arguments");
  checkObjectOrExpression(s, "ItemSelector");
  if (const JNode* assign = s.get("Assign"); assign && assign->isObject())
    checkJsonataTemplate(s.ck, *assign, s.at("Assign"));
  // Output takes any JSON value; only its {% %} strings are evaluated.
  if (const JNode* output = s.get("Output")) checkJsonataTemplate(s.ck, *output, s.at("Output"));
}

}  // namespace

void checkDataFlowFields(StateCtx& s) {
  if (s.jsonata()) {
    checkJsonataState(s);
    return;
  }
  checkJsonPathState(s);
}

}  // namespace aslc::validate_detail
