// `gol repl`: an interactive session of Gol (design in repl.cpp).
#pragma once

namespace gol::tool {

struct Invocation;

// Runs a session reading standard input: with line editing when it is a
// terminal (and gol was built with libedit), without prompts otherwise.
// Returns the exit status (0 after :quit or end of input; os.Exit's code).
int runRepl(const Invocation& inv);

}  // namespace gol::tool
