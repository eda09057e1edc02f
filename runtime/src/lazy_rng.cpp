#include "aslrt/lazy_rng.h"

#include <atomic>

namespace aslrt {

namespace {

// splitmix64's finaliser: consecutive counters give unrelated seeds.
uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t freshSeed() {
  static const uint64_t base = (uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  static std::atomic<uint64_t> counter{0};
  return mix(base + 0x9e3779b97f4a7c15ULL * ++counter);
}

uint64_t firstOutput(uint64_t seed) {
  std::mt19937_64 engine(seed);
  return engine();
}

}  // namespace aslrt
