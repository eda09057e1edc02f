// Intrinsic call syntax: States.Name(arg, ...), where an argument is a
// single-quoted string (escapes \' \{ \} \\ only), a number, true/false/null,
// a path ($..., $$..., $var...) or a nested call (at most 10 levels deep).
// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
#include "intrinsic_ast.h"
#include "path_parser.h"

namespace aslrt {
namespace ix = intrinsic_detail;
using jsonpath_detail::Cursor;

namespace intrinsic_detail {

namespace {
constexpr FunctionInfo kFunctions[] = {
#define ASLRT_INTRINSIC(id, name, minArgs, maxArgs) {FunctionId::id, name, minArgs, maxArgs},
#include "intrinsics.def"
#undef ASLRT_INTRINSIC
};
}  // namespace

const FunctionInfo* findFunction(std::string_view name) {
  for (const auto& f : kFunctions) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

const FunctionInfo& functionInfo(FunctionId id) { return kFunctions[static_cast<size_t>(id)]; }

}  // namespace intrinsic_detail

namespace {

constexpr int kMaxNesting = 10;

std::shared_ptr<const ix::CallNode> parseCall(Cursor& c, int depth);

bool parseStringArg(Cursor& c, ix::Arg* arg) {
  c.advance();  // opening quote
  std::string value, raw;
  while (!c.atEnd() && c.peek() != '\'') {
    if (c.peek() == '\\') {
      // AWS rejects any other escape, e.g. \" (illegal_escapes.* cases).
      if (std::string_view("'{}\\").find(c.peek(1)) == std::string_view::npos || c.peek(1) == '\0')
        return c.fail("illegal escape sequence in string literal");
      raw += c.peek();
      c.advance();
    }
    value += c.peek();
    raw += c.peek();
    c.advance();
  }
  if (!c.eat('\'')) return c.fail("unterminated string literal");
  arg->literal = value;
  arg->raw = raw;
  return true;
}

// A path runs to the next ',' or ')' outside brackets, parentheses and quotes.
std::string_view pathExtent(std::string_view rest) {
  int depth = 0;
  char quote = 0;
  size_t i = 0;
  for (; i < rest.size(); ++i) {
    char ch = rest[i];
    if (quote) {
      if (ch == '\\')
        ++i;
      else if (ch == quote)
        quote = 0;
      continue;
    }
    if (ch == '\'' || ch == '"')
      quote = ch;
    else if (ch == '[' || ch == '(')
      ++depth;
    else if ((ch == ']' || ch == ')') && depth > 0)
      --depth;
    else if (depth == 0 && (ch == ',' || ch == ')' || ch == ' ' || ch == '\t'))
      break;
  }
  return rest.substr(0, i);
}

bool parsePathArg(Cursor& c, ix::Arg* arg) {
  std::string_view text = pathExtent(c.rest());
  SyntaxError inner;
  auto path = JsonPath::parse(text, PathFlavor::Path, &inner);
  if (!path) {
    c.advance(inner.offset);
    return c.fail("invalid path argument: " + inner.message);
  }
  c.advance(text.size());
  arg->kind = ix::Arg::Kind::Path;
  arg->path = std::move(path);
  return true;
}

bool parseScalarArg(Cursor& c, ix::Arg* arg) {
  size_t len = 0;
  std::string_view rest = c.rest();
  while (len < rest.size() && std::string_view(",) \t").find(rest[len]) == std::string_view::npos)
    ++len;
  Json parsed = Json::parse(rest.substr(0, len), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || parsed.is_structured() || parsed.is_string())
    return c.fail("invalid argument");
  arg->literal = std::move(parsed);
  c.advance(len);
  return true;
}

bool parseArg(Cursor& c, int depth, ix::Arg* arg) {
  c.skipSpaces();
  char ch = c.peek();
  if (ch == '\'') return parseStringArg(c, arg);
  if (ch == '$') return parsePathArg(c, arg);
  if (c.rest().substr(0, 7) == "States.") {
    arg->kind = ix::Arg::Kind::Call;
    arg->call = parseCall(c, depth + 1);
    return arg->call != nullptr;
  }
  return parseScalarArg(c, arg);
}

bool parseArgList(Cursor& c, int depth, std::vector<ix::Arg>* args) {
  c.skipSpaces();
  if (c.eat(')')) return true;
  do {
    ix::Arg arg;
    if (!parseArg(c, depth, &arg)) return false;
    args->push_back(std::move(arg));
    c.skipSpaces();
  } while (c.eat(','));
  if (!c.eat(')')) return c.fail("expected ',' or ')'");
  return true;
}

bool checkArity(Cursor& c, size_t callStart, const ix::FunctionInfo& f, size_t count) {
  int n = static_cast<int>(count);
  if (n >= f.minArgs && (f.maxArgs < 0 || n <= f.maxArgs)) return true;
  return c.failAt(callStart, std::string("wrong number of arguments for ") + f.name);
}

std::shared_ptr<const ix::CallNode> parseCall(Cursor& c, int depth) {
  if (depth > kMaxNesting) return c.fail("intrinsic functions nest at most 10 deep"), nullptr;
  size_t start = c.pos();
  std::string_view rest = c.rest();
  std::string_view name = rest.substr(0, rest.find('('));
  const ix::FunctionInfo* f = ix::findFunction(name);
  if (!f) return c.fail("unknown intrinsic function '" + std::string(name) + "'"), nullptr;
  c.advance(name.size() + 1);
  auto node = std::make_shared<ix::CallNode>();
  node->fn = f->id;
  if (!parseArgList(c, depth, &node->args)) return nullptr;
  if (!checkArity(c, start, *f, node->args.size())) return nullptr;
  return node;
}

}  // namespace

bool IntrinsicCall::looksLikeCall(std::string_view text) {
  size_t i = text.find_first_not_of(" \t");
  return i != std::string_view::npos && text.substr(i, 7) == "States.";
}

std::optional<IntrinsicCall> IntrinsicCall::parse(std::string_view text, SyntaxError* error) {
  Cursor c(text, error);
  c.skipSpaces();
  if (c.rest().find('(') == std::string_view::npos) return c.fail("expected '('"), std::nullopt;
  auto root = parseCall(c, 1);
  if (!root) return std::nullopt;
  c.skipSpaces();
  if (!c.atEnd()) return c.fail("unexpected text after the call"), std::nullopt;
  return IntrinsicCall(std::string(text), std::move(root));
}

}  // namespace aslrt
