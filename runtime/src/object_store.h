// Local stand-in for S3 as ItemReader and ResultWriter see it: a --resources fixture
// ({"S3": [{"Bucket", "Key", "Body"}]}) or a directory (--s3-root DIR, where
// bucket B, key K is the file DIR/B/K).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace aslrt {

class ObjectStore {
 public:
  bool loadFixture(const std::string& path, std::string* error);
  void setRoot(std::string dir) { root_ = std::move(dir); }
  std::optional<std::string> get(const std::string& bucket, const std::string& key) const;
  // Writes DIR/bucket/key (ResultWriter), creating folders; only under --s3-root.
  bool put(const std::string& bucket, const std::string& key, const std::string& body, std::string* error) const;

 private:
  // root/bucket/key, or nullopt when there is no root or the names would
  // leave it: a bucket with '/' or a ".." part, a key with a ".." part (a key
  // may start with '/': "root/bucket//key" stays inside).
  std::optional<std::string> fileOf(const std::string& bucket, const std::string& key) const;

  std::map<std::pair<std::string, std::string>, std::string> objects_;
  std::string root_;
};

}  // namespace aslrt
