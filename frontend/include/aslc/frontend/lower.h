// AST -> IR: each state becomes its ASL data-flow pipeline and a terminator.
#pragma once
#include <string>

#include "aslc/frontend/ast.h"
#include "aslc/frontend/diagnostics.h"
#include "aslc/ir/module.h"

namespace aslc {
ir::Module lowerToIr(const ast::Definition& def, const std::string& sourceName, Diagnostics& diags);
}
