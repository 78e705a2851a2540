// Go's heap: size classes, spans, per-P caches, central lists, page heap,
// and the heap's half of the garbage collector (object layout, lookup,
// mark bits, sweeping, heapLive accounting).
//
// The design essay is at the top of heap.cpp; this header is the interface.
//
//   Heap heap(maxProcs);
//   void* p = heap.alloc(size, typeOrNull, pIndex);  // zeroed, never null
//   ObjectRef o;
//   if (heap.findObject(word, &o) && heap.mark(o))   // mark loop, world stopped
//     heap.forEachPointerWord(o, [](uint64_t* w) { ... });
//   heap.sweepAll();                                 // free unmarked objects
//   heap.scavenge();                                 // return free pages to OS
//
// `p` is the P index of the caller (rt::currentPIndex()), in [0, maxProcs),
// or -1 for a thread without a P, which then uses a locked shared cache.
// Two threads must never allocate with the same non-negative P index at the
// same time (the scheduler guarantees it: one M holds a P).
//
// Memory comes back zeroed. Alignment: 8 bytes always; 16 for every object
// without a malloc header whose size class is a multiple of 16; a page for
// large objects. Objects with a malloc header (pointerful, over 512 bytes,
// small) are 8-aligned, as in Go 1.22. alloc(0) returns the address of a
// static zero word. Out of memory (mmap failing) is "fatal error: runtime:
// out of memory".
//
// When each call is legal (the collector's contract):
//   - alloc: any time, from any thread (with its own P index, or -1).
//   - findObject, mark, forEachPointerWord: while marking, which is after
//     finishSweep (a sweep frees spans and rewrites allocation bits under
//     a lookup). The first collector marks with the world stopped; they
//     are thread-safe with each other (parallel markers).
//   - startSweep: world stopped, right after marking (and after the
//     previous cycle's finishSweep). Then sweepOne from any thread
//     (a background sweeper), concurrently with alloc on every P, but
//     never during startSweep (a sweeper must be stopped by the world
//     stop); alloc sweeps what it is about to reuse. finishSweep (any
//     thread) before the next mark.
//   - sweepAll (startSweep + finishSweep), flushCaches, sweepSpan: world
//     stopped.
//   - setAllocBlack: any time (the collector turns it on when marking
//     starts concurrently, off when marking ends).
//   - scavenge: any time.
//
// Not here yet: a background scavenger with a policy (the collector's
// side), returning arenas to the OS, concurrent marking's requirements on
// findObject (a span freed by a concurrent sweep; freeindex read while
// its P allocates).
#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "runtime/sizeclasses.h"
#include "runtime/typedesc.h"

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
  // Offset-to-index division as a multiply: idx = (off * divMul) >> 32, exact
  // for every offset inside a small span (tested for all classes).
  uint32_t divMul = 0;
  // Where the objects' pointer layout lives (nothing for noscan spans):
  //  - heapBits: scan spans of elemsize <= 512, one bit per 8-byte word of
  //    the span, written by alloc for the slot's words (owner; read by the
  //    markers with relaxed atomic loads);
  //  - a malloc header (the first 8 bytes of the slot: const TypeDesc*) in
  //    scan spans of elemsize > 512;
  //  - largeType/largeSize for a large object (sizeClass 0).
  std::vector<uint64_t> heapBits;
  const TypeDesc* largeType = nullptr;
  uint64_t largeSize = 0;
  // Go's mspan.sweepgen, against the heap's sweepgen sg (which grows by 2
  // per cycle): sg-2 needs sweeping, sg-1 is being swept, sg is swept.
  // Atomic: read by whoever looks at a span it does not own (asserts).
  std::atomic<uint32_t> sweepgen{0};
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
    // Relaxed: the owner may be advancing freeindex (see setFreeindex).
    uint32_t fi = std::atomic_ref<uint32_t>(const_cast<uint32_t&>(freeindex)).load(std::memory_order_relaxed);
    return i < fi || (allocBits[i / 64] >> (i % 64) & 1);
  }
  bool isMarked(uint32_t i) const;
  uint32_t objectIndex(uintptr_t addr) const {
    return sizeClass == 0 ? 0 : uint32_t(((addr - base) * uint64_t(divMul)) >> 32);
  }
};

// An allocated object, as findObject names it: base is the start of its
// slot (the malloc header included).
struct ObjectRef {
  uintptr_t base = 0;
  Span* span = nullptr;
  uint32_t index = 0;
};

// runtime.MemStats's heap fields. Per-cache counters are read without
// stopping their owners, so heapAlloc is exact once the world is stopped.
struct HeapStats {
  uint64_t heapAlloc;     // bytes in allocated objects (size-class rounded)
  uint64_t totalAlloc;    // bytes ever allocated (size-class rounded)
  uint64_t heapSys;       // bytes reserved from the OS
  uint64_t heapIdle;      // bytes in free spans (released ones included)
  uint64_t heapInuse;     // bytes in in-use spans
  uint64_t heapReleased;  // free bytes returned to the OS and not reused
  uint64_t heapObjects;   // allocated objects (a tiny block counts once)
  uint64_t mallocs;       // objects allocated (tiny ones included)
  uint64_t frees;         // objects freed by sweeping
};

class Heap {
 public:
  explicit Heap(int maxProcs);
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // An object of `size` bytes whose pointer layout is `scan` repeated
  // size/scan->size times (scan->size divides size); scan == nullptr (or a
  // type without pointers) means no pointers: a noscan span, the tiny
  // allocator for size < 16. Zeroed, never null. `scan` must be immortal.
  [[nodiscard]] void* alloc(uint64_t size, const TypeDesc* scan, int p);
  // The old interface: noscan == false means "every word may hold a pointer".
  [[nodiscard]] void* alloc(uint64_t size, bool noscan, int p) {
    return alloc(size, noscan ? nullptr : allPointers_, p);
  }
  // One 8-byte word that is a pointer.
  static const TypeDesc* allPointers();

  // The allocated object containing address p (interior pointers allowed;
  // the malloc header is part of its object), or false: p not in the heap,
  // in a free slot, in a span's tail waste, or in a free span. p may be any
  // word (a stale scalar): never crashes. Lock-free. Legal while the world
  // is stopped, or while no sweep runs concurrently (objects in every P's
  // cached span are seen as they are: no flushCaches needed).
  bool findObject(uintptr_t p, ObjectRef* out) const;
  // Sets o's mark bit; true if it was clear. Atomic: any thread. Counts the
  // object's bytes as marked (heapLive after the sweep).
  bool mark(const ObjectRef& o);
  // As mark, but the caller counts the bytes and hands a batch's total to
  // addMarkedBytes (the mark loop: one shared atomic per batch, not per
  // object). A bit already set is seen with a plain load, no RMW.
  bool markUncounted(const ObjectRef& o) {
    uint64_t bit = uint64_t(1) << (o.index % 64);
    std::atomic_ref<uint64_t> w(o.span->gcmarkBits[o.index / 64]);
    if (w.load(std::memory_order_relaxed) & bit) return false;
    return (w.fetch_or(bit, std::memory_order_relaxed) & bit) == 0;
  }
  void addMarkedBytes(uint64_t n) { markedBytes_.fetch_add(n, std::memory_order_relaxed); }
  // Calls f(uint64_t* word) for each word of o that holds a pointer per its
  // layout (none for a noscan span), the malloc header excepted.
  template <typename F>
  void forEachPointerWord(const ObjectRef& o, F&& f) const;

  // Go's heapLive: bytes of the objects marked before the last sweep began,
  // plus the slots of every span handed to a cache since (counted whole at
  // refill, minus its unused slots when it goes back), plus large objects
  // allocated since.
  uint64_t heapLive() const { return heapLive_.load(std::memory_order_relaxed); }
  // Calls onTrigger() once, on an allocating thread, with no heap lock held
  // and after that allocation is complete (its object is not yet reachable
  // from anything: a collection run inside onTrigger must not free it, so
  // it had better only request one), when heapLive() reaches `bytes`.
  // Checked at refill and large allocation, not on the fast path. Each call
  // re-arms it; bytes == UINT64_MAX disarms.
  void setTrigger(uint64_t bytes, void (*onTrigger)());

  // The in-use span containing ptr, or null (not heap memory, or a free
  // page). Lock-free; safe concurrently with allocation.
  Span* findSpan(const void* ptr) const;
  // Start of the object containing ptr and its size class size, or null
  // when ptr is not inside an object slot (not heap, or a span's tail
  // waste). Does not check that the slot is allocated.
  void* objectBase(const void* ptr, uint64_t* size = nullptr) const;
  // findObject + mark: false if ptr is not in an allocated object or the
  // bit was already set. Atomic: any thread may call.
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
  // startSweep + finishSweep. World stopped.
  void sweepAll();
  // Lazy sweeping (Go's sweepgen scheme). World stopped, after marking:
  // flushes every cache, resets heapLive to the bytes marked, and makes
  // every in-use span "needs sweeping" (no per-object work). Fatal if the
  // previous cycle's sweep was not finished.
  void startSweep();
  // Sweeps one span that needs it; false when none is left. Any thread,
  // concurrently with allocation.
  bool sweepOne();
  // Sweeps every span left and waits for sweeps in flight on other threads.
  void finishSweep();
  // While on, every new object is allocated marked (black), for a
  // concurrent marker; its bytes count as marked.
  void setAllocBlack(bool on) { allocBlack_.store(on, std::memory_order_relaxed); }
  // Returns free pages to the OS (madvise MADV_DONTNEED), highest addresses
  // first, until heapSys - heapReleased <= retainBytes or no unreleased
  // free page is left. Returns the bytes released. Safe concurrently with
  // allocation.
  uint64_t scavenge(uint64_t retainBytes);
  uint64_t scavenge() { return scavenge(0); }  // every free page

  // Calls f(ref, ctx) on every marked object of every in-use span, the
  // world stopped (GODEBUG=gccheckmark's walk, vm/gc.cpp).
  void forEachMarkedObject(void (*f)(const ObjectRef& o, void* ctx), void* ctx) const;

  HeapStats stats() const;
  int maxProcs() const { return int(caches_.size()); }

 private:
  struct Cache;
  struct Central;
  struct ArenaMap;

  void* allocIn(Cache& c, uint64_t size, const TypeDesc* scan);
  void* allocSmall(Cache& c, uint64_t size, bool noscan, Span** span, uint32_t* index);
  void* allocTiny(Cache& c, uint64_t size);
  void* allocLarge(uint64_t size, const TypeDesc* scan);
  void refill(Cache& c, int spanClass);
  void uncache(Cache& c, int spanClass);
  bool crossedTrigger(uint64_t live);
  void fireTrigger();
  bool sweepNow(Span* s, uint32_t sg);
  bool sweepOneSpan(uint64_t* freedPages);
  void markNew(Cache& c, Span* s, uint32_t idx);
  void keepSwept(Span* s);
  Span* newSpan();
  Span* centralTake(int spanClass);
  Span* takeUnswept(Central& ce, int unswept);
  void centralReturn(Span* s);
  // Page heap (heapLock_ held).
  Span* allocPages(uint64_t npages);  // not yet in the page table: setPages
  void freePages(Span* s);
  void grow(uint64_t npages);
  void setPages(uintptr_t base, uint64_t npages, Span* s);
  std::atomic<Span*>* pageSlot(uintptr_t addr) const;
  void insertFree(Span* s);
  void insertRun(Span* s);
  void eraseFree(Span* s);
  void listPush(Span*& head, Span* s, SpanList which);
  void listRemove(Span*& head, Span* s);

  const TypeDesc* allPointers_;
  std::vector<std::unique_ptr<Cache>> caches_;
  std::unique_ptr<Cache> shared_;
  std::mutex sharedLock_;
  std::unique_ptr<Central[]> central_;  // index spanClass = class*2 + noscan

  mutable std::mutex heapLock_;
  std::unique_ptr<ArenaMap> arenas_;
  struct FreeSet;
  std::unique_ptr<FreeSet> free_;
  // In-use large spans (heapLock_), swept ones at large_[sweptSet(sg)].
  Span* large_[2] = {};
  std::vector<std::pair<void*, uint64_t>> mappings_;

  std::atomic<uint64_t> heapSys_{0};
  std::atomic<uint64_t> heapInuse_{0};
  std::atomic<uint64_t> heapReleased_{0};
  std::atomic<uint64_t> largeAlloc_{0};
  std::atomic<uint64_t> largeMallocs_{0};
  std::atomic<uint64_t> freedBytes_{0};
  std::atomic<uint64_t> frees_{0};
  // heapLive's parts: relaxed, they are counters; the collector's phases
  // (stop-the-world) order them with everything else.
  std::atomic<uint64_t> heapLive_{0};
  std::atomic<uint64_t> markedBytes_{0};
  std::atomic<uint64_t> trigger_{UINT64_MAX};
  std::atomic<void (*)()> onTrigger_{nullptr};
  // The heap's sweepgen: written only by startSweep (world stopped); relaxed
  // everywhere, the stop-the-world orders it.
  std::atomic<uint32_t> sweepgen_{0};
  std::atomic<int> sweepCursor_{0};  // span classes below it have no unswept spans
  // Threads inside a sweep (or about to take a span to sweep): finishSweep
  // waits for zero. Acquire/release: the sweep's writes happen before.
  std::atomic<int> sweepers_{0};
  std::atomic<bool> allocBlack_{false};
};

// ---- inline: the mark loop's inner step ----------------------------------------

namespace heapdetail {

// Calls f on each pointer word of [start, end) laid out as t repeated
// (t->pointerWords has no bits past t->size, as TypeDesc promises).
template <typename F>
void forEachTypedWord(const TypeDesc* t, uintptr_t start, uintptr_t end, F& f) {
  if (!t || t->size == 0) return;
  // Whole elements only: an object is a whole number of them, so a partial
  // one at the end is a slot's tail.
  for (uintptr_t rep = start; rep + t->size <= end; rep += t->size) {
    for (size_t i = 0; i < t->pointerWords.size(); i++) {
      uint64_t bits = t->pointerWords[i];
      while (bits) {
        uintptr_t w = rep + (i * 64 + uint64_t(std::countr_zero(bits))) * 8;
        bits &= bits - 1;
        f(reinterpret_cast<uint64_t*>(w));
      }
    }
  }
}

}  // namespace heapdetail

template <typename F>
void Heap::forEachPointerWord(const ObjectRef& o, F&& f) const {
  const Span* s = o.span;
  if (s->noscan) return;
  if (s->sizeClass == 0) {
    heapdetail::forEachTypedWord(s->largeType, o.base, o.base + s->largeSize, f);
    return;
  }
  if (s->heapBits.empty()) {  // malloc header
    // Relaxed atomic: written by the allocating P before the object is
    // published; a concurrent marker only finds published objects.
    const TypeDesc* t = std::atomic_ref<const TypeDesc*>(
        *reinterpret_cast<const TypeDesc**>(o.base)).load(std::memory_order_relaxed);
    heapdetail::forEachTypedWord(t, o.base + kMallocHeaderSize, o.base + s->elemsize, f);
    return;
  }
  uint64_t first = (o.base - s->base) / 8;
  uint64_t n = s->elemsize / 8;  // <= 64
  uint64_t w = first / 64, off = first % 64;
  auto load = [&](uint64_t i) {
    return std::atomic_ref<uint64_t>(const_cast<uint64_t&>(s->heapBits[i]))
        .load(std::memory_order_relaxed);
  };
  uint64_t bits = load(w) >> off;
  if (off + n > 64) bits |= load(w + 1) << (64 - off);
  if (n < 64) bits &= (uint64_t(1) << n) - 1;
  while (bits) {
    uint64_t i = uint64_t(std::countr_zero(bits));
    bits &= bits - 1;
    f(reinterpret_cast<uint64_t*>(o.base + i * 8));
  }
}

}  // namespace gol::rt
