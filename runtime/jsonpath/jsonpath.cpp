// The public JsonPath: root parsing ("$", "$$", "$name"), flavour checks and
// the select entry points.
#include "aslrt/jsonpath.h"

#include <algorithm>

#include "aslrt/member_lookup.h"

#include "map_item_path.h"
#include "path_eval.h"
#include "path_parser.h"

namespace aslrt {
namespace jp = jsonpath_detail;

namespace jsonpath_detail {

bool Segment::isDefinite(bool isLast) const {
  if (deep) return false;
  if (kind == SegmentKind::Property) return names.size() == 1 || isLast;
  return kind == SegmentKind::Index && indexes.size() == 1;
}

bool segmentsDefinite(const std::vector<Segment>& segments) {
  for (size_t i = 0; i < segments.size(); ++i) {
    if (!segments[i].isDefinite(i + 1 == segments.size())) return false;
  }
  return true;
}

namespace {
template <typename T>
std::string joined(const std::vector<T>& items, std::string (*show)(const T&)) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + show(items[i]);
  return out;
}
std::string showIndex(const int64_t& i) { return std::to_string(i); }

// Jayway escapes '\' and '\'' in names and keeps the quote the path used.
std::string quotedNames(const Segment& s) {
  std::string out;
  for (size_t i = 0; i < s.names.size(); ++i) {
    out += (i ? "," : "") + std::string(1, s.quote);
    for (char ch : s.names[i])
      out += (ch == '\\' || ch == '\'') ? std::string{'\\', ch} : std::string(1, ch);
    out += s.quote;
  }
  return out;
}

std::string renderOne(const Segment& s) {
  std::string prefix = s.deep ? ".." : "";
  switch (s.kind) {
    case SegmentKind::Property:
      return prefix + "[" + quotedNames(s) + "]";
    case SegmentKind::Index:
      return prefix + "[" + joined(s.indexes, showIndex) + "]";
    case SegmentKind::Wildcard:
      return prefix + "[*]";
    case SegmentKind::Filter:
      return prefix + "[?]";
    case SegmentKind::Slice:
      return prefix + "[" + (s.from ? std::to_string(*s.from) : "") + ":" +
             (s.to ? std::to_string(*s.to) : "") + "]";
  }
  return prefix;
}
}  // namespace

std::string renderSegments(const std::vector<Segment>& segments, size_t first, size_t last) {
  std::string out;
  for (size_t i = first; i < last && i < segments.size(); ++i) out += renderOne(segments[i]);
  return out;
}

}  // namespace jsonpath_detail

namespace {

bool isVariableChar(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_';
}

// "$name": the variable name becomes the first segment, so selecting from the
// variables object works like any other path.
bool parseRoot(jp::Cursor& c, jp::ParsedPath* p) {
  if (!c.eat('$')) return c.fail("a path must start with '$'");
  if (c.eat('$')) {
    p->root = jp::RootKind::Context;
    return true;
  }
  if (!isVariableChar(c.peek())) return true;
  p->root = jp::RootKind::Variables;
  while (isVariableChar(c.peek())) {
    p->variableName += c.peek();
    c.advance();
  }
  jp::Segment first;
  first.names.push_back(p->variableName);
  p->segments.push_back(std::move(first));
  return true;
}

bool checkReferencePath(const jp::ParsedPath& p, SyntaxError* error) {
  for (const auto& s : p.segments) {
    bool single = (s.kind == jp::SegmentKind::Property && s.names.size() == 1) ||
                  (s.kind == jp::SegmentKind::Index && s.indexes.size() == 1);
    if (single && !s.deep) continue;
    if (error) *error = SyntaxError{0, "a reference path must select a single node"};
    return false;
  }
  return true;
}

bool isPlainStep(const jp::Segment& s) {
  if (s.deep) return false;
  if (s.kind == jp::SegmentKind::Property) return s.names.size() == 1;
  if (s.kind == jp::SegmentKind::Index) return s.indexes.size() == 1 && s.indexes[0] >= 0;
  return false;
}

// Two plain steps that cannot select the same child: different names, or
// different indexes (a name never matches in an array, nor an index in an object).
bool stepsPart(const jp::Segment& a, const jp::Segment& b) {
  if (a.kind != b.kind) return true;
  return a.kind == jp::SegmentKind::Property ? a.names[0] != b.names[0] : a.indexes[0] != b.indexes[0];
}

}  // namespace

JsonPath::JsonPath(std::shared_ptr<const jp::ParsedPath> parsed)
    : parsed_(std::move(parsed)),
      context_(parsed_->root == jp::RootKind::Context),
      variables_(parsed_->root == jp::RootKind::Variables) {
  const auto& segs = parsed_->segments;
  plainChain_ = std::all_of(segs.begin(), segs.end(), isPlainStep);
  steps_ = segs.size();
  if (segs.size() == 1 && segs[0].kind == jp::SegmentKind::Property && !segs[0].deep && segs[0].names.size() == 1) {
    onlyMember_ = &segs[0].names[0];
    onlyMemberHint_ = &segs[0].lastFoundAt;
  }
  if (auto rel = jp::relativeToMapItem(*parsed_)) mapItemPath_.reset(new JsonPath(std::move(rel)));
}

std::optional<JsonPath> JsonPath::parse(std::string_view text, PathFlavor flavor,
                                        SyntaxError* error) {
  auto p = std::make_shared<jp::ParsedPath>();
  p->text = std::string(text);
  jp::Cursor c(text, error);
  if (!parseRoot(c, p.get()) || !jp::parseSegments(c, /*inFilter=*/false, &p->segments))
    return std::nullopt;
  if (flavor == PathFlavor::ReferencePath && !checkReferencePath(*p, error)) return std::nullopt;
  p->definite = jp::segmentsDefinite(p->segments);
  return JsonPath(std::move(p));
}

const std::string& JsonPath::text() const { return parsed_->text; }
bool JsonPath::isDefinite() const { return parsed_->definite; }
bool JsonPath::isRoot() const { return parsed_->segments.empty(); }
const std::string* JsonPath::singleMember() const { return context_ || variables_ ? nullptr : onlyMember_; }
const std::string& JsonPath::variableName() const { return parsed_->variableName; }
bool JsonPath::avoidsMapItem() const { return jp::avoidsMapItem(*parsed_); }

std::string JsonPath::canonical() const {
  std::string root = isContextPath() ? "$$" : "$";
  return root + jp::renderSegments(parsed_->segments, 0, parsed_->segments.size());
}

std::string JsonPath::invalidPathCause(const std::string& whyNot) const {
  return "Invalid path '" + text() + "' : " + whyNot;
}

std::optional<Json> JsonPath::select(const Json& root) const { return select(root, nullptr); }

Json* JsonPath::find(Json& root) const {
  if (!parsed_->definite) return nullptr;
  jp::Matches found;
  try {
    const Json* hit = jp::walkDefinite(*parsed_, root, &found, nullptr);
    if (!hit || !found.owned.empty()) return nullptr;
    return const_cast<Json*>(hit);  // a node of root, which the caller may write
  } catch (const std::exception&) {
    return nullptr;
  }
}

const Json* JsonPath::peekSteps(const Json& root) const {
  const Json* at = &root;
  for (const jp::Segment& s : parsed_->segments) {
    if (s.deep) return nullptr;
    if (s.kind == jp::SegmentKind::Property && s.names.size() == 1) {
      if (!at->is_object()) return nullptr;
      at = findMemberNear(*at, s.names[0], s.lastFoundAt);
      if (!at) return nullptr;
    } else if (s.kind == jp::SegmentKind::Index && s.indexes.size() == 1 && s.indexes[0] >= 0) {
      if (!at->is_array() || static_cast<uint64_t>(s.indexes[0]) >= at->size()) return nullptr;
      at = &(*at)[static_cast<size_t>(s.indexes[0])];
    } else {
      return nullptr;
    }
  }
  return at;
}

bool JsonPath::mayOverlap(const JsonPath& other) const {
  const jp::ParsedPath& a = *parsed_;
  const jp::ParsedPath& b = *other.parsed_;
  if (a.root != b.root) return false;
  if (!isPlainChain() || !other.isPlainChain()) return true;
  size_t common = std::min(a.segments.size(), b.segments.size());
  for (size_t i = 0; i < common; ++i)
    if (stepsPart(a.segments[i], b.segments[i])) return false;
  return true;  // one is a prefix of the other
}

uint64_t JsonPath::assignGrowthBound() const {
  // Per created level: quotes, colon, comma, braces and a key escaped at
  // worst six bytes per byte (\u00XX); indexes only replace elements.
  uint64_t n = 0;
  for (const jp::Segment& s : parsed_->segments)
    for (const std::string& name : s.names) n += 6 * name.size() + 8;
  return n + 8 * parsed_->segments.size();
}

std::optional<Json> JsonPath::select(const Json& root, std::string* whyNot) const {
  // Plain members and indexes that all match: a walk with no bookkeeping
  // (walkDefinite also explains misses and handles the other segment kinds).
  if (parsed_->definite)
    if (const Json* hit = peek(root)) return *hit;
  jp::Matches found;
  try {
    if (parsed_->definite) {
      const Json* hit = jp::walkDefinite(*parsed_, root, &found, whyNot);
      if (!hit) return std::nullopt;
      return *hit;
    }
    jp::collectAll(parsed_->segments, root, root, &found);
  } catch (const std::exception& e) {  // e.g. std::regex_error: nothing escapes the API
    if (whyNot) *whyNot = e.what();
    return std::nullopt;
  }
  Json all = Json::array();
  for (const Json* node : found.nodes) all.push_back(*node);
  return all;
}

}  // namespace aslrt
