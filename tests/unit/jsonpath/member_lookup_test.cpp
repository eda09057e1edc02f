// Objects keep their members in insertion order (as AWS does), and finding a
// member must work the same below and above the size where the object map
// starts keeping a hash index.
#include "aslrt/member_lookup.h"

#include "aslrt/java_hash_order.h"
#include "aslrt/json_parse.h"
#include "aslrt/jsonpath.h"

#include <gtest/gtest.h>

#include <vector>

namespace aslrt {
namespace {

const std::vector<std::string> kKeys = {"",  "a",       "aa",        "ab",   "b",    "limit",  "i",
                                        "A", "\xc3\xa9", "\xff\x01", std::string("a\0b", 3), "a.$",  "a-b",    "abc",
                                        "x", "xx",       "\x7f",     "\x80", "ab\xff", "ab\x01"};

std::vector<std::string> keysOf(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.get_ref<const Json::object_t&>()) keys.push_back(key);
  return keys;
}

TEST(MemberLookup, FindsEveryMemberAndOnlyThose) {
  Json object = Json::object();
  for (size_t i = 0; i < kKeys.size(); i += 2) object[kKeys[i]] = i;
  for (size_t i = 0; i < kKeys.size(); ++i) {
    const Json* found = findMember(object, kKeys[i]);
    if (i % 2 == 0) {
      ASSERT_NE(found, nullptr) << kKeys[i];
      EXPECT_EQ(*found, i);
    } else {
      EXPECT_EQ(found, nullptr) << kKeys[i];
    }
  }
}

TEST(MemberLookup, SetMemberReplacesInPlaceOrAppends) {
  Json object = Json::parse(R"({"d": 1, "b": 2})");
  Json::object_t& members = object.get_ref<Json::object_t&>();
  setMember(members, "b", Json(20));
  setMember(members, "a", Json(0));
  setMember(members, "c", Json(3));
  EXPECT_EQ(object.dump(), R"({"d":1,"b":20,"a":0,"c":3})");
}

TEST(ObjectMap, ParsedAndPrintedInDocumentOrder) {
  const std::string text = R"({"zeta":1,"alpha":{"y":2,"x":[{"b":1,"a":2}]},"mid":null})";
  EXPECT_EQ(Json::parse(text).dump(), text);
}

TEST(ObjectMap, RepeatedKeyKeepsFirstPlaceAndLastValue) {
  EXPECT_EQ(Json::parse(R"({"a":1,"b":2,"a":3})").dump(), R"({"a":3,"b":2})");
}

TEST(ObjectMap, EqualityIgnoresOrder) {
  EXPECT_EQ(Json::parse(R"({"a":1,"b":[1,{"c":2,"d":3}]})"), Json::parse(R"({"b":[1,{"d":3,"c":2}],"a":1})"));
  EXPECT_NE(Json::parse(R"({"a":1,"b":2})"), Json::parse(R"({"a":1,"c":2})"));
  EXPECT_NE(Json::parse(R"({"a":1,"b":2})"), Json::parse(R"({"a":1,"b":3})"));
  EXPECT_NE(Json::parse(R"({"a":1})"), Json::parse(R"({"a":1,"b":2})"));
  // Ordering is consistent with equality: neither of two equal objects precedes the other.
  Json x = Json::parse(R"({"a":1,"b":2})"), y = Json::parse(R"({"b":2,"a":1})");
  EXPECT_FALSE(x < y);
  EXPECT_FALSE(y < x);
  EXPECT_TRUE(Json::parse(R"({"a":1})") < Json::parse(R"({"a":2})"));
}

// Past kIndexedFrom members the map searches a hash index: every insertion,
// lookup, erasure and copy must see the same members as a linear search.
TEST(ObjectMap, LargeObjectsStayConsistent) {
  Json object = Json::object();
  const int n = 1000;
  for (int i = n - 1; i >= 0; --i) object["k" + std::to_string(i)] = i;
  ASSERT_EQ(object.size(), static_cast<size_t>(n));
  EXPECT_EQ(keysOf(object).front(), "k999");
  for (int i = 0; i < n; ++i) ASSERT_EQ(object.at("k" + std::to_string(i)), i);
  EXPECT_FALSE(object.contains("k1000"));
  for (int i = 0; i < n; i += 3) ASSERT_EQ(object.erase("k" + std::to_string(i)), 1u);
  for (int i = 0; i < n; ++i) ASSERT_EQ(object.contains("k" + std::to_string(i)), i % 3 != 0) << i;
  Json copy = object;
  copy["new"] = true;
  EXPECT_TRUE(copy.contains("new"));
  EXPECT_FALSE(object.contains("new"));
  EXPECT_EQ(keysOf(copy).back(), "new");
  for (int i = 1; i < n; i += 3) ASSERT_EQ(copy.at("k" + std::to_string(i)), i);
  // Shrinking below the index size and growing again.
  Json::object_t& members = copy.get_ref<Json::object_t&>();
  members.erase(members.begin(), members.begin() + static_cast<long>(members.size() - 3));
  EXPECT_EQ(keysOf(copy), (std::vector<std::string>{"k2", "k1", "new"}));
  for (int i = 0; i < 40; ++i) copy["m" + std::to_string(i)] = i;
  for (int i = 0; i < 40; ++i) ASSERT_EQ(copy.at("m" + std::to_string(i)), i);
  EXPECT_EQ(copy.at("k1"), 1);
}

// A wide object goes through the index on every insertion while parsing
// (a linear search per member would be billions of compares: slow, though
// no assertion here can see time).
TEST(ObjectMap, AVeryWideObjectParsesWholeAndInOrder) {
  std::string text = "{";
  for (int i = 0; i < 40000; ++i) text += (i ? ",\"" : "\"") + std::to_string(i) + "\":" + std::to_string(i);
  text += "}";
  for (const Json& object : {Json::parse(text), parseJson(text)}) {  // nlohmann's parser and the runtime's
    EXPECT_EQ(object.size(), 40000u);
    EXPECT_EQ(object.at("39999"), 39999);
    EXPECT_EQ(keysOf(object)[17], "17");
  }
}

// A hint is only a guess: objects of changing shapes, a missing name and a
// hint past a smaller object all give findMember's answer.
TEST(MemberLookup, FindMemberNearFollowsChangingShapes) {
  const Json shapes[] = {Json::parse(R"J({"a": 1, "b": 2, "c": 3})J"), Json::parse(R"J({"c": 4, "a": 5})J"),
                         Json::parse(R"J({"x": 6})J"), Json::parse(R"J({"cc": 7, "c": 8})J"), Json::parse("{}")};
  uint32_t hint = 0;
  for (int round = 0; round < 3; ++round) {
    for (const Json& object : shapes) {
      const Json* expected = findMember(object, "c");
      EXPECT_EQ(findMemberNear(object, "c", hint), expected) << object.dump();
      if (expected) {
        EXPECT_EQ(&(object.get_ref<const Json::object_t&>().begin() + hint)->second, expected);
      }
    }
  }
  hint = 1000;
  EXPECT_EQ(*findMemberNear(shapes[0], "b", hint), 2);
  EXPECT_EQ(hint, 1u);
}

// A path peeking objects of changing shapes finds what select finds.
TEST(MemberLookup, PeekFollowsChangingShapes) {
  auto one = JsonPath::parse("$.c", PathFlavor::Path, nullptr);
  auto two = JsonPath::parse("$.c.d", PathFlavor::Path, nullptr);
  ASSERT_TRUE(one && two);
  const Json inputs[] = {Json::parse(R"J({"a": 1, "c": {"d": 1}})J"), Json::parse(R"J({"c": {"e": 0, "d": 2}})J"),
                         Json::parse(R"J({"a": 1})J"), Json::parse(R"J({"a": 1, "b": 2, "c": {"d": 3}})J")};
  for (int round = 0; round < 2; ++round) {
    for (const Json& input : inputs) {
      const Json* c = findMember(input, "c");
      EXPECT_EQ(one->peek(input), c) << input.dump();
      EXPECT_EQ(two->peek(input), c ? findMember(*c, "d") : nullptr) << input.dump();
    }
  }
}

// sameKey compares short keys word by word: every length around the word
// sizes, a difference at every position, and keys cut out of one buffer
// (no byte past either key may decide).
TEST(ObjectMap, SameKeyAtEveryLengthAndPosition) {
  for (size_t n = 0; n <= 40; ++n) {
    std::string a(n, 'k'), b(n, 'k');
    for (size_t i = 0; i < n; ++i) a[i] = b[i] = static_cast<char>('a' + i % 26);
    EXPECT_TRUE(sameKey(a, b)) << n;
    EXPECT_FALSE(sameKey(a, b + "x")) << n;
    for (size_t i = 0; i < n; ++i) {
      std::string c = b;
      c[i] = static_cast<char>(c[i] ^ 0x20);
      EXPECT_FALSE(sameKey(a, c)) << n << " at " << i;
    }
    std::string buffer = a + "XYZ" + a + "xyz";
    EXPECT_TRUE(sameKey(std::string_view(buffer).substr(0, n), std::string_view(buffer).substr(n + 3, n))) << n;
  }
}

TEST(JavaHashOrder, StringHashIsJavas) {
  EXPECT_EQ(javaStringHash(""), 0u);
  EXPECT_EQ(javaStringHash("a"), 97u);
  EXPECT_EQ(javaStringHash("hello"), 99162322u);
  EXPECT_EQ(javaStringHash("\xc3\xa9"), 0xE9u);                   // U+00E9: one UTF-16 unit
  EXPECT_EQ(javaStringHash("\xf0\x9f\x98\x80"), 31u * 0xD83D + 0xDE00);  // U+1F600: a surrogate pair
}

// The recorded order of map_state_item_selector's ".$" fields.
TEST(JavaHashOrder, MatchesTheRecordedItemSelector) {
  std::vector<std::string_view> keys = {"original_input", "iteration_input_value", "iteration_index",
                                        "from_input_constant"};
  std::vector<uint32_t> order = javaHashMapOrder(keys);
  std::vector<std::string_view> got;
  for (uint32_t i : order) got.push_back(keys[i]);
  EXPECT_EQ(got, (std::vector<std::string_view>{"iteration_input_value", "from_input_constant", "iteration_index",
                                                 "original_input"}));
}

}  // namespace
}  // namespace aslrt
