// aslc: compiles AWS Step Functions state machines (Amazon States Language)
// into native executables.
#include <iostream>

#include "driver.h"
#include "heap_pages.h"
#include "options.h"
#include "task_commands.h"
#ifdef ASLC_HAVE_JSONATA_COMMAND
#include "jsonata_command.h"
#endif

using namespace aslc::tool;

namespace {

const char* const kTopHelp =
    "usage: aslc <command> [options]\n\n"
    "Compiles AWS Step Functions state machines (Amazon States Language) into native executables.\n\n"
    "commands:\n"
    "  check FILE             validate a definition; exit 0 when valid, 2 with diagnostics\n"
    "  build FILE -o EXE      compile to a standalone executable\n"
    "  run FILE [options]     compile and execute once\n"
    "  jsonata --expr-file E  evaluate a JSONata expression (see 'aslc jsonata --help')\n"
    "  send-task-success, send-task-failure, send-task-heartbeat, get-activity-task\n"
    "                         answer a running execution's callbacks and activities over its\n"
    "                         callback socket (see 'aslc send-task-success --help')\n\n"
    "  --version              print the version\n"
    "  --help                 this text; 'aslc <command> --help' for a command's options\n";

const char* const kCompileHelp =
    "compile options:\n"
    "  -o FILE                   output file (build: required for exe/obj; '-' or none = stdout for ast/ir/llvm)\n"
    "  -O0|-O1|-O2|-O3           LLVM optimization level (default -O2)\n"
    "  --emit=ast|ir|llvm|obj|exe  stop after that phase (default exe)\n"
    "  --print-after=PASS        print the IR after an IR pass ('all' for every pass): fold-literals,\n"
    "                            const-prop, fold-choice, prune, fuse, direct-paths, promote-loops\n"
    "  --no-opt                  skip the IR passes (the IR as lowered; LLVM still optimizes per -O)\n"
    "  --static                  link a fully static executable\n"
    "  --pie                     position-independent executable (ASLR for its image; slower start-up:\n"
    "                            more pages relocated); default: position-dependent\n"
    "  --link FILE               link an object or archive into the executable (native task handlers)\n"
    "  --sub NAME=VALUE          replace ${NAME} in the definition's strings (repeatable)\n"
    "  --subs FILE               substitutions from a JSON object file\n";

const char* const kRunHelp =
    "run options (passed to the executable; a built executable takes them too):\n"
    "  --input FILE|-            execution input (default {})\n"
    "  --clock=real|virtual      virtual: waits and back-off complete at once\n"
    "  --seed N                  seed for UUIDs, States.MathRandom and retry jitter\n"
    "  --history FILE            write the execution history (GetExecutionHistory JSON)\n"
    "  --execution-name NAME, --state-machine-name NAME, --start-time TIMESTAMP\n"
    "                            reproducible context object\n"
    "  --mock-config FILE --test-case NAME [--state-machine NAME]\n"
    "                            answer Task states from a Step Functions Local MockConfigFile\n"
    "  --bindings FILE           bind Task resources to commands/native handlers (docs/BINDINGS.md);\n"
    "                            with build, baked into the executable\n"
    "  --resources FILE, --s3-root DIR  S3 objects for Map ItemReader\n"
    "  --callback-socket PATH    where the executable listens for task tokens and activity workers\n"
    "  --type STANDARD|EXPRESS   enforce that workflow type's quotas and restrictions (default: none)\n"
    "  --inline-map-max-concurrency N\n"
    "                            bound an inline Map with MaxConcurrency 0 to N iterations at once\n"
    "  --repeat N --bench        N executions in one process; timing on stderr\n"
    "  --interpret               run on the reference interpreter in aslc's process (no LLVM, no\n"
    "                            link); same flags and output; native handlers are not available\n\n"
    "exit status: 0 succeeded, 1 failed/timed out ({\"Error\",\"Cause\"} on stdout), 2 invalid\n"
    "definition or usage, 3 feature not implemented yet, 4 internal error (e.g. link failed)\n";

int commandHelp(const std::string& command) {
  if (command == "check") {
    std::cout << "usage: aslc check FILE [--sub NAME=VALUE] [--subs FILE]\n"
                 "Validates FILE; prints file:line:col diagnostics; exit 0 valid, 2 invalid.\n";
    return 0;
  }
  if (command == "build") {
    std::cout << "usage: aslc build FILE -o EXE [options]\n\n" << kCompileHelp;
    return 0;
  }
  std::cout << "usage: aslc run FILE [options]\n\n" << kCompileHelp << "\n" << kRunHelp;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string first = argc > 1 ? argv[1] : "";
  if (first == "--version") {
    std::cout << "aslc " << ASLC_VERSION << "\n";
    return kOk;
  }
  if (first == "--help" || first == "-h" || first == "help") {
    std::cout << kTopHelp;
    return kOk;
  }
#ifdef ASLC_HAVE_JSONATA_COMMAND
  if (first == "jsonata") return runJsonataCommand(argc - 1, argv + 1);
#endif
  if (isTaskCommand(first)) return runTaskCommand(argc - 1, argv + 1);
  Options options;
  std::string error;
  bool parsed = parseOptions(argc, argv, options, &error);
  if (options.command != "check" && options.command != "build" && options.command != "run") {
    std::cerr << "aslc: error: unknown command '" << options.command << "' (see 'aslc --help')\n";
    return kInvalid;
  }
  if (options.help) return commandHelp(options.command);
  if (!parsed) {
    std::cerr << "aslc: error: " << error << "\n";
    return kInvalid;
  }
  if (options.command == "check") return runCheck(options);
  if (!options.interpret) backHeapWithHugePages();  // compiling: see heap_pages.h
  if (options.command == "build") return runBuild(options);
  return runRun(options);
}
