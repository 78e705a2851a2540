// The heap's collector interface (runtime/heap.h): typed allocation and
// where each object's pointer layout lives (heap bits, malloc headers,
// large spans), forEachPointerWord, findObject on every kind of address,
// mark + sweep keeping exactly the marked objects, heapLive and the GC
// trigger. Each name starts with "heap" so `-tc='heap*'` runs them.
#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/heap.h"

using namespace gol::rt;

namespace {

uintptr_t addr(const void* p) { return reinterpret_cast<uintptr_t>(p); }

// A struct of `words` words with pointers at the given word indices.
TypeDesc makeType(uint64_t words, std::initializer_list<uint64_t> ptrs) {
  TypeDesc t;
  t.name = "main.T";
  t.kind = TypeKind::Struct;
  t.size = words * 8;
  t.pointerWords.assign((words + 63) / 64, 0);
  for (uint64_t w : ptrs) t.pointerWords[w / 64] |= uint64_t(1) << (w % 64);
  return t;
}

std::vector<uintptr_t> pointerWords(Heap& h, const void* p) {
  ObjectRef o;
  REQUIRE(h.findObject(addr(p), &o));
  std::vector<uintptr_t> got;
  h.forEachPointerWord(o, [&](uint64_t* w) { got.push_back(addr(w)); });
  return got;
}

// The addresses of the pointer words of `count` elements of t at p.
std::vector<uintptr_t> expectedWords(const void* p, const TypeDesc& t, uint64_t count) {
  std::vector<uintptr_t> want;
  for (uint64_t e = 0; e < count; e++)
    for (uint64_t w = 0; w < t.size / 8; w++)
      if (t.wordIsPointer(w)) want.push_back(addr(p) + e * t.size + w * 8);
  return want;
}

// Checks that forEachPointerWord reports the object's pointer words, and
// past its end (a header object's slot tail) only zero words.
void checkWords(Heap& h, const void* p, const TypeDesc& t, uint64_t count, bool exact) {
  std::vector<uintptr_t> got = pointerWords(h, p);
  std::vector<uintptr_t> want = expectedWords(p, t, count);
  if (exact) {
    CHECK(got == want);
    return;
  }
  REQUIRE(got.size() >= want.size());
  CHECK(std::vector<uintptr_t>(got.begin(), got.begin() + long(want.size())) == want);
  for (size_t i = want.size(); i < got.size(); i++) {
    CHECK(got[i] >= addr(p) + t.size * count);
    CHECK(*reinterpret_cast<uint64_t*>(got[i]) == 0);
  }
}

}  // namespace

TEST_CASE("heap: typed objects report exactly their pointer words") {
  Heap h(1);
  TypeDesc t3 = makeType(3, {1});  // struct { int; *T; int }
  const TypeDesc* all = Heap::allPointers();
  CHECK(all->size == 8);
  CHECK(all->wordIsPointer(0));

  SUBCASE("small objects: heap bits") {
    for (uint64_t n : {1, 2, 5, 10, 21}) {  // up to 504 bytes
      CAPTURE(n);
      for (int k = 0; k < 40; k++) {  // many slots, straddling bitmap words
        void* p = h.alloc(t3.size * n, &t3, 0);
        checkWords(h, p, t3, n, true);
      }
    }
    for (uint64_t bytes : {8, 16, 24, 48, 512}) {
      void* p = h.alloc(bytes, all, 0);
      checkWords(h, p, *all, bytes / 8, true);
    }
    // Types alternating in one span keep their own bits.
    std::vector<std::pair<void*, const TypeDesc*>> mixed;
    for (int k = 0; k < 100; k++) {
      const TypeDesc* t = k % 3 == 0 ? &t3 : all;
      mixed.push_back({h.alloc(24, t, 0), t});
    }
    for (auto& [q, t] : mixed) checkWords(h, q, *t, 24 / t->size, true);
    // The old interface rounds a layout up to whole words.
    void* odd = h.alloc(12, false, 0);
    CHECK(pointerWords(h, odd) == std::vector<uintptr_t>{addr(odd), addr(odd) + 8});
    void* oddLarge = h.alloc(32761, false, 0);
    CHECK(pointerWords(h, oddLarge).size() == 4096);
    // A 17-word struct with a pointer in its last word, twice (34 words).
    TypeDesc t17 = makeType(17, {0, 16});
    void* p = h.alloc(t17.size * 2, &t17, 0);
    checkWords(h, p, t17, 2, true);
  }

  SUBCASE("objects over 512 bytes: malloc header") {
    // 23 elements: 552 bytes + 8 = 560 → the 576 class, no room for a 24th.
    auto* p = static_cast<char*>(h.alloc(t3.size * 23, &t3, 0));
    ObjectRef o;
    REQUIRE(h.findObject(addr(p), &o));
    CHECK(o.base == addr(p) - kMallocHeaderSize);
    CHECK(o.span->elemsize == 576);
    CHECK(*reinterpret_cast<const TypeDesc**>(o.base) == &t3);
    checkWords(h, p, t3, 23, true);
    // Not a multiple of the slot: the tail words past the object are zero.
    for (uint64_t n : {30, 100, 1365}) {
      CAPTURE(n);
      void* q = h.alloc(t3.size * n, &t3, 0);
      checkWords(h, q, t3, n, false);
    }
    void* q = h.alloc(1000, all, 0);
    checkWords(h, q, *all, 125, false);
    // A type wider than one bitmap word.
    TypeDesc t80 = makeType(80, {0, 63, 64, 79});
    void* r = h.alloc(t80.size * 3, &t80, 0);
    checkWords(h, r, t80, 3, false);
  }

  SUBCASE("large objects: the type in the span") {
    for (uint64_t n : {1366, 2000, 100000}) {
      CAPTURE(n);
      void* p = h.alloc(t3.size * n, &t3, 0);
      Span* s = h.findSpan(p);
      REQUIRE(s != nullptr);
      CHECK(s->sizeClass == 0);
      CHECK(s->largeType == &t3);
      checkWords(h, p, t3, n, true);
    }
    void* p = h.alloc(40000, all, 0);
    checkWords(h, p, *all, 5000, true);
  }

  SUBCASE("noscan objects have no pointer words") {
    TypeDesc scalars = makeType(4, {});
    for (uint64_t size : {8, 24, 32, 600, 40000}) {
      void* p = h.alloc(size, nullptr, 0);
      CHECK(h.findSpan(p)->noscan);
      CHECK(pointerWords(h, p).empty());
      void* q = h.alloc(size / 8 * 8 < 32 ? 32 : size / 32 * 32, &scalars, 0);
      CHECK(h.findSpan(q)->noscan);
      CHECK(pointerWords(h, q).empty());
    }
  }
}

TEST_CASE("heap: a reused slot gets its new layout") {
  Heap h(1);
  TypeDesc t3 = makeType(3, {1});
  TypeDesc t1 = makeType(1, {0});
  std::vector<void*> a;
  for (int i = 0; i < 200; i++) a.push_back(h.alloc(24, Heap::allPointers(), 0));
  std::vector<void*> b;
  for (int i = 0; i < 30; i++) b.push_back(h.alloc(t3.size * 25, &t3, 0));  // headers
  ObjectRef keep;
  REQUIRE(h.findObject(addr(a[0]), &keep));
  h.mark(keep);  // keeps the 24-byte span alive
  REQUIRE(h.findObject(addr(b[0]), &keep));
  h.mark(keep);
  h.sweepAll();
  std::set<uintptr_t> oldA, oldB;
  for (void* p : a) oldA.insert(addr(p));
  for (void* p : b) oldB.insert(addr(p));
  int reusedA = 0, reusedB = 0;
  for (int i = 0; i < 199; i++) {
    void* p = h.alloc(24, &t3, 0);
    reusedA += oldA.count(addr(p)) != 0;
    checkWords(h, p, t3, 1, true);
  }
  for (int i = 0; i < 29; i++) {
    void* p = h.alloc(t1.size * 75, &t1, 0);  // header again, all pointers now
    reusedB += oldB.count(addr(p)) != 0;
    checkWords(h, p, t1, 75, false);
  }
  CHECK(reusedA > 150);
  CHECK(reusedB >= 11);  // the free slots of the span that kept b[0]
  checkWords(h, a[0], *Heap::allPointers(), 3, true);
  checkWords(h, b[0], t3, 25, false);
}

TEST_CASE("heap: findObject on every kind of address") {
  Heap h(2);
  int local = 0;
  ObjectRef o;
  for (uintptr_t p : {uintptr_t(0), uintptr_t(8), addr(&local), ~uintptr_t(0),
                      uintptr_t(1) << 47, (uintptr_t(1) << 48) + 4096})
    CHECK_FALSE(h.findObject(p, &o));

  SUBCASE("interior pointers, small, header and large") {
    for (uint64_t size : {8, 24, 48, 512, 513, 1000, 9000, 32760, 32761, 100000}) {
      for (bool noscan : {false, true}) {
        CAPTURE(size);
        CAPTURE(noscan);
        for (int k = 0; k < 3; k++) {
          auto* p = static_cast<char*>(h.alloc(size, noscan, k % 2));
          bool header = !noscan && size > 512 && size <= 32760;
          uintptr_t base = addr(p) - (header ? 8 : 0);
          if (noscan && size < kTinySize) base = addr(h.objectBase(p));  // its tiny block
          for (uint64_t off : {uint64_t(0), uint64_t(1), size / 2, size - 1}) {
            REQUIRE(h.findObject(addr(p) + off, &o));
            REQUIRE(o.base == base);
            REQUIRE(o.span == h.findSpan(p));
          }
          if (header) {
            REQUIRE(h.findObject(base, &o));
            REQUIRE(o.base == base);
            REQUIRE(h.findObject(base + 7, &o));
            REQUIRE(o.base == base);
          }
          if (size > 32760) CHECK(o.span->sizeClass == 0);
        }
      }
    }
  }

  SUBCASE("free slots and tail waste") {
    void* p = h.alloc(48, false, 0);
    Span* s = h.findSpan(p);
    REQUIRE(s->base == addr(p));
    CHECK(h.findObject(s->base + 47, &o));
    CHECK_FALSE(h.findObject(s->base + 48, &o));  // next slot: not allocated yet
    CHECK_FALSE(h.findObject(s->base + 48 * 100, &o));
    CHECK_FALSE(h.findObject(s->limit() - 1, &o));  // 8192 = 170*48 + 32 of tail
    void* q = h.alloc(48, false, 0);
    CHECK(h.findObject(addr(q), &o));
    void* big = h.alloc(27264, true, 1);  // 3 objects in 10 pages, 128 bytes left
    Span* b = h.findSpan(big);
    CHECK_FALSE(h.findObject(b->limit() - 1, &o));
    CHECK_FALSE(h.findObject(b->base + 27264, &o));
  }

  SUBCASE("freed slots and freed spans") {
    std::vector<void*> objs;
    for (int i = 0; i < 100; i++) objs.push_back(h.alloc(64, false, 0));
    void* large = h.alloc(50000, false, 1);
    REQUIRE(h.findObject(addr(objs[10]), &o));
    h.mark(o);
    h.sweepAll();
    CHECK(h.findObject(addr(objs[10]), &o));
    for (int i = 0; i < 100; i++)
      if (i != 10) REQUIRE_FALSE(h.findObject(addr(objs[size_t(i)]) + 3, &o));
    CHECK_FALSE(h.findObject(addr(large), &o));
    CHECK_FALSE(h.findObject(addr(large) + 40000, &o));
    // Nothing marked now: the span goes back to the page heap.
    h.sweepAll();
    CHECK_FALSE(h.findObject(addr(objs[10]), &o));
  }
}

TEST_CASE("heap: the slot index multiply is exact in every class") {
  Heap h(1);
  for (int c = 1; c < kNumSizeClasses; c++) {
    uint64_t size = kSizeClasses[c];
    CAPTURE(size);
    // Small scan objects (no header), bigger noscan ones, 32768 via 32760.
    void* p = size <= 512                 ? h.alloc(size, false, 0)
              : size > kMaxSmallSize - 8 ? h.alloc(size - 8, true, 0)
                                          : h.alloc(size, true, 0);
    Span* s = h.findSpan(p);
    REQUIRE(s->elemsize == size);
    uint64_t bytes = s->npages * kPageSize;
    for (uint64_t off = 0; off < bytes; off++) {
      if (s->objectIndex(s->base + off) != off / size) {
        FAIL("offset " << off);
      }
    }
  }
}

TEST_CASE("heap: mark and sweepAll keep marked objects intact") {
  Heap h(2);
  TypeDesc t3 = makeType(3, {1});
  struct Obj {
    uint64_t* p;
    uint64_t words;
    bool keep;
  };
  std::vector<Obj> objs;
  uint64_t seed = 7;
  for (int i = 0; i < 3000; i++) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    uint64_t n = (seed >> 40) % 40 + 1;
    if (i % 100 == 0) n = 2000;  // large
    auto* p = static_cast<uint64_t*>(h.alloc(t3.size * n, &t3, i % 2));
    for (uint64_t w = 0; w < n * 3; w++) p[w] = uint64_t(i) << 20 | w;
    objs.push_back({p, n * 3, (seed >> 20) % 3 == 0});
  }
  uint64_t markedBytes = 0;
  for (auto& ob : objs) {
    if (!ob.keep) continue;
    ObjectRef o;
    REQUIRE(h.findObject(addr(ob.p) + 8, &o));
    REQUIRE(h.mark(o));
    CHECK_FALSE(h.mark(o));
    markedBytes += o.span->elemsize;
  }
  HeapStats before = h.stats();
  h.sweepAll();
  HeapStats after = h.stats();
  CHECK(h.heapLive() == markedBytes);
  CHECK(after.heapAlloc == markedBytes);
  CHECK(after.heapInuse < before.heapInuse);
  size_t dead = 0;
  for (size_t i = 0; i < objs.size(); i++) {
    ObjectRef o;
    auto& ob = objs[i];
    if (!ob.keep) {
      dead++;
      // Freed: unless the slot was in a span that kept nothing, it is zero now.
      CHECK_FALSE(h.findObject(addr(ob.p), &o));
      continue;
    }
    REQUIRE(h.findObject(addr(ob.p), &o));
    CHECK_FALSE(o.span->isMarked(o.index));
    for (uint64_t w = 0; w < ob.words; w++) REQUIRE(ob.p[w] == (uint64_t(i) << 20 | w));
    checkWords(h, ob.p, t3, ob.words / 3, o.span->sizeClass == 0 || !o.span->heapBits.empty());
  }
  CHECK(after.frees - before.frees == dead);
  CHECK(after.heapObjects == objs.size() - dead);
  // New allocations do not land on survivors.
  std::set<uintptr_t> kept;
  for (auto& ob : objs)
    if (ob.keep) kept.insert(addr(ob.p));
  for (int i = 0; i < 3000; i++) {
    void* p = h.alloc(t3.size * (uint64_t(i) % 40 + 1), &t3, 0);
    REQUIRE(kept.count(addr(p)) == 0);
  }
  for (size_t i = 0; i < objs.size(); i++)
    if (objs[i].keep) REQUIRE(objs[i].p[0] == uint64_t(i) << 20);
}

namespace {

Heap* triggerHeap = nullptr;
std::atomic<int> triggers{0};

void onTrigger() {
  triggers++;
  // No heap lock is held: the shared cache and the stats may be used here.
  void* p = triggerHeap->alloc(64, false, -1);
  CHECK(p != nullptr);
  CHECK(triggerHeap->stats().heapSys > 0);
}

}  // namespace

TEST_CASE("heap: heapLive and the trigger") {
  Heap h(1);
  triggerHeap = &h;
  triggers = 0;
  CHECK(h.heapLive() == 0);
  // A refill counts the span's free slots whole.
  void* p = h.alloc(48, false, 0);
  uint64_t span48 = uint64_t(classObjects(sizeToClass(48))) * 48;
  CHECK(h.heapLive() == span48);
  for (int i = 0; i < 10; i++) (void)h.alloc(48, false, 0);
  CHECK(h.heapLive() == span48);
  // Returning the span takes back its unused slots.
  h.flushCaches();
  CHECK(h.heapLive() == 11 * 48);
  // Large objects count their pages.
  (void)h.alloc(100000, false, 0);
  uint64_t large = (100000 + kPageSize - 1) / kPageSize * kPageSize;
  CHECK(h.heapLive() == 11 * 48 + large);
  // Marked bytes are what survives a sweep.
  ObjectRef o;
  REQUIRE(h.findObject(addr(p), &o));
  h.mark(o);
  h.sweepAll();
  CHECK(h.heapLive() == 48);

  // The trigger fires once when heapLive reaches it, then stays disarmed.
  h.setTrigger(48 + 200000, onTrigger);
  for (int i = 0; i < 5000; i++) (void)h.alloc(100, false, 0);  // ~ 560 KB
  CHECK(triggers == 1);
  CHECK(h.heapLive() >= 48 + 200000);
  // Re-armed by each call; checked at large allocations too.
  h.setTrigger(h.heapLive() + 1, onTrigger);
  (void)h.alloc(40000, false, 0);
  CHECK(triggers == 2);
  // And from a thread without a P (the shared cache's lock is not held).
  h.setTrigger(h.heapLive() + 1, onTrigger);
  for (int i = 0; i < 200 && triggers == 2; i++) (void)h.alloc(1000, false, -1);
  CHECK(triggers == 3);
  // Disarmed.
  h.setTrigger(UINT64_MAX, onTrigger);
  for (int i = 0; i < 2000; i++) (void)h.alloc(1000, false, 0);
  (void)h.alloc(1 << 20, false, 0);
  CHECK(triggers == 3);
  // Already past it: fires at the next refill.
  h.setTrigger(0, onTrigger);
  for (int i = 0; i < 2000; i++) (void)h.alloc(1000, false, 0);
  CHECK(triggers == 4);
  triggerHeap = nullptr;
}

TEST_CASE("heap: stats after a collection") {
  Heap h(1);
  std::vector<void*> objs;
  for (int i = 0; i < 1000; i++) objs.push_back(h.alloc(32, false, 0));
  for (int i = 0; i < 4; i++) (void)h.alloc(4, true, 0);  // one tiny block
  HeapStats st = h.stats();
  CHECK(st.mallocs == 1004);
  CHECK(st.heapObjects == 1001);
  CHECK(st.totalAlloc == 1000 * 32 + 16);
  CHECK(st.heapAlloc == st.totalAlloc);
  for (int i = 0; i < 1000; i += 2) CHECK(h.markObject(objs[size_t(i)]));
  h.sweepAll();
  st = h.stats();
  CHECK(st.frees == 501);
  CHECK(st.heapObjects == 500);
  CHECK(st.heapAlloc == 500 * 32);
  CHECK(st.totalAlloc == 1000 * 32 + 16);
  CHECK(st.heapIdle + st.heapInuse == st.heapSys);
  CHECK(st.heapReleased <= st.heapIdle);
}

TEST_CASE("heap: runtime records are scanned at exactly their pointer offsets") {
  // A record shaped like a map header: scalars around three pointers.
  struct Record {
    const void* type;  // module memory: not a heap pointer
    uint64_t count;
    uint8_t* a;
    uint64_t seed;
    uint8_t* b;
    void* c;
  };
  const TypeDesc* layout =
      recordLayout("test.record", sizeof(Record), {offsetof(Record, a), offsetof(Record, b), offsetof(Record, c)});
  CHECK(layout->size == sizeof(Record));
  Heap h(1);
  auto* r = static_cast<Record*>(h.alloc(layout->size, layout, 0));
  CHECK(pointerWords(h, r) ==
        std::vector<uintptr_t>{addr(&r->a), addr(&r->b), addr(&r->c)});
  // A big array of records (a large object) repeats the layout.
  constexpr uint64_t n = 1000;
  auto* arr = static_cast<Record*>(h.alloc(layout->size * n, layout, 0));
  std::vector<uintptr_t> got = pointerWords(h, arr);
  REQUIRE(got.size() == 3 * n);
  CHECK(got[3 * (n - 1)] == addr(&arr[n - 1].a));
  delete layout;  // the runtime keeps its layouts for good; a test frees its own
}

TEST_CASE("heap: forEachMarkedObject visits the marked objects and only them") {
  Heap h(1);
  TypeDesc t = makeType(2, {0});
  std::vector<void*> objs;
  for (int i = 0; i < 300; i++) objs.push_back(h.alloc(i % 2 ? 16 : 40000, &t, 0));
  std::set<uintptr_t> want;
  for (size_t i = 0; i < objs.size(); i += 3) {
    CHECK(h.markObject(objs[i]));
    want.insert(addr(objs[i]));
  }
  std::set<uintptr_t> got;
  h.forEachMarkedObject([](const ObjectRef& o, void* ctx) { static_cast<std::set<uintptr_t>*>(ctx)->insert(o.base); },
                        &got);
  CHECK(got == want);
}
