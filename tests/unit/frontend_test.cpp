// End-to-end tests of compileSource (lang/frontend.cpp): the order of the
// stages, the package clause rule, stdlib loading. Expected messages are
// gc's (see the comments in frontend.cpp for where gol must deviate).
#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

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

TEST_CASE("compileSource: other errors found while parsing do not stop type checking") {
  // As gc: the lexer's complaint and the checker's both appear.
  auto prog = compileSource("prog.gol",
                            "package main\n\nfunc main() {\n\tvar c = 'ab'\n\tvar s string = 1\n\t_ = c\n}\n");
  std::string out = prog->diags.render();
  CHECK(out.find("prog.gol:4:10: more than one character in rune literal\n") != std::string::npos);
  CHECK(out.find("prog.gol:5:17: cannot use 1 (untyped int constant) as string value in variable declaration\n") !=
        std::string::npos);
}

TEST_CASE("compileSource: the file must be package main") {
  auto prog = compileSource("prog.gol", "package foo\n\nfunc main() {}\n");
  // go run's words; go run gives no position either.
  CHECK(prog->diags.render() == "package command-line-arguments is not a main package\n");
  CHECK(prog->mainPackage == nullptr);
  // With a missing import as well, go run prints both.
  prog = compileSource("prog.gol", "package foo\n\nimport \"nosuch\"\n\nfunc main() { nosuch.X() }\n");
  CHECK(prog->diags.render() ==
        "package command-line-arguments is not a main package\nprog.gol:3:8: package nosuch is not in std\n");
}

TEST_CASE("compileSource: parse only") {
  CompileOptions options;
  options.check = false;
  auto prog = compileSource("prog.gol", "package foo\n\nvar x int = \"not checked\"\n", options);
  CHECK_FALSE(prog->diags.hasErrors());
  REQUIRE(prog->mainFile != nullptr);
  CHECK(prog->mainFile->packageName->name == "foo");
}

TEST_CASE("compileSource: a program importing fmt") {
  auto prog = compileSource("prog.gol", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n");
  CHECK(prog->diags.render() == "");
  REQUIRE(prog->mainPackage != nullptr);
  CHECK(prog->mainPackage->path == "main");
  // fmt and what it imports, each after its own imports.
  REQUIRE_FALSE(prog->imports.empty());
  CHECK(prog->imports.back()->path == "fmt");
  CHECK(prog->imports.back()->name == "fmt");
  for (size_t i = 0; i < prog->imports.size(); ++i) {
    const types::Package* p = prog->imports[i];
    CHECK(prog->universe->packages.at(p->path) == p);
    for (const types::Package* dep : p->imports) {
      auto at = std::find(prog->imports.begin(), prog->imports.end(), dep);
      CHECK(at - prog->imports.begin() < static_cast<std::ptrdiff_t>(i));
    }
  }
  // The stdlib files joined the compilation's sources.
  CHECK(prog->sources.size() > 1);
}

TEST_CASE("compileSource: every stdlib package checks without errors") {
  // Errors in the standard library are gol bugs; import each package alone.
  for (const char* path : {"fmt", "strings", "strconv", "math", "sort", "errors", "os", "bufio", "io", "unicode",
                           "time", "sync", "runtime"}) {
    std::string src = fmt::format("package main\n\nimport _ \"{}\"\n\nfunc main() {{}}\n", path);
    auto prog = compileSource("prog.gol", src);
    CHECK_MESSAGE(prog->diags.render() == "", path);
  }
}

TEST_CASE("compileSource: an unknown package") {
  auto prog = compileSource("prog.gol", "package main\n\nimport \"nosuchpkg\"\n\nfunc main() { nosuchpkg.X() }\n");
  CHECK(prog->diags.render() == "prog.gol:3:8: package nosuchpkg is not in std\n");
  // Every missing import is reported, and nothing is type-checked.
  prog = compileSource("prog.gol",
                       "package main\n\nimport (\n\t\"nosuch1\"\n\t\"fmt\"\n\t\"github.com/x/y\"\n)\n\n"
                       "func main() { var s string = 1 }\n");
  CHECK(prog->diags.render() ==
        "prog.gol:4:2: package nosuch1 is not in std\n"
        "prog.gol:6:2: no required module provides package github.com/x/y: go.mod file not found in current "
        "directory or any parent directory; see 'go help modules'\n");
  CHECK(prog->mainPackage == nullptr);
}

TEST_CASE("compileSource: missing func main") {
  auto prog = compileSource("prog.gol", "package main\n\nvar x = 1\n");
  CHECK(prog->diags.render() == "runtime.main_main\xc2\xb7" "f: function main is undeclared in the main package\n");
}
