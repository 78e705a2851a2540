// The standard library's .gol sources are embedded in the binary, one
// table entry per file, keyed by import path (stdlib/embed.cmake).
#include <doctest/doctest.h>

#include <string>

#include "stdlib/embedded.h"

TEST_CASE("every standard package is embedded with its package clause") {
  const struct {
    const char* path;
    const char* name;
  } packages[] = {
      {"bufio", "bufio"},   {"errors", "errors"},     {"fmt", "fmt"},           {"io", "io"},
      {"math", "math"},     {"math/bits", "bits"},    {"math/rand", "rand"},    {"os", "os"},
      {"runtime", "runtime"}, {"sort", "sort"},       {"strconv", "strconv"},   {"strings", "strings"},
      {"sync", "sync"},     {"sync/atomic", "atomic"}, {"time", "time"},        {"unicode", "unicode"},
      {"unicode/utf8", "utf8"},
  };
  for (const auto& p : packages) {
    CAPTURE(p.path);
    auto files = gol::stdlib::packageFiles(p.path);
    REQUIRE(!files.empty());
    for (const auto* f : files) {
      CHECK(f->fileName.starts_with(std::string("stdlib/") + p.path + "/"));
      CHECK(f->text.find(std::string("\npackage ") + p.name + "\n") != std::string_view::npos);
    }
  }
  CHECK(gol::stdlib::packageFiles("net/http").empty());
}
