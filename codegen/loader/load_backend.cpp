// Loads the code generator (libaslc_codegen.so, with LLVM and lld) into aslc
// on first use: see backend.h.
#include <dlfcn.h>

#include "aslc/codegen/backend.h"

namespace aslc::codegen {

Backend* loadBackend(const std::string& dir, std::string* error) {
  static Backend* loaded = nullptr;  // kept for the life of the process (never dlclose()d)
  if (loaded) return loaded;
  std::string path = dir + "/libaslc_codegen.so";
  void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    *error = "cannot load the code generator: " + std::string(dlerror());
    return nullptr;
  }
  auto entry = reinterpret_cast<Backend* (*)(uint32_t)>(dlsym(library, "aslc_codegen_backend"));
  loaded = entry ? entry(kBackendInterface) : nullptr;
  if (!loaded) *error = "'" + path + "' is not the code generator of this aslc (rebuild or reinstall aslc)";
  return loaded;
}

}  // namespace aslc::codegen
