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
  // Function bodies are checked when asked for (types::Package::checkBody;
  // checkBodyOnDemand below), except those package initialisation needs.
  // For the standard library under `gol run`: most of its bodies are never
  // called by a given program (lang/frontend.cpp). "imported and not used"
  // is not reported in this mode.
  bool bodiesOnDemand = false;
  // With bodiesOnDemand: called before a body is checked, to put the real
  // body in a declaration parsed without it (lang/frontend.cpp).
  std::function<void(FuncDecl*)> loadBody;
};

types::Package* checkPackage(types::Universe& universe, const std::string& path,
                             const std::vector<File*>& files, Diagnostics& diags,
                             const Importer& importer, const CheckConfig& config);

// Checks f's body now if its package checks bodies on demand and has not
// checked it yet; otherwise does nothing. Errors go to the Diagnostics the
// package was checked with.
void checkBodyOnDemand(types::Func* f);
// The same for every body of every package not checked yet.
void checkAllBodiesOnDemand(const std::vector<types::Package*>& pkgs);

}  // namespace gol::lang
