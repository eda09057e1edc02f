// Payload templates (Parameters, ResultSelector, ItemSelector, Assign and
// Credentials in JSONPath states): a key ending in ".$" takes a path or an
// intrinsic function call, and "a" and "a.$" cannot both appear.
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
#include <string>
#include <unordered_set>
#include <vector>

#include "aslc/frontend/validate.h"

#ifdef ASLC_HAVE_JSONPATH
#include "aslrt/payload_template.h"
#endif

namespace aslc::validate_detail {
namespace {

bool endsWithDollar(const std::string& key) {
  return key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0;
}

void checkDynamicValue(Checker& ck, const JMember& m, const std::string& pointer) {
  const JNode& v = m.value;
  if (deferToken(ck, v, pointer)) return;
  if (!v.isString()) {
    ck.error(v.begin, "payload-template-path",
             "'" + m.key +
                 "' ends in '.$', so its value must be a path or an intrinsic function "
                 "call string, not a " +
                 std::string(kindName(v.kind)),
             pointer);
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
             "'" + m.key +
                 "' ends in '.$', so its value must be a path ($...) or an intrinsic "
                 "function call (States....), not '" +
                 text + "'",
             pointer);
    return;
  }
  // (The runtime's view of the whole template is compared once, at the top.)
  std::string why = pathSyntaxError(text, PathKind::Path);
  if (!why.empty())
    ck.error(v.begin, "payload-template-path",
             "'" + m.key + "' is not a valid JSONPath ('" + text + "': " + why + ")", pointer);
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
             "the template has both '" + base + "' and '" + m.key + "', which set the same field",
             pointerJoin(pointer, m.key));
  }
}

void checkTemplateNode(Checker& ck, const JNode& value, const std::string& pointer) {
  if (value.isArray()) {
    for (size_t i = 0; i < value.elements.size(); ++i)
      checkTemplateNode(ck, value.elements[i], pointerJoin(pointer, i));
    return;
  }
  if (!value.isObject()) return;
  checkDuplicateFields(ck, value, pointer);
  for (const JMember& m : value.members) {
    std::string at = pointerJoin(pointer, m.key);
    if (endsWithDollar(m.key))
      checkDynamicValue(ck, m, at);
    else
      checkTemplateNode(ck, m.value, at);
  }
}

#ifdef ASLC_HAVE_JSONPATH
// Follows a JSON pointer inside `root`; the deepest node found on the way.
const JNode& resolvePointer(const JNode& root, std::string_view pointer) {
  const JNode* node = &root;
  while (pointer.size() > 1 && pointer[0] == '/') {
    size_t end = pointer.find('/', 1);
    std::string token(pointer.substr(1, end == std::string_view::npos ? end : end - 1));
    for (size_t at; (at = token.find("~1")) != std::string::npos;) token.replace(at, 2, "/");
    for (size_t at; (at = token.find("~0")) != std::string::npos;) token.replace(at, 2, "~");
    const JNode* next = nullptr;
    if (node->isObject())
      next = node->get(token);
    else if (node->isArray() && !token.empty() &&
             token.find_first_not_of("0123456789") == std::string::npos &&
             std::stoul(token) < node->elements.size())
      next = &node->elements[std::stoul(token)];
    if (!next) break;
    node = next;
    pointer = end == std::string_view::npos ? std::string_view() : pointer.substr(end);
  }
  return *node;
}

// A template this file accepts but the runtime cannot compile is a runtime
// gap, not a user error: warn, so the definition AWS accepts still compiles.
bool safeTemplate(const JNode& value) {
  if (value.isString()) return safeForRuntimeParser(value.str());
  for (const JNode& e : value.elements)
    if (!safeTemplate(e)) return false;
  for (const JMember& m : value.members)
    if (!safeTemplate(m.value)) return false;
  return true;
}

void warnRuntimeTemplateGaps(Checker& ck, const JNode& value, const std::string& pointer) {
  if (!safeTemplate(value)) return;
  std::vector<aslrt::TemplateError> errors;
  if (aslrt::PayloadTemplate::compile(value.toJson(), &errors)) return;
  for (const aslrt::TemplateError& e : errors) {
    const JNode& at = resolvePointer(value, e.pointer);
    ck.warning(at.begin, "template-runtime-unsupported",
               "the runtime's payload template compiler rejects this value: " + e.message,
               pointer + e.pointer);
  }
}
#endif

}  // namespace

void checkPayloadTemplate(Checker& ck, const JNode& value, const std::string& pointer) {
  size_t errorsBefore = ck.errorCount();
  checkTemplateNode(ck, value, pointer);
#ifdef ASLC_HAVE_JSONPATH
  if (ck.errorCount() == errorsBefore) warnRuntimeTemplateGaps(ck, value, pointer);
#else
  (void)errorsBefore;
#endif
}

}  // namespace aslc::validate_detail
