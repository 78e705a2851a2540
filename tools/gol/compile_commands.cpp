// The subcommands that compile a file: build, run and ast.
//
// All three read one source file and hand it to lang::compileSource, which
// never throws and reports every error in the user's program as a
// diagnostic; this file only turns the outcome into output and an exit
// status. Gol programs are single files (no multi-file or user packages), so
// each command takes exactly one FILE.gol.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>

#include "lang/ast.h"
#include "lang/bigstack.h"
#include "lang/escape.h"
#include "lang/frontend.h"
#include "tools/gol/command.h"
#include "tools/gol/execute.h"

namespace gol::tool {
namespace {

// strerror's text in Go's spelling: "no such file or directory".
std::string errnoText(int err) {
  std::string s = std::strerror(err);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// Reads the whole file, or reports why not (as "gol: open FILE: reason", the
// way Go reports an os.PathError) and returns nothing.
std::optional<std::string> readSourceFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fmt::print(stderr, "gol: open {}: {}\n", path, errnoText(errno));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    fmt::print(stderr, "gol: read {}: is a directory\n", path);
    ::close(fd);
    return std::nullopt;
  }
  std::string text;
  char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      fmt::print(stderr, "gol: read {}: {}\n", path, errnoText(errno));
      ::close(fd);
      return std::nullopt;
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

// The one FILE.gol argument of build/run/ast, or nothing after reporting
// bad usage.
const std::string* singleFileArg(const Invocation& inv, bool extraArgsAllowed) {
  if (inv.args.empty()) {
    usageError(*inv.command, "no Gol file named");
    return nullptr;
  }
  if (!extraArgsAllowed && inv.args.size() > 1) {
    usageError(*inv.command,
               "only one file can be built: Gol programs are a single file of package main");
    return nullptr;
  }
  return &inv.args[0];
}

// Reads and compiles `path`; prints the diagnostics, if any, to stderr.
// Returns the program when it compiled cleanly, and sets `status` otherwise.
std::unique_ptr<lang::Program> compileFile(const std::string& path, const lang::CompileOptions& options,
                                           int& status) {
  std::optional<std::string> text = readSourceFile(path);
  if (!text) {
    status = kExitFailure;
    return nullptr;
  }
  std::unique_ptr<lang::Program> program = lang::compileSource(path, std::move(*text), options);
  if (program->diags.hasErrors()) {
    std::string rendered = program->diags.render();
    std::fwrite(rendered.data(), 1, rendered.size(), stderr);
    status = kExitFailure;
  } else {
    status = kExitOk;
  }
  return program;
}

}  // namespace

int runBuild(const Invocation& inv) {
  const std::string* path = singleFileArg(inv, false);
  if (!path) return kExitUsage;
  int status = kExitOk;
  std::unique_ptr<lang::Program> program = compileFile(*path, lang::CompileOptions{}, status);
  int m = inv.level("m");
  if (status != kExitOk || m <= 0 || !program) return status;
  // As go build -gcflags=-m: the decisions on stderr, sorted by position.
  std::string report;
  lang::runOnFrontEndStack([&] {
    std::unique_ptr<lang::escape::Result> result = lang::escape::analyzeProgram(*program, m);
    report = result->render(program->sources, m);
  });
  std::fwrite(report.data(), 1, report.size(), stderr);
  return status;
}

int runRun(const Invocation& inv) {
  const std::string* path = singleFileArg(inv, true);
  if (!path) return kExitUsage;
  int status = kExitOk;
  // Only the standard library bodies the program reaches are checked, as
  // code generation reaches them: start-up time (lang/frontend.cpp).
  lang::CompileOptions options;
  options.stdlibBodiesOnDemand = true;
  std::unique_ptr<lang::Program> program = compileFile(*path, options, status);
  if (status != kExitOk) return status;
  std::vector<std::string> programArgs(inv.args.begin() + 1, inv.args.end());
  int code = executeProgram(*program, *path, programArgs, !inv.flag("noescape"));
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // The process ends here: freeing the program's syntax trees, types and
  // bytecode would only cost time (about a tenth of a short script's
  // run). Sanitizer builds free everything, so leaks still show there.
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(code);
#else
  return code;
#endif
}

int runDisasm(const Invocation& inv) {
  const std::string* path = singleFileArg(inv, false);
  if (!path) return kExitUsage;
  int status = kExitOk;
  std::unique_ptr<lang::Program> program = compileFile(*path, lang::CompileOptions{}, status);
  if (status != kExitOk) return status;
  return disassembleProgram(*program, !inv.flag("noescape"));
}

int runAst(const Invocation& inv) {
  const std::string* path = singleFileArg(inv, false);
  if (!path) return kExitUsage;
  bool withTypes = inv.flag("types");
  lang::CompileOptions options;
  options.check = withTypes;
  int status = kExitOk;
  std::unique_ptr<lang::Program> program = compileFile(*path, options, status);
  // A tree with errors is still worth seeing: that is often why one asks.
  if (program && program->mainFile) {
    std::string dump;
    lang::runOnFrontEndStack([&] { dump = lang::dumpAst(program->mainFile, withTypes); });
    std::fwrite(dump.data(), 1, dump.size(), stdout);
    if (!dump.empty() && dump.back() != '\n') std::fputc('\n', stdout);
  }
  return status;
}

}  // namespace gol::tool
