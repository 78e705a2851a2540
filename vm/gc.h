// The garbage collector's interface (DESIGN.md §6); the design essay is
// at the top of vm/gc.cpp.
//
//   gc::attach(module, goroutines)   Goroutines::run, before main starts
//   gc::pending()                    a collection is wanted: at a safepoint
//   gc::collectAtSafepoint()         ... of a G whose state is saved, run it
//   gc::collect(forced)              runtime.GC, debug.FreeOSMemory
//   gc::addRootScanner(fn)           runtime tables holding heap pointers
//   gc::detach()                     after the program ends
//
// The collector lives in vm/ because its roots are the VM's: the module's
// globals and every goroutine's frames.
#pragma once

#include <atomic>
#include <cstdint>
#include <span>

#include "vm/natives.h"

namespace gol::vm {
struct Module;
class Goroutines;
}  // namespace gol::vm

namespace gol::vm::gc {

void attach(Module& module, Goroutines& goroutines);
void detach();

extern std::atomic<bool> gPending;
inline bool pending() { return gPending.load(std::memory_order_relaxed); }

// Runs the collection pending() asks for. The caller is an M in the
// world, at a safepoint of the G it runs (the G's state saved).
void collectAtSafepoint();
// A full collection now (runtime.GC: forced, printed "(forced)").
void collect(bool forced);

// A runtime table holding heap pointers in C++ memory (timers) reports
// them: scan(visit, ctx) calls visit(word, ctx) for each. Scanners run
// with the world stopped.
using Visit = void (*)(uint64_t word, void* ctx);
using RootScanner = void (*)(Visit visit, void* ctx);
void addRootScanner(RootScanner scan);

std::span<const NativeDef> gcNatives();  // runtime.GC, ReadMemStats, runtime/debug

}  // namespace gol::vm::gc
