// Jayway's evaluation model: each segment maps every current node to zero or
// more nodes. In indefinite paths anything missing or of the wrong type is
// silently skipped; in definite paths it is an error with Jayway's wording.
#include "path_eval.h"

#include "filter.h"
#include "java_string.h"

namespace aslrt::jsonpath_detail {
namespace {

struct Walk {
  const std::vector<Segment>& segs;
  const Json& root;
  Matches* out;
};

void applyFrom(Walk& w, size_t i, const Json& node);

int64_t effectiveIndex(int64_t index, size_t length) {
  return index < 0 ? static_cast<int64_t>(length) + index : index;
}

void applyIndex(Walk& w, size_t i, const Json& node, int64_t index) {
  int64_t eff = effectiveIndex(index, node.size());
  if (eff >= 0 && eff < static_cast<int64_t>(node.size())) applyFrom(w, i + 1, node[eff]);
}

// Jayway's three slice forms; [from:to] does not normalise a negative `from`
// (each index is wrapped on access instead), which we reproduce.
void applySlice(Walk& w, size_t i, const Json& node) {
  const Segment& s = w.segs[i];
  int64_t len = static_cast<int64_t>(node.size());
  if (len == 0) return;
  int64_t from = 0, to = len;
  if (s.from && !s.to) from = *s.from < 0 ? std::max<int64_t>(0, len + *s.from) : *s.from;
  if (!s.from && s.to) to = std::min(len, *s.to < 0 ? len + *s.to : *s.to);
  if (s.from && s.to) from = *s.from, to = std::min(len, *s.to);
  for (int64_t k = from; k < to; ++k) applyIndex(w, i, node, k);
}

void applyProperty(Walk& w, size_t i, const Json& node) {
  const Segment& s = w.segs[i];
  if (!node.is_object()) return;
  if (s.names.size() > 1 && i + 1 == w.segs.size()) {
    Json merged = Json::object();
    for (const auto& name : s.names) {
      if (auto it = node.find(name); it != node.end()) merged[name] = *it;
    }
    w.out->owned.push_back(std::move(merged));
    w.out->nodes.push_back(&w.out->owned.back());
    return;
  }
  for (const auto& name : s.names) {
    if (auto it = node.find(name); it != node.end()) applyFrom(w, i + 1, *it);
  }
}

void applyFilter(Walk& w, size_t i, const Json& node) {
  const FilterExpr& f = *w.segs[i].filter;
  if (node.is_object()) {
    if (evalFilter(f, node, w.root)) applyFrom(w, i + 1, node);
    return;
  }
  if (!node.is_array()) return;
  for (const auto& item : node) {
    if (evalFilter(f, item, w.root)) applyFrom(w, i + 1, item);
  }
}

void applySegment(Walk& w, size_t i, const Json& node) {
  const Segment& s = w.segs[i];
  switch (s.kind) {
    case SegmentKind::Property:
      return applyProperty(w, i, node);
    case SegmentKind::Index:
      if (!node.is_array()) return;
      for (int64_t index : s.indexes) applyIndex(w, i, node, index);
      return;
    case SegmentKind::Wildcard:
      if (!node.is_structured()) return;
      for (const auto& child : node) applyFrom(w, i + 1, child);
      return;
    case SegmentKind::Slice:
      if (node.is_array()) applySlice(w, i, node);
      return;
    case SegmentKind::Filter:
      return applyFilter(w, i, node);
  }
}

// Jayway's scan: the segment is tried on a container before its descendants.
// A filter under ".." only tests objects themselves. Jayway's quirk for an
// index or slice that is not last ("$..[0].x"): on every array it applies the
// rest of the path to all elements, ignoring the index (ScanPathToken.walkArray).
void scan(Walk& w, size_t i, const Json& node) {
  if (!node.is_structured()) return;
  SegmentKind kind = w.segs[i].kind;
  bool arrayToken = kind == SegmentKind::Index || kind == SegmentKind::Slice;
  if (node.is_array() && arrayToken && i + 1 < w.segs.size()) {
    for (const auto& child : node) applyFrom(w, i + 1, child);
  } else if (!(kind == SegmentKind::Filter && node.is_array())) {
    applySegment(w, i, node);
  }
  for (const auto& child : node) scan(w, i, child);
}

void applyFrom(Walk& w, size_t i, const Json& node) {
  if (i == w.segs.size()) {
    w.out->nodes.push_back(&node);
    return;
  }
  if (w.segs[i].deep) return scan(w, i, node);
  applySegment(w, i, node);
}

std::string jaywayProvider() { return "com.jayway.jsonpath.spi.json.JacksonJsonProvider"; }

// Where the definite walk is: the segment index, and why it stopped.
struct DefiniteStep {
  const ParsedPath& path;
  size_t index;
  std::string why;
};

// Jayway's "evalPath" through segment `end` (exclusive): names unescaped in
// single quotes, unlike the escaped canonical form. Built only for a cause,
// never on the way to a match.
std::string evalPath(const ParsedPath& path, size_t end) {
  std::string out = "$";
  for (size_t i = 0; i < end; ++i) {
    const Segment& s = path.segments[i];
    if (s.kind == SegmentKind::Property) out += "['" + s.names.front() + "']";
    else out += "[" + std::to_string(s.indexes.front()) + "]";
  }
  return out;
}

const Json* definiteProperty(DefiniteStep& st, const Json& cur, Matches* scratch) {
  const Segment& s = st.path.segments[st.index];
  if (!cur.is_object()) {
    st.why = "Expected to find an object with property " +
             renderSegments(st.path.segments, st.index, st.index + 1) + " in path " + evalPath(st.path, st.index) +
             " but found '" + javaClassName(cur) +
             "'. This is not a json object according to the JsonProvider: '" + jaywayProvider() +
             "'.";
    return nullptr;
  }
  if (s.names.size() > 1) {  // trailing union: Jayway merges it into one object
    Matches one;
    Walk w{st.path.segments, cur, &one};
    applyProperty(w, st.index, cur);
    scratch->owned.push_back(*one.nodes.front());
    return &scratch->owned.back();
  }
  auto it = cur.find(s.names.front());
  if (it != cur.end()) return &*it;
  if (st.index + 1 < st.path.segments.size())
    st.why = "Missing property in path " + evalPath(st.path, st.index + 1);
  return nullptr;
}

// Jayway prints the token with the rest of the path after it ("[0]['b']").
const Json* definiteIndex(DefiniteStep& st, const Json& cur) {
  const Segment& s = st.path.segments[st.index];
  if (cur.is_null()) {
    st.why = "The path " + evalPath(st.path, st.index) + " is null";
    return nullptr;
  }
  if (!cur.is_array()) {
    st.why = "Filter: " + renderSegments(st.path.segments, st.index, st.path.segments.size()) +
             " can only be applied to arrays. Current context is: " + javaToString(cur);
    return nullptr;
  }
  int64_t eff = effectiveIndex(s.indexes.front(), cur.size());
  if (eff < 0 || eff >= static_cast<int64_t>(cur.size())) return nullptr;
  return &cur[eff];
}

}  // namespace

void collectAll(const std::vector<Segment>& segments, const Json& start, const Json& root,
                Matches* out) {
  Walk w{segments, root, out};
  applyFrom(w, 0, start);
}

const Json* walkDefinite(const ParsedPath& path, const Json& root, Matches* scratch,
                         std::string* whyNot) {
  const Json* cur = &root;
  DefiniteStep st{path, 0, ""};
  for (; st.index < path.segments.size() && cur; ++st.index) {
    if (path.segments[st.index].kind == SegmentKind::Property)
      cur = definiteProperty(st, *cur, scratch);
    else
      cur = definiteIndex(st, *cur);
  }
  if (!cur && whyNot) {
    *whyNot = st.why.empty() ? "No results for path: $" +
                                   renderSegments(path.segments, 0, path.segments.size())
                             : st.why;
  }
  return cur;
}

}  // namespace aslrt::jsonpath_detail
