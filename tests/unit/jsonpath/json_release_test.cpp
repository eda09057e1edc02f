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

// Json's own destroy (json_free.h): a tree far deeper than its recursion
// bound is freed by the plain destructor too, arrays and objects alike, and
// the thread's recursion count comes back to zero after each.
TEST(JsonFree, DestructorFreesDeepTreesWithBoundedRecursion) {
  for (bool objects : {false, true}) {
    {
      Json v = Json::array();
      Json* at = &v;
      for (int i = 0; i < 200000; ++i) {
        *at = objects ? Json::object({{"k", nullptr}, {"s", "a string past the small-string buffer"}}) : Json::array({nullptr, 1});
        at = objects ? &(*at)["k"] : &(*at)[0];
      }
    }
    EXPECT_EQ(json_free::recursionDepth, 0);
  }
}

TEST(JsonFree, CopiesAndMovesStayIndependent) {
  Json original = Json::parse(R"J({"a":[1,{"b":"long string, not inline in SSO"}],"c":{}})J");
  Json copy = original;
  Json moved = std::move(copy);
  copy = Json::array({moved});
  moved = nullptr;
  EXPECT_EQ(copy[0], original);
  EXPECT_EQ(copy[0]["a"][1]["b"], "long string, not inline in SSO");
}

}  // namespace
}  // namespace aslrt
