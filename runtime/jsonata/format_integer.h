// XPath-style integer pictures ($formatInteger, $parseInteger, and the
// integer components of date/time pictures): decimal digit patterns with
// grouping separators, letters, roman numerals and English words.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aslrt::jsonata {

struct IntegerFormat {
  enum class Primary { Decimal, Letters, Roman, Words, Sequence } primary = Primary::Decimal;
  enum class Case { Lower, Upper, Title } textCase = Case::Lower;
  bool ordinal = false;
  uint32_t zeroCode = 0x30;
  int mandatoryDigits = 0;
  int optionalDigits = 0;
  bool regular = false;
  struct Separator {
    int position;
    std::string character;
  };
  std::vector<Separator> separators;  // irregular, or the one regular separator
  int regularInterval = 0;
  std::string token;  // Sequence: the unsupported picture
};

// Throws D3130 / D3131.
IntegerFormat analyseIntegerPicture(const std::string& picture);
std::string formatIntegerWith(double value, IntegerFormat format);
// Consumes as much of `text` from `pos` as the format allows; returns the value.
// `maxDigits` bounds a decimal read (for components written back to back).
std::optional<double> scanInteger(const std::string& text, size_t& pos, const IntegerFormat& format,
                                  size_t maxDigits = SIZE_MAX);
std::string numberToWords(double value, bool ordinal);

}  // namespace aslrt::jsonata
