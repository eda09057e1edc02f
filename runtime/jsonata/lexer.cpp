// JSONata tokenizer: operators, names, variables, literals, regexes, comments.
#include "lexer.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "aslrt/hex.h"
#include "errors.h"
#include "utf8.h"

namespace aslrt::jsonata {

bool isOperatorChar(char c) { return c != 0 && std::strchr(".[]{}(),@#;:?+-*/%|=<>^&!~", c); }

static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'; }

void Lexer::skipSpaceAndComments() {
  for (;;) {
    while (pos_ < src_.size() && isSpace(src_[pos_])) ++pos_;
    if (src_.substr(pos_, 2) != "/*") return;
    size_t end = src_.find("*/", pos_ + 2);
    if (end == std::string_view::npos) throw JsonataError("S0106").at(pos_);
    pos_ = end + 2;
  }
}

Token Lexer::next(bool prefix) {
  skipSpaceAndComments();
  Token t;
  if (pos_ >= src_.size()) {
    t.position = pos_;
    return t;
  }
  char c = src_[pos_];
  if (prefix && c == '/') return scanRegex();
  static const char* twoChar[] = {"..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??"};
  for (const char* op : twoChar) {
    if (src_.substr(pos_, 2) != op) continue;
    pos_ += 2;
    return Token{TokenType::Operator, op, {}, 0, pos_};
  }
  if (isOperatorChar(c)) {
    ++pos_;
    return Token{TokenType::Operator, std::string(1, c), {}, 0, pos_};
  }
  if (c == '"' || c == '\'') return scanString(c);
  if (c >= '0' && c <= '9') return scanNumber();
  if (c == '`') return scanQuotedName();
  return scanName();
}

unsigned Lexer::parseHex4(size_t at) {
  if (at + 4 > src_.size()) throw JsonataError("S0104").at(at);
  unsigned v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    int digit = hexDigitValue(src_[i]);
    if (digit < 0) throw JsonataError("S0104").at(at);
    v = v << 4 | unsigned(digit);
  }
  return v;
}

Token Lexer::scanString(char quote) {
  size_t start = pos_++;
  std::string out;
  while (pos_ < src_.size()) {
    char c = src_[pos_++];
    if (c == quote) return Token{TokenType::String, out, {}, 0, pos_};
    if (c != '\\') {
      out += c;
      continue;
    }
    if (pos_ >= src_.size()) break;
    char e = src_[pos_++];
    switch (e) {
      case '"': case '\\': case '/': case '\'': out += e; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        unsigned cp = parseHex4(pos_);
        pos_ += 4;
        // Join a surrogate pair; a lone surrogate is kept (WTF-8) so that
        // $encodeUrl can report it as jsonata-js does.
        if (cp >= 0xD800 && cp < 0xDC00 && src_.substr(pos_, 2) == "\\u") {
          unsigned lo = parseHex4(pos_ + 2);
          if (lo >= 0xDC00 && lo < 0xE000) {
            pos_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
        }
        appendUtf8(out, cp);
        break;
      }
      default: throw JsonataError("S0103").at(pos_).tok(std::string(1, e));
    }
  }
  throw JsonataError("S0101").at(start);
}

Token Lexer::scanNumber() {
  size_t start = pos_;
  auto digits = [&] { while (pos_ < src_.size() && src_[pos_] >= '0' && src_[pos_] <= '9') ++pos_; };
  if (src_[pos_] == '0') ++pos_; else digits();
  if (pos_ + 1 < src_.size() && src_[pos_] == '.' && std::isdigit(static_cast<unsigned char>(src_[pos_ + 1]))) {
    ++pos_;
    digits();
  }
  if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
    size_t save = pos_++;
    if (pos_ < src_.size() && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
    if (pos_ < src_.size() && std::isdigit(static_cast<unsigned char>(src_[pos_]))) digits();
    else pos_ = save;
  }
  std::string text(src_.substr(start, pos_ - start));
  double d = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(d)) throw JsonataError("S0102").at(start).tok(text);
  return Token{TokenType::Number, text, {}, d, pos_};
}

Token Lexer::scanQuotedName() {
  size_t start = pos_++;
  size_t end = src_.find('`', pos_);
  if (end == std::string_view::npos) throw JsonataError("S0105").at(start);
  std::string name(src_.substr(pos_, end - pos_));
  pos_ = end + 1;
  return Token{TokenType::Name, name, {}, 0, pos_};
}

Token Lexer::scanName() {
  bool variable = src_[pos_] == '$';
  if (variable) ++pos_;
  size_t start = pos_;
  while (pos_ < src_.size() && !isSpace(src_[pos_]) && !isOperatorChar(src_[pos_]) &&
         src_[pos_] != '"' && src_[pos_] != '\'' && src_[pos_] != '`')
    ++pos_;
  if (variable && pos_ > start && src_[start] == '$' && pos_ > start + 1) {
    // "$$name" is not a thing; keep jsonata-js's reading of "$$" as the root.
  }
  std::string name(src_.substr(start, pos_ - start));
  if (variable) return Token{TokenType::Variable, name, {}, 0, pos_};
  if (name == "and" || name == "or" || name == "in") return Token{TokenType::Operator, name, {}, 0, pos_};
  if (name == "true" || name == "false" || name == "null") return Token{TokenType::Value, name, {}, 0, pos_};
  if (name.empty()) throw JsonataError("S0204").at(pos_).tok(std::string(1, src_[pos_]));
  return Token{TokenType::Name, name, {}, 0, pos_};
}

// A regex literal ends at the first unescaped '/' outside a character class.
Token Lexer::scanRegex() {
  size_t start = ++pos_;
  bool inClass = false;
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == '\\') { pos_ += 2; continue; }
    if (c == '[') inClass = true;
    else if (c == ']') inClass = false;
    else if (c == '/' && !inClass) break;
    ++pos_;
  }
  if (pos_ >= src_.size()) throw JsonataError("S0302").at(pos_);
  std::string pattern(src_.substr(start, pos_ - start));
  if (pattern.empty()) throw JsonataError("S0301").at(pos_);
  ++pos_;
  std::string flags;
  while (pos_ < src_.size() && (src_[pos_] == 'i' || src_[pos_] == 'm')) flags += src_[pos_++];
  return Token{TokenType::Regex, pattern, flags, 0, pos_};
}

}  // namespace aslrt::jsonata

namespace aslrt::jsonata {

std::string Lexer::readSignature() {
  size_t start = pos_ - 1;
  int depth = 1;
  while (pos_ < src_.size() && depth > 0) {
    if (src_[pos_] == '<') ++depth;
    if (src_[pos_] == '>') --depth;
    ++pos_;
  }
  if (depth > 0) throw JsonataError("S0203").at(pos_).val(">");
  return std::string(src_.substr(start, pos_ - start));
}

}  // namespace aslrt::jsonata
