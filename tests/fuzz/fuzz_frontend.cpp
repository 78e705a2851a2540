// libFuzzer target for the front end: any bytes through lexer, parser and
// checker (lang::compileSource), then through the diagnostics renderer and
// the AST dumper, which walk everything the front end produced; a program
// that type-checks goes on through the code generator and the bytecode
// verifier (nothing is run: a fuzzed program may loop forever).
//
// The front end's promise (frontend.h) is that every input yields a program
// or diagnostics: no crash, no hang, no leak, no undefined behaviour, no
// unbounded recursion. ASan, UBSan and libFuzzer's timeout and leak checks
// catch the first four; deep nesting shows up as a stack overflow. The
// invariants below catch a front end that fails quietly: errors with a
// broken position or no message, or a "clean" compile with nothing in it.
//
// Run it with tools/fuzz.sh (see README.md, "Fuzzing").
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "lang/ast.h"
#include "lang/bigstack.h"
#include "lang/codegen.h"
#include "lang/frontend.h"
#include "vm/disasm.h"
#include "vm/verify.h"

namespace {

// A constant message, then abort: libFuzzer records the input as a crash.
[[noreturn]] void brokenInvariant(const char* what) {
  std::fprintf(stderr, "fuzz_frontend: broken invariant: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<gol::lang::Program> program = gol::lang::compileSource("fuzz.gol", std::move(text));
  if (!program) brokenInvariant("compileSource returned no program");

  const gol::lang::Diagnostics& diags = program->diags;
  for (const gol::lang::Diagnostic& d : diags.list()) {
    // No position at all is legitimate (gc's linker errors, such as a
    // missing func main); a position must point into a source file.
    if (d.pos.valid() && (d.pos.file >= program->sources.size() || d.pos.line < 1 || d.pos.col < 1))
      brokenInvariant("a diagnostic with a broken position");
    if (d.message.empty()) brokenInvariant("a diagnostic without a message");
  }
  if (diags.hasErrors()) {
    if (diags.render().empty()) brokenInvariant("errors rendered as nothing");
  } else if (!program->mainFile) {
    brokenInvariant("no errors and no file");
  }
  if (program->mainFile)
    gol::lang::runOnFrontEndStack([&] { (void)gol::lang::dumpAst(program->mainFile, !diags.hasErrors()); });
  if (!diags.hasErrors()) {
    std::unique_ptr<gol::vm::Module> module;
    gol::lang::runOnFrontEndStack([&] { module = gol::lang::generateModule(*program); });
    if (!module && !program->diags.hasErrors()) brokenInvariant("codegen failed without saying why");
    if (module) {
      for (const auto& fn : module->functions) {
        std::string problem = gol::vm::verify(*module, *fn);
        if (!problem.empty()) {
          std::fprintf(stderr, "%s: %s\n", fn->name.c_str(), problem.c_str());
          brokenInvariant("codegen produced bytecode the verifier rejects");
        }
      }
      (void)gol::vm::disassemble(*module);
    }
  }
  return 0;
}
