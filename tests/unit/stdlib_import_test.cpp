// Importing what gol's standard library lacks: a package Go ships and gol
// does not is a compile error naming it (issue 9), other paths keep the go
// command's words, and a missing name is a positioned error, as gc's.
#include <doctest/doctest.h>

#include "lang/frontend.h"
#include "lang/types.h"
#include "stdlib/embedded.h"

using namespace gol::lang;

TEST_CASE("isGoStdPackage knows Go's public packages only") {
  CHECK(gol::stdlib::isGoStdPackage("net/http"));
  CHECK(gol::stdlib::isGoStdPackage("fmt"));
  CHECK(gol::stdlib::isGoStdPackage("unicode/utf16"));
  CHECK(gol::stdlib::isGoStdPackage("archive/tar"));
  CHECK(gol::stdlib::isGoStdPackage("unsafe"));
  CHECK_FALSE(gol::stdlib::isGoStdPackage("internal/abi"));
  CHECK_FALSE(gol::stdlib::isGoStdPackage("net/htt"));
  CHECK_FALSE(gol::stdlib::isGoStdPackage("nosuchpkg"));
  CHECK_FALSE(gol::stdlib::isGoStdPackage(""));
}

TEST_CASE("a package of Go's standard library that gol does not ship") {
  auto prog = compileSource("prog.gol",
                            "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"foo/bar\"\n)\n\n"
                            "func main() { fmt.Println(http.StatusOK, bar.X) }\n");
  CHECK(prog->diags.render() ==
        "prog.gol:5:2: package net/http is not in gol's standard library\n"
        "prog.gol:6:2: package foo/bar is not in std\n");
  CHECK(prog->mainPackage == nullptr);
}

TEST_CASE("a name the standard library lacks is a positioned error") {
  auto prog = compileSource("prog.gol",
                            "package main\n\nimport (\n\t\"math\"\n\t\"strings\"\n)\n\n"
                            "func main() {\n\t_ = strings.Title2(\"x\")\n\tvar r strings.Reader\n\tr.Nope()\n"
                            "\t_ = math.Foo\n}\n");
  CHECK(prog->diags.render() ==
        "prog.gol:9:14: undefined: strings.Title2\n"
        "prog.gol:11:4: r.Nope undefined (type strings.Reader has no field or method Nope)\n"
        "prog.gol:12:11: undefined: math.Foo\n");
}

namespace {

bool declares(const Program& prog, const char* path, const char* name) {
  auto it = prog.universe->packages.find(path);
  return it != prog.universe->packages.end() && it->second->scope && it->second->scope->lookup(name) != nullptr;
}

}  // namespace

TEST_CASE("files marked //gol:only-if-used load only for programs naming them") {
  // fmt's scanning and time's parsing are left out of a program that only
  // prints...
  auto prog = compileSource("prog.gol",
                            "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
                            "// fmt.Sscan and time.Parse in a comment do not count\n"
                            "func main() { fmt.Println(\"Sscan\", time.Second) }\n");
  CHECK(prog->diags.render() == "");
  CHECK(declares(*prog, "fmt", "Println"));
  CHECK_FALSE(declares(*prog, "fmt", "Sscan"));
  CHECK_FALSE(declares(*prog, "time", "Parse"));
  // ...and come in when named, under an import's own name or a dot import.
  prog = compileSource("prog.gol",
                       "package main\n\nimport (\n\tf \"fmt\"\n\t. \"time\"\n)\n\n"
                       "func main() {\n\tvar a int\n\tf.Sscan(\"1\", &a)\n\t_ = Second\n}\n");
  CHECK(prog->diags.render() == "");
  CHECK(declares(*prog, "fmt", "Sscan"));
  CHECK(declares(*prog, "fmt", "Sscanf"));
  CHECK(declares(*prog, "time", "Parse"));
  // A name the package lacks is still reported as undefined.
  prog = compileSource("prog.gol", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Sscanx() }\n");
  CHECK(prog->diags.render() == "prog.gol:5:19: undefined: fmt.Sscanx\n");
}

TEST_CASE("every file loaded only when used checks without errors") {
  // A dot import loads all of a package's files; the only complaint is
  // then gc's about the unused import.
  for (const auto& f : gol::stdlib::embeddedFiles()) {
    if (f.text.find("\n//gol:only-if-used ") == std::string_view::npos) continue;
    std::string path(f.importPath);
    CAPTURE(path);
    auto prog = compileSource("prog.gol", "package main\n\nimport . \"" + path + "\"\n\nfunc main() {}\n");
    CHECK(prog->diags.render() == "prog.gol:3:8: \"" + path + "\" imported and not used\n");
    // And the file did join its package.
    auto it = prog->universe->packages.find(path);
    REQUIRE(it != prog->universe->packages.end());
  }
}
