// executeProgram before the VM exists: an honest refusal.
//
// The front end has already accepted the program when this runs, so the
// user learns their program compiles; what is missing is gol's interpreter,
// not anything in their program. Exit status 2, like the go command's
// failures that are not the program's fault. Issue 3 replaces this file with
// codegen + the interpreter.
#include "tools/gol/execute.h"

#include <cstdio>

#include <fmt/core.h>

namespace gol::tool {

int executeProgram(const lang::Program& /*program*/, const std::string& path,
                   const std::vector<std::string>& /*args*/) {
  fmt::print(stderr, "gol run: cannot run {}: the bytecode interpreter is not built yet\n", path);
  return 2;
}

}  // namespace gol::tool
