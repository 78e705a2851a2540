// Natives that talk to the scheduler: package runtime's goroutine
// functions, time.Sleep, and the runtime semaphores package sync is built
// on (see vm/natives.h for the calling convention).
//
// sync's Mutex, RWMutex, WaitGroup, Cond and Once are Gol code
// (stdlib/sync/sync.gol) over sync/atomic and five natives here:
// runtime_Semacquire* (one per wait reason, so that a deadlock trace says
// "semacquire", "sync.Mutex.Lock", ...), runtime_Semrelease, and
// runtime_nanotime; `fatal` stops the program as Go's sync.fatal does
// ("fatal error: sync: unlock of unlocked mutex", not recoverable).
//
// Parking (vm/interp.h): a native that must wait parks its G with the
// scheduler and returns false after m.requestPark(...). time.Sleep resumes
// after the call; a semaphore acquire that parked calls the native again
// with the same arguments when the G is woken (runtime/sema.h: the woken
// G competes for the count again, or finds it handed over).
//
// time.NewTimer, AfterFunc and NewTicker are runtime timers (below).
//
// Waiting where a G cannot park. A native called back from a native (a
// String method locking a mutex, under fmt) has C++ frames below it that
// cannot be saved; and the unit tests run the interpreter with no
// scheduler at all. There the wait blocks the thread instead: a sleep is
// a nanosleep, a semaphore (and, in vm/interp.cpp, a channel operation)
// is polled by waitPolling with a growing pause, 20 µs to 1 ms; both
// inside entersyscall/exitsyscall so that the M's P goes to other
// goroutines meanwhile (sysmon hands it off), as a blocking system
// call's does.
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/chan.h"
#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/sema.h"
#include "vm/gc.h"
#include "vm/goroutines.h"
#include "vm/natives.h"

namespace gol::vm {

namespace {

// The scheduler g may park with, or null where it must block its thread.
rt::Scheduler* parkingScheduler(const rt::G& g) {
  return g.nestedCalls == 0 ? rt::currentScheduler() : nullptr;
}

void sleepThread(int64_t ns) {
  timespec req{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
  while (nanosleep(&req, &req) != 0 && errno == EINTR) {
  }
}

// ---- runtime ----

bool numGoroutine(Machine& m, rt::G&, uint64_t* s) {
  s[0] = static_cast<uint64_t>(m.goroutines != nullptr ? m.goroutines->count() : 1);
  return true;
}

bool gosched(Machine& m, rt::G& g, uint64_t*) {
  if (g.nestedCalls > 0) return true;  // cannot give up the M here; Go's Gosched only hints
  m.requestYield();
  return false;
}

bool goexit(Machine& m, rt::G&, uint64_t*) {
  m.requestGoexit();
  return false;
}

int64_t cpuCount() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? n : 1;
}

// runtime.GOMAXPROCS(n): the previous setting; n < 1 only asks.
bool gomaxprocs(Machine& m, rt::G&, uint64_t* s) {
  auto n = static_cast<int64_t>(s[0]);
  rt::Scheduler* sched = m.goroutines != nullptr ? m.goroutines->scheduler() : nullptr;
  static int64_t alone = 1;  // no scheduler (unit tests): one thread
  int64_t old = sched != nullptr ? sched->gomaxprocs() : alone;
  if (n >= 1) {
    n = std::min<int64_t>(n, 1024);
    if (sched != nullptr) sched->setGomaxprocs(static_cast<int>(n));
    else alone = n;
  }
  s[0] = static_cast<uint64_t>(old);
  return true;
}

bool numCPU(Machine&, rt::G&, uint64_t* s) {
  s[0] = static_cast<uint64_t>(cpuCount());
  return true;
}

// ---- time ----

bool sleep(Machine& m, rt::G& g, uint64_t* s) {
  auto d = static_cast<int64_t>(s[0]);
  if (d <= 0) return true;
  rt::flushStdout();  // Go's stdout is unbuffered: what was printed shows while we sleep
  if (rt::Scheduler* sched = parkingScheduler(g)) {
    sched->sleep(g, d);
    m.requestPark(Resume::AfterCall);
    return false;
  }
  rt::Scheduler* sched = rt::currentScheduler();
  if (sched != nullptr) sched->entersyscall(g);
  sleepThread(d);
  if (sched != nullptr) sched->exitsyscall(g);
  return true;
}

// ---- time's runtime timers ----
//
// A RuntimeTimer is what a time.Timer or Ticker names (by address, in its
// `r` field). It lives in C++ memory and knows its owner, the Timer or
// Ticker: at the end of each cycle's marking (freeDeadTimers) a timer that
// is neither pending nor firing and whose owner is unmarked is freed, as
// Go frees a timer no one can reach. Only pending or firing timers are
// roots (scanTimers); the others' channel and function are kept by the
// owner's fields. Arming it adds a scheduler timer (per-P, fired
// from the schedule loop, runtime/sched.h) whose argument is a Firing
// stamped with the arm's generation; stopping or re-arming bumps the
// generation under the record's lock, so a firing that was already
// running when it was cancelled finds itself stale and does nothing. A
// firing sends the time without blocking on a channel that has room for
// one value (Go's sendTime), or starts f in a new goroutine (AfterFunc);
// a ticker re-arms itself one period later first.

struct RuntimeTimer;

struct Firing {
  RuntimeTimer* timer;
  uint64_t generation;
};

struct RuntimeTimer {
  std::mutex mu;
  uint64_t owner = 0;  // the *time.Timer or *time.Ticker
  rt::Chan* c = nullptr;
  uint64_t loc = 0;      // *time.Location of the times sent
  uint64_t closure = 0;  // AfterFunc's f, or 0
  Goroutines* goroutines = nullptr;
  rt::Scheduler* sched = nullptr;
  // Under mu:
  uint64_t generation = 0;
  bool pending = false;
  uint64_t timerId = 0;        // the scheduler's, while pending
  Firing* firing = nullptr;    // its argument, while pending
  int64_t when = 0, period = 0;
  int outstanding = 0;  // Firings made and not yet finished or cancelled
};

constexpr int64_t kUnixToInternal = 62135596800;  // time.gol's unixToInternal

void fireTimer(void* arg);

// Under t.mu.
void armLocked(RuntimeTimer& t, int64_t when) {
  t.when = when;
  t.pending = true;
  t.firing = new Firing{&t, t.generation};
  ++t.outstanding;
  t.timerId = t.sched->addTimer(when, fireTimer, t.firing);
}

// Under t.mu: cancel the pending scheduler timer; true if it was pending.
bool disarmLocked(RuntimeTimer& t) {
  bool was = t.pending;
  ++t.generation;
  if (t.pending && t.sched->cancelTimer(t.timerId)) {
    delete t.firing;
    --t.outstanding;
  }  // else it runs, finds itself stale
  t.pending = false;
  t.firing = nullptr;
  return was;
}

void fireTimer(void* arg) {
  auto* f = static_cast<Firing*>(arg);
  RuntimeTimer& t = *f->timer;
  bool stale;
  {
    std::lock_guard lock(t.mu);
    stale = f->generation != t.generation || !t.pending;
    if (!stale) {
      t.pending = false;
      t.firing = nullptr;
      if (t.period > 0) armLocked(t, std::max(t.when + t.period, rt::Scheduler::nanotime()));
    }
  }
  delete f;
  if (!stale) {
    if (t.closure != 0) {
      t.goroutines->spawnDetached(t.closure);
    } else {
      timespec wall{};
      clock_gettime(CLOCK_REALTIME, &wall);
      uint64_t now[4] = {static_cast<uint64_t>(static_cast<int64_t>(wall.tv_sec) + kUnixToInternal),
                         static_cast<uint64_t>(static_cast<int64_t>(wall.tv_nsec)),
                         static_cast<uint64_t>(rt::Scheduler::nanotime()), t.loc};
      (void)rt::chanSend(*t.sched, t.c, now, nullptr, false);  // full: the tick is dropped
    }
  }
  std::lock_guard lock(t.mu);  // done with t: the collector may free it now
  --t.outstanding;
}

// Every live RuntimeTimer. A pending or firing one's channel, location
// and function are roots: it will use them whoever else drops them.
std::mutex allTimersLock;
std::vector<RuntimeTimer*>& allTimers() {
  static auto* v = new std::vector<RuntimeTimer*>;
  return *v;
}

// With the world stopped, no timer callback runs and no native holds a
// timer's lock, so the locks below are free.
void scanTimers(gc::Visit visit, void* ctx) {
  std::lock_guard<std::mutex> l(allTimersLock);
  for (RuntimeTimer* t : allTimers()) {
    std::lock_guard lock(t->mu);
    if (!t->pending && t->outstanding == 0) continue;
    visit(reinterpret_cast<uint64_t>(t->c), ctx);
    visit(t->loc, ctx);
    visit(t->closure, ctx);
  }
}

// At mark termination: frees the timers that are idle and whose owner is
// unreachable.
void freeDeadTimers() {
  std::lock_guard<std::mutex> l(allTimersLock);
  auto& all = allTimers();
  size_t kept = 0;
  for (RuntimeTimer* t : all) {
    bool dead;
    {
      std::lock_guard lock(t->mu);
      dead = !t->pending && t->outstanding == 0 && !gc::isMarked(t->owner);
    }
    if (dead) delete t;
    else all[kept++] = t;
  }
  all.resize(kept);
}

bool newRuntimeTimer(Machine& m, rt::G&, uint64_t* s) {
  auto* t = new RuntimeTimer;
  t->owner = s[1];  // s[0] is the interface's type word
  t->c = reinterpret_cast<rt::Chan*>(s[2]);
  t->loc = s[3];
  t->closure = s[4];
  t->goroutines = m.goroutines;
  t->sched = m.goroutines != nullptr ? m.goroutines->scheduler() : nullptr;
  if (t->sched == nullptr) {
    delete t;
    m.requestFatal("timers outside the scheduler");
    return false;
  }
  static std::once_flag registered;  // outside allTimersLock: the collector takes its lock first
  std::call_once(registered, [] {
    gc::addRootScanner(scanTimers);
    gc::addMarkTerminationHook(freeDeadTimers);
  });
  {
    std::lock_guard<std::mutex> l(allTimersLock);
    allTimers().push_back(t);
  }
  s[0] = reinterpret_cast<uint64_t>(t);
  return true;
}

bool armTimer(Machine&, rt::G&, uint64_t* s) {
  auto& t = *reinterpret_cast<RuntimeTimer*>(s[0]);
  auto d = static_cast<int64_t>(s[1]);
  std::lock_guard lock(t.mu);
  bool was = disarmLocked(t);
  t.period = static_cast<int64_t>(s[2]);
  int64_t now = rt::Scheduler::nanotime();
  armLocked(t, d > 0 && d < INT64_MAX - now ? now + d : (d > 0 ? INT64_MAX : now));
  s[0] = was ? 1 : 0;
  return true;
}

bool stopTimer(Machine&, rt::G&, uint64_t* s) {
  auto& t = *reinterpret_cast<RuntimeTimer*>(s[0]);
  std::lock_guard lock(t.mu);
  s[0] = disarmLocked(t) ? 1 : 0;
  return true;
}

// ---- sync's semaphores ----

bool tryAcquire(uint32_t* addr) {
  uint32_t v = __atomic_load_n(addr, __ATOMIC_SEQ_CST);
  while (v > 0) {
    if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
      return true;
  }
  return false;
}

template <rt::WaitReason kReason, bool kHasLifo>
bool semacquire(Machine& m, rt::G& g, uint64_t* s) {
  auto* addr = reinterpret_cast<uint32_t*>(s[0]);
  if (addr == nullptr) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return false;
  }
  bool lifo = kHasLifo && s[1] != 0;
  rt::Scheduler* sched = parkingScheduler(g);
  if (sched == nullptr) return waitPolling(m, g, [&] { return tryAcquire(addr); });
  if (rt::semacquire(*sched, addr, g, lifo, kReason) == rt::SemaAcquire::Acquired) return true;
  m.requestPark(Resume::RetryCall);
  return false;
}

bool semrelease(Machine& m, rt::G& g, uint64_t* s) {
  auto* addr = reinterpret_cast<uint32_t*>(s[0]);
  if (addr == nullptr) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return false;
  }
  bool handoff = s[1] != 0;
  rt::Scheduler* sched = rt::currentScheduler();
  if (sched == nullptr) {
    __atomic_add_fetch(addr, 1, __ATOMIC_SEQ_CST);
    return true;
  }
  rt::semrelease(*sched, addr, handoff);
  // A handoff gives the lock to a waiter that should run soon: yield to it
  // (Go's semrelease does the same), where the G can.
  if (handoff && g.nestedCalls == 0) {
    m.requestYield();
    return false;
  }
  return true;
}

bool nanotime(Machine&, rt::G&, uint64_t* s) {
  s[0] = static_cast<uint64_t>(rt::Scheduler::nanotime());
  return true;
}

bool syncFatal(Machine& m, rt::G&, uint64_t* s) {
  m.requestFatal(std::string(reinterpret_cast<const char*>(s[0]), s[1]), rt::FatalError::Throw);
  return false;
}

constexpr bool kLifo = true;

}  // namespace

bool waitPolling(Machine& m, rt::G& g, const std::function<bool()>& ready) {
  rt::Scheduler* sched = rt::currentScheduler();
  int64_t pause = 20'000;
  while (!ready()) {
    if (sched != nullptr) {
      if (sched->exiting()) {
        m.fatalReported = true;
        return false;
      }
      sched->entersyscall(g);
    }
    sleepThread(pause);
    if (sched != nullptr) sched->exitsyscall(g);
    pause = std::min<int64_t>(pause * 2, 1'000'000);
  }
  return true;
}

namespace {

const NativeDef kSchedNatives[] = {
    {"runtime.Gosched", gosched},
    {"runtime.Goexit", goexit},
    {"runtime.NumGoroutine", numGoroutine},
    {"runtime.GOMAXPROCS", gomaxprocs},
    {"runtime.NumCPU", numCPU},
    {"time.Sleep", sleep},
    {"time.newRuntimeTimer", newRuntimeTimer},
    {"time.armTimer", armTimer},
    {"time.stopTimer", stopTimer},
    {"sync.runtime_Semacquire", semacquire<rt::WaitReason::Semacquire, !kLifo>},
    {"sync.runtime_SemacquireMutex", semacquire<rt::WaitReason::SyncMutexLock, kLifo>},
    {"sync.runtime_SemacquireRWMutexR", semacquire<rt::WaitReason::SyncRWMutexRLock, kLifo>},
    {"sync.runtime_SemacquireRWMutex", semacquire<rt::WaitReason::SyncRWMutexLock, kLifo>},
    {"sync.runtime_SemacquireCond", semacquire<rt::WaitReason::SyncCondWait, !kLifo>},
    {"sync.runtime_Semrelease", semrelease},
    {"sync.runtime_nanotime", nanotime},
    {"sync.fatal", syncFatal},
};

}  // namespace

std::span<const NativeDef> schedNatives() { return kSchedNatives; }

}  // namespace gol::vm
