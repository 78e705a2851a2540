// Go's heap, after malloc.go, mheap.go, mcentral.go and mcache.go.
//
// Structures, from the caller down:
//
//   Cache (Go's mcache), one per P plus one shared, locked cache for
//   threads without a P. It holds one current Span per span class
//   (spanClass = sizeClass*2 + noscan: pointer-free objects live in spans
//   of their own, so the collector never scans them) and the tiny block.
//   The fast path takes the next free slot of the current span with no
//   lock and no atomic read-modify-write: a P is held by one M at a time.
//
//   Tiny allocator: pointer-free requests under 16 bytes are packed into a
//   16-byte noscan block, aligned to 8/4/2 by their size; a block is freed
//   only when none of the objects in it is reachable (the collector marks
//   the block).
//
//   Span (mspan): a run of pages. A small span is cut into nelems slots of
//   one size class; a large object (> 32 KiB - 8) has a span to itself
//   (sizeClass 0). Free slots are found as Go does: allocBits has a bit
//   per allocated slot, slots below freeindex count as allocated, and
//   allocCache caches the inverted bits of freeindex's 64-bit word so the
//   next free slot is one count-trailing-zeros away.
//
//   Central (mcentral), one per span class, under its own lock: spans with
//   free slots (partial) and spans without (full), each list twice: swept
//   and unswept (below). A cache refills from the swept partial list, else
//   by sweeping unswept spans of its class, else from a fresh span of the
//   page heap.
//
//   Page heap (mheap), under heapLock_: memory is reserved from the OS in
//   64 MiB-aligned arenas (mmap, MAP_NORESERVE). Free runs of pages sit in
//   a set ordered by (npages, base) for best fit, and in maps by base and
//   by end so a freed run merges with its free neighbours at once. The
//   page table (arena map: L1 → L2 → per-arena array of Span*, one per
//   page) names the in-use span of every page, for findSpan on interior
//   pointers; free pages map to null. It is written under heapLock_ and
//   read lock-free (acquire loads), which is why Span objects are never
//   deleted while the heap lives: they are recycled through a pool.
//
//   Object layout (Go 1.22's allocation headers): the collector must know
//   which words of an object hold pointers. Noscan spans hold none. Scan
//   objects of at most 512 bytes get one bit per word in their span's
//   heapBits, written at allocation from the type's pointer bitmap
//   repeated; those over 512 bytes in small classes carry an 8-byte header
//   (the TypeDesc*) at the start of the slot, and alloc returns slot+8;
//   large objects keep the TypeDesc* in their Span. A request is large once
//   size > 32 KiB - 8, for noscan ones too (so that a scan object with its
//   header fits a small class), as Go does and as roundUpSize assumes.
//
//   Collector interface: findObject maps any word to the allocated object
//   containing it (page table → span → slot by a multiply, then the slot's
//   allocation state: below freeindex or in allocBits, which with the world
//   stopped is exact for cached spans too); mark sets the slot's bit in
//   gcmarkBits atomically and counts its bytes; forEachPointerWord reads
//   the layout above. A sweep makes allocBits = allocated & marked, zeroes
//   and un-bits the freed slots, and frees spans with no survivors.
//
//   Sweeping is lazy, with Go's sweep generations. The heap's sweepgen sg
//   grows by 2 at each startSweep; a span's sweepgen is sg-2 (needs
//   sweeping), sg-1 (being swept) or sg (swept). startSweep (world
//   stopped) flushes the caches and bumps sg: every in-use span becomes
//   unswept at once, because the lists are kept in pairs indexed by
//   sg/2%2, so yesterday's swept lists are today's unswept ones. A span is
//   swept by whoever takes it off an unswept list under its list's lock:
//   sweepOne (a background sweeper, finishSweep), a refill of its class
//   (which must sweep before it reuses a slot, as Go's mcentral does), or
//   a large allocation (which first sweeps until as many pages as it needs
//   were freed, Go's reclaim). Caches only ever hold swept spans, and new
//   spans are born swept, so an object allocated after startSweep is never
//   freed by this cycle's sweep. With allocBlack on, new objects are born
//   marked instead (for a concurrent marker).
//
//   heapLive (Go's gcController.heapLive), for the pacer: startSweep resets
//   it to the bytes marked since the previous one, allocate-black objects
//   included (Go does it at mark termination); then every refill adds the span's free slots (the cache
//   will allocate them without telling anyone), every return of a cached
//   span takes back its unused ones, and large objects add their pages.
//   The trigger is checked where heapLive grows, never on the fast path.
//
// Invariants:
//   - every free slot of an in-use span holds zeros. Fresh spans are zeroed
//     when their run may hold old data (needzero); sweeping zeroes the slots
//     it frees at once (eager zeroing: allocation never zeroes small
//     objects). Large objects are zeroed at allocation if needzero.
//   - a scavenged free run reads as zero (MADV_DONTNEED on private
//     anonymous memory), so scavenging clears needzero.
//   - a span is in exactly one place: a cache (list Cached), a central
//     partial or full list, the large list, or the free set (Free).
//   - a span on a list or in a cache is owned by that list's lock or that
//     cache; sweeping takes it off its list first, so one thread sweeps it.
//
// Lock order: sharedLock_ → central lock → heapLock_. Caches never lock.
//
// Counters: each cache counts its own mallocs and bytes (single writer,
// relaxed atomics so stats() may read them from anywhere); frees are
// counted by sweeping. heapAlloc = allocated - freed. A tiny object packed
// into an existing block is a malloc but not an object of its own:
// heapObjects = mallocs - packed - frees.
#include "runtime/heap.h"

#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <thread>

namespace gol::rt {

namespace {

[[noreturn]] void outOfMemory() {
  std::fputs("fatal error: runtime: out of memory\n", stderr);
  std::exit(2);
}

[[noreturn]] void heapFatal(const char* msg) {
  std::fprintf(stderr, "fatal error: %s\n", msg);
  std::abort();
}

alignas(16) uint64_t zerobase[2];

constexpr int kNumSpanClasses = kNumSizeClasses * 2;
constexpr uint64_t kSmallSizeMax = 1024;  // below: 8-byte steps; above: 128

struct ClassTables {
  uint8_t by8[kSmallSizeMax / 8 + 1];
  uint8_t by128[(kMaxSmallSize - kSmallSizeMax) / 128 + 1];
  ClassTables() {
    for (uint64_t i = 0; i <= kSmallSizeMax / 8; i++) by8[i] = uint8_t(search(i * 8));
    for (uint64_t i = 0; i <= (kMaxSmallSize - kSmallSizeMax) / 128; i++)
      by128[i] = uint8_t(search(kSmallSizeMax + i * 128));
  }
  static int search(uint64_t size) {
    for (int c = 1; c < kNumSizeClasses; c++)
      if (kSizeClasses[c] >= size) return c;
    return kNumSizeClasses - 1;
  }
};
const ClassTables classTables;

// Arena map geometry: 48-bit addresses, 64 MiB arenas → 2^22 arena
// indices, split 2^11 × 2^11.
constexpr int kArenaShift = 26;
static_assert(kArenaBytes == uint64_t(1) << kArenaShift);
constexpr int kL2Bits = 11;
constexpr uint64_t kL1Entries = uint64_t(1) << (48 - kArenaShift - kL2Bits);
constexpr uint64_t kL2Entries = uint64_t(1) << kL2Bits;

}  // namespace

int sizeToClass(uint64_t size) {
  if (size <= kSmallSizeMax) return classTables.by8[(size + 7) / 8];
  return classTables.by128[(size - kSmallSizeMax + 127) / 128];
}

const TypeDesc* Heap::allPointers() {
  static const TypeDesc desc = [] {
    TypeDesc d;
    d.name = "unsafe.Pointer";
    d.kind = TypeKind::Pointer;
    d.size = 8;
    d.align = 8;
    d.pointerWords = {1};
    return d;
  }();
  return &desc;
}

bool Span::isMarked(uint32_t i) const {
  std::atomic_ref<uint64_t> w(const_cast<uint64_t&>(gcmarkBits[i / 64]));
  return w.load(std::memory_order_relaxed) >> (i % 64) & 1;
}

namespace {
// A counter with one writer: a plain add, atomic only so others may read.
void bump(std::atomic<uint64_t>& a, uint64_t n) {
  a.store(a.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
}
}  // namespace

struct Heap::Cache {
  Span* alloc[kNumSpanClasses] = {};
  uintptr_t tiny = 0;
  uint64_t tinyOffset = 0;
  Span* tinySpan = nullptr;  // the tiny block's slot, to mark it black
  uint32_t tinyIndex = 0;
  // The heap bits of the last small scan object allocated here.
  const TypeDesc* bitsType = nullptr;
  uint64_t bitsSize = 0;
  uint64_t bitsMask = 0;
  bool triggerPending = false;  // refill crossed the trigger: fire after alloc
  // Single writer (the cache's owner); atomic so stats() can read.
  std::atomic<uint64_t> allocBytes{0};
  std::atomic<uint64_t> mallocs{0};
  std::atomic<uint64_t> tinyPacked{0};  // tiny objects put in an existing block
  std::atomic<uint64_t> blackBytes{0};  // allocated black since startSweep
  void count(uint64_t bytes) { bump(allocBytes, bytes); }
  void countMalloc() { bump(mallocs, 1); }
};

// Lists of spans, indexed [sweptSet(sg)] for swept ones and the other for
// unswept ones (lock held).
struct Heap::Central {
  std::mutex lock;
  Span* partial[2] = {};
  Span* full[2] = {};
};

namespace {

int sweptSet(uint32_t sg) { return int(sg / 2 % 2); }

// Counts a thread in Heap::sweepers_ for a scope.
class SweeperScope {
 public:
  explicit SweeperScope(std::atomic<int>& n) : n_(n) { n_.fetch_add(1, std::memory_order_relaxed); }
  ~SweeperScope() { n_.fetch_sub(1, std::memory_order_release); }
  SweeperScope(const SweeperScope&) = delete;
  SweeperScope& operator=(const SweeperScope&) = delete;

 private:
  std::atomic<int>& n_;
};

}  // namespace

struct Heap::ArenaMap {
  struct Arena {
    std::atomic<Span*> pages[kPagesPerArena];
  };
  struct L2 {
    std::atomic<Arena*> arenas[kL2Entries];
  };
  std::atomic<L2*> l1[kL1Entries];
};

struct Heap::FreeSet {
  std::set<std::pair<uint64_t, uintptr_t>> bySize;  // (npages, base)
  std::map<uintptr_t, Span*> byBase;
  std::map<uintptr_t, Span*> byEnd;
  std::vector<std::unique_ptr<Span>> store;  // every Span ever made
  std::vector<Span*> pool;                   // recycled Span objects
};

// ---- spans: finding the next free slot -------------------------------------

namespace {

void loadCache(Span* s) {
  uint32_t i = s->freeindex;
  if (i >= s->nelems) {
    s->allocCache = 0;
    return;
  }
  s->allocCache = ~s->allocBits[i / 64] >> (i % 64);
}

// The index of a free slot, or -1 if the span is full. Advances freeindex.
// The owner advances freeindex while a concurrent marker's findObject may
// read it: a relaxed atomic store (the owner's own reads stay plain).
inline void setFreeindex(Span* s, uint32_t v) {
  std::atomic_ref<uint32_t>(s->freeindex).store(v, std::memory_order_relaxed);
}

int64_t nextFree(Span* s) {
  for (;;) {
    if (s->freeindex >= s->nelems) return -1;
    if (s->allocCache == 0) {
      // The rest of freeindex's word is allocated: go to the next word.
      setFreeindex(s, (s->freeindex | 63) + 1);
      loadCache(s);
      continue;
    }
    unsigned tz = unsigned(std::countr_zero(s->allocCache));
    uint32_t idx = s->freeindex + tz;
    if (idx >= s->nelems) {
      setFreeindex(s, s->nelems);
      return -1;
    }
    setFreeindex(s, idx + 1);
    if (s->freeindex % 64 == 0)
      loadCache(s);
    else
      s->allocCache >>= tz + 1;  // tz + 1 < 64 here: idx is not a word's last bit
    return idx;
  }
}

// Sets the heap bits of slot idx of s (elemsize/8 <= 64 of them) to mask.
// Relaxed atomics: one writer (the span's owner), but markers may read
// other slots' bits of the same words.
void setHeapBits(Span* s, uint32_t idx, uint64_t mask) {
  uint64_t n = s->elemsize / 8;
  uint64_t first = uint64_t(idx) * n;
  uint64_t w = first / 64, off = first % 64;
  uint64_t field = n == 64 ? ~uint64_t(0) : (uint64_t(1) << n) - 1;
  std::atomic_ref<uint64_t> lo(s->heapBits[w]);
  lo.store((lo.load(std::memory_order_relaxed) & ~(field << off)) | (mask << off),
           std::memory_order_relaxed);
  if (off + n > 64) {  // then off > 0
    std::atomic_ref<uint64_t> hi(s->heapBits[w + 1]);
    uint64_t spill = off + n - 64;
    hi.store((hi.load(std::memory_order_relaxed) & ~((uint64_t(1) << spill) - 1)) |
                 (mask >> (64 - off)),
             std::memory_order_relaxed);
  }
}

}  // namespace

// ---- the heap ---------------------------------------------------------------

Heap::Heap(int maxProcs) : allPointers_(allPointers()) {
  if (maxProcs < 1) heapFatal("runtime: heap needs at least one P");
  for (int i = 0; i < maxProcs; i++) caches_.push_back(std::make_unique<Cache>());
  shared_ = std::make_unique<Cache>();
  central_ = std::make_unique<Central[]>(kNumSpanClasses);
  arenas_ = std::make_unique<ArenaMap>();
  free_ = std::make_unique<FreeSet>();
}

Heap::~Heap() {
  for (uint64_t i = 0; i < kL1Entries; i++) {
    ArenaMap::L2* l2 = arenas_->l1[i].load(std::memory_order_relaxed);
    if (!l2) continue;
    for (uint64_t j = 0; j < kL2Entries; j++) delete l2->arenas[j].load(std::memory_order_relaxed);
    delete l2;
  }
  for (auto& [base, bytes] : mappings_) munmap(base, bytes);
}

void* Heap::alloc(uint64_t size, const TypeDesc* scan, int p) {
  if (size == 0) return zerobase;
  if (scan && !scan->hasPointers()) scan = nullptr;
  if (size > kMaxSmallSize - kMallocHeaderSize) return allocLarge(size, scan);
  if (p >= int(caches_.size())) heapFatal("runtime: P index out of range in heap alloc");
  if (p >= 0) {
    Cache& c = *caches_[size_t(p)];
    void* x = allocIn(c, size, scan);
    if (c.triggerPending) {
      c.triggerPending = false;
      fireTrigger();
    }
    return x;
  }
  void* x;
  bool fire;
  {
    std::lock_guard<std::mutex> g(sharedLock_);
    x = allocIn(*shared_, size, scan);
    fire = shared_->triggerPending;
    shared_->triggerPending = false;
  }
  if (fire) fireTrigger();
  return x;
}

namespace {

// The heap bits of an object of `size` (<= 512) bytes laid out as t
// repeated: one bit per word, none past size.
uint64_t heapBitsFor(uint64_t size, const TypeDesc* t) {
  uint64_t words = (size + 7) / 8;  // whole words: alloc(12, false) scans 2
  uint64_t period = t->size / 8;    // divides words; <= 64
  uint64_t mask = t->pointerWords[0];
  if (period < 64) mask &= (uint64_t(1) << period) - 1;
  for (uint64_t len = period; len < words; len *= 2) mask |= mask << len;
  if (words < 64) mask &= (uint64_t(1) << words) - 1;
  return mask;
}

}  // namespace

void* Heap::allocIn(Cache& c, uint64_t size, const TypeDesc* scan) {
  Span* s;
  uint32_t idx;
  if (!scan) return size < kTinySize ? allocTiny(c, size) : allocSmall(c, size, true, &s, &idx);
  if (size <= kMinSizeForMallocHeader) {
    void* x = allocSmall(c, size, false, &s, &idx);
    if (scan != c.bitsType || size != c.bitsSize) {  // programs repeat types
      c.bitsType = scan;
      c.bitsSize = size;
      c.bitsMask = heapBitsFor(size, scan);
    }
    setHeapBits(s, idx, c.bitsMask);
    return x;
  }
  void* x = allocSmall(c, size + kMallocHeaderSize, false, &s, &idx);
  auto* slot = static_cast<const TypeDesc**>(x);
  std::atomic_ref<const TypeDesc*>(*slot).store(scan, std::memory_order_relaxed);
  return slot + 1;
}

void* Heap::allocSmall(Cache& c, uint64_t size, bool noscan, Span** span, uint32_t* index) {
  int sc = sizeToClass(size) * 2 + int(noscan);
  Span* s = c.alloc[sc];
  int64_t idx = s ? nextFree(s) : -1;
  if (idx < 0) {
    refill(c, sc);
    s = c.alloc[sc];
    idx = nextFree(s);
    if (idx < 0) heapFatal("runtime: refilled span has no free slot");
  }
  s->allocCount++;
  c.count(s->elemsize);
  c.countMalloc();
  if (allocBlack_.load(std::memory_order_relaxed)) markNew(c, s, uint32_t(idx));
  *span = s;
  *index = uint32_t(idx);
  return reinterpret_cast<void*>(s->base + uint64_t(idx) * s->elemsize);
}

void* Heap::allocTiny(Cache& c, uint64_t size) {
  uint64_t off = c.tinyOffset;
  if (size % 8 == 0)
    off = (off + 7) & ~uint64_t(7);
  else if (size % 4 == 0)
    off = (off + 3) & ~uint64_t(3);
  else if (size % 2 == 0)
    off = (off + 1) & ~uint64_t(1);
  if (c.tiny != 0 && off + size <= kTinySize) {
    c.tinyOffset = off + size;
    c.countMalloc();
    bump(c.tinyPacked, 1);
    // The block may predate allocBlack: the new object must not be freed.
    if (allocBlack_.load(std::memory_order_relaxed)) markNew(c, c.tinySpan, c.tinyIndex);
    return reinterpret_cast<void*>(c.tiny + off);
  }
  Span* s;
  uint32_t idx;
  void* block = allocSmall(c, kTinySize, true, &s, &idx);
  // Keep whichever block has more room left.
  if (c.tiny == 0 || size < c.tinyOffset) {
    c.tiny = reinterpret_cast<uintptr_t>(block);
    c.tinyOffset = size;
    c.tinySpan = s;
    c.tinyIndex = idx;
  }
  return block;
}

// Go's mcache.refill: heapLive counts the whole span's free slots as
// allocated now, and takes back the ones left unused when it is returned.
void Heap::refill(Cache& c, int sc) {
  uncache(c, sc);
  Span* s = centralTake(sc);
  c.alloc[sc] = s;
  uint64_t add = uint64_t(s->nelems - s->allocCount) * s->elemsize;
  uint64_t live = heapLive_.fetch_add(add, std::memory_order_relaxed) + add;
  if (crossedTrigger(live)) c.triggerPending = true;
}

void Heap::uncache(Cache& c, int sc) {
  Span* s = c.alloc[sc];
  if (!s) return;
  c.alloc[sc] = nullptr;
  heapLive_.fetch_sub(uint64_t(s->nelems - s->allocCount) * s->elemsize,
                      std::memory_order_relaxed);
  centralReturn(s);
}

bool Heap::crossedTrigger(uint64_t live) {
  uint64_t t = trigger_.load(std::memory_order_relaxed);
  while (live >= t) {
    // Disarm it; whoever succeeds fires it, once.
    if (trigger_.compare_exchange_weak(t, UINT64_MAX, std::memory_order_acquire,
                                       std::memory_order_relaxed))
      return true;
  }
  return false;
}

void Heap::markNew(Cache& c, Span* s, uint32_t idx) {
  uint64_t bit = uint64_t(1) << (idx % 64);
  std::atomic_ref<uint64_t> w(s->gcmarkBits[idx / 64]);
  if ((w.fetch_or(bit, std::memory_order_relaxed) & bit) == 0) bump(c.blackBytes, s->elemsize);
}

void Heap::fireTrigger() {
  if (auto* fn = onTrigger_.load(std::memory_order_relaxed)) fn();
}

void Heap::setTrigger(uint64_t bytes, void (*onTrigger)()) {
  onTrigger_.store(onTrigger, std::memory_order_relaxed);
  // Release: a thread that disarms this trigger (acquire) sees its callback.
  trigger_.store(bytes, std::memory_order_release);
}

Span* Heap::centralTake(int sc) {
  Central& ce = central_[size_t(sc)];
  uint32_t sg = sweepgen_.load(std::memory_order_relaxed);
  int swept = sweptSet(sg), unswept = 1 - swept;
  {
    std::lock_guard<std::mutex> g(ce.lock);
    if (Span* s = ce.partial[swept]) {
      listRemove(ce.partial[swept], s);
      s->list = SpanList::Cached;
      return s;
    }
  }
  // Sweep spans of this class until one has room (Go's mcentral.cacheSpan,
  // with its budget so a heap of full spans does not stall the refill).
  {
    SweeperScope scope(sweepers_);
    for (int budget = 100; budget > 0; budget--) {
      Span* s = takeUnswept(ce, unswept);
      if (!s) break;
      if (!sweepNow(s, sg)) continue;  // nothing survived: its pages were freed
      if (s->allocCount < s->nelems) {
        s->list = SpanList::Cached;
        return s;
      }
      centralReturn(s);  // still full
    }
  }
  int cl = sc / 2;
  Span* s;
  {
    std::lock_guard<std::mutex> g(heapLock_);
    s = allocPages(classPages(cl));
    s->sizeClass = cl;
    s->noscan = sc % 2 == 1;
    s->elemsize = kSizeClasses[cl];
    s->nelems = classObjects(cl);
    s->divMul = uint32_t(~uint32_t(0) / uint32_t(s->elemsize) + 1);
    s->allocBits.assign((s->nelems + 63) / 64, 0);
    s->gcmarkBits.assign((s->nelems + 63) / 64, 0);
    if (!s->noscan && s->elemsize <= kMinSizeForMallocHeader)
      s->heapBits.assign(s->npages * kPageSize / 8 / 64, 0);
    else
      s->heapBits.clear();
    s->largeType = nullptr;
    s->largeSize = 0;
    s->freeindex = 0;
    s->allocCount = 0;
    s->sweepgen.store(sg, std::memory_order_relaxed);
    loadCache(s);
    // Publish in the page table only now, with the geometry set, so a
    // lock-free findSpan/objectBase never sees a half-made span.
    setPages(s->base, s->npages, s);
  }
  s->list = SpanList::Cached;
  if (s->needzero) std::memset(reinterpret_cast<void*>(s->base), 0, s->npages * kPageSize);
  s->needzero = false;
  return s;
}

// A swept small span goes back to its class's swept lists.
void Heap::centralReturn(Span* s) {
  Central& ce = central_[size_t(s->sizeClass * 2 + int(s->noscan))];
  std::lock_guard<std::mutex> g(ce.lock);
  int swept = sweptSet(sweepgen_.load(std::memory_order_relaxed));
  if (s->allocCount == s->nelems)
    listPush(ce.full[swept], s, SpanList::Full);
  else
    listPush(ce.partial[swept], s, SpanList::Partial);
}

// A swept span that survived goes back where it lives.
void Heap::keepSwept(Span* s) {
  if (s->sizeClass != 0) {
    centralReturn(s);
    return;
  }
  std::lock_guard<std::mutex> g(heapLock_);
  listPush(large_[sweptSet(sweepgen_.load(std::memory_order_relaxed))], s, SpanList::Large);
}

void* Heap::allocLarge(uint64_t size, const TypeDesc* scan) {
  bool noscan = scan == nullptr;
  if (size > (uint64_t(1) << 46)) outOfMemory();  // more than the address space
  uint64_t npages = (size + kPageSize - 1) / kPageSize;
  // Go's mheap.reclaim: first sweep until as many pages were freed as this
  // object takes (or nothing is left to sweep), so that a program making
  // large garbage reuses it instead of growing the heap.
  for (uint64_t freed = 0; freed < npages && sweepOneSpan(&freed);) {
  }
  Span* s;
  {
    std::lock_guard<std::mutex> g(heapLock_);
    uint32_t sg = sweepgen_.load(std::memory_order_relaxed);
    s = allocPages(npages);
    s->sweepgen.store(sg, std::memory_order_relaxed);
    s->sizeClass = 0;
    s->noscan = noscan;
    s->elemsize = npages * kPageSize;
    s->divMul = 0;
    s->heapBits.clear();
    s->largeType = scan;
    s->largeSize = (size + 7) & ~uint64_t(7);  // whole words: alloc(12, false) scans 2
    s->nelems = 1;
    s->allocBits.assign(1, 0);
    s->gcmarkBits.assign(1, 0);
    s->freeindex = 1;
    s->allocCount = 1;
    s->allocCache = 0;
    setPages(s->base, s->npages, s);
    listPush(large_[sweptSet(sg)], s, SpanList::Large);
  }
  if (s->needzero) std::memset(reinterpret_cast<void*>(s->base), 0, s->elemsize);
  s->needzero = false;
  largeAlloc_.fetch_add(s->elemsize, std::memory_order_relaxed);
  largeMallocs_.fetch_add(1, std::memory_order_relaxed);
  if (allocBlack_.load(std::memory_order_relaxed)) {
    std::atomic_ref<uint64_t>(s->gcmarkBits[0]).fetch_or(1, std::memory_order_relaxed);
    markedBytes_.fetch_add(s->elemsize, std::memory_order_relaxed);
  }
  uint64_t live = heapLive_.fetch_add(s->elemsize, std::memory_order_relaxed) + s->elemsize;
  if (crossedTrigger(live)) fireTrigger();
  return reinterpret_cast<void*>(s->base);
}

// ---- lists ------------------------------------------------------------------

void Heap::listPush(Span*& head, Span* s, SpanList which) {
  s->prev = nullptr;
  s->next = head;
  if (head) head->prev = s;
  head = s;
  s->list = which;
}

void Heap::listRemove(Span*& head, Span* s) {
  if (s->prev)
    s->prev->next = s->next;
  else
    head = s->next;
  if (s->next) s->next->prev = s->prev;
  s->next = s->prev = nullptr;
  s->list = SpanList::None;
}

// ---- page heap (heapLock_ held) ----------------------------------------------

Span* Heap::newSpan() {
  if (!free_->pool.empty()) {
    Span* s = free_->pool.back();
    free_->pool.pop_back();
    return s;
  }
  free_->store.push_back(std::make_unique<Span>());
  return free_->store.back().get();
}

std::atomic<Span*>* Heap::pageSlot(uintptr_t addr) const {
  uint64_t ai = uint64_t(addr) >> kArenaShift;
  if (ai >= kL1Entries * kL2Entries) return nullptr;
  ArenaMap::L2* l2 = arenas_->l1[ai >> kL2Bits].load(std::memory_order_acquire);
  if (!l2) return nullptr;
  ArenaMap::Arena* a = l2->arenas[ai & (kL2Entries - 1)].load(std::memory_order_acquire);
  if (!a) return nullptr;
  return &a->pages[(addr & (kArenaBytes - 1)) / kPageSize];
}

void Heap::setPages(uintptr_t base, uint64_t npages, Span* s) {
  for (uint64_t i = 0; i < npages; i++) {
    std::atomic<Span*>* slot = pageSlot(base + i * kPageSize);
    if (!slot) heapFatal("runtime: page outside the arenas");
    slot->store(s, std::memory_order_release);
  }
}

void Heap::insertFree(Span* s) {
  s->state = SpanState::Free;
  s->list = SpanList::None;
  // Merge with the free run ending at our base and the one starting at our end.
  if (auto it = free_->byEnd.find(s->base); it != free_->byEnd.end()) {
    Span* prev = it->second;
    eraseFree(prev);
    if (prev->scavenged != s->scavenged) {
      Span* released = prev->scavenged ? prev : s;
      heapReleased_.fetch_sub(released->npages * kPageSize, std::memory_order_relaxed);
      s->scavenged = false;
    }
    s->needzero = s->needzero || prev->needzero;
    s->base = prev->base;
    s->npages += prev->npages;
    free_->pool.push_back(prev);
  }
  if (auto it = free_->byBase.find(s->limit()); it != free_->byBase.end()) {
    Span* next = it->second;
    eraseFree(next);
    if (next->scavenged != s->scavenged) {
      Span* released = next->scavenged ? next : s;
      heapReleased_.fetch_sub(released->npages * kPageSize, std::memory_order_relaxed);
      s->scavenged = false;
    }
    s->needzero = s->needzero || next->needzero;
    s->npages += next->npages;
    free_->pool.push_back(next);
  }
  free_->bySize.insert({s->npages, s->base});
  free_->byBase[s->base] = s;
  free_->byEnd[s->limit()] = s;
}

// Adds a free run without merging it with its neighbours (scavenge splits
// a run into a released part and a kept one).
void Heap::insertRun(Span* s) {
  s->state = SpanState::Free;
  s->list = SpanList::None;
  free_->bySize.insert({s->npages, s->base});
  free_->byBase[s->base] = s;
  free_->byEnd[s->limit()] = s;
}

void Heap::eraseFree(Span* s) {
  free_->bySize.erase({s->npages, s->base});
  free_->byBase.erase(s->base);
  free_->byEnd.erase(s->limit());
}

void Heap::grow(uint64_t npages) {
  uint64_t bytes = (npages * kPageSize + kArenaBytes - 1) / kArenaBytes * kArenaBytes;
  // Over-reserve by one arena and trim, for arena alignment.
  uint64_t want = bytes + kArenaBytes;
  void* m = mmap(nullptr, want, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED) outOfMemory();
  uintptr_t raw = reinterpret_cast<uintptr_t>(m);
  uintptr_t base = (raw + kArenaBytes - 1) & ~(kArenaBytes - 1);
  if (base > raw) munmap(m, base - raw);
  uintptr_t end = base + bytes;
  if (raw + want > end) munmap(reinterpret_cast<void*>(end), raw + want - end);
  if ((uint64_t(end - 1) >> kArenaShift) >= kL1Entries * kL2Entries)
    heapFatal("runtime: mmap returned an address beyond 48 bits");
  mappings_.push_back({reinterpret_cast<void*>(base), bytes});
  for (uintptr_t a = base; a < end; a += kArenaBytes) {
    uint64_t ai = uint64_t(a) >> kArenaShift;
    std::atomic<ArenaMap::L2*>& l1 = arenas_->l1[ai >> kL2Bits];
    ArenaMap::L2* l2 = l1.load(std::memory_order_relaxed);
    if (!l2) {
      l2 = new ArenaMap::L2();
      l1.store(l2, std::memory_order_release);
    }
    l2->arenas[ai & (kL2Entries - 1)].store(new ArenaMap::Arena(), std::memory_order_release);
  }
  heapSys_.fetch_add(bytes, std::memory_order_relaxed);
  Span* s = newSpan();
  s->base = base;
  s->npages = bytes / kPageSize;
  s->needzero = false;
  s->scavenged = false;
  insertFree(s);
}

Span* Heap::allocPages(uint64_t npages) {
  auto it = free_->bySize.lower_bound({npages, 0});
  if (it == free_->bySize.end()) {
    grow(npages);
    it = free_->bySize.lower_bound({npages, 0});
    if (it == free_->bySize.end()) heapFatal("runtime: heap grew but has no run");
  }
  Span* s = free_->byBase.at(it->second);
  eraseFree(s);
  if (s->npages > npages) {
    Span* rest = newSpan();
    rest->base = s->base + npages * kPageSize;
    rest->npages = s->npages - npages;
    rest->needzero = s->needzero;
    rest->scavenged = s->scavenged;
    s->npages = npages;
    insertFree(rest);
  }
  if (s->scavenged) heapReleased_.fetch_sub(npages * kPageSize, std::memory_order_relaxed);
  s->scavenged = false;
  s->state = SpanState::InUse;
  s->list = SpanList::None;
  s->next = s->prev = nullptr;
  heapInuse_.fetch_add(npages * kPageSize, std::memory_order_relaxed);
  return s;  // the caller sets the span up, then publishes it (setPages)
}

void Heap::freePages(Span* s) {
  heapInuse_.fetch_sub(s->npages * kPageSize, std::memory_order_relaxed);
  setPages(s->base, s->npages, nullptr);
  s->needzero = true;
  s->scavenged = false;
  s->allocBits.clear();
  s->gcmarkBits.clear();
  s->heapBits.clear();
  s->largeType = nullptr;
  s->largeSize = 0;
  s->nelems = 0;
  insertFree(s);
}

uint64_t Heap::scavenge(uint64_t retainBytes) {
  std::lock_guard<std::mutex> g(heapLock_);
  uint64_t released = 0;
  // Bytes still to release: heapSys - heapReleased - retainBytes.
  auto excess = [&] {
    uint64_t held = heapSys_.load(std::memory_order_relaxed) -
                    heapReleased_.load(std::memory_order_relaxed) - released;
    return held > retainBytes ? held - retainBytes : 0;
  };
  // Highest addresses first: the page heap's best fit prefers low ones, so
  // high pages are the least likely to be wanted again soon.
  std::vector<Span*> runs;
  for (auto it = free_->byBase.rbegin(); it != free_->byBase.rend(); ++it)
    if (!it->second->scavenged) runs.push_back(it->second);
  for (Span* s : runs) {
    uint64_t want = excess();
    if (want == 0) break;
    uint64_t pages = std::min(s->npages, (want + kPageSize - 1) / kPageSize);
    Span* r = s;
    if (pages < s->npages) {  // release the run's top pages only
      eraseFree(s);
      r = newSpan();
      s->npages -= pages;
      r->base = s->limit();
      r->npages = pages;
      r->needzero = s->needzero;
      r->scavenged = false;
      insertRun(s);
      insertRun(r);
    }
    uint64_t bytes = r->npages * kPageSize;
    if (madvise(reinterpret_cast<void*>(r->base), bytes, MADV_DONTNEED) != 0) continue;
    r->scavenged = true;
    r->needzero = false;
    released += bytes;
  }
  heapReleased_.fetch_add(released, std::memory_order_relaxed);
  return released;
}

// ---- lookup and marking --------------------------------------------------------

Span* Heap::findSpan(const void* ptr) const {
  std::atomic<Span*>* slot = pageSlot(reinterpret_cast<uintptr_t>(ptr));
  return slot ? slot->load(std::memory_order_acquire) : nullptr;
}

bool Heap::findObject(uintptr_t p, ObjectRef* out) const {
  Span* s = findSpan(reinterpret_cast<const void*>(p));
  if (!s) return false;  // only in-use spans are in the page table
  uint32_t idx = s->objectIndex(p);
  if (idx >= s->nelems || !s->isAllocated(idx)) return false;
  out->base = s->base + uint64_t(idx) * s->elemsize;
  out->span = s;
  out->index = idx;
  return true;
}

void Heap::forEachMarkedObject(void (*f)(const ObjectRef& o, void* ctx), void* ctx) const {
  std::lock_guard<std::mutex> l(heapLock_);
  for (const auto& [start, bytes] : mappings_) {
    auto base = reinterpret_cast<uintptr_t>(start);
    for (uintptr_t page = base; page < base + bytes; page += kPageSize) {
      std::atomic<Span*>* slot = pageSlot(page);
      Span* s = slot ? slot->load(std::memory_order_acquire) : nullptr;
      if (!s || s->base != page || s->state != SpanState::InUse) continue;
      for (uint32_t i = 0; i < s->nelems; i++) {
        if (!s->isMarked(i)) continue;
        ObjectRef o{s->base + uint64_t(i) * s->elemsize, s, i};
        f(o, ctx);
      }
    }
  }
}

bool Heap::mark(const ObjectRef& o) {
  uint64_t bit = uint64_t(1) << (o.index % 64);
  // Relaxed: the bit is the only data; the collector's phases synchronise.
  std::atomic_ref<uint64_t> w(o.span->gcmarkBits[o.index / 64]);
  if (w.fetch_or(bit, std::memory_order_relaxed) & bit) return false;
  markedBytes_.fetch_add(o.span->elemsize, std::memory_order_relaxed);
  return true;
}

void* Heap::objectBase(const void* ptr, uint64_t* size) const {
  Span* s = findSpan(ptr);
  if (!s) return nullptr;
  uint32_t idx = s->objectIndex(reinterpret_cast<uintptr_t>(ptr));
  if (idx >= s->nelems) return nullptr;
  if (size) *size = s->elemsize;
  return reinterpret_cast<void*>(s->base + idx * s->elemsize);
}

bool Heap::markObject(const void* ptr) {
  ObjectRef o;
  return findObject(reinterpret_cast<uintptr_t>(ptr), &o) && mark(o);
}

bool Heap::isMarked(const void* ptr) const {
  Span* s = findSpan(ptr);
  if (!s) return false;
  uint32_t idx = s->objectIndex(reinterpret_cast<uintptr_t>(ptr));
  return idx < s->nelems && s->isMarked(idx);
}

// ---- sweeping -------------------------------------------------------------------

void Heap::flushCaches() {
  auto flush = [&](Cache& c) {
    for (int sc = 0; sc < kNumSpanClasses; sc++) uncache(c, sc);
    c.tiny = 0;
    c.tinyOffset = 0;
  };
  for (auto& c : caches_) flush(*c);
  std::lock_guard<std::mutex> g(sharedLock_);
  flush(*shared_);
}

void Heap::sweepSpan(Span* s) {
  if (s->state != SpanState::InUse) heapFatal("runtime: sweeping a free span");
  uint32_t sg = sweepgen_.load(std::memory_order_relaxed);
  int set = s->sweepgen.load(std::memory_order_relaxed) == sg ? sweptSet(sg) : 1 - sweptSet(sg);
  if (s->list == SpanList::Large) {
    std::lock_guard<std::mutex> g(heapLock_);
    listRemove(large_[set], s);
  } else if (s->list == SpanList::Partial || s->list == SpanList::Full) {
    Central& ce = central_[size_t(s->sizeClass * 2 + int(s->noscan))];
    std::lock_guard<std::mutex> g(ce.lock);
    listRemove(s->list == SpanList::Partial ? ce.partial[set] : ce.full[set], s);
  } else {
    heapFatal("runtime: sweeping a span that is cached (flushCaches first)");
  }
  if (sweepNow(s, sg)) keepSwept(s);
}

// Sweeps s, which the caller has taken off its list: unmarked objects are
// freed (zeroed now, their heap bits cleared), marks are cleared. True if
// something survived (s is swept, on no list: the caller places it); false
// if not (its pages went back to the page heap).
bool Heap::sweepNow(Span* s, uint32_t sg) {
  s->sweepgen.store(sg - 1, std::memory_order_relaxed);
  // Word by word: allocated = below freeindex or in allocBits; survivors =
  // allocated and marked (a mark is only ever set on an allocated slot).
  // The mark bits' words hold the dead slots until the second pass.
  uint32_t live = 0, freed = 0;
  std::vector<uint64_t>& marks = s->gcmarkBits;
  for (size_t w = 0; w < s->allocBits.size(); w++) {
    uint64_t below = 0;
    uint64_t lo = uint64_t(w) * 64;
    if (s->freeindex >= lo + 64)
      below = ~uint64_t(0);
    else if (s->freeindex > lo)
      below = (uint64_t(1) << (s->freeindex - lo)) - 1;
    uint64_t alloc = s->allocBits[w] | below;
    if (uint64_t end = s->nelems - lo; end < 64) alloc &= (uint64_t(1) << end) - 1;
    uint64_t keep = alloc & marks[w];
    live += uint32_t(std::popcount(keep));
    freed += uint32_t(std::popcount(alloc & ~keep));
    s->allocBits[w] = keep;
    marks[w] = alloc & ~keep;
  }
  // Eager zeroing of the dead slots (malloc headers included) and of their
  // heap bits, unless the whole span goes (its run is zeroed when reused).
  for (size_t w = 0; w < marks.size(); w++) {
    uint64_t dead = marks[w];
    marks[w] = 0;
    if (live == 0 || s->sizeClass == 0) continue;
    while (dead) {
      // A run of consecutive dead slots is zeroed with one memset.
      unsigned first = unsigned(std::countr_zero(dead));
      unsigned len = unsigned(std::countr_one(dead >> first));
      dead = len + first >= 64 ? 0 : dead & ~(((uint64_t(1) << len) - 1) << first);
      uint32_t i = uint32_t(w * 64) + first;
      std::memset(reinterpret_cast<void*>(s->base + uint64_t(i) * s->elemsize), 0, uint64_t(len) * s->elemsize);
      if (!s->heapBits.empty())
        for (uint32_t k = i; k < i + len; k++) setHeapBits(s, k, 0);
    }
  }
  frees_.fetch_add(freed, std::memory_order_relaxed);
  freedBytes_.fetch_add(uint64_t(freed) * s->elemsize, std::memory_order_relaxed);
  s->sweepgen.store(sg, std::memory_order_relaxed);
  if (live == 0) {
    std::lock_guard<std::mutex> g(heapLock_);
    freePages(s);
    return false;
  }
  if (s->sizeClass == 0) {
    s->allocBits[0] = 0;  // large: allocated through freeindex == 1
    return true;
  }
  s->allocCount = live;
  s->freeindex = 0;
  loadCache(s);
  return true;
}

void Heap::startSweep() {
  flushCaches();
  uint32_t sg = sweepgen_.load(std::memory_order_relaxed);
  int unswept = 1 - sweptSet(sg);
  bool unfinished = false;
  for (int sc = 0; sc < kNumSpanClasses; sc++) {
    Central& ce = central_[size_t(sc)];
    std::lock_guard<std::mutex> g(ce.lock);
    unfinished = unfinished || ce.partial[unswept] || ce.full[unswept];
  }
  {
    std::lock_guard<std::mutex> g(heapLock_);
    unfinished = unfinished || large_[unswept];
  }
  if (unfinished) heapFatal("runtime: startSweep before the previous sweep finished");
  // Go's mark termination: heapLive restarts from the bytes marked, those
  // allocated black included.
  uint64_t marked = markedBytes_.exchange(0, std::memory_order_relaxed);
  for (auto& c : caches_) marked += c->blackBytes.exchange(0, std::memory_order_relaxed);
  marked += shared_->blackBytes.exchange(0, std::memory_order_relaxed);
  heapLive_.store(marked, std::memory_order_relaxed);
  sweepCursor_.store(0, std::memory_order_relaxed);
  // Every list flips: the swept ones become the unswept ones.
  sweepgen_.store(sg + 2, std::memory_order_relaxed);
}

bool Heap::sweepOne() { return sweepOneSpan(nullptr); }

// Takes an unswept span (partial ones first) off a central list, or null.
Span* Heap::takeUnswept(Central& ce, int unswept) {
  std::lock_guard<std::mutex> g(ce.lock);
  Span* s = ce.partial[unswept];
  if (s)
    listRemove(ce.partial[unswept], s);
  else if ((s = ce.full[unswept]))
    listRemove(ce.full[unswept], s);
  return s;
}

// Takes one unswept span, from the class under the cursor on (then the
// large spans), and sweeps it; adds the pages it freed to *freedPages.
bool Heap::sweepOneSpan(uint64_t* freedPages) {
  SweeperScope scope(sweepers_);
  uint32_t sg = sweepgen_.load(std::memory_order_relaxed);
  int unswept = 1 - sweptSet(sg);
  for (int i = sweepCursor_.load(std::memory_order_relaxed); i <= kNumSpanClasses;) {
    Span* s;
    if (i < kNumSpanClasses) {
      s = takeUnswept(central_[size_t(i)], unswept);
    } else {
      std::lock_guard<std::mutex> g(heapLock_);
      if ((s = large_[unswept])) listRemove(large_[unswept], s);
    }
    if (s) {
      uint64_t pages = s->npages;
      if (sweepNow(s, sg))
        keepSwept(s);
      else if (freedPages)
        *freedPages += pages;
      return true;
    }
    // Nothing left in list i, and nothing is ever added to an unswept
    // list during a sweep: move the cursor past it (unless someone has).
    int cur = i;
    sweepCursor_.compare_exchange_strong(cur, i + 1, std::memory_order_relaxed);
    i = std::max(i + 1, cur);
  }
  return false;
}

void Heap::finishSweep() {
  while (sweepOneSpan(nullptr)) {
  }
  // Refills and other sweepOne calls may still be sweeping a span they took.
  while (sweepers_.load(std::memory_order_acquire) != 0) std::this_thread::yield();
}

void Heap::sweepAll() {
  startSweep();
  finishSweep();
}

HeapStats Heap::stats() const {
  HeapStats st{};
  uint64_t bytes = largeAlloc_.load(std::memory_order_relaxed);
  uint64_t mallocs = largeMallocs_.load(std::memory_order_relaxed);
  uint64_t packed = 0;
  auto add = [&](const Cache& c) {
    bytes += c.allocBytes.load(std::memory_order_relaxed);
    mallocs += c.mallocs.load(std::memory_order_relaxed);
    packed += c.tinyPacked.load(std::memory_order_relaxed);
  };
  for (auto& c : caches_) add(*c);
  add(*shared_);
  st.heapAlloc = bytes - freedBytes_.load(std::memory_order_relaxed);
  st.totalAlloc = bytes;
  st.heapSys = heapSys_.load(std::memory_order_relaxed);
  st.heapInuse = heapInuse_.load(std::memory_order_relaxed);
  st.heapIdle = st.heapSys - st.heapInuse;
  st.heapReleased = heapReleased_.load(std::memory_order_relaxed);
  st.mallocs = mallocs;
  st.frees = frees_.load(std::memory_order_relaxed);
  st.heapObjects = mallocs - packed - st.frees;
  return st;
}

}  // namespace gol::rt
