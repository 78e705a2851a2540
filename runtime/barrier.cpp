// The write barrier's slow paths and the grey queue (the design is in
// barrier.h). Shading is findObject + an atomic mark; a newly marked
// object with pointers joins one locked queue that the collector's thread,
// assists and mark termination take batches from. Each object is marked
// once per cycle, so the queue sees at most one push per object, and
// greySize lets the common "nothing to take" check skip the lock.
#include "runtime/barrier.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string_view>
#include <cstring>
#include <mutex>

#include "runtime/alloc.h"

namespace gol::rt {

std::atomic<bool> gWriteBarrier{false};

namespace {
bool escapeCheckFromEnv() {
  const char* g = std::getenv("GODEBUG");
  if (g == nullptr) return false;
  std::string_view s(g);
  for (size_t at = 0; at <= s.size();) {
    size_t end = s.find(',', at);
    if (end == std::string_view::npos) end = s.size();
    if (s.substr(at, end - at) == "escapecheck=1") return true;
    at = end + 1;
  }
  return false;
}
}  // namespace

std::atomic<bool> gEscapeCheck{escapeCheckFromEnv()};

namespace {

std::mutex greyLock;
std::vector<ObjectRef>& greyQueue() {
  static auto* q = new std::vector<ObjectRef>;
  return *q;
}
std::atomic<size_t> greySize{0};

}  // namespace

#ifdef GOL_TSAN
__attribute__((noinline, no_sanitize("thread"))) uint64_t racyLoad(const uint64_t* word) {
  return *word;
}
#endif

void shadeSlow(uint64_t word) {
  if (word < 4096) return;
  Heap& h = heap();
  ObjectRef o;
  if (!h.findObject(static_cast<uintptr_t>(word), &o) || !h.markUncounted(o)) return;
  h.addMarkedBytes(o.span->elemsize);
  if (!o.span->noscan) putGrey(&o, 1);
}

void shadeRangeSlow(const void* dst, uint64_t bytes) {
  auto p = reinterpret_cast<uintptr_t>(dst);
  uintptr_t first = (p + 7) & ~uintptr_t{7};
  for (uintptr_t w = first; w + 8 <= p + bytes; w += 8) shadeSlow(racyLoad(reinterpret_cast<const uint64_t*>(w)));
}

void putGrey(const ObjectRef* objects, size_t n) {
  std::lock_guard<std::mutex> l(greyLock);
  greyQueue().insert(greyQueue().end(), objects, objects + n);
  greySize.store(greyQueue().size(), std::memory_order_relaxed);
}

bool takeGrey(std::vector<ObjectRef>& out, size_t max) {
  if (greySize.load(std::memory_order_relaxed) == 0) return false;
  std::lock_guard<std::mutex> l(greyLock);
  auto& q = greyQueue();
  if (q.empty()) return false;
  size_t n = std::min(max, q.size());
  out.insert(out.end(), q.end() - static_cast<ptrdiff_t>(n), q.end());
  q.resize(q.size() - n);
  greySize.store(q.size(), std::memory_order_relaxed);
  return true;
}

bool greyEmpty() {
  std::lock_guard<std::mutex> l(greyLock);
  return greyQueue().empty();
}

// ---- GODEBUG=escapecheck=1 ----

namespace {
std::mutex stacksLock;
std::map<uintptr_t, uintptr_t>& stacks() {  // lo -> hi
  static auto* m = new std::map<uintptr_t, uintptr_t>;
  return *m;
}
bool inStackLocked(uintptr_t a) {
  auto& m = stacks();
  auto it = m.upper_bound(a);
  if (it == m.begin()) return false;
  --it;
  return a < it->second;
}
}  // namespace

void registerStack(const void* lo, uint64_t bytes) {
  if (!gEscapeCheck.load(std::memory_order_relaxed)) return;
  std::lock_guard<std::mutex> lock(stacksLock);
  auto a = reinterpret_cast<uintptr_t>(lo);
  stacks()[a] = a + bytes;
}

void unregisterStack(const void* lo) {
  if (!gEscapeCheck.load(std::memory_order_relaxed)) return;
  std::lock_guard<std::mutex> lock(stacksLock);
  stacks().erase(reinterpret_cast<uintptr_t>(lo));
}

void checkStoredSlow(const void* dst, uint64_t bytes) {
  auto d = reinterpret_cast<uintptr_t>(dst);
  std::lock_guard<std::mutex> lock(stacksLock);
  if (inStackLocked(d)) return;  // into a frame object
  for (uint64_t off = 0; off + 8 <= bytes; off += 8) {
    uint64_t word;
    std::memcpy(&word, static_cast<const uint8_t*>(dst) + off, 8);
    if (word >= 4096 && inStackLocked(static_cast<uintptr_t>(word))) {
      std::fprintf(stderr,
                   "fatal error: escapecheck: the heap or a global at %#lx now points into a goroutine stack "
                   "(%#lx): escape analysis let a frame object escape\n",
                   static_cast<unsigned long>(d + off), static_cast<unsigned long>(word));
      std::fflush(stderr);
      std::_Exit(2);
    }
  }
}

}  // namespace gol::rt
