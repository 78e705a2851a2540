// Running a compiled program: code generation, then the interpreter.
//
// Codegen runs on the front end's large stack (lang/bigstack.h), as deeply
// nested programs recurse there too. The program's stdout is buffered by
// the runtime and flushed here before gol exits; a panic's or fatal
// error's report goes to stderr after it, as Go's does.
#include "tools/gol/execute.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/core.h>

#include "lang/bigstack.h"
#include "lang/codegen.h"
#include "lang/escape.h"
#include "runtime/print.h"
#include "vm/disasm.h"
#include "vm/interp.h"
#include "vm/natives.h"
#include "vm/verify.h"

namespace gol::tool {

// Escape analysis decides what lives in frames (lang/escape.h
// analyzeForCodegen).
std::unique_ptr<vm::Module> generate(lang::Program& program, bool escapeAnalysis) {
  std::unique_ptr<vm::Module> module;
  lang::runOnFrontEndStack([&] {
    if (escapeAnalysis) {
      std::unique_ptr<lang::escape::Analyzer> escape = lang::escape::analyzerForCodegen(program);
      module = lang::generateModule(program, *escape);
    } else {
      module = lang::generateModule(program);
    }
  });
  if (!module) {
    std::string rendered = program.diags.render();
    std::fwrite(rendered.data(), 1, rendered.size(), stderr);
  }
  return module;
}

int executeProgram(lang::Program& program, const std::string& path, const std::vector<std::string>& args,
                   bool escapeAnalysis) {
  std::unique_ptr<vm::Module> module = generate(program, escapeAnalysis);
  if (!module) return 1;
  std::vector<std::string> argv{path};
  argv.insert(argv.end(), args.begin(), args.end());
  vm::setProgramArgs(argv);
  vm::RunResult result = vm::runMain(*module);
  rt::flushStdout();
  if (!result.report.empty()) rt::writeStderr(result.report);
  std::fflush(stderr);
  if (result.threadsLeft) {
    std::fflush(stdout);
    std::_Exit(result.exitCode);
  }
  return result.exitCode;
}

int disassembleProgram(lang::Program& program, bool escapeAnalysis) {
  std::unique_ptr<vm::Module> module = generate(program, escapeAnalysis);
  if (!module) return 1;
  // The program's own functions first, then the standard library's.
  std::string mainFile = program.sources.file(0).name;
  if (program.mainFile) mainFile = program.sources.file(program.mainFile->pos.file).name;
  std::string text;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& fn : module->functions)
      if ((fn->file == mainFile) == (pass == 0)) text += vm::disassemble(*module, *fn) + "\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
  // The listing is also where codegen's output gets checked (vm/verify.h).
  std::string problems = vm::verify(*module);
  if (!problems.empty()) {
    std::fwrite(problems.data(), 1, problems.size(), stderr);
    return 1;
  }
  return 0;
}

}  // namespace gol::tool
