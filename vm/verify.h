// The bytecode verifier: checks what codegen must guarantee and the
// interpreter does not check at run time.
//
// The interpreter trusts its bytecode (no operand is range-checked in the
// hot loop), so codegen's mistakes would be memory corruption, found far
// from their cause. The verifier finds them at load time instead; the gol
// command runs it in debug builds and tests run it on everything they
// assemble. It checks, per function:
//   - every opcode exists and its extra word is present;
//   - every slot operand, with the number of slots it spans (2 for a
//     string, 3 for a slice, c for MOVN...), lies inside the frame;
//   - constant, global, function, native and type indices exist;
//   - jumps land on an instruction inside the function;
//   - a call's window leaves room for the callee's header below it
//     (a >= 3) and for its parameters and results inside the frame;
//   - the code cannot run off its end.
#pragma once

#include <string>

#include "vm/bytecode.h"

namespace gol::vm {

// "" if fine, else "main.f: pc 12: message" for the first problem found.
std::string verify(const Module& module, const Function& fn);
std::string verify(const Module& module);

}  // namespace gol::vm
