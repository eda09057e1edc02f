// Segment grammar (Jayway): ".name", ".*", "..x" (scan), "[...]" brackets with
// quoted names, indexes, unions, slices, "*" and "?(filter)". Jayway also
// accepts a dot before a bracket ("$.[0]", "$.a.[0]"), so we do too.
#include "path_parser.h"

#include <charconv>

namespace aslrt::jsonpath_detail {

char Cursor::peek(size_t ahead) const {
  size_t p = pos_ + ahead;
  return p < text_.size() ? text_[p] : '\0';
}

bool Cursor::eat(char c) {
  if (atEnd() || text_[pos_] != c) return false;
  ++pos_;
  return true;
}

void Cursor::skipSpaces() {
  while (!atEnd() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
}

bool Cursor::failAt(size_t offset, std::string message) {
  if (!failed_ && error_) *error_ = SyntaxError{offset, std::move(message)};
  failed_ = true;
  return false;
}

namespace {

bool endsDotName(char ch, bool inFilter) {
  if (ch == '\0' || ch == '.' || ch == '[' || ch == ' ' || ch == '(') return true;
  if (!inFilter) return false;
  return std::string_view(")=!<>&|,\t").find(ch) != std::string_view::npos;
}

bool parseDotName(Cursor& c, bool inFilter, Segment* seg) {
  std::string name;
  while (!c.atEnd() && !endsDotName(c.peek(), inFilter)) {
    name += c.peek();
    c.advance();
  }
  if (name.empty()) return c.fail("expected a property name");
  if (c.peek() == '(') return c.fail("JSONPath functions are not supported");
  seg->kind = SegmentKind::Property;
  seg->names.push_back(std::move(name));
  return true;
}

bool parseInteger(Cursor& c, int64_t* out) {
  c.skipSpaces();
  std::string_view rest = c.rest();
  auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), *out);
  if (ec != std::errc() || ptr == rest.data()) return c.fail("expected an integer");
  c.advance(static_cast<size_t>(ptr - rest.data()));
  c.skipSpaces();
  return true;
}

bool parseNameList(Cursor& c, Segment* seg) {
  seg->kind = SegmentKind::Property;
  seg->quote = c.peek();
  do {
    c.skipSpaces();
    std::string name;
    if (!parseQuoted(c, &name)) return false;
    seg->names.push_back(std::move(name));
    c.skipSpaces();
  } while (c.eat(','));
  return true;
}

bool parseSliceTail(Cursor& c, Segment* seg) {
  seg->kind = SegmentKind::Slice;
  c.skipSpaces();
  if (c.peek() == ']') return true;
  int64_t to = 0;
  if (!parseInteger(c, &to)) return false;
  seg->to = to;
  return true;
}

bool parseIndexesOrSlice(Cursor& c, Segment* seg) {
  c.skipSpaces();
  if (c.eat(':')) return parseSliceTail(c, seg);
  int64_t first = 0;
  if (!parseInteger(c, &first)) return false;
  if (c.eat(':')) {
    seg->from = first;
    return parseSliceTail(c, seg);
  }
  seg->kind = SegmentKind::Index;
  seg->indexes.push_back(first);
  while (c.eat(',')) {
    int64_t next = 0;
    if (!parseInteger(c, &next)) return false;
    seg->indexes.push_back(next);
  }
  return true;
}

bool parseBracketBody(Cursor& c, Segment* seg) {
  c.skipSpaces();
  char ch = c.peek();
  if (ch == '*') {
    c.advance();
    seg->kind = SegmentKind::Wildcard;
    return true;
  }
  if (ch == '?') {
    c.advance();
    if (!c.eat('(')) return c.fail("expected '(' after '?'");
    seg->kind = SegmentKind::Filter;
    seg->filter = parseFilterBody(c);
    return seg->filter != nullptr;
  }
  if (ch == '\'' || ch == '"') return parseNameList(c, seg);
  if (ch == '-' || ch == ':' || (ch >= '0' && ch <= '9')) return parseIndexesOrSlice(c, seg);
  return c.fail("unexpected character in brackets");
}

bool parseBracket(Cursor& c, Segment* seg) {
  if (!parseBracketBody(c, seg)) return false;
  c.skipSpaces();
  if (!c.eat(']')) return c.fail("expected ']'");
  return true;
}

// After "." or "..": a name, "*" or a bracket.
bool parseAfterDot(Cursor& c, bool inFilter, Segment* seg) {
  if (c.eat('*')) {
    seg->kind = SegmentKind::Wildcard;
    return true;
  }
  if (c.eat('[')) return parseBracket(c, seg);
  return parseDotName(c, inFilter, seg);
}

bool parseOneSegment(Cursor& c, bool inFilter, Segment* seg) {
  if (c.eat('[')) return parseBracket(c, seg);
  if (!c.eat('.')) return c.fail("expected '.' or '['");
  if (c.eat('.')) seg->deep = true;
  if (c.atEnd()) return c.fail("path must not end with '.' or '..'");
  return parseAfterDot(c, inFilter, seg);
}

}  // namespace

// Jayway unescapes quoted names like Java string literals.
void appendEscaped(Cursor& c, std::string* out) {
  char ch = c.peek();
  c.advance();
  switch (ch) {
    case 'n':
      *out += '\n';
      return;
    case 't':
      *out += '\t';
      return;
    case 'r':
      *out += '\r';
      return;
    case 'b':
      *out += '\b';
      return;
    case 'f':
      *out += '\f';
      return;
    case 'u': {  // \uXXXX, UTF-8 encoded by nlohmann's string parser
      std::string hex(c.rest().substr(0, 4));
      Json decoded = Json::parse("\"\\u" + hex + "\"", nullptr, /*allow_exceptions=*/false);
      if (hex.size() != 4 || !decoded.is_string()) return void(*out += 'u');
      c.advance(4);
      *out += decoded.get<std::string>();
      return;
    }
    default:
      *out += ch;
      return;
  }
}

bool parseQuoted(Cursor& c, std::string* out) {
  char quote = c.peek();
  if (quote != '\'' && quote != '"') return c.fail("expected a quoted name");
  c.advance();
  while (!c.atEnd() && c.peek() != quote) {
    if (c.peek() == '\\' && c.peek(1) != '\0') {
      c.advance();
      appendEscaped(c, out);
      continue;
    }
    *out += c.peek();
    c.advance();
  }
  if (!c.eat(quote)) return c.fail("unterminated quoted name");
  return true;
}

bool parseSegments(Cursor& c, bool inFilter, std::vector<Segment>* out) {
  while (!c.atEnd()) {
    char ch = c.peek();
    if (ch != '.' && ch != '[') {
      if (inFilter) return true;
      return c.fail("unexpected character in path");
    }
    Segment seg;
    if (!parseOneSegment(c, inFilter, &seg)) return false;
    out->push_back(std::move(seg));
  }
  return true;
}

}  // namespace aslrt::jsonpath_detail
