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

// Found by fuzzing (tests/lit/driver/fuzz_jsonata.test); each crashed or hung.
TEST(Fuzzed, GroupingAnEmptyTupleStreamGivesAnEmptyObject) {
  // jsonata-js 2.x: an empty sequence still makes a literal key's object, an
  // empty tuple stream (a focus binding that matched nothing) makes none.
  EXPECT_EQ(eval(R"(x{"k": 1})"), R"({"k":1})");
  EXPECT_EQ(eval(R"(x@$e{"k": 1})"), "{}");
  EXPECT_EQ(eval(R"(a@$e.b@$c{$e.n: $c})", R"({"a": {"n": "x", "b": 2}})"), "{}");
  EXPECT_EQ(eval(R"(a@$e.b@$c{$e.n: $c})", R"({"a": {"n": "x"}, "b": 2})"), R"({"x":2})");
}

TEST(Fuzzed, MalformedSignaturesAreErrorsNotCrashes) {
  EXPECT_EQ(eval(R"(function($x)<->{1}("a"))"), "error:T0410");  // '-' with nothing before it modifies nothing
  EXPECT_EQ(eval(R"(function($x)<?>{1}("a"))"), "error:T0410");
  EXPECT_EQ(eval(R"(function($x)<+>{1}("a"))"), "error:T0410");
  EXPECT_EQ(eval(R"(function($x)<(sn>{1}("a"))"), "error:S0401");  // an unclosed choice
  EXPECT_EQ(eval(R"(function($x)<a<s:n>{1}(["a"]))"), "error:S0203");  // the parser wants the closing >
  EXPECT_EQ(eval(R"(function($x)<s->{$x}("a"))"), R"("a")");
}

TEST(Fuzzed, PadToAnImpossibleWidthIsOutOfRange) {
  EXPECT_EQ(eval("$pad('foo', -9223372368547758085.7, ' ')"), "error:D1001");
  EXPECT_EQ(eval("$pad('foo', 1e12)"), "error:D1001");
  EXPECT_EQ(eval("$length($pad('', 1000000, 'ab'))"), "1000000");
  EXPECT_EQ(eval("$pad('x', -7, 'é€')"), R"("é€é€é€x")");
  EXPECT_EQ(eval("$pad('x', 6, '#*')"), R"("x#*#*#")");
}

// The messages name the argument, as jsonata-js fills {{index}} (they were
// printed with the placeholder left in).
TEST(Errors, SignatureMismatchMessagesNameTheArgument) {
  using namespace aslrt::jsonata;
  auto message = [](const std::string& expr) {
    Error err;
    auto e = Expression::compile(expr, &err);
    if (e) e->evaluate(nullptr, aslrt::Json::object(), Limits{}, &err);
    return err.message;
  };
  EXPECT_EQ(message(R"($pad("a", "b"))"), "Argument 2 of function pad does not match function signature");
  EXPECT_EQ(message(R"($sum(["a"]))"), "Argument 1 of function sum must be an array of numbers");
}

// An undefined argument passes a signature (as in jsonata-js); functions that
// cannot do without it said nothing and read it anyway.
TEST(Fuzzed, UndefinedPicturesAndKeys) {
  EXPECT_EQ(eval("$formatNumber(2, $nope)"), "error:T0410");
  EXPECT_EQ(eval("$formatInteger(2, $nope)"), "error:T0410");
  EXPECT_EQ(eval("$parseInteger('12', $nope)"), "error:T0410");
  EXPECT_EQ(eval(R"($lookup({"a": 1}, $nope))"), "undefined");
  EXPECT_EQ(eval(R"($lookup({"a": 1}, "a"))"), "1");
  EXPECT_EQ(eval("$formatNumber($nope, $nope)"), "undefined");  // no number: nothing to format
}

// Found by comparing with jsonata-js 2.2.2 on fuzzed expressions: a comma must
// be followed by an item, argument or pair.
TEST(Errors, TrailingCommasAreSyntaxErrors) {
  EXPECT_EQ(eval("[1, 2, ]"), "error:S0211");
  EXPECT_EQ(eval(R"({"a": 1, })"), "error:S0211");
  EXPECT_EQ(eval(R"($split("a,b", ",", ))"), "error:S0211");
  EXPECT_EQ(eval("function($x, ){1}"), "error:S0211");
  EXPECT_EQ(eval("[]"), "[]");
  EXPECT_EQ(eval("{}"), "{}");
  EXPECT_EQ(eval(R"($count([1, 2]) & $string({"a": 1}))"), R"("2{\"a\":1}")");
}
