// A definition's text and name, with byte offset -> line:column mapping.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aslc {

struct LineCol {
  uint32_t line;    // 1-based
  uint32_t column;  // 1-based, in bytes
};

class SourceBuffer {
 public:
  SourceBuffer(std::string name, std::string text);
  // Reads a file; returns nullopt (and sets *why) when it cannot be read.
  static std::optional<SourceBuffer> fromFile(const std::string& path, std::string* why);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  LineCol lineCol(uint32_t offset) const;
  std::string_view lineText(uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

}  // namespace aslc
