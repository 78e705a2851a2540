// Go's heap: size classes, spans, per-P caches, central lists, page heap.
//
// This is the allocator half of DESIGN.md §6, standalone: runtime/alloc.h
// does not call it yet (the collector issue wires both in together). The
// design essay is at the top of heap.cpp; this header is the interface.
//
//   Heap heap(maxProcs);
//   void* p = heap.alloc(size, noscan, pIndex);   // zeroed, never null
//   Span* s = heap.findSpan(anyInteriorPointer);  // null if not in a span
//   void* b = heap.objectBase(ptr, &size);        // start of the object
//   heap.markObject(ptr);                         // simulate the mark phase
//   heap.sweepAll();                              // free unmarked objects
//   heap.scavenge();                              // return free pages to OS
//
// `p` is the P index of the caller (rt::currentPIndex()), in [0, maxProcs),
// or -1 for a thread without a P, which then uses a locked shared cache.
// Two threads must never allocate with the same non-negative P index at the
// same time (the scheduler guarantees it: one M holds a P).
//
// Memory comes back zeroed and aligned as alloc.h promises: 8 bytes always,
// 16 for every object whose size class is a multiple of 16, a page for
// large objects. alloc(0) returns the address of a static zero word.
// Out of memory (mmap failing) is "fatal error: runtime: out of memory".
//
// Not here yet (the GC issue): where a scanned object's pointer layout
// lives (Go 1.22's 8-byte malloc header for pointerful objects over 512
// bytes; the caller would add kMallocHeaderSize to the size), lazy and
// concurrent sweeping with sweep generations, a background scavenger with
// a policy (scavenge() releases every free page now), returning arenas to
// the OS, and magic-number division in objectBase.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "runtime/sizeclasses.h"

namespace gol::rt {

inline constexpr int kNumSizeClasses = int(sizeof(kSizeClasses) / sizeof(kSizeClasses[0]));
inline constexpr uint64_t kTinySize = 16;              // tiny block size
inline constexpr uint64_t kArenaBytes = 64ull << 20;   // one mmap reservation unit
inline constexpr uint64_t kPagesPerArena = kArenaBytes / kPageSize;

// Pages per span of each size class: Go 1.22's class_to_allocnpages, a fact
// of Go's layout reproduced as data (Go derives it in mksizeclasses.go: the
// fewest pages whose tail waste is at most 1/8 of the span, computed before
// each class size was raised to the largest size with the same object
// count, which is why it is not recomputed from kSizeClasses here). Class 0
// (large) has none: its spans are sized per object.
inline constexpr uint8_t kClassPages[] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3,
    2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
};
static_assert(sizeof(kClassPages) == sizeof(kSizeClasses) / sizeof(kSizeClasses[0]));
constexpr uint32_t classPages(int c) { return c <= 0 ? 0 : kClassPages[c]; }
constexpr uint32_t classObjects(int c) {
  return c <= 0 ? 1 : uint32_t(uint64_t(classPages(c)) * kPageSize / kSizeClasses[c]);
}
// The smallest class whose size is >= size (size in 1..kMaxSmallSize).
int sizeToClass(uint64_t size);

enum class SpanState : uint8_t { Free, InUse };
enum class SpanList : uint8_t { None, Cached, Partial, Full, Large };

// A run of pages. In use: a small-object span (sizeClass > 0) cut into
// nelems objects of elemsize bytes, or one large object (sizeClass == 0).
// Free: a run in the page heap's free set. Fields marked (owner) are
// written only by whoever holds the span: the cache it is cached in, or
// the central/heap lock while it sits on a list.
struct Span {
  uintptr_t base = 0;
  uint64_t npages = 0;
  SpanState state = SpanState::Free;
  SpanList list = SpanList::None;
  int sizeClass = 0;
  bool noscan = false;
  bool needzero = false;   // free run: pages may hold old data
  bool scavenged = false;  // free run: returned to the OS (reads as zero)
  uint32_t nelems = 0;
  uint64_t elemsize = 0;
  // Allocation state (owner). Objects below freeindex are allocated; at or
  // above it, an object is free iff its allocBits bit is clear. allocCache
  // holds ~allocBits from bit freeindex to the end of its 64-bit word,
  // shifted so that bit 0 is object freeindex.
  uint32_t freeindex = 0;
  uint32_t allocCount = 0;
  uint64_t allocCache = 0;
  std::vector<uint64_t> allocBits;
  // Mark bits, set by markObject (atomically, from any thread).
  std::vector<uint64_t> gcmarkBits;
  Span* next = nullptr;  // central or large list links
  Span* prev = nullptr;

  uintptr_t limit() const { return base + npages * kPageSize; }
  bool isAllocated(uint32_t i) const {
    return i < freeindex || (allocBits[i / 64] >> (i % 64) & 1);
  }
  bool isMarked(uint32_t i) const;
};

struct HeapStats {
  uint64_t heapAlloc;     // bytes in allocated objects (size-class rounded)
  uint64_t heapSys;       // bytes reserved from the OS
  uint64_t heapInuse;     // bytes in in-use spans
  uint64_t heapReleased;  // free bytes returned to the OS and not reused
  uint64_t mallocs;       // objects allocated (tiny ones included)
  uint64_t frees;         // objects freed by sweeping
};

class Heap {
 public:
  explicit Heap(int maxProcs);
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  [[nodiscard]] void* alloc(uint64_t size, bool noscan, int p);

  // The in-use span containing ptr, or null (not heap memory, or a free
  // page). Lock-free; safe concurrently with allocation.
  Span* findSpan(const void* ptr) const;
  // Start of the object containing ptr and its size class size, or null
  // when ptr is not inside an object slot (not heap, or a span's tail
  // waste). Does not check that the slot is allocated.
  void* objectBase(const void* ptr, uint64_t* size = nullptr) const;
  // Sets the mark bit of the object containing ptr. False if ptr is not
  // in an object or the bit was already set. Atomic: any thread may call.
  bool markObject(const void* ptr);
  bool isMarked(const void* ptr) const;

  // Returns every cache's current span to its central list and drops the
  // tiny blocks. The world must be stopped: no alloc() may run.
  void flushCaches();
  // Sweeps one span that is not cached (call flushCaches first): unmarked
  // objects become free and are zeroed now (eager zeroing); the span goes
  // back to its central list, or to the page heap if nothing in it is
  // marked. Mark bits are cleared.
  void sweepSpan(Span* span);
  // flushCaches, then sweepSpan for every in-use span. World stopped.
  void sweepAll();
  // Returns the free runs' pages to the OS (madvise MADV_DONTNEED). Returns
  // the bytes released. Safe concurrently with allocation.
  uint64_t scavenge();

  HeapStats stats() const;
  int maxProcs() const { return int(caches_.size()); }

 private:
  struct Cache;
  struct Central;
  struct ArenaMap;

  void* allocSmall(Cache& c, uint64_t size, bool noscan);
  void* allocTiny(Cache& c, uint64_t size);
  void* allocLarge(uint64_t size, bool noscan);
  void refill(Cache& c, int spanClass);
  void sweepDetached(Span* s);
  Span* newSpan();
  Span* centralTake(int spanClass);
  void centralReturn(Span* s);
  // Page heap (heapLock_ held).
  Span* allocPages(uint64_t npages);  // not yet in the page table: setPages
  void freePages(Span* s);
  void grow(uint64_t npages);
  void setPages(uintptr_t base, uint64_t npages, Span* s);
  std::atomic<Span*>* pageSlot(uintptr_t addr) const;
  void insertFree(Span* s);
  void eraseFree(Span* s);
  void listPush(Span*& head, Span* s, SpanList which);
  void listRemove(Span*& head, Span* s);

  std::vector<std::unique_ptr<Cache>> caches_;
  std::unique_ptr<Cache> shared_;
  std::mutex sharedLock_;
  std::unique_ptr<Central[]> central_;  // index spanClass = class*2 + noscan

  mutable std::mutex heapLock_;
  std::unique_ptr<ArenaMap> arenas_;
  struct FreeSet;
  std::unique_ptr<FreeSet> free_;
  Span* large_ = nullptr;  // in-use large spans (heapLock_)
  std::vector<std::pair<void*, uint64_t>> mappings_;

  std::atomic<uint64_t> heapSys_{0};
  std::atomic<uint64_t> heapInuse_{0};
  std::atomic<uint64_t> heapReleased_{0};
  std::atomic<uint64_t> largeAlloc_{0};
  std::atomic<uint64_t> largeMallocs_{0};
  std::atomic<uint64_t> freedBytes_{0};
  std::atomic<uint64_t> frees_{0};
};

}  // namespace gol::rt
