#include <gtest/gtest.h>

#include "aslrt/jsonpath.h"

namespace aslrt {
namespace {

JsonPath mustParse(std::string_view text, PathFlavor flavor = PathFlavor::Path) {
  SyntaxError err;
  auto p = JsonPath::parse(text, flavor, &err);
  EXPECT_TRUE(p.has_value()) << text << ": " << err.message << " at " << err.offset;
  return *p;
}

SyntaxError mustFail(std::string_view text, PathFlavor flavor = PathFlavor::Path) {
  SyntaxError err;
  EXPECT_FALSE(JsonPath::parse(text, flavor, &err).has_value()) << text;
  return err;
}

TEST(JsonPathParse, RootKinds) {
  EXPECT_FALSE(mustParse("$").isContextPath());
  EXPECT_TRUE(mustParse("$").isRoot());
  EXPECT_TRUE(mustParse("$$.Execution.Id").isContextPath());
  EXPECT_TRUE(mustParse("$$").isContextPath());
  JsonPath var = mustParse("$myVar.a");
  EXPECT_TRUE(var.isVariablePath());
  EXPECT_EQ(var.variableName(), "myVar");
  EXPECT_EQ(var.text(), "$myVar.a");
}

TEST(JsonPathParse, DefiniteVersusIndefinite) {
  EXPECT_TRUE(mustParse("$.a.b[0]['c d']").isDefinite());
  EXPECT_TRUE(mustParse("$.a[-1]").isDefinite());
  EXPECT_TRUE(mustParse("$['a','b']").isDefinite());  // Jayway merges a trailing union
  EXPECT_FALSE(mustParse("$['a','b'].c").isDefinite());
  EXPECT_FALSE(mustParse("$.a[*]").isDefinite());
  EXPECT_FALSE(mustParse("$.a.*").isDefinite());
  EXPECT_FALSE(mustParse("$.a[0,1]").isDefinite());
  EXPECT_FALSE(mustParse("$.a[1:]").isDefinite());
  EXPECT_FALSE(mustParse("$..a").isDefinite());
  EXPECT_FALSE(mustParse("$.a[?(@.x == 'y')]").isDefinite());
}

TEST(JsonPathParse, CanonicalFormIsJaywayStyle) {
  EXPECT_EQ(mustParse("$.a.b[0]").canonical(), "$['a']['b'][0]");
  EXPECT_EQ(mustParse("$.[0]").canonical(), "$[0]");
  EXPECT_EQ(mustParse("$.a.[0]").canonical(), "$['a'][0]");
  EXPECT_EQ(mustParse("$..a[*]").canonical(), "$..['a'][*]");
  EXPECT_EQ(mustParse("$.a[1:3]").canonical(), "$['a'][1:3]");
  EXPECT_EQ(mustParse("$[\"x.y\"]").canonical(), "$[\"x.y\"]");  // Jayway keeps the quote
}

TEST(JsonPathParse, QuotedNamesWithOddCharacters) {
  JsonPath p = mustParse("$['a.b']['c\\'d']['$e f']");
  EXPECT_EQ(p.canonical(), "$['a.b']['c\\'d']['$e f']");  // Jayway escapes quotes and backslashes
}

TEST(JsonPathParse, SyntaxErrorsCarryOffsets) {
  EXPECT_EQ(mustFail("a.b").offset, 0u);
  EXPECT_EQ(mustFail("$.a[").offset, 4u);
  EXPECT_EQ(mustFail("$.a.").offset, 4u);
  mustFail("$.a[?(@.x == )]");
  mustFail("$.a['x'");
  mustFail("$.a b");
  mustFail("$.length()");
}

TEST(JsonPathParse, ReferencePathRejectsMultiNodeSelectors) {
  mustParse("$.a.b[2]", PathFlavor::ReferencePath);
  mustParse("$", PathFlavor::ReferencePath);
  mustFail("$.a[*]", PathFlavor::ReferencePath);
  mustFail("$..a", PathFlavor::ReferencePath);
  mustFail("$.a[1:2]", PathFlavor::ReferencePath);
  mustFail("$.a[0,1]", PathFlavor::ReferencePath);
  mustFail("$['a','b']", PathFlavor::ReferencePath);
  mustFail("$.a[?(@.b)]", PathFlavor::ReferencePath);
}

}  // namespace
}  // namespace aslrt
