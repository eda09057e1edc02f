// Regular expressions for regex literals (/.../flags), backed by PCRE2 and
// configured to behave like JavaScript's RegExp where PCRE2 allows.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aslrt::jsonata {

struct RegexMatch {
  size_t start = 0;  // byte offsets into the subject
  size_t end = 0;
  std::vector<std::optional<std::string>> groups;  // capture groups 1..n
};

class Regex {
 public:
  // Throws JsonataError on an invalid pattern.
  static std::shared_ptr<Regex> compile(const std::string& pattern, const std::string& flags, size_t position);
  ~Regex();
  // First match at or after byte offset `from`.
  std::optional<RegexMatch> search(const std::string& subject, size_t from) const;
  const std::string& pattern() const { return pattern_; }

 private:
  Regex() = default;
  std::string pattern_;
  void* code_ = nullptr;  // pcre2_code_8*
};

}  // namespace aslrt::jsonata
