// A JSONata parser: the tokenizer and Pratt parser of JSONata 2.0, building
// a small syntax tree (JxNode) for the compile-time checks on expressions. When the runtime's JSONata
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

  JxNode run() {
    JxNode root = expression(0);
    if (error_.empty() && cur_.kind != TokKind::End)
      fail("unexpected '" + std::string(cur_.text) + "'");
    return root;
  }
  const std::string& error() const { return error_; }

 private:
  using K = JxNode::Kind;
  // Past kMaxNodes the tree stops growing (nodes get no children) and is
  // marked truncated, so walking or destroying it never recurses deeper
  // than that however long a chain "1+1+..." is; parsing goes on.
  JxNode node(K kind, std::string_view text, size_t at) {
    if (++built_ > kMaxNodes) truncated_ = true;
    return JxNode{kind, text, at, {}};
  }
  void attach(JxNode& parent, JxNode child) {
    if (!truncated_) parent.kids.push_back(std::move(child));
  }

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
  // Parses `item (sep item)*` up to `close` into out.kids; an empty list is allowed.
  template <typename F>
  void list(std::string_view sep, std::string_view close, JxNode& out, F item) {
    if (is(close)) return advance();
    do {
      if (!error_.empty()) return;
      if (is(sep)) advance();
      attach(out, item());
    } while (error_.empty() && is(sep));
    expect(close);
  }

  JxNode expression(int rbp) {
    if (++depth_ > kMaxDepth) return failTooDeep("expression nested too deeply");
    if (!grow()) return failTooDeep(tooTall());
    size_t levels = 1;
    Token t = cur_;
    advance();
    JxNode left = prefix(t);
    while (error_.empty() && rbp < leftBindingPower(cur_)) {
      if (!grow()) return failTooDeep(tooTall());
      ++levels;
      t = cur_;
      advance();
      left = infix(t, std::move(left));
    }
    --depth_;
    height_ -= levels;
    return left;
  }

  // height_ bounds the tree's height as the runtime's parser counts it: one
  // per nested expression and one per operator chained at each level
  // ("1+1+1" is three deep), which its recursive passes must not overflow.
  bool grow() { return ++height_ <= kMaxHeight; }
  // Not a JSONata rule but aslc's: AWS may accept such an expression.
  static std::string tooTall() {
    return "expression too deep for aslc: more than " + std::to_string(kMaxHeight) +
           " levels of nested and chained operands (its compiler recurses over the expression tree)";
  }
  JxNode failTooDeep(const std::string& why) {
    tooDeep_ = true;
    fail(why);
    return node(K::Error, "", cur_.at);
  }

  JxNode prefix(const Token& t) {
    if (!error_.empty()) return node(K::Error, t.text, t.at);
    switch (t.kind) {
      case TokKind::Name:
        if ((t.text == "function" || t.text == "λ") && is("(")) return lambda(t);
        return node(K::Name, t.text, t.at);
      case TokKind::Variable: return node(K::Variable, t.text.substr(1), t.at);
      case TokKind::Number: return node(K::Number, t.text, t.at);
      case TokKind::String: return node(K::String, t.text, t.at);
      case TokKind::Regex: return node(K::Regex, t.text, t.at);
      case TokKind::Literal: return node(K::Literal, t.text, t.at);
      case TokKind::End: fail("unexpected end of expression"); break;
      case TokKind::Error: break;
      case TokKind::Operator: return prefixOperator(t);
    }
    return node(K::Error, t.text, t.at);
  }

  JxNode prefixOperator(const Token& t) {
    std::string_view op = t.text;
    if (op == "-") {
      JxNode n = node(K::Unary, op, t.at);
      attach(n, expression(70));
      return n;
    }
    if (op == "*") return node(K::Wildcard, op, t.at);
    if (op == "**") return node(K::Descendant, op, t.at);
    if (op == "%") return node(K::Parent, op, t.at);
    JxNode n = node(K::Error, op, t.at);
    if (op == "(") {
      n.kind = K::Block;
      list(";", ")", n, [&] { return expression(0); });
    } else if (op == "[") {
      n.kind = K::Array;
      list(",", "]", n, [&] { return rangeItem(); });
    } else if (op == "{") {
      n.kind = K::Object;
      objectBody(n);
    } else if (op == "|") {
      n.kind = K::Transform;
      transform(n);
    } else {
      fail("unexpected '" + std::string(op) + "'");
    }
    return n;
  }

  JxNode rangeItem() {
    JxNode from = expression(0);
    if (!is("..")) return from;
    JxNode range = node(K::Range, "..", cur_.at);
    advance();
    attach(range, std::move(from));
    attach(range, expression(0));
    return range;
  }

  // Keys and values alternate in out.kids.
  void objectBody(JxNode& out) {
    if (is("}")) return advance();
    do {
      if (!error_.empty()) return;
      if (is(",")) advance();
      attach(out, expression(0));
      expect(":");
      attach(out, expression(0));
    } while (error_.empty() && is(","));
    expect("}");
  }

  void transform(JxNode& out) {  // | location | update [, delete] |
    attach(out, expression(0));
    expect("|");
    attach(out, expression(0));
    if (is(",")) {
      advance();
      attach(out, expression(0));
    }
    expect("|");
  }

  // function($a, $b)<signature>? { body }: the parameters, then the body.
  JxNode lambda(const Token& t) {
    JxNode n = node(K::Lambda, t.text, t.at);
    advance();  // '('
    list(",", ")", n, [&] {
      JxNode param = node(K::Variable, cur_.text.size() > 0 ? cur_.text.substr(1) : cur_.text, cur_.at);
      if (cur_.kind != TokKind::Variable) fail("expected a $parameter");
      else advance();
      return param;
    });
    if (is("<")) skipSignature();
    expect("{");
    attach(n, expression(0));
    expect("}");
    return n;
  }

  void skipSignature() {
    int depth = 0;
    do {
      if (is("<")) ++depth;
      if (is(">")) --depth;
      advance();
    } while (error_.empty() && depth > 0 && cur_.kind != TokKind::End);
  }

  JxNode infix(const Token& t, JxNode left) {
    std::string_view op = t.text;
    JxNode n = node(K::Binary, op, t.at);
    attach(n, std::move(left));
    if (op == "(") {  // a call: the procedure, then the arguments
      n.kind = K::Call;
      list(",", ")", n, [&] {
        if (!is("?")) return expression(0);
        JxNode hole = node(K::Placeholder, "?", cur_.at);
        advance();
        return hole;
      });
    } else if (op == "[") {
      n.kind = K::Filter;
      if (is("]")) {
        advance();
      } else {
        attach(n, expression(0));
        expect("]");
      }
    } else if (op == "{") {
      JxNode group = node(K::Object, op, t.at);
      objectBody(group);
      attach(n, std::move(group));
    } else if (op == "?") {
      n.kind = K::Condition;
      attach(n, expression(0));
      if (is(":")) {
        advance();
        attach(n, expression(0));
      }
    } else if (op == "@" || op == "#") {
      if (cur_.kind != TokKind::Variable) {
        fail("expected a $variable");
      } else {
        attach(n, node(K::Variable, cur_.text.substr(1), cur_.at));
        advance();
      }
    } else if (op == "^") {
      n.kind = K::Sort;
      expect("(");
      list(",", ")", n, [&] {
        if (is("<") || is(">")) advance();
        return expression(0);
      });
    } else if (op == ":=") {
      attach(n, expression(leftBindingPower(t) - 1));
    } else {
      attach(n, expression(leftBindingPower(t)));
    }
    return n;
  }

  Lexer lex_;
  Token cur_;
  std::string error_;
  int depth_ = 0;
  size_t height_ = 0;
  bool tooDeep_ = false;
  size_t built_ = 0;
  bool truncated_ = false;

 public:
  static constexpr int kMaxDepth = 200;
  static constexpr size_t kMaxHeight = 10000;  // runtime/jsonata/parser.cpp's limit
  static constexpr size_t kMaxNodes = 4000;
  bool tooDeep() const { return tooDeep_; }
  bool truncated() const { return truncated_; }
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
JxParse parseJsonata(std::string_view expr) {
  Parser parser(expr);
  JxParse out;
  out.root = parser.run();
  out.error = parser.error();
  out.tooDeep = parser.tooDeep();
  out.truncated = parser.truncated();
  return out;
}

std::optional<JxParse> parseForAnalysis(std::string_view expr) {
  JxParse parsed = parseJsonata(expr);
  if (!parsed.error.empty() || parsed.truncated || parsed.tooDeep) return std::nullopt;
  return parsed;
}

std::string jsonataSyntaxError(std::string_view expr) {
  Parser parser(expr);
  parser.run();
  std::string why = parser.error();
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
