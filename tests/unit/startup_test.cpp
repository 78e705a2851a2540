// Standard library bodies on demand (CompileOptions::stdlibBodiesOnDemand,
// lang/frontend.cpp): every body of every stdlib file, loaded from its
// skeleton one at a time, must check without errors and parse to what a
// whole-file parse gives, at the same positions.
#include <set>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "lang/check.h"
#include "lang/frontend.h"
#include "lang/types.h"
#include "stdlib/embedded.h"

using namespace gol::lang;

namespace {

// A program that loads every file of `path`, only-if-used ones too (a dot
// import loads them always); the program's own "imported and not used" is
// the only error it may have.
std::unique_ptr<Program> loadWhole(const std::string& path, bool onDemand) {
  CompileOptions options;
  options.stdlibBodiesOnDemand = onDemand;
  return compileSource("prog.gol", fmt::format("package main\n\nimport . \"{}\"\n\nfunc main() {{}}\n", path),
                       options);
}

std::string stdlibErrors(const Program& prog) {
  std::string out;
  for (const Diagnostic& d : prog.diags.list())
    if (d.pos.valid() && prog.sources.file(d.pos.file).name != "prog.gol")
      out += prog.diags.format(d.pos) + ": " + d.message + "\n";
  return out;
}

std::vector<FuncDecl*> funcDecls(const types::Package* pkg) {
  std::vector<FuncDecl*> out;
  for (File* f : pkg->files)
    for (Decl* d : f->decls)
      if (auto* fd = d->as<FuncDecl>()) out.push_back(fd);
  return out;
}

}  // namespace

TEST_CASE("stdlib bodies on demand: every body loads, checks and matches a whole parse") {
  std::set<std::string> paths;
  for (const auto& ef : gol::stdlib::embeddedFiles()) paths.insert(std::string(ef.importPath));
  REQUIRE(paths.size() > 10);
  for (const std::string& path : paths) {
    auto lazy = loadWhole(path, true);
    auto eager = loadWhole(path, false);
    REQUIRE_MESSAGE(lazy->mainPackage, path);
    REQUIRE_MESSAGE(eager->mainPackage, path);
    checkAllBodiesOnDemand(lazy->imports);
    CHECK_MESSAGE(stdlibErrors(*lazy) == "", path);
    CHECK_MESSAGE(stdlibErrors(*eager) == "", path);
    REQUIRE(lazy->imports.size() == eager->imports.size());
    for (size_t p = 0; p < lazy->imports.size(); ++p) {
      std::vector<FuncDecl*> a = funcDecls(lazy->imports[p]);
      std::vector<FuncDecl*> b = funcDecls(eager->imports[p]);
      REQUIRE(a.size() == b.size());
      CHECK(lazy->imports[p]->initOrder.size() == eager->imports[p]->initOrder.size());
      for (size_t i = 0; i < a.size(); ++i) {
        std::string where = fmt::format("{}: {}", lazy->diags.format(a[i]->pos), a[i]->name->name);
        REQUIRE_MESSAGE((a[i]->body == nullptr) == (b[i]->body == nullptr), where);
        if (!a[i]->body) continue;
        CHECK_MESSAGE(a[i]->body->pos.line == b[i]->body->pos.line, where);
        CHECK_MESSAGE(a[i]->body->pos.col == b[i]->body->pos.col, where);
        CHECK_MESSAGE(a[i]->body->rbrace.line == b[i]->body->rbrace.line, where);
        CHECK_MESSAGE(a[i]->body->rbrace.col == b[i]->body->rbrace.col, where);
        REQUIRE_MESSAGE(a[i]->body->list.size() == b[i]->body->list.size(), where);
        for (size_t s = 0; s < a[i]->body->list.size(); ++s) {
          CHECK_MESSAGE(a[i]->body->list[s]->pos.line == b[i]->body->list[s]->pos.line, where);
          CHECK_MESSAGE(a[i]->body->list[s]->pos.col == b[i]->body->list[s]->pos.col, where);
        }
      }
    }
  }
}

TEST_CASE("stdlib bodies on demand: a program's own errors are reported as before") {
  const char* src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\t\"os\"\n)\n\n"
      "func main() {\n\tx := 1\n\tfmt.Println(strings.ToUpper(1))\n}\n";
  CompileOptions options;
  options.stdlibBodiesOnDemand = true;
  auto lazy = compileSource("prog.gol", src, options);
  auto eager = compileSource("prog.gol", src);
  CHECK(eager->diags.render() != "");
  CHECK(lazy->diags.render() == eager->diags.render());
}
