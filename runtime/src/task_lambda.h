// AWS Lambda as Step Functions sees it: which resources are Lambda calls, the
// event a function receives, the lambda:invoke response envelope around what
// a (non-mocked) handler produced, and how a function's error body maps to an
// ASL error. Mocked results are AWS's recordings and are never re-wrapped.
#pragma once
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "aslrt/failure.h"
#include "aslrt/json.h"

namespace aslrt {

// arn:aws:states:::lambda:invoke (the optimized integration, no callback suffix).
bool isLambdaInvoke(const std::string& resource);
// lambda:invoke (any suffix) or a function ARN used directly as the Resource.
bool isLambdaResource(std::string_view resource);
// "name", "name:alias", "123:function:name" or a function ARN -> "name"
// (a view into the argument; empty when there is no name).
std::string_view lambdaFunctionName(std::string_view functionNameOrArn);
// The event lambda:invoke sends: its Payload; a string Payload is JSON text.
Json lambdaEvent(const Json& parameters);
// {"ExecutedVersion","Payload","SdkHttpMetadata","SdkResponseMetadata","StatusCode"}
Json lambdaInvokeEnvelope(const Json& payload, std::mt19937_64& rng);
// A failed invocation's body: {"errorType": T, ...} gives Error T and the
// body text as Cause; anything else is Lambda.Unknown.
Failure lambdaFailure(const std::string& body);
// The Lambda-style error in a command's output, if it printed one.
std::optional<Failure> lambdaStyleError(const std::string& body);

}  // namespace aslrt
