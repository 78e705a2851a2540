// Running a compiled program: the seam between the gol command and the VM.
//
// `gol run` (and later the REPL) call executeProgram once the front end has
// accepted a program: it generates the bytecode module and runs it.
#pragma once

#include <string>
#include <vector>

#include "lang/frontend.h"

namespace gol::tool {

// Runs `program` (compiled from `path`) with os.Args = {path, args...} and
// returns the process exit status Go would give: 0, the os.Exit code, or 2
// after an unrecovered panic or a deadlock.
// With escapeAnalysis false (gol run -noescape), every object is
// allocated on the heap.
int executeProgram(lang::Program& program, const std::string& path,
                   const std::vector<std::string>& args, bool escapeAnalysis = true);

// `gol disasm`: prints every function's bytecode; 1 if codegen failed.
int disassembleProgram(lang::Program& program, bool escapeAnalysis = true);

}  // namespace gol::tool
