// The fields of the reserved variable $states and where each one exists
// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html,
// "Reserved variable: $states"): input and context everywhere; result in the
// Output and Assign of a Task, Map or Parallel; errorOutput only in a
// catcher's Output and Assign. AWS refuses a definition that reads
// $states.errorOutput anywhere else (measured with
// ValidateStateMachineDefinition, floci-io/floci#2745); other misplaced reads
// are accepted and find nothing at run time, so they are warnings.
#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

struct Place {
  bool inCatcher = false;  // Catch/N/Output or Catch/N/Assign
  bool resultField = false;
};

Place placeOf(const StateCtx& s, const std::string& relative) {
  Place p;
  auto starts = [&](const char* prefix) { return relative.rfind(prefix, 0) == 0; };
  if (starts("Catch/")) {
    size_t slash = relative.find('/', 6);
    std::string field = slash == std::string::npos ? "" : relative.substr(slash + 1);
    p.inCatcher = field.rfind("Output", 0) == 0 || field.rfind("Assign", 0) == 0;
    return p;
  }
  bool resultState = s.type & (kTask | kMap | kParallel);
  p.resultField = resultState && (starts("Output") || starts("Assign"));
  return p;
}

void checkField(StateCtx& s, const JNode& value, const std::string& pointer, const Place& place,
                std::string_view field, size_t at) {
  uint32_t offset = offsetInString(value, at + 2);
  std::string name = "'$states." + std::string(field) + "'";
  if (field == "input" || field == "context") return;
  if (field == "errorOutput") {
    if (!place.inCatcher)
      s.ck.error(offset, "states-field-placement",
                 name + " exists only in the Output and Assign of a Catch rule", pointer);
    return;
  }
  if (field == "result") {
    if (!place.resultField)
      s.ck.warning(offset, "states-field-placement",
                   name + " exists only in the Output and Assign of a Task, Map or Parallel "
                          "state (not in a Catch rule, where the error is $states.errorOutput); "
                          "here it reads nothing at run time",
                   pointer);
    return;
  }
  s.ck.warning(offset, "states-field-unknown",
               name + " is not a field of $states (input, result, errorOutput, context); it "
                      "reads nothing at run time",
               pointer);
}

// Finds `$states.name` steps; `$states` rebound by the expression is skipped.
void visit(StateCtx& s, const JxNode& n, const JNode& value, const std::string& pointer,
           const Place& place) {
  using K = JxNode::Kind;
  if (n.kind == K::Binary && n.text == "." && n.kids.size() == 2 &&
      n.kids[0].kind == K::Variable && n.kids[0].text == "states" && n.kids[1].kind == K::Name)
    checkField(s, value, pointer, place, n.kids[1].text, n.kids[1].at);
  for (const JxNode& k : n.kids) visit(s, k, value, pointer, place);
}

}  // namespace

void checkStatesFields(StateCtx& s) {
  forEachStateExpression(s.node(), s.pointer, [&](const JNode& v, const std::string& relative,
                                                  const std::string& pointer) {
    std::string_view text(v.str());
    std::optional<JxParse> parsed = parseForAnalysis(text.substr(2, text.size() - 4));
    if (!parsed || jsonataBoundNames(parsed->root).count("states")) return;
    visit(s, parsed->root, v, pointer, placeOf(s, relative));
  });
}

}  // namespace aslc::validate_detail
