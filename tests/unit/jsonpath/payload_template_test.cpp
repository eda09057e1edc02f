#include "aslrt/payload_template.h"

#include <gtest/gtest.h>

namespace aslrt {
namespace {

PayloadTemplate compileOk(const char* text) {
  std::vector<TemplateError> errors;
  auto t = PayloadTemplate::compile(Json::parse(text), &errors);
  EXPECT_TRUE(t) << text << ": "
                 << (errors.empty() ? "" : errors[0].pointer + " " + errors[0].message);
  return *t;
}

TEST(PayloadTemplate, RendersPathsContextVariablesAndIntrinsics) {
  PayloadTemplate t = compileOk(R"J({
    "static": {"keep": "$.not_a_path"},
    "fromInput.$": "$.a",
    "nested": {"ctx.$": "$$.Execution.Id", "list": [1, {"v.$": "$x"}]},
    "call.$": "States.Format('{}-{}', $.a, $x)"})J");
  Json input = Json::parse(R"J({"a":"A"})J");
  Json context = Json::parse(R"J({"Execution":{"Id":"arn:x"}})J");
  Json vars = Json::parse(R"J({"x":7})J");
  Failure f;
  auto out = t.render(EvalContext{&input, &context, &vars, nullptr}, "Parameters", &f);
  ASSERT_TRUE(out) << *f.cause;
  EXPECT_EQ(*out, Json::parse(R"J({"static":{"keep":"$.not_a_path"},"fromInput":"A",
      "nested":{"ctx":"arn:x","list":[1,{"v":7}]},"call":"A-7"})J"));
  EXPECT_FALSE(t.isStatic());
}

TEST(PayloadTemplate, StaticTemplatesRenderAsIs) {
  PayloadTemplate t = compileOk(R"J({"a":[1,{"b":"$.c"}]})J");
  EXPECT_TRUE(t.isStatic());
  Json input = Json::object();
  EXPECT_EQ(*t.render(EvalContext{&input}, "Parameters", nullptr),
            Json::parse(R"J({"a":[1,{"b":"$.c"}]})J"));
}

TEST(PayloadTemplate, MissingPathGivesAwsCause) {
  // Recorded: scenarios.base_scenarios.invalid_jsonpath.INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH
  PayloadTemplate t = compileOk(R"J({"value.$": "$.no_such_jsonpath"})J");
  Json input = Json::parse(R"J({"a":1})J");
  Failure f;
  EXPECT_FALSE(t.render(EvalContext{&input}, "Parameters", &f));
  EXPECT_EQ(f.error, "States.Runtime");
  EXPECT_EQ(
      *f.cause,
      "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found "
      "in the input '{\"a\":1}'");
}

TEST(PayloadTemplate, IntrinsicFailurePropagates) {
  PayloadTemplate t = compileOk(R"J({"x.$": "States.ArrayGetItem($.a, 5)"})J");
  Json input = Json::parse(R"J({"a":[1]})J");
  Failure f;
  EXPECT_FALSE(t.render(EvalContext{&input}, "Parameters", &f));
  EXPECT_EQ(f.error, "States.IntrinsicFailure");
}

TEST(PayloadTemplate, IndefinitePathsRenderArrays) {
  PayloadTemplate t = compileOk(R"J({"item.$": "$.items[*].v"})J");
  Json input = Json::object();
  EXPECT_EQ(*t.render(EvalContext{&input}, "Parameters", nullptr), Json::parse(R"J({"item":[]})J"));
}

TEST(PayloadTemplate, CompileReportsEveryError) {
  std::vector<TemplateError> errors;
  auto t = PayloadTemplate::compile(Json::parse(R"J({
      "a": 1, "a.$": "$.x",
      "b.$": 5,
      "c": {"d.$": "$.["},
      "e.$": "States.Nope()",
      "f/g": [{"h.$": "nope"}]})J"),
                                    &errors);
  EXPECT_FALSE(t);
  std::vector<std::string> pointers;
  for (const auto& e : errors) pointers.push_back(e.pointer);
  EXPECT_EQ(pointers, (std::vector<std::string>{"/a.$", "/b.$", "/c/d.$", "/e.$", "/f~1g/0/h.$"}));
}

}  // namespace
}  // namespace aslrt
