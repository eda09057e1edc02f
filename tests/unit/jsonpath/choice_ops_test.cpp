#include "aslrt/choice_ops.h"

#include <gtest/gtest.h>
#include <limits>

namespace aslrt {
namespace {

bool eval(ChoiceOp op, const char* value, const char* operand) {
  Json v = Json::parse(value);
  return evaluateChoiceOp(op, &v, Json::parse(operand));
}

// Java's String.compareTo orders by UTF-16 code units: a character beyond
// U+FFFF (a surrogate pair, U+D800..) sorts before U+E000..U+FFFF, where
// code point (UTF-8 byte) order puts it after.
TEST(ChoiceOps, StringsCompareByUtf16Units) {
  EXPECT_TRUE(eval(ChoiceOp::StringLessThan, R"("😀")", R"("\uffff")"));
  EXPECT_TRUE(eval(ChoiceOp::StringGreaterThan, R"("\uffff")", R"("😀")"));
  EXPECT_TRUE(eval(ChoiceOp::StringLessThan, R"("a😀")", R"("a\ue000")"));
  EXPECT_TRUE(eval(ChoiceOp::StringLessThan, R"("😀")", R"("😁")"));  // same high surrogate
  EXPECT_TRUE(eval(ChoiceOp::StringLessThan, R"("é")", R"("😀")"));
  EXPECT_TRUE(eval(ChoiceOp::StringEquals, R"("😀x")", R"("😀x")"));
  EXPECT_FALSE(eval(ChoiceOp::StringEquals, R"("😀x")", R"("😀y")"));
}

TEST(ChoiceOps, NamesAndPathForms) {
  bool path = false;
  EXPECT_EQ(choiceOpFromName("NumericEqualsPath", &path), ChoiceOp::NumericEquals);
  EXPECT_TRUE(path);
  EXPECT_EQ(choiceOpFromName("IsTimestamp", &path), ChoiceOp::IsTimestamp);
  EXPECT_FALSE(path);
  EXPECT_FALSE(choiceOpFromName("IsNullPath", &path));
  EXPECT_FALSE(choiceOpFromName("StringMatchesPath", &path));
  EXPECT_FALSE(choiceOpFromName("Nope", &path));
  for (int i = 0; i <= static_cast<int>(ChoiceOp::IsTimestamp); ++i) {
    auto op = static_cast<ChoiceOp>(i);
    EXPECT_EQ(choiceOpFromName(choiceOpName(op), nullptr), op);
  }
}

TEST(ChoiceOps, OperandTypes) {
  EXPECT_TRUE(operandTypeOk(ChoiceOp::StringEquals, "a"));
  EXPECT_FALSE(operandTypeOk(ChoiceOp::StringEquals, 1));
  EXPECT_TRUE(operandTypeOk(ChoiceOp::NumericLessThan, 1.5));
  EXPECT_FALSE(operandTypeOk(ChoiceOp::NumericLessThan, "1"));
  EXPECT_TRUE(operandTypeOk(ChoiceOp::BooleanEquals, true));
  EXPECT_FALSE(operandTypeOk(ChoiceOp::IsNull, 0));
  EXPECT_TRUE(operandTypeOk(ChoiceOp::TimestampEquals, "2012-10-09T19:00:55Z"));
  EXPECT_FALSE(operandTypeOk(ChoiceOp::TimestampEquals, "yesterday"));
}

TEST(ChoiceOps, StringComparisons) {
  EXPECT_TRUE(eval(ChoiceOp::StringEquals, R"("Hello")", R"("Hello")"));
  EXPECT_FALSE(eval(ChoiceOp::StringEquals, R"(" ")", R"("     ")"));
  EXPECT_FALSE(eval(ChoiceOp::StringEquals, "0", R"("0")"));
  EXPECT_TRUE(eval(ChoiceOp::StringLessThan, R"("A")", R"("AB")"));
  EXPECT_FALSE(eval(ChoiceOp::StringLessThan, R"("")", R"("")"));
  EXPECT_TRUE(eval(ChoiceOp::StringGreaterThan, R"("b")", R"("a")"));
  EXPECT_FALSE(eval(ChoiceOp::StringGreaterThan, R"("AB")", R"("ABC")"));
  EXPECT_TRUE(eval(ChoiceOp::StringLessThanEquals, R"("")", R"("")"));
  EXPECT_FALSE(eval(ChoiceOp::StringLessThanEquals, R"("AB")", R"("A")"));
  EXPECT_TRUE(eval(ChoiceOp::StringGreaterThanEquals, R"("AB")", R"("A")"));
  EXPECT_FALSE(eval(ChoiceOp::StringGreaterThanEquals, R"("A")", R"("AB")"));
}

TEST(ChoiceOps, StringMatchesWildcardsAndEscapes) {
  EXPECT_TRUE(eval(ChoiceOp::StringMatches, R"("log-2024.txt")", R"("log-*.txt")"));
  EXPECT_TRUE(eval(ChoiceOp::StringMatches, R"("abc")", R"("*")"));
  EXPECT_FALSE(eval(ChoiceOp::StringMatches, R"("log.csv")", R"("log-*.txt")"));
  EXPECT_TRUE(stringMatches("a*b", "a\\*b"));
  EXPECT_FALSE(stringMatches("axb", "a\\*b"));
  EXPECT_TRUE(stringMatches("a\\b", "a\\\\b"));
  EXPECT_TRUE(stringMatches("aXbYc", "a*b*c"));
  EXPECT_FALSE(stringMatches("aXbY", "a*b*c"));
  EXPECT_FALSE(eval(ChoiceOp::StringMatches, "1", R"("*")"));
}

TEST(ChoiceOps, NumericComparisonsByValue) {
  EXPECT_TRUE(eval(ChoiceOp::NumericEquals, "1", "1.0"));
  EXPECT_TRUE(eval(ChoiceOp::NumericEquals, "0.0", "0"));
  EXPECT_FALSE(eval(ChoiceOp::NumericEquals, "1.1", "1"));
  EXPECT_FALSE(eval(ChoiceOp::NumericEquals, R"("1")", "1"));
  EXPECT_FALSE(eval(ChoiceOp::NumericEquals, "true", "1"));
  EXPECT_TRUE(eval(ChoiceOp::NumericLessThan, "0", "1"));
  EXPECT_FALSE(eval(ChoiceOp::NumericLessThan, "0.0", "0"));
  EXPECT_TRUE(eval(ChoiceOp::NumericGreaterThan, "1", "0"));
  EXPECT_FALSE(eval(ChoiceOp::NumericGreaterThan, "1", "1"));
  EXPECT_TRUE(eval(ChoiceOp::NumericLessThanEquals, "0.0", "0"));
  EXPECT_FALSE(eval(ChoiceOp::NumericLessThanEquals, "2", "1"));
  EXPECT_TRUE(eval(ChoiceOp::NumericGreaterThanEquals, "1", "0"));
  EXPECT_FALSE(eval(ChoiceOp::NumericGreaterThanEquals, "0", "1"));
  EXPECT_TRUE(eval(ChoiceOp::NumericLessThan, "9007199254740992", "9007199254740993"));
}

// Parsed non-negative integers are unsigned, computed ones (States.MathAdd)
// signed: every mix compares exactly, at both ends of the 64-bit ranges.
TEST(ChoiceOps, SignedAndUnsignedIntegersCompareExactly) {
  Json smallSigned = Json(static_cast<int64_t>(5)), negative = Json(static_cast<int64_t>(-1));
  Json minSigned = Json(std::numeric_limits<int64_t>::min());
  Json maxUnsigned = Json(std::numeric_limits<uint64_t>::max()), five = Json(static_cast<uint64_t>(5));
  ASSERT_TRUE(smallSigned.is_number_integer() && !smallSigned.is_number_unsigned());
  ASSERT_TRUE(five.is_number_unsigned());
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::NumericEquals, &smallSigned, five));
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::NumericEquals, &five, smallSigned));
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::NumericLessThan, &negative, five));
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::NumericGreaterThan, &five, negative));
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::NumericLessThan, &minSigned, maxUnsigned));
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::NumericGreaterThan, &maxUnsigned, minSigned));
  EXPECT_FALSE(evaluateChoiceOp(ChoiceOp::NumericLessThan, &maxUnsigned, smallSigned));
  Json bigSigned = Json(std::numeric_limits<int64_t>::max());
  Json justAbove = Json(static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + 1);
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::NumericLessThan, &bigSigned, justAbove));
  EXPECT_FALSE(evaluateChoiceOp(ChoiceOp::NumericEquals, &bigSigned, justAbove));
}

TEST(ChoiceOps, BooleanEquals) {
  EXPECT_TRUE(eval(ChoiceOp::BooleanEquals, "true", "true"));
  EXPECT_FALSE(eval(ChoiceOp::BooleanEquals, "false", "true"));
  EXPECT_FALSE(eval(ChoiceOp::BooleanEquals, "1", "true"));
  EXPECT_FALSE(eval(ChoiceOp::BooleanEquals, R"("true")", "true"));
}

TEST(ChoiceOps, TimestampsCompareAsInstants) {
  EXPECT_TRUE(eval(ChoiceOp::TimestampEquals, R"("2012-10-09T19:00:55Z")",
                   R"("2012-10-09T20:00:55+01:00")"));
  EXPECT_FALSE(
      eval(ChoiceOp::TimestampEquals, R"("2012-10-09T19:00:56Z")", R"("2012-10-09T19:00:55Z")"));
  EXPECT_FALSE(eval(ChoiceOp::TimestampEquals, R"(" ")", R"("2012-10-09T19:00:55Z")"));
  EXPECT_TRUE(
      eval(ChoiceOp::TimestampLessThan, R"("2012-10-09T19:00:55Z")", R"("2012-10-09T19:00:56Z")"));
  EXPECT_FALSE(
      eval(ChoiceOp::TimestampLessThan, R"("2012-10-09T19:00:56Z")", R"("2012-10-09T19:00:55Z")"));
  EXPECT_TRUE(eval(ChoiceOp::TimestampGreaterThan, R"("2012-10-09T19:00:56Z")",
                   R"("2012-10-09T19:00:55Z")"));
  EXPECT_FALSE(eval(ChoiceOp::TimestampGreaterThan, R"("2012-10-09T19:00:55Z")",
                    R"("2012-10-09T19:00:55Z")"));
  EXPECT_TRUE(eval(ChoiceOp::TimestampLessThanEquals, R"("2012-10-09T19:00:55Z")",
                   R"("2012-10-09T19:00:55Z")"));
  EXPECT_FALSE(eval(ChoiceOp::TimestampLessThanEquals, R"("2012-10-09T19:00:56Z")",
                    R"("2012-10-09T19:00:55Z")"));
  EXPECT_TRUE(eval(ChoiceOp::TimestampGreaterThanEquals, R"("2012-10-09T19:00:56Z")",
                   R"("2012-10-09T19:00:55Z")"));
  EXPECT_FALSE(eval(ChoiceOp::TimestampGreaterThanEquals, "0", R"("2012-10-09T19:00:55Z")"));
}

TEST(ChoiceOps, TypeTests) {
  EXPECT_TRUE(eval(ChoiceOp::IsNull, "null", "true"));
  EXPECT_FALSE(eval(ChoiceOp::IsNull, "0", "true"));
  EXPECT_TRUE(eval(ChoiceOp::IsNumeric, "1.1", "true"));
  EXPECT_FALSE(eval(ChoiceOp::IsNumeric, R"("1")", "true"));
  EXPECT_TRUE(eval(ChoiceOp::IsString, R"("")", "true"));
  EXPECT_FALSE(eval(ChoiceOp::IsString, "[]", "true"));
  EXPECT_TRUE(eval(ChoiceOp::IsBoolean, "false", "true"));
  EXPECT_FALSE(eval(ChoiceOp::IsBoolean, "0", "true"));
  EXPECT_TRUE(eval(ChoiceOp::IsTimestamp, R"("2012-10-09T19:00:55+01:00")", "true"));
  EXPECT_FALSE(eval(ChoiceOp::IsTimestamp, R"("2023-02-24")", "true"));
  EXPECT_TRUE(eval(ChoiceOp::IsTimestamp, R"("2023-02-24")", "false"));
  EXPECT_TRUE(eval(ChoiceOp::IsPresent, "null", "true"));
  EXPECT_FALSE(eval(ChoiceOp::IsPresent, "null", "false"));
}

TEST(ChoiceOps, AbsentValueIsFalseExceptIsPresent) {
  EXPECT_TRUE(evaluateChoiceOp(ChoiceOp::IsPresent, nullptr, false));
  EXPECT_FALSE(evaluateChoiceOp(ChoiceOp::IsPresent, nullptr, true));
  EXPECT_FALSE(evaluateChoiceOp(ChoiceOp::IsNull, nullptr, true));
  EXPECT_FALSE(evaluateChoiceOp(ChoiceOp::IsNull, nullptr, false));
  EXPECT_FALSE(evaluateChoiceOp(ChoiceOp::StringEquals, nullptr, "a"));
  EXPECT_FALSE(evaluateChoiceOp(ChoiceOp::NumericEquals, nullptr, 0));
}

TEST(ChoiceOps, AbsentValueFailsTheStateExceptForIsPresent) {
  EXPECT_FALSE(absentValueFails(ChoiceOp::IsPresent));
  EXPECT_TRUE(absentValueFails(ChoiceOp::IsNull));
  EXPECT_TRUE(absentValueFails(ChoiceOp::StringEquals));
  EXPECT_EQ(
      choicePathInvalidCause("$.type"),
      "Invalid path '$.type': The choice state's condition path references an invalid value.");
}

}  // namespace
}  // namespace aslrt
