// The compiled program's constant tables, loaded once at start-up from the
// metadata the compiler embedded. Paths and templates are parsed here once,
// never per state execution.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "aslrt/abi.h"
#include "aslrt/choice_ops.h"
#include "aslrt/json.h"
#include "aslrt/jsonpath.h"
#include "aslrt/payload_template.h"
#include "jsonata_template.h"
#include "task_traits.h"

namespace aslrt {

// How much of the context object ($$) a template reads: MapOnly is $$.Map.*
// alone (a Map's ItemSelector), WithoutInput all but $$.Execution.Input.
enum class ContextUse : uint8_t { None, MapOnly, WithoutInput, Full };
ContextUse contextUseOf(const std::string& templateText);

struct RetrierInfo {
  std::vector<std::string> errors;
  double interval = 1;
  int64_t maxAttempts = 3;
  double backoff = 2;
  std::optional<int64_t> maxDelay;
  bool fullJitter = false;
};

struct CatcherInfo {
  std::vector<std::string> errors;
  uint32_t target = 0;
  std::optional<uint32_t> resultPath;
  bool discard = false;
  std::optional<uint32_t> output, assign;  // jsonata pool, assign pool
};

struct StateInfo {
  std::string name;
  std::string type;
  std::vector<RetrierInfo> retriers;
  std::vector<CatcherInfo> catchers;
  // May read $$.State.EnteredTime (codegen/src/entered_time.h): only then is
  // the clock read on entry.
  bool readsEnteredTime = true;
};

struct MachineInfo {
  std::string name;
  uint32_t slots = 0;
  std::vector<StateInfo> states;
  aslrt_machine_fn entry = nullptr;
};

struct LeafInfo {
  ChoiceOp op;
  uint32_t variable;
  bool isPath = false;
  uint32_t operandPath = 0;
  Json operand;
  std::optional<uint32_t> condition;  // JSONata Condition (jsonata pool)
};

struct WaitInfo {
  std::string field;
  Json value;
  std::optional<JsonPath> path;
  std::optional<uint32_t> jsonata;
};

struct FailInfo {
  std::optional<std::string> error, cause;
  std::optional<PayloadTemplate> errorPath, causePath;  // one-key templates: path or intrinsic
  std::string errorPathText, causePathText;
  std::optional<uint32_t> errorJsonata, causeJsonata;
};

struct AssignInfo {
  bool jsonata = false;
  uint32_t index = 0;
};

struct TaskInfo {
  std::string resource;
  Json timeoutSeconds, heartbeatSeconds;
  std::optional<JsonPath> timeoutSecondsPath, heartbeatSecondsPath;
  TaskTraits traits;  // from resource
};

struct MapInfo {
  uint32_t processor = 0;
  std::optional<uint32_t> itemsPath, itemSelector, maxConcurrencyPath;
  int64_t maxConcurrency = 0;
  std::optional<uint32_t> itemSelectorJsonata, maxConcurrencyJsonata, itemsJsonata, reader;
  Json toleratedCount, toleratedPercentage;
  std::optional<uint32_t> toleratedCountPath, toleratedPercentagePath;
  std::optional<uint32_t> toleratedCountJsonata, toleratedPercentageJsonata;
  bool distributed = false;
  Json batcher;  // ItemBatcher's literal fields; null = no batching (item_batcher.h)
  std::optional<uint32_t> maxItemsPerBatchPath, maxBytesPerBatchPath, batchInput, batcherJsonata;
  Json resultWriter;  // ResultWriter's Resource and WriterConfig; null = none (result_writer.h)
  std::optional<uint32_t> resultWriterParameters, resultWriterJsonata;
  std::string label;  // DISTRIBUTED Label; empty = none (a generated one names the Map Run)
};

struct ReaderInfo {
  std::string resource;
  Json config;
  std::optional<uint32_t> parameters, arguments, maxItemsPath, maxItemsJsonata;
};

// A compile-time decoded "$.a.b[0]" (ops_direct_path.cpp); `path` is the same
// path in `paths`, for the general evaluator and its error wording.
struct DirectPathInfo {
  struct Step {
    bool isIndex = false;
    std::string key;
    size_t index = 0;
  };
  uint32_t path = 0;
  std::vector<Step> steps;
};

struct Program {
  const aslrt_program* compiled = nullptr;  // the descriptor it was loaded from
  std::string source;
  Json info;
  std::vector<MachineInfo> machines;
  std::vector<Json> constants;
  std::vector<Extent> constantExtents;  // serialised sizes and depths, for the payload check
  std::vector<JsonPath> paths;
  std::vector<PayloadTemplate> templates;
  std::vector<ContextUse> templateContextUse;  // the context object is built only as far as read
  std::vector<LeafInfo> leaves;
  std::vector<WaitInfo> waits;
  std::vector<FailInfo> fails;
  std::vector<TaskInfo> tasks;
  std::vector<std::vector<uint32_t>> parallels;  // branch machine ids
  std::vector<MapInfo> maps;
  std::vector<ReaderInfo> readers;
  std::vector<JsonataTemplate> jsonata;
  std::vector<AssignInfo> assigns;
  std::vector<DirectPathInfo> directPaths;
};

// Returns false with a message when the metadata does not load (a compiler bug).
bool loadProgram(const aslrt_program& compiled, Program& program, std::string* error);

}  // namespace aslrt
