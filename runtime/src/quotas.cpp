#include "quotas.h"

namespace aslrt {
namespace {

constexpr int64_t kSecond = 1000000;

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

Quotas quotasFor(const std::string& type) {
  if (type == "STANDARD") return {25000, 365LL * 24 * 3600 * kSecond};  // 25,000 events, one year
  if (type == "EXPRESS") return {0, 5 * 60 * kSecond};                 // five minutes, no history quota
  return {};
}

std::optional<std::string> typeRestriction(const Program& program, const std::string& type) {
  if (type != "EXPRESS") return std::nullopt;
  for (const TaskInfo& t : program.tasks) {
    const std::string& r = t.resource;
    bool sync = endsWith(r, ".sync") || r.find(".sync:") != std::string::npos;
    bool callback = endsWith(r, ".waitForTaskToken");
    bool activity = r.find(":activity:") != std::string::npos;
    if (sync || callback || activity)
      return "Express state machines do not support " +
             std::string(sync ? "'.sync' service integrations" : callback ? "'.waitForTaskToken' service integrations"
                                                                          : "activities") +
             " (resource '" + r + "'); run it as --type STANDARD";
  }
  return std::nullopt;
}

}  // namespace aslrt
