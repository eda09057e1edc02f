#include "task_traits.h"

#include "callback_task.h"
#include "task_http.h"
#include "task_lambda.h"

namespace aslrt {
namespace {

// The history's event family for a resource, as AWS names the events.
std::string eventFamily(const std::string& resource) {
  if (resource.rfind("arn:aws:lambda:", 0) == 0 ||
      (resource.find(":lambda:") != std::string::npos && resource.find(":function:") != std::string::npos))
    return "LambdaFunction";
  if (resource.find(":activity:") != std::string::npos) return "Activity";
  return "Task";
}

}  // namespace

TaskTraits taskTraits(const std::string& resource) {
  TaskTraits t;
  t.family = eventFamily(resource);
  t.scheduled = t.family + "Scheduled";
  t.started = t.family + "Started";
  t.succeeded = t.family + "Succeeded";
  t.failed = t.family + "Failed";
  t.timedOut = t.family + "TimedOut";
  t.submitsFirst = resource.find(".sync") != std::string::npos || resource.find(".waitForTaskToken") != std::string::npos;
  t.callback = waitsForTaskToken(resource);
  t.activity = isActivityResource(resource);
  t.httpInvoke = isHttpInvoke(resource);
  t.lambda = isLambdaResource(resource);
  return t;
}

}  // namespace aslrt
