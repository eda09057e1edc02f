#include "http_encoding.h"

#include <cstdio>
#include <vector>

namespace aslrt {
namespace {

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void add(std::vector<std::string>& pairs, const std::string& encodedName, const Json& value) {
  pairs.push_back(encodedName + "=" + percentEncode(scalarText(value)));
}

void encodeValue(std::vector<std::string>& pairs, const std::string& name, const Json& value, ArrayFormat format);

void encodeArray(std::vector<std::string>& pairs, const std::string& name, const Json& array, ArrayFormat format) {
  if (format == ArrayFormat::Commas) {
    std::string joined;
    for (size_t i = 0; i < array.size(); ++i)
      joined += (i ? "," : "") + percentEncode(scalarText(array[i]));
    pairs.push_back(name + "=" + joined);
    return;
  }
  for (size_t i = 0; i < array.size(); ++i) {
    std::string item = name;
    if (format == ArrayFormat::Indices) item += "[" + std::to_string(i) + "]";
    if (format == ArrayFormat::Brackets) item += "[]";
    encodeValue(pairs, item, array[i], format);
  }
}

void encodeValue(std::vector<std::string>& pairs, const std::string& name, const Json& value, ArrayFormat format) {
  if (value.is_object()) {
    for (auto& [key, member] : value.items()) encodeValue(pairs, name + "[" + percentEncode(key) + "]", member, format);
  } else if (value.is_array()) {
    encodeArray(pairs, name, value, format);
  } else {
    add(pairs, name, value);
  }
}

}  // namespace

std::optional<ArrayFormat> arrayFormatNamed(const std::string& name) {
  if (name == "INDICES") return ArrayFormat::Indices;
  if (name == "REPEAT") return ArrayFormat::Repeat;
  if (name == "COMMAS") return ArrayFormat::Commas;
  if (name == "BRACKETS") return ArrayFormat::Brackets;
  return std::nullopt;
}

std::string percentEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::string scalarText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

std::string urlEncodeObject(const Json& object, ArrayFormat format) {
  std::vector<std::string> pairs;
  for (auto& [key, value] : object.items()) encodeValue(pairs, percentEncode(key), value, format);
  std::string out;
  for (size_t i = 0; i < pairs.size(); ++i) out += (i ? "&" : "") + pairs[i];
  return out;
}

}  // namespace aslrt
