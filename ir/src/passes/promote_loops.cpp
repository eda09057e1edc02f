// promote-loops: finds cycles of Pass and Choice states that count — the
// value is an object whose keys never change, Pass states add to integer
// members with States.MathAdd and Choice states compare them — and describes
// each as a PromotedLoop on its machine. Codegen then runs such a loop on
// native integers (codegen/src/lower_loop.cpp) and the runtime checks, on
// entry, everything that could make it differ from the states' own code.
//
// What qualifies, exactly (anything else stays with the states' own code):
//  - a Pass whose only work is a JSONPath `Parameters` object (no InputPath,
//    Result, ResultPath, OutputPath or Assign), every member either
//    "k.$": "$.k" (kept), "k.$": "States.MathAdd(x, y)" with x and y each
//    "$.member" or an integer literal in Java's int range, or a literal
//    ("k": value) that every Pass of the loop writes alike (so it never
//    changes: after any of them the member holds it already);
//  - a Choice without InputPath/OutputPath, Assign or Output whose leaves
//    compare "$.member" with an integer literal or another "$.member"
//    (Numeric* and Numeric*Path), under And/Or/Not.
// A loop holds the states one key set reaches through such states, and must
// contain a cycle (a straight run would pay the entry checks for nothing).
// The Pass output's keys are exactly its template's (a rendered object has
// no others), which is why a loop starts after a Pass. Requires: nothing;
// runs last, as it refers to states by id.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "aslc/ir/passes.h"
#include "aslrt/jsonpath.h"
#include "reference_scan.h"

namespace aslc::ir::passes {
namespace {

struct NamedOperand {
  std::string member;  // empty: the literal
  int64_t literal = 0;
};

struct NamedAdd {
  std::string target;
  NamedOperand a, b;
};

struct NamedTest {
  uint32_t leaf;
  std::string op;
  NamedOperand a, b;
};

struct Candidate {
  enum class Kind { None, Pass, Choice } kind = Kind::None;
  std::vector<std::string> keys;  // Pass: the template's output keys, sorted
  // Pass: its literal members ("k": value), by key, with their values'
  // text; the Passes of a loop must agree on them, so they never change.
  std::map<std::string, std::string> literals;
  std::vector<NamedAdd> adds;     // Pass
  std::vector<NamedTest> tests;   // Choice
  std::vector<StateId> next;
};

// Each loop adds a call and a few branches to its machine's function, and
// LLVM's loop passes over that function grow faster than linearly with them
// (400 loops in one machine: 0.65 -> 3.6 s to build); loops beyond these run
// as compiled.
constexpr size_t kMaxLoopsPerMachine = 16;

constexpr int64_t kIntMin = -2147483648LL, kIntMax = 2147483647LL;  // MathAdd's argument range

// "$.name" (or any spelling of one plain member of the input), else nullopt.
std::optional<std::string> plainMember(std::string_view text) {
  aslrt::SyntaxError err;
  std::optional<aslrt::JsonPath> path = aslrt::JsonPath::parse(text, aslrt::PathFlavor::Path, &err);
  const std::string* member = path ? path->singleMember() : nullptr;
  return member ? std::optional<std::string>(*member) : std::nullopt;
}

// A decimal integer written plainly ("12", "-3"; no exponent, fraction,
// leading zero or "-0") within MathAdd's argument range.
std::optional<int64_t> intLiteral(std::string_view text) {
  size_t digits = text.size() - (!text.empty() && text[0] == '-' ? 1 : 0);
  if (digits == 0 || digits > 10) return std::nullopt;
  std::string_view body = text.substr(text.size() - digits);
  if (!std::all_of(body.begin(), body.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  if ((body.size() > 1 && body[0] == '0') || text == "-0") return std::nullopt;
  int64_t v = std::stoll(std::string(text));
  if (v < kIntMin || v > kIntMax) return std::nullopt;
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<NamedOperand> mathArg(std::string_view text) {
  text = trim(text);
  if (std::optional<int64_t> v = intLiteral(text)) return NamedOperand{"", *v};
  if (text.size() < 2 || text.substr(0, 2) != "$.") return std::nullopt;
  if (std::optional<std::string> m = plainMember(text)) return NamedOperand{*m, 0};
  return std::nullopt;
}

// "States.MathAdd(x, y)" with the arguments mathArg accepts.
std::optional<std::pair<NamedOperand, NamedOperand>> mathAdd(std::string_view text) {
  constexpr std::string_view kHead = "States.MathAdd(";
  text = trim(text);
  if (text.substr(0, kHead.size()) != kHead || text.back() != ')') return std::nullopt;
  std::string_view args = text.substr(kHead.size(), text.size() - kHead.size() - 1);
  size_t comma = args.find(',');
  if (comma == std::string_view::npos || args.find(',', comma + 1) != std::string_view::npos) return std::nullopt;
  std::optional<NamedOperand> a = mathArg(args.substr(0, comma)), b = mathArg(args.substr(comma + 1));
  if (!a || !b) return std::nullopt;
  return std::make_pair(*a, *b);
}

// The Pass's template if the state is [input, render(input)] -> goto render.
const aslrt::Json* passTemplate(const Module& m, const State& st) {
  if (st.aslType != "Pass" || st.insts.size() != 2 || st.term.kind != TermKind::Goto) return nullptr;
  const Inst& load = st.insts[0];
  const Inst& render = st.insts[1];
  if (load.kind != InstKind::LoadInput || render.kind != InstKind::RenderTemplate) return nullptr;
  if (render.a != load.result || st.term.value != render.result) return nullptr;
  const aslrt::Json& t = m.templates[render.operand];
  return t.is_object() && !t.empty() ? &t : nullptr;
}


Candidate passCandidate(const aslrt::Json& tmpl, StateId next) {
  Candidate c;
  for (auto it = tmpl.begin(); it != tmpl.end(); ++it) {
    const std::string& key = it.key();
    if (!endsWithDollar(key)) {
      if (looksLikeTemplate(*it, /*jsonata=*/false)) return {};  // {"n.$": "$.i"} inside: rendered anew each time
      c.literals[key] = it->dump();
      c.keys.push_back(key);
      continue;
    }
    if (!it->is_string()) return {};
    std::string out = key.substr(0, key.size() - 2);
    const std::string& text = it->get_ref<const std::string&>();
    if (std::optional<std::string> m = plainMember(text); m && *m == out && text.rfind("$.", 0) == 0) {
      // kept: the member stays as it is
    } else if (auto args = mathAdd(text)) {
      c.adds.push_back({out, args->first, args->second});
    } else {
      return {};
    }
    c.keys.push_back(out);
  }
  std::sort(c.keys.begin(), c.keys.end());
  if (std::adjacent_find(c.keys.begin(), c.keys.end()) != c.keys.end()) return {};
  c.kind = Candidate::Kind::Pass;
  c.next = {next};
  return c;
}

std::optional<NamedTest> leafTest(const Module& m, uint32_t leafId) {
  static const std::set<std::string> kOps = {"NumericEquals", "NumericLessThan", "NumericGreaterThan",
                                             "NumericLessThanEquals", "NumericGreaterThanEquals"};
  const ChoiceLeaf& leaf = m.choiceLeaves[leafId];
  if (leaf.condition != kNone || !kOps.count(leaf.op)) return std::nullopt;
  std::optional<std::string> variable = plainMember(m.paths[leaf.variable]);
  if (!variable) return std::nullopt;
  NamedTest test{leafId, leaf.op, {*variable, 0}, {}};
  if (leaf.isPath) {
    std::optional<std::string> other = plainMember(m.paths[leaf.operandPath]);
    if (!other) return std::nullopt;
    test.b.member = *other;
    return test;
  }
  // Only integers a signed 64-bit register holds exactly.
  if (leaf.operand.is_number_integer() && !leaf.operand.is_number_unsigned()) test.b.literal = leaf.operand.get<int64_t>();
  else if (leaf.operand.is_number_unsigned() && leaf.operand.get<uint64_t>() <= static_cast<uint64_t>(INT64_MAX))
    test.b.literal = static_cast<int64_t>(leaf.operand.get<uint64_t>());
  else return std::nullopt;
  return test;
}

bool collectTests(const Module& m, const Condition& c, std::vector<NamedTest>* out) {
  switch (c.kind) {
    case Condition::Kind::Const: return true;
    case Condition::Kind::Leaf: {
      std::optional<NamedTest> t = leafTest(m, c.leaf);
      if (t) out->push_back(*t);
      return t.has_value();
    }
    default:
      return std::all_of(c.children.begin(), c.children.end(),
                         [&](const Condition& child) { return collectTests(m, child, out); });
  }
}

Candidate choiceCandidate(const Module& m, const State& st) {
  const Terminator& t = st.term;
  if (st.aslType != "Choice" || t.kind != TermKind::Choice || st.insts.size() != 1) return {};
  if (st.insts[0].kind != InstKind::LoadInput || t.test != st.insts[0].result || t.value != t.test) return {};
  Candidate c;
  for (const ChoiceBranch& b : t.branches) {
    if (b.assign != kNone || b.output != kNone || !collectTests(m, b.condition, &c.tests)) return {};
    c.next.push_back(b.target);
  }
  if (t.defaultTarget != kNone) c.next.push_back(t.defaultTarget);
  c.kind = Candidate::Kind::Choice;
  return c;
}

Candidate classify(const Module& m, const State& st) {
  if (const aslrt::Json* tmpl = passTemplate(m, st)) return passCandidate(*tmpl, st.term.target);
  return choiceCandidate(m, st);
}

// The members a state reads or writes as integers.
void intMembers(const Candidate& c, std::set<std::string>* out) {
  auto operand = [&](const NamedOperand& o) {
    if (!o.member.empty()) out->insert(o.member);
  };
  for (const NamedAdd& a : c.adds) out->insert(a.target), operand(a.a), operand(a.b);
  for (const NamedTest& t : c.tests) operand(t.a), operand(t.b);
}

// What a loop's Passes all produce: the same keys, the same literal members.
struct Shape {
  std::vector<std::string> keys;
  std::map<std::string, std::string> literals;
  bool operator<(const Shape& o) const { return std::tie(keys, literals) < std::tie(o.keys, o.literals); }
};

// Whether `c` fits a loop over objects of `shape`: a Pass must produce it,
// and every member a state adds or compares must be one of its keys.
bool fits(const Candidate& c, const Shape& shape) {
  if (c.kind == Candidate::Kind::None) return false;
  if (c.kind == Candidate::Kind::Pass && (c.keys != shape.keys || c.literals != shape.literals)) return false;
  std::set<std::string> used;
  intMembers(c, &used);
  return std::all_of(used.begin(), used.end(), [&](const std::string& k) {
    return std::binary_search(shape.keys.begin(), shape.keys.end(), k);
  });
}

bool hasCycle(const std::vector<Candidate>& cands, const std::set<StateId>& region) {
  std::map<StateId, int> mark;  // 1: on the stack, 2: done
  std::function<bool(StateId)> visit = [&](StateId s) {
    mark[s] = 1;
    for (StateId n : cands[s].next) {
      if (!region.count(n)) continue;
      if (mark[n] == 1 || (mark[n] == 0 && visit(n))) return true;
    }
    mark[s] = 2;
    return false;
  };
  for (StateId s : region)
    if (mark[s] == 0 && visit(s)) return true;
  return false;
}

LoopOperand indexed(const NamedOperand& o, const std::vector<std::string>& members) {
  if (o.member.empty()) return {kNone, o.literal};
  auto it = std::lower_bound(members.begin(), members.end(), o.member);
  return {static_cast<uint32_t>(it - members.begin()), 0};
}

PromotedLoop describe(Module& m, const std::vector<Candidate>& cands, const std::set<StateId>& region,
                      const std::vector<std::string>& keys) {
  std::set<std::string> used;
  for (StateId s : region) intMembers(cands[s], &used);
  PromotedLoop loop;
  loop.members.assign(used.begin(), used.end());
  for (const std::string& k : keys)
    if (!used.count(k)) loop.carried.push_back(k);
  for (const std::string& k : loop.members) loop.memberKeys.push_back(m.addConstant(k));
  for (StateId s : region) {
    LoopState ls{s, {}};
    for (const NamedAdd& a : cands[s].adds)
      ls.adds.push_back({indexed({a.target, 0}, loop.members).member, indexed(a.a, loop.members),
                         indexed(a.b, loop.members)});
    for (const NamedTest& t : cands[s].tests)
      loop.tests.push_back({t.leaf, t.op, indexed(t.a, loop.members), indexed(t.b, loop.members)});
    loop.states.push_back(std::move(ls));
  }
  return loop;
}

void promoteIn(Module& m, Machine& mc) {
  std::vector<Candidate> cands;
  for (const State& st : mc.states) cands.push_back(classify(m, st));
  std::map<Shape, std::vector<StateId>> passesByShape;
  for (StateId s = 0; s < cands.size(); ++s)
    if (cands[s].kind == Candidate::Kind::Pass) passesByShape[{cands[s].keys, cands[s].literals}].push_back(s);
  for (const auto& [shape, passes] : passesByShape) {
    // Every state such a Pass leads to through fitting states.
    std::set<StateId> region;
    std::vector<StateId> work;
    for (StateId s : passes)
      if (fits(cands[s], shape)) work.push_back(s);
    while (!work.empty()) {
      StateId s = work.back();
      work.pop_back();
      if (!region.insert(s).second) continue;
      for (StateId n : cands[s].next)
        if (!region.count(n) && fits(cands[n], shape)) work.push_back(n);
    }
    if (mc.loops.size() == kMaxLoopsPerMachine) return;
    if (hasCycle(cands, region)) mc.loops.push_back(describe(m, cands, region, shape.keys));
  }
}

}  // namespace

void promoteLoops(Module& m) {
  for (Machine& mc : m.machines) promoteIn(m, mc);
}

}  // namespace aslc::ir::passes
