// parseJson must be Json::parse(text, nullptr, false) exactly: the same value
// with the same number types, or a discarded value for the same texts. The
// direct parser may leave a text to nlohmann, never disagree with it. Checked
// on hand-picked edge cases, generated documents, and mutations of them.
#include "aslrt/json_parse.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

namespace aslrt {
namespace {

// Equality that tells 1, 1u and 1.0 apart (nlohmann's == does not).
bool sameValue(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib)
      if (ia.key() != ib.key() || !sameValue(*ia, *ib)) return false;
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a.is_number_float()) {  // bit for bit: -0.0 and 0.0 differ
    double x = a.get<double>(), y = b.get<double>();
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  return a == b;
}

// Returns whether the direct parser decided (so tests can see it is used).
bool expectAgrees(const std::string& text) {
  Json expected = Json::parse(text, nullptr, false);
  std::optional<Json> direct = parseJsonDirect(text);
  if (direct) {
    EXPECT_FALSE(expected.is_discarded()) << "accepted what nlohmann rejects: " << text;
    EXPECT_TRUE(sameValue(*direct, expected)) << text << "\n direct: " << direct->dump();
  }
  Json viaParseJson = parseJson(text);
  EXPECT_EQ(viaParseJson.is_discarded(), expected.is_discarded()) << text;
  if (!expected.is_discarded()) {
    EXPECT_TRUE(sameValue(viaParseJson, expected)) << text;
  }
  return direct.has_value();
}

TEST(JsonParse, DecidesOrdinaryDocumentsItself) {
  for (const char* text : {R"({"a": [1, -2, 3.5, "x", true, false, null], "b": {}})", "[]", "  7 ", "\"s\"", "-0",
                           "0.0", "-0.0", "1e2", "1E-2", "123456789012345678", "18446744073709551615",
                           "-9223372036854775808", R"({"b": 1, "a": 2})", R"("\u00e9\ud83d\ude00\n\/")",
                           "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"", R"({"k": 1, "k": 2})", "1e-320"}) {
    EXPECT_TRUE(expectAgrees(text)) << text;
  }
}

TEST(JsonParse, RejectsOrLeavesToNlohmannWhatIsNotPlainJson) {
  for (const char* text :
       {"", " ", "{", "[1,]", "{\"a\":1,}", "01", "-", "1.", ".5", "1e", "+1", "tru", "nul", "[1 2]", "{\"a\" 1}",
        "{1: 2}", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\nb\"", "'a'",
        "1 2", "18446744073709551616", "-9223372036854775809", "1e400", "-1e400", "\xef\xbb\xbf{}", "NaN",
        "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"", "\"\x80\"", "[\"a\"]x"}) {
    expectAgrees(text);
  }
  std::string nul = std::string("[1,") + '\0' + "2]";
  expectAgrees(nul);
  std::string deep = std::string(300, '[') + std::string(300, ']');
  EXPECT_FALSE(expectAgrees(deep));  // past its depth: nlohmann's
}

std::string randomString(std::mt19937_64& rng) {
  static const char* pieces[] = {"a", "Z", "0", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0041", "\\u00e9",
                                 "\\ud83d\\ude00", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "key", "\\u0000"};
  std::string s = "\"";
  for (int n = static_cast<int>(rng() % 6); n > 0; --n) s += pieces[rng() % std::size(pieces)];
  return s + "\"";
}

std::string randomNumber(std::mt19937_64& rng) {
  static const char* pieces[] = {"0", "-0", "1", "-1", "42", "3.25", "-0.5", "1e3", "2E-5", "1.5e+300", "1e-310",
                                 "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                                 "18446744073709551615", "123456789.123456789", "0.1", "5e-324", "1.7976931348623157e308"};
  return pieces[rng() % std::size(pieces)];
}

std::string randomDocument(std::mt19937_64& rng, int depth) {
  int kind = static_cast<int>(rng() % (depth > 4 ? 5 : 7));
  switch (kind) {
    case 0: return randomString(rng);
    case 1: return randomNumber(rng);
    case 2: return "true";
    case 3: return "false";
    case 4: return "null";
    case 5: {
      std::string s = "[";
      for (int n = static_cast<int>(rng() % 4); n > 0; --n) s += randomDocument(rng, depth + 1) + (n > 1 ? ", " : "");
      return s + "]";
    }
    default: {
      std::string s = "{";
      for (int n = static_cast<int>(rng() % 4); n > 0; --n)
        s += randomString(rng) + ":" + randomDocument(rng, depth + 1) + (n > 1 ? "," : "");
      return s + "}";
    }
  }
}

std::string mutate(std::mt19937_64& rng, std::string text) {
  static const char bytes[] = "{}[]\",:\\ .eE+-01u\xc3\xa9\x80\xff\t\n";
  for (int n = static_cast<int>(rng() % 3) + 1; n > 0 && !text.empty(); --n) {
    size_t at = rng() % text.size();
    char b = bytes[rng() % (sizeof bytes - 1)];
    switch (rng() % 3) {
      case 0: text[at] = b; break;
      case 1: text.insert(text.begin() + static_cast<long>(at), b); break;
      default: text.erase(at, 1);
    }
  }
  return text;
}

TEST(JsonParse, AgreesWithNlohmannOnGeneratedAndMutatedDocuments) {
  std::mt19937_64 rng(20261203);
  int decided = 0, mutatedDecided = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string doc = randomDocument(rng, 0);
    decided += expectAgrees(doc) ? 1 : 0;
    mutatedDecided += expectAgrees(mutate(rng, doc)) ? 1 : 0;
  }
  EXPECT_GT(decided, 19000);  // the direct parser does the work, not the fallback
  EXPECT_GT(mutatedDecided, 1000);
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

// Deep documents overflowed a fiber's stack in the runtime's recursive walks
// (a 10,000-deep array crashed States.StringToJson): past kMaxJsonNesting
// levels parseJson refuses the text as it refuses text that is not JSON.
// Members and elements wait on stacks the thread keeps until their container
// closes: nesting, repeated keys at several levels, wide containers, and a
// parse that gives up midway must leave nothing behind for the next one.
TEST(JsonParse, StagedContainersComeOutWhole) {
  EXPECT_TRUE(expectAgrees(R"J({"a":{"x":1,"x":2,"y":[1,[2,{"z":3,"z":[4]}],[]]},"a":5,"b":[{"c":1},{"c":2,"c":3}],"e":{}})J"));
  std::string wide = "[";
  for (int i = 0; i < 5000; ++i) wide += (i ? ",{\"k" : "{\"k") + std::to_string(i % 7) + "\":[" + std::to_string(i) + "]}";
  wide += "]";
  EXPECT_TRUE(expectAgrees(wide));
  for (const char* broken : {R"J({"a":[1,2,{"b":)J", R"J([[1,2],[3,{"x":)J", R"J({"a":{"b":{"c":[1,2,3)J"}) {
    EXPECT_FALSE(parseJsonDirect(broken)) << broken;
    EXPECT_TRUE(expectAgrees(R"J({"after":[1,{"k":2}],"n":3})J")) << "after " << broken;
  }
}

TEST(JsonParse, RefusesDocumentsNestedDeeperThanTheLimit) {
  auto nested = [](size_t depth, const char* open, const char* close) {
    std::string text;
    for (size_t i = 0; i < depth; ++i) text += open;
    text += "1";
    for (size_t i = 0; i < depth; ++i) text += close;
    return text;
  };
  EXPECT_FALSE(parseJson(nested(kMaxJsonNesting, "[", "]")).is_discarded());
  EXPECT_TRUE(parseJson(nested(kMaxJsonNesting + 1, "[", "]")).is_discarded());
  EXPECT_TRUE(parseJson(nested(100000, "[", "]")).is_discarded());
  // Messages about a refused reply say which refusal it was.
  EXPECT_EQ(whyNotJson(nested(kMaxJsonNesting + 1, "[", "]")), "is nested deeper than 1000 levels");
  EXPECT_EQ(whyNotJson("{oops"), "is not JSON");
  EXPECT_FALSE(parseJson(nested(kMaxJsonNesting, "{\"a\":", "}")).is_discarded());
  EXPECT_TRUE(parseJson(nested(kMaxJsonNesting + 1, "{\"a\":", "}")).is_discarded());
  // Brackets inside strings (escaped quotes too) are not nesting.
  EXPECT_EQ(jsonNestingDepth(R"({"s": "[[[[\"[[", "t": [1]})"), 2u);
  EXPECT_EQ(jsonNestingDepth(std::string(5000, '"')), 0u);
  EXPECT_FALSE(parseJson("[\"" + std::string(5000, '[') + "\"]").is_discarded());
}

}  // namespace
}  // namespace aslrt
