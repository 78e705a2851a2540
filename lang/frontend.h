// The front end as one call: source text in, typed AST (or diagnostics) out.
//
// This is the interface the gol command, the REPL, the fuzzer and the tests
// use; the stages behind it (lexer, parser, checker, escape analysis) keep
// their own headers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lang/ast.h"
#include "lang/diag.h"
#include "lang/source.h"

namespace gol::lang {

namespace types {
class Universe;
class Package;
}  // namespace types

// Everything one compilation owns. Nodes, types and objects point into each
// other freely and all die together with the Program.
struct Program {
  Program();
  ~Program();
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  SourceSet sources;
  AstArena arena;
  Diagnostics diags{sources};
  std::unique_ptr<types::Universe> universe;  // types, objects, packages
  File* mainFile = nullptr;                    // the user's file
  types::Package* mainPackage = nullptr;
  // Imported packages, in dependency order (a package after those it imports).
  std::vector<types::Package*> imports;
  // The standard library's function bodies are checked on demand
  // (CompileOptions::stdlibBodiesOnDemand): code generation asks for those
  // it reaches (lang/check.h, checkBodyOnDemand).
  bool stdlibBodiesOnDemand = false;
};

struct CompileOptions {
  bool check = true;  // false: parse only
  // Check only the standard library bodies a run needs, as code generation
  // reaches them (`gol run`; see frontend.cpp). Off, every body is checked
  // here, as tools that look at every function (escape analysis, tests of
  // the standard library) need.
  bool stdlibBodiesOnDemand = false;
};

// Parses and type-checks `text` as the file `name`, loading the standard
// library packages it imports. Never throws and never crashes on any input:
// errors land in program->diags.
std::unique_ptr<Program> compileSource(std::string name, std::string text,
                                       const CompileOptions& options = {});

}  // namespace gol::lang
