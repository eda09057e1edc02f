// A hexadecimal digit's value, for \uXXXX escapes (JSON, JSONata) and %XX
// (URI decoding).
#pragma once

namespace aslrt {

// 0-15, or -1 when `c` is not a hex digit (either case).
inline int hexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace aslrt
