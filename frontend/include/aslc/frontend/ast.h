// The ASL abstract syntax tree: every state type and field, typed. Built from
// the spanned JSON tree after validation; fields that hold payload templates
// or JSONata keep their JSON (with spans) for the lowering to compile.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aslc/frontend/json_tree.h"
#include "aslc/ir/module.h"

namespace aslc::ast {

enum class QueryLanguage { JSONPath, JSONata };
enum class StateType { Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map };
const char* stateTypeName(StateType type);

// A path-valued field: absent, explicitly null, or a path string.
struct PathField {
  bool present = false;
  bool isNull = false;
  std::string path;
  uint32_t offset = 0;
};

// A retrier is plain data from the definition to the runtime: the IR's type serves here too.
using Retrier = ir::Retrier;

struct Catcher {
  std::vector<std::string> errorEquals;
  std::string next;
  PathField resultPath;
  const JNode* output = nullptr;  // JSONata
  const JNode* assign = nullptr;
};

struct ChoiceRule {
  enum class Kind { Leaf, And, Or, Not, Condition } kind = Kind::Leaf;
  std::string op;        // leaf operator without the "Path" suffix
  bool isPath = false;   // the *Path form
  std::string variable;
  aslrt::Json operand;
  const JNode* condition = nullptr;  // JSONata Condition
  std::vector<ChoiceRule> children;
  std::string next;      // top-level rules only
  uint32_t offset = 0;
  const JNode* node = nullptr;  // the rule object (for Assign/Output)
};

struct StateMachine;

struct State {
  std::string name;
  uint32_t offset = 0;  // of the state's key
  StateType type = StateType::Pass;
  QueryLanguage queryLanguage = QueryLanguage::JSONPath;
  const JNode* node = nullptr;
  std::string comment;
  std::string next;
  bool end = false;

  PathField inputPath, outputPath, resultPath;
  const JNode* parameters = nullptr;
  const JNode* resultSelector = nullptr;
  const JNode* result = nullptr;
  const JNode* arguments = nullptr;  // JSONata
  const JNode* output = nullptr;     // JSONata
  const JNode* assign = nullptr;

  // Task
  std::string resource;
  const JNode* timeoutSeconds = nullptr;
  PathField timeoutSecondsPath;
  const JNode* heartbeatSeconds = nullptr;
  PathField heartbeatSecondsPath;
  const JNode* credentials = nullptr;
  // Wait
  const JNode* seconds = nullptr;
  PathField secondsPath;
  const JNode* timestamp = nullptr;
  PathField timestampPath;
  // Fail
  const JNode* error = nullptr;
  const JNode* cause = nullptr;
  PathField errorPath, causePath;
  // Choice
  std::vector<ChoiceRule> choices;
  std::string defaultNext;
  // Parallel
  std::vector<std::unique_ptr<StateMachine>> branches;
  // Map
  std::unique_ptr<StateMachine> itemProcessor;
  const JNode* processorConfig = nullptr;
  PathField itemsPath;
  const JNode* items = nullptr;
  const JNode* itemSelector = nullptr;
  const JNode* maxConcurrency = nullptr;
  PathField maxConcurrencyPath;
  const JNode* itemReader = nullptr;
  const JNode* itemBatcher = nullptr;
  const JNode* resultWriter = nullptr;
  const JNode* toleratedFailurePercentage = nullptr;
  const JNode* toleratedFailureCount = nullptr;
  std::string label;

  std::vector<Retrier> retry;
  std::vector<Catcher> catchers;
};

struct StateMachine {
  std::string startAt;
  std::string comment;
  std::optional<int64_t> timeoutSeconds;
  QueryLanguage queryLanguage = QueryLanguage::JSONPath;
  std::vector<State> states;  // document order
  const State* find(const std::string& name) const;
};

// The whole definition: the tree it was parsed from stays alive with it.
struct Definition {
  JNode tree;
  std::unique_ptr<StateMachine> machine;
};

}  // namespace aslc::ast
