// SHA-256's block compression by the x86 SHA extensions (SHA-NI), used by
// digest.cpp when the CPU has them: States.Hash of a short string is one or
// two blocks, and the instructions do a block in a tenth of the portable
// code's time.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace aslrt::digest_detail {

// Whether this CPU has the SHA extensions (and the SSSE3/SSE4.1 the code
// around them uses); asked once.
bool haveSha256Instructions();

// Compresses one 64-byte block into state (FIPS 180-4's H0..H7) with the 64
// round constants K. Only when haveSha256Instructions().
void compressSha256WithInstructions(uint32_t state[8], const unsigned char* block, const uint32_t* roundConstants);

// SHA-256 of data in hex, by the instructions when allowed and present,
// else by the portable code (digest.cpp; both, for the differential test).
std::string sha256Hex(std::string_view data, bool allowCpuInstructions);

}  // namespace aslrt::digest_detail
