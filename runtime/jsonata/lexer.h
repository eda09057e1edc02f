// Tokenizer for JSONata source text. The parser pulls tokens one at a time and
// tells the lexer whether an operand may start here, because `/` is either
// division or the start of a regex literal depending on that.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace aslrt::jsonata {

enum class TokenType { Operator, Name, Variable, String, Number, Value, Regex, End };

struct Token {
  TokenType type = TokenType::End;
  std::string value;  // operator text, name, string contents, regex pattern
  std::string flags;  // regex flags
  double number = 0;
  size_t position = 0;  // offset just past the token, as jsonata-js reports
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : src_(text) {}
  // Throws JsonataError (S01xx, S030x) on malformed input.
  Token next(bool prefix);
  // Called with the lexer just past a '<' that opens a lambda signature:
  // returns the signature text "<...>" and moves past its closing '>'.
  std::string readSignature();

 private:
  void skipSpaceAndComments();
  Token scanString(char quote);
  Token scanRegex();
  Token scanNumber();
  Token scanQuotedName();
  Token scanName();
  unsigned parseHex4(size_t at);
  std::string_view src_;
  size_t pos_ = 0;
};

bool isOperatorChar(char c);

}  // namespace aslrt::jsonata
