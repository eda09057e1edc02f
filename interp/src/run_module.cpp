// Hosts a module in aslc's process: a program descriptor whose machine
// entries all interpret the IR, handed to the same host a compiled
// executable's main() uses (aslrt/executable.h), so both modes share flags,
// input handling, bindings, history and exit statuses.
#include <cstdio>
#include <cstdlib>

#include "aslc/interp/interpreter.h"
#include "aslrt/abi.h"
#include "aslrt/executable.h"

namespace aslc::interp {
namespace {

// The modules being run, by the descriptor the runtime loaded each from. The
// ABI's machine entry receives only the frame (as a generated machine function
// does), so the module is found here; aslc runs one set per process.
std::vector<std::pair<const aslrt_program*, const ir::Module*>> activeModules;

int32_t machineEntry(aslrt_frame* frame) {
  const aslrt_program* program = aslrt::frameProgram(frame);
  for (const auto& [descriptor, module] : activeModules)
    if (descriptor == program) return runMachine(module->machines[aslrt::frameMachine(frame)], frame);
  std::fprintf(stderr, "aslc: internal error: the interpreter was asked to run a program it does not host\n");
  std::fflush(stderr);
  std::_Exit(4);
}

const char* const kNoNativeHandlers =
    "'aslc run --interpret' runs inside aslc, which links no native handlers; build an executable "
    "('aslc build --bindings FILE --link OBJ') or bind the task to a command";

// One descriptor per module; every machine entry is the interpreter.
struct Descriptor {
  std::vector<aslrt_machine_fn> entries;
  aslrt_program program;
};

}  // namespace

int runModules(const std::vector<HostedModule>& modules, const std::vector<std::string>& args) {
  for (const HostedModule& hosted : modules)
    if (const char* unknown = firstUnknownInstruction(*hosted.module)) {
      std::fprintf(stderr, "aslc: internal error: the interpreter has no op for IR instruction '%s'\n", unknown);
      return 4;
    }
  std::vector<Descriptor> descriptors(modules.size());
  aslrt::HostOptions host{kNoNativeHandlers, {}};
  for (size_t i = 0; i < modules.size(); ++i) {
    Descriptor& d = descriptors[i];
    d.entries.assign(modules[i].module->machines.size(), &machineEntry);
    d.program = {ASLRT_ABI_VERSION, modules[i].metadata.data(), modules[i].metadata.size(), d.entries.data(),
                 static_cast<uint32_t>(d.entries.size())};
    activeModules.emplace_back(&d.program, modules[i].module);
    if (i > 0) host.nestedMachines.emplace_back(modules[i].nestedDefinition, &d.program);
  }
  std::vector<std::string> words = {"aslc run --interpret"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  int status = aslrt::runExecutable(descriptors[0].program, static_cast<int>(words.size()), argv.data(), host);
  activeModules.clear();
  return status;
}

}  // namespace aslc::interp
