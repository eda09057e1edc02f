// $base64encode/$base64decode and the URL encoding functions (JS
// encodeURI/encodeURIComponent/decodeURI/decodeURIComponent rules).
#include <cstring>

#include "aslrt/base64.h"
#include "aslrt/hex.h"
#include "errors.h"
#include "functions.h"
#include "utf8.h"

namespace aslrt::jsonata {

namespace {

std::string encodeUri(const std::string& s, const char* keep, const std::string& fname) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (uint32_t cp : decodeUtf8(s)) {
    if (cp >= 0xD800 && cp < 0xE000) throw JsonataError("D3140").tok(fname).val(s);
    if (cp < 0x80 && (std::isalnum(int(cp)) || std::strchr(keep, int(cp)))) {
      out += char(cp);
      continue;
    }
    std::string bytes;
    appendUtf8(bytes, cp);
    for (unsigned char b : bytes) {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
  return out;
}

// `reserved`: characters whose escapes decodeURI leaves alone.
std::string decodeUri(const std::string& s, const char* reserved, const std::string& fname) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    int h = i + 2 < s.size() ? hexDigitValue(s[i + 1]) : -1;
    int l = i + 2 < s.size() ? hexDigitValue(s[i + 2]) : -1;
    if (h < 0 || l < 0) throw JsonataError("D3140").tok(fname).val(s);
    char c = char(h * 16 + l);
    if (uint8_t(c) < 0x80 && c != 0 && std::strchr(reserved, c)) out += s.substr(i, 3);
    else out += c;
    i += 2;
  }
  // invalid UTF-8 produced by escapes is malformed
  for (size_t i = 0; i < out.size();) {
    unsigned char c = uint8_t(out[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > out.size()) throw JsonataError("D3140").tok(fname).val(s);
    for (size_t k = 1; k < n; ++k)
      if ((uint8_t(out[i + k]) >> 6) != 2) throw JsonataError("D3140").tok(fname).val(s);
    i += n;
  }
  return out;
}

}  // namespace

void registerEncodingFunctions(Registry& r) {
  addNative(r, "base64encode", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::string(base64Encode(a[0].s()));
  });
  addNative(r, "base64decode", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::string(base64Decode(a[0].s()));
  });
  addNative(r, "encodeUrlComponent", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::string(encodeUri(a[0].s(), "-_.!~*'()", "encodeUrlComponent"));
  });
  addNative(r, "encodeUrl", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::string(encodeUri(a[0].s(), "-_.!~*'();/?:@&=+$,#", "encodeUrl"));
  });
  addNative(r, "decodeUrlComponent", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::string(decodeUri(a[0].s(), "", "decodeUrlComponent"));
  });
  addNative(r, "decodeUrl", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::string(decodeUri(a[0].s(), ";/?:@&=+$,#", "decodeUrl"));
  });
}

}  // namespace aslrt::jsonata
