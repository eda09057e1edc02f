// Parsing JSON text where payloads cross into the runtime: the execution's
// input, task replies, States.StringToJson. nlohmann's parser spends ~120
// instructions a byte on a small document (its lexer copies every token into
// a buffer, its DOM builder works through SAX callbacks); parseJson reads the
// text once and builds the value directly.
#pragma once
#include <optional>
#include <string_view>

#include "aslrt/json.h"

namespace aslrt {

// Exactly Json::parse(text, nullptr, /*allow_exceptions=*/false): the same
// value, number types included (non-negative integers unsigned, negative ones
// signed, the rest double; a repeated key keeps its last value), or a
// discarded value when the text is not JSON.
Json parseJson(std::string_view text);

// The direct parser alone: nullopt when it does not decide, i.e. on text that
// is not JSON and on what it leaves to nlohmann (a byte order mark, integers
// beyond 64 bits, doubles out of range, nesting deeper than 256 levels).
// parseJson falls back to nlohmann's parser then, so errors are always its.
std::optional<Json> parseJsonDirect(std::string_view text);

}  // namespace aslrt
