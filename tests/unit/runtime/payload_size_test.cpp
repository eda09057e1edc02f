// serializedSize must equal dump().size() exactly: the 256 KiB check relies
// on it at the boundary.
#include <gtest/gtest.h>

#include "aslrt/payload_size.h"

namespace aslrt {
namespace {

void expectSameAsDump(const Json& v) { EXPECT_EQ(serializedSize(v), v.dump().size()) << v.dump(); }

TEST(PayloadSize, Scalars) {
  for (const Json& v : {Json(nullptr), Json(true), Json(false), Json(0), Json(7), Json(-7), Json(1234567890123LL),
                        Json(INT64_MIN), Json(INT64_MAX), Json(UINT64_MAX), Json(0u), Json(1.5), Json(100.0),
                        Json(-0.0), Json(1e300), Json(1e-7), Json(0.1), Json(3.141592653589793)})
    expectSameAsDump(v);
  EXPECT_EQ(serializedSize(Json(std::nan(""))), 4u);  // dump() prints null
}

TEST(PayloadSize, StringEscapes) {
  for (const char* s : {"", "plain", "quote\"d", "back\\slash", "\b\t\n\f\r", "\x01\x1f\x7f", "caf\xc3\xa9",
                        "\xf0\x9f\x98\x80 emoji", "/slash"})
    expectSameAsDump(Json(s));
  expectSameAsDump(Json(std::string("nul\0byte", 8)));
}

// Long strings are skipped 8 bytes at a time: every byte value, at every
// offset of a word and after one, must still count as dump() counts it.
TEST(PayloadSize, EveryByteAtEveryWordOffset) {
  for (int c = 0; c < 256; ++c)
    for (size_t at = 0; at < 19; ++at) {
      std::string s(24, 'x');
      s[at] = static_cast<char>(c);
      if (c >= 0x80) s[at + 1] = '\x80';  // keep it valid UTF-8 for dump(): a 2-byte sequence when c is a lead byte
      Json v = s;
      std::string text;
      try {
        text = v.dump();
      } catch (const std::exception&) {
        continue;  // not UTF-8: nothing dump() can count
      }
      EXPECT_EQ(quotedSize(s), text.size()) << "byte " << c << " at " << at;
    }
}

TEST(PayloadSize, Containers) {
  expectSameAsDump(Json::object());
  expectSameAsDump(Json::array());
  expectSameAsDump(Json::parse(R"({"a":[1,2.5,{"b\n":null}],"c":{"d":"e\"f"},"":[[],{}]})"));
  Json big = Json::array();
  for (int i = 0; i < 1000; ++i) big.push_back({{"k" + std::to_string(i), i * 0.5}, {"s", std::string(i % 7, 'x')}});
  expectSameAsDump(big);
}

TEST(PayloadSize, BoundsSaturate) {
  EXPECT_EQ(addBounds(1, 2), 3u);
  EXPECT_LT(addBounds(kSizeUnknown - 5, 10), kSizeUnknown);
}

// `levels` arrays, one inside the other, built without recursion.
Json nestedArrays(int levels) {
  Json value = Json::array();
  for (int i = 1; i < levels; ++i) {
    Json outer = Json::array();
    outer.push_back(std::move(value));
    value = std::move(outer);
  }
  return value;
}

// measure counts how deep arrays and objects nest, and stops descending past
// its limit: a value 100,000 levels deep (built without recursion; a walk to
// its bottom would overflow the stack) is measured safely.
TEST(PayloadSize, MeasureCountsDepthAndStopsAtTheLimit) {
  EXPECT_EQ(measure(Json(1)).depth, 0u);
  EXPECT_EQ(measure(Json::array()).depth, 1u);
  EXPECT_EQ(measure(Json::parse(R"J({"a": [1, {"b": []}], "c": {}})J")).depth, 4u);
  Json doc = Json::parse(R"J({"a": [1, {"b": "x"}], "c": null})J");
  EXPECT_EQ(measure(doc).bytes, doc.dump().size());
  Json deep = nestedArrays(100000);
  EXPECT_EQ(measure(deep).depth, 1001u);
  EXPECT_EQ(measure(deep, 5000).depth, 5001u);
  EXPECT_TRUE(nestsDeeperThan(deep, 1000));
  Json shallow = nestedArrays(1000);
  EXPECT_EQ(measure(shallow).depth, 1000u);
  EXPECT_EQ(measure(shallow).bytes, shallow.dump().size());
  EXPECT_FALSE(nestsDeeperThan(shallow, 1000));
  EXPECT_TRUE(nestsDeeperThan(shallow, 999));
  EXPECT_FALSE(nestsDeeperThan(Json::parse("[[1], {\"a\": [2]}]"), 3));
  EXPECT_TRUE(nestsDeeperThan(Json::parse("[[1], {\"a\": [2]}]"), 2));
}

// A value deeper than the limit is not walked to its bottom: its bounds say
// only "too deep", which no selection of a part of it may undo (a part three
// levels down is not three levels shallower than an unknown depth).
TEST(PayloadSize, TooDeepStaysTooDeep) {
  Json deep = nestedArrays(1500);
  SizeBound size = sizeOf(deep);
  EXPECT_EQ(size.depth, kDepthBeyond);
  EXPECT_FALSE(size.exact);
  EXPECT_GT(size.bytes, kMaxPayloadBytes);
  EXPECT_EQ(selectedDepth(size.depth, 3), kDepthBeyond);
  EXPECT_EQ(addDepths(size.depth, 3), kDepthBeyond);
  // A large value's depth is walked, not taken from its size.
  Json wide = Json::array();
  for (int i = 0; i < 2000; ++i) wide.push_back(i);
  EXPECT_EQ(depthOf(wide, serializedSize(wide)), 1u);
  EXPECT_EQ(depthOf(Json::parse("[[1]]"), 5), 2u);  // small: the size's bound (5 / 2)
}

TEST(PayloadSize, DepthBounds) {
  EXPECT_EQ(selectedDepth(5, 2), 3u);
  EXPECT_EQ(selectedDepth(2, 5), 0u);  // it matched, so it is a scalar
  EXPECT_EQ(selectedDepth(kDepthUnknown, 1), kDepthUnknown);
  EXPECT_EQ(addDepths(kDepthUnknown - 2, 5), kDepthUnknown - 1);  // saturates short of unknown
  // Every level costs two bytes at least: "[[[]]]" is 6 bytes and 3 deep.
  EXPECT_EQ(SizeBound::depthWithin(6), 3u);
  EXPECT_EQ(sizeOf(Json::parse("[[[]]]")).depth, 3u);
  EXPECT_FALSE(SizeBound::atMost(10, kDepthUnknown).known());
}

}  // namespace
}  // namespace aslrt
