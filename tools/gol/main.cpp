// The gol command: the table of subcommands, flag parsing, help and version.
//
// See command.h for how a subcommand is declared. This file knows no
// compiler internals; the handlers that compile live in compile_commands.cpp
// and the one that will execute bytecode in execute.cpp.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unistd.h>

#include <fmt/core.h>

#include "tools/gol/command.h"
#include "tools/gol/repl.h"

#ifndef GOL_VERSION
#define GOL_VERSION "devel"
#endif

namespace gol::tool {
namespace {

int runVersion(const Invocation& inv);
int runHelp(const Invocation& inv);

constexpr FlagSpec kAstFlags[] = {
    {"types", false, "type-check the file and show the checker's types and constant values"},
};

constexpr FlagSpec kBuildFlags[] = {
    {"m", false, "print escape analysis decisions as go build -gcflags=-m does; -m=2 explains them", /*level=*/true},
};

constexpr FlagSpec kRunFlags[] = {
    {"noescape", false, "allocate every object on the heap (escape analysis off), to compare"},
};

constexpr Command kCommands[] = {
    {"build", "gol build [-m[=2]] FILE.gol", "compile a Gol program and report its errors",
     "Build parses and type-checks the Gol program in FILE.gol, with the standard\n"
     "library packages it imports, and compiles it. It runs nothing and writes\n"
     "nothing: on success it prints nothing and exits with status 0. Compile\n"
     "errors are printed to standard error as FILE:LINE:COL: message, as the Go\n"
     "compiler prints them, at most 10 of them, and the exit status is 1.\n"
     "\n"
     "With -m, build also prints the escape analysis decisions for FILE.gol on\n"
     "standard error, one a line, as go build -gcflags=-m prints them:\n"
     "'moved to heap: x', '&T{...} escapes to heap', 'make([]int, n) does not\n"
     "escape', 'leaking param: p'. With -m=2 each decision comes with the flow\n"
     "that caused it. Gol has no inliner, so no inlining lines are printed.\n",
     kBuildFlags, runBuild},
    {"run", "gol run FILE.gol [arguments...]", "compile and run a Gol program",
     "Run compiles the Gol program in FILE.gol and runs it, passing it the\n"
     "arguments that follow the file name (os.Args[1:]). Compile errors are\n"
     "reported as by 'gol build', with exit status 1. The program's exit status\n"
     "is Go's: 0, the code passed to os.Exit, or 2 after a panic or fatal error,\n"
     "whose report goes to standard error as Go prints it.\n"
     "\n"
     "Values that escape analysis proves do not outlive their function live in\n"
     "its frame; -noescape puts every one on the heap instead, to compare.\n",
     kRunFlags, runRun},
    {"disasm", "gol disasm FILE.gol", "print the bytecode of a Gol program",
     "Disasm compiles FILE.gol and prints the bytecode of every function of the\n"
     "program (its own and the standard library's it uses): the frame layout\n"
     "(parameters, results, frame size, named slots), the pointer map, and one\n"
     "instruction a line with its operands decoded. -noescape as for run.\n",
     kRunFlags, runDisasm},
    {"repl", "gol repl", "start an interactive Gol session",
     "Repl starts an interactive session: type Go declarations, statements\n"
     "and expressions; declarations and variables stay for later inputs, and\n"
     "an expression's value is printed with its type. Each input is compiled\n"
     "by the same front end and run by the same VM as 'gol run', on one\n"
     "scheduler that lives as long as the session, so goroutines keep running\n"
     "between inputs. Type :help in the session for its commands (:type,\n"
     ":escape, :disasm, :time, :gc, :goroutines, :load, :reset, :quit).\n"
     "On a terminal it edits lines and keeps history in ~/.gol_history; with\n"
     "standard input not a terminal it reads inputs without prompts.\n"
     "Plain 'gol' on a terminal starts it too.\n",
     {}, runRepl},
    {"version", "gol version", "print the gol version",
     "Version prints the version of gol and the platform it was built for.\n", {}, runVersion},
    {"help", "gol help [command]", "show help for gol or one of its commands",
     "Help prints the list of gol's commands, or the documentation of one.\n", {}, runHelp},
    {"ast", "gol ast [-types] FILE.gol", "print the syntax tree of a Gol file",
     "Ast parses FILE.gol and prints its abstract syntax tree, indented, one node\n"
     "a line, with the position of each node. With -types it also type-checks\n"
     "the file and shows the type and constant value the checker gave each\n"
     "expression. Errors are reported as by 'gol build', with exit status 1.\n",
     kAstFlags, runAst, /*developer=*/true},
};

const char* platform() {
#if defined(__x86_64__)
  return "linux/amd64";
#elif defined(__aarch64__)
  return "linux/arm64";
#else
  return "linux/unknown";
#endif
}

void printCommandList(std::FILE* out, bool developer) {
  for (const Command& c : kCommands)
    if (c.developer == developer) fmt::print(out, "\t{:<11} {}\n", c.name, c.summary);
}

void printMainHelp(std::FILE* out) {
  fmt::print(out,
             "Gol is a small, fast VM for Gol, a subset of Go: every Gol program is a\n"
             "Go program, and prints what 'go run' prints.\n"
             "\n"
             "Usage:\n"
             "\n"
             "\tgol <command> [arguments]\n"
             "\n"
             "The commands are:\n"
             "\n");
  printCommandList(out, false);
  fmt::print(out, "\nDeveloper commands:\n\n");
  printCommandList(out, true);
  fmt::print(out, "\nUse \"gol help <command>\" for more information about a command.\n");
}

void printCommandHelp(const Command& c) {
  fmt::print("usage: {}\n\n{}", c.usage, c.details);
  if (!c.flags.empty()) {
    fmt::print("\nFlags:\n");
    for (const FlagSpec& f : c.flags)
      fmt::print("\t-{}{}\n\t\t{}\n", f.name, f.takesValue ? " value" : "", f.help);
  }
}

int runVersion(const Invocation& inv) {
  if (!inv.args.empty()) return usageError(*inv.command, "no arguments expected");
  fmt::print("gol version {} {}\n", GOL_VERSION, platform());
  return kExitOk;
}

int runHelp(const Invocation& inv) {
  if (inv.args.empty()) {
    printMainHelp(stdout);
    return kExitOk;
  }
  if (inv.args.size() > 1) {
    fmt::print(stderr, "usage: gol help command\n\nToo many arguments given.\n");
    return kExitUsage;
  }
  const Command* c = findCommand(inv.args[0]);
  if (!c) {
    fmt::print(stderr, "gol help {}: unknown help topic. Run 'gol help'.\n", inv.args[0]);
    return kExitUsage;
  }
  printCommandHelp(*c);
  return kExitOk;
}

const FlagSpec* findFlag(const Command& c, std::string_view name) {
  for (const FlagSpec& f : c.flags)
    if (f.name == name) return &f;
  return nullptr;
}

// Parses argv[first..] as the flags and arguments of `c`, as Go's flag
// package does. Returns false after reporting bad usage on stderr.
bool parseInvocation(const Command& c, int argc, char** argv, int first, Invocation& inv) {
  inv.command = &c;
  int i = first;
  for (; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;  // "-" alone is an argument
    std::string_view body = a.substr(a[1] == '-' ? 2 : 1);
    std::string_view name = body.substr(0, body.find('='));
    bool hasValue = name.size() != body.size();
    std::string_view value = hasValue ? body.substr(name.size() + 1) : std::string_view();
    if (name == "h" || name == "help") {
      usageError(c);
      return false;
    }
    const FlagSpec* spec = findFlag(c, name);
    if (!spec || name.empty()) {
      fmt::print(stderr, "flag provided but not defined: -{}\n", name);
      usageError(c);
      return false;
    }
    if (spec->level) {
      if (hasValue && (value.empty() || value.find_first_not_of("0123456789") != std::string_view::npos)) {
        fmt::print(stderr, "invalid value \"{}\" for flag -{}: parse error\n", value, name);
        usageError(c);
        return false;
      }
      inv.flags[std::string(name)] = hasValue ? std::string(value) : "1";
    } else if (spec->takesValue) {
      if (!hasValue) {
        if (i + 1 == argc) {
          fmt::print(stderr, "flag needs an argument: -{}\n", name);
          usageError(c);
          return false;
        }
        value = argv[++i];
      }
      inv.flags[std::string(name)] = std::string(value);
    } else {
      if (hasValue && value != "true" && value != "false") {
        fmt::print(stderr, "invalid boolean value \"{}\" for -{}\n", value, name);
        usageError(c);
        return false;
      }
      inv.flags[std::string(name)] = hasValue ? std::string(value) : "true";
    }
  }
  for (; i < argc; ++i) inv.args.emplace_back(argv[i]);
  return true;
}

}  // namespace

int Invocation::level(std::string_view name) const {
  auto it = flags.find(name);
  if (it == flags.end()) return 0;
  if (it->second == "true") return 1;
  if (it->second == "false") return 0;
  return std::atoi(it->second.c_str());
}

bool Invocation::flag(std::string_view name) const {
  auto it = flags.find(name);
  return it != flags.end() && it->second == "true";
}

std::span<const Command> commands() { return kCommands; }

const Command* findCommand(std::string_view name) {
  for (const Command& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

int usageError(const Command& command) {
  fmt::print(stderr, "usage: {}\nRun 'gol help {}' for details.\n", command.usage, command.name);
  return kExitUsage;
}

int usageError(const Command& command, std::string_view message) {
  fmt::print(stderr, "gol {}: {}\n", command.name, message);
  return usageError(command);
}

}  // namespace gol::tool

int main(int argc, char** argv) {
  using namespace gol::tool;
  if (argc < 2) {
    // On a terminal, plain `gol` starts the REPL; elsewhere it explains itself.
    if (isatty(0) && isatty(1)) {
      Invocation inv;
      inv.command = findCommand("repl");
      return runRepl(inv);
    }
    printMainHelp(stdout);
    return kExitOk;
  }
  std::string_view name = argv[1];
  if (name == "-h" || name == "-help" || name == "--help") {
    printMainHelp(stdout);
    return kExitOk;
  }
  if (name == "-version" || name == "--version") name = "version";
  const Command* c = findCommand(name);
  if (!c) {
    fmt::print(stderr, "gol {}: unknown command\n", name);
    if (name.ends_with(".gol") || name.ends_with(".go"))
      fmt::print(stderr, "Did you mean 'gol run {}'?\n", name);
    else
      fmt::print(stderr, "Run 'gol help' for usage.\n");
    return kExitUsage;
  }
  Invocation inv;
  if (!parseInvocation(*c, argc, argv, 2, inv)) return kExitUsage;
  int status = c->handler(inv);
  if (std::fflush(stdout) != 0) {
    // Output that did not reach its destination (a full disk, a closed pipe)
    // must not look like success.
    std::fprintf(stderr, "gol: error writing standard output\n");
    return kExitFailure;
  }
  return status;
}
