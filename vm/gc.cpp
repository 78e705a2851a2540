// The garbage collector: concurrent tri-colour mark and lazy sweep over
// the size-class heap (DESIGN.md §6), non-moving and precise.
//
// When. The pacer aims each cycle at a goal
//   goal = live * (1 + GOGC/100), at least 4 MB * GOGC/100 (Go's
//          heapminimum), and, with GOMEMLIMIT, no more than the limit
//          less the goroutine stacks (but always some room above live);
// GOGC=off (or debug.SetGCPercent(-1)) turns the goal off unless a memory
// limit is set. Marking runs while the program allocates, so the heap's
// trigger (Heap::setTrigger) is set 80% of the way from the live heap to
// the goal. When an allocation passes it, the heap calls onTrigger on the
// allocating thread, which only raises `gPending` and wakes the
// collector's thread. Allocation never collects.
//
// Who. The collector has a thread of its own (controllerLoop), not an M:
// it stops the world from outside (Scheduler::stopTheWorld waits until no
// M runs Gol code; every other M waits at a schedule point, a timer
// callback, a nested call's safepoint or the end of a system call).
// runtime.GC asks it for a cycle and waits, out of the world as in a
// system call, for one that began after the call.
//
// A cycle (runCycle):
//   1. Finish the last cycle's sweep (concurrently, then what allocation
//      left in the pause). Stop the world. Turn on the write
//      barrier and allocate-black (new objects are born marked). Grey the
//      roots that cannot wait: the module's globals (their pointer map),
//      the frames of the goroutines in the middle of a turn (at a
//      safepoint, in a nested call or a system call), and the runtime's
//      root scanners (timers). Restart the world.
//   2. Mark concurrently, on the collector's thread and background
//      workers (about a quarter of GOMAXPROCS). First the other
//      goroutines' stacks, one at a time, each while its G is stopped
//      (see "Stacks" below: a G whose turn starts first scans its own
//      stack before it runs anything), then pop a grey object,
//      grey what its pointer words point to (its layout: the heap's
//      bitmap, malloc header or span type), until neither the local stack
//      nor the barrier's grey queue has anything. The program runs
//      meanwhile; a store that overwrites a heap or global pointer shades
//      the old value (runtime/barrier.h: the deletion half of Go's hybrid
//      barrier). The insertion half (shade the new value when the storing
//      goroutine's stack is still grey) is not needed because no
//      goroutine runs with a grey stack: a stack is scanned before its G
//      runs again, and a stack not yet scanned cannot change (only its G
//      writes it, but for a channel handing it a value, which adds a
//      pointer and drops none that another goroutine could hold). So every
//      object reachable when the world restarted, or reached since, is
//      marked or reachable from something grey. A goroutine allocating
//      past the goal meanwhile helps (see "mark assists" below), so the
//      heap overshoots its goal by little however fast the program
//      allocates.
//   3. Stop the world for mark termination: scan the stacks still
//      unscanned (goroutines started since the first pause that have not
//      run yet), drain what barriers shaded since, in parallel (the collector and gomaxprocs-1 helper threads,
//      sharing work through a locked queue). Turn the barrier off. Start
//      the sweep (cheap: every span becomes "unswept"; allocation sweeps a
//      span before reusing it and a background thread sweeps the rest).
//      Ask goroutines using under a quarter of their stacks to shrink
//      them when their next turn starts.
//      Set the next goal and trigger. Restart the world.
//   4. The background thread sweeps, then returns free pages beyond about
//      10% over the goal to the OS (madvise): the scavenger.
//
// Candidates. A root word or a shaded word is checked, not trusted:
// Heap::findObject accepts it only if it points into an allocated object,
// which makes nil, pointers to module memory or stacks, and the stale
// values a frame slot may hold harmless (the slot a stopped instruction is
// about to write, every pointer slot of a frame with no stack map at its
// pc: vm/liveness.h): at worst they keep an object alive one cycle longer.
// Frames are scanned by their stack maps, so a variable whose last use is
// past no longer keeps its object alive. Objects themselves are scanned
// through their layouts only.
//
// GODEBUG knobs: gctrace=1 (one line per cycle on stderr in Go's format:
// the clock terms are the two pauses around the concurrent mark),
// gccheckmark=1 (at mark termination, verify that every object reachable
// from the roots is marked; a miss is a fatal error),
// gcstoptheworld=1 (mark with the world stopped, as a check on the
// barrier), gcstress=1 (every allocation asks for a cycle, so cycles run
// back to back and the barrier is on nearly all the time: the test suite
// runs the golden corpus so, with and without gcstoptheworld).
//
// Workers. Concurrent marking runs on about a quarter of GOMAXPROCS
// threads (markWorkers: the collector's thread and helpers from the pool
// mark termination uses), as Go dedicates a quarter of its Ps to
// background mark workers; they are threads of their own, not Ps taken
// from the program.
#include "vm/gc.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/barrier.h"
#include "runtime/heap.h"
#include "runtime/sched.h"
#include "vm/bytecode.h"
#include "vm/goroutines.h"
#include "vm/interp.h"
#include "vm/liveness.h"

namespace gol::vm::gc {

std::atomic<bool> gPending{false};
std::atomic<bool> gMarking{false};

namespace {

constexpr uint64_t kHeapMinimum = 4 << 20;  // Go's heapminimum at GOGC=100

int64_t nanotime() { return rt::Scheduler::nanotime(); }
int64_t unixNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "GOMEMLIMIT=512MiB": a number with an optional B, KiB, MiB, GiB, TiB
// suffix (Go's syntax); "off" or invalid: no limit (-1).
int64_t parseMemLimit(const char* s) {
  if (s == nullptr || *s == '\0' || std::strcmp(s, "off") == 0) return -1;
  char* end = nullptr;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (end == s) return -1;
  std::string unit(end);
  uint64_t mult = 1;
  if (unit == "" || unit == "B") mult = 1;
  else if (unit == "KiB") mult = 1ull << 10;
  else if (unit == "MiB") mult = 1ull << 20;
  else if (unit == "GiB") mult = 1ull << 30;
  else if (unit == "TiB") mult = 1ull << 40;
  else return -1;
  return static_cast<int64_t>(v * mult);
}

bool godebugFlag(const char* key) {
  const char* env = std::getenv("GODEBUG");
  if (env == nullptr) return false;
  std::string all(env), want = std::string(key) + "=";
  size_t at = 0;
  while (at <= all.size()) {
    size_t comma = all.find(',', at);
    std::string item = all.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (item.rfind(want, 0) == 0) return std::atoi(item.c_str() + want.size()) > 0;
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return false;
}

// Go's runtime formats gctrace times as milliseconds with two significant
// digits and at most three decimals ("0.015", "1.2"), whole above 10 ms.
std::string fmtMs(int64_t ns) {
  if (ns < 0) ns = 0;
  if (ns >= 10'000'000) return std::to_string(ns / 1'000'000);
  int64_t x = ns / 1000;
  if (x == 0) return "0";
  int dec = 3;
  while (x >= 100) {
    x /= 10;
    --dec;
  }
  std::string digits = std::to_string(x);
  if (static_cast<int>(digits.size()) <= dec) digits = std::string(dec - digits.size() + 1, '0') + digits;
  return digits.substr(0, digits.size() - dec) + "." + digits.substr(digits.size() - dec);
}

struct Collector {
  Module* module = nullptr;
  Goroutines* goroutines = nullptr;

  // Knobs (changed by debug.SetGCPercent / SetMemoryLimit under statsLock).
  int gcPercent = 100;
  int64_t memLimit = -1;
  bool trace = false;

  // Statistics (under statsLock).
  std::mutex statsLock;
  uint32_t numGC = 0, numForcedGC = 0;
  uint64_t pauseTotalNs = 0;
  uint64_t pauseNs[256] = {}, pauseEnd[256] = {};
  uint64_t lastGC = 0;
  uint64_t nextGC = kHeapMinimum;
  int64_t gcCpuNs = 0;  // pauses * P plus concurrent marking, summed
  int64_t startNanos = 0;
  bool stopTheWorldMode = false;  // GODEBUG=gcstoptheworld=1
  bool checkMarkMode = false;     // GODEBUG=gccheckmark=1

  // The collector's thread (controllerLoop) and runtime.GC's tickets, under
  // statsLock: a call takes ticket forcedRequested+1 and waits until a
  // cycle that began after it (forcedDone) is over.
  std::thread controller;
  std::condition_variable cycleCv;  // "a cycle is wanted" and "a cycle ended"
  uint64_t forcedRequested = 0, forcedDone = 0;
  bool stop = false;


  // The background sweeper and scavenger: one thread. sweepLock keeps its
  // sweepOne calls apart from startSweep and finishSweep.
  std::mutex sweepLock;
  std::thread scavenger;
  std::mutex scavengeLock;
  std::condition_variable scavengeCv;
  bool scavengeWanted = false, scavengeStop = false;
  std::atomic<uint64_t> retainBytes{0};
};

Collector* gCollector = nullptr;

std::mutex scannersLock;
std::vector<RootScanner>& scanners() {
  static auto* v = new std::vector<RootScanner>;
  return *v;
}
std::vector<MarkTerminationHook>& terminationHooks() {  // under scannersLock
  static auto* v = new std::vector<MarkTerminationHook>;
  return *v;
}

// The heap passed its trigger (or gcstress): wake the collector's thread.
// On an allocating thread: only a flag and, the first time, a wakeup.
void onTrigger() {
  Collector* c = gCollector;
  if (c == nullptr || gPending.exchange(true)) return;
  std::lock_guard<std::mutex> l(c->statsLock);
  c->cycleCv.notify_all();
}

// Marking runs while the program allocates, so the cycle starts before
// the goal: 80% of the way from the live heap to it.
uint64_t triggerFor(uint64_t live, uint64_t goal) {
  if (goal == UINT64_MAX) return goal;
  return goal > live ? live + (goal - live) / 5 * 4 : goal;
}

void stressHook() { onTrigger(); }

uint64_t goalFor(const Collector& c, uint64_t live, uint64_t stacks) {
  uint64_t goal = UINT64_MAX;
  if (c.gcPercent >= 0) {
    goal = live + live / 100 * static_cast<uint64_t>(c.gcPercent);
    goal = std::max<uint64_t>(goal, kHeapMinimum / 100 * static_cast<uint64_t>(c.gcPercent));
  }
  if (c.memLimit >= 0) {
    uint64_t limit = static_cast<uint64_t>(c.memLimit);
    uint64_t room = limit > stacks ? limit - stacks : 0;
    // Near the limit, collect often, but leave some room above the live
    // heap so that a live heap over the limit does not collect at every
    // allocation.
    uint64_t floor = live + std::max<uint64_t>(live / 32, 1 << 20);
    goal = std::min(goal, std::max(room, floor));
  }
  return goal;
}

// Mark assists waiting for work (see "mark assists" below).
std::atomic<int> gAssistsWanting{0};

// ---- marking ----
//
// Parallel, with the world stopped: the collector's M and gomaxprocs-1
// helper threads (started on demand, asleep between cycles) each drain a
// local stack of grey objects, sharing half of theirs through a locked
// queue when another marker is idle; the drain ends when every marker is
// idle and the queue is empty. An object is greyed once (its mark bit is
// set with an atomic OR), its bytes counted per marker and added to the
// heap's marked total at the end.

struct Marker {
  std::vector<rt::ObjectRef> stack;
  uint64_t bytes = 0;
};

struct MarkShared {
  std::mutex lock;
  std::condition_variable cv;
  std::vector<rt::ObjectRef> queue;
  int markers = 0, idle = 0;
  bool done = false;
  std::atomic<int> hungry{0};  // idle markers, read without the lock
};

inline void greyCandidate(uint64_t word, Marker& mk) {
  rt::ObjectRef o;
  rt::Heap& h = rt::heap();
  if (word < 4096 || !h.findObject(static_cast<uintptr_t>(word), &o) || !h.markUncounted(o)) return;
  mk.bytes += o.span->elemsize;
  if (o.span->noscan) return;
  __builtin_prefetch(reinterpret_cast<const void*>(o.base));
  mk.stack.push_back(o);
}

void visitCandidate(uint64_t word, void* ctx) { greyCandidate(word, *static_cast<Marker*>(ctx)); }

// Half of a marker's stack goes to the barrier's grey queue, where assists
// take their work.
void feedAssists(Marker& mk) {
  size_t half = mk.stack.size() / 2;
  rt::putGrey(mk.stack.data(), half);
  mk.stack.erase(mk.stack.begin(), mk.stack.begin() + static_cast<ptrdiff_t>(half));
}

void share(Marker& mk, MarkShared& sh) {
  std::lock_guard<std::mutex> l(sh.lock);
  size_t half = mk.stack.size() / 2;
  sh.queue.insert(sh.queue.end(), mk.stack.begin(), mk.stack.begin() + static_cast<ptrdiff_t>(half));
  mk.stack.erase(mk.stack.begin(), mk.stack.begin() + static_cast<ptrdiff_t>(half));
  sh.cv.notify_all();
}

void drainLocal(Marker& mk, MarkShared* sh) {
  rt::Heap& h = rt::heap();
  while (!mk.stack.empty()) {
    rt::ObjectRef o = mk.stack.back();
    mk.stack.pop_back();
    // The program may be writing these words meanwhile (concurrent mark).
    h.forEachPointerWord(o, [&](uint64_t* w) { greyCandidate(rt::racyLoad(w), mk); });
    if (sh != nullptr && mk.stack.size() > 64 && sh->hungry.load(std::memory_order_relaxed) > 0) share(mk, *sh);
    if (mk.stack.size() > 128 && gAssistsWanting.load(std::memory_order_relaxed) > 0) feedAssists(mk);
  }
}

void drainShared(Marker& mk, MarkShared& sh) {
  for (;;) {
    drainLocal(mk, &sh);
    std::unique_lock<std::mutex> l(sh.lock);
    if (!sh.queue.empty()) {
      size_t n = std::min<size_t>(sh.queue.size(), 256);
      mk.stack.assign(sh.queue.end() - static_cast<ptrdiff_t>(n), sh.queue.end());
      sh.queue.resize(sh.queue.size() - n);
      continue;
    }
    sh.hungry.store(++sh.idle, std::memory_order_relaxed);
    if (sh.idle == sh.markers) {
      sh.done = true;
      sh.cv.notify_all();
      return;
    }
    sh.cv.wait(l, [&] { return sh.done || !sh.queue.empty(); });
    if (sh.done) return;
    sh.hungry.store(--sh.idle, std::memory_order_relaxed);
  }
}

// The helper threads.
struct MarkPool {
  std::mutex lock;
  std::condition_variable cv;  // a drain starts, or stop
  std::condition_variable finishedCv;
  std::vector<std::thread> threads;
  uint64_t generation = 0;
  int wanted = 0;     // helpers taking part in this generation
  int finished = 0;
  bool stop = false;
  MarkShared* shared = nullptr;
};

MarkPool& markPool() {
  static auto* p = new MarkPool;
  return *p;
}

void helperLoop(int index) {
  MarkPool& pool = markPool();
  uint64_t seen = 0;
  std::unique_lock<std::mutex> l(pool.lock);
  for (;;) {
    pool.cv.wait(l, [&] { return pool.stop || (pool.generation != seen && index < pool.wanted); });
    if (pool.stop) return;
    seen = pool.generation;
    MarkShared* sh = pool.shared;
    l.unlock();
    Marker mk;
    drainShared(mk, *sh);
    rt::heap().addMarkedBytes(mk.bytes);
    l.lock();
    if (++pool.finished == pool.wanted) pool.finishedCv.notify_all();
  }
}

// Drains the grey objects in `mk` with `markers` threads in all: this one
// and markers-1 helpers (no more than the machine has CPUs).
void drainParallel(Marker& mk, int markers) {
  int helpers = std::min(markers, static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))) - 1;
  if (helpers <= 0 || mk.stack.size() < 2) {
    drainLocal(mk, nullptr);
    if (helpers <= 0) return;
  }
  if (mk.stack.empty()) return;
  MarkShared sh;
  sh.markers = helpers + 1;
  MarkPool& pool = markPool();
  {
    std::lock_guard<std::mutex> l(pool.lock);
    while (static_cast<int>(pool.threads.size()) < helpers) {
      int index = static_cast<int>(pool.threads.size());
      pool.threads.emplace_back(helperLoop, index);
    }
    pool.shared = &sh;
    pool.wanted = helpers;
    pool.finished = 0;
    ++pool.generation;
  }
  pool.cv.notify_all();
  drainShared(mk, sh);
  std::unique_lock<std::mutex> l(pool.lock);
  pool.finishedCv.wait(l, [&] { return pool.finished == pool.wanted; });
  pool.shared = nullptr;
}

// ---- stacks ----
//
// The cycle being marked (gMarkCycle, set in the first pause) and, per G,
// the cycle whose scan last covered its stack (G::scannedCycle). A stack
// is scanned once per cycle, by one of:
//   - the first pause, for the G's in the middle of a turn (G::onM: at a
//     safepoint, in a nested call or in a system call);
//   - the collector's thread, for the others (parked or runnable), one at
//     a time while the world runs, after claiming the G (G::scanBusy);
//   - the G's own M, when a turn starts before the collector got to it
//     (beginTurn), so that no G runs with an unscanned stack;
//   - mark termination, for any still left (G's started since the first
//     pause).
// A claim is a Dekker pair: the scanner sets scanBusy then reads onM; the
// M sets onM then waits for scanBusy to clear. So a scanner reads a stack
// only while no M runs the G, and an M starts a turn only once the stack
// is scanned. Other goroutines may still write a parked G's frame (a
// channel handing it a value), so slots are read with racyLoad.
std::atomic<uint32_t> gMarkCycle{0};

void scanStack(rt::G& g, Marker& mk, uint32_t cycle) {
  forEachStackRoot(g, visitCandidate, &mk);
  g.scannedCycle.store(cycle, std::memory_order_release);
}

// Greys what the roots point to (world stopped): the globals, the frames
// of the goroutines in the middle of a turn, and the runtime's root
// scanners. The other goroutines are listed in `pending`, for later.
void scanRoots(Collector& c, Marker& mk, uint32_t cycle, std::vector<rt::G*>* pending,
               uint64_t* stackBytes) {
  Module& mod = *c.module;
  mod.globalPointers.forEach(static_cast<uint32_t>(mod.globals.size()),
                             [&](uint32_t s) { greyCandidate(mod.globals[s], mk); });
  uint64_t stacks = 0;
  c.goroutines->forEachG([&](rt::G& g) {
    stacks += g.stackSlots * sizeof(uint64_t);
    if (g.onM.load(std::memory_order_relaxed)) scanStack(g, mk, cycle);
    else pending->push_back(&g);
  });
  {
    std::lock_guard<std::mutex> l(scannersLock);
    for (RootScanner scan : scanners()) scan(visitCandidate, &mk);
  }
  *stackBytes = stacks;
}

// The collector's thread, world running: the stacks of the G's listed in
// the first pause that no M has started a turn of since.
void scanPendingStacks(const std::vector<rt::G*>& pending, Marker& mk, uint32_t cycle) {
  for (rt::G* g : pending) {
    g->scanBusy.store(true, std::memory_order_seq_cst);
    if (!g->onM.load(std::memory_order_seq_cst) && g->scannedCycle.load(std::memory_order_relaxed) != cycle)
      scanStack(*g, mk, cycle);
    g->scanBusy.store(false, std::memory_order_release);
    if (mk.stack.size() > 4096) drainLocal(mk, nullptr);
  }
}

// Mark termination (world stopped): whatever stack is still unscanned.
void scanRemainingStacks(Collector& c, Marker& mk, uint32_t cycle) {
  c.goroutines->forEachG([&](rt::G& g) {
    if (g.scannedCycle.load(std::memory_order_relaxed) != cycle) scanStack(g, mk, cycle);
  });
}

// ---- GODEBUG=gccheckmark=1 ----
//
// At mark termination, with the world stopped, checks that marking missed
// nothing: every global and runtime root word that points into an
// allocated object points into a marked one, and so does every pointer
// word of every marked object. A failure is the collector's bug (a missed
// barrier, a goroutine that ran before its stack was scanned and so hid a
// pointer in a black object, a wrong pointer map or record layout): it is
// reported and the program dies, as Go's checkmark mode does. Frames are
// checked through the strict sets of their stack maps (vm/liveness.h):
// the slots live where each frame stopped, not the ones its instruction
// is about to write nor frames stopped outside their code (those may hold
// dead pointers the scan rightly skipped and that would look like misses).
struct CheckMark {
  const char* where = "";
  uintptr_t from = 0;
  uint64_t failures = 0;
};

void checkWord(uint64_t word, void* ctx) {
  auto& cm = *static_cast<CheckMark*>(ctx);
  rt::ObjectRef o;
  if (word < 4096 || !rt::heap().findObject(static_cast<uintptr_t>(word), &o) || o.span->isMarked(o.index)) return;
  if (cm.failures++ < 10) {
    std::fprintf(stderr, "gccheckmark: unmarked object %#lx (size %lu) reached from %s", static_cast<unsigned long>(o.base),
                 static_cast<unsigned long>(o.span->elemsize), cm.where);
    if (cm.from != 0) std::fprintf(stderr, " %#lx", static_cast<unsigned long>(cm.from));
    std::fputc('\n', stderr);
  }
}

void checkMarks(Collector& c) {
  CheckMark cm;
  Module& mod = *c.module;
  cm.where = "a global";
  mod.globalPointers.forEach(static_cast<uint32_t>(mod.globals.size()), [&](uint32_t s) { checkWord(mod.globals[s], &cm); });
  cm.where = "a runtime root";
  {
    std::lock_guard<std::mutex> l(scannersLock);
    for (RootScanner scan : scanners()) scan(checkWord, &cm);
  }
  cm.where = "a goroutine's frame";
  c.goroutines->forEachG([&](rt::G& g) { forEachLiveStackRoot(g, checkWord, &cm); });
  cm.where = "heap object";
  rt::heap().forEachMarkedObject(
      [](const rt::ObjectRef& o, void* ctx) {
        if (o.span->noscan) return;
        static_cast<CheckMark*>(ctx)->from = o.base;
        rt::heap().forEachPointerWord(o, [&](uint64_t* w) { checkWord(*w, ctx); });
      },
      &cm);
  if (cm.failures == 0) return;
  std::fprintf(stderr, "fatal error: gccheckmark found %lu problems\n",
               static_cast<unsigned long>(cm.failures));
  std::fflush(stderr);
  std::_Exit(2);
}

// Go shrinks stacks at collection time; so do we, but the shrinking is
// done by each G when its next turn starts (vm/goroutines.cpp), where
// nothing outside the stack points into it. Here, with the world stopped,
// only the G's whose frames use under a quarter of their stack are asked.
void requestShrinks(Collector& c) {
  c.goroutines->forEachG([&](rt::G& g) {
    if (g.fn == nullptr || g.stackSlots * sizeof(uint64_t) <= rt::kInitialStackBytes) return;
    if ((g.base + g.fn->frameSlots) * 4 < g.stackSlots) g.shrinkRequested.store(true, std::memory_order_relaxed);
  });
}

// After each cycle: sweep the spans allocation has not swept yet, then
// give free pages beyond the retained size back to the OS.
void backgroundLoop(Collector* c) {
  std::unique_lock<std::mutex> l(c->scavengeLock);
  for (;;) {
    c->scavengeCv.wait(l, [&] { return c->scavengeWanted || c->scavengeStop; });
    if (c->scavengeStop) return;
    c->scavengeWanted = false;
    l.unlock();
    for (;;) {
      std::lock_guard<std::mutex> hold(c->sweepLock);
      if (!rt::heap().sweepOne()) break;
    }
    l.lock();
    uint64_t retain = c->retainBytes.load(std::memory_order_relaxed);
    l.unlock();
    rt::heap().scavenge(retain);
    l.lock();
  }
}

std::string secondsField(int64_t ns) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", static_cast<double>(ns) / 1e9);
  return b;
}

// ---- mark assists ----
//
// While marking, a goroutine whose allocation takes the heap past its goal
// helps: every kAssistBytes it allocates, it takes a batch of grey objects
// from the shared queue, scans up to kAssistBudget of them (and what they
// grey) and puts back what is left. The collector's thread keeps the queue fed while assists want
// work. An assist's unfinished work is back in the queue before its M
// reaches a safepoint, so mark termination (world stopped) sees it.
constexpr size_t kAssistBudget = 2048;
std::atomic<uint64_t> gAssistAbove{UINT64_MAX};
std::atomic<int64_t> gAssistNs{0};

// Assists are paid for in bytes: a thread assists once per kAssistBytes it
// allocates past the goal, so the check costs two loads per allocation.
constexpr uint64_t kAssistBytes = 64 << 10;
thread_local uint64_t tAssistDebt = 0;

void markAssist(uint64_t size) {
  if (rt::heap().heapLive() <= gAssistAbove.load(std::memory_order_relaxed)) return;
  tAssistDebt += size;
  if (tAssistDebt < kAssistBytes) return;
  tAssistDebt = 0;
  int64_t start = nanotime();
  gAssistsWanting.fetch_add(1, std::memory_order_relaxed);
  Marker mk;
  if (rt::takeGrey(mk.stack, 64)) {
    rt::Heap& h = rt::heap();
    for (size_t done = 0; done < kAssistBudget && !mk.stack.empty(); ++done) {
      rt::ObjectRef o = mk.stack.back();
      mk.stack.pop_back();
      h.forEachPointerWord(o, [&](uint64_t* w) { greyCandidate(rt::racyLoad(w), mk); });
    }
    if (!mk.stack.empty()) rt::putGrey(mk.stack.data(), mk.stack.size());
    h.addMarkedBytes(mk.bytes);
  }
  gAssistsWanting.fetch_sub(1, std::memory_order_relaxed);
  gAssistNs.fetch_add(nanotime() - start, std::memory_order_relaxed);
}

// Background mark workers: about a quarter of the Ps, as Go dedicates,
// and at least one (the collector's own thread).
int markWorkers(int procs) { return std::max(1, (procs + 2) / 4); }

// Drains grey objects while the world runs, with the background workers:
// the markers' stacks, then what barriers shaded, until both are empty.
void drainConcurrent(Marker& mk, int workers) {
  do {
    drainParallel(mk, workers);
  } while (rt::takeGrey(mk.stack, 256));
}

// One cycle, on the collector's thread (not an M).
void runCycle(Collector& c) {
  rt::Scheduler* sched = c.goroutines->scheduler();
  rt::Heap& h = rt::heap();
  // Finish the last cycle's sweep before stopping anything, as Go's
  // gcStart does, so the first pause does not sweep a big heap.
  for (;;) {
    std::lock_guard<std::mutex> hold(c.sweepLock);
    if (!h.sweepOne()) break;
  }
  int64_t t0 = nanotime();
  sched->stopTheWorld();
  // ---- sweep termination and mark setup, world stopped ----
  uint64_t ticket;
  {
    std::lock_guard<std::mutex> l(c.statsLock);
    ticket = c.forcedRequested;
  }
  bool forced = ticket > c.forcedDone;
  gPending.store(false, std::memory_order_relaxed);  // requests from now on: the next cycle
  {
    std::lock_guard<std::mutex> hold(c.sweepLock);
    h.finishSweep();  // the last cycle's: marking needs a swept heap
  }
  uint64_t heap0 = h.heapLive();
  h.setAllocBlack(true);
  rt::gWriteBarrier.store(true);
  uint32_t cycle = gMarkCycle.load(std::memory_order_relaxed) + 1;
  if (cycle == 0) cycle = 1;  // 0 is "never scanned"
  gMarkCycle.store(cycle, std::memory_order_relaxed);
  gMarking.store(true, std::memory_order_relaxed);
  int procs = sched->gomaxprocs();
  Marker mk;
  uint64_t stacks = 0;
  std::vector<rt::G*> pending;
  scanRoots(c, mk, cycle, &pending, &stacks);
  int64_t t1 = nanotime(), t2 = t1;
  gAssistAbove.store(c.nextGC, std::memory_order_relaxed);
  gAssistNs.store(0, std::memory_order_relaxed);
  rt::allocAssistHook.store(markAssist);
  if (!c.stopTheWorldMode) {
    sched->startTheWorld();
    // ---- concurrent mark ----
    scanPendingStacks(pending, mk, cycle);
    drainConcurrent(mk, markWorkers(procs));
    t2 = nanotime();
    sched->stopTheWorld();
  }
  // ---- mark termination, world stopped ----
  int64_t t3 = nanotime();
  scanRemainingStacks(c, mk, cycle);
  gMarking.store(false, std::memory_order_relaxed);
  do {
    drainParallel(mk, procs);
  } while (rt::takeGrey(mk.stack, SIZE_MAX));
  rt::heap().addMarkedBytes(mk.bytes);
  if (c.checkMarkMode) checkMarks(c);
  {
    std::lock_guard<std::mutex> l(scannersLock);
    for (MarkTerminationHook hook : terminationHooks()) hook();
  }
  rt::allocAssistHook.store(nullptr);
  int64_t assistNs = gAssistNs.load(std::memory_order_relaxed);
  rt::gWriteBarrier.store(false);
  h.setAllocBlack(false);
  uint64_t heap1 = h.heapLive();
  {
    std::lock_guard<std::mutex> hold(c.sweepLock);
    h.startSweep();  // cheap: spans are swept lazily and in the background
  }
  requestShrinks(c);
  uint64_t live = h.heapLive();
  uint64_t goal, numGC;
  int64_t t4 = nanotime();
  {
    std::lock_guard<std::mutex> l(c.statsLock);
    goal = goalFor(c, live, stacks);
    c.nextGC = goal;
    h.setTrigger(triggerFor(live, goal), onTrigger);
    uint64_t pause = static_cast<uint64_t>((t1 - t0) + (t4 - t2));
    numGC = ++c.numGC;
    if (forced) ++c.numForcedGC;
    c.pauseTotalNs += pause;
    c.pauseNs[(numGC - 1) % 256] = pause;
    c.lastGC = static_cast<uint64_t>(unixNanos());
    c.pauseEnd[(numGC - 1) % 256] = c.lastGC;
    c.gcCpuNs += static_cast<int64_t>(pause) * procs + (t2 - t1) + assistNs;
    c.retainBytes.store(goal == UINT64_MAX ? 0 : goal + goal / 10, std::memory_order_relaxed);
    c.forcedDone = ticket;
  }
  sched->startTheWorld();
  c.cycleCv.notify_all();
  {
    std::lock_guard<std::mutex> l(c.scavengeLock);
    c.scavengeWanted = true;
  }
  c.scavengeCv.notify_one();
  if (c.trace) {
    double elapsedCpu = static_cast<double>(std::max<int64_t>(1, t4 - c.startNanos)) * procs;
    int percent = static_cast<int>(100.0 * static_cast<double>(c.gcCpuNs) / elapsedCpu);
    auto mb = [](uint64_t b) { return std::to_string(b >> 20); };
    std::string line = "gc " + std::to_string(numGC) + " @" + secondsField(t0 - c.startNanos) + "s " +
                       std::to_string(percent) + "%: " + fmtMs(t1 - t0) + "+" + fmtMs(t2 - t1) + "+" +
                       fmtMs(t4 - t3) + " ms clock, " + fmtMs((t1 - t0) * procs) + "+" + fmtMs(assistNs) + "/" + fmtMs(t2 - t1) +
                       "/0+" + fmtMs((t4 - t3) * procs) + " ms cpu, " + mb(heap0) + "->" + mb(heap1) + "->" +
                       mb(live) + " MB, " + mb(goal == UINT64_MAX ? 0 : goal) + " MB goal, " + mb(stacks) +
                       " MB stacks, " + mb(c.module->globals.size() * sizeof(uint64_t)) + " MB globals, " +
                       std::to_string(procs) + " P" + (forced ? " (forced)" : "") + "\n";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }
}

// The collector's thread: a cycle whenever one is asked for.
void controllerLoop(Collector* c) {
  std::unique_lock<std::mutex> l(c->statsLock);
  for (;;) {
    c->cycleCv.wait(l, [&] { return c->stop || pending() || c->forcedRequested > c->forcedDone; });
    if (c->stop) return;
    l.unlock();
    runCycle(*c);
    l.lock();
  }
}

}  // namespace

void attach(Module& module, Goroutines& goroutines) {
  auto* c = new Collector;
  c->module = &module;
  c->goroutines = &goroutines;
  c->startNanos = nanotime();
  c->trace = godebugFlag("gctrace");
  if (const char* env = std::getenv("GOGC")) {
    if (std::strcmp(env, "off") == 0) {
      c->gcPercent = -1;
    } else {
      char* end = nullptr;
      long v = std::strtol(env, &end, 10);
      if (end != env && *end == '\0') c->gcPercent = v < 0 ? -1 : static_cast<int>(std::min<long>(v, 1 << 30));
    }
  }
  c->memLimit = parseMemLimit(std::getenv("GOMEMLIMIT"));
  uint64_t live = rt::heap().heapLive();
  c->nextGC = goalFor(*c, live, 0);
  rt::heap().setTrigger(triggerFor(rt::heap().heapLive(), c->nextGC), onTrigger);
  c->stopTheWorldMode = godebugFlag("gcstoptheworld");
  c->checkMarkMode = godebugFlag("gccheckmark");
  gCollector = c;
  if (godebugFlag("gcstress")) rt::allocStressHook.store(stressHook);
  c->scavenger = std::thread(backgroundLoop, c);
  c->controller = std::thread(controllerLoop, c);
}

void detach(bool threadsLeft) {
  Collector* c = gCollector;
  if (c == nullptr) return;
  rt::allocStressHook.store(nullptr);
  rt::heap().setTrigger(UINT64_MAX, nullptr);
  {
    std::lock_guard<std::mutex> l(c->statsLock);
    c->stop = true;
  }
  c->cycleCv.notify_all();
  c->controller.join();
  gPending.store(false);
  {
    std::lock_guard<std::mutex> l(c->scavengeLock);
    c->scavengeStop = true;
  }
  c->scavengeCv.notify_one();
  c->scavenger.join();
  // With an M still in a system call (RunResult::threadsLeft), which may
  // yet allocate and look at the collector, it stays; the process is
  // about to end.
  if (threadsLeft) return;
  gCollector = nullptr;
  delete c;
}

void scanBeforeTurn(rt::G& g) {
  holdG(g);
  uint32_t cycle = gMarkCycle.load(std::memory_order_relaxed);
  if (g.scannedCycle.load(std::memory_order_acquire) == cycle) return;
  Marker mk;
  scanStack(g, mk, cycle);
  if (!mk.stack.empty()) rt::putGrey(mk.stack.data(), mk.stack.size());
  rt::heap().addMarkedBytes(mk.bytes);
}

void holdG(rt::G& g) {
  g.onM.store(true, std::memory_order_seq_cst);
  while (g.scanBusy.load(std::memory_order_seq_cst)) std::this_thread::yield();
}

void addMarkTerminationHook(MarkTerminationHook hook) {
  std::lock_guard<std::mutex> l(scannersLock);
  if (std::find(terminationHooks().begin(), terminationHooks().end(), hook) == terminationHooks().end())
    terminationHooks().push_back(hook);
}

bool isMarked(uint64_t word) {
  rt::ObjectRef o;
  if (word < 4096 || !rt::heap().findObject(static_cast<uintptr_t>(word), &o)) return true;
  return o.span->isMarked(o.index);
}

void addRootScanner(RootScanner scan) {
  std::lock_guard<std::mutex> l(scannersLock);
  if (std::find(scanners().begin(), scanners().end(), scan) == scanners().end()) scanners().push_back(scan);
}

void collect(rt::G* g) {
  Collector* c = gCollector;
  if (c == nullptr || rt::currentScheduler() == nullptr) return;
  {
    // Out of the world while waiting: the cycle stops it.
    std::optional<SyscallScope> away;
    if (g != nullptr) away.emplace(*g);
    std::unique_lock<std::mutex> l(c->statsLock);
    uint64_t ticket = ++c->forcedRequested;
    c->cycleCv.notify_all();
    c->cycleCv.wait(l, [&] { return c->forcedDone >= ticket || c->stop; });
  }
  // As Go's runtime.GC, finish sweeping before returning, so that the
  // statistics read next describe the collected heap.
  std::lock_guard<std::mutex> hold(c->sweepLock);
  rt::heap().finishSweep();
}

namespace {

// ---- natives ----

bool runtimeGC(Machine&, rt::G& g, uint64_t*) {
  collect(&g);
  return true;
}

// runtime.MemStats, in words (stdlib/runtime/runtime.gol's field order).
enum MemStatsWord : size_t {
  kAlloc = 0, kTotalAlloc, kSys, kLookups, kMallocs, kFrees, kHeapAlloc, kHeapSys, kHeapIdle,
  kHeapInuse, kHeapReleased, kHeapObjects, kStackInuse, kStackSys, kMSpanInuse, kMSpanSys,
  kMCacheInuse, kMCacheSys, kBuckHashSys, kGCSys, kOtherSys, kNextGC, kLastGC, kPauseTotalNs,
  kPauseNs, kPauseEnd = kPauseNs + 256, kAfterPauseEnd = kPauseEnd + 256,
};
constexpr size_t kNumGCByte = kAfterPauseEnd * 8;
constexpr size_t kNumForcedGCByte = kNumGCByte + 4;
constexpr size_t kGCCPUFractionByte = kNumGCByte + 8;
constexpr size_t kEnableGCByte = kNumGCByte + 16;

bool readMemStats(Machine& m, rt::G&, uint64_t* s) {
  auto* ms = reinterpret_cast<uint64_t*>(s[0]);
  if (ms == nullptr) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return false;
  }
  // As Go's, with the world stopped, so the figures agree with each other.
  rt::Scheduler* sched = rt::currentScheduler();
  bool stopped = sched != nullptr && gCollector != nullptr && sched->stopTheWorld();
  rt::HeapStats hs = rt::heap().stats();
  uint64_t stacks = 0;
  if (stopped) {
    gCollector->goroutines->forEachG([&](rt::G& g) { stacks += g.stackSlots * sizeof(uint64_t); });
  }
  ms[kAlloc] = ms[kHeapAlloc] = hs.heapAlloc;
  ms[kTotalAlloc] = hs.totalAlloc;
  ms[kMallocs] = hs.mallocs;
  // Go counts every tiny allocation as a malloc and, once its block is
  // swept, a free, so that HeapObjects = Mallocs - Frees; the heap counts
  // a tiny block once.
  ms[kFrees] = hs.mallocs - hs.heapObjects;
  ms[kHeapSys] = hs.heapSys;
  ms[kHeapIdle] = hs.heapIdle;
  ms[kHeapInuse] = hs.heapInuse;
  ms[kHeapReleased] = hs.heapReleased;
  ms[kHeapObjects] = hs.heapObjects;
  ms[kStackInuse] = ms[kStackSys] = stacks;
  ms[kSys] = hs.heapSys + stacks;
  auto* bytes = reinterpret_cast<uint8_t*>(ms);
  if (Collector* c = gCollector) {
    std::lock_guard<std::mutex> l(c->statsLock);
    ms[kNextGC] = c->nextGC == UINT64_MAX ? 0 : c->nextGC;
    ms[kLastGC] = c->lastGC;
    ms[kPauseTotalNs] = c->pauseTotalNs;
    std::memcpy(&ms[kPauseNs], c->pauseNs, sizeof c->pauseNs);
    std::memcpy(&ms[kPauseEnd], c->pauseEnd, sizeof c->pauseEnd);
    std::memcpy(bytes + kNumGCByte, &c->numGC, 4);
    std::memcpy(bytes + kNumForcedGCByte, &c->numForcedGC, 4);
    int procs = sched != nullptr ? sched->gomaxprocs() : 1;
    double elapsed = static_cast<double>(std::max<int64_t>(1, nanotime() - c->startNanos)) * procs;
    double fraction = static_cast<double>(c->gcCpuNs) / elapsed;
    std::memcpy(bytes + kGCCPUFractionByte, &fraction, 8);
  }
  bytes[kEnableGCByte] = 1;
  if (stopped) sched->startTheWorld();
  return true;
}

bool setGCPercent(Machine&, rt::G&, uint64_t* s) {
  int64_t old = 100;
  if (Collector* c = gCollector) {
    std::lock_guard<std::mutex> l(c->statsLock);
    old = c->gcPercent;
    int64_t v = static_cast<int64_t>(s[0]);
    c->gcPercent = v < 0 ? -1 : static_cast<int>(std::min<int64_t>(v, 1 << 30));
    c->nextGC = goalFor(*c, rt::heap().heapLive(), 0);
    rt::heap().setTrigger(triggerFor(rt::heap().heapLive(), c->nextGC), onTrigger);
  }
  s[0] = static_cast<uint64_t>(old);
  return true;
}

bool setMemoryLimit(Machine&, rt::G&, uint64_t* s) {
  int64_t old = INT64_MAX;
  if (Collector* c = gCollector) {
    std::lock_guard<std::mutex> l(c->statsLock);
    old = c->memLimit < 0 ? INT64_MAX : c->memLimit;
    int64_t v = static_cast<int64_t>(s[0]);
    if (v >= 0) {
      c->memLimit = v == INT64_MAX ? -1 : v;
      c->nextGC = goalFor(*c, rt::heap().heapLive(), 0);
      rt::heap().setTrigger(triggerFor(rt::heap().heapLive(), c->nextGC), onTrigger);
    }
  }
  s[0] = static_cast<uint64_t>(old);
  return true;
}

bool freeOSMemory(Machine&, rt::G& g, uint64_t*) {
  collect(&g);
  rt::heap().scavenge();
  return true;
}

const NativeDef kGCNatives[] = {
    {"runtime.GC", runtimeGC},
    {"runtime.ReadMemStats", readMemStats},
    {"runtime/debug.SetGCPercent", setGCPercent},
    {"runtime/debug.SetMemoryLimit", setMemoryLimit},
    {"runtime/debug.FreeOSMemory", freeOSMemory},
};

}  // namespace

std::span<const NativeDef> gcNatives() { return kGCNatives; }

}  // namespace gol::vm::gc
