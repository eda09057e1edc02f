// String order as Java's String.compareTo and JavaScript's < see it: by
// UTF-16 code units, on UTF-8 text. It differs from byte (code point) order
// only where a character beyond U+FFFF meets one in U+E000..U+FFFF: its
// surrogate pair (U+D800..) sorts first. Choice's String* comparisons (AWS
// runs Java) and JSONata's <, > and $sort (JavaScript semantics) use it.
#pragma once
#include <cstdint>
#include <string_view>

namespace aslrt {

namespace utf16_detail {

// The code point starting at s[i] (i at a sequence's first byte); -1 when
// the bytes there are no well-formed UTF-8.
inline int64_t codePointAt(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) return -1;
  if (length == 1) return b;
  int64_t cp = b & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return cp;
}

// The first UTF-16 unit of a code point: itself, or its high surrogate.
inline int64_t firstUnit(int64_t cp) { return cp < 0x10000 ? cp : 0xD800 + ((cp - 0x10000) >> 10); }

}  // namespace utf16_detail

// <0, 0 or >0 as a sorts before, with or after b.
inline int compareUtf16(std::string_view a, std::string_view b) {
  size_t n = a.size() < b.size() ? a.size() : b.size(), i = 0;
  while (i < n && a[i] == b[i]) ++i;
  if (i == n) return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
  int byteOrder = static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
  while (i > 0 && (static_cast<unsigned char>(a[i]) & 0xC0) == 0x80) --i;  // back to the character's start
  int64_t ca = utf16_detail::codePointAt(a, i), cb = utf16_detail::codePointAt(b, i);
  if (ca < 0 || cb < 0) return byteOrder;  // not UTF-8: bytes decide
  int64_t ua = utf16_detail::firstUnit(ca), ub = utf16_detail::firstUnit(cb);
  if (ua != ub) return ua < ub ? -1 : 1;
  return ca < cb ? -1 : ca > cb ? 1 : byteOrder;
}

}  // namespace aslrt
