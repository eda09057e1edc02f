// Source text -> validated AST, the frontend's one entry point.
#pragma once
#include <iosfwd>
#include <memory>

#include "aslc/frontend/ast.h"
#include "aslc/frontend/diagnostics.h"
#include "aslc/frontend/source_buffer.h"

namespace aslc {

// Loads, validates and builds the AST. Returns null when there were errors
// (all of them reported in `diags`).
std::unique_ptr<ast::Definition> parseDefinition(const SourceBuffer& source, Diagnostics& diags);

// The AST as indented text (--emit=ast).
void printAst(const ast::StateMachine& machine, std::ostream& out, int indent = 0);

}  // namespace aslc
