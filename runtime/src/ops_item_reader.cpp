// Map's ItemReader: resolve the object (Parameters/Arguments give Bucket and
// Key), its MaxItems, and parse it into the Map's items.
#include <cmath>

#include "aslrt/cli_args.h"
#include "aslrt/member_lookup.h"
#include "execution.h"
#include "item_reader.h"

using aslrt::Json;

std::optional<Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input);

namespace {

bool readerLocation(aslrt_frame* f, const aslrt::ReaderInfo& r, const Json& input, Json* location) {
  std::optional<Json> v = Json::object();
  if (r.parameters) v = f->render(f->exec->program.templates[*r.parameters], input, "ItemReader.Parameters",
                                  f->exec->program.templateContextUse[*r.parameters]);
  else if (r.arguments) v = f->evalJsonata(*r.arguments, input);
  if (!v) return false;
  *location = std::move(*v);
  return true;
}

bool readerMaxItems(aslrt_frame* f, const aslrt::ReaderInfo& r, const Json& input, int64_t* out) {
  std::optional<Json> v;
  if (r.config.is_object() && r.config.contains("MaxItems")) v = r.config["MaxItems"];
  if (r.maxItemsPath) v = aslrt_select(f, f->exec->program.paths[*r.maxItemsPath], input);
  if (r.maxItemsJsonata && !(v = f->evalJsonata(*r.maxItemsJsonata, input))) return false;
  *out = 0;
  if (!v) return true;
  // An integer written as a string is taken too (recorded: MaxItemsPath -> "2").
  if (v->is_string())
    if (std::optional<long long> n = aslrt::parseInteger(v->get<std::string>())) v = Json(*n);
  if (!v->is_number() || std::floor(v->get<double>()) != v->get<double>())
    return f->raise("States.Runtime", "The MaxItems field must be an integer, but was: " + v->dump()), false;
  // A whole number beyond a long's range is past any item count: no limit.
  *out = aslrt::wholeInt64(*v).value_or(v->get<double>() > 0 ? INT64_MAX : INT64_MIN);
  return true;
}

// A reader aslc cannot run yet ends the execution as not implemented (exit 3).
bool unsupportedReader(aslrt_frame* f, const std::string& why) {
  f->exec->unsupported = why;
  f->failure = {"States.Runtime", why};
  return false;
}

}  // namespace

bool aslrt_read_items(aslrt_frame* f, const aslrt::ReaderInfo& r, const Json& input, Json* items) {
  // (listObjectsV2 and the S3 inventory manifests need a listing of the bucket)
  if (!r.resource.ends_with("s3:getObject"))
    return unsupportedReader(f, "the ItemReader resource '" + r.resource + "' is not implemented yet (only s3:getObject is)");
  const Json* type = r.config.is_object() && r.config.contains("InputType") ? &r.config["InputType"] : nullptr;
  if (type && type->is_string() && (*type == "MANIFEST" || *type == "PARQUET"))
    return unsupportedReader(f, "the ItemReader InputType '" + type->get<std::string>() +
                                    "' is not implemented yet (CSV, JSON and JSONL are)");
  Json location;
  int64_t maxItems = 0;
  if (!readerLocation(f, r, input, &location) || !readerMaxItems(f, r, input, &maxItems)) return false;
  const Json* bucketField = location.is_object() ? aslrt::findMember(location, "Bucket") : nullptr;
  const Json* keyField = location.is_object() ? aslrt::findMember(location, "Key") : nullptr;
  if (!bucketField || !bucketField->is_string() || !keyField || !keyField->is_string()) {
    f->failure = {"States.ItemReaderFailed",
                  "The ItemReader needs a string Bucket and a string Key, but got: " + location.dump()};
    return false;
  }
  const std::string &bucket = bucketField->get_ref<const std::string&>(), &key = keyField->get_ref<const std::string&>();
  std::optional<std::string> body = f->exec->objects ? f->exec->objects->get(bucket, key) : std::nullopt;
  if (!body) {
    f->failure = {"States.ItemReaderFailed", "The object s3://" + bucket + "/" + key +
                                                 " was not found (give it with --resources FILE or --s3-root DIR)"};
    return false;
  }
  aslrt::Failure failure;
  std::optional<Json> parsed = aslrt::parseItems(*body, r.config, maxItems, &failure);
  if (!parsed) {
    f->failure = failure;
    return false;
  }
  *items = std::move(*parsed);
  return true;
}
