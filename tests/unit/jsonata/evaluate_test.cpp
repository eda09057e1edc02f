// Language-level behaviour: paths, operators, lambdas, errors, limits.
#include <gtest/gtest.h>

#include "test_util.h"

using jsonata_test::eval;

TEST(Paths, SequencesFlattenAndSingletonsCollapse) {
  EXPECT_EQ(eval("a.b", R"({"a":[{"b":1},{"b":[2,3]}]})"), "[1,2,3]");
  EXPECT_EQ(eval("a.b", R"({"a":{"b":1}})"), "1");
  EXPECT_EQ(eval("a.b[]", R"({"a":{"b":1}})"), "[1]");
  EXPECT_EQ(eval("a.c", R"({"a":{"b":1}})"), "undefined");
}

TEST(Paths, PredicatesAndPositionalBinding) {
  EXPECT_EQ(eval("a[1]", R"({"a":[5,6,7]})"), "6");
  EXPECT_EQ(eval("a[-1]", R"({"a":[5,6,7]})"), "7");
  EXPECT_EQ(eval("a[$ > 5]", R"({"a":[5,6,7]})"), "[6,7]");
  EXPECT_EQ(eval("a#$i[$i > 0]", R"({"a":[5,6,7]})"), "[6,7]");
}

TEST(Paths, ParentOperator) {
  EXPECT_EQ(eval("a.b.%.c", R"({"a":{"b":1,"c":2}})"), "2");
}

TEST(Operators, ArithmeticAndStrings) {
  EXPECT_EQ(eval("1 + 2 * 3"), "7");
  EXPECT_EQ(eval("'a' & 1.5 & true"), "\"a1.5true\"");
  EXPECT_EQ(eval("[1..3]"), "[1,2,3]");
  EXPECT_EQ(eval("'x' + 1"), "error:T2001");
}

TEST(Lambdas, ClosuresAndTailCalls) {
  EXPECT_EQ(eval("($f := function($x){$x * 2}; $f(4))"), "8");
  EXPECT_EQ(eval("($loop := function($n){$n = 0 ? 'done' : $loop($n - 1)}; $loop(100000))"), "\"done\"");
  EXPECT_EQ(eval("($inf := function($n){$n + $inf($n)}; $inf(1))"), "error:U1001");
}

TEST(Errors, SyntaxErrorsCarryCodes) {
  EXPECT_EQ(eval("(1;"), "error:S0207");
  EXPECT_EQ(eval("[1,2"), "error:S0203");
  EXPECT_EQ(eval("$eval('1')"), "error:T1006");
}
