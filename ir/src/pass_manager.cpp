#include "aslc/ir/pass_manager.h"

#include <ostream>

#include "aslc/ir/printer.h"
#include "aslc/ir/verify.h"

namespace aslc::ir {

bool PassManager::run(Module& module, std::ostream& dump, std::ostream& err) const {
  for (const Pass& pass : passes_) {
    pass.run(module);
    std::vector<std::string> problems = verifyModule(module);
    if (!problems.empty()) {
      err << "internal error: IR invalid after pass '" << pass.name << "':\n";
      for (const std::string& p : problems) err << "  " << p << "\n";
      return false;
    }
    if (printAfter_.count(pass.name) || printAfter_.count("all")) {
      dump << "; *** IR after " << pass.name << " ***\n";
      printModule(module, dump);
    }
  }
  return true;
}

std::vector<std::string> PassManager::names() const {
  std::vector<std::string> out;
  for (const Pass& p : passes_) out.push_back(p.name);
  return out;
}

}  // namespace aslc::ir
