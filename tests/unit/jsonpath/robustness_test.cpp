// Seeded random inputs through every parser and evaluator: nothing may crash
// or throw, and every syntax error must point inside the text.
#include <gtest/gtest.h>

#include <random>

#include "aslrt/choice_ops.h"
#include "aslrt/intrinsics.h"
#include "aslrt/jsonpath.h"
#include "aslrt/timestamp.h"

namespace aslrt {
namespace {

std::string randomText(std::mt19937_64& rng, std::string_view alphabet, size_t maxLen) {
  std::string out;
  size_t len = rng() % maxLen;
  for (size_t i = 0; i < len; ++i) out += alphabet[rng() % alphabet.size()];
  return out;
}

const Json kDoc = Json::parse(R"({"a":[1,{"b":"x","c":[true,null]}],"d":{"e":2.5},"s":"t"})");

TEST(Robustness, RandomPathsNeverCrash) {
  std::mt19937_64 rng(1234);
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = "$" + randomText(rng, "$.[]*?@()'\"=<>!&|,:-0123abcde ", 16);
    SyntaxError err;
    auto p = JsonPath::parse(text, i % 2 ? PathFlavor::Path : PathFlavor::ReferencePath, &err);
    if (!p) {
      EXPECT_LE(err.offset, text.size()) << text;
      continue;
    }
    ++parsed;
    std::string why;
    std::optional<Json> v = p->select(kDoc, &why);
    if (!p->isDefinite()) {
      EXPECT_TRUE(v && v->is_array()) << text;
    }
    Json target = kDoc;
    p->assign(target, Json(1), &why);
  }
  EXPECT_GT(parsed, 100);
}

TEST(Robustness, RandomIntrinsicsNeverCrash) {
  std::mt19937_64 rng(99);
  const char* names[] = {"States.Format(",      "States.Array(",       "States.ArrayRange(",
                         "States.Hash(",        "States.StringSplit(", "States.MathAdd(",
                         "States.Base64Decode("};
  Json context = Json::object();
  for (int i = 0; i < 20000; ++i) {
    std::string text = names[rng() % 7] + randomText(rng, "'{}\\$.a0-1,) ", 14);
    SyntaxError err;
    auto call = IntrinsicCall::parse(text, &err);
    if (!call) {
      EXPECT_LE(err.offset, text.size()) << text;
      continue;
    }
    Failure f;
    EvalContext ctx{&kDoc, &context, nullptr, &rng};
    if (!call->evaluate(ctx, "x.$", &f)) {
      EXPECT_FALSE(f.error.empty()) << text;
    }
  }
}

TEST(Robustness, RandomTimestampsAndPatterns) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string ts = randomText(rng, "0123456789-T:Z.+", 32);
    if (auto micros = parseTimestampMicros(ts)) {
      EXPECT_EQ(formatTimestamp(*micros).size(), 24u) << ts;
    }
    Json subject = randomText(rng, "ab*\\", 8);
    std::string pattern = randomText(rng, "ab*\\", 8);
    bool matched = evaluateChoiceOp(ChoiceOp::StringMatches, &subject, Json(pattern));
    if (pattern.find('\\') == std::string::npos && pattern.find('*') == std::string::npos) {
      EXPECT_EQ(matched, subject == pattern) << pattern;  // no wildcard: plain equality
    }
  }
}

}  // namespace
}  // namespace aslrt
