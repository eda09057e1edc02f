// What the compile-time checks on expressions share: finding a state's
// JSONata expressions (without descending into nested machines), the names an
// expression binds itself, its reads of workflow variables, and the source
// offset of a character inside a JSON string.
#include <unordered_set>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

// Fields that hold nested machines (checked as machines of their own) or
// names and comments rather than values.
bool skippedField(const std::string& key) {
  return key == "ItemProcessor" || key == "Iterator" || key == "Branches" || key == "Comment" ||
         key == "Type" || key == "Next" || key == "Default" || key == "Resource" ||
         key == "QueryLanguage" || key == "End" || key == "ErrorEquals";
}

void walkValue(const JNode& value, const std::string& relative, const std::string& pointer,
               const ExpressionVisitor& visit) {
  if (value.isString()) {
    if (isJsonataExpression(value)) visit(value, relative, pointer);
    return;
  }
  if (value.isArray()) {
    for (size_t i = 0; i < value.elements.size(); ++i)
      walkValue(value.elements[i], relative + "/" + std::to_string(i), pointerJoin(pointer, i),
                visit);
    return;
  }
  for (const JMember& m : value.members)
    walkValue(m.value, relative + "/" + m.key, pointerJoin(pointer, m.key), visit);
}

void collectBound(const JxNode& n, std::unordered_set<std::string>& out) {
  using K = JxNode::Kind;
  if (n.kind == K::Binary && n.text == ":=" && !n.kids.empty() && n.kids[0].kind == K::Variable)
    out.insert(std::string(n.kids[0].text));
  if (n.kind == K::Binary && (n.text == "@" || n.text == "#") && n.kids.size() == 2)
    out.insert(std::string(n.kids[1].text));
  if (n.kind == K::Lambda)
    for (size_t i = 0; i + 1 < n.kids.size(); ++i) out.insert(std::string(n.kids[i].text));
  for (const JxNode& k : n.kids) collectBound(k, out);
}

void collectReads(const JxNode& n, const std::unordered_set<std::string>& bound,
                  std::vector<VariableRead>& out) {
  if (n.kind == JxNode::Kind::Variable) {
    std::string name(n.text);
    if (!name.empty() && name != "$" && name != "states" && !bound.count(name) &&
        !isJsonataFunctionName(name))
      out.push_back({name, n.at});
    return;
  }
  // The bound side of ':=' and the parameter list of a lambda are no reads.
  size_t first = 0;
  if (n.kind == JxNode::Kind::Binary && (n.text == ":=" || n.text == "@" || n.text == "#"))
    first = n.text == ":=" ? 1 : 0;
  size_t last = n.kids.size();
  if (n.kind == JxNode::Kind::Binary && (n.text == "@" || n.text == "#")) last = 1;
  if (n.kind == JxNode::Kind::Lambda && !n.kids.empty()) first = n.kids.size() - 1;
  for (size_t i = first; i < last; ++i) collectReads(n.kids[i], bound, out);
}

bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// "$name..." at `i` (after the '$'): the name, or empty.
std::string variableAt(std::string_view text, size_t i) {
  if (i >= text.size() || !identStart(text[i])) return {};
  size_t end = i;
  while (end < text.size() && identChar(text[end])) ++end;
  return std::string(text.substr(i, end - i));
}

}  // namespace

// JSONata's built-in functions and the ones AWS adds: `$sum` names a
// function, not a workflow variable.
bool isJsonataFunctionName(std::string_view name) {
  static const std::unordered_set<std::string_view> kNames = {
      "sum", "count", "max", "min", "average", "string", "substring", "substringBefore",
      "substringAfter", "uppercase", "lowercase", "length", "trim", "pad", "contains", "split",
      "join", "match", "replace", "now", "millis", "fromMillis", "toMillis", "formatNumber",
      "formatBase", "formatInteger", "parseInteger", "number", "abs", "floor", "ceil", "round",
      "power", "sqrt", "random", "boolean", "not", "exists", "keys", "lookup", "spread", "merge",
      "sift", "each", "error", "assert", "type", "sort", "reverse", "shuffle", "distinct", "zip",
      "append", "map", "filter", "single", "reduce", "base64encode", "base64decode",
      "encodeUrlComponent", "encodeUrl", "decodeUrlComponent", "decodeUrl", "eval", "clone",
      // AWS Step Functions' own
      "partition", "range", "hash", "uuid", "parse"};
  return kNames.count(name) > 0;
}

void forEachStateExpression(const JNode& state, const std::string& pointer,
                            const ExpressionVisitor& visit) {
  for (const JMember& m : state.members) {
    if (skippedField(m.key)) continue;
    walkValue(m.value, m.key, pointerJoin(pointer, m.key), visit);
  }
}

std::unordered_set<std::string> jsonataBoundNames(const JxNode& root) {
  std::unordered_set<std::string> out;
  collectBound(root, out);
  return out;
}

std::vector<VariableRead> jsonataVariableReads(const JxNode& root) {
  std::vector<VariableRead> out;
  collectReads(root, jsonataBoundNames(root), out);
  return out;
}

std::vector<VariableRead> jsonPathVariableReads(std::string_view text) {
  std::vector<VariableRead> out;
  if (text.size() > 1 && text[0] == '$') {
    std::string name = variableAt(text, 1);
    if (!name.empty()) out.push_back({name, 0});
    return out;
  }
  if (!looksLikeIntrinsic(text)) return out;
  // Intrinsic arguments: a '$' outside a quoted string that opens a name.
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '\'') quoted = !quoted;
    if (quoted || c != '$') continue;
    std::string name = variableAt(text, i + 1);
    if (!name.empty()) out.push_back({name, i});
  }
  return out;
}

uint32_t offsetInString(const JNode& value, size_t index) {
  // Without escapes the source text between the quotes is the value itself.
  if (!value.isString() || value.end < value.begin + 2 ||
      value.end - value.begin - 2 != value.str().size() || index >= value.str().size())
    return value.begin;
  return value.begin + 1 + static_cast<uint32_t>(index);
}

}  // namespace aslc::validate_detail
