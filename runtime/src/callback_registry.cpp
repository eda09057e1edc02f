#include "callback_registry.h"

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "scheduler.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

constexpr size_t kTokenBytes = 32;
// SendTaskFailure's limits (API reference: error ≤ 256, cause ≤ 32,768 characters).
constexpr size_t kMaxError = 256, kMaxCause = 32768;
// GetActivityTask holds the request up to 60 s (API reference: "long poll").
constexpr int64_t kActivityPollSeconds = 60;

Json apiError(const std::string& name, const std::string& message) {
  return {{"ok", false}, {"error", name}, {"message", message}};
}

Json ok() { return {{"ok", true}}; }

std::optional<std::string> stringField(const Json& request, const char* key) {
  auto it = request.find(key);
  if (it == request.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

std::string newTaskToken() {
  unsigned char bytes[kTokenBytes];
  size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) std::abort();  // no entropy source: never hand out a guessable token
    got += static_cast<size_t>(n);
  }
  static const char* hex = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token += hex[b >> 4];
    token += hex[b & 15];
  }
  return token;
}

bool isWellFormedTaskToken(const std::string& token) {
  return token.size() == 2 * kTokenBytes &&
         std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

CallbackRegistry& CallbackRegistry::instance() {
  // Leaked on purpose: connection threads may still use it while the process exits.
  static CallbackRegistry* registry = new CallbackRegistry;
  return *registry;
}

void CallbackRegistry::openCallback(const std::string& token, Scheduler* scheduler, uint64_t waitKey,
                                    const void* owner) {
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& e = open_[token];
  e.scheduler = scheduler;
  e.waitKey = waitKey;
  e.owner = owner;
}

void CallbackRegistry::openActivity(const std::string& token, Scheduler* scheduler, uint64_t waitKey,
                                    const void* owner, const std::string& activityArn, const std::string& inputJson) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Entry& e = open_[token];
    e.scheduler = scheduler;
    e.waitKey = waitKey;
    e.owner = owner;
    e.activity = true;
    e.activityArn = activityArn;
    e.inputJson = inputJson;
    activities_.insert(activityArn);
    activityQueue_.push_back(token);
  }
  activityCv_.notify_all();
}

TaskInbox CallbackRegistry::take(const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(token);
  if (it == open_.end()) return {};
  TaskInbox in = std::move(it->second.inbox);
  it->second.inbox = TaskInbox{};
  return in;
}

bool CallbackRegistry::close(const std::string& token, bool unlessReplied) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(token);
  if (it == open_.end()) return true;
  const TaskInbox& in = it->second.inbox;
  if (unlessReplied && (in.replied || in.worker || in.heartbeats > 0)) return false;
  open_.erase(it);
  activityQueue_.erase(std::remove(activityQueue_.begin(), activityQueue_.end(), token), activityQueue_.end());
  closed_.insert(token);
  return true;
}

void CallbackRegistry::closeOwner(const void* owner) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = open_.begin(); it != open_.end();) {
    if (it->second.owner != owner) {
      ++it;
      continue;
    }
    const std::string token = it->first;
    activityQueue_.erase(std::remove(activityQueue_.begin(), activityQueue_.end(), token), activityQueue_.end());
    closed_.insert(token);
    it = open_.erase(it);
  }
}

void CallbackRegistry::declareActivity(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mutex_);
  activities_.insert(arn);
}

void CallbackRegistry::endPolls() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ending_ = true;
  }
  activityCv_.notify_all();
}

void CallbackRegistry::post(Entry& entry) { entry.scheduler->notify(entry.waitKey); }

Json CallbackRegistry::handle(const Json& request) {
  if (!request.is_object()) return apiError("ValidationException", "a request is a JSON object");
  std::optional<std::string> action = stringField(request, "action");
  if (!action) return apiError("ValidationException", "the request has no \"action\"");
  if (*action == "SendTaskSuccess" || *action == "SendTaskFailure" || *action == "SendTaskHeartbeat")
    return reply(request, *action);
  if (*action == "GetActivityTask") return getActivityTask(request);
  return apiError("UnknownOperationException", "unknown action '" + *action +
                                                   "' (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat, "
                                                   "GetActivityTask)");
}

CallbackRegistry::Entry* CallbackRegistry::replyTarget(const Json& request, Json* error) {
  std::optional<std::string> token = stringField(request, "taskToken");
  if (!token || token->empty()) {
    *error = apiError("ValidationException", "the request needs a \"taskToken\" string");
    return nullptr;
  }
  if (!isWellFormedTaskToken(*token)) {
    *error = apiError("InvalidToken", "Invalid token: not a task token of this executable");
    return nullptr;
  }
  auto it = open_.find(*token);
  if (it != open_.end()) {
    // An activity nobody has picked up yet has not reached a worker: AWS
    // answers as for a task that does not exist (yet).
    if (it->second.activity && !it->second.handedOut) {
      *error = apiError("TaskDoesNotExist", "Task does not exist: the activity task was not handed to a worker");
      return nullptr;
    }
    return &it->second;
  }
  *error = closed_.count(*token) ? apiError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'")
                                 : apiError("TaskDoesNotExist", "Task does not exist");
  return nullptr;
}

Json CallbackRegistry::reply(const Json& request, const std::string& action) {
  // Parse and check the payload before taking the lock.
  Json output;
  Failure failure;
  if (action == "SendTaskSuccess") {
    std::optional<std::string> text = stringField(request, "output");
    if (!text) return apiError("ValidationException", "SendTaskSuccess needs an \"output\" string (JSON text)");
    output = aslrt::parseJson(*text);
    if (output.is_discarded()) return apiError("InvalidOutput", "The provided JSON output data is invalid");
  } else if (action == "SendTaskFailure") {
    failure.error = stringField(request, "error").value_or("");
    failure.cause = stringField(request, "cause");
    if (failure.error.size() > kMaxError) return apiError("ValidationException", "error is longer than 256 characters");
    if (failure.cause && failure.cause->size() > kMaxCause)
      return apiError("ValidationException", "cause is longer than 32768 characters");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  Json error;
  Entry* entry = replyTarget(request, &error);
  if (!entry) return error;
  TaskInbox& in = entry->inbox;
  if (in.replied)  // a second reply before the fiber took the first: the task is over
    return apiError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  if (action == "SendTaskHeartbeat") {
    ++in.heartbeats;
  } else {
    in.replied = true;
    in.succeeded = action == "SendTaskSuccess";
    in.output = std::move(output);
    in.failure = std::move(failure);
  }
  post(*entry);
  return ok();
}

Json CallbackRegistry::getActivityTask(const Json& request) {
  std::optional<std::string> arn = stringField(request, "activityArn");
  if (!arn || arn->empty()) return apiError("ValidationException", "GetActivityTask needs an \"activityArn\" string");
  std::string worker = stringField(request, "workerName").value_or("");
  int64_t waitSeconds = kActivityPollSeconds;
  if (auto w = request.find("waitSeconds"); w != request.end() && w->is_number_integer())
    waitSeconds = std::clamp<int64_t>(w->get<int64_t>(), 0, kActivityPollSeconds);
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(waitSeconds);
  std::unique_lock<std::mutex> lock(mutex_);
  if (!activities_.count(*arn))
    return apiError("ActivityDoesNotExist", "Activity Does Not Exist: '" + *arn + "' is not used by this state machine");
  for (;;) {
    for (const std::string& token : activityQueue_) {
      Entry& e = open_.at(token);
      if (e.activityArn != *arn) continue;
      e.handedOut = true;
      e.inbox.worker = worker;
      Json answer = {{"ok", true}, {"taskToken", token}, {"input", e.inputJson}};
      activityQueue_.erase(std::find(activityQueue_.begin(), activityQueue_.end(), token));
      post(e);
      return answer;
    }
    if (ending_ || activityCv_.wait_until(lock, until) == std::cv_status::timeout) {
      // AWS's empty answer after the long poll: no token.
      return {{"ok", true}, {"taskToken", nullptr}, {"input", nullptr}};
    }
  }
}

}  // namespace aslrt
