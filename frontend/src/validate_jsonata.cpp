// Where JSONata may appear and how it is delimited: a JSONata expression is a
// whole string "{% ... %}". AWS accepts it without inner spaces
// ("{% $states.result%}" runs in AWS samples), so only the delimiters matter.
// https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

bool opens(const std::string& s) { return s.size() >= 2 && s.compare(0, 2, "{%") == 0; }
bool closes(const std::string& s) { return s.size() >= 2 && s.compare(s.size() - 2, 2, "%}") == 0; }

void checkExpressionText(Checker& ck, const JNode& value, const std::string& pointer) {
  const std::string& s = value.str();
  std::string inner = s.substr(2, s.size() - 4);
  if (inner.find_first_not_of(" \t\r\n") == std::string::npos) {
    ck.error(value.begin, "jsonata-syntax", "the JSONata expression '" + s + "' is empty", pointer);
    return;
  }
  std::string why = jsonataSyntaxError(inner);
  if (why.empty()) {
    std::string gap = jsonataRuntimeGap(inner);
    if (!gap.empty())
      ck.warning(
          value.begin, "jsonata-runtime-unsupported",
          "'" + s + "' parses as JSONata but the runtime's JSONata compiler rejects it: " + gap,
          pointer);
    return;
  }
  ck.error(value.begin, "jsonata-syntax", "'" + s + "' is not a valid JSONata expression: " + why,
           pointer);
}

// A string with only one of the delimiters is a broken expression, not a literal.
void checkTemplateString(Checker& ck, const JNode& value, const std::string& pointer) {
  const std::string& s = value.str();
  bool open = opens(s), close = closes(s) && s.size() >= 4;
  if (open && close) return checkExpressionText(ck, value, pointer);
  if (!open && !close) return;
  ck.error(value.begin, "jsonata-syntax",
           "a JSONata expression must be enclosed in '{%' and '%}' ('" + s + "' lacks the " +
               (open ? "closing '%}'" : "opening '{%'") + ")",
           pointer);
}

}  // namespace

void checkJsonataString(Checker& ck, const JNode& value, const std::string& pointer) {
  if (!value.isString()) return;
  const std::string& s = value.str();
  if (!opens(s) || !closes(s) || s.size() < 4) {
    ck.error(value.begin, "jsonata-syntax",
             "expected a JSONata expression enclosed in '{%' and '%}', got '" + s + "'", pointer);
    return;
  }
  checkExpressionText(ck, value, pointer);
}

void checkJsonataTemplate(Checker& ck, const JNode& value, const std::string& pointer) {
  if (value.isString()) return checkTemplateString(ck, value, pointer);
  if (value.isArray()) {
    for (size_t i = 0; i < value.elements.size(); ++i)
      checkJsonataTemplate(ck, value.elements[i], pointerJoin(pointer, i));
    return;
  }
  for (const JMember& m : value.members)
    checkJsonataTemplate(ck, m.value, pointerJoin(pointer, m.key));
}

}  // namespace aslc::validate_detail
