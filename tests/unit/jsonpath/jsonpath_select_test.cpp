#include <gtest/gtest.h>

#include "aslrt/jsonpath.h"

namespace aslrt {
namespace {

std::optional<Json> sel(std::string_view path, const Json& root, std::string* why = nullptr) {
  SyntaxError err;
  auto p = JsonPath::parse(path, PathFlavor::Path, &err);
  EXPECT_TRUE(p) << path << ": " << err.message;
  if (!p) return std::nullopt;
  return p->select(root, why);
}

const Json kStore = Json::parse(R"({
  "store": {"book": [
      {"category": "ref", "author": "Rees", "price": 8.95},
      {"category": "fiction", "author": "Waugh", "price": 12.99, "isbn": "1"},
      {"category": "fiction", "author": "Tolkien", "price": 22.99, "isbn": "2"}],
    "bicycle": {"color": "red", "price": 19.95}},
  "odd key": {"a.b": 1}, "list": [0, 1, 2, 3, 4]})");

TEST(JsonPathSelect, DotAndBracketNotation) {
  EXPECT_EQ(*sel("$.store.bicycle.color", kStore), "red");
  EXPECT_EQ(*sel("$['store']['bicycle']['price']", kStore), 19.95);
  EXPECT_EQ(*sel("$['odd key']['a.b']", kStore), 1);
  EXPECT_EQ(*sel(R"($['tab\there']['\u00e9'])", Json::parse("{\"tab\\there\":{\"\u00e9\":2}}")), 2);
  EXPECT_EQ(*sel("$", kStore), kStore);
}

TEST(JsonPathSelect, IndexesIncludingNegativeAndJaywayDotBracket) {
  EXPECT_EQ(*sel("$.list[1]", kStore), 1);
  EXPECT_EQ(*sel("$.list[-1]", kStore), 4);
  EXPECT_EQ(*sel("$.list.[2]", kStore), 2);
  EXPECT_EQ(*sel("$.[0]", Json::parse("[7,8]")), 7);
  EXPECT_FALSE(sel("$.list[5]", kStore).has_value());
}

TEST(JsonPathSelect, SlicesAndUnions) {
  EXPECT_EQ(*sel("$.list[1:3]", kStore), Json::parse("[1,2]"));
  EXPECT_EQ(*sel("$.list[:2]", kStore), Json::parse("[0,1]"));
  EXPECT_EQ(*sel("$.list[-2:]", kStore), Json::parse("[3,4]"));
  EXPECT_EQ(*sel("$.list[3:]", kStore), Json::parse("[3,4]"));
  EXPECT_EQ(*sel("$.list[0,4]", kStore), Json::parse("[0,4]"));
  EXPECT_EQ(*sel("$.store.bicycle['color','price']", kStore),
            Json::parse(R"({"color":"red","price":19.95})"));
}

TEST(JsonPathSelect, Wildcards) {
  EXPECT_EQ(*sel("$.store.book[*].author", kStore), Json::parse(R"(["Rees","Waugh","Tolkien"])"));
  EXPECT_EQ(*sel("$.store.bicycle.*", kStore), Json::parse(R"(["red",19.95])"));
  EXPECT_EQ(*sel("$.store.book[*].isbn", kStore), Json::parse(R"(["1","2"])"));
}

TEST(JsonPathSelect, Filters) {
  EXPECT_EQ(*sel("$.store.book[?(@.category == 'fiction')].author", kStore),
            Json::parse(R"(["Waugh","Tolkien"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.price < 10)].author", kStore), Json::parse(R"(["Rees"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.price >= 12.99 && @.price <= 20)].author", kStore),
            Json::parse(R"(["Waugh"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.price > 20 || @.author == \"Rees\")].author", kStore),
            Json::parse(R"(["Rees","Tolkien"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.isbn)].author", kStore), Json::parse(R"(["Waugh","Tolkien"])"));
  EXPECT_EQ(*sel("$.store.book[?(!@.isbn)].author", kStore), Json::parse(R"(["Rees"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.isbn != '1')].author", kStore),
            Json::parse(R"(["Rees","Tolkien"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.price > $.store.bicycle.price)].author", kStore),
            Json::parse(R"(["Tolkien"])"));
  EXPECT_EQ(*sel("$.list[?(@ > 2)]", kStore), Json::parse("[3,4]"));
  // Jayway compares a number on the left with a string by parsing the string.
  EXPECT_EQ(*sel("$.list[?(@ == '3')]", kStore), Json::parse("[3]"));
  EXPECT_EQ(*sel("$.list[?(@ =~ /[34]/)]", kStore), Json::parse("[3,4]"));
}

TEST(JsonPathSelect, FilterWithNumericValuesFromConformance) {
  Json input = Json::parse(R"({"users":[{"year":1997,"status":0},{"year":1998,"status":1}]})");
  EXPECT_EQ(*sel("$.users[?(@.status == 0)]", input), Json::parse(R"([{"year":1997,"status":0}])"));
}

TEST(JsonPathSelect, RecursiveDescent) {
  EXPECT_EQ(*sel("$..author", kStore), Json::parse(R"(["Rees","Waugh","Tolkien"])"));
  Json prices = *sel("$..price", kStore);
  EXPECT_EQ(prices.size(), 4u);
  EXPECT_EQ(*sel("$..book[0].author", kStore), Json::parse(R"(["Rees"])"));
  EXPECT_EQ(*sel("$..[0]", Json::parse(R"({"a":[1,[2,3]]})")), Json::parse("[1,2]"));
  // Jayway quirk: a non-final index under ".." applies the rest to every element.
  EXPECT_EQ(*sel("$..[0].x", Json::parse(R"({"a":[{"x":1},{"x":2}]})")), Json::parse("[1,2]"));
  EXPECT_EQ(*sel("$..[?(@.isbn == '2')].author", kStore), Json::parse(R"(["Tolkien"])"));
}

TEST(JsonPathSelect, IndefiniteMissingGivesEmptyArray) {
  // Recorded from AWS: base.json_path_array_wildcard_or_slice_with_no_input.*
  Json empty = Json::object();
  EXPECT_EQ(*sel("$.items[*]", empty), Json::array());
  EXPECT_EQ(*sel("$.item.items[1:5]", empty), Json::array());
  EXPECT_EQ(*sel("$.items[1:].itemValue", empty), Json::array());
  EXPECT_EQ(*sel("$.items[*].itemValue", empty), Json::array());
}

TEST(JsonPathSelect, DefiniteMissingExplainsLikeJayway) {
  std::string why;
  EXPECT_FALSE(sel("$.NoSuchInputPath", Json::object(), &why));
  EXPECT_EQ(why, "No results for path: $['NoSuchInputPath']");
  EXPECT_FALSE(sel("$.no.such.result.path", Json::object(), &why));
  EXPECT_EQ(why, "Missing property in path $['no']");
  // Recorded: scenarios.base_scenarios.catch_states_runtime (OutputPath).
  EXPECT_EQ(
      JsonPath::parse("$.no.such.result.path", PathFlavor::Path, nullptr)->invalidPathCause(why),
      "Invalid path '$.no.such.result.path' : Missing property in path $['no']");
  EXPECT_FALSE(sel("$.list[9]", kStore, &why));
  EXPECT_EQ(why, "No results for path: $['list'][9]");
  EXPECT_FALSE(sel("$.store.bicycle.color.x", kStore, &why));
  EXPECT_NE(why.find("Expected to find an object with property ['x'] in path "
                     "$['store']['bicycle']['color'] but found 'java.lang.String'"),
            std::string::npos);
}

TEST(JsonPathSelect, VariableAndContextRoots) {
  Json vars = Json::parse(R"({"x": {"a": [1, 2]}})");
  auto p = JsonPath::parse("$x.a[1]", PathFlavor::Path, nullptr);
  ASSERT_TRUE(p);
  EXPECT_EQ(*p->select(vars), 2);
  auto c = JsonPath::parse("$$.Execution.Id", PathFlavor::Path, nullptr);
  ASSERT_TRUE(c);
  EXPECT_EQ(*c->select(Json::parse(R"({"Execution":{"Id":"arn"}})")), "arn");
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

TEST(JsonPathSelect, FilterRegexAndMembership) {
  EXPECT_EQ(*sel("$.store.book[?(@.author =~ /T.*n/)].price", kStore), Json::parse("[22.99]"));
  EXPECT_EQ(*sel("$.store.book[?(@.author =~ /rees/i)].price", kStore), Json::parse("[8.95]"));
  EXPECT_EQ(*sel("$.store.book[?(@.author =~ /Tolk/)].price", kStore),
            Json::array());  // whole match
  EXPECT_EQ(*sel("$.store.book[?(@.isbn in ['2', '3'])].author", kStore),
            Json::parse(R"(["Tolkien"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.isbn nin ['2'])].author", kStore),
            Json::parse(R"(["Rees","Waugh"])"));
  SyntaxError err;
  EXPECT_FALSE(JsonPath::parse("$.a[?(@.b =~ /(/)]", PathFlavor::Path, &err));
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

TEST(JsonPathSelect, JaywayMessagesEchoQuotesAndRestOfPath) {
  std::string why;
  EXPECT_FALSE(sel("$[\"it's\"]", Json::object(), &why));
  EXPECT_EQ(why, "No results for path: $[\"it\\'s\"]");
  EXPECT_FALSE(sel("$.store.bicycle[0].x", kStore, &why));
  EXPECT_EQ(why,
            "Filter: [0]['x'] can only be applied to arrays. Current context is: "
            "{color=red, price=19.95}");
  EXPECT_FALSE(sel("$.n[0]", Json::parse(R"({"n":null})"), &why));
  EXPECT_EQ(why, "The path $['n'] is null");
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

TEST(JsonPathSelect, NestedFilterLogic) {
  EXPECT_EQ(*sel("$.store.book[?((@.price < 10 || @.price > 20) && !(@.author == 'Rees'))].author",
                 kStore),
            Json::parse(R"(["Tolkien"])"));
  EXPECT_EQ(*sel("$.store.book[?(@.category == 'fiction' && @.isbn == '1' || @.price < 9)].author",
                 kStore),
            Json::parse(R"(["Rees","Waugh"])"));  // && binds tighter than ||
  EXPECT_EQ(sel("$.store.book[?(@.missing != 'x')].author", kStore)->size(), 3u);  // undefined != x
  EXPECT_EQ(*sel("$.store.book[?(@.missing == null)]", kStore), Json::array());
  EXPECT_EQ(*sel("$.store[?(@.color == 'red')].price", kStore), Json::parse("[]"));
  EXPECT_EQ(*sel("$.store.bicycle[?(@.color == 'red')].price", kStore), Json::parse("[19.95]"));
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

const Json* peekAt(const char* path, const Json& root) {
  SyntaxError err;
  static std::vector<JsonPath> keep;  // peek returns nodes of root, not of the path
  keep.push_back(*JsonPath::parse(path, PathFlavor::Path, &err));
  return keep.back().peek(root);
}

TEST(JsonPathPeek, FindsPlainMembersAndIndexesWithoutCopying) {
  Json root = Json::parse(R"({"a": {"b": [10, {"c": "x"}]}, "n": 1})");
  EXPECT_EQ(peekAt("$", root), &root);
  EXPECT_EQ(peekAt("$.a.b[1].c", root), &root["a"]["b"][1]["c"]);
  EXPECT_EQ(peekAt("$['n']", root), &root["n"]);
  EXPECT_EQ(peekAt("$.missing", root), nullptr);
  EXPECT_EQ(peekAt("$.a.b[5]", root), nullptr);
  EXPECT_EQ(peekAt("$.n.x", root), nullptr);
  EXPECT_EQ(peekAt("$.a.b[*]", root), nullptr);  // not a plain path: select it instead
  EXPECT_EQ(peekAt("$..c", root), nullptr);
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

// Filter operands of plain names and indexes are read in place (no copy per
// element tested): the same results as the general walk, negative indexes,
// misses and values of the wrong type included.
TEST(JsonPathSelect, FilterOperandsOfPlainNamesAndIndexes) {
  Json rows = Json::parse(R"J({"rows":[{"h":[1,2,3],"o":{"k":"a"}},{"h":[5],"o":{"k":"b"}},
                                        {"h":"str","o":[1]}], "min": 2})J");
  auto select = [&](const char* text) {
    SyntaxError err;
    return *JsonPath::parse(text, PathFlavor::Path, &err)->select(rows);
  };
  EXPECT_EQ(select("$.rows[?(@.h[0] == 1)].o.k"), Json::parse(R"(["a"])"));
  EXPECT_EQ(select("$.rows[?(@.h[-1] == 5)].o.k"), Json::parse(R"(["b"])"));
  EXPECT_EQ(select("$.rows[?(@.h[3])]"), Json::array());
  EXPECT_EQ(select("$.rows[?(@.o.k)].o.k"), Json::parse(R"(["a","b"])"));
  EXPECT_EQ(select("$.rows[?(@.o.k != 'a')].h"), Json::parse(R"([[5],"str"])"));
  EXPECT_EQ(select("$.rows[?(@.h[1] >= $.min)].o.k"), Json::parse(R"(["a"])"));
  EXPECT_EQ(select("$.rows[?(@.o[0] == 1)].h"), Json::parse(R"(["str"])"));
  EXPECT_EQ(select("$.rows[?(@.h[*] == 5)].o.k"), Json::array());  // an indefinite operand is an array
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

JsonPath parsed(std::string_view text) {
  SyntaxError err;
  auto p = JsonPath::parse(text, PathFlavor::Path, &err);
  EXPECT_TRUE(p) << text << ": " << err.message;
  return *p;
}

TEST(JsonPathOverlap, PlainChainsAreMembersAndNonNegativeIndexes) {
  for (const char* plain : {"$", "$.a", "$.a.b[0]", "$['a b'][2]", "$$.Execution.Id", "$v.a"})
    EXPECT_TRUE(parsed(plain).isPlainChain()) << plain;
  for (const char* other : {"$.a[-1]", "$.a[*]", "$..a", "$.a[0,1]", "$.a[1:2]", "$.a[?(@.b)]", "$['a','b']"})
    EXPECT_FALSE(parsed(other).isPlainChain()) << other;
}

TEST(JsonPathOverlap, OnlyPathsThatPartCannotOverlap) {
  auto overlap = [](const char* a, const char* b) {
    bool ab = parsed(a).mayOverlap(parsed(b)), ba = parsed(b).mayOverlap(parsed(a));
    EXPECT_EQ(ab, ba) << a << " / " << b;  // symmetric
    return ab;
  };
  EXPECT_TRUE(overlap("$.a", "$.a"));
  EXPECT_TRUE(overlap("$.a", "$.a.b"));
  EXPECT_TRUE(overlap("$", "$.a"));
  EXPECT_TRUE(overlap("$.a[0]", "$.a[0].b"));
  EXPECT_TRUE(overlap("$.a[0]", "$.a[-1]"));   // the same element when a has one
  EXPECT_TRUE(overlap("$.b", "$.a[*]"));       // not plain: anything
  EXPECT_TRUE(overlap("$.b", "$..a"));
  EXPECT_FALSE(overlap("$.a", "$.b"));
  EXPECT_FALSE(overlap("$.a.b", "$.a.c"));
  EXPECT_FALSE(overlap("$.a[0]", "$.a[1]"));
  EXPECT_FALSE(overlap("$.a[0]", "$.a.b"));    // an index and a name never match in one node
  EXPECT_FALSE(overlap("$.a", "$$.a"));        // other roots
  EXPECT_FALSE(overlap("$.a", "$a"));
  EXPECT_FALSE(overlap("$x.a", "$y.a"));
  EXPECT_TRUE(overlap("$x.a", "$x"));
}

}  // namespace
}  // namespace aslrt
