#include "result_writer.h"

#include "aslrt/timestamp.h"

namespace aslrt {
namespace {

struct WriterSpec {
  std::string bucket, prefix;
  bool toS3 = false;
  std::string transformation = "NONE";  // the default when exporting without WriterConfig
  std::string outputType = "JSON";
};

// The child's full record (Transformation NONE, and any failed child).
Json fullRecord(const ChildRun& r, const MapRunIds& ids) {
  Json j = {{"ExecutionArn", r.arn},
            {"Input", r.input.dump()},
            {"InputDetails", {{"Included", true}}},
            {"Name", r.name},
            {"RedriveCount", 0},
            {"StartDate", formatTimestamp(r.startMicros)},
            {"StateMachineArn", ids.stateMachineArn},
            {"Status", r.ok ? "SUCCEEDED" : "FAILED"},
            {"StopDate", formatTimestamp(r.stopMicros)}};
  if (r.ok) {
    j["Output"] = r.output.dump();
    j["OutputDetails"] = {{"Included", true}};
    j["RedriveStatus"] = "NOT_REDRIVABLE";
    j["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven";
  } else {
    if (!r.failure.error.empty()) j["Error"] = r.failure.error;
    if (r.failure.cause) j["Cause"] = *r.failure.cause;
    j["RedriveStatus"] = "REDRIVABLE_BY_MAP_RUN";
  }
  return sortedByKey(std::move(j));
}

// Appends the child's entry as the transformation shapes it. A failed child
// always keeps its full record (docs: "If a child workflow execution fails,
// Step Functions returns its execution result unchanged").
void appendEntry(Json& out, const ChildRun& r, const MapRunIds& ids, const std::string& transformation) {
  if (!r.ok || transformation == "NONE") return out.push_back(fullRecord(r, ids));
  if (transformation == "FLATTEN" && r.output.is_array()) {
    for (const Json& v : r.output) out.push_back(v);
    return;
  }
  out.push_back(r.output);
}

bool resolveSpec(aslrt_frame* f, const MapInfo& map, const Json& input, WriterSpec* spec) {
  const Program& p = f->exec->program;
  Json writer = map.resultWriter;
  Json location = Json::object();
  if (map.resultWriterJsonata) {
    std::optional<Json> v = f->evalJsonata(*map.resultWriterJsonata, input);
    if (!v) return false;
    if (!v->is_object())
      return f->raise("States.ResultWriterFailed", "The ResultWriter must be an object, but got: " + v->dump()), false;
    writer = std::move(*v);
    location = writer.value("Arguments", Json::object());
  } else if (map.resultWriterParameters) {
    std::optional<Json> v = f->render(p.templates[*map.resultWriterParameters], input, "ResultWriter.Parameters",
                                      p.templateContextUse[*map.resultWriterParameters]);
    if (!v) return false;
    location = std::move(*v);
  }
  spec->toS3 = writer.contains("Resource");
  const Json& config = writer.value("WriterConfig", Json::object());
  if (!config.is_null() && config.is_object()) {
    // Without a WriterConfig an export is NONE; a WriterConfig alone defaults to COMPACT.
    const Json& transformation = config.value("Transformation", Json(spec->toS3 ? "NONE" : "COMPACT"));
    const Json& outputType = config.value("OutputType", Json("JSON"));
    if (!transformation.is_string() || !outputType.is_string())
      return f->raise("States.ResultWriterFailed", "The WriterConfig's Transformation and OutputType must be strings, but got: " + config.dump()),
             false;
    spec->transformation = transformation.get<std::string>();
    spec->outputType = outputType.get<std::string>();
  }
  if (spec->toS3) {
    if (!location.is_object() || !location.value("Bucket", Json()).is_string())
      return f->raise("States.ResultWriterFailed", "The ResultWriter needs a string Bucket, but got: " + location.dump()),
             false;
    spec->bucket = location["Bucket"].get<std::string>();
    spec->prefix = location.value("Prefix", Json("")).is_string() ? location.value("Prefix", "") : "";
  }
  return true;
}

std::string serialize(const Json& entries, const std::string& outputType) {
  if (outputType != "JSONL") return entries.dump();
  std::string text;
  for (const Json& e : entries) text += e.dump() + "\n";
  return text;
}

}  // namespace

bool writeResults(aslrt_frame* f, const MapInfo& map, const Json& stateInput, const MapRunIds& ids,
                  const std::vector<ChildRun>& runs, Json* result) {
  WriterSpec spec;
  if (!resolveSpec(f, map, stateInput, &spec)) return false;
  if (!spec.toS3) {  // WriterConfig alone: the shaped results are the Map's result
    Json out = Json::array();
    for (const ChildRun& r : runs)
      if (r.ran) appendEntry(out, r, ids, spec.transformation);
    *result = std::move(out);
    return true;
  }
  Json succeeded = Json::array(), failed = Json::array();
  for (const ChildRun& r : runs)
    if (r.ran) appendEntry(r.ok ? succeeded : failed, r, ids, r.ok ? spec.transformation : "NONE");
  std::string dir = (spec.prefix.empty() ? "" : spec.prefix + (spec.prefix.back() == '/' ? "" : "/")) + ids.id + "/";
  // input-output-resultwriter.html names SUCCEEDED_0.json etc. for JSON; it does not say what
  // JSONL results are called (nor does any recorded case): ".jsonl" is a guess.
  std::string ext = spec.outputType == "JSONL" ? ".jsonl" : ".json";
  Json files = {{"FAILED", Json::array()}, {"PENDING", Json::array()}, {"SUCCEEDED", Json::array()}};
  const ObjectStore* store = f->exec->objects;
  std::string error;
  auto put = [&](const std::string& key, const std::string& body) {
    if (store && store->put(spec.bucket, key, body, &error)) return true;
    f->failure = {"States.ResultWriterFailed",
                  "Cannot write s3://" + spec.bucket + "/" + key + ": " + (store ? error : "no object store")};
    return false;
  };
  for (auto [status, entries] : {std::pair<const char*, Json*>{"SUCCEEDED", &succeeded}, {"FAILED", &failed}}) {
    if (entries->empty()) continue;
    std::string key = dir + status + "_0" + ext, body = serialize(*entries, spec.outputType);
    if (!put(key, body)) return false;
    files[status].push_back({{"Key", key}, {"Size", body.size()}});
  }
  Json manifest = {{"DestinationBucket", spec.bucket}, {"MapRunArn", ids.arn}, {"ResultFiles", files}};
  if (!put(dir + "manifest.json", manifest.dump())) return false;
  *result = {{"MapRunArn", ids.arn}, {"ResultWriterDetails", {{"Bucket", spec.bucket}, {"Key", dir + "manifest.json"}}}};
  return true;
}

}  // namespace aslrt
