// The order in which a java.util.HashMap<String, ...> iterates its keys. AWS
// builds some objects through one, and their members come out in this order
// rather than as written (recorded, the only place it is visible):
//   - a JSONPath template's ".$" fields follow its literal fields in this
//     order of their names (".$" removed): map_state_item_selector,
//     base.query_context_object_values, context_object.result_selector,
//     reference_in_map_state, map_state_legacy_reentrant;
//   - States.JsonMerge's result (json_merge, json_merge_escaped_argument);
//   - a CSV row read by an ItemReader (map_item_reader_csv_first_row_extra_fields).
// The model: String.hashCode over UTF-16 units, spread by h ^ (h >>> 16), the
// bucket its low bits in a table of 16 doubling while the keys exceed three
// quarters of it; a bucket keeps insertion order (a resize preserves it).
// Not modelled: a bucket of 8+ colliding keys in a table of 64+ becomes a tree.
#pragma once
#include <cstdint>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "aslrt/utf16_order.h"

namespace aslrt {

// String.hashCode of UTF-8 text (bytes that are no UTF-8 count one unit each).
inline uint32_t javaStringHash(std::string_view text) {
  uint32_t h = 0;
  for (size_t i = 0; i < text.size();) {
    int64_t cp = utf16_detail::codePointAt(text, i);
    if (cp < 0) {
      h = 31 * h + static_cast<unsigned char>(text[i++]);
      continue;
    }
    i += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp < 0x10000) {
      h = 31 * h + static_cast<uint32_t>(cp);
    } else {
      h = 31 * h + static_cast<uint32_t>(0xD800 + ((cp - 0x10000) >> 10));
      h = 31 * h + static_cast<uint32_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  return h;
}

// The table size of a HashMap holding `count` keys.
inline size_t javaHashCapacity(size_t count) {
  size_t capacity = 16;
  while (count * 4 > capacity * 3) capacity *= 2;
  return capacity;
}

// A key's bucket in a table of `capacity` (javaHashCapacity).
inline uint32_t javaHashBucket(std::string_view key, size_t capacity) {
  uint32_t h = javaStringHash(key);
  return (h ^ (h >> 16)) & static_cast<uint32_t>(capacity - 1);
}

// Puts `items` (in insertion order) in iteration order, given each one's
// bucket. A stable insertion sort: templates and merged objects have a
// handful of keys, and std::stable_sort would allocate a buffer for each
// (pass-chain-1000 starts with 1,000 templates).
template <class Item, class BucketOf>
void sortIntoHashOrder(std::vector<Item>& items, BucketOf bucketOf) {
  for (size_t i = 1; i < items.size(); ++i) {
    Item moving = std::move(items[i]);
    uint32_t bucket = bucketOf(moving);
    size_t j = i;
    for (; j > 0 && bucketOf(items[j - 1]) > bucket; --j) items[j] = std::move(items[j - 1]);
    items[j] = std::move(moving);
  }
}

// The positions of `keys` (distinct, in insertion order) in iteration order.
template <class Keys>
std::vector<uint32_t> javaHashMapOrder(const Keys& keys) {
  size_t capacity = javaHashCapacity(keys.size());
  std::vector<uint32_t> order(keys.size()), bucket(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    bucket[i] = javaHashBucket(keys[i], capacity);
    order[i] = i;
  }
  sortIntoHashOrder(order, [&](uint32_t i) { return bucket[i]; });
  return order;
}

}  // namespace aslrt
