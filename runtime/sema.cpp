// Runtime semaphores (design and memory orders in sema.h).
//
// semacquire: take the count if it is positive; else register as a waiter
// on the address's root (nwait++, then re-check the count under the root
// lock, so a concurrent release cannot be missed), queue the G and park it,
// the commit dropping the root lock only once the G is Waiting. semrelease:
// add to the count; if the root has waiters, dequeue the first for this
// address and ready it (handoff: give it the count directly via its
// semaTicket, so a barging acquirer cannot take it first). Invariant: a G
// is on at most one wait list, and only while Waiting.
#include "runtime/sema.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace gol::rt {

namespace {

constexpr size_t kSemaRoots = 251;  // prime, as Go's semTabSize

struct WaitList {
  G* head = nullptr;
  G* tail = nullptr;
  int count = 0;
};

struct SemaRoot {
  std::mutex lock;
  // Waiters over all addresses of this root. Atomic for semrelease's
  // lock-free "anyone waiting?" peek; seq_cst (see sema.h).
  std::atomic<uint32_t> nwait{0};
  std::unordered_map<uint32_t*, WaitList> lists;  // under lock
};

SemaRoot* roots() {
  static SemaRoot table[kSemaRoots];
  return table;
}

SemaRoot& rootFor(uint32_t* addr) { return roots()[(reinterpret_cast<uintptr_t>(addr) >> 3) % kSemaRoots]; }

// Decrement *addr if it is > 0. seq_cst: part of the nwait handshake.
bool cansemacquire(uint32_t* addr) {
  std::atomic_ref<uint32_t> v(*addr);
  uint32_t n = v.load();
  while (n > 0) {
    if (v.compare_exchange_weak(n, n - 1)) return true;
  }
  return false;
}

bool unlockRoot(G&, void* arg) {
  static_cast<SemaRoot*>(arg)->lock.unlock();
  return true;
}

}  // namespace

SemaAcquire semacquire(Scheduler& s, uint32_t* addr, G& g, bool lifo, WaitReason reason) {
  if (g.semaTicket != 0) {
    g.semaTicket = 0;
    return SemaAcquire::Acquired;
  }
  if (cansemacquire(addr)) return SemaAcquire::Acquired;
  SemaRoot& root = rootFor(addr);
  root.lock.lock();
  root.nwait.fetch_add(1);
  if (cansemacquire(addr)) {
    root.nwait.fetch_sub(1);
    root.lock.unlock();
    return SemaAcquire::Acquired;
  }
  WaitList& l = root.lists[addr];
  g.schedLink = nullptr;
  if (lifo && l.head) {
    g.schedLink = l.head;
    l.head = &g;
  } else {
    if (l.tail) l.tail->schedLink = &g;
    else l.head = &g;
    l.tail = &g;
  }
  l.count++;
  // root.lock stays held until the M has made g Waiting (park commit), so
  // a releaser cannot ready g before it has parked.
  s.park(g, reason, unlockRoot, &root);
  return SemaAcquire::Parked;
}

void semrelease(Scheduler& s, uint32_t* addr, bool handoff) {
  SemaRoot& root = rootFor(addr);
  std::atomic_ref<uint32_t>(*addr).fetch_add(1);
  if (root.nwait.load() == 0) return;
  G* g = nullptr;
  {
    std::lock_guard<std::mutex> lk(root.lock);
    if (root.nwait.load() == 0) return;
    auto it = root.lists.find(addr);
    if (it == root.lists.end()) return;
    WaitList& l = it->second;
    g = l.head;
    l.head = g->schedLink;
    if (!l.head) l.tail = nullptr;
    g->schedLink = nullptr;
    if (--l.count == 0) root.lists.erase(it);
    root.nwait.fetch_sub(1);
  }
  // g is ours now: it is Waiting (its park commit released root.lock
  // after that) and off every list.
  if (handoff && cansemacquire(addr)) g->semaTicket = 1;
  s.ready(g);
}

int semaWaiters(uint32_t* addr) {
  SemaRoot& root = rootFor(addr);
  std::lock_guard<std::mutex> lk(root.lock);
  auto it = root.lists.find(addr);
  return it == root.lists.end() ? 0 : it->second.count;
}

bool semaCancelWait(G& g) {
  for (size_t r = 0; r < kSemaRoots; r++) {
    SemaRoot& root = roots()[r];
    if (root.nwait.load() == 0) continue;
    std::lock_guard<std::mutex> lk(root.lock);
    for (auto it = root.lists.begin(); it != root.lists.end(); ++it) {
      WaitList& l = it->second;
      G* prev = nullptr;
      for (G* w = l.head; w != nullptr; prev = w, w = w->schedLink) {
        if (w != &g) continue;
        if (prev) prev->schedLink = w->schedLink;
        else l.head = w->schedLink;
        if (l.tail == w) l.tail = prev;
        w->schedLink = nullptr;
        if (--l.count == 0) root.lists.erase(it);
        root.nwait.fetch_sub(1);
        return true;
      }
    }
  }
  return false;
}

}  // namespace gol::rt
