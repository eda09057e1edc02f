// ResultPath: write a value at a reference path, creating missing objects on
// the way ("ResultPath": "$.a.b" on {} gives {"a":{"b":...}}). AWS refuses to
// descend into a non-object or to index outside an array; its cause reads
// "Unable to apply ReferencePath <path> to input <compact input JSON>".
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
#include "aslrt/jsonpath.h"
#include "java_string.h"
#include "path_ast.h"

namespace aslrt {
namespace jp = jsonpath_detail;

namespace {

// Where a read-only walk stops: the segment index at which the rest of the
// path must be created (segments.size() if the whole path exists).
// Returns false when the path cannot be applied at all.
bool checkAssignable(const std::vector<jp::Segment>& segs, const Json& target) {
  const Json* cur = &target;
  for (size_t i = 0; i < segs.size(); ++i) {
    const jp::Segment& s = segs[i];
    if (s.kind == jp::SegmentKind::Property) {
      if (!cur->is_object()) return false;
      auto it = cur->find(s.names.front());
      if (it == cur->end()) {  // the rest is created: only names can follow
        for (size_t k = i + 1; k < segs.size(); ++k)
          if (segs[k].kind != jp::SegmentKind::Property) return false;
        return true;
      }
      cur = &*it;
      continue;
    }
    if (!cur->is_array()) return false;
    int64_t idx = s.indexes.front();
    int64_t eff = idx < 0 ? static_cast<int64_t>(cur->size()) + idx : idx;
    if (eff < 0 || eff >= static_cast<int64_t>(cur->size())) return false;
    cur = &(*cur)[static_cast<size_t>(eff)];
  }
  return true;
}

Json* step(Json* cur, const jp::Segment& s) {
  if (s.kind == jp::SegmentKind::Property) {
    auto it = cur->find(s.names.front());
    if (it != cur->end()) return &*it;
    return &((*cur)[s.names.front()] = Json::object());
  }
  int64_t idx = s.indexes.front();
  int64_t eff = idx < 0 ? static_cast<int64_t>(cur->size()) + idx : idx;
  return &(*cur)[static_cast<size_t>(eff)];
}

}  // namespace

bool JsonPath::assign(Json& target, Json value, std::string* whyNot) const {
  // "$.name" into an object (most ResultPaths): the member set directly.
  if (onlyMember_ && !context_ && !variables_ && target.is_object()) {
    setMember(target.get_ref<Json::object_t&>(), *onlyMember_, std::move(value));
    return true;
  }
  try {
    return assignOrThrow(target, std::move(value), whyNot);
  } catch (const std::exception& e) {  // nothing escapes the API
    if (whyNot) *whyNot = e.what();
    return false;
  }
}

bool JsonPath::assignOrThrow(Json& target, Json value, std::string* whyNot) const {
  const auto& segs = parsed_->segments;
  bool simple = !isContextPath() && !isVariablePath() && isDefinite();
  for (const auto& s : segs)
    simple = simple && (s.kind != jp::SegmentKind::Property || s.names.size() == 1);
  if (!simple || !checkAssignable(segs, target)) {
    if (whyNot)
      *whyNot = "Unable to apply ReferencePath " + text() + " to input " +
                jsonpath_detail::javaJsonDump(target);
    return false;
  }
  if (segs.empty()) {
    target = std::move(value);
    return true;
  }
  Json* cur = &target;
  for (size_t i = 0; i + 1 < segs.size(); ++i) cur = step(cur, segs[i]);
  *step(cur, segs.back()) = std::move(value);
  return true;
}

}  // namespace aslrt
