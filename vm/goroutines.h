// Running a program's goroutines on the GMP scheduler (runtime/sched.h).
//
// This is the glue between the interpreter and the scheduler. The
// scheduler moves G pointers between run queues, Ms (OS threads) and wait
// queues; for each turn a G gets, it calls runG() on some M, which runs
// execute() and translates how the turn ended:
//
//   Exit::Yielded   -> RunResult::Yielded   (preempted, Gosched)
//   Exit::Parked    -> RunResult::Parked    (a native parked it: sleep,
//                                            a semaphore, later channels)
//   Exit::Returned  -> Exited; if it was main, the program ends (exit 0)
//                      without waiting for the others, as Go's does
//   Exit::Goexit    -> Exited (main too: the others go on; when none is
//                      left, Go's "no goroutines (main called
//                      runtime.Goexit) - deadlock!")
//   Panicked, Fatal,
//   Exited (os.Exit)-> the program ends: the first report wins (later ones,
//                      from goroutines dying at the same moment on other
//                      Ms, are dropped, as Go's fatalpanic lets one through)
//
// Every M has its own Machine (vm/interp.h: the per-thread state natives
// use to talk to the interpreter), made on the M's first turn.
//
// The live G's are kept on an intrusive list under a mutex, for the
// deadlock report, which prints every waiting goroutine's trace ("goroutine
// 1 [semacquire]:"), as Go does for a runtime fatal error. Dead G's go to
// a free list and are reused with their stacks by later `go` statements
// (Go's gfree), so a program that starts a million short goroutines
// allocates few stacks.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "runtime/sched.h"
#include "vm/interp.h"

namespace gol::vm {

class Goroutines {
 public:
  // `proto` supplies the module and the natives' user pointer; each M
  // gets a Machine like it.
  explicit Goroutines(Machine& proto);
  ~Goroutines();
  Goroutines(const Goroutines&) = delete;
  Goroutines& operator=(const Goroutines&) = delete;

  // Runs function `mainIndex` as goroutine 1, and every goroutine it
  // starts, until main returns or the program dies. GOMAXPROCS comes from
  // the environment (or the number of CPUs).
  RunResult run(uint32_t mainIndex, uint64_t maxStackBytes);

  // The GO instruction, from the parent's M: a new goroutine calling
  // `closure` on `args`. Returns false with m's report set if it cannot.
  bool spawn(Machine& m, rt::G& parent, uint64_t closure, std::span<const uint64_t> args);

  // A goroutine started by the runtime rather than a `go` statement
  // (time.AfterFunc's f), from any thread of the scheduler.
  void spawnDetached(uint64_t closure);

  int64_t count() const;
  // Calls f on every live goroutine (for the collector; the world is
  // stopped, so none of them runs).
  template <typename F>
  void forEachG(F&& f) {
    std::lock_guard lock(allMutex_);
    for (rt::G* g = allHead_; g != nullptr; g = g->allNext) f(*g);
  }
  rt::Scheduler* scheduler() { return sched_.get(); }

  // ---- REPL sessions (tools/gol/repl.cpp) ----
  // In a session, run()'s main G is a keeper that waits in a system call
  // for the session to end, and each input runs as a goroutine of its own
  // module started with startInSession from the session's thread. Such an
  // input G ending (returning, panicking, a fatal error such as a stack
  // overflow) calls `ended` instead of ending the program; a panic in any
  // other goroutine calls `background` with its report and the session
  // goes on (Go would end the program). os.Exit still ends it. Set before
  // run().
  struct SessionHooks {
    std::function<void(rt::G& g, Exit how, const std::string& report)> ended;
    std::function<void(const std::string& report)> background;
  };
  void setSession(SessionHooks hooks) {
    session_ = std::move(hooks);
    sessionMode_ = true;
  }
  // From any thread once run() has started: a new goroutine calling fn
  // (of any module: Function::module) without arguments. Returns its goroutine id
  // (it may have ended by then), or 0 with proto's report set.
  int64_t startInSession(const Function& fn, uint64_t maxStackBytes);
  // Ctrl-C: input G `id` stops at its next safepoint, without running its
  // deferred calls, and `ended` reports Exit::Goexit with the report
  // "interrupted". False (nothing done) when it waits: removeInput then.
  bool interruptInput(int64_t id);
  // The session gives up on input G `id`, which waits (a deadlock, or
  // Ctrl-C): with the world stopped, it is taken off the channel or
  // semaphore queue or the sleep timer it waits on (chanCancelWait,
  // semaCancelWait, Scheduler::cancelSleep) and readied, and its next turn
  // ends it at once, without running its deferred calls, as if it had
  // never been (no `ended` call): it leaves the list of goroutines and the
  // scheduler's count. Until then removed(id) is true and the session
  // hides it.
  void removeInput(int64_t id);
  bool removed(int64_t id);
  const rt::G* mainG() const { return main_; }

 private:
  rt::RunResult runG(rt::G& g);
  rt::RunResult turn(Machine& m, rt::G& g);
  Machine& threadMachine();
  // The program ends with `code`; the first caller's report is printed.
  void finish(int code, const std::string& report);
  int deadlock();
  void link(rt::G* g);
  void unlink(rt::G* g);  // and onto the free list
  rt::G* newG();

  Machine& proto_;
  std::unique_ptr<rt::Scheduler> sched_;
  rt::G* main_ = nullptr;
  std::atomic<int64_t> nextId_{1};

  std::mutex machinesMutex_;
  std::vector<std::unique_ptr<Machine>> machines_;

  std::mutex allMutex_;  // guards the list of live G's and the free list
  rt::G* allHead_ = nullptr;
  std::vector<rt::G*> free_;

  bool sessionMode_ = false;
  SessionHooks session_;
  std::mutex inputsMutex_;
  std::vector<int64_t> inputs_;  // ids of the input G's still running
  // G's to end at their next turn (interruptInput, removeInput), under
  // inputsMutex_; removedCount_ is its size, for a lock-free "none" test at
  // every turn. seq_cst: it is stored before the G's preemption request or
  // ready(), which make the G's M look; a G that misses it looks again at
  // its next turn.
  std::vector<int64_t> removed_;
  std::atomic<int> removedCount_{0};
  bool takeInput(rt::G* g);     // removes g from inputs_; was it there?
  bool takeRemoved(int64_t id);  // removes id from removed_; was it there?

  std::mutex finishMutex_;
  bool finished_ = false;
  RunResult result_;
};

}  // namespace gol::vm
