// contextUseOf decides how much of $$ a template's render builds: too little
// would make a path miss, so every reference must be covered.
#include <gtest/gtest.h>

#include "program.h"

namespace aslrt {
namespace {

TEST(ContextUse, ByReference) {
  EXPECT_EQ(contextUseOf(R"({"a.$":"$.x"})"), ContextUse::None);
  EXPECT_EQ(contextUseOf(R"({"q.$":"$$.Map.Item.Value.q","i.$":"$$.Map.Item.Index"})"), ContextUse::MapOnly);
  EXPECT_EQ(contextUseOf(R"({"q.$":"$$.Map.Item.Value","n.$":"$$.State.Name"})"), ContextUse::WithoutInput);
  EXPECT_EQ(contextUseOf(R"({"n.$":"$$.State.Name","q.$":"$$.Map.Item.Value"})"), ContextUse::WithoutInput);
  EXPECT_EQ(contextUseOf(R"({"m.$":"$$.Map"})"), ContextUse::WithoutInput);
  EXPECT_EQ(contextUseOf(R"({"q.$":"$$.Map.Item.Value","x.$":"$$.Execution.Input"})"), ContextUse::Full);
  EXPECT_EQ(contextUseOf(R"({"all.$":"$$"})"), ContextUse::Full);
}

}  // namespace
}  // namespace aslrt
