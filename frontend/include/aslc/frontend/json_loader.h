// Loads a definition's JSON into a spanned tree. nlohmann's SAX parser does
// the validation and gives events in document order; a cursor over the text
// recovers where each event's token stands. Duplicate keys are errors here,
// since a DOM would silently keep the last one.
#pragma once
#include <optional>

#include "aslc/frontend/diagnostics.h"
#include "aslc/frontend/json_tree.h"
#include "aslc/frontend/source_buffer.h"

namespace aslc {

// Returns nullopt when the text is not JSON (the diagnostic says where).
std::optional<JNode> loadJson(const SourceBuffer& source, Diagnostics& diags);

}  // namespace aslc
