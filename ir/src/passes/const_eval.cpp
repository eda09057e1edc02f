#include "const_eval.h"

#include <random>

#include "aslrt/choice_ops.h"
#include "aslrt/jsonpath.h"
#include "aslrt/payload_template.h"
#include "jsonata_template.h"
#include "reference_scan.h"

namespace aslc::ir::passes {

using aslrt::Json;

bool foldable(const Json& v) { return v.dump().size() <= kMaxFoldedBytes; }

// Parsed forms, built on first use, exactly as the runtime builds them at start-up.
struct ConstEval::Caches {
  std::map<uint32_t, std::optional<aslrt::JsonPath>> paths;
  std::map<uint32_t, std::optional<aslrt::PayloadTemplate>> templates;
  std::map<uint32_t, std::optional<aslrt::JsonataTemplate>> jsonata;
  std::mt19937_64 rng;  // never drawn from: random functions are never folded
};

namespace {

void collectAssignedNames(const Module& m, std::vector<std::string>& out) {
  for (const AssignSpec& a : m.assigns) {
    const Json& value = a.jsonata ? m.jsonata[a.index].value : m.templates[a.index];
    if (!value.is_object()) continue;
    for (auto& [key, v] : value.items())
      out.push_back(!a.jsonata && key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0
                        ? key.substr(0, key.size() - 2) : key);
  }
}

// The variables object a template or expression sees: only the names it reads,
// which the caller has checked are all known.
Json variablesObject(const std::set<std::string>& names, const Env& env) {
  Json vars = Json::object();
  for (const std::string& n : names) vars[n] = env.known.at(n);
  return vars;
}

bool allKnown(const std::set<std::string>& names, const Env& env) {
  for (const std::string& n : names)
    if (!env.known.count(n)) return false;
  return true;
}

}  // namespace

ConstEval::ConstEval(const Module& module) : m_(module), caches_(std::make_unique<Caches>()) {
  collectAssignedNames(module, assignedNames_);
}
ConstEval::~ConstEval() = default;

Value ConstEval::select(uint32_t pathId, const Value& input, const Env& env) {
  auto [it, fresh] = caches_->paths.try_emplace(pathId);
  if (fresh) {
    aslrt::SyntaxError error;
    it->second = aslrt::JsonPath::parse(m_.paths[pathId], aslrt::PathFlavor::Path, &error);
  }
  const std::optional<aslrt::JsonPath>& path = it->second;
  if (!path || path->isContextPath()) return std::nullopt;
  if (path->isVariablePath()) {
    auto var = env.known.find(path->variableName());
    if (var == env.known.end()) return std::nullopt;
    return path->select(Json{{var->first, var->second}});
  }
  if (!input) return std::nullopt;
  return path->select(*input);  // nullopt (no match) raises States.Runtime at run time: not folded
}

Value ConstEval::render(uint32_t tmplId, const Value& input, const Env& env, const char* field) {
  const Json& text = m_.templates[tmplId];
  References refs = scanTemplate(text);
  if (refs.opaque || (refs.input && !input) || !allKnown(refs.variables, env)) return std::nullopt;
  auto [it, fresh] = caches_->templates.try_emplace(tmplId);
  if (fresh) {
    std::vector<aslrt::TemplateError> errors;
    it->second = aslrt::PayloadTemplate::compile(text, &errors);
  }
  if (!it->second) return std::nullopt;
  Json none = Json::object(), vars = variablesObject(refs.variables, env);
  aslrt::EvalContext ctx;
  ctx.input = input ? &*input : &none;
  ctx.context = &none;
  ctx.variables = &vars;
  ctx.rng = &caches_->rng;
  aslrt::Failure failure;
  Value v = it->second->render(ctx, field, &failure);
  if (v && !foldable(*v)) return std::nullopt;
  return v;
}

Value ConstEval::applyResultPath(uint32_t pathId, const Value& target, const Value& result) {
  if (!target || !result) return std::nullopt;
  aslrt::SyntaxError error;
  std::optional<aslrt::JsonPath> path = aslrt::JsonPath::parse(m_.paths[pathId], aslrt::PathFlavor::ReferencePath, &error);
  if (!path || path->isContextPath() || path->isVariablePath()) return std::nullopt;
  Json out = *target;
  std::string whyNot;
  if (!path->assign(out, *result, &whyNot) || !foldable(out)) return std::nullopt;
  return out;
}

Value ConstEval::jsonata(uint32_t specId, const Value& input, const Value& result, bool hasResult, const Env& env) {
  const JsonataSpec& spec = m_.jsonata[specId];
  std::set<std::string> shadowing(assignedNames_.begin(), assignedNames_.end());
  References refs = scanJsonata(spec.value, shadowing);
  if (refs.opaque || (refs.input && !input) || (refs.result && (!hasResult || !result)) || !allKnown(refs.variables, env))
    return std::nullopt;
  auto [it, fresh] = caches_->jsonata.try_emplace(specId);
  if (fresh) {
    std::string error;
    it->second = aslrt::JsonataTemplate::compile(spec.value, spec.field, &caches_->rng, &error);
  }
  if (!it->second) return std::nullopt;
  // The bindings the runtime builds (aslrt_frame::jsonataBindings), restricted to what is read.
  Json bindings = variablesObject(refs.variables, env);
  Json states = {{"input", input ? *input : Json()}};
  if (hasResult && result) states["result"] = *result;
  bindings["states"] = std::move(states);
  aslrt::Failure failure;
  Value v = it->second->evaluate(bindings, &failure);
  if (v && !foldable(*v)) return std::nullopt;
  return v;
}

std::optional<bool> ConstEval::leaf(uint32_t leafId, const Value& test, const Env& env) {
  const ChoiceLeaf& leaf = m_.choiceLeaves[leafId];
  if (leaf.condition != kNone) {  // JSONata Condition: a non-boolean raises at run time
    Value v = jsonata(leaf.condition, test, std::nullopt, false, env);
    if (!v || !v->is_boolean()) return std::nullopt;
    return v->get<bool>();
  }
  bool isPathForm = false;
  std::optional<aslrt::ChoiceOp> op = aslrt::choiceOpFromName(leaf.op, &isPathForm);
  if (!op) return std::nullopt;
  // An absent Variable is known only through a known root; select() tells absence from unknown by the root.
  Value value = select(leaf.variable, test, env);
  if (!value) {
    if (aslrt::absentValueFails(*op)) return std::nullopt;  // States.Runtime at run time, or unknown
    aslrt::SyntaxError error;
    std::optional<aslrt::JsonPath> path = aslrt::JsonPath::parse(m_.paths[leaf.variable], aslrt::PathFlavor::Path, &error);
    bool rootKnown = path && !path->isContextPath() &&
                     (path->isVariablePath() ? env.known.count(path->variableName()) > 0 : test.has_value());
    if (!rootKnown) return std::nullopt;
  }
  if (!leaf.isPath) return aslrt::evaluateChoiceOp(*op, value ? &*value : nullptr, leaf.operand);
  Value operand = select(leaf.operandPath, test, env);
  if (!operand) return std::nullopt;
  return aslrt::evaluateChoiceOp(*op, value ? &*value : nullptr, *operand);
}

void ConstEval::assign(uint32_t assignId, const Value& input, const Value& result, bool hasResult, Env& env) {
  const AssignSpec& a = m_.assigns[assignId];
  const Json& shape = a.jsonata ? m_.jsonata[a.index].value : m_.templates[a.index];
  // In JSONPath, $ in Assign is the state's result when there is one (ops_variables.cpp).
  Value values = a.jsonata ? jsonata(a.index, input, result, hasResult, env)
                           : render(a.index, hasResult ? result : input, env, "Assign");
  if (!shape.is_object() || (values && !values->is_object())) {
    env.known.clear();  // cannot tell which names change
    return;
  }
  for (auto& [key, v] : shape.items()) {
    std::string name = !a.jsonata && key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0
                           ? key.substr(0, key.size() - 2) : key;
    if (values && values->contains(name)) env.known[name] = (*values)[name];
    else env.known.erase(name);
  }
}

}  // namespace aslc::ir::passes
