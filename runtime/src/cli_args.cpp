#include "aslrt/cli_args.h"

#include <cerrno>
#include <cstdlib>

namespace aslrt {

CliArgs::CliArgs(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) args_.emplace_back(argv[i]);
}

bool CliArgs::flag(const std::string& name) {
  if (done() || args_[pos_] != name) return false;
  ++pos_;
  return true;
}

std::optional<std::string> CliArgs::option(const std::string& name, std::string* error) {
  if (done()) return std::nullopt;
  const std::string& arg = args_[pos_];
  if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 && arg[name.size()] == '=') {
    ++pos_;
    return arg.substr(name.size() + 1);
  }
  if (arg != name) return std::nullopt;
  if (pos_ + 1 >= args_.size()) {
    *error = "option '" + name + "' needs a value";
    ++pos_;
    return std::nullopt;
  }
  pos_ += 2;
  return args_[pos_ - 1];
}

std::optional<long long> parseInteger(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  return std::strtoll(text.c_str(), nullptr, 10);
}

}  // namespace aslrt
