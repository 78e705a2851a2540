// G: stack memory and preemption requests (design in goroutine.h).
//
// Goroutine stacks are not GC heap objects: they are owned by their G and
// come from malloc. The GC will scan them through the frames' pointer maps
// (DESIGN.md §3), never as untyped memory.
#include "runtime/goroutine.h"

#include "runtime/barrier.h"

#include "runtime/chan.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/chan.h"  // freeChanWaitCache

namespace gol::rt {

const char* waitReasonString(WaitReason r) {
  static constexpr const char* kText[] = {
#define GOL_WAIT_REASON_TEXT(name, text) text,
      GOL_WAIT_REASONS(GOL_WAIT_REASON_TEXT)
#undef GOL_WAIT_REASON_TEXT
  };
  auto i = static_cast<size_t>(r);
  return i < sizeof kText / sizeof kText[0] ? kText[i] : "";
}

G::G(int64_t goid) : id(goid) {
  stackSlots = kInitialStackBytes / sizeof(uint64_t);
  stack = static_cast<uint64_t*>(std::calloc(stackSlots, sizeof(uint64_t)));
  if (stack == nullptr) {
    std::fputs("fatal error: runtime: cannot allocate memory\n", stderr);
    std::exit(2);
  }
  registerStack(stack, stackSlots * sizeof(uint64_t));
  resetGuard();
}

G::~G() {
  unregisterStack(stack);
  std::free(stack);
  freeChanWaitCache(chanCache);
}

void G::reuse(int64_t newId) {
  shrinkRequested.store(false, std::memory_order_relaxed);
  id = newId;
  status = GStatus::Idle;
  if (stackSlots != kInitialStackBytes / sizeof(uint64_t)) {
    unregisterStack(stack);
    std::free(stack);
    stackSlots = kInitialStackBytes / sizeof(uint64_t);
    stack = static_cast<uint64_t*>(std::calloc(stackSlots, sizeof(uint64_t)));
    if (stack == nullptr) {
      std::fputs("fatal error: runtime: cannot allocate memory\n", stderr);
      std::exit(2);
    }
    registerStack(stack, stackSlots * sizeof(uint64_t));
  }
  fn = nullptr;
  pc = nullptr;
  base = 0;
  createdBy = nullptr;
  createdLine = 0;
  createdByGoid = 0;
  waitReason = WaitReason::Zero;
  schedLink = nullptr;
  lastP = -1;
  waitSince = 0;
  semaTicket = 0;
  nestedCalls = 0;
  chanWaker = nullptr;
  selectDone.store(0, std::memory_order_relaxed);
  resumeOp = ResumeOp::None;
  defers = nullptr;
  panics = nullptr;
  preempt.store(false, std::memory_order_relaxed);
  resetGuard();
}

bool G::growStack(uint64_t neededSlots, uint64_t usedSlots, StackMove* moved) {
  uint64_t newSlots = stackSlots;
  while (newSlots < neededSlots) {
    newSlots *= 2;
    if (newSlots * sizeof(uint64_t) > maxStackBytes) {
      failedStackBytes = newSlots * sizeof(uint64_t);
      return false;
    }
  }
  auto* fresh = static_cast<uint64_t*>(std::malloc(newSlots * sizeof(uint64_t)));
  if (fresh == nullptr) {
    std::fputs("fatal error: runtime: cannot allocate memory\n", stderr);
    std::exit(2);
  }
  moveStack(fresh, newSlots, usedSlots, moved);
  return true;
}

void G::moveStack(uint64_t* fresh, uint64_t newSlots, uint64_t usedSlots, StackMove* moved) {
  // The used prefix is copied; the rest is left for frames to initialise
  // (pointer slots are zeroed on frame entry, so garbage above the top
  // frame is never scanned).
  std::memcpy(fresh, stack, usedSlots * sizeof(uint64_t));
  moved->oldLo = reinterpret_cast<uintptr_t>(stack);
  moved->oldHi = reinterpret_cast<uintptr_t>(stack + stackSlots);
  moved->delta = reinterpret_cast<intptr_t>(fresh) - reinterpret_cast<intptr_t>(stack);
  unregisterStack(stack);
  std::free(stack);
  stack = fresh;
  stackSlots = newSlots;
  registerStack(stack, stackSlots * sizeof(uint64_t));
  resetGuard();
}

bool G::shrinkStack(uint64_t usedSlots, StackMove* moved) {
  uint64_t newSlots = stackSlots / 2;
  if (newSlots * sizeof(uint64_t) < kInitialStackBytes || usedSlots > newSlots / 2) return false;
  auto* fresh = static_cast<uint64_t*>(std::malloc(newSlots * sizeof(uint64_t)));
  if (fresh == nullptr) return false;  // keep the big one
  moveStack(fresh, newSlots, usedSlots, moved);
  return true;
}

void G::requestPreempt() {
  preempt.store(true, std::memory_order_relaxed);
  stackGuard.store(0, std::memory_order_relaxed);
}

void G::clearPreempt() {
  preempt.store(false, std::memory_order_relaxed);
  resetGuard();
}

void G::resetGuard() {
  // A request that raced with a growth must not be lost: keep the guard
  // down while the flag is up.
  stackGuard.store(preempt.load(std::memory_order_relaxed) ? 0 : stackEnd(),
                   std::memory_order_relaxed);
}

}  // namespace gol::rt
