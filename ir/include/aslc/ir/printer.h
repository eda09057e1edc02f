// Deterministic text form of the IR (--emit=ir, --print-after).
#pragma once
#include <iosfwd>

#include "aslc/ir/module.h"

namespace aslc::ir {
void printModule(const Module& module, std::ostream& out);
}
