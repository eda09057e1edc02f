// Task bindings: what answers a Task state when no mock does. A bindings
// document (docs/BINDINGS.md) maps a task's target -- the Resource, or the
// FunctionName of lambda:invoke, or the StateMachineArn of
// states:startExecution -- to a command, a native handler, or a fixed answer.
// Loaded and checked once at start-up; read-only afterwards, so concurrent
// tasks may share it.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aslrt/abi.h"
#include "aslrt/failure.h"
#include "aslrt/handler.h"
#include "task_native.h"
#include "aslrt/json.h"

namespace aslrt {

enum class BindingKind { Command, Native, Identity, Value, Fail, StateMachine, Http };

// Where a native handler runs (the binding's "thread"): on a pooled worker
// thread while the workflow's fibers go on (may block), or inline on the
// workflow's own thread, with no hand-off (must not block: it stalls every
// branch while it runs).
enum class HandlerThread { Worker, Inline };

struct CommandSpec {
  std::vector<std::string> argv;             // argv[0] is looked up in PATH unless it has a '/'
  std::map<std::string, std::string> env;    // set on top of the inherited environment
  bool inheritEnvironment = true;
  std::string cwd;                           // absolute
};

struct HttpSpec {
  std::string url;                                          // http:// or https://
  std::vector<std::pair<std::string, std::string>> headers;  // sent with every call
};

struct Binding {
  enum class Selector { Resource, Function, Match };
  Selector selector = Selector::Resource;
  std::string pattern;   // the exact target, the Lambda function name, or a glob
  BindingKind kind = BindingKind::Identity;
  CommandSpec command;
  std::string symbol;    // native
  NativeHandler handler;  // kind native, once resolved
  HandlerThread thread = HandlerThread::Worker;  // native
  Json value;            // value
  Failure failure;       // fail
  std::string definition;                  // stateMachine: the definition file, absolute
  const aslrt_program* nested = nullptr;   // stateMachine: compiled into this executable
  HttpSpec http;         // http
  std::string describe() const;  // e.g. "binding #2 (function 'charge')"
  size_t index = 0;
};

// What a Task asks for, as bindings match it.
// Views of the state's Resource and of its parameters, which outlive the call.
struct TaskTarget {
  std::string_view resource;  // the state's Resource
  std::string_view key;       // FunctionName / StateMachineArn when given, else the Resource
  bool keyIsResource() const { return key.data() == resource.data() && key.size() == resource.size(); }
  std::string describe() const;  // 'resource', or 'resource' ('key') when they differ
};

TaskTarget taskTarget(const std::string& resource, const Json& parameters);

class TaskBindings {
 public:
  // `doc` is the parsed bindings file; relative paths in it resolve against
  // doc["baseDirectory"], else `fileDirectory`. `origin` names the document
  // in messages. Native symbols are resolved here, so a missing one is a
  // start-up error (unless !resolveNative: what aslc checks at build time).
  static std::optional<TaskBindings> parse(const Json& doc, const std::string& fileDirectory,
                                           const std::string& origin, std::string* error,
                                           bool resolveNative = true);
  static std::optional<TaskBindings> loadFile(const std::string& path, std::string* error);

  // An exact `resource` or `function` binding of the target key first, then
  // an exact `resource` binding of the Resource, then the first `match` glob
  // (over the key or the Resource) in file order; nullptr when none applies.
  const Binding* find(const TaskTarget& target) const;
  size_t size() const { return bindings_.size(); }
  // The definitions of `stateMachine` bindings, once each: what `aslc build`
  // compiles into the executable next to the top-level machine.
  std::vector<std::string> nestedDefinitions() const;

  // The process's bindings (set once by main before any execution).
  static const TaskBindings* active();
  static void setActive(std::shared_ptr<const TaskBindings> bindings);

 private:
  std::vector<Binding> bindings_;
};

// Reads a bindings file as JSON and adds "baseDirectory" (the file's absolute
// directory) unless it has one: what `aslc build --bindings` bakes in.
std::optional<Json> readBindingsDocument(const std::string& path, std::string* error);

}  // namespace aslrt
