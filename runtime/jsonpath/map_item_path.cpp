#include "map_item_path.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace aslrt::jsonpath_detail {
namespace {

constexpr std::array<std::string_view, 3> kItemValue = {"Map", "Item", "Value"};

bool plainName(const Segment& s) {
  return s.kind == SegmentKind::Property && !s.deep && s.names.size() == 1;
}

bool hasFilter(const std::vector<Segment>& segments, size_t from) {
  return std::any_of(segments.begin() + static_cast<std::ptrdiff_t>(from), segments.end(),
                     [](const Segment& s) { return s.kind == SegmentKind::Filter; });
}

// How many of the path's leading plain names follow Map, Item, Value.
size_t itemValueDepth(const ParsedPath& path) {
  size_t n = 0;
  while (n < kItemValue.size() && n < path.segments.size() && plainName(path.segments[n]) &&
         path.segments[n].names[0] == kItemValue[n])
    ++n;
  return n;
}

}  // namespace

std::shared_ptr<const ParsedPath> relativeToMapItem(const ParsedPath& path) {
  if (path.root != RootKind::Context || itemValueDepth(path) != kItemValue.size()) return nullptr;
  if (hasFilter(path.segments, kItemValue.size())) return nullptr;
  auto rel = std::make_shared<ParsedPath>();
  rel->segments.assign(path.segments.begin() + kItemValue.size(), path.segments.end());
  rel->text = "$" + renderSegments(rel->segments, 0, rel->segments.size());
  rel->definite = segmentsDefinite(rel->segments);
  return rel;
}

bool avoidsMapItem(const ParsedPath& path) {
  if (path.root != RootKind::Context || hasFilter(path.segments, 0)) return false;
  size_t n = itemValueDepth(path);
  // Diverged: the next segment is a plain name other than the branch's.
  return n < kItemValue.size() && n < path.segments.size() && plainName(path.segments[n]);
}

}  // namespace aslrt::jsonpath_detail
