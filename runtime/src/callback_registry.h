// The process's outstanding task tokens: callbacks (.waitForTaskToken) and
// activity tasks waiting for a worker. The fibers that wait open and close
// entries on the scheduler's thread; the callback server's connection threads
// post replies, heartbeats and activity hand-outs into an entry's inbox and
// notify the waiting fiber (Scheduler::notify), which reads the inbox on its
// own thread. Requests use the Step Functions API's names and errors
// (SendTaskSuccess, TaskTimedOut, ...), see docs/BINDINGS.md.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "aslrt/failure.h"
#include "aslrt/json.h"

namespace aslrt {

class Scheduler;

// 256 bits from getrandom(2) as 64 lowercase hex digits; never from --seed's
// random source, so a token cannot be predicted from a reproducible run.
std::string newTaskToken();
bool isWellFormedTaskToken(const std::string& token);

// What the waiting fiber finds in its entry's inbox.
struct TaskInbox {
  int heartbeats = 0;                  // SendTaskHeartbeat calls since the last look
  std::optional<std::string> worker;   // an activity was handed to this worker (GetActivityTask)
  bool replied = false;
  bool succeeded = false;
  Json output;                         // SendTaskSuccess
  Failure failure;                     // SendTaskFailure (error may be empty)
};

class CallbackRegistry {
 public:
  static CallbackRegistry& instance();  // the process's (never destroyed)

  // Scheduler thread. A callback waits for a reply; an activity task waits
  // first for a worker (GetActivityTask on `activityArn`), then for a reply.
  // `owner` groups entries for closeOwner (the execution's Scheduler, so
  // nested executions on it close with their parent).
  void openCallback(const std::string& token, Scheduler* scheduler, uint64_t waitKey, const void* owner);
  void openActivity(const std::string& token, Scheduler* scheduler, uint64_t waitKey, const void* owner,
                    const std::string& activityArn, const std::string& inputJson);
  // Takes what arrived since the last look.
  TaskInbox take(const std::string& token);
  // Ends the wait (replied, timed out or abandoned); later requests for the
  // token get TaskTimedOut, as AWS answers for a task that is over. Returns
  // false, leaving the entry open, when `unlessReplied` and anything came in
  // after the last take (the fiber looks at it before timing out).
  bool close(const std::string& token, bool unlessReplied = false);
  // Closes every entry of an owner (its execution ended, e.g. timed out).
  void closeOwner(const void* owner);
  // Activities a worker may poll for (the program's activity ARNs).
  void declareActivity(const std::string& arn);

  // The process is ending: pending and later GetActivityTask polls return at
  // once with no task.
  void endPolls();

  // Any thread: one protocol request → its response (both JSON objects).
  // GetActivityTask blocks up to its wait (60 s unless "waitSeconds" says less).
  Json handle(const Json& request);

 private:
  struct Entry {
    Scheduler* scheduler = nullptr;
    uint64_t waitKey = 0;
    const void* owner = nullptr;
    bool activity = false;
    std::string activityArn, inputJson;
    bool handedOut = false;  // an activity given to a worker
    TaskInbox inbox;
  };
  Json reply(const Json& request, const std::string& action);
  Json getActivityTask(const Json& request);
  // Looks a token up for a reply; nullptr with *error set when it cannot take one.
  Entry* replyTarget(const Json& request, Json* error);
  void post(Entry& entry);  // wakes the entry's fiber (lock held)

  std::mutex mutex_;
  std::condition_variable activityCv_;
  std::map<std::string, Entry> open_;
  std::deque<std::string> activityQueue_;  // tokens of activities not handed out, oldest first
  std::set<std::string> closed_;
  std::set<std::string> activities_;
  bool ending_ = false;
};

}  // namespace aslrt
