// The parsed form of a JSONPath: a root and a list of segments, each applied
// to every node the previous segment produced (Jayway's token chain).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aslrt/json.h"

namespace aslrt::jsonpath_detail {

struct FilterExpr;

enum class SegmentKind { Property, Index, Wildcard, Slice, Filter };

struct Segment {
  SegmentKind kind = SegmentKind::Property;
  bool deep = false;               // preceded by ".." (Jayway's scan token)
  std::vector<std::string> names;  // Property: one name, or a union of names
  char quote = '\'';               // Property: the quote written (Jayway echoes it)
  std::vector<int64_t> indexes;    // Index: one index, or a union of indexes
  std::optional<int64_t> from;     // Slice bounds (Jayway slices have no step)
  std::optional<int64_t> to;
  std::shared_ptr<const FilterExpr> filter;
  // Property of one name: where JsonPath::peek last found it among its
  // object's members (findMemberNear). Only a hint: a state's path meets
  // objects of one shape again and again; peeks on other threads may race
  // on it (read and written relaxed).
  mutable uint32_t lastFoundAt = 0;

  // Jayway: a multi-name union at the end of a path merges into one object,
  // so it still counts as definite there.
  bool isDefinite(bool isLast) const;
};

enum class RootKind { Input, Context, Variables };

struct ParsedPath {
  std::string text;
  RootKind root = RootKind::Input;
  std::string variableName;  // RootKind::Variables: first segment's name
  std::vector<Segment> segments;
  bool definite = true;
};

bool segmentsDefinite(const std::vector<Segment>& segments);
// Jayway's rendering of segments [first, last): "['a'][0][*]..['b'][?]".
std::string renderSegments(const std::vector<Segment>& segments, size_t first, size_t last);

}  // namespace aslrt::jsonpath_detail
