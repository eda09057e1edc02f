// Diagnostics are collected with byte offsets and turned into file:line:col
// only when printed, so every phase reports every problem in one run.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "aslc/frontend/source_buffer.h"

namespace aslc {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity;
  uint32_t offset;
  std::string rule;     // short rule id, e.g. "transition-target-missing"
  std::string message;
};

class Diagnostics {
 public:
  void error(uint32_t offset, std::string rule, std::string message);
  void warning(uint32_t offset, std::string rule, std::string message);
  bool hasErrors() const { return errorCount_ > 0; }
  size_t errorCount() const { return errorCount_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  // Prints in source order: "file:line:col: error: message [rule]", the line and a caret.
  void print(const SourceBuffer& source, std::ostream& out) const;

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t errorCount_ = 0;
};

}  // namespace aslc
