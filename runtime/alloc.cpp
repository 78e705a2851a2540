// Allocation: the VM's three entry points onto the size-class heap (see
// alloc.h for the contract, runtime/heap.h for the heap). The P index
// picks the per-P cache, so the common allocation takes no lock; threads
// without a P (tests, the main thread before the scheduler starts) share a
// locked cache.
#include "runtime/alloc.h"

#include <cstdio>
#include <cstdlib>

#include "runtime/heap.h"
#include "runtime/sched.h"

namespace gol::rt {
namespace {

constexpr int kHeapProcs = 256;  // the scheduler's most Ps

[[noreturn]] void outOfMemory() {
  std::fputs("fatal error: runtime: out of memory\n", stderr);
  std::exit(2);
}

inline void* allocScan(uint64_t size, const TypeDesc* scan) {
  if (size > (uint64_t{1} << 48)) outOfMemory();
  void* p = heap().alloc(size, scan, currentPIndex());
  if (auto hook = allocStressHook.load(std::memory_order_relaxed)) [[unlikely]]
    hook();
  if (auto assist = allocAssistHook.load(std::memory_order_relaxed)) [[unlikely]]
    assist(size);
  return p;
}

}  // namespace

std::atomic<void (*)()> allocStressHook{nullptr};
std::atomic<void (*)(uint64_t)> allocAssistHook{nullptr};

Heap& heap() {
  // Never destroyed: goroutines left in system calls at exit may still
  // allocate (see vm::RunResult::threadsLeft).
  static Heap* h = new Heap(kHeapProcs);
  return *h;
}

void* allocateBytes(uint64_t size, bool hasPointers) {
  if (!hasPointers) return allocScan(size, nullptr);
  return allocScan((size + 7) & ~uint64_t{7}, Heap::allPointers());
}

void* allocate(const TypeDesc* type) {
  return allocScan(type->size, type->hasPointers() ? type : nullptr);
}

void* allocateArray(const TypeDesc* elem, uint64_t count) {
  if (elem->size != 0 && count > (uint64_t{1} << 48) / elem->size) outOfMemory();
  return allocScan(elem->size * count, elem->hasPointers() ? elem : nullptr);
}

const TypeDesc* recordLayout(const char* name, uint64_t size, std::initializer_list<uint64_t> pointerOffsets) {
  auto* t = new TypeDesc;
  t->name = name;
  t->kind = TypeKind::Struct;
  t->size = size;
  for (uint64_t off : pointerOffsets) t->setPointerWord(off / 8);
  return t;
}

uint64_t allocatedBytes() { return heap().stats().totalAlloc; }

}  // namespace gol::rt
