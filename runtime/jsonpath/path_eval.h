// Evaluating parsed segments against a document.
#pragma once
#include <list>
#include <string>
#include <vector>

#include "aslrt/json.h"
#include "path_ast.h"

namespace aslrt::jsonpath_detail {

// Matches in document order. Values built during evaluation (Jayway merges a
// trailing name union into one object) live in `owned`.
struct Matches {
  std::vector<const Json*> nodes;
  std::list<Json> owned;  // a list: stable addresses and no allocation while empty
};

// Indefinite evaluation: every node reached; missing parts are skipped.
void collectAll(const std::vector<Segment>& segments, const Json& start, const Json& root,
                Matches* out);

// Definite evaluation: the single node reached, or nullptr with Jayway's
// explanation ("No results for path: $['a']", "Missing property in path ...").
const Json* walkDefinite(const ParsedPath& path, const Json& root, Matches* scratch,
                         std::string* whyNot);

}  // namespace aslrt::jsonpath_detail
