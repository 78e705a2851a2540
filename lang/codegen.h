// Code generation: the typed AST of a whole program to a vm::Module.
//
// generateModule compiles the user's package and every stdlib package it
// imports (their Gol code; bodyless functions become calls of natives) into
// one Module whose mainIndex is the program's entry: a function that runs
// every package's variable initialisers and init functions in dependency
// order, then main.main. See lang/codegen_internal.h for how values, frames
// and calls are laid out.
#pragma once

#include <memory>

#include "lang/frontend.h"
#include "vm/bytecode.h"

namespace gol::lang {

namespace escape {
class Analyzer;
class Result;
}

// Returns null after reporting errors into program.diags (constructs the
// code generator does not support yet are compile errors, never crashes).
// With escape analysis results, what they prove does not escape lives in
// frames (lang/codegen_func.cpp, "Frame objects"); without, on the heap.
std::unique_ptr<vm::Module> generateModule(Program& program, const escape::Result* escape = nullptr);
// The same with an analyzer that has seen the program's checked bodies
// (escape::analyzerForCodegen): a standard library body checked on demand
// is analysed when codegen reaches it.
std::unique_ptr<vm::Module> generateModule(Program& program, escape::Analyzer& escape);

}  // namespace gol::lang
