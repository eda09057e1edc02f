// UTF-8 encoding/decoding (lenient: surrogates encoded as WTF-8 survive).
#include "utf8.h"

namespace aslrt::jsonata {

static size_t seqLen(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

std::vector<uint32_t> decodeUtf8(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = seqLen(c);
    if (i + n > s.size()) n = 1;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string encodeUtf8(const std::vector<uint32_t>& cps, size_t from, size_t to) {
  std::string out;
  if (to > cps.size()) to = cps.size();
  for (size_t i = from; i < to; ++i) appendUtf8(out, cps[i]);
  return out;
}

size_t utf8Length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += seqLen(static_cast<unsigned char>(s[i]))) ++n;
  return n;
}

size_t utf8Offset(std::string_view s, size_t cpIndex) {
  size_t i = 0;
  for (size_t k = 0; k < cpIndex && i < s.size(); ++k) i += seqLen(static_cast<unsigned char>(s[i]));
  return i < s.size() ? i : s.size();
}

}  // namespace aslrt::jsonata
