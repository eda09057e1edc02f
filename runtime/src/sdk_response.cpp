#include "sdk_response.h"

#include <algorithm>
#include <cctype>
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

namespace {
bool lessIgnoringCase(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}
}  // namespace

// The members come as the SDK writes them (recorded: the lambda, sns and sqs
// cases): the response's fields in key order, AllHttpHeaders in the order
// sent, HttpHeaders by name ignoring case.
void addSdkMetadata(Json& response, const Json& headers, const std::string& requestId) {
  Json single = headers;
  single["x-amzn-RequestId"] = requestId;
  Json all = Json::object();
  for (auto& [name, value] : single.items()) all[name] = Json::array({value});
  single.get_ref<Json::object_t&>().sortByKey(lessIgnoringCase);
  response["SdkHttpMetadata"] = {{"AllHttpHeaders", all}, {"HttpHeaders", single}, {"HttpStatusCode", 200}};
  response["SdkResponseMetadata"] = {{"RequestId", requestId}};
  response.get_ref<Json::object_t&>().sortByKey();
}

}  // namespace aslrt
