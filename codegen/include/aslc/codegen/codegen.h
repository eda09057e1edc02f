// IR -> LLVM IR -> object file -> executable. The only phase that uses LLVM.
#pragma once
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "aslc/ir/module.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace aslc::codegen {

// The constant tables the runtime reads at start-up, as JSON text.
std::string buildMetadata(const ir::Module& module);

// One LLVM function per machine plus the `aslrt_compiled_program` descriptor;
// or, for a machine nested through a `stateMachine` binding, a private
// descriptor and an "aslrt_machines" record naming `nestedDefinition`.
std::unique_ptr<llvm::Module> lowerToLlvm(const ir::Module& module, llvm::LLVMContext& context,
                                          const std::string& nestedDefinition = "");

// Optimizes at `optLevel` (0-3) and writes a host object file.
bool emitObject(llvm::Module& module, int optLevel, const std::string& objectPath, std::string* error);
void optimize(llvm::Module& module, int optLevel);
void printLlvm(const llvm::Module& module, std::ostream& out);

// The compiler driver's view of codegen: LLVM types stay behind this class.
class Generated {
 public:
  explicit Generated(const ir::Module& module, const std::string& nestedDefinition = "");
  ~Generated();
  bool ok() const;
  void print(std::ostream& out, int optLevel);  // optimized LLVM IR text
  bool emitObject(int optLevel, const std::string& objectPath, std::string* error);

 private:
  std::unique_ptr<llvm::LLVMContext> context_;
  std::unique_ptr<llvm::Module> module_;
};

struct LinkOptions {
  std::string runtimeDir;  // where libaslrt*.a and runtime-link.txt live
  bool fullyStatic = false;
  // Position-independent (ASLR for the executable image). Off by default:
  // a PIE's start-up relocations write ~110 more pages (hello: 239 -> 131
  // page faults, 7.0 -> 5.0 ms wall on the 2-core VM).
  bool pie = false;
  std::vector<std::string> extraInputs;  // objects/archives given with --link
};
// Links the object with the runtime into an executable.
bool linkExecutable(const std::string& objectPath, const std::string& exePath, const LinkOptions& options,
                    std::string* error);

}  // namespace aslc::codegen
