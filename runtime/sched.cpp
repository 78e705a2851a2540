// The GMP scheduler.
//
// Three kinds of object, as Go's runtime/proc.go:
//   G  a goroutine (runtime/goroutine.h): a slot stack and a saved pc. It
//      has no native stack, so "switching" to it is a call of
//      hooks.run(g) and "switching away" is that call returning.
//   M  an OS thread (std::thread) running the schedule loop. Ms are
//      created on demand (M0 by run(), which then only waits for exit:
//      the caller's thread runs no G, so run() can return while an M is
//      blocked in a system call) and never exit before the scheduler
//      does; an M with nothing to do parks on a futex (Note) in the
//      idle-M list.
//   P  the right to run Gol code: GOMAXPROCS of them. An M runs Gs only
//      while it holds a P. A P owns a local run queue, a runnext slot, a
//      timer heap and a schedtick.
//
// Run queues. Each P has a bounded ring of 256 G pointers (LocalRunQueue)
// with a single producer — the M holding the P — and many consumers: the
// owner takes from the head, and idle Ms steal half of it from the head
// too. head and tail are 32-bit counters that only grow (indexes are taken
// mod 256), so tail - head is the length even across wrap-around.
//   put (owner): load head (acquire), store the slot (relaxed), store
//     tail+1 (release). The release publishes the slot and the G's fields
//     to any consumer that loads tail with acquire; the acquire on head
//     makes a stealer's reads of the slots it claimed happen before we
//     overwrite them (stealers CAS head with release).
//   get/steal (any consumer): load head (acquire) and tail (acquire), copy
//     the slots, then claim them with a CAS on head (release). A slot copy
//     can race with the owner refilling it after another consumer moved
//     head; the CAS then fails and the copy is discarded. The slots are
//     relaxed atomics so that this benign race is not a data race.
//   overflow (owner, queue full): claim the older half with the same CAS
//     and move it, plus the new G, to the global queue in one lock.
// runnext holds a G readied by the running G (spawn, ready): it runs next
// and inherits the time slice (schedtick is not advanced), so a producer
// and a consumer ping-ponging through a channel run as a pair and are
// preempted as a pair. Putting into runnext kicks the previous occupant
// to the tail of the local queue. Stealers take runnext only in their
// last round, after a 3 µs pause if its P is running, giving the owner a
// chance to run it with warm caches (Go does the same).
// The global run queue is a list through G::schedLink under sched.lock;
// runqsize is an atomic mirror for lock-free emptiness checks. It takes
// Gs readied from outside any M, yielded or preempted Gs (as Go's
// goschedImpl), and overflow. Every 61st schedtick an M takes one G from
// it before its local queue, so local ping-pong cannot starve it.
//
// Finding work (findRunnable): timers due on this P; the global queue on
// the 61st tick; runnext and the local queue; the global queue (a batch,
// runqsize/GOMAXPROCS+1, into the local queue); timers due on any P; then
// stealing: four rounds over all Ps from a random start, taking half of a
// victim's queue (runnext too in the last round). Only a bounded number of
// Ms spin like this: at most half the busy Ps (2*nmspinning < GOMAXPROCS -
// npidle), as Go, so a burst of idle Ms does not contend on every queue.
// An M that found nothing gives its P back and, if it was spinning, drops
// the spinning count and then looks at every queue once more before
// parking (the "delicate dance" of Go's findRunnable): a G made runnable
// concurrently is either seen by this re-check, or its producer sees
// nmspinning == 0 in wakep and starts an M. Both sides use seq_cst
// (fetch_sub / a fence), so one of them sees the other's write.
//
// wakep: when a G becomes runnable and there is an idle P and no spinning
// M, start (or wake) one M, spinning, with an idle P. A spinning M that
// finds work stops spinning and, if it was the last spinner, calls wakep
// so that more work finds more Ms (Go's resetspinning).
//
// Parking Ms: stopm puts the M on the idle list (under sched.lock) and
// sleeps on its Note. A waker pops it under the lock, sets m->nextp (the P
// to run with; nullptr for "exit" or "timer kick") and calls
// Note::wakeup, whose release publishes nextp. One idle M at a time sleeps
// with a timeout (timerSleeper), until the earliest timer of any P, so a
// sleeping G is woken with no M polling; addTimer kicks it when the new
// timer is earlier.
//
// sysmon: a thread with no P, waking every 20 µs, backing off to 10 ms
// when it finds nothing to do. For each P: if the P has been running the
// same G (its schedtick unchanged) for 10 ms, it asks that G to yield
// (G::requestPreempt; the interpreter yields at its next safepoint and
// hooks.run returns Yielded; the G goes to the global queue). If the P has
// been in a system call since sysmon's previous look (syscalltick
// unchanged), and it has work queued or no M is idle or spinning, or the
// call passed 10 ms, sysmon takes the P (CAS Syscall -> Idle) and hands it
// off: to a new M when there is work, else to the idle list. It also
// prints the GODEBUG=schedtrace line.
//
// System calls: entersyscall publishes status Syscall (release) and the M
// keeps its G but not its P. exitsyscall tries, in order: its old P (CAS
// Syscall -> Running; acquire, pairs with sysmon's CAS), an idle P, and
// otherwise waits on the syscall-waiter list: the G is on this M's native
// stack inside hooks.run, so unlike Go it cannot be queued for another M.
// Waiters take priority: a P released by anyone goes to a waiter first,
// and a running M gives its P to a waiter at its next schedule point.
//
// Deadlock: stopm checks, under sched.lock, whether this M is the last
// one not idle (an M in a syscall or waiting to leave one is not idle),
// with no G queued and no timer pending. Then nothing can ever become
// runnable again (only external threads calling ready, which gol does not
// have), so the deadlock hook runs and the scheduler exits with its code.
//
// Exit: exit(code) sets `exiting`, wakes every idle M and syscall waiter
// and asks every running G to preempt; an M seeing `exiting` drops the G
// it was running and returns from its loop; run() joins them all, except
// Ms blocked in a system call: those are detached and the scheduler's
// state is leaked (the process is about to exit, as Go's would).
//
// GOMAXPROCS: Ps are allocated up to kMaxProcs and never freed. Lowering
// it stops Ps with index >= GOMAXPROCS at their next schedule point (their
// queues move to the global queue) or when they are taken from the idle
// list; raising it puts the stopped Ps back on the idle list.
//
// Invariants:
//   - A G is in at most one place: a local queue slot, a runnext, the
//     global queue, a timer, a wait queue, or running on one M.
//   - Only the M holding a P puts into its local queue or stores its tail;
//     a P is held by at most one M (P status Running or Syscall).
//   - An idle P (on the idle list) has an empty local queue and runnext.
//   - A runnable G with an idle P implies a spinning or running M that
//     will see it (the wakep / spinning handshake above).
//   - ready(g) only for a Waiting g; the park commit runs after Waiting.
//
// Stopping the world (for the collector): an M raises its inWorld flag
// while it runs Gol code — around hooks.run and timer callbacks — and
// lowers it for the length of a system call. The stopper (the
// collector's thread, or an M inside hooks.run with its G's state saved)
// sets worldStopping, asks every running G to yield, and waits until no
// other M's flag is up. An M entering Gol code while the world is
// stopping backs out and waits on worldCv; since it enters only at those
// points, every other G is then at a safepoint with its state saved in
// the G, and no other thread touches the Gol heap. Entering is a store to
// the M's own flag (a cache line of its own) and one load of a flag that
// rarely changes, so a goroutine switch writes nothing shared. An M
// leaving a system call enters after it has a P again, so the stopper
// never waits for an M that waits for a P. One stopper at a time
// (stwOwner); a second one waits out the first instead.
//
// Lock order: sched.lock before P::timersLock and P::curLock; the latter
// two are never held together. hooks.run, hooks.exited, park commits and
// timer callbacks run with no scheduler lock held.
#include "runtime/sched.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

namespace gol::rt {

namespace {

constexpr int kMaxProcs = 256;
constexpr uint32_t kGlobalFairnessTicks = 61;
constexpr int kStealRounds = 4;
constexpr int64_t kSyscallRetakeAfterNs = 10'000'000;
constexpr int64_t kSysmonMinDelayNs = 20'000;
constexpr int64_t kSysmonMaxDelayNs = 10'000'000;

[[noreturn]] void fatal(const char* msg) {
  std::fprintf(stderr, "fatal error: %s\n", msg);
  std::fflush(stderr);
  std::_Exit(2);
}

// A one-shot wakeup on a futex (Go's note). clear() before each use; one
// wakeup() per sleep. key is atomic because waker and sleeper are
// different threads; wakeup's release / sleep's acquire publish whatever
// the waker wrote before (m->nextp).
class Note {
 public:
  void clear() { key_.store(0, std::memory_order_relaxed); }
  void wakeup() {
    key_.store(1, std::memory_order_release);
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&key_), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
  }
  void sleep() {
    while (key_.load(std::memory_order_acquire) == 0) {
      syscall(SYS_futex, reinterpret_cast<uint32_t*>(&key_), FUTEX_WAIT_PRIVATE, 0, nullptr, nullptr, 0);
    }
  }
  // False on timeout (deadline in Scheduler::nanotime's clock).
  bool sleepUntil(int64_t deadline) {
    while (key_.load(std::memory_order_acquire) == 0) {
      int64_t left = deadline - Scheduler::nanotime();
      if (left <= 0) return false;
      timespec ts{static_cast<time_t>(left / 1'000'000'000), static_cast<long>(left % 1'000'000'000)};
      syscall(SYS_futex, reinterpret_cast<uint32_t*>(&key_), FUTEX_WAIT_PRIVATE, 0, &ts, nullptr, 0);
    }
    return true;
  }

 private:
  std::atomic<uint32_t> key_{0};
};
static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t));

enum class PStatus : uint8_t { Idle, Running, Syscall, Stopped };

struct Timer {
  int64_t when;
  uint64_t id;
  G* g;                 // ready g, or
  void (*fn)(void*);    // call fn(arg)
  void* arg;
};
struct TimerLater {
  bool operator()(const Timer& a, const Timer& b) const { return a.when > b.when; }
};

}  // namespace

struct M;

struct P {
  explicit P(int index) : id(index) {}
  const int id;
  // Written by whoever holds or takes the P; read by sysmon and stealers.
  // Transitions that hand the P between threads are release/acquire CASes
  // (Syscall -> Idle by sysmon, Syscall -> Running by exitsyscall).
  std::atomic<PStatus> status{PStatus::Idle};
  LocalRunQueue runq;
  // Stored by the owner, CASed to nullptr by stealers: acq_rel so a G's
  // fields travel with it.
  std::atomic<G*> runnext{nullptr};
  // Written only by the owner, read by sysmon to see "same G for 10 ms":
  // relaxed, it orders nothing else.
  std::atomic<uint32_t> schedtick{0};
  std::atomic<uint32_t> syscalltick{0};  // same, for "same syscall"
  // The G running on this P, for sysmon's and exit's preemption requests:
  // under curLock so a G is never poked after its M let go of it (it may
  // be freed by hooks.exited).
  std::mutex curLock;
  G* curG = nullptr;
  P* link = nullptr;  // idle list, under sched.lock
  std::mutex timersLock;
  std::vector<Timer> timers;  // a min-heap on when, under timersLock
  // The heap's earliest `when` (0: empty), for lock-free "anything due?"
  // checks; written under timersLock, relaxed reads are only a hint
  // re-checked under the lock.
  std::atomic<int64_t> timer0When{0};
  // sysmon's private view (only the sysmon thread touches these).
  uint32_t sysmonSchedtick = 0, sysmonSyscalltick = 0;
  int64_t sysmonSchedwhen = 0, sysmonSyscallwhen = 0;
};

struct M {
  int id = 0;
  SchedulerState* sched = nullptr;
  std::thread thread;
  P* p = nullptr;      // the P it holds; only this M reads or writes it
  P* nextp = nullptr;  // set by a waker under sched.lock before note.wakeup
  P* oldp = nullptr;   // P held before entersyscall
  G* curg = nullptr;
  bool spinning = false;
  Note note;
  M* link = nullptr;   // idle list or syscall-waiter list, under sched.lock
  uint64_t rand = 0;
  int64_t sleepWhen = 0;  // Scheduler::sleep -> its park commit
  // Scheduler::park -> execute, on this thread (kept here, not in the G:
  // it never leaves the M, and G's are many).
  ParkCommitFn parkCommit = nullptr;
  void* parkArg = nullptr;
  // For run()'s final join, which must not wait for a blocking syscall:
  // set by this M, read by run()'s thread (release/acquire: `finished`
  // publishes the M's last writes before the join).
  std::atomic<bool> inSyscall{false};
  std::atomic<bool> finished{false};
  // Running Gol code (see "Stopping the world"); on a line of its own, as
  // it changes at every goroutine switch.
  alignas(64) std::atomic<bool> inWorld{false};
};

namespace {
thread_local M* tlsM = nullptr;
}

struct SchedulerState {
  Scheduler* self = nullptr;
  SchedulerHooks hooks;
  SchedulerOptions options;
  int64_t startTime = 0;

  std::mutex lock;  // sched.lock
  // Global run queue (under lock); runqsize mirrors its length for
  // lock-free peeks. seq_cst: it takes part in wakep's Dekker check.
  G* runqHead = nullptr;
  G* runqTail = nullptr;
  std::atomic<int32_t> runqsize{0};
  // Idle Ps (under lock); npidle mirrors the count for lock-free reads
  // (seq_cst, part of the spinning bound and wakep checks).
  P* pidle = nullptr;
  std::atomic<int32_t> npidle{0};
  // Idle Ms and Ms waiting for a P to leave a syscall (under lock).
  M* midle = nullptr;
  std::atomic<int32_t> nmidle{0};  // atomic only for schedtrace
  M* syscallWaiters = nullptr;
  std::atomic<int32_t> nsyscallWaiters{0};  // peeked by schedule; seq_cst
  M* timerSleeper = nullptr;  // the idle M sleeping until the next timer
  int64_t timerSleeperUntil = 0;
  std::vector<std::unique_ptr<M>> allm;  // under lock
  std::atomic<int32_t> nmspinning{0};    // seq_cst: Dekker with queue puts
  std::atomic<int32_t> gomaxprocs{1};    // read everywhere, relaxed suffices
  // allp[i] is written once, before nallp grows past i (release); readers
  // load nallp with acquire.
  std::atomic<P*> allp[kMaxProcs] = {};
  std::atomic<int32_t> nallp{0};
  std::atomic<bool> exiting{false};  // seq_cst: paired with curG publishes
  int exitCode = 0;                  // under lock
  bool deadlockHandled = false;      // under lock
  bool abandonedSyscalls = false;    // run() left Ms in syscalls (caller's thread only)
  // Live G's (NumGoroutine): bumped by any M, read anywhere; a counter
  // ordering nothing else, but left seq_cst as it is off the hot path.
  std::atomic<int64_t> gcount{0};
  // Pending timers over all Ps. Changed outside sched.lock but read under
  // it by the deadlock check: the increment happens before the adding M
  // can go idle (program order, then its lock), so a pending timer is
  // never missed. seq_cst.
  std::atomic<int64_t> ntimers{0};
  std::atomic<uint64_t> nextTimerId{1};  // unique ids only: relaxed
  // Stopping the world (the collector; see "Stopping the world" above).
  // Each M's inWorld flag says it runs Gol code; worldStopping asks them
  // to stay out. seq_cst: an M sets its flag then reads worldStopping, the
  // stopper sets worldStopping then reads the flags (a Dekker pair), so
  // one of them sees the other.
  std::atomic<bool> worldStopping{false};
  std::mutex worldLock;                  // for worldCv only
  std::condition_variable worldCv;       // "count changed" and "world restarted"
  std::mutex stwOwner;                   // held by the M that stopped the world
  std::thread sysmonThread;
  Note sysmonNote;
  Note exitNote;  // run()'s caller sleeps on it until shutdown

  // ---- global run queue (caller holds lock) ----
  void globPutLocked(G* g) {
    g->schedLink = nullptr;
    if (runqTail) runqTail->schedLink = g; else runqHead = g;
    runqTail = g;
    runqsize.fetch_add(1);
  }
  G* globPopLocked() {
    G* g = runqHead;
    if (!g) return nullptr;
    runqHead = g->schedLink;
    if (!runqHead) runqTail = nullptr;
    g->schedLink = nullptr;
    runqsize.fetch_sub(1);
    return g;
  }
  // Takes a fair share of the global queue: returns one G, moves up to
  // max-1 more (max 0: no limit) into pp's local queue.
  G* globGetLocked(P* pp, int max) {
    int32_t size = runqsize.load();
    if (size == 0) return nullptr;
    int32_t n = size / std::max(1, gomaxprocs.load(std::memory_order_relaxed)) + 1;
    n = std::min(n, size);
    if (max > 0) n = std::min(n, max);
    n = std::min<int32_t>(n, LocalRunQueue::kSize / 2);
    G* g = globPopLocked();
    for (int32_t i = 1; i < n; i++) {
      G* more = globPopLocked();
      if (!pp->runq.put(more)) {  // full: leave it in the global queue
        globPutLocked(more);
        break;
      }
    }
    return g;
  }

  // ---- local run queue ----
  void runqput(P* pp, G* g, bool next) {
    if (next) {
      g = pp->runnext.exchange(g, std::memory_order_acq_rel);
      if (!g) return;
    }
    while (!pp->runq.put(g)) {
      G* batch[LocalRunQueue::kSize / 2 + 1];
      uint32_t n = pp->runq.takeHalfForOverflow(batch);
      if (n == 0) continue;  // a stealer made room
      batch[n++] = g;
      std::lock_guard<std::mutex> l(lock);
      for (uint32_t i = 0; i < n; i++) globPutLocked(batch[i]);
      return;
    }
  }
  // Returns {g, inheritTime}.
  std::pair<G*, bool> runqget(P* pp) {
    G* next = pp->runnext.load(std::memory_order_relaxed);
    if (next && pp->runnext.compare_exchange_strong(next, nullptr, std::memory_order_acq_rel))
      return {next, true};
    return {pp->runq.get(), false};
  }
  static bool runqEmpty(P* pp) {
    return pp->runq.empty() && pp->runnext.load(std::memory_order_relaxed) == nullptr;
  }
  // Moves everything queued on pp (held by the caller) to the global queue.
  void drainLocalLocked(P* pp) {
    if (G* n = pp->runnext.exchange(nullptr, std::memory_order_acq_rel)) globPutLocked(n);
    while (G* g = pp->runq.get()) globPutLocked(g);
  }

  // ---- Ps and Ms (caller holds lock) ----
  void pidlePutLocked(P* pp) {
    if (pp->id >= gomaxprocs.load(std::memory_order_relaxed)) {
      drainLocalLocked(pp);
      pp->status.store(PStatus::Stopped, std::memory_order_release);
      return;
    }
    if (!runqEmpty(pp)) fatal("runtime: idle P with a non-empty run queue");
    pp->status.store(PStatus::Idle, std::memory_order_release);
    pp->link = pidle;
    pidle = pp;
    npidle.fetch_add(1);
  }
  P* pidleGetLocked() {
    while (P* pp = pidle) {
      pidle = pp->link;
      pp->link = nullptr;
      npidle.fetch_sub(1);
      if (pp->id >= gomaxprocs.load(std::memory_order_relaxed)) {
        pp->status.store(PStatus::Stopped, std::memory_order_release);
        continue;
      }
      pp->status.store(PStatus::Running, std::memory_order_release);
      return pp;
    }
    return nullptr;
  }
  // A P nobody holds: to an M waiting to leave a syscall, else idle.
  void releasePLocked(P* pp) {
    if (pp->id < gomaxprocs.load(std::memory_order_relaxed) && syscallWaiters) {
      M* w = syscallWaiters;
      syscallWaiters = w->link;
      nsyscallWaiters.fetch_sub(1);
      pp->status.store(PStatus::Running, std::memory_order_release);
      w->nextp = pp;
      w->note.wakeup();
      return;
    }
    pidlePutLocked(pp);
  }
  void mputLocked(M* m) {
    m->link = midle;
    midle = m;
    nmidle.fetch_add(1, std::memory_order_relaxed);
  }
  M* mgetLocked() {
    M* m = midle;
    if (!m) return nullptr;
    midle = m->link;
    m->link = nullptr;
    nmidle.fetch_sub(1, std::memory_order_relaxed);
    if (timerSleeper == m) timerSleeper = nullptr;
    return m;
  }
  bool mremoveLocked(M* m) {
    for (M** at = &midle; *at; at = &(*at)->link) {
      if (*at == m) {
        *at = m->link;
        m->link = nullptr;
        nmidle.fetch_sub(1, std::memory_order_relaxed);
        if (timerSleeper == m) timerSleeper = nullptr;
        return true;
      }
    }
    return false;
  }
  void acquirep(M* m, P* pp) {
    m->p = pp;
    pp->status.store(PStatus::Running, std::memory_order_release);
  }

  // Start an M (a parked one, else a new thread) with pp (nullptr: an idle
  // P, if any). `spinning`: the caller already counted it in nmspinning.
  void startm(P* pp, bool spinning) {
    std::lock_guard<std::mutex> l(lock);
    if (exiting.load()) {
      if (pp) pidlePutLocked(pp);
      if (spinning) nmspinning.fetch_sub(1);
      return;
    }
    if (!pp) pp = pidleGetLocked();
    if (!pp) {
      if (spinning) nmspinning.fetch_sub(1);
      return;
    }
    if (M* nm = mgetLocked()) {
      nm->spinning = spinning;
      nm->nextp = pp;
      nm->note.wakeup();
      return;
    }
    newMLocked(pp, spinning);
  }

  // A new M (OS thread) that starts with pp. Created under the lock so
  // run()'s join sees the thread object.
  void newMLocked(P* pp, bool spinning) {
    auto nm = std::make_unique<M>();
    nm->id = static_cast<int>(allm.size());
    nm->sched = this;
    nm->rand = 0x9e3779b97f4a7c15ULL * (nm->id + 1);
    nm->spinning = spinning;
    nm->nextp = pp;
    M* raw = nm.get();
    allm.push_back(std::move(nm));
    raw->thread = std::thread([this, raw] { mstart(raw); });
  }

  void wakep() {
    if (exiting.load()) return;
    // Pairs with the spinning M's fetch_sub + re-check (file comment).
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (npidle.load() == 0) return;
    int32_t zero = 0;
    if (nmspinning.load() != 0 || !nmspinning.compare_exchange_strong(zero, 1)) return;
    startm(nullptr, true);
  }

  void resetspinning(M* m) {
    m->spinning = false;
    if (nmspinning.fetch_sub(1) == 1) wakep();
  }

  void handoffp(P* pp) {
    if (!runqEmpty(pp) || runqsize.load() > 0) {
      startm(pp, false);
      return;
    }
    int32_t zero = 0;
    if (nmspinning.load() + npidle.load() == 0 && nmspinning.compare_exchange_strong(zero, 1)) {
      startm(pp, true);
      return;
    }
    std::lock_guard<std::mutex> l(lock);
    releasePLocked(pp);
  }

  // ---- timers ----
  // Takes the first pending timer that `match` accepts off its P's heap;
  // false if none (it ran already or is running).
  template <typename Match>
  bool removeTimer(Match&& match) {
    int32_t np = nallp.load(std::memory_order_acquire);
    for (int32_t i = 0; i < np; i++) {
      P* pp = allp[i].load(std::memory_order_relaxed);
      std::lock_guard<std::mutex> l(pp->timersLock);
      auto& h = pp->timers;
      auto it = std::find_if(h.begin(), h.end(), match);
      if (it == h.end()) continue;
      h.erase(it);
      std::make_heap(h.begin(), h.end(), TimerLater{});
      pp->timer0When.store(h.empty() ? 0 : h.front().when, std::memory_order_relaxed);
      ntimers.fetch_sub(1);
      return true;
    }
    return false;
  }

  void addTimerTo(P* pp, Timer t) {
    ntimers.fetch_add(1);
    {
      std::lock_guard<std::mutex> l(pp->timersLock);
      pp->timers.push_back(t);
      std::push_heap(pp->timers.begin(), pp->timers.end(), TimerLater{});
      pp->timer0When.store(pp->timers.front().when, std::memory_order_relaxed);
    }
    // Make sure some M will wake for it.
    M* kick = nullptr;
    {
      std::lock_guard<std::mutex> l(lock);
      if (timerSleeper && t.when < timerSleeperUntil) {
        kick = timerSleeper;
        mremoveLocked(kick);
      } else if (!timerSleeper && midle) {
        // Idle Ms all sleep without a timeout: wake one to become the
        // timer sleeper (the calling M may stay busy for a whole slice).
        kick = mgetLocked();
      }
      if (kick) kick->nextp = nullptr;
    }
    if (kick) kick->note.wakeup();
    else if (!tlsM || tlsM->sched != this) wakep();
  }
  int64_t earliestTimer() {
    int64_t best = 0;
    int32_t n = nallp.load(std::memory_order_acquire);
    for (int32_t i = 0; i < n; i++) {
      int64_t w = allp[i].load(std::memory_order_relaxed)->timer0When.load(std::memory_order_relaxed);
      if (w != 0 && (best == 0 || w < best)) best = w;
    }
    return best;
  }
  // Runs the timers of `from` due by now; readied Gs go to `to` (held by
  // the calling M). Returns whether any ran.
  bool runTimers(P* from, P* to, int64_t now) {
    int64_t first = from->timer0When.load(std::memory_order_relaxed);
    if (first == 0 || first > now) return false;
    std::vector<Timer> due;
    {
      std::lock_guard<std::mutex> l(from->timersLock);
      auto& h = from->timers;
      while (!h.empty() && h.front().when <= now) {
        std::pop_heap(h.begin(), h.end(), TimerLater{});
        due.push_back(h.back());
        h.pop_back();
      }
      from->timer0When.store(h.empty() ? 0 : h.front().when, std::memory_order_relaxed);
    }
    ntimers.fetch_sub(static_cast<int64_t>(due.size()));
    for (const Timer& t : due) {
      if (t.g) {
        t.g->status = GStatus::Runnable;
        runqput(to, t.g, false);
      } else {
        enterWorld();
        t.fn(t.arg);
        leaveWorld();
      }
    }
    if (!due.empty()) wakep();
    return !due.empty();
  }

  // ---- stopping the world ----
  void enterWorld() {
    M* m = tlsM;
    for (;;) {
      m->inWorld.store(true);
      if (!worldStopping.load()) return;
      leaveWorld();
      std::unique_lock<std::mutex> l(worldLock);
      worldCv.wait(l, [&] { return !worldStopping.load(); });
    }
  }
  void leaveWorld() {
    tlsM->inWorld.store(false);
    if (worldStopping.load()) {
      std::lock_guard<std::mutex> l(worldLock);
      worldCv.notify_all();
    }
  }

  // ---- the schedule loop ----
  void mstart(M* m) {
    tlsM = m;
    if (m->nextp) {
      acquirep(m, m->nextp);
      m->nextp = nullptr;
    }
    while (!exiting.load()) schedule(m);
    if (m->spinning) {
      m->spinning = false;
      nmspinning.fetch_sub(1);
    }
    if (P* pp = m->p) {
      m->p = nullptr;
      std::lock_guard<std::mutex> l(lock);
      drainLocalLocked(pp);
      pidlePutLocked(pp);
    }
    tlsM = nullptr;
    m->finished.store(true, std::memory_order_release);
  }

  void schedule(M* m) {
    auto [g, inherit] = findRunnable(m);
    if (!g) return;  // exiting
    if (m->spinning) resetspinning(m);
    execute(m, g, inherit);
  }

  // Gives up m's P when a syscall waiter or a GOMAXPROCS cut needs it.
  // Returns true if it did (the M then has no P).
  bool yieldPIfNeeded(M* m) {
    P* pp = m->p;
    bool stop = pp->id >= gomaxprocs.load(std::memory_order_relaxed);
    if (!stop && nsyscallWaiters.load() == 0) return false;
    std::lock_guard<std::mutex> l(lock);
    if (stop) {
      drainLocalLocked(pp);
      pp->status.store(PStatus::Stopped, std::memory_order_release);
    } else if (syscallWaiters) {
      // Our queued Gs go with the P to the waiter's M.
      releasePLocked(pp);
    } else {
      return false;
    }
    m->p = nullptr;
    if (m->spinning) {
      m->spinning = false;
      nmspinning.fetch_sub(1);
    }
    return true;
  }

  std::pair<G*, bool> findRunnable(M* m) {
    for (;;) {
      if (exiting.load()) return {nullptr, false};
      if (!m->p || yieldPIfNeeded(m)) {
        stopm(m);
        continue;
      }
      P* pp = m->p;
      // The clock is read only when some timer exists.
      int64_t now = ntimers.load(std::memory_order_relaxed) > 0 ? Scheduler::nanotime() : 0;
      if (now != 0) runTimers(pp, pp, now);

      if (pp->schedtick.load(std::memory_order_relaxed) % kGlobalFairnessTicks == 0 &&
          runqsize.load() > 0) {
        std::lock_guard<std::mutex> l(lock);
        if (G* g = globGetLocked(pp, 1)) return {g, false};
      }
      if (auto r = runqget(pp); r.first) return r;
      if (runqsize.load() > 0) {
        std::lock_guard<std::mutex> l(lock);
        if (G* g = globGetLocked(pp, 0)) return {g, false};
      }
      // Timers due on other Ps (their Ms may be busy or parked).
      int32_t np = nallp.load(std::memory_order_acquire);
      bool ran = false;
      for (int32_t i = 0; i < np && now != 0; i++) ran |= runTimers(allp[i].load(std::memory_order_relaxed), pp, now);
      if (ran) {
        if (auto r = runqget(pp); r.first) return r;
      }

      int32_t busy = gomaxprocs.load(std::memory_order_relaxed) - npidle.load();
      if (m->spinning || 2 * nmspinning.load() < busy) {
        if (!m->spinning) {
          m->spinning = true;
          nmspinning.fetch_add(1);
        }
        if (G* g = stealWork(m, pp)) return {g, false};
      }

      // Nothing: give the P back and park.
      {
        std::lock_guard<std::mutex> l(lock);
        if (exiting.load()) return {nullptr, false};
        if (runqsize.load() > 0) {
          if (G* g = globGetLocked(pp, 0)) return {g, false};
        }
        if (!runqEmpty(pp)) continue;  // a timer callback queued something
        m->p = nullptr;
        releasePLocked(pp);
      }
      if (m->spinning) {
        m->spinning = false;
        nmspinning.fetch_sub(1);  // seq_cst: then re-check every queue
        if (recheckAfterSpinning(m)) continue;
      }
      stopm(m);
    }
  }

  // After dropping the spinning count: is there work after all? If so,
  // take an idle P and become spinning again.
  bool recheckAfterSpinning(M* m) {
    // Pairs with wakep's fence: either wakep sees our decrement, or we see
    // the G it published (the two fences are ordered in S).
    std::atomic_thread_fence(std::memory_order_seq_cst);
    bool work = runqsize.load() > 0;
    int32_t np = nallp.load(std::memory_order_acquire);
    for (int32_t i = 0; i < np && !work; i++) work = !runqEmpty(allp[i].load(std::memory_order_relaxed));
    if (!work) return false;
    std::lock_guard<std::mutex> l(lock);
    P* pp = pidleGetLocked();
    if (!pp) return false;
    acquirep(m, pp);
    m->spinning = true;
    nmspinning.fetch_add(1);
    return true;
  }

  G* stealWork(M* m, P* pp) {
    int32_t np = nallp.load(std::memory_order_acquire);
    for (int round = 0; round < kStealRounds; round++) {
      bool last = round == kStealRounds - 1;
      m->rand ^= m->rand << 13;
      m->rand ^= m->rand >> 7;
      m->rand ^= m->rand << 17;
      int32_t start = static_cast<int32_t>(m->rand % static_cast<uint64_t>(np));
      for (int32_t k = 0; k < np; k++) {
        if (exiting.load()) return nullptr;
        P* victim = allp[(start + k) % np].load(std::memory_order_relaxed);
        if (victim == pp) continue;
        if (G* g = pp->runq.stealFrom(victim->runq)) return g;
        if (last) {
          G* next = victim->runnext.load(std::memory_order_acquire);
          if (next) {
            if (victim->status.load(std::memory_order_relaxed) == PStatus::Running) {
              // Let the victim's M run it first, with warm caches.
              std::this_thread::sleep_for(std::chrono::microseconds(3));
              next = victim->runnext.load(std::memory_order_acquire);
            }
            if (next && victim->runnext.compare_exchange_strong(next, nullptr, std::memory_order_acq_rel))
              return next;
          }
        }
      }
    }
    return nullptr;
  }

  // Would this M going idle leave nothing able to run, ever? Caller holds
  // lock.
  bool deadLocked() {
    if (exiting.load() || deadlockHandled) return false;
    if (nmidle.load(std::memory_order_relaxed) + 1 != static_cast<int32_t>(allm.size())) return false;
    if (ntimers.load() > 0 || runqsize.load() > 0 || syscallWaiters) return false;
    int32_t np = nallp.load(std::memory_order_acquire);
    for (int32_t i = 0; i < np; i++) {
      P* pp = allp[i].load(std::memory_order_relaxed);
      if (!runqEmpty(pp) || pp->status.load(std::memory_order_acquire) == PStatus::Syscall) return false;
    }
    return true;
  }

  // Park m (which holds no P) until it is given one, or exit. Returns with
  // m->p set, or with exiting set.
  void stopm(M* m) {
    bool mayWaitForTimer = true;
    for (;;) {
      int64_t until = 0;
      {
        std::unique_lock<std::mutex> l(lock);
        if (exiting.load()) return;
        if (m->p) return;
        if (deadLocked()) {
          deadlockHandled = true;
          l.unlock();
          int code = hooks.deadlock ? hooks.deadlock() : defaultDeadlock();
          shutdown(code);
          return;
        }
        // Work left in the global queue (a P stopped by a GOMAXPROCS cut
        // drains its queue there) with a P free to run it: take them
        // rather than sleep with runnable goroutines stranded.
        if (runqsize.load() > 0) {
          if (P* pp = pidleGetLocked()) {
            acquirep(m, pp);
            return;
          }
        }
        m->note.clear();
        m->nextp = nullptr;
        mputLocked(m);
        if (mayWaitForTimer && ntimers.load() > 0 && timerSleeper == nullptr) {
          until = earliestTimer();
          if (until != 0) {
            timerSleeper = m;
            timerSleeperUntil = until;
          }
        }
      }
      if (until != 0 && !m->note.sleepUntil(until)) {
        // Timed out: leave the idle list, unless a waker already took us
        // off it (then its wakeup is coming).
        bool removed;
        {
          std::lock_guard<std::mutex> l(lock);
          removed = mremoveLocked(m);
        }
        if (!removed) m->note.sleep();
      } else if (until == 0) {
        m->note.sleep();
      }
      if (exiting.load()) return;
      if (P* pp = m->nextp) {
        m->nextp = nullptr;
        acquirep(m, pp);
        return;
      }
      // A timer is due (timeout or kick): take a P to run it. With no idle
      // P every P is busy and runs its own timers at its next schedule
      // point; sleeping with a timeout again would only spin, so wait for
      // a plain wakeup (the M that next releases a P takes over the timer).
      int64_t first = earliestTimer();
      if (first != 0 && first <= Scheduler::nanotime()) {
        std::lock_guard<std::mutex> l(lock);
        if (P* pp = pidleGetLocked()) {
          acquirep(m, pp);
          return;
        }
        mayWaitForTimer = false;
      }
    }
  }

  void execute(M* m, G* g, bool inheritTime) {
    for (;;) {
      P* pp = m->p;
      g->status = GStatus::Running;
      g->lastP = pp->id;
      m->curg = g;
      if (!inheritTime) pp->schedtick.store(pp->schedtick.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
      g->clearPreempt();
      publishCurG(pp, g);
      enterWorld();
      RunResult r = hooks.run(*g, pp->id);
      leaveWorld();
      pp = m->p;  // a syscall inside run may have changed it
      if (pp) publishCurG(pp, nullptr);
      m->curg = nullptr;
      if (r != RunResult::Parked && m->parkCommit)
        fatal("runtime: park not followed by RunResult::Parked");
      switch (r) {
        case RunResult::Yielded:
          g->status = GStatus::Runnable;
          if (!exiting.load()) {
            std::lock_guard<std::mutex> l(lock);
            globPutLocked(g);
          }
          return;
        case RunResult::Parked: {
          g->status = GStatus::Waiting;
          g->waitSince = Scheduler::nanotime();
          ParkCommitFn commit = m->parkCommit;
          void* arg = m->parkArg;
          m->parkCommit = nullptr;
          m->parkArg = nullptr;
          // After this the G may be readied, run and freed elsewhere.
          if (commit && !commit(*g, arg)) {
            if (exiting.load() || !m->p) {
              g->status = GStatus::Runnable;
              return;
            }
            inheritTime = true;
            continue;
          }
          return;
        }
        case RunResult::Exited:
          g->status = GStatus::Dead;
          gcount.fetch_sub(1);
          if (hooks.exited) hooks.exited(*g);
          return;
      }
      return;
    }
  }

  void publishCurG(P* pp, G* g) {
    {
      std::lock_guard<std::mutex> l(pp->curLock);
      pp->curG = g;
    }
    // exit() sets exiting, then pokes every curG: one of us sees the other.
    if (g && exiting.load()) g->requestPreempt();
  }

  void preemptone(P* pp) {
    std::lock_guard<std::mutex> l(pp->curLock);
    if (pp->curG) pp->curG->requestPreempt();
  }

  // ---- exit and deadlock ----
  static int defaultDeadlock() {
    std::fputs("fatal error: all goroutines are asleep - deadlock!\n", stderr);
    return 2;
  }

  void shutdown(int code) {
    {
      std::lock_guard<std::mutex> l(lock);
      if (exiting.load()) return;
      exitCode = code;
      exiting.store(true);
      while (M* m = mgetLocked()) {
        m->nextp = nullptr;
        m->note.wakeup();
      }
      while (M* w = syscallWaiters) {
        syscallWaiters = w->link;
        nsyscallWaiters.fetch_sub(1);
        w->nextp = nullptr;
        w->note.wakeup();
      }
    }
    int32_t np = nallp.load(std::memory_order_acquire);
    for (int32_t i = 0; i < np; i++) preemptone(allp[i].load(std::memory_order_relaxed));
    sysmonNote.wakeup();
    exitNote.wakeup();
  }

  // ---- sysmon ----
  void sysmon() {
    int64_t delay = kSysmonMinDelayNs;
    int idle = 0;
    // Go prints the first line at sysmon's first tick ("SCHED 0ms").
    int64_t lastTrace = startTime - options.schedtraceMs * 1'000'000;
    while (!exiting.load()) {
      if (idle == 0) delay = kSysmonMinDelayNs;
      else if (idle > 50) delay = std::min(delay * 2, kSysmonMaxDelayNs);
      sysmonNote.sleepUntil(Scheduler::nanotime() + delay);
      if (exiting.load()) break;
      int64_t now = Scheduler::nanotime();
      if (retake(now) > 0) idle = 0;
      else idle++;
      if (options.schedtraceMs > 0 && now - lastTrace >= options.schedtraceMs * 1'000'000) {
        lastTrace = now;
        std::string line = traceLine();
        if (hooks.trace) hooks.trace(line);
        else std::fprintf(stderr, "%s\n", line.c_str());
      }
    }
  }

  int retake(int64_t now) {
    int n = 0;
    int32_t np = nallp.load(std::memory_order_acquire);
    for (int32_t i = 0; i < np; i++) {
      P* pp = allp[i].load(std::memory_order_relaxed);
      PStatus s = pp->status.load(std::memory_order_acquire);
      if (s == PStatus::Running) {
        uint32_t t = pp->schedtick.load(std::memory_order_relaxed);
        if (pp->sysmonSchedtick != t) {
          pp->sysmonSchedtick = t;
          pp->sysmonSchedwhen = now;
        } else if (now - pp->sysmonSchedwhen >= options.preemptAfterNs) {
          // Repeated every tick until the G yields; not counted as work
          // done (as Go), so a G deaf to it does not keep sysmon at 20 µs.
          preemptone(pp);
        }
      } else if (s == PStatus::Syscall) {
        uint32_t t = pp->syscalltick.load(std::memory_order_relaxed);
        if (pp->sysmonSyscalltick != t) {
          pp->sysmonSyscalltick = t;
          pp->sysmonSyscallwhen = now;
          continue;
        }
        if (runqEmpty(pp) && runqsize.load() == 0 && nmspinning.load() + npidle.load() > 0 &&
            now - pp->sysmonSyscallwhen < kSyscallRetakeAfterNs)
          continue;
        PStatus expect = PStatus::Syscall;
        if (pp->status.compare_exchange_strong(expect, PStatus::Idle, std::memory_order_acq_rel)) {
          n++;
          handoffp(pp);
        }
      }
    }
    return n;
  }

  std::string traceLine() {
    std::lock_guard<std::mutex> l(lock);
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "SCHED %lldms: gomaxprocs=%d idleprocs=%d threads=%d spinningthreads=%d "
                  "needspinning=0 idlethreads=%d runqueue=%d [",
                  static_cast<long long>((Scheduler::nanotime() - startTime) / 1'000'000),
                  gomaxprocs.load(std::memory_order_relaxed), npidle.load(),
                  static_cast<int>(allm.size()) + 1, nmspinning.load(),
                  nmidle.load(std::memory_order_relaxed), runqsize.load());
    std::string line = buf;
    int32_t np = std::min(nallp.load(std::memory_order_acquire), gomaxprocs.load(std::memory_order_relaxed));
    for (int32_t i = 0; i < np; i++) {
      if (i > 0) line += ' ';
      line += std::to_string(allp[i].load(std::memory_order_relaxed)->runq.size());
    }
    line += ']';
    return line;
  }

  // Ps up to n exist (caller holds lock).
  void growAllpLocked(int32_t n) {
    int32_t have = nallp.load(std::memory_order_relaxed);
    for (int32_t i = have; i < n; i++) {
      P* pp = new P(i);
      pp->status.store(PStatus::Stopped, std::memory_order_relaxed);
      allp[i].store(pp, std::memory_order_relaxed);
    }
    if (n > have) nallp.store(n, std::memory_order_release);
  }

  static bool sleepCommit(G& g, void* arg) {
    auto* m = static_cast<M*>(arg);
    Timer t{m->sleepWhen, m->sched->nextTimerId.fetch_add(1, std::memory_order_relaxed), &g, nullptr, nullptr};
    m->sched->addTimerTo(m->p ? m->p : m->sched->allp[0].load(std::memory_order_relaxed), t);
    return true;
  }
};

// ---- LocalRunQueue ----

bool LocalRunQueue::put(G* g) {
  uint32_t h = head_.load(std::memory_order_acquire);
  uint32_t t = tail_.load(std::memory_order_relaxed);
  if (t - h >= kSize) return false;
  slots_[t % kSize].store(g, std::memory_order_relaxed);
  tail_.store(t + 1, std::memory_order_release);
  return true;
}

uint32_t LocalRunQueue::takeHalfForOverflow(G** out) {
  uint32_t h = head_.load(std::memory_order_acquire);
  uint32_t t = tail_.load(std::memory_order_relaxed);
  uint32_t n = (t - h) / 2;
  if (n != kSize / 2) return 0;
  for (uint32_t i = 0; i < n; i++) out[i] = slots_[(h + i) % kSize].load(std::memory_order_relaxed);
  if (!head_.compare_exchange_strong(h, h + n, std::memory_order_release, std::memory_order_relaxed)) return 0;
  return n;
}

G* LocalRunQueue::get() {
  for (;;) {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_relaxed);
    if (t == h) return nullptr;
    G* g = slots_[h % kSize].load(std::memory_order_relaxed);
    if (head_.compare_exchange_weak(h, h + 1, std::memory_order_release, std::memory_order_relaxed)) return g;
  }
}

uint32_t LocalRunQueue::grab(LocalRunQueue& dest, uint32_t destTail) {
  for (;;) {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_acquire);  // publishes the slots and their Gs
    uint32_t n = t - h;
    n -= n / 2;
    if (n == 0) return 0;
    if (n > kSize / 2) continue;  // h and t read at different times: retry
    for (uint32_t i = 0; i < n; i++) {
      dest.slots_[(destTail + i) % kSize].store(slots_[(h + i) % kSize].load(std::memory_order_relaxed),
                                               std::memory_order_relaxed);
    }
    if (head_.compare_exchange_strong(h, h + n, std::memory_order_release, std::memory_order_relaxed)) return n;
  }
}

G* LocalRunQueue::stealFrom(LocalRunQueue& victim) {
  uint32_t t = tail_.load(std::memory_order_relaxed);
  uint32_t n = victim.grab(*this, t);
  if (n == 0) return nullptr;
  n--;
  G* g = slots_[(t + n) % kSize].load(std::memory_order_relaxed);
  if (n == 0) return g;
  uint32_t h = head_.load(std::memory_order_acquire);
  if (t - h + n >= kSize) fatal("runtime: runqsteal: runq overflow");
  tail_.store(t + n, std::memory_order_release);
  return g;
}

uint32_t LocalRunQueue::size() const {
  for (;;) {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_acquire);
    if (head_.load(std::memory_order_acquire) == h) return t - h;
  }
}

// ---- Scheduler ----

SchedulerOptions SchedulerOptions::fromGodebug(const char* godebug) {
  SchedulerOptions o;
  if (!godebug) return o;
  std::string s = godebug;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find(',', pos);
    if (end == std::string::npos) end = s.size();
    std::string kv = s.substr(pos, end - pos);
    if (kv.rfind("schedtrace=", 0) == 0) o.schedtraceMs = std::atoll(kv.c_str() + 11);
    pos = end + 1;
  }
  return o;
}

int64_t Scheduler::nanotime() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Scheduler::Scheduler(int gomaxprocs, SchedulerHooks hooks, SchedulerOptions options)
    : s_(std::make_unique<SchedulerState>()) {
  if (gomaxprocs <= 0) gomaxprocs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  gomaxprocs = std::min(gomaxprocs, kMaxProcs);
  s_->self = this;
  s_->hooks = std::move(hooks);
  s_->options = options;
  s_->startTime = nanotime();
  if (!s_->hooks.run) fatal("runtime: Scheduler needs a run hook");
  std::lock_guard<std::mutex> l(s_->lock);
  s_->gomaxprocs.store(gomaxprocs, std::memory_order_relaxed);
  s_->growAllpLocked(gomaxprocs);
  for (int i = gomaxprocs - 1; i >= 0; i--) s_->pidlePutLocked(s_->allp[i].load(std::memory_order_relaxed));
}

Scheduler::~Scheduler() {
  if (s_->abandonedSyscalls) {
    // An M is still in a system call and will touch the state when it
    // returns: leak it (the process is exiting).
    (void)s_.release();
    return;
  }
  if (s_->sysmonThread.joinable()) {
    s_->shutdown(0);
    s_->sysmonThread.join();
  }
  for (auto& m : s_->allm)
    if (m->thread.joinable()) m->thread.join();
  int32_t np = s_->nallp.load(std::memory_order_acquire);
  for (int32_t i = 0; i < np; i++) delete s_->allp[i].load(std::memory_order_relaxed);
}

int Scheduler::run(G* mainG) {
  SchedulerState& s = *s_;
  s.startTime = nanotime();
  s.gcount.fetch_add(1);
  mainG->status = GStatus::Runnable;
  {
    std::lock_guard<std::mutex> l(s.lock);
    P* pp = s.pidleGetLocked();
    if (!pp) fatal("runtime: no P for the main goroutine");
    // No M holds pp yet: queueing on it here is the owner's put.
    s.runqput(pp, mainG, true);
    // M0 is a thread of its own, not the caller's: the caller must be
    // free to return while an M is blocked in a system call.
    s.newMLocked(pp, false);
  }
  s.sysmonThread = std::thread([&s] { s.sysmon(); });
  s.exitNote.sleep();
  s.sysmonThread.join();
  std::vector<M*> ms;
  {
    std::lock_guard<std::mutex> l(s.lock);
    for (auto& m : s.allm) ms.push_back(m.get());
  }
  // Wait for every M, except those blocked in a system call (reading
  // stdin, say): Go's exit does not wait for them either. Those are
  // detached, and the state they will touch when the call returns is
  // leaked so that it stays valid until the process exits.
  bool stuck;
  for (;;) {
    stuck = false;
    bool waiting = false;
    for (M* m : ms) {
      if (m->finished.load(std::memory_order_acquire)) continue;
      if (m->inSyscall.load(std::memory_order_acquire)) stuck = true;
      else waiting = true;
    }
    if (!waiting) break;
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  for (M* m : ms) {
    if (m->finished.load(std::memory_order_acquire)) m->thread.join();
    else m->thread.detach();
  }
  int code;
  {
    std::lock_guard<std::mutex> l(s.lock);
    code = s.exitCode;
  }
  s.abandonedSyscalls = stuck;
  return code;
}

void Scheduler::exit(int code) { s_->shutdown(code); }
bool Scheduler::exiting() const { return s_->exiting.load(); }
bool Scheduler::abandonedSyscalls() const { return s_->abandonedSyscalls; }

void Scheduler::spawn(G* g) {
  s_->gcount.fetch_add(1);
  g->status = GStatus::Runnable;
  M* m = tlsM;
  if (m && m->sched == s_.get() && m->p) {
    s_->runqput(m->p, g, true);
  } else {
    std::lock_guard<std::mutex> l(s_->lock);
    s_->globPutLocked(g);
  }
  s_->wakep();
}

void Scheduler::ready(G* g) {
  if (g->status != GStatus::Waiting) fatal("runtime: ready of a goroutine that is not waiting");
  g->status = GStatus::Runnable;
  M* m = tlsM;
  if (m && m->sched == s_.get() && m->p) {
    s_->runqput(m->p, g, true);
  } else {
    std::lock_guard<std::mutex> l(s_->lock);
    s_->globPutLocked(g);
  }
  s_->wakep();
}

void Scheduler::park(G& g, WaitReason reason, ParkCommitFn commit, void* arg) {
  M* m = tlsM;
  if (!m || m->curg != &g) fatal("runtime: park of a goroutine not running on this M");
  g.waitReason = reason;
  m->parkCommit = commit;
  m->parkArg = arg;
}

void Scheduler::sleep(G& g, int64_t ns) {
  M* m = tlsM;
  if (!m || m->curg != &g) fatal("runtime: sleep of a goroutine not running on this M");
  m->sleepWhen = nanotime() + std::max<int64_t>(ns, 0);
  park(g, WaitReason::Sleep, &SchedulerState::sleepCommit, m);
}

uint64_t Scheduler::addTimer(int64_t when, void (*fn)(void* arg), void* arg) {
  uint64_t id = s_->nextTimerId.fetch_add(1, std::memory_order_relaxed);
  M* m = tlsM;
  P* pp = (m && m->sched == s_.get() && m->p) ? m->p : s_->allp[0].load(std::memory_order_relaxed);
  s_->addTimerTo(pp, Timer{when, id, nullptr, fn, arg});
  return id;
}

bool Scheduler::cancelTimer(uint64_t id) {
  return s_->removeTimer([id](const Timer& t) { return t.id == id; });
}

void Scheduler::entersyscall(G& g) {
  M* m = tlsM;
  if (!m || m->curg != &g || !m->p) fatal("runtime: entersyscall outside a running goroutine");
  P* pp = m->p;
  s_->publishCurG(pp, nullptr);
  m->inSyscall.store(true, std::memory_order_release);
  g.status = GStatus::Syscall;
  pp->syscalltick.store(pp->syscalltick.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  m->oldp = pp;
  m->p = nullptr;
  // Release: everything this M did with the P happens before whoever
  // takes it (sysmon's CAS is acq_rel).
  pp->status.store(PStatus::Syscall, std::memory_order_release);
  s_->leaveWorld();
}

void Scheduler::entersyscallblock(G& g) {
  entersyscall(g);
  M* m = tlsM;
  P* pp = m->oldp;
  PStatus expect = PStatus::Syscall;
  if (pp->status.compare_exchange_strong(expect, PStatus::Idle, std::memory_order_acq_rel)) {
    m->oldp = nullptr;
    s_->handoffp(pp);
  }
}

void Scheduler::exitsyscall(G& g) {
  M* m = tlsM;
  if (!m || m->curg != &g || g.status != GStatus::Syscall) fatal("runtime: exitsyscall without entersyscall");
  SchedulerState& s = *s_;
  m->inSyscall.store(false, std::memory_order_release);
  P* old = m->oldp;
  m->oldp = nullptr;
  PStatus expect = PStatus::Syscall;
  if (old && old->status.compare_exchange_strong(expect, PStatus::Running, std::memory_order_acq_rel)) {
    m->p = old;
  } else {
    std::unique_lock<std::mutex> l(s.lock);
    if (P* pp = s.pidleGetLocked()) {
      l.unlock();
      s.acquirep(m, pp);
    } else if (!s.exiting.load()) {
      m->note.clear();
      m->nextp = nullptr;
      m->link = s.syscallWaiters;
      s.syscallWaiters = m;
      s.nsyscallWaiters.fetch_add(1);
      l.unlock();
      m->note.sleep();
      if (P* pp = m->nextp) {
        m->nextp = nullptr;
        s.acquirep(m, pp);
      }
    }
  }
  s.enterWorld();  // after getting a P: a stopper never waits for one
  g.status = GStatus::Running;
  // Exiting with no P: stop the G at its next safepoint.
  if (!m->p) g.requestPreempt();
  if (P* pp = m->p) {
    g.lastP = pp->id;
    pp->schedtick.store(pp->schedtick.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    s.publishCurG(pp, &g);
  }
}

bool Scheduler::stopTheWorld() {
  SchedulerState& s = *s_;
  if (tlsM == nullptr || tlsM->curg == nullptr) {
    s.stwOwner.lock();  // not in the world: just wait for the other stopper
  } else if (!s.stwOwner.try_lock()) {  // another M is stopping it: let it
    worldSafepoint();
    return false;
  }
  s.worldStopping.store(true);
  // An M inside hooks.run counts itself; another thread (the collector's)
  // waits for every M.
  G* self = tlsM != nullptr ? tlsM->curg : nullptr;
  int32_t np = s.nallp.load(std::memory_order_acquire);
  for (int32_t i = 0; i < np; i++) {
    P* pp = s.allp[i].load(std::memory_order_relaxed);
    std::lock_guard<std::mutex> l(pp->curLock);
    if (pp->curG && pp->curG != self) pp->curG->requestPreempt();
  }
  // The Ms to wait for; one made later sees worldStopping when it enters.
  std::vector<M*> ms;
  {
    std::lock_guard<std::mutex> l(s.lock);
    for (auto& m : s.allm)
      if (m.get() != tlsM) ms.push_back(m.get());
  }
  std::unique_lock<std::mutex> l(s.worldLock);
  s.worldCv.wait(l, [&] {
    for (M* m : ms)
      if (m->inWorld.load()) return false;
    return true;
  });
  return true;
}

void Scheduler::startTheWorld() {
  SchedulerState& s = *s_;
  {
    std::lock_guard<std::mutex> l(s.worldLock);
    s.worldStopping.store(false);
    s.worldCv.notify_all();
  }
  s.stwOwner.unlock();
}

void Scheduler::worldSafepoint() {
  SchedulerState& s = *s_;
  if (!s.worldStopping.load()) return;
  s.leaveWorld();
  s.enterWorld();
}

bool Scheduler::worldStopRequested() const { return s_->worldStopping.load(std::memory_order_relaxed); }

int Scheduler::gomaxprocs() const { return s_->gomaxprocs.load(std::memory_order_relaxed); }

void Scheduler::setGomaxprocs(int n) {
  n = std::clamp(n, 1, kMaxProcs);
  SchedulerState& s = *s_;
  int old;
  {
    std::lock_guard<std::mutex> l(s.lock);
    old = s.gomaxprocs.load(std::memory_order_relaxed);
    if (n == old) return;
    s.growAllpLocked(n);
    s.gomaxprocs.store(n, std::memory_order_relaxed);
    for (int i = old; i < n; i++) {
      P* pp = s.allp[i].load(std::memory_order_relaxed);
      if (pp->status.load(std::memory_order_acquire) == PStatus::Stopped) s.pidlePutLocked(pp);
    }
  }
  for (int i = old; i < n; i++) s.wakep();
}

int64_t Scheduler::numGoroutine() const { return s_->gcount.load(); }

bool Scheduler::cancelSleep(G& g) {
  return s_->removeTimer([&g](const Timer& t) { return t.g == &g; });
}

int64_t Scheduler::pendingTimers() const { return s_->ntimers.load(); }

std::string Scheduler::schedtraceLine() const { return s_->traceLine(); }

Scheduler* currentScheduler() {
  M* m = tlsM;
  return m ? m->sched->self : nullptr;
}

G* currentG() {
  M* m = tlsM;
  return m ? m->curg : nullptr;
}

int currentPIndex() {
  M* m = tlsM;
  return m && m->p ? m->p->id : -1;
}

}  // namespace gol::rt
