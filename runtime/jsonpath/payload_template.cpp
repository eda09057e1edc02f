// Compiles a payload template into a tree whose static parts are kept as
// ready JSON, so rendering only evaluates the ".$" entries.
#include "aslrt/payload_template.h"

#include <algorithm>
#include <atomic>

#include "aslrt/java_hash_order.h"
#include "aslrt/json_release.h"
#include "aslrt/member_lookup.h"
#include "aslrt/payload_size.h"
#include "template_sizing.h"

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
  // Path: "k.$": "$.k" inside an object, copying the input's own member of
  // the same name (rendering in place can leave that member where it is).
  bool copiesOwnMember = false;
  // Path: a plain chain from the input ("$.a.b[0]") that no other path of
  // the template reads into or around, so a render into the dead input may
  // move the value out of it instead of copying (see MoveList).
  bool movesFromInput = false;
  // Call: the arguments its function may move out of a dead input
  // (IntrinsicCall::evaluate's movableArgs), set on at most one item of the
  // root object, which then renders after the others (consumingItem).
  uint32_t movableArgs = 0;
  // Object: the index of a member whose value is the whole input ("$"), or -1.
  int inputRootItem = -1;
  // Root object: the item whose call moves arguments out of a dead input, or -1.
  int consumingItem = -1;
  // Object: the items in the order their members are output (AWS's, see
  // setOutputOrder), and each item's place in it. Items render in the
  // template's own order, so the first failing field is the first written.
  std::vector<uint32_t> outputOrder;
  std::vector<uint32_t> outputSlot;
  // Object: where each item's key was last found in an input rendered in
  // place (matchMembers): a loop's state meets inputs of one shape, so the
  // guess saves the search. Only a hint, read and written relaxed: renders
  // on other threads may race on it.
  mutable std::vector<uint32_t> lastFoundAt;
  // Static: the value's serialised size. Object/Array: braces, commas, keys
  // and colons, i.e. everything but the members' values.
  uint64_t ownSize = 0;
  uint32_t staticDepth = 0;  // Static: how deep the value nests
};

}  // namespace template_detail

namespace {
using template_detail::Nested;
using template_detail::Node;
using template_detail::Sizing;

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

// AWS outputs a template's literal fields (nested templates among them) as
// written, then its ".$" fields in java.util.HashMap order of their names
// (java_hash_order.h gives the recordings).
void setOutputOrder(Node& node) {
  std::vector<std::string_view> dynamicKeys;
  std::vector<uint32_t> dynamicItems;
  for (uint32_t i = 0; i < node.items.size(); ++i) {
    if (node.sourceKeys[i].size() != node.keys[i].size()) {
      dynamicKeys.push_back(node.keys[i]);
      dynamicItems.push_back(i);
    } else {
      node.outputOrder.push_back(i);
    }
  }
  if (dynamicItems.size() < 2)  // nothing to reorder
    node.outputOrder.insert(node.outputOrder.end(), dynamicItems.begin(), dynamicItems.end());
  else
    for (uint32_t k : javaHashMapOrder(dynamicKeys)) node.outputOrder.push_back(dynamicItems[k]);
  node.outputSlot.resize(node.items.size());
  for (uint32_t slot = 0; slot < node.outputOrder.size(); ++slot) node.outputSlot[node.outputOrder[slot]] = slot;
  node.lastFoundAt = node.outputSlot;
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
    if (child.kind == Node::Kind::Path && child.path) {
      const std::string* member = child.path->singleMember();
      child.copiesOwnMember = member && *member == outKey;
      bool wholeInput = child.path->isRoot() && !child.path->isContextPath() && !child.path->isVariablePath();
      if (wholeInput && node.inputRootItem < 0) node.inputRootItem = static_cast<int>(node.items.size());
    }
    node.ownSize += quotedSize(outKey) + 1;
    node.keys.push_back(std::move(outKey));
    node.items.push_back(std::move(child));
    node.sourceKeys.push_back(key);
  }
  node.ownSize += 2 + (node.items.empty() ? 0 : node.items.size() - 1);
  setOutputOrder(node);
  return node;
}

Node staticNode(const Json& v) {
  Node node;
  node.value = v;
  Extent e = measure(v);
  node.ownSize = e.bytes;
  node.staticDepth = e.depth;
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
    node.ownSize = 2 + (v.empty() ? 0 : v.size() - 1);
  } else {
    return staticNode(v);
  }
  if (!allStatic(node)) return node;
  return staticNode(v);  // nothing dynamic below: keep the literal JSON
}

// Values a render into its dead input takes out of it instead of copying.
// They move only once every value has rendered: a failure's cause quotes the
// input (pathNotFoundCause), which must still be whole then.
class MoveList {
 public:
  explicit MoveList(Json& source) : source_(source) {}
  MoveList(const MoveList&) = delete;
  MoveList& operator=(const MoveList&) = delete;

  Json& source() const { return source_; }
  // `to`: a null placeholder that stays where it is until apply().
  void add(Json* to, const Json* from) {
    Move move{to, const_cast<Json*>(from)};  // a node of source_, which this render owns
    if (count_ < kInline) inline_[count_] = move;
    else spilled_.push_back(move);
    ++count_;
  }
  void apply() {
    for (size_t i = 0; i < count_; ++i) {
      Move& move = i < kInline ? inline_[i] : spilled_[i - kInline];
      move.to->swap(*move.from);  // the source keeps the placeholder's null
    }
    count_ = 0;
    spilled_.clear();
  }

 private:
  struct Move {
    Json* to;
    Json* from;
  };
  static constexpr size_t kInline = 8;
  Json& source_;
  Move inline_[kInline];
  std::vector<Move> spilled_;
  size_t count_ = 0;
};

// Makes `out` an object with a null member for each of n's items, in the
// output's order; item i's value goes to its outputSlot. Reserved first: no
// reallocation, so a MoveList may point at a member until apply().
Json::object_t& outputMembers(const Node& n, Json& out) {
  out = Json::object();
  Json::object_t& members = out.get_ref<Json::object_t&>();
  members.reserve(n.items.size());
  for (uint32_t i : n.outputOrder) members.appendNew(n.keys[i], nullptr);  // the template's keys are distinct
  return members;
}

// A Call node's value; movableArgs as IntrinsicCall::evaluate takes them.
// (Inlined: renderNode renders most calls, and a call of its own costs more
// than the rest of the case.)
[[gnu::always_inline]] inline bool renderCall(const Node& n, const EvalContext& ctx, std::string_view key,
                                              Failure* failure, Sizing* sizing, uint32_t movableArgs, Json& out) {
  SizeBound bound;
  std::optional<Json> v = n.call->evaluate(ctx, key, failure, sizing ? &bound : nullptr, movableArgs);
  if (!v) return false;
  if (sizing) sizing->addComputed(*v, bound);
  out.swap(*v);
  return true;
}

// Renders n into `out`, a null value that stays in place for the render (a
// MoveList may point at it). moves: null unless the input is dead.
bool renderNode(const Node& n, const EvalContext& ctx, std::string_view key, Failure* failure, Sizing* sizing,
                MoveList* moves, Json& out) {
  if (sizing && n.kind != Node::Kind::Path && n.kind != Node::Kind::Call) sizing->add(n.ownSize);
  switch (n.kind) {
    case Node::Kind::Static:
      if (sizing) sizing->reach(n.staticDepth);
      out = n.value;
      return true;
    case Node::Kind::Path: {
      if (moves && n.movesFromInput) {
        if (const Json* at = n.path->peek(moves->source())) {
          if (sizing) sizing->addSelected(*n.path, *at, n.movesFromInput);
          moves->add(&out, at);
          return true;
        }
      }
      std::optional<Json> v = selectPath(*n.path, ctx);
      if (!v) {
        *failure = Failure{"States.Runtime", pathNotFoundCause(*n.path, key, ctx)};
        return false;
      }
      if (sizing) sizing->addSelected(*n.path, *v, n.movesFromInput);
      out.swap(*v);
      return true;
    }
    case Node::Kind::Call:
      return renderCall(n, ctx, key, failure, sizing, 0, out);
    case Node::Kind::Array: {
      Nested nested(sizing);
      out = Json::array();
      Json::array_t& items = out.get_ref<Json::array_t&>();
      items.reserve(n.items.size());  // no reallocation: the elements stay in place
      for (const auto& item : n.items) {
        items.emplace_back();
        if (!renderNode(item, ctx, key, failure, sizing, moves, items.back())) return false;
      }
      return true;
    }
    case Node::Kind::Object: {
      Nested nested(sizing);
      Json::object_t& members = outputMembers(n, out);
      for (size_t i = 0; i < n.items.size(); ++i) {
        Json& member = (members.begin() + n.outputSlot[i])->second;
        if (!renderNode(n.items[i], ctx, n.sourceKeys[i], failure, sizing, moves, member)) return false;
      }
      return true;
    }
  }
  return false;
}

// An envelope such as {"body.$": "$", "kind": "report"}: the other fields are
// rendered from the intact input, which then moves into its field whole.
bool renderAroundInput(const Node& n, size_t rootItem, Json& source, const EvalContext& ctx, Failure* failure,
                       Sizing* sizing, Json& out) {
  if (sizing) sizing->add(n.ownSize);
  Nested nested(sizing);
  Json result;
  Json::object_t& members = outputMembers(n, result);
  for (size_t i = 0; i < n.items.size(); ++i) {
    if (i == rootItem) continue;
    Json& member = (members.begin() + n.outputSlot[i])->second;
    if (!renderNode(n.items[i], ctx, n.sourceKeys[i], failure, sizing, nullptr, member)) return false;
  }
  if (sizing) sizing->addSelected(*n.items[rootItem].path, source, false);
  (members.begin() + n.outputSlot[rootItem])->second = std::move(source);
  out.swap(result);
  return true;
}

// Moves a rendered value into `out` without a temporary; what `out` held
// (often the slot's value from an earlier state) is freed the cheap way.
void store(Json& value, Json& out) {
  out.swap(value);
  if (value.is_structured()) release(value);
}

using Member = Json::object_t::value_type;

// The input's member named by each template key (nullptr when it has none).
// True when the input has exactly the template's keys, in the output's
// order: then the result can take the input's place member by member (a
// loop's state meeting its own output again).
bool matchMembers(const Node& n, Json::object_t& members, Member** at) {
  bool sameKeys = members.size() == n.items.size();
  for (size_t i = 0; i < n.items.size(); ++i) {
    auto holdsKey = [&](size_t pos) {
      return pos < members.size() && sameKey((members.begin() + pos)->first, n.keys[i]);
    };
    // Where the key was last found, else its own output slot (the input may
    // have the template's shape), else a search.
    std::atomic_ref<uint32_t> lastFound(n.lastFoundAt[i]);
    size_t guess = lastFound.load(std::memory_order_relaxed), slot = n.outputSlot[i];
    auto it = holdsKey(guess)                  ? members.begin() + guess
              : guess != slot && holdsKey(slot) ? members.begin() + slot
                                                : members.find(n.keys[i]);
    size_t pos = static_cast<size_t>(it - members.begin());
    sameKeys = sameKeys && pos == slot;
    at[i] = it == members.end() ? nullptr : &*it;
    if (at[i] && pos != guess) lastFound.store(static_cast<uint32_t>(pos), std::memory_order_relaxed);
  }
  return sameKeys;
}

// Item i copies the input's own member of its name, which can stay as it is.
bool keepsMember(const Node& n, Member* const* at, size_t i) { return n.items[i].copiesOwnMember && at[i]; }

// The new value of each item that does not keep its member, every one
// computed from the intact input before the moves take values out of it.
// The consuming item, whose call takes its arguments out of the input,
// renders last; a failure cause may quote the input, which is whole until
// then. A later item's failure is reported only if the consuming item, run
// without taking anything, would not have failed first.
bool computeValues(const Node& n, Member* const* at, const EvalContext& ctx, Failure* failure, Sizing* sizing,
                   MoveList& moves, std::optional<Json>* values) {
  size_t consuming = n.consumingItem < 0 ? n.items.size() : static_cast<size_t>(n.consumingItem);
  for (size_t i = 0; i < n.items.size(); ++i) {
    if (i == consuming) continue;
    if (keepsMember(n, at, i)) {
      if (sizing) sizing->addKept(at[i]->second);
      continue;
    }
    if (renderNode(n.items[i], ctx, n.sourceKeys[i], failure, sizing, &moves, values[i].emplace())) continue;
    Json unused;
    if (consuming < i) renderCall(n.items[consuming], ctx, n.sourceKeys[consuming], failure, nullptr, 0, unused);
    return false;
  }
  if (consuming < n.items.size()) {
    const Node& item = n.items[consuming];
    Json& value = values[consuming].emplace();
    if (!renderCall(item, ctx, n.sourceKeys[consuming], failure, sizing, item.movableArgs, value)) return false;
  }
  moves.apply();
  return true;
}

// The result as a new object in the output's order: kept members and their
// keys move out of the input, whose remains (the members the template does
// not name, often most of the document) are freed the cheap way.
void rebuildInOrder(const Node& n, Member* const* at, std::optional<Json>* values, Json& source, Json& out) {
  Json result(Json::value_t::object);
  Json::object_t& members = result.get_ref<Json::object_t&>();
  members.reserve(n.items.size());
  for (uint32_t i : n.outputOrder) {
    if (keepsMember(n, at, i))
      members.appendNew(std::move(at[i]->first), std::move(at[i]->second));
    else
      members.appendNew(n.keys[i], std::move(*values[i]));
  }
  release(source);
  store(result, out);
}

// Renders an object template into `source`, the (dead) input itself: the new
// values are computed from the intact input; kept members move rather than
// copy, and when the input already has the template's shape the values are
// stored in its members where they are. The result equals renderNode's; only
// copies and allocations are saved. The `at` pointers into the input's members
// stay good because nothing adds to or erases from the input while values
// render (the context is const; an insertion would move its members).
bool renderInPlace(const Node& n, Json& source, const EvalContext& ctx, Failure* failure, Sizing* sizing, Json& out) {
  if (n.inputRootItem >= 0) return renderAroundInput(n, n.inputRootItem, source, ctx, failure, sizing, out);
  MoveList moves(source);
  if (!source.is_object()) {  // no members to keep
    Json v;
    if (!renderNode(n, ctx, "", failure, sizing, &moves, v)) return false;
    moves.apply();
    store(v, out);
    return true;
  }
  if (sizing) sizing->add(n.ownSize);
  Nested nested(sizing);
  Json::object_t& members = source.get_ref<Json::object_t&>();
  constexpr size_t kInline = 8;  // most templates are small: their work lists wait on the stack
  size_t count = n.items.size();
  Member* inlineAt[kInline];
  std::optional<Json> inlineValues[kInline];
  std::vector<Member*> spilledAt(count > kInline ? count : 0);
  std::vector<std::optional<Json>> spilledValues(count > kInline ? count : 0);
  Member** at = spilledAt.empty() ? inlineAt : spilledAt.data();
  std::optional<Json>* values = spilledValues.empty() ? inlineValues : spilledValues.data();
  bool sameKeys = matchMembers(n, members, at);
  if (!computeValues(n, at, ctx, failure, sizing, moves, values)) return false;
  if (!sameKeys) {
    rebuildInOrder(n, at, values, source, out);
    return true;
  }
  for (size_t i = 0; i < count; ++i)
    if (values[i]) replaceWith(at[i]->second, std::move(*values[i]));
  if (&out != &source) out.swap(source);
  return true;
}

// Every path the template reads (fields and intrinsic arguments), and its Path nodes.
void collectPaths(Node& n, std::vector<Node*>& pathNodes, std::vector<const JsonPath*>& reads) {
  if (n.kind == Node::Kind::Path) {
    pathNodes.push_back(&n);
    reads.push_back(&*n.path);
  }
  if (n.kind == Node::Kind::Call) n.call->allPaths([&](const JsonPath& p) {
    reads.push_back(&p);
    return true;
  });
  for (Node& child : n.items) collectPaths(child, pathNodes, reads);
}

// A context path that may reach $$.Map.Item.Value, which can be borrowed from
// a Map state's input.
bool mayReadMapItem(const JsonPath& path) { return path.isContextPath() && !path.avoidsMapItem(); }

// Marks the input paths a render into a dead input may move out of it: plain
// chains that no other field of the template overlaps ("$.a" and "$.a.b" both
// fields, or "$.a" twice, are copied; "$.a" and "$.b" are moved). An
// intrinsic's argument does not stop a move ({"doc.$": "$.doc", "s.$":
// "States.JsonToString($.doc)"} moves doc): every value renders before any
// move is applied (MoveList), so the call has read the intact input by then.
void markMovablePaths(Node& root) {
  std::vector<Node*> pathNodes;
  std::vector<const JsonPath*> reads;
  collectPaths(root, pathNodes, reads);
  bool anyReadsMapItem = std::any_of(reads.begin(), reads.end(), [](const JsonPath* p) { return mayReadMapItem(*p); });
  for (Node* node : pathNodes) {
    const JsonPath& path = *node->path;
    if (anyReadsMapItem || path.isContextPath() || path.isVariablePath() || path.isRoot() || !path.isPlainChain())
      continue;
    node->movesFromInput = std::none_of(pathNodes.begin(), pathNodes.end(), [&](const Node* other) {
      return other != node && other->path->mayOverlap(path);
    });
  }
  if (root.kind != Node::Kind::Object || anyReadsMapItem) return;
  // The first call of the root object whose function would rather move its
  // arguments (argsWorthMoving) gets those no other read overlaps.
  for (size_t i = 0; i < root.items.size(); ++i) {
    Node& item = root.items[i];
    if (item.kind != Node::Kind::Call) continue;
    uint32_t candidates = item.call->argsWorthMoving();
    for (size_t arg = 0; arg < 32; ++arg) {
      if (!(candidates >> arg & 1)) continue;
      const JsonPath* path = item.call->argPath(arg);
      bool alone = std::none_of(reads.begin(), reads.end(),
                                [&](const JsonPath* other) { return other != path && other->mayOverlap(*path); });
      if (alone) item.movableArgs |= 1u << arg;
    }
    if (item.movableArgs) {
      root.consumingItem = static_cast<int>(i);
      return;
    }
  }
}

bool readsMapItemSafely(const JsonPath& path) {
  return !path.isContextPath() || path.mapItemPath() || path.avoidsMapItem();
}

bool allReadMapItemSafely(const Node& n) {
  if (n.kind == Node::Kind::Path) return readsMapItemSafely(*n.path);
  if (n.kind == Node::Kind::Call) return n.call->allPaths(readsMapItemSafely);
  return std::all_of(n.items.begin(), n.items.end(), allReadMapItemSafely);
}

}  // namespace

PayloadTemplate::PayloadTemplate(std::shared_ptr<const template_detail::Node> root)
    : root_(std::move(root)), canBorrowMapItem_(allReadMapItemSafely(*root_)) {}

std::optional<PayloadTemplate> PayloadTemplate::compile(const Json& tmpl,
                                                        std::vector<TemplateError>* errors) {
  std::vector<TemplateError> local;
  std::vector<TemplateError>* sink = errors ? errors : &local;
  size_t before = sink->size();
  auto root = std::make_shared<Node>(compileNode(tmpl, "", sink));
  if (sink->size() != before) return std::nullopt;
  markMovablePaths(*root);
  return PayloadTemplate(std::move(root));
}

std::optional<Json> PayloadTemplate::render(const EvalContext& ctx, std::string_view fieldName,
                                            Failure* failure) const {
  return render(ctx, fieldName, failure, RenderOptions());
}

std::optional<Json> PayloadTemplate::render(const EvalContext& ctx, std::string_view fieldName, Failure* failure,
                                            const RenderOptions& options) const {
  Json out;
  if (!renderInto(out, ctx, fieldName, failure, options)) return std::nullopt;
  return out;
}

bool PayloadTemplate::renderInto(Json& out, const EvalContext& ctx, std::string_view fieldName, Failure* failure,
                                 const RenderOptions& options) const {
  Failure scratch;
  Failure* sink = failure ? failure : &scratch;
  Sizing sizing{options.inputBound};
  Sizing* bound = options.outputBound ? &sizing : nullptr;
  try {
    const Node& root = *root_;
    bool inPlace = options.reuse && options.reuse == ctx.input && root.kind == Node::Kind::Object;
    bool ok = false;
    if (inPlace) {
      ok = renderInPlace(root, *options.reuse, ctx, sink, bound, out);
    } else {
      Json v;
      ok = renderNode(root, ctx, fieldName, sink, bound, nullptr, v);
      if (ok) store(v, out);
    }
    if (ok && options.outputBound) *options.outputBound = sizing.bound();
    return ok;
  } catch (const std::exception& e) {  // nothing may escape the API
    if (failure) *failure = Failure{"States.Runtime", e.what()};
    return false;
  }
}

bool PayloadTemplate::isStatic() const { return root_->kind == Node::Kind::Static; }

}  // namespace aslrt
