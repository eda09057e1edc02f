// State machines compiled into the executable for `stateMachine` bindings
// (docs/BINDINGS.md): the compiler emits one record per nested definition in
// the "aslrt_machines" section (aslrt/abi.h); this finds them by definition
// path and loads each program's metadata once, on first use.
#pragma once
#include <string>
#include <vector>

#include "aslrt/abi.h"
#include "program.h"

namespace aslrt {

// nullptr when `definition` (an absolute path) was not compiled in.
const aslrt_program* findNestedMachine(const std::string& definition);
std::vector<std::string> nestedMachineDefinitions();
// Adds a nested machine not in the linker section: how a host that builds its
// programs at run time (aslc's interpreter mode) provides them.
void addNestedMachine(const std::string& definition, const aslrt_program* program);

// The loaded program; nullptr with *error set if its metadata does not load
// (a compiler bug). Not thread-safe: called from the scheduler's thread.
const Program* nestedProgram(const aslrt_program* compiled, std::string* error);

}  // namespace aslrt
