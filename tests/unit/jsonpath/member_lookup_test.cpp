// findMember/setMember must agree with the object's own std::string order,
// or a lookup would miss members that are there.
#include "aslrt/member_lookup.h"

#include <gtest/gtest.h>

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
