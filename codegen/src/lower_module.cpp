// Emits every machine as a function and the `aslrt_compiled_program`
// descriptor the runtime's main() starts from.
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include "aslc/codegen/codegen.h"
#include "lower_machine.h"
#include "runtime_abi.h"
#include "aslrt/abi.h"

namespace aslc::codegen {

namespace {

// A nested machine's descriptor stays private; a record in the
// "aslrt_machines" section (aslrt/abi.h) names it by definition path.
void emitNestedRecord(llvm::Module& m, RuntimeAbi& abi, llvm::GlobalVariable* program,
                      const std::string& definition) {
  llvm::LLVMContext& ctx = m.getContext();
  auto* pathInit = llvm::ConstantDataArray::getString(ctx, definition, true);
  auto* path = new llvm::GlobalVariable(m, pathInit->getType(), true, llvm::GlobalValue::PrivateLinkage, pathInit,
                                        "aslc_nested_definition");
  auto* recordType = llvm::StructType::get(ctx, {abi.i32, abi.ptr, abi.ptr});
  llvm::Constant* init =
      llvm::ConstantStruct::get(recordType, {llvm::ConstantInt::get(abi.i32, ASLRT_ABI_VERSION), path, program});
  auto* record = new llvm::GlobalVariable(m, recordType, true, llvm::GlobalValue::InternalLinkage, init,
                                          "aslc_nested_record");
  record->setSection("aslrt_machines");
  record->setAlignment(llvm::Align(8));
  llvm::appendToUsed(m, {record});
}

}  // namespace

std::unique_ptr<llvm::Module> lowerToLlvm(const ir::Module& module, llvm::LLVMContext& ctx,
                                          const std::string& nestedDefinition) {
  auto llvmModule = std::make_unique<llvm::Module>(module.sourceName, ctx);
  RuntimeAbi abi(*llvmModule);
  auto* machineType = llvm::FunctionType::get(abi.i32, {abi.ptr}, false);

  std::vector<llvm::Constant*> machineFns;
  for (uint32_t i = 0; i < module.machines.size(); ++i) {
    auto* fn = llvm::Function::Create(machineType, llvm::GlobalValue::InternalLinkage,
                                      "aslc_machine_" + std::to_string(i), *llvmModule);
    fn->getArg(0)->setName("frame");
    fn->setDoesNotThrow();
    lowerMachine(module.machines[i], module.paths, abi, fn);
    machineFns.push_back(fn);
  }

  std::string metadata = buildMetadata(module);
  auto* metaInit = llvm::ConstantDataArray::getString(ctx, metadata, true);
  auto* metaGlobal = new llvm::GlobalVariable(*llvmModule, metaInit->getType(), true,
                                              llvm::GlobalValue::PrivateLinkage, metaInit, "aslc_metadata");

  auto* tableType = llvm::ArrayType::get(abi.ptr, machineFns.size());
  auto* table = new llvm::GlobalVariable(*llvmModule, tableType, true, llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantArray::get(tableType, machineFns), "aslc_machines");

  llvm::Type* i64 = llvm::Type::getInt64Ty(ctx);
  auto* programType = llvm::StructType::get(ctx, {abi.i32, abi.ptr, i64, abi.ptr, abi.i32});
  llvm::Constant* program = llvm::ConstantStruct::get(
      programType, {llvm::ConstantInt::get(abi.i32, ASLRT_ABI_VERSION), metaGlobal,
                    llvm::ConstantInt::get(i64, metadata.size()), table,
                    llvm::ConstantInt::get(abi.i32, machineFns.size())});
  bool nested = !nestedDefinition.empty();
  auto* descriptor = new llvm::GlobalVariable(
      *llvmModule, programType, true,
      nested ? llvm::GlobalValue::PrivateLinkage : llvm::GlobalValue::ExternalLinkage, program,
      nested ? "aslc_nested_program" : "aslrt_compiled_program");
  if (nested) emitNestedRecord(*llvmModule, abi, descriptor, nestedDefinition);

  std::string problems;
  llvm::raw_string_ostream os(problems);
  if (llvm::verifyModule(*llvmModule, &os)) {
    llvm::errs() << "internal error: generated LLVM IR is invalid:\n" << problems << "\n";
    return nullptr;
  }
  return llvmModule;
}

Generated::Generated(const ir::Module& module, const std::string& nestedDefinition)
    : context_(std::make_unique<llvm::LLVMContext>()) {
  module_ = lowerToLlvm(module, *context_, nestedDefinition);
}
Generated::~Generated() = default;
bool Generated::ok() const { return module_ != nullptr; }

void Generated::print(std::ostream& out, int optLevel) {
  optimize(*module_, optLevel);
  printLlvm(*module_, out);
}

bool Generated::emitObject(int optLevel, const std::string& objectPath, std::string* error) {
  return codegen::emitObject(*module_, optLevel, objectPath, error);
}

}  // namespace aslc::codegen
