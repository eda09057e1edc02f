// The pipeline: source -> AST -> IR -> passes -> LLVM -> object -> executable.
#pragma once
#include "options.h"

namespace aslc::tool {

enum ExitCode { kOk = 0, kFailed = 1, kInvalid = 2, kUnsupported = 3, kInternal = 4 };

int runCheck(const Options& options);
int runBuild(const Options& options);
int runRun(const Options& options);

}  // namespace aslc::tool
