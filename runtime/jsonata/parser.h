// Pratt parser: source text -> raw syntax tree, then the rewrite into the
// evaluator's path/step form. Throws JsonataError with S0xxx codes.
#pragma once
#include <string_view>

#include "ast.h"
#include "lexer.h"

namespace aslrt::jsonata {

// Parses and rewrites `text`; nodes are owned by `arena`.
Node* parseExpression(std::string_view text, Arena& arena);

// The rewrite pass (ast_rewrite.cpp): paths, stages, tuples, parent slots.
Node* rewriteTree(Node* raw, Arena& arena);

}  // namespace aslrt::jsonata
