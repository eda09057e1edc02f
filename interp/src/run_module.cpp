// Hosts a module in aslc's process: a program descriptor whose machine
// entries all interpret the IR, handed to the same host a compiled
// executable's main() uses (aslrt/executable.h), so both modes share flags,
// input handling, bindings, history and exit statuses.
#include <cstdio>

#include "aslc/interp/interpreter.h"
#include "aslrt/abi.h"
#include "aslrt/executable.h"

namespace aslc::interp {
namespace {

// The module being run. The ABI's machine entry receives only the frame (as a
// generated machine function does), so the module is found here; aslc runs
// one module per process.
const ir::Module* activeModule = nullptr;

int32_t machineEntry(aslrt_frame* frame) {
  return runMachine(activeModule->machines[aslrt::frameMachine(frame)], frame);
}

const char* const kNoNativeHandlers =
    "'aslc run --interpret' runs inside aslc, which links no native handlers; build an executable "
    "('aslc build --bindings FILE --link OBJ') or bind the task to a command";

}  // namespace

int runModule(const ir::Module& module, const std::string& metadata, const std::vector<std::string>& args) {
  if (const char* unknown = firstUnknownInstruction(module)) {
    std::fprintf(stderr, "aslc: internal error: the interpreter has no op for IR instruction '%s'\n", unknown);
    return 4;
  }
  std::vector<aslrt_machine_fn> entries(module.machines.size(), &machineEntry);
  aslrt_program program{ASLRT_ABI_VERSION, metadata.data(), metadata.size(), entries.data(),
                        static_cast<uint32_t>(entries.size())};
  std::vector<std::string> words = {"aslc run --interpret"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  activeModule = &module;
  int status = aslrt::runExecutable(program, static_cast<int>(words.size()), argv.data(), {kNoNativeHandlers});
  activeModule = nullptr;
  return status;
}

}  // namespace aslc::interp
