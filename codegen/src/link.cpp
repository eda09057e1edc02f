// Links the emitted object with the runtime into an executable. The
// archives and system libraries to use are listed in runtime-link.txt, which
// the build writes next to the archives, so aslc works from the build tree
// and once installed. Two ways, same linker command: lld inside aslc with the
// command the C++ driver expands them to (runtime-ld.txt, see link_line.h),
// or, when aslc was built without liblld or ASLC_LINKER names a driver, that
// driver run directly (never through a shell).
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "aslc/codegen/codegen.h"
#include "link_line.h"
#include "link_lld.h"

extern char** environ;

namespace aslc::codegen {
namespace {

std::vector<std::string> readLinkList(const std::string& dir, std::string* error) {
  std::vector<std::string> args;
  std::ifstream in(dir + "/runtime-link.txt");
  if (!in) {
    *error = "runtime not found: cannot read '" + dir + "/runtime-link.txt'";
    return args;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("@/", 0) == 0) line = dir + line.substr(1);  // relative to the runtime dir
    args.push_back(line);
  }
  return args;
}

// Runs argv, returning its exit status; stderr is captured into *output.
int runCapturing(const std::vector<std::string>& argv, std::string* output) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], 2);
  posix_spawn_file_actions_addclose(&actions, pipefd[0]);
  std::vector<char*> cargv;
  for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipefd[1]);
  char buf[4096];
  for (ssize_t n; (n = read(pipefd[0], buf, sizeof buf)) > 0;) output->append(buf, n);
  close(pipefd[0]);
  if (rc != 0) {
    *output = "cannot run '" + argv[0] + "'";
    return -1;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const char* chosenDriver() {
  const char* cxx = getenv("ASLC_LINKER");
  return cxx && *cxx ? cxx : nullptr;
}

std::string failureHint(const LinkOptions& options) {
  return options.fullyStatic ? "; a library the executable needs may exist only as a shared library" : "";
}

bool linkWithDriver(const std::string& driver, const std::vector<std::string>& inputs,
                    const std::string& exePath, const LinkOptions& options, std::string* error) {
  std::vector<std::string> runtimeArgs = readLinkList(options.runtimeDir, error);
  if (runtimeArgs.empty()) return false;
  std::vector<std::string> argv = {driver, "-o", exePath};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  argv.insert(argv.end(), runtimeArgs.begin(), runtimeArgs.end());
  // The runtime archives are compiled position-independent, so both links work.
  if (options.fullyStatic) argv.push_back("-static");
  else argv.push_back(options.pie ? "-pie" : "-no-pie");
  std::string output;
  int status = runCapturing(argv, &output);
  if (status == 0) return true;
  *error = "linking failed (" + argv[0] + " exited with " + std::to_string(status) + ")" + failureHint(options);
  if (!output.empty()) *error += ":\n" + output;
  return false;
}

}  // namespace

bool linkExecutable(const std::string& objectPath, const std::string& exePath, const LinkOptions& options,
                    std::string* error) {
  std::vector<std::string> inputs = {objectPath};
  inputs.insert(inputs.end(), options.extraInputs.begin(), options.extraInputs.end());
  const char* driver = chosenDriver();
  if (!driver && haveInProcessLinker()) {
    const char* mode = options.fullyStatic ? "static" : options.pie ? "pie" : "no-pie";
    std::vector<std::string> args = driverLinkerArguments(options.runtimeDir, mode, exePath, inputs);
    if (!args.empty()) {
      std::string diagnostics;
      if (linkInProcess(args, &diagnostics)) return true;
      *error = "linking failed (lld in aslc)" + failureHint(options);
      if (!diagnostics.empty()) *error += ":\n" + diagnostics;
      *error += "\n(ASLC_LINKER=c++ links with the system C++ driver instead)";
      return false;
    }
  }
  return linkWithDriver(driver ? driver : "c++", inputs, exePath, options, error);
}

}  // namespace aslc::codegen
