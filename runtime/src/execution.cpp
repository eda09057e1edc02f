#include "execution.h"

#include <cstdio>

#include "aslrt/json_release.h"
#include "aslrt/timestamp.h"
#include "callback_registry.h"
#include "jsonata_template.h"

namespace aslrt {
namespace {

// Placeholder account and region, as the recorded executions show them.
constexpr const char* kArnPrefix = "arn:aws:states:us-east-1:000000000000:";

}  // namespace

Execution::Execution(const Program& prog, Scheduler& sched, const RunOptions& opts, const Json& in)
    : program(prog), scheduler(sched), options(opts), input(in) {
  startMicros = opts.startMicros ? *opts.startMicros : sched.clock().nowMicros();
  // The engine's first output seeds JSONata's generator (as when seeding
  // was eager); both are seeded when first drawn from.
  uint64_t seed = opts.seeded ? opts.seed : freshSeed();
  rng.reseed(seed, 1);
  seedJsonataRandomLater(seed);
  if (opts.workflowType == "EXPRESS") expressId_ = randomId(rng);
}

std::string randomId(std::mt19937_64& rng) {
  uint64_t a = rng(), b = rng();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>(a >> 16) & 0xffff, static_cast<unsigned>(a) & 0xfff,
                (static_cast<unsigned>(b >> 48) & 0x3fff) | 0x8000, static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

std::string Execution::arnPrefix() const { return options.arnPrefix.empty() ? kArnPrefix : options.arnPrefix; }

const Execution::Names& Execution::names() const {
  if (!names_.name) {
    const Json& base = contextBase(false);
    const Json& execution = base.at("Execution");
    names_ = {&execution.at("Name").get_ref<const std::string&>(), &execution.at("Id").get_ref<const std::string&>(),
              &base.at("StateMachine").at("Name").get_ref<const std::string&>()};
  }
  return names_;
}

// $$.Execution's members in the order AWS gives them: a Standard
// execution's start time follows its input, an Express one's follows the role
// (recorded: base.query_context_object_values, express.express_async.query_runtime_memory).
Json Execution::executionContext(const Json* withInput) const {
  std::string machineName = options.stateMachineName.empty() ? "StateMachine" : options.stateMachineName;
  std::string execName = options.executionName.empty() ? "execution" : options.executionName;
  std::string prefix = arnPrefix();
  // An Express execution's ARN names its kind and ends in an id of its own.
  bool express = !expressId_.empty();
  std::string id = express ? prefix + "express:" + machineName + ":" + execName + ":" + expressId_
                           : prefix + "execution:" + machineName + ":" + execName;
  Json execution = {{"Id", id}};
  if (withInput) execution["Input"] = *withInput;
  if (!express) execution["StartTime"] = formatTimestamp(startMicros);
  execution["Name"] = execName;
  execution["RoleArn"] = "arn:aws:iam::000000000000:role/StepFunctionsRole";
  if (express) execution["StartTime"] = formatTimestamp(startMicros);
  execution["RedriveCount"] = 0;
  return {{"Execution", std::move(execution)},
          {"StateMachine", {{"Id", prefix + "stateMachine:" + machineName}, {"Name", machineName}}}};
}

const Json& Execution::contextBase(bool withInput) const {
  if (!withInput) {
    if (contextBaseLight_.is_null()) contextBaseLight_ = executionContext(nullptr);
    return contextBaseLight_;
  }
  // The input can be large: copied only when $$.Execution.Input may be read.
  if (contextBase_.is_null()) contextBase_ = executionContext(&input);
  return contextBase_;
}

std::string Execution::executionArn() const {
  return contextBase(false)["Execution"]["Id"].get<std::string>();
}

bool Execution::admitEvent(bool executionEvent) {
  // A cancelled branch or iteration adds nothing while it unwinds (AWS shows
  // the state that failed, then the aborted iterations, then the outcome).
  if (scheduler.cancelRequested()) return false;
  // The history quota: with 24,999 events the execution waits for the next;
  // ExecutionSucceeded (or the outcome's own event) may be number 25,000,
  // anything else fails the execution, whose ExecutionFailed takes that place.
  // https://docs.aws.amazon.com/step-functions/latest/dg/bp-history-limit.html
  if (maxEvents && root && nextEventId_ >= maxEvents && !eventQuotaReached && !executionEvent) {
    eventQuotaReached = true;
    scheduler.cancel(*root);
    return false;
  }
  return true;
}

int64_t Execution::record(const std::string& type, int64_t previousEventId, Json details) {
  if (!admitEvent(type.rfind("Execution", 0) == 0)) return lastEventId();
  int64_t id = nextEventId_++;
  if (options.historyPath.empty()) return id;
  // Fields in the order GetExecutionHistory answers them.
  Json event = {{"timestamp", formatTimestamp(scheduler.clock().nowMicros())},
                {"type", type},
                {"id", id},
                {"previousEventId", previousEventId}};
  if (details.is_object())
    for (auto& [key, value] : details.items()) event[key] = value;  // e.g. {"stateEnteredEventDetails": ...}
  history_.push_back(std::move(event));
  return id;
}

int64_t Execution::countUnderQuota() { return admitEvent(false) ? nextEventId_++ : lastEventId(); }

}  // namespace aslrt

aslrt::SizeBound aslrt_frame::measureSlot(uint32_t slot) {
  aslrt::SizeBound exact = aslrt::sizeOf(slots[slot]);
  setSlotSize(slot, exact);
  return exact;
}

aslrt::Json aslrt_frame::contextObject(bool withInput, bool withBorrowedItem) const {
  aslrt::Json ctx = exec->contextBase(withInput);
  int64_t entered = enteredMicros >= 0 ? enteredMicros : exec->scheduler.clock().nowMicros();
  ctx["State"] = {{"Name", stateInfo().name}, {"EnteredTime", aslrt::formatTimestamp(entered)}};
  // Only states that can retry have a RetryCount: a Pass state's $$.State is
  // {Name, EnteredTime} (recorded: context_object.input_path-4b433b,
  // base.query_context_object_values).
  const std::string& type = stateInfo().type;
  if (type == "Task" || type == "Parallel" || type == "Map") ctx["State"]["RetryCount"] = retryCount;
  if (mapItemSet) ctx["Map"] = mapContext["Map"];
  if (mapItemBorrowed && withBorrowedItem) ctx["Map"]["Item"]["Value"] = *mapItemBorrowed;
  // Task states see $$.Task.Token (callbacks pass it on; .sync tasks may too).
  if (stateInfo().type == "Task") ctx["Task"] = {{"Token", taskToken()}};
  return ctx;
}

const std::string& aslrt_frame::taskToken() const {
  std::pair<int64_t, int64_t> attempt{enteredEventId, retryCount};
  if (token_.empty() || tokenAttempt_ != attempt) {
    token_ = aslrt::newTaskToken();
    tokenAttempt_ = attempt;
  }
  return token_;
}

aslrt::Json aslrt_frame::jsonataBindings(const aslrt::Json& input, const aslrt::Json* result,
                                         const aslrt::Json* errorOutput, bool withContext) const {
  aslrt::Json bindings = variables;
  aslrt::Json states = {{"input", input}};
  if (withContext) states["context"] = contextObject();
  if (result) states["result"] = *result;
  if (errorOutput) states["errorOutput"] = *errorOutput;
  bindings["states"] = std::move(states);
  return bindings;
}

std::optional<aslrt::Json> aslrt_frame::evalJsonata(uint32_t id, const aslrt::Json& input, const aslrt::Json* result,
                                                    const aslrt::Json* errorOutput) {
  aslrt::Failure failure;
  const aslrt::JsonataTemplate& tmpl = exec->program.jsonata[id];
  std::optional<aslrt::Json> v =
      tmpl.evaluate(jsonataBindings(input, result, errorOutput, tmpl.mayUseContext()), &failure);
  if (!v) raise(failure.error, failure.cause.value_or(""));
  return v;
}

std::optional<aslrt::Json> aslrt_frame::render(const aslrt::PayloadTemplate& tmpl, const aslrt::Json& input,
                                               std::string_view field, aslrt::ContextUse use,
                                               const aslrt::RenderOptions& options) {
  aslrt::Json out;
  if (!renderInto(out, tmpl, input, field, use, options)) return std::nullopt;
  return out;
}

bool aslrt_frame::renderInto(aslrt::Json& out, const aslrt::PayloadTemplate& tmpl, const aslrt::Json& input,
                             std::string_view field, aslrt::ContextUse use, const aslrt::RenderOptions& options) {
  // The context object holds the execution input: build only what the template reads.
  static const aslrt::Json kNoContext = aslrt::Json::object();
  std::optional<aslrt::Json> context;
  if (use == aslrt::ContextUse::Full || use == aslrt::ContextUse::WithoutInput)
    context = contextObject(use == aslrt::ContextUse::Full, /*withBorrowedItem=*/false);
  aslrt::EvalContext ctx;
  ctx.input = &input;
  ctx.context = use == aslrt::ContextUse::MapOnly ? (mapItemSet ? &mapContext : &kNoContext)
                : context                         ? &*context
                                                  : &kNoContext;
  ctx.variables = &variables;
  ctx.mapItem = mapItemBorrowed;
  ctx.lazyRng = &exec->rng;
  aslrt::Failure failure;
  if (tmpl.renderInto(out, ctx, field, &failure, options)) return true;
  raise(failure.error, failure.cause.value_or(""));
  return false;
}

void aslrt_frame::findMapNodes() {
  if (mapContext.is_null()) {
    mapContext = {{"Map", {{"Item", {{"Index", 0}, {"Value", nullptr}}}}}};
    mapNodesOf_ = nullptr;  // a new context at the same address
  }
  if (mapNodesOf_ == &mapContext) return;
  // The pointers below stay good only while no member is added to these
  // objects (an insertion may move an object's members).
  aslrt::Json& item = mapContext["Map"]["Item"];
  mapIndex_ = &item["Index"];
  mapValue_ = &item["Value"];
  mapNodesOf_ = &mapContext;
}

void aslrt_frame::setMapItem(size_t index, aslrt::Json value) {
  findMapNodes();
  *mapIndex_ = index;
  *mapValue_ = std::move(value);
  mapItemSet = true;
}

void aslrt_frame::borrowMapItem(size_t index, const aslrt::Json& value) {
  setMapItem(index, nullptr);
  mapItemBorrowed = &value;
}

void aslrt_frame::restoreLentInput() {
  if (lent.slot < 0) return;
  aslrt::Json& doc = slots[lent.slot];
  if (lent.member && doc.is_object()) {  // it was one when written, and nothing else writes it
    aslrt::Json::object_t& members = doc.get_ref<aslrt::Json::object_t&>();
    if (lent.hadMember) members[*lent.member] = std::move(lent.oldValue);
    else members.erase(*lent.member);
  }
  input = std::move(doc);
  lent = LentInput();
}

void aslrt_frame::releaseWorkingValues() {
  for (aslrt::Json& slot : slots)
    if (!slot.is_null()) aslrt::release(slot);  // most were moved on already
  if (!input.is_null()) aslrt::release(input);
}

void aslrt_frame::clearMapItem() {
  if (mapItemSet) {
    findMapNodes();
    *mapValue_ = nullptr;
  }
  mapItemSet = false;
  mapItemBorrowed = nullptr;
}

int32_t aslrt_frame::abandon() {
  failure = {"States.Runtime", "cancelled"};  // never seen: the canceller reports its own outcome
  return ASLRT_FAILED;
}

int32_t aslrt_frame::raise(const std::string& error, const std::string& detail) {
  failure.error = error;
  failure.cause = "An error occurred while executing the state '" + stateInfo().name +
                  "' (entered at the event id #" + std::to_string(enteredEventId) + "). " + detail;
  return ASLRT_FAILED;
}
