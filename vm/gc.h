// The garbage collector's interface (DESIGN.md §6); the design essay is
// at the top of vm/gc.cpp.
//
//   gc::attach(module, goroutines)   Goroutines::run, before main starts
//   gc::collect(g)                   runtime.GC, debug.FreeOSMemory
//   gc::addRootScanner(fn)           runtime tables holding heap pointers
//   gc::detach(threadsLeft)          after the program ends
//
// The collector lives in vm/ because its roots are the VM's: the module's
// globals and every goroutine's frames.
#pragma once

#include <atomic>
#include <cstdint>
#include <span>

#include "runtime/goroutine.h"
#include "vm/natives.h"

namespace gol::vm {
struct Module;
class Goroutines;
}  // namespace gol::vm

namespace gol::vm::gc {

void attach(Module& module, Goroutines& goroutines);
// After the program: stops the collector's threads and frees it, unless
// Ms were left in system calls (they may still allocate).
void detach(bool threadsLeft);

// A cycle has been asked for and has not started yet.
extern std::atomic<bool> gPending;
inline bool pending() { return gPending.load(std::memory_order_relaxed); }

// A whole cycle that starts after this call, then a finished sweep
// (runtime.GC; printed "(forced)"). g, the calling goroutine, waits out
// of the world (as in a system call); null for a thread without one.
void collect(rt::G* g);

// A runtime table holding heap pointers in C++ memory (timers) reports
// them: scan(visit, ctx) calls visit(word, ctx) for each. Scanners run
// with the world stopped.
using Visit = void (*)(uint64_t word, void* ctx);
using RootScanner = void (*)(Visit visit, void* ctx);
void addRootScanner(RootScanner scan);

// Runs at the end of every cycle's marking, with the world stopped, for
// runtime tables that free what became unreachable (timers); isMarked
// tells: true for a marked heap object and for anything outside the heap.
using MarkTerminationHook = void (*)();
void addMarkTerminationHook(MarkTerminationHook hook);
bool isMarked(uint64_t word);

// Goroutine turns (vm/goroutines.cpp), for scanning stacks one at a time
// while the program runs (gc.cpp, "Stacks"). beginTurn before a G's code
// runs on an M: while marking, a stack no scanner has covered yet is
// scanned first, by its own M, so no G ever runs with an unscanned stack.
// endTurn after the turn (the G's state is saved). holdG/releaseG keep
// scanners off a G an M is setting up (a dead G made new by `go`).
extern std::atomic<bool> gMarking;
void scanBeforeTurn(rt::G& g);
inline void beginTurn(rt::G& g) {
  if (gMarking.load(std::memory_order_relaxed)) [[unlikely]] scanBeforeTurn(g);
  else g.onM.store(true, std::memory_order_relaxed);
}
inline void endTurn(rt::G& g) { g.onM.store(false, std::memory_order_release); }
void holdG(rt::G& g);
inline void releaseG(rt::G& g) { endTurn(g); }

std::span<const NativeDef> gcNatives();  // runtime.GC, ReadMemStats, runtime/debug

}  // namespace gol::vm::gc
