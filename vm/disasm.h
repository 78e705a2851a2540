// The disassembler: bytecode as people read it (`gol disasm`, tests).
//
// A function prints as a header (name, file, frame size, where parameters
// and results live, the pointer map and which slots are zeroed on entry)
// followed by one line per instruction:
//
//     pc  line  OPCODE      operands            ; comment
//
// Slots print as r0, r1, ... (with their names, when codegen gave them, in
// the comment); constants as K3 with their value; jumps as "-> pc";
// functions, natives and types by name. The operand kinds come from the
// format column of the opcode table, so a new opcode needs no code here.
#pragma once

#include <string>

#include "vm/bytecode.h"

namespace gol::vm {

std::string disassemble(const Module& module, const Function& fn);
std::string disassemble(const Module& module);  // every function, in index order

}  // namespace gol::vm
