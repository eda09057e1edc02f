// What a Task state's Resource says about running it -- its history event
// names and which kind of call it is -- worked out once when the program
// loads, not from the ARN's text on every call.
#pragma once
#include <string>

namespace aslrt {

struct TaskTraits {
  // AWS's event family: LambdaFunction, Activity or Task, and its events.
  std::string family, scheduled, started, succeeded, failed, timedOut;
  bool submitsFirst = false;  // .sync / .waitForTaskToken: TaskSubmitted before the answer
  bool callback = false;      // .waitForTaskToken
  bool activity = false;      // an activity ARN
  bool httpInvoke = false;    // arn:aws:states:::http:invoke
  bool lambda = false;        // a Lambda function or lambda:invoke
};

TaskTraits taskTraits(const std::string& resource);

}  // namespace aslrt
