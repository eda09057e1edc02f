// Top-down operator-precedence parser for JSONata.
#include "parser.h"

#include <unordered_map>

#include "errors.h"
#include "regex.h"
#include "signature.h"

// GCC 12 misreads the arena-owned Node* returned through nud()/led() as the
// address of a local Token (a false positive); nodes live in the Arena.
#pragma GCC diagnostic ignored "-Wreturn-local-addr"

namespace aslrt::jsonata {

namespace {

int bindingPower(const Token& t) {
  static const std::unordered_map<std::string, int> bp = {
      {".", 75}, {"[", 80}, {"]", 0}, {"{", 70}, {"}", 0}, {"(", 80}, {")", 0}, {",", 0},
      {"@", 80}, {"#", 80}, {"?", 20}, {"+", 50}, {"-", 50},
      {"*", 60}, {"/", 60}, {"%", 60}, {"=", 40}, {"<", 40}, {">", 40},
      {"^", 40}, {"..", 20}, {":=", 10}, {"!=", 40}, {"<=", 40}, {">=", 40},
      {"~>", 40}, {"?:", 40}, {"??", 40}, {"and", 30}, {"or", 25}, {"in", 40}, {"&", 50},
  };
  if (t.type != TokenType::Operator) return 0;
  auto it = bp.find(t.value);
  return it == bp.end() ? 0 : it->second;
}

bool endsOperand(const Token& t) {
  if (t.type == TokenType::Operator) return t.value == ")" || t.value == "]" || t.value == "}";
  return t.type != TokenType::End;
}

class Parser {
 public:
  Parser(std::string_view text, Arena& arena) : lex_(text), arena_(arena) { cur_ = lex_.next(true); }

  Node* parseAll() {
    Node* root = expression(0);
    if (cur_.type != TokenType::End) throw JsonataError("S0201").at(cur_.position).tok(cur_.value);
    return root;
  }

 private:
  bool isOp(const char* op) const { return cur_.type == TokenType::Operator && cur_.value == op; }

  // Consumes the current token (which must be `expected`, if given).
  Token advance(const char* expected = nullptr) {
    if (expected && !isOp(expected)) {
      const char* code = cur_.type == TokenType::End ? "S0203" : "S0202";
      throw JsonataError(code).at(cur_.position).tok(cur_.value).val(expected);
    }
    Token t = cur_;
    cur_ = lex_.next(!endsOperand(t));
    // '!' and '~' are lexed as operators but no grammar rule uses them alone
    if (cur_.type == TokenType::Operator && (cur_.value == "!" || cur_.value == "~"))
      throw JsonataError("S0204").at(cur_.position).tok(cur_.value);
    return t;
  }

  // height_ bounds the tree's height along the path being parsed: one per
  // nested expression and one per operator chained at each level (a+b+c is
  // three deep). The passes over the tree recurse that deep, on the stack of
  // whichever thread compiles or evaluates it.
  Node* expression(int rbp) {
    size_t levels = 1;
    grow(cur_);
    const Token first = advance();
    Node* left = nud(first);
    while (rbp < bindingPower(cur_)) {
      ++levels;
      grow(cur_);
      const Token op = advance();
      left = led(op, left);
    }
    height_ -= levels;
    return left;
  }

  void grow(const Token& at) {
    if (++height_ > kMaxHeight)
      throw JsonataError("U1001", "Expression nested too deeply: more than " + std::to_string(kMaxHeight) +
                                      " levels of operands and operators")
          .at(at.position);
  }

  Node* make(NodeType type, const Token& t) {
    Node* n = arena_.make(type, t.position);
    n->value = t.value;
    return n;
  }

  Node* nud(const Token& t);
  Node* nudOperator(const Token& t);
  Node* led(const Token& t, Node* left);
  Node* parseBlock(const Token& t);
  Node* parseArray(const Token& t);
  void parsePairs(std::vector<std::pair<Node*, Node*>>& pairs);
  Node* parseTransform(const Token& t);
  Node* parseCall(const Token& t, Node* left);
  Node* parseLambda(const Token& t, std::vector<Node*>& args);
  Node* parseOrderBy(const Token& t, Node* left);
  Node* parseBinding(const Token& t, Node* left);

  static constexpr size_t kMaxHeight = 10000;
  Lexer lex_;
  Arena& arena_;
  Token cur_;
  size_t height_ = 0;
};

Node* Parser::nud(const Token& t) {
  switch (t.type) {
    case TokenType::Name: return make(NodeType::Name, t);
    case TokenType::Variable: return make(NodeType::Variable, t);
    case TokenType::String: return make(NodeType::String, t);
    case TokenType::Value: return make(NodeType::Value, t);
    case TokenType::Number: {
      Node* n = make(NodeType::Number, t);
      n->number = t.number;
      return n;
    }
    case TokenType::Regex: {
      Node* n = make(NodeType::Regex, t);
      n->regex = Regex::compile(t.value, t.flags, t.position);
      return n;
    }
    case TokenType::End: throw JsonataError("S0207").at(t.position);
    case TokenType::Operator: return nudOperator(t);
  }
  return nullptr;
}

Node* Parser::nudOperator(const Token& t) {
  const std::string& op = t.value;
  if (op == "-") {
    Node* n = make(NodeType::Unary, t);
    n->expression = expression(70);
    return n;
  }
  if (op == "*") return make(NodeType::Wildcard, t);
  if (op == "**") return make(NodeType::Descendant, t);
  if (op == "%") return make(NodeType::Parent, t);
  if (op == "(") return parseBlock(t);
  if (op == "[") return parseArray(t);
  if (op == "{") {
    Node* n = make(NodeType::Unary, t);
    parsePairs(n->pairs);
    return n;
  }
  if (op == "|") return parseTransform(t);
  if (op == "and" || op == "or" || op == "in") return make(NodeType::Name, t);
  throw JsonataError("S0211").at(t.position).tok(op);
}

Node* Parser::parseBlock(const Token& t) {
  Node* n = make(NodeType::Block, t);
  while (!isOp(")")) {
    n->expressions.push_back(expression(0));
    if (!isOp(";")) break;
    advance(";");
  }
  advance(")");
  return n;
}

Node* Parser::parseArray(const Token& t) {
  Node* n = make(NodeType::Unary, t);
  // After a comma an item must follow: "[1, ]" is S0211 at the "]", as in jsonata-js.
  for (bool more = !isOp("]"); more;) {
    Node* item = expression(0);
    if (isOp("..")) {
      Token r = advance("..");
      Node* range = make(NodeType::Binary, r);
      range->lhs = item;
      range->rhs = expression(0);
      item = range;
    }
    n->expressions.push_back(item);
    if ((more = isOp(","))) advance(",");
  }
  advance("]");
  return n;
}

void Parser::parsePairs(std::vector<std::pair<Node*, Node*>>& pairs) {
  for (bool more = !isOp("}"); more;) {
    Node* key = expression(0);
    advance(":");
    Node* value = expression(0);
    pairs.emplace_back(key, value);
    if ((more = isOp(","))) advance(",");
  }
  advance("}");
}

Node* Parser::parseTransform(const Token& t) {
  Node* n = make(NodeType::Transform, t);
  n->pattern = expression(0);
  advance("|");
  n->update = expression(0);
  if (isOp(",")) {
    advance(",");
    n->remove = expression(0);
  }
  advance("|");
  return n;
}

Node* Parser::led(const Token& t, Node* left) {
  const std::string& op = t.value;
  if (op == "(") return parseCall(t, left);
  if (op == "^") return parseOrderBy(t, left);
  if (op == "@" || op == "#" || op == ":=") return parseBinding(t, left);
  if (op == "[" && isOp("]")) {
    // `a[]`: keep singleton arrays on the innermost step
    Node* step = left;
    while (step->type == NodeType::Binary && step->value == "[") step = step->lhs;
    step->keepArray = true;
    advance("]");
    return left;
  }
  Node* n = make(NodeType::Binary, t);
  n->lhs = left;
  if (op == "[") {
    n->rhs = expression(0);
    advance("]");
    return n;
  }
  if (op == "{") {
    parsePairs(n->pairs);
    return n;
  }
  if (op == "?") {
    n->type = NodeType::Condition;
    n->condition = left;
    n->then = expression(0);
    if (isOp(":")) {
      advance(":");
      n->otherwise = expression(0);
    }
    return n;
  }
  static const char* binaries[] = {".", "+", "-", "*", "/", "%", "=", "<", ">", "!=", "<=", ">=",
                                   "&", "and", "or", "in", "..", "~>", "?:", "??"};
  for (const char* b : binaries)
    if (op == b) {
      n->rhs = expression(bindingPower(t));
      return n;
    }
  throw JsonataError("S0204").at(t.position).tok(op);
}

Node* Parser::parseBinding(const Token& t, Node* left) {
  Node* n = make(NodeType::Binary, t);
  n->lhs = left;
  n->rhs = expression(t.value == ":=" ? 9 : 80);  // := is right-associative
  if (t.value == ":=" && left->type != NodeType::Variable) throw JsonataError("S0212").at(t.position).tok(":=");
  if (t.value != ":=" && n->rhs->type != NodeType::Variable)
    throw JsonataError("S0214").at(t.position).tok(t.value);
  return n;
}

Node* Parser::parseCall(const Token& t, Node* left) {
  std::vector<Node*> args;
  bool partial = false;
  for (bool more = !isOp(")"); more;) {
    if (isOp("?")) {
      args.push_back(make(NodeType::Placeholder, advance()));
      partial = true;
    } else {
      args.push_back(expression(0));
    }
    if ((more = isOp(","))) advance(",");
  }
  advance(")");
  bool lambdaKeyword = left->type == NodeType::Name && (left->value == "function" || left->value == "\xCE\xBB");
  if (lambdaKeyword && (isOp("{") || isOp("<"))) return parseLambda(t, args);
  Node* n = make(partial ? NodeType::Partial : NodeType::Function, t);
  n->procedure = left;
  n->arguments = std::move(args);
  return n;
}

Node* Parser::parseLambda(const Token& t, std::vector<Node*>& args) {
  Node* n = make(NodeType::Lambda, t);
  for (Node* a : args) {
    if (a->type != NodeType::Variable) throw JsonataError("S0208").at(a->position).val(a->value);
    n->params.push_back(a->value);
  }
  if (isOp("<")) {
    std::string text = lex_.readSignature();
    n->signature = parseSignature(text, cur_.position);
    cur_ = lex_.next(true);
  }
  advance("{");
  n->body = expression(0);
  advance("}");
  return n;
}

Node* Parser::parseOrderBy(const Token& t, Node* left) {
  Node* n = make(NodeType::Binary, t);
  n->lhs = left;
  advance("(");
  for (;;) {
    SortTerm term;
    if (isOp("<")) {
      advance();
    } else if (isOp(">")) {
      term.descending = true;
      advance();
    }
    term.expression = expression(0);
    n->terms.push_back(term);
    if (!isOp(",")) break;
    advance(",");
  }
  advance(")");
  return n;
}

}  // namespace

Node* parseExpression(std::string_view text, Arena& arena) {
  Parser p(text, arena);
  Node* raw = p.parseAll();
  return rewriteTree(raw, arena);
}

}  // namespace aslrt::jsonata
