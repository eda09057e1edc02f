// Message digests: the algorithms States.Hash and JSONata's $hash offer.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace aslrt {

// The lowercase hex digest of data by "MD5", "SHA-1", "SHA-256", "SHA-384" or
// "SHA-512" (AWS's names); nullopt for any other algorithm name.
std::optional<std::string> hexDigest(std::string_view algorithm, std::string_view data);

}  // namespace aslrt
