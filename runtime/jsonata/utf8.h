// UTF-8 helpers. JSONata counts string positions in characters (code points),
// so string functions work on decoded code points.
#include <cstdint>
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "aslrt/utf8.h"

namespace aslrt::jsonata {

using aslrt::appendUtf8;  // aslrt/utf8.h
std::vector<uint32_t> decodeUtf8(std::string_view s);
std::string encodeUtf8(const std::vector<uint32_t>& cps, size_t from = 0, size_t to = SIZE_MAX);
size_t utf8Length(std::string_view s);
// Byte offset of the code point with index `cpIndex` (or s.size()).
size_t utf8Offset(std::string_view s, size_t cpIndex);

}  // namespace aslrt::jsonata
