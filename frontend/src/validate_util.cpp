// Small helpers every validator file shares: JSON pointers, state type names,
// type checks that report instead of asserting, and the diagnostics sink.
#include <cmath>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {

namespace {
constexpr std::pair<const char*, StateType> kStateTypes[] = {
    {"Task", kTask},       {"Pass", kPass}, {"Choice", kChoice},     {"Wait", kWait},
    {"Succeed", kSucceed}, {"Fail", kFail}, {"Parallel", kParallel}, {"Map", kMap},
};

std::string shownPointer(const std::string& pointer) { return pointer.empty() ? "/" : pointer; }
}  // namespace

StateType stateTypeFromName(std::string_view name) {
  for (const auto& [text, type] : kStateTypes)
    if (name == text) return type;
  return kNoState;
}

const char* stateTypeName(StateType type) {
  for (const auto& [text, t] : kStateTypes)
    if (t == type) return text;
  return "unknown";
}

std::string pointerJoin(const std::string& base, std::string_view token) {
  std::string out = base;
  out += '/';
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string pointerJoin(const std::string& base, size_t index) {
  return base + "/" + std::to_string(index);
}

void Checker::error(uint32_t offset, const char* rule, const std::string& message,
                    const std::string& pointer) {
  diags_.error(offset, rule, message + " (" + shownPointer(pointer) + ")");
}

void Checker::warning(uint32_t offset, const char* rule, const std::string& message,
                      const std::string& pointer) {
  diags_.warning(offset, rule, message + " (" + shownPointer(pointer) + ")");
}

bool isJsonataExpression(const JNode& value) {
  if (!value.isString()) return false;
  const std::string& s = value.str();
  return s.size() >= 4 && s.compare(0, 2, "{%") == 0 && s.compare(s.size() - 2, 2, "%}") == 0;
}

bool expectKind(Checker& ck, const JNode& value, JNode::Kind kind, const std::string& pointer,
                const char* what) {
  if (value.kind == kind) return true;
  std::string article = kind == JNode::Kind::Object || kind == JNode::Kind::Array ? "an " : "a ";
  if (kind == JNode::Kind::Bool) article = "a ";
  ck.error(value.begin, "schema-type",
           std::string(what) + " must be " + article + kindName(kind) + ", not " +
               (value.isNull() ? "null" : std::string("a ") + kindName(value.kind)),
           pointer);
  return false;
}

void checkEnum(Checker& ck, const JNode& obj, const char* key, std::initializer_list<std::string_view> allowed,
               const std::string& pointer) {
  const JNode* v = obj.get(key);
  if (!v) return;
  if (v->isString())
    for (std::string_view a : allowed)
      if (v->str() == a) return;
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  ck.error(v->begin, "enum-value", std::string("'") + key + "' must be one of " + list, pointerJoin(pointer, key));
}

// Integer-valued fields (TimeoutSeconds, MaxConcurrency...) may hold a JSONata
// expression in a JSONata state; the value is then checked at run time.
void checkIntegerField(StateCtx& s, const char* key, int64_t min, int64_t max) {
  const JNode* v = s.get(key);
  if (!v || deferToken(s.ck, *v, s.at(key))) return;
  if (s.jsonata() && v->isString()) {
    checkJsonataString(s.ck, *v, s.at(key));
    return;
  }
  if (!v->isInteger()) {
    s.ck.error(v->begin, "schema-type", std::string("'") + key + "' must be an integer", s.at(key));
    return;
  }
  double d = v->scalar.get<double>();
  if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
    s.ck.error(v->begin, "numeric-range",
               std::string("'") + key + "' must be between " + std::to_string(min) + " and " +
                   std::to_string(max),
               s.at(key));
  }
}

size_t utf8Length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

bool safeForRuntimeParser(std::string_view text) {
  constexpr size_t kMaxBytes = 16 * 1024;
  constexpr int kMaxNesting = 100;
  if (text.size() > kMaxBytes) return false;
  int depth = 0, bangs = 0;
  for (char c : text) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    bangs = (c == '!' || c == '-') ? bangs + 1 : 0;
    if (depth > kMaxNesting || bangs > kMaxNesting) return false;
  }
  return true;
}

bool deferToken(Checker& ck, const JNode& value, const std::string& pointer) {
  if (!value.isString() || !isWholeSubstitutionToken(value.str())) return false;
  warnUnresolvedToken(ck, value, pointer);
  return true;
}

bool isWholeSubstitutionToken(std::string_view text) {
  return text.size() > 3 && text.substr(0, 2) == "${" && text.back() == '}' &&
         text.find('}') == text.size() - 1;
}

void warnUnresolvedToken(Checker& ck, const JNode& value, const std::string& pointer) {
  std::string shown = value.isString()        ? value.str()
                      : value.members.empty() ? std::string("{}")
                                              : "{\"" + value.members[0].key + "\": ...}";
  ck.warning(value.begin, "unresolved-token",
             "substitution token '" + shown +
                 "' must be replaced by a value of the right type before the machine is deployed",
             pointer);
}

}  // namespace aslc::validate_detail
