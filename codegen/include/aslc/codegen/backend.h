// The code generator as aslc sees it: an interface to libaslc_codegen.so,
// which aslc loads the first time it compiles. LLVM and lld come with that
// library, so the commands that never need them (check, run --interpret)
// start without loading libLLVM (~40 ms and 2,500 page faults on the VMs measured).
#pragma once
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "aslc/ir/module.h"

namespace aslc::codegen {

struct LinkOptions {
  std::string runtimeDir;  // where libaslrt*.a and runtime-link.txt live
  bool fullyStatic = false;
  // Position-independent (ASLR for the executable image). Off by default:
  // a PIE's start-up relocations write ~110 more pages (hello: 239 -> 131
  // page faults, 7.0 -> 5.0 ms wall on the 2-core VM).
  bool pie = false;
  std::vector<std::string> extraInputs;  // objects/archives given with --link
};

// One module lowered to LLVM, ready to print or to emit as an object.
class Lowered {
 public:
  virtual ~Lowered() = default;
  virtual void print(std::ostream& out, int optLevel) = 0;  // optimized LLVM IR text
  virtual bool emitObject(int optLevel, const std::string& objectPath, std::string* error) = 0;
};

class Backend {
 public:
  virtual ~Backend() = default;
  // nullptr when the module cannot be lowered. nestedDefinition: see
  // lowerToLlvm (codegen.h).
  virtual std::unique_ptr<Lowered> lower(const ir::Module& module, const std::string& nestedDefinition) = 0;
  // Links the object with the runtime into an executable.
  virtual bool link(const std::string& objectPath, const std::string& exePath, const LinkOptions& options,
                    std::string* error) = 0;
};

// Loads `dir`/libaslc_codegen.so, once per process; nullptr with *error when
// it cannot (the library missing, or built for another aslc).
Backend* loadBackend(const std::string& dir, std::string* error);

// Bumped whenever this interface or the IR it passes changes: a library
// built from other sources than aslc is refused rather than misread.
constexpr uint32_t kBackendInterface = 1;

}  // namespace aslc::codegen

// The library's one exported symbol: its Backend, or nullptr when `interface`
// is not the one it was built with.
extern "C" aslc::codegen::Backend* aslc_codegen_backend(uint32_t interface);
