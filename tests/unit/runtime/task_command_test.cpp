// The command runner: stdin/stdout plumbing, environment, working directory,
// exit status, stderr tail and the timeout kill.
#include "task_command.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using aslrt::CommandResult;
using aslrt::CommandSpec;
using aslrt::runCommand;

CommandSpec spec(std::vector<std::string> argv) {
  CommandSpec s;
  s.argv = std::move(argv);
  return s;
}

TEST(TaskCommand, PipesInputToOutput) {
  CommandResult r = runCommand(spec({"cat"}), R"({"a":1})", std::nullopt);
  EXPECT_TRUE(r.spawnError.empty());
  EXPECT_EQ(r.exitStatus, 0);
  EXPECT_EQ(r.out, R"({"a":1})");
}

TEST(TaskCommand, LargeInputAndOutputDoNotDeadlock) {
  std::string big(4 * 1024 * 1024, 'x');  // far beyond a pipe's buffer
  CommandResult r = runCommand(spec({"cat"}), big, std::nullopt);
  EXPECT_EQ(r.out.size(), big.size());
}

TEST(TaskCommand, EnvironmentAndWorkingDirectory) {
  CommandSpec s = spec({"python3", "-c", "import os; print(os.environ.get('GREETING'), os.getcwd(), 'HOME' in os.environ)"});
  s.env["GREETING"] = "hi";
  s.cwd = "/";
  s.inheritEnvironment = false;
  CommandResult r = runCommand(s, "{}", std::nullopt);
  EXPECT_EQ(r.out, "hi / False\n");
}

TEST(TaskCommand, ExitStatusAndStderrTail) {
  CommandResult r = runCommand(spec({"python3", "-c", "import sys; sys.stderr.write('boom'); sys.exit(3)"}), "{}",
                               std::nullopt);
  EXPECT_EQ(r.exitStatus, 3);
  EXPECT_EQ(r.errTail, "boom");
}

TEST(TaskCommand, ChildThatIgnoresItsInput) {
  CommandResult r = runCommand(spec({"true"}), std::string(1 << 20, 'x'), std::nullopt);
  EXPECT_EQ(r.exitStatus, 0);  // EPIPE, not SIGPIPE
}

TEST(TaskCommand, MissingProgram) {
  CommandResult r = runCommand(spec({"/no/such/program"}), "{}", std::nullopt);
  EXPECT_FALSE(r.spawnError.empty());
}

TEST(TaskCommand, TimeoutKills) {
  auto start = std::chrono::steady_clock::now();
  CommandResult r = runCommand(spec({"sleep", "30"}), "{}", 200000);
  EXPECT_TRUE(r.timedOut);
  EXPECT_EQ(r.signal, 9);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
