// JsonataTemplate: the causes AWS gives when a field's expression yields no
// JSON value (nothing at all, or a function).
#include "jsonata_template.h"

#include <gtest/gtest.h>

namespace {

aslrt::Failure evaluateFailure(const std::string& text, const std::string& field) {
  std::string error;
  std::optional<aslrt::JsonataTemplate> t =
      aslrt::JsonataTemplate::compile(aslrt::Json(text), field, &aslrt::jsonataRandom(), &error);
  EXPECT_TRUE(t) << error;
  aslrt::Failure failure;
  if (t) {
    EXPECT_FALSE(t->evaluate(aslrt::Json::object(), &failure));
  }
  return failure;
}

TEST(JsonataTemplate, FunctionResultIsAnUnsupportedResultType) {
  // Recorded: map_state_items_eval_jsonata_fail.function.
  aslrt::Failure f = evaluateFailure("{% $fn := function($x){$x} %}", "Items");
  EXPECT_EQ(f.error, "States.QueryEvaluationError");
  EXPECT_EQ(f.cause,
            "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an "
            "unsupported result type.");
}

TEST(JsonataTemplate, BuiltInFunctionResultIsAnUnsupportedResultType) {
  aslrt::Failure f = evaluateFailure("{% $sum %}", "Output");
  EXPECT_EQ(f.cause, "The JSONata expression '$sum' specified for the field 'Output' returned an "
                     "unsupported result type.");
}

TEST(JsonataTemplate, UndefinedResultReturnsNothing) {
  aslrt::Failure f = evaluateFailure("{% $nothing %}", "Output");
  EXPECT_EQ(f.cause, "The JSONata expression '$nothing' specified for the field 'Output' returned nothing (undefined).");
}

}  // namespace
