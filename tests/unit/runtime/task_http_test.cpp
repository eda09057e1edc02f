// The HTTP Task without a server: parameters to request, response to AWS's
// result shape and errors; and the http binding kind's outcome mapping.
#include "task_http.h"

#include <gtest/gtest.h>

#include "task_http_binding.h"

namespace {

using aslrt::Failure;
using aslrt::HttpRequest;
using aslrt::HttpResponse;
using aslrt::Json;

HttpRequest request(const std::string& params) {
  auto r = aslrt::httpTaskRequest(Json::parse(params), "eu-west-1");
  if (auto* f = std::get_if<Failure>(&r)) ADD_FAILURE() << f->error << ": " << f->cause.value_or("");
  return std::get_if<HttpRequest>(&r) ? std::get<HttpRequest>(r) : HttpRequest{};
}

std::string rejection(const std::string& params) {
  auto r = aslrt::httpTaskRequest(Json::parse(params), "eu-west-1");
  auto* f = std::get_if<Failure>(&r);
  if (!f) {
    ADD_FAILURE() << "accepted: " << params;
    return "";
  }
  EXPECT_EQ(f->error, "States.Runtime");
  return f->cause.value_or("");
}

std::string header(const HttpRequest& r, const std::string& name) {
  for (auto& [n, v] : r.headers)
    if (n == name) return v;
  return "<none>";
}

TEST(HttpTask, GetWithQueryAndHeaders) {
  HttpRequest r = request(R"({"ApiEndpoint": "https://api.example.com/v1/items", "Method": "GET",
    "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:1:connection/x/y"},
    "QueryParameters": {"q": "a b", "tag": ["x", "y"]}, "Headers": {"X-Trace": "t1", "X-Count": 3}})");
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.url, "https://api.example.com/v1/items?q=a%20b&tag=x&tag=y");
  EXPECT_EQ(header(r, "X-Trace"), "t1");
  EXPECT_EQ(header(r, "X-Count"), "3");
  EXPECT_EQ(header(r, "User-Agent"), "Amazon|StepFunctions|HttpInvoke|eu-west-1");
  EXPECT_EQ(header(r, "Range"), "bytes=0-262144");
  EXPECT_FALSE(r.body);
}

TEST(HttpTask, QueryAppendsToAnExistingQuery) {
  EXPECT_EQ(request(R"({"ApiEndpoint": "http://h/p?a=1", "Method": "GET", "QueryParameters": {"b": 2}})").url,
            "http://h/p?a=1&b=2");
}

TEST(HttpTask, JsonBodyByDefault) {
  HttpRequest r = request(R"({"ApiEndpoint": "http://h/p", "Method": "POST", "RequestBody": {"a": [1, 2]}})");
  EXPECT_EQ(*r.body, R"({"a":[1,2]})");
  EXPECT_EQ(header(r, "Content-Type"), "application/json; charset=UTF-8");
}

TEST(HttpTask, StringBodyAsIs) {
  HttpRequest r = request(R"({"ApiEndpoint": "http://h/p", "Method": "PUT", "RequestBody": "raw text",
    "Headers": {"Content-Type": "text/csv"}})");
  EXPECT_EQ(*r.body, "raw text");
  EXPECT_EQ(header(r, "Content-Type"), "text/csv");
}

TEST(HttpTask, UrlEncodedBody) {
  HttpRequest r = request(R"({"ApiEndpoint": "http://h/p", "Method": "POST", "RequestBody": {"a": ["x", "y"], "b": "1 2"},
    "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "REPEAT"}}})");
  EXPECT_EQ(*r.body, "a=x&a=y&b=1%202");
  EXPECT_EQ(header(r, "Content-Type"), "application/x-www-form-urlencoded");
  r = request(R"({"ApiEndpoint": "http://h/p", "Method": "POST", "RequestBody": {"a": ["x", "y"]},
    "Transform": {"RequestBodyEncoding": "URL_ENCODED"}})");
  EXPECT_EQ(*r.body, "a[0]=x&a[1]=y");  // INDICES unless told
}

TEST(HttpTask, BadParametersAreClearRuntimeErrors) {
  EXPECT_NE(rejection(R"({"Method": "GET"})").find("ApiEndpoint must be a string"), std::string::npos);
  EXPECT_NE(rejection(R"({"ApiEndpoint": "ftp://h/x", "Method": "GET"})").find("not an http:// or https:// URL"),
            std::string::npos);
  EXPECT_NE(rejection(R"({"ApiEndpoint": "http://h", "Method": "FETCH"})").find("Method must be one of"),
            std::string::npos);
  EXPECT_NE(rejection(R"({"ApiEndpoint": "http://h", "Method": "GET", "Headers": {"Host": "x"}})")
                .find("the header 'Host' cannot be set"),
            std::string::npos);
  EXPECT_NE(rejection(R"({"ApiEndpoint": "http://h", "Method": "GET", "Headers": {"X-Amz-Date": "x"}})")
                .find("'X-Amz-Date'"),
            std::string::npos);
  EXPECT_NE(rejection(R"({"ApiEndpoint": "http://h", "Method": "GET", "Body": {}})").find("unknown field 'Body'"),
            std::string::npos);
  EXPECT_NE(rejection(R"({"ApiEndpoint": "http://h", "Method": "POST", "RequestBody": [1],
    "Transform": {"RequestBodyEncoding": "URL_ENCODED"}})").find("must be an object"),
            std::string::npos);
  EXPECT_NE(rejection(R"({"ApiEndpoint": "http://h", "Method": "POST",
    "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "X"}}})")
                .find("ArrayFormat must be"),
            std::string::npos);
  EXPECT_NE(rejection(R"([1])").find("must be an object"), std::string::npos);
}

HttpResponse response(long status, const std::string& type, const std::string& body) {
  HttpResponse r;
  r.transport = HttpResponse::Transport::Ok;
  r.status = status;
  r.statusText = aslrt::httpReasonPhrase(status);
  r.headers = {{"Content-Type", type}, {"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}};
  r.body = body;
  return r;
}

TEST(HttpTask, ResultShape) {
  aslrt::TaskOutcome o = aslrt::httpTaskOutcome(response(200, "application/json; charset=utf-8", R"({"a":1})"), false);
  ASSERT_TRUE(o.ok);
  EXPECT_EQ(o.value, Json::parse(R"({"Headers": {"Content-Type": ["application/json; charset=utf-8"],
    "Set-Cookie": ["a=1", "b=2"]}, "ResponseBody": {"a": 1}, "StatusCode": 200, "StatusText": "OK"})"));
}

TEST(HttpTask, NonJsonBodiesStayText) {
  EXPECT_EQ(aslrt::httpTaskOutcome(response(200, "text/plain", "42"), false).value["ResponseBody"], "42");
  EXPECT_EQ(aslrt::httpTaskOutcome(response(200, "application/json", "not json"), false).value["ResponseBody"],
            "not json");
  EXPECT_EQ(aslrt::httpTaskOutcome(response(200, "application/problem+json", "[1]"), false).value["ResponseBody"],
            Json::parse("[1]"));
}

TEST(HttpTask, NonSuccessStatusIsAnError) {
  aslrt::TaskOutcome o = aslrt::httpTaskOutcome(response(404, "application/json", R"({"e":1})"), false);
  ASSERT_FALSE(o.ok);
  EXPECT_EQ(o.failure.error, "States.Http.StatusCode.404");
  Json cause = Json::parse(*o.failure.cause);
  EXPECT_EQ(cause["StatusCode"], 404);
  EXPECT_EQ(cause["StatusText"], "Not Found");
  EXPECT_EQ(cause["ResponseBody"], Json::parse(R"({"e":1})"));
  EXPECT_EQ(aslrt::httpTaskOutcome(response(503, "text/plain", ""), false).failure.error,
            "States.Http.StatusCode.503");
}

TEST(HttpTask, TransportFailures) {
  HttpResponse r;
  r.transport = HttpResponse::Transport::Failed;
  r.error = "Connection refused";
  aslrt::TaskOutcome o = aslrt::httpTaskOutcome(r, false);
  EXPECT_EQ(o.failure.error, "States.Http.Socket");
  EXPECT_EQ(*o.failure.cause, "Connection refused");
  r.transport = HttpResponse::Transport::TimedOut;
  EXPECT_EQ(aslrt::httpTaskOutcome(r, true).failure.error, "States.Timeout");
  EXPECT_EQ(aslrt::httpTaskOutcome(r, false).failure.error, "States.Http.Socket");
  r.transport = HttpResponse::Transport::Unavailable;
  EXPECT_EQ(aslrt::httpTaskOutcome(r, false).failure.error, "States.TaskFailed");
}

// The http binding kind.
aslrt::TaskCall bindingCall(const aslrt::Binding& b, bool lambda) {
  aslrt::TaskCall call;
  call.binding = &b;
  call.lambda = lambda;
  call.context.stateName = "Greet";
  return call;
}

TEST(HttpBinding, BodyIsTheResult) {
  aslrt::Binding b;
  b.kind = aslrt::BindingKind::Http;
  b.http.url = "http://127.0.0.1:9000/2015-03-31/functions/function/invocations";
  aslrt::TaskOutcome o = aslrt::httpBindingOutcome(bindingCall(b, true), response(200, "application/json", "[1,2]"));
  ASSERT_TRUE(o.ok);
  EXPECT_EQ(o.value, Json::parse("[1,2]"));
  EXPECT_TRUE(aslrt::httpBindingOutcome(bindingCall(b, true), response(200, "text/plain", " ")).value.is_null());
  o = aslrt::httpBindingOutcome(bindingCall(b, false), response(200, "text/plain", "hello"));
  EXPECT_EQ(o.failure.error, "States.TaskFailed");
  EXPECT_NE(o.failure.cause->find("not JSON: hello"), std::string::npos);
}

TEST(HttpBinding, LambdaErrorsMapAsAwsMapsThem) {
  aslrt::Binding b;
  b.kind = aslrt::BindingKind::Http;
  b.http.url = "http://127.0.0.1:9000/x";
  std::string error = R"({"errorMessage":"no","errorType":"Boom"})";
  HttpResponse withHeader = response(200, "application/json", error);
  withHeader.headers.emplace_back("X-Amz-Function-Error", "Unhandled");
  aslrt::TaskOutcome o = aslrt::httpBindingOutcome(bindingCall(b, false), withHeader);
  EXPECT_EQ(o.failure.error, "Boom");
  EXPECT_EQ(*o.failure.cause, error);
  // The RIE may leave the header out: a Lambda target's error body is enough.
  EXPECT_EQ(aslrt::httpBindingOutcome(bindingCall(b, true), response(200, "application/json", error)).failure.error,
            "Boom");
  EXPECT_TRUE(aslrt::httpBindingOutcome(bindingCall(b, false), response(200, "application/json", error)).ok);
  HttpResponse unknown = response(200, "application/json", "{}");
  unknown.headers.emplace_back("x-amz-function-error", "Unhandled");
  EXPECT_EQ(aslrt::httpBindingOutcome(bindingCall(b, true), unknown).failure.error, "Lambda.Unknown");
}

TEST(HttpBinding, StatusAndTransportFailures) {
  aslrt::Binding b;
  b.kind = aslrt::BindingKind::Http;
  b.http.url = "http://127.0.0.1:9000/x";
  aslrt::TaskOutcome o = aslrt::httpBindingOutcome(bindingCall(b, false), response(502, "text/plain", "down"));
  EXPECT_EQ(o.failure.error, "States.TaskFailed");
  EXPECT_EQ(*o.failure.cause, "HTTP 502 Bad Gateway from http://127.0.0.1:9000/x (state 'Greet'): down");
  HttpResponse refused;
  refused.transport = HttpResponse::Transport::Failed;
  refused.error = "Connection refused";
  o = aslrt::httpBindingOutcome(bindingCall(b, false), refused);
  EXPECT_EQ(*o.failure.cause, "cannot call http://127.0.0.1:9000/x (state 'Greet'): Connection refused");
  refused.transport = HttpResponse::Transport::TimedOut;
  EXPECT_EQ(aslrt::httpBindingOutcome(bindingCall(b, false), refused).failure.error, "States.Timeout");
}

}  // namespace
