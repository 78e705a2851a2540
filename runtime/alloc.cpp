// Temporary allocator: bump allocation in calloc'ed chunks, never freed
// (see alloc.h for the contract this keeps and the heap that replaces it).
//
// Each thread bumps through a chunk of its own (thread_local), so the
// common allocation takes no lock; a lock guards only the list of chunks.
// Goroutines will run in parallel (issue 4); per-P caches come with the
// real heap.
#include "runtime/alloc.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace gol::rt {
namespace {

constexpr uint64_t kChunkBytes = 1 << 20;
constexpr uint64_t kLargeBytes = kChunkBytes / 4;  // own chunk above this

// Go hands out &zerobase for zero-sized objects; one static word does.
alignas(16) uint64_t zeroBase[2];

struct Chunk {
  Chunk* next;
  uint64_t pad;  // keeps the payload 16-byte aligned
};

std::mutex chunkLock;
Chunk* chunks = nullptr;  // every chunk ever allocated (guarded by chunkLock)
// Each thread bumps through a chunk of its own, so an allocation takes no
// lock; only getting a new chunk does.
thread_local char* bumpNext = nullptr;
thread_local char* bumpEnd = nullptr;

// Relaxed: a statistic read by tests, never used to order other memory.
std::atomic<uint64_t> allocated{0};

[[noreturn]] void outOfMemory() {
  std::fputs("fatal error: runtime: out of memory\n", stderr);
  std::exit(2);
}

char* newChunk(uint64_t payload) {
  auto* c = static_cast<Chunk*>(std::calloc(1, sizeof(Chunk) + payload));
  if (c == nullptr) outOfMemory();
  std::lock_guard<std::mutex> hold(chunkLock);
  c->next = chunks;
  chunks = c;
  return reinterpret_cast<char*>(c + 1);
}

}  // namespace

void* allocateBytes(uint64_t size, bool /*hasPointers*/) {
  if (size == 0) return zeroBase;
  if (size > (uint64_t{1} << 48)) outOfMemory();
  allocated.fetch_add(size, std::memory_order_relaxed);
  // 16-byte alignment for objects of 16 bytes or more, 8 below (as Go).
  uint64_t align = size >= 16 ? 16 : 8;
  uint64_t rounded = (size + align - 1) & ~(align - 1);
  if (rounded > kLargeBytes) return newChunk(rounded);
  auto next = (reinterpret_cast<uintptr_t>(bumpNext) + align - 1) & ~(uintptr_t{align} - 1);
  if (bumpNext == nullptr || next + rounded > reinterpret_cast<uintptr_t>(bumpEnd)) {
    bumpNext = newChunk(kChunkBytes);
    bumpEnd = bumpNext + kChunkBytes;
    next = reinterpret_cast<uintptr_t>(bumpNext);
  }
  bumpNext = reinterpret_cast<char*>(next + rounded);
  return reinterpret_cast<void*>(next);
}

void* allocate(const TypeDesc* type) { return allocateBytes(type->size, type->hasPointers()); }

void* allocateArray(const TypeDesc* elem, uint64_t count) {
  if (elem->size != 0 && count > (uint64_t{1} << 48) / elem->size) outOfMemory();
  return allocateBytes(elem->size * count, elem->hasPointers());
}

uint64_t allocatedBytes() { return allocated.load(std::memory_order_relaxed); }

}  // namespace gol::rt
