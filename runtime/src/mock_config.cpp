#include "mock_config.h"
#include "json_file.h"


namespace aslrt {
namespace {

// "3" or "1-2": does it cover `n`?
bool coversInvocation(const std::string& key, int64_t n) {
  size_t dash = key.find('-');
  try {
    if (dash == std::string::npos) return std::stoll(key) == n;
    return std::stoll(key.substr(0, dash)) <= n && n <= std::stoll(key.substr(dash + 1));
  } catch (...) {
    return false;
  }
}

bool selectTestCase(const Json& root, std::string stateMachine, const std::string& testCase,
                    std::map<std::string, std::string>& out, std::string* error) {
  const Json& machines = root.value("StateMachines", Json::object());
  if (stateMachine.empty()) {
    if (machines.size() != 1) {
      *error = "the mock config has " + std::to_string(machines.size()) +
               " state machines; choose one with --state-machine";
      return false;
    }
    stateMachine = machines.begin().key();
  }
  if (!machines.contains(stateMachine)) {
    *error = "the mock config has no state machine '" + stateMachine + "'";
    return false;
  }
  const Json& cases = machines[stateMachine].value("TestCases", Json::object());
  if (!cases.contains(testCase)) {
    *error = "state machine '" + stateMachine + "' in the mock config has no test case '" + testCase + "'";
    return false;
  }
  for (auto& [state, response] : cases[testCase].items())
    if (response.is_string()) out[state] = response.get<std::string>();
  return true;
}

}  // namespace

std::optional<MockConfig> MockConfig::load(const std::string& path, const std::string& stateMachine,
                                           const std::string& testCase, std::string* error) {
  std::optional<Json> doc = readJsonFile(path, "mock config", error);
  if (!doc) return std::nullopt;
  const Json& root = *doc;
  if (!root.is_object()) {
    *error = "mock config '" + path + "' is not a JSON object";
    return std::nullopt;
  }
  if (testCase.empty()) {
    *error = "--mock-config needs --test-case NAME";
    return std::nullopt;
  }
  MockConfig config;
  if (!selectTestCase(root, stateMachine, testCase, config.responseOf_, error)) return std::nullopt;
  config.responses_ = root.value("MockedResponses", Json::object());
  for (auto& [state, response] : config.responseOf_)
    if (!config.responses_.contains(response)) {
      *error = "mocked response '" + response + "' (for state '" + state + "') is not in MockedResponses";
      return std::nullopt;
    }
  return config;
}

std::optional<MockedResult> MockConfig::result(const std::string& stateName, int64_t invocation) const {
  auto it = responseOf_.find(stateName);
  if (it == responseOf_.end()) return std::nullopt;
  for (auto& [key, entry] : responses_[it->second].items()) {
    if (!coversInvocation(key, invocation) || !entry.is_object()) continue;
    MockedResult r;
    if (entry.contains("Throw")) {
      const Json& t = entry["Throw"];
      r.isThrow = true;
      r.failure.error = t.value("Error", "");
      // A task's error always has a cause, empty when the service gave none: the recorded
      // error output of a caught States.Timeout is {"Error": ..., "Cause": ""}.
      r.failure.cause = t.contains("Cause") && t["Cause"].is_string() ? t["Cause"].get<std::string>() : "";
      return r;
    }
    r.value = entry.value("Return", Json(nullptr));
    return r;
  }
  return std::nullopt;
}

}  // namespace aslrt
