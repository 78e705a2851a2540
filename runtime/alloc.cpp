// Temporary allocator: calloc, never free (see alloc.h for the contract
// this keeps and the heap that will replace it).
#include "runtime/alloc.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace gol::rt {
namespace {

// Go hands out &zerobase for zero-sized objects; one static word does.
alignas(16) uint64_t zeroBase[2];

// Relaxed: a statistic read by tests, never used to order other memory.
std::atomic<uint64_t> allocated{0};

[[noreturn]] void outOfMemory() {
  std::fputs("fatal error: runtime: out of memory\n", stderr);
  std::exit(2);
}

}  // namespace

void* allocateBytes(uint64_t size, bool /*hasPointers*/) {
  if (size == 0) return zeroBase;
  // calloc gives 16-byte alignment on every platform we build for.
  void* p = std::calloc(1, size);
  if (p == nullptr) outOfMemory();
  allocated.fetch_add(size, std::memory_order_relaxed);
  return p;
}

void* allocate(const TypeDesc* type) { return allocateBytes(type->size, type->hasPointers()); }

void* allocateArray(const TypeDesc* elem, uint64_t count) {
  if (elem->size != 0 && count > UINT64_MAX / elem->size) outOfMemory();
  return allocateBytes(elem->size * count, elem->hasPointers());
}

uint64_t allocatedBytes() { return allocated.load(std::memory_order_relaxed); }

}  // namespace gol::rt
