#include "program.h"

#include <algorithm>

#include "aslrt/payload_size.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

std::optional<uint32_t> optIndex(const Json& j) {
  return j.is_number() ? std::optional<uint32_t>(j.get<uint32_t>()) : std::nullopt;
}

std::optional<std::string> optString(const Json& j) {
  return j.is_string() ? std::optional<std::string>(j.get<std::string>()) : std::nullopt;
}

StateInfo stateFrom(const Json& j) {
  StateInfo s{j.at("name").get<std::string>(), j.at("type").get<std::string>(), {}, {}};
  s.readsEnteredTime = j.value("clock", true);
  for (const Json& r : j.at("retry")) {
    RetrierInfo info{r.at("errors").get<std::vector<std::string>>(), r.at("interval").get<double>(),
                     r.at("max").get<int64_t>(), r.at("backoff").get<double>(), std::nullopt,
                     r.at("fullJitter").get<bool>()};
    if (r.contains("maxDelay")) info.maxDelay = r.at("maxDelay").get<int64_t>();
    s.retriers.push_back(std::move(info));
  }
  for (const Json& c : j.at("catch")) {
    CatcherInfo info;
    info.errors = c.at("errors").get<std::vector<std::string>>();
    info.target = c.at("target").get<uint32_t>();
    info.discard = c.at("discard").get<bool>();
    if (c.at("resultPath").is_number()) info.resultPath = c.at("resultPath").get<uint32_t>();
    info.output = optIndex(c.at("output"));
    info.assign = optIndex(c.at("assign"));
    s.catchers.push_back(std::move(info));
  }
  return s;
}

std::optional<JsonPath> parsePath(const std::string& text, std::string* error) {
  SyntaxError syntax;
  std::optional<JsonPath> path = JsonPath::parse(text, PathFlavor::Path, &syntax);
  if (!path) *error = "path '" + text + "': " + syntax.message;
  return path;
}

// A path-or-intrinsic field (ErrorPath, CausePath) as a one-key template.
std::optional<PayloadTemplate> fieldTemplate(const std::string& field, const std::string& text, std::string* error) {
  std::vector<TemplateError> errors;
  std::optional<PayloadTemplate> tmpl = PayloadTemplate::compile(Json{{field + ".$", text}}, &errors);
  if (!tmpl) *error = field + " '" + text + "': " + (errors.empty() ? "invalid" : errors[0].message);
  return tmpl;
}

bool loadTables(const Json& meta, Program& p, std::string* error) {
  for (const Json& c : meta.at("constants")) {
    p.constants.push_back(c);
    p.constantExtents.push_back(measure(c));
  }
  for (const Json& text : meta.at("paths")) {
    std::optional<JsonPath> path = parsePath(text.get<std::string>(), error);
    if (!path) return false;
    p.paths.push_back(std::move(*path));
  }
  for (const Json& t : meta.at("templates")) {
    std::vector<TemplateError> errors;
    std::optional<PayloadTemplate> tmpl = PayloadTemplate::compile(t, &errors);
    if (!tmpl) {
      *error = "template: " + (errors.empty() ? std::string("invalid") : errors[0].pointer + ": " + errors[0].message);
      return false;
    }
    p.templates.push_back(std::move(*tmpl));
    p.templateContextUse.push_back(contextUseOf(t.dump()));
  }
  for (const Json& l : meta.at("leaves")) {
    bool isPathForm = false;
    std::optional<ChoiceOp> op = choiceOpFromName(l.at("op").get<std::string>(), &isPathForm);
    if (!op && !l.contains("condition")) {
      *error = "unknown Choice operator " + l.at("op").dump();
      return false;
    }
    LeafInfo leaf{op.value_or(ChoiceOp::IsPresent), l.at("variable").get<uint32_t>(), l.at("isPath").get<bool>(), 0,
                  nullptr, l.contains("condition") ? optIndex(l.at("condition")) : std::nullopt};
    if (leaf.isPath) leaf.operandPath = l.at("operandPath").get<uint32_t>();
    else leaf.operand = l.at("operand");
    p.leaves.push_back(std::move(leaf));
  }
  return true;
}

bool loadEffects(const Json& meta, Program& p, std::string* error) {
  for (const Json& w : meta.at("waits")) {
    WaitInfo info{w.at("field").get<std::string>(), w.at("value"), std::nullopt, optIndex(w.at("jsonata"))};
    if (info.field.size() > 4 && info.field.substr(info.field.size() - 4) == "Path") {
      info.path = parsePath(info.value.get<std::string>(), error);
      if (!info.path) return false;
    }
    p.waits.push_back(std::move(info));
  }
  for (const Json& f : meta.at("fails")) {
    FailInfo info{optString(f.at("error")), optString(f.at("cause")), std::nullopt, std::nullopt, {}, {}, std::nullopt, std::nullopt};
    if (auto ep = optString(f.at("errorPath")); ep && !(info.errorPath = fieldTemplate("ErrorPath", *ep, error)))
      return false;
    if (auto cp = optString(f.at("causePath")); cp && !(info.causePath = fieldTemplate("CausePath", *cp, error)))
      return false;
    info.errorJsonata = optIndex(f.at("errorJsonata"));
    info.causeJsonata = optIndex(f.at("causeJsonata"));
    info.errorPathText = optString(f.at("errorPath")).value_or("");
    info.causePathText = optString(f.at("causePath")).value_or("");
    p.fails.push_back(std::move(info));
  }
  for (const Json& t : meta.at("tasks")) {
    TaskInfo info{t.at("resource").get<std::string>(), t.at("timeoutSeconds"), t.at("heartbeatSeconds"), {}, {}, {}};
    info.traits = taskTraits(info.resource);
    for (auto [field, target] : {std::pair{"timeoutSecondsPath", &info.timeoutSecondsPath},
                                 std::pair{"heartbeatSecondsPath", &info.heartbeatSecondsPath}}) {
      const std::string text = t.at(field).get<std::string>();
      if (!text.empty() && !(*target = parsePath(text, error))) return false;
    }
    p.tasks.push_back(std::move(info));
  }
  for (const Json& branches : meta.at("parallels")) p.parallels.push_back(branches.get<std::vector<uint32_t>>());
  for (const Json& m : meta.at("maps"))
    p.maps.push_back({m.at("processor").get<uint32_t>(), optIndex(m.at("itemsPath")), optIndex(m.at("itemSelector")),
                      optIndex(m.at("maxConcurrencyPath")), m.at("maxConcurrency").get<int64_t>(),
                      optIndex(m.at("itemSelectorJsonata")), optIndex(m.at("maxConcurrencyJsonata")),
                      optIndex(m.at("itemsJsonata")), optIndex(m.at("reader")), m.at("toleratedCount"),
                      m.at("toleratedPercentage"), optIndex(m.at("toleratedCountPath")),
                      optIndex(m.at("toleratedPercentagePath")), optIndex(m.at("toleratedCountJsonata")),
                      optIndex(m.at("toleratedPercentageJsonata")), m.at("distributed").get<bool>(), m.at("batcher"),
                      optIndex(m.at("maxItemsPerBatchPath")), optIndex(m.at("maxBytesPerBatchPath")),
                      optIndex(m.at("batchInput")), optIndex(m.at("batcherJsonata")), m.at("resultWriter"),
                      optIndex(m.at("resultWriterParameters")), optIndex(m.at("resultWriterJsonata")),
                      m.at("label").get<std::string>()});
  for (const Json& r : meta.at("readers"))
    p.readers.push_back({r.at("resource").get<std::string>(), r.at("config"), optIndex(r.at("parameters")),
                         optIndex(r.at("arguments")), optIndex(r.at("maxItemsPath")), optIndex(r.at("maxItemsJsonata"))});
  for (const Json& j : meta.at("jsonata")) {
    std::optional<JsonataTemplate> t =
        JsonataTemplate::compile(j.at("value"), j.at("field").get<std::string>(), &jsonataRandom(), error);
    if (!t) return false;
    p.jsonata.push_back(std::move(*t));
  }
  for (const Json& a : meta.at("assigns")) p.assigns.push_back({a.at("jsonata").get<bool>(), a.at("index").get<uint32_t>()});
  for (const Json& d : meta.value("directPaths", Json::array())) {
    DirectPathInfo info{d.at("path").get<uint32_t>(), {}};
    for (const Json& step : d.at("steps"))
      info.steps.push_back(step.is_string() ? DirectPathInfo::Step{false, step.get<std::string>(), 0}
                                            : DirectPathInfo::Step{true, "", step.get<size_t>()});
    if (info.path >= p.paths.size()) {
      *error = "direct path refers to path " + std::to_string(info.path) + " of " + std::to_string(p.paths.size());
      return false;
    }
    p.directPaths.push_back(std::move(info));
  }
  return true;
}

}  // namespace

ContextUse contextUseOf(const std::string& text) {
  ContextUse use = ContextUse::None;
  for (size_t at = text.find("$$"); at != std::string::npos; at = text.find("$$", at + 2)) {
    std::string_view rest = std::string_view(text).substr(at + 2);
    auto startsWith = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
    bool light = startsWith(".Map") || startsWith(".State") || startsWith(".Task") ||
                 (startsWith(".Execution.") && !startsWith(".Execution.Input"));
    if (!light) return ContextUse::Full;
    use = std::max(use, startsWith(".Map.") ? ContextUse::MapOnly : ContextUse::WithoutInput);
  }
  return use;
}

bool loadProgram(const aslrt_program& compiled, Program& p, std::string* error) {
  if (compiled.abi_version != ASLRT_ABI_VERSION) {
    *error = "executable built for runtime ABI " + std::to_string(compiled.abi_version);
    return false;
  }
  Json meta = aslrt::parseJson(std::string_view(compiled.metadata, compiled.metadata_size));
  if (meta.is_discarded()) {
    *error = "embedded metadata is not JSON";
    return false;
  }
  try {
    p.compiled = &compiled;
    p.source = meta.at("source").get<std::string>();
    p.info = meta.at("info");
    uint32_t index = 0;
    for (const Json& m : meta.at("machines")) {
      MachineInfo mi{m.at("name").get<std::string>(), m.at("slots").get<uint32_t>(), {}, nullptr};
      for (const Json& s : m.at("states")) mi.states.push_back(stateFrom(s));
      if (index < compiled.machine_count) mi.entry = compiled.machines[index];
      p.machines.push_back(std::move(mi));
      ++index;
    }
    return loadTables(meta, p, error) && loadEffects(meta, p, error);
  } catch (const std::exception& e) {
    *error = std::string("embedded metadata is malformed: ") + e.what();
    return false;
  }
}

}  // namespace aslrt
