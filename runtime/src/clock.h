// Time as the runtime sees it. The real clock sleeps; the virtual clock
// jumps straight to the next timer while every timestamp still reads as if
// the time had passed, so tests never sleep.
#pragma once
#include <cstdint>

namespace aslrt {

class Clock {
 public:
  explicit Clock(bool isVirtual, int64_t startMicros = -1);
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

}  // namespace aslrt
