// Tests on 8 bytes of text at once, for the loops that skip over the plain
// part of JSON strings (most keys and values need no escaping): the classic
// "has a zero byte / a byte less than n" bit tricks. Each answers whether
// any of the 8 bytes qualifies, exactly.
#pragma once
#include <cstdint>
#include <cstring>

namespace aslrt::word_scan {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

inline uint64_t load(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Any byte equal to c.
inline bool hasByte(uint64_t w, unsigned char c) {
  uint64_t x = w ^ (kOnes * c);
  return ((x - kOnes) & ~x & kHighs) != 0;
}

// Any byte below 0x20, '"' or '\\': the bytes JSON escapes.
inline bool anyEscapes(uint64_t w) {
  uint64_t below20 = (w - kOnes * 0x20) & ~w & kHighs;
  return below20 != 0 || hasByte(w, '"') || hasByte(w, '\\');
}

// Any byte past ASCII (the start or middle of a multi-byte UTF-8 character).
inline bool anyNonAscii(uint64_t w) { return (w & kHighs) != 0; }

// Any byte that is not plain ASCII text inside a JSON string: past ASCII, or
// one JSON escapes.
inline bool anyNotPlain(uint64_t w) { return anyNonAscii(w) || anyEscapes(w); }

}  // namespace aslrt::word_scan
