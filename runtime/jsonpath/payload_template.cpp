// Compiles a payload template into a tree whose static parts are kept as
// ready JSON, so rendering only evaluates the ".$" entries.
#include "aslrt/payload_template.h"

namespace aslrt {
namespace template_detail {

struct Node {
  enum class Kind { Static, Object, Array, Path, Call };
  Kind kind = Kind::Static;
  Json value;                           // Static
  std::vector<Node> items;              // Array elements, or Object member values
  std::vector<std::string> keys;        // Object: output keys (".$" removed)
  std::vector<std::string> sourceKeys;  // Object: template keys (".$" kept)
  std::optional<JsonPath> path;
  std::optional<IntrinsicCall> call;
};

}  // namespace template_detail

namespace {
using template_detail::Node;

bool endsWithDollar(const std::string& key) {
  return key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0;
}

std::string escapePointer(const std::string& key) {
  std::string out;
  for (char ch : key) out += ch == '~' ? "~0" : ch == '/' ? "~1" : std::string(1, ch);
  return out;
}

Node compileNode(const Json& v, const std::string& ptr, std::vector<TemplateError>* errors);

Node compileExpression(const Json& v, const std::string& ptr, std::vector<TemplateError>* errors) {
  Node node;
  if (!v.is_string()) {
    errors->push_back({ptr, "the value of a key ending in '.$' must be a string"});
    return node;
  }
  const std::string& text = v.get_ref<const std::string&>();
  SyntaxError err;
  if (IntrinsicCall::looksLikeCall(text)) {
    node.kind = Node::Kind::Call;
    node.call = IntrinsicCall::parse(text, &err);
    if (!node.call) errors->push_back({ptr, "invalid intrinsic function call: " + err.message});
    return node;
  }
  node.kind = Node::Kind::Path;
  node.path = JsonPath::parse(text, PathFlavor::Path, &err);
  if (!node.path) errors->push_back({ptr, "invalid JSONPath: " + err.message});
  return node;
}

Node compileObject(const Json& v, const std::string& ptr, std::vector<TemplateError>* errors) {
  Node node;
  node.kind = Node::Kind::Object;
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& key = it.key();
    std::string childPtr = ptr + "/" + escapePointer(key);
    bool dynamic = endsWithDollar(key);
    std::string outKey = dynamic ? key.substr(0, key.size() - 2) : key;
    if (dynamic && v.contains(outKey))
      errors->push_back({childPtr, "the key '" + outKey + "' appears twice once '.$' is removed"});
    Node child =
        dynamic ? compileExpression(*it, childPtr, errors) : compileNode(*it, childPtr, errors);
    node.keys.push_back(std::move(outKey));
    node.items.push_back(std::move(child));
    node.sourceKeys.push_back(key);
  }
  return node;
}

bool allStatic(const Node& n) {
  for (const auto& child : n.items)
    if (child.kind != Node::Kind::Static) return false;
  return true;
}

Node compileNode(const Json& v, const std::string& ptr, std::vector<TemplateError>* errors) {
  Node node;
  if (v.is_object()) {
    node = compileObject(v, ptr, errors);
  } else if (v.is_array()) {
    node.kind = Node::Kind::Array;
    for (size_t i = 0; i < v.size(); ++i)
      node.items.push_back(compileNode(v[i], ptr + "/" + std::to_string(i), errors));
  } else {
    node.value = v;
    return node;
  }
  if (!allStatic(node)) return node;
  Node folded;  // nothing dynamic below: keep the literal JSON
  folded.value = v;
  return folded;
}

std::optional<Json> renderNode(const Node& n, const EvalContext& ctx, std::string_view key,
                               Failure* failure) {
  switch (n.kind) {
    case Node::Kind::Static:
      return n.value;
    case Node::Kind::Path: {
      std::optional<Json> v = selectPath(*n.path, ctx);
      if (!v) *failure = Failure{"States.Runtime", pathNotFoundCause(*n.path, key, ctx)};
      return v;
    }
    case Node::Kind::Call:
      return n.call->evaluate(ctx, key, failure);
    case Node::Kind::Array: {
      Json out = Json::array();
      for (const auto& item : n.items) {
        std::optional<Json> v = renderNode(item, ctx, key, failure);
        if (!v) return std::nullopt;
        out.push_back(std::move(*v));
      }
      return out;
    }
    case Node::Kind::Object: {
      Json out = Json::object();
      for (size_t i = 0; i < n.items.size(); ++i) {
        std::optional<Json> v = renderNode(n.items[i], ctx, n.sourceKeys[i], failure);
        if (!v) return std::nullopt;
        out[n.keys[i]] = std::move(*v);
      }
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<PayloadTemplate> PayloadTemplate::compile(const Json& tmpl,
                                                        std::vector<TemplateError>* errors) {
  std::vector<TemplateError> local;
  std::vector<TemplateError>* sink = errors ? errors : &local;
  size_t before = sink->size();
  auto root = std::make_shared<Node>(compileNode(tmpl, "", sink));
  if (sink->size() != before) return std::nullopt;
  return PayloadTemplate(std::move(root));
}

std::optional<Json> PayloadTemplate::render(const EvalContext& ctx, std::string_view fieldName,
                                            Failure* failure) const {
  Failure scratch;
  try {
    return renderNode(*root_, ctx, fieldName, failure ? failure : &scratch);
  } catch (const std::exception& e) {  // nothing may escape the API
    if (failure) *failure = Failure{"States.Runtime", e.what()};
    return std::nullopt;
  }
}

bool PayloadTemplate::isStatic() const { return root_->kind == Node::Kind::Static; }

}  // namespace aslrt
