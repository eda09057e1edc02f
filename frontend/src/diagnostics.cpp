#include "aslc/frontend/diagnostics.h"

#include <algorithm>
#include <ostream>
#include <sstream>

namespace aslc {

void Diagnostics::error(uint32_t offset, std::string rule, std::string message) {
  diagnostics_.push_back({Severity::Error, offset, std::move(rule), std::move(message)});
  ++errorCount_;
}

void Diagnostics::warning(uint32_t offset, std::string rule, std::string message) {
  diagnostics_.push_back({Severity::Warning, offset, std::move(rule), std::move(message)});
}

static const char* severityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

static void printOne(const Diagnostic& d, const SourceBuffer& source, std::ostream& out) {
  LineCol at = source.lineCol(d.offset);
  out << source.name() << ':' << at.line << ':' << at.column << ": " << severityName(d.severity)
      << ": " << d.message;
  if (!d.rule.empty()) out << " [" << d.rule << ']';
  out << '\n';
  std::string_view line = source.lineText(at.line);
  if (line.empty()) return;
  out << line << '\n';
  // Keep tabs so the caret lines up under the offending byte.
  for (uint32_t i = 1; i < at.column && i <= line.size(); ++i) out << (line[i - 1] == '\t' ? '\t' : ' ');
  out << "^\n";
}

void Diagnostics::print(const SourceBuffer& source, std::ostream& out) const {
  std::vector<const Diagnostic*> ordered;
  for (const Diagnostic& d : diagnostics_) ordered.push_back(&d);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Diagnostic* a, const Diagnostic* b) { return a->offset < b->offset; });
  // Composed first and written at once: std::cerr is unbuffered, and each
  // diagnostic is a dozen pieces (a write(2) each: ~350 for a definition
  // with 17 unbound Task warnings).
  std::ostringstream text;
  for (const Diagnostic* d : ordered) printOne(*d, source, text);
  out << text.str();
}

}  // namespace aslc
