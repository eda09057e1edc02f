// Base64 with RFC 4648's alphabet, for States.Base64Encode/Decode and
// JSONata's $base64encode/$base64decode.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace aslrt {

// Padded with '=' to a multiple of 4 characters.
std::string base64Encode(std::string_view bytes);

// The bytes the alphabet characters of `text` spell, in order; every other
// character ('=' padding included) is skipped, and trailing bits that make
// no whole byte are dropped (JSONata's $base64decode). States.Base64Decode,
// which must reject malformed input, uses base64DecodeAlphabet.
std::string base64Decode(std::string_view text);

// The bytes `text` spells when it is made of alphabet characters only (no
// padding); nullopt when any character is not in the alphabet.
std::optional<std::string> base64DecodeAlphabet(std::string_view text);

}  // namespace aslrt
