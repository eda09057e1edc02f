// Structural checks run after lowering and between passes: every operand
// defined before use, every target and pool index in range.
#pragma once
#include <string>
#include <vector>

#include "aslc/ir/module.h"

namespace aslc::ir {
// Returns the problems found (empty when the module is well formed).
std::vector<std::string> verifyModule(const Module& module);
}
