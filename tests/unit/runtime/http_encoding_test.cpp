// URL encoding for the HTTP Task: percent-encoding, query strings and
// URL_ENCODED bodies in each ArrayFormat.
#include "http_encoding.h"

#include <gtest/gtest.h>

namespace {

using aslrt::ArrayFormat;
using aslrt::Json;
using aslrt::urlEncodeObject;

TEST(HttpEncoding, PercentEncodesAllButUnreserved) {
  EXPECT_EQ(aslrt::percentEncode("aZ09-._~"), "aZ09-._~");
  EXPECT_EQ(aslrt::percentEncode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
  EXPECT_EQ(aslrt::percentEncode(""), "");
}

TEST(HttpEncoding, ScalarsAsText) {
  Json o = {{"s", "x y"}, {"n", 1.5}, {"i", 3}, {"t", true}, {"z", nullptr}};
  EXPECT_EQ(urlEncodeObject(o, ArrayFormat::Indices), "s=x%20y&n=1.5&i=3&t=true&z=");
}

// The four formats of "Apply URL-encoding on request body" (call-https-apis).
TEST(HttpEncoding, ArrayFormats) {
  Json o = {{"array", {"a", "b", "c"}}};
  EXPECT_EQ(urlEncodeObject(o, ArrayFormat::Indices), "array[0]=a&array[1]=b&array[2]=c");
  EXPECT_EQ(urlEncodeObject(o, ArrayFormat::Repeat), "array=a&array=b&array=c");
  EXPECT_EQ(urlEncodeObject(o, ArrayFormat::Commas), "array=a,b,c");
  EXPECT_EQ(urlEncodeObject(o, ArrayFormat::Brackets), "array[]=a&array[]=b&array[]=c");
}

TEST(HttpEncoding, NestedObjectsUseBrackets) {
  Json o = Json::parse(R"({"user": {"name": "Ann Lee", "tags": ["x", "y"]}, "k&": "v="})");
  EXPECT_EQ(urlEncodeObject(o, ArrayFormat::Indices),
            "user[name]=Ann%20Lee&user[tags][0]=x&user[tags][1]=y&k%26=v%3D");
  EXPECT_EQ(urlEncodeObject(o, ArrayFormat::Commas), "user[name]=Ann%20Lee&user[tags]=x,y&k%26=v%3D");
}

TEST(HttpEncoding, CommaValuesAreEncodedSoTheSeparatorStaysUnambiguous) {
  EXPECT_EQ(urlEncodeObject({{"a", {"x,y", "z"}}}, ArrayFormat::Commas), "a=x%2Cy,z");
}

TEST(HttpEncoding, EmptyObjectAndArray) {
  EXPECT_EQ(urlEncodeObject(Json::object(), ArrayFormat::Indices), "");
  EXPECT_EQ(urlEncodeObject({{"a", Json::array()}}, ArrayFormat::Repeat), "");
}

TEST(HttpEncoding, FormatNames) {
  EXPECT_EQ(aslrt::arrayFormatNamed("INDICES"), ArrayFormat::Indices);
  EXPECT_EQ(aslrt::arrayFormatNamed("REPEAT"), ArrayFormat::Repeat);
  EXPECT_EQ(aslrt::arrayFormatNamed("COMMAS"), ArrayFormat::Commas);
  EXPECT_EQ(aslrt::arrayFormatNamed("BRACKETS"), ArrayFormat::Brackets);
  EXPECT_FALSE(aslrt::arrayFormatNamed("indices"));
}

}  // namespace
