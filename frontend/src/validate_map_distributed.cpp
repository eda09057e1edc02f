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
             std::string("'") + what + "' has no field '" + m.key + "'", pointerJoin(pointer, m.key));
  }
}

void exclusivePair(Checker& ck, const JNode& obj, const char* a, const char* b,
                   const std::string& pointer) {
  const JMember* second = obj.member(b);
  if (!obj.member(a) || !second) return;
  ck.error(second->keyOffset, "mutually-exclusive-fields",
           std::string("only one of '") + a + "' and '" + b + "' may be set", pointerJoin(pointer, b));
}

// Parameters (JSONPath) or Arguments (JSONata) of a reader or writer.
void checkIoPayload(StateCtx& s, const JNode& obj, const std::string& pointer) {
  if (const JNode* p = obj.get("Parameters"); p && !s.jsonata()) checkPayloadTemplate(s.ck, *p, pointerJoin(pointer, "Parameters"));
  if (const JNode* a = obj.get("Arguments"); a && s.jsonata()) checkJsonataTemplate(s.ck, *a, pointerJoin(pointer, "Arguments"));
}

void checkReaderConfig(StateCtx& s, const JNode& config, const std::string& at) {
  unknownFields(s.ck, config, {"InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter",
                               "MaxItems", "MaxItemsPath", "ManifestType", "Transformation"},
                at, "ReaderConfig");
  exclusivePair(s.ck, config, "MaxItems", "MaxItemsPath", at);
  const JNode* max = config.get("MaxItems");
  if (max && !(s.jsonata() && max->isString()) && (!max->isInteger() || max->scalar.get<double>() < 0))
    s.ck.error(max->begin, "schema-type", "'MaxItems' must be a non-negative integer",
               pointerJoin(at, "MaxItems"));
}

void checkItemReader(StateCtx& s) {
  const JNode* reader = s.get("ItemReader");
  std::string at = s.at("ItemReader");
  if (!reader || !expectKind(s.ck, *reader, JNode::Kind::Object, at, "'ItemReader'")) return;
  unknownFields(s.ck, *reader, {"Resource", "ReaderConfig", "Parameters", "Arguments"}, at, "ItemReader");
  if (!reader->member("Resource"))
    s.ck.error(reader->begin, "schema-required-field", "'ItemReader' requires 'Resource'", at);
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
  unknownFields(s.ck, *batcher, {"MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                                 "MaxInputBytesPerBatchPath", "BatchInput"}, at, "ItemBatcher");
  exclusivePair(s.ck, *batcher, "MaxItemsPerBatch", "MaxItemsPerBatchPath", at);
  exclusivePair(s.ck, *batcher, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", at);
}

void checkResultWriter(StateCtx& s) {
  const JNode* writer = s.get("ResultWriter");
  std::string at = s.at("ResultWriter");
  if (!writer || !expectKind(s.ck, *writer, JNode::Kind::Object, at, "'ResultWriter'")) return;
  unknownFields(s.ck, *writer, {"Resource", "Parameters", "Arguments", "WriterConfig"}, at, "ResultWriter");
  checkIoPayload(s, *writer, at);
  const JNode* config = writer->get("WriterConfig");
  std::string configAt = pointerJoin(at, "WriterConfig");
  if (!config) {
    if (!writer->member("Resource"))
      s.ck.error(writer->begin, "schema-required-field", "'ResultWriter' requires 'Resource' or 'WriterConfig'", at);
    return;
  }
  if (!expectKind(s.ck, *config, JNode::Kind::Object, configAt, "'WriterConfig'")) return;
  unknownFields(s.ck, *config, {"OutputType", "Transformation"}, configAt, "WriterConfig");
  if (!config->member("OutputType"))
    s.ck.error(config->begin, "schema-required-field", "'WriterConfig' requires 'OutputType'", configAt);
}

// Characters AWS does not allow in a Map Label (they cannot appear in the
// names of the child executions it labels).
bool badLabelChar(unsigned char c) {
  if (c < 0x20 || c == 0x7f) return true;
  return std::string_view(" \"#$%&*,:;<>?[\\]^`{|}~").find(static_cast<char>(c)) != std::string_view::npos;
}

void checkLabel(StateCtx& s) {
  const JNode* label = s.get("Label");
  std::string at = s.at("Label");
  if (!label || !expectKind(s.ck, *label, JNode::Kind::String, at, "'Label'")) return;
  const std::string& text = label->str();
  if (text.empty()) return s.ck.error(label->begin, "map-label", "a Map 'Label' cannot be empty", at);
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  if (chars > 40)
    s.ck.error(label->begin, "map-label", "a Map 'Label' cannot exceed 40 characters", at);
  for (unsigned char c : text) {
    if (!badLabelChar(c)) continue;
    s.ck.error(label->begin, "map-label",
               "a Map 'Label' cannot contain '" + std::string(1, static_cast<char>(c)) + "'", at);
    return;
  }
}

}  // namespace

void checkMapDistributed(StateCtx& s) {
  checkItemReader(s);
  checkItemBatcher(s);
  checkResultWriter(s);
  checkLabel(s);
}

}  // namespace aslc::validate_detail
