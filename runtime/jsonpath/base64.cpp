#include "aslrt/base64.h"

#include <array>
#include <cstdint>
#include <cstring>

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

// A byte's 6-bit value placed for the k-th character of a group of four
// (k = 0 in the top bits), or kNotInAlphabet: four lookups OR'ed together give
// the group's three bytes, or a value with kNotInAlphabet set.
constexpr uint32_t kNotInAlphabet = 0x80000000u;
constexpr std::array<uint32_t, 256> placedTable(int k) {
  std::array<uint32_t, 256> table{};
  for (size_t i = 0; i < 256; ++i)
    table[i] = kDecoding[i] < 0 ? kNotInAlphabet : static_cast<uint32_t>(kDecoding[i]) << (18 - 6 * k);
  return table;
}
constexpr std::array<uint32_t, 256> kPlaced[4] = {placedTable(0), placedTable(1), placedTable(2), placedTable(3)};

// Decodes whole groups of four alphabet characters from `text` into `to`,
// stopping before the first group with any other character; returns the
// characters consumed (a multiple of four).
size_t decodeGroups(std::string_view text, char*& to) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  size_t i = 0;
  for (; i + 4 <= text.size(); i += 4) {
    uint32_t v = kPlaced[0][at(i)] | kPlaced[1][at(i + 1)] | kPlaced[2][at(i + 2)] | kPlaced[3][at(i + 3)];
    if (v & kNotInAlphabet) break;
    to[0] = static_cast<char>(v >> 16);
    to[1] = static_cast<char>(v >> 8);
    to[2] = static_cast<char>(v);
    to += 3;
  }
  return i;
}

// The two characters of every 12-bit value: a group of three bytes encodes
// as two lookups instead of four.
using CharPair = std::array<char, 2>;
constexpr std::array<CharPair, 4096> pairTable() {
  std::array<CharPair, 4096> table{};
  for (size_t v = 0; v < 4096; ++v) table[v] = {kAlphabet[v >> 6], kAlphabet[v & 63]};
  return table;
}
constexpr std::array<CharPair, 4096> kPairs = pairTable();

}  // namespace

std::string base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '=');
  char* to = out.data();
  auto byteAt = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3, to += 4) {
    uint32_t v = byteAt(i) << 16 | byteAt(i + 1) << 8 | byteAt(i + 2);
    std::memcpy(to, kPairs[v >> 12].data(), 2);
    std::memcpy(to + 2, kPairs[v & 4095].data(), 2);
  }
  size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  uint32_t v = byteAt(i) << 16 | (rest == 2 ? byteAt(i + 1) << 8 : 0);
  *to++ = kAlphabet[v >> 18];
  *to++ = kAlphabet[(v >> 12) & 63];
  if (rest == 2) *to = kAlphabet[(v >> 6) & 63];  // the rest is already '='
  return out;
}

namespace {

// Decodes `text`: whole groups first (all of a well-formed text but its
// padded end), then the rest a character at a time. A character outside the
// alphabet is skipped (skipOthers) or makes it nullopt. Trailing bits that
// make no whole byte are dropped.
std::optional<std::string> decode(std::string_view text, bool skipOthers) {
  std::string out(3 * (text.size() / 4) + 3, '\0');
  char* to = out.data();
  size_t i = decodeGroups(text, to);
  uint32_t bits = 0;
  int count = 0;
  for (char c : text.substr(i)) {
    int8_t v = kDecoding[static_cast<unsigned char>(c)];
    if (v < 0) {
      if (skipOthers) continue;
      return std::nullopt;
    }
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

}  // namespace

std::string base64Decode(std::string_view text) { return *decode(text, true); }

std::optional<std::string> base64DecodeAlphabet(std::string_view text) { return decode(text, false); }

}  // namespace aslrt
