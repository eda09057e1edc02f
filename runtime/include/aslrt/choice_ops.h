// Choice state leaf comparisons (JSONPath query language).
// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "aslrt/json.h"

namespace aslrt {

enum class ChoiceOp {
  StringEquals,
  StringLessThan,
  StringGreaterThan,
  StringLessThanEquals,
  StringGreaterThanEquals,
  StringMatches,
  NumericEquals,
  NumericLessThan,
  NumericGreaterThan,
  NumericLessThanEquals,
  NumericGreaterThanEquals,
  BooleanEquals,
  TimestampEquals,
  TimestampLessThan,
  TimestampGreaterThan,
  TimestampLessThanEquals,
  TimestampGreaterThanEquals,
  IsNull,
  IsPresent,
  IsNumeric,
  IsString,
  IsBoolean,
  IsTimestamp
};

// "NumericEqualsPath" -> NumericEquals with *isPathForm = true. StringMatches
// and the Is* tests have no Path form. nullopt for any other name.
std::optional<ChoiceOp> choiceOpFromName(std::string_view name, bool* isPathForm);
std::string_view choiceOpName(ChoiceOp op);

// Definition-time check of a literal operand: a string for String*/StringMatches
// (and a valid timestamp for Timestamp*), a number for Numeric*, a boolean for
// BooleanEquals and Is*.
bool operandTypeOk(ChoiceOp op, const Json& operand);

// value: what the rule's Variable selected (nullptr = the path matched nothing).
// A value of the wrong type, or an absent one, makes the rule false - only
// IsPresent looks at absence. Recorded against AWS in choice_operators.*.
bool evaluateChoiceOp(ChoiceOp op, const Json* value, const Json& operand);

// AWS does not treat an absent Variable as false: "If the state input doesn't
// contain the $.type field, the execution fails" (Choice state page). Only
// IsPresent may look at a missing value; for every other operator the caller
// should fail the state with States.Runtime and choicePathInvalidCause(path),
// as it should when a *Path operand matches nothing.
bool absentValueFails(ChoiceOp op);
// "Invalid path '<path>': The choice state's condition path references an invalid value."
std::string choicePathInvalidCause(std::string_view pathText);

// StringMatches: '*' matches any run of characters; "\*" and "\\" are literal.
bool stringMatches(std::string_view text, std::string_view pattern);

}  // namespace aslrt
