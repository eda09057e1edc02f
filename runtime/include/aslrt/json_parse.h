// Parsing JSON text where payloads cross into the runtime: the execution's
// input, task replies, States.StringToJson. nlohmann's parser spends ~120
// instructions a byte on a small document (its lexer copies every token into
// a buffer, its DOM builder works through SAX callbacks); parseJson reads the
// text once and builds the value directly.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "aslrt/json.h"

namespace aslrt {

// Documents nested deeper than this are refused: the runtime walks values
// recursively (copies, size checks, paths, dumps) on fibers' 1 MiB stacks,
// which a 10,000-deep array overflowed. Jackson, the JSON library of AWS's
// Java services, refuses more than 1,000 levels by default too.
constexpr size_t kMaxJsonNesting = 1000;

// Exactly Json::parse(text, nullptr, /*allow_exceptions=*/false): the same
// value, number types included (non-negative integers unsigned, negative ones
// signed, the rest double; a repeated key keeps its last value), or a
// discarded value when the text is not JSON -- or nested deeper than
// kMaxJsonNesting.
Json parseJson(std::string_view text);

// Why parseJson refused text, for a message about it: textNestedTooDeep()
// or "is not JSON".
std::string whyNotJson(std::string_view text);
// How messages about what is past kMaxJsonNesting end: text "is nested
// deeper than 1000 levels"; a value "nests arrays and objects deeper than
// 1000 levels".
std::string textNestedTooDeep();
std::string valueNestedTooDeep();

// How deep the text's arrays and objects nest (strings skipped; the text
// need not be valid JSON).
size_t jsonNestingDepth(std::string_view text);

// The direct parser alone: nullopt when it does not decide, i.e. on text that
// is not JSON and on what it leaves to nlohmann (a byte order mark, integers
// beyond 64 bits, doubles out of range, nesting deeper than 256 levels).
// parseJson falls back to nlohmann's parser then, so errors are always its.
std::optional<Json> parseJsonDirect(std::string_view text);

}  // namespace aslrt
