// JSONPath syntax as AWS accepts it. Paths are Jayway-style (filters
// `[?(@.a == 1)]`, `$.[0]`, bracket lists `['a','b']` all occur in working
// definitions). A reference path (ResultPath, Choice Variable) must name a
// single node: no wildcards, filters, slices or deep scans.
// https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
#include <cctype>

#include "aslc/frontend/validate.h"

#ifdef ASLC_HAVE_JSONPATH
#include "aslrt/jsonpath.h"
#endif

namespace aslc::validate_detail {
namespace {

class PathScanner {
 public:
  PathScanner(std::string_view text, PathKind kind) : t_(text), kind_(kind) {}

  std::string run() {
    if (t_.empty()) return "a path cannot be empty";
    if (t_[0] != '$') return "a path must start with '$'";
    std::string why = root();
    while (why.empty() && pos_ < t_.size()) why = segment();
    return why;
  }

 private:
  bool single() const { return kind_ != PathKind::Path; }
  std::string fail(const std::string& what) const {
    return what + " at offset " + std::to_string(pos_);
  }

  // "$", "$$" (the context object) or "$name" (a variable).
  std::string root() {
    pos_ = 1;
    if (pos_ < t_.size() && t_[pos_] == '$') {
      if (kind_ == PathKind::ReferencePath)
        return "a ResultPath cannot use the context object '$$'";
      ++pos_;
      return "";
    }
    if (pos_ < t_.size() &&
        (std::isalpha(static_cast<unsigned char>(t_[pos_])) || t_[pos_] == '_')) {
      if (kind_ == PathKind::ReferencePath) return "a ResultPath cannot reference a variable";
      while (pos_ < t_.size() &&
             (std::isalnum(static_cast<unsigned char>(t_[pos_])) || t_[pos_] == '_'))
        ++pos_;
    }
    return "";
  }

  std::string segment() {
    char c = t_[pos_];
    if (c == '[') return bracket();
    if (c != '.') return fail(std::string("unexpected '") + c + "'");
    ++pos_;
    if (pos_ < t_.size() && t_[pos_] == '.') {
      if (single()) return fail("a reference path cannot use '..'");
      ++pos_;
    }
    if (pos_ >= t_.size()) return fail("a path cannot end with '.'");
    if (t_[pos_] == '[') return bracket();  // Jayway accepts "$.[0]"
    return name();
  }

  std::string name() {
    if (t_[pos_] == '*') {
      ++pos_;
      return single() ? fail("a reference path cannot use '*'") : "";
    }
    size_t start = pos_;
    while (pos_ < t_.size() && t_[pos_] != '.' && t_[pos_] != '[') {
      char c = t_[pos_];
      if (c == ']' || c == '(' || c == ')' || c == '\'' || c == '"' ||
          std::isspace(static_cast<unsigned char>(c)))
        return fail(std::string("unexpected '") + c + "' in a field name");
      ++pos_;
    }
    return pos_ == start ? fail("missing field name") : "";
  }

  std::string bracket() {
    ++pos_;  // '['
    if (pos_ >= t_.size()) return fail("unterminated '['");
    char c = t_[pos_];
    std::string why;
    if (c == '?' || c == '(')
      why = script();
    else if (c == '\'' || c == '"')
      why = quotedList();
    else if (c == '*')
      why = single() ? fail("a reference path cannot use '[*]'") : (++pos_, "");
    else
      why = indexList();
    if (!why.empty()) return why;
    if (pos_ >= t_.size() || t_[pos_] != ']') return fail("expected ']'");
    ++pos_;
    return "";
  }

  // Filters and script expressions: balanced parentheses, quotes respected.
  std::string script() {
    if (single()) return fail("a reference path cannot use a filter expression");
    if (t_[pos_] == '?') ++pos_;
    if (pos_ >= t_.size() || t_[pos_] != '(') return fail("expected '(' after '?'");
    int depth = 0;
    char quote = 0;
    for (; pos_ < t_.size(); ++pos_) {
      char c = t_[pos_];
      if (quote) {
        if (c == '\\')
          ++pos_;
        else if (c == quote)
          quote = 0;
        continue;
      }
      if (c == '\'' || c == '"')
        quote = c;
      else if (c == '(')
        ++depth;
      else if (c == ')' && --depth == 0) {
        ++pos_;
        return "";
      }
    }
    return fail("unbalanced parentheses in a filter");
  }

  std::string quotedList() {
    for (;;) {
      char quote = t_[pos_++];
      while (pos_ < t_.size() && t_[pos_] != quote) pos_ += t_[pos_] == '\\' ? 2 : 1;
      if (pos_ >= t_.size()) return fail("unterminated quoted name");
      ++pos_;
      if (pos_ >= t_.size() || t_[pos_] != ',') return "";
      if (single()) return fail("a reference path cannot select several fields");
      ++pos_;
      while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
      if (pos_ >= t_.size() || (t_[pos_] != '\'' && t_[pos_] != '"'))
        return fail("expected a quoted name");
    }
  }

  // "[3]", "[-1]", "[1:2]", "[0,2]" (only a plain index names a single node).
  std::string indexList() {
    size_t start = pos_;
    bool plain = true;
    while (pos_ < t_.size() && t_[pos_] != ']') {
      char c = t_[pos_];
      if (c == ':' || c == ',')
        plain = false;
      else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != ' ')
        return fail(std::string("unexpected '") + c + "' in an index");
      ++pos_;
    }
    if (pos_ == start) return fail("empty '[]'");
    if (!plain && single()) return fail("a reference path cannot use slices or index lists");
    return "";
  }

  std::string_view t_;
  PathKind kind_;
  size_t pos_ = 0;
};

const char* fieldWord(PathKind kind) {
  switch (kind) {
    case PathKind::Path: return "a valid JSONPath";
    case PathKind::ReferencePath: return "a valid reference path";
    case PathKind::ValuePath: return "a valid reference path";
  }
  return "a valid path";
}

}  // namespace

// AWS ignores trailing blanks ("$$.Execution.Name " runs in deployed samples).
std::string_view trimTrailingBlanks(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// What the runtime's own JSONPath parser says about a path the scanner
// accepted. AWS accepts some Jayway forms (unquoted filter operands such as
// [?(@.a==b)], script indexes [(@.length-1)]) that the runtime cannot parse
// yet; those are warnings, so a definition AWS accepts is never rejected.
static std::string runtimePathGap(std::string_view text, PathKind kind) {
#ifdef ASLC_HAVE_JSONPATH
  aslrt::PathFlavor flavor =
      kind == PathKind::Path ? aslrt::PathFlavor::Path : aslrt::PathFlavor::ReferencePath;
  if (!safeForRuntimeParser(text)) return "";
  aslrt::SyntaxError error;
  if (aslrt::JsonPath::parse(trimTrailingBlanks(text), flavor, &error)) return "";
  return error.message + " at offset " + std::to_string(error.offset);
#else
  (void)text;
  (void)kind;
  return "";
#endif
}

std::string pathSyntaxError(std::string_view text, PathKind kind) {
  return PathScanner(trimTrailingBlanks(text), kind).run();
}

bool checkPathValue(Checker& ck, const JNode& value, PathKind kind, const std::string& pointer,
                    const char* rule, const std::string& what) {
  if (deferToken(ck, value, pointer)) return true;
  if (!value.isString()) {
    ck.error(value.begin, "schema-type", what + " must be a path string", pointer);
    return false;
  }
  std::string why = pathSyntaxError(value.str(), kind);
  if (!why.empty()) {
    ck.error(value.begin, rule,
             what + " is not " + fieldWord(kind) + " ('" + value.str() + "': " + why + ")",
             pointer);
    return false;
  }
  std::string gap = runtimePathGap(value.str(), kind);
  if (!gap.empty())
    ck.warning(value.begin, "path-runtime-unsupported",
               what + " '" + value.str() +
                   "' is accepted by AWS but not yet by the runtime's "
                   "JSONPath parser: " +
                   gap,
               pointer);
  return true;
}

void checkPathField(StateCtx& s, const char* key, PathKind kind, bool nullable) {
  const JNode* v = s.get(key);
  if (!v) return;
  if (v->isNull() && nullable) return;
  if (!v->isString()) {
    s.ck.error(v->begin, "schema-type",
               std::string("'") + key + "' must be a string path" + (nullable ? " or null" : ""),
               s.at(key));
    return;
  }
  checkPathValue(s.ck, *v, kind, s.at(key), "path-syntax", std::string("'") + key + "'");
}

}  // namespace aslc::validate_detail
