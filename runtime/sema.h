// Runtime semaphores: sleep and wakeup for sync.Mutex, RWMutex, WaitGroup
// and Cond, parking goroutines, never OS threads (Go's runtime/sema.go).
//
// A semaphore is a uint32 count at some address in Gol memory (a field of
// a sync.Mutex, say). semacquire waits until the count is > 0 and
// decrements it; semrelease increments it and wakes one waiter. Waiters
// are kept in a table of 251 roots hashed by address, each with a lock and
// a FIFO list per address (chained through G::schedLink: a waiting G is on
// no run queue). A root's `nwait` lets semrelease skip the lock when no one
// waits; it pairs with semacquire's nwait increment and re-check of the
// count (both seq_cst, a Dekker handshake: either the releaser sees the
// waiter or the waiter sees the count).
//
// Re-entry, because a G has no native stack of its own: semacquire either
// acquires at once or parks the G (releasing the root's lock in the park
// commit, after the G is Waiting) and returns Parked; the caller returns
// RunResult::Parked from hooks.run and, when the G runs again, calls
// semacquire again with the same arguments. A release with handoff (Go's
// starvation-mode Mutex.Unlock) takes the count for the woken waiter and
// marks it (G::semaTicket); that re-call consumes the ticket. Without a
// handoff, the woken G competes for the count again and re-queues (at the
// front with lifo) if it loses, as Go does.
#pragma once

#include <cstdint>

#include "runtime/goroutine.h"
#include "runtime/sched.h"

namespace gol::rt {

enum class SemaAcquire : uint8_t { Acquired, Parked };

// From g's own code inside hooks.run. lifo: queue at the front (a waiter
// that has waited before, sync.Mutex). reason: what tracebacks print
// ("semacquire", "sync.Mutex.Lock", ...).
[[nodiscard]] SemaAcquire semacquire(Scheduler& s, uint32_t* addr, G& g, bool lifo = false,
                                     WaitReason reason = WaitReason::Semacquire);

// Increment *addr and wake one waiter, if any. handoff: give the count to
// that waiter directly (the caller should then yield, as Go's semrelease
// does, so the waiter runs soon: return RunResult::Yielded at the next
// safepoint). Any thread that is an M of s.
void semrelease(Scheduler& s, uint32_t* addr, bool handoff = false);

// Waiters currently queued on addr (tests, tracebacks).
int semaWaiters(uint32_t* addr);

// For the REPL's session (vm/goroutines.cpp, Goroutines::removeWaiting):
// takes g, Waiting in semacquire, off its wait list (found by searching
// every root: g does not record its address). True when it was there:
// then nothing will ready it but the caller. False when a releaser took it
// first (it will be readied as usual). Any thread.
bool semaCancelWait(G& g);

}  // namespace gol::rt
