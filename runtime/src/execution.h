// One execution of a compiled program: its options, clock, history and
// random source; and the frames (aslrt_frame) that run its machines, one per
// fiber (the top level, each Parallel branch, each Map iteration).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "aslrt/abi.h"
#include "aslrt/failure.h"
#include "aslrt/json.h"
#include "aslrt/lazy_rng.h"
#include "mock_config.h"
#include "object_store.h"
#include "aslrt/payload_size.h"
#include "program.h"
#include "scheduler.h"

namespace aslrt {

struct Binding;  // task_bindings.h

struct RunOptions {
  bool virtualClock = false;
  uint64_t seed = 0;
  bool seeded = false;
  std::string historyPath;
  std::string executionName;
  std::string stateMachineName;
  std::string arnPrefix;  // "arn:aws:states:REGION:ACCOUNT:"; empty: the recordings' placeholder
  std::optional<int64_t> startMicros;
  std::string mockConfigPath, testCase, stateMachine;
  std::string resourcesPath, s3Root;  // ItemReader's objects (--resources, --s3-root)
  std::string workflowType;  // --type: "" (no quotas), STANDARD or EXPRESS (quotas.h)
  long long inlineMapMaxConcurrency = 0;  // --inline-map-max-concurrency: bounds MaxConcurrency 0 (AWS: 40)
  const class ObjectStore* objects = nullptr;  // loaded from those once per process
};

// A version-4-style id from the execution's random source (seeded by --seed):
// Map Run ids, child execution names, an Express execution's ARN.
std::string randomId(std::mt19937_64& rng);

class Execution {
 public:
  // `input` must outlive the execution (runExecution's caller owns it).
  Execution(const Program& program, Scheduler& scheduler, const RunOptions& options, const Json& input);

  const Program& program;
  Scheduler& scheduler;
  const RunOptions& options;
  const Json& input;
  int64_t startMicros;
  LazyRng rng;  // seeded on first draw (aslrt/lazy_rng.h)
  int nestedDepth = 0;  // how many nested executions (task_nested.cpp) this one runs inside
  std::optional<std::string> unsupported;  // set when a not-yet-supported feature ran
  const MockConfig* mocks = nullptr;
  const ObjectStore* objects = nullptr;
  std::map<std::string, int64_t> invocations;  // per state name, for mocked responses
  // The history quota (--type STANDARD): reaching it cancels `root` and fails the execution.
  int64_t maxEvents = 0;
  CancelScope* root = nullptr;
  bool eventQuotaReached = false;
  int64_t promotedStates = 0;  // states a promoted loop ran (aslrt_loop_tick)
  // Per Task (program.tasks index): the binding of a target that does not
  // depend on the parameters, looked up on its first call (ops_task.cpp).
  struct FoundBinding {
    bool looked = false;
    const Binding* binding = nullptr;
  };
  std::vector<FoundBinding> taskBindings;

  // Appends an event to the history (AWS numbering: ExecutionStarted is #1).
  // `details` holds the event's extra members, e.g. {"stateEnteredEventDetails": {...}}.
  int64_t record(const std::string& type, int64_t previousEventId, Json details = nullptr);
  // Takes the next event id without building the event: for callers that
  // check keepsHistory() first and so spare the strings when there is none.
  // Under an event quota (--type STANDARD) it is admitted as record() admits
  // a state's event, so the quota holds with or without --history.
  int64_t countEvent() { return maxEvents ? countUnderQuota() : nextEventId_++; }
  bool keepsHistory() const { return !options.historyPath.empty(); }
  int64_t lastEventId() const { return nextEventId_ - 1; }
  const std::vector<Json>& history() const { return history_; }
  // The context object's Execution/StateMachine parts; the light one leaves
  // out Execution.Input, which can be large and is rarely read.
  // Built on first use: most executions never read $$.
  Json executionContext(const Json* withInput) const;
  const Json& contextBase(bool withInput = true) const;
  std::string executionArn() const;
  // "arn:aws:states:<region>:<account>:", which execution, stateMachine and
  // mapRun ARNs follow.
  std::string arnPrefix() const;
  // $$.Execution.Name, $$.Execution.Id and $$.StateMachine.Name, held by
  // contextBase(false) (so NUL-terminated and alive as long as the execution).
  struct Names {
    const std::string *name = nullptr, *arn = nullptr, *stateMachineName = nullptr;
  };
  const Names& names() const;

 private:
  // Whether an event is counted: not while cancelled, nor past the quota
  // (which it then enforces) unless it is an Execution* event.
  bool admitEvent(bool executionEvent);
  int64_t countUnderQuota();
  int64_t nextEventId_ = 1;
  std::vector<Json> history_;
  mutable Json contextBase_;       // null until first read
  mutable Json contextBaseLight_;
  // --type EXPRESS: the id AWS appends to an Express execution's ARN
  // (arn:...:express:<machine>:<name>:<id>), drawn once from the seeded source.
  std::string expressId_;
  mutable Names names_;  // unset until first read
};

}  // namespace aslrt

// The frame a machine function runs with (opaque to generated code).
struct aslrt_frame {
  aslrt::Execution* exec = nullptr;
  const aslrt::MachineInfo* machine = nullptr;
  std::vector<aslrt::Json> slots;
  aslrt::Json input;      // the current state's raw input
  aslrt::Json output;     // the machine's output once it succeeded
  aslrt::Failure failure; // the pending error
  uint32_t state = 0;
  int64_t enteredEventId = 0;
  int64_t enteredMicros = 0;  // -1: not read on entry (StateInfo::readsEnteredTime)
  int64_t retryCount = 0;              // $$.State.RetryCount
  std::vector<int64_t> retrierAttempts;  // per retrier of the current state
  mutable std::string token_;                  // see taskToken()
  mutable std::pair<int64_t, int64_t> tokenAttempt_{-1, -1};  // (enteredEventId, retryCount)
  // $$.Map.Item while a Map renders an iteration's ItemSelector (see
  // setMapItem); the context a $$.Map-only template reads, kept built across
  // a Map's iterations so each one only swaps the index and the value in.
  aslrt::Json mapContext;  // {"Map": {"Item": {"Index": i, "Value": v}}} once built
  bool mapItemSet = false;
  // A borrowed item (borrowMapItem): read in place by templates that allow
  // it (EvalContext::mapItem); mapContext's Value is then null.
  const aslrt::Json* mapItemBorrowed = nullptr;
  void setMapItem(size_t index, aslrt::Json value);
  // The item stays where it is (an element of the Map's input, which must
  // not change until clearMapItem): no copy and no free per iteration.
  void borrowMapItem(size_t index, const aslrt::Json& value);
  void clearMapItem();  // the value is dropped; the structure stays for the next item
  // The state's raw input while load_input has lent it to a slot
  // (ASLRT_LEND, aslrt/abi.h): where it is, and how to undo the one
  // in-place ResultPath write apply_result_path may have made to it.
  struct LentInput {
    int64_t slot = -1;
    const std::string* member = nullptr;  // the member written, once written
    bool hadMember = false;               // and whether it existed before
    aslrt::Json oldValue;                 // its value then
  };
  LentInput lent;
  // The state's raw input, wherever it is (TimeoutSecondsPath reads it).
  const aslrt::Json& rawInput() const { return lent.slot >= 0 ? slots[lent.slot] : input; }
  // On an error: the raw input back in `input`, its ResultPath write undone.
  void restoreLentInput();
  void endLoan() {
    if (lent.slot >= 0) lent = LentInput();
  }
  // Frees what the machine worked with (slots, the last input) once it has
  // ended: a Map's finished iteration gives its memory back to the next one
  // instead of holding it until the Map completes. output and failure stay.
  void releaseWorkingValues();
 private:
  // mapContext's Index and Value, found once per built context rather than
  // by four key lookups per item; found again by a moved or copied frame.
  const aslrt::Json* mapNodesOf_ = nullptr;
  aslrt::Json* mapIndex_ = nullptr;
  aslrt::Json* mapValue_ = nullptr;
  void findMapNodes();

 public:
  // Where a Map/Parallel's pending failure arose, for the events aslrt_on_error
  // writes: in its own fields (None), in a distributed map run (Run: the
  // reader, ItemSelector or writer, after MapRunStarted) or in a child (Children).
  enum class ForkFailure : uint8_t { None, Run, Children };
  ForkFailure forkFailure = ForkFailure::None;
  aslrt::Json variables = aslrt::Json::object();  // this scope's workflow variables
  // Upper bounds on serialised sizes, for the payload check without dump():
  // per slot (reset at each state's entry; ops that do not track sizes leave
  // kSizeUnknown), of `input`, and the one exit_state hands to the next state.
  std::vector<aslrt::SizeBound> slotSizes;
  aslrt::SizeBound inputSize, handoffSize;

  // $$.Task.Token of the current Task attempt: made on first use, new for
  // every entry into the state and every retry (callback_registry.h).
  const std::string& taskToken() const;

  const aslrt::StateInfo& stateInfo() const { return machine->states[state]; }
  // The slot's size bound, walking the value exactly when none is tracked.
  aslrt::SizeBound slotSize(uint32_t slot) {
    if (slot < slotSizes.size() && slotSizes[slot].known()) return slotSizes[slot];
    return measureSlot(slot);
  }
  aslrt::SizeBound measureSlot(uint32_t slot);  // and records it
  // The bound recorded for a slot, without walking it when there is none.
  aslrt::SizeBound knownSlotSize(uint32_t slot) const {
    return slot < slotSizes.size() ? slotSizes[slot] : aslrt::SizeBound();
  }
  void setSlotSize(uint32_t slot, aslrt::SizeBound size) {
    if (slot < slotSizes.size()) slotSizes[slot] = size;
  }
  // withBorrowedItem false: $$.Map.Item.Value stays null when the item is
  // borrowed (for a render that reads it through EvalContext::mapItem).
  aslrt::Json contextObject(bool withInput = true, bool withBorrowedItem = true) const;
  // JSONata bindings: the variables plus $states {input, context, result?, errorOutput?}.
  aslrt::Json jsonataBindings(const aslrt::Json& input, const aslrt::Json* result,
                              const aslrt::Json* errorOutput = nullptr, bool withContext = true) const;
  // Evaluates the program's JSONata value `id` against the state's values;
  // on an error raises it (with the state prefix) and returns nullopt.
  std::optional<aslrt::Json> evalJsonata(uint32_t id, const aslrt::Json& input, const aslrt::Json* result = nullptr,
                                         const aslrt::Json* errorOutput = nullptr);
  // Renders a JSONPath payload template with $ = input, $$ and variables; raises on an error.
  // `options.reuse`, when set, must be &input (see aslrt::RenderOptions).
  std::optional<aslrt::Json> render(const aslrt::PayloadTemplate& tmpl, const aslrt::Json& input,
                                    std::string_view field, aslrt::ContextUse use = aslrt::ContextUse::Full,
                                    const aslrt::RenderOptions& options = {});
  // The same, rendering into `out` (which may be the reused input itself):
  // no value is moved through the layers between the template and its slot.
  bool renderInto(aslrt::Json& out, const aslrt::PayloadTemplate& tmpl, const aslrt::Json& input,
                  std::string_view field, aslrt::ContextUse use, const aslrt::RenderOptions& options);
  // Sets the pending error with AWS's cause prefix naming the state and event.
  int32_t raise(const std::string& error, const std::string& detail);
  // States.Runtime for an output nested deeper than kMaxStateDepth (ops_state.cpp).
  int32_t raiseOutputTooDeep();
  // This fiber was cancelled (a sibling failed, the execution timed out or
  // was aborted): fail so the generated code unwinds; aslrt_on_error
  // propagates it without retrying, catching or recording anything.
  int32_t abandon();
};
