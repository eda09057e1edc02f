#include "clock.h"

#include <chrono>
#include <thread>

namespace aslrt {

int64_t systemMicros() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

Clock::Clock(bool isVirtual, std::optional<int64_t> startMicros) : virtual_(isVirtual) {
  virtualNow_ = startMicros ? *startMicros : systemMicros();
}

int64_t Clock::nowMicros() const { return virtual_ ? virtualNow_ : systemMicros(); }

void Clock::waitUntil(int64_t micros) {
  if (virtual_) {
    if (micros > virtualNow_) virtualNow_ = micros;
    return;
  }
  int64_t now = systemMicros();
  if (micros > now) std::this_thread::sleep_for(std::chrono::microseconds(micros - now));
}

}  // namespace aslrt
