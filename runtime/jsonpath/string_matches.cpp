// StringMatches: a glob with '*' as the only wildcard; "\*" is a literal star
// and "\\" a literal backslash (AWS "Choice Rules").
#include <string>
#include <vector>

#include "aslrt/choice_ops.h"

namespace aslrt {
namespace {

struct PatternChar {
  char ch;
  bool star;  // an unescaped '*'
};

std::vector<PatternChar> compilePattern(std::string_view pattern) {
  std::vector<PatternChar> out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out.push_back({pattern[++i], false});
      continue;
    }
    out.push_back({pattern[i], pattern[i] == '*'});
  }
  return out;
}

}  // namespace

// Iterative glob match with single backtrack point: linear in practice and
// free of the exponential blow-up of naive recursion.
bool stringMatches(std::string_view text, std::string_view patternText) {
  std::vector<PatternChar> p = compilePattern(patternText);
  size_t t = 0, k = 0, starK = std::string::npos, starT = 0;
  while (t < text.size()) {
    if (k < p.size() && p[k].star) {
      starK = k++;
      starT = t;
    } else if (k < p.size() && p[k].ch == text[t]) {
      ++k, ++t;
    } else if (starK != std::string::npos) {
      k = starK + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (k < p.size() && p[k].star) ++k;
  return k == p.size();
}

}  // namespace aslrt
