// A JSONata syntax check: the tokenizer and Pratt parser of JSONata 2.0,
// reduced to accepting or rejecting (no AST). When the runtime's JSONata
// library is built (ASLC_HAVE_JSONATA) its compiler is asked too; where the
// two disagree the definition is accepted with a warning (see below).
#include <optional>
#include <string>

#include "aslc/frontend/validate.h"

#ifdef ASLC_HAVE_JSONATA
#include "aslrt/jsonata.h"
#endif

namespace aslc::validate_detail {
namespace {

enum class TokKind { Operator, Name, Variable, Number, String, Regex, Literal, End, Error };

struct Token {
  TokKind kind = TokKind::End;
  std::string_view text;
  size_t at = 0;
};

constexpr std::string_view kTwoCharOps[] = {"..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??"};
constexpr std::string_view kOneCharOps = ".[]{}(),@#;:?+-*/%|=<>^&!~";

bool isOperatorChar(char c) { return kOneCharOps.find(c) != std::string_view::npos; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Names run to the next operator or space; '/' after an operand divides and
// anywhere else opens a /regex/.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : t_(text) {}

  Token next() {
    Token tok = scan();
    operandBefore_ =
        tok.kind != TokKind::Operator || tok.text == ")" || tok.text == "]" || tok.text == "}";
    return tok;
  }

 private:
  Token scan() {
    if (!skipSpaceAndComments()) return {TokKind::Error, "unterminated comment", pos_};
    if (pos_ >= t_.size()) return {TokKind::End, "", pos_};
    char c = t_[pos_];
    if (c == '"' || c == '\'') return string(c);
    if (c == '/' && !operandBefore_) return regex();
    if (isDigit(c)) return number();
    for (std::string_view op : kTwoCharOps)
      if (t_.substr(pos_, 2) == op) return pos_ += 2, Token{TokKind::Operator, op, pos_ - 2};
    if (isOperatorChar(c))
      return ++pos_, Token{TokKind::Operator, t_.substr(pos_ - 1, 1), pos_ - 1};
    return name();
  }

  bool skipSpaceAndComments() {
    for (;;) {
      while (pos_ < t_.size() && isSpace(t_[pos_])) ++pos_;
      if (t_.substr(pos_, 2) != "/*") return true;
      size_t close = t_.find("*/", pos_ + 2);
      if (close == std::string_view::npos) return false;
      pos_ = close + 2;
    }
  }

  // Scans to the closing `close`, skipping backslash escapes.
  Token delimited(TokKind kind, char close, const char* unterminated) {
    size_t start = pos_++;
    for (; pos_ < t_.size(); ++pos_) {
      if (t_[pos_] == '\\') {
        ++pos_;
        continue;
      }
      if (t_[pos_] == close) return ++pos_, Token{kind, t_.substr(start, pos_ - start), start};
    }
    return {TokKind::Error, unterminated, start};
  }

  Token string(char quote) { return delimited(TokKind::String, quote, "unterminated string"); }

  Token regex() {
    Token tok = delimited(TokKind::Regex, '/', "unterminated regular expression");
    while (pos_ < t_.size() && (t_[pos_] == 'i' || t_[pos_] == 'm')) ++pos_;
    return tok;
  }

  // JSON number form; "420." is the number 420 followed by a '.' operator.
  Token number() {
    size_t start = pos_;
    while (pos_ < t_.size() && isDigit(t_[pos_])) ++pos_;
    if (pos_ + 1 < t_.size() && t_[pos_] == '.' && isDigit(t_[pos_ + 1])) {
      ++pos_;
      while (pos_ < t_.size() && isDigit(t_[pos_])) ++pos_;
    }
    if (pos_ < t_.size() && (t_[pos_] == 'e' || t_[pos_] == 'E')) {
      size_t mark = pos_++;
      if (pos_ < t_.size() && (t_[pos_] == '+' || t_[pos_] == '-')) ++pos_;
      if (pos_ >= t_.size() || !isDigit(t_[pos_])) pos_ = mark;
      while (pos_ < t_.size() && isDigit(t_[pos_])) ++pos_;
    }
    return {TokKind::Number, t_.substr(start, pos_ - start), start};
  }

  Token name() {
    size_t start = pos_;
    if (t_[pos_] == '`') return delimited(TokKind::Name, '`', "unterminated `name`");
    bool variable = t_[pos_] == '$';
    if (variable) ++pos_;
    while (pos_ < t_.size() && !isSpace(t_[pos_]) && !isOperatorChar(t_[pos_])) ++pos_;
    std::string_view word = t_.substr(start, pos_ - start);
    if (variable) return {TokKind::Variable, word, start};
    if (word == "and" || word == "or" || word == "in") return {TokKind::Operator, word, start};
    if (word == "true" || word == "false" || word == "null") return {TokKind::Literal, word, start};
    return {TokKind::Name, word, start};
  }

  std::string_view t_;
  size_t pos_ = 0;
  bool operandBefore_ = false;
};

// Left binding powers of the infix operators, from the JSONata parser.
int leftBindingPower(const Token& tok) {
  if (tok.kind != TokKind::Operator) return 0;
  static constexpr std::pair<std::string_view, int> kPowers[] = {
      {".", 75}, {"[", 80},   {"{", 70},  {"(", 80},  {"@", 80},  {"#", 80},  {"?", 20},
      {"+", 50}, {"-", 50},   {"*", 60},  {"/", 60},  {"%", 60},  {"=", 40},  {"<", 40},
      {">", 40}, {"^", 40},   {"!=", 40}, {"<=", 40}, {">=", 40}, {"~>", 40}, {"in", 40},
      {"&", 50}, {"and", 30}, {"or", 25}, {":=", 10}, {"?:", 40}, {"??", 40},
  };
  for (const auto& [op, power] : kPowers)
    if (tok.text == op) return power;
  return 0;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : lex_(text) { advance(); }

  std::string run() {
    expression(0);
    if (error_.empty() && cur_.kind != TokKind::End)
      fail("unexpected '" + std::string(cur_.text) + "'");
    return error_;
  }

 private:
  void fail(const std::string& why) {
    if (error_.empty()) error_ = why + " at offset " + std::to_string(cur_.at);
  }
  void advance() {
    cur_ = lex_.next();
    if (cur_.kind == TokKind::Error) fail(std::string(cur_.text));
  }
  bool is(std::string_view op) const { return cur_.kind == TokKind::Operator && cur_.text == op; }
  void expect(std::string_view op) {
    if (!is(op)) return fail("expected '" + std::string(op) + "'");
    advance();
  }
  // Parses `item (sep item)*` up to `close`; an empty list is allowed.
  template <typename F>
  void list(std::string_view sep, std::string_view close, F item) {
    if (is(close)) return advance();
    do {
      if (!error_.empty()) return;
      if (is(sep)) advance();
      item();
    } while (error_.empty() && is(sep));
    expect(close);
  }

  void expression(int rbp) {
    if (++depth_ > kMaxDepth) {
      tooDeep_ = true;
      return fail("expression nested too deeply");
    }
    Token t = cur_;
    advance();
    prefix(t);
    while (error_.empty() && rbp < leftBindingPower(cur_)) {
      t = cur_;
      advance();
      infix(t);
    }
    --depth_;
  }

  void prefix(const Token& t) {
    if (!error_.empty()) return;
    switch (t.kind) {
      case TokKind::Name:
        if ((t.text == "function" || t.text == "λ") && is("(")) return lambda();
        return;
      case TokKind::Variable:
      case TokKind::Number:
      case TokKind::String:
      case TokKind::Regex:
      case TokKind::Literal: return;
      case TokKind::End: return fail("unexpected end of expression");
      case TokKind::Error: return;
      case TokKind::Operator: return prefixOperator(t);
    }
  }

  void prefixOperator(const Token& t) {
    std::string_view op = t.text;
    if (op == "-") return expression(70);
    if (op == "*" || op == "**" || op == "%") return;  // wildcard, descendants, parent
    if (op == "(") return list(";", ")", [&] { expression(0); });
    if (op == "[") return list(",", "]", [&] { rangeItem(); });
    if (op == "{") return objectBody();
    if (op == "|") return transform();
    fail("unexpected '" + std::string(op) + "'");
  }

  void rangeItem() {
    expression(0);
    if (!is("..")) return;
    advance();
    expression(0);
  }

  void objectBody() {
    list(",", "}", [&] {
      expression(0);
      expect(":");
      expression(0);
    });
  }

  void transform() {  // | location | update [, delete] |
    expression(0);
    expect("|");
    expression(0);
    if (is(",")) {
      advance();
      expression(0);
    }
    expect("|");
  }

  void lambda() {  // function($a, $b)<signature>? { body }
    advance();     // '('
    list(",", ")", [&] {
      if (cur_.kind != TokKind::Variable) return fail("expected a $parameter");
      advance();
    });
    if (is("<")) skipSignature();
    expect("{");
    expression(0);
    expect("}");
  }

  void skipSignature() {
    int depth = 0;
    do {
      if (is("<")) ++depth;
      if (is(">")) --depth;
      advance();
    } while (error_.empty() && depth > 0 && cur_.kind != TokKind::End);
  }

  void infix(const Token& t) {
    std::string_view op = t.text;
    if (op == "(") return list(",", ")", [&] { is("?") ? advance() : expression(0); });
    if (op == "[") return is("]") ? advance() : (expression(0), expect("]"));
    if (op == "{") return objectBody();
    if (op == "?") return conditional();
    if (op == "@" || op == "#") return bindVariable();
    if (op == "^") return orderBy();
    if (op == ":=") return expression(leftBindingPower(t) - 1);
    expression(leftBindingPower(t));
  }

  void conditional() {
    expression(0);
    if (!is(":")) return;
    advance();
    expression(0);
  }

  void bindVariable() {
    if (cur_.kind != TokKind::Variable) return fail("expected a $variable");
    advance();
  }

  void orderBy() {
    expect("(");
    list(",", ")", [&] {
      if (is("<") || is(">")) advance();
      expression(0);
    });
  }

  Lexer lex_;
  Token cur_;
  std::string error_;
  int depth_ = 0;
  bool tooDeep_ = false;

 public:
  static constexpr int kMaxDepth = 200;
  bool tooDeep() const { return tooDeep_; }
};

}  // namespace

// What the runtime's compiler says: nullopt when it is not built or the text
// is too big for it (it overflows the stack on ~50k-term chains such as
// "1+1+..."), "" when it compiles, else its message.
static std::optional<std::string> runtimeVerdict(std::string_view expr) {
#ifdef ASLC_HAVE_JSONATA
  if (!safeForRuntimeParser(expr)) return std::nullopt;
  aslrt::jsonata::Error error;
  if (aslrt::jsonata::Expression::compile(expr, &error)) return std::string();
  return error.message + " at offset " + std::to_string(error.position);
#else
  (void)expr;
  return std::nullopt;
#endif
}

// An expression is rejected when this parser rejects it and the runtime's
// compiler, if it can be asked, agrees; so neither one's gap rejects what
// AWS accepts.
std::string jsonataSyntaxError(std::string_view expr) {
  Parser parser(expr);
  std::string why = parser.run();
  if (why.empty()) return why;
  // Too deep for this parser is too deep to hand to a recursive compiler.
  if (parser.tooDeep()) return why;
  std::optional<std::string> runtime = runtimeVerdict(expr);
  return runtime && runtime->empty() ? std::string() : why;
}

std::string jsonataRuntimeGap(std::string_view expr) {
  return runtimeVerdict(expr).value_or("");
}

}  // namespace aslc::validate_detail
