// Base64, Hash and UUID intrinsics. AWS caps Base64 and Hash input at 10,000
// characters ("Intrinsics for data encoding and decoding", "... hash calculation").
#include <openssl/evp.h>
#include <uuid/uuid.h>

#include <memory>

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
  for (size_t len; valid < bytes.size() && (len = utf8SequenceLength(bytes, valid));) valid += len;
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

// RFC 4648's alphabet, in ASCII whatever the C locale (isalnum's is not).
bool isBase64Char(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '+' || ch == '/';
}

// Java's Base64 decoder (RFC 4648 alphabet) accepts missing padding but not
// wrong padding; returns the input padded to a multiple of 4, or nullopt.
std::optional<std::string> paddedBase64(const std::string& s) {
  size_t data = s.find('=');
  if (data == std::string::npos) data = s.size();
  for (size_t i = 0; i < data; ++i)
    if (!isBase64Char(s[i])) return std::nullopt;
  size_t pad = s.size() - data;
  if (s.find_first_not_of('=', data) != std::string::npos || data % 4 == 1) return std::nullopt;
  if (pad != 0 && (s.size() % 4 != 0 || pad > 2)) return std::nullopt;
  return s + std::string((4 - s.size() % 4) % 4, '=');
}

struct Digest {
  const char* name;  // AWS's name, which OpenSSL 3 also accepts
  const EVP_MD* (*legacy)();
};
constexpr Digest kDigests[] = {{"MD5", EVP_md5},         {"SHA-1", EVP_sha1},
                               {"SHA-256", EVP_sha256},   {"SHA-384", EVP_sha384},
                               {"SHA-512", EVP_sha512}};
constexpr size_t kDigestCount = sizeof kDigests / sizeof kDigests[0];

// Fetched once (and never freed): with a legacy EVP_sha256() & co. OpenSSL 3
// fetches the implementation from its provider again on every EVP_Digest.
struct FetchedDigests {
  const EVP_MD* md[kDigestCount];
  FetchedDigests() {
    for (size_t i = 0; i < kDigestCount; ++i) {
      md[i] = EVP_MD_fetch(nullptr, kDigests[i].name, nullptr);
      if (!md[i]) md[i] = kDigests[i].legacy();
    }
  }
};

const EVP_MD* digestFor(const std::string& name) {
  static const FetchedDigests fetched;
  for (size_t i = 0; i < kDigestCount; ++i)
    if (name == kDigests[i].name) return fetched.md[i];
  return nullptr;
}

}  // namespace

std::optional<Json> evalBase64Encode(const Args& args, const EvalContext&, std::string* cause) {
  if (!checkedString(args, 0, "States.Base64Encode", cause)) return std::nullopt;
  const std::string& in = args[0].value().get_ref<const std::string&>();
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  out.resize(static_cast<size_t>(n));
  return Json(std::move(out));
}

std::optional<Json> evalBase64Decode(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.Base64Decode";
  if (!checkedString(args, 0, fn, cause)) return std::nullopt;
  std::optional<std::string> in = paddedBase64(args[0].value().get_ref<const std::string&>());
  if (!in) return fail(cause, fn, "the input is not valid Base64"), std::nullopt;
  std::string out(3 * in->size() / 4 + 1, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in->data()),
                          static_cast<int>(in->size()));
  if (n < 0) return fail(cause, fn, "the input is not valid Base64"), std::nullopt;
  size_t pad = in->size() - in->find_last_not_of('=') - 1;
  if (in->empty()) pad = 0;
  out.resize(static_cast<size_t>(n) - pad);  // EVP_DecodeBlock counts padding as zero bytes
  return Json(sanitizeUtf8(std::move(out)));
}

std::optional<Json> evalHash(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.Hash";
  if (!checkedString(args, 0, fn, cause) || !wantString(args, 1, fn, cause)) return std::nullopt;
  const EVP_MD* md = digestFor(args[1].value().get_ref<const std::string&>());
  if (!md)
    return fail(cause, fn,
                "the hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
           std::nullopt;
  const std::string& data = args[0].value().get_ref<const std::string&>();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, md, nullptr) != 1)
    return fail(cause, fn, "hashing failed"), std::nullopt;
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) hex += {kHex[digest[i] >> 4], kHex[digest[i] & 15]};
  return Json(std::move(hex));
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
