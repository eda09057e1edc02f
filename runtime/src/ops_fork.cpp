// Parallel and Map: child machines on fibers of their own, joined in order.
// The first failure fails the state and marks the siblings cancelled.
#include <cmath>

#include "aslrt/cli_args.h"
#include "execution.h"
#include "map_tolerance.h"

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

// Runs children[i] for every i on at most `limit` fibers (0 = one fiber each)
// and waits for all of them; returns false when one failed. The first failure
// cancels the others (their waits end, their commands are killed) and stops
// the workers from starting more.
bool runChildren(aslrt_frame* parent, std::vector<aslrt_frame>& children, int64_t limit, Join& join,
                 const char* iterationEvents = nullptr) {
  aslrt::Scheduler& sched = parent->exec->scheduler;
  size_t workers = limit > 0 ? std::min<size_t>(limit, children.size()) : children.size();
  size_t next = 0;
  join.remaining = workers;
  join.waiter = sched.current();
  join.ends.assign(children.size(), ChildEnd::NotRun);
  for (size_t w = 0; w < workers; ++w) {
    sched.spawn(
        [&] {
          while (next < children.size() && !sched.cancelRequested()) {
            size_t i = next++;
            aslrt_frame& child = children[i];
            aslrt::Execution& exec = *parent->exec;
            std::string events = iterationEvents ? iterationEvents : "";
            if (!events.empty()) exec.record(events + "Started", exec.lastEventId());
            bool ok = child.machine->entry(&child) == ASLRT_OK;
            if (!ok && sched.cancelRequested()) {
              join.ends[i] = ChildEnd::Aborted;  // a sibling failed first; recorded by the parent
              break;
            }
            if (!events.empty()) exec.record(events + (ok ? "Succeeded" : "Failed"), exec.lastEventId());
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
  for (aslrt_frame& c : children) out.push_back(std::move(c.output));
  return out;
}

// MaxConcurrencyPath: AWS requires a non-negative integer.
bool maxConcurrency(aslrt_frame* f, const aslrt::MapInfo& map, const Json& input, int64_t* out) {
  *out = map.maxConcurrency;
  if (!map.maxConcurrencyPath) return true;
  const aslrt::JsonPath& path = f->exec->program.paths[*map.maxConcurrencyPath];
  std::optional<Json> v = aslrt_select(f, path, input);
  // AWS also takes an integer written as a string (recorded: MaxConcurrencyPath -> "1").
  if (v && v->is_string()) {
    std::optional<long long> n = aslrt::parseInteger(v->get<std::string>());
    if (n) v = Json(*n);
  }
  bool integral = v && v->is_number() && std::floor(v->get<double>()) == v->get<double>() && v->get<double>() >= 0;
  if (!integral) {
    std::string shown = !v ? "null" : v->is_string() ? v->get<std::string>() : v->dump();
    f->raise("States.Runtime", "The MaxConcurrencyPath field refers to value \"" + shown +
                                   "\" which is not a valid integer: " + path.text());
    return false;
  }
  *out = v->get<int64_t>();
  return true;
}

std::string jsonTypeName(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  return v.is_object() ? "object" : "array";
}

bool itemsOf(aslrt_frame* f, const aslrt::MapInfo& map, const Json& input, const Json* fromItems, Json* items) {
  if (fromItems) {  // JSONata: Items, or the state input
    if (fromItems->is_array()) {
      *items = *fromItems;
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
  std::optional<Json> selected = input;
  if (map.itemsPath) {
    const aslrt::JsonPath& path = f->exec->program.paths[*map.itemsPath];
    selected = aslrt_select(f, path, input);
    if (!selected) {
      f->raise("States.Runtime", "Invalid path '" + path.text() + "' : No results for path: " + path.text());
      return false;
    }
  }
  if (!selected->is_array()) {
    f->raise("States.Runtime", "Map state input must be an array but was: " + selected->dump());
    return false;
  }
  *items = std::move(*selected);
  return true;
}

// Each iteration's input: the item, or the ItemSelector rendered with $$.Map.Item.
bool iterationInput(aslrt_frame* f, const aslrt::MapInfo& map, const Json& input, size_t index, Json item,
                    Json* out) {
  if (!map.itemSelector && !map.itemSelectorJsonata) {
    *out = std::move(item);
    return true;
  }
  f->mapItem = {{"Index", index}, {"Value", std::move(item)}};
  const aslrt::Program& p = f->exec->program;
  std::optional<Json> rendered = map.itemSelectorJsonata ? f->evalJsonata(*map.itemSelectorJsonata, input)
                                                         : f->render(p.templates[*map.itemSelector], input, "ItemSelector",
                                                                   p.templateContextUse[*map.itemSelector]);
  f->mapItem = nullptr;
  if (!rendered) return false;
  *out = std::move(*rendered);
  return true;
}

}  // namespace

extern "C" {

int32_t aslrt_run_parallel(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t parallel_id) {
  aslrt::Execution& exec = *f->exec;
  exec.record("ParallelStateStarted", exec.lastEventId());
  Join join(exec.scheduler.currentScope());
  std::vector<aslrt_frame> children;
  for (uint32_t machine : exec.program.parallels[parallel_id])
    children.push_back(childFrame(f, machine, f->slots[input_slot]));
  if (!runChildren(f, children, 0, join)) {
    if (exec.scheduler.cancelRequested()) return f->abandon();
    exec.record("ParallelStateFailed", exec.lastEventId());
    f->forkFailureRecorded = true;
    f->failure = join.failure;
    return ASLRT_FAILED;
  }
  exec.record("ParallelStateSucceeded", exec.lastEventId());
  f->slots[dst] = outputsOf(children);
  return ASLRT_OK;
}

int32_t aslrt_run_map(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t items_slot, uint32_t map_id) {
  aslrt::Execution& exec = *f->exec;
  const aslrt::MapInfo& map = exec.program.maps[map_id];
  const Json& input = f->slots[input_slot];
  Json items;
  int64_t limit = 0;
  const Json* fromItems = items_slot == ASLRT_NO_SLOT ? nullptr : &f->slots[items_slot];
  // With an ItemReader the items come from the object; ItemsPath is not applied
  // (recorded: map_item_reader_base_json_with_items_path.*).
  bool gotItems = map.reader ? aslrt_read_items(f, exec.program.readers[*map.reader], input, &items)
                             : itemsOf(f, map, input, fromItems, &items);
  aslrt::Tolerance tolerance;
  if (!gotItems || !maxConcurrency(f, map, input, &limit) || !aslrt::resolveTolerance(f, map, input, &tolerance))
    return ASLRT_FAILED;
  exec.record("MapStateStarted", exec.lastEventId());
  Join join(exec.scheduler.currentScope());
  join.tolerate = tolerance.set;
  std::vector<aslrt_frame> children;
  for (size_t i = 0; i < items.size(); ++i) {
    Json itemInput;
    if (!iterationInput(f, map, input, i, std::move(items[i]), &itemInput)) return ASLRT_FAILED;
    children.push_back(childFrame(f, map.processor, std::move(itemInput)));
  }
  if (!runChildren(f, children, limit, join, "MapIteration")) {
    if (exec.scheduler.cancelRequested()) return f->abandon();
    exec.record("MapStateFailed", exec.lastEventId());
    f->forkFailureRecorded = true;
    f->failure = join.failure;
    return ASLRT_FAILED;
  }
  if (tolerance.exceededBy(join.failures, children.size())) {
    exec.record("MapStateFailed", exec.lastEventId());
    f->forkFailureRecorded = true;
    f->failure = {"States.ExceedToleratedFailureThreshold",
                  "The specified tolerated failure threshold was exceeded"};
    return ASLRT_FAILED;
  }
  exec.record("MapStateSucceeded", exec.lastEventId());
  f->slots[dst] = outputsOf(children);
  return ASLRT_OK;
}

}  // extern "C"
