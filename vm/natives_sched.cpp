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
// Waiting where a G cannot park. A native called back from a native (a
// String method locking a mutex, under fmt) has C++ frames below it that
// cannot be saved; and the unit tests run the interpreter with no
// scheduler at all. There the wait blocks the thread instead: a sleep is
// a nanosleep, a semaphore is polled with a growing pause (50 µs to 1 ms),
// both inside entersyscall/exitsyscall so that the M's P goes to other
// goroutines meanwhile (sysmon hands it off), as a blocking system call's
// does.
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/sema.h"
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

// ---- sync's semaphores ----

bool tryAcquire(uint32_t* addr) {
  uint32_t v = __atomic_load_n(addr, __ATOMIC_SEQ_CST);
  while (v > 0) {
    if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
      return true;
  }
  return false;
}

// Blocks the thread until the semaphore is acquired (see the file
// comment). False if the program ended meanwhile.
bool acquireBlocking(Machine& m, rt::G& g, uint32_t* addr) {
  rt::Scheduler* sched = rt::currentScheduler();
  int64_t pause = 50'000;
  while (!tryAcquire(addr)) {
    if (sched != nullptr) {
      if (sched->exiting()) {
        m.fatalReported = true;  // nothing to print: someone else ended the program
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

template <rt::WaitReason kReason, bool kHasLifo>
bool semacquire(Machine& m, rt::G& g, uint64_t* s) {
  auto* addr = reinterpret_cast<uint32_t*>(s[0]);
  if (addr == nullptr) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return false;
  }
  bool lifo = kHasLifo && s[1] != 0;
  rt::Scheduler* sched = parkingScheduler(g);
  if (sched == nullptr) return acquireBlocking(m, g, addr);
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

const NativeDef kSchedNatives[] = {
    {"runtime.Gosched", gosched},
    {"runtime.Goexit", goexit},
    {"runtime.NumGoroutine", numGoroutine},
    {"runtime.GOMAXPROCS", gomaxprocs},
    {"runtime.NumCPU", numCPU},
    {"time.Sleep", sleep},
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
