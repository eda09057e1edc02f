// PCRE2 wrapper. JS semantics approximated: UTF mode, \u escapes, `$` only at
// the very end (unless multiline), unset back-references match empty.
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include <pcre2.h>

#include "errors.h"

namespace aslrt::jsonata {

std::shared_ptr<Regex> Regex::compile(const std::string& pattern, const std::string& flags, size_t position) {
  uint32_t options = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF | PCRE2_DOLLAR_ENDONLY;
  if (flags.find('i') != std::string::npos) options |= PCRE2_CASELESS;
  if (flags.find('m') != std::string::npos) options |= PCRE2_MULTILINE;
  int errcode = 0;
  PCRE2_SIZE erroffset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options,
                                   &errcode, &erroffset, nullptr);
  if (!code) throw JsonataError("S0302", "Invalid regular expression: /" + pattern + "/").at(position);
  std::shared_ptr<Regex> re(new Regex());
  re->pattern_ = pattern;
  re->code_ = code;
  return re;
}

Regex::~Regex() {
  if (code_) pcre2_code_free(static_cast<pcre2_code*>(code_));
}

std::optional<RegexMatch> Regex::search(const std::string& subject, size_t from) const {
  auto* code = static_cast<pcre2_code*>(code_);
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(code, nullptr);
  int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), from,
                       PCRE2_NO_UTF_CHECK, md, nullptr);
  if (rc < 0) {
    pcre2_match_data_free(md);
    return std::nullopt;
  }
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  uint32_t count = pcre2_get_ovector_count(md);
  RegexMatch m;
  m.start = ov[0];
  m.end = ov[1];
  uint32_t groups = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
  for (uint32_t g = 1; g <= groups; ++g) {
    if (g >= count || ov[2 * g] == PCRE2_UNSET) {
      m.groups.push_back(std::nullopt);
      continue;
    }
    m.groups.push_back(subject.substr(ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
  }
  pcre2_match_data_free(md);
  return m;
}

}  // namespace aslrt::jsonata
