// End-to-end tests of compileSource (lang/frontend.cpp): the order of the
// stages, the package clause rule, stdlib loading. Expected messages are
// gc's (see the comments in frontend.cpp for where gol must deviate).
#include <doctest/doctest.h>

#include "lang/frontend.h"
#include "lang/types.h"

using namespace gol::lang;

TEST_CASE("compileSource: syntax errors stop before type checking") {
  auto prog = compileSource("prog.gol", "package main\n\nfunc main() {\n\tx := \n}\n\nvar y int = \"s\"\n");
  REQUIRE(prog->diags.hasErrors());
  std::string out = prog->diags.render();
  CHECK(out == "prog.gol:5:1: syntax error: unexpected }, expected expression\n");
  CHECK(out.find("prog.gol:7:") == std::string::npos);  // no type error reported
  CHECK(prog->mainPackage == nullptr);
  CHECK(prog->mainFile != nullptr);
}

TEST_CASE("compileSource: the file must be package main") {
  auto prog = compileSource("prog.gol", "package foo\n\nfunc main() {}\n");
  // go run's words; go run gives no position either.
  CHECK(prog->diags.render() == "package command-line-arguments is not a main package\n");
  CHECK(prog->mainPackage == nullptr);
}

TEST_CASE("compileSource: parse only") {
  CompileOptions options;
  options.check = false;
  auto prog = compileSource("prog.gol", "package foo\n\nvar x int = \"not checked\"\n", options);
  CHECK_FALSE(prog->diags.hasErrors());
  REQUIRE(prog->mainFile != nullptr);
  CHECK(prog->mainFile->packageName->name == "foo");
}

// Needs the type checker (branches checker, exprs): skipped until it lands.
TEST_CASE("compileSource: a program importing fmt" * doctest::skip(true)) {
  auto prog = compileSource("prog.gol", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n");
  CHECK(prog->diags.render() == "");
  REQUIRE(prog->mainPackage != nullptr);
  CHECK(prog->mainPackage->path == "main");
  REQUIRE(prog->imports.size() == 1);
  CHECK(prog->imports[0]->path == "fmt");
  CHECK(prog->imports[0]->name == "fmt");
  CHECK(prog->universe->packages.count("fmt") == 1);
  // The stdlib file joined the compilation's sources.
  CHECK(prog->sources.size() == 2);
}

TEST_CASE("compileSource: missing func main") {
  auto prog = compileSource("prog.gol", "package main\n\nvar x = 1\n");
  CHECK(prog->diags.render() == "runtime.main_main\xc2\xb7" "f: function main is undeclared in the main package\n");
}
