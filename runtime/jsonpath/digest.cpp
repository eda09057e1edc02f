// Message digests for States.Hash and JSONata's $hash, from their
// specifications: MD5 (RFC 1321), SHA-1, SHA-256, SHA-384 and SHA-512
// (FIPS 180-4). Written here rather than taken from OpenSSL, which added
// about 3 MB to every executable and ~2 ms to its first hash (provider
// set-up), for five small functions.
#include "aslrt/digest.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "sha256_ni.h"

namespace aslrt {
namespace {

// The eight working variables of SHA-2 are a..g and k (FIPS 180-4's h, which
// would shadow the state array here).
// The round constants. MD5's: floor(|sin(i + 1)| * 2^32). SHA-2's: the
// first bits of the fractional parts of the cube roots (K) and square roots
// (initial state) of the first primes, as FIPS 180-4 defines them.
constexpr uint32_t kMd5[64] = {
    0xd76aa478u, 0xe8c7b756u, 0x242070dbu, 0xc1bdceeeu, 0xf57c0fafu, 0x4787c62au, 0xa8304613u, 0xfd469501u,
    0x698098d8u, 0x8b44f7afu, 0xffff5bb1u, 0x895cd7beu, 0x6b901122u, 0xfd987193u, 0xa679438eu, 0x49b40821u,
    0xf61e2562u, 0xc040b340u, 0x265e5a51u, 0xe9b6c7aau, 0xd62f105du, 0x02441453u, 0xd8a1e681u, 0xe7d3fbc8u,
    0x21e1cde6u, 0xc33707d6u, 0xf4d50d87u, 0x455a14edu, 0xa9e3e905u, 0xfcefa3f8u, 0x676f02d9u, 0x8d2a4c8au,
    0xfffa3942u, 0x8771f681u, 0x6d9d6122u, 0xfde5380cu, 0xa4beea44u, 0x4bdecfa9u, 0xf6bb4b60u, 0xbebfbc70u,
    0x289b7ec6u, 0xeaa127fau, 0xd4ef3085u, 0x04881d05u, 0xd9d4d039u, 0xe6db99e5u, 0x1fa27cf8u, 0xc4ac5665u,
    0xf4292244u, 0x432aff97u, 0xab9423a7u, 0xfc93a039u, 0x655b59c3u, 0x8f0ccc92u, 0xffeff47du, 0x85845dd1u,
    0x6fa87e4fu, 0xfe2ce6e0u, 0xa3014314u, 0x4e0811a1u, 0xf7537e82u, 0xbd3af235u, 0x2ad7d2bbu, 0xeb86d391u,
};
constexpr uint32_t kSha256[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};
constexpr uint32_t kSha256Init[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};
constexpr uint64_t kSha512[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};
constexpr uint64_t kSha512Init[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};
constexpr uint64_t kSha384Init[8] = {
    0xcbbb9d5dc1059ed8ull, 0x629a292a367cd507ull, 0x9159015a3070dd17ull, 0x152fecd8f70e5939ull,
    0x67332667ffc00b31ull, 0x8eb44a8768581511ull, 0xdb0c2e0d64f98fa7ull, 0x47b5481dbefa4fa4ull,
};

constexpr int kMd5Shift[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

uint32_t rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

uint32_t loadBig32(const unsigned char* p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}
uint64_t loadBig64(const unsigned char* p) { return uint64_t(loadBig32(p)) << 32 | loadBig32(p + 4); }
uint32_t loadLittle32(const unsigned char* p) {
  return uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | uint32_t(p[0]);
}

// Calls block(bytes) for each block of the message padded as all five
// digests pad it: 0x80, zeros, then the bit length in the last
// `lengthBytes` bytes of the last block, big-endian (SHA) or little-endian
// (MD5). Whole blocks are read in place; only the tail is copied.
template <typename Block>
void forEachBlock(std::string_view data, size_t blockBytes, size_t lengthBytes, bool bigEndian, Block&& block) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(data.data());
  size_t whole = data.size() / blockBytes * blockBytes;
  for (size_t at = 0; at < whole; at += blockBytes) block(bytes + at);
  unsigned char tail[256] = {};  // at most two blocks of 128
  size_t rest = data.size() - whole;
  std::memcpy(tail, bytes + whole, rest);
  tail[rest] = 0x80;
  size_t tailBytes = rest + 1 + lengthBytes <= blockBytes ? blockBytes : 2 * blockBytes;
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;  // lengths above 2^64 bits cannot occur here
  for (size_t i = 0; i < 8; ++i) {
    unsigned char byte = static_cast<unsigned char>(bits >> (8 * i));
    tail[bigEndian ? tailBytes - 1 - i : tailBytes - lengthBytes + i] = byte;
  }
  for (size_t at = 0; at < tailBytes; at += blockBytes) block(tail + at);
}

// Each byte's two lowercase hex digits.
constexpr std::array<char, 512> hexPairs() {
  std::array<char, 512> pairs{};
  constexpr char kHex[] = "0123456789abcdef";
  for (size_t byte = 0; byte < 256; ++byte) {
    pairs[2 * byte] = kHex[byte >> 4];
    pairs[2 * byte + 1] = kHex[byte & 15];
  }
  return pairs;
}
constexpr std::array<char, 512> kHexPairs = hexPairs();

template <typename Word>
std::string hexOf(const Word* words, size_t count, bool bigEndian) {
  std::string hex(2 * sizeof(Word) * count, '\0');
  char* out = hex.data();
  for (size_t w = 0; w < count; ++w)
    for (size_t b = 0; b < sizeof(Word); ++b) {
      size_t shift = 8 * (bigEndian ? sizeof(Word) - 1 - b : b);
      size_t byte = static_cast<size_t>((words[w] >> shift) & 0xFF);
      std::memcpy(out, &kHexPairs[2 * byte], 2);
      out += 2;
    }
  return hex;
}

std::string md5(std::string_view data) {
  uint32_t h[4] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};
  forEachBlock(data, 64, 8, false, [&](const unsigned char* block) {
    uint32_t m[16];
    for (int i = 0; i < 16; ++i) m[i] = loadLittle32(block + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; ++i) {
      uint32_t f;
      int g;
      if (i < 16) f = (b & c) | (~b & d), g = i;
      else if (i < 32) f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
      else if (i < 48) f = b ^ c ^ d, g = (3 * i + 5) % 16;
      else f = c ^ (b | ~d), g = (7 * i) % 16;
      f += a + kMd5[i] + m[g];
      a = d, d = c, c = b;
      b += rotl32(f, kMd5Shift[(i / 16) * 4 + i % 4]);
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
  });
  return hexOf(h, 4, false);
}

std::string sha1(std::string_view data) {
  uint32_t h[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};
  forEachBlock(data, 64, 8, true, [&](const unsigned char* block) {
    uint32_t w[80];
    for (int t = 0; t < 16; ++t) w[t] = loadBig32(block + 4 * t);
    for (int t = 16; t < 80; ++t) w[t] = rotl32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; ++t) {
      uint32_t f, k;
      if (t < 20) f = (b & c) | (~b & d), k = 0x5a827999u;
      else if (t < 40) f = b ^ c ^ d, k = 0x6ed9eba1u;
      else if (t < 60) f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdcu;
      else f = b ^ c ^ d, k = 0xca62c1d6u;
      uint32_t temp = rotl32(a, 5) + f + e + k + w[t];
      e = d, d = c, c = rotl32(b, 30), b = a, a = temp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  });
  return hexOf(h, 5, true);
}

// SHA-256 and SHA-512 differ only in word size, round count and the
// rotation amounts of their four sigma functions (FIPS 180-4, 4.1.2-4.1.3).
template <typename Word>
struct Sha2;
template <>
struct Sha2<uint32_t> {
  static constexpr size_t kBlockBytes = 64, kLengthBytes = 8, kRounds = 64;
  static constexpr int kBig0[3] = {2, 13, 22}, kBig1[3] = {6, 11, 25}, kSmall0[3] = {7, 18, 3}, kSmall1[3] = {17, 19, 10};
  static constexpr const uint32_t* kConstants = kSha256;
  static uint32_t load(const unsigned char* p) { return loadBig32(p); }
};
template <>
struct Sha2<uint64_t> {
  static constexpr size_t kBlockBytes = 128, kLengthBytes = 16, kRounds = 80;
  static constexpr int kBig0[3] = {28, 34, 39}, kBig1[3] = {14, 18, 41}, kSmall0[3] = {1, 8, 7}, kSmall1[3] = {19, 61, 6};
  static constexpr const uint64_t* kConstants = kSha512;
  static uint64_t load(const unsigned char* p) { return loadBig64(p); }
};

template <typename Word>
Word rotr(Word x, int n) {
  return (x >> n) | (x << (8 * sizeof(Word) - n));
}

// A SHA-2 digest from its initial state, as the first `words` words of the
// final state (SHA-384 keeps 6 of SHA-512's 8).
template <typename Word>
std::string sha2(std::string_view data, const Word (&init)[8], size_t words, bool useCpuInstructions) {
  using P = Sha2<Word>;
  Word h[8];
  std::memcpy(h, init, sizeof h);
  forEachBlock(data, P::kBlockBytes, P::kLengthBytes, true, [&](const unsigned char* block) {
    if constexpr (std::is_same_v<Word, uint32_t>)
      if (useCpuInstructions) return digest_detail::compressSha256WithInstructions(h, block, kSha256);
    Word w[P::kRounds];
    for (size_t t = 0; t < 16; ++t) w[t] = P::load(block + sizeof(Word) * t);
    for (size_t t = 16; t < P::kRounds; ++t) {
      Word s0 = rotr(w[t - 15], P::kSmall0[0]) ^ rotr(w[t - 15], P::kSmall0[1]) ^ (w[t - 15] >> P::kSmall0[2]);
      Word s1 = rotr(w[t - 2], P::kSmall1[0]) ^ rotr(w[t - 2], P::kSmall1[1]) ^ (w[t - 2] >> P::kSmall1[2]);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    Word a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (size_t t = 0; t < P::kRounds; ++t) {
      Word big1 = rotr(e, P::kBig1[0]) ^ rotr(e, P::kBig1[1]) ^ rotr(e, P::kBig1[2]);
      Word t1 = k + big1 + ((e & f) ^ (~e & g)) + P::kConstants[t] + w[t];
      Word big0 = rotr(a, P::kBig0[0]) ^ rotr(a, P::kBig0[1]) ^ rotr(a, P::kBig0[2]);
      Word t2 = big0 + ((a & b) ^ (a & c) ^ (b & c));
      k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
  });
  return hexOf(h, words, true);
}

}  // namespace

namespace digest_detail {
std::string sha256Hex(std::string_view data, bool allowCpuInstructions) {
  return sha2(data, kSha256Init, 8, allowCpuInstructions && haveSha256Instructions());
}
}  // namespace digest_detail

std::optional<std::string> hexDigest(std::string_view algorithm, std::string_view data) {
  if (algorithm == "MD5") return md5(data);
  if (algorithm == "SHA-1") return sha1(data);
  if (algorithm == "SHA-256") return digest_detail::sha256Hex(data, true);
  if (algorithm == "SHA-384") return sha2(data, kSha384Init, 6, false);
  if (algorithm == "SHA-512") return sha2(data, kSha512Init, 8, false);
  return std::nullopt;
}

}  // namespace aslrt
