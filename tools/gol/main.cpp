// The gol command: run, build, version, help.
#include <cstdio>
#include <string_view>

#include <fmt/core.h>

int main(int argc, char** argv) {
  std::string_view cmd = argc > 1 ? argv[1] : "help";
  if (cmd == "version") {
    fmt::print("gol version 0.1.0\n");
    return 0;
  }
  fmt::print("usage: gol <command> [arguments]\n");
  return cmd == "help" ? 0 : 2;
}
