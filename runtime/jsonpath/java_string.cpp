#include "java_string.h"

#include "aslrt/word_scan.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace aslrt::jsonpath_detail {
namespace {

// Shortest round-trip digits and decimal exponent: value = 0.d1d2... * 10^exp10.
void shortestDigits(double value, std::string* digits, int* exp10) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string s(buf, res.ptr);  // "d.dddde+XX"
  size_t e = s.find('e');
  int exponent = std::atoi(s.c_str() + e + 1);
  digits->clear();
  for (size_t i = 0; i < e; ++i) {
    if (s[i] != '.') *digits += s[i];
  }
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
  *exp10 = exponent + 1;
}

std::string plainDecimal(const std::string& digits, int exp10) {
  std::string out;
  if (exp10 <= 0) {
    out = "0." + std::string(static_cast<size_t>(-exp10), '0') + digits;
    return out;
  }
  std::string intPart = digits.substr(0, std::min<size_t>(digits.size(), exp10));
  intPart.append(static_cast<size_t>(exp10) - intPart.size(), '0');
  std::string frac = digits.size() > static_cast<size_t>(exp10) ? digits.substr(exp10) : "0";
  return intPart + "." + frac;
}

// Scalars other than doubles and strings print the same in Java's
// toString() and in JSON: null, booleans, integers.
void appendPlainScalar(const Json& value, std::string* out) {
  if (value.is_null()) {
    *out += "null";
  } else if (value.is_boolean()) {
    *out += value.get<bool>() ? "true" : "false";
  } else if (value.is_number_integer() || value.is_number_unsigned()) {
    char buf[24];
    auto res = value.is_number_unsigned()
                   ? std::to_chars(buf, buf + sizeof buf, value.get<uint64_t>())
                   : std::to_chars(buf, buf + sizeof buf, value.get<int64_t>());
    out->append(buf, res.ptr);
  } else {
    *out += value.dump();  // not reached for payload values
  }
}

// Whether s is printable ASCII without quotes or backslashes, i.e. prints in
// JSON as it is; 8 bytes at a time, as most keys and values do.
bool printsAsItIs(const std::string& s) {
  using namespace word_scan;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = load(s.data() + i);
    if (anyNotPlain(w) || hasByte(w, 0x7F)) return false;
  }
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                     [](char ch) { return ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\'; });
}

// Java's AbstractMap/AbstractCollection toString(): "{k=v, ...}", "[a, b]".
void appendJavaJoined(const Json& value, std::string* out) {
  bool object = value.is_object();
  *out += object ? '{' : '[';
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (it != value.begin()) *out += ", ";
    if (object) *out += it.key(), *out += '=';
    appendJavaToString(*it, out);
  }
  *out += object ? '}' : ']';
}

}  // namespace

std::string javaDoubleToString(double value) {
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  std::string sign = value < 0 ? "-" : "";
  double mag = std::fabs(value);
  std::string digits;
  int exp10 = 0;
  shortestDigits(mag, &digits, &exp10);
  if (mag >= 1e-3 && mag < 1e7) return sign + plainDecimal(digits, exp10);
  std::string mantissa = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  return sign + mantissa + "E" + std::to_string(exp10 - 1);
}

void appendJavaToString(const Json& value, std::string* out) {
  if (value.is_string()) *out += value.get_ref<const std::string&>();
  else if (value.is_number_float()) *out += javaDoubleToString(value.get<double>());
  else if (value.is_structured()) appendJavaJoined(value, out);
  else appendPlainScalar(value, out);
}

std::string javaToString(const Json& value) {
  std::string out;
  appendJavaToString(value, &out);
  return out;
}

namespace {

// Writes JSON text into a buffer the thread keeps (no regrowth while
// printing once it has grown to a document's size), a raw cursor instead of
// std::string's out-of-line push_back and append per token.
class DumpWriter {
 public:
  DumpWriter() : buffer_(scratch()) {}
  // A buffer grown for an unusually large document is let go: the thread
  // keeps its buffer, and may live long after.
  ~DumpWriter() {
    if (buffer_.capacity > kKeptBytes) buffer_ = Buffer();
  }
  DumpWriter(const DumpWriter&) = delete;
  DumpWriter& operator=(const DumpWriter&) = delete;
  std::string text() const { return std::string(buffer_.data.get(), length_); }

  void value(const Json& v) {
    switch (v.type()) {
      case Json::value_t::string: return quoted(v.get_ref<const std::string&>());
      case Json::value_t::object: return object(v.get_ref<const Json::object_t&>());
      case Json::value_t::array: return array(v.get_ref<const Json::array_t&>());
      case Json::value_t::number_unsigned: return number(*v.get_ptr<const Json::number_unsigned_t*>());
      case Json::value_t::number_integer: return number(*v.get_ptr<const Json::number_integer_t*>());
      case Json::value_t::number_float: return put(javaDoubleToString(*v.get_ptr<const Json::number_float_t*>()));
      case Json::value_t::null: return put("null", 4);
      case Json::value_t::boolean: return v.get_ref<const Json::boolean_t&>() ? put("true", 4) : put("false", 5);
      default: return put(v.dump());  // not reached for payload values
    }
  }

 private:
  struct Buffer {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;
  };
  static Buffer& scratch() {
    thread_local Buffer buffer;
    return buffer;
  }
  static constexpr size_t kKeptBytes = size_t(64) << 10;

  // (the containers themselves: nlohmann's iterators cost more)
  void object(const Json::object_t& members) {
    put('{');
    bool first = true;
    for (const auto& [key, member] : members) {
      if (!first) put(',');
      first = false;
      quoted(key);
      put(':');
      value(member);
    }
    put('}');
  }
  void array(const Json::array_t& items) {
    put('[');
    bool first = true;
    for (const Json& item : items) {
      if (!first) put(',');
      first = false;
      value(item);
    }
    put(']');
  }
  // A JSON string literal as Json::dump() writes it. Printable ASCII without
  // quotes or backslashes needs no escaping; anything else goes through
  // nlohmann, which also rejects invalid UTF-8 as dump() does.
  void quoted(const std::string& s) {
    if (!printsAsItIs(s)) return put(Json(s).dump());
    char* at = room(s.size() + 2);
    at[0] = '"';
    std::memcpy(at + 1, s.data(), s.size());
    at[s.size() + 1] = '"';
    length_ += s.size() + 2;
  }
  template <class Integer>
  void number(Integer n) {
    char* at = room(24);
    length_ = static_cast<size_t>(std::to_chars(at, at + 24, n).ptr - buffer_.data.get());
  }
  void put(char c) {
    *room(1) = c;
    ++length_;
  }
  void put(const char* text, size_t size) {
    std::memcpy(room(size), text, size);
    length_ += size;
  }
  void put(const std::string& text) { put(text.data(), text.size()); }
  // Where the next `size` bytes go.
  char* room(size_t size) {
    if (size > buffer_.capacity - length_) grow(size);
    return buffer_.data.get() + length_;
  }
  void grow(size_t size) {
    size_t capacity = std::max({size_t(256), 2 * buffer_.capacity, length_ + size});
    std::unique_ptr<char[]> larger(new char[capacity]);
    if (length_) std::memcpy(larger.get(), buffer_.data.get(), length_);
    buffer_.data = std::move(larger);
    buffer_.capacity = capacity;
  }

  Buffer& buffer_;
  size_t length_ = 0;
};

}  // namespace

std::string javaJsonDump(const Json& value) {
  DumpWriter writer;
  writer.value(value);
  return writer.text();
}

std::string javaClassName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return "java.lang.String";
    case Json::value_t::boolean:
      return "java.lang.Boolean";
    case Json::value_t::number_float:
      return "java.lang.Double";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      bool fitsInt = value >= INT32_MIN && value <= INT32_MAX;
      return fitsInt ? "java.lang.Integer" : "java.lang.Long";
    }
    case Json::value_t::array:
      return "java.util.ArrayList";
    case Json::value_t::object:
      return "java.util.LinkedHashMap";
    default:
      return "null";
  }
}

}  // namespace aslrt::jsonpath_detail
