#include "aslrt/base64.h"

#include <array>
#include <cstdint>

namespace aslrt {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Each byte's 6-bit value, or -1 for a byte outside the alphabet.
constexpr std::array<int8_t, 256> decodingTable() {
  std::array<int8_t, 256> table{};
  for (size_t i = 0; i < 256; ++i) table[i] = -1;
  for (int8_t v = 0; v < 64; ++v) table[static_cast<unsigned char>(kAlphabet[v])] = v;
  return table;
}
constexpr std::array<int8_t, 256> kDecoding = decodingTable();

}  // namespace

std::string base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '=');
  char* to = out.data();
  auto byteAt = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = byteAt(i) << 16 | byteAt(i + 1) << 8 | byteAt(i + 2);
    *to++ = kAlphabet[v >> 18];
    *to++ = kAlphabet[(v >> 12) & 63];
    *to++ = kAlphabet[(v >> 6) & 63];
    *to++ = kAlphabet[v & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  uint32_t v = byteAt(i) << 16 | (rest == 2 ? byteAt(i + 1) << 8 : 0);
  *to++ = kAlphabet[v >> 18];
  *to++ = kAlphabet[(v >> 12) & 63];
  if (rest == 2) *to = kAlphabet[(v >> 6) & 63];  // the rest is already '='
  return out;
}

std::string base64Decode(std::string_view text) {
  std::string out(3 * (text.size() / 4) + 3, '\0');
  char* to = out.data();
  auto valueAt = [&](size_t k) { return kDecoding[static_cast<unsigned char>(text[k])]; };
  // Whole groups of four alphabet characters, three bytes each (all of a
  // well-formed text but its padded end); the loop below does the rest.
  size_t i = 0;
  for (; i + 4 <= text.size(); i += 4) {
    int8_t a = valueAt(i), b = valueAt(i + 1), c = valueAt(i + 2), d = valueAt(i + 3);
    if ((a | b | c | d) < 0) break;
    uint32_t v = static_cast<uint32_t>(a) << 18 | static_cast<uint32_t>(b) << 12 | static_cast<uint32_t>(c) << 6 |
                 static_cast<uint32_t>(d);
    *to++ = static_cast<char>(v >> 16);
    *to++ = static_cast<char>((v >> 8) & 0xFF);
    *to++ = static_cast<char>(v & 0xFF);
  }
  uint32_t bits = 0;
  int count = 0;
  for (char c : text.substr(i)) {
    int8_t v = kDecoding[static_cast<unsigned char>(c)];
    if (v < 0) continue;
    bits = bits << 6 | static_cast<uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      *to++ = static_cast<char>((bits >> count) & 0xFF);
    }
  }
  out.resize(static_cast<size_t>(to - out.data()));
  return out;
}

bool inBase64Alphabet(std::string_view text) {
  auto valueAt = [&](size_t k) { return kDecoding[static_cast<unsigned char>(text[k])]; };
  int8_t all = 0;  // negative once any byte is outside the alphabet
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8)  // (eight lookups per test of the loop)
    all |= valueAt(i) | valueAt(i + 1) | valueAt(i + 2) | valueAt(i + 3) | valueAt(i + 4) | valueAt(i + 5) |
           valueAt(i + 6) | valueAt(i + 7);
  for (; i < text.size(); ++i) all |= valueAt(i);
  return all >= 0;
}

}  // namespace aslrt
