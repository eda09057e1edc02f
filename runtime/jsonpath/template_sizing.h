// Bounds on a payload template's rendered size and depth, summed while it
// renders, so a state's output rarely has to be walked for the 256 KiB
// payload check (payload_size.h; docs/ARCHITECTURE.md, "Payload size").
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>

#include "aslrt/json.h"
#include "aslrt/jsonpath.h"
#include "aslrt/payload_size.h"

namespace aslrt::template_detail {

// Upper bounds on the rendered value's serialised size, summed while
// rendering, and on its depth (see payload_size.h); null when the caller
// does not want them.
struct Sizing {
  SizeBound input;     // the input's, when known
  uint64_t total = 0;
  uint32_t level = 0;  // the template's arrays and objects around the value being rendered
  uint32_t depth = 0;  // the deepest level any value reaches
  void add(uint64_t n) { total = addBounds(total, n); }
  // A value of depth d placed at the current level.
  void reach(uint32_t d) { depth = std::max(depth, addDepths(level, d)); }
  // A computed value: strings and scalars by a constant-time bound (a byte
  // escapes to at most six), containers by the bounds that came with them
  // if any, else by walking them.
  void addComputed(const Json& value, SizeBound given = SizeBound()) {
    if (!value.is_structured()) return add(scalarBound(value));
    if (given.known()) {
      add(given.bytes);
      reach(given.depth);
      return;
    }
    uint64_t bytes = serializedSize(value);
    add(bytes);
    reach(depthOf(value, bytes));
  }
  static uint64_t scalarBound(const Json& value) {
    if (value.is_string()) return addBounds(2, 6 * value.get_ref<const std::string&>().size());
    return 32;  // longest number, "false", "null"
  }
  // A selected value is never larger than the input it was selected from,
  // nor deeper than the input less the path's steps (an indefinite path
  // selects an array of its nodes); a scalar or string is bounded on its own
  // (a template copying several numbers out of its input would otherwise
  // count the input once for each). `disjoint`: the path selects a subtree
  // no other path of the template reaches (markMovablePaths), so all such
  // values together, and the members kept in place, are never larger than
  // the input: its bound is counted once for them all. (Counted once per
  // value, a loop's bound grew several-fold per state and soon forced a walk
  // of the whole output.)
  void addSelected(const JsonPath& path, const Json& value, bool disjoint) {
    bool inputKnown = !path.isContextPath() && !path.isVariablePath() && input.known();
    bool definite = inputKnown && path.isDefinite();
    if (!value.is_structured()) return add(definite ? std::min(input.bytes, scalarBound(value)) : scalarBound(value));
    if (!inputKnown) return addComputed(value);
    if (disjoint && definite) addInputOnce();
    else add(definite ? input.bytes : serializedSize(value));
    // A multi-name union at a path's end builds an object around its members.
    reach(path.isPlainChain() ? selectedDepth(input.depth, path.steps()) : addDepths(input.depth, 1));
  }
  // Members kept in place are distinct members of the input object, and
  // disjoint from every path the template selects.
  void addKept(const Json& member) {
    if (!input.known()) return addComputed(member);
    reach(selectedDepth(input.depth, 1));
    addInputOnce();
  }
  bool inputCounted = false;
  void addInputOnce() {
    if (!inputCounted) add(input.bytes);
    inputCounted = true;
  }
  SizeBound bound() const { return SizeBound::atMost(total, depth); }
};

// The template's arrays and objects around what renders while it lives.
class Nested {
 public:
  explicit Nested(Sizing* sizing) : sizing_(sizing) {
    if (!sizing_) return;
    ++sizing_->level;
    sizing_->reach(0);  // the container itself
  }
  ~Nested() {
    if (sizing_) --sizing_->level;
  }
  Nested(const Nested&) = delete;
  Nested& operator=(const Nested&) = delete;

 private:
  Sizing* sizing_;
};

}  // namespace aslrt::template_detail
