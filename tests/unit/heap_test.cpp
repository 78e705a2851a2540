// The heap (runtime/heap.h) on its own: size-class geometry, allocation of
// every class, interior-pointer lookup, large objects, the tiny allocator,
// a simulated collection (mark some objects, sweep, check reuse), many
// threads allocating with distinct P indices, and scavenging. Each test's
// name starts with "heap" so `-tc='heap*'` runs them all (also under
// ThreadSanitizer and AddressSanitizer).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "runtime/heap.h"

using namespace gol::rt;

namespace {

bool allZero(const void* p, uint64_t n) {
  // memcmp in blocks: fast even under the sanitizers, for the 70 MiB object.
  static const unsigned char zeros[65536] = {};
  const auto* b = static_cast<const unsigned char*>(p);
  for (uint64_t off = 0; off < n; off += sizeof zeros) {
    uint64_t len = std::min<uint64_t>(sizeof zeros, n - off);
    if (std::memcmp(b + off, zeros, len) != 0) return false;
  }
  return true;
}

uintptr_t addr(const void* p) { return reinterpret_cast<uintptr_t>(p); }

// Intervals [start, start+len) must not overlap.
bool disjoint(std::vector<std::pair<uintptr_t, uint64_t>> v) {
  std::sort(v.begin(), v.end());
  for (size_t i = 1; i < v.size(); i++)
    if (v[i - 1].first + v[i - 1].second > v[i].first) return false;
  return true;
}

uint64_t requiredAlign(uint64_t elemsize) {
  uint64_t low = elemsize & (~elemsize + 1);
  return std::min<uint64_t>(low, 16);
}

// Pointerful small objects over 512 bytes carry an 8-byte malloc header.
bool hasHeader(uint64_t req, bool noscan) {
  return !noscan && req > kMinSizeForMallocHeader && req <= kMaxSmallSize - kMallocHeaderSize;
}

// The slot (or large span) size a request gets.
uint64_t slotSize(uint64_t req, bool noscan) {
  if (req > kMaxSmallSize - kMallocHeaderSize) return (req + kPageSize - 1) / kPageSize * kPageSize;
  return kSizeClasses[sizeToClass(req + (hasHeader(req, noscan) ? kMallocHeaderSize : 0))];
}

}  // namespace

TEST_CASE("heap: size classes have sane spans") {
  for (int c = 1; c < kNumSizeClasses; c++) {
    uint64_t size = kSizeClasses[c];
    uint64_t bytes = uint64_t(classPages(c)) * kPageSize;
    CAPTURE(size);
    CHECK(classPages(c) >= 1);
    CHECK(classObjects(c) >= 1);
    CHECK(classObjects(c) * size <= bytes);
    CHECK(bytes - classObjects(c) * size <= bytes / 8);  // waste <= 12.5%
    CHECK(size % 8 == 0);
  }
  // A few rows of Go 1.22's sizeclasses.go (bytes/span, objects).
  CHECK(classPages(sizeToClass(8)) == 1);
  CHECK(classObjects(sizeToClass(1408)) == 11);
  CHECK(classPages(sizeToClass(1408)) == 2);
  CHECK(classObjects(sizeToClass(9472)) == 6);
  CHECK(classPages(sizeToClass(9472)) == 7);
  CHECK(classObjects(sizeToClass(27264)) == 3);
  CHECK(classObjects(sizeToClass(8)) == 1024);
  CHECK(classPages(sizeToClass(1152)) == 1);
  CHECK(classPages(sizeToClass(27264)) == 10);
  CHECK(classPages(sizeToClass(32768)) == 4);
  for (uint64_t s = 1; s <= kMaxSmallSize; s++) {
    int c = sizeToClass(s);
    REQUIRE(kSizeClasses[c] >= s);
    REQUIRE(kSizeClasses[c - 1] < s);
  }
}

TEST_CASE("heap: every size class gives distinct, aligned, zeroed memory") {
  Heap h(1);
  std::vector<std::pair<uintptr_t, uint64_t>> got;
  uint64_t bytes = 0;
  for (int c = 1; c < kNumSizeClasses; c++) {
    for (bool noscan : {false, true}) {
      uint64_t size = kSizeClasses[c];
      if (noscan && size < kTinySize) continue;  // the tiny allocator's (tested below)
      // Enough to need more than one span; the request varies below the class size.
      uint32_t n = classObjects(c) * 2 + 3;
      for (uint32_t i = 0; i < n; i++) {
        uint64_t req = (i % 2 && size > 16) ? size - 7 : size;
        void* p = h.alloc(req, noscan, 0);
        REQUIRE(p != nullptr);
        uint64_t slot = slotSize(req, noscan);
        REQUIRE(addr(p) % (hasHeader(req, noscan) ? 8 : requiredAlign(slot)) == 0);
        REQUIRE(allZero(p, req));
        std::memset(p, 0xA5, req);
        Span* s = h.findSpan(p);
        REQUIRE(s != nullptr);
        REQUIRE(s->elemsize == slot);
        REQUIRE(s->noscan == noscan);
        got.push_back({addr(p), req});
        bytes += slot;
      }
    }
  }
  CHECK(disjoint(got));
  HeapStats st = h.stats();
  CHECK(st.mallocs == got.size());
  CHECK(st.heapObjects == got.size());
  CHECK(st.heapAlloc == bytes);
  CHECK(st.totalAlloc == bytes);
  CHECK(st.heapIdle + st.heapInuse == st.heapSys);
  CHECK(st.heapInuse <= st.heapSys);
  CHECK(h.alloc(0, true, 0) != nullptr);
  CHECK(h.alloc(0, false, -1) == h.alloc(0, true, 0));
}

TEST_CASE("heap: findSpan and objectBase on interior pointers") {
  Heap h(2);
  int local = 0;
  CHECK(h.findSpan(&local) == nullptr);
  CHECK(h.objectBase(&local) == nullptr);
  for (uint64_t size : {8, 24, 48, 208, 1152, 9472, 27264, 32768, 40000, 300000}) {
    CAPTURE(size);
    for (int k = 0; k < 5; k++) {
      auto* p = static_cast<char*>(h.alloc(size, false, 1));
      char* base = hasHeader(size, false) ? p - kMallocHeaderSize : p;
      uint64_t got = 0;
      for (uint64_t off : {uint64_t(0), uint64_t(1), size / 2, size - 1}) {
        REQUIRE(h.objectBase(p + off, &got) == base);
        REQUIRE(got >= size);
        REQUIRE(h.findSpan(p + off) == h.findSpan(p));
      }
    }
  }
  // The tail waste of a span is not an object.
  void* p = h.alloc(27264, true, 0);  // 3 objects in 10 pages, 128 bytes left
  Span* s = h.findSpan(p);
  REQUIRE(s != nullptr);
  CHECK(h.objectBase(reinterpret_cast<void*>(s->limit() - 1)) == nullptr);
  CHECK(h.findSpan(reinterpret_cast<void*>(s->limit() - 1)) == s);
}

TEST_CASE("heap: large objects get their own zeroed, page-aligned span") {
  Heap h(1);
  std::vector<std::pair<uintptr_t, uint64_t>> got;
  for (uint64_t size : {kMaxSmallSize + 1, uint64_t(100000), uint64_t(1) << 20,
                        uint64_t(70) << 20}) {
    CAPTURE(size);
    auto* p = static_cast<unsigned char*>(h.alloc(size, size % 2 == 0, 0));
    REQUIRE(addr(p) % kPageSize == 0);
    REQUIRE(allZero(p, size));
    std::memset(p, 0x5A, size);
    Span* s = h.findSpan(p + size - 1);
    REQUIRE(s != nullptr);
    CHECK(s->base == addr(p));
    CHECK(s->sizeClass == 0);
    CHECK(s->nelems == 1);
    CHECK(s->elemsize >= size);
    got.push_back({addr(p), size});
  }
  CHECK(disjoint(got));
  uint64_t inuse = h.stats().heapInuse;
  // Nothing is marked: everything is freed, its pages go back to the page heap.
  h.sweepAll();
  HeapStats st = h.stats();
  CHECK(st.heapInuse < inuse);
  CHECK(st.heapAlloc == 0);
  CHECK(st.frees == 4);
  for (auto& g : got) CHECK(h.findSpan(reinterpret_cast<void*>(g.first)) == nullptr);
  // Reused memory is zeroed again.
  for (auto& g : got) {
    void* p = h.alloc(g.second, false, 0);
    REQUIRE(allZero(p, g.second));
  }
}

TEST_CASE("heap: tiny allocator packs small pointer-free objects") {
  Heap h(1);
  auto* a = static_cast<char*>(h.alloc(1, true, 0));
  auto* b = static_cast<char*>(h.alloc(2, true, 0));
  auto* c = static_cast<char*>(h.alloc(4, true, 0));
  auto* d = static_cast<char*>(h.alloc(8, true, 0));
  uint64_t size = 0;
  void* block = h.objectBase(a, &size);
  CHECK(size == kTinySize);
  CHECK(h.objectBase(b) == block);
  CHECK(h.objectBase(c) == block);
  CHECK(h.objectBase(d) == block);
  CHECK(addr(b) % 2 == 0);
  CHECK(addr(c) % 4 == 0);
  CHECK(addr(d) % 8 == 0);
  std::vector<std::pair<uintptr_t, uint64_t>> got = {{addr(a), 1}, {addr(b), 2}, {addr(c), 4},
                                                     {addr(d), 8}};
  CHECK(disjoint(got));
  // The block is full now: the next one starts a new block.
  auto* e = static_cast<char*>(h.alloc(8, true, 0));
  CHECK(h.objectBase(e) != block);
  CHECK(allZero(e, 8));
  // Pointerful small objects are never packed.
  void* f = h.alloc(8, false, 0);
  void* g = h.alloc(8, false, 0);
  CHECK(h.objectBase(f) == f);
  CHECK(h.objectBase(g) == g);
  CHECK(h.findSpan(f) != h.findSpan(e));
  CHECK(h.stats().mallocs == 7);
  // A marked tiny object keeps its whole block, and its neighbours' bytes.
  std::memset(b, 0x11, 2);
  std::memset(d, 0x22, 8);
  CHECK(h.markObject(d));
  CHECK_FALSE(h.markObject(b));  // same block, already marked
  h.sweepAll();
  CHECK(b[0] == 0x11);
  CHECK(d[7] == 0x22);
  CHECK(h.findSpan(e) != nullptr);  // same span as the live block
  CHECK(h.findSpan(f) == nullptr);  // its span had nothing marked
}

TEST_CASE("heap: mark and sweep frees unmarked objects, keeps marked ones") {
  Heap h(1);
  constexpr int kN = 5000;
  constexpr uint64_t kSize = 48;
  std::vector<uint64_t*> objs;
  for (int i = 0; i < kN; i++) {
    auto* p = static_cast<uint64_t*>(h.alloc(kSize, false, 0));
    for (uint64_t w = 0; w < kSize / 8; w++) p[w] = uint64_t(i) * 1000 + w;
    objs.push_back(p);
  }
  std::set<uintptr_t> live, dead;
  for (int i = 0; i < kN; i++) {
    if (i % 3 == 0) {
      CHECK(h.markObject(reinterpret_cast<char*>(objs[size_t(i)]) + 17));  // interior
      CHECK_FALSE(h.markObject(objs[size_t(i)]));
      live.insert(addr(objs[size_t(i)]));
    } else {
      dead.insert(addr(objs[size_t(i)]));
    }
  }
  HeapStats before = h.stats();
  h.sweepAll();
  HeapStats after = h.stats();
  CHECK(after.frees - before.frees == dead.size());
  CHECK(after.heapAlloc == live.size() * kSize);
  for (int i = 0; i < kN; i += 3) {
    uint64_t* p = objs[size_t(i)];
    CHECK_FALSE(h.isMarked(p));
    for (uint64_t w = 0; w < kSize / 8; w++) REQUIRE(p[w] == uint64_t(i) * 1000 + w);
  }
  // Freed slots are reused, zeroed; live ones are never handed out.
  int reused = 0;
  for (size_t i = 0; i < dead.size(); i++) {
    void* p = h.alloc(kSize, false, 0);
    REQUIRE(allZero(p, kSize));
    REQUIRE(live.count(addr(p)) == 0);
    if (dead.count(addr(p))) reused++;
    std::memset(p, 0xEE, kSize);
  }
  CHECK(reused > int(dead.size()) * 9 / 10);
  for (int i = 0; i < kN; i += 3)
    REQUIRE(objs[size_t(i)][1] == uint64_t(i) * 1000 + 1);

  // A second cycle with nothing marked empties every span.
  h.sweepAll();
  CHECK(h.stats().heapAlloc == 0);
  CHECK(h.stats().heapInuse == 0);
  CHECK(h.findSpan(objs[0]) == nullptr);
}

TEST_CASE("heap: sweepSpan on one span") {
  Heap h(1);
  std::vector<void*> objs;
  for (int i = 0; i < 100; i++) objs.push_back(h.alloc(64, true, 0));
  Span* s = h.findSpan(objs[0]);
  REQUIRE(h.findSpan(objs[99]) == s);
  h.flushCaches();
  CHECK(s->list == SpanList::Partial);
  h.markObject(objs[5]);
  h.sweepSpan(s);
  CHECK(s->allocCount == 1);
  CHECK(s->list == SpanList::Partial);
  CHECK(h.stats().frees == 99);
}

TEST_CASE("heap: threads with distinct Ps allocate concurrently") {
  constexpr int kProcs = 6;
  constexpr int kShared = 2;
  constexpr int kPerThread = 4000;
  Heap h(kProcs);
  std::vector<std::vector<std::pair<uintptr_t, uint64_t>>> got(kProcs + kShared);
  std::vector<std::thread> threads;
  for (int t = 0; t < kProcs + kShared; t++) {
    threads.emplace_back([&h, &got, t] {
      int p = t < kProcs ? t : -1;
      uint64_t x = uint64_t(t) * 7919 + 1;
      for (int i = 0; i < kPerThread; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t size = (x >> 33) % 600 + 1;
        if (i % 500 == 0) size = 50000;  // a large object now and then
        bool noscan = (x >> 20) & 1;
        auto* q = static_cast<unsigned char*>(h.alloc(size, noscan, p));
        if (!allZero(q, size)) {
          got[size_t(t)].clear();
          return;
        }
        std::memset(q, t + 1, size);
        got[size_t(t)].push_back({addr(q), size});
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<std::pair<uintptr_t, uint64_t>> all;
  for (int t = 0; t < kProcs + kShared; t++) {
    REQUIRE(got[size_t(t)].size() == size_t(kPerThread));
    for (auto& [a, n] : got[size_t(t)]) {
      auto* q = reinterpret_cast<unsigned char*>(a);
      REQUIRE(q[0] == t + 1);
      REQUIRE(q[n - 1] == t + 1);
      REQUIRE(h.objectBase(q) != nullptr);
      all.push_back({a, n});
    }
  }
  CHECK(disjoint(all));
  CHECK(h.stats().mallocs == all.size());
}

TEST_CASE("heap: scavenge returns free pages and allocation still works") {
  Heap h(1);
  std::vector<void*> objs;
  for (int i = 0; i < 2000; i++) {
    void* p = h.alloc(1024, false, 0);
    std::memset(p, 0x77, 1024);
    objs.push_back(p);
  }
  void* big = h.alloc(1 << 20, true, 0);
  std::memset(big, 0x66, 1 << 20);
  h.sweepAll();  // nothing marked
  uint64_t released = h.scavenge();
  CHECK(released >= (2000 * 1024 + (1 << 20)));
  CHECK(h.stats().heapReleased == released);
  CHECK(h.scavenge() == 0);  // already released
  for (int i = 0; i < 2000; i++) {
    void* p = h.alloc(1024, false, 0);
    REQUIRE(allZero(p, 1024));
    std::memset(p, 0x44, 1024);
  }
  void* big2 = h.alloc(1 << 20, true, 0);
  REQUIRE(allZero(big2, 1 << 20));
  CHECK(h.stats().heapReleased < released);
  CHECK(h.stats().heapReleased + h.stats().heapInuse <= h.stats().heapSys);
}

TEST_CASE("heap: markObject from many threads sets each bit once") {
  Heap h(2);
  std::vector<void*> objs, bases;
  for (int i = 0; i < 3000; i++) {
    objs.push_back(h.alloc(i % 2 ? 32 : 4000, i % 3 == 0, 0));
    bases.push_back(h.objectBase(objs.back()));
  }
  std::atomic<int> firsts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; t++) {
    threads.emplace_back([&h, &objs, &bases, &firsts, t] {
      int mine = 0;
      for (size_t i = 0; i < objs.size(); i++) {
        size_t j = (i + size_t(t) * 997) % objs.size();
        if (h.markObject(objs[j])) mine++;
        if (h.objectBase(objs[j]) != bases[j]) mine += 1000000;  // flags a failure
      }
      firsts.fetch_add(mine);
    });
  }
  // Allocation on another P goes on meanwhile; lookups must stay consistent.
  for (int i = 0; i < 3000; i++) {
    void* p = h.alloc(64, false, 1);
    REQUIRE(h.objectBase(p) == p);
  }
  for (auto& th : threads) th.join();
  CHECK(firsts.load() == int(objs.size()));
  for (void* p : objs) CHECK(h.isMarked(p));
}
