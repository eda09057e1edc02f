#include "aslrt/timestamp.h"

#include <gtest/gtest.h>

namespace aslrt {
namespace {

TEST(Timestamp, ParsesAwsAcceptedForms) {
  EXPECT_EQ(parseTimestampMicros("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parseTimestampMicros("2016-03-14T01:59:00Z"), int64_t{1457920740} * 1000000);
  EXPECT_EQ(parseTimestampMicros("2016-03-14T01:59:00-01:30"),
            int64_t{1457920740 + 5400} * 1000000);
  EXPECT_EQ(parseTimestampMicros("2016-03-05T21:29:29.243167252Z"),
            int64_t{1457213369} * 1000000 + 243167);
  EXPECT_EQ(parseTimestampMicros("2012-10-09T20:00:55+01:00"),
            parseTimestampMicros("2012-10-09T19:00:55Z"));
  EXPECT_EQ(parseTimestampMicros("1969-12-31T23:59:59.5Z"), -500000);
  EXPECT_TRUE(parseTimestampMicros("2024-02-29T00:00:00Z"));
}

TEST(Timestamp, RejectsWhatAwsRejects) {
  // Recorded: scenarios.base_scenarios.wait_timestamp_path.*
  EXPECT_FALSE(parseTimestampMicros("2016-13-05T21:29:29Z"));
  EXPECT_FALSE(parseTimestampMicros("05-12-2016T21:29:29Z"));
  EXPECT_FALSE(parseTimestampMicros("2016-12-05T25:29:29Z"));
  EXPECT_FALSE(parseTimestampMicros("2016-12-05 21:29:29Z"));
  EXPECT_FALSE(parseTimestampMicros("2016-12-05T21:29:29"));
  EXPECT_FALSE(parseTimestampMicros("2023-02-29T00:00:00Z"));
  EXPECT_FALSE(parseTimestampMicros("2023-02-24"));
  EXPECT_FALSE(parseTimestampMicros("2016-12-05T21:29:29.Z"));
  EXPECT_FALSE(parseTimestampMicros("2016-12-05T21:29:29Z "));
  EXPECT_FALSE(parseTimestampMicros(""));
  // The Choice page asks for an uppercase 'T' and 'Z'; RFC 3339 needs seconds.
  EXPECT_FALSE(parseTimestampMicros("2016-03-14t01:59:00Z"));
  EXPECT_FALSE(parseTimestampMicros("2016-03-14T01:59:00z"));
  EXPECT_FALSE(parseTimestampMicros("2016-03-14T01:59Z"));
}

TEST(Timestamp, FormatsWithMilliseconds) {
  EXPECT_EQ(formatTimestamp(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(formatTimestamp(int64_t{1704067200} * 1000000 + 123456), "2024-01-01T00:00:00.123Z");
  EXPECT_EQ(formatTimestamp(-500000), "1969-12-31T23:59:59.500Z");
  EXPECT_EQ(*parseTimestampMicros(formatTimestamp(int64_t{1457213369243000})),
            int64_t{1457213369243000});
}

}  // namespace
}  // namespace aslrt
