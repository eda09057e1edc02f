#include "nested_machines.h"

#include <map>
#include <memory>

extern "C" {
// Weak: an executable without nested machines has no such section.
extern const aslrt_nested_machine __start_aslrt_machines[] __attribute__((weak));
extern const aslrt_nested_machine __stop_aslrt_machines[] __attribute__((weak));
}

namespace aslrt {
namespace {

std::vector<aslrt_nested_machine>& hostRecords() {
  static std::vector<aslrt_nested_machine> records;
  return records;
}

template <typename Fn>
void forEachRecord(Fn&& fn) {
  for (const aslrt_nested_machine& r : hostRecords()) fn(r);
  if (!__start_aslrt_machines || !__stop_aslrt_machines) return;
  for (const aslrt_nested_machine* r = __start_aslrt_machines; r < __stop_aslrt_machines; ++r)
    if (r->abi_version == ASLRT_ABI_VERSION && r->definition && r->program) fn(*r);
}

}  // namespace

void addNestedMachine(const std::string& definition, const aslrt_program* program) {
  // The record keeps the text alive for the process: hosts add a handful at start-up.
  hostRecords().push_back({ASLRT_ABI_VERSION, (new std::string(definition))->c_str(), program});
}

const aslrt_program* findNestedMachine(const std::string& definition) {
  const aslrt_program* found = nullptr;
  forEachRecord([&](const aslrt_nested_machine& r) {
    if (!found && definition == r.definition) found = r.program;
  });
  return found;
}

std::vector<std::string> nestedMachineDefinitions() {
  std::vector<std::string> out;
  forEachRecord([&](const aslrt_nested_machine& r) { out.push_back(r.definition); });
  return out;
}

const Program* nestedProgram(const aslrt_program* compiled, std::string* error) {
  static std::map<const aslrt_program*, std::unique_ptr<Program>> loaded;
  auto it = loaded.find(compiled);
  if (it != loaded.end()) return it->second.get();
  auto program = std::make_unique<Program>();
  if (!loadProgram(*compiled, *program, error)) return nullptr;
  return loaded.emplace(compiled, std::move(program)).first->second.get();
}

}  // namespace aslrt
