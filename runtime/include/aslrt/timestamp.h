// Timestamps as Step Functions reads and prints them (Choice Timestamp*
// rules, IsTimestamp, Wait Timestamp/TimestampPath, context object times).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aslrt {

// RFC 3339 as AWS documents it: "2016-03-14T01:59:00Z", "...T01:59:00.243167252Z",
// "...+01:00"; uppercase 'T' and 'Z' only, seconds required. Rejects a missing
// offset, a space for 'T' and out-of-range fields.
// Returns microseconds since the Unix epoch (UTC); finer digits are truncated.
std::optional<int64_t> parseTimestampMicros(std::string_view rfc3339);

// How AWS prints context-object times: UTC, always 3 fraction digits,
// e.g. "2024-01-01T00:00:00.123Z".
std::string formatTimestamp(int64_t micros);

}  // namespace aslrt
