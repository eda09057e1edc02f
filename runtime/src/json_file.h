// A JSON document from a file the user named on the command line: the
// execution input, mock configs, resources fixtures, bindings.
#pragma once
#include <optional>
#include <string>

#include "aslrt/json.h"

namespace aslrt {

// The document in `path` ("-": standard input), or nullopt with the reason in
// *error: "cannot read <what> '<path>'", "<what> '<path>' is not valid JSON"
// or "... is nested deeper than 1000 levels" (aslrt/json_parse.h).
std::optional<Json> readJsonFile(const std::string& path, const std::string& what, std::string* error);

}  // namespace aslrt
