#include "aslrt/json_release.h"

#include <gtest/gtest.h>

namespace aslrt {
namespace {

TEST(JsonRelease, FreesATreeAndLeavesNull) {
  Json v = Json::parse(R"J({"a":[1,{"b":[true,null,"s"]},[]],"c":{"d":{}},"e":"long string, not inline in SSO"})J");
  release(v);
  EXPECT_TRUE(v.is_null());
  Json scalar = 3;
  release(scalar);
  EXPECT_TRUE(scalar.is_null());
}

TEST(JsonRelease, DeepTreesDoNotRecurseWithoutBound) {
  // Far deeper than the recursion bound: the rest is left to the destructor's own stack.
  Json v = Json::array();
  Json* at = &v;
  for (int i = 0; i < 100000; ++i) {
    at->push_back(Json::object());
    at = &(*at)[0]["k"];
    *at = Json::array();
  }
  release(v);
  EXPECT_TRUE(v.is_null());
}

}  // namespace
}  // namespace aslrt
