// Runs IR passes in order, verifying after each and printing the IR after
// the ones named by --print-after.
#pragma once
#include <functional>
#include <iosfwd>
#include <set>
#include <string>
#include <vector>

#include "aslc/ir/module.h"

namespace aslc::ir {

struct Pass {
  std::string name;
  std::function<void(Module&)> run;
};

class PassManager {
 public:
  void add(Pass pass) { passes_.push_back(std::move(pass)); }
  void printAfter(std::set<std::string> names) { printAfter_ = std::move(names); }
  // Returns false (with the verifier's problems on `err`) when a pass broke the IR.
  bool run(Module& module, std::ostream& dump, std::ostream& err) const;
  std::vector<std::string> names() const;

 private:
  std::vector<Pass> passes_;
  std::set<std::string> printAfter_;
};

}  // namespace aslc::ir
