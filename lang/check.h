// The type checker: Go's typing rules over the AST.
//
// checkPackage resolves every identifier, computes the type (and constant
// value) of every expression, records them in the AST's "checker:" fields,
// and reports errors in gc's words. It follows the structure of go/types:
// collect package-level objects first (declarations in any order), resolve
// them lazily with cycle detection, then check function bodies.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lang/ast.h"
#include "lang/diag.h"
#include "lang/types.h"

namespace gol::lang {

// Resolves an import path to a checked package, loading and checking it on
// first use; returns null when there is no such package (the checker then
// reports `package foo is not in std`).
using Importer = std::function<types::Package*(const std::string& path, Pos importPos)>;

struct CheckConfig {
  // Stdlib packages may declare functions without bodies (implemented
  // natively); for the user's package that is an error (`missing function body`).
  bool allowBodylessFuncs = false;
  // The REPL relaxes "declared and not used" and "imported and not used".
  bool reportUnused = true;
};

types::Package* checkPackage(types::Universe& universe, const std::string& path,
                             const std::vector<File*>& files, Diagnostics& diags,
                             const Importer& importer, const CheckConfig& config);

}  // namespace gol::lang
