// Debian's LLVM names Polly as a pass-builder extension (LLVMExtensions: the
// LTO back end registers every extension's callbacks) but ships no static
// Polly library. With LLVM linked statically (static_llvm.cmake) this plugin
// stands in for it: it adds no passes, and aslc runs no LTO anyway.
#include <llvm/Config/llvm-config.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Passes/PassPlugin.h>

llvm::PassPluginLibraryInfo getPollyPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "Polly (not linked)", LLVM_VERSION_STRING, [](llvm::PassBuilder&) {}};
}
