#include "item_batcher.h"

#include <cmath>

#include "aslrt/cli_args.h"

std::optional<aslrt::Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const aslrt::Json& input);

namespace aslrt {
namespace {

constexpr int64_t kMaxBatchBytes = 262144;  // MaxInputBytesPerBatch: at most 256 KiB

std::string shown(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// A positive integer, also written as a string (recorded: MaxItemsPerBatchPath
// referring to the variable value "2").
std::optional<int64_t> positiveInteger(const Json& v) {
  Json n = v;
  if (v.is_string()) {
    std::optional<long long> parsed = parseInteger(v.get<std::string>());
    if (!parsed) return std::nullopt;
    n = *parsed;
  }
  if (!n.is_number() || std::floor(n.get<double>()) != n.get<double>() || n.get<double>() <= 0) return std::nullopt;
  return n.get<int64_t>();
}

// One limit: the literal, else the path's value; `field` names it in errors.
bool resolveLimit(aslrt_frame* f, const Json& literal, const std::optional<uint32_t>& pathId, const Json& input,
                  std::string field, const char* errorName, int64_t* out) {
  std::optional<Json> v;
  std::string where;
  if (!literal.is_null()) v = literal;
  if (pathId) {
    const JsonPath& path = f->exec->program.paths[*pathId];
    v = aslrt_select(f, path, input);
    field += "Path";
    where = ": " + path.text();
  }
  if (!v) return true;
  std::optional<int64_t> n = positiveInteger(*v);
  if (!n)
    return f->raise(errorName, "The " + field + " field refers to value \"" + shown(*v) +
                                   "\" which is not a valid positive integer" + where),
           false;
  *out = *n;
  return true;
}

size_t jsonSize(const Json& v) { return v.dump().size(); }

}  // namespace

bool resolveBatcher(aslrt_frame* f, const MapInfo& map, const Json& input, BatchPlan* out) {
  const Program& p = f->exec->program;
  Json literals = map.batcher;
  const char* errorName = "States.Runtime";
  if (map.batcherJsonata) {  // JSONata: the whole ItemBatcher object at once
    std::optional<Json> v = f->evalJsonata(*map.batcherJsonata, input);
    if (!v) return false;
    literals = std::move(*v);
    errorName = "States.QueryEvaluationError";
    if (literals.contains("BatchInput")) out->batchInput = literals["BatchInput"];
  }
  auto literal = [&](const char* key) { return literals.is_object() && literals.contains(key) ? literals[key] : Json(); };
  if (!resolveLimit(f, literal("MaxItemsPerBatch"), map.maxItemsPerBatchPath, input, "MaxItemsPerBatch", errorName,
                    &out->maxItems) ||
      !resolveLimit(f, literal("MaxInputBytesPerBatch"), map.maxBytesPerBatchPath, input, "MaxInputBytesPerBatch",
                    errorName, &out->maxBytes))
    return false;
  // Without MaxInputBytesPerBatch a batch is still held under the 256 KiB payload limit.
  if (out->maxBytes == 0 || out->maxBytes > kMaxBatchBytes) out->maxBytes = kMaxBatchBytes;
  if (map.batchInput) {
    std::optional<Json> rendered = f->render(p.templates[*map.batchInput], input, "BatchInput",
                                             p.templateContextUse[*map.batchInput]);
    if (!rendered) return false;
    out->batchInput = std::move(*rendered);
  }
  return true;
}

std::vector<Json> makeBatches(std::vector<Json> items, const BatchPlan& plan) {
  std::vector<Json> batches;
  Json empty = Json::object();
  if (plan.batchInput) empty["BatchInput"] = *plan.batchInput;
  empty["Items"] = Json::array();
  const size_t baseBytes = jsonSize(empty);
  Json batch = empty;
  size_t bytes = baseBytes;
  for (Json& item : items) {
    size_t itemBytes = jsonSize(item) + (batch["Items"].empty() ? 0 : 1);  // the comma
    bool full = plan.maxItems > 0 && static_cast<int64_t>(batch["Items"].size()) >= plan.maxItems;
    bool tooBig = plan.maxBytes > 0 && !batch["Items"].empty() && bytes + itemBytes > static_cast<size_t>(plan.maxBytes);
    if (full || tooBig) {
      batches.push_back(std::move(batch));
      batch = empty;
      bytes = baseBytes;
      itemBytes = jsonSize(item);
    }
    bytes += itemBytes;
    batch["Items"].push_back(std::move(item));
  }
  if (!batch["Items"].empty()) batches.push_back(std::move(batch));
  return batches;
}

}  // namespace aslrt
