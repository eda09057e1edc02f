#include "object_store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aslrt/json.h"
#include "json_file.h"

namespace aslrt {

bool ObjectStore::loadFixture(const std::string& path, std::string* error) {
  std::optional<Json> doc = readJsonFile(path, "resources file", error);
  if (!doc) return false;
  const Json& j = *doc;
  if (!j.is_object() || !j.value("S3", Json::array()).is_array()) {
    *error = "resources file '" + path + "' must be {\"S3\": [{\"Bucket\", \"Key\", \"Body\"}, ...]}";
    return false;
  }
  for (const Json& o : j.value("S3", Json::array())) {
    if (!o.is_object() || !o.value("Bucket", Json()).is_string() || !o.value("Key", Json()).is_string()) {
      *error = "resources file '" + path + "': every S3 object needs string Bucket and Key";
      return false;
    }
    const Json& body = o.value("Body", Json(""));
    objects_[{o["Bucket"].get<std::string>(), o["Key"].get<std::string>()}] =
        body.is_string() ? body.get<std::string>() : body.dump();
  }
  return true;
}

namespace {

bool hasParentPart(const std::string& name) {
  for (size_t start = 0; start <= name.size();) {
    size_t end = std::min(name.find('/', start), name.size());
    if (name.compare(start, end - start, "..") == 0) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> ObjectStore::fileOf(const std::string& bucket, const std::string& key) const {
  if (root_.empty() || bucket.empty() || bucket == "." || bucket.find('/') != std::string::npos ||
      hasParentPart(bucket) || hasParentPart(key))
    return std::nullopt;
  return root_ + "/" + bucket + "/" + key;
}

std::optional<std::string> ObjectStore::get(const std::string& bucket, const std::string& key) const {
  auto it = objects_.find({bucket, key});
  if (it != objects_.end()) return it->second;
  std::optional<std::string> file = fileOf(bucket, key);
  if (!file) return std::nullopt;
  std::ifstream in(*file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool ObjectStore::put(const std::string& bucket, const std::string& key, const std::string& body,
                      std::string* error) const {
  if (root_.empty()) return *error = "results are written under --s3-root DIR, and none was given", false;
  std::optional<std::string> file = fileOf(bucket, key);
  if (!file) return *error = "the bucket or key would leave --s3-root", false;
  std::filesystem::path path(*file);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << body;
  if (!out) return *error = "cannot write " + path.string(), false;
  return true;
}

}  // namespace aslrt
