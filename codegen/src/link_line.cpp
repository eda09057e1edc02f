#include "link_line.h"

#include <fstream>

namespace aslc::codegen {

std::vector<std::string> splitDriverCommand(std::string_view command) {
  std::vector<std::string> args;
  size_t i = 0;
  while (i < command.size()) {
    if (command[i] == ' ') {
      ++i;
      continue;
    }
    std::string arg;
    if (command[i] == '"') {
      for (++i; i < command.size() && command[i] != '"'; ++i) {
        if (command[i] == '\\' && i + 1 < command.size()) ++i;
        arg += command[i];
      }
      ++i;  // the closing quote
    } else {
      while (i < command.size() && command[i] != ' ') arg += command[i++];
    }
    args.push_back(std::move(arg));
  }
  return args;
}

namespace {

// Options the compiler driver passes to collect2 for itself: gcc's LTO
// plugin (the executable is not built with LTO) and the linker choice.
bool isDriverOnlyOption(const std::string& arg) {
  return arg.rfind("-plugin-opt", 0) == 0 || arg.rfind("-fuse-ld=", 0) == 0;
}

std::string commandForMode(const std::string& runtimeDir, std::string_view mode) {
  std::ifstream in(runtimeDir + "/runtime-ld.txt");
  for (std::string line; std::getline(in, line);) {
    if (line.size() > mode.size() && line.compare(0, mode.size(), mode) == 0 && line[mode.size()] == ':')
      return line.substr(mode.size() + 1);
  }
  return "";
}

}  // namespace

std::vector<std::string> driverLinkerArguments(const std::string& runtimeDir, std::string_view mode,
                                               const std::string& exePath,
                                               const std::vector<std::string>& inputs) {
  std::vector<std::string> printed = splitDriverCommand(commandForMode(runtimeDir, mode));
  std::vector<std::string> args;
  const std::string runtimePrefix = "ASLC_RUNTIME/";
  for (size_t i = 1; i < printed.size(); ++i) {  // [0] is the linker program
    const std::string& arg = printed[i];
    if (arg == "-plugin") {
      ++i;  // and its path
    } else if (isDriverOnlyOption(arg)) {
    } else if (arg == "ASLC_OUTPUT") {
      args.push_back(exePath);
    } else if (arg == "ASLC_INPUTS") {
      args.insert(args.end(), inputs.begin(), inputs.end());
    } else if (arg.rfind(runtimePrefix, 0) == 0) {
      args.push_back(runtimeDir + "/" + arg.substr(runtimePrefix.size()));
    } else {
      args.push_back(arg);
    }
  }
  return args;
}

}  // namespace aslc::codegen
