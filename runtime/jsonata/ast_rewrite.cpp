// Rewrites the raw parse tree into the evaluator's form: `.` chains become
// paths of steps, predicates become per-step stages, `@`/`#` bindings turn steps
// into tuple steps, and every `%` is tied to the step whose context it names.
#include <algorithm>

#include "errors.h"
#include "parser.h"

namespace aslrt::jsonata {

namespace {

class Rewriter {
 public:
  explicit Rewriter(Arena& arena) : arena_(arena) {}
  Node* rewrite(Node* e);

 private:
  Node* rewriteBinary(Node* e);
  Node* rewritePathStep(Node* e);
  Node* rewritePredicate(Node* e);
  Node* rewriteGroup(Node* e);
  Node* rewriteOrderBy(Node* e);
  Node* rewriteFocus(Node* e);
  Node* rewriteIndex(Node* e);
  Node* rewriteUnary(Node* e);
  Node* rewriteCall(Node* e);
  Node* rewriteCondition(Node* e);
  Node* rewriteBlock(Node* e);
  Node* asPath(Node* step);
  Node* tailCallOptimize(Node* e);
  SlotPtr seekParent(Node* node, SlotPtr slot);
  void pushAncestry(Node* result, Node* value);
  void resolveAncestry(Node* path);

  Arena& arena_;
  int ancestorLabel_ = 0;
  int ancestorIndex_ = 0;
  std::vector<Node*> ancestry_;
};

Node* Rewriter::asPath(Node* step) {
  Node* path = arena_.make(NodeType::Path, step->position);
  path->steps.push_back(step);
  return path;
}

Node* Rewriter::rewrite(Node* e) {
  Node* result = e;
  switch (e->type) {
    case NodeType::Binary: result = rewriteBinary(e); break;
    case NodeType::Unary: result = rewriteUnary(e); break;
    case NodeType::Function:
    case NodeType::Partial: result = rewriteCall(e); break;
    case NodeType::Lambda: e->body = tailCallOptimize(rewrite(e->body)); break;
    case NodeType::Condition: result = rewriteCondition(e); break;
    case NodeType::Transform:
      e->pattern = rewrite(e->pattern);
      e->update = rewrite(e->update);
      if (e->remove) e->remove = rewrite(e->remove);
      break;
    case NodeType::Block: result = rewriteBlock(e); break;
    case NodeType::Name:
      result = asPath(e);
      if (e->keepArray) result->keepSingletonArray = true;
      break;
    case NodeType::Parent:
      e->slot = std::make_shared<Slot>();
      e->slot->label = "!" + std::to_string(ancestorLabel_++);
      e->slot->index = ancestorIndex_++;
      ancestry_.push_back(e);
      break;
    default: break;
  }
  if (e->keepArray) result->keepArray = true;
  return result;
}

Node* Rewriter::rewriteBinary(Node* e) {
  const std::string& op = e->value;
  if (op == ".") return rewritePathStep(e);
  if (op == "[") return rewritePredicate(e);
  if (op == "{") return rewriteGroup(e);
  if (op == "^") return rewriteOrderBy(e);
  if (op == "@") return rewriteFocus(e);
  if (op == "#") return rewriteIndex(e);
  if (op == ":=") {
    e->type = NodeType::Bind;
    e->lhs = rewrite(e->lhs);
    e->rhs = rewrite(e->rhs);
    pushAncestry(e, e->rhs);
    return e;
  }
  e->lhs = rewrite(e->lhs);
  e->rhs = rewrite(e->rhs);
  if (op == "~>") {
    e->type = NodeType::Apply;
    e->keepArray = e->lhs->keepArray || e->rhs->keepArray;
    return e;
  }
  pushAncestry(e, e->lhs);
  pushAncestry(e, e->rhs);
  return e;
}

Node* Rewriter::rewritePathStep(Node* e) {
  Node* lstep = rewrite(e->lhs);
  Node* result = lstep->type == NodeType::Path ? lstep : asPath(lstep);
  if (lstep->type == NodeType::Parent) {
    result->seekingParent = {lstep->slot};
    result->hasSeekingParent = true;
  }
  Node* rest = rewrite(e->rhs);
  if (rest->type == NodeType::Path) {
    for (Node* s : rest->steps) result->steps.push_back(s);
  } else {
    if (!rest->predicate.empty()) {
      for (Node* p : rest->predicate) rest->stages.push_back(Stage{false, p, {}, p->position});
      rest->predicate.clear();
    }
    result->steps.push_back(rest);
  }
  for (Node* step : result->steps) {
    if (step->type == NodeType::Number || step->type == NodeType::Value)
      throw JsonataError("S0213").at(step->position).val(step->value);
    if (step->type == NodeType::String) step->type = NodeType::Name;
  }
  if (std::any_of(result->steps.begin(), result->steps.end(), [](Node* s) { return s->keepArray; }))
    result->keepSingletonArray = true;
  Node* first = result->steps.front();
  if (first->type == NodeType::Unary && first->value == "[") first->consarray = true;
  Node* last = result->steps.back();
  if (last->type == NodeType::Unary && last->value == "[") last->consarray = true;
  resolveAncestry(result);
  return result;
}

Node* Rewriter::rewritePredicate(Node* e) {
  Node* result = rewrite(e->lhs);
  Node* step = result;
  bool useStages = false;
  if (result->type == NodeType::Path) {
    step = result->steps.back();
    useStages = true;
  }
  if (step->group) throw JsonataError("S0209").at(e->position);
  Node* predicate = rewrite(e->rhs);
  if (predicate->hasSeekingParent) {
    for (auto& slot : predicate->seekingParent) {
      if (slot->level == 1) seekParent(step, slot);
      else slot->level--;
    }
    pushAncestry(step, predicate);
  }
  if (useStages) step->stages.push_back(Stage{false, predicate, {}, e->position});
  else step->predicate.push_back(predicate);
  return result;
}

Node* Rewriter::rewriteGroup(Node* e) {
  Node* result = rewrite(e->lhs);
  if (result->group) throw JsonataError("S0210").at(e->position);
  result->group = std::make_unique<Group>();
  result->group->position = e->position;
  for (auto& [k, v] : e->pairs) result->group->pairs.emplace_back(rewrite(k), rewrite(v));
  return result;
}

Node* Rewriter::rewriteOrderBy(Node* e) {
  Node* result = rewrite(e->lhs);
  if (result->type != NodeType::Path) result = asPath(result);
  Node* sort = arena_.make(NodeType::Sort, e->position);
  for (auto& term : e->terms) {
    Node* expr = rewrite(term.expression);
    pushAncestry(sort, expr);
    sort->terms.push_back(SortTerm{term.descending, expr});
  }
  result->steps.push_back(sort);
  resolveAncestry(result);
  return result;
}

Node* Rewriter::rewriteFocus(Node* e) {
  Node* result = rewrite(e->lhs);
  Node* step = result->type == NodeType::Path ? result->steps.back() : result;
  if (!step->stages.empty() || !step->predicate.empty()) throw JsonataError("S0215").at(e->position).tok("@");
  if (step->type == NodeType::Sort) throw JsonataError("S0216").at(e->position).tok("@");
  if (e->keepArray) step->keepArray = true;
  step->focus = e->rhs->value;
  step->tuple = true;
  return result;
}

Node* Rewriter::rewriteIndex(Node* e) {
  Node* result = rewrite(e->lhs);
  Node* step = result;
  if (result->type == NodeType::Path) {
    step = result->steps.back();
  } else {
    result = asPath(result);
    for (Node* p : step->predicate) step->stages.push_back(Stage{false, p, {}, p->position});
    step->predicate.clear();
  }
  if (step->stages.empty()) step->index = e->rhs->value;
  else step->stages.push_back(Stage{true, nullptr, e->rhs->value, e->position});
  step->tuple = true;
  return result;
}

Node* Rewriter::rewriteUnary(Node* e) {
  if (e->value == "[") {
    for (auto& item : e->expressions) {
      item = rewrite(item);
      pushAncestry(e, item);
    }
    return e;
  }
  if (e->value == "{") {
    for (auto& [k, v] : e->pairs) {
      k = rewrite(k);
      pushAncestry(e, k);
      v = rewrite(v);
      pushAncestry(e, v);
    }
    return e;
  }
  e->expression = rewrite(e->expression);
  if (e->value == "-" && e->expression->type == NodeType::Number) {
    Node* num = e->expression;
    num->number = -num->number;
    return num;
  }
  pushAncestry(e, e->expression);
  return e;
}

Node* Rewriter::rewriteCall(Node* e) {
  for (auto& arg : e->arguments) {
    if (arg->type == NodeType::Placeholder) continue;
    arg = rewrite(arg);
    pushAncestry(e, arg);
  }
  e->procedure = rewrite(e->procedure);
  return e;
}

Node* Rewriter::rewriteCondition(Node* e) {
  e->condition = rewrite(e->condition);
  pushAncestry(e, e->condition);
  e->then = rewrite(e->then);
  pushAncestry(e, e->then);
  if (e->otherwise) {
    e->otherwise = rewrite(e->otherwise);
    pushAncestry(e, e->otherwise);
  }
  return e;
}

Node* Rewriter::rewriteBlock(Node* e) {
  for (auto& item : e->expressions) {
    item = rewrite(item);
    pushAncestry(e, item);
    if (item->consarray || (item->type == NodeType::Path && item->steps.front()->consarray)) e->consarray = true;
  }
  return e;
}

// A call in tail position becomes a thunk, so the caller's trampoline runs it
// without growing the native stack.
Node* Rewriter::tailCallOptimize(Node* e) {
  if (e->type == NodeType::Function && e->predicate.empty()) {
    Node* thunk = arena_.make(NodeType::Lambda, e->position);
    thunk->thunk = true;
    thunk->body = e;
    return thunk;
  }
  if (e->type == NodeType::Condition) {
    e->then = tailCallOptimize(e->then);
    if (e->otherwise) e->otherwise = tailCallOptimize(e->otherwise);
  } else if (e->type == NodeType::Block && !e->expressions.empty()) {
    e->expressions.back() = tailCallOptimize(e->expressions.back());
  }
  return e;
}

SlotPtr Rewriter::seekParent(Node* node, SlotPtr slot) {
  switch (node->type) {
    case NodeType::Name:
    case NodeType::Wildcard:
      slot->level--;
      if (slot->level == 0) {
        if (node->ancestor) {
          ancestry_[static_cast<size_t>(slot->index)]->slot->label = node->ancestor->label;
        }
        node->ancestor = slot;
        node->tuple = true;
      }
      break;
    case NodeType::Parent: slot->level++; break;
    case NodeType::Block:
      if (!node->expressions.empty()) {
        node->tuple = true;
        slot = seekParent(node->expressions.back(), slot);
      }
      break;
    case NodeType::Path: {
      node->tuple = true;
      int index = static_cast<int>(node->steps.size()) - 1;
      slot = seekParent(node->steps[static_cast<size_t>(index--)], slot);
      while (slot->level > 0 && index >= 0) slot = seekParent(node->steps[static_cast<size_t>(index--)], slot);
      break;
    }
    default: throw JsonataError("S0217").at(node->position).tok(node->value);
  }
  return slot;
}

void Rewriter::pushAncestry(Node* result, Node* value) {
  if (!value->hasSeekingParent && value->type != NodeType::Parent) return;
  std::vector<SlotPtr> slots = value->seekingParent;
  if (value->type == NodeType::Parent) slots.push_back(value->slot);
  for (auto& s : slots) result->seekingParent.push_back(s);
  result->hasSeekingParent = true;
}

void Rewriter::resolveAncestry(Node* path) {
  Node* last = path->steps.back();
  std::vector<SlotPtr> slots = last->seekingParent;
  if (last->type == NodeType::Parent) slots.push_back(last->slot);
  for (SlotPtr slot : slots) {
    int index = static_cast<int>(path->steps.size()) - 2;
    while (slot->level > 0) {
      if (index < 0) {
        path->seekingParent.push_back(slot);
        path->hasSeekingParent = true;
        break;
      }
      Node* step = path->steps[static_cast<size_t>(index--)];
      // contiguous steps that bind the focus act as one step
      while (index >= 0 && !step->focus.empty() && !path->steps[static_cast<size_t>(index)]->focus.empty())
        step = path->steps[static_cast<size_t>(index--)];
      slot = seekParent(step, slot);
    }
  }
}

}  // namespace

Node* rewriteTree(Node* raw, Arena& arena) {
  Rewriter r(arena);
  Node* root = r.rewrite(raw);
  // a `%` that found no step to refer to
  if (root->hasSeekingParent || root->type == NodeType::Parent)
    throw JsonataError("S0217").at(root->position).tok(root->value);
  return root;
}

}  // namespace aslrt::jsonata
