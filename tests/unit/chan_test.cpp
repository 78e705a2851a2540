// Channels and select through their C++ interface (runtime/chan.h), on the
// real scheduler with synthetic goroutines: a G's "code" is a C++ state
// machine called by the run hook, resumed as the VM resumes a parked G
// (chanResume first, then carry on from the saved step). Each test's name
// starts with "chan" so `-tc='chan*'` runs them all (also under
// ThreadSanitizer and AddressSanitizer: build/tsan, build/asan).
//
// Checks inside goroutine bodies run on the scheduler's threads, where a
// failing REQUIRE could not unwind: they count failures (EXPECT) and the
// test checks the count once run() has returned.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/chan.h"
#include "runtime/sched.h"
#include "runtime/typedesc.h"

namespace rt = gol::rt;
using rt::ChanStatus;
using rt::RunResult;

namespace {

struct CG : rt::G {
  explicit CG(int64_t id) : G(id) {}
  std::function<RunResult(CG&)> body;
  int step = 0;          // the body's own resume point
  bool pending = false;  // parked in a channel operation: chanResume first
  int64_t i = 0;
  int64_t val = 0;       // a send's source or a receive's destination; stable while parked
  int64_t sum = 0;
  int selected = -1;
  bool recvOk = false;
  std::vector<rt::SelectCase> cases;
};

struct World {
  std::mutex mu;
  std::vector<std::unique_ptr<CG>> gs;
  std::atomic<int> deadlocks{0};
  std::atomic<int> failures{0};
  std::atomic<int> firstFailure{0};  // line of the first failed EXPECT

  CG* newG(std::function<RunResult(CG&)> body) {
    std::lock_guard<std::mutex> l(mu);
    gs.push_back(std::make_unique<CG>(static_cast<int64_t>(gs.size()) + 1));
    gs.back()->body = std::move(body);
    return gs.back().get();
  }
  rt::SchedulerHooks hooks() {
    rt::SchedulerHooks h;
    h.run = [](rt::G& g, int) { return static_cast<CG&>(g).body(static_cast<CG&>(g)); };
    h.deadlock = [this] {
      deadlocks.fetch_add(1);
      return 2;
    };
    return h;
  }
  void fail(int line) {
    int zero = 0;
    firstFailure.compare_exchange_strong(zero, line);
    failures.fetch_add(1);
  }
  void checkClean() {
    CHECK(failures.load() == 0);
    CHECK(firstFailure.load() == 0);
    CHECK(deadlocks.load() == 0);
  }
};

#define EXPECT(w, cond)                    \
  do {                                     \
    if (!(cond)) (w).fail(__LINE__);       \
  } while (0)

rt::Scheduler& S() { return *rt::currentScheduler(); }
rt::SchedulerOptions quiet() { return rt::SchedulerOptions{}; }

const rt::TypeDesc* intType() {
  static const rt::TypeDesc t = [] {
    rt::TypeDesc d;
    d.name = "int";
    d.kind = rt::TypeKind::Int;
    d.size = 8;
    d.align = 8;
    return d;
  }();
  return &t;
}

const rt::TypeDesc* emptyStructType() {
  static const rt::TypeDesc t = [] {
    rt::TypeDesc d;
    d.name = "struct {}";
    d.kind = rt::TypeKind::Struct;
    d.size = 0;
    d.align = 1;
    return d;
  }();
  return &t;
}

// One blocking operation of a body, resumed as the VM does it: returns
// false when g parked (the body returns Parked and, when run again, calls
// this again with the same operation); true with *st once it completed.
template <class Op>
bool blocking(CG& g, ChanStatus* st, Op op) {
  if (g.pending) {
    g.pending = false;
    *st = rt::chanResume(g);
    return true;
  }
  *st = op();
  if (*st == ChanStatus::Parked) {
    g.pending = true;
    return false;
  }
  return true;
}
bool send(CG& g, rt::Chan* c, const void* src, ChanStatus* st) {
  return blocking(g, st, [&] { return rt::chanSend(S(), c, src, &g, true); });
}
bool recv(CG& g, rt::Chan* c, void* dst, ChanStatus* st) {
  return blocking(g, st, [&] { return rt::chanRecv(S(), c, dst, &g, true); });
}
// A blocking select over g.cases: false when parked; else g.selected and
// g.recvOk hold the outcome and *st is Ok (or Closed: send on closed).
bool select(CG& g, ChanStatus* st) {
  if (g.pending) {
    g.pending = false;
    *st = rt::chanResume(g, &g.selected, &g.recvOk);
    return true;
  }
  int r = rt::selectGo(S(), g, g.cases.data(), static_cast<int>(g.cases.size()), true, &g.recvOk);
  if (r == rt::kSelectParked) {
    g.pending = true;
    return false;
  }
  g.selected = r;
  *st = r == rt::kSelectSendClosed ? ChanStatus::Closed : ChanStatus::Ok;
  return true;
}

}  // namespace

TEST_CASE("chan: unbuffered ping-pong, N rounds") {
  for (int procs : {1, 2, 4}) {
    constexpr int64_t kRounds = 2000;
    World w;
    rt::Chan* ping = rt::makeChan(intType(), 0);
    rt::Chan* pong = rt::makeChan(intType(), 0);
    rt::Scheduler s(procs, w.hooks(), quiet());
    auto echo = [&](CG& b) {
      ChanStatus st;
      for (;;) {
        if (b.step == 0) {
          if (!recv(b, ping, &b.val, &st)) return RunResult::Parked;
          EXPECT(w, st == ChanStatus::Ok);
          b.sum = b.val + 1;
          b.step = 1;
        }
        if (!send(b, pong, &b.sum, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok);
        b.step = 0;
      }
    };
    CG* mainG = w.newG([&](CG& g) {
      ChanStatus st;
      if (g.step == 0) {
        S().spawn(w.newG(echo));
        g.step = 1;
      }
      for (;;) {
        if (g.step == 1) {
          if (g.i == kRounds) {
            S().exit(0);
            return RunResult::Exited;
          }
          g.val = g.i;
          if (!send(g, ping, &g.val, &st)) return RunResult::Parked;
          EXPECT(w, st == ChanStatus::Ok);
          g.step = 2;
        }
        if (!recv(g, pong, &g.sum, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok && g.sum == g.i + 1);
        g.i++;
        g.step = 1;
      }
    });
    CHECK(s.run(mainG) == 0);
    CHECK(mainG->i == kRounds);
    w.checkClean();
  }
}

TEST_CASE("chan: buffered channel keeps FIFO order, len and cap") {
  World w;
  rt::Chan* c = rt::makeChan(intType(), 4);
  CHECK(rt::chanCap(c) == 4);
  CHECK(rt::chanLen(nullptr) == 0);
  CHECK(rt::chanCap(nullptr) == 0);
  CHECK(rt::chanElem(c) == intType());
  rt::Scheduler s(2, w.hooks(), quiet());
  constexpr int64_t kN = 3000;
  CG* mainG = w.newG([&](CG& g) {
    ChanStatus st;
    if (g.step == 0) {
      // Alone: fill without blocking, then the next send would block.
      for (int64_t v = 10; v < 14; v++) EXPECT(w, rt::chanSend(S(), c, &v, &g, false) == ChanStatus::Ok);
      int64_t v = 99;
      EXPECT(w, rt::chanSend(S(), c, &v, &g, false) == ChanStatus::WouldBlock);
      EXPECT(w, rt::chanLen(c) == 4);
      for (int64_t want = 10; want < 14; want++) {
        EXPECT(w, rt::chanRecv(S(), c, &v, &g, false) == ChanStatus::Ok && v == want);
      }
      EXPECT(w, rt::chanRecv(S(), c, &v, &g, false) == ChanStatus::WouldBlock);
      EXPECT(w, rt::chanLen(c) == 0);
      // Then a producer that runs ahead and blocks on the full buffer.
      S().spawn(w.newG([&](CG& p) {
        ChanStatus pst;
        for (;;) {
          if (p.i == kN) return RunResult::Exited;
          p.val = p.i;
          if (!send(p, c, &p.val, &pst)) return RunResult::Parked;
          EXPECT(w, pst == ChanStatus::Ok);
          p.i++;
        }
      }));
      g.step = 1;
    }
    for (;;) {
      if (g.i == kN) {
        S().exit(0);
        return RunResult::Exited;
      }
      if (!recv(g, c, &g.val, &st)) return RunResult::Parked;
      EXPECT(w, st == ChanStatus::Ok && g.val == g.i);
      EXPECT(w, rt::chanLen(c) >= 0 && rt::chanLen(c) <= 4);
      g.i++;
    }
  });
  CHECK(s.run(mainG) == 0);
  CHECK(mainG->i == kN);
  w.checkClean();
}

namespace {

// kSenders goroutines each send kPer distinct values; kReceivers receive
// until the channel is closed (main closes it once every sender is done).
// Every value must arrive exactly once. With selects, senders pick one of
// two channels per value and receivers select over both (a closed one is
// set to nil in the case list, Go's idiom).
void manyToMany(int procs, int64_t capacity, bool useSelect) {
  constexpr int kSenders = 6, kReceivers = 6;
  constexpr int64_t kPer = 700;
  constexpr int64_t kTotal = kSenders * kPer;
  World w;
  rt::Chan* c1 = rt::makeChan(intType(), capacity);
  rt::Chan* c2 = useSelect ? rt::makeChan(intType(), capacity) : nullptr;
  rt::Chan* done = rt::makeChan(intType(), 0);
  std::vector<std::atomic<int>> seen(kTotal);
  std::atomic<int64_t> received{0};
  rt::Scheduler s(procs, w.hooks(), quiet());
  auto sender = [&](int id) {
    return [&, id](CG& g) {
      ChanStatus st;
      for (;;) {
        if (g.step == 0) {
          if (g.i == kPer) {
            g.step = 1;
            continue;
          }
          g.val = id * kPer + g.i;
          if (useSelect) {
            if (g.cases.empty()) g.cases = {{c1, &g.val, true}, {c2, &g.val, true}};
            if (!select(g, &st)) return RunResult::Parked;
            EXPECT(w, st == ChanStatus::Ok && (g.selected == 0 || g.selected == 1));
          } else {
            if (!send(g, c1, &g.val, &st)) return RunResult::Parked;
            EXPECT(w, st == ChanStatus::Ok);
          }
          g.i++;
          continue;
        }
        g.sum = 1;
        if (!send(g, done, &g.sum, &st)) return RunResult::Parked;
        return RunResult::Exited;
      }
    };
  };
  auto receiver = [&](CG& g) {
    ChanStatus st;
    for (;;) {
      if (g.step == 0) {
        if (useSelect) {
          if (g.cases.empty()) g.cases = {{c1, &g.val, false}, {c2, &g.val, false}};
          if (!g.cases[0].c && !g.cases[1].c) {
            g.step = 1;
            continue;
          }
          if (!select(g, &st)) return RunResult::Parked;
          EXPECT(w, st == ChanStatus::Ok);
          if (!g.recvOk) {
            g.cases[g.selected].c = nullptr;  // closed: never ready again
            continue;
          }
        } else {
          if (!recv(g, c1, &g.val, &st)) return RunResult::Parked;
          if (st == ChanStatus::Closed) {
            EXPECT(w, g.val == 0);
            g.step = 1;
            continue;
          }
          EXPECT(w, st == ChanStatus::Ok);
        }
        EXPECT(w, g.val >= 0 && g.val < kTotal);
        if (g.val >= 0 && g.val < kTotal) seen[g.val].fetch_add(1, std::memory_order_relaxed);
        received.fetch_add(1, std::memory_order_relaxed);
        continue;
      }
      g.sum = 2;
      if (!send(g, done, &g.sum, &st)) return RunResult::Parked;
      return RunResult::Exited;
    }
  };
  CG* mainG = w.newG([&](CG& g) {
    ChanStatus st;
    if (g.step == 0) {
      for (int r = 0; r < kReceivers; r++) S().spawn(w.newG(receiver));
      for (int i = 0; i < kSenders; i++) S().spawn(w.newG(sender(i)));
      g.step = 1;
    }
    for (;;) {
      if (g.step == 1) {  // every sender done: close
        if (g.i == kSenders) {
          EXPECT(w, rt::chanClose(S(), c1) == rt::CloseStatus::Ok);
          if (c2) EXPECT(w, rt::chanClose(S(), c2) == rt::CloseStatus::Ok);
          g.step = 2;
          g.i = 0;
          continue;
        }
        if (!recv(g, done, &g.val, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok && g.val == 1);
        g.i++;
        continue;
      }
      if (g.i == kReceivers) {
        S().exit(0);
        return RunResult::Exited;
      }
      if (!recv(g, done, &g.val, &st)) return RunResult::Parked;
      EXPECT(w, st == ChanStatus::Ok && g.val == 2);
      g.i++;
    }
  });
  CHECK(s.run(mainG) == 0);
  CHECK(received.load() == kTotal);
  int64_t bad = 0;
  for (auto& n : seen) bad += n.load() != 1;
  CHECK(bad == 0);
  w.checkClean();
}

}  // namespace

TEST_CASE("chan: many senders and receivers, nothing lost or duplicated") {
  for (int procs : {1, 2, 4}) {
    for (int64_t cap : {0, 1, 16}) {
      CAPTURE(procs);
      CAPTURE(cap);
      manyToMany(procs, cap, false);
    }
  }
}

TEST_CASE("chan: many selecting senders and receivers over two channels") {
  for (int procs : {1, 2, 4}) {
    for (int64_t cap : {0, 4}) {
      CAPTURE(procs);
      CAPTURE(cap);
      manyToMany(procs, cap, true);
    }
  }
}

TEST_CASE("chan: close wakes every waiting receiver and sender") {
  for (int procs : {1, 3}) {
    constexpr int kEach = 5;
    World w;
    rt::Chan* rc = rt::makeChan(intType(), 0);  // receivers wait here
    rt::Chan* sc = rt::makeChan(intType(), 1);  // senders wait here (full)
    std::atomic<int> recvClosed{0}, sendClosed{0};
    rt::Scheduler s(procs, w.hooks(), quiet());
    CG* mainG = w.newG([&](CG& g) {
      if (g.step == 0) {
        int64_t v = 7;
        EXPECT(w, rt::chanSend(S(), sc, &v, &g, false) == ChanStatus::Ok);  // fill it
        for (int i = 0; i < kEach; i++) {
          S().spawn(w.newG([&](CG& r) {
            ChanStatus st;
            if (!r.pending) r.val = 0x5eed;
            if (!recv(r, rc, &r.val, &st)) return RunResult::Parked;
            EXPECT(w, st == ChanStatus::Closed && r.val == 0);
            recvClosed.fetch_add(1);
            return RunResult::Exited;
          }));
          S().spawn(w.newG([&](CG& x) {
            ChanStatus st;
            x.val = 1;
            if (!send(x, sc, &x.val, &st)) return RunResult::Parked;
            EXPECT(w, st == ChanStatus::Closed);
            sendClosed.fetch_add(1);
            return RunResult::Exited;
          }));
        }
        g.step = 1;
      }
      if (g.step == 1) {
        // Wait (yielding) until all of them are parked.
        if (rt::chanWaitingReceivers(rc) < kEach || rt::chanWaitingSenders(sc) < kEach) return RunResult::Yielded;
        EXPECT(w, rt::chanClose(S(), rc) == rt::CloseStatus::Ok);
        EXPECT(w, rt::chanClose(S(), sc) == rt::CloseStatus::Ok);
        EXPECT(w, rt::chanClose(S(), rc) == rt::CloseStatus::AlreadyClosed);
        EXPECT(w, rt::chanClose(S(), nullptr) == rt::CloseStatus::Nil);
        EXPECT(w, rt::chanWaitingReceivers(rc) == 0 && rt::chanWaitingSenders(sc) == 0);
        g.step = 2;
      }
      if (recvClosed.load() < kEach || sendClosed.load() < kEach) return RunResult::Yielded;
      // The buffered value survives the close.
      int64_t v = 0;
      EXPECT(w, rt::chanRecv(S(), sc, &v, &g, false) == ChanStatus::Ok && v == 7);
      S().exit(0);
      return RunResult::Exited;
    });
    CHECK(s.run(mainG) == 0);
    CHECK(recvClosed.load() == kEach);
    CHECK(sendClosed.load() == kEach);
    w.checkClean();
  }
}

TEST_CASE("chan: receive from a closed channel drains the buffer, then gives Closed") {
  World w;
  rt::Chan* c = rt::makeChan(intType(), 3);
  rt::Scheduler s(1, w.hooks(), quiet());
  CG* mainG = w.newG([&](CG& g) {
    for (int64_t v = 1; v <= 3; v++) EXPECT(w, rt::chanSend(S(), c, &v, &g, true) == ChanStatus::Ok);
    EXPECT(w, rt::chanClose(S(), c) == rt::CloseStatus::Ok);
    int64_t v = 0;
    EXPECT(w, rt::chanSend(S(), c, &v, &g, true) == ChanStatus::Closed);
    EXPECT(w, rt::chanSend(S(), c, &v, &g, false) == ChanStatus::Closed);
    EXPECT(w, rt::chanLen(c) == 3);
    for (int64_t want = 1; want <= 3; want++) {
      EXPECT(w, rt::chanRecv(S(), c, &v, &g, want != 2) == ChanStatus::Ok && v == want);
    }
    v = 42;
    EXPECT(w, rt::chanRecv(S(), c, &v, &g, true) == ChanStatus::Closed && v == 0);
    v = 42;
    EXPECT(w, rt::chanRecv(S(), c, &v, &g, false) == ChanStatus::Closed && v == 0);
    EXPECT(w, rt::chanRecv(S(), c, nullptr, &g, false) == ChanStatus::Closed);
    // An unbuffered one too.
    rt::Chan* u = rt::makeChan(intType(), 0);
    EXPECT(w, rt::chanClose(S(), u) == rt::CloseStatus::Ok);
    v = 42;
    EXPECT(w, rt::chanRecv(S(), u, &v, &g, false) == ChanStatus::Closed && v == 0);
    // select: a closed receive case is ready (recvOk false); a closed send
    // case panics.
    v = 42;
    bool ok = true;
    rt::SelectCase rcase{u, &v, false};
    EXPECT(w, rt::selectGo(S(), g, &rcase, 1, true, &ok) == 0 && !ok && v == 0);
    rt::SelectCase scase{u, &v, true};
    EXPECT(w, rt::selectGo(S(), g, &scase, 1, false, &ok) == rt::kSelectSendClosed);
    S().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  w.checkClean();
}

TEST_CASE("chan: select chooses among ready cases about evenly; nil cases never") {
  World w;
  constexpr int kCases = 4;
  constexpr int kRounds = 8000;
  std::vector<rt::Chan*> chans;
  for (int i = 0; i < kCases; i++) chans.push_back(rt::makeChan(intType(), 1));
  int counts[kCases + 2] = {};
  rt::Scheduler s(1, w.hooks(), quiet());
  CG* mainG = w.newG([&](CG& g) {
    int64_t v = 0, dst = -1;
    for (int i = 0; i < kCases; i++) {
      v = i;
      EXPECT(w, rt::chanSend(S(), chans[i], &v, &g, false) == ChanStatus::Ok);
    }
    // Cases: a nil receive first, the four ready ones, a nil send last.
    std::vector<rt::SelectCase> cases;
    cases.push_back({nullptr, &dst, false});
    for (int i = 0; i < kCases; i++) cases.push_back({chans[i], &dst, false});
    cases.push_back({nullptr, &v, true});
    for (int r = 0; r < kRounds; r++) {
      bool ok = false;
      int k = rt::selectGo(S(), g, cases.data(), static_cast<int>(cases.size()), r % 2 == 0, &ok);
      EXPECT(w, k >= 1 && k <= kCases && ok && dst == k - 1);
      if (k < 0 || k >= kCases + 2) break;
      counts[k]++;
      v = k - 1;  // refill it
      EXPECT(w, rt::chanSend(S(), chans[k - 1], &v, &g, false) == ChanStatus::Ok);
    }
    S().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  CHECK(counts[0] == 0);
  CHECK(counts[kCases + 1] == 0);
  for (int i = 1; i <= kCases; i++) {
    CAPTURE(i);
    CHECK(counts[i] > kRounds / kCases * 7 / 10);
    CHECK(counts[i] < kRounds / kCases * 13 / 10);
  }
  w.checkClean();
}

TEST_CASE("chan: select with default, and with no cases") {
  World w;
  rt::Scheduler s(1, w.hooks(), quiet());
  rt::Chan* c = rt::makeChan(intType(), 0);
  rt::Chan* b = rt::makeChan(intType(), 1);
  CG* mainG = w.newG([&](CG& g) {
    int64_t v = 5, dst = 0;
    bool ok = true;
    rt::SelectCase cases[] = {{c, &dst, false}, {c, &v, true}, {b, &dst, false}, {nullptr, &v, true}};
    EXPECT(w, rt::selectGo(S(), g, cases, 4, false, &ok) == rt::kSelectDefault && !ok);
    EXPECT(w, rt::selectGo(S(), g, nullptr, 0, false, &ok) == rt::kSelectDefault);
    rt::SelectCase nils[] = {{nullptr, &dst, false}, {nullptr, &v, true}};
    EXPECT(w, rt::selectGo(S(), g, nils, 2, false, &ok) == rt::kSelectDefault);
    // A send case into the buffered channel is ready; then its receive.
    rt::SelectCase put[] = {{c, &v, true}, {b, &v, true}};
    EXPECT(w, rt::selectGo(S(), g, put, 2, false, &ok) == 1 && !ok);
    EXPECT(w, rt::selectGo(S(), g, cases, 4, false, &ok) == 2 && ok && dst == 5);
    EXPECT(w, rt::chanLen(b) == 0);
    S().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  w.checkClean();
}

TEST_CASE("chan: a blocked select is woken by one channel and leaves the others clean") {
  for (int procs : {1, 2}) {
    World w;
    rt::Chan* c[3] = {rt::makeChan(intType(), 0), rt::makeChan(intType(), 0), rt::makeChan(intType(), 0)};
    rt::Chan* d = rt::makeChan(intType(), 2);  // a send case that never fits
    std::atomic<int> phase{0};
    rt::Scheduler s(procs, w.hooks(), quiet());
    CG* selector = w.newG([&](CG& g) {
      ChanStatus st;
      if (g.step == 0) {
        g.sum = 9;
        g.cases = {{c[0], &g.val, false}, {d, &g.sum, true}, {c[1], &g.val, false}, {c[2], &g.val, false},
                   {c[1], &g.val, false}};
        if (!select(g, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok && (g.selected == 2 || g.selected == 4) && g.recvOk && g.val == 111);
        phase.store(1);
        g.step = 1;
      }
      if (g.step == 1) {
        // Blocking receive on c[0]: the main G's later send must reach us,
        // not a stale record of the finished select.
        if (!recv(g, c[0], &g.val, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok && g.val == 222);
        g.step = 2;
      }
      if (!recv(g, c[2], &g.val, &st)) return RunResult::Parked;
      EXPECT(w, st == ChanStatus::Ok && g.val == 333);
      phase.store(2);
      return RunResult::Exited;
    });
    CG* mainG = w.newG([&](CG& g) {
      ChanStatus st;
      if (g.step == 0) {
        int64_t fill = 0;
        for (int i = 0; i < 2; i++) EXPECT(w, rt::chanSend(S(), d, &fill, &g, false) == ChanStatus::Ok);
        S().spawn(selector);
        g.step = 1;
      }
      if (g.step == 1) {
        if (rt::chanWaitingReceivers(c[2]) != 1) return RunResult::Yielded;
        EXPECT(w, rt::chanWaitingReceivers(c[0]) == 1 && rt::chanWaitingReceivers(c[1]) == 2 &&
                      rt::chanWaitingSenders(d) == 1);
        g.val = 111;
        g.step = 2;
      }
      if (g.step == 2) {
        if (!send(g, c[1], &g.val, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok);
        g.step = 3;
      }
      if (g.step == 3) {
        if (phase.load() < 1) return RunResult::Yielded;
        // The selector has resumed: none of its records is left anywhere.
        EXPECT(w, rt::chanWaitingReceivers(c[1]) == 0 && rt::chanWaitingSenders(d) == 0);
        int64_t v = 1;
        EXPECT(w, rt::chanSend(S(), c[1], &v, &g, false) == ChanStatus::WouldBlock);
        EXPECT(w, rt::chanRecv(S(), d, &v, &g, false) == ChanStatus::Ok);
        EXPECT(w, rt::chanLen(d) == 1);  // the select's send did not happen
        g.val = 222;
        g.step = 4;
      }
      if (g.step == 4) {
        if (!send(g, c[0], &g.val, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok);
        g.val = 333;
        g.step = 5;
      }
      if (g.step == 5) {
        if (!send(g, c[2], &g.val, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok);
        g.step = 6;
      }
      if (phase.load() < 2) return RunResult::Yielded;
      S().exit(0);
      return RunResult::Exited;
    });
    CHECK(s.run(mainG) == 0);
    CHECK(phase.load() == 2);
    w.checkClean();
  }
}

TEST_CASE("chan: close wakes a blocked select: receive case ok=false, send case panics") {
  World w;
  rt::Chan* a = rt::makeChan(intType(), 0);
  rt::Chan* a2 = rt::makeChan(intType(), 0);
  rt::Chan* b1 = rt::makeChan(intType(), 0);
  rt::Chan* b2 = rt::makeChan(intType(), 0);
  std::atomic<int> woken{0};
  rt::Scheduler s(2, w.hooks(), quiet());
  CG* mainG = w.newG([&](CG& g) {
    if (g.step == 0) {
      S().spawn(w.newG([&](CG& x) {
        ChanStatus st;
        if (x.cases.empty()) {
          x.val = 77;
          x.cases = {{b1, &x.sum, true}, {a, &x.val, false}};
        }
        if (!select(x, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok && x.selected == 1 && !x.recvOk && x.val == 0);
        woken.fetch_add(1);
        return RunResult::Exited;
      }));
      S().spawn(w.newG([&](CG& x) {
        ChanStatus st;
        if (x.cases.empty()) x.cases = {{b2, &x.val, false}, {a2, &x.sum, true}};
        if (!select(x, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Closed && x.selected == 1);
        woken.fetch_add(1);
        return RunResult::Exited;
      }));
      g.step = 1;
    }
    if (g.step == 1) {
      if (rt::chanWaitingReceivers(a) + rt::chanWaitingSenders(a2) < 2) return RunResult::Yielded;
      EXPECT(w, rt::chanClose(S(), a) == rt::CloseStatus::Ok);
      EXPECT(w, rt::chanClose(S(), a2) == rt::CloseStatus::Ok);
      g.step = 2;
    }
    if (woken.load() < 2) return RunResult::Yielded;
    EXPECT(w, rt::chanWaitingSenders(b1) == 0 && rt::chanWaitingReceivers(b2) == 0);
    S().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  CHECK(woken.load() == 2);
  w.checkClean();
}

TEST_CASE("chan: zero-size elements") {
  for (int procs : {1, 2}) {
    World w;
    rt::Chan* u = rt::makeChan(emptyStructType(), 0);
    rt::Chan* b = rt::makeChan(emptyStructType(), 3);
    constexpr int64_t kN = 500;
    rt::Scheduler s(procs, w.hooks(), quiet());
    CG* mainG = w.newG([&](CG& g) {
      ChanStatus st;
      if (g.step == 0) {
        for (int i = 0; i < 3; i++) EXPECT(w, rt::chanSend(S(), b, nullptr, &g, false) == ChanStatus::Ok);
        EXPECT(w, rt::chanSend(S(), b, nullptr, &g, false) == ChanStatus::WouldBlock);
        EXPECT(w, rt::chanLen(b) == 3 && rt::chanCap(b) == 3);
        S().spawn(w.newG([&](CG& p) {
          ChanStatus pst;
          for (;;) {
            if (p.i == kN) {
              EXPECT(w, rt::chanClose(S(), u) == rt::CloseStatus::Ok);
              return RunResult::Exited;
            }
            if (!send(p, u, &p.val, &pst)) return RunResult::Parked;
            EXPECT(w, pst == ChanStatus::Ok);
            p.i++;
          }
        }));
        g.step = 1;
      }
      for (;;) {
        if (!recv(g, u, nullptr, &st)) return RunResult::Parked;
        if (st == ChanStatus::Closed) break;
        g.i++;
      }
      for (int i = 0; i < 3; i++) EXPECT(w, rt::chanRecv(S(), b, &g.val, &g, false) == ChanStatus::Ok);
      EXPECT(w, rt::chanLen(b) == 0);
      S().exit(0);
      return RunResult::Exited;
    });
    CHECK(s.run(mainG) == 0);
    CHECK(mainG->i == kN);
    w.checkClean();
  }
}

TEST_CASE("chan: a timer callback sends without a goroutine") {
  World w;
  rt::Chan* c = rt::makeChan(intType(), 1);
  rt::Scheduler s(1, w.hooks(), quiet());
  CG* mainG = w.newG([&](CG& g) {
    ChanStatus st;
    if (g.step == 0) {
      S().addTimer(rt::Scheduler::nanotime() + 1'000'000, [](void* arg) {
        int64_t now = 12345;
        (void)rt::chanSend(*rt::currentScheduler(), static_cast<rt::Chan*>(arg), &now, nullptr, false);
      }, c);
      g.step = 1;
    }
    if (!recv(g, c, &g.val, &st)) return RunResult::Parked;
    EXPECT(w, st == ChanStatus::Ok && g.val == 12345);
    S().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  w.checkClean();
}

TEST_CASE("chan: goroutines blocked forever on nil channels are a deadlock") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  CG* sender = nullptr;
  CG* selector = nullptr;
  CG* mainG = w.newG([&](CG& g) {
    sender = w.newG([&](CG& x) {
      int64_t v = 1;
      EXPECT(w, rt::chanSend(S(), nullptr, &v, &x, false) == ChanStatus::WouldBlock);
      EXPECT(w, rt::chanSend(S(), nullptr, &v, &x, true) == ChanStatus::Parked);
      return RunResult::Parked;
    });
    selector = w.newG([&](CG& x) {
      bool ok;
      EXPECT(w, rt::selectGo(S(), x, nullptr, 0, true, &ok) == rt::kSelectParked);
      return RunResult::Parked;
    });
    S().spawn(sender);
    S().spawn(selector);
    EXPECT(w, rt::chanRecv(S(), nullptr, &g.val, &g, true) == ChanStatus::Parked);
    return RunResult::Parked;
  });
  CHECK(s.run(mainG) == 2);
  CHECK(w.deadlocks.load() == 1);
  CHECK(w.failures.load() == 0);
  CHECK(std::string(rt::waitReasonString(mainG->waitReason)) == "chan receive (nil chan)");
  CHECK(std::string(rt::waitReasonString(sender->waitReason)) == "chan send (nil chan)");
  CHECK(std::string(rt::waitReasonString(selector->waitReason)) == "select (no cases)");
}

TEST_CASE("chan: goroutines blocked on channels report Go's wait reasons in a deadlock") {
  World w;
  rt::Scheduler s(1, w.hooks(), quiet());
  rt::Chan* c = rt::makeChan(intType(), 0);
  rt::Chan* d = rt::makeChan(intType(), 0);
  CG* sender = nullptr;
  CG* selector = nullptr;
  CG* mainG = w.newG([&](CG& g) {
    ChanStatus st;
    sender = w.newG([&](CG& x) {
      ChanStatus xst;
      EXPECT(w, send(x, c, &x.val, &xst) == false);
      return RunResult::Parked;
    });
    selector = w.newG([&](CG& x) {
      ChanStatus xst;
      x.cases = {{d, &x.val, false}, {nullptr, &x.val, true}};
      EXPECT(w, select(x, &xst) == false);
      return RunResult::Parked;
    });
    S().spawn(sender);
    S().spawn(selector);
    EXPECT(w, recv(g, d, &g.val, &st) == false);
    return RunResult::Parked;
  });
  CHECK(s.run(mainG) == 2);
  CHECK(w.deadlocks.load() == 1);
  CHECK(w.failures.load() == 0);
  CHECK(std::string(rt::waitReasonString(mainG->waitReason)) == "chan receive");
  CHECK(std::string(rt::waitReasonString(sender->waitReason)) == "chan send");
  CHECK(std::string(rt::waitReasonString(selector->waitReason)) == "select");
  CHECK(rt::chanWaitingReceivers(d) == 2);
  CHECK(rt::chanWaitingSenders(c) == 1);
}

TEST_CASE("chan: makeChan rejects sizes no allocation could hold") {
  CHECK(rt::makeChan(intType(), int64_t{1} << 60) == nullptr);
  CHECK(rt::makeChan(intType(), -1) == nullptr);
  CHECK(rt::makeChan(emptyStructType(), int64_t{1} << 60) != nullptr);
}

TEST_CASE("chan: a select over senders blocked on several channels gets every value, in order per sender") {
  for (int procs : {2, 4}) {
    constexpr int kChans = 3;
    constexpr int64_t kRounds = 1500;
    World w;
    rt::Chan* c[kChans];
    for (auto& ch : c) ch = rt::makeChan(intType(), 0);
    int64_t next[kChans] = {};  // the selector's view: next value per channel
    rt::Scheduler s(procs, w.hooks(), quiet());
    CG* mainG = w.newG([&](CG& g) {
      ChanStatus st;
      if (g.step == 0) {
        for (int k = 0; k < kChans; k++) {
          S().spawn(w.newG([&, k](CG& x) {
            ChanStatus xst;
            for (;;) {
              if (x.i == kRounds) return RunResult::Exited;
              x.val = x.i;
              if (!send(x, c[k], &x.val, &xst)) return RunResult::Parked;
              EXPECT(w, xst == ChanStatus::Ok);
              x.i++;
            }
          }));
        }
        for (int k = 0; k < kChans; k++) g.cases.push_back({c[k], &g.val, false});
        g.step = 1;
      }
      for (;;) {
        if (g.i == kChans * kRounds) {
          for (int k = 0; k < kChans; k++) EXPECT(w, next[k] == kRounds && rt::chanWaitingSenders(c[k]) == 0);
          S().exit(0);
          return RunResult::Exited;
        }
        if (!select(g, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok && g.recvOk && g.selected >= 0 && g.selected < kChans);
        if (g.selected < 0 || g.selected >= kChans) break;
        EXPECT(w, g.val == next[g.selected]);  // each sender's values in order, none lost
        next[g.selected]++;
        g.i++;
      }
      S().exit(1);
      return RunResult::Exited;
    });
    CHECK(s.run(mainG) == 0);
    w.checkClean();
  }
}

TEST_CASE("chan: wakers racing for one blocked select: exactly one wins each time") {
  for (int procs : {2, 4}) {
    constexpr int kChans = 3;
    constexpr int64_t kRounds = 200;
    World w;
    rt::Chan* c[kChans];
    for (auto& ch : c) ch = rt::makeChan(intType(), 0);
    std::atomic<int64_t> selectorRound{0};  // rounds the selector has completed
    std::atomic<int64_t> go{0};             // rounds released to the senders
    std::atomic<int64_t> attempts{0};
    std::vector<std::atomic<int>> wins(kRounds);
    rt::Scheduler s(procs, w.hooks(), quiet());
    CG* selector = w.newG([&](CG& g) {
      ChanStatus st;
      if (g.cases.empty())
        for (int k = 0; k < kChans; k++) g.cases.push_back({c[k], &g.val, false});
      for (;;) {
        if (g.i == kRounds) return RunResult::Exited;
        // Not before every sender has tried in the previous round.
        if (!g.pending && attempts.load() < kChans * g.i) return RunResult::Yielded;
        if (!select(g, &st)) return RunResult::Parked;
        EXPECT(w, st == ChanStatus::Ok && g.recvOk && g.val == g.i);
        g.i++;
        selectorRound.store(g.i);
      }
    });
    auto sender = [&](int k) {
      return [&, k](CG& x) {
        for (;;) {
          if (x.i == kRounds) return RunResult::Exited;
          if (go.load() <= x.i) return RunResult::Yielded;
          x.val = x.i;
          ChanStatus st = rt::chanSend(S(), c[k], &x.val, &x, false);
          EXPECT(w, st == ChanStatus::Ok || st == ChanStatus::WouldBlock);
          if (st == ChanStatus::Ok) wins[x.i].fetch_add(1);
          x.i++;
          attempts.fetch_add(1);
        }
      };
    };
    CG* mainG = w.newG([&](CG& g) {
      if (g.step == 0) {
        S().spawn(selector);
        for (int k = 0; k < kChans; k++) S().spawn(w.newG(sender(k)));
        g.step = 1;
      }
      for (;;) {
        if (g.i == kRounds) {
          if (selectorRound.load() < kRounds) return RunResult::Yielded;
          S().exit(0);
          return RunResult::Exited;
        }
        // Round i: the selector parked on all channels, then release every sender at once.
        if (attempts.load() < kChans * g.i || selectorRound.load() < g.i) return RunResult::Yielded;
        for (int k = 0; k < kChans; k++)
          if (rt::chanWaitingReceivers(c[k]) != 1) return RunResult::Yielded;
        g.i++;
        go.store(g.i);
      }
    });
    CHECK(s.run(mainG) == 0);
    int64_t bad = 0;
    for (auto& n : wins) bad += n.load() != 1;
    CHECK(bad == 0);
    w.checkClean();
  }
}
