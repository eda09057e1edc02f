// The digests and Base64 written in the runtime, against the published
// example vectors (RFC 1321 appendix A.5, FIPS 180-4's examples, RFC 4648
// section 10), including messages that fill a block exactly or cross into
// the next one when padded.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>

#include "aslrt/base64.h"
#include "aslrt/digest.h"
#include "sha256_ni.h"

namespace aslrt {
namespace {

std::string digest(const char* algorithm, std::string_view data) { return hexDigest(algorithm, data).value(); }

// SHA-256 by the CPU's SHA instructions (used when present) and by the
// portable code agree on messages of every length up to five blocks, random
// bytes included. Skipped where the CPU lacks the instructions (the portable
// code then serves, and the published examples above test it).
TEST(Digest, Sha256InstructionsAgreeWithPortableCode) {
  if (!digest_detail::haveSha256Instructions()) GTEST_SKIP() << "no SHA extensions on this CPU";
  EXPECT_EQ(digest_detail::sha256Hex("abc", true), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::mt19937 rng(11);
  for (size_t length = 0; length <= 320; ++length) {
    std::string message(length, '\0');
    for (char& c : message) c = static_cast<char>(rng());
    ASSERT_EQ(digest_detail::sha256Hex(message, true), digest_detail::sha256Hex(message, false)) << length;
  }
}

// The instructions are used where the CPU has them: the kernel's flag for
// them ("sha_ni" in /proc/cpuinfo, from the same cpuid) and the runtime's
// detection agree -- a detection that always said no would leave the
// portable code serving and the test above skipped, unnoticed.
TEST(Digest, DetectsTheSha256InstructionsTheCpuHas) {
#if defined(__x86_64__)
  std::ifstream cpuinfo("/proc/cpuinfo");
  if (!cpuinfo) GTEST_SKIP() << "no /proc/cpuinfo";
  std::string text((std::istreambuf_iterator<char>(cpuinfo)), std::istreambuf_iterator<char>());
  bool flagged = text.find(" sha_ni") != std::string::npos;
  bool ssse3 = text.find(" ssse3") != std::string::npos, sse41 = text.find(" sse4_1") != std::string::npos;
  EXPECT_EQ(digest_detail::haveSha256Instructions(), flagged && ssse3 && sse41);
#else
  EXPECT_FALSE(digest_detail::haveSha256Instructions());
#endif
}

TEST(Digest, PublishedExamples) {
  EXPECT_EQ(digest("MD5", ""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(digest("MD5", "abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(digest("MD5", "12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a");
  EXPECT_EQ(digest("SHA-1", "abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(digest("SHA-1", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(digest("SHA-256", "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(digest("SHA-256", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(digest("SHA-256", std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(digest("SHA-384", "abc"),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
  const char* twoBlocks =
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
  EXPECT_EQ(digest("SHA-384", twoBlocks),
            "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
  EXPECT_EQ(digest("SHA-512", "abc"),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(digest("SHA-512", twoBlocks),
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
            "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
}

TEST(Digest, PaddingAtBlockBoundaries) {
  // Where the padding's length field just fits, just does not, or the
  // message fills whole blocks (64-byte blocks; SHA-512's 128). Values from
  // Python's hashlib.
  EXPECT_EQ(digest("MD5", std::string(55, 'x')), "04364420e25c512fd958a70738aa8f72");
  EXPECT_EQ(digest("SHA-1", std::string(55, 'x')), "cef734ba81a024479e09eb5a75b6ddae62e6abf1");
  EXPECT_EQ(digest("SHA-256", std::string(55, 'x')), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
  EXPECT_EQ(digest("SHA-512", std::string(55, 'x')),
            "db9981645857e59805132f7699e78bbcf39f69380a41aac8e6fa158a0593f201"
            "7ffe48764687aa855dae3023fcceefd51a1551d57730423df18503e80ba381ba");
  EXPECT_EQ(digest("MD5", std::string(56, 'x')), "668a72d5ba17f08e62dabcafad6db14b");
  EXPECT_EQ(digest("SHA-1", std::string(56, 'x')), "901305367c259952f4e7af8323f480d59f81335b");
  EXPECT_EQ(digest("SHA-256", std::string(56, 'x')), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  EXPECT_EQ(digest("SHA-512", std::string(56, 'x')),
            "a9436ec7761f9f0d5fa48e652d72b54622f763b36106e6551900b32f6cd7f4d8"
            "8dbeaadeb866d7f5311663eda3bbcda04ffb5a8e6779e14b84e95da5327c083e");
  EXPECT_EQ(digest("MD5", std::string(64, 'x')), "c1bb4f81d892b2d57947682aeb252456");
  EXPECT_EQ(digest("SHA-1", std::string(64, 'x')), "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
  EXPECT_EQ(digest("SHA-256", std::string(64, 'x')), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
  EXPECT_EQ(digest("SHA-512", std::string(64, 'x')),
            "791c91ff44685987a5c01d2811eede6f3a28d65e43709953c295931afc494125"
            "1e3a5dccbacabaf01dd729589b1c4d47da93f6991c414f21188fb8449a2d1064");
  EXPECT_EQ(digest("MD5", std::string(111, 'x')), "acdfbe7d162f80a5133e9b10dac869b2");
  EXPECT_EQ(digest("SHA-1", std::string(111, 'x')), "ebcb0b3e48c9ef45a6cea955e622bad8c29ff4e7");
  EXPECT_EQ(digest("SHA-256", std::string(111, 'x')), "5ba60613dba318e9ed9020301e5dc59c721c19d82862e4d03718708aa75d2bad");
  EXPECT_EQ(digest("SHA-512", std::string(111, 'x')),
            "9a2a120825c2319867758ec277924f6faa254968bf752046dacdd948d8ad299b"
            "10359fd04bfd7d3810b5fa1b16a294236138baff981cbb85248478053ac4d3dd");
  EXPECT_EQ(digest("MD5", std::string(112, 'x')), "26382a8d1f5cdb7bce4d4a8f01920656");
  EXPECT_EQ(digest("SHA-1", std::string(112, 'x')), "27fa638e78d8524dae129c782bb9042f0caed9f9");
  EXPECT_EQ(digest("SHA-256", std::string(112, 'x')), "87bf6e70ecc829aa717756ac6797b82de8b30fca1281ea1659df31949839fc6b");
  EXPECT_EQ(digest("SHA-512", std::string(112, 'x')),
            "a3722b515ef40c910f2419f6e0da8ca51d410114ce6272faae64045f9e9f630e"
            "7fa8dd5a3243c9860b899d148c3da4bc0f9e07454542604d030bb55531fe0d5b");
  EXPECT_EQ(digest("MD5", std::string(128, 'x')), "d69cb61a6ee87200676eb0d4b90edbcb");
  EXPECT_EQ(digest("SHA-1", std::string(128, 'x')), "150fa3fbdc899bd0b8f95a9fb6027f564d953762");
  EXPECT_EQ(digest("SHA-256", std::string(128, 'x')), "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464");
  EXPECT_EQ(digest("SHA-512", std::string(128, 'x')),
            "e2e22f8422b54b06e35c3ea30a383d1de7a8fbc27992923074103117020d8dd7"
            "024c3ecf7d6d1a15a6de5a75ff32fb486b9e8ced4c02ffe05822bf2cb734d0e0");
}

TEST(Digest, UnknownAlgorithm) {
  EXPECT_FALSE(hexDigest("SHA-3", "x"));
  EXPECT_FALSE(hexDigest("sha-256", "x"));  // AWS's names are case-sensitive
}

TEST(Base64, Rfc4648Examples) {
  const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
  const char* encoded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(base64Encode(plain[i]), encoded[i]);
    EXPECT_EQ(base64Decode(encoded[i]), plain[i]);
  }
  std::string bytes;
  for (int c = 0; c < 256; ++c) bytes += static_cast<char>(c);
  EXPECT_EQ(base64Decode(base64Encode(bytes)), bytes);
  EXPECT_EQ(base64Decode("Zm9v\nYmFy"), "foobar");  // characters outside the alphabet are skipped
  EXPECT_EQ(base64Decode("Zg"), "f");               // missing padding: the whole bytes still come out
  // Skipped characters anywhere: before, inside and after whole groups of four.
  EXPECT_EQ(base64Decode(" Zm9vYmFy"), "foobar");
  EXPECT_EQ(base64Decode("Zm9vY mFy"), "foobar");
  EXPECT_EQ(base64Decode("Zm9vYmFy\n"), "foobar");
  EXPECT_EQ(base64Decode("Zm=9vYmFy"), "foobar");
  for (size_t n = 0; n < 40; ++n) {  // every length's padding, groups of four and the rest
    std::string prefix = bytes.substr(200, n);
    EXPECT_EQ(base64Decode(base64Encode(prefix)), prefix) << n;
  }
}

}  // namespace
}  // namespace aslrt
