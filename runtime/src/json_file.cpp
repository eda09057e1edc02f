#include "json_file.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "aslrt/json_parse.h"

namespace aslrt {

std::optional<Json> readJsonFile(const std::string& path, const std::string& what, std::string* error) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      *error = "cannot read " + what + " '" + path + "': it is a directory";
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = "cannot read " + what + " '" + path + "'";
      return std::nullopt;
    }
    text << in.rdbuf();
  }
  std::string name = path == "-" ? std::string("<stdin>") : path;
  Json doc = parseJson(text.str());
  if (!doc.is_discarded()) return doc;
  *error = jsonNestingDepth(text.str()) > kMaxJsonNesting
               ? what + " '" + name + "' " + textNestedTooDeep()
               : what + " '" + name + "' is not valid JSON";
  return std::nullopt;
}

}  // namespace aslrt
