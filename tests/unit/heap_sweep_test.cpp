// The heap's lazy sweeping (startSweep / sweepOne / finishSweep, with a
// thread sweeping while another allocates: run it under ThreadSanitizer),
// allocate-black, and scavenge(retainBytes). Each name starts with "heap"
// so `-tc='heap*'` runs them.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

#include "runtime/heap.h"

using namespace gol::rt;

namespace {

uintptr_t addr(const void* p) { return reinterpret_cast<uintptr_t>(p); }

struct Obj {
  uint64_t* p;
  uint64_t bytes;
  uint64_t tag;
};

void fill(const Obj& o) {
  for (uint64_t w = 0; w < o.bytes / 8; w++) o.p[w] = o.tag + w;
}

bool intact(const Obj& o) {
  for (uint64_t w = 0; w < o.bytes / 8; w++)
    if (o.p[w] != o.tag + w) return false;
  return true;
}

uint64_t sizeFor(uint64_t seed) {
  uint64_t r = seed >> 33;
  if (r % 97 == 0) return 40000 + r % 30000;  // large now and then
  return (r % 64 + 1) * 16;                    // 16..1024
}

uint64_t next(uint64_t& seed) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed;
}

// Allocates n objects on P p, filled with their tag.
std::vector<Obj> allocMany(Heap& h, int n, int p, uint64_t seed, uint64_t tagBase) {
  std::vector<Obj> out;
  for (int i = 0; i < n; i++) {
    uint64_t size = sizeFor(next(seed));
    Obj o{static_cast<uint64_t*>(h.alloc(size, false, p)), size, (tagBase + uint64_t(i)) << 24};
    fill(o);
    out.push_back(o);
  }
  return out;
}

// Marks every third object; returns the marked bytes (slot sizes).
uint64_t markSome(Heap& h, const std::vector<Obj>& objs, std::vector<Obj>* kept) {
  uint64_t bytes = 0;
  for (size_t i = 0; i < objs.size(); i++) {
    if (i % 3 != 0) continue;
    ObjectRef o;
    REQUIRE(h.findObject(addr(objs[i].p), &o));
    REQUIRE(h.mark(o));
    bytes += o.span->elemsize;
    kept->push_back(objs[i]);
  }
  return bytes;
}

}  // namespace

TEST_CASE("heap: startSweep is cheap and leaves every span unswept") {
  Heap h(1);
  std::vector<Obj> objs = allocMany(h, 3000, 0, 1, 1);
  std::vector<Obj> kept;
  uint64_t marked = markSome(h, objs, &kept);
  HeapStats before = h.stats();
  h.startSweep();
  CHECK(h.heapLive() == marked);
  CHECK(h.stats().frees == before.frees);  // nothing swept yet
  CHECK(h.isMarked(objs[0].p));  // marks stay until the span is swept
  int swept = 0;
  while (h.sweepOne()) swept++;
  CHECK(swept > 10);
  CHECK_FALSE(h.sweepOne());
  h.finishSweep();  // nothing left: returns at once
  CHECK(h.heapLive() == marked);
  CHECK(h.stats().heapAlloc == marked);
  for (const Obj& o : kept) REQUIRE(intact(o));
  // A second cycle may start now.
  h.startSweep();
  h.finishSweep();
  CHECK(h.stats().heapAlloc == 0);
  CHECK(h.stats().heapInuse == 0);
}

TEST_CASE("heap: allocation sweeps a span before reusing it") {
  Heap h(1);
  // Fill many 64-byte spans; keep one object in ten.
  std::vector<void*> objs;
  for (int i = 0; i < 1280; i++) {
    auto* p = static_cast<uint64_t*>(h.alloc(64, false, 0));
    p[0] = uint64_t(i);
    objs.push_back(p);
  }
  std::set<uintptr_t> kept;
  for (int i = 0; i < 1280; i += 10) {
    REQUIRE(h.markObject(objs[size_t(i)]));
    kept.insert(addr(objs[size_t(i)]));
  }
  h.startSweep();
  uint64_t inuse = h.stats().heapInuse;
  // No sweepOne: the refills must sweep the spans they take.
  for (int i = 0; i < 1000; i++) {
    auto* p = static_cast<uint64_t*>(h.alloc(64, false, 0));
    REQUIRE(kept.count(addr(p)) == 0);
    REQUIRE(p[0] == 0);  // a freed slot, zeroed by its sweep
    p[0] = 0xDEAD;
  }
  CHECK(h.stats().heapInuse == inuse);  // the garbage was reused, no new span
  for (int i = 0; i < 1280; i += 10)
    REQUIRE(static_cast<uint64_t*>(objs[size_t(i)])[0] == uint64_t(i));
  h.finishSweep();
  // Objects allocated during the sweep survive it although unmarked.
  h.flushCaches();
  CHECK(h.stats().heapAlloc == (128 + 1000) * 64);
}

TEST_CASE("heap: a large allocation sweeps first and reuses the pages") {
  Heap h(1);
  std::vector<void*> bigs;
  for (int i = 0; i < 20; i++) bigs.push_back(h.alloc(1 << 20, true, 0));
  uint64_t sys = h.stats().heapSys;
  h.startSweep();  // nothing marked
  for (int i = 0; i < 20; i++) {
    void* p = h.alloc(1 << 20, true, 0);
    CHECK(std::find(bigs.begin(), bigs.end(), p) != bigs.end());
  }
  CHECK(h.stats().heapSys == sys);
  h.finishSweep();
  CHECK(h.stats().heapAlloc == 20 * (1 << 20));
}

TEST_CASE("heap: sweepOne on other threads while two Ps allocate") {
  constexpr int kRounds = 3;
  Heap h(2);
  std::vector<Obj> kept;
  std::vector<Obj> objs = allocMany(h, 6000, 0, 42, 0);
  for (int round = 0; round < kRounds; round++) {
    CAPTURE(round);
    // World stopped: mark every third object and the survivors of before.
    std::vector<Obj> survivors;
    uint64_t marked = 0;
    for (const Obj& o : kept) {
      ObjectRef r;
      REQUIRE(h.findObject(addr(o.p), &r));
      if (h.mark(r)) marked += r.span->elemsize;
      survivors.push_back(o);
    }
    marked += markSome(h, objs, &survivors);
    kept = survivors;
    h.startSweep();
    REQUIRE(h.heapLive() == marked);
    // Restart the world: two background sweepers and two allocating Ps.
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; t++)
      threads.emplace_back([&h] {
        while (h.sweepOne()) {
        }
      });
    std::vector<Obj> fresh[2];
    for (int p = 0; p < 2; p++)
      threads.emplace_back([&h, &fresh, round, p] {
        uint64_t tag = 100000 * uint64_t(round + 1) + 10000 * uint64_t(p);
        fresh[p] = allocMany(h, 3000, p, 1000 + uint64_t(round * 2 + p), tag);
      });
    for (auto& t : threads) t.join();
    h.finishSweep();
    fresh[0].insert(fresh[0].end(), fresh[1].begin(), fresh[1].end());
    for (const Obj& o : kept) REQUIRE(intact(o));
    for (const Obj& o : fresh[0]) REQUIRE(intact(o));
    // heapLive: the marked bytes plus everything allocated since (whole
    // slots once the caches give their spans back).
    h.flushCaches();
    uint64_t freshBytes = 0;
    for (const Obj& o : fresh[0]) {
      ObjectRef r;
      REQUIRE(h.findObject(addr(o.p), &r));
      freshBytes += r.span->elemsize;
    }
    CHECK(h.heapLive() == marked + freshBytes);
    CHECK(h.stats().heapAlloc == marked + freshBytes);
    // No two live objects overlap.
    std::vector<std::pair<uintptr_t, uint64_t>> all;
    for (const Obj& o : kept) all.push_back({addr(o.p), o.bytes});
    for (const Obj& o : fresh[0]) all.push_back({addr(o.p), o.bytes});
    std::sort(all.begin(), all.end());
    for (size_t i = 1; i < all.size(); i++)
      REQUIRE(all[i - 1].first + all[i - 1].second <= all[i].first);
    objs = fresh[0];
  }
}

TEST_CASE("heap: allocate-black objects survive the sweep") {
  Heap h(1);
  std::vector<void*> white;
  for (int i = 0; i < 500; i++) white.push_back(h.alloc(48, false, 0));
  h.setAllocBlack(true);
  std::vector<std::pair<void*, uint64_t>> black;
  for (uint64_t size : {48, 48, 600, 5000, 100000}) {
    void* p = h.alloc(size, false, 0);
    std::memset(p, 0x3C, size);
    black.push_back({p, size});
  }
  auto* t1 = static_cast<char*>(h.alloc(4, true, 0));  // a tiny block, born black
  h.setAllocBlack(false);
  auto* t2 = static_cast<char*>(h.alloc(4, true, 0));  // same block
  REQUIRE(h.objectBase(t1) == h.objectBase(t2));
  *t1 = 1;
  *t2 = 2;
  void* late = h.alloc(48, false, 0);  // white again
  for (auto& [p, size] : black) CHECK(h.isMarked(p));
  CHECK_FALSE(h.isMarked(late));
  CHECK_FALSE(h.isMarked(white[0]));
  // Marking a black object again is not new.
  ObjectRef o;
  REQUIRE(h.findObject(addr(black[0].first), &o));
  CHECK_FALSE(h.mark(o));
  uint64_t blackBytes = 48 + 48 + 640 + 5376 + 106496 + 16;
  h.sweepAll();
  CHECK(h.heapLive() == blackBytes);
  CHECK(h.stats().heapAlloc == blackBytes);
  for (auto& [p, size] : black) {
    REQUIRE(h.findObject(addr(p), &o));
    auto* b = static_cast<unsigned char*>(p);
    CHECK(b[0] == 0x3C);
    CHECK(b[size - 1] == 0x3C);
  }
  CHECK(*t1 == 1);
  CHECK(*t2 == 2);
  CHECK_FALSE(h.findObject(addr(late), &o));
  CHECK_FALSE(h.findObject(addr(white[1]), &o));
}

TEST_CASE("heap: scavenge down to a retained size") {
  Heap h(1);
  std::vector<void*> objs;
  for (int i = 0; i < 40; i++) objs.push_back(h.alloc(1 << 20, true, 0));
  h.sweepAll();  // 40 MiB free
  HeapStats st = h.stats();
  uint64_t held = st.heapSys - st.heapReleased;
  // Release 5 MiB and a bit: whole pages, exactly as many as needed.
  uint64_t retain = held - (5 << 20) - 100;
  uint64_t released = h.scavenge(retain);
  CHECK(released == (5 << 20) + kPageSize);
  st = h.stats();
  CHECK(st.heapSys - st.heapReleased <= retain);
  CHECK(st.heapReleased == released);
  CHECK(h.scavenge(retain) == 0);  // already there
  CHECK(h.scavenge(st.heapSys) == 0);
  // Everything free: at most heapIdle.
  uint64_t rest = h.scavenge();
  st = h.stats();
  CHECK(st.heapReleased == st.heapIdle);
  CHECK(released + rest == st.heapIdle);
  // The released pages come back zeroed and are counted again.
  for (int i = 0; i < 40; i++) {
    auto* p = static_cast<unsigned char*>(h.alloc(1 << 20, true, 0));
    REQUIRE(p[0] == 0);
    REQUIRE(p[(1 << 20) - 1] == 0);
    p[0] = 1;
  }
  st = h.stats();
  CHECK(st.heapReleased + st.heapInuse <= st.heapSys);
}

TEST_CASE("heap: scavenge while another thread allocates") {
  Heap h(1);
  for (int i = 0; i < 30; i++) (void)h.alloc(1 << 20, true, 0);
  h.sweepAll();
  std::atomic<bool> done{false};
  std::atomic<int> notZeroed{0};
  std::thread mutator([&h, &done, &notZeroed] {
    uint64_t seed = 5;
    for (int i = 0; i < 4000; i++) {
      uint64_t size = sizeFor(next(seed));
      auto* p = static_cast<unsigned char*>(h.alloc(size, true, 0));
      if (p[0] != 0 || p[size - 1] != 0) notZeroed++;
      std::memset(p, 0x11, size);
    }
    done = true;
  });
  uint64_t released = 0;
  while (!done) released += h.scavenge(16 << 20);
  mutator.join();
  released += h.scavenge();
  CHECK(notZeroed == 0);
  CHECK(released > 0);
  HeapStats st = h.stats();
  CHECK(st.heapReleased <= st.heapIdle);
  CHECK(st.heapReleased + st.heapInuse <= st.heapSys);
}
