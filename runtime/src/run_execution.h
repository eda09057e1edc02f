// Runs one execution of the program to its end on a fresh scheduler.
#pragma once
#include "execution.h"

namespace aslrt {

enum class Outcome { Succeeded, Failed, TimedOut, Unsupported, Aborted };

struct ExecutionResult {
  Outcome outcome = Outcome::Failed;
  Json output;
  Failure failure;
  std::vector<Json> history;
  int64_t promotedStates = 0;  // states run by promoted loops' native copies (--bench reports it)
};

// `inputSize`: the input's serialised size when the caller knows it (payload
// checks then need not walk the input); unknown by default.
ExecutionResult runExecution(const Program& program, const RunOptions& options, const MockConfig* mocks,
                             const Json& input, SizeBound inputSize = {});

}  // namespace aslrt
