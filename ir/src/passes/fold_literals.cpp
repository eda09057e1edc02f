// fold-literals: inside payload templates and JSONata-valued fields, a part
// that reads nothing (an intrinsic call over literals such as
// "States.Format('{}-{}', 'a', 1)", a JSONata member such as "{% 1 + 2 %}")
// is evaluated now, by the runtime's own evaluators, and written back as a
// literal. What reads the input, variables, the context object, time or
// randomness, and anything that fails, is left alone (const-prop folds whole
// values once the inputs are known). A value that would read as a template
// again (a "*.$" key, a "{% %}" string) is not written back. Requires: nothing.
#include <random>

#include "aslc/ir/passes.h"
#include "aslrt/intrinsics.h"
#include "const_eval.h"
#include "jsonata_template.h"
#include "reference_scan.h"

namespace aslc::ir::passes {
namespace {

using aslrt::Json;

bool readsNothing(const References& refs) { return !refs.opaque && !refs.input && !refs.result && refs.variables.empty(); }

std::optional<Json> evaluateCall(const std::string& text, const std::string& key) {
  References refs;
  scanPathText(text, refs);
  if (!aslrt::IntrinsicCall::looksLikeCall(text) || !readsNothing(refs)) return std::nullopt;
  aslrt::SyntaxError syntax;
  std::optional<aslrt::IntrinsicCall> call = aslrt::IntrinsicCall::parse(text, &syntax);
  if (!call) return std::nullopt;
  Json none = Json::object();
  std::mt19937_64 rng;
  aslrt::EvalContext ctx{&none, &none, &none, &rng};
  aslrt::Failure failure;
  std::optional<Json> v = call->evaluate(ctx, key, &failure);
  if (!v || !foldable(*v) || looksLikeTemplate(*v, false)) return std::nullopt;
  return v;
}

// Rewrites "key.$": "<literal call>" as "key": <value>, at any depth.
void foldTemplate(Json& node) {
  if (node.is_array())
    for (Json& e : node) foldTemplate(e);
  if (!node.is_object()) return;
  Json out = Json::object();
  for (auto& [key, v] : node.items()) {
    bool dynamic = key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0;
    std::optional<Json> folded = dynamic && v.is_string() ? evaluateCall(v.get<std::string>(), key) : std::nullopt;
    if (folded) out[key.substr(0, key.size() - 2)] = std::move(*folded);
    else if (dynamic) out[key] = v;
    else out[key] = v, foldTemplate(out[key]);
  }
  node = std::move(out);
}

std::optional<Json> evaluateJsonata(const Json& value, const std::string& field) {
  if (!readsNothing(scanJsonata(value, {}))) return std::nullopt;
  std::mt19937_64 rng;
  std::string error;
  std::optional<aslrt::JsonataTemplate> t = aslrt::JsonataTemplate::compile(value, field, &rng, &error);
  if (!t) return std::nullopt;
  aslrt::Failure failure;
  std::optional<Json> v = t->evaluate(Json{{"states", {{"input", nullptr}}}}, &failure);
  if (!v || !foldable(*v) || looksLikeTemplate(*v, true)) return std::nullopt;
  return v;
}

// Folds the expression members of a JSONata object/array. A whole-field
// expression is left as written: its text appears in run-time causes
// (e.g. Map Items of the wrong type), and const-prop folds its value.
void foldJsonataMembers(Json& node, const std::set<std::string>& shadowing) {
  if (!node.is_object() && !node.is_array()) return;
  for (Json& member : node) {
    if (member.is_string() && aslrt::jsonataExpressionText(member.get<std::string>())) {
      if (!readsNothing(scanJsonata(member, shadowing))) continue;
      if (std::optional<Json> v = evaluateJsonata(member, "")) member = std::move(*v);
    } else {
      foldJsonataMembers(member, shadowing);
    }
  }
}

}  // namespace

void foldLiterals(Module& m) {
  for (Json& tmpl : m.templates) foldTemplate(tmpl);
  ConstEval eval(m);
  std::set<std::string> shadowing(eval.assignedNames().begin(), eval.assignedNames().end());
  for (JsonataSpec& spec : m.jsonata) foldJsonataMembers(spec.value, shadowing);
}

}  // namespace aslc::ir::passes
