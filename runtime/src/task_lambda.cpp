#include "task_lambda.h"

#include "sdk_response.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

bool isLambdaInvoke(const std::string& resource) { return resource == "arn:aws:states:::lambda:invoke"; }

bool isLambdaResource(std::string_view resource) {
  return resource.rfind("arn:aws:states:::lambda:invoke", 0) == 0 ||
         (resource.rfind("arn:aws:lambda:", 0) == 0 && resource.find(":function:") != std::string_view::npos);
}

std::string_view lambdaFunctionName(std::string_view s) {
  size_t at = s.find(":function:");
  std::string_view rest = at == std::string_view::npos ? s : s.substr(at + 10);
  return rest.substr(0, rest.find(':'));  // drop a version or alias
}

Json lambdaEvent(const Json& parameters) {
  if (!parameters.is_object() || !parameters.contains("Payload")) return Json::object();
  const Json& payload = parameters["Payload"];
  if (!payload.is_string()) return payload;
  // AWS sends a string Payload as the request body itself (see the
  // invoke_json_values recordings: "\"HelloWorld\"" arrives as "HelloWorld").
  Json parsed = aslrt::parseJson(payload.get<std::string>());
  return parsed.is_discarded() ? payload : parsed;
}

Json lambdaInvokeEnvelope(const Json& payload, std::mt19937_64& rng) {
  Json headers = {{"Connection", "keep-alive"},
                  {"Content-Length", std::to_string(payload.dump().size())},
                  {"Content-Type", "application/json"},
                  {"X-Amz-Executed-Version", "$LATEST"},
                  {"x-amzn-Remapped-Content-Length", "0"}};
  Json envelope = {{"ExecutedVersion", "$LATEST"}, {"Payload", payload}, {"StatusCode", 200}};
  addSdkMetadata(envelope, headers, randomRequestId(rng));
  return envelope;
}

std::optional<Failure> lambdaStyleError(const std::string& body) {
  std::string text = trimmed(body);
  Json parsed = aslrt::parseJson(text);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  auto type = parsed.find("errorType");
  if (type == parsed.end() || !type->is_string() || type->get<std::string>().empty()) return std::nullopt;
  return Failure{type->get<std::string>(), text};
}

Failure lambdaFailure(const std::string& body) {
  if (std::optional<Failure> f = lambdaStyleError(body)) return *f;
  std::string text = trimmed(body);
  return {"Lambda.Unknown", "The cause could not be determined because Lambda did not return an error type." +
                                (text.empty() ? std::string() : " Returned payload: " + text)};
}

}  // namespace aslrt
