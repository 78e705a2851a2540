// Channels and select: the contract the VM calls (design, invariants and
// lock order at the top of chan.cpp; DESIGN.md §5).
//
// Every blocking operation follows the scheduler's re-entry protocol
// (runtime/sched.h, as runtime/sema.h): the operation either completes at
// once, or queues the G on the channel(s), parks it and returns
// Parked / kSelectParked. The caller then returns RunResult::Parked from
// hooks.run; when the G runs again, before anything else touches its
// stack, the caller asks chanResume what happened. Values move while the
// G is parked: a sender's source and a receiver's destination may point
// into the parked G's slot stack, which does not move while it waits.
//
// Go's panics are the caller's to raise (with the texts of runtime/panic.h):
//   chanSend -> Closed                "send on closed channel"
//   chanClose -> Nil / AlreadyClosed  "close of nil channel" / "close of closed channel"
//   selectGo -> kSelectSendClosed     "send on closed channel"
//   makeChan -> nullptr               "makechan: size out of range"
#pragma once

#include <cstdint>

#include "runtime/goroutine.h"
#include "runtime/sched.h"

namespace gol::rt {

struct TypeDesc;  // runtime/typedesc.h
struct Chan;      // opaque (chan.cpp)

// make(chan T, capacity). capacity >= 0 (the caller panics for a negative
// one). Returns nullptr when capacity * elem->size is too large for any
// allocation (Go's "makechan: size out of range"; the caller panics).
[[nodiscard]] Chan* makeChan(const TypeDesc* elem, int64_t capacity);
int64_t chanLen(const Chan* c);  // nil -> 0; a racy snapshot, as Go's len
int64_t chanCap(const Chan* c);  // nil -> 0
const TypeDesc* chanElem(const Chan* c);

enum class ChanStatus : uint8_t {
  Ok,          // sent / received a value
  Closed,      // recv: closed and drained (*dst zeroed, ok = false); send: the caller panics
  WouldBlock,  // block == false and not ready
  Parked,      // block == true: g is parked; return RunResult::Parked, then chanResume(g)
};

// From g's own code inside hooks.run. g may be null only with block ==
// false (a timer callback sending the time). send copies elem->size bytes
// from src; recv copies into dst (null: the value is discarded). A nil c
// with block parks g forever ("chan send (nil chan)" / "chan receive (nil
// chan)"); deadlock detection counts it.
[[nodiscard]] ChanStatus chanSend(Scheduler& s, Chan* c, const void* src, G* g, bool block);
[[nodiscard]] ChanStatus chanRecv(Scheduler& s, Chan* c, void* dst, G* g, bool block);

// close(c). Wakes every waiting receiver (Closed, zero value) and every
// waiting sender (Closed: they panic). Any thread that is an M of s.
enum class CloseStatus : uint8_t { Ok, Nil, AlreadyClosed };
[[nodiscard]] CloseStatus chanClose(Scheduler& s, Chan* c);

// One case of a select. elem: the source of a send, the destination of a
// receive (null: discarded). A nil c is never ready.
struct SelectCase {
  Chan* c;
  void* elem;
  bool isSend;
};

constexpr int kSelectDefault = -1;      // block == false and no case ready
constexpr int kSelectParked = -2;       // g parked: RunResult::Parked, then chanResume
constexpr int kSelectSendClosed = -3;   // a send case's channel is closed: panic

// Go's selectgo. Returns the index of the case that ran (*recvOk: for a
// receive, true = a value, false = closed and zeroed; false for a send),
// or one of the negative codes above. n == 0 with block parks forever
// ("select (no cases)"). Cases are polled in a random order, so among
// several ready ones each is chosen about equally often. n < 65536.
[[nodiscard]] int selectGo(Scheduler& s, G& g, SelectCase* cases, int n, bool block, bool* recvOk);

// After Parked (chanSend / chanRecv) or kSelectParked, once g runs again
// and before its code touches the operation's memory: what happened.
//   single send/recv: Ok, or Closed (send: panic; recv: *dst was zeroed).
//     *selected (if given) = -1, *recvOk (if given) = (result == Ok).
//   select: *selected = the case's index, *recvOk as selectGo's; returns
//     Ok, or Closed when the selected case is a send whose channel was
//     closed (panic "send on closed channel").
// Calling it when g did not park in a channel operation is a fatal error.
ChanStatus chanResume(G& g, int* selected = nullptr, bool* recvOk = nullptr);

// For the REPL's session (vm/goroutines.cpp, Goroutines::removeWaiting):
// takes g, Waiting in a channel operation, off every queue it is on, under
// the channels' locks, so that no waker can find it any more. True when
// nothing will ever ready g now (it was taken off, or waits on nil
// channels only): the caller owns it. False when a waker got it first (it
// will be readied as usual). Any thread.
bool chanCancelWait(G& g);

// G's waiting on c (tests, tracebacks). Any thread.
int64_t chanWaitingSenders(const Chan* c);
int64_t chanWaitingReceivers(const Chan* c);

// Frees g's cache of waiter records (G::~G).
void freeChanWaitCache(ChanWaitCache* cache);

}  // namespace gol::rt
