#include "sdk_response.h"

#include <cstdio>

namespace aslrt {

std::string randomRequestId(std::mt19937_64& rng) {
  uint64_t hi = rng(), lo = rng();
  hi = (hi & ~0xF000ULL) | 0x4000ULL;
  lo = (lo & ~(0xCULL << 60)) | (0x8ULL << 60);
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", unsigned(hi >> 32), unsigned(hi >> 16 & 0xFFFF),
                unsigned(hi & 0xFFFF), unsigned(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return text;
}

void addSdkMetadata(Json& response, const Json& headers, const std::string& requestId) {
  Json single = headers;
  single["x-amzn-RequestId"] = requestId;
  Json all = Json::object();
  for (auto& [name, value] : single.items()) all[name] = Json::array({value});
  response["SdkHttpMetadata"] = {{"AllHttpHeaders", all}, {"HttpHeaders", single}, {"HttpStatusCode", 200}};
  response["SdkResponseMetadata"] = {{"RequestId", requestId}};
}

}  // namespace aslrt
