// The library's entry point: the Backend aslc's loadBackend (load_backend.cpp)
// finds by name once it has loaded libaslc_codegen.so.
#include "aslc/codegen/codegen.h"

namespace aslc::codegen {
namespace {

class LlvmBackend final : public Backend {
 public:
  std::unique_ptr<Lowered> lower(const ir::Module& module, const std::string& nestedDefinition) override {
    auto generated = std::make_unique<Generated>(module, nestedDefinition);
    if (!generated->ok()) return nullptr;
    return generated;
  }
  bool link(const std::string& objectPath, const std::string& exePath, const LinkOptions& options,
            std::string* error) override {
    return linkExecutable(objectPath, exePath, options, error);
  }
};

}  // namespace
}  // namespace aslc::codegen

extern "C" __attribute__((visibility("default"))) aslc::codegen::Backend* aslc_codegen_backend(uint32_t interface) {
  static aslc::codegen::LlvmBackend backend;
  return interface == aslc::codegen::kBackendInterface ? &backend : nullptr;
}
