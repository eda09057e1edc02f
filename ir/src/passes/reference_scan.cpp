#include "reference_scan.h"

#include <cctype>

#include "jsonata_template.h"

namespace aslc::ir::passes {

bool endsWithDollar(const std::string& key) { return key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0; }

namespace {

// JSONata functions that always give the same result for the same arguments.
// Excluded on purpose: $now, $millis, $random, $uuid, $shuffle (time and
// randomness) and $eval (evaluates text we cannot see).
const std::set<std::string>& pureFunctions() {
  static const std::set<std::string> names = {
      "count", "append", "reverse", "sort", "zip", "distinct", "fromMillis", "toMillis", "base64encode",
      "base64decode", "encodeUrlComponent", "encodeUrl", "decodeUrlComponent", "decodeUrl", "map", "filter",
      "single", "reduce", "number", "abs", "floor", "ceil", "sqrt", "power", "round", "sum", "max", "min",
      "average", "keys", "lookup", "spread", "merge", "each", "sift", "boolean", "not", "exists", "type",
      "contains", "split", "match", "replace", "string", "substring", "substringBefore",
      "substringAfter", "lowercase", "uppercase", "length", "trim", "pad", "join", "formatInteger",
      "parseInteger", "formatNumber", "formatBase", "partition", "range", "hash", "parse"};
  return names;
}

bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Skips a quoted run starting at text[i] (the quote); returns the index after it.
size_t skipQuoted(std::string_view text, size_t i) {
  char quote = text[i];
  for (++i; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == quote) return i + 1;
  }
  return text.size();
}

void scanTemplateNode(const aslrt::Json& node, References& refs) {
  if (node.is_array())
    for (const aslrt::Json& e : node) scanTemplateNode(e, refs);
  if (!node.is_object()) return;
  for (auto& [key, v] : node.items()) {
    if (!endsWithDollar(key)) scanTemplateNode(v, refs);
    else if (v.is_string()) scanPathText(v.get<std::string>(), refs);
    else refs.opaque = true;
  }
}

// `$states` is foldable only as `$states.input` or `$states.result`.
void statesReference(std::string_view rest, References& refs) {
  auto member = [&](std::string_view m) {
    return rest.substr(0, m.size()) == m && (rest.size() == m.size() || !identChar(rest[m.size()]));
  };
  if (member(".input")) refs.input = true;
  else if (member(".result")) refs.result = true;
  else refs.opaque = true;
}

void scanExpression(std::string_view text, const std::set<std::string>& assignedNames, References& refs) {
  // Lambdas may recurse as deep as the run-time stack budget allows; leave them to run time.
  if (text.find("function") != std::string_view::npos || text.find("\xce\xbb") != std::string_view::npos)
    refs.opaque = true;
  for (size_t i = 0; i < text.size() && !refs.opaque;) {
    char c = text[i];
    if (c == '"' || c == '\'' || c == '`') {
      i = skipQuoted(text, i);
      continue;
    }
    if (c == '/') {  // a regex literal may hold quotes the scan would misread
      refs.opaque = true;
      break;
    }
    ++i;
    if (c != '$') continue;
    size_t start = i;
    while (i < text.size() && identChar(text[i])) ++i;
    std::string name(text.substr(start, i - start));
    if (name.empty()) continue;  // `$` / `$$`: the context value, undefined at the top as at run time
    if (name == "states") statesReference(text.substr(i), refs);
    else if (pureFunctions().count(name) && !assignedNames.count(name)) continue;
    else refs.variables.insert(name);
  }
}

void scanJsonataNode(const aslrt::Json& node, const std::set<std::string>& assignedNames, References& refs) {
  if (node.is_string()) {
    if (std::optional<std::string> text = aslrt::jsonataExpressionText(node.get<std::string>()))
      scanExpression(*text, assignedNames, refs);
    return;
  }
  if (node.is_array() || node.is_object())
    for (const aslrt::Json& e : node) scanJsonataNode(e, assignedNames, refs);
}

}  // namespace

void scanPathText(std::string_view text, References& refs) {
  if (text.find("States.UUID") != std::string_view::npos || text.find("States.MathRandom") != std::string_view::npos)
    refs.opaque = true;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\'' || c == '"') {
      i = skipQuoted(text, i);
      continue;
    }
    ++i;
    if (c != '$') continue;
    if (i < text.size() && text[i] == '$') {
      refs.opaque = true;  // the context object
      return;
    }
    size_t start = i;
    while (i < text.size() && std::string_view(".[ ,)\t").find(text[i]) == std::string_view::npos) ++i;
    if (i == start) refs.input = true;
    else refs.variables.insert(std::string(text.substr(start, i - start)));
  }
}

References scanTemplate(const aslrt::Json& tmpl) {
  References refs;
  scanTemplateNode(tmpl, refs);
  return refs;
}

References scanJsonata(const aslrt::Json& value, const std::set<std::string>& assignedNames) {
  References refs;
  scanJsonataNode(value, assignedNames, refs);
  return refs;
}

bool looksLikeTemplate(const aslrt::Json& value, bool jsonata) {
  if (value.is_string()) return jsonata && aslrt::jsonataExpressionText(value.get<std::string>()).has_value();
  if (value.is_array())
    for (const aslrt::Json& e : value)
      if (looksLikeTemplate(e, jsonata)) return true;
  if (!value.is_object()) return false;
  for (auto& [key, v] : value.items())
    if ((!jsonata && endsWithDollar(key)) || looksLikeTemplate(v, jsonata)) return true;
  return false;
}

}  // namespace aslc::ir::passes
