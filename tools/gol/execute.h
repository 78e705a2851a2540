// Running a compiled program: the seam between the gol command and the VM.
//
// `gol run` (and later the REPL) call executeProgram once the front end has
// accepted a program. Until the bytecode interpreter exists (issue 3) the one
// implementation, in execute.cpp, says so and fails; that file is the only
// thing issue 3 replaces here.
#pragma once

#include <string>
#include <vector>

#include "lang/frontend.h"

namespace gol::tool {

// Runs `program` (compiled from `path`) with os.Args = {path, args...} and
// returns the process exit status Go would give: 0, the os.Exit code, or 2
// after an unrecovered panic or a deadlock.
int executeProgram(const lang::Program& program, const std::string& path,
                   const std::vector<std::string>& args);

}  // namespace gol::tool
