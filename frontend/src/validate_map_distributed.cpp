// Distributed Map fields: ItemReader (where items come from), ItemBatcher,
// ResultWriter and the Label that names child executions. AWS rejects a
// Label that is empty, longer than 40 characters, or holds characters that
// cannot appear in an execution name.
// https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
#include <initializer_list>
#include <string_view>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

bool contains(std::initializer_list<std::string_view> names, std::string_view key) {
  for (std::string_view n : names)
    if (n == key) return true;
  return false;
}

void unknownFields(Checker& ck, const JNode& obj, std::initializer_list<std::string_view> allowed,
                   const std::string& pointer, const char* what) {
  for (const JMember& m : obj.members) {
    if (contains(allowed, m.key)) continue;
    ck.error(m.keyOffset, "schema-unknown-field",
             std::string("'") + what + "' has no field '" + m.key + "'",
             pointerJoin(pointer, m.key));
  }
}

void exclusivePair(Checker& ck, const JNode& obj, const char* a, const char* b,
                   const std::string& pointer) {
  const JMember* second = obj.member(b);
  if (!obj.member(a) || !second) return;
  ck.error(second->keyOffset, "mutually-exclusive-fields",
           std::string("only one of '") + a + "' and '" + b + "' may be set",
           pointerJoin(pointer, b));
}

// A count inside ItemReader/ItemBatcher: an integer >= min, or a JSONata
// expression in a JSONata state.
void checkCount(StateCtx& s, const JNode& obj, const char* key, double min, double max,
                const std::string& pointer) {
  const JNode* v = obj.get(key);
  if (!v) return;
  std::string at = pointerJoin(pointer, key);
  if (s.jsonata() && v->isString()) return checkJsonataString(s.ck, *v, at);
  if (v->isInteger() && v->scalar.get<double>() >= min && v->scalar.get<double>() <= max) return;
  s.ck.error(v->begin, v->isInteger() ? "numeric-range" : "schema-type",
             std::string("'") + key + "' must be an integer from " +
                 std::to_string(static_cast<long long>(min)) + " to " +
                 std::to_string(static_cast<long long>(max)),
             at);
}

// A "...Path" twin of a count: a JSONPath-only reference path.
void checkCountPath(StateCtx& s, const JNode& obj, const char* key, const std::string& pointer) {
  const JMember* m = obj.member(key);
  if (!m) return;
  std::string at = pointerJoin(pointer, key);
  if (s.jsonata()) {
    s.ck.error(m->keyOffset, "jsonata-state-jsonpath-field",
               std::string("'") + key +
                   "' is a JSONPath field; use a JSONata expression in the "
                   "field without 'Path'",
               at);
    return;
  }
  checkPathValue(s.ck, m->value, PathKind::ValuePath, at, "path-syntax",
                 std::string("'") + key + "'");
}

// Parameters (JSONPath) or Arguments (JSONata) of a reader or writer.
void checkIoPayload(StateCtx& s, const JNode& obj, const std::string& pointer) {
  if (const JNode* p = obj.get("Parameters"); p && !s.jsonata())
    checkPayloadTemplate(s.ck, *p, pointerJoin(pointer, "Parameters"));
  if (const JNode* a = obj.get("Arguments"); a && s.jsonata())
    checkJsonataTemplate(s.ck, *a, pointerJoin(pointer, "Arguments"));
}

// CSVHeaders: the column names, strings, which CSVHeaderLocation GIVEN needs.
void checkCsvHeaders(Checker& ck, const JNode& config, const std::string& at) {
  const JNode* headers = config.get("CSVHeaders");
  const JNode* location = config.get("CSVHeaderLocation");
  bool given = location && location->isString() && location->str() == "GIVEN";
  if (!headers) {
    if (given)
      ck.error(location->begin, "schema-required-field", "'CSVHeaderLocation' GIVEN requires 'CSVHeaders'", at);
    return;
  }
  bool strings = headers->isArray();
  for (size_t i = 0; strings && i < headers->elements.size(); ++i) strings = headers->elements[i].isString();
  if (!strings)
    ck.error(headers->begin, "schema-type", "'CSVHeaders' must be an array of strings", pointerJoin(at, "CSVHeaders"));
}

void checkReaderConfig(StateCtx& s, const JNode& config, const std::string& at) {
  unknownFields(s.ck, config,
                {"InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
                 "MaxItemsPath", "ManifestType", "Transformation"},
                at, "ReaderConfig");
  exclusivePair(s.ck, config, "MaxItems", "MaxItemsPath", at);
  // MaxItems 0 means "no limit" (it appears in deployed samples).
  checkCount(s, config, "MaxItems", 0, 100000000, at);
  checkCountPath(s, config, "MaxItemsPath", at);
  checkEnum(s.ck, config, "InputType", {"CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"}, at);
  checkEnum(s.ck, config, "CSVHeaderLocation", {"FIRST_ROW", "GIVEN"}, at);
  checkEnum(s.ck, config, "CSVDelimiter", {"COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"}, at);
  checkCsvHeaders(s.ck, config, at);
}

void checkItemReader(StateCtx& s) {
  const JNode* reader = s.get("ItemReader");
  std::string at = s.at("ItemReader");
  if (!reader || !expectKind(s.ck, *reader, JNode::Kind::Object, at, "'ItemReader'")) return;
  unknownFields(s.ck, *reader, {"Resource", "ReaderConfig", "Parameters", "Arguments"}, at,
                "ItemReader");
  if (!reader->member("Resource"))
    s.ck.error(reader->begin, "schema-required-field", "'ItemReader' requires 'Resource'", at);
  checkResourceField(s.ck, *reader, at, "ItemReader");
  checkIoPayload(s, *reader, at);
  const JNode* config = reader->get("ReaderConfig");
  std::string configAt = pointerJoin(at, "ReaderConfig");
  if (config && expectKind(s.ck, *config, JNode::Kind::Object, configAt, "'ReaderConfig'"))
    checkReaderConfig(s, *config, configAt);
}

void checkItemBatcher(StateCtx& s) {
  const JNode* batcher = s.get("ItemBatcher");
  std::string at = s.at("ItemBatcher");
  if (!batcher || !expectKind(s.ck, *batcher, JNode::Kind::Object, at, "'ItemBatcher'")) return;
  unknownFields(s.ck, *batcher,
                {"MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                 "MaxInputBytesPerBatchPath", "BatchInput"},
                at, "ItemBatcher");
  exclusivePair(s.ck, *batcher, "MaxItemsPerBatch", "MaxItemsPerBatchPath", at);
  exclusivePair(s.ck, *batcher, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", at);
  checkCount(s, *batcher, "MaxItemsPerBatch", 1, 2147483647, at);
  // AWS caps a batch at 256 KiB.
  checkCount(s, *batcher, "MaxInputBytesPerBatch", 1, 262144, at);
  checkCountPath(s, *batcher, "MaxItemsPerBatchPath", at);
  checkCountPath(s, *batcher, "MaxInputBytesPerBatchPath", at);
}

void checkResultWriter(StateCtx& s) {
  const JNode* writer = s.get("ResultWriter");
  std::string at = s.at("ResultWriter");
  if (!writer || !expectKind(s.ck, *writer, JNode::Kind::Object, at, "'ResultWriter'")) return;
  unknownFields(s.ck, *writer, {"Resource", "Parameters", "Arguments", "WriterConfig"}, at,
                "ResultWriter");
  checkIoPayload(s, *writer, at);
  checkResourceField(s.ck, *writer, at, "ResultWriter");
  const JNode* config = writer->get("WriterConfig");
  std::string configAt = pointerJoin(at, "WriterConfig");
  if (!config) {
    if (!writer->member("Resource"))
      s.ck.error(writer->begin, "schema-required-field",
                 "'ResultWriter' requires 'Resource' or 'WriterConfig'", at);
    return;
  }
  if (!expectKind(s.ck, *config, JNode::Kind::Object, configAt, "'WriterConfig'")) return;
  unknownFields(s.ck, *config, {"OutputType", "Transformation"}, configAt, "WriterConfig");
  checkEnum(s.ck, *config, "OutputType", {"JSON", "JSONL"}, configAt);
  checkEnum(s.ck, *config, "Transformation", {"NONE", "COMPACT", "FLATTEN"}, configAt);
  if (!config->member("OutputType"))
    s.ck.error(config->begin, "schema-required-field", "'WriterConfig' requires 'OutputType'",
               configAt);
}

// Characters AWS rejects in a Map Label (the set its error messages name,
// as recorded by localstack against AWS, plus control characters and the
// backslash, which AWS CDK's DistributedMap rejects too and execution names
// may not hold -- StartExecution's `name`): the label becomes part of child
// execution names. '/' is allowed (neither rejects it).
bool badLabelChar(unsigned char c) {
  if (c < 0x20 || c == 0x7f) return true;
  return std::string_view(" \"#$%&*,:;<>?[]^`{|}~\\").find(static_cast<char>(c)) !=
         std::string_view::npos;
}

// U+0080..U+009F (C1 controls) are encoded as C2 80..C2 9F.
bool hasC1Control(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) == 0xC2 &&
        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      return true;
  return false;
}

void checkLabel(StateCtx& s) {
  const JNode* label = s.get("Label");
  std::string at = s.at("Label");
  if (!label || !expectKind(s.ck, *label, JNode::Kind::String, at, "'Label'")) return;
  const std::string& text = label->str();
  if (text.empty())
    return s.ck.error(label->begin, "map-label", "a Map 'Label' cannot be empty", at);
  if (utf8Length(text) > 40)
    s.ck.error(label->begin, "map-label", "a Map 'Label' cannot exceed 40 characters", at);
  if (hasC1Control(text))
    return s.ck.error(label->begin, "map-label", "a Map 'Label' cannot contain control characters",
                      at);
  for (unsigned char c : text) {
    if (!badLabelChar(c)) continue;
    s.ck.error(label->begin, "map-label",
               "a Map 'Label' cannot contain '" + std::string(1, static_cast<char>(c)) + "'", at);
    return;
  }
  // Two Maps with one Label would share their Map Run ARNs' names
  // (ValidateStateMachineDefinition's DUPLICATE_LABEL_NAME).
  auto [first, fresh] = s.ck.mapLabels.emplace(text, s.pointer);
  if (!fresh)
    s.ck.error(label->begin, "map-label-duplicate",
               "the Map 'Label' '" + text + "' is already used by " + first->second, at);
}

}  // namespace

void checkMapDistributed(StateCtx& s) {
  checkItemReader(s);
  checkItemBatcher(s);
  checkResultWriter(s);
  checkLabel(s);
}

}  // namespace aslc::validate_detail
