// Time as the runtime sees it. The real clock sleeps; the virtual clock
// jumps straight to the next timer while every timestamp still reads as if
// the time had passed, so tests never sleep.
#pragma once
#include <cstdint>
#include <optional>

namespace aslrt {

class Clock {
 public:
  // startMicros: where the virtual clock starts (any time, 1969 too); none: now.
  explicit Clock(bool isVirtual, std::optional<int64_t> startMicros = std::nullopt);
  int64_t nowMicros() const;            // microseconds since the Unix epoch
  void waitUntil(int64_t micros);       // sleeps (real) or jumps (virtual)
  bool isVirtual() const { return virtual_; }
  // Virtual only: time that really passed while waiting for another process.
  void advance(int64_t micros) {
    if (virtual_ && micros > 0) virtualNow_ += micros;
  }

 private:
  bool virtual_;
  int64_t virtualNow_ = 0;
};

int64_t systemMicros();

// The last instant a timestamp prints (9999-12-31T23:59:59.999999Z), in
// microseconds since the epoch: timers set further out end there. A wait or
// time-out that long outlasts any execution; capping it keeps the clock's
// arithmetic from overflowing.
constexpr int64_t kLastMicros = 253402300799999999;

// `micros` plus `seconds`, no later than kLastMicros.
inline int64_t afterSeconds(int64_t micros, double seconds) {
  double until = static_cast<double>(micros) + seconds * 1e6;
  return until >= static_cast<double>(kLastMicros) ? kLastMicros : static_cast<int64_t>(until);
}

}  // namespace aslrt
