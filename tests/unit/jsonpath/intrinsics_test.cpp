#include "aslrt/intrinsics.h"

#include <algorithm>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "aslrt/base64.h"
#include "aslrt/java_hash_order.h"
#include "aslrt/payload_size.h"

namespace aslrt {
namespace {

struct Outcome {
  std::optional<Json> value;
  Failure failure;
};

Outcome run(std::string_view text, const Json& input = Json::object(),
            std::mt19937_64* rng = nullptr) {
  SyntaxError err;
  auto call = IntrinsicCall::parse(text, &err);
  EXPECT_TRUE(call) << text << ": " << err.message << " at " << err.offset;
  Outcome out;
  if (!call) return out;
  Json context = Json::parse(R"({"Execution":{"Name":"exec-1"}})");
  Json vars = Json::parse(R"({"v":[1,2]})");
  EvalContext ctx{&input, &context, &vars, rng};
  out.value = call->evaluate(ctx, "f.$", &out.failure);
  return out;
}

Json ok(std::string_view text, const Json& input = Json::object()) {
  Outcome o = run(text, input);
  EXPECT_TRUE(o.value) << text << " failed: " << o.failure.error << " "
                       << o.failure.cause.value_or("");
  return o.value.value_or(Json());
}

void failsWith(std::string_view text, const char* error, const Json& input = Json::object()) {
  Outcome o = run(text, input);
  EXPECT_FALSE(o.value) << text << " gave " << o.value->dump();
  EXPECT_EQ(o.failure.error, error) << text;
  EXPECT_TRUE(o.failure.cause.has_value());
}

TEST(IntrinsicParse, ArgumentKindsAndNesting) {
  EXPECT_TRUE(IntrinsicCall::looksLikeCall("States.Array()"));
  EXPECT_FALSE(IntrinsicCall::looksLikeCall("$.a"));
  EXPECT_EQ(ok("States.Array('a', 1, -2.5, true, false, null, $.x, $$.Execution.Name, $v[0])",
               Json::parse(R"({"x":{"y":1}})")),
            Json::parse(R"(["a",1,-2.5,true,false,null,{"y":1},"exec-1",1])"));
  EXPECT_EQ(ok("States.ArrayLength(States.Array(States.Array(1), 2))"), 2);
}

TEST(IntrinsicParse, RejectsBadSyntaxAndArity) {
  SyntaxError err;
  EXPECT_FALSE(IntrinsicCall::parse("States.Nope(1)", &err));
  EXPECT_FALSE(IntrinsicCall::parse("States.Array(1", &err));
  EXPECT_FALSE(IntrinsicCall::parse("States.Array('x)", &err));
  EXPECT_FALSE(IntrinsicCall::parse("States.Hash('x')", &err));
  EXPECT_EQ(err.offset, 0u);
  EXPECT_FALSE(IntrinsicCall::parse("States.UUID(1)", &err));
  EXPECT_FALSE(IntrinsicCall::parse("States.Array(1) x", &err));
  EXPECT_FALSE(IntrinsicCall::parse("States.Array($.a[)", &err));
  // Only \' \{ \} \\ are escapes (recorded: illegal_escapes.* are INVALID_DEFINITION).
  EXPECT_FALSE(IntrinsicCall::parse(R"(States.Format('He said \"hi\"'))", &err));
  EXPECT_FALSE(IntrinsicCall::parse(R"(States.Format('a\nb'))", &err));
  std::string deep = "1";
  for (int i = 0; i < 11; ++i) deep = "States.Array(" + deep + ")";
  EXPECT_FALSE(IntrinsicCall::parse(deep, &err));
}

TEST(IntrinsicFormat, PlaceholdersEscapesAndJavaRendering) {
  EXPECT_EQ(ok("States.Format('Hello, {}!', $.n)", Json::parse(R"({"n":"Ann"})")), "Hello, Ann!");
  EXPECT_EQ(ok("States.Format('{} {} {} {}', 1, 1.5, null, true)"), "1 1.5 null true");
  EXPECT_EQ(ok("States.Format('{}', $.o)", Json::parse(R"({"o":{"Arg1":1,"Arg2":[]}})")),
            "{Arg1=1, Arg2=[]}");
  EXPECT_EQ(ok(R"(States.Format('\{\} it\'s \\ {}', 'x'))"), R"({} it's \ x)");
  failsWith("States.Format('{} {}', 1)", "States.IntrinsicFailure");
  failsWith("States.Format(1)", "States.IntrinsicFailure");
}

// The bound StringToJson hands the payload check instead of a walk holds for
// the texts that print longest against their length (numbers printed as
// doubles) and deepest (bare brackets).
TEST(IntrinsicJson, StringToJsonBoundHoldsForTheWorstTexts) {
  for (std::string text : {"1e9", "[1e14]", "[1e14,1e14]", "[1e9,9e15,-1e-7,5e-324,1E22]", "18446744073709551616", "-0", " 1 ", "\"\\u0001\"",
                           "[[[[[[[[]]]]]]]]", "{\"a\":{\"b\":[{}]}}", "\"\\u00e9\\/\"", "  "}) {
    Json input = {{"s", text}};
    IntrinsicCall call = *IntrinsicCall::parse("States.StringToJson($.s)", nullptr);
    EvalContext ctx;
    ctx.input = &input;
    SizeBound bound;
    Failure failure;
    std::optional<Json> v = call.evaluate(ctx, "f.$", &failure, &bound);
    ASSERT_TRUE(v) << text << ": " << failure.cause.value_or("");
    ASSERT_TRUE(bound.known()) << text;
    Extent exact = measure(*v);
    EXPECT_LE(exact.bytes, bound.bytes) << text;
    EXPECT_LE(exact.depth, bound.depth) << text;
  }
}

// A merge wide enough for the objects' hash index: b's values win, its new
// keys join a's, every member is found, and the order is java.util.HashMap's.
TEST(IntrinsicJson, JsonMergeOfWideObjects) {
  Json input = {{"a", Json::object()}, {"b", Json::object()}};
  std::vector<std::string> keys;
  for (int i = 0; i < 20; ++i) input["a"]["k" + std::to_string(i)] = i, keys.push_back("k" + std::to_string(i));
  for (int i = 17; i < 24; ++i) input["b"]["k" + std::to_string(i)] = -i;
  for (int i = 20; i < 24; ++i) keys.push_back("k" + std::to_string(i));
  Json merged = ok("States.JsonMerge($.a, $.b, false)", input);
  ASSERT_EQ(merged.size(), 24u);
  for (int i = 0; i < 24; ++i) EXPECT_EQ(merged.at("k" + std::to_string(i)), i < 17 ? i : -i);
  std::vector<std::string_view> views(keys.begin(), keys.end());
  std::vector<std::string> expected;
  for (uint32_t k : javaHashMapOrder(views)) expected.push_back(keys[k]);
  std::vector<std::string> got;
  for (auto it = merged.begin(); it != merged.end(); ++it) got.push_back(it.key());
  EXPECT_EQ(got, expected);
}

TEST(IntrinsicJson, StringToJsonAndBack) {
  EXPECT_EQ(ok("States.StringToJson($.s)", Json::parse(R"({"s":"{\"a\":[1,2]}"})")),
            Json::parse(R"({"a":[1,2]})"));
  EXPECT_EQ(ok("States.StringToJson('')"), Json(nullptr));
  failsWith("States.StringToJson('{bad')", "States.IntrinsicFailure");
  failsWith("States.StringToJson(1)", "States.IntrinsicFailure");
  EXPECT_EQ(ok("States.JsonToString($.o)", Json::parse(R"({"o":{"Arg1":1,"Arg2":[]}})")),
            R"({"Arg1":1,"Arg2":[]})");
  EXPECT_EQ(ok("States.JsonToString('x')"), "\"x\"");
  EXPECT_EQ(ok("States.JsonToString($.n)", Json::parse(R"({"n":[1.0,1e20,1.5e-7]})")),
            "[1.0,1.0E20,1.5E-7]");  // doubles as Jackson writes them
  // Keys and strings that need escaping, non-ASCII text and integer extremes
  // print as Json::dump() does.
  Json in = Json::parse(R"({"o":{"k\"ey":"line\nbreak\u0001","\u00e9":["\u00fc\\",true,null,
                                 -9223372036854775808,18446744073709551615]}})");
  EXPECT_EQ(ok("States.JsonToString($.o)", in), in["o"].dump());
}

TEST(IntrinsicJson, JsonMergeIsShallow) {
  Json in = Json::parse(R"({"a":{"x":{"p":1},"k":1},"b":{"x":{"q":2}}})");
  EXPECT_EQ(ok("States.JsonMerge($.a, $.b, false)", in), Json::parse(R"({"x":{"q":2},"k":1})"));
  failsWith("States.JsonMerge($.a, $.b, true)", "States.IntrinsicFailure", in);
  failsWith("States.JsonMerge($.a, 1, false)", "States.IntrinsicFailure", in);
}

TEST(IntrinsicArray, ArrayAndPartition) {
  EXPECT_EQ(ok("States.Array()"), Json::array());
  EXPECT_EQ(ok("States.ArrayPartition(States.Array(1,2,3,4,5), 2)"),
            Json::parse("[[1,2],[3,4],[5]]"));
  EXPECT_EQ(ok("States.ArrayPartition(States.Array(), 2)"), Json::array());
  failsWith("States.ArrayPartition(States.Array(1), 0)", "States.IntrinsicFailure");
  failsWith("States.ArrayPartition('x', 1)", "States.IntrinsicFailure");
}

TEST(IntrinsicArray, ContainsGetItemLengthUnique) {
  Json in = Json::parse(R"({"a":[1,{"k":[2]},"s",null]})");
  EXPECT_EQ(ok("States.ArrayContains($.a, $.a[1])", in), true);
  EXPECT_EQ(ok("States.ArrayContains($.a, 2)", in), false);
  failsWith("States.ArrayContains('a', 1)", "States.IntrinsicFailure");
  EXPECT_EQ(ok("States.ArrayGetItem($.a, 2)", in), "s");
  failsWith("States.ArrayGetItem($.a, 4)", "States.IntrinsicFailure", in);
  failsWith("States.ArrayGetItem($.a, 1.5)", "States.IntrinsicFailure", in);
  EXPECT_EQ(ok("States.ArrayLength($.a)", in), 4);
  failsWith("States.ArrayLength('abc')", "States.IntrinsicFailure");
  EXPECT_EQ(ok("States.ArrayUnique(States.Array(1, 2, 1, 'a', 'a', null, null))"),
            Json::parse(R"([1,2,"a",null])"));
  failsWith("States.ArrayUnique(1)", "States.IntrinsicFailure");
}

// Integer arrays take a sorted path: it must keep exactly what the plain
// first-occurrence search keeps (signed and unsigned equal values included),
// in order, and leave other arrays (1 and 1.0 are equal) to that search.
TEST(IntrinsicArray, UniqueIntegersKeepFirstOccurrences) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 300; ++round) {
    Json arr = Json::array();
    bool longer = round % 3 == 2;  // a span past the table kept on the stack (2,048 values)
    size_t n = longer ? 200 + rng() % 400 : rng() % 40;
    for (size_t i = 0; i < n; ++i) {
      // Small spans (a table of seen values) and wide ones (sorted).
      int64_t v = longer       ? static_cast<int64_t>(rng() % 3000) - 1500
                  : round % 2 ? static_cast<int64_t>(rng() % 9) - 4
                              : static_cast<int64_t>(rng() % 7) * 1000000007LL - 3000000000LL;
      if (rng() % 3 == 0 && v >= 0) arr.push_back(static_cast<uint64_t>(v));  // unsigned, as parsed
      else arr.push_back(v);
    }
    if (round % 50 == 0) arr.push_back(std::numeric_limits<uint64_t>::max());  // beyond int64: the search
    Json expected = Json::array();
    for (const Json& item : arr)
      if (std::find(expected.begin(), expected.end(), item) == expected.end()) expected.push_back(item);
    Json got = ok("States.ArrayUnique($.a)", Json{{"a", arr}});
    ASSERT_EQ(got.dump(), expected.dump()) << arr.dump();
    for (size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i].type(), expected[i].type()) << arr.dump();
  }
  EXPECT_EQ(ok("States.ArrayUnique($.a)", Json::parse(R"({"a":[1,1.0,2,"2",2]})")).dump(), R"([1,2,"2"])");
  EXPECT_EQ(ok("States.ArrayUnique($.a)", Json::parse(R"({"a":[-9223372036854775808,9223372036854775807,-9223372036854775808]})")).dump(),
            "[-9223372036854775808,9223372036854775807]");
}

TEST(IntrinsicArray, RangeWithLimits) {
  EXPECT_EQ(ok("States.ArrayRange(1, 9, 2)"), Json::parse("[1,3,5,7,9]"));
  EXPECT_EQ(ok("States.ArrayRange(0, 10, 3)"), Json::parse("[0,3,6,9]"));
  EXPECT_EQ(ok("States.ArrayRange(5, 1, -2)"), Json::parse("[5,3,1]"));
  EXPECT_EQ(ok("States.ArrayRange(1, 2, -1)"), Json::array());
  EXPECT_EQ(ok("States.ArrayRange(1, 1000, 1)").size(), 1000u);
  failsWith("States.ArrayRange(0, 1000, 1)", "States.IntrinsicFailure");
  failsWith("States.ArrayRange(1, 9, 0)", "States.IntrinsicFailure");
  failsWith("States.ArrayRange(1.5, 9, 1)", "States.IntrinsicFailure");
  // Ranges whose span leaves the 64-bit range (last - first overflowed).
  EXPECT_EQ(ok("States.ArrayRange(-9000000000000000000, 9000000000000000000, 9000000000000000000)"),
            Json::parse("[-9000000000000000000,0,9000000000000000000]"));
  EXPECT_EQ(ok("States.ArrayRange(9223372036854775807, -9223372036854775807, -9223372036854775807)"),
            Json::parse("[9223372036854775807,0,-9223372036854775807]"));
  failsWith("States.ArrayRange(-9223372036854775807, 9223372036854775807, 1)", "States.IntrinsicFailure");
}

TEST(IntrinsicEncoding, Base64RoundTripAndLimits) {
  EXPECT_EQ(ok("States.Base64Encode('Data to encode')"), "RGF0YSB0byBlbmNvZGU=");
  EXPECT_EQ(ok("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"), "Data to encode");
  EXPECT_EQ(ok("States.Base64Decode('YQ==')"), "a");
  EXPECT_EQ(ok("States.Base64Decode('')"), "");
  EXPECT_EQ(ok("States.Base64Decode('YQ')"), "a");  // Java's decoder: padding optional
  // Invalid UTF-8 becomes U+FFFD per bad byte, valid sequences stay.
  EXPECT_EQ(ok("States.Base64Decode('YcOp')"), "a\xC3\xA9");
  EXPECT_EQ(ok("States.Base64Decode('Yf9i')"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ok("States.Base64Decode('w6nigg==')"), "\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD");
  // ... past the first 8-byte words of ASCII too (they are checked a word at a time).
  for (size_t prefix : {7, 8, 9, 16, 23}) {
    std::string plain = std::string(prefix, 'x') + "\xFF" + std::string(prefix, 'y') + "\xC3\xA9";
    std::string expected = std::string(prefix, 'x') + "\xEF\xBF\xBD" + std::string(prefix, 'y') + "\xC3\xA9";
    EXPECT_EQ(ok("States.Base64Decode($.b)", Json{{"b", base64Encode(plain)}}), expected) << prefix;
  }
  failsWith("States.Base64Decode('not base64!')", "States.IntrinsicFailure");
  failsWith("States.Base64Decode('YQ=')", "States.IntrinsicFailure");
  failsWith("States.Base64Decode('Y')", "States.IntrinsicFailure");
  failsWith("States.Base64Decode('YW\xC3\xA9=')", "States.IntrinsicFailure");  // a byte outside the alphabet
  failsWith("States.Base64Decode('YW-_')", "States.IntrinsicFailure");          // the URL alphabet is not RFC 4648's
  // Whole groups decode four characters at a time, the rest one at a time: a
  // byte outside the alphabet anywhere fails, and every length round-trips.
  for (size_t length = 0; length <= 14; ++length) {
    std::string plain;
    for (size_t i = 0; i < length; ++i) plain += static_cast<char>('a' + (i * 7) % 26);
    std::string text = base64Encode(plain);
    EXPECT_EQ(ok("States.Base64Decode($.b)", Json{{"b", text}}), plain) << length;
    std::string unpadded = text.substr(0, text.find('='));
    EXPECT_EQ(ok("States.Base64Decode($.b)", Json{{"b", unpadded}}), plain) << length;
    for (size_t at = 0; at < unpadded.size(); ++at) {
      std::string broken = text;
      broken[at] = '!';
      failsWith("States.Base64Decode($.b)", "States.IntrinsicFailure", Json{{"b", broken}});
    }
  }
  Json big = {{"s", std::string(10001, 'a')}};
  failsWith("States.Base64Encode($.s)", "States.IntrinsicFailure", big);
  failsWith("States.Base64Encode(1)", "States.IntrinsicFailure");
}

TEST(IntrinsicEncoding, HashAlgorithms) {
  // Digests recorded from AWS in intrinsic_functions.hash_calculations.hash.*
  EXPECT_EQ(ok("States.Hash('input data', 'MD5')"), "812f45842bc6d66ee14572ce20db8e86");
  EXPECT_EQ(ok("States.Hash('input data', 'SHA-1')"), "aaff4a450a104cd177d28d18d74485e8cae074b7");
  EXPECT_EQ(ok("States.Hash('input data', 'SHA-256')"),
            "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3");
  EXPECT_EQ(ok("States.Hash('input data', 'SHA-512')").get<std::string>().size(), 128u);
  failsWith("States.Hash('input data', 'SHA-3')", "States.IntrinsicFailure");
  Json big = {{"s", std::string(10001, 'a')}};
  failsWith("States.Hash($.s, 'MD5')", "States.IntrinsicFailure", big);
}

TEST(IntrinsicMath, AddRoundsEachArgumentLikeJava) {
  EXPECT_EQ(ok("States.MathAdd(1.49, 1.5)"), 3);
  EXPECT_EQ(ok("States.MathAdd(-1.5, -1.51)"), -3);
  EXPECT_EQ(ok("States.MathAdd(-0.5, 0)"), 0);
  EXPECT_EQ(ok("States.MathAdd(-9, 3)"), -6);
  failsWith("States.MathAdd('1', 2)", "States.IntrinsicFailure");
  failsWith("States.MathAdd(2147483648, 0)", "States.IntrinsicFailure");
}

// Integer arguments from paths take a shortcut (no argument values built):
// it must agree with the general evaluation at the int range's edges.
TEST(IntrinsicMath, AddOfIntegerPathsAtTheIntRangeEdges) {
  Json input = {{"max", 2147483647}, {"min", -2147483648LL}, {"over", 2147483648LL},
                {"huge", 18446744073709551615ull}, {"f", 2.5}, {"s", "1"}};
  EXPECT_EQ(ok("States.MathAdd($.max, 1)", input), 2147483648LL);  // the sum may leave the range
  EXPECT_EQ(ok("States.MathAdd($.min, $.min)", input), -4294967296LL);
  EXPECT_EQ(ok("States.MathAdd($.f, $.max)", input), 2147483650LL);  // 2.5 rounds to 3
  failsWith("States.MathAdd($.over, 0)", "States.IntrinsicFailure", input);
  failsWith("States.MathAdd($.huge, 0)", "States.IntrinsicFailure", input);  // not -1
  failsWith("States.MathAdd($.s, 1)", "States.IntrinsicFailure", input);
  failsWith("States.MathAdd($.missing, 1)", "States.Runtime", input);
}

TEST(IntrinsicMath, RandomStaysInRangeAndSeedRepeats) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 50; ++i) {
    Outcome o = run("States.MathRandom(12.5, 44.51)", Json::object(), &rng);
    ASSERT_TRUE(o.value);
    EXPECT_GE(o.value->get<int64_t>(), 13);
    EXPECT_LT(o.value->get<int64_t>(), 45);
  }
  EXPECT_EQ(ok("States.MathRandom(1, 1000, 7)"), ok("States.MathRandom(1, 1000, 7)"));
  failsWith("States.MathRandom(5, 5)", "States.IntrinsicFailure");
  failsWith("States.MathRandom('a', 5)", "States.IntrinsicFailure");
}

TEST(IntrinsicString, SplitOnEveryDelimiterCharacterDroppingEmpties) {
  EXPECT_EQ(ok("States.StringSplit('a,,b,', ',')"), Json::parse(R"(["a","b"])"));
  EXPECT_EQ(ok("States.StringSplit('This.is+a,test=string', '.+,=')"),
            Json::parse(R"(["This","is","a","test","string"])"));
  EXPECT_EQ(ok("States.StringSplit(' ', ',')"), Json::parse(R"([" "])"));
  failsWith("States.StringSplit(1, ',')", "States.IntrinsicFailure");
}

TEST(IntrinsicUuid, Version4FromSeededRng) {
  std::mt19937_64 a(7), b(7);
  Outcome x = run("States.UUID()", Json::object(), &a);
  Outcome y = run("States.UUID()", Json::object(), &b);
  ASSERT_TRUE(x.value && y.value);
  EXPECT_EQ(*x.value, *y.value);
  std::string s = x.value->get<std::string>();
  ASSERT_EQ(s.size(), 36u);
  EXPECT_EQ(s[14], '4');
  EXPECT_NE(std::string("89ab").find(s[19]), std::string::npos);
  SyntaxError err;
  EXPECT_FALSE(IntrinsicCall::parse("States.UUID('x')", &err));
}

TEST(IntrinsicPaths, MissingPathArgumentIsRuntimeError) {
  Outcome o = run("States.Format('{}', $.nope)", Json::parse(R"({"other":1})"));
  ASSERT_FALSE(o.value);
  EXPECT_EQ(o.failure.error, "States.Runtime");
  EXPECT_EQ(*o.failure.cause,
            "The JSONPath '$.nope' specified for the field 'f.$' could not be found in the input "
            "'{\"other\":1}'");
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

// An integer argument beyond int64 (parsed as unsigned) is not an integer
// the functions can use: it wrapped to a negative value before ("chunk size
// must be greater than 0" for 18446744073709551615).
TEST(IntrinsicArray, IntegerArgumentsBeyondInt64AreNotIntegers) {
  Json input = Json::parse(R"({"a": [1, 2, 3], "n": 18446744073709551615, "m": 9223372036854775807})");
  Outcome o = run("States.ArrayPartition($.a, $.n)", input);
  ASSERT_FALSE(o.value);
  EXPECT_EQ(o.failure.error, "States.IntrinsicFailure");
  EXPECT_NE(o.failure.cause->find("argument 2 must be an integer"), std::string::npos) << *o.failure.cause;
  EXPECT_EQ(ok("States.ArrayPartition($.a, $.m)", input), Json::parse("[[1,2,3]]"));
}

}  // namespace
}  // namespace aslrt
