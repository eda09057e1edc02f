#include "sha256_ni.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace aslrt::digest_detail {

#if defined(__x86_64__)

namespace {

bool detect() {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
  bool ssse3 = ecx & (1u << 9), sse41 = ecx & (1u << 19);
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  bool sha = ebx & (1u << 29);
  return ssse3 && sse41 && sha;
}

}  // namespace

bool haveSha256Instructions() {
  static const bool have = detect();
  return have;
}

// The instructions keep the eight words as two registers, ABEF and CDGH
// (A in the highest lane); sha256rnds2 does two rounds, sha256msg1/msg2 the
// message schedule's sigma terms four words at a time.
__attribute__((target("sha,sse4.1,ssse3"))) void compressSha256WithInstructions(uint32_t state[8],
                                                                                const unsigned char* block,
                                                                                const uint32_t* roundConstants) {
  const __m128i bigEndianWords = _mm_set_epi64x(0x0c0d0e0f08090a0bll, 0x0405060700010203ll);
  __m128i abcd = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));
  __m128i efgh = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));
  __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);
  __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);
  __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);
  __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);
  const __m128i abefBefore = abef, cdghBefore = cdgh;

  __m128i words[4];  // W[4g..4g+3] of the last four groups, group g in words[g % 4]
  for (int group = 0; group < 16; ++group) {
    __m128i& w = words[group & 3];
    if (group < 4) {
      w = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * group)), bigEndianWords);
    } else {
      const __m128i minus3 = words[(group + 1) & 3], minus2 = words[(group + 2) & 3], minus1 = words[(group + 3) & 3];
      __m128i sum = _mm_add_epi32(_mm_sha256msg1_epu32(w, minus3), _mm_alignr_epi8(minus1, minus2, 4));
      w = _mm_sha256msg2_epu32(sum, minus1);
    }
    __m128i scheduled =
        _mm_add_epi32(w, _mm_loadu_si128(reinterpret_cast<const __m128i*>(roundConstants + 4 * group)));
    // Each call returns the new ABEF and leaves the old one as the new CDGH:
    // after the pair, each register holds its own half again.
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, scheduled);
    abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(scheduled, 0x0E));
  }
  abef = _mm_add_epi32(abef, abefBefore);
  cdgh = _mm_add_epi32(cdgh, cdghBefore);

  __m128i abefInOrder = _mm_shuffle_epi32(abef, 0x1B);  // lanes A B E F
  __m128i ghcd = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(abefInOrder, ghcd, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(ghcd, abefInOrder, 8));
}

#else

bool haveSha256Instructions() { return false; }
void compressSha256WithInstructions(uint32_t*, const unsigned char*, const uint32_t*) {}

#endif

}  // namespace aslrt::digest_detail
