// The SDK metadata AWS adds to an optimized integration's response
// ("SdkHttpMetadata", "SdkResponseMetadata"), shared by the integrations
// whose responses aslc builds itself (lambda:invoke, states:startExecution).
#pragma once
#include <random>
#include <string>

#include "aslrt/json.h"

namespace aslrt {

// A version 4 UUID drawn from the execution's (seedable) random source.
std::string randomRequestId(std::mt19937_64& rng);

// Adds "SdkHttpMetadata" (status 200, `headers` as name -> value, plus the
// request id) and "SdkResponseMetadata" to `response`.
void addSdkMetadata(Json& response, const Json& headers, const std::string& requestId);

}  // namespace aslrt
