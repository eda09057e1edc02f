// Base64, Hash and UUID intrinsics. AWS caps Base64 and Hash input at 10,000
// characters ("Intrinsics for data encoding and decoding", "... hash calculation").
#include <uuid/uuid.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "aslrt/base64.h"
#include "aslrt/digest.h"
#include "intrinsic_ast.h"

namespace aslrt::intrinsic_detail {
namespace {

constexpr size_t kMaxEncodingInput = 10000;

bool fail(std::string* cause, const char* fn, const std::string& why) {
  *cause = std::string("Invalid arguments in ") + fn + ": " + why;
  return false;
}

bool checkedString(const Args& args, size_t i, const char* fn, std::string* cause) {
  if (!wantString(args, i, fn, cause)) return false;
  if (args[i].value().get_ref<const std::string&>().size() <= kMaxEncodingInput) return true;
  return fail(cause, fn, "the input must not be longer than 10000 characters");
}

// Length of the UTF-8 sequence starting at bytes[i] if it is well formed
// (lead byte and continuation bytes only), else 0.
size_t utf8SequenceLength(const std::string& bytes, size_t i) {
  unsigned char c = static_cast<unsigned char>(bytes[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > bytes.size()) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(bytes[i + k]) >> 6) != 2) return 0;
  return len;
}

// Decoded bytes become a JSON string, which must be UTF-8: invalid sequences
// turn into U+FFFD as Java's decoder does. Valid input (the usual case) is
// returned as it is.
std::string sanitizeUtf8(std::string bytes) {
  size_t valid = 0;
  for (uint64_t w; valid + 8 <= bytes.size(); valid += 8) {  // ASCII, 8 bytes at a time
    std::memcpy(&w, bytes.data() + valid, 8);
    if (w & 0x8080808080808080ull) break;
  }
  for (size_t len; valid < bytes.size(); valid += len) {
    if (static_cast<unsigned char>(bytes[valid]) < 0x80) {  // ASCII, most of it
      len = 1;
      continue;
    }
    if ((len = utf8SequenceLength(bytes, valid)) == 0) break;
  }
  if (valid == bytes.size()) return bytes;
  std::string out = bytes.substr(0, valid);
  for (size_t i = valid; i < bytes.size();) {
    size_t len = utf8SequenceLength(bytes, i);
    if (len) out.append(bytes, i, len);
    else out += "\xEF\xBF\xBD";
    i += len ? len : 1;
  }
  return out;
}

// Java's Base64 decoder (RFC 4648 alphabet) accepts missing padding but not
// wrong padding: the length of the characters before any '=', when the
// padding is well-formed (then the alphabet is checked as they decode).
std::optional<size_t> unpaddedLength(const std::string& s) {
  size_t data = s.find('=');
  if (data == std::string::npos) data = s.size();
  size_t pad = s.size() - data;
  if (s.find_first_not_of('=', data) != std::string::npos || data % 4 == 1) return std::nullopt;
  if (pad != 0 && (s.size() % 4 != 0 || pad > 2)) return std::nullopt;
  return data;
}

}  // namespace

std::optional<Json> evalBase64Encode(const Args& args, const EvalContext&, std::string* cause) {
  if (!checkedString(args, 0, "States.Base64Encode", cause)) return std::nullopt;
  return Json(base64Encode(args[0].value().get_ref<const std::string&>()));
}

std::optional<Json> evalBase64Decode(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.Base64Decode";
  if (!checkedString(args, 0, fn, cause)) return std::nullopt;
  const std::string& text = args[0].value().get_ref<const std::string&>();
  std::optional<size_t> data = unpaddedLength(text);
  std::optional<std::string> bytes = data ? base64DecodeAlphabet(std::string_view(text).substr(0, *data)) : std::nullopt;
  if (!bytes) return fail(cause, fn, "the input is not valid Base64"), std::nullopt;
  return Json(sanitizeUtf8(std::move(*bytes)));
}

std::optional<Json> evalHash(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.Hash";
  if (!checkedString(args, 0, fn, cause) || !wantString(args, 1, fn, cause)) return std::nullopt;
  std::optional<std::string> hex = hexDigest(args[1].value().get_ref<const std::string&>(),
                                             args[0].value().get_ref<const std::string&>());
  if (!hex)
    return fail(cause, fn, "the hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"), std::nullopt;
  return Json(std::move(*hex));
}

// A version-4 UUID from the run's seeded generator (reproducible runs).
std::optional<Json> evalUUID(const Args&, const EvalContext& ctx, std::string*) {
  std::mt19937_64& rng = ctx.random();
  uuid_t bytes;
  for (int i = 0; i < 16; i += 8) {
    uint64_t r = rng();
    for (int k = 0; k < 8; ++k) bytes[i + k] = static_cast<unsigned char>(r >> (8 * k));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char text[37];
  uuid_unparse_lower(bytes, text);
  return Json(std::string(text));
}

}  // namespace aslrt::intrinsic_detail
