// Intrinsic function calls ("States.Format('{}', $.name)") as AWS parses
// them: a known function, arguments that are literals, paths or nested calls,
// and string literals whose only escapes are \' \{ \} and \\.
// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
#include <cctype>
#include <string>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

// Literal argument kinds by position: n number, s string, b boolean, a anything.
// The last letter repeats for variadic functions (max == -1).
struct IntrinsicSig {
  const char* name;
  int min;
  int max;
  const char* kinds;
};

constexpr IntrinsicSig kIntrinsics[] = {
    {"Format", 1, -1, "sa"},     {"StringToJson", 1, 1, "s"},    {"JsonToString", 1, 1, "a"},
    {"Array", 0, -1, "a"},       {"ArrayPartition", 2, 2, "an"}, {"ArrayContains", 2, 2, "aa"},
    {"ArrayRange", 3, 3, "nnn"}, {"ArrayGetItem", 2, 2, "an"},   {"ArrayLength", 1, 1, "a"},
    {"ArrayUnique", 1, 1, "a"},  {"Base64Encode", 1, 1, "s"},    {"Base64Decode", 1, 1, "s"},
    {"Hash", 2, 2, "as"},        {"JsonMerge", 3, 3, "aab"},     {"MathRandom", 2, 3, "nnn"},
    {"MathAdd", 2, 2, "nn"},     {"StringSplit", 2, 2, "ss"},    {"UUID", 0, 0, ""},
};

const IntrinsicSig* findIntrinsic(std::string_view name) {
  for (const IntrinsicSig& sig : kIntrinsics)
    if (name == sig.name) return &sig;
  return nullptr;
}

char expectedKind(const IntrinsicSig& sig, size_t index) {
  size_t n = std::char_traits<char>::length(sig.kinds);
  if (n == 0) return 'a';
  return sig.kinds[index < n ? index : n - 1];
}

class IntrinsicParser {
 public:
  explicit IntrinsicParser(std::string_view text) : t_(text) {}

  std::string run(std::string* outer) {
    std::string why = call(outer);
    if (why.empty() && pos_ != t_.size()) why = fail("unexpected text after the call");
    return why;
  }
  bool argumentError() const { return argumentError_; }

 private:
  std::string fail(const std::string& what) const {
    return what + " at offset " + std::to_string(pos_);
  }
  void skipSpaces() {
    while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
  }

  std::string call(std::string* nameOut) {
    if (t_.substr(pos_, 7) != "States.") return fail("expected 'States.'");
    pos_ += 7;
    size_t start = pos_;
    while (pos_ < t_.size() && std::isalnum(static_cast<unsigned char>(t_[pos_]))) ++pos_;
    std::string_view name = t_.substr(start, pos_ - start);
    const IntrinsicSig* sig = findIntrinsic(name);
    if (!sig) return "'States." + std::string(name) + "' is not an intrinsic function";
    if (nameOut) *nameOut = std::string(name);
    if (pos_ >= t_.size() || t_[pos_] != '(') return fail("expected '(' after the function name");
    ++pos_;
    return arguments(*sig);
  }

  std::string arguments(const IntrinsicSig& sig) {
    int count = 0;
    skipSpaces();
    if (pos_ < t_.size() && t_[pos_] == ')') {
      ++pos_;
      return arity(sig, 0);
    }
    for (;;) {
      skipSpaces();
      std::string why = argument(sig, count++);
      if (!why.empty()) return why;
      skipSpaces();
      if (pos_ >= t_.size()) return fail("missing ')'");
      if (t_[pos_] == ')') {
        ++pos_;
        return arity(sig, count);
      }
      if (t_[pos_] != ',') return fail("expected ',' or ')'");
      ++pos_;
    }
  }

  std::string arity(const IntrinsicSig& sig, int count) {
    if (count >= sig.min && (sig.max < 0 || count <= sig.max)) return "";
    argumentError_ = true;
    return "States." + std::string(sig.name) + " takes " + std::to_string(sig.min) +
           (sig.max == sig.min ? ""
            : sig.max < 0      ? " or more"
                               : " to " + std::to_string(sig.max)) +
           " arguments, not " + std::to_string(count);
  }

  std::string argument(const IntrinsicSig& sig, size_t index) {
    if (pos_ >= t_.size()) return fail("missing argument");
    char want = expectedKind(sig, index);
    char c = t_[pos_];
    char got = 'a';
    std::string why;
    if (c == '\'')
      got = 's', why = stringLiteral();
    else if (c == '$')
      why = pathArgument();
    else if (t_.substr(pos_, 7) == "States.")
      why = nestedCall();
    else
      why = bareLiteral(&got);
    if (!why.empty()) return why;
    if (want == 'a' || got == 'a' || want == got) return "";
    argumentError_ = true;
    return "argument " + std::to_string(index + 1) + " of States." + sig.name + " must be a " +
           (want == 'n'   ? "number"
            : want == 's' ? "string"
                          : "boolean") +
           " or a path";
  }

  // Nested calls recurse; a bound keeps hostile input off the native stack.
  std::string nestedCall() {
    if (++depth_ > 64) return fail("intrinsic calls nested too deeply");
    std::string why = call(nullptr);
    --depth_;
    return why;
  }

  std::string stringLiteral() {
    for (++pos_; pos_ < t_.size(); ++pos_) {
      char c = t_[pos_];
      if (c == '\'') {
        ++pos_;
        return "";
      }
      if (c != '\\') continue;
      char next = pos_ + 1 < t_.size() ? t_[pos_ + 1] : '\0';
      if (next != '\'' && next != '{' && next != '}' && next != '\\')
        return fail(std::string("illegal escape '\\") + next + "' in a string literal");
      ++pos_;
    }
    return fail("unterminated string literal");
  }

  // A path runs to the next ',' or ')' outside brackets and quotes.
  std::string pathArgument() {
    size_t start = pos_;
    int depth = 0;
    char quote = 0;
    for (; pos_ < t_.size(); ++pos_) {
      char c = t_[pos_];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"')
        quote = c;
      else if (c == '[' || c == '(')
        ++depth;
      else if ((c == ']' || c == ')') && depth > 0)
        --depth;
      else if (depth == 0 && (c == ',' || c == ')' || c == ' '))
        break;
    }
    std::string why = pathSyntaxError(t_.substr(start, pos_ - start), PathKind::Path);
    return why.empty() ? "" : "bad path argument: " + why;
  }

  std::string bareLiteral(char* got) {
    size_t start = pos_;
    while (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != ')' && t_[pos_] != ' ') ++pos_;
    std::string_view word = t_.substr(start, pos_ - start);
    if (word == "true" || word == "false") return *got = 'b', "";
    if (word == "null") return *got = 'a', "";
    if (!word.empty() && isNumber(word)) return *got = 'n', "";
    pos_ = start;
    return fail("expected a string, number, boolean, null, path or call, found '" +
                std::string(word) + "'");
  }

  static bool isNumber(std::string_view w) {
    try {
      size_t used = 0;
      (void)std::stod(std::string(w), &used);
      return used == w.size() && (std::isdigit(static_cast<unsigned char>(w[0])) || w[0] == '-');
    } catch (...) {
      return false;
    }
  }

  std::string_view t_;
  size_t pos_ = 0;
  bool argumentError_ = false;
  int depth_ = 0;
};

}  // namespace

bool looksLikeIntrinsic(std::string_view text) { return text.substr(0, 7) == "States."; }

std::string intrinsicSyntaxError(std::string_view text, std::string* functionName,
                                 bool* argumentError) {
  IntrinsicParser parser(trimTrailingBlanks(text));
  std::string why = parser.run(functionName);
  if (argumentError) *argumentError = parser.argumentError();
  return why;
}

}  // namespace aslc::validate_detail
