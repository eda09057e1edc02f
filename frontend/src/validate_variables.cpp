// Reads of workflow variables that no path assigns. Per States block, the
// variables a state may see on entry are the union, over every path from
// StartAt, of the names assigned before it (a may-analysis: a read assigned
// on some path only is not reported). A Parallel branch or inline Map
// iteration starts with what its state sees on entry; a distributed Map's
// child executions start with nothing. Assignments inside never leave.
// AWS accepts such a read and the execution fails when it finds nothing
// (recorded: assign.assign_reference_variables.undefined_reference.*), so
// this is a warning. https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
#include <map>
#include <optional>
#include <unordered_map>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

// Variable names as small integers, so the sets below are bit sets: a
// machine with thousands of states assigning thousands of names stays
// linear-ish in time and small in memory.
class Interner {
 public:
  size_t id(const std::string& name) { return ids_.try_emplace(name, ids_.size()).first->second; }
  std::optional<size_t> find(const std::string& name) const {
    auto it = ids_.find(name);
    return it == ids_.end() ? std::nullopt : std::optional<size_t>(it->second);
  }

 private:
  std::unordered_map<std::string, size_t> ids_;
};

class Names {
 public:
  bool has(std::optional<size_t> id) const {
    return id && *id / 64 < words_.size() && ((words_[*id / 64] >> (*id % 64)) & 1u);
  }
  void add(size_t id) {
    if (words_.size() <= id / 64) words_.resize(id / 64 + 1);
    words_[id / 64] |= uint64_t{1} << (id % 64);
  }
  // Returns whether anything was added.
  bool addAll(const Names& other) {
    if (words_.size() < other.words_.size()) words_.resize(other.words_.size());
    bool changed = false;
    for (size_t i = 0; i < other.words_.size(); ++i) {
      uint64_t before = words_[i];
      words_[i] |= other.words_[i];
      changed |= words_[i] != before;
    }
    return changed;
  }
  bool empty() const {
    for (uint64_t w : words_)
      if (w) return false;
    return true;
  }

 private:
  std::vector<uint64_t> words_;
};

// The name an Assign key gives: in a JSONPath state "x.$" assigns x; in a
// JSONata state the key is the name as written (the runtime's reading too).
std::string assignedName(const std::string& key, bool jsonata) {
  if (!jsonata && key.size() > 2 && key.compare(key.size() - 2, 2, ".$") == 0)
    return key.substr(0, key.size() - 2);
  return key;
}

void addAssignKeys(const JNode* assign, Names& out, Interner& names, bool jsonata) {
  if (!assign || !assign->isObject()) return;
  for (const JMember& m : assign->members) out.add(names.id(assignedName(m.key, jsonata)));
}

// Everything a state can assign on any way out: its own Assign, a Choice
// rule's, a catcher's.
Names assignedBy(const JNode& state, Interner& names, bool jsonata) {
  Names out;
  addAssignKeys(state.get("Assign"), out, names, jsonata);
  for (const char* list : {"Choices", "Catch"}) {
    const JNode* items = state.get(list);
    if (!items || !items->isArray()) continue;
    for (const JNode& item : items->elements)
      if (item.isObject()) addAssignKeys(item.get("Assign"), out, names, jsonata);
  }
  return out;
}

std::vector<std::string> successors(const JNode& state) {
  std::vector<std::string> out;
  for (const char* key : {"Next", "Default"})
    if (const JNode* n = state.get(key); n && n->isString()) out.push_back(n->str());
  for (const char* list : {"Choices", "Catch"}) {
    const JNode* items = state.get(list);
    if (!items || !items->isArray()) continue;
    for (const JNode& item : items->elements)
      if (const JNode* n = item.isObject() ? item.get("Next") : nullptr; n && n->isString())
        out.push_back(n->str());
  }
  return out;
}

bool isDistributed(const JNode& state) {
  for (const char* key : {"ItemProcessor", "Iterator"}) {
    const JNode* proc = state.get(key);
    const JNode* config = proc && proc->isObject() ? proc->get("ProcessorConfig") : nullptr;
    const JNode* mode = config && config->isObject() ? config->get("Mode") : nullptr;
    if (mode && mode->isString() && mode->str() == "DISTRIBUTED") return true;
  }
  return false;
}

class VariableFlow {
 public:
  explicit VariableFlow(Checker& ck) : ck_(ck) {}

  // `entry`: what the machine's StartAt sees; `outer`: what enclosing scopes
  // could see, when this machine cannot (a distributed Map's children).
  void machine(const JNode& m, const std::string& pointer, const Names& entry, const Names& outer) {
    const JNode* states = m.isObject() ? m.get("States") : nullptr;
    const JNode* start = m.isObject() ? m.get("StartAt") : nullptr;
    if (!states || !states->isObject() || !start || !start->isString()) return;
    std::map<std::string, Names> in = entrySets(*states, start->str(), entry);
    std::string statesPointer = pointerJoin(pointer, "States");
    for (const JMember& s : states->members) {
      auto it = in.find(s.key);
      if (it == in.end() || !s.value.isObject()) continue;  // unreachable: reported elsewhere
      std::string at = pointerJoin(statesPointer, s.key);
      checkReads(s.value, at, it->second, outer);
      checkShadowing(s.value, at, entry);
      nested(s.value, at, it->second, outer);
    }
  }

 private:
  // Fixpoint of in(T) = union over predecessors P of in(P) + assignedBy(P).
  std::map<std::string, Names> entrySets(const JNode& states, const std::string& start,
                                         const Names& entry) {
    std::map<std::string, Names> in;
    if (!states.get(start)) return in;
    in[start] = entry;
    std::vector<std::string> work{start};
    while (!work.empty()) {
      std::string name = work.back();
      work.pop_back();
      const JNode* state = states.get(name);
      if (!state || !state->isObject()) continue;
      Names out = in[name];
      out.addAll(assignedBy(*state, names_, usesJsonata(*state)));
      for (const std::string& next : successors(*state)) {
        if (!states.get(next)) continue;
        auto [it, fresh] = in.try_emplace(next);
        if (it->second.addAll(out) || fresh) work.push_back(next);
      }
    }
    return in;
  }

  // Inside a Parallel branch or Map iteration an Assign of an outer name
  // sets this scope's copy only: the outer variable keeps its value after
  // the Parallel or Map state (workflow-variables.html, "Variable scope").
  void checkShadowing(const JNode& state, const std::string& pointer, const Names& outerNames) {
    if (outerNames.empty()) return;
    auto check = [&](const JNode* assign, const std::string& at) {
      if (!assign || !assign->isObject()) return;
      for (const JMember& m : assign->members) {
        std::string name = assignedName(m.key, usesJsonata(state));
        if (!outerNames.has(names_.find(name))) continue;
        ck_.warning(m.keyOffset, "variable-scope",
                    "'$" + name + "' belongs to an outer scope; assigning it inside a Parallel "
                    "branch or Map iteration changes only this scope's copy, and the outer "
                    "value is unchanged after the Parallel or Map state",
                    pointerJoin(at, m.key));
      }
    };
    check(state.get("Assign"), pointerJoin(pointer, "Assign"));
    for (const char* list : {"Choices", "Catch"}) {
      const JNode* items = state.get(list);
      if (!items || !items->isArray()) continue;
      for (size_t i = 0; i < items->elements.size(); ++i)
        if (items->elements[i].isObject())
          check(items->elements[i].get("Assign"),
                pointerJoin(pointerJoin(pointerJoin(pointer, list), i), "Assign"));
    }
  }

  void nested(const JNode& state, const std::string& pointer, const Names& in, const Names& outer) {
    if (const JNode* branches = state.get("Branches"); branches && branches->isArray()) {
      for (size_t i = 0; i < branches->elements.size(); ++i)
        machine(branches->elements[i], pointerJoin(pointerJoin(pointer, "Branches"), i), in, outer);
    }
    bool distributed = isDistributed(state);
    Names visibleOutside = outer;
    visibleOutside.addAll(in);
    for (const char* key : {"ItemProcessor", "Iterator"}) {
      const JNode* proc = state.get(key);
      if (!proc) continue;
      if (distributed)
        machine(*proc, pointerJoin(pointer, key), Names{}, visibleOutside);
      else
        machine(*proc, pointerJoin(pointer, key), in, outer);
    }
  }

  // A state's own QueryLanguage, else the machine's (as validate.cpp has it).
  bool usesJsonata(const JNode& state) const {
    const JNode* ql = state.get("QueryLanguage");
    if (ql && ql->isString()) return ql->str() == "JSONata";
    return ck_.machineLanguage == QueryLanguage::JSONata;
  }

  void checkReads(const JNode& state, const std::string& pointer, const Names& in,
                  const Names& outer) {
    if (!usesJsonata(state)) return jsonPathReads(state, pointer, in, outer);
    forEachStateExpression(state, pointer, [&](const JNode& v, const std::string&,
                                               const std::string& at) {
      std::string_view text(v.str());
      text = text.substr(2, text.size() - 4);
      std::optional<JxParse> parsed = parseForAnalysis(text);
      if (!parsed) return;
      for (const VariableRead& r : jsonataVariableReads(parsed->root))
        report(v, r.at + 2, r.name, at, in, outer);
    });
  }

  // JSONPath states: "key.$" values, *Path fields and Choice "Variable".
  // Inside a payload template only "key.$" values are paths: there a key
  // named "SomePath" is data.
  void jsonPathReads(const JNode& value, const std::string& pointer, const Names& in,
                     const Names& outer, bool inTemplate = false) {
    if (value.isArray()) {
      for (size_t i = 0; i < value.elements.size(); ++i)
        jsonPathReads(value.elements[i], pointerJoin(pointer, i), in, outer, inTemplate);
      return;
    }
    for (const JMember& m : value.members) {
      if (m.key == "ItemProcessor" || m.key == "Iterator" || m.key == "Branches") continue;
      std::string at = pointerJoin(pointer, m.key);
      bool dollar = m.key.size() > 2 && m.key.compare(m.key.size() - 2, 2, ".$") == 0;
      if (!m.value.isString()) {
        bool tmpl = inTemplate || m.key == "Parameters" || m.key == "ResultSelector" ||
                    m.key == "ItemSelector" || m.key == "Assign" || m.key == "Credentials" ||
                    m.key == "Arguments" || m.key == "Output";
        jsonPathReads(m.value, at, in, outer, tmpl);
        continue;
      }
      bool path = dollar || (!inTemplate && (m.key == "Variable" ||
                                              (m.key.size() > 4 &&
                                               m.key.compare(m.key.size() - 4, 4, "Path") == 0 &&
                                               m.key != "ResultPath")));
      if (!path) continue;
      for (const VariableRead& r : jsonPathVariableReads(m.value.str()))
        report(m.value, r.at, r.name, at, in, outer);
    }
  }

  void report(const JNode& value, size_t index, const std::string& name,
              const std::string& pointer, const Names& in, const Names& outer) {
    std::optional<size_t> id = names_.find(name);
    if (in.has(id)) return;
    uint32_t offset = offsetInString(value, index);
    if (outer.has(id)) {
      ck_.warning(offset, "variable-scope",
                  "'$" + name +
                      "' is assigned only outside this distributed Map, whose child executions "
                      "see no variables of the outer scopes; the read finds nothing at run time",
                  pointer);
      return;
    }
    ck_.warning(offset, "variable-never-assigned",
                "'$" + name +
                    "' is read here but no state assigns it on any path that reaches this one; "
                    "AWS accepts the definition and the read finds nothing at run time",
                pointer);
  }

  Checker& ck_;
  Interner names_;
};

}  // namespace

void checkVariableFlow(Checker& ck, const JNode& root) {
  VariableFlow(ck).machine(root, "", {}, {});
}

}  // namespace aslc::validate_detail
