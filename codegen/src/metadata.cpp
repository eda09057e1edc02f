// The constant tables of a module as the JSON the runtime loads once at start-up
// (documented in docs/ARCHITECTURE.md, "Runtime ABI"). Control flow is code;
// this is only data.
#include "aslc/codegen/metadata.h"
#include "entered_time.h"

namespace aslc::codegen {
namespace {

using aslrt::Json;

Json optionalString(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json optionalIndex(uint32_t index) { return index == ir::kNone ? Json(nullptr) : Json(index); }

Json retrierJson(const ir::Retrier& r) {
  Json j = {{"errors", r.errorEquals}, {"interval", r.intervalSeconds}, {"max", r.maxAttempts},
            {"backoff", r.backoffRate}, {"fullJitter", r.fullJitter}};
  if (r.maxDelaySeconds) j["maxDelay"] = *r.maxDelaySeconds;
  return j;
}

Json catcherJson(const ir::Catcher& c) {
  Json j = {{"errors", c.errorEquals}, {"target", c.target}, {"discard", c.discardResult},
            {"output", optionalIndex(c.output)}, {"assign", optionalIndex(c.assign)}};
  j["resultPath"] = c.resultPath == ir::kNone ? Json(nullptr) : Json(c.resultPath);
  return j;
}

Json machineJson(const ir::Machine& mc, const ir::Module& m) {
  Json states = Json::array();
  uint32_t slots = 0;
  for (const ir::State& st : mc.states) {
    Json s = {{"name", st.name}, {"type", st.aslType}, {"retry", Json::array()}, {"catch", Json::array()},
              {"clock", mayReadEnteredTime(st, m)}};
    for (const ir::Retrier& r : st.retriers) s["retry"].push_back(retrierJson(r));
    for (const ir::Catcher& c : st.catchers) s["catch"].push_back(catcherJson(c));
    states.push_back(std::move(s));
    slots = std::max(slots, st.valueCount);
  }
  return {{"name", mc.name}, {"slots", slots}, {"states", std::move(states)}};
}

Json leafJson(const ir::ChoiceLeaf& leaf) {
  Json j = {{"op", leaf.op}, {"variable", leaf.variable}, {"isPath", leaf.isPath}};
  if (leaf.condition != ir::kNone) j["condition"] = leaf.condition;
  if (leaf.isPath) j["operandPath"] = leaf.operandPath;
  else j["operand"] = leaf.operand;
  return j;
}

}  // namespace

std::string buildMetadata(const ir::Module& m) {
  Json out = {{"source", m.sourceName}, {"info", m.machineInfo}};
  out["machines"] = Json::array();
  for (const ir::Machine& mc : m.machines) out["machines"].push_back(machineJson(mc, m));
  out["constants"] = m.constants;
  out["paths"] = m.paths;
  out["templates"] = m.templates;
  out["leaves"] = Json::array();
  for (const ir::ChoiceLeaf& leaf : m.choiceLeaves) out["leaves"].push_back(leafJson(leaf));
  out["waits"] = Json::array();
  for (const ir::WaitSpec& w : m.waits)
    out["waits"].push_back({{"field", w.field}, {"value", w.value}, {"jsonata", optionalIndex(w.jsonata)}});
  out["fails"] = Json::array();
  for (const ir::FailSpec& f : m.fails)
    out["fails"].push_back({{"error", optionalString(f.error)}, {"cause", optionalString(f.cause)},
                            {"errorPath", optionalString(f.errorPath)}, {"causePath", optionalString(f.causePath)},
                            {"errorJsonata", optionalIndex(f.errorJsonata)}, {"causeJsonata", optionalIndex(f.causeJsonata)}});
  out["tasks"] = Json::array();
  for (const ir::TaskSpec& t : m.tasks)
    out["tasks"].push_back({{"resource", t.resource}, {"timeoutSeconds", t.timeoutSeconds},
                            {"timeoutSecondsPath", t.timeoutSecondsPath}, {"heartbeatSeconds", t.heartbeatSeconds},
                            {"heartbeatSecondsPath", t.heartbeatSecondsPath}});
  out["parallels"] = Json::array();
  for (const ir::ParallelSpec& p : m.parallels) out["parallels"].push_back(p.branches);
  out["maps"] = Json::array();
  for (const ir::MapSpec& mp : m.maps)
    out["maps"].push_back({{"processor", mp.processor}, {"itemsPath", optionalIndex(mp.itemsPath)},
                           {"itemSelector", optionalIndex(mp.itemSelector)}, {"maxConcurrency", mp.maxConcurrency},
                           {"maxConcurrencyPath", optionalIndex(mp.maxConcurrencyPath)},
                           {"itemSelectorJsonata", optionalIndex(mp.itemSelectorJsonata)},
                           {"maxConcurrencyJsonata", optionalIndex(mp.maxConcurrencyJsonata)},
                           {"itemsJsonata", optionalIndex(mp.itemsJsonata)}, {"reader", optionalIndex(mp.reader)},
                           {"toleratedCount", mp.toleratedCount}, {"toleratedPercentage", mp.toleratedPercentage},
                           {"toleratedCountPath", optionalIndex(mp.toleratedCountPath)},
                           {"toleratedPercentagePath", optionalIndex(mp.toleratedPercentagePath)},
                           {"toleratedCountJsonata", optionalIndex(mp.toleratedCountJsonata)},
                           {"toleratedPercentageJsonata", optionalIndex(mp.toleratedPercentageJsonata)},
                           {"distributed", mp.distributed}, {"batcher", mp.batcher},
                           {"maxItemsPerBatchPath", optionalIndex(mp.maxItemsPerBatchPath)},
                           {"maxBytesPerBatchPath", optionalIndex(mp.maxBytesPerBatchPath)},
                           {"batchInput", optionalIndex(mp.batchInput)},
                           {"batcherJsonata", optionalIndex(mp.batcherJsonata)}, {"resultWriter", mp.resultWriter},
                           {"resultWriterParameters", optionalIndex(mp.resultWriterParameters)},
                           {"resultWriterJsonata", optionalIndex(mp.resultWriterJsonata)}, {"label", mp.label}});
  out["readers"] = Json::array();
  for (const ir::ReaderSpec& r : m.readers)
    out["readers"].push_back({{"resource", r.resource}, {"config", r.config}, {"parameters", optionalIndex(r.parameters)},
                              {"arguments", optionalIndex(r.arguments)}, {"maxItemsPath", optionalIndex(r.maxItemsPath)},
                              {"maxItemsJsonata", optionalIndex(r.maxItemsJsonata)}});
  out["jsonata"] = Json::array();
  for (const ir::JsonataSpec& j : m.jsonata) out["jsonata"].push_back({{"value", j.value}, {"field", j.field}});
  out["assigns"] = Json::array();
  for (const ir::AssignSpec& a : m.assigns) out["assigns"].push_back({{"jsonata", a.jsonata}, {"index", a.index}});
  out["directPaths"] = Json::array();
  for (const ir::DirectPath& d : m.directPaths) out["directPaths"].push_back({{"path", d.path}, {"steps", d.steps}});
  return out.dump();
}

}  // namespace aslc::codegen
