// The parser: Go's syntax, by recursive descent, into the go/ast-shaped AST.
//
// Its structure follows gc's parser (cmd/compile/internal/syntax) because
// users compare gol's messages with gc's: the same productions report the
// same "syntax error: unexpected X, expected Y" at the same token, and error
// recovery skips to the same synchronisation points (gc's `advance`), so a
// file with several independent mistakes gets one message for each.
//
// Composite literals versus blocks (`if x == T{} {`) are disambiguated as gc
// does: inside the header of if/for/switch, a `{` after a bare type name
// starts the block unless the expression is parenthesised (xnest < 0).
//
// Generics are not part of Gol: type parameter lists, instantiations and
// constraint syntax are reported with a positioned message instead of being
// misparsed.
//
// Robustness: any byte string yields a File (possibly partial) plus
// diagnostics. Every loop consumes a token or stops, and nesting is bounded
// (kMaxNesting): the tree's depth is what later stages recurse over, so
// bounding it here keeps every stage's recursion bounded.
#pragma once

#include <cstdint>

#include "lang/ast.h"
#include "lang/diag.h"
#include "lang/source.h"

namespace gol::lang {

// Deepest nesting of expressions, types and statements accepted. Real
// programs stay far below; the bound keeps the parser's and later stages'
// recursion well inside a thread's stack, also in sanitizer builds.
inline constexpr int kMaxNesting = 1000;

struct ParseOptions {
  // Run checkBranches on each function body that parsed cleanly, as gc's
  // parser does. Off by default: gol's checker does the same checks (with
  // the same messages) and sets the branch targets itself.
  bool checkBranches = false;
};

// Parses a whole source file. Never returns null; errors go to diags.
File* parseFile(const SourceSet& sources, int32_t fileIndex, AstArena& arena, Diagnostics& diags,
                const ParseOptions& options = {});

// Checks labels and break/continue/goto/fallthrough in a function body and
// sets each BranchStmt's target, with gc's messages ("label L defined and
// not used", "break is not in a loop, switch, or select", ...). With
// ParseOptions::checkBranches, parseFile runs it on every function body
// (and function literal) that parsed without errors, as gc does.
void checkBranches(BlockStmt* body, Diagnostics& diags);

// Parses the file's text as one expression (for tests and tools); never null.
Expr* parseExpr(const SourceSet& sources, int32_t fileIndex, AstArena& arena, Diagnostics& diags);

}  // namespace gol::lang
