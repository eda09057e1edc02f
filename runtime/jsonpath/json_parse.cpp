// A recursive-descent JSON parser that builds nlohmann values directly. It
// accepts exactly RFC 8259 JSON, as nlohmann does (UTF-8 checked as its lexer
// checks it), and gives up -- leaving the text to nlohmann -- on anything
// else, so the value or the rejection is always what Json::parse gives
// (tests/unit/jsonpath/json_parse_test.cpp compares the two on generated and
// mutated documents).
#include "aslrt/json_parse.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <string>
#include <vector>

#include "aslrt/hex.h"
#include "aslrt/utf8.h"
#include "aslrt/word_scan.h"

namespace aslrt {
namespace {

constexpr int kMaxDepth = 256;  // fibers have 1 MiB stacks; deeper documents go to nlohmann, which keeps its own

class DirectParser {
 public:
  explicit DirectParser(std::string_view text) : at_(text.data()), end_(text.data() + text.size()) {}

  bool document(Json& out) {
    skipSpace();
    if (!value(out, 0)) return false;
    skipSpace();
    return at_ == end_;
  }

 private:
  const char* at_;
  const char* end_;

  void skipSpace() {
    while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }

  bool value(Json& out, int depth) {
    if (at_ == end_) return false;
    switch (*at_) {
      case '{':
        return object(out, depth + 1);
      case '[':
        return array(out, depth + 1);
      case '"': {
        out = Json(Json::value_t::string);
        return string(out.get_ref<std::string&>());
      }
      case 't':
        return literal("true", 4) && (out = true, true);
      case 'f':
        return literal("false", 5) && (out = false, true);
      case 'n':
        return literal("null", 4) && (out = nullptr, true);
      default:
        return number(out);
    }
  }

  bool literal(const char* word, size_t size) {
    if (static_cast<size_t>(end_ - at_) < size || std::string_view(at_, size) != std::string_view(word, size))
      return false;
    at_ += size;
    return true;
  }

  // Members and elements wait on these stacks until their container closes,
  // then move into it at its exact size: one allocation per container
  // instead of a vector regrown 1, 2, 4, 8... (kept by the thread, as most
  // documents parsed are alike; a nested container stacks above its parent's
  // entries and leaves before the parent resumes).
  struct Staged {
    std::vector<Json::object_t::value_type> members;
    std::vector<Json> items;
  };
  static Staged& staged() {
    thread_local Staged stacks;
    return stacks;
  }
  // Drops what a container left staged (all of it, when parsing gives up
  // midway), and lets go of a stack grown unusually large.
  template <class Stack>
  struct Unstage {
    Stack& stack;
    size_t base;
    ~Unstage() {
      stack.resize(base);
      if (base == 0 && stack.capacity() > kKeptStaging) Stack().swap(stack);
    }
  };
  static constexpr size_t kKeptStaging = 4096;

  bool object(Json& out, int depth) {
    if (depth > kMaxDepth) return false;
    ++at_;  // '{'
    out = Json(Json::value_t::object);
    skipSpace();
    if (at_ != end_ && *at_ == '}') return ++at_, true;
    auto& stack = staged().members;
    Unstage<std::remove_reference_t<decltype(stack)>> unstage{stack, stack.size()};
    for (;;) {
      if (at_ == end_ || *at_ != '"') return false;
      size_t at = stack.size();
      stack.emplace_back();
      if (!string(stack.back().first)) return false;
      skipSpace();
      if (at_ == end_ || *at_ != ':') return false;
      ++at_;
      skipSpace();
      Json member;  // (not parsed in place: a nested object's members may move the stack)
      if (!value(member, depth)) return false;
      stack[at].second = std::move(member);
      Next next = afterElement('}');
      if (next == Next::Error) return false;
      if (next == Next::Closed) break;
    }
    Json::object_t& members = out.get_ref<Json::object_t&>();
    members.reserve(stack.size() - unstage.base);
    for (auto member = stack.begin() + static_cast<std::ptrdiff_t>(unstage.base); member != stack.end(); ++member) {
      // Members keep the document's order; a repeated key keeps its first
      // place and its last value, as nlohmann's parser keeps them.
      auto [at, added] = members.emplace(std::move(member->first), std::move(member->second));
      if (!added) at->second = std::move(member->second);
    }
    return true;
  }

  bool array(Json& out, int depth) {
    if (depth > kMaxDepth) return false;
    ++at_;  // '['
    out = Json(Json::value_t::array);
    skipSpace();
    if (at_ != end_ && *at_ == ']') return ++at_, true;
    auto& stack = staged().items;
    Unstage<std::remove_reference_t<decltype(stack)>> unstage{stack, stack.size()};
    for (;;) {
      Json item;  // (not parsed in place: a nested array's items may move the stack)
      if (!value(item, depth)) return false;
      stack.push_back(std::move(item));
      Next next = afterElement(']');
      if (next == Next::Error) return false;
      if (next == Next::Closed) break;
    }
    auto first = stack.begin() + static_cast<std::ptrdiff_t>(unstage.base);
    out.get_ref<Json::array_t&>().assign(std::make_move_iterator(first), std::make_move_iterator(stack.end()));
    return true;
  }

  // After an object member or array element: its closing bracket, or a
  // comma and the next element, or anything else, which is an error.
  enum class Next { Element, Closed, Error };
  Next afterElement(char close) {
    skipSpace();
    if (at_ == end_) return Next::Error;
    if (*at_ == close) return ++at_, Next::Closed;
    if (*at_ != ',') return Next::Error;
    ++at_;
    skipSpace();
    return Next::Element;
  }

  // After the opening quote; appends the decoded characters to out.
  bool string(std::string& out) {
    ++at_;  // '"'
    for (;;) {
      const char* run = at_;
      for (; end_ - at_ >= 8; at_ += 8)  // 8 plain bytes at a time first
        if (word_scan::anyNotPlain(word_scan::load(at_))) break;
      while (at_ != end_ && isPlain(static_cast<unsigned char>(*at_))) ++at_;
      out.append(run, at_);
      if (at_ == end_) return false;
      unsigned char c = static_cast<unsigned char>(*at_);
      if (c == '"') return ++at_, true;
      if (c == '\\') {
        if (!escape(out)) return false;
      } else if (c >= 0x80) {
        if (!utf8Sequence(out)) return false;
      } else {
        return false;  // a control character must be escaped
      }
    }
  }

  static bool isPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

  bool escape(std::string& out) {
    if (end_ - at_ < 2) return false;
    char kind = at_[1];
    at_ += 2;
    switch (kind) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': return unicodeEscape(out);
      default: return false;
    }
  }

  bool hex4(uint32_t* code) {
    if (end_ - at_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int digit = hexDigitValue(at_[i]);
      if (digit < 0) return false;
      v = v * 16 + static_cast<uint32_t>(digit);
    }
    at_ += 4;
    *code = v;
    return true;
  }

  // After "\u": one code point, or a surrogate pair written as two escapes.
  bool unicodeEscape(std::string& out) {
    uint32_t code = 0;
    if (!hex4(&code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate alone
    if (code >= 0xD800 && code <= 0xDBFF) {
      uint32_t low = 0;
      if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') return false;
      at_ += 2;
      if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(out, code);
    return true;
  }

  // A multi-byte UTF-8 character, well formed as RFC 3629 defines it (no
  // overlong forms, no surrogates, nothing above U+10FFFF), copied as it is.
  bool utf8Sequence(std::string& out) {
    unsigned char lead = static_cast<unsigned char>(*at_);
    int continuation = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the byte after the lead
    if (lead >= 0xC2 && lead <= 0xDF) {
      continuation = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      continuation = 2;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      continuation = 3;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (end_ - at_ <= continuation) return false;
    for (int i = 1; i <= continuation; ++i) {
      unsigned char c = static_cast<unsigned char>(at_[i]);
      if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF)) return false;
    }
    out.append(at_, at_ + continuation + 1);
    at_ += continuation + 1;
    return true;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?: an integer nlohmann keeps
  // as one (unsigned when not negative), anything else a double.
  bool number(Json& out) {
    const char* start = at_;
    bool negative = at_ != end_ && *at_ == '-';
    if (negative) ++at_;
    if (at_ == end_ || !isDigit(*at_)) return false;
    if (*at_ == '0') {
      ++at_;
    } else {
      while (at_ != end_ && isDigit(*at_)) ++at_;
    }
    const char* integerEnd = at_;
    bool isInteger = true;
    if (at_ != end_ && *at_ == '.') {
      isInteger = false;
      ++at_;
      if (at_ == end_ || !isDigit(*at_)) return false;
      while (at_ != end_ && isDigit(*at_)) ++at_;
    }
    if (at_ != end_ && (*at_ == 'e' || *at_ == 'E')) {
      isInteger = false;
      ++at_;
      if (at_ != end_ && (*at_ == '+' || *at_ == '-')) ++at_;
      if (at_ == end_ || !isDigit(*at_)) return false;
      while (at_ != end_ && isDigit(*at_)) ++at_;
    }
    if (isInteger) return integer(start + (negative ? 1 : 0), integerEnd, negative, out);
    double d = 0;
    auto [ptr, ec] = std::from_chars(start, at_, d);
    if (ec != std::errc() || ptr != at_) return false;  // out of range: nlohmann decides
    out = d;
    return true;
  }

  static bool isDigit(char c) { return c >= '0' && c <= '9'; }

  static bool integer(const char* digits, const char* end, bool negative, Json& out) {
    uint64_t magnitude = 0;
    for (const char* d = digits; d != end; ++d) {
      uint64_t digit = static_cast<uint64_t>(*d - '0');
      if (magnitude > (UINT64_MAX - digit) / 10) return false;  // beyond 64 bits: nlohmann makes a double
      magnitude = magnitude * 10 + digit;
    }
    if (!negative) {
      out = magnitude;
      return true;
    }
    if (magnitude > static_cast<uint64_t>(INT64_MAX) + 1) return false;
    out = magnitude == static_cast<uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(magnitude);
    return true;
  }
};

}  // namespace

std::optional<Json> parseJsonDirect(std::string_view text) {
  try {
    Json out;
    if (DirectParser(text).document(out)) return out;
  } catch (const std::bad_alloc&) {
    // nlohmann's parser will meet the same shortage and report it
  }
  return std::nullopt;
}

size_t jsonNestingDepth(std::string_view text) {
  size_t depth = 0, deepest = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string textNestedTooDeep() { return "is nested deeper than " + std::to_string(kMaxJsonNesting) + " levels"; }

std::string valueNestedTooDeep() {
  return "nests arrays and objects deeper than " + std::to_string(kMaxJsonNesting) + " levels";
}

std::string whyNotJson(std::string_view text) {
  return jsonNestingDepth(text) > kMaxJsonNesting ? textNestedTooDeep() : "is not JSON";
}

Json parseJson(std::string_view text) {
  if (std::optional<Json> direct = parseJsonDirect(text)) return std::move(*direct);
  // nlohmann's lexer takes a NUL byte for the end of the text, which would
  // accept '{"a":1}' followed by NUL and anything at all.
  if (text.find('\0') != std::string_view::npos) return Json(Json::value_t::discarded);
  if (jsonNestingDepth(text) > kMaxJsonNesting) return Json(Json::value_t::discarded);
  return Json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace aslrt
