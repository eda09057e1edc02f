#include "item_reader.h"

#include "aslrt/java_hash_order.h"
#include "aslrt/json_parse.h"

#include <set>
#include <sstream>
#include <vector>

namespace aslrt {
namespace {

Failure readerFailed(const std::string& cause) { return {"States.ItemReaderFailed", cause}; }

// The validator has checked ReaderConfig's names; anything else reads as COMMA.
char delimiterOf(const Json& config) {
  const Json* field = config.is_object() && config.contains("CSVDelimiter") ? &config["CSVDelimiter"] : nullptr;
  std::string d = field && field->is_string() ? field->get<std::string>() : "COMMA";
  if (d == "PIPE") return '|';
  if (d == "SEMICOLON") return ';';
  if (d == "SPACE") return ' ';
  if (d == "TAB") return '\t';
  return ',';
}

// One CSV record per line; quoted fields may hold the delimiter, "" and
// newlines. A backslash escapes a backslash, a double quote or the
// delimiter, which are then taken as they are; before any other character it
// is dropped (https://docs.aws.amazon.com/step-functions/latest/dg/example-csv-parse-dist-map.html).
std::vector<std::vector<std::string>> csvRecords(const std::string& text, char delim) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      any = true;
      if (i + 1 == text.size()) break;
      char next = text[i + 1];
      if (next == '\\' || next == '"' || next == delim) field += next, ++i;
      continue;  // otherwise the next character is read as if no backslash came before it
    }
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
      continue;
    }
    if (c == '"' && field.empty()) { quoted = true; any = true; continue; }
    if (c == delim) { record.push_back(std::move(field)); field.clear(); any = true; continue; }
    if (c == '\r') continue;
    if (c == '\n') {
      record.push_back(std::move(field));
      records.push_back(std::move(record));
      record.clear(), field.clear(), any = false;
      continue;
    }
    field += c, any = true;
  }
  if (any || !field.empty() || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

std::optional<Json> csvItems(const std::string& body, const Json& config, Failure* failure) {
  auto records = csvRecords(body, delimiterOf(config));
  std::vector<std::string> headers;
  size_t first = 0;
  if (config.value("CSVHeaderLocation", "FIRST_ROW") == "GIVEN") {
    for (const Json& h : config.value("CSVHeaders", Json::array())) headers.push_back(h.is_string() ? h.get<std::string>() : h.dump());
  } else if (!records.empty()) {
    headers = records[0];
    first = 1;
  }
  if (std::set<std::string>(headers.begin(), headers.end()).size() != headers.size())
    return *failure = readerFailed("CSV headers cannot contain duplicates."), std::nullopt;
  // A row's members come out in java.util.HashMap order of the headers, as
  // AWS builds them (java_hash_order.h).
  std::vector<uint32_t> columns = javaHashMapOrder(headers);
  Json items = Json::array();
  for (size_t r = first; r < records.size(); ++r) {
    Json item = Json::object();
    for (uint32_t c : columns) item[headers[c]] = c < records[r].size() ? records[r][c] : "";
    items.push_back(std::move(item));
  }
  return items;
}

std::optional<Json> jsonlItems(const std::string& body, Failure* failure) {
  Json items = Json::array();
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json v = aslrt::parseJson(line);
    if (v.is_discarded())
      return *failure = readerFailed("JSONL line " + aslrt::whyNotJson(line) + ": " + line.substr(0, 200)), std::nullopt;
    items.push_back(std::move(v));
  }
  return items;
}

std::optional<Json> jsonItems(const std::string& body, const Json& config, Failure* failure) {
  Json v = aslrt::parseJson(body);
  if (v.is_discarded()) return *failure = readerFailed("The object is not valid JSON."), std::nullopt;
  std::string pointer = config.is_object() ? config.value("ItemsPointer", "") : "";
  if (!pointer.empty()) {
    try {
      v = v.at(Json::json_pointer(pointer));
    } catch (...) {
      return *failure = readerFailed("ItemsPointer '" + pointer + "' does not point into the object."), std::nullopt;
    }
  }
  if (!v.is_array()) return *failure = readerFailed("Attempting to map over non-iterable node."), std::nullopt;
  return v;
}

}  // namespace

std::optional<Json> parseItems(const std::string& body, const Json& config, int64_t maxItems, Failure* failure) {
  if (maxItems < 0) return *failure = readerFailed("field MaxItems must be positive"), std::nullopt;
  std::string type = config.is_object() ? config.value("InputType", "JSON") : "JSON";
  std::optional<Json> items = type == "CSV"     ? csvItems(body, config, failure)
                              : type == "JSONL" ? jsonlItems(body, failure)
                                                : jsonItems(body, config, failure);
  if (items && maxItems > 0 && static_cast<int64_t>(items->size()) > maxItems)
    items->erase(items->begin() + maxItems, items->end());
  return items;
}

}  // namespace aslrt
