#include "object_store.h"

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

std::optional<std::string> ObjectStore::get(const std::string& bucket, const std::string& key) const {
  auto it = objects_.find({bucket, key});
  if (it != objects_.end()) return it->second;
  if (root_.empty() || bucket.find("..") != std::string::npos || key.find("..") != std::string::npos)
    return std::nullopt;
  std::ifstream in(root_ + "/" + bucket + "/" + key, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool ObjectStore::put(const std::string& bucket, const std::string& key, const std::string& body,
                      std::string* error) const {
  if (root_.empty()) return *error = "results are written under --s3-root DIR, and none was given", false;
  if (bucket.empty() || bucket.find("..") != std::string::npos || key.find("..") != std::string::npos)
    return *error = "the bucket or key is not a safe file name", false;
  std::filesystem::path path = std::filesystem::path(root_) / bucket / key;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << body;
  if (!out) return *error = "cannot write " + path.string(), false;
  return true;
}

}  // namespace aslrt
