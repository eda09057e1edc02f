#include "task_bindings.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "task_lambda.h"
#include "nested_machines.h"
#include "task_native.h"
#include "json_file.h"

namespace aslrt {
namespace {

namespace fs = std::filesystem;

// base/relative, normalized, without a trailing '/' ("/a/b/." -> "/a/b").
std::string joinPath(const std::string& base, const std::string& relative) {
  std::string out = (fs::path(base) / relative).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

const char* const kKinds[] = {"command", "native", "identity", "value", "fail", "stateMachine", "http"};

// The fields each kind may have besides the selector, "kind" and "comment".
const std::set<std::string>& kindFields(BindingKind kind) {
  static const std::map<BindingKind, std::set<std::string>> fields = {
      {BindingKind::Command, {"argv", "env", "inheritEnvironment", "cwd"}},
      {BindingKind::Native, {"symbol", "thread"}},
      {BindingKind::Identity, {}},
      {BindingKind::Value, {"value"}},
      {BindingKind::Fail, {"error", "cause"}},
      {BindingKind::StateMachine, {"definition"}},
      {BindingKind::Http, {"url", "headers"}}};
  return fields.at(kind);
}

struct Parser {
  std::string where;    // "bindings[2]"
  std::string* error;
  bool fail(const std::string& message) {
    *error = where + ": " + message;
    return false;
  }
  bool string(const Json& b, const char* key, std::string* out, bool required) {
    if (!b.contains(key)) return !required || fail(std::string("needs \"") + key + "\"");
    if (!b[key].is_string() || b[key].get<std::string>().empty())
      return fail(std::string("\"") + key + "\" must be a non-empty string");
    *out = b[key].get<std::string>();
    return true;
  }
};

bool parseSelector(const Json& b, Binding& out, Parser& p) {
  static const std::pair<const char*, Binding::Selector> kSelectors[] = {
      {"resource", Binding::Selector::Resource},
      {"function", Binding::Selector::Function},
      {"match", Binding::Selector::Match}};
  int found = 0;
  for (auto [key, selector] : kSelectors)
    if (b.contains(key)) {
      ++found;
      out.selector = selector;
      if (!p.string(b, key, &out.pattern, true)) return false;
    }
  if (found != 1) return p.fail("needs exactly one of \"resource\", \"function\" or \"match\"");
  return true;
}

bool parseKind(const Json& b, Binding& out, Parser& p) {
  std::string kind;
  if (!p.string(b, "kind", &kind, true)) return false;
  for (size_t i = 0; i < std::size(kKinds); ++i)
    if (kind == kKinds[i]) {
      out.kind = static_cast<BindingKind>(i);
      return true;
    }
  return p.fail("unknown kind '" + kind + "' (command, native, identity, value, fail, stateMachine or http)");
}

bool checkFields(const Json& b, const Binding& out, Parser& p) {
  static const std::set<std::string> common = {"resource", "function", "match", "kind", "comment"};
  const std::set<std::string>& own = kindFields(out.kind);
  for (auto& [key, value] : b.items())
    if (!common.count(key) && !own.count(key))
      return p.fail("unknown field '" + key + "' for kind '" + kKinds[static_cast<int>(out.kind)] + "'");
  return true;
}

bool parseEnv(const Json& b, CommandSpec& c, Parser& p) {
  if (b.contains("env")) {
    if (!b["env"].is_object()) return p.fail("\"env\" must be an object of strings");
    for (auto& [name, value] : b["env"].items()) {
      if (!value.is_string()) return p.fail("\"env\": the value of '" + name + "' must be a string");
      if (name.empty() || name.find('=') != std::string::npos)
        return p.fail("\"env\": '" + name + "' is not a variable name");
      c.env[name] = value.get<std::string>();
    }
  }
  if (!b.contains("inheritEnvironment")) return true;
  if (!b["inheritEnvironment"].is_boolean()) return p.fail("\"inheritEnvironment\" must be true or false");
  c.inheritEnvironment = b["inheritEnvironment"].get<bool>();
  return true;
}

bool parseCommand(const Json& b, CommandSpec& c, const std::string& baseDir, Parser& p) {
  const Json* argv = b.contains("argv") ? &b["argv"] : nullptr;
  if (!argv || !argv->is_array() || argv->empty()) return p.fail("\"argv\" must be a non-empty array of strings");
  for (const Json& a : *argv) {
    if (!a.is_string()) return p.fail("\"argv\" must be a non-empty array of strings");
    c.argv.push_back(a.get<std::string>());
  }
  if (c.argv[0].empty()) return p.fail("\"argv\"[0] must name a program");
  std::string cwd = ".";
  if (!p.string(b, "cwd", &cwd, false)) return false;
  c.cwd = joinPath(baseDir, cwd);
  // A relative program path ("./tool") means the bindings' directory, not
  // wherever the executable happens to be started.
  if (c.argv[0].find('/') != std::string::npos && c.argv[0][0] != '/')
    c.argv[0] = joinPath(baseDir, c.argv[0]);
  return parseEnv(b, c, p);
}

bool parseFail(const Json& b, Failure& f, Parser& p) {
  if (!p.string(b, "error", &f.error, true)) return false;
  if (!b.contains("cause")) return true;
  if (!b["cause"].is_string()) return p.fail("\"cause\" must be a string");
  f.cause = b["cause"].get<std::string>();
  return true;
}

// The definition is compiled into the executable by `aslc build`; at run time
// it must be there (a --bindings file naming another definition cannot be
// honoured without recompiling).
bool parseStateMachine(const Json& b, Binding& out, const std::string& baseDir, bool resolveNative, Parser& p) {
  if (!p.string(b, "definition", &out.definition, true)) return false;
  out.definition = joinPath(baseDir, out.definition);
  if (!resolveNative) return true;
  out.nested = findNestedMachine(out.definition);
  if (out.nested) return true;
  std::string known;
  for (const std::string& d : nestedMachineDefinitions()) known += (known.empty() ? "" : ", ") + d;
  return p.fail("the state machine '" + out.definition +
                "' is not compiled into this executable (rebuild it with aslc build --bindings naming it" +
                (known.empty() ? std::string(")") : "; compiled in: " + known + ")"));
}

// An http binding: {"url": "http://host:port/path", "headers": {"Name": "value"}}.
bool parseHttp(const Json& b, HttpSpec& h, Parser& p) {
  if (!p.string(b, "url", &h.url, true)) return false;
  size_t scheme = h.url.find("://");
  std::string name = scheme == std::string::npos ? "" : h.url.substr(0, scheme);
  if ((name != "http" && name != "https") || h.url.size() == scheme + 3 ||
      h.url.find_first_of(" \t\r\n") != std::string::npos)
    return p.fail("\"url\" must be an http:// or https:// URL with a host, not '" + h.url + "'");
  if (!b.contains("headers")) return true;
  if (!b["headers"].is_object()) return p.fail("\"headers\" must be an object of strings");
  for (auto& [name, value] : b["headers"].items()) {
    if (!value.is_string()) return p.fail("\"headers\": the value of '" + name + "' must be a string");
    if (name.empty() || name.find_first_of(": \t\r\n") != std::string::npos)
      return p.fail("\"headers\": '" + name + "' is not a header name");
    if (value.get<std::string>().find_first_of("\r\n") != std::string::npos)
      return p.fail("\"headers\": the value of '" + name + "' must be one line");
    h.headers.emplace_back(name, value.get<std::string>());
  }
  return true;
}

// "thread": "worker" (the default) or "inline" (docs/BINDINGS.md, Native handlers).
bool parseHandlerThread(const Json& b, HandlerThread& out, Parser& p) {
  if (!b.contains("thread")) return true;
  const Json& t = b["thread"];
  if (t == "worker") out = HandlerThread::Worker;
  else if (t == "inline") out = HandlerThread::Inline;
  else return p.fail("\"thread\" must be \"worker\" or \"inline\", not " + t.dump());
  return true;
}

bool parseNative(const Json& b, Binding& out, bool resolveNative, Parser& p) {
  if (!p.string(b, "symbol", &out.symbol, true) || !parseHandlerThread(b, out.thread, p)) return false;
  if (!resolveNative) return true;
  if (!nativeHandlersUnavailable().empty())
    return p.fail("native handler '" + out.symbol + "' cannot be called: " + nativeHandlersUnavailable());
  out.handler = findNativeHandler(out.symbol);
  if (!out.handler)
    return p.fail("no native handler '" + out.symbol +
                  "' is linked in (link it with --link and register it with ASLRT_REGISTER_HANDLER or ASLRT_JSON_HANDLER)");
  return true;
}

bool parseBody(const Json& b, Binding& out, const std::string& baseDir, bool resolveNative, Parser& p) {
  switch (out.kind) {
    case BindingKind::Command:
      return parseCommand(b, out.command, baseDir, p);
    case BindingKind::Native:
      return parseNative(b, out, resolveNative, p);
    case BindingKind::Value:
      if (!b.contains("value")) return p.fail("needs \"value\"");
      out.value = b["value"];
      return true;
    case BindingKind::Fail:
      return parseFail(b, out.failure, p);
    case BindingKind::Http:
      return parseHttp(b, out.http, p);
    case BindingKind::Identity:
      return true;
    case BindingKind::StateMachine:
      return parseStateMachine(b, out, baseDir, resolveNative, p);
  }
  return true;
}

std::optional<Binding> parseBinding(const Json& b, size_t index, const std::string& baseDir, bool resolveNative,
                                    std::string* error) {
  Parser p{"bindings[" + std::to_string(index) + "]", error};
  if (!b.is_object()) return p.fail("must be an object"), std::nullopt;
  Binding out;
  out.index = index;
  if (!parseSelector(b, out, p) || !parseKind(b, out, p) || !checkFields(b, out, p) ||
      !parseBody(b, out, baseDir, resolveNative, p))
    return std::nullopt;
  return out;
}

bool checkTopLevel(const Json& doc, std::string* error) {
  if (!doc.is_object() || !doc.contains("bindings") || !doc["bindings"].is_array()) {
    *error = "must be a JSON object with a \"bindings\" array";
    return false;
  }
  for (auto& [key, value] : doc.items())
    if (key != "bindings" && key != "baseDirectory" && key != "comment") {
      *error = "unknown top-level field '" + key + "' (bindings, baseDirectory, comment)";
      return false;
    }
  if (doc.contains("baseDirectory") && !doc["baseDirectory"].is_string()) {
    *error = "\"baseDirectory\" must be a string";
    return false;
  }
  return true;
}

// Two exact bindings for the same target would make the file order matter
// silently; say so instead.
bool checkDuplicates(const std::vector<Binding>& bindings, std::string* error) {
  std::map<std::pair<int, std::string>, size_t> seen;
  for (const Binding& b : bindings) {
    if (b.selector == Binding::Selector::Match) continue;
    auto [it, fresh] = seen.emplace(std::pair{static_cast<int>(b.selector), b.pattern}, b.index);
    if (!fresh) {
      *error = "bindings[" + std::to_string(b.index) + "]: '" + b.pattern + "' is already bound by bindings[" +
               std::to_string(it->second) + "]";
      return false;
    }
  }
  return true;
}

// The target itself (FunctionName, StateMachineArn or Resource).
bool keyMatch(const Binding& b, const TaskTarget& t) {
  if (b.selector == Binding::Selector::Resource) return b.pattern == t.key;
  if (b.selector != Binding::Selector::Function || !isLambdaResource(t.resource)) return false;
  std::string_view name = lambdaFunctionName(t.key);
  return !name.empty() && name == b.pattern;
}

bool globMatch(const Binding& b, const TaskTarget& t) {
  return fnmatch(b.pattern.c_str(), std::string(t.key).c_str(), 0) == 0 ||
         fnmatch(b.pattern.c_str(), std::string(t.resource).c_str(), 0) == 0;
}

std::shared_ptr<const TaskBindings>& activeSlot() {
  static std::shared_ptr<const TaskBindings> active;
  return active;
}

}  // namespace

std::string Binding::describe() const {
  static const char* const kSelectorNames[] = {"resource", "function", "match"};
  return "binding #" + std::to_string(index) + " (" + kSelectorNames[static_cast<int>(selector)] + " '" + pattern +
         "')";
}

std::string TaskTarget::describe() const {
  std::string what = "'" + std::string(resource) + "'";
  if (key != resource) what += " ('" + std::string(key) + "')";
  return what;
}

TaskTarget taskTarget(const std::string& resource, const Json& parameters) {
  TaskTarget t{resource, resource};
  const char* field = nullptr;
  if (resource.rfind("arn:aws:states:::lambda:invoke", 0) == 0) field = "FunctionName";
  if (resource.rfind("arn:aws:states:::states:startExecution", 0) == 0) field = "StateMachineArn";
  if (field && parameters.is_object()) {
    auto it = parameters.find(field);
    if (it != parameters.end() && it->is_string()) t.key = it->get_ref<const std::string&>();
  }
  return t;
}

std::optional<TaskBindings> TaskBindings::parse(const Json& doc, const std::string& fileDirectory,
                                                const std::string& origin, std::string* error,
                                                bool resolveNative) {
  std::string why;
  TaskBindings out;
  if (checkTopLevel(doc, &why)) {
    std::string baseDir = doc.value("baseDirectory", fileDirectory);
    baseDir = joinPath(fs::absolute(fileDirectory).string(), baseDir);
    for (size_t i = 0; i < doc["bindings"].size() && why.empty(); ++i)
      if (std::optional<Binding> b = parseBinding(doc["bindings"][i], i, baseDir, resolveNative, &why))
        out.bindings_.push_back(std::move(*b));
    if (why.empty()) checkDuplicates(out.bindings_, &why);
  }
  if (why.empty()) return out;
  *error = "bindings " + origin + ": " + why;
  return std::nullopt;
}

std::optional<Json> readBindingsDocument(const std::string& path, std::string* error) {
  std::optional<Json> read = readJsonFile(path, "bindings file", error);
  if (!read) return std::nullopt;
  Json doc = std::move(*read);
  std::string dir = fs::absolute(fs::path(path)).parent_path().string();
  bool hasBase = doc.is_object() && doc.contains("baseDirectory");
  if (doc.is_object() && (!hasBase || doc["baseDirectory"].is_string())) {
    std::string base = hasBase ? doc["baseDirectory"].get<std::string>() : std::string(".");
    doc["baseDirectory"] = joinPath(dir, base);
  }
  return doc;
}

std::optional<TaskBindings> TaskBindings::loadFile(const std::string& path, std::string* error) {
  std::optional<Json> doc = readBindingsDocument(path, error);
  if (!doc) return std::nullopt;
  return parse(*doc, fs::current_path().string(), "file '" + path + "'", error);
}

std::vector<std::string> TaskBindings::nestedDefinitions() const {
  std::vector<std::string> out;
  for (const Binding& b : bindings_)
    if (b.kind == BindingKind::StateMachine && std::find(out.begin(), out.end(), b.definition) == out.end())
      out.push_back(b.definition);
  return out;
}

const Binding* TaskBindings::find(const TaskTarget& target) const {
  for (const Binding& b : bindings_)
    if (keyMatch(b, target)) return &b;
  for (const Binding& b : bindings_)
    if (b.selector == Binding::Selector::Resource && b.pattern == target.resource) return &b;
  for (const Binding& b : bindings_)
    if (b.selector == Binding::Selector::Match && globMatch(b, target)) return &b;
  return nullptr;
}

const TaskBindings* TaskBindings::active() { return activeSlot().get(); }

void TaskBindings::setActive(std::shared_ptr<const TaskBindings> bindings) { activeSlot() = std::move(bindings); }

}  // namespace aslrt
