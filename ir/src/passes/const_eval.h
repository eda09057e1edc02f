// Compile-time evaluation of the IR's data operations with the runtime's own
// libraries (aslrt_jsonpath, the JSONata evaluator), so a folded value is the
// value the executable would have computed. Every evaluator answers nullopt
// ("unknown") unless the result cannot differ at run time: anything reading
// the context object, time, randomness, UUIDs, task results, an unknown input
// or an unknown variable, and anything that fails (the run must still fail
// with the same error), stays unknown.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aslc/ir/module.h"

namespace aslc::ir::passes {

using Value = std::optional<aslrt::Json>;  // nullopt = not known at compile time

// Workflow variables known on entry to / after an instruction. A name absent
// from `known` is unknown (never "unset": an unset variable is a runtime matter).
struct Env {
  std::map<std::string, aslrt::Json> known;
  bool operator==(const Env& o) const { return known == o.known; }
};

// Folded values larger than this stay computed at run time: embedding them
// would grow the executable for little gain.
constexpr size_t kMaxFoldedBytes = 16 * 1024;

class ConstEval {
 public:
  explicit ConstEval(const Module& module);
  ~ConstEval();

  Value constant(uint32_t index) const { return m_.constants[index]; }
  Value select(uint32_t path, const Value& input, const Env& env);
  Value render(uint32_t tmpl, const Value& input, const Env& env, const char* field);
  Value applyResultPath(uint32_t path, const Value& target, const Value& result);
  Value jsonata(uint32_t spec, const Value& input, const Value& result, bool hasResult, const Env& env);
  // A Choice leaf: true/false when known, nullopt when unknown or when it would raise.
  std::optional<bool> leaf(uint32_t leaf, const Value& test, const Env& env);
  // Applies an Assign (assign pool) to env: known values where evaluable, the
  // assigned names become unknown otherwise.
  void assign(uint32_t assign, const Value& input, const Value& result, bool hasResult, Env& env);

  // Names some Assign in the module may set (they may shadow JSONata functions).
  const std::vector<std::string>& assignedNames() const { return assignedNames_; }

 private:
  struct Caches;
  const Module& m_;
  std::unique_ptr<Caches> caches_;
  std::vector<std::string> assignedNames_;
};

// Whether `v` is small enough to embed as a constant.
bool foldable(const aslrt::Json& v);

}  // namespace aslc::ir::passes
