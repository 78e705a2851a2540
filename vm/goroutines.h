// Running a program's goroutines: the interim scheduler.
//
// INTERIM (issue 4 replaces it with the GMP scheduler of DESIGN.md §4):
// every goroutine runs on the one thread that calls run(), taking turns
// from a FIFO run queue, like Go with GOMAXPROCS=1. A goroutine gives up
// the thread when it returns, calls runtime.Gosched, or is preempted: a
// monitor thread (started with the second goroutine) asks the running G to
// yield once it has run 10 ms, and the interpreter yields at its next
// safepoint, so `for {}` cannot starve the others. Nothing parks yet
// (channels, locks and timers come with issues 4 and 5), so there is no
// deadlock to detect: when main returns the program ends, without waiting
// for the other goroutines, as in Go.
//
// The monitor thread touches only the running G's atomic preempt fields
// (goroutine.h) and this class's atomics; everything else belongs to the
// thread in run().
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "vm/interp.h"

namespace gol::vm {

class Goroutines {
 public:
  explicit Goroutines(Machine& m);
  ~Goroutines();
  Goroutines(const Goroutines&) = delete;
  Goroutines& operator=(const Goroutines&) = delete;

  // Runs function `mainIndex` as goroutine 1, and every goroutine it
  // starts, until main returns or the program dies.
  RunResult run(uint32_t mainIndex, uint64_t maxStackBytes);

  // The GO instruction: a new goroutine calling `closure` on `args`.
  // Returns false (with the machine's report set) if it cannot start.
  bool spawn(rt::G& parent, uint64_t closure, std::span<const uint64_t> args);

  int64_t count() const { return live_; }

 private:
  void monitor();
  void startMonitor();

  Machine& m_;
  std::deque<rt::G*> runq_;
  std::vector<std::unique_ptr<rt::G>> all_;
  int64_t nextId_ = 1;
  int64_t live_ = 0;

  // Shared with the monitor thread.
  std::atomic<rt::G*> current_{nullptr};
  std::atomic<uint64_t> sliceStart_{0};  // monotonic ns when current_ got the thread
  std::mutex monitorMutex_;
  std::condition_variable monitorWake_;
  bool stopping_ = false;  // guarded by monitorMutex_
  std::thread monitorThread_;
};

}  // namespace gol::vm
