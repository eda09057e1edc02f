#include "task_http_binding.h"

#include <algorithm>

#include "http_client.h"
#include "task_lambda.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

TaskOutcome failed(Failure f) { return {false, nullptr, std::move(f)}; }

std::string where(const TaskCall& call) {
  return call.binding->http.url + " (state '" + std::string(call.context.stateName) + "')";
}

bool hasFunctionErrorHeader(const HttpResponse& r) {
  for (auto& [name, value] : r.headers) {
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
    if (n == "x-amz-function-error") return true;
  }
  return false;
}

// Both fields, as Lambda writes a function error; a result that merely has
// an errorType field is not taken for one.
bool lambdaErrorBody(const std::string& body) {
  Json parsed = aslrt::parseJson(body);
  return parsed.is_object() && parsed.contains("errorType") && parsed.contains("errorMessage");
}

std::string head(const std::string& text) { return text.size() > 500 ? text.substr(0, 500) + "..." : text; }

}  // namespace

TaskOutcome httpBindingOutcome(const TaskCall& call, const HttpResponse& r) {
  using T = HttpResponse::Transport;
  if (r.transport == T::TimedOut) return failed(taskTimedOut());
  if (r.transport != T::Ok) return failed({"States.TaskFailed", "cannot call " + where(call) + ": " + r.error});
  bool ok = r.status >= 200 && r.status < 300;
  if (hasFunctionErrorHeader(r) || (call.lambda && lambdaErrorBody(r.body))) return failed(lambdaFailure(r.body));
  if (!ok) {
    if (std::optional<Failure> f = lambdaStyleError(r.body)) return failed(*f);
    return failed({"States.TaskFailed", "HTTP " + std::to_string(r.status) + " " + r.statusText + " from " +
                                            where(call) + (r.body.empty() ? "" : ": " + head(r.body))});
  }
  size_t start = r.body.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return {true, nullptr, {}};  // like a function that returns nothing
  Json value = aslrt::parseJson(r.body);
  if (value.is_discarded())
    return failed({"States.TaskFailed", where(call) + " answered with a body that " + aslrt::whyNotJson(r.body) + ": " +
                                            head(r.body)});
  return {true, std::move(value), {}};
}

TaskOutcome invokeHttpBinding(const TaskCall& call, Scheduler& scheduler) {
  HttpRequest request;
  request.method = "POST";
  request.url = call.binding->http.url;
  request.body = call.input->dump();
  bool typed = false;
  for (auto& header : call.binding->http.headers) {
    request.headers.push_back(header);
    std::string n = header.first;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
    typed = typed || n == "content-type";
  }
  if (!typed) request.headers.emplace_back("Content-Type", "application/json");
  request.timeoutMicros = call.timeoutMicros;
  return httpBindingOutcome(call, httpFetch(scheduler, std::move(request)));
}

}  // namespace aslrt
