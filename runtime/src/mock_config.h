// Step Functions Local's MockConfigFile: test cases map state names to mocked
// responses; each response lists what the Nth invocation returns or throws
// ("0", "1-2", ...). Loaded once per process.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "aslrt/failure.h"
#include "aslrt/json.h"

namespace aslrt {

struct MockedResult {
  bool isThrow = false;
  Json value;       // Return
  Failure failure;  // Throw
};

class MockConfig {
 public:
  // Selects `testCase` of `stateMachine` ("" = the file's only state machine).
  static std::optional<MockConfig> load(const std::string& path, const std::string& stateMachine,
                                        const std::string& testCase, std::string* error);
  bool mocks(const std::string& stateName) const { return responseOf_.count(stateName) > 0; }
  // The result of the `invocation`-th call (0-based) of that state, or nullopt past the last one.
  std::optional<MockedResult> result(const std::string& stateName, int64_t invocation) const;

 private:
  std::map<std::string, std::string> responseOf_;  // state name -> response name
  Json responses_;                                 // MockedResponses
};

}  // namespace aslrt
