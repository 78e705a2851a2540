// Taking a waiting goroutine off what it waits on, as the REPL's session
// does with an input that deadlocked or was interrupted (runtime/chan.h
// chanCancelWait, runtime/sema.h semaCancelWait, Scheduler::cancelSleep;
// vm::Goroutines::removeInput). On the real scheduler with synthetic
// goroutines, as tests/unit/chan_test.cpp drives them: a "victim" G parks;
// the main G waits until it is Waiting, cancels its wait, checks that no
// waker can find it any more, readies it, and the victim ends without
// resuming its operation.
//
// Checks on the scheduler's threads count failures; the test looks at the
// count after run() returns.
#include <doctest/doctest.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "runtime/chan.h"
#include "runtime/sched.h"
#include "runtime/sema.h"
#include "runtime/typedesc.h"

namespace rt = gol::rt;
using rt::ChanStatus;
using rt::RunResult;

namespace {

struct VG : rt::G {
  explicit VG(int64_t id) : G(id) {}
  std::function<RunResult(VG&)> body;
  int step = 0;
  std::atomic<bool> cancelled{false};
  std::atomic<bool> ended{false};
  int64_t val = 0;
  std::vector<rt::SelectCase> cases;
};

struct World {
  std::mutex mu;
  std::vector<std::unique_ptr<VG>> gs;
  std::atomic<int> failures{0};
  std::atomic<int> firstFailure{0};
  std::atomic<int> deadlocks{0};

  VG* newG(std::function<RunResult(VG&)> body) {
    std::lock_guard<std::mutex> l(mu);
    gs.push_back(std::make_unique<VG>(static_cast<int64_t>(gs.size()) + 1));
    gs.back()->body = std::move(body);
    return gs.back().get();
  }
  rt::SchedulerHooks hooks() {
    rt::SchedulerHooks h;
    h.run = [](rt::G& g, int) {
      auto& v = static_cast<VG&>(g);
      // A cancelled G ends at its next turn, as Goroutines::turn does it.
      if (v.cancelled.load()) {
        v.ended.store(true);
        return RunResult::Exited;
      }
      return v.body(v);
    };
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
};

#define EXPECT(w, cond)              \
  do {                               \
    if (!(cond)) (w).fail(__LINE__); \
  } while (0)

rt::Scheduler& S() { return *rt::currentScheduler(); }

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

// Runs `park` as the victim's body (it must park at once); once `parked`
// sees it queued (which its park commit allows only after the victim is
// Waiting: the queue's lock is released there), `cancel` must take it off
// its queue, and `check` then sees that no waker can find it.
void cancelScenario(std::function<RunResult(VG&)> park, std::function<bool()> parked,
                    std::function<bool(rt::G&)> cancel, std::function<void(World&)> check) {
  World w;
  rt::Scheduler s(2, w.hooks(), rt::SchedulerOptions{});
  VG* victim = w.newG(std::move(park));
  VG* mainG = w.newG([&](VG& g) {
    if (g.step == 0) {
      S().spawn(victim);
      g.step = 1;
    }
    if (g.step == 1) {
      if (!parked()) return RunResult::Yielded;
      EXPECT(w, cancel(*victim));
      check(w);
      victim->cancelled.store(true);
      S().ready(victim);
      g.step = 2;
    }
    if (!victim->ended.load()) return RunResult::Yielded;
    S().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  CHECK(victim->ended.load());
  CHECK(w.failures.load() == 0);
  CHECK(w.firstFailure.load() == 0);
  CHECK(w.deadlocks.load() == 0);
}

}  // namespace

TEST_CASE("repl cancel: a receive on a channel") {
  rt::Chan* c = rt::makeChan(intType(), 0);
  int64_t v = 7;
  cancelScenario(
      [&](VG& g) {
        ChanStatus st = rt::chanRecv(S(), c, &g.val, &g, true);
        return st == ChanStatus::Parked ? RunResult::Parked : RunResult::Exited;
      },
      [&] { return rt::chanWaitingReceivers(c) == 1; }, [](rt::G& g) { return rt::chanCancelWait(g); },
      [&](World& w) {
        EXPECT(w, rt::chanWaitingReceivers(c) == 0);
        // No receiver is left for a sender to hand its value to.
        EXPECT(w, rt::chanSend(S(), c, &v, nullptr, false) == ChanStatus::WouldBlock);
      });
}

TEST_CASE("repl cancel: a send, then the channel still works") {
  rt::Chan* c = rt::makeChan(intType(), 0);
  cancelScenario(
      [&](VG& g) {
        g.val = 1;
        ChanStatus st = rt::chanSend(S(), c, &g.val, &g, true);
        return st == ChanStatus::Parked ? RunResult::Parked : RunResult::Exited;
      },
      [&] { return rt::chanWaitingSenders(c) == 1; }, [](rt::G& g) { return rt::chanCancelWait(g); },
      [&](World& w) {
        int64_t got = 0;
        EXPECT(w, rt::chanWaitingSenders(c) == 0);
        EXPECT(w, rt::chanRecv(S(), c, &got, nullptr, false) == ChanStatus::WouldBlock);
      });
}

TEST_CASE("repl cancel: a select over two channels") {
  rt::Chan* a = rt::makeChan(intType(), 0);
  rt::Chan* b = rt::makeChan(intType(), 0);
  cancelScenario(
      [&](VG& g) {
        g.cases = {{a, &g.val, false}, {b, &g.val, false}};
        bool ok = false;
        int r = rt::selectGo(S(), g, g.cases.data(), 2, true, &ok);
        return r == rt::kSelectParked ? RunResult::Parked : RunResult::Exited;
      },
      [&] { return rt::chanWaitingReceivers(a) == 1 && rt::chanWaitingReceivers(b) == 1; },
      [](rt::G& g) { return rt::chanCancelWait(g); },
      [&](World& w) {
        EXPECT(w, rt::chanWaitingReceivers(a) == 0);
        EXPECT(w, rt::chanWaitingReceivers(b) == 0);
      });
}

TEST_CASE("repl cancel: a semaphore acquire") {
  static uint32_t sem = 0;
  cancelScenario(
      [&](VG& g) {
        return rt::semacquire(S(), &sem, g) == rt::SemaAcquire::Parked ? RunResult::Parked : RunResult::Exited;
      },
      [&] { return rt::semaWaiters(&sem) == 1; }, [](rt::G& g) { return rt::semaCancelWait(g); },
      [&](World& w) {
        EXPECT(w, rt::semaWaiters(&sem) == 0);
        // A release finds no one to wake: the count stays for the next acquirer.
        rt::semrelease(S(), &sem);
        EXPECT(w, sem == 1);
      });
}

TEST_CASE("repl cancel: a sleep") {
  cancelScenario(
      [&](VG& g) {
        S().sleep(g, 3'600'000'000'000);  // an hour
        return RunResult::Parked;
      },
      [] { return S().pendingTimers() == 1; }, [](rt::G& g) { return S().cancelSleep(g); },
      [&](World& w) { EXPECT(w, S().pendingTimers() == 0); });
}
