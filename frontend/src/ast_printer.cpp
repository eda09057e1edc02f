// --emit=ast: the AST as indented text, one line per state and per field set.
#include <ostream>

#include "aslc/frontend/parse.h"

namespace aslc {
namespace {

void printPath(const char* name, const ast::PathField& f, std::ostream& out, const std::string& pad) {
  if (!f.present) return;
  out << pad << "  " << name << ": " << (f.isNull ? "null" : aslrt::Json(f.path).dump()) << "\n";
}

void printNode(const char* name, const JNode* n, std::ostream& out, const std::string& pad) {
  if (n) out << pad << "  " << name << ": " << n->toJson().dump() << "\n";
}

void printRule(const ast::ChoiceRule& r, std::ostream& out, const std::string& pad) {
  using K = ast::ChoiceRule::Kind;
  out << pad;
  switch (r.kind) {
    case K::Leaf:
      out << r.op << (r.isPath ? "Path" : "") << " " << aslrt::Json(r.variable).dump() << " "
          << r.operand.dump();
      break;
    case K::Condition: out << "Condition " << r.condition->toJson().dump(); break;
    case K::And: out << "And"; break;
    case K::Or: out << "Or"; break;
    case K::Not: out << "Not"; break;
  }
  if (!r.next.empty()) out << " -> " << r.next;
  out << "\n";
  for (const ast::ChoiceRule& c : r.children) printRule(c, out, pad + "  ");
}

void printState(const ast::State& s, std::ostream& out, int indent) {
  std::string pad(indent, ' ');
  out << pad << "state " << aslrt::Json(s.name).dump() << " " << ast::stateTypeName(s.type)
      << (s.queryLanguage == ast::QueryLanguage::JSONata ? " jsonata" : "");
  if (!s.next.empty()) out << " -> " << s.next;
  if (s.end) out << " end";
  out << "\n";
  printPath("InputPath", s.inputPath, out, pad);
  printNode("Parameters", s.parameters, out, pad);
  printNode("Arguments", s.arguments, out, pad);
  printNode("Result", s.result, out, pad);
  printNode("ResultSelector", s.resultSelector, out, pad);
  printPath("ResultPath", s.resultPath, out, pad);
  printPath("OutputPath", s.outputPath, out, pad);
  printNode("Output", s.output, out, pad);
  printNode("Assign", s.assign, out, pad);
  if (!s.resource.empty()) out << pad << "  Resource: " << aslrt::Json(s.resource).dump() << "\n";
  for (const ast::ChoiceRule& r : s.choices) printRule(r, out, pad + "  rule ");
  if (!s.defaultNext.empty()) out << pad << "  Default -> " << s.defaultNext << "\n";
  for (size_t i = 0; i < s.branches.size(); ++i) {
    out << pad << "  branch " << i << "\n";
    printAst(*s.branches[i], out, indent + 4);
  }
  if (s.itemProcessor) {
    out << pad << "  processor\n";
    printAst(*s.itemProcessor, out, indent + 4);
  }
}

}  // namespace

void printAst(const ast::StateMachine& machine, std::ostream& out, int indent) {
  std::string pad(indent, ' ');
  out << pad << "machine StartAt=" << aslrt::Json(machine.startAt).dump()
      << (machine.queryLanguage == ast::QueryLanguage::JSONata ? " jsonata" : "") << "\n";
  for (const ast::State& s : machine.states) printState(s, out, indent + 2);
}

}  // namespace aslc
