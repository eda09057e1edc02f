// The bindings loader: format checks with clear messages, selectors and precedence.
#include "task_bindings.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "aslrt/handler.h"

namespace {

using aslrt::Binding;
using aslrt::BindingKind;
using aslrt::Json;
using aslrt::TaskBindings;

int registeredForTest(const aslrt_task_context*, const char*, size_t, aslrt_task_reply* reply) {
  return aslrt_reply_result(reply, "1", 1);
}
ASLRT_REGISTER_HANDLER(registeredForTest);

std::optional<TaskBindings> parse(const std::string& text, std::string* error) {
  return TaskBindings::parse(Json::parse(text), "/base", "file 'b.json'", error);
}

std::string errorOf(const std::string& text) {
  std::string error;
  EXPECT_FALSE(parse(text, &error)) << text;
  return error;
}

const Binding* find(const TaskBindings& b, const std::string& resource, const Json& params = Json::object()) {
  return b.find(aslrt::taskTarget(resource, params));
}

TEST(TaskBindings, ParsesEveryKind) {
  std::string error;
  auto b = parse(R"({"bindings": [
    {"resource": "r1", "kind": "command", "argv": ["python3", "x.py"], "env": {"A": "1"}, "cwd": "sub"},
    {"resource": "r2", "kind": "native", "symbol": "registeredForTest"},
    {"resource": "r3", "kind": "identity", "comment": "echo"},
    {"resource": "r4", "kind": "value", "value": [1, 2]},
    {"resource": "r5", "kind": "fail", "error": "E", "cause": "C"}]})", &error);
  ASSERT_TRUE(b) << error;
  EXPECT_EQ(b->size(), 5u);
  const Binding* cmd = find(*b, "r1");
  ASSERT_TRUE(cmd);
  EXPECT_EQ(cmd->kind, BindingKind::Command);
  EXPECT_EQ(cmd->command.argv, (std::vector<std::string>{"python3", "x.py"}));
  EXPECT_EQ(cmd->command.cwd, "/base/sub");
  EXPECT_EQ(cmd->command.env.at("A"), "1");
  EXPECT_TRUE(find(*b, "r2")->handler);
  EXPECT_EQ(find(*b, "r4")->value, Json::parse("[1,2]"));
  EXPECT_EQ(find(*b, "r5")->failure.error, "E");
  EXPECT_EQ(*find(*b, "r5")->failure.cause, "C");
  EXPECT_EQ(find(*b, "nothing"), nullptr);
}

TEST(TaskBindings, RelativeProgramPathsUseTheBaseDirectory) {
  std::string error;
  auto b = parse(R"({"baseDirectory": "tools", "bindings": [
    {"resource": "r", "kind": "command", "argv": ["./run.sh", "a/b"]}]})", &error);
  ASSERT_TRUE(b) << error;
  EXPECT_EQ(find(*b, "r")->command.argv, (std::vector<std::string>{"/base/tools/run.sh", "a/b"}));
  EXPECT_EQ(find(*b, "r")->command.cwd, "/base/tools");
}

TEST(TaskBindings, ReportsMistakesClearly) {
  EXPECT_EQ(errorOf("[]"), "bindings file 'b.json': must be a JSON object with a \"bindings\" array");
  EXPECT_EQ(errorOf(R"({"bindings": [], "extra": 1})"),
            "bindings file 'b.json': unknown top-level field 'extra' (bindings, baseDirectory, comment)");
  EXPECT_EQ(errorOf(R"({"bindings": [{"kind": "identity"}]})"),
            "bindings file 'b.json': bindings[0]: needs exactly one of \"resource\", \"function\" or \"match\"");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "match": "*", "kind": "identity"}]})"),
            "bindings file 'b.json': bindings[0]: needs exactly one of \"resource\", \"function\" or \"match\"");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "shell"}]})"),
            "bindings file 'b.json': bindings[0]: unknown kind 'shell' (command, native, identity, value, fail, stateMachine or http)");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "command", "argv": []}]})"),
            "bindings file 'b.json': bindings[0]: \"argv\" must be a non-empty array of strings");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "command", "argv": ["x"], "env": {"A": 1}}]})"),
            "bindings file 'b.json': bindings[0]: \"env\": the value of 'A' must be a string");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "identity", "symbol": "s"}]})"),
            "bindings file 'b.json': bindings[0]: unknown field 'symbol' for kind 'identity'");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "value"}]})"),
            "bindings file 'b.json': bindings[0]: needs \"value\"");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "fail"}]})"),
            "bindings file 'b.json': bindings[0]: needs \"error\"");
  EXPECT_EQ(errorOf(R"({"bindings": [{"function": "f", "kind": "identity"}, {"function": "f", "kind": "identity"}]})"),
            "bindings file 'b.json': bindings[1]: 'f' is already bound by bindings[0]");
}

TEST(TaskBindings, HttpKind) {
  std::string error;
  auto b = parse(R"({"bindings": [{"function": "f", "kind": "http",
    "url": "http://127.0.0.1:9000/2015-03-31/functions/function/invocations", "headers": {"X-Key": "k"}}]})",
                 &error);
  ASSERT_TRUE(b) << error;
  const Binding* h = find(*b, "arn:aws:states:::lambda:invoke", {{"FunctionName", "f"}});
  ASSERT_TRUE(h);
  EXPECT_EQ(h->kind, BindingKind::Http);
  EXPECT_EQ(h->http.url, "http://127.0.0.1:9000/2015-03-31/functions/function/invocations");
  ASSERT_EQ(h->http.headers.size(), 1u);
  EXPECT_EQ(h->http.headers[0], (std::pair<std::string, std::string>{"X-Key", "k"}));
  const std::string prefix = "bindings file 'b.json': bindings[0]: ";
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "http"}]})"), prefix + "needs \"url\"");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "http", "url": "ftp://h/x"}]})"),
            prefix + "\"url\" must be an http:// or https:// URL with a host, not 'ftp://h/x'");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "http", "url": "http://"}]})"),
            prefix + "\"url\" must be an http:// or https:// URL with a host, not 'http://'");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "http", "url": "http://h", "headers": {"A": 1}}]})"),
            prefix + "\"headers\": the value of 'A' must be a string");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "http", "url": "http://h", "method": "GET"}]})"),
            prefix + "unknown field 'method' for kind 'http'");
}

TEST(TaskBindings, MissingNativeHandlerIsAStartUpError) {
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "native", "symbol": "nope_not_here"}]})"),
            "bindings file 'b.json': bindings[0]: no native handler 'nope_not_here' is linked in "
            "(link it with --link and register it with ASLRT_REGISTER_HANDLER or ASLRT_JSON_HANDLER)");
  std::string error;  // aslc build checks without resolving
  EXPECT_TRUE(TaskBindings::parse(Json::parse(R"({"bindings": [{"resource": "r", "kind": "native", "symbol": "x"}]})"),
                                  "/", "f", &error, false));
}

TEST(TaskBindings, MatchesLambdaFunctionsByName) {
  std::string error;
  auto b = parse(R"({"bindings": [{"function": "charge", "kind": "identity"}]})", &error);
  ASSERT_TRUE(b) << error;
  const std::string invoke = "arn:aws:states:::lambda:invoke";
  for (const char* name : {"charge", "charge:live", "123456789012:function:charge",
                           "arn:aws:lambda:us-east-1:123456789012:function:charge:$LATEST"})
    EXPECT_TRUE(find(*b, invoke, {{"FunctionName", name}})) << name;
  EXPECT_FALSE(find(*b, invoke, {{"FunctionName", "charger"}}));
  EXPECT_TRUE(find(*b, "arn:aws:lambda:us-east-1:123456789012:function:charge"));
  EXPECT_FALSE(find(*b, "charge"));  // not a Lambda resource
}

TEST(TaskBindings, MatchesStartExecutionByStateMachineArn) {
  std::string error;
  auto b = parse(R"({"bindings": [{"resource": "arn:aws:states:us-east-1:1:stateMachine:Child", "kind": "identity"}]})",
                 &error);
  ASSERT_TRUE(b) << error;
  Json params = {{"StateMachineArn", "arn:aws:states:us-east-1:1:stateMachine:Child"}};
  EXPECT_TRUE(find(*b, "arn:aws:states:::states:startExecution.sync:2", params));
  EXPECT_FALSE(find(*b, "arn:aws:states:::states:startExecution", {{"StateMachineArn", "other"}}));
}

TEST(TaskBindings, ExactBeatsGlobAndGlobsGoInFileOrder) {
  std::string error;
  auto b = parse(R"({"bindings": [
    {"match": "arn:aws:states:::sqs:*", "kind": "value", "value": "first-glob"},
    {"match": "*", "kind": "value", "value": "catch-all"},
    {"resource": "arn:aws:states:::lambda:invoke", "kind": "value", "value": "any-invoke"},
    {"function": "f", "kind": "value", "value": "f"},
    {"resource": "arn:aws:states:::sqs:sendMessage", "kind": "value", "value": "exact"}]})", &error);
  ASSERT_TRUE(b) << error;
  EXPECT_EQ(find(*b, "arn:aws:states:::sqs:sendMessage")->value, "exact");
  EXPECT_EQ(find(*b, "arn:aws:states:::sqs:deleteMessage")->value, "first-glob");
  EXPECT_EQ(find(*b, "arn:aws:states:::sns:publish")->value, "catch-all");
  EXPECT_EQ(find(*b, "arn:aws:states:::lambda:invoke", {{"FunctionName", "f"}})->value, "f");
  EXPECT_EQ(find(*b, "arn:aws:states:::lambda:invoke", {{"FunctionName", "g"}})->value, "any-invoke");
}

TEST(TaskBindings, ReadsFilesAndRecordsTheirDirectory) {
  std::string path = testing::TempDir() + "/aslrt_bindings_test.json";
  std::ofstream(path) << R"({"bindings": [{"resource": "r", "kind": "command", "argv": ["true"]}]})";
  std::string error;
  std::optional<Json> doc = aslrt::readBindingsDocument(path, &error);
  ASSERT_TRUE(doc) << error;
  std::string dir = testing::TempDir();
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  EXPECT_EQ((*doc)["baseDirectory"], dir);
  auto b = TaskBindings::loadFile(path, &error);
  ASSERT_TRUE(b) << error;
  EXPECT_EQ(find(*b, "r")->command.cwd, dir);
  std::remove(path.c_str());
  EXPECT_FALSE(TaskBindings::loadFile(path, &error));
  EXPECT_EQ(error, "cannot read bindings file '" + path + "'");
}

}  // namespace

TEST(TaskBindings, StateMachineNeedsADefinitionCompiledIn) {
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "stateMachine"}]})"),
            "bindings file 'b.json': bindings[0]: needs \"definition\"");
  EXPECT_EQ(errorOf(R"({"bindings": [{"resource": "r", "kind": "stateMachine", "definition": "child.json"}]})"),
            "bindings file 'b.json': bindings[0]: the state machine '/base/child.json' is not compiled into this "
            "executable (rebuild it with aslc build --bindings naming it)");
  std::string error;  // aslc build checks without resolving, and lists what to compile in
  auto b = TaskBindings::parse(Json::parse(R"({"baseDirectory": "/m", "bindings": [
    {"resource": "a", "kind": "stateMachine", "definition": "x/child.json"},
    {"resource": "b", "kind": "stateMachine", "definition": "x/../x/child.json"},
    {"resource": "c", "kind": "stateMachine", "definition": "other.json"}]})"),
                               "/", "f", &error, false);
  ASSERT_TRUE(b) << error;
  EXPECT_EQ(b->nestedDefinitions(), (std::vector<std::string>{"/m/x/child.json", "/m/other.json"}));
}
