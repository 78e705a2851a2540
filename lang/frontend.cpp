// compileSource: the front end's stages run in order over one user file.
//
//   1. Parse the file. gc does not type-check a file with syntax errors, so
//      neither do we. What counts is gc's rule: an error whose message
//      starts with "syntax error". Other errors found while parsing (a
//      malformed literal, `more than one character in rune literal`) do
//      not stop gc, whose type checker then reports its own errors too.
//   2. Check that it is `package main` (see mainPackageRule below) and
//      that every package it imports exists, as the go command does before
//      it runs the compiler.
//   3. Type-check package main. Its imports are loaded on demand by the
//      Importer: each standard library package is parsed from the embedded
//      .gol sources, checked (bodyless, natively implemented functions
//      allowed), cached in Universe::packages and appended to
//      Program::imports once checked. Since a package's imports finish
//      checking before it does, that list is in dependency order.
//   4. If everything checked, require `func main` (gc's linker reports its
//      absence, without a position; so do we, in the linker's words).
//
// Errors inside standard library files are bugs of gol, not of the user's
// program; they are reported like any other (with the stdlib file names, so
// they are easy to recognise) rather than hidden.
#include "lang/frontend.h"

#include <set>

#include "lang/bigstack.h"
#include "lang/check.h"
#include "lang/parser.h"
#include "lang/types.h"
#include "stdlib/embedded.h"

namespace gol::lang {

Program::Program() : universe(std::make_unique<types::Universe>()) {}
Program::~Program() = default;

namespace {

std::string lastPathElement(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Loads standard library packages for one Program.
class StdImporter {
 public:
  explicit StdImporter(Program& prog) : prog_(prog) {
    importer_ = [this](const std::string& path, Pos importPos) { return load(path, importPos); };
  }
  const Importer& importer() const { return importer_; }

 private:
  types::Package* load(const std::string& path, Pos importPos) {
    types::Universe& u = *prog_.universe;
    if (auto it = u.packages.find(path); it != u.packages.end()) return it->second;
    if (inProgress_.count(path)) {
      // Only the standard library imports anything, so a cycle is a gol bug;
      // gc's words for it all the same.
      prog_.diags.error(importPos, "import cycle not allowed");
      return fakePackage(path);
    }
    std::vector<const stdlib::EmbeddedFile*> embedded = stdlib::packageFiles(path);
    if (embedded.empty()) return nullptr;  // the checker says `package foo is not in std`

    inProgress_.insert(path);
    std::vector<File*> files;
    size_t errorsBefore = prog_.diags.count();
    for (const stdlib::EmbeddedFile* ef : embedded) {
      int32_t index = prog_.sources.add(std::string(ef->fileName), std::string(ef->text));
      files.push_back(parseFile(prog_.sources, index, prog_.arena, prog_.diags));
    }
    types::Package* pkg = nullptr;
    if (prog_.diags.count() == errorsBefore) {
      CheckConfig config;
      config.allowBodylessFuncs = true;
      pkg = checkPackage(u, path, files, prog_.diags, importer_, config);
    }
    inProgress_.erase(path);
    if (!pkg) return fakePackage(path);
    u.packages[path] = pkg;
    prog_.imports.push_back(pkg);
    return pkg;
  }

  // A stand-in for a package that failed to load: the checker resolves no
  // members in it and reports no cascade of errors about it.
  types::Package* fakePackage(const std::string& path) {
    types::Package* pkg = prog_.universe->newPackage(path, lastPathElement(path));
    pkg->fake = true;
    prog_.universe->packages[path] = pkg;
    return pkg;
  }

  Program& prog_;
  Importer importer_;
  std::set<std::string> inProgress_;
};

bool hasSyntaxErrors(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.list())
    if (d.message.starts_with("syntax error")) return true;
  return false;
}

// mainPackageRule: the user's file must be `package main`, for `gol run`
// and `gol build` alike. `go run` refuses other packages while `go build`
// accepts a library package silently; gol only ever builds programs (user
// packages are out of scope), so a non-main package is always a mistake.
// We print go run's line byte for byte, without a position as it has none
// ("command-line-arguments" is the go command's name for a package given
// as files), and type-check nothing, as go run does.
bool checkMainPackageClause(Program& prog) {
  const Ident* name = prog.mainFile ? prog.mainFile->packageName : nullptr;
  if (!name) return false;  // the parser reported it
  if (name->name == "main") return true;
  prog.diags.error(Pos{}, "package command-line-arguments is not a main package");
  return false;
}

// The go command resolves a program's imports before it compiles anything:
// an import outside the standard library is reported (at the import path)
// and nothing is type-checked. gc's line ends with the GOROOT directory in
// parentheses, which depends on the installation; gol leaves it out. A
// package of Go's standard library that gol does not ship gets a message
// of its own, since Go would have compiled it.
bool checkImportsExist(Program& prog) {
  bool ok = true;
  for (const ImportSpec* spec : prog.mainFile->imports) {
    if (!spec || !spec->path) continue;
    ConstValue value = ConstValue::fromLiteral(Tok::String, spec->path->lit);
    if (value.kind() != ConstValue::Kind::String) continue;
    const std::string& path = value.stringVal();
    if (path.empty()) continue;  // the checker reports the invalid path
    if (!stdlib::packageFiles(path).empty()) continue;
    ok = false;
    // A path whose first element has a dot names a module, which the go
    // command looks for in go.mod; gol never has one.
    std::string first = path.substr(0, path.find('/'));
    if (first.find('.') != std::string::npos) {
      prog.diags.errorf(spec->path->pos,
                        "no required module provides package {}: go.mod file not found in current directory or "
                        "any parent directory; see 'go help modules'",
                        path);
    } else if (stdlib::isGoStdPackage(path)) {
      // Go has it and gol does not: say so, rather than pretend that
      // the package does not exist.
      prog.diags.errorf(spec->path->pos, "package {} is not in gol's standard library", path);
    } else {
      prog.diags.errorf(spec->path->pos, "package {} is not in std", path);
    }
  }
  return ok;
}

}  // namespace

namespace {

std::unique_ptr<Program> compileOnThisStack(std::string name, std::string text, const CompileOptions& options) {
  auto prog = std::make_unique<Program>();
  int32_t index = prog->sources.add(std::move(name), std::move(text));
  prog->mainFile = parseFile(prog->sources, index, prog->arena, prog->diags);
  if (hasSyntaxErrors(prog->diags) || !options.check) return prog;
  // go run reports both a non-main package and missing imports, then stops.
  bool isMain = checkMainPackageClause(*prog);
  bool importsExist = checkImportsExist(*prog);
  if (!isMain || !importsExist) return prog;

  StdImporter importer(*prog);
  prog->mainPackage = checkPackage(*prog->universe, "main", {prog->mainFile}, prog->diags, importer.importer(),
                                   CheckConfig{});
  if (prog->diags.hasErrors() || !prog->mainPackage) return prog;

  // A missing main is reported by gc's linker, so only when everything
  // compiled, and without a position; we print the linker's line as it is.
  const types::Object* mainObj = prog->mainPackage->scope ? prog->mainPackage->scope->lookup("main") : nullptr;
  if (!mainObj || !mainObj->is<types::Func>())
    prog->diags.error(Pos{}, "runtime.main_main\xc2\xb7" "f: function main is undeclared in the main package");
  return prog;
}

}  // namespace

std::unique_ptr<Program> compileSource(std::string name, std::string text, const CompileOptions& options) {
  std::unique_ptr<Program> prog;
  runOnFrontEndStack([&] { prog = compileOnThisStack(std::move(name), std::move(text), options); });
  return prog;
}

}  // namespace gol::lang
