// Syntax tree. The parser builds the raw tree, then rewrite (ast_rewrite.cpp)
// turns `.` chains into paths with steps, predicates into stages, and resolves
// parent-operator slots — the shape the evaluator walks.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace aslrt::jsonata {

struct Signature;
class Regex;

enum class NodeType {
  Path, Binary, Unary, Name, String, Number, Value, Wildcard, Descendant, Parent,
  Condition, Block, Bind, Regex, Function, Partial, Variable, Lambda, Apply,
  Transform, Sort, Placeholder, Operator, End
};

// A parent-operator (%) slot: which ancestor a `%` refers to, found by
// walking back through path steps; `label` names the tuple binding.
struct Slot {
  std::string label;
  int level = 1;
  int index = 0;
};
using SlotPtr = std::shared_ptr<Slot>;

struct Node;

struct Stage {
  bool isIndex = false;   // `#$var` binding inside the stage list
  Node* expr = nullptr;   // filter expression
  std::string var;        // index variable name
  size_t position = 0;
};

struct SortTerm {
  bool descending = false;
  Node* expression = nullptr;
};

struct Group {
  std::vector<std::pair<Node*, Node*>> pairs;
  size_t position = 0;
};

struct Node {
  NodeType type = NodeType::End;
  std::string value;  // operator, name, string, variable name, literal keyword
  double number = 0;
  size_t position = 0;

  Node* lhs = nullptr;
  Node* rhs = nullptr;
  Node* expression = nullptr;        // unary operand
  std::vector<Node*> expressions;    // array constructor items, block items
  std::vector<Node*> steps;          // path steps
  std::vector<Node*> arguments;      // call arguments
  std::vector<std::pair<Node*, Node*>> pairs;  // object constructor
  std::vector<SortTerm> terms;       // order-by terms (raw '^' and Sort)
  Node* procedure = nullptr;
  Node* condition = nullptr;
  Node* then = nullptr;
  Node* otherwise = nullptr;
  Node* pattern = nullptr;           // transform
  Node* update = nullptr;
  Node* remove = nullptr;
  Node* body = nullptr;              // lambda
  std::vector<std::string> params;   // lambda parameter names
  std::shared_ptr<Signature> signature;
  std::shared_ptr<Regex> regex;

  std::vector<Node*> predicate;      // filters applied after evaluation
  std::vector<Stage> stages;         // per-step filters / index bindings
  std::unique_ptr<Group> group;

  std::string focus;                 // `@$v` context binding on a step
  std::string index;                 // `#$v` positional binding on a step
  SlotPtr slot;                      // Parent node
  SlotPtr ancestor;                  // step that binds a parent label
  std::vector<SlotPtr> seekingParent;
  bool hasSeekingParent = false;

  bool keepArray = false;
  bool keepSingletonArray = false;
  bool consarray = false;
  bool tuple = false;
  bool thunk = false;
};

// Owns every node of one expression; nodes refer to each other by pointer.
struct Arena {
  std::vector<std::unique_ptr<Node>> nodes;
  Node* make(NodeType t, size_t pos) {
    nodes.push_back(std::make_unique<Node>());
    nodes.back()->type = t;
    nodes.back()->position = pos;
    return nodes.back().get();
  }
};

}  // namespace aslrt::jsonata
