// Payload templates (Parameters, ResultSelector, ItemSelector, Assign and
// Credentials in JSONPath states): a key ending in ".$" takes a path or an
// intrinsic function call, and "a" and "a.$" cannot both appear.
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
#include <unordered_set>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

bool endsWithDollar(const std::string& key) {
  return key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0;
}

void checkDynamicValue(Checker& ck, const JMember& m, const std::string& pointer) {
  const JNode& v = m.value;
  if (!v.isString()) {
    ck.error(v.begin, "payload-template-path",
             "'" + m.key + "' ends in '.$', so its value must be a path or an intrinsic function "
             "call string, not a " + std::string(kindName(v.kind)), pointer);
    return;
  }
  const std::string& text = v.str();
  if (looksLikeIntrinsic(text)) {
    bool badArguments = false;
    std::string why = intrinsicSyntaxError(text, nullptr, &badArguments);
    if (!why.empty())
      ck.error(v.begin, badArguments ? "intrinsic-arguments" : "intrinsic-syntax",
               "'" + m.key + "' holds an invalid intrinsic function call: " + why, pointer);
    return;
  }
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != 0 && first != std::string::npos && looksLikeIntrinsic(text.substr(first))) {
    ck.error(v.begin, "intrinsic-syntax",
             "'" + m.key + "': an intrinsic function call cannot start with blanks", pointer);
    return;
  }
  // A value that is not even shaped like a path or a call gets a plainer message.
  if (text.empty() || text[0] != '$') {
    ck.error(v.begin, "payload-template-path",
             "'" + m.key + "' ends in '.$', so its value must be a path ($...) or an intrinsic "
             "function call (States....), not '" + text + "'", pointer);
    return;
  }
  checkPathValue(ck, v, PathKind::Path, pointer, "payload-template-path", "'" + m.key + "'");
}

void checkDuplicateFields(Checker& ck, const JNode& object, const std::string& pointer) {
  std::unordered_set<std::string> plain;
  for (const JMember& m : object.members)
    if (!endsWithDollar(m.key)) plain.insert(m.key);
  for (const JMember& m : object.members) {
    if (!endsWithDollar(m.key)) continue;
    std::string base = m.key.substr(0, m.key.size() - 2);
    if (!plain.count(base)) continue;
    ck.error(m.keyOffset, "payload-template-duplicate-field",
             "the template has both '" + base + "' and '" + m.key +
                 "', which set the same field", pointerJoin(pointer, m.key));
  }
}

}  // namespace

void checkPayloadTemplate(Checker& ck, const JNode& value, const std::string& pointer) {
  if (value.isArray()) {
    for (size_t i = 0; i < value.elements.size(); ++i)
      checkPayloadTemplate(ck, value.elements[i], pointerJoin(pointer, i));
    return;
  }
  if (!value.isObject()) return;
  checkDuplicateFields(ck, value, pointer);
  for (const JMember& m : value.members) {
    std::string at = pointerJoin(pointer, m.key);
    if (endsWithDollar(m.key)) checkDynamicValue(ck, m, at);
    else checkPayloadTemplate(ck, m.value, at);
  }
}

}  // namespace aslc::validate_detail
