// Replays the recorded AWS corpus (../shared/conformance) through this
// library alone: Choice leaf rules, and one-Pass-state machines whose output
// is a payload template (intrinsics, JSONPath selection).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "aslrt/choice_ops.h"
#include "aslrt/jsonpath.h"
#include "aslrt/payload_template.h"

namespace aslrt {
namespace {
namespace fs = std::filesystem;

Json readJson(const fs::path& p) {
  std::ifstream in(p);
  return Json::parse(in, nullptr, /*allow_exceptions=*/false);
}

std::vector<fs::path> casesStartingWith(const std::string& prefix) {
  std::vector<fs::path> out;
  fs::path root(ASLRT_CONFORMANCE_DIR);
  if (!fs::is_directory(root)) return out;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Json> selectFrom(const std::string& path, const Json& input) {
  auto p = JsonPath::parse(path, PathFlavor::Path, nullptr);
  return p ? p->select(input) : std::nullopt;
}

// The corpus's Choice machines: one rule {"Variable", <op>, "Next"}; the
// chosen branch is recorded as {"TestResult.$": "ConditionTrue"|"ConditionFalse"}.
std::optional<bool> runChoiceCase(const fs::path& dir, std::string* why) {
  Json def = readJson(dir / "definition.json");
  Json input = readJson(dir / "input.json");
  Json expected = readJson(dir / "expected.json");
  const Json& rule = def["States"]["CheckValues"]["Choices"][0];
  for (auto it = rule.begin(); it != rule.end(); ++it) {
    bool isPath = false;
    auto op = choiceOpFromName(it.key(), &isPath);
    if (!op) continue;
    std::optional<Json> value = selectFrom(rule["Variable"].get<std::string>(), input);
    std::optional<Json> operand =
        isPath ? selectFrom(it.value().get<std::string>(), input) : it.value();
    if (!operand) return std::nullopt;
    bool got = evaluateChoiceOp(*op, value ? &*value : nullptr, *operand);
    bool want = expected["output"]["TestResult.$"] == "ConditionTrue";
    if (got != want) *why = dir.filename().string() + " gave " + (got ? "true" : "false");
    return got == want;
  }
  return std::nullopt;
}

TEST(Conformance, ChoiceOperators) {
  auto cases = casesStartingWith("choice_operators.");
  if (cases.empty()) GTEST_SKIP() << "no conformance corpus at " << ASLRT_CONFORMANCE_DIR;
  int checked = 0;
  for (const auto& dir : cases) {
    std::string why;
    std::optional<bool> ok = runChoiceCase(dir, &why);
    if (!ok) continue;
    ++checked;
    EXPECT_TRUE(*ok) << why;
  }
  EXPECT_GT(checked, 300);
}

bool isPlainPassCase(const Json& def, const fs::path& dir) {
  if (def["States"].size() != 1 || !readJson(dir / "meta.json")["deterministic"].get<bool>())
    return false;
  const Json& state = def["States"].begin().value();
  return state["Type"] == "Pass" && state.contains("Parameters") &&
         !def.contains("QueryLanguage") && !state.contains("QueryLanguage");
}

// Runs a one-Pass machine: Parameters, then ResultPath and OutputPath.
std::optional<Json> runPass(const Json& state, const Json& input, Failure* failure) {
  auto tmpl = PayloadTemplate::compile(state["Parameters"], nullptr);
  if (!tmpl) return std::nullopt;
  Json context = {{"Execution", {{"Input", input}}}};
  std::optional<Json> result = tmpl->render(EvalContext{&input, &context}, "Parameters", failure);
  if (!result) return std::nullopt;
  Json output = input;
  auto resultPath =
      JsonPath::parse(state.value("ResultPath", "$"), PathFlavor::ReferencePath, nullptr);
  if (!resultPath || !resultPath->assign(output, *result, nullptr)) return std::nullopt;
  return selectFrom(state.value("OutputPath", "$"), output);
}

TEST(Conformance, PassStatesWithPayloadTemplates) {
  std::vector<fs::path> cases = casesStartingWith("intrinsic_functions.");
  for (const char* prefix : {"base.json_path", "base.state_pass_regex_json_path"})
    for (auto& p : casesStartingWith(prefix)) cases.push_back(p);
  if (cases.empty()) GTEST_SKIP() << "no conformance corpus at " << ASLRT_CONFORMANCE_DIR;
  int checked = 0;
  for (const auto& dir : cases) {
    Json def = readJson(dir / "definition.json");
    if (!isPlainPassCase(def, dir)) continue;
    Json input = readJson(dir / "input.json");
    Json expected = readJson(dir / "expected.json");
    Failure failure;
    std::optional<Json> out = runPass(def["States"].begin().value(), input, &failure);
    ++checked;
    ASSERT_TRUE(out) << dir.filename() << ": " << failure.error << " "
                     << failure.cause.value_or("");
    EXPECT_EQ(*out, expected["output"]) << dir.filename();
  }
  EXPECT_GT(checked, 90);
}

}  // namespace
}  // namespace aslrt

namespace aslrt {
namespace {

// Definitions AWS rejected because of an intrinsic's syntax must not compile.
TEST(Conformance, IllegalIntrinsicEscapesAreRejected) {
  auto cases = casesStartingWith("scenarios.base_scenarios.illegal_escapes.");
  if (cases.empty()) GTEST_SKIP() << "no conformance corpus at " << ASLRT_CONFORMANCE_DIR;
  for (const auto& dir : cases) {
    Json def = readJson(dir / "definition.json");
    ASSERT_EQ(readJson(dir / "expected.json")["status"], "INVALID_DEFINITION");
    const Json& state = def["States"].begin().value();
    std::vector<TemplateError> errors;
    EXPECT_FALSE(PayloadTemplate::compile(state["Parameters"], &errors)) << dir.filename();
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].pointer, "/parsed.$");
  }
}

}  // namespace
}  // namespace aslrt
