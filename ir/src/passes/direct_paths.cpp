// direct-paths: a `select` whose path is plain members and indexes on the
// input ("$.order.items[0]") becomes `select_direct`, with the steps decoded
// now (module.directPaths). The runtime walks the steps and, if one does not
// match, runs the general evaluator on the same path, so results and
// States.Runtime causes cannot differ (runtime/src/ops_direct_path.cpp).
// Anything else - quoted members, wildcards, filters, slices, negative
// indexes, the context object, variables - stays a `select`. Requires: nothing.
#include <cctype>

#include "aslc/ir/passes.h"

namespace aslc::ir::passes {
namespace {

bool nameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool nameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// "$" followed by one or more ".name" / "[digits]" steps; nullopt for anything else.
std::optional<std::vector<aslrt::Json>> decode(const std::string& text) {
  if (text.size() < 2 || text[0] != '$') return std::nullopt;
  std::vector<aslrt::Json> steps;
  for (size_t i = 1; i < text.size();) {
    if (text[i] == '.' && i + 1 < text.size() && nameStart(text[i + 1])) {
      size_t start = ++i;
      while (i < text.size() && nameChar(text[i])) ++i;
      steps.emplace_back(text.substr(start, i - start));
      continue;
    }
    if (text[i] != '[') return std::nullopt;
    size_t start = ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    size_t digits = i - start;
    if (digits == 0 || digits > 9 || (digits > 1 && text[start] == '0') || i >= text.size() || text[i] != ']')
      return std::nullopt;
    steps.emplace_back(std::stoull(text.substr(start, digits)));
    ++i;
  }
  return steps;
}

}  // namespace

void directPaths(Module& m) {
  std::vector<uint32_t> directOf(m.paths.size(), kNone);  // one decoded entry per path
  for (Machine& mc : m.machines)
    for (State& st : mc.states)
      for (Inst& inst : st.insts) {
        if (inst.kind != InstKind::SelectPath) continue;
        uint32_t& id = directOf[inst.operand];
        if (id == kNone) {
          std::optional<std::vector<aslrt::Json>> steps = decode(m.paths[inst.operand]);
          if (!steps) continue;
          m.directPaths.push_back({inst.operand, std::move(*steps)});
          id = static_cast<uint32_t>(m.directPaths.size() - 1);
        }
        inst.kind = InstKind::SelectDirect;
        inst.operand = id;
      }
}

}  // namespace aslc::ir::passes
