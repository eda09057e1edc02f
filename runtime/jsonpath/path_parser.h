// Recursive-descent parser for Jayway-style JSONPath text. Shared by the path
// parser proper and by filter expressions, which embed relative paths.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "aslrt/jsonpath.h"
#include "path_ast.h"

namespace aslrt::jsonpath_detail {

// Reading position in the text plus the first error met (later ones are
// dropped: the first is the one worth reporting).
class Cursor {
 public:
  Cursor(std::string_view text, SyntaxError* error) : text_(text), error_(error) {}
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek(size_t ahead = 0) const;
  bool eat(char c);
  void advance(size_t n = 1) { pos_ += n; }
  void skipSpaces();
  size_t pos() const { return pos_; }
  std::string_view rest() const { return text_.substr(pos_ < text_.size() ? pos_ : text_.size()); }
  bool fail(std::string message) { return failAt(pos_, std::move(message)); }
  bool failAt(size_t offset, std::string message);  // records the error; returns false
  bool failed() const { return failed_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  SyntaxError* error_;
  bool failed_ = false;
};

// Parses segments until the end of the text (or, inFilter, until a character
// that cannot continue a path inside a filter expression).
bool parseSegments(Cursor& c, bool inFilter, std::vector<Segment>* out);
// Parses "[?(...)]" contents: c is just after "?(", consumes the closing ")".
std::shared_ptr<const FilterExpr> parseFilterBody(Cursor& c);
// Parses a quoted string literal ('..' or ".."); c is at the opening quote.
bool parseQuoted(Cursor& c, std::string* out);

}  // namespace aslrt::jsonpath_detail
