#include "aslrt/lazy_rng.h"

#include <sys/random.h>
#include <unistd.h>

#include <atomic>
#include <chrono>

namespace aslrt {

namespace {

// splitmix64's finaliser: consecutive counters give unrelated seeds.
uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// One getrandom call, not std::random_device: libstdc++'s is a 5 KB object
// whose construction touched two fresh stack pages in the first execution.
uint64_t processEntropy() {
  uint64_t bits = 0;
  if (getrandom(&bits, sizeof bits, GRND_NONBLOCK) == sizeof bits) return bits;
  return std::chrono::steady_clock::now().time_since_epoch().count() ^ uint64_t(getpid()) << 40;
}

}  // namespace

uint64_t freshSeed() {
  static const uint64_t base = processEntropy();
  static std::atomic<uint64_t> counter{0};
  return mix(base + 0x9e3779b97f4a7c15ULL * ++counter);
}

uint64_t firstOutput(uint64_t seed) {
  std::mt19937_64 engine(seed);
  return engine();
}

}  // namespace aslrt
