// Context paths and a Map item read where it lies: while an ItemSelector is
// rendered, $$.Map.Item.Value is an element of the Map's input. Copying it
// into the context object for every iteration costs a deep copy and a free
// per item; paths that read below $$.Map.Item.Value can read the element
// itself instead (EvalContext::mapItem).
#pragma once
#include <memory>

#include "path_ast.h"

namespace aslrt::jsonpath_detail {

// "$$.Map.Item.Value<rest>" with no filter in rest (a filter's "$" is the
// context object, not the item): "$<rest>", which selects from the item what
// the whole path selects from a context object holding it. Else null.
std::shared_ptr<const ParsedPath> relativeToMapItem(const ParsedPath& path);

// A context path that cannot reach $$.Map.Item.Value: its leading plain names
// leave that branch ($$.Map.Item.Index, $$.State.Name, ...) and no filter
// could come back to the root.
bool avoidsMapItem(const ParsedPath& path);

}  // namespace aslrt::jsonpath_detail
