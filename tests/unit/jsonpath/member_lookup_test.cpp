// findMember/setMember must agree with the object's own std::string order,
// or a lookup would miss members that are there.
#include "aslrt/member_lookup.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace aslrt {
namespace {

const std::vector<std::string> kKeys = {"",  "a",       "aa",        "ab",   "b",    "limit",  "i",
                                        "A", "\xc3\xa9", "\xff\x01", std::string("a\0b", 3), "a.$",  "a-b",    "abc",
                                        "x", "xx",       "\x7f",     "\x80", "ab\xff", "ab\x01"};

TEST(MemberLookup, OrdersKeysAsStdStringDoes) {
  for (const std::string& a : kKeys)
    for (const std::string& b : kKeys) {
      int expected = a.compare(b);
      int got = compareKeys(a, b);
      EXPECT_EQ(expected < 0, got < 0) << a << " vs " << b;
      EXPECT_EQ(expected == 0, got == 0) << a << " vs " << b;
    }
}

// compareKeys reads 8 and 4 bytes at a time: keys up to 24 bytes sharing
// prefixes of every length, differing in bytes where the sign bit matters.
TEST(MemberLookup, OrdersLongKeysAsStdStringDoes) {
  const std::string alphabet("a\x00\x7f\x80\xffZ", 6);
  std::mt19937 rng(7);
  std::vector<std::string> keys;
  for (int k = 0; k < 400; ++k) {
    std::string key(rng() % 25, 'a');
    for (char& c : key) c = alphabet[rng() % alphabet.size()];
    keys.push_back(key);
    std::string sibling = key;  // the same but for one byte, or one byte longer
    if (!sibling.empty() && rng() % 2) sibling[rng() % sibling.size()] = alphabet[rng() % alphabet.size()];
    else sibling.push_back(alphabet[rng() % alphabet.size()]);
    keys.push_back(sibling);
  }
  for (size_t i = 0; i + 1 < keys.size(); ++i)
    for (size_t j : {i + 1, (i * 7919) % keys.size()}) {
      int expected = keys[i].compare(keys[j]);
      int got = compareKeys(keys[i], keys[j]);
      EXPECT_EQ(expected < 0, got < 0) << i << " vs " << j;
      EXPECT_EQ(expected == 0, got == 0) << i << " vs " << j;
    }
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

TEST(MemberLookup, SetMemberReplacesOrInserts) {
  Json object = Json::parse(R"({"b": 1, "d": 2})");
  Json::object_t& members = object.get_ref<Json::object_t&>();
  setMember(members, "d", Json(20));
  setMember(members, "a", Json(0));
  setMember(members, "c", Json(3));
  setMember(members, "e", Json(4));
  EXPECT_EQ(object, Json::parse(R"({"a": 0, "b": 1, "c": 3, "d": 20, "e": 4})"));
}

}  // namespace
}  // namespace aslrt
