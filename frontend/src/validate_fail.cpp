// Fail states: Error and Cause are strings (JSONata expressions in JSONata
// states); ErrorPath and CausePath are paths or intrinsic calls that return
// a string, which AWS limits to the functions listed below.
// https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

bool returnsString(const std::string& function) {
  for (const char* name :
       {"ArrayGetItem", "Base64Encode", "Base64Decode", "Format", "JsonToString", "Hash", "UUID"})
    if (function == name) return true;
  return false;
}

void checkDynamicText(StateCtx& s, const char* key) {
  const JNode* v = s.get(key);
  if (!v) return;
  if (!v->isString()) {
    s.ck.error(v->begin, "schema-type", std::string("'") + key + "' must be a string", s.at(key));
    return;
  }
  if (!looksLikeIntrinsic(v->str())) {
    checkPathValue(s.ck, *v, PathKind::Path, s.at(key), "path-syntax",
                   std::string("'") + key + "'");
    return;
  }
  std::string function;
  std::string why = intrinsicSyntaxError(v->str(), &function);
  if (why.empty() && !returnsString(function))
    why = "States." + function + " does not return a string";
  if (!why.empty())
    s.ck.error(v->begin, "intrinsic-syntax",
               std::string("'") + key +
                   "' must be a path or an intrinsic function that returns a "
                   "string (ArrayGetItem, Base64Encode, Base64Decode, Format, JsonToString, Hash, "
                   "UUID): " +
                   why,
               s.at(key));
}

void checkStaticText(StateCtx& s, const char* key) {
  const JNode* v = s.get(key);
  if (!v) return;
  if (!v->isString()) {
    s.ck.error(v->begin, "schema-type", std::string("'") + key + "' must be a string", s.at(key));
    return;
  }
  if (s.jsonata()) checkJsonataTemplate(s.ck, *v, s.at(key));
}

}  // namespace

void checkFailState(StateCtx& s) {
  checkStaticText(s, "Error");
  checkStaticText(s, "Cause");
  if (s.jsonata()) return;  // ErrorPath/CausePath are reported as JSONPath-only fields
  checkDynamicText(s, "ErrorPath");
  checkDynamicText(s, "CausePath");
}

}  // namespace aslc::validate_detail
