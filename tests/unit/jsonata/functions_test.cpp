// Built-in functions, number formatting, and host registration.
#include <gtest/gtest.h>

#include "test_util.h"

using jsonata_test::eval;

TEST(Functions, StringsAndNumbers) {
  EXPECT_EQ(eval("$string(1/3)"), "\"0.333333333333333\"");
  EXPECT_EQ(eval("$substring('hello', 1, 3)"), "\"ell\"");
  EXPECT_EQ(eval("$round(2.5)"), "2");
  EXPECT_EQ(eval("$sum([1,2,3])"), "6");
}

// As JavaScript's toUpperCase/toLowerCase: full Unicode mappings (letters
// of Latin Extended-A outside the even/odd pattern, Latin Extended
// Additional, fullwidth), one character becoming several, the final sigma.
TEST(Functions, CaseMappingIsUnicodes) {
  EXPECT_EQ(eval("$lowercase('ŁUKASZ')"), "\"łukasz\"");
  EXPECT_EQ(eval("$uppercase('łódź')"), "\"ŁÓDŹ\"");
  EXPECT_EQ(eval("$lowercase('ĽUBOŠ Ÿ')"), "\"ľuboš ÿ\"");
  EXPECT_EQ(eval("$uppercase('ı ſ việt ａ')"), "\"I S VIỆT Ａ\"");
  EXPECT_EQ(eval("$uppercase('straße ﬁ')"), "\"STRASSE FI\"");
  EXPECT_EQ(eval("$lowercase('İ')"), "\"i\u0307\"");
  EXPECT_EQ(eval("$lowercase('ΟΔΟΣ ΣΑΣ Σ')"), "\"οδος σας σ\"");
}

// Whole numbers from 2^53 print as JavaScript prints them below 1e21:
// the shortest digits of the double, then zeros -- no exponent.
TEST(Functions, LargeWholeNumbersPrintInFull) {
  EXPECT_EQ(eval("1234567890123456789"), "1234567890123456800");
  EXPECT_EQ(eval("-1234567890123456789"), "-1234567890123456800");
  EXPECT_EQ(eval("100000000000000000"), "100000000000000000");
  EXPECT_EQ(eval("9007199254740993"), "9007199254740992");
  EXPECT_EQ(eval("0.5"), "0.5");
}

// JavaScript compares strings by UTF-16 code units too.
TEST(Functions, StringsSortByUtf16Units) {
  EXPECT_EQ(eval("'😀' < '\uffff'"), "true");
  EXPECT_EQ(eval("$sort(['\uffff', '😀', 'a'])"), "[\"a\",\"😀\",\"\uffff\"]");
}

TEST(Functions, HigherOrder) {
  EXPECT_EQ(eval("$map([1,2], function($v){$v*10})"), "[10,20]");
  EXPECT_EQ(eval("$reduce([1,2,3], function($a,$b){$a+$b})"), "6");
}

TEST(Functions, HostRegistration) {
  using namespace aslrt::jsonata;
  Error err;
  auto e = Expression::compile("$twice(21)", &err);
  ASSERT_TRUE(e);
  e->registerFunction("twice", "<n:n>", [](const std::vector<std::optional<aslrt::Json>>& args, Error*) {
    return std::optional<aslrt::Json>(args[0]->get<double>() * 2);
  });
  auto r = e->evaluate(nullptr, aslrt::Json::object(), Limits{}, &err);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->dump(), "42");
}

TEST(Functions, PicturesAndDates) {
  EXPECT_EQ(eval("$formatNumber(1234.5678, '#,##0.00')"), "\"1,234.57\"");
  EXPECT_EQ(eval("$formatNumber(-42, '0e0')"), "\"-4e1\"");
  EXPECT_EQ(eval("$formatInteger(1234567890, '#:###,##0')"), "\"1234:567,890\"");
  EXPECT_EQ(eval("$parseInteger('twelve thousand, four hundred and seventy-six', 'w')"), "12476");
  EXPECT_EQ(eval("$fromMillis(1521801216617, '[Y0001]-[M01]-[D01]')"), "\"2018-03-23\"");
  EXPECT_EQ(eval("$toMillis('2018-03-23T10:33:36.617Z')"), "1521801216617");
}
