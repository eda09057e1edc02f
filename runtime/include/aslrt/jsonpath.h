// JSONPath as AWS Step Functions evaluates it (the Jayway JsonPath dialect):
// Paths (InputPath, OutputPath, ItemsPath, "x.$" values) and Reference Paths
// (ResultPath, Choice "Variable", *Path operands).
// https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "aslrt/json.h"
#include "aslrt/member_lookup.h"

namespace aslrt {

struct SyntaxError {
  size_t offset = 0;  // byte offset into the path/expression text
  std::string message;
};

// ReferencePath: a single node only (no wildcards, filters, slices, unions,
// recursive descent).
enum class PathFlavor { Path, ReferencePath };

namespace jsonpath_detail {
struct ParsedPath;
}

class JsonPath {
 public:
  static std::optional<JsonPath> parse(std::string_view text, PathFlavor flavor,
                                       SyntaxError* error);

  const std::string& text() const;
  bool isContextPath() const { return context_; }      // "$$..." selects from the context object
  bool isVariablePath() const { return variables_; }  // "$name..." selects from the variables object
  bool isDefinite() const;      // never wraps its result in an array
  bool isRoot() const;          // exactly "$" (or "$$")
  // For "$.name" / "$['name']" (one member of the input), that name; else nullptr.
  const std::string* singleMember() const;
  // For a variable path, the variable's name ("x" for "$x.a").
  const std::string& variableName() const;
  // For a context path "$$.Map.Item.Value<rest>" without filters: "$<rest>",
  // which selects from the Map item what this path selects from a context
  // object holding that item (EvalContext::mapItem); else nullptr.
  const JsonPath* mapItemPath() const { return mapItemPath_.get(); }
  // A context path that cannot reach $$.Map.Item.Value ($$.Map.Item.Index,
  // $$.State.Name, ...: plain names leaving that branch, no filter).
  bool avoidsMapItem() const;

  // root = input, context object or variables object (the caller picks by
  // isContextPath/isVariablePath). nullopt: a definite path matched nothing.
  // Indefinite paths always return an array (possibly empty), as AWS does.
  std::optional<Json> select(const Json& root) const;
  // As select; on no match *whyNot gets Jayway's message, e.g.
  // "No results for path: $['a']" or "Missing property in path $['a']".
  std::optional<Json> select(const Json& root, std::string* whyNot) const;

  // For a definite path: the node itself inside root (so a caller that owns a
  // dead root can move it out), or nullptr when nothing matches or the match
  // is a value built during evaluation.
  Json* find(Json& root) const;
  // The node a path of plain members and indexes ("$.a.b[0]") selects in
  // root, found without allocating; nullptr when it matches nothing or the
  // path has other segments (then use select, which also explains why).
  const Json* peek(const Json& root) const {
    if (onlyMember_) return root.is_object() ? findMemberNear(root, *onlyMember_, *onlyMemberHint_) : nullptr;
    return peekSteps(root);
  }

  // Plain members and non-negative indexes ("$.a.b[0]", also from "$$" or
  // "$name"): the paths peek() resolves.
  bool isPlainChain() const { return plainChain_; }
  size_t steps() const { return steps_; }  // its segments: 2 for "$.a[0]", 0 for "$"
  // Whether the nodes this path and `other` select may be one and the same,
  // or one inside the other. False only when that cannot be: they read
  // different roots, or both are plain chains that part at some step
  // ("$.a.b" and "$.a.c"); a wildcard, filter or slice may reach anything.
  bool mayOverlap(const JsonPath& other) const;

  // An upper bound on how many bytes assign() can add to the target's
  // serialisation besides the value's own: the keys and punctuation of
  // objects it creates. For the payload-size check without re-serialising.
  uint64_t assignGrowthBound() const;

  // ResultPath semantics: "$" replaces the root, intermediate objects are
  // created. On failure *whyNot gets AWS's wording ("Unable to apply
  // ReferencePath $.a.b to input ...") and target is left unchanged.
  bool assign(Json& target, Json value, std::string* whyNot) const;

  // Jayway's canonical form, e.g. "$['a'][0][*]" (used in AWS's causes).
  std::string canonical() const;

  // AWS's cause when InputPath/OutputPath/ItemsPath/... match nothing, e.g.
  // "Invalid path '$.no.such' : Missing property in path $['no']" (recorded
  // in scenarios.base_scenarios.catch_states_runtime). whyNot: from select().
  std::string invalidPathCause(const std::string& whyNot) const;

 private:
  explicit JsonPath(std::shared_ptr<const jsonpath_detail::ParsedPath> parsed);
  bool assignOrThrow(Json& target, Json value, std::string* whyNot) const;
  const Json* peekSteps(const Json& root) const;
  std::shared_ptr<const jsonpath_detail::ParsedPath> parsed_;
  // Cached from parsed_ for the hottest questions: the root, and the name
  // when the path is one plain member of it (which parsed_ owns, with the
  // hint of where it was last found).
  bool context_ = false, variables_ = false, plainChain_ = false;
  size_t steps_ = 0;
  const std::string* onlyMember_ = nullptr;
  uint32_t* onlyMemberHint_ = nullptr;
  std::shared_ptr<const JsonPath> mapItemPath_;
};

}  // namespace aslrt
