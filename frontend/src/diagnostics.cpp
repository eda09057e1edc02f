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

namespace {

// How much of a long source line is shown around the column: a minified
// definition is one line, and echoing all of it for each diagnostic wrote
// gigabytes for a 1 MB file.
constexpr size_t kShownBytes = 120;

bool continuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The part of `line` shown for a diagnostic at byte `column` (1-based), cut
// on character boundaries, and where the column falls in it.
struct Excerpt {
  std::string_view text;
  size_t caret;  // byte offset of the column in `text`
  bool cutBefore, cutAfter;
};

Excerpt excerptOf(std::string_view line, size_t column) {
  size_t at = std::min(column - 1, line.size());
  size_t begin = line.size() > kShownBytes && at > kShownBytes / 2 ? at - kShownBytes / 2 : 0;
  while (begin > 0 && continuationByte(line[begin])) --begin;
  size_t end = std::min(line.size(), begin + kShownBytes);
  while (end < line.size() && continuationByte(line[end])) ++end;
  return {line.substr(begin, end - begin), at - begin, begin > 0, end < line.size()};
}

}  // namespace

static void printOne(const Diagnostic& d, const SourceBuffer& source, std::ostream& out) {
  LineCol at = source.lineCol(d.offset);
  out << source.name() << ':' << at.line << ':' << at.column << ": " << severityName(d.severity)
      << ": " << d.message;
  if (!d.rule.empty()) out << " [" << d.rule << ']';
  out << '\n';
  std::string_view line = source.lineText(at.line);
  uint32_t column = at.column;
  if (at.line == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) {  // a byte-order mark: not shown, no width
    line.remove_prefix(3);
    column = column > 3 ? column - 3 : 1;
  }
  if (line.empty()) return;
  Excerpt shown = excerptOf(line, column);
  const char* ellipsis = "...";
  out << (shown.cutBefore ? ellipsis : "") << shown.text << (shown.cutAfter ? ellipsis : "") << '\n';
  // One space per character before the column (the column counts bytes),
  // tabs kept, so the caret lines up under the offending one.
  if (shown.cutBefore) out << "   ";
  for (size_t i = 0; i < shown.caret; ++i) {
    if (continuationByte(shown.text[i])) continue;
    out << (shown.text[i] == '\t' ? '\t' : ' ');
  }
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
