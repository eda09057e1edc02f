#include "substitutions.h"

#include <fstream>
#include <sstream>

#include "aslrt/json.h"

namespace aslc::tool {

bool parseSubstitution(const std::string& text, Substitutions& subs, std::string* error) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    *error = "--sub takes NAME=VALUE, got '" + text + "'";
    return false;
  }
  subs.emplace_back(text.substr(0, eq), text.substr(eq + 1));
  return true;
}

bool readSubstitutionFile(const std::string& path, Substitutions& subs, std::string* error) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  aslrt::Json j = aslrt::Json::parse(text.str(), nullptr, false);
  if (!in || j.is_discarded() || !j.is_object()) {
    *error = "--subs file '" + path + "' must be a JSON object of NAME: value";
    return false;
  }
  for (auto& [name, value] : j.items())
    subs.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
  return true;
}

std::string applySubstitutions(const std::string& text, const Substitutions& subs) {
  if (subs.empty()) return text;
  std::string out = text;
  for (const auto& [name, value] : subs) {
    std::string token = "${" + name + "}";
    std::string escaped = aslrt::Json(value).dump();
    escaped = escaped.substr(1, escaped.size() - 2);
    for (size_t at = out.find(token); at != std::string::npos; at = out.find(token, at + escaped.size()))
      out.replace(at, token.size(), escaped);
  }
  return out;
}

}  // namespace aslc::tool
