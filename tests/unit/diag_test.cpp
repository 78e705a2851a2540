#include <doctest/doctest.h>

#include "lang/diag.h"

using namespace gol::lang;

TEST_CASE("diagnostics are sorted, one per line, and capped at 10") {
  SourceSet sources;
  int32_t f = sources.add("prog.gol", "");
  Diagnostics d(sources);
  d.error(Pos{f, 3, 5}, "b");
  d.error(Pos{f, 1, 2}, "a");
  d.error(Pos{f, 3, 9}, "dropped: same line");
  CHECK(d.render() == "prog.gol:1:2: a\nprog.gol:3:5: b\n");
  for (int i = 10; i < 30; ++i) d.error(Pos{f, i, 1}, "e");
  std::string out = d.render();
  CHECK(out.find("prog.gol:18:1: too many errors\n") != std::string::npos);
}
