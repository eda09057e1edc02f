// Parallel and Map: child machines on fibers of their own, joined in order.
// The first failure fails the state and marks the siblings cancelled.
#include <cmath>

#include <cstdio>
#include <memory>
#include <optional>

#include "aslrt/cli_args.h"
#include "aslrt/json_release.h"
#include "execution.h"
#include "item_batcher.h"
#include "map_tolerance.h"
#include "result_writer.h"

using aslrt::Json;

std::optional<Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input);
bool aslrt_read_items(aslrt_frame* f, const aslrt::ReaderInfo& r, const Json& input, Json* items);

namespace {

// A child that ran to its end, failed, or was cancelled by a failing sibling.
enum class ChildEnd { NotRun, Succeeded, Failed, Aborted };

struct Join {
  explicit Join(const aslrt::CancelScope* parent) : scope(parent) {}
  aslrt::CancelScope scope;  // the children's fibers; cancelled by the first failure
  size_t remaining = 0;
  bool tolerate = false;  // failures are counted, not fatal (tolerated failures)
  size_t failures = 0;
  aslrt::FiberRecord* waiter = nullptr;
  bool failed = false;
  aslrt::Failure failure;
  std::vector<ChildEnd> ends;
};

aslrt_frame childFrame(aslrt_frame* parent, uint32_t machine, Json input) {
  aslrt_frame child;
  child.exec = parent->exec;
  child.machine = &parent->exec->program.machines[machine];
  child.input = std::move(input);
  child.variables = parent->variables;  // outer variables are visible; assignments stay inside
  return child;
}


// A DISTRIBUTED Map's child is an execution of its own: its own context
// object ($$.Execution is the child's: its Id, Name, Input, StartTime) and
// history (not written into the parent's, which shows MapRun events only).
// Its state machine is <machine>/<label> (`machineName`, from the Map Run).
// `record` (for a ResultWriter) receives what the result files say of it.
// The child's options, input and Execution live on the heap, not on the
// fiber's stack: stack pages touched once stay resident while the child
// waits, and 10,000 children of a distributed Map may wait at a time.
struct ChildExecution {
  aslrt::RunOptions options;
  aslrt::Json input;  // the Execution borrows it ($$.Execution.Input)
  std::optional<aslrt::Execution> exec;
};

bool runChildExecution(aslrt_frame* parent, aslrt_frame& child, const std::string& machineName,
                       aslrt::ChildRun* record) {
  aslrt::Execution& exec = *parent->exec;
  auto run = std::make_unique<ChildExecution>();
  aslrt::RunOptions& options = run->options;
  options = exec.options;
  options.historyPath.clear();
  options.stateMachineName = machineName;
  options.executionName = aslrt::randomId(exec.rng);
  options.startMicros = exec.scheduler.clock().nowMicros();
  options.seed = exec.rng();
  options.seeded = true;
  // The frame's raw input moves on from state to state, so the child keeps
  // its own copy of the execution input.
  run->input = child.input;
  aslrt::Execution& childExec = run->exec.emplace(exec.program, exec.scheduler, options, run->input);
  childExec.mocks = exec.mocks;
  childExec.objects = exec.objects;
  child.exec = &childExec;
  if (record) record->input = child.input;
  bool ok = child.machine->entry(&child) == ASLRT_OK;
  child.exec = &exec;
  if (record) {
    record->ran = true;
    record->ok = ok;
    if (ok) record->output = child.output;
    record->failure = child.failure;
    record->name = options.executionName;
    record->arn = childExec.executionArn();
    record->startMicros = *options.startMicros;
    record->stopMicros = exec.scheduler.clock().nowMicros();
  }
  if (childExec.unsupported && !exec.unsupported) exec.unsupported = childExec.unsupported;
  return ok;
}

// A machine made only of states that never give up their fiber: no Wait,
// Task (they sleep or wait for a reply), Parallel or Map (they park while
// their children run).
bool neverSuspends(const aslrt::MachineInfo& machine) {
  for (const aslrt::StateInfo& st : machine.states)
    if (st.type != "Pass" && st.type != "Choice" && st.type != "Succeed" && st.type != "Fail") return false;
  return true;
}

bool noChildSuspends(const std::vector<aslrt_frame>& children) {
  const aslrt::MachineInfo* checked = nullptr;  // a Map's children share one machine
  for (const aslrt_frame& c : children) {
    if (c.machine == checked) continue;
    if (!neverSuspends(*c.machine)) return false;
    checked = c.machine;
  }
  return true;
}

// Runs children[i] for every i on at most `limit` fibers (0 = one fiber each)
// and waits for all of them; returns false when one failed. With
// `childMachine` each child is an execution of that state machine (a
// DISTRIBUTED Map's). The first failure
// cancels the others (their waits end, their commands are killed) and stops
// the workers from starting more.
//
// A worker takes the next child as soon as its child ends, so when no child
// can suspend, the first worker runs them all, in order, before any other
// worker starts (the others found nothing left). One worker then does the
// same work with the same event order and without a fiber per child.
bool runChildren(aslrt_frame* parent, std::vector<aslrt_frame>& children, int64_t limit, Join& join,
                 const char* iterationEvents = nullptr, const std::string* childMachine = nullptr,
                 std::vector<aslrt::ChildRun>* records = nullptr) {
  aslrt::Scheduler& sched = parent->exec->scheduler;
  size_t workers = limit > 0 ? std::min<size_t>(limit, children.size()) : children.size();
  if (workers > 1 && noChildSuspends(children)) workers = 1;
  size_t next = 0;
  join.remaining = workers;
  join.waiter = sched.current();
  join.ends.assign(children.size(), ChildEnd::NotRun);
  const std::string events = iterationEvents ? iterationEvents : "";
  const std::string started = events + "Started", succeeded = events + "Succeeded", failed = events + "Failed";
  for (size_t w = 0; w < workers; ++w) {
    sched.spawn(
        [&] {
          while (next < children.size() && !sched.cancelRequested()) {
            size_t i = next++;
            aslrt_frame& child = children[i];
            aslrt::Execution& exec = *parent->exec;
            // MapIteration events name the Map state and the item's index.
            auto iteration = [&] {
              return exec.keepsHistory() ? Json{{"mapIterationEventDetails", {{"name", parent->stateInfo().name}, {"index", i}}}}
                                         : Json();
            };
            if (!events.empty()) exec.record(started, exec.lastEventId(), iteration());
            bool ok = childMachine ? runChildExecution(parent, child, *childMachine, records ? &(*records)[i] : nullptr)
                                   : child.machine->entry(&child) == ASLRT_OK;
            child.releaseWorkingValues();
            // handoffSize bounds the output only when the child's own last
            // state handed it over (a child execution or an error has none).
            if (!ok || childMachine) child.handoffSize = aslrt::SizeBound();
            if (!ok && sched.cancelRequested()) {
              join.ends[i] = ChildEnd::Aborted;  // a sibling failed first; recorded by the parent
              break;
            }
            if (!events.empty()) exec.record(ok ? succeeded : failed, exec.lastEventId(), iteration());
            join.ends[i] = ok ? ChildEnd::Succeeded : ChildEnd::Failed;
            if (!ok && join.tolerate) {
              ++join.failures;
              child.output = {{"Error", child.failure.error}, {"Cause", child.failure.cause.value_or("")}};
            } else if (!ok && !join.failed) {
              join.failed = true;
              join.failure = child.failure;
              sched.cancel(join.scope);
            }
          }
          if (--join.remaining == 0) sched.wake(join.waiter);
        },
        &join.scope);
  }
  while (join.remaining > 0) sched.park();
  if (iterationEvents && !sched.cancelRequested()) {
    aslrt::Execution& exec = *parent->exec;
    for (ChildEnd end : join.ends)
      if (end == ChildEnd::Aborted) exec.record(std::string(iterationEvents) + "Aborted", exec.lastEventId());
  }
  return !join.failed && !sched.cancelRequested();
}

Json outputsOf(std::vector<aslrt_frame>& children) {
  Json out = Json::array();
  out.get_ref<Json::array_t&>().reserve(children.size());
  for (aslrt_frame& c : children) out.push_back(std::move(c.output));
  return out;
}

// The children's outputs as the state's result in slot dst, with a size
// bound summed from what each child's last state handed over, so the next
// payload check need not walk the whole array.
void storeOutputs(aslrt_frame* f, uint32_t dst, std::vector<aslrt_frame>& children) {
  aslrt::SizeBound size = aslrt::SizeBound::exactly(children.empty() ? 2 : children.size() + 1, 1);  // [ , ]
  for (const aslrt_frame& c : children) {
    if (!c.handoffSize.known()) {
      size = aslrt::SizeBound();
      break;
    }
    size.bytes = aslrt::addBounds(size.bytes, c.handoffSize.bytes);
    size.exact = size.exact && c.handoffSize.exact;
    size.depth = std::max(size.depth, aslrt::addDepths(c.handoffSize.depth, 1));
  }
  aslrt::replaceWith(f->slots[dst], outputsOf(children));
  f->setSlotSize(dst, size);
}

// MaxConcurrencyPath: AWS requires a non-negative integer.
bool maxConcurrency(aslrt_frame* f, const aslrt::MapInfo& map, const Json& input, int64_t* out) {
  *out = map.maxConcurrency;
  if (map.maxConcurrencyJsonata) {
    std::optional<Json> v = aslrt::jsonataMapField(f, *map.maxConcurrencyJsonata, input, "MaxConcurrency", true);
    if (!v) return false;
    *out = *aslrt::wholeInt64(*v);
    return true;
  }
  if (!map.maxConcurrencyPath) return true;
  const aslrt::JsonPath& path = f->exec->program.paths[*map.maxConcurrencyPath];
  std::optional<Json> v = aslrt_select(f, path, input);
  // AWS also takes an integer written as a string (recorded: MaxConcurrencyPath -> "1").
  if (v && v->is_string()) {
    std::optional<long long> n = aslrt::parseInteger(v->get<std::string>());
    if (n) v = Json(*n);
  }
  std::optional<int64_t> n = v ? aslrt::wholeInt64(*v) : std::nullopt;  // 1e30 is no valid integer either
  if (!n || *n < 0) {
    std::string shown = !v ? "null" : v->is_string() ? v->get<std::string>() : v->dump();
    f->raise("States.Runtime", "The MaxConcurrencyPath field refers to value \"" + shown +
                                   "\" which is not a valid integer: " + path.text());
    return false;
  }
  *out = *n;
  return true;
}

std::string jsonTypeName(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  return v.is_object() ? "object" : "array";
}

// The items array, borrowed where it lies when it is part of the Map's
// input or Items slot (those do not change while the iterations' inputs are
// made); *owned holds it when it had to be built (a filter's result, ...).
bool itemsOf(aslrt_frame* f, const aslrt::MapInfo& map, const Json& input, const Json* fromItems, Json* owned,
             const Json** items) {
  if (fromItems) {  // JSONata: Items, or the state input
    if (fromItems->is_array()) {
      *items = fromItems;
      return true;
    }
    const aslrt::JsonataTemplate* expr = map.itemsJsonata ? &f->exec->program.jsonata[*map.itemsJsonata] : nullptr;
    if (expr && expr->isExpression())
      f->raise("States.QueryEvaluationError", "The JSONata expression '" + expr->expressionText() +
                                                  "' specified for the field 'Items' returned an unexpected result type. "
                                                  "Expected 'array', but was '" + jsonTypeName(*fromItems) +
                                                  "' for value: " + fromItems->dump());
    else
      f->raise("States.QueryEvaluationError", "Map state input must be an array but was: " + fromItems->dump());
    return false;
  }
  const aslrt::JsonPath* path = map.itemsPath ? &f->exec->program.paths[*map.itemsPath] : nullptr;
  bool inInput = !path || (!path->isContextPath() && !path->isVariablePath());
  *items = !path ? &input : inInput ? path->peek(input) : nullptr;
  if (!*items) {
    std::optional<Json> selected = aslrt_select(f, *path, input);
    if (!selected) {
      f->raise("States.Runtime", "Invalid path '" + path->text() + "' : No results for path: " + path->text());
      return false;
    }
    *owned = std::move(*selected);
    *items = owned;
  }
  if (!(*items)->is_array()) {
    f->raise("States.Runtime", "Map state input must be an array but was: " + (*items)->dump());
    return false;
  }
  return true;
}

// $$.Map.Item for the ItemSelector: the item read where it lies when the
// template allows it, else a copy (or the item itself when `own`) in the context.
void setItem(aslrt_frame* f, const aslrt::MapInfo& map, size_t index, const Json& item, Json* own) {
  const aslrt::Program& p = f->exec->program;
  if (map.itemSelector && p.templates[*map.itemSelector].canBorrowMapItem()) return f->borrowMapItem(index, item);
  f->setMapItem(index, own ? std::move(*own) : Json(item));
}

// Each iteration's input: the item, or the ItemSelector rendered with
// $$.Map.Item. `own`: the item itself when the items array is the Map's own
// (it may then be moved), else null (it is copied).
// *size: a bound on the input's serialised size when the ItemSelector's
// render gives one (the child's first payload check then need not walk it).
bool iterationInput(aslrt_frame* f, const aslrt::MapInfo& map, const Json& input, aslrt::SizeBound inputBound,
                    size_t index, const Json& item, Json* own, Json* out, aslrt::SizeBound* size) {
  if (!map.itemSelector && !map.itemSelectorJsonata) {
    *out = own ? std::move(*own) : item;
    return true;
  }
  setItem(f, map, index, item, own);
  const aslrt::Program& p = f->exec->program;
  aslrt::SizeBound bound;
  aslrt::RenderOptions options;
  options.inputBound = inputBound;
  options.outputBound = &bound;
  std::optional<Json> rendered = map.itemSelectorJsonata ? f->evalJsonata(*map.itemSelectorJsonata, input)
                                                         : f->render(p.templates[*map.itemSelector], input, "ItemSelector",
                                                                   p.templateContextUse[*map.itemSelector], options);
  f->clearMapItem();
  if (!rendered) return false;
  *out = std::move(*rendered);
  *size = bound;  // unknown for JSONata, which gives none
  return true;
}

// One Map state's run: its items, settings and children.
struct MapRun {
  aslrt_frame* f;
  const aslrt::MapInfo& map;
  const Json& input;
  aslrt::SizeBound inputBound;  // of `input`, if known
  const Json* items = nullptr;  // borrowed from the input (itemsOf) or ownedItems
  Json ownedItems;              // read by an ItemReader or built by a path
  int64_t limit = 0;
  aslrt::Tolerance tolerance;
  std::vector<aslrt_frame> children;
  aslrt::MapRunIds ids;  // DISTRIBUTED: the Map Run's ARN and its children's state machine
};

bool readItems(MapRun& run, const Json* fromItems) {
  aslrt_frame* f = run.f;
  // With an ItemReader the items come from the object; ItemsPath is not applied
  // (recorded: map_item_reader_base_json_with_items_path.*).
  if (!run.map.reader) return itemsOf(f, run.map, run.input, fromItems, &run.ownedItems, &run.items);
  run.items = &run.ownedItems;
  return aslrt_read_items(f, f->exec->program.readers[*run.map.reader], run.input, &run.ownedItems);
}

// MaxConcurrency(Path) and the tolerated failures.
bool settings(MapRun& run) {
  return maxConcurrency(run.f, run.map, run.input, &run.limit) &&
         aslrt::resolveTolerance(run.f, run.map, run.input, &run.tolerance);
}

// Each child's input: the item through ItemSelector, then grouped by ItemBatcher.
// Borrowed items are read here only, before any child runs, while the
// input and Items slots they lie in cannot change.
bool childInputs(MapRun& run, std::vector<Json>* inputs, std::vector<aslrt::SizeBound>* sizes) {
  bool own = run.items == &run.ownedItems;
  const Json& items = *run.items;
  inputs->reserve(items.size());
  sizes->assign(items.size(), aslrt::SizeBound());
  for (size_t i = 0; i < items.size(); ++i) {
    Json itemInput;
    if (!iterationInput(run.f, run.map, run.input, run.inputBound, i, items[i], own ? &run.ownedItems[i] : nullptr,
                        &itemInput, &(*sizes)[i]))
      return false;
    inputs->push_back(std::move(itemInput));
  }
  run.items = nullptr;
  if (run.map.batcher.is_null()) return true;
  sizes->clear();  // batches are new values
  aslrt::BatchPlan plan;
  if (!aslrt::resolveBatcher(run.f, run.map, run.input, &plan)) return false;
  *inputs = aslrt::makeBatches(std::move(*inputs), plan);
  return true;
}

// aslrt_on_error writes MapStateFailed unless a retrier takes the failure.
int32_t mapFailed(MapRun& run, aslrt::Failure failure, aslrt_frame::ForkFailure where, const char* runEvent = nullptr) {
  aslrt::Execution& exec = *run.f->exec;
  if (runEvent) exec.record(runEvent, exec.lastEventId());
  run.f->forkFailure = where;
  run.f->failure = std::move(failure);
  return ASLRT_FAILED;
}

// The map run's id and ARNs, in the shape AWS gives them: the Map's Label, or
// a generated one when it has none, follows the state machine's name in the
// Map Run ARN (arn:...:mapRun:<machine>/<label>:<id>) and in the children's
// state machine, so their executions are arn:...:execution:<machine>/<label>:<name>.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html
// ("stateMachine:{stateMachineName}/{MapRunLabel or UUID}")
aslrt::MapRunIds mapRunIds(aslrt_frame* f, const std::string& label) {
  aslrt::Execution& exec = *f->exec;
  std::string prefix = exec.arnPrefix();
  aslrt::MapRunIds ids;
  ids.stateMachineName = exec.contextBase(false)["StateMachine"]["Name"].get<std::string>() + "/" +
                         (label.empty() ? aslrt::randomId(exec.rng) : label);
  ids.id = aslrt::randomId(exec.rng);
  ids.arn = prefix + "mapRun:" + ids.stateMachineName + ":" + ids.id;
  ids.stateMachineArn = prefix + "stateMachine:" + ids.stateMachineName;
  return ids;
}

// Runs the children and records the outcome (`events`: "MapIteration" for
// inline iterations' events, "MapRun" for a distributed run's).
int32_t finish(MapRun& run, const char* events, uint32_t dst) {
  aslrt_frame* f = run.f;
  aslrt::Execution& exec = *f->exec;
  bool distributed = std::string(events) == "MapRun";
  std::vector<Json> inputs;
  std::vector<aslrt::SizeBound> sizes;
  if (!childInputs(run, &inputs, &sizes))
    return distributed ? mapFailed(run, f->failure, aslrt_frame::ForkFailure::Run, "MapRunFailed") : ASLRT_FAILED;
  run.children.reserve(inputs.size());  // frames are large: no regrowth over 10,000 items
  for (size_t i = 0; i < inputs.size(); ++i) {
    run.children.push_back(childFrame(f, run.map.processor, std::move(inputs[i])));
    if (i < sizes.size()) run.children.back().handoffSize = sizes[i];  // the first state's input size
  }
  Join join(exec.scheduler.currentScope());
  join.tolerate = run.tolerance.set;
  bool writer = distributed && !run.map.resultWriter.is_null();
  std::vector<aslrt::ChildRun> records(writer ? run.children.size() : 0);
  if (!runChildren(f, run.children, run.limit, join, distributed ? nullptr : events,
                   distributed ? &run.ids.stateMachineName : nullptr, writer ? &records : nullptr)) {
    if (exec.scheduler.cancelRequested()) return f->abandon();
    return mapFailed(run, join.failure, aslrt_frame::ForkFailure::Children, distributed ? "MapRunFailed" : nullptr);
  }
  if (run.tolerance.exceededBy(join.failures, run.children.size()))
    return mapFailed(run, {"States.ExceedToleratedFailureThreshold", "The specified tolerated failure threshold was exceeded"},
                     aslrt_frame::ForkFailure::Run, distributed ? "MapRunFailed" : nullptr);
  Json result;
  if (writer && !aslrt::writeResults(f, run.map, run.input, run.ids, records, &result))
    return mapFailed(run, f->failure, aslrt_frame::ForkFailure::Run, "MapRunFailed");
  if (distributed) exec.record("MapRunSucceeded", exec.lastEventId());
  exec.record("MapStateSucceeded", exec.lastEventId());
  if (writer) aslrt::replaceWith(f->slots[dst], std::move(result));
  else storeOutputs(f, dst, run.children);
  return ASLRT_OK;
}

// A Distributed Map's unbounded MaxConcurrency: AWS runs at most 10,000 child
// executions at a time (docs: state-map-distributed, "MaxConcurrency").
constexpr int64_t kDistributedConcurrency = 10000;

// DISTRIBUTED: MapStateStarted first; a bad setting fails the state with no
// further event (recorded: map_state_tolerated_failure_count_path.*); the
// items are read inside the map run, so a reader error is MapRunFailed.
int32_t runDistributed(MapRun& run, const Json* fromItems, uint32_t dst) {
  aslrt::Execution& exec = *run.f->exec;
  exec.record("MapStateStarted", exec.lastEventId());
  if (!settings(run)) return ASLRT_FAILED;
  if (run.limit == 0) run.limit = kDistributedConcurrency;
  run.ids = mapRunIds(run.f, run.map.label);
  exec.record("MapRunStarted", exec.lastEventId(), {{"mapRunStartedEventDetails", {{"mapRunArn", run.ids.arn}}}});
  if (!readItems(run, fromItems)) return mapFailed(run, run.f->failure, aslrt_frame::ForkFailure::Run, "MapRunFailed");
  return finish(run, "MapRun", dst);
}

}  // namespace

extern "C" {

int32_t aslrt_run_parallel(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t parallel_id) {
  aslrt::Execution& exec = *f->exec;
  exec.record("ParallelStateStarted", exec.lastEventId());
  Join join(exec.scheduler.currentScope());
  std::vector<aslrt_frame> children;
  children.reserve(exec.program.parallels[parallel_id].size());
  for (uint32_t machine : exec.program.parallels[parallel_id])
    children.push_back(childFrame(f, machine, f->slots[input_slot]));
  if (!runChildren(f, children, 0, join)) {
    if (exec.scheduler.cancelRequested()) return f->abandon();
    f->forkFailure = aslrt_frame::ForkFailure::Children;  // aslrt_on_error writes ParallelStateFailed unless retried
    f->failure = join.failure;
    return ASLRT_FAILED;
  }
  exec.record("ParallelStateSucceeded", exec.lastEventId());
  storeOutputs(f, dst, children);
  return ASLRT_OK;
}

int32_t aslrt_run_map(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t items_slot, uint32_t map_id) {
  aslrt::Execution& exec = *f->exec;
  const aslrt::MapInfo& map = exec.program.maps[map_id];
  const Json& input = f->slots[input_slot];
  const Json* fromItems = items_slot == ASLRT_NO_SLOT ? nullptr : &f->slots[items_slot];
  MapRun run{f, map, input, f->knownSlotSize(input_slot), nullptr, {}, 0, {}, {}, {}};
  if (map.distributed) return runDistributed(run, fromItems, dst);
  // Inline: the items and settings are checked before MapStateStarted.
  if (!readItems(run, fromItems) || !settings(run)) return ASLRT_FAILED;
  // MaxConcurrency 0 is unbounded (ASL spec); AWS runs 40 inline iterations
  // at most, which --inline-map-max-concurrency 40 emulates.
  if (run.limit == 0) run.limit = exec.options.inlineMapMaxConcurrency;
  exec.record("MapStateStarted", exec.lastEventId(),
              exec.keepsHistory() ? Json{{"mapStateStartedEventDetails", {{"length", run.items->size()}}}} : Json());
  return finish(run, "MapIteration", dst);
}

}  // extern "C"
