// aslc's command line: the command, compile flags and the run flags that are
// handed on to the executable.
#pragma once
#include <set>
#include <string>
#include <vector>

namespace aslc::tool {

enum class Emit { Ast, Ir, Llvm, Obj, Exe };  // an ordered ladder: each stops later

struct Options {
  std::string command;        // check | build | run
  std::string input;          // the definition file
  std::string output;         // -o
  int optLevel = 2;
  Emit emit = Emit::Exe;
  bool emitGiven = false;
  std::set<std::string> printAfter;
  bool noOpt = false;  // --no-opt: no IR passes
  bool fullyStatic = false;
  bool pie = false;
  std::vector<std::string> linkInputs;
  std::vector<std::pair<std::string, std::string>> substitutions;
  std::vector<std::string> runArgs;  // passed to the executable unchanged
  bool interpret = false;     // run: on the reference interpreter, in-process
  bool help = false;
};

// Returns false with *error set on a bad command line.
bool parseOptions(int argc, char** argv, Options& options, std::string* error);
std::string helpText(const std::string& command);

}  // namespace aslc::tool
