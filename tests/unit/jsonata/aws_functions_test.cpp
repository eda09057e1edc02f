// The functions AWS Step Functions adds ($partition, $range, $hash, $random,
// $uuid, $parse), and $eval's absence.
#include <gtest/gtest.h>

#include <regex>

#include "aslrt/jsonata.h"

namespace {

std::string evalAws(const std::string& text, std::mt19937_64* rng) {
  using namespace aslrt::jsonata;
  Error err;
  auto e = Expression::compile(text, &err);
  if (!e) return "error:" + err.code;
  e->registerAwsFunctions(rng);
  auto r = e->evaluate(nullptr, aslrt::Json::object(), Limits{}, &err);
  if (!err.code.empty()) return "error:" + err.code;
  return r ? r->dump() : "undefined";
}

}  // namespace

TEST(AwsFunctions, PartitionAndRange) {
  std::mt19937_64 rng(1);
  EXPECT_EQ(evalAws("$partition([1,2,3,4,5],2)", &rng), "[[1,2],[3,4],[5]]");
  // A chunk size past the array (even past a size_t: it looped forever) is the whole array.
  EXPECT_EQ(evalAws("$partition([0,1,2,3], 1e300)", &rng), "[[0,1,2,3]]");
  EXPECT_EQ(evalAws("$partition([0,1,2,3], 4)", &rng), "[[0,1,2,3]]");
  EXPECT_EQ(evalAws("$partition([], 1e300)", &rng), "[]");
  EXPECT_EQ(evalAws("$range(0,10,2)", &rng), "[0,2,4,6,8,10]");
  EXPECT_EQ(evalAws("$range(5,1,-2)", &rng), "[5,3,1]");
}

TEST(AwsFunctions, HashParseAndRandom) {
  std::mt19937_64 rng(1);
  EXPECT_EQ(evalAws("$hash('abc','SHA-1')", &rng), "\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
  EXPECT_EQ(evalAws("$parse('{\"a\":[1,2]}').a[1]", &rng), "2");
  EXPECT_EQ(evalAws("$random(7) = $random(7)", &rng), "true");
  EXPECT_EQ(evalAws("$eval('1')", &rng), "error:T1006");
}

TEST(AwsFunctions, UuidIsVersion4AndSeeded) {
  std::mt19937_64 a(42), b(42);
  std::string u1 = evalAws("$uuid()", &a), u2 = evalAws("$uuid()", &b);
  EXPECT_EQ(u1, u2);
  EXPECT_TRUE(std::regex_match(u1, std::regex("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"")));
}

TEST(AwsFunctions, ParseRefusesDeepDocuments) {
  std::mt19937_64 rng(1);
  EXPECT_EQ(evalAws("$count($parse('[[[1]]]'))", &rng), "1");
  std::string deep = "$parse('" + std::string(1001, '[') + std::string(1001, ']') + "')";
  EXPECT_EQ(evalAws(deep, &rng), "error:D3137");
}
