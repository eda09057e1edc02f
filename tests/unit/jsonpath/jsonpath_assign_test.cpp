#include <gtest/gtest.h>

#include "aslrt/jsonpath.h"

namespace aslrt {
namespace {

JsonPath ref(std::string_view text) {
  auto p = JsonPath::parse(text, PathFlavor::ReferencePath, nullptr);
  EXPECT_TRUE(p) << text;
  return *p;
}

TEST(JsonPathAssign, RootReplacesTheWholeInput) {
  Json target = Json::parse(R"({"a":1})");
  std::string why;
  ASSERT_TRUE(ref("$").assign(target, Json("x"), &why));
  EXPECT_EQ(target, "x");
}

TEST(JsonPathAssign, CreatesIntermediateObjects) {
  Json target = Json::parse(R"({"a":1})");
  ASSERT_TRUE(ref("$.b.c.d").assign(target, Json(5), nullptr));
  EXPECT_EQ(target, Json::parse(R"({"a":1,"b":{"c":{"d":5}}})"));
}

TEST(JsonPathAssign, OverwritesExistingValuesAndArrayElements) {
  Json target = Json::parse(R"({"a":{"b":[1,2,3]}})");
  ASSERT_TRUE(ref("$.a.b[1]").assign(target, Json("two"), nullptr));
  ASSERT_TRUE(ref("$.a.b[-1]").assign(target, Json("three"), nullptr));
  EXPECT_EQ(target, Json::parse(R"({"a":{"b":[1,"two","three"]}})"));
  ASSERT_TRUE(ref("$.a").assign(target, Json(nullptr), nullptr));
  EXPECT_EQ(target, Json::parse(R"({"a":null})"));
}

TEST(JsonPathAssign, FailsOnNonObjectWithAwsWording) {
  Json target = Json("{\"min_size\":1}");
  std::string why;
  EXPECT_FALSE(ref("$.partitioned").assign(target, Json(1), &why));
  EXPECT_EQ(why, R"(Unable to apply ReferencePath $.partitioned to input "{\"min_size\":1}")");
  EXPECT_EQ(target, Json("{\"min_size\":1}"));
}

TEST(JsonPathAssign, FailsWithoutSideEffectsOnBadIndex) {
  Json target = Json::parse(R"({"a":[1]})");
  std::string why;
  EXPECT_FALSE(ref("$.a[3]").assign(target, Json(1), &why));
  EXPECT_FALSE(ref("$.x[0]").assign(target, Json(1), &why));
  EXPECT_FALSE(ref("$.a.b").assign(target, Json(1), &why));
  EXPECT_EQ(target, Json::parse(R"({"a":[1]})"));
}

}  // namespace
}  // namespace aslrt
