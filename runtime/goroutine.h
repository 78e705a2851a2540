// G: a goroutine as the VM sees it.
//
// A goroutine is a VM-level object, not an OS thread (DESIGN.md §4). It owns
// a stack of 8-byte slots on which the interpreter lays out its frames, and,
// while it is not running, the saved state the interpreter resumes from:
// the function, pc and frame base of the innermost frame. Parking a G means
// the interpreter writes that state back here and returns; there is no
// native stack to switch, so a parked G costs its slot stack and this
// struct, nothing more.
//
// Stacks. A G's stack starts at kInitialStackBytes (2 KiB, as Go) and grows
// by copying into a stack twice the size (again, until it fits) when a call
// needs more room than is left. Copying is cheap because frames never hold
// addresses of slots: every frame is found from its base *index* and the
// chain of frame headers, and the interpreter re-derives its raw base
// pointer after any operation that may grow the stack (the "Protect" points
// of the dispatch loop, flag MayGrowStack in vm/opcodes.h). The only raw
// addresses into a stack are Gol pointers to address-taken locals that did
// not escape (DESIGN.md §7); after a copy the VM finds them with the frames'
// pointer maps and moves them by the distance the stack moved
// (vm::growStack does that walk; this file only owns the memory).
//
// A stack that would pass maxStackBytes is a fatal error, reported exactly
// as Go reports it ("runtime: goroutine stack exceeds 1000000000-byte
// limit", "fatal error: stack overflow", exit 2). The limit is per G so a
// test can lower it; programs always get kMaxStackBytes.
//
// Preemption (DESIGN.md §4) uses Go's trick: a request sets `preempt` and
// drops `stackGuard` to zero, so the very next call fails its stack check
// and takes the slow path, which notices the request and yields; loop
// back-edges test `preempt` directly. Both fields are atomics because the
// monitor thread writes them while the G runs; every access is relaxed,
// since the flag only asks for a yield "soon" and orders no other memory.
//
// Defer and panic records hang off the G (the interpreter runs them; see
// vm/interp.cpp).
//
// Scheduler fields (runtime/sched.h owns their protocol): `schedLink`
// chains a G on the global run queue or a semaphore's wait queue (it is on
// at most one list at a time); `waitReason` says why a Waiting G waits,
// with Go's strings (one table, GOL_WAIT_REASONS); `lastP` is the P it last
// ran on; `waitSince` when it began waiting (for "[chan receive, 2
// minutes]"); `semaTicket` marks a semaphore handed to it
// (runtime/sema.h). They are plain fields: each is written by whoever owns
// the G at that moment (the M running it, or the holder of the lock of the
// queue it waits on), and ownership passes with a release/acquire (a
// run-queue publish, a lock).
// The collector shrinks a stack using under a quarter of itself
// (vm::shrinkStackIfSparse).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gol::vm {
struct Function;
}

namespace gol::rt {

struct ChanWaiter;     // runtime/chan.cpp
struct ChanWaitCache;  // runtime/chan.cpp

inline constexpr uint64_t kInitialStackBytes = 2048;
inline constexpr uint64_t kMaxStackBytes = 1'000'000'000;  // Go's maxstacksize on 64-bit

enum class GStatus : uint8_t {
  Idle,      // just created, no frame yet
  Runnable,  // has saved state, waiting for an M
  Running,
  Waiting,   // parked (channel, lock, sleep); G::waitReason says why
  Syscall,
  Dead,
};

// Why a G waits, with the string Go's tracebacks print ("goroutine 5
// [chan receive]:"). Go 1.22's names and strings, a subset in Go's
// relative order; the ones gol has no use for yet (GC, tracing) are left
// out until needed. Go 1.22 prints "semacquire" for a goroutine in
// WaitGroup.Wait and "sync.Mutex.Lock" for one in Mutex.Lock (checked
// with go 1.22); SyncWaitGroupWait is a later Go's, kept for when gol
// follows it.
#define GOL_WAIT_REASONS(X)                             \
  X(Zero, "")                                           \
  X(IOWait, "IO wait")                                  \
  X(ChanReceiveNilChan, "chan receive (nil chan)")      \
  X(ChanSendNilChan, "chan send (nil chan)")            \
  X(PanicWait, "panicwait")                             \
  X(Select, "select")                                   \
  X(SelectNoCases, "select (no cases)")                 \
  X(ChanReceive, "chan receive")                        \
  X(ChanSend, "chan send")                              \
  X(Semacquire, "semacquire")                           \
  X(Sleep, "sleep")                                     \
  X(SyncCondWait, "sync.Cond.Wait")                     \
  X(SyncMutexLock, "sync.Mutex.Lock")                   \
  X(SyncRWMutexRLock, "sync.RWMutex.RLock")             \
  X(SyncRWMutexLock, "sync.RWMutex.Lock")               \
  X(SyncWaitGroupWait, "sync.WaitGroup.Wait")           \
  X(Preempted, "preempted")

enum class WaitReason : uint8_t {
#define GOL_WAIT_REASON_ENUM(name, text) name,
  GOL_WAIT_REASONS(GOL_WAIT_REASON_ENUM)
#undef GOL_WAIT_REASON_ENUM
};

// Go's text for a wait reason ("chan receive").
const char* waitReasonString(WaitReason r);

// How a G parked inside an instruction resumes (G::resumeOp).
enum class ResumeOp : uint8_t {
  None,     // after the instruction
  Retry,    // the instruction runs anew (a semaphore acquire that lost the race)
  Collect,  // the instruction runs again only to collect its outcome (a channel operation)
};

// A deferred call, waiting for the frame that deferred it to return or
// for a panic to run it. Records form a stack per G, newest first; they
// live in the heap (allocateBytes) because they outlive no frame of their
// own but must survive stack copies.
struct DeferRecord {
  DeferRecord* next;
  uint64_t closure;    // the func value called (0: panics when run, as Go)
  uint64_t frameBase;  // slot index of the frame that executed DEFER
  uint64_t argSlots;
  uint64_t args[1];    // argSlots words, evaluated when DEFER ran
};

// A panic in progress. The newest is g->panics; `link` is the one it
// interrupted (a deferred call panicked while running for it).
struct PanicRecord {
  PanicRecord* link;
  uint64_t typeWord, dataWord;  // the value, as an interface{}
  uint64_t deferFrameBase;      // frame that deferred the call running for it
  uint64_t callBase;            // base of that deferred call's frame
  uint64_t callerPc;            // saved pc of the frame it was called above
  int32_t runtimeError;         // rt::RuntimeError as int, or -1 (a panic(v))
  bool recovered;
};

// Where a stack moved, for adjusting pointers into it.
struct StackMove {
  uintptr_t oldLo = 0, oldHi = 0;  // [oldLo, oldHi) was the old stack
  intptr_t delta = 0;              // new address - old address
};

class G {
 public:
  explicit G(int64_t id);
  ~G();
  G(const G&) = delete;
  G& operator=(const G&) = delete;

  int64_t id;
  GStatus status = GStatus::Idle;

  // The slot stack: slots [0, stackSlots). Frames grow upwards.
  uint64_t* stack = nullptr;
  uint64_t stackSlots = 0;
  uint64_t maxStackBytes = kMaxStackBytes;

  // Saved state of the innermost frame while not running.
  const vm::Function* fn = nullptr;
  const uint64_t* pc = nullptr;
  uint64_t base = 0;  // slot index of the frame's slot 0

  // Opaque pointer to whatever owns this G (the VM instance), for natives.
  void* owner = nullptr;

  // Where a `go` statement started this G, for tracebacks ("created by").
  const vm::Function* createdBy = nullptr;
  int32_t createdLine = 0;
  int64_t createdByGoid = 0;

  // Scheduler state (protocol in runtime/sched.h and the file comment).
  WaitReason waitReason = WaitReason::Zero;
  G* schedLink = nullptr;  // next on the global run queue or a wait queue
  int32_t lastP = -1;      // index of the P it last ran on
  int64_t waitSince = 0;    // monotonic ns when it started waiting (for traces)
  uint32_t semaTicket = 0;  // runtime/sema.cpp: set when a release hands it the semaphore
  // Calls from natives back into Gol in progress on this G (vm::callNested):
  // while > 0 the G cannot park (a native's C++ frames are below), so
  // waits block the M as a system call would.
  uint32_t nestedCalls = 0;
  // channels (runtime/chan.cpp; protocol in its file comment).
  // chanCache: this G's waiter records (one per case of its pending
  // channel operation), owned, reused by every operation, freed by ~G.
  // Touched only by the G's own code and, while it is parked, by the park
  // commit on its M. chanWaker: the record of the operation that completed
  // (or was closed), written by the waker under that channel's lock before
  // ready(); read by chanResume. selectDone: 0 while a select waits; the
  // first channel to fire CASes it to 1, so only one case of a select
  // wins. Atomic because wakers on different channels (different locks)
  // race for it; acq_rel for simplicity (every access is also under some
  // channel lock, which orders the rest).
  ChanWaitCache* chanCache = nullptr;
  ChanWaiter* chanWaker = nullptr;
  std::atomic<uint32_t> selectDone{0};
  // The instruction before pc parked this G and runs again when it
  // resumes (vm/interp.cpp); pc stays just past it meanwhile, as for any
  // frame, so tracebacks show its line.
  ResumeOp resumeOp = ResumeOp::None;
  // Set by the collector when the stack is mostly unused; the G shrinks
  // it itself when it next starts a turn (vm/goroutines.cpp), as Go's
  // preemptShrink: only then is nothing outside the stack pointing in.
  std::atomic<bool> shrinkRequested{false};
  // The collector's stack scan (vm/gc.cpp, "Stacks"): onM while an M runs
  // a turn of this G (or sets it up for reuse); scanBusy while a scanner
  // on another thread reads its stack; scannedCycle is the mark cycle
  // whose scan covered it. The two flags are a Dekker pair (seq_cst
  // store, then seq_cst load of the other): an M and a scanner never
  // both go ahead.
  std::atomic<bool> onM{false};
  std::atomic<bool> scanBusy{false};
  std::atomic<uint32_t> scannedCycle{0};
  // The VM's list of live G's (vm/goroutines.cpp), under its lock.
  G* allPrev = nullptr;
  G* allNext = nullptr;

  DeferRecord* defers = nullptr;  // newest first
  PanicRecord* panics = nullptr;  // newest first

  std::atomic<bool> preempt{false};
  // Address one past the last usable slot, or 0 while a preemption is
  // requested (see the file comment). The interpreter compares the end of
  // a new frame against it on every call.
  std::atomic<uintptr_t> stackGuard{0};

  uintptr_t stackEnd() const { return reinterpret_cast<uintptr_t>(stack + stackSlots); }

  // Grow the stack so that at least `neededSlots` slots exist, doubling as
  // Go does. Copies the used prefix [0, usedSlots) and returns where it
  // moved; returns false (stack untouched) if the new size would pass
  // maxStackBytes: the caller reports the overflow.
  [[nodiscard]] bool growStack(uint64_t neededSlots, uint64_t usedSlots, StackMove* moved);

  // Halve the stack (not below the initial size), keeping the used prefix
  // [0, usedSlots), which must fit in a quarter of it. The collector's
  // (Go's shrinkstack); false when the stack is already minimal.
  bool shrinkStack(uint64_t usedSlots, StackMove* moved);

  // Make a dead G new again as goroutine `newId`, keeping its stack (cut
  // back to the initial size if it grew), for reuse by a later `go`.
  void reuse(int64_t newId);

  // Ask the G to yield at its next safepoint. Safe from any thread.
  void requestPreempt();
  // Called by the G itself when it honours a request.
  void clearPreempt();

  // The size growStack would report as exceeding the limit, for the
  // message; valid after growStack returned false.
  uint64_t failedStackBytes = 0;

 private:
  void resetGuard();
  // Moves the used prefix to `fresh` (newSlots long) and frees the old.
  void moveStack(uint64_t* fresh, uint64_t newSlots, uint64_t usedSlots, StackMove* moved);
};

}  // namespace gol::rt
