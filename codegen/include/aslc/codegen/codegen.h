// IR -> LLVM IR -> object file -> executable. The only phase that uses LLVM;
// built into libaslc_codegen.so, which aslc reaches through backend.h.
#pragma once
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "aslc/codegen/backend.h"
#include "aslc/codegen/metadata.h"
#include "aslc/ir/module.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace aslc::codegen {

// One LLVM function per machine plus the `aslrt_compiled_program` descriptor;
// or, for a machine nested through a `stateMachine` binding, a private
// descriptor and an "aslrt_machines" record naming `nestedDefinition`.
std::unique_ptr<llvm::Module> lowerToLlvm(const ir::Module& module, llvm::LLVMContext& context,
                                          const std::string& nestedDefinition = "");

// Optimizes at `optLevel` (0-3) and writes a host object file.
bool emitObject(llvm::Module& module, int optLevel, const std::string& objectPath, std::string* error);
void optimize(llvm::Module& module, int optLevel);
void printLlvm(const llvm::Module& module, std::ostream& out);

// A lowered module behind the driver's interface (backend.h): LLVM types stay inside.
class Generated : public Lowered {
 public:
  explicit Generated(const ir::Module& module, const std::string& nestedDefinition = "");
  ~Generated() override;
  bool ok() const;
  void print(std::ostream& out, int optLevel) override;
  bool emitObject(int optLevel, const std::string& objectPath, std::string* error) override;

 private:
  std::unique_ptr<llvm::LLVMContext> context_;
  std::unique_ptr<llvm::Module> module_;
};

// Links the object with the runtime into an executable.
bool linkExecutable(const std::string& objectPath, const std::string& exePath, const LinkOptions& options,
                    std::string* error);

}  // namespace aslc::codegen
