// A small command-line reader shared by aslc and compiled executables, so
// both accept `--flag value` and `--flag=value` alike and word errors alike.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace aslrt {

class CliArgs {
 public:
  CliArgs(int argc, char** argv, int first = 1);
  explicit CliArgs(std::vector<std::string> args) : args_(std::move(args)) {}

  bool done() const { return pos_ >= args_.size(); }
  const std::string& peek() const { return args_[pos_]; }
  // Consumes a boolean flag named `name` (e.g. "--bench").
  bool flag(const std::string& name);
  // Consumes `name value` or `name=value`; sets *error when the value is missing.
  std::optional<std::string> option(const std::string& name, std::string* error);
  std::string next() { return args_[pos_++]; }

 private:
  std::vector<std::string> args_;
  size_t pos_ = 0;
};

// Parses a whole non-negative integer, rejecting trailing text.
std::optional<long long> parseInteger(const std::string& text);

}  // namespace aslrt
