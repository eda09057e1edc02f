// An execution's random source (UUIDs, States.MathRandom, retry jitter, child
// execution names), seeded on first use. Most executions -- and most Parallel
// branches' and Map iterations' child executions -- never draw a number, and
// seeding a mt19937_64 (or asking std::random_device) for each one cost more
// than running it. A seeded run (--seed) draws exactly the numbers it drew
// when seeding was eager.
#pragma once
#include <cstdint>
#include <random>

namespace aslrt {

class LazyRng {
 public:
  using result_type = std::mt19937_64::result_type;

  // The engine will start from `seed`, skipping `skip` outputs (numbers that
  // eager seeding handed out at once, e.g. the JSONata generator's seed).
  void reseed(uint64_t seed, unsigned skip = 0) {
    seed_ = seed;
    skip_ = skip;
    ready_ = false;
  }
  std::mt19937_64& engine() {
    if (!ready_) {
      engine_.seed(seed_);
      engine_.discard(skip_);
      ready_ = true;
    }
    return engine_;
  }
  bool seededYet() const { return ready_; }
  // Usable wherever a std::mt19937_64 or a UniformRandomBitGenerator is.
  operator std::mt19937_64&() { return engine(); }
  result_type operator()() { return engine()(); }
  static constexpr result_type min() { return std::mt19937_64::min(); }
  static constexpr result_type max() { return std::mt19937_64::max(); }

 private:
  std::mt19937_64 engine_{0};
  uint64_t seed_ = 0;
  unsigned skip_ = 0;
  bool ready_ = false;
};

// A seed for a run without --seed: distinct per call, from one
// std::random_device read per process. Thread-safe.
uint64_t freshSeed();

// The first output of mt19937_64(seed), without keeping the engine.
uint64_t firstOutput(uint64_t seed);

}  // namespace aslrt
