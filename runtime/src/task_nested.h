// arn:aws:states:::states:startExecution bound to a state machine compiled
// into the executable (a `stateMachine` binding): the child runs as its own
// execution -- own context object, event numbering and random source -- on
// the parent's scheduler. Request-response returns at once while the child
// runs on its own fiber; .sync and .sync:2 wait for the child and return
// DescribeExecution's shape, as AWS does:
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
#pragma once
#include "execution.h"
#include "task_bindings.h"
#include "task_invoke.h"

namespace aslrt {

// arn:aws:states:::states:startExecution, with any suffix.
bool isStartExecution(const std::string& resource);

TaskOutcome startNestedExecution(const Binding& binding, const std::string& resource, const Json& parameters,
                                 Execution& parent);

}  // namespace aslrt
