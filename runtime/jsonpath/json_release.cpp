#include "aslrt/json_release.h"

namespace aslrt {
namespace {

// Deep enough for any real payload; a frame of releaseTree is a few words.
constexpr int kMaxDepth = 64;

// Empties the children first, so that destroying each one finds nothing
// below it to move onto the destructor's stack.
void releaseTree(Json& v, int depth) {
  if (v.is_array()) {
    Json::array_t& items = v.get_ref<Json::array_t&>();
    if (depth < kMaxDepth)
      for (Json& item : items) releaseTree(item, depth + 1);
    items.clear();
  } else if (v.is_object()) {
    Json::object_t& members = v.get_ref<Json::object_t&>();
    if (depth < kMaxDepth)
      for (auto& member : members) releaseTree(member.second, depth + 1);
    members.clear();
  }
}

}  // namespace

void release(Json& v) {
  releaseTree(v, 0);
  v = nullptr;
}

}  // namespace aslrt
