#include "aslrt/json_release.h"

#include <gtest/gtest.h>
#include <pthread.h>

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
  // Far deeper than json_free's recursion bound: what lies below it is flattened.
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

// Runs fn on a thread with a 256 KiB stack, a quarter of a fiber's: a free
// that recursed once per level of a deep tree would overflow it at once.
void onSmallStack(void (*fn)()) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, [](void* f) -> void* { reinterpret_cast<void (*)()>(f)(); return nullptr; },
                           reinterpret_cast<void*>(fn)),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

// Json's own destroy (json_free.h): a tree far deeper than its recursion
// bound is freed by the plain destructor, arrays and objects alike, on a
// small stack, and the thread's recursion count comes back to zero.
TEST(JsonFree, DestructorFreesDeepTreesOnASmallStack) {
  static int depthAfter[2];
  onSmallStack([] {
    for (bool objects : {false, true}) {
      {
        Json v = Json::array();
        Json* at = &v;
        for (int i = 0; i < 200000; ++i) {
          *at = objects ? Json::object({{"k", nullptr}, {"s", "a string past the small-string buffer"}})
                        : Json::array({nullptr, 1});
          at = objects ? &(*at)["k"] : &(*at)[0];
        }
      }
      depthAfter[objects] = json_free::recursionDepth;
    }
  });
  EXPECT_EQ(depthAfter[0], 0);
  EXPECT_EQ(depthAfter[1], 0);
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
