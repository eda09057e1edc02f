// The typed IR. A module holds machines (the top level, each Parallel branch,
// each Map processor); a machine holds states; a state is a straight-line
// block of data-flow instructions in ASL's own order and one terminator.
// Retriers are data on the state; catchers are edges. Constants (paths,
// templates, literals) live in module pools referred to by index, so the IR
// itself is small and every state can be resumed from its input alone.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aslrt/json.h"

namespace aslc::ir {

using ValueId = uint32_t;
using StateId = uint32_t;
using MachineId = uint32_t;
constexpr uint32_t kNone = UINT32_MAX;

// Every value carries a type: Json is the top; the others are what a
// constant or a checked operation is known to produce.
enum class Type : uint8_t { Json, Null, Bool, Number, String, Object, Array };
const char* typeName(Type type);
Type typeOfConstant(const aslrt::Json& value);

enum class InstKind : uint8_t {
#define INST(Name, mnemonic, hasResult, operand) Name,
#include "aslc/ir/inst_kinds.def"
};
enum class TermKind : uint8_t {
#define TERM(Name, mnemonic) Name,
#include "aslc/ir/term_kinds.def"
};
const char* instMnemonic(InstKind kind);
bool instHasResult(InstKind kind);
const char* termMnemonic(TermKind kind);

struct Inst {
  InstKind kind;
  ValueId result = kNone;
  Type type = Type::Json;
  ValueId a = kNone;        // first value operand
  ValueId b = kNone;        // second value operand
  uint32_t operand = kNone; // pool index (meaning by kind, see inst_kinds.def)
};

// A Choice condition tree; leaves index the module's choice-leaf pool.
struct Condition {
  enum class Kind : uint8_t { Leaf, And, Or, Not, Const } kind = Kind::Leaf;
  uint32_t leaf = kNone;
  bool constValue = false;  // Kind::Const, produced by folding
  std::vector<Condition> children;
};

struct ChoiceBranch {
  Condition condition;
  StateId target;
  uint32_t assign = kNone;  // the rule's Assign (assign pool)
  uint32_t output = kNone;  // the rule's JSONata Output (jsonata pool)
};

struct Terminator {
  TermKind kind = TermKind::Succeed;
  ValueId value = kNone;          // the state's output (Goto/Succeed/Choice), input (Fail)
  ValueId test = kNone;           // Choice: the effective input its rules examine
  StateId target = kNone;         // Goto
  std::vector<ChoiceBranch> branches;  // Choice, in rule order
  StateId defaultTarget = kNone;  // Choice; kNone = States.NoChoiceMatched
  uint32_t fail = kNone;          // Fail: index into the fail pool
};

struct Retrier {
  std::vector<std::string> errorEquals;
  double intervalSeconds = 1;
  int64_t maxAttempts = 3;
  double backoffRate = 2;
  std::optional<int64_t> maxDelaySeconds;
  bool fullJitter = false;
};

struct Catcher {
  std::vector<std::string> errorEquals;
  StateId target;
  uint32_t resultPath = kNone;  // path pool index; kNone with discardResult = ResultPath null
  bool discardResult = false;
  uint32_t output = kNone;  // JSONata Output (jsonata pool)
  uint32_t assign = kNone;  // Assign (assign pool)
};

struct State {
  std::string name;
  std::string aslType;  // "Pass", "Task", ... as written in the definition
  uint32_t sourceOffset = 0;
  std::vector<Inst> insts;
  Terminator term;
  std::vector<Retrier> retriers;
  std::vector<Catcher> catchers;
  uint32_t valueCount = 0;
};

// A loop the promote-loops pass found: a cycle of Pass and Choice states
// whose value is an object of fixed keys and which only add (States.MathAdd)
// and compare integer members. Codegen runs it on native integers while its
// guards hold and hands the object back to the states' own code otherwise;
// the states stay as they are (the interpreter runs only those).
struct LoopOperand {
  uint32_t member = kNone;  // index into PromotedLoop::members, or kNone for `literal`
  int64_t literal = 0;
};

struct LoopAdd {  // members[member] = a + b, as States.MathAdd
  uint32_t member;
  LoopOperand a, b;
};

struct LoopTest {  // a Choice leaf comparing two integers
  uint32_t leaf;   // choice-leaf pool index
  std::string op;  // NumericEquals, NumericLessThan, ... (a *Path leaf compares two members)
  LoopOperand a, b;
};

struct LoopState {
  StateId state;
  std::vector<LoopAdd> adds;  // a Pass's computed members; empty for a Choice
};

struct PromotedLoop {
  std::vector<std::string> members;  // the integer members, held in registers
  std::vector<uint32_t> memberKeys;  // their names in the constant pool (for the runtime)
  std::vector<LoopState> states;
  std::vector<LoopTest> tests;       // the Choice states' leaves
  // The members the loop only passes along ("k.$": "$.k"), never reads.
  std::vector<std::string> carried;
};

struct Machine {
  std::string name;  // "main", "main/Parallel1/branch0", ...
  std::vector<State> states;
  StateId start = 0;
  std::vector<PromotedLoop> loops;  // from the promote-loops pass
};

struct ChoiceLeaf {
  std::string op;          // e.g. "NumericEquals", "IsPresent"
  uint32_t variable;       // path pool index
  aslrt::Json operand;     // literal operand (when !isPath)
  bool isPath = false;
  uint32_t operandPath = kNone;  // path pool index (when isPath)
  uint32_t condition = kNone;    // JSONata Condition (jsonata pool); then op is "Condition"
};

struct WaitSpec {
  std::string field;   // Seconds | SecondsPath | Timestamp | TimestampPath
  aslrt::Json value;   // seconds, timestamp string, or path text
  uint32_t jsonata = kNone;  // an expression-valued Seconds/Timestamp (jsonata pool)
};

struct FailSpec {
  std::optional<std::string> error, cause;
  std::optional<std::string> errorPath, causePath;
  uint32_t errorJsonata = kNone, causeJsonata = kNone;
};

// A path of plain members and indexes ("$.a.b[0]"), decoded at compile time so
// the runtime walks it without a path evaluator. `path` (path pool) is the
// same path for the general evaluator, which the runtime falls back to when a
// step is missing, so errors keep their exact wording.
struct DirectPath {
  uint32_t path = kNone;
  std::vector<aslrt::Json> steps;  // a string (member) or an unsigned integer (index) each
};

// A value that may hold "{% %}" expressions, and the field it came from (for causes).
struct JsonataSpec {
  aslrt::Json value;
  std::string field;
};

// Assign: a JSONPath payload template (template pool) or a JSONata value (jsonata pool).
struct AssignSpec {
  bool jsonata = false;
  uint32_t index = kNone;
};

struct TaskSpec {
  std::string resource;
  aslrt::Json timeoutSeconds;     // number, or null
  std::string timeoutSecondsPath;
  aslrt::Json heartbeatSeconds;
  std::string heartbeatSecondsPath;
};

// A Map's ItemReader: where the items come from and how they are parsed.
struct ReaderSpec {
  std::string resource;
  aslrt::Json config;              // ReaderConfig (MaxItems stays in it when literal)
  uint32_t parameters = kNone;     // template pool (JSONPath Parameters)
  uint32_t arguments = kNone;      // jsonata pool (JSONata Arguments)
  uint32_t maxItemsPath = kNone;   // path pool
  uint32_t maxItemsJsonata = kNone;
};

struct ParallelSpec {
  std::vector<MachineId> branches;
};

struct MapSpec {
  MachineId processor = kNone;
  uint32_t itemsPath = kNone;      // path pool; kNone = the effective input itself
  uint32_t itemSelector = kNone;   // template pool; kNone = each item as it is
  int64_t maxConcurrency = 0;      // 0 = unbounded
  uint32_t maxConcurrencyPath = kNone;
  uint32_t itemSelectorJsonata = kNone;  // JSONata ItemSelector (jsonata pool)
  uint32_t maxConcurrencyJsonata = kNone;
  uint32_t itemsJsonata = kNone;  // JSONata Items (its value arrives as the op's second operand)
  uint32_t reader = kNone;        // reader pool
  aslrt::Json toleratedCount, toleratedPercentage;  // literal values, else null
  uint32_t toleratedCountPath = kNone, toleratedPercentagePath = kNone;
  uint32_t toleratedCountJsonata = kNone, toleratedPercentageJsonata = kNone;  // "{% %}" (jsonata pool)
  bool distributed = false;  // ProcessorConfig.Mode DISTRIBUTED: child executions, MapRun events
  // ItemBatcher: `batcher` holds its literal fields (null = no batching); the
  // *Path fields are in the path pool, a JSONPath BatchInput in the template
  // pool; in JSONata the whole ItemBatcher object is one jsonata value.
  aslrt::Json batcher;
  uint32_t maxItemsPerBatchPath = kNone, maxBytesPerBatchPath = kNone, batchInput = kNone, batcherJsonata = kNone;
  // ResultWriter: Resource and WriterConfig as written (null = none); its
  // Parameters in the template pool, or the whole object as one jsonata value.
  aslrt::Json resultWriter;
  uint32_t resultWriterParameters = kNone, resultWriterJsonata = kNone;
  // Label (DISTRIBUTED only): names the Map Run and its child executions;
  // empty = none (the runtime then generates one, as AWS does).
  std::string label;
};

struct Module {
  std::string sourceName;
  std::vector<Machine> machines;  // 0 is the top level
  std::vector<aslrt::Json> constants;
  std::vector<std::string> paths;
  std::vector<aslrt::Json> templates;
  std::vector<ChoiceLeaf> choiceLeaves;
  std::vector<WaitSpec> waits;
  std::vector<FailSpec> fails;
  std::vector<TaskSpec> tasks;
  std::vector<ParallelSpec> parallels;
  std::vector<MapSpec> maps;
  std::vector<ReaderSpec> readers;
  std::vector<JsonataSpec> jsonata;
  std::vector<AssignSpec> assigns;
  std::vector<DirectPath> directPaths;
  aslrt::Json machineInfo = aslrt::Json::object();  // TimeoutSeconds, QueryLanguage, ...

  uint32_t addConstant(aslrt::Json value);
  uint32_t addPath(const std::string& path);
  uint32_t addTemplate(aslrt::Json tmpl);
};

}  // namespace aslc::ir
