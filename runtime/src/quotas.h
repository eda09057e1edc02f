// The quotas and restrictions of a workflow type (--type STANDARD|EXPRESS).
// Without --type none of these apply; the 256 KiB payload limit always does.
// https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
// https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "program.h"

namespace aslrt {

struct Quotas {
  int64_t maxEvents = 0;          // history events per execution; 0 = none
  int64_t maxDurationMicros = 0;  // execution duration; 0 = none
};

// "" (no type given), "STANDARD" or "EXPRESS".
Quotas quotasFor(const std::string& type);

// EXPRESS runs no .sync or .waitForTaskToken integration and no activity:
// the message CreateStateMachine would give, or nullopt.
std::optional<std::string> typeRestriction(const Program& program, const std::string& type);

}  // namespace aslrt
