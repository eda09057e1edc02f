// UTF-8 encoding of one code point, shared by the JSON parser (\u escapes)
// and the JSONata library.
#pragma once
#include <cstdint>
#include <string>

namespace aslrt {

// Appends code point `cp` (at most U+10FFFF) as one to four bytes. Surrogates
// are encoded like any other code point (WTF-8); callers that must not
// produce them check first.
void appendUtf8(std::string& out, uint32_t cp);

}  // namespace aslrt
