// Channels and select (DESIGN.md §5), as Go's runtime/chan.go and
// select.go do them, on gol's re-entrant parking (runtime/sched.h).
//
// A channel is a lock, a ring buffer of `capacity` element slots (each
// elemSize bytes; no buffer at all for unbuffered channels or zero-size
// elements), and two FIFO queues of waiter records: G's blocked sending
// (sendq) and G's blocked receiving (recvq). A waiter record (Go's sudog)
// names the G, the case index (select) and the memory the value comes from
// or goes to, usually in the parked G's slot stack, which does not move
// while it waits (sched.h). Records belong to the G (G::chanCache, one per
// case of its pending operation), so blocking allocates nothing once a G
// has waited once; they are freed with the G.
//
// Send: if a receiver waits, copy the value straight into its destination
// and ready it (no buffer traffic; unbuffered channels only ever hand over
// this way); else if the buffer has room, copy into the tail slot; else
// park on sendq. Receive, symmetrically: if a sender waits, the buffer is
// full (or there is none): take the head slot and move the sender's value
// into the freed tail slot (or, unbuffered, copy straight from the
// sender), then ready the sender; else take from the buffer; else, if
// closed, return the zero value with ok = false; else park on recvq. Close
// marks the channel closed and wakes every waiter: receivers get a zeroed
// value and ok = false, senders are told to panic.
//
// Re-entry. A G has no native stack to block on: a blocking operation
// queues its record(s), calls Scheduler::park and returns Parked; the VM
// returns from hooks.run, and the M makes the G Waiting and then runs the
// park commit, which releases the channel lock(s). So a waker, who can
// find the record only under that lock, always finds a G that is already
// Waiting, as ready() requires. The waker does the whole transfer itself
// (copy, success flag, G::chanWaker) before ready(), and the parked G only
// reads the outcome when it runs again (chanResume).
//
// Select. Cases are polled in a random order (a per-M xorshift), with the
// channels locked in address order, each once even if repeated (nil
// channels are skipped: never ready). The first ready case runs. If none
// is and the select blocks, one record per case goes onto its channel's
// queue (in lock order), and the G parks; the commit unlocks the channels.
// Several channels may then try to wake the same G: each waker, when it
// dequeues a select's record, CASes G::selectDone from 0 to 1, and only
// the winner completes its case; a loser drops the record (it is off that
// queue now) and looks at the next waiter. When the G runs again it locks
// all its channels once more and unlinks its remaining records, so no
// stale record can swallow a later send (chanResume).
//
// Invariants (each under the channel's lock):
//   - At least one of sendq and recvq is empty (ignoring select records
//     whose select has completed, which are skipped when met), and:
//     sendq non-empty => the buffer is full; recvq non-empty => it is empty.
//   - A closed channel has an empty sendq and recvq; closed never reverts.
//   - count <= capacity; the ring holds count values from recvx on; the
//     free slots are zeroed (so a future collector sees no stale pointers).
//   - A record is `queued` iff it is linked on its channel's queue; a G
//     has records queued only while it is Waiting in a channel operation.
//
// Lock order: channel locks in increasing address order (select is the
// only place that holds more than one), then nothing: no channel lock is
// held while calling into the scheduler except park(), which only writes
// fields of the M and the G. ready() can take sched.lock (global queue,
// wakep), so every waker unlocks the channel first and readies after,
// exactly as Go's send/recv/closechan do. Park commits and chanResume take
// only channel locks; the scheduler calls commits with none of its own
// held. Between hooks.run returning Parked and the commit, the M takes
// P::curLock with the channel lock(s) still held; that is a leaf lock
// (nothing is locked under it), so the order channel -> curLock cannot
// invert.
//
// Memory orders: the lock covers every field except the three peeked by
// non-blocking operations without it (count, closed, the queue heads:
// atomics written under the lock, loaded with acquire; see
// fastPathWouldBlock). Data copied into a parked G's memory happens before
// ready(), whose run-queue publish (release) the M that runs the G
// acquires. selectDone is discussed at G::selectDone.
//
// Not yet: element copies need the collector's write barrier once it
// exists (DESIGN.md §6; copies go through copyElem).
#include "runtime/chan.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <new>

#include "runtime/alloc.h"
#include "runtime/barrier.h"
#include "runtime/typedesc.h"

namespace gol::rt {

// Go's sudog. Fields other than `queued`/links are set by the G before it
// is queued; the waker writes `success` under the channel lock.
struct ChanWaiter {
  G* g = nullptr;
  Chan* c = nullptr;
  void* elem = nullptr;          // send: source; recv: destination (may be null)
  ChanWaiter* prev = nullptr;    // links on c's sendq or recvq, under c->lock
  ChanWaiter* next = nullptr;
  int32_t caseIndex = -1;        // select: the case; -1 for a plain send/recv
  bool isSelect = false;
  bool isSend = false;
  bool queued = false;           // linked on c's queue (under c->lock)
  bool success = false;          // true: a value moved; false: woken by close
};

// A G's waiter records and select scratch space: one block, grown (only
// while no operation is pending) to the largest select the G has run.
struct ChanWaitCache {
  uint32_t capacity = 0;
  uint32_t active = 0;   // records of the pending operation, in lock order
  bool select = false;   // the pending operation is a select
  ChanWaiter* records = nullptr;
  int32_t* pollOrder = nullptr;
  int32_t* lockOrder = nullptr;
};

namespace {

[[noreturn]] void fatal(const char* msg) {
  std::fprintf(stderr, "fatal error: %s\n", msg);
  std::fflush(stderr);
  std::_Exit(2);
}

// Go's maxAlloc on 64-bit Linux: 2^48 bytes.
constexpr uint64_t kMaxChanBytes = uint64_t{1} << 48;
constexpr int kMaxSelectCases = 65536;

class WaitQueue {
 public:
  // Lock-free emptiness peek for the non-blocking fast path (the pointer
  // is never dereferenced without the lock).
  bool emptyPeek() const { return first_.load(std::memory_order_acquire) == nullptr; }
  ChanWaiter* front() const { return first_.load(std::memory_order_relaxed); }

  void enqueue(ChanWaiter* w) {
    w->next = nullptr;
    w->prev = last_;
    if (last_) last_->next = w;
    else first_.store(w, std::memory_order_release);
    last_ = w;
    w->queued = true;
  }

  void remove(ChanWaiter* w) {
    if (!w->queued) return;
    if (w->prev) w->prev->next = w->next;
    else first_.store(w->next, std::memory_order_release);
    if (w->next) w->next->prev = w->prev;
    else last_ = w->prev;
    w->prev = w->next = nullptr;
    w->queued = false;
  }

  // The first waiter that may still be woken, unlinked. A select's record
  // whose select another channel already completed is dropped on the way
  // (its G unlinks nothing for it later: `queued` is false).
  ChanWaiter* dequeue() {
    for (;;) {
      ChanWaiter* w = front();
      if (!w) return nullptr;
      remove(w);
      if (w->isSelect) {
        uint32_t expected = 0;
        if (!w->g->selectDone.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) continue;
      }
      return w;
    }
  }

  int64_t size() const {
    int64_t n = 0;
    for (ChanWaiter* w = front(); w; w = w->next) n++;
    return n;
  }

 private:
  std::atomic<ChanWaiter*> first_{nullptr};  // written under the lock
  ChanWaiter* last_ = nullptr;
};

}  // namespace

struct Chan {
  std::mutex lock;
  const TypeDesc* elemType = nullptr;
  uint64_t elemSize = 0;
  uint64_t capacity = 0;
  uint8_t* buf = nullptr;  // capacity * elemSize bytes (null if that is 0)
  // Values buffered. Written under lock; atomic for len() and the
  // non-blocking fast path, which read it without the lock.
  std::atomic<uint64_t> count{0};
  uint64_t sendx = 0;  // next slot to fill
  uint64_t recvx = 0;  // next slot to take
  // Written under lock, once (false -> true); peeked by the fast path.
  std::atomic<bool> closed{false};
  WaitQueue sendq;
  WaitQueue recvq;

  uint8_t* slot(uint64_t i) { return buf + i * elemSize; }
  uint64_t buffered() const { return count.load(std::memory_order_relaxed); }
  bool isClosed() const { return closed.load(std::memory_order_relaxed); }
};

namespace {

// Buffer slots are heap memory: what they held is shaded first while the
// collector marks (runtime/barrier.h); frames need no barrier, and a
// no-op shade of a stack range costs a failed lookup per word.
void copyElem(void* dst, const void* src, uint64_t size) {
  if (size == 0 || dst == nullptr) return;
  shadeRange(dst, size);
  std::memmove(dst, src, size);
  checkStored(dst, size);
}
void zeroElem(void* dst, uint64_t size) {
  if (size == 0 || dst == nullptr) return;
  shadeRange(dst, size);
  std::memset(dst, 0, size);
}

// Per-M fast random for select's poll order (Go's cheaprand): a thread
// per M, so a thread_local xorshift is per-M state with no sharing.
uint32_t cheaprandn(uint32_t n) {
  thread_local uint64_t state = 0;
  if (state == 0) {
    uint64_t seed = static_cast<uint64_t>(Scheduler::nanotime()) ^ reinterpret_cast<uintptr_t>(&state);
    state = seed * 0x9e3779b97f4a7c15ULL | 1;
  }
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return static_cast<uint32_t>((static_cast<uint64_t>(static_cast<uint32_t>(state >> 32)) * n) >> 32);
}

// ---- waiter records ----

ChanWaitCache& cacheFor(G& g, uint32_t records) {
  ChanWaitCache* cache = g.chanCache;
  if (cache && cache->active != 0) fatal("runtime: channel operation while one is pending");
  if (cache && cache->capacity >= records) return *cache;
  uint32_t cap = std::max<uint32_t>(records, 4);
  if (cache) cap = std::max(cap, cache->capacity * 2);
  freeChanWaitCache(cache);
  // One allocation: the header, the records, then the two orders.
  size_t bytes = sizeof(ChanWaitCache) + cap * sizeof(ChanWaiter) + 2 * cap * sizeof(int32_t);
  void* mem = std::malloc(bytes);
  if (!mem) fatal("runtime: cannot allocate memory");
  cache = new (mem) ChanWaitCache;
  cache->capacity = cap;
  cache->records = reinterpret_cast<ChanWaiter*>(cache + 1);
  for (uint32_t i = 0; i < cap; i++) new (&cache->records[i]) ChanWaiter;
  cache->pollOrder = reinterpret_cast<int32_t*>(cache->records + cap);
  cache->lockOrder = cache->pollOrder + cap;
  g.chanCache = cache;
  return *cache;
}

// Park commits: run on the parked G's M once it is Waiting.
bool unlockChanCommit(G&, void* arg) {
  static_cast<Chan*>(arg)->lock.unlock();
  return true;
}

// Unlocks every channel of the select's records (in lock order, each
// once). The last lock is released last, after every read of the records:
// until then the G, even if already readied by an earlier channel, cannot
// get past chanResume's re-locking to reuse them.
bool unlockSelectCommit(G& g, void*) {
  ChanWaitCache& cache = *g.chanCache;
  Chan* last = nullptr;
  for (uint32_t i = 0; i < cache.active; i++) {
    Chan* c = cache.records[i].c;
    if (c == last) continue;
    if (last) last->lock.unlock();
    last = c;
  }
  if (last) last->lock.unlock();
  return true;
}

// ---- the transfers, with c->lock held; each returns the G to ready
// (after the caller unlocks), or null ----

// A receiver w waits on c: hand it src directly.
G* sendToWaiter(Chan* c, ChanWaiter* w, const void* src) {
  copyElem(w->elem, src, c->elemSize);
  w->success = true;
  w->g->chanWaker = w;
  return w->g;
}

// A sender w waits on c (so the buffer, if any, is full): take the head
// value and move w's value into the freed slot, or copy from w directly.
G* recvFromWaiter(Chan* c, ChanWaiter* w, void* dst) {
  if (c->capacity == 0) {
    copyElem(dst, w->elem, c->elemSize);
  } else {
    uint8_t* head = c->slot(c->recvx);
    copyElem(dst, head, c->elemSize);
    copyElem(head, w->elem, c->elemSize);
    if (++c->recvx == c->capacity) c->recvx = 0;
    c->sendx = c->recvx;  // still full
  }
  w->success = true;
  w->g->chanWaker = w;
  return w->g;
}

void bufferPut(Chan* c, const void* src) {
  copyElem(c->slot(c->sendx), src, c->elemSize);
  if (++c->sendx == c->capacity) c->sendx = 0;
  c->count.store(c->buffered() + 1, std::memory_order_relaxed);
}

void bufferTake(Chan* c, void* dst) {
  uint8_t* head = c->slot(c->recvx);
  copyElem(dst, head, c->elemSize);
  zeroElem(head, c->elemSize);
  if (++c->recvx == c->capacity) c->recvx = 0;
  c->count.store(c->buffered() - 1, std::memory_order_relaxed);
}

// ---- non-blocking fast paths (no lock) ----
//
// A send that would block sees an open channel that is not ready for
// sending. Both facts are single loads, the first (closed, acquire)
// ordered before the second; since a closed channel never reopens, there
// was a moment between the two loads when the channel was open and not
// ready, so reporting WouldBlock is linearizable (Go's argument).
bool sendWouldBlockPeek(const Chan* c) {
  if (c->closed.load(std::memory_order_acquire)) return false;
  return c->capacity == 0 ? c->recvq.emptyPeek() : c->count.load(std::memory_order_acquire) == c->capacity;
}
bool recvEmptyPeek(const Chan* c) {
  return c->capacity == 0 ? c->sendq.emptyPeek() : c->count.load(std::memory_order_acquire) == 0;
}

// ---- select helpers ----

void lockAll(ChanWaitCache& cache, const SelectCase* cases, uint32_t nlock) {
  Chan* last = nullptr;
  for (uint32_t i = 0; i < nlock; i++) {
    Chan* c = cases[cache.lockOrder[i]].c;
    if (c != last) c->lock.lock();
    last = c;
  }
}
void unlockAll(ChanWaitCache& cache, const SelectCase* cases, uint32_t nlock) {
  Chan* last = nullptr;
  for (uint32_t i = 0; i < nlock; i++) {
    Chan* c = cases[cache.lockOrder[i]].c;
    if (c != last) c->lock.unlock();
    last = c;
  }
}

}  // namespace

void freeChanWaitCache(ChanWaitCache* cache) {
  if (!cache) return;
  // Records and orders are trivially destructible.
  cache->~ChanWaitCache();
  std::free(cache);
}

// ---- make, len, cap ----

Chan* makeChan(const TypeDesc* elem, int64_t capacity) {
  if (capacity < 0) return nullptr;
  uint64_t size = elem->size;
  auto cap = static_cast<uint64_t>(capacity);
  if (size != 0 && cap > kMaxChanBytes / size) return nullptr;
  // The buffer is the only heap pointer a channel holds (its wait queues
  // link waiter records in C++ memory).
  static const TypeDesc* layout = recordLayout("runtime.hchan", sizeof(Chan), {offsetof(Chan, buf)});
  void* mem = allocate(layout);
  Chan* c = new (mem) Chan;
  c->elemType = elem;
  c->elemSize = size;
  c->capacity = cap;
  if (cap * size != 0) c->buf = static_cast<uint8_t*>(allocateBytes(cap * size, elem->hasPointers()));
  return c;
}

int64_t chanLen(const Chan* c) { return c ? static_cast<int64_t>(c->buffered()) : 0; }
int64_t chanCap(const Chan* c) { return c ? static_cast<int64_t>(c->capacity) : 0; }
const TypeDesc* chanElem(const Chan* c) { return c ? c->elemType : nullptr; }

int64_t chanWaitingSenders(const Chan* c) {
  if (!c) return 0;
  std::lock_guard<std::mutex> l(const_cast<Chan*>(c)->lock);
  return c->sendq.size();
}
int64_t chanWaitingReceivers(const Chan* c) {
  if (!c) return 0;
  std::lock_guard<std::mutex> l(const_cast<Chan*>(c)->lock);
  return c->recvq.size();
}

// ---- send and receive ----

namespace {

// Queue g's one record on q and park; c->lock is held and is released by
// the park commit.
void parkOne(Scheduler& s, Chan* c, WaitQueue& q, G& g, void* elem, bool isSend) {
  ChanWaitCache& cache = cacheFor(g, 1);
  ChanWaiter& w = cache.records[0];
  w.g = &g;
  w.c = c;
  w.elem = elem;
  w.caseIndex = -1;
  w.isSelect = false;
  w.isSend = isSend;
  w.success = false;
  cache.active = 1;
  cache.select = false;
  g.chanWaker = nullptr;
  q.enqueue(&w);
  s.park(g, isSend ? WaitReason::ChanSend : WaitReason::ChanReceive, unlockChanCommit, c);
}

ChanStatus parkForever(Scheduler& s, G* g, WaitReason reason) {
  if (!g) fatal("runtime: blocking channel operation without a goroutine");
  s.park(*g, reason);
  return ChanStatus::Parked;
}

}  // namespace

ChanStatus chanSend(Scheduler& s, Chan* c, const void* src, G* g, bool block) {
  if (!c) {
    if (!block) return ChanStatus::WouldBlock;
    return parkForever(s, g, WaitReason::ChanSendNilChan);
  }
  if (!block && sendWouldBlockPeek(c)) return ChanStatus::WouldBlock;

  c->lock.lock();
  if (c->isClosed()) {
    c->lock.unlock();
    return ChanStatus::Closed;
  }
  if (ChanWaiter* w = c->recvq.dequeue()) {
    G* wake = sendToWaiter(c, w, src);
    c->lock.unlock();
    s.ready(wake);
    return ChanStatus::Ok;
  }
  if (c->buffered() < c->capacity) {
    bufferPut(c, src);
    c->lock.unlock();
    return ChanStatus::Ok;
  }
  if (!block) {
    c->lock.unlock();
    return ChanStatus::WouldBlock;
  }
  if (!g) fatal("runtime: blocking channel operation without a goroutine");
  parkOne(s, c, c->sendq, *g, const_cast<void*>(src), true);
  return ChanStatus::Parked;
}

ChanStatus chanRecv(Scheduler& s, Chan* c, void* dst, G* g, bool block) {
  if (!c) {
    if (!block) return ChanStatus::WouldBlock;
    return parkForever(s, g, WaitReason::ChanReceiveNilChan);
  }
  if (!block && recvEmptyPeek(c)) {
    // Empty, then (acquire, so after) not closed: there was a moment when
    // it was both. Closed: it stays closed, and if still empty (no send
    // can follow a close) it is drained.
    if (!c->closed.load(std::memory_order_acquire)) return ChanStatus::WouldBlock;
    if (recvEmptyPeek(c)) {
      zeroElem(dst, c->elemSize);
      return ChanStatus::Closed;
    }
  }

  c->lock.lock();
  if (c->isClosed() && c->buffered() == 0) {
    c->lock.unlock();
    zeroElem(dst, c->elemSize);
    return ChanStatus::Closed;
  }
  if (ChanWaiter* w = c->sendq.dequeue()) {
    G* wake = recvFromWaiter(c, w, dst);
    c->lock.unlock();
    s.ready(wake);
    return ChanStatus::Ok;
  }
  if (c->buffered() > 0) {
    bufferTake(c, dst);
    c->lock.unlock();
    return ChanStatus::Ok;
  }
  if (!block) {
    c->lock.unlock();
    return ChanStatus::WouldBlock;
  }
  if (!g) fatal("runtime: blocking channel operation without a goroutine");
  parkOne(s, c, c->recvq, *g, dst, false);
  return ChanStatus::Parked;
}

CloseStatus chanClose(Scheduler& s, Chan* c) {
  if (!c) return CloseStatus::Nil;
  c->lock.lock();
  if (c->isClosed()) {
    c->lock.unlock();
    return CloseStatus::AlreadyClosed;
  }
  c->closed.store(true, std::memory_order_release);
  // Collect the woken G's through schedLink (a Waiting G is on no run
  // queue) and ready them after unlocking.
  G* wake = nullptr;
  while (ChanWaiter* w = c->recvq.dequeue()) {
    zeroElem(w->elem, c->elemSize);
    w->success = false;
    w->g->chanWaker = w;
    w->g->schedLink = wake;
    wake = w->g;
  }
  while (ChanWaiter* w = c->sendq.dequeue()) {
    w->success = false;
    w->g->chanWaker = w;
    w->g->schedLink = wake;
    wake = w->g;
  }
  c->lock.unlock();
  while (wake) {
    G* next = wake->schedLink;
    wake->schedLink = nullptr;
    s.ready(wake);
    wake = next;
  }
  return CloseStatus::Ok;
}

// ---- select ----

int selectGo(Scheduler& s, G& g, SelectCase* cases, int n, bool block, bool* recvOk) {
  if (recvOk) *recvOk = false;
  if (n < 0 || n >= kMaxSelectCases) fatal("runtime: select with too many cases");
  if (n == 0) {
    if (!block) return kSelectDefault;
    s.park(g, WaitReason::SelectNoCases);
    return kSelectParked;
  }
  ChanWaitCache& cache = cacheFor(g, static_cast<uint32_t>(n));

  // Poll order: a random permutation of the non-nil cases (inside-out
  // Fisher-Yates). Lock order: the same cases sorted by channel address.
  uint32_t npoll = 0;
  for (int i = 0; i < n; i++) {
    if (!cases[i].c) continue;
    uint32_t j = cheaprandn(npoll + 1);
    if (j != npoll) cache.pollOrder[npoll] = cache.pollOrder[j];
    cache.pollOrder[j] = i;
    npoll++;
  }
  std::copy(cache.pollOrder, cache.pollOrder + npoll, cache.lockOrder);
  std::sort(cache.lockOrder, cache.lockOrder + npoll, [cases](int32_t a, int32_t b) {
    return std::less<Chan*>()(cases[a].c, cases[b].c) || (cases[a].c == cases[b].c && a < b);
  });

  lockAll(cache, cases, npoll);
  // Pass 1: the first ready case in poll order.
  for (uint32_t k = 0; k < npoll; k++) {
    int i = cache.pollOrder[k];
    SelectCase& cs = cases[i];
    Chan* c = cs.c;
    G* wake = nullptr;
    if (cs.isSend) {
      if (c->isClosed()) {
        unlockAll(cache, cases, npoll);
        return kSelectSendClosed;
      }
      if (ChanWaiter* w = c->recvq.dequeue()) {
        wake = sendToWaiter(c, w, cs.elem);
      } else if (c->buffered() < c->capacity) {
        bufferPut(c, cs.elem);
      } else {
        continue;
      }
    } else {
      if (ChanWaiter* w = c->sendq.dequeue()) {
        wake = recvFromWaiter(c, w, cs.elem);
        if (recvOk) *recvOk = true;
      } else if (c->buffered() > 0) {
        bufferTake(c, cs.elem);
        if (recvOk) *recvOk = true;
      } else if (c->isClosed()) {
        zeroElem(cs.elem, c->elemSize);
      } else {
        continue;
      }
    }
    unlockAll(cache, cases, npoll);
    if (wake) s.ready(wake);
    return i;
  }
  if (!block) {
    unlockAll(cache, cases, npoll);
    return kSelectDefault;
  }

  // Pass 2: a record per case on its channel, in lock order, then park.
  // With only nil channels nothing is queued and nothing ever wakes g.
  g.chanWaker = nullptr;
  g.selectDone.store(0, std::memory_order_relaxed);
  for (uint32_t k = 0; k < npoll; k++) {
    int i = cache.lockOrder[k];
    ChanWaiter& w = cache.records[k];
    w.g = &g;
    w.c = cases[i].c;
    w.elem = cases[i].elem;
    w.caseIndex = i;
    w.isSelect = true;
    w.isSend = cases[i].isSend;
    w.success = false;
    (w.isSend ? w.c->sendq : w.c->recvq).enqueue(&w);
  }
  cache.active = npoll;
  cache.select = true;
  if (npoll == 0) {
    s.park(g, WaitReason::Select);
  } else {
    s.park(g, WaitReason::Select, unlockSelectCommit, nullptr);
  }
  return kSelectParked;
}

ChanStatus chanResume(G& g, int* selected, bool* recvOk) {
  ChanWaitCache* cache = g.chanCache;
  ChanWaiter* woken = g.chanWaker;
  if (!cache || cache->active == 0 || !woken) fatal("runtime: chanResume without a woken channel operation");
  if (!cache->select) {
    if (woken != &cache->records[0] || woken->queued) fatal("runtime: chanResume: inconsistent waiter record");
    cache->active = 0;
    g.chanWaker = nullptr;
    if (selected) *selected = -1;
    if (recvOk) *recvOk = woken->success;
    return woken->success ? ChanStatus::Ok : ChanStatus::Closed;
  }
  // Unlink the records the other channels still hold, under their locks
  // (all of them, in lock order, as the select took them), so that none
  // can be matched by a later operation.
  ChanWaiter* records = cache->records;
  uint32_t n = cache->active;
  if (woken < records || woken >= records + n) fatal("runtime: chanResume: waker is not one of the select's records");
  Chan* last = nullptr;
  for (uint32_t k = 0; k < n; k++) {
    if (records[k].c != last) records[k].c->lock.lock();
    last = records[k].c;
  }
  for (uint32_t k = 0; k < n; k++) {
    ChanWaiter& w = records[k];
    if (&w != woken) (w.isSend ? w.c->sendq : w.c->recvq).remove(&w);
  }
  g.selectDone.store(0, std::memory_order_relaxed);
  last = nullptr;
  for (uint32_t k = 0; k < n; k++) {
    if (records[k].c != last) records[k].c->lock.unlock();
    last = records[k].c;
  }
  cache->active = 0;
  g.chanWaker = nullptr;
  if (selected) *selected = woken->caseIndex;
  if (woken->isSend) {
    if (recvOk) *recvOk = false;
    return woken->success ? ChanStatus::Ok : ChanStatus::Closed;
  }
  if (recvOk) *recvOk = woken->success;
  return ChanStatus::Ok;
}

// Locks the records' channels in lock order, as the select took them
// (records are in lock order: a repeated channel is locked once).
bool chanCancelWait(G& g) {
  ChanWaitCache* cache = g.chanCache;
  if (!cache || cache->active == 0) return true;  // nil channels only: nothing queued
  ChanWaiter* records = cache->records;
  uint32_t n = cache->active;
  Chan* last = nullptr;
  for (uint32_t k = 0; k < n; k++) {
    if (records[k].c != last) records[k].c->lock.lock();
    last = records[k].c;
  }
  bool mine;
  if (cache->select) {
    // As a waker would: whoever sets selectDone owns the select.
    uint32_t expected = 0;
    mine = g.selectDone.compare_exchange_strong(expected, 1, std::memory_order_acq_rel);
  } else {
    mine = records[0].queued;
  }
  if (mine)
    for (uint32_t k = 0; k < n; k++) (records[k].isSend ? records[k].c->sendq : records[k].c->recvq).remove(&records[k]);
  last = nullptr;
  for (uint32_t k = 0; k < n; k++) {
    if (records[k].c != last) records[k].c->lock.unlock();
    last = records[k].c;
  }
  if (!mine) return false;
  cache->active = 0;
  g.chanWaker = nullptr;
  g.selectDone.store(0, std::memory_order_relaxed);
  return true;
}

}  // namespace gol::rt
