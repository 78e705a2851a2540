// `gol repl`: an interactive Gol session on the same pipeline as `gol run`.
//
// Design. The session is a package that grows: it keeps the source of every
// accepted declaration (func, method, type, const, import) and a table of
// session variables (name and Go type). Each input is compiled as one more
// version of that package by the ordinary front end, escape analysis and
// code generator, into a module of its own, and run on one scheduler that
// lives as long as the session. There is no second interpreter:
//
//   - The generated file is `package main`, the session's imports (those
//     its text uses), the declarations, `var NAME TYPE` for every session
//     variable with a helper `func __gol_addr_NAME() *TYPE { return &NAME }`,
//     an empty `func main`, and `func __gol_input() { ... }` holding the
//     input. The helper takes the variable's address, so codegen boxes it:
//     its global slot holds a pointer to a heap cell, and the helper's
//     GETG names that slot.
//   - Variables survive inputs because the cells do: after a module's
//     entry (runtime.main: the standard library's initialisers, an empty
//     main) has run, the session writes the cells of the variables it
//     already had (same name, same type) into the new module's slots. Every
//     module that names a variable shares its cell, so goroutines started
//     by earlier inputs and later inputs see the same variable. Earlier
//     statements never run again.
//   - The standard library's package state is the session's too, as the
//     package lives for the session: every package-level variable of an
//     imported package is boxed in the session's modules (marked address-
//     taken before codegen), the first module that has it keeps its cell,
//     and each later module's slot is pointed at that cell once its entry
//     has run (shareStdlibState). The entry does run the initialisers
//     again, but on the new module's own fresh cells, which are dropped
//     before any code can see them; so math/rand's source, io.EOF and an
//     exported variable an input assigned (os.Args) are one object for
//     the whole session. The slots are computed as codegen assigns them
//     (declareGlobals's order) and checked against the module's pointer
//     map; a mismatch is reported, never guessed through.
//   - Types are one per session, as in one program: a new module's type
//     descriptors that have the identity (kind, name, layout) of an
//     earlier module's are replaced by those (shareTypes), so that a value
//     made by one input passes another's type assertions, type switches,
//     comparisons and map lookups. A type of the session (main.T) takes
//     the newest module's method set, so a method added or redefined later
//     applies to values made earlier (through interfaces too, except an
//     itab the runtime already cached for a redefined method).
//   - A statement input runs once: its top-level `x := e` becomes `x = e`
//     (and `var x T = e` becomes `x = e`) on the package-level variable
//     x, whose type the checker found in a first compile (the probe) in
//     which x was still a local. An expression input is compiled as
//     `__gol_v := EXPR` and printed as fmt's "%v %T" prints it.
//   - One scheduler (vm::Goroutines in session mode) runs everything: its
//     main goroutine is a keeper that waits in a system call until the
//     session ends, and each input runs as a goroutine of its module
//     (vm::Function::module tells the interpreter whose tables a function
//     indexes, so a func value or method made by one input and called by
//     a later one runs with its own module's functions and globals). An input's goroutine ending,
//     panicking or dying of a fatal error is reported to the session, which
//     goes on. The keeper hides the scheduler's own deadlock check, so
//     the session watches for it while it waits for an input: when every
//     goroutine waits and no timer is pending for a few checks in a row, it
//     prints Go's deadlock report and gives up on the input, whose
//     goroutine is then removed (Goroutines::removeInput: taken off the
//     channel, semaphore or timer it waits on and ended without running
//     its deferred calls), so it neither shows in :goroutines nor appears
//     in a later deadlock report. Goroutines started by earlier inputs are
//     not touched. Background goroutines that all wait while no input runs
//     are not reported (Go would end the program); the next input that
//     waits with them gets the report, with their traces.
//   - A panic or a fatal error in a background goroutine (a stack
//     overflow, "sync: unlock of unlocked mutex"; gol does not detect
//     concurrent map writes) ends that goroutine only: its report is
//     printed as gol run prints it, after the input that was running, and
//     the session goes on. Go would end the program; a session that ended
//     on a background goroutine's mistake would lose everything typed, and
//     the issue asks that a panic print and the session go on. os.Exit
//     from any goroutine still ends the session, as in Go.
//   - Goroutine numbers: the goroutine an input runs on is "goroutine 1"
//     in every trace (panics, deadlocks, "created by ... in goroutine 1"),
//     as main's is in a Go program, since each input plays main; the real
//     goroutine 1 is the keeper, never shown. Background goroutines keep
//     their real, increasing ids, as in Go (renumber).
//   - Modules are never freed (goroutines and heap objects point into
//     them); the collector scans every module's globals through a root
//     scanner.
//   - Errors and traces name lines as `<input N>:LINE:COL`, N counting the
//     session's inputs, so a panic in a function declared three inputs ago
//     points into that input.
//
// Unused variables and imports are not errors here: the checker's "declared
// and not used" and "imported and not used" are dropped, and an import only
// joins the generated file once its name is used. Lazy standard library
// files (`//gol:only-if-used`) load when a later input names them, since
// every input recompiles the whole session.
//
//   - On a terminal, Ctrl-C stops the input that runs: its goroutine ends
//     at its next safepoint (Goroutines::interruptInput), or, when it
//     waits (a channel, a lock, time.Sleep), is removed as after a
//     deadlock.
//   - :load FILE takes the file's imports and declarations; its main and
//     init are not run (a session has no main of its own, and loading a
//     file to experiment with its functions should not start the program);
//     the session says so, and the user calls what main calls.
//
// KNOWN GAPS: a redefined type drops the session variables whose type
// mentions it; the initialisers of the standard library run again (on
// cells that are then dropped) in every input's module; values of a type
// that was redefined with another layout keep the old descriptor (as Go
// would see two types).
#include "tools/gol/repl.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <signal.h>
#include <unistd.h>

#include <fmt/core.h>

#include "lang/ast.h"
#include "lang/bigstack.h"
#include "lang/codegen.h"
#include "lang/escape.h"
#include "lang/frontend.h"
#include "lang/types.h"
#include "runtime/barrier.h"
#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/typedesc.h"
#include "tools/gol/command.h"
#include "vm/disasm.h"
#include "vm/gc.h"
#include "vm/goroutines.h"
#include "vm/interp.h"
#include "vm/natives.h"

#ifdef GOL_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

namespace gol::tool {
namespace {

namespace types = lang::types;

// ---------------------------------------------------------------------------
// The live VM: one scheduler for the whole session.

std::mutex gModulesMutex;
std::vector<vm::Module*> gModules;  // every module of the session, for the collector

void scanModules(vm::gc::Visit visit, void* ctx) {
  std::lock_guard lock(gModulesMutex);
  for (vm::Module* m : gModules)
    m->globalPointers.forEach(static_cast<uint32_t>(m->globals.size()),
                              [&](uint32_t s) { visit(m->globals[s], ctx); });
}

// The keeper: goroutine 1 of the session, waiting in a system call (so the
// scheduler never sees every goroutine asleep) until the process ends.
// gKeeperWaiting: set by the keeper's M, read by the session's thread
// (release/acquire: the scheduler's start-up happens before inputs spawn).
std::atomic<bool> gKeeperWaiting{false};

bool keeperWait(vm::Machine&, rt::G& g, uint64_t*) {
  rt::Scheduler* s = rt::currentScheduler();
  s->entersyscallblock(g);
  gKeeperWaiting.store(true, std::memory_order_release);
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

class LiveVM {
 public:
  LiveVM() : proto_(keeper_), goroutines_(proto_) {
    uint32_t fn = keeper_.declareFunction("repl.keeper", "<autogenerated>");
    uint32_t native = keeper_.addNative("repl.keeperWait", keeperWait);
    vm::Assembler as(keeper_, fn);
    as.frame(1);
    as.emitWide(vm::Op::CALLN, 0, native);
    as.emit(vm::Op::RET0);
    as.finish();
    keeper_.mainIndex = static_cast<int32_t>(fn);
    keeper_.finalize();
    vm::gc::addRootScanner(scanModules);
    vm::Goroutines::SessionHooks hooks;
    hooks.ended = [this](rt::G& g, vm::Exit how, const std::string& report) {
      std::lock_guard lock(mutex_);
      endedInputs_[g.id] = {how, report};
      cv_.notify_all();
    };
    hooks.background = [this](const std::string& report) {
      std::lock_guard lock(mutex_);
      background_.push_back(report);
    };
    goroutines_.setSession(std::move(hooks));
    thread_ = std::thread([this] {
      vm::RunResult r = goroutines_.run(static_cast<uint32_t>(keeper_.mainIndex), rt::kMaxStackBytes);
      std::lock_guard lock(mutex_);
      ended_ = true;
      endResult_ = r;
      cv_.notify_all();
    });
    thread_.detach();
    // Inputs may start once the scheduler runs and the keeper waits
    // (spawning earlier would race with run() for the first P).
    while (!gKeeperWaiting.load(std::memory_order_acquire))
      std::this_thread::sleep_for(std::chrono::microseconds(200));
  }

  void adopt(vm::Module* m) {
    std::lock_guard lock(gModulesMutex);
    gModules.push_back(m);
  }

  struct Outcome {
    bool finished = false;   // the function returned
    bool ended = false;      // the program ended (os.Exit): exit with code
    int code = 0;
    std::string report;      // a panic's or fatal error's, or the deadlock's
  };

  // Runs fn (of module m) as a goroutine and waits for it.
  // Set by the SIGINT handler, read by the session's thread while an input
  // runs (interactive only). Atomic, lock-free, for a signal handler; it
  // orders nothing else, so sequential consistency costs nothing here.
  static inline std::atomic<bool> interrupt{false};

  Outcome call(const vm::Function& fn) {
    Outcome out;
    int64_t id = goroutines_.startInSession(fn, rt::kMaxStackBytes);
    if (id == 0) {
      out.report = proto_.report;
      return out;
    }
    {
      std::lock_guard lock(idsMutex_);
      inputIds_.insert(id);
    }
    std::unique_lock lock(mutex_);
    int asleep = 0;
    interrupt.store(false);
    while (!endedInputs_.count(id) && !ended_) {
      cv_.wait_for(lock, std::chrono::milliseconds(50));
      if (endedInputs_.count(id) || ended_) break;
      if (interrupt.exchange(false)) {
        if (!goroutines_.interruptInput(id)) {
          // It waits (a channel, a lock): take it off and go on.
          lock.unlock();
          goroutines_.removeInput(id);
          out.report = "interrupted";
          return out;
        }
        continue;
      }
      lock.unlock();
      std::string deadlock = checkDeadlock(id, asleep);
      lock.lock();
      if (!deadlock.empty() && !endedInputs_.count(id)) {
        lock.unlock();
        goroutines_.removeInput(id);
        out.report = deadlock;
        return out;
      }
    }
    if (auto it = endedInputs_.find(id); it != endedInputs_.end()) {
      out.finished = it->second.first == vm::Exit::Returned;
      out.report = it->second.second;
      endedInputs_.erase(it);
      return out;
    }
    out.ended = true;
    out.code = endResult_.exitCode;
    out.report = endResult_.report;
    return out;
  }

  // Traces name an input's goroutine as Go names main's: "goroutine 1"
  // (the keeper, the session's real goroutine 1, is never shown); other
  // goroutines keep their ids.
  std::string renumber(const std::string& text) {
    std::lock_guard lock(idsMutex_);
    std::string out;
    const std::string word = "goroutine ";
    size_t i = 0;
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, i)) {
      size_t p = at + word.size(), q = p;
      while (q < text.size() && std::isdigit(static_cast<unsigned char>(text[q]))) ++q;
      out += text.substr(i, p - i);
      i = p;
      bool ends = q == text.size() || text[q] == '\n' || text.compare(q, 2, " [") == 0;
      if (q > p && ends && inputIds_.count(std::atoll(text.substr(p, q - p).c_str()))) {
        out += "1";
        i = q;
      }
    }
    return out + text.substr(i);
  }

  template <typename F>
  void withWorldStopped(F&& f) {
    rt::Scheduler* s = goroutines_.scheduler();
    while (!s->stopTheWorld()) {
      // Another stop (a collection) was in progress and has ended: again.
    }
    f();
    s->startTheWorld();
  }

  std::vector<std::string> takeBackground() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> v;
    v.swap(background_);
    return v;
  }

  // Each goroutine but the keeper: its traceback (the world stopped).
  std::string goroutines() {
    rt::Scheduler* s = goroutines_.scheduler();
    bool stopped = s->stopTheWorld();
    std::vector<const rt::G*> gs;
    goroutines_.forEachG([&](rt::G& g) {
      if (&g != goroutines_.mainG() && g.status != rt::GStatus::Dead && g.fn != nullptr && !goroutines_.removed(g.id))
        gs.push_back(&g);
    });

    std::sort(gs.begin(), gs.end(), [](const rt::G* a, const rt::G* b) { return a->id < b->id; });
    std::string out;
    for (const rt::G* g : gs) {
      if (g->status == rt::GStatus::Running || g->status == rt::GStatus::Runnable ||
          g->status == rt::GStatus::Syscall) {
        const char* st = g->status == rt::GStatus::Syscall ? "syscall" : "runnable";
        out += fmt::format("goroutine {} [{}]:\n{}()\n\n", g->id, st, g->fn ? g->fn->name : "?");
      } else {
        out += vm::traceback(*g) + "\n";
      }
    }
    if (stopped) s->startTheWorld();
    if (out.empty()) out = "no goroutines besides the session's\n";
    return out;
  }

 private:
  // Every goroutine but the keeper waits, no timer is pending: after a few
  // such checks in a row, Go's deadlock report; "" otherwise. The checks
  // peek at the G's status words while they run (a racy read, as
  // Go's checkdead is not: only a hint); the last one, and the report's
  // traces, are made with the world stopped.
  std::string checkDeadlock(int64_t input, int& asleep) {
    rt::Scheduler* s = goroutines_.scheduler();
    std::vector<const rt::G*> waiting;
    auto allAsleep = [&] {
      bool all = s->pendingTimers() == 0;
      bool inputWaits = false;
      waiting.clear();
      goroutines_.forEachG([&](rt::G& g) {
        // (Lock order: the G list's lock, then the inputs' lock.)
        if (&g == goroutines_.mainG() || g.status == rt::GStatus::Dead || goroutines_.removed(g.id)) return;
        if (g.status != rt::GStatus::Waiting) all = false;
        else waiting.push_back(&g);
        if (g.id == input && g.status == rt::GStatus::Waiting) inputWaits = true;
      });
      return all && inputWaits;
    };
    if (!allAsleep()) {
      asleep = 0;
      return "";
    }
    if (++asleep < 4) return "";
    std::string report;
    withWorldStopped([&] {
      if (!allAsleep()) return;
      // The input's goroutine first: it is "goroutine 1", Go's main.
      std::sort(waiting.begin(), waiting.end(), [&](const rt::G* a, const rt::G* b) {
        return (a->id == input) != (b->id == input) ? a->id == input : a->id < b->id;
      });
      report = "fatal error: all goroutines are asleep - deadlock!\n";
      for (const rt::G* g : waiting) report += "\n" + vm::traceback(*g);
    });
    if (report.empty()) asleep = 0;
    return report;
  }

  vm::Module keeper_;
  vm::Machine proto_;
  vm::Goroutines goroutines_;
  std::thread thread_;

  std::mutex mutex_;
  std::condition_variable cv_;
  std::map<int64_t, std::pair<vm::Exit, std::string>> endedInputs_;  // by goroutine id
  std::mutex idsMutex_;
  std::set<int64_t> inputIds_;  // every goroutine an input (or a module's entry) ran on
  std::vector<std::string> background_;
  bool ended_ = false;
  vm::RunResult endResult_;
};

// ---------------------------------------------------------------------------
// The session's source

struct Chunk {                    // an accepted declaration
  std::string text;
  std::set<std::string> names;    // "f", "T", "c", methods as "T.M"
  int input = 0;                  // the input it came from
};

struct Import {
  std::string text;               // `import x "path"`
  std::string path, name;
  int input = 0;
};

struct SessionVar {
  std::string name;
  std::string type;               // Go source for its type
  uint64_t cell = 0;              // its heap cell, once a module made it
};

// Where the lines of a generated file came from.
struct Layout {
  struct Range {
    int first = 0, count = 0;     // generated lines [first, first+count)
    int input = 0;                // ... are lines 1.. of <input N>
    int lineOffset = 0;           // added to the line within the range
  };
  std::vector<Range> ranges;
};

bool isUnusedMessage(const std::string& m) {
  return m.ends_with("declared and not used") || m.find("imported and not used") != std::string::npos;
}

int countLines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n')) + (s.empty() || s.back() == '\n' ? 0 : 1);
}

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Does `text` use `name.` as a qualified identifier?
bool usesQualifier(const std::string& text, const std::string& name) {
  std::string pat = name + ".";
  for (size_t at = text.find(pat); at != std::string::npos; at = text.find(pat, at + 1))
    if (at == 0 || (!isIdentChar(text[at - 1]) && text[at - 1] != '.')) return true;
  return false;
}

bool mentionsIdent(const std::string& text, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    bool before = at == 0 || !isIdentChar(text[at - 1]);
    bool after = at + name.size() >= text.size() || !isIdentChar(text[at + name.size()]);
    if (before && after) return true;
  }
  return false;
}

struct Generated {
  std::string file;   // its name: "<repl N>"
  std::string text;
  Layout layout;
  int bodyLine = 0;   // first line of the input function's body text
};

struct Options {
  bool fmt = false, runtime = false, time = false;
};

class Session {
 public:
  Session() = default;

  // One input (a complete one: brackets balanced). Returns false to quit.
  bool handle(const std::string& raw);
  bool ended() const { return exitCode_ >= 0; }
  int exitCode() const { return exitCode_ < 0 ? 0 : exitCode_; }
  [[maybe_unused]] std::vector<std::string> completions(const std::string& prefix);
  void flushBackground();

 private:
  Generated generate(const std::string& body, const std::vector<Chunk>& chunks,
                     const std::vector<Import>& imports, const std::vector<SessionVar>& vars,
                     const Options& opt);
  std::unique_ptr<lang::Program> compile(const Generated& g, std::string& errors);
  std::string remap(const std::string& text);
  void printErr(const std::string& text) {
    if (!text.empty()) rt::writeStderr(remap(text));
  }
  void out(const std::string& text) { rt::writeStdout(text); }

  bool command(const std::string& line);
  void declarations(const std::string& text, bool fromFile);
  void statement(const std::string& text);
  bool runBody(const std::string& body, const Options& opt) {
    std::string errors;
    Generated g = generate(body, chunks_, imports_, vars_, opt);
    auto prog = compile(g, errors);
    if (!prog) {
      printErr(errors);
      return false;
    }
    return execute(*prog, vars_);
  }
  bool execute(lang::Program& prog, std::vector<SessionVar>& vars);
  void shareTypes(vm::Module& m, LiveVM& live);
  void shareStdlibState(vm::Module& m, const std::vector<std::pair<std::string, uint32_t>>& globals);
  lang::FuncDecl* inputFunc(lang::Program& prog);
  const types::Type* exprType(const std::string& expr, std::string& errors, lang::Program** keep);
  const Chunk* findChunk(const std::string& name);

  int exitCode_ = -1;
  int inputNo_ = 0;
  int fileNo_ = 0;
  std::vector<Chunk> chunks_;
  std::vector<Import> imports_;
  std::vector<SessionVar> vars_;
  std::map<std::string, Layout> layouts_;
  std::vector<std::unique_ptr<lang::Program>> kept_;
  std::unique_ptr<LiveVM> vm_;
  std::vector<std::unique_ptr<vm::Module>> modules_;
  std::map<std::string, uint64_t> stdlibCells_;  // "path.name" -> the session's cell
  bool warnedStdlibSlots_ = false;
  int declGen_ = 0;  // counts the declaration inputs
  std::map<const rt::TypeDesc*, int> methodsGen_;  // a session descriptor's methods are of that generation
  std::map<std::string, rt::TypeDesc*> types_;  // typeIdentity -> the session's descriptor
  std::vector<std::unique_ptr<rt::TypeDesc>> replacedTypes_;

  LiveVM& vm() {
    if (!vm_) vm_ = std::make_unique<LiveVM>();
    return *vm_;
  }
};

Generated Session::generate(const std::string& body, const std::vector<Chunk>& chunks,
                            const std::vector<Import>& imports, const std::vector<SessionVar>& vars,
                            const Options& opt) {
  Generated g;
  g.file = fmt::format("<repl {}>", ++fileNo_);
  std::string rest;  // everything after the imports
  int line = 1;
  std::string head = "package main\n";
  // The imports come first; their lines are counted once the rest is known.
  std::vector<std::string> importLines;
  if (opt.fmt) importLines.push_back("import __fmt \"fmt\"");
  if (opt.runtime) importLines.push_back("import __rt \"runtime\"");
  if (opt.time) importLines.push_back("import __time \"time\"");
  // What the rest will say, to choose the imports it uses.
  std::string all = body;
  for (const Chunk& c : chunks) all += "\n" + c.text;
  for (const SessionVar& v : vars) all += "\n" + v.type;
  for (const Import& im : imports)
    if (im.name == "_" || im.name == "." || usesQualifier(all, im.name)) importLines.push_back(im.text);
  line += 1 + static_cast<int>(importLines.size());
  g.text = head;
  for (const std::string& l : importLines) g.text += l + "\n";
  for (const Chunk& c : chunks) {
    std::string t = c.text + "\n";
    int n = countLines(t);
    g.layout.ranges.push_back({line, n, c.input, 0});
    g.text += t;
    line += n;
  }
  for (const SessionVar& v : vars) {
    g.text += fmt::format("var {} {}\nfunc __gol_addr_{}() *{} {{ return &{} }}\n", v.name, v.type, v.name,
                          v.type, v.name);
    line += 2;
  }
  g.text += "func main() {}\nfunc __gol_input() {\n";
  line += 2;
  g.bodyLine = line;
  std::string b = body + "\n";
  g.layout.ranges.push_back({line, countLines(b), inputNo_, 0});
  g.text += b + "}\n";
  layouts_[g.file] = g.layout;
  return g;
}

// Replaces `<repl N>:LINE` (and `:COL`) with `<input K>:LINE`.
std::string Session::remap(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t at = text.find("<repl ", i);
    if (at == std::string::npos) break;
    size_t close = text.find('>', at);
    if (close == std::string::npos) break;
    if (close + 1 >= text.size() || text[close + 1] != ':') {
      out += text.substr(i, at - i) + "<session>";
      i = close + 1;
      continue;
    }
    std::string file = text.substr(at, close + 1 - at);
    size_t p = close + 2, q = p;
    while (q < text.size() && std::isdigit(static_cast<unsigned char>(text[q]))) ++q;
    int lineNo = q > p ? std::atoi(text.substr(p, q - p).c_str()) : 0;
    out += text.substr(i, at - i);
    auto it = layouts_.find(file);
    bool done = false;
    if (it != layouts_.end()) {
      for (const Layout::Range& r : it->second.ranges)
        if (lineNo >= r.first && lineNo < r.first + r.count) {
          out += fmt::format("<input {}>:{}", r.input, lineNo - r.first + 1 + r.lineOffset);
          done = true;
          break;
        }
    }
    if (!done) out += fmt::format("<session>:{}", lineNo);
    i = q;
  }
  out += text.substr(i);
  if (vm_) out = vm_->renumber(out);
  // The input's function is the session's main.
  std::string fixed;
  const std::string from = "main.__gol_input";
  size_t j = 0;
  for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, j)) {
    fixed += out.substr(j, at - j) + "main.main";
    j = at + from.size();
  }
  fixed += out.substr(j);
  return fixed;
}

std::unique_ptr<lang::Program> Session::compile(const Generated& g, std::string& errors) {
  std::unique_ptr<lang::Program> prog = lang::compileSource(g.file, g.text);
  bool real = false;
  for (const lang::Diagnostic& d : prog->diags.list())
    if (!isUnusedMessage(d.message)) real = true;
  if (!real) return prog;
  std::istringstream lines(prog->diags.render());
  std::string l;
  errors.clear();
  while (std::getline(lines, l))
    if (!isUnusedMessage(l)) errors += l + "\n";
  return nullptr;
}

lang::FuncDecl* Session::inputFunc(lang::Program& prog) {
  if (!prog.mainFile) return nullptr;
  for (lang::Decl* d : prog.mainFile->decls)
    if (auto* fd = d->as<lang::FuncDecl>(); fd && !fd->recv && fd->name && fd->name->name == "__gol_input")
      return fd;
  return nullptr;
}

// Runs the module of `prog`: its entry, then the input function, with the
// session variables' cells bound in between. Updates the cells in `vars`.
bool Session::execute(lang::Program& prog, std::vector<SessionVar>& vars) {
  // The standard library's package-level variables, in the order codegen
  // gives them global slots (ModuleGen::declareGlobals: the imports in
  // order, then main; each package's variables as declared), all boxed so
  // that a later module can share the first module's cells.
  std::vector<std::pair<std::string, uint32_t>> stdlibGlobals;  // "path.name", slot
  std::map<std::string, uint32_t> mainSlots;  // main's variables, by the same count
  {
    uint32_t slot = 0;
    for (types::Package* pkg : prog.imports)
      for (types::Object* o : pkg->scope->order)
        if (auto* v = o->as<types::Var>()) {
          v->addressTaken = true;
          stdlibGlobals.emplace_back(pkg->path + "." + v->name, slot++);
        }
    if (prog.mainPackage)
      for (types::Object* o : prog.mainPackage->scope->order)
        if (o->is<types::Var>()) mainSlots[o->name] = slot++;
  }
  std::unique_ptr<vm::Module> module;
  lang::runOnFrontEndStack([&] {
    // As gol run: what escape analysis proves does not escape lives in frames.
    std::unique_ptr<lang::escape::Result> escape = lang::escape::analyzeForCodegen(prog);
    module = lang::generateModule(prog, escape.get());
  });
  if (!module) {
    printErr(prog.diags.render());
    return false;
  }
  vm::Module& m = *module;
  vm::Module* raw = module.get();
  modules_.push_back(std::move(module));
  LiveVM& live = vm();
  live.adopt(raw);
  const vm::Function* input = nullptr;
  std::map<std::string, uint32_t> slots;  // session variable -> global slot
  for (const auto& fn : m.functions) {
    if (fn->name == "main.__gol_input") input = fn.get();
    if (fn->name.starts_with("main.__gol_addr_")) {
      std::string name = fn->name.substr(std::strlen("main.__gol_addr_"));
      for (size_t pc = 0; pc < fn->codeWords.size(); ++pc) {
        vm::Instr i = fn->codeWords[pc];
        if (static_cast<vm::Op>(i & 0xffff) == vm::Op::GETG) {
          slots[name] = static_cast<uint32_t>(i >> 32);
          break;
        }
      }
    }
  }
  auto finish = [&](const LiveVM::Outcome& o) {
    rt::flushStdout();
    if (o.ended) {
      printErr(o.report);
      std::fflush(stderr);
      std::fflush(stdout);
      exitCode_ = o.code;
      return false;
    }
    if (!o.report.empty()) {
      std::string r = o.report;
      if (!r.empty() && r.back() != '\n') r += "\n";
      printErr(r);
    }
    return o.finished;
  };
  shareTypes(m, live);
  LiveVM::Outcome entry = live.call(*m.functionTable.at(static_cast<size_t>(m.mainIndex)));
  if (!finish(entry)) return false;
  // The count must agree with the slots the session variables' helpers
  // name (read from the code): else no sharing, rather than wrong cells.
  bool countAgrees = true;
  for (const auto& [name, slot] : slots)
    if (mainSlots.count(name) == 0 || mainSlots[name] != slot) countAgrees = false;
  if (countAgrees) shareStdlibState(m, stdlibGlobals);
  else if (!warnedStdlibSlots_) {
    rt::writeStderr("gol repl: internal: standard library globals not shared (slots not as expected)\n");
    warnedStdlibSlots_ = true;
  }
  for (SessionVar& v : vars) {
    auto it = slots.find(v.name);
    if (it == slots.end()) continue;
    if (v.cell != 0) {
      if (rt::gWriteBarrier.load(std::memory_order_relaxed)) rt::shadeSlow(v.cell);
      m.globals[it->second] = v.cell;
    } else {
      v.cell = m.globals[it->second];
    }
  }
  if (!input) return false;
  return finish(live.call(*input));
}

// The standard library's package state lives for the session: the first
// module that has a variable keeps its cell, and every later module's slot
// for it is pointed at that cell (its own, just initialised, is dropped),
// so math/rand's source, io.EOF and the rest are the same objects in every
// input, as they are in one Go program. The entry of each module still
// runs the initialisers, but on its own fresh cells, which are dropped
// before anything else can see them.
void Session::shareStdlibState(vm::Module& m, const std::vector<std::pair<std::string, uint32_t>>& globals) {
  // The slots were computed, not read from codegen: check that they are
  // what codegen made (each a boxed global: a pointer slot holding a cell).
  for (const auto& [key, slot] : globals)
    if (slot >= m.globals.size() || !m.globalPointers.test(slot) || m.globals[slot] == 0) {
      if (!warnedStdlibSlots_) rt::writeStderr("gol repl: internal: standard library globals not shared\n");
      warnedStdlibSlots_ = true;
      return;
    }
  for (const auto& [key, slot] : globals) {
    auto [it, fresh] = stdlibCells_.emplace(key, m.globals[slot]);
    if (fresh) continue;
    if (rt::gWriteBarrier.load(std::memory_order_relaxed)) rt::shadeSlow(it->second);
    m.globals[slot] = it->second;
  }
}

// A type's identity across modules: its kind, name and layout (pointer
// words included), with the types it is made of; a named type met inside
// another is named only by its name and shape (no recursion through it,
// so cycles end).
std::string typeIdentity(const rt::TypeDesc* d, bool top = true) {
  if (d == nullptr) return "-";
  std::string k = fmt::format("{}:{}:{}:{}:{}:{}", static_cast<int>(d->kind), d->name, d->size, d->align, d->length,
                              d->plainBytes ? "b" : "");
  for (uint64_t w : d->pointerWords) k += fmt::format(":{:x}", w);  // layouts made for the collector too
  if (d->named && !top) {
    for (const rt::StructField& f : d->fields) k += "," + f.name;
    return k;
  }
  k += "(" + typeIdentity(d->elem, false) + ";" + typeIdentity(d->key, false);
  for (const rt::StructField& f : d->fields)
    k += fmt::format(";{}@{}{}={}", f.name, f.offset, f.embedded ? "e" : "", typeIdentity(f.type, false));
  if (d->kind == rt::TypeKind::Interface)
    for (const rt::Method& m : d->methods) k += ";" + m.name + "=" + typeIdentity(m.signature, false);
  return k + (d->variadic ? ")v" : ")");
}

// Types are the same in every module of the session, as in one Go
// program: each descriptor of a new module whose identity an earlier
// module's has is replaced by that one (module tables, and the new
// module's descriptors that point to it), so that a value made by one
// input passes another's type assertions, switches, comparisons and map
// lookups. The first descriptor of a type stays its descriptor for the
// session; a type of the session's own (main.T) takes the newest
// module's method set, since a later input may have added or redefined a
// method (after a declaration input: declGen_). Runs before any code of
// m; the world is stopped while method sets change. The replaced
// descriptors are kept (objects of m may name them for the collector),
// and a module's table then shares ownership of a descriptor with the
// earlier module: harmless, as no module is ever destroyed (the session
// ends with _Exit).
void Session::shareTypes(vm::Module& m, LiveVM& live) {
  std::map<const rt::TypeDesc*, rt::TypeDesc*> replaced;
  for (auto& t : m.types) {
    rt::TypeDesc* d = t.get();
    auto [it, fresh] = types_.emplace(typeIdentity(d), d);
    if (fresh) methodsGen_[d] = declGen_;
    else if (it->second != d) replaced[d] = it->second;
  }
  auto canon = [&](const rt::TypeDesc* d) -> const rt::TypeDesc* {
    auto it = replaced.find(d);
    return it == replaced.end() ? d : it->second;
  };
  for (auto& t : m.types) {
    rt::TypeDesc* d = t.get();
    d->elem = canon(d->elem);
    d->key = canon(d->key);
    for (rt::StructField& f : d->fields) f.type = canon(f.type);
    for (rt::Method& me : d->methods) me.signature = canon(me.signature);
  }
  std::vector<std::pair<rt::TypeDesc*, const rt::TypeDesc*>> newMethods;  // (the session's, m's)
  for (auto& t : m.types) {
    auto it = replaced.find(t.get());
    if (it == replaced.end()) continue;
    rt::TypeDesc* old = it->second;
    // (A standard library type's method table is made when a module
    // needs it: a later module's may be the first full one.)
    bool ours = old->name.starts_with("main.") || old->name.starts_with("*main.");
    if (old->kind != rt::TypeKind::Interface &&
        ((ours && methodsGen_[old] < declGen_) || t->methods.size() > old->methods.size())) {
      newMethods.emplace_back(old, t.get());
      methodsGen_[old] = declGen_;
    }
    replacedTypes_.emplace_back(t.release());
    t.reset(old);
  }
  if (!newMethods.empty())
    live.withWorldStopped([&] {
      for (auto& [old, mine] : newMethods) old->methods = mine->methods;
    });
}

void Session::flushBackground() {
  if (!vm_) return;
  rt::flushStdout();
  for (const std::string& r : vm_->takeBackground()) {
    std::string t = r;
    if (!t.empty() && t.back() != '\n') t += "\n";
    printErr(t);
  }
}

// ---------------------------------------------------------------------------
// Inputs

// The declarations of a parse-only compile of `package main` + text, each
// with its text and the names it declares; nothing if it does not parse.
std::optional<std::vector<std::pair<std::string, std::set<std::string>>>> splitDecls(
    const std::string& text, std::vector<std::string>& importsOut, std::string& errors) {
  std::string src = "package main\n" + text + "\n";
  lang::CompileOptions opt;
  opt.check = false;
  auto prog = lang::compileSource("<repl decl>", src, opt);
  if (prog->diags.hasErrors() || !prog->mainFile) {
    errors = prog->diags.render();
    return std::nullopt;
  }
  // Line starts, to turn positions into offsets.
  std::vector<size_t> lineStart{0, 0};
  for (size_t i = 0; i < src.size(); ++i)
    if (src[i] == '\n') lineStart.push_back(i + 1);
  auto offset = [&](lang::Pos p) { return lineStart[static_cast<size_t>(p.line)] + static_cast<size_t>(p.col) - 1; };
  std::vector<std::pair<std::string, std::set<std::string>>> out;
  const auto& decls = prog->mainFile->decls;
  for (size_t i = 0; i < decls.size(); ++i) {
    size_t from = offset(decls[i]->pos);
    size_t to = i + 1 < decls.size() ? offset(decls[i + 1]->pos) : src.size();
    std::string t = trim(src.substr(from, to - from));
    std::set<std::string> names;
    if (auto* fd = decls[i]->as<lang::FuncDecl>()) {
      std::string name = fd->name ? fd->name->name : "_";
      if (fd->recv && !fd->recv->list.empty()) {
        lang::Expr* rt = fd->recv->list[0]->typeExpr;
        if (auto* st = rt ? rt->as<lang::StarExpr>() : nullptr) rt = st->x;
        std::string tn = rt && rt->is<lang::Ident>() ? rt->as<lang::Ident>()->name : "?";
        name = tn + "." + name;
      }
      names.insert(name);
    } else if (auto* gd = decls[i]->as<lang::GenDecl>()) {
      if (gd->tok == lang::Tok::Import) {
        importsOut.push_back(t);
        continue;
      }
      for (lang::Spec* s : gd->specs) {
        if (auto* vs = s->as<lang::ValueSpec>())
          for (auto* n : vs->names) names.insert(n->name);
        if (auto* ts = s->as<lang::TypeSpec>()) names.insert(ts->name->name);
      }
    }
    out.emplace_back(t, names);
  }
  return out;
}

void Session::declarations(const std::string& text, bool fromFile) {
  std::vector<std::string> importTexts;
  std::string errors;
  auto decls = splitDecls(text, importTexts, errors);
  if (!decls) {
    // Positions of `package main` + text: line 2 is the input's line 1.
    std::string fixed;
    std::istringstream in(errors);
    std::string l;
    while (std::getline(in, l)) {
      if (l.starts_with("<repl decl>:")) {
        size_t p = std::strlen("<repl decl>:");
        int n = std::atoi(l.c_str() + p);
        size_t colon = l.find(':', p);
        l = fmt::format("<input {}>:{}{}", inputNo_, n - 1, colon == std::string::npos ? "" : l.substr(colon));
      }
      fixed += l + "\n";
    }
    rt::writeStderr(fixed);
    return;
  }
  std::vector<Chunk> chunks = chunks_;
  std::vector<Import> imports = imports_;
  std::vector<SessionVar> vars = vars_;
  for (const std::string& it : importTexts) {
    // Each spec of an import declaration on its own line.
    std::string body = trim(it.substr(6));
    std::vector<std::string> specs;
    if (!body.empty() && body[0] == '(') {
      std::istringstream in(body.substr(1, body.rfind(')') - 1));
      std::string l;
      while (std::getline(in, l))
        if (!trim(l).empty()) specs.push_back(trim(l));
    } else {
      specs.push_back(body);
    }
    for (const std::string& spec : specs) {
      Import im;
      im.input = inputNo_;
      size_t q = spec.find('"');
      if (q == std::string::npos) continue;
      im.path = spec.substr(q + 1, spec.find('"', q + 1) - q - 1);
      std::string alias = trim(spec.substr(0, q));
      im.name = !alias.empty() ? alias : im.path.substr(im.path.rfind('/') + 1);
      im.text = "import " + spec;
      std::erase_if(imports, [&](const Import& o) { return o.name == im.name; });
      imports.push_back(im);
    }
  }
  bool skippedMain = false;
  for (auto& [t, names] : *decls) {
    if (names.count("main") || names.count("init")) {
      skippedMain = true;
      continue;
    }
    std::erase_if(chunks, [&](const Chunk& c) {
      for (const std::string& n : names)
        if (c.names.count(n)) return true;
      return false;
    });
    // A type redefined: variables of it lose their (differently laid out) cells.
    std::erase_if(vars, [&](const SessionVar& v) {
      for (const std::string& n : names)
        if (v.name == n || mentionsIdent(v.type, n)) return true;
      return false;
    });
    chunks.push_back({t, names, inputNo_});
  }
  std::string errs;
  Generated g = generate("", chunks, imports, vars, {});
  auto prog = compile(g, errs);
  if (!prog) {
    // A type declared again may break its old methods: without them?
    std::set<std::string> types;
    for (auto& [t, names] : *decls)
      if (t.starts_with("type"))
        for (const std::string& n : names) types.insert(n);
    std::vector<Chunk> without = chunks;
    std::vector<std::string> dropped;
    std::erase_if(without, [&](const Chunk& c) {
      if (c.input == inputNo_) return false;
      for (const std::string& n : c.names) {
        size_t dot = n.find('.');
        if (dot != std::string::npos && types.count(n.substr(0, dot))) {
          dropped.push_back(n);
          return true;
        }
      }
      return false;
    });
    std::string errs2;
    std::unique_ptr<lang::Program> retry;
    if (!dropped.empty()) {
      Generated g2 = generate("", without, imports, vars, {});
      retry = compile(g2, errs2);
    }
    if (!retry) {
      printErr(errs);
      return;
    }
    std::string list;
    for (const std::string& d : dropped) list += (list.empty() ? "" : ", ") + d;
    out(fmt::format("(methods dropped with the old type: {})\n", list));
    chunks = std::move(without);
  }
  for (const SessionVar& v : vars_)
    if (std::none_of(vars.begin(), vars.end(), [&](const SessionVar& w) { return w.name == v.name; }))
      out(fmt::format("({} is gone: its type or name was declared again)\n", v.name));
  chunks_ = std::move(chunks);
  imports_ = std::move(imports);
  vars_ = std::move(vars);
  ++declGen_;
  if (skippedMain)
    out(fromFile ? "(main and init were not loaded: call what main calls instead)\n"
                 : "(main and init are not kept in a session: type their statements instead)\n");
}

const types::Type* Session::exprType(const std::string& expr, std::string& errors, lang::Program** keep) {
  Generated g = generate("__gol_v :=\n" + expr + "\n_ = __gol_v", chunks_, imports_, vars_, {});
  for (auto& r : layouts_[g.file].ranges)
    if (r.first == g.bodyLine) {
      r.first += 1;  // the expression starts on the body's second line
    }
  auto prog = compile(g, errors);
  if (!prog) return nullptr;
  lang::FuncDecl* fd = inputFunc(*prog);
  const types::Type* t = nullptr;
  if (fd && fd->body && !fd->body->list.empty())
    if (auto* as = fd->body->list[0]->as<lang::AssignStmt>(); as && !as->lhs.empty())
      if (auto* id = as->lhs[0]->as<lang::Ident>(); id && id->obj) t = id->obj->type;
  *keep = prog.get();
  kept_.push_back(std::move(prog));
  return t;
}

void Session::statement(const std::string& text) {
  // 1. As an expression: print its value and type.
  std::string exprErrors;
  lang::Program* eprog = nullptr;
  const types::Type* et = exprType(text, exprErrors, &eprog);
  if (et != nullptr && !et->is<types::Tuple>()) {
    Options opt;
    opt.fmt = true;
    std::string body = "__gol_v :=\n" + text + "\n__fmt.Printf(\"%v %T\\n\", __gol_v, __gol_v)";
    Generated g = generate(body, chunks_, imports_, vars_, opt);
    for (auto& r : layouts_[g.file].ranges)
      if (r.first == g.bodyLine) r.first += 1;
    std::string errors;
    auto prog = compile(g, errors);
    if (!prog) {
      printErr(errors);
      return;
    }
    execute(*prog, vars_);
    kept_.clear();
    return;
  }
  kept_.clear();
  // 2. As statements: find the variables its top level defines.
  std::string errors;
  Generated g = generate(text, chunks_, imports_, vars_, {});
  auto prog = compile(g, errors);
  if (!prog) {
    printErr(errors);
    return;
  }
  lang::FuncDecl* fd = inputFunc(*prog);
  if (!fd || !fd->body) return;
  std::vector<size_t> lineStart{0, 0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') lineStart.push_back(i + 1);
  auto offset = [&](lang::Pos p) -> size_t {
    size_t l = static_cast<size_t>(p.line - g.bodyLine + 1);
    return l < lineStart.size() ? lineStart[l] + static_cast<size_t>(p.col) - 1 : text.size();
  };
  std::vector<std::pair<std::string, std::string>> newVars;  // name, type
  auto addVar = [&](lang::Ident* id) {
    if (!id || id->name == "_" || !id->obj) return;
    std::erase_if(newVars, [&](const auto& p) { return p.first == id->name; });
    newVars.emplace_back(id->name, types::typeString(id->obj->type));
  };
  // Edits to the text, applied from the end: (offset, length, replacement).
  std::vector<std::tuple<size_t, size_t, std::string>> edits;
  const auto& list = fd->body->list;
  for (size_t i = 0; i < list.size(); ++i) {
    lang::Stmt* s = list[i];
    if (auto* as = s->as<lang::AssignStmt>(); as && as->tok == lang::Tok::Define) {
      for (lang::Expr* e : as->lhs) addVar(e->as<lang::Ident>());
      edits.emplace_back(offset(as->tokPos), 2, " =");
    } else if (auto* ds = s->as<lang::DeclStmt>()) {
      auto* gd = ds->decl ? ds->decl->as<lang::GenDecl>() : nullptr;
      if (!gd || gd->tok != lang::Tok::Var || gd->specs.empty()) continue;
      if (gd->grouped) {
        // var ( a = 1; b, c int ): one assignment per spec, in order.
        size_t from = offset(ds->pos);
        size_t to = i + 1 < list.size() ? offset(list[i + 1]->pos) : text.size();
        size_t close = text.rfind(')', to == 0 ? 0 : to - 1);
        if (close == std::string::npos || close < from) continue;
        std::string with;
        for (size_t k = 0; k < gd->specs.size(); ++k) {
          auto* vs = gd->specs[k]->as<lang::ValueSpec>();
          if (!vs) continue;
          std::string names;
          for (lang::Ident* n : vs->names) {
            addVar(n);
            names += (names.empty() ? "" : ", ") + n->name;
          }
          if (!vs->values.empty()) {
            size_t vfrom = offset(vs->values[0]->pos);
            size_t vto = k + 1 < gd->specs.size() ? offset(gd->specs[k + 1]->pos) : close;
            with += names + " = " + trim(text.substr(vfrom, vto - vfrom)) + "\n";
          } else {
            for (lang::Ident* n : vs->names)
              if (n->name != "_" && n->obj)
                with += fmt::format("{} = *new({})\n", n->name, types::typeString(n->obj->type));
          }
        }
        edits.emplace_back(from, close + 1 - from, with);
        continue;
      }
      if (gd->specs.size() != 1) continue;
      auto* vs = gd->specs[0]->as<lang::ValueSpec>();
      if (!vs) continue;
      std::string names;
      for (lang::Ident* n : vs->names) {
        addVar(n);
        names += (names.empty() ? "" : ", ") + n->name;
      }
      size_t from = offset(ds->pos);
      if (!vs->values.empty()) {
        size_t to = offset(vs->values[0]->pos);
        edits.emplace_back(from, to - from, names + " = ");
      } else {
        size_t to = i + 1 < list.size() ? offset(list[i + 1]->pos) : text.size();
        std::string zero;
        for (lang::Ident* n : vs->names)
          if (n->name != "_" && n->obj)
            zero += fmt::format("{} = *new({}); ", n->name, types::typeString(n->obj->type));
        edits.emplace_back(from, to - from, zero + "\n");
      }
    }
  }
  std::sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::string body = text;
  for (auto& [at, len, with] : edits)
    if (at <= body.size()) body.replace(at, std::min(len, body.size() - at), with);
  std::vector<SessionVar> vars = vars_;
  for (auto& [name, type] : newVars) {
    auto it = std::find_if(vars.begin(), vars.end(), [&](const SessionVar& v) { return v.name == name; });
    if (it != vars.end()) {
      if (it->type != type) {
        it->type = type;
        it->cell = 0;
      }
    } else {
      vars.push_back({name, type, 0});
    }
  }
  std::vector<Chunk> chunks = chunks_;
  std::erase_if(chunks, [&](const Chunk& c) {
    for (auto& nv : newVars)
      if (c.names.count(nv.first)) return true;
    return false;
  });
  Generated real = generate(body, chunks, imports_, vars, {});
  auto rprog = compile(real, errors);
  if (!rprog) {
    printErr(errors);
    return;
  }
  chunks_ = std::move(chunks);
  execute(*rprog, vars);
  // The variables exist whether or not the statement finished.
  vars_ = std::move(vars);
}

const Chunk* Session::findChunk(const std::string& name) {
  for (const Chunk& c : chunks_)
    if (c.names.count(name)) return &c;
  return nullptr;
}

constexpr const char* kHelp =
    "Type Go: a declaration (func, type, var, const, import) joins the session;\n"
    "a statement runs, and the variables it declares stay; an expression is\n"
    "evaluated and printed with its type. Input continues on the next line\n"
    "while brackets are open.\n"
    "\n"
    "Commands:\n"
    "  :help           this text\n"
    "  :quit           end the session (also end of input, Ctrl-D)\n"
    "  :type EXPR      the type of an expression\n"
    "  :escape NAME    escape analysis decisions for function NAME (T.M for a method)\n"
    "  :disasm NAME    the bytecode of function NAME\n"
    "  :time STMT      run STMT; print its wall time, allocations and GC cycles\n"
    "  :gc             collect now and print the heap figures\n"
    "  :goroutines     each goroutine, with its status and where it waits\n"
    "  :load FILE.gol  add the declarations of a file (not its main)\n"
    "  :reset          forget every declaration and variable\n";

bool Session::command(const std::string& line) {
  std::string cmd = line.substr(1, line.find_first_of(" \t") == std::string::npos ? std::string::npos
                                                                                   : line.find_first_of(" \t") - 1);
  std::string arg = trim(line.substr(1 + cmd.size()));
  if (cmd == "quit" || cmd == "q" || cmd == "exit") return false;
  if (cmd == "help" || cmd == "h" || cmd == "?") {
    out(kHelp);
  } else if (cmd == "type" || cmd == "t") {
    std::string errors;
    lang::Program* prog = nullptr;
    const types::Type* t = exprType(arg, errors, &prog);
    if (!t) printErr(errors);
    else out(types::typeString(t) + "\n");
    kept_.clear();
  } else if (cmd == "reset") {
    chunks_.clear();
    imports_.clear();
    vars_.clear();
    out("(session reset; goroutines already started keep running)\n");
  } else if (cmd == "load") {
    std::ifstream f(arg);
    if (!f) {
      rt::writeStderr(fmt::format("gol: open {}: no such file or directory\n", arg));
      return true;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    // Drop the package clause; the rest is declarations.
    size_t p = text.find("package ");
    if (p != std::string::npos) {
      size_t nl = text.find('\n', p);
      text = std::string(static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(nl), '\n')), '\n') +
             text.substr(nl == std::string::npos ? text.size() : nl);
      text = text.substr(1);
    }
    declarations(text, true);
  } else if (cmd == "gc") {
    Options opt;
    opt.fmt = opt.runtime = true;
    runBody("var __gol_ms __rt.MemStats\n__rt.GC()\n__rt.ReadMemStats(&__gol_ms)\n"
            "__fmt.Printf(\"heap: %d objects, %d bytes in use, %d bytes from the OS; %d GC cycles\\n\", "
            "__gol_ms.HeapObjects, __gol_ms.HeapAlloc, __gol_ms.HeapSys, __gol_ms.NumGC)",
            opt);
  } else if (cmd == "time") {
    Options opt;
    opt.fmt = opt.runtime = opt.time = true;
    std::string body =
        "var __gol_m0, __gol_m1 __rt.MemStats\n__rt.ReadMemStats(&__gol_m0)\n__gol_t0 := __time.Now()\n{\n" + arg +
        "\n}\n__gol_d := __time.Since(__gol_t0)\n__rt.ReadMemStats(&__gol_m1)\n"
        "__fmt.Printf(\"time: %v, %d allocations (%d bytes), %d GC cycles\\n\", __gol_d, "
        "__gol_m1.Mallocs-__gol_m0.Mallocs, __gol_m1.TotalAlloc-__gol_m0.TotalAlloc, __gol_m1.NumGC-__gol_m0.NumGC)";
    std::string errors;
    Generated g = generate(body, chunks_, imports_, vars_, opt);
    for (auto& r : layouts_[g.file].ranges)
      if (r.first == g.bodyLine) r.first += 4;
    auto prog = compile(g, errors);
    if (!prog) printErr(errors);
    else execute(*prog, vars_);
  } else if (cmd == "goroutines") {
    out(remap(vm().goroutines()));
  } else if (cmd == "escape" || cmd == "disasm") {
    const Chunk* c = findChunk(arg);
    if (!c) {
      rt::writeStderr(fmt::format("{}: no function {} in the session\n", cmd, arg));
      return true;
    }
    std::string errors;
    Generated g = generate("", chunks_, imports_, vars_, {});
    auto prog = compile(g, errors);
    if (!prog) {
      printErr(errors);
      return true;
    }
    int first = 0, count = 0;
    for (const auto& r : g.layout.ranges)
      if (r.input == c->input && count == 0) {
        // The chunk's lines: find its text in the generated file.
        size_t at = g.text.find(c->text);
        first = static_cast<int>(std::count(g.text.begin(), g.text.begin() + static_cast<long>(at), '\n')) + 1;
        count = countLines(c->text);
      }
    if (cmd == "escape") {
      std::string report;
      lang::runOnFrontEndStack([&] {
        auto result = lang::escape::analyzeProgram(*prog, 1);
        report = result->render(prog->sources, 1);
      });
      std::istringstream in(report);
      std::string l, text;
      std::string prefix = g.file + ":";
      while (std::getline(in, l)) {
        if (!l.starts_with(prefix)) continue;
        int n = std::atoi(l.c_str() + prefix.size());
        if (n >= first && n < first + count) text += l + "\n";
      }
      Layout lay;
      lay.ranges.push_back({first, count, c->input, 0});
      layouts_[g.file] = lay;
      out(text.empty() ? "(no escape decisions: nothing it allocates or takes the address of)\n" : remap(text));
    } else {
      std::unique_ptr<vm::Module> module;
      lang::runOnFrontEndStack([&] {
        std::unique_ptr<lang::escape::Result> escape = lang::escape::analyzeForCodegen(*prog);
        module = lang::generateModule(*prog, escape.get());
      });
      if (!module) {
        printErr(prog->diags.render());
        return true;
      }
      std::string want = "main." + arg;
      std::string alt;
      if (size_t dot = arg.find('.'); dot != std::string::npos)
        alt = "main.(*" + arg.substr(0, dot) + ")" + arg.substr(dot);
      std::string text;
      for (const auto& fn : module->functions)
        if (fn->name == want || fn->name == alt || fn->name.starts_with(want + ".func"))
          text += vm::disassemble(*module, *fn) + "\n";
      out(remap(text));
    }
  } else {
    rt::writeStderr(fmt::format("unknown command :{} (:help lists them)\n", cmd));
  }
  return true;
}

bool Session::handle(const std::string& raw) {
  std::string text = trim(raw);
  if (text.empty()) return true;
  if (text[0] == ':') {
    ++inputNo_;
    bool go = command(text);
    rt::flushStdout();
    return go;
  }
  ++inputNo_;
  // The first word decides: declarations, or statements and expressions.
  size_t end = 0;
  while (end < text.size() && isIdentChar(text[end])) ++end;
  std::string word = text.substr(0, end);
  bool decl = word == "type" || word == "const" || word == "import";
  if (word == "func") {
    size_t p = text.find_first_not_of(" \t", 4);
    decl = p != std::string::npos && (isIdentChar(text[p]) || (text[p] == '(' && text.find('{') != std::string::npos &&
                                                               text.find(')') < text.find('{') &&
                                                               isIdentChar(text[text.find_first_not_of(" \t", text.find(')') + 1)])));
  }
  if (decl && word == "func") {
    // `func (x int) int { ... }(3)` is a call of a literal, not a method.
    std::vector<std::string> imports;
    std::string errors;
    if (!splitDecls(text, imports, errors)) decl = false;
  }
  if (decl) declarations(text, false);
  else statement(text);
  flushBackground();
  rt::flushStdout();
  return exitCode_ < 0;
}

std::vector<std::string> Session::completions(const std::string& prefix) {
  static const char* kKeywords[] = {"break", "case", "chan", "const", "continue", "default", "defer", "else",
                                    "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
                                    "map", "package", "range", "return", "select", "struct", "switch", "type",
                                    "var", "append", "cap", "close", "copy", "delete", "len", "make", "new",
                                    "panic", "print", "println", "recover", "min", "max", "clear", "true",
                                    "false", "nil", "int", "string", "float64", "bool", "byte", "rune", "error",
                                    "any", ":help", ":quit", ":type", ":escape", ":disasm", ":time", ":gc",
                                    ":goroutines", ":load", ":reset"};
  std::vector<std::string> out;
  size_t dot = prefix.rfind('.');
  if (dot != std::string::npos) {
    std::string pkg = prefix.substr(0, dot), member = prefix.substr(dot + 1);
    for (const Import& im : imports_) {
      if (im.name != pkg) continue;
      auto prog = lang::compileSource("<complete>", "package main\nimport _ \"" + im.path + "\"\nfunc main() {}\n");
      auto it = prog->universe->packages.find(im.path);
      if (it == prog->universe->packages.end()) continue;
      for (types::Object* o : it->second->scope->order)
        if (o->exported() && o->name.starts_with(member)) out.push_back(pkg + "." + o->name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  for (const char* k : kKeywords)
    if (std::string_view(k).starts_with(prefix)) out.emplace_back(k);
  for (const Chunk& c : chunks_)
    for (const std::string& n : c.names)
      if (n.find('.') == std::string::npos && n.starts_with(prefix)) out.push_back(n);
  for (const SessionVar& v : vars_)
    if (v.name.starts_with(prefix)) out.push_back(v.name);
  for (const Import& im : imports_)
    if (im.name.starts_with(prefix)) out.push_back(im.name);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Whether the input so far leaves a bracket, a raw string or a block
// comment open (then the next line continues it).
bool incomplete(const std::string& s) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t e = s.find("*/", i + 2);
      if (e == std::string::npos) return true;
      i = e + 1;
    } else if (c == '`') {
      size_t e = s.find('`', i + 1);
      if (e == std::string::npos) return true;
      i = e;
    } else if (c == '"' || c == '\'') {
      for (++i; i < s.size() && s[i] != c && s[i] != '\n'; ++i)
        if (s[i] == '\\') ++i;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    }
  }
  return depth > 0;
}

// ---------------------------------------------------------------------------
// Line input

Session* gSession = nullptr;

#ifdef GOL_HAVE_LIBEDIT
std::vector<std::string> gMatches;

char* completionGenerator(const char* text, int state) {
  if (state == 0) gMatches = gSession->completions(text);
  if (static_cast<size_t>(state) >= gMatches.size()) return nullptr;
  return strdup(gMatches[static_cast<size_t>(state)].c_str());
}

char** complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;
  return rl_completion_matches(text, completionGenerator);
}

std::string historyPath() {
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.gol_history";
}
#endif

}  // namespace

int runRepl(const Invocation& inv) {
  if (!inv.args.empty()) return usageError(*inv.command, "no arguments expected");
  bool interactive = ::isatty(0) != 0;
  Session session;
  gSession = &session;
#ifdef GOL_HAVE_LIBEDIT
  std::string history = historyPath();
  if (interactive) {
    rl_readline_name = "gol";
    rl_basic_word_break_characters = const_cast<char*>(" \t\n\"\\'`@$><=;|&{(,+-*/%[]!^");
    rl_attempted_completion_function = complete;
    rl_completion_append_character = '\0';
    using_history();
    read_history(history.c_str());
    std::printf("gol repl: type Go, or :help\n");
    std::fflush(stdout);
  }
#endif
#ifndef GOL_HAVE_LIBEDIT
  if (interactive) {
    std::printf("gol repl: type Go, or :help (without line editing: gol was built without libedit)\n");
    std::fflush(stdout);
  }
#endif
  if (interactive) {
    // Ctrl-C stops the input that runs, not the session.
    struct sigaction sa {};
    sa.sa_handler = [](int) { LiveVM::interrupt.store(true); };
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    // Output of goroutines running between inputs shows while the prompt
    // waits (the runtime buffers stdout until a flush).
    std::thread([] {
      for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        rt::flushStdout();
      }
    }).detach();
  }
  std::string pending;
  for (;;) {
    std::string line;
    bool got = false;
#ifdef GOL_HAVE_LIBEDIT
    if (interactive) {
      session.flushBackground();
      char* l = readline(pending.empty() ? "gol> " : "...> ");
      if (l != nullptr) {
        line = l;
        got = true;
        std::free(l);
      }
    }
#endif
    if (!interactive || !got) {
      if (interactive && !got) {
#ifndef GOL_HAVE_LIBEDIT
        std::fputs(pending.empty() ? "gol> " : "...> ", stdout);
        std::fflush(stdout);
        char buf[65536];
        if (std::fgets(buf, sizeof buf, stdin)) {
          line = buf;
          if (!line.empty() && line.back() == '\n') line.pop_back();
          got = true;
        }
#endif
      } else {
        char buf[65536];
        if (std::fgets(buf, sizeof buf, stdin)) {
          line = buf;
          while (!line.empty() && line.back() != '\n' && std::fgets(buf, sizeof buf, stdin)) line += buf;
          if (!line.empty() && line.back() == '\n') line.pop_back();
          got = true;
        }
      }
    }
    if (!got) {
      if (!pending.empty()) session.handle(pending);
      break;
    }
    pending += (pending.empty() ? "" : "\n") + line;
    if (incomplete(pending)) continue;
    std::string input = std::move(pending);
    pending.clear();
#ifdef GOL_HAVE_LIBEDIT
    if (interactive && !trim(input).empty()) {
      add_history(input.c_str());
      write_history(history.c_str());
    }
#endif
    if (!session.handle(input)) break;
  }
  session.flushBackground();
  rt::flushStdout();
  std::fflush(stdout);
  std::fflush(stderr);
  // Goroutines of the session may still run: end without destructors.
  std::_Exit(session.exitCode());
}

}  // namespace gol::tool
