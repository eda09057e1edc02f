// Warns, before anything runs, about Task states no binding answers: at run
// time such a task fails with States.TaskFailed (docs/BINDINGS.md).
#pragma once
#include "aslc/frontend/ast.h"
#include "aslc/frontend/diagnostics.h"
#include "task_bindings.h"

namespace aslc::tool {

// `bindings` is what the run will use (nullptr: none given). Tasks whose
// target is computed at run time are reported only when no binding could
// possibly match them.
void warnUnboundTasks(const ast::StateMachine& machine, const aslrt::TaskBindings* bindings, Diagnostics& diags);

}  // namespace aslc::tool
