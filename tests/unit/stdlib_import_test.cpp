// Importing what gol's standard library lacks: a package Go ships and gol
// does not is a compile error naming it (issue 9), other paths keep the go
// command's words, and a missing name is a positioned error, as gc's. And
// the stdlib files marked //gol:only-if-used (lang/frontend.cpp): loaded
// only for programs naming them, checked, listing all they export.
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>

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

TEST_CASE("an only-if-used line lists every exported name its file declares") {
  // A name left out would be undefined for the programs that use it.
  for (const auto& f : gol::stdlib::embeddedFiles()) {
    std::string_view text = f.text;
    size_t at = text.find("\n//gol:only-if-used ");
    if (at == std::string_view::npos) continue;
    CAPTURE(std::string(f.fileName));
    std::string listed(text.substr(at + 20, text.find('\n', at + 1) - (at + 20)));
    std::set<std::string> names;
    for (size_t i = 0, j; i < listed.size(); i = j + 1) {
      j = listed.find(' ', i);
      if (j == std::string::npos) j = listed.size();
      names.insert(listed.substr(i, j - i));
    }
    // Top-level declarations start a line: func Name(, type Name, var Name,
    // const Name, or a name indented once inside a var or const group.
    bool inGroup = false;
    for (size_t i = 0; i < text.size();) {
      size_t e = text.find('\n', i);
      if (e == std::string_view::npos) e = text.size();
      std::string_view line = text.substr(i, e - i);
      i = e + 1;
      if (line == "var (" || line == "const (") {
        inGroup = true;
        continue;
      }
      if (inGroup && line == ")") {
        inGroup = false;
        continue;
      }
      std::string_view rest;
      if (inGroup && line.size() > 1 && line[0] == '\t' && line[1] != '\t' && line[1] != '/') rest = line.substr(1);
      for (std::string_view kw : {"func ", "type ", "var ", "const "})
        if (line.starts_with(kw)) rest = line.substr(kw.size());
      if (rest.empty() || rest[0] < 'A' || rest[0] > 'Z') continue;
      size_t n = 0;
      while (n < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[n])) || rest[n] == '_')) ++n;
      std::string name(rest.substr(0, n));
      CHECK_MESSAGE(names.count(name) == 1, name);
    }
  }
}
