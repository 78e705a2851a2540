#include <doctest/doctest.h>

#include "lang/diag.h"

using namespace gol::lang;

TEST_CASE("diagnostics are sorted, deduplicated as gc does, and capped at 10 in report order") {
  SourceSet sources;
  int32_t f = sources.add("prog.gol", "");
  Diagnostics d(sources);
  d.error(Pos{f, 1, 2}, "a");
  d.error(Pos{f, 3, 5}, "b");
  d.error(Pos{f, 3, 9}, "b");                 // dropped: same line and message as the previous
  d.error(Pos{f, 3, 7}, "c");                 // kept: another message on the line
  d.error(Pos{f, 5, 1}, "syntax error: x");
  d.error(Pos{f, 5, 4}, "syntax error: y");   // dropped: one syntax error per line
  CHECK(d.render() == "prog.gol:1:2: a\nprog.gol:3:5: b\nprog.gol:3:7: c\nprog.gol:5:1: syntax error: x\n");
  for (int i = 30; i > 10; --i) d.error(Pos{f, i, 1}, "e");
  std::string out = d.render();
  // The 10th error reported is at line 25; those 10 print sorted.
  CHECK(out.find("prog.gol:24:1") == std::string::npos);
  CHECK(out.find("prog.gol:25:1: e\n") != std::string::npos);
  const std::string last = "\nprog.gol:25:1: too many errors\n";
  REQUIRE(out.size() >= last.size());
  CHECK(out.substr(out.size() - last.size()) == last);
}
