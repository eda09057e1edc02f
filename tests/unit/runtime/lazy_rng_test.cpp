// The execution's random source is seeded on first draw; a seeded run draws
// the same numbers as when seeding was eager, and the same seed gives the
// same results (UUIDs, MathRandom, JSONata's $random).
#include "aslrt/lazy_rng.h"

#include <gtest/gtest.h>

#include "execution.h"
#include "jsonata_template.h"

namespace {

using aslrt::Json;

TEST(LazyRng, NotSeededUntilFirstDraw) {
  aslrt::LazyRng r;
  r.reseed(42);
  EXPECT_FALSE(r.seededYet());
  r();
  EXPECT_TRUE(r.seededYet());
}

// reseed(seed, 1) continues where an eager engine stood after one draw.
TEST(LazyRng, SkipsWhatEagerSeedingHandedOut) {
  aslrt::LazyRng lazy;
  lazy.reseed(42, 1);
  std::mt19937_64 eager(42);
  EXPECT_EQ(aslrt::firstOutput(42), eager());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(lazy(), eager());
}

TEST(LazyRng, UsableAsAnEngineAndADistributionsGenerator) {
  aslrt::LazyRng a, b;
  a.reseed(9);
  b.reseed(9);
  std::mt19937_64& engine = a;
  double x = std::uniform_real_distribution<double>(0.0, 1.0)(engine);
  double y = std::uniform_real_distribution<double>(0.0, 1.0)(b);
  EXPECT_EQ(x, y);
}

TEST(LazyRng, FreshSeedsDiffer) { EXPECT_NE(aslrt::freshSeed(), aslrt::freshSeed()); }

// The numbers one execution with --seed N draws.
struct Draws {
  uint64_t first;
  Json jsonataRandom;
};

Draws drawsOfExecution(uint64_t seed) {
  aslrt::Program program;
  aslrt::Clock clock(true);
  aslrt::Scheduler scheduler(clock);
  aslrt::RunOptions options;
  options.seed = seed;
  options.seeded = true;
  Json input = Json::object();
  aslrt::Execution exec(program, scheduler, options, input);
  EXPECT_FALSE(exec.rng.seededYet());  // constructing an execution draws nothing
  std::string error;
  auto t = aslrt::JsonataTemplate::compile(Json("{% $random() %}"), "Result", &aslrt::jsonataRandom(), &error);
  EXPECT_TRUE(t) << error;
  aslrt::Failure failure;
  std::optional<Json> r = t->evaluate(Json::object(), &failure);
  EXPECT_TRUE(r);
  return {exec.rng(), r ? *r : Json()};
}

TEST(LazyRng, SameSeedSameResults) {
  Draws a = drawsOfExecution(1234), b = drawsOfExecution(1234), c = drawsOfExecution(99);
  EXPECT_EQ(a.first, b.first);
  EXPECT_EQ(a.jsonataRandom, b.jsonataRandom);
  EXPECT_NE(a.first, c.first);
  EXPECT_NE(a.jsonataRandom, c.jsonataRandom);
  // As eager seeding did: the execution's engine had handed its first output
  // to JSONata's generator.
  std::mt19937_64 eager(1234);
  eager();
  EXPECT_EQ(a.first, eager());
}

}  // namespace
