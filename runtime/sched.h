// The GMP scheduler: Ps with lock-free run queues, Ms (OS threads) running
// the schedule loop, sysmon, system calls, timers for sleep, deadlock
// detection. The design essay is at the top of sched.cpp; this header is
// the contract the VM plugs into.
//
// How the VM uses it (the whole protocol):
//
//   Scheduler s(gomaxprocs, hooks);      // hooks.run executes a G for a while
//   int code = s.run(mainG);             // blocks; returns exit's code
//
// Inside hooks.run(g, p) — on an M, holding P number p — the G's code may:
//   - s.spawn(newG)          `go f()`: newG becomes runnable (runnext of this P)
//   - s.ready(otherG)        wake a Waiting G (it goes to this P's runnext)
//   - s.park(g, reason, commit, arg); then return RunResult::Parked
//                            block: the M sets g Waiting, *then* calls
//                            commit(g, arg) (release the channel lock there)
//   - s.sleep(g, ns); then return RunResult::Parked    (time.Sleep)
//   - s.entersyscall(g) ... blocking call ... s.exitsyscall(g)
//                            (entersyscallblock for calls known to block)
//   - semacquire/semrelease  sync.Mutex, WaitGroup... (runtime/sema.h)
//   - return RunResult::Yielded   (preempted at a safepoint, or Gosched)
//   - return RunResult::Exited    (the G is done; hooks.exited(g) may free it)
//   - s.exit(code)           main returned / os.Exit / fatal panic: every M stops
// A G's run is resumed by a later hooks.run call, possibly on another M.
// The G's own state (pc, frames) is the VM's business: the scheduler only
// moves G pointers and writes G::status, waitReason, waitSince, lastP and
// schedLink. It never frees a G: exited ones go to hooks.exited, and the
// ones still queued or waiting when run() returns are the VM's to free.
// When every G is waiting, hooks.deadlock runs (numGoroutine() == 0 means
// main called Goexit and the rest finished: Go's "no goroutines (main
// called runtime.Goexit) - deadlock!").
//
// Threading contract: spawn/ready/exit/numGoroutine/gomaxprocs may be
// called from any thread (from outside an M, G's go to the global queue);
// park/sleep/entersyscall/exitsyscall only by the G's own code inside
// hooks.run. ready(g) requires g to be Waiting: the waker must have found g
// through a structure whose lock g's park commit released (Go's gopark
// unlockf contract); readying a G that has not finished parking is a fatal
// error.
#pragma once

#include <atomic>
#include <cstdlib>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "runtime/goroutine.h"

namespace gol::rt {

// A park's commit: run by the M after the parked G's status is Waiting
// (typically: unlock the wait queue the G put itself on); returning false
// cancels the park (the G runs again at once). See Scheduler::park.
using ParkCommitFn = bool (*)(G& g, void* arg);

// What happened to a G during one hooks.run call.
enum class RunResult : uint8_t {
  Yielded,  // still runnable (preempted at a safepoint or Gosched): requeued
  Parked,   // called park()/sleep() and returned: now Waiting
  Exited,   // finished: Dead, never run again
};

struct SchedulerHooks {
  // Required: run g (status Running) until it yields, parks or exits.
  // pIndex is the P the calling M holds, for per-P caches.
  std::function<RunResult(G& g, int pIndex)> run;
  // Optional: g returned Exited and is Dead; the scheduler has dropped
  // every reference to it, so this may free or recycle it.
  std::function<void(G& g)> exited;
  // Optional: every G is waiting (or none is left) and no timer is
  // pending. Returns the exit code run() returns (the VM prints Go's
  // "fatal error: all goroutines are asleep - deadlock!" and the Waiting
  // G's traces, and returns 2). Runs on an M with no P and no lock held;
  // no other G runs while it does. Default: print Go's line, return 2.
  std::function<int()> deadlock;
  // Optional: where GODEBUG=schedtrace lines go (default: stderr).
  std::function<void(const std::string& line)> trace;
};

// Knobs read from GODEBUG at construction (STYLE.md 9); tests set them
// directly.
struct SchedulerOptions {
  int64_t schedtraceMs = 0;              // GODEBUG=schedtrace=MS; 0: off
  int64_t preemptAfterNs = 10'000'000;   // sysmon's forcePreemptNS (Go: 10 ms)
  // Parse GODEBUG (comma-separated key=value) into the knobs above.
  static SchedulerOptions fromGodebug(const char* godebug);
};

struct SchedulerState;  // sched.cpp

class Scheduler {
 public:
  // gomaxprocs <= 0 means the number of CPUs.
  Scheduler(int gomaxprocs, SchedulerHooks hooks,
            SchedulerOptions options = SchedulerOptions::fromGodebug(std::getenv("GODEBUG")));
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Run until exit() or a deadlock and return the exit code. The calling
  // thread only waits: Gs run on the scheduler's own threads (Ms), so
  // currentScheduler() is nullptr there. mainG must be Idle or Runnable.
  // Call once. Returns without waiting for Ms blocked in a system call
  // (as Go's exit): those threads are detached (abandonedSyscalls()), and
  // as they will run G code again when the call returns, the caller must
  // then exit the process without destroying this Scheduler or the G's
  // (std::exit from a scope that does not own it, or leak it); the
  // destructor, if run anyway, leaks the internal state.
  int run(G* mainG);
  // Stop every M promptly: idle ones are woken, running G's are asked to
  // preempt (they return Yielded at their next safepoint and are not run
  // again). The first call's code wins. Any thread, any time.
  void exit(int code);
  bool exiting() const;
  // After run(): some M was left blocked in a system call (see run).
  bool abandonedSyscalls() const;

  // A new runnable G (status Idle or Runnable). From a G: the current P's
  // runnext (Go's newproc), the previous runnext going to the local queue.
  void spawn(G* g);
  // A Waiting G becomes runnable: the current P's runnext, else global.
  void ready(G* g);

  // Park the calling G (the one hooks.run is running on this M). The G's
  // code must return RunResult::Parked right after. Once the M has made g
  // Waiting it calls commit(g, arg) (if non-null); if commit returns false
  // the park is cancelled and g runs again immediately.
  void park(G& g, WaitReason reason, ParkCommitFn commit = nullptr, void* arg = nullptr);
  // Park the calling G for ns nanoseconds (time.Sleep); then return Parked.
  // ns <= 0 behaves as a yield (Go's Sleep(0) returns at once; the VM
  // should not call sleep for it).
  void sleep(G& g, int64_t ns);

  // Run fn(arg) on some M at (monotonic) time `when` ns, from the
  // scheduler loop with a P held (it may ready/spawn G's). For
  // time.AfterFunc and timer channels. Returns a timer id for cancelTimer.
  uint64_t addTimer(int64_t when, void (*fn)(void* arg), void* arg);
  // Cancel a pending timer; false if it already ran or is running.
  bool cancelTimer(uint64_t id);
  // Cancel the timer that will wake g from sleep(), for the REPL's
  // session (vm::Goroutines::removeInput); true when it was pending: then
  // nothing will ready g but the caller. Any thread.
  bool cancelSleep(G& g);

  // A blocking system call by the calling G: the M keeps g but its P may
  // be handed to another M (by sysmon once the call lasts, or at once with
  // entersyscallblock for calls known to block, such as reading stdin).
  // exitsyscall reacquires a P (the old one, an idle one, or waits for
  // one) before returning; g is Running again.
  void entersyscall(G& g);
  void entersyscallblock(G& g);
  void exitsyscall(G& g);

  // Stopping the world, for the collector. Called from inside hooks.run
  // (the caller's G state saved, so its frames can be walked), or from a
  // thread that is not an M (which then always succeeds). Asks every
  // running G to yield and returns once no other M runs Gol code: the
  // others wait at their schedule points, at timer callbacks and when
  // they leave a system call (an M inside a system call does not count:
  // it must not touch the Gol heap until exitsyscall). Returns false
  // without stopping anything when another M is stopping the world at
  // the same time; the caller has then waited for that stop to end.
  bool stopTheWorld();
  void startTheWorld();
  // For code that cannot return to the scheduler but holds no heap
  // pointers the collector cannot see (a nested call's safepoint): waits
  // out a stop in progress.
  void worldSafepoint();
  bool worldStopRequested() const;

  int gomaxprocs() const;
  // runtime.GOMAXPROCS(n): takes effect at the Ps' next schedule point.
  void setGomaxprocs(int n);
  // G's spawned (or the main G) and not yet exited.
  int64_t numGoroutine() const;
  // Timers not yet fired (sleeps, timer channels, AfterFunc), for a
  // caller that watches for deadlock itself (the REPL's session).
  int64_t pendingTimers() const;

  // Go's "SCHED 12ms: gomaxprocs=2 idleprocs=1 threads=4 ..." line.
  std::string schedtraceLine() const;

  // Monotonic nanoseconds (the clock timers use).
  static int64_t nanotime();

 private:
  std::unique_ptr<SchedulerState> s_;
};

// The scheduler the calling thread is an M of (nullptr elsewhere), for
// natives that have only a G.
Scheduler* currentScheduler();
// The G the calling M is running (nullptr if none, or not an M).
G* currentG();
// The index of the P the calling M holds, or -1 (not an M, or in a
// syscall). It can differ from hooks.run's pIndex after exitsyscall.
int currentPIndex();

// A P's local run queue: a bounded ring (Go's runq). Single producer (the
// M owning the P puts and gets), many consumers (stealers grab half).
// Protocol and memory orders in sched.cpp ("The local run queue").
class LocalRunQueue {
 public:
  static constexpr uint32_t kSize = 256;

  // Owner only. False when full: the caller then calls takeHalfForOverflow.
  [[nodiscard]] bool put(G* g);
  // Owner only, when put failed: removes the older half of the queue into
  // out[0..n) (n = kSize/2) and returns n, or 0 if a stealer got there
  // first (then put again).
  uint32_t takeHalfForOverflow(G** out);
  // Owner only.
  G* get();
  // The caller must own *this (not victim): moves about half of victim's
  // G's into this queue and returns one of them (not queued), or nullptr.
  G* stealFrom(LocalRunQueue& victim);
  // Racy snapshot, any thread.
  uint32_t size() const;
  bool empty() const { return size() == 0; }

 private:
  // Copies about half of this queue into dest's ring starting at
  // destTail, claiming them; returns how many (0: empty).
  uint32_t grab(LocalRunQueue& dest, uint32_t destTail);

  std::atomic<uint32_t> head_{0};  // consumers advance it by CAS
  std::atomic<uint32_t> tail_{0};  // only the owner stores it
  std::atomic<G*> slots_[kSize] = {};
};

}  // namespace gol::rt
