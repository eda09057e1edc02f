// Map states: the item processor (ItemProcessor, or the older Iterator) is a
// state machine of its own; ProcessorConfig picks inline or distributed mode;
// Items, concurrency and failure tolerances take bounded values.
// https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
#include <string_view>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

bool isDistributed(const JNode& processor) {
  const JNode* config = processor.isObject() ? processor.get("ProcessorConfig") : nullptr;
  const JNode* mode = config && config->isObject() ? config->get("Mode") : nullptr;
  return mode && mode->isString() && mode->str() == "DISTRIBUTED";
}

bool isExpressChild(const JNode& processor) {
  const JNode* config = processor.get("ProcessorConfig");
  const JNode* type = config && config->isObject() ? config->get("ExecutionType") : nullptr;
  return type && type->isString() && type->str() == "EXPRESS";
}

// ProcessorConfig: { "Mode": "INLINE" | "DISTRIBUTED", "ExecutionType": ... }.
void checkProcessorConfig(Checker& ck, const JNode& processor, const std::string& pointer) {
  const JNode* config = processor.get("ProcessorConfig");
  std::string at = pointerJoin(pointer, "ProcessorConfig");
  if (!config || !expectKind(ck, *config, JNode::Kind::Object, at, "'ProcessorConfig'")) return;
  for (const JMember& m : config->members) {
    if (m.key == "Mode" || m.key == "ExecutionType") continue;
    ck.error(m.keyOffset, "schema-unknown-field", "'ProcessorConfig' has no field '" + m.key + "'",
             pointerJoin(at, m.key));
  }
  checkEnum(ck, *config, "Mode", {"INLINE", "DISTRIBUTED"}, at);
  checkEnum(ck, *config, "ExecutionType", {"STANDARD", "EXPRESS"}, at);
  // Child executions of a distributed Map need a workflow type.
  if (isDistributed(processor) && !config->member("ExecutionType"))
    ck.error(config->begin, "schema-required-field",
             "a DISTRIBUTED 'ProcessorConfig' requires 'ExecutionType' (STANDARD or EXPRESS)", at);
}

void checkProcessor(StateCtx& s) {
  for (const char* key : {"ItemProcessor", "Iterator"}) {
    const JNode* proc = s.get(key);
    if (!proc) continue;
    MachineKind kind = std::string_view(key) == "ItemProcessor" ? MachineKind::ItemProcessor
                                                                : MachineKind::Iterator;
    bool distributed = isDistributed(*proc);
    bool express = distributed && isExpressChild(*proc);
    s.ck.distributedDepth += distributed;
    s.ck.expressDepth += express;
    validateMachine(s.ck, *proc, s.at(key), kind);
    s.ck.distributedDepth -= distributed;
    s.ck.expressDepth -= express;
    if (proc->isObject()) checkProcessorConfig(s.ck, *proc, s.at(key));
  }
}

// A percentage may be fractional (AWS accepts 0.5); the others are integers.
void checkTolerance(StateCtx& s) {
  const JNode* pct = s.get("ToleratedFailurePercentage");
  if (pct && deferToken(s.ck, *pct, s.at("ToleratedFailurePercentage"))) pct = nullptr;
  if (pct && !(s.jsonata() && pct->isString())) {
    if (!pct->isNumber() || pct->scalar.get<double>() < 0 || pct->scalar.get<double>() > 100)
      s.ck.error(pct->begin, "numeric-range",
                 "'ToleratedFailurePercentage' must be a number from 0 to 100",
                 s.at("ToleratedFailurePercentage"));
  } else if (pct) {
    checkJsonataString(s.ck, *pct, s.at("ToleratedFailurePercentage"));
  }
  checkIntegerField(s, "ToleratedFailureCount", 0, 2147483647);
  checkIntegerField(s, "MaxConcurrency", 0, 2147483647);
}

// JSONata Items: an array, an object (its values are iterated), or an
// expression that yields one.
void checkItems(StateCtx& s) {
  const JNode* items = s.get("Items");
  if (!items) return;
  if (items->isArray() || items->isObject())
    return checkJsonataTemplate(s.ck, *items, s.at("Items"));
  if (items->isString() && isJsonataExpression(*items))
    return checkJsonataString(s.ck, *items, s.at("Items"));
  s.ck.error(items->begin, "schema-type",
             "'Items' must be an array, an object or a JSONata expression", s.at("Items"));
}

}  // namespace

void checkMapState(StateCtx& s) {
  checkProcessor(s);
  checkTolerance(s);
  if (s.jsonata()) checkItems(s);
}

}  // namespace aslc::validate_detail
