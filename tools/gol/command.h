// The gol command's subcommands, as one table.
//
// The command is shaped like the go command: `gol <command> [flags] [args]`,
// each subcommand with a usage line, a one-line summary for `gol help` and a
// longer text for `gol help <command>`. A subcommand is one row of
// kCommands (main.cpp) and one handler; a later issue adds `disasm` or
// `repl` by adding a row, and a flag such as `build -m` by adding a FlagSpec
// to its row. Flags are parsed the way Go's flag package parses them
// (`-name`, `--name`, `-name=value`, `-name value`; parsing stops at the first
// argument that is not a flag, or after `--`), so `gol run prog.gol -v` hands
// `-v` to the program, not to gol.
//
// Exit statuses follow the go command: 0 success, 1 for errors in the user's
// program or files (compile errors, unreadable files), 2 for bad usage of the
// command itself.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gol::tool {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // compile errors, unreadable file
inline constexpr int kExitUsage = 2;    // unknown command, bad flags or arguments

struct FlagSpec {
  std::string_view name;   // without the dash: "m", "types"
  bool takesValue = false; // false: a boolean flag (-name or -name=true/false)
  std::string_view help;
  // A level flag, as gc's -m: `-name` means 1, `-name=N` sets N (a value
  // is only taken after '=').
  bool level = false;
};

struct Command;

// One parsed invocation of a subcommand.
struct Invocation {
  const Command* command = nullptr;
  std::map<std::string, std::string, std::less<>> flags;  // boolean flags hold "true"/"false"
  std::vector<std::string> args;                          // after the flags

  bool flag(std::string_view name) const;  // a boolean flag's value
  int level(std::string_view name) const;  // a level flag's value (0 when absent)
};

struct Command {
  std::string_view name;
  std::string_view usage;    // "gol build [flags] FILE.gol"
  std::string_view summary;  // one line for the `gol help` list
  std::string_view details;  // the body of `gol help <name>`
  std::span<const FlagSpec> flags;
  int (*handler)(const Invocation&);
  bool developer = false;    // listed apart, under "developer commands"
};

std::span<const Command> commands();
const Command* findCommand(std::string_view name);

// Prints "usage: <usage>" and a pointer to `gol help <name>` on stderr and
// returns kExitUsage, as the go command does for bad usage.
int usageError(const Command& command);
// Prints "gol <name>: <message>" then the usage; returns kExitUsage.
int usageError(const Command& command, std::string_view message);

// The handlers (compile_commands.cpp).
int runBuild(const Invocation& inv);
int runRun(const Invocation& inv);
int runAst(const Invocation& inv);
int runDisasm(const Invocation& inv);

}  // namespace gol::tool
