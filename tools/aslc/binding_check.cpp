#include "binding_check.h"

namespace aslc::tool {
namespace {

// Resources the runtime answers itself, with no binding: the HTTP Task
// performs the request and activities are served to local workers.
bool answeredByRuntime(const std::string& resource) {
  return resource.rfind("arn:aws:states:::http:invoke", 0) == 0 || resource.find(":activity:") != std::string::npos;
}

// The literal FunctionName / StateMachineArn, if the definition gives one;
// *dynamic is set when it is computed ("FunctionName.$" or a {% %} value).
aslrt::Json literalTargetParameters(const ast::State& s, bool* dynamic) {
  aslrt::Json params = aslrt::Json::object();
  const JNode* given = s.parameters ? s.parameters : s.arguments;
  if (!given || !given->isObject()) return params;
  for (const char* field : {"FunctionName", "StateMachineArn"}) {
    if (given->get(std::string(field) + ".$")) *dynamic = true;
    const JNode* v = given->get(field);
    if (!v || !v->isString()) continue;
    if (v->str().rfind("{%", 0) == 0) *dynamic = true;
    else params[field] = v->str();
  }
  return params;
}

void checkTask(const ast::State& s, const aslrt::TaskBindings* bindings, Diagnostics& diags) {
  if (answeredByRuntime(s.resource)) return;
  bool dynamic = false;
  const aslrt::Json params = literalTargetParameters(s, &dynamic);  // the target views it
  aslrt::TaskTarget target = aslrt::taskTarget(s.resource, params);
  if (bindings && bindings->find(target)) return;
  // A computed target may still match a binding of its own name.
  if (dynamic && bindings && bindings->size() > 0) return;
  diags.warning(s.offset, "task-unbound",
                "no binding answers the resource " + target.describe() + " of Task state '" + s.name +
                    "': it fails with States.TaskFailed when reached unless the run gets --bindings or "
                    "--mock-config");
}

}  // namespace

void warnUnboundTasks(const ast::StateMachine& machine, const aslrt::TaskBindings* bindings, Diagnostics& diags) {
  for (const ast::State& s : machine.states) {
    if (s.type == ast::StateType::Task) checkTask(s, bindings, diags);
    for (const auto& branch : s.branches) warnUnboundTasks(*branch, bindings, diags);
    if (s.itemProcessor) warnUnboundTasks(*s.itemProcessor, bindings, diags);
  }
}

}  // namespace aslc::tool
