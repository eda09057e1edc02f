#include "link_lld.h"

#if ASLC_INPROCESS_LLD
#include <lld/Common/Driver.h>
#include <llvm/Support/raw_ostream.h>

LLD_HAS_DRIVER(elf)
#endif

namespace aslc::codegen {

#if ASLC_INPROCESS_LLD
bool haveInProcessLinker() { return true; }

bool linkInProcess(const std::vector<std::string>& args, std::string* diagnostics) {
  std::vector<const char*> argv = {"ld.lld"};  // the name selects lld's GNU (ELF) flavor
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  llvm::raw_string_ostream output(*diagnostics);
  // lldMain recovers from lld's fatal errors; aslc links once per process,
  // so whether lld could run again does not matter.
  lld::Result result = lld::lldMain(argv, output, output, {{lld::Gnu, &lld::elf::link}});
  output.flush();
  return result.retCode == 0;
}
#else
bool haveInProcessLinker() { return false; }

bool linkInProcess(const std::vector<std::string>&, std::string* diagnostics) {
  *diagnostics = "aslc was built without liblld";
  return false;
}
#endif

}  // namespace aslc::codegen
