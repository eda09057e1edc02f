// What a JSONPath payload template or a JSONata value reads, found from its
// text. The scans are conservative: anything they cannot classify marks the
// value as not foldable, so a miss can only leave work for run time.
#pragma once
#include <set>
#include <string>
#include <string_view>

#include "aslrt/json.h"

namespace aslc::ir::passes {

struct References {
  bool opaque = false;          // reads something never known at compile time
  bool input = false;           // JSONPath: "$..."; JSONata: $states.input
  bool result = false;          // JSONata: $states.result
  std::set<std::string> variables;  // workflow variables read
};

// A path or intrinsic call ("$.a", "$$.Execution.Id", "$x.y", "States.Format('{}', $.a)").
void scanPathText(std::string_view text, References& refs);
// Every "*.$" value of a payload template, at any depth.
References scanTemplate(const aslrt::Json& tmpl);
// Every "{% %}" expression in a JSONata-valued field, at any depth. A JSONata
// function name counts as a variable read when the module assigns a variable of
// that name (`assignedNames`), since the variable would shadow the function.
References scanJsonata(const aslrt::Json& value, const std::set<std::string>& assignedNames);

// Whether a payload-template key names a path or intrinsic ("k.$").
bool endsWithDollar(const std::string& key);

// Whether a folded value placed back into a template would be read as a
// template again (a "*.$" key, or a "{% %}" string in JSONata).
bool looksLikeTemplate(const aslrt::Json& value, bool jsonata);

}  // namespace aslc::ir::passes
