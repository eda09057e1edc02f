// The flags a compiled executable accepts (aslc run passes the same ones).
#pragma once
#include <string>

#include "execution.h"

namespace aslrt {

struct ExecutableFlags {
  RunOptions run;
  std::string inputPath;  // "" = {} ; "-" = stdin
  std::string bindingsPath;  // "" = the bindings baked in at build time, if any
  std::string callbackSocket;  // --callback-socket; "" = a private one when the machine can wait for one
  long long repeat = 1;
  bool bench = false;
  bool help = false;
};

// Returns false with a message on a bad flag or value.
bool parseExecutableFlags(int argc, char** argv, ExecutableFlags& flags, std::string* error);
extern const char* const kExecutableHelp;

}  // namespace aslrt
