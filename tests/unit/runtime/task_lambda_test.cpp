// Lambda's shapes: function names, the event, the envelope, error mapping.
#include "task_lambda.h"

#include <gtest/gtest.h>

namespace {

using aslrt::Json;

TEST(TaskLambda, FunctionNames) {
  EXPECT_EQ(aslrt::lambdaFunctionName("f"), "f");
  EXPECT_EQ(aslrt::lambdaFunctionName("f:prod"), "f");
  EXPECT_EQ(aslrt::lambdaFunctionName("123456789012:function:f"), "f");
  EXPECT_EQ(aslrt::lambdaFunctionName("arn:aws:lambda:us-east-1:123456789012:function:f:7"), "f");
  EXPECT_TRUE(aslrt::lambdaFunctionName("").empty());
  EXPECT_TRUE(aslrt::lambdaFunctionName("arn:aws:lambda:us-east-1:123456789012:function:").empty());
}

TEST(TaskLambda, EventIsThePayloadAndStringPayloadsAreJsonText) {
  EXPECT_EQ(aslrt::lambdaEvent({{"FunctionName", "f"}}), Json::object());
  EXPECT_EQ(aslrt::lambdaEvent({{"Payload", {{"a", 1}}}}), Json({{"a", 1}}));
  EXPECT_EQ(aslrt::lambdaEvent({{"Payload", "\"HelloWorld\""}}), Json("HelloWorld"));
  EXPECT_EQ(aslrt::lambdaEvent({{"Payload", "[]"}}), Json::array());
  EXPECT_EQ(aslrt::lambdaEvent({{"Payload", "not json"}}), Json("not json"));
}

TEST(TaskLambda, EnvelopeHasAwsShape) {
  std::mt19937_64 rng(1);
  Json e = aslrt::lambdaInvokeEnvelope("HelloWorld", rng);
  EXPECT_EQ(e["ExecutedVersion"], "$LATEST");
  EXPECT_EQ(e["Payload"], "HelloWorld");
  EXPECT_EQ(e["StatusCode"], 200);
  EXPECT_EQ(e["SdkHttpMetadata"]["HttpStatusCode"], 200);
  EXPECT_EQ(e["SdkHttpMetadata"]["HttpHeaders"]["Content-Length"], "12");  // as recorded for "HelloWorld"
  EXPECT_EQ(e["SdkHttpMetadata"]["AllHttpHeaders"]["Content-Type"], Json::array({"application/json"}));
  EXPECT_EQ(e["SdkResponseMetadata"]["RequestId"].get<std::string>().size(), 36u);
  EXPECT_EQ(e["SdkResponseMetadata"]["RequestId"], e["SdkHttpMetadata"]["HttpHeaders"]["x-amzn-RequestId"]);
}

TEST(TaskLambda, ErrorsMapAsAwsMapsThem) {
  std::string body = R"({"errorMessage":"Some exception was raised.","errorType":"Exception"})";
  aslrt::Failure f = aslrt::lambdaFailure(body + "\n");
  EXPECT_EQ(f.error, "Exception");
  EXPECT_EQ(*f.cause, body);
  EXPECT_EQ(aslrt::lambdaFailure("Segmentation fault").error, "Lambda.Unknown");
  EXPECT_EQ(aslrt::lambdaFailure(R"({"errorMessage":"m"})").error, "Lambda.Unknown");
  EXPECT_FALSE(aslrt::lambdaStyleError("[1]"));
}

}  // namespace
