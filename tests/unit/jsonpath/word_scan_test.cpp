#include "aslrt/word_scan.h"

#include <gtest/gtest.h>

#include <string>

#include "aslrt/payload_size.h"
#include "java_string.h"

namespace aslrt {
namespace {

// Every byte value at every position of a word of plain bytes: each test
// answers exactly what its byte-by-byte definition says.
TEST(WordScan, AgreesWithByteByByteTestsForEveryByteAndPosition) {
  for (int b = 0; b < 256; ++b) {
    for (int at = 0; at < 8; ++at) {
      std::string bytes(8, 'a');
      bytes[at] = static_cast<char>(b);
      uint64_t w = word_scan::load(bytes.data());
      bool escapes = b < 0x20 || b == '"' || b == '\\';
      EXPECT_EQ(word_scan::anyEscapes(w), escapes) << b << " at " << at;
      EXPECT_EQ(word_scan::anyNonAscii(w), b >= 0x80) << b << " at " << at;
      EXPECT_EQ(word_scan::anyNotPlain(w), escapes || b >= 0x80) << b << " at " << at;
      EXPECT_EQ(word_scan::hasByte(w, 0x7F), b == 0x7F) << b << " at " << at;
    }
  }
}

// The word-at-a-time paths (sizes, JsonToString's printing) against
// nlohmann's dump for strings with one special byte anywhere in 20.
TEST(WordScan, QuotedSizeAndJavaJsonDumpMatchDump) {
  for (int b : {0x01, 0x1F, int('"'), int('\\'), 0x7F, int('z')}) {
    for (size_t at = 0; at < 20; ++at) {
      std::string s(20, 'k');
      s[at] = static_cast<char>(b);
      std::string dumped = Json(s).dump();
      EXPECT_EQ(quotedSize(s), dumped.size()) << b << " at " << at;
      EXPECT_EQ(jsonpath_detail::javaJsonDump(Json(s)), dumped) << b << " at " << at;
    }
  }
  std::string accented = "caf\xC3\xA9 au lait, s'il vous plait";
  EXPECT_EQ(jsonpath_detail::javaJsonDump(Json(accented)), Json(accented).dump());
}

// JsonToString prints containers into a buffer the thread keeps: documents
// larger than it has grown so far, then smaller ones, print as dump() does
// (no doubles here: those print as Java does).
TEST(WordScan, JavaJsonDumpOfWholeDocuments) {
  Json doc = Json::parse(R"J({"name":"mix","owner":{"id":42,"team":"core","neg":-7,"big":18446744073709551615},
                             "flags":[true,false,null,[],{}],"esc":"a\"b\\c\u0001","é":"ü"})J");
  EXPECT_EQ(jsonpath_detail::javaJsonDump(doc), doc.dump());
  Json wide = Json::array();
  for (int i = 0; i < 2000; ++i) wide.push_back({{"k" + std::to_string(i), std::string(i % 50, 'x')}, {"n", -i}});
  EXPECT_EQ(jsonpath_detail::javaJsonDump(wide), wide.dump());
  EXPECT_EQ(jsonpath_detail::javaJsonDump(doc), doc.dump());
  EXPECT_EQ(jsonpath_detail::javaJsonDump(Json::array()), "[]");
  EXPECT_EQ(jsonpath_detail::javaJsonDump(Json(nullptr)), "null");
}

}  // namespace
}  // namespace aslrt
