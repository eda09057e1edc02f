// A Map item read where it lies (EvalContext::mapItem): paths below
// $$.Map.Item.Value select from the item exactly what they select from a
// context object holding it, and templates say whether they may borrow it.
#include <gtest/gtest.h>

#include "aslrt/intrinsics.h"
#include "aslrt/jsonpath.h"
#include "aslrt/payload_template.h"

namespace aslrt {
namespace {

JsonPath parse(const char* text) {
  SyntaxError err;
  auto p = JsonPath::parse(text, PathFlavor::Path, &err);
  EXPECT_TRUE(p) << text << ": " << err.message;
  return *p;
}

const Json kItem = Json::parse(R"J({"id":"r1","n":3,"list":[{"x":1},{"x":2},{"y":3}],
                                   "deep":{"x":9},"s":"a","t":"b"})J");

Json contextWith(const Json& value) { return {{"Map", {{"Item", {{"Index", 4}, {"Value", value}}}}}}; }

TEST(MapItemPath, PathsBelowTheItemValueReadTheItem) {
  EXPECT_EQ(parse("$$.Map.Item.Value.id").mapItemPath()->text(), "$['id']");
  EXPECT_EQ(parse("$$.Map.Item.Value").mapItemPath()->text(), "$");
  EXPECT_EQ(parse("$$['Map']['Item']['Value'].list[0]").mapItemPath()->text(), "$['list'][0]");
  EXPECT_FALSE(parse("$$.Map.Item.Value").avoidsMapItem());
}

TEST(MapItemPath, OtherPathsHaveNoItemForm) {
  for (const char* text : {"$.Map.Item.Value.id", "$$.Map.Item", "$$.Map", "$$", "$$.Map.Item.Index",
                           "$$.Map.Item.Value.list[?(@.x == 1)]", "$$..Value", "$$.Map..Value.id", "$x.Map"})
    EXPECT_EQ(parse(text).mapItemPath(), nullptr) << text;
}

TEST(MapItemPath, OnlyPathsLeavingTheItemBranchAvoidIt) {
  for (const char* text : {"$$.Map.Item.Index", "$$.State.Name", "$$.Execution.Input.a[*]", "$$.Map.Other"})
    EXPECT_TRUE(parse(text).avoidsMapItem()) << text;
  // They reach it, might (a filter's "$" is the context object), or read no context.
  for (const char* text : {"$$", "$$.Map", "$$.Map.Item", "$$.Map.Item.Value.id", "$$..id", "$$.Map[*]",
                           "$$.Map.*.Value", "$$.Execution.Input[?(@ == $.Map.Item.Value)]", "$.a", "$x.Map"})
    EXPECT_FALSE(parse(text).avoidsMapItem()) << text;
}

TEST(MapItemPath, BorrowedSelectionEqualsTheContextsSelection) {
  Json full = contextWith(kItem), hollow = contextWith(nullptr), input = Json::object();
  EvalContext whole{&input, &full};
  EvalContext borrowed{&input, &hollow};
  borrowed.mapItem = &kItem;
  for (const char* text : {"$$.Map.Item.Value", "$$.Map.Item.Value.id", "$$.Map.Item.Value.list[1].x",
                           "$$.Map.Item.Value.list[*].x", "$$.Map.Item.Value..x", "$$.Map.Item.Value.list[-1]",
                           "$$.Map.Item.Value.list[0:2]", "$$.Map.Item.Value['s','t']", "$$.Map.Item.Value.*",
                           "$$.Map.Item.Value.nope", "$$.Map.Item.Value.id.nope", "$$.Map.Item.Index"}) {
    JsonPath p = parse(text);
    EXPECT_EQ(selectPath(p, borrowed), selectPath(p, whole)) << text;
  }
}

PayloadTemplate compile(const char* text) {
  std::vector<TemplateError> errors;
  auto t = PayloadTemplate::compile(Json::parse(text), &errors);
  EXPECT_TRUE(t) << text;
  return *t;
}

TEST(MapItemPath, TemplatesBorrowWhenEveryContextPathAllows) {
  for (const char* text : {R"J({"id.$": "$$.Map.Item.Value.id", "i.$": "$$.Map.Item.Index", "t.$": "$.t"})J",
                           R"J({"a": [{"n.$": "States.Format('{}', $$.Map.Item.Value.n)"}]})J",
                           R"J({"all.$": "$.items", "v.$": "$$.Map.Item.Value"})J", R"J({"k": 1})J"})
    EXPECT_TRUE(compile(text).canBorrowMapItem()) << text;
  for (const char* text : {R"J({"item.$": "$$.Map.Item"})J", R"J({"a": {"c.$": "$$"}})J",
                           R"J({"s.$": "States.Array(States.JsonToString($$.Map))"})J",
                           R"J({"f.$": "$$.Map.Item.Value.list[?(@.x == 1)]"})J"})
    EXPECT_FALSE(compile(text).canBorrowMapItem()) << text;
}

TEST(MapItemPath, BorrowedRenderEqualsTheContextsRender) {
  PayloadTemplate t = compile(R"J({"id.$": "$$.Map.Item.Value.id", "i.$": "$$.Map.Item.Index", "in.$": "$.k",
      "len.$": "States.ArrayLength($$.Map.Item.Value.list)", "xs.$": "$$.Map.Item.Value.list[*].x",
      "whole.$": "$$.Map.Item.Value"})J");
  Json full = contextWith(kItem), hollow = contextWith(nullptr), input = {{"k", "K"}};
  EvalContext borrowed{&input, &hollow};
  borrowed.mapItem = &kItem;
  Failure f1, f2;
  auto a = t.render(borrowed, "ItemSelector", &f1);
  auto b = t.render(EvalContext{&input, &full}, "ItemSelector", &f2);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ((*a)["len"], 3);
  // A miss fails alike: the cause quotes the path and the state's input, not the context.
  PayloadTemplate miss = compile(R"J({"m.$": "$$.Map.Item.Value.nope"})J");
  EXPECT_FALSE(miss.render(borrowed, "ItemSelector", &f1));
  EXPECT_FALSE(miss.render(EvalContext{&input, &full}, "ItemSelector", &f2));
  EXPECT_EQ(f1.error, f2.error);
  EXPECT_EQ(f1.cause, f2.cause);
}

}  // namespace
}  // namespace aslrt
