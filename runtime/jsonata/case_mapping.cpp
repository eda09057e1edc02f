// Simple mappings come from the C library's C.UTF-8 locale (complete Unicode
// tables, loaded once, read-only: no setlocale, nothing global changes); the
// special cases that map to several characters are listed here
// (SpecialCasing.txt, its unconditional entries outside Greek iota
// subscripts, and the final-sigma rule). Without that locale on the host,
// the Latin-1, Latin Extended-A, Greek and Cyrillic letters still map.
#include "case_mapping.h"

#include <locale.h>
#include <wctype.h>

#include <cstddef>
#include <initializer_list>

namespace aslrt::jsonata {
namespace {

locale_t unicodeLocale() {
  static locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return locale;
}

// Latin Extended-A pairs upper/lower as even/odd code points, except in
// these stretches (odd/even) and at İ ı ĸ ŉ ſ Ÿ.
bool oddIsUpper(uint32_t c) { return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E); }

uint32_t fallbackCase(uint32_t c, bool upper) {
  bool pairRange = c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
                   c != 0x17F && c != 0x178;
  bool isUpperOfPair = pairRange && ((c & 1) == (oddIsUpper(c) ? 1u : 0u));
  if (upper) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) || (c >= 0x430 && c <= 0x44F))
      return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    if (pairRange && !isUpperOfPair) return c - 1;
    return c;
  }
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F)) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (pairRange && isUpperOfPair) return c + 1;
  return c;
}

uint32_t simpleCase(uint32_t c, bool upper) {
  if (c < 0x80) return upper ? (c >= 'a' && c <= 'z' ? c - 32 : c) : (c >= 'A' && c <= 'Z' ? c + 32 : c);
  locale_t locale = unicodeLocale();
  if (!locale) return fallbackCase(c, upper);
  return static_cast<uint32_t>(upper ? towupper_l(static_cast<wint_t>(c), locale)
                                     : towlower_l(static_cast<wint_t>(c), locale));
}

bool isLetter(uint32_t c) {
  locale_t locale = unicodeLocale();
  if (locale) return iswalpha_l(static_cast<wint_t>(c), locale);
  return simpleCase(c, true) != c || simpleCase(c, false) != c;
}

// Characters whose uppercase is several characters.
bool appendSpecialUpper(uint32_t c, std::vector<uint32_t>& out) {
  auto put = [&](std::initializer_list<uint32_t> cps) { out.insert(out.end(), cps); return true; };
  switch (c) {
    case 0x00DF: return put({'S', 'S'});
    case 0x0149: return put({0x02BC, 'N'});
    case 0x01F0: return put({'J', 0x030C});
    case 0x0390: return put({0x0399, 0x0308, 0x0301});
    case 0x03B0: return put({0x03A5, 0x0308, 0x0301});
    case 0x0587: return put({0x0535, 0x0552});
    case 0x1E96: return put({'H', 0x0331});
    case 0x1E97: return put({'T', 0x0308});
    case 0x1E98: return put({'W', 0x030A});
    case 0x1E99: return put({'Y', 0x030A});
    case 0x1E9A: return put({'A', 0x02BE});
    case 0xFB00: return put({'F', 'F'});
    case 0xFB01: return put({'F', 'I'});
    case 0xFB02: return put({'F', 'L'});
    case 0xFB03: return put({'F', 'F', 'I'});
    case 0xFB04: return put({'F', 'F', 'L'});
    case 0xFB05: case 0xFB06: return put({'S', 'T'});
    case 0xFB13: return put({0x0544, 0x0546});
    case 0xFB14: return put({0x0544, 0x0535});
    case 0xFB15: return put({0x0544, 0x053B});
    case 0xFB16: return put({0x054E, 0x0546});
    case 0xFB17: return put({0x0544, 0x053D});
    default: return false;
  }
}

// Σ is ς at the end of a word: after a letter and not before one.
bool isFinalSigma(const std::vector<uint32_t>& text, size_t i) {
  return i > 0 && isLetter(text[i - 1]) && (i + 1 == text.size() || !isLetter(text[i + 1]));
}

}  // namespace

std::vector<uint32_t> changeCase(const std::vector<uint32_t>& text, bool upper) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    uint32_t c = text[i];
    if (upper && appendSpecialUpper(c, out)) continue;
    if (!upper && c == 0x0130) {  // İ: i with its dot kept as a combining mark
      out.insert(out.end(), {'i', 0x0307});
      continue;
    }
    if (!upper && c == 0x03A3) {
      out.push_back(isFinalSigma(text, i) ? 0x03C2 : 0x03C3);
      continue;
    }
    out.push_back(simpleCase(c, upper));
  }
  return out;
}

}  // namespace aslrt::jsonata
