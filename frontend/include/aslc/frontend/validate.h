// Validation of a whole definition against the rules AWS enforces, on the
// spanned JSON tree (before the AST is built), reporting every problem found.
#pragma once
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "aslc/frontend/diagnostics.h"
#include "aslc/frontend/json_tree.h"

namespace aslc {

struct ValidateOptions {
  // The machine will be created as an EXPRESS workflow: only Request Response
  // integrations (no .sync, no .waitForTaskToken) and no activities.
  bool express = false;
};

// Adds one diagnostic per broken rule; returns true when no error was added.
bool validateDefinition(const JNode& root, Diagnostics& diags, const ValidateOptions& options = {});

// ---------------------------------------------------------------------------
// Internals shared by the frontend/src/validate_*.cpp files, one concept per
// file. Not for use outside the validator.
namespace validate_detail {

enum class QueryLanguage { JSONPath, JSONata };

// State types as bits, so field tables can say "Task | Pass | Map" at once.
enum StateType : unsigned {
  kTask = 1u << 0,
  kPass = 1u << 1,
  kChoice = 1u << 2,
  kWait = 1u << 3,
  kSucceed = 1u << 4,
  kFail = 1u << 5,
  kParallel = 1u << 6,
  kMap = 1u << 7,
  kAnyState = 0xffu,
  kNoState = 0,
};

StateType stateTypeFromName(std::string_view name);
const char* stateTypeName(StateType type);

// Appends one JSON-pointer token (escaping '~' and '/').
std::string pointerJoin(const std::string& base, std::string_view token);
std::string pointerJoin(const std::string& base, size_t index);

// Shared by every check: the diagnostics sink and machine-wide facts.
class Checker {
 public:
  Checker(Diagnostics& diags, const ValidateOptions& options) : diags_(diags), options_(options) {}
  // Every message ends with the JSON pointer of what is wrong.
  void error(uint32_t offset, const char* rule, const std::string& message,
             const std::string& pointer);
  void warning(uint32_t offset, const char* rule, const std::string& message,
               const std::string& pointer);
  const ValidateOptions& options() const { return options_; }
  size_t errorCount() const { return diags_.errorCount(); }

  QueryLanguage machineLanguage = QueryLanguage::JSONPath;
  // State name -> pointer of the machine scope (its "/States" object) holding it.
  std::unordered_map<std::string, std::string> stateScopes;
  // Map Label -> pointer of the first Map using it (labels are unique per machine).
  std::unordered_map<std::string, std::string> mapLabels;
  // > 0 inside a distributed Map's item processor, whose child executions
  // may pick their own QueryLanguage.
  int distributedDepth = 0;
  // > 0 where states run as Express executions (ValidateOptions::express, or
  // inside a distributed Map whose ExecutionType is EXPRESS).
  int expressDepth = 0;

 private:
  Diagnostics& diags_;
  const ValidateOptions& options_;
};

// One state being checked.
struct StateCtx {
  Checker& ck;
  const JMember& member;  // key = state name, value = the state object
  std::string pointer;    // e.g. "/States/Foo"
  StateType type;
  QueryLanguage language;  // after applying the state's own QueryLanguage

  const JNode& node() const { return member.value; }
  const JNode* get(std::string_view key) const { return member.value.get(key); }
  const JMember* field(std::string_view key) const { return member.value.member(key); }
  std::string at(std::string_view key) const { return pointerJoin(pointer, key); }
  bool jsonata() const { return language == QueryLanguage::JSONata; }
};

// ----- machine structure (validate.cpp / validate_graph.cpp)
enum class MachineKind { TopLevel, Branch, ItemProcessor, Iterator };
// States without a QueryLanguage of their own take the top-level machine's
// (not their parent state's), as the AWS docs say.
void validateMachine(Checker& ck, const JNode& machine, const std::string& pointer,
                     MachineKind kind);
void collectStateNames(Checker& ck, const JNode& machine, const std::string& pointer);
void checkMachineGraph(Checker& ck, const JNode& machine, const std::string& pointer);

// ----- per-state rules
void checkStateFields(StateCtx& s);     // validate_fields.cpp
void checkStateValues(StateCtx& s);     // validate_values.cpp
void checkChoiceState(StateCtx& s);     // validate_choice.cpp
void checkRetriers(StateCtx& s);        // validate_handlers.cpp
void checkCatchers(StateCtx& s);        // validate_handlers.cpp
void checkWaitState(StateCtx& s);       // validate_wait.cpp
void checkFailState(StateCtx& s);       // validate_fail.cpp
void checkTaskResource(StateCtx& s);    // validate_resource.cpp
void checkCredentials(StateCtx& s);     // validate_resource.cpp
void checkParallelState(StateCtx& s);   // validate_parallel.cpp
void checkMapState(StateCtx& s);        // validate_map.cpp
void checkMapDistributed(StateCtx& s);  // validate_map_distributed.cpp
void checkDataFlowFields(StateCtx& s);  // validate_dataflow.cpp
void checkStatesFields(StateCtx& s);    // validate_states_fields.cpp ($states.result, ...)
void checkResultTypes(StateCtx& s);     // validate_jsonata_types.cpp
// Reads of variables no path assigns (validate_variables.cpp); whole machine.
void checkVariableFlow(Checker& ck, const JNode& root);

// ----- value helpers (validate_util.cpp)
bool isJsonataExpression(const JNode& value);  // a "{% ... %}" string
// Reports a wrong JSON type; returns false when the value is not of `kind`.
bool expectKind(Checker& ck, const JNode& value, JNode::Kind kind, const std::string& pointer,
                const char* what);
// obj[key], when present, is one of `allowed` (strings).
void checkEnum(Checker& ck, const JNode& obj, const char* key, std::initializer_list<std::string_view> allowed,
               const std::string& pointer);
// An integer in [min, max], or (in JSONata states) a JSONata expression.
void checkIntegerField(StateCtx& s, const char* key, int64_t min, int64_t max);
size_t utf8Length(std::string_view text);  // characters, not bytes
// The runtime's parsers recurse per nesting level (and per operator of long
// chains); text past these bounds is judged by the validator's own parsers
// only, so hostile input cannot overflow the stack.
bool safeForRuntimeParser(std::string_view text);
bool isWholeSubstitutionToken(std::string_view text);  // exactly "${...}"
// Warns that a deploy-time token stands where a typed value belongs.
void warnUnresolvedToken(Checker& ck, const JNode& value, const std::string& pointer);
// When `value` is a whole "${...}" token, warns and returns true: the type
// check is left to after substitution (SAM DefinitionSubstitutions etc.).
bool deferToken(Checker& ck, const JNode& value, const std::string& pointer);

// ----- paths, templates, intrinsics (validate_paths.cpp, validate_intrinsic.cpp)
enum class PathKind {
  Path,           // InputPath, OutputPath, "key.$" values: $, $$ or $variable
  ReferencePath,  // ResultPath: a single node, rooted at $
  ValuePath       // Choice Variable, SecondsPath, ItemsPath...: a reference path that may
                  // also start at $$ or a variable
};
// Returns an empty string when `text` is well-formed, else why not.
std::string pathSyntaxError(std::string_view text, PathKind kind);
std::string_view trimTrailingBlanks(std::string_view text);
void checkPathField(StateCtx& s, const char* key, PathKind kind, bool nullable);
// Checks one path string; `what` names it in the message ("'InputPath'").
// Reports under `rule`; returns true when the path is well-formed.
bool checkPathValue(Checker& ck, const JNode& value, PathKind kind, const std::string& pointer,
                    const char* rule, const std::string& what);
// *argumentError is set when the call parses but its arguments are of the
// wrong number or literal type.
std::string intrinsicSyntaxError(std::string_view text, std::string* functionName,
                                 bool* argumentError = nullptr);
bool looksLikeIntrinsic(std::string_view text);
// Checks a Parameters / ResultSelector / ItemSelector / Credentials payload template.
void checkPayloadTemplate(Checker& ck, const JNode& value, const std::string& pointer);

// ----- JSONata (validate_jsonata.cpp, validate_jsonata_parse.cpp)
// A syntax tree node. `text` views the parsed text (which must outlive it):
// a variable's name without '$', an operator, a name or a literal's text.
struct JxNode {
  enum class Kind {
    Variable, Name, Number, String, Regex, Literal,  // leaves
    Unary,      // '-' operand
    Binary,     // lhs op rhs (also '.', ':=', '~>', 'and', '@' / '#' with a Variable rhs,
                // '{' group-by with an Object rhs)
    Call,       // procedure, arguments...
    Lambda,     // parameters (Variables)..., body
    Block,      // ( a; b; ... )
    Array,      // [ items... ]
    Range,      // from .. to, inside an Array
    Object,     // { key, value, key, value... }
    Condition,  // condition, then [, else]
    Filter,     // lhs [ index ]  (lhs alone for lhs[])
    Sort,       // lhs ^( terms... )
    Transform,  // | location | update [, delete] |
    Wildcard, Descendant, Parent, Placeholder, Error
  };
  Kind kind = Kind::Error;
  std::string_view text;
  size_t at = 0;  // offset in the parsed text
  std::vector<JxNode> kids;
};
struct JxParse {
  JxNode root;
  std::string error;  // empty when the text parses
  bool tooDeep = false;
  bool truncated = false;  // too big to analyse: the tree is incomplete
};
// Parses the text between {% and %} with the validator's own parser.
JxParse parseJsonata(std::string_view expr);
// parseJsonata when the text parses into a complete tree, else nullptr
// (the checks on expressions then say nothing).
std::optional<JxParse> parseForAnalysis(std::string_view expr);

// ----- expressions in states (validate_expressions.cpp)
// Called with each "{% %}" string of a state (nested machines excluded);
// `relative` is its path inside the state ("Catch/0/Output/x").
using ExpressionVisitor = std::function<void(const JNode& value, const std::string& relative,
                                             const std::string& pointer)>;
void forEachStateExpression(const JNode& state, const std::string& pointer,
                            const ExpressionVisitor& visit);
bool isJsonataFunctionName(std::string_view name);
// Names the expression binds itself: `$v := ...`, lambda parameters, `@$v`, `#$v`.
std::unordered_set<std::string> jsonataBoundNames(const JxNode& root);
struct VariableRead {
  std::string name;  // without '$'
  size_t at;         // offset in the expression or path text
};
// Reads of workflow variables: `$x` not bound by the expression itself and
// not a function name; `$states`, `$` and `$$` are no variables.
std::vector<VariableRead> jsonataVariableReads(const JxNode& root);
// A JSONPath path ("$x.y") or intrinsic ("States.Format('{}', $x)").
std::vector<VariableRead> jsonPathVariableReads(std::string_view text);
// The source offset of character `index` of a string value (its opening
// quote when escapes make the mapping uncertain).
uint32_t offsetInString(const JNode& value, size_t index);
// Returns an empty string when `expr` (the text between {% and %}) parses.
std::string jsonataSyntaxError(std::string_view expr);
// What the runtime's JSONata compiler (when built) says about `expr`; empty
// when it compiles or no runtime compiler is available.
std::string jsonataRuntimeGap(std::string_view expr);
// Checks a string that must be one JSONata expression "{% ... %}".
void checkJsonataString(Checker& ck, const JNode& value, const std::string& pointer);
// Walks a JSONata-state value (Arguments, Output, Assign...): every string
// that opens or closes a {% %} must be one well-formed expression.
void checkJsonataTemplate(Checker& ck, const JNode& value, const std::string& pointer);

// ----- Task resources (validate_resource.cpp, validate_integrations.cpp)
struct ResourceProblem {
  const char* rule = nullptr;  // null when the resource is fine
  std::string message;
};
// `rest` is what follows "arn:<partition>:states:::"; `express` is true in
// an Express workflow or an EXPRESS distributed Map child.
ResourceProblem checkIntegrationArn(std::string_view rest, bool express);
// Reports a problem with the "Resource" of `owner` (a Task, ItemReader or
// ResultWriter object); `what` names the owner in the message.
void checkResourceField(Checker& ck, const JNode& owner, const std::string& ownerPointer,
                        const char* what);

// ----- timestamps (validate_wait.cpp)
bool isRfc3339Timestamp(std::string_view text);

}  // namespace validate_detail
}  // namespace aslc
