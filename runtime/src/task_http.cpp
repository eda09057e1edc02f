#include "task_http.h"

#include <algorithm>
#include <set>

#include "http_encoding.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

Failure invalid(const std::string& why) { return {"States.Runtime", "Invalid HTTP Task parameters: " + why}; }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Headers the HTTP Task does not let a definition set (the "Headers" field in
// call-https-apis): Step Functions or the connection owns them.
bool forbiddenHeader(const std::string& name) {
  static const std::set<std::string> names = {
      "a-im", "accept-charset", "accept-datetime", "accept-encoding", "cache-control", "connection",
      "content-encoding", "content-md5", "date", "expect", "forwarded", "from", "host", "http2-settings",
      "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "max-forwards",
      "origin", "pragma", "proxy-authorization", "referer", "server", "te", "trailer", "transfer-encoding",
      "upgrade", "via", "warning"};
  std::string n = lower(name);
  return names.count(n) || n.rfind("x-forwarded-", 0) == 0 || n.rfind("x-amz-", 0) == 0 ||
         n.rfind("x-amzn-", 0) == 0;
}

bool hasHeader(const HttpRequest& r, const std::string& name) {
  for (auto& [n, v] : r.headers)
    if (lower(n) == lower(name)) return true;
  return false;
}

std::optional<Failure> addHeaders(const Json& headers, HttpRequest& r) {
  if (!headers.is_object()) return invalid("Headers must be an object");
  for (auto& [name, value] : headers.items()) {
    if (forbiddenHeader(name)) return invalid("the header '" + name + "' cannot be set by an HTTP Task");
    if (value.is_object() || value.is_array()) return invalid("the header '" + name + "' must be a string");
    r.headers.emplace_back(name, scalarText(value));
  }
  return std::nullopt;
}

std::optional<Failure> setUrl(const Json& p, HttpRequest& r) {
  if (!p.contains("ApiEndpoint") || !p["ApiEndpoint"].is_string()) return invalid("ApiEndpoint must be a string");
  r.url = p["ApiEndpoint"].get<std::string>();
  // AWS calls only https endpoints; plain http is allowed here so local
  // servers can answer.
  if (r.url.rfind("https://", 0) != 0 && r.url.rfind("http://", 0) != 0)
    return invalid("ApiEndpoint '" + r.url + "' is not an http:// or https:// URL");
  if (!p.contains("QueryParameters")) return std::nullopt;
  const Json& q = p["QueryParameters"];
  if (!q.is_object()) return invalid("QueryParameters must be an object");
  std::string query = urlEncodeObject(q, ArrayFormat::Repeat);
  if (!query.empty()) r.url += (r.url.find('?') == std::string::npos ? "?" : "&") + query;
  return std::nullopt;
}

std::optional<Failure> setMethod(const Json& p, HttpRequest& r) {
  static const std::set<std::string> methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
  if (!p.contains("Method") || !p["Method"].is_string() || !methods.count(p["Method"].get<std::string>()))
    return invalid("Method must be one of GET, POST, PUT, DELETE, PATCH, OPTIONS or HEAD");
  r.method = p["Method"].get<std::string>();
  return std::nullopt;
}

// Transform: {"RequestBodyEncoding": "NONE"|"URL_ENCODED",
//             "RequestEncodingOptions": {"ArrayFormat": "INDICES"|...}}
std::variant<std::optional<ArrayFormat>, Failure> urlEncoding(const Json& p) {
  if (!p.contains("Transform")) return std::optional<ArrayFormat>();
  const Json& t = p["Transform"];
  if (!t.is_object()) return invalid("Transform must be an object");
  for (auto& [key, value] : t.items())
    if (key != "RequestBodyEncoding" && key != "RequestEncodingOptions")
      return invalid("Transform has an unknown field '" + key + "'");
  Json encodingName = t.contains("RequestBodyEncoding") ? t["RequestBodyEncoding"] : Json("NONE");
  std::string encoding = encodingName.is_string() ? encodingName.get<std::string>() : "";
  if (encoding != "NONE" && encoding != "URL_ENCODED")
    return invalid("Transform.RequestBodyEncoding must be NONE or URL_ENCODED");
  ArrayFormat format = ArrayFormat::Indices;
  if (t.contains("RequestEncodingOptions")) {
    const Json& o = t["RequestEncodingOptions"];
    if (!o.is_object()) return invalid("Transform.RequestEncodingOptions must be an object");
    if (o.contains("ArrayFormat")) {
      std::optional<ArrayFormat> f = o["ArrayFormat"].is_string() ? arrayFormatNamed(o["ArrayFormat"]) : std::nullopt;
      if (!f) return invalid("Transform.RequestEncodingOptions.ArrayFormat must be INDICES, REPEAT, COMMAS or BRACKETS");
      format = *f;
    }
  }
  if (encoding == "NONE") return std::optional<ArrayFormat>();
  return std::optional<ArrayFormat>(format);
}

// JSON by default; a string is sent as it is; URL_ENCODED turns an object
// into a form. The Content-Type matches unless the definition set one.
std::optional<Failure> setBody(const Json& p, HttpRequest& r) {
  auto encoding = urlEncoding(p);
  if (Failure* f = std::get_if<Failure>(&encoding)) return *f;
  std::optional<ArrayFormat> form = std::get<std::optional<ArrayFormat>>(encoding);
  if (!p.contains("RequestBody")) return std::nullopt;
  const Json& body = p["RequestBody"];
  std::string type;
  if (form) {
    if (!body.is_object()) return invalid("a URL_ENCODED RequestBody must be an object");
    r.body = urlEncodeObject(body, *form);
    type = "application/x-www-form-urlencoded";
  } else if (body.is_string()) {
    r.body = body.get<std::string>();
    type = "text/plain; charset=UTF-8";
  } else {
    r.body = body.dump();
    type = "application/json; charset=UTF-8";
  }
  if (!hasHeader(r, "Content-Type")) r.headers.emplace_back("Content-Type", type);
  return std::nullopt;
}

std::optional<Failure> checkFields(const Json& p) {
  static const std::set<std::string> known = {"ApiEndpoint", "Method", "Authentication", "InvocationConfig",
                                              "Headers", "QueryParameters", "RequestBody", "Transform"};
  for (auto& [key, value] : p.items())
    if (!known.count(key)) return invalid("unknown field '" + key + "'");
  return std::nullopt;
}

bool isJsonMediaType(const std::string& contentType) {
  std::string media = lower(contentType.substr(0, contentType.find(';')));
  media.erase(media.find_last_not_of(" \t") + 1);
  return media == "application/json" || (media.size() > 5 && media.compare(media.size() - 5, 5, "+json") == 0);
}

}  // namespace

bool isHttpInvoke(const std::string& resource) { return resource == "arn:aws:states:::http:invoke"; }

std::variant<HttpRequest, Failure> httpTaskRequest(const Json& p, const std::string& region) {
  if (!p.is_object()) return invalid("the parameters must be an object");
  HttpRequest r;
  // Authentication.ConnectionArn / InvocationConfig name an EventBridge
  // connection, which does not exist locally: credentials go in Headers (or
  // bind the task to something else with --bindings). See docs/BINDINGS.md.
  if (auto f = checkFields(p)) return *f;
  if (auto f = setMethod(p, r)) return *f;
  if (p.contains("Headers"))
    if (auto f = addHeaders(p["Headers"], r)) return *f;
  if (auto f = setUrl(p, r)) return *f;
  if (auto f = setBody(p, r)) return *f;
  // What Step Functions adds to every request it sends.
  if (!hasHeader(r, "User-Agent")) r.headers.emplace_back("User-Agent", "Amazon|StepFunctions|HttpInvoke|" + region);
  r.headers.emplace_back("Range", "bytes=0-262144");
  return r;
}

TaskOutcome httpTaskOutcome(const HttpResponse& response, bool stateTimeout) {
  using T = HttpResponse::Transport;
  if (response.transport == T::Unavailable) return {false, nullptr, {"States.TaskFailed", response.error}};
  if (response.transport == T::TimedOut && stateTimeout) return {false, nullptr, taskTimedOut()};
  if (response.transport != T::Ok) return {false, nullptr, {"States.Http.Socket", response.error}};
  Json headers = Json::object();
  std::string contentType;
  for (auto& [name, value] : response.headers) {
    headers[name].push_back(value);
    if (lower(name) == "content-type") contentType = value;
  }
  Json body = response.body;
  if (isJsonMediaType(contentType)) {
    Json parsed = aslrt::parseJson(response.body);
    if (!parsed.is_discarded()) body = std::move(parsed);
  }
  Json result = {{"Headers", headers},
                 {"ResponseBody", body},
                 {"StatusCode", response.status},
                 {"StatusText", response.statusText}};
  if (response.status >= 200 && response.status < 300) return {true, std::move(result), {}};
  // No AWS recording of a failed HTTP Task is available; the cause carries
  // the whole response, so a Catch can see status, headers and body.
  return {false, nullptr, {"States.Http.StatusCode." + std::to_string(response.status), result.dump()}};
}

TaskOutcome invokeHttpTask(const Json& parameters, std::optional<int64_t> stateTimeoutMicros,
                           const std::string& region, Scheduler& scheduler) {
  auto built = httpTaskRequest(parameters, region);
  if (Failure* f = std::get_if<Failure>(&built)) return {false, nullptr, *f};
  HttpRequest request = std::get<HttpRequest>(std::move(built));
  bool stateTimeout = stateTimeoutMicros && *stateTimeoutMicros <= kHttpTaskLimitMicros;
  request.timeoutMicros = stateTimeout ? *stateTimeoutMicros : kHttpTaskLimitMicros;
  HttpResponse response = httpFetch(scheduler, std::move(request));
  if (response.transport == HttpResponse::Transport::TimedOut && !stateTimeout)
    response.error = "The HTTP endpoint did not answer within 60 seconds: " + response.error;
  return httpTaskOutcome(response, stateTimeout);
}

}  // namespace aslrt
