// The scheduler through its C++ interface, with synthetic goroutines: a G
// here is a TestG whose "code" is a C++ lambda called by the run hook, so
// the scheduler is tested without the interpreter. Each test's name starts
// with "sched" so `-tc='*sched*'` runs them all (under ThreadSanitizer in
// CI: build/tsan).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/sched.h"
#include "runtime/sema.h"

namespace rt = gol::rt;
using rt::RunResult;

namespace {

struct TestG : rt::G {
  explicit TestG(int64_t id) : G(id) {}
  std::function<RunResult(TestG&)> body;
  int step = 0;  // the body's own resume point
};

// Owns the Gs of one test and builds the hooks.
struct World {
  std::mutex mu;
  std::vector<std::unique_ptr<TestG>> gs;
  std::atomic<int64_t> exitedCount{0};
  std::atomic<int> deadlocks{0};

  TestG* newG(std::function<RunResult(TestG&)> body) {
    std::lock_guard<std::mutex> l(mu);
    gs.push_back(std::make_unique<TestG>(static_cast<int64_t>(gs.size()) + 1));
    gs.back()->body = std::move(body);
    return gs.back().get();
  }
  rt::SchedulerHooks hooks() {
    rt::SchedulerHooks h;
    h.run = [](rt::G& g, int) { return static_cast<TestG&>(g).body(static_cast<TestG&>(g)); };
    h.exited = [this](rt::G&) { exitedCount.fetch_add(1); };
    h.deadlock = [this] {
      deadlocks.fetch_add(1);
      return 2;
    };
    return h;
  }
};

rt::Scheduler& sched() {
  rt::Scheduler* s = rt::currentScheduler();
  REQUIRE(s != nullptr);
  return *s;
}

rt::SchedulerOptions quiet() { return rt::SchedulerOptions{}; }

// A wait queue of one G, as a channel would have: parking releases the
// lock in the park commit, after the G is Waiting.
bool unlockCommit(rt::G&, void* arg) {
  static_cast<std::mutex*>(arg)->unlock();
  return true;
}

rt::G* fakeG(uintptr_t i) { return reinterpret_cast<rt::G*>((i + 1) * 8); }
uintptr_t fakeIndex(rt::G* g) { return reinterpret_cast<uintptr_t>(g) / 8 - 1; }

}  // namespace

TEST_CASE("sched: local run queue, one producer and stealers, nothing lost or duplicated") {
  constexpr uintptr_t kN = 200'000;
  constexpr int kStealers = 3;
  rt::LocalRunQueue victim;
  std::vector<std::atomic<uint8_t>> seen(kN);
  std::atomic<bool> done{false};
  std::atomic<uint64_t> stolen{0};
  auto record = [&](rt::G* g) {
    uintptr_t i = fakeIndex(g);
    REQUIRE(i < kN);
    seen[i].fetch_add(1, std::memory_order_relaxed);
  };
  std::vector<std::thread> stealers;
  for (int s = 0; s < kStealers; s++) {
    stealers.emplace_back([&] {
      rt::LocalRunQueue mine;
      for (;;) {
        bool finished = done.load(std::memory_order_acquire);
        if (rt::G* g = mine.stealFrom(victim)) {
          record(g);
          stolen.fetch_add(1, std::memory_order_relaxed);
          while (rt::G* more = mine.get()) {
            record(more);
            stolen.fetch_add(1, std::memory_order_relaxed);
          }
        } else if (finished) {
          break;
        }
      }
    });
  }
  uint64_t ownGets = 0;
  for (uintptr_t i = 0; i < kN; i++) {
    while (!victim.put(fakeG(i))) {
      if (rt::G* g = victim.get()) {
        record(g);
        ownGets++;
      }
    }
    if (i % 7 == 0) {
      if (rt::G* g = victim.get()) {
        record(g);
        ownGets++;
      }
    }
  }
  done.store(true, std::memory_order_release);
  for (auto& t : stealers) t.join();
  while (rt::G* g = victim.get()) {
    record(g);
    ownGets++;
  }
  CHECK(ownGets + stolen.load() == kN);
  uintptr_t bad = 0;
  for (uintptr_t i = 0; i < kN; i++) bad += seen[i].load() != 1;
  CHECK(bad == 0);
  CHECK(stolen.load() > 0);
}

TEST_CASE("sched: local run queue overflow hands half to the caller") {
  rt::LocalRunQueue q;
  for (uintptr_t i = 0; i < rt::LocalRunQueue::kSize; i++) REQUIRE(q.put(fakeG(i)));
  CHECK_FALSE(q.put(fakeG(999)));
  rt::G* out[rt::LocalRunQueue::kSize / 2];
  CHECK(q.takeHalfForOverflow(out) == rt::LocalRunQueue::kSize / 2);
  CHECK(fakeIndex(out[0]) == 0);  // the older half
  CHECK(q.size() == rt::LocalRunQueue::kSize / 2);
  CHECK(fakeIndex(q.get()) == rt::LocalRunQueue::kSize / 2);
}

TEST_CASE("sched: 10,000 goroutines each add to a counter") {
  for (int procs : {1, 4}) {
    World w;
    std::atomic<int64_t> counter{0};
    std::atomic<int64_t> left{10'000};
    rt::Scheduler s(procs, w.hooks(), quiet());
    TestG* mainG = w.newG([&](TestG&) {
      for (int i = 0; i < 10'000; i++) {
        sched().spawn(w.newG([&](TestG&) {
          counter.fetch_add(1);
          if (left.fetch_sub(1) == 1) sched().exit(0);
          return RunResult::Exited;
        }));
      }
      return RunResult::Exited;
    });
    CHECK(s.run(mainG) == 0);
    CHECK(counter.load() == 10'000);
    CHECK(w.deadlocks.load() == 0);
  }
}

TEST_CASE("sched: ping-pong through a one-slot wait queue alternates strictly") {
  for (int procs : {1, 2, 4}) {
    constexpr int kRounds = 2000;
    World w;
    std::mutex mu;
    rt::G* waiting = nullptr;
    int total = 0;
    rt::G* last = nullptr;
    bool alternated = true;
    std::atomic<int> finished{0};
    rt::Scheduler s(procs, w.hooks(), quiet());
    auto player = [&](TestG& self) {
      mu.lock();
      if (last == &self) alternated = false;
      last = &self;
      total++;
      rt::G* other = waiting;
      waiting = nullptr;
      if (other) sched().ready(other);
      if (total >= 2 * kRounds) {
        mu.unlock();
        if (finished.fetch_add(1) == 1) sched().exit(0);
        return RunResult::Exited;
      }
      waiting = &self;
      sched().park(self, rt::WaitReason::ChanReceive, unlockCommit, &mu);
      return RunResult::Parked;
    };
    TestG* mainG = w.newG([&](TestG&) {
      sched().spawn(w.newG(player));
      sched().spawn(w.newG(player));
      return RunResult::Exited;
    });
    CHECK(s.run(mainG) == 0);
    CHECK(alternated);
    CHECK(total == 2 * kRounds + 1);
  }
}

TEST_CASE("sched: sysmon preempts a spinning goroutine so another runs (GOMAXPROCS=1)") {
  World w;
  std::atomic<bool> otherRan{false};
  std::atomic<int> preemptions{0};
  std::atomic<int> left{3};
  rt::Scheduler s(1, w.hooks(), quiet());
  auto done = [&] {
    if (left.fetch_sub(1) == 1) sched().exit(0);
    return RunResult::Exited;
  };
  TestG* mainG = w.newG([&](TestG&) {
    sched().spawn(w.newG([&](TestG&) {
      otherRan.store(true);
      return done();
    }));
    // Spawned last, so it is in runnext and runs before the other.
    sched().spawn(w.newG([&](TestG& self) {
      if (otherRan.load()) return done();
      while (!self.preempt.load(std::memory_order_relaxed)) {
      }
      preemptions.fetch_add(1);
      return RunResult::Yielded;
    }));
    return done();
  });
  auto start = std::chrono::steady_clock::now();
  CHECK(s.run(mainG) == 0);
  CHECK(otherRan.load());
  CHECK(preemptions.load() >= 1);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("sched: a goroutine blocked in a syscall does not stop the others (GOMAXPROCS=1)") {
  for (bool block : {false, true}) {
    World w;
    std::atomic<int> others{0};
    int othersDuringSyscall = -1;
    std::atomic<int> left{5};
    rt::Scheduler s(1, w.hooks(), quiet());
    auto done = [&] {
      if (left.fetch_sub(1) == 1) sched().exit(0);
      return RunResult::Exited;
    };
    TestG* mainG = w.newG([&](TestG&) {
      for (int i = 0; i < 3; i++) {
        sched().spawn(w.newG([&](TestG&) {
          others.fetch_add(1);
          return done();
        }));
      }
      sched().spawn(w.newG([&](TestG& self) {
        if (block) sched().entersyscallblock(self);
        else sched().entersyscall(self);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        othersDuringSyscall = others.load();
        CHECK(rt::currentPIndex() == -1);
        sched().exitsyscall(self);
        CHECK(rt::currentPIndex() == 0);
        CHECK(self.status == rt::GStatus::Running);
        return done();
      }));
      return done();
    });
    CHECK(s.run(mainG) == 0);
    CHECK(othersDuringSyscall == 3);
  }
}

TEST_CASE("sched: deadlock is detected when every goroutine is parked") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  std::mutex mu;
  TestG* mainG = w.newG([&](TestG& self) {
    for (int i = 0; i < 3; i++) {
      sched().spawn(w.newG([&](TestG& g) {
        sched().park(g, rt::WaitReason::ChanSend);
        return RunResult::Parked;
      }));
    }
    sched().park(self, rt::WaitReason::ChanReceive);
    return RunResult::Parked;
  });
  CHECK(s.run(mainG) == 2);
  CHECK(w.deadlocks.load() == 1);
  CHECK(s.numGoroutine() == 4);
  CHECK(mainG->status == rt::GStatus::Waiting);
  CHECK(std::string(rt::waitReasonString(mainG->waitReason)) == "chan receive");
}

TEST_CASE("sched: exit stops spinning goroutines promptly") {
  World w;
  rt::Scheduler s(4, w.hooks(), quiet());
  std::atomic<int> started{0};
  TestG* mainG = w.newG([&](TestG& self) {
    if (self.step++ == 0) {
      for (int i = 0; i < 8; i++) {
        sched().spawn(w.newG([&](TestG& g) {
          started.fetch_add(1);
          while (!g.preempt.load(std::memory_order_relaxed)) {
          }
          return RunResult::Yielded;
        }));
      }
      return RunResult::Yielded;  // let some of them start
    }
    sched().exit(3);
    return RunResult::Exited;
  });
  auto start = std::chrono::steady_clock::now();
  CHECK(s.run(mainG) == 3);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(s.exiting());
}

TEST_CASE("sched: sleep parks the goroutine, not the M, and is not a deadlock") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  std::atomic<int> left{21};
  std::atomic<int> early{0};
  auto done = [&] {
    if (left.fetch_sub(1) == 1) sched().exit(0);
    return RunResult::Exited;
  };
  TestG* mainG = w.newG([&](TestG&) {
    for (int i = 0; i < 20; i++) {
      int64_t ms = 1 + i % 7;
      sched().spawn(w.newG([&, ms, t0 = int64_t{0}](TestG& g) mutable {
        if (g.step++ == 0) {
          t0 = rt::Scheduler::nanotime();
          sched().sleep(g, ms * 1'000'000);
          return RunResult::Parked;
        }
        if (rt::Scheduler::nanotime() - t0 < ms * 1'000'000) early.fetch_add(1);
        return done();
      }));
    }
    return done();
  });
  CHECK(s.run(mainG) == 0);
  CHECK(early.load() == 0);
  CHECK(w.deadlocks.load() == 0);
}

TEST_CASE("sched: a lone sleeping main goroutine wakes (no other M polls)") {
  World w;
  rt::Scheduler s(1, w.hooks(), quiet());
  int64_t t0 = 0, t1 = 0;
  TestG* mainG = w.newG([&](TestG& g) {
    if (g.step++ == 0) {
      t0 = rt::Scheduler::nanotime();
      sched().sleep(g, 30'000'000);
      return RunResult::Parked;
    }
    t1 = rt::Scheduler::nanotime();
    sched().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  CHECK(t1 - t0 >= 30'000'000);
  CHECK(t1 - t0 < 1'000'000'000);
}

TEST_CASE("sched: timer callbacks run, and cancelled ones do not") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  struct Ctx {
    std::mutex mu;
    rt::G* waiter = nullptr;
    bool fired = false;
    std::atomic<int> cancelledRan{0};
  } ctx;
  TestG* mainG = w.newG([&](TestG& g) {
    if (g.step++ == 0) {
      uint64_t id = sched().addTimer(rt::Scheduler::nanotime() + 2'000'000,
                                     [](void* a) { static_cast<Ctx*>(a)->cancelledRan.fetch_add(1); }, &ctx);
      CHECK(sched().cancelTimer(id));
      CHECK_FALSE(sched().cancelTimer(id));
      sched().addTimer(rt::Scheduler::nanotime() + 5'000'000,
                       [](void* a) {
                         auto* c = static_cast<Ctx*>(a);
                         std::lock_guard<std::mutex> l(c->mu);
                         c->fired = true;
                         if (c->waiter) rt::currentScheduler()->ready(c->waiter);
                         c->waiter = nullptr;
                       },
                       &ctx);
      ctx.mu.lock();
      if (ctx.fired) {
        ctx.mu.unlock();
        g.step = 2;
        return RunResult::Yielded;
      }
      ctx.waiter = &g;
      sched().park(g, rt::WaitReason::Select, unlockCommit, &ctx.mu);
      return RunResult::Parked;
    }
    sched().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  CHECK(ctx.fired);
  CHECK(ctx.cancelledRan.load() == 0);
}

TEST_CASE("sched: GOMAXPROCS can shrink and grow while goroutines run") {
  World w;
  rt::Scheduler s(4, w.hooks(), quiet());
  std::atomic<int64_t> counter{0};
  std::atomic<int64_t> left{2001};
  auto done = [&] {
    if (left.fetch_sub(1) == 1) sched().exit(0);
    return RunResult::Exited;
  };
  TestG* mainG = w.newG([&](TestG& g) {
    switch (g.step++) {
      case 0:
        sched().setGomaxprocs(1);
        CHECK(sched().gomaxprocs() == 1);
        for (int i = 0; i < 1000; i++) {
          sched().spawn(w.newG([&](TestG&) {
            counter.fetch_add(1);
            return done();
          }));
        }
        return RunResult::Yielded;
      case 1:
        sched().setGomaxprocs(3);
        for (int i = 0; i < 1000; i++) {
          sched().spawn(w.newG([&](TestG&) {
            counter.fetch_add(1);
            return done();
          }));
        }
        return RunResult::Yielded;
      default:
        return done();
    }
  });
  CHECK(s.run(mainG) == 0);
  CHECK(counter.load() == 2000);
}

TEST_CASE("sched: many ping-pong pairs and spawn trees (stress)") {
  for (int procs : {2, 8}) {
    constexpr int kPairs = 50, kRounds = 200;
    World w;
    rt::Scheduler s(procs, w.hooks(), quiet());
    struct Pair {
      std::mutex mu;
      rt::G* waiting = nullptr;
      int total = 0;
    };
    std::vector<Pair> pairs(kPairs);
    std::atomic<int64_t> left{2 * kPairs + 1 + 1};
    std::atomic<int64_t> treeLeft{0};
    auto done = [&] {
      if (left.fetch_sub(1) == 1) sched().exit(0);
      return RunResult::Exited;
    };
    std::function<RunResult(TestG&, int)> tree;
    tree = [&](TestG&, int depth) {
      if (depth > 0) {
        for (int i = 0; i < 3; i++) {
          treeLeft.fetch_add(1);
          sched().spawn(w.newG([&, depth](TestG& c) { return tree(c, depth - 1); }));
        }
      }
      if (treeLeft.fetch_sub(1) == 1) return done();
      return RunResult::Exited;
    };
    TestG* mainG = w.newG([&](TestG&) {
      for (auto& p : pairs) {
        for (int k = 0; k < 2; k++) {
          sched().spawn(w.newG([&](TestG& self) {
            p.mu.lock();
            p.total++;
            rt::G* other = p.waiting;
            p.waiting = nullptr;
            if (other) sched().ready(other);
            if (p.total >= 2 * kRounds) {
              p.mu.unlock();
              return done();
            }
            p.waiting = &self;
            sched().park(self, rt::WaitReason::ChanReceive, unlockCommit, &p.mu);
            return RunResult::Parked;
          }));
        }
      }
      treeLeft.fetch_add(1);
      sched().spawn(w.newG([&](TestG& c) { return tree(c, 6); }));
      return done();
    });
    CHECK(s.run(mainG) == 0);
    CHECK(w.deadlocks.load() == 0);
  }
}

TEST_CASE("sched: schedtrace line has Go's shape") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  std::string line = s.schedtraceLine();
  INFO(line);
  CHECK(line.rfind("SCHED ", 0) == 0);
  CHECK(line.find("ms: gomaxprocs=2 idleprocs=2 threads=1 spinningthreads=0 needspinning=0 "
                  "idlethreads=0 runqueue=0 [0 0]") != std::string::npos);
  CHECK(rt::SchedulerOptions::fromGodebug("gctrace=1,schedtrace=250").schedtraceMs == 250);
  CHECK(rt::SchedulerOptions::fromGodebug(nullptr).schedtraceMs == 0);
}

TEST_CASE("sched: GODEBUG=schedtrace prints while running") {
  World w;
  std::mutex linesMu;
  std::vector<std::string> lines;
  rt::SchedulerHooks h = w.hooks();
  h.trace = [&](const std::string& l) {
    std::lock_guard<std::mutex> g(linesMu);
    lines.push_back(l);
  };
  rt::SchedulerOptions o;
  o.schedtraceMs = 5;
  rt::Scheduler s(2, h, o);
  TestG* mainG = w.newG([&](TestG& g) {
    if (g.step++ == 0) {
      sched().sleep(g, 30'000'000);
      return RunResult::Parked;
    }
    sched().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  std::lock_guard<std::mutex> g(linesMu);
  REQUIRE(lines.size() >= 2);
  // The first line comes at sysmon's first tick: "SCHED 0ms: ..." unless
  // the machine is loaded.
  CHECK(lines[0].rfind("SCHED ", 0) == 0);
  CHECK(std::atoi(lines[0].c_str() + 6) < 50);
  CHECK(lines[0].find("ms: gomaxprocs=2 idleprocs=") != std::string::npos);
}

TEST_CASE("sched: semaphores as a mutex keep a plain counter exact") {
  for (bool handoff : {false, true}) {
    constexpr int kGs = 40, kIters = 200;
    World w;
    rt::Scheduler s(4, w.hooks(), quiet());
    uint32_t sem = 1;
    int64_t counter = 0;  // guarded by sem
    std::atomic<int> left{kGs + 1};
    auto done = [&] {
      if (left.fetch_sub(1) == 1) sched().exit(0);
      return RunResult::Exited;
    };
    TestG* mainG = w.newG([&](TestG&) {
      for (int i = 0; i < kGs; i++) {
        sched().spawn(w.newG([&](TestG& g) {
          // step counts finished iterations; a re-entry after Parked
          // re-calls semacquire.
          while (g.step < kIters) {
            if (rt::semacquire(sched(), &sem, g, g.step > 0, rt::WaitReason::SyncMutexLock) ==
                rt::SemaAcquire::Parked)
              return RunResult::Parked;
            counter++;
            g.step++;
            rt::semrelease(sched(), &sem, handoff);
            if (g.step % 16 == 0) return RunResult::Yielded;
          }
          return done();
        }));
      }
      return done();
    });
    CHECK(s.run(mainG) == 0);
    CHECK(counter == int64_t{kGs} * kIters);
    CHECK(sem == 1);
    CHECK(rt::semaWaiters(&sem) == 0);
  }
}

TEST_CASE("sched: a semaphore as a WaitGroup: main waits for every worker") {
  constexpr int kWorkers = 100;
  World w;
  rt::Scheduler s(3, w.hooks(), quiet());
  uint32_t sem = 0;
  std::atomic<int> workersDone{0};
  int seenByMain = -1;
  TestG* mainG = w.newG([&](TestG& g) {
    if (g.step == 0) {
      for (int i = 0; i < kWorkers; i++) {
        sched().spawn(w.newG([&](TestG&) {
          workersDone.fetch_add(1);
          rt::semrelease(sched(), &sem);
          return RunResult::Exited;
        }));
      }
      g.step = 1;
    }
    while (g.step <= kWorkers) {
      if (rt::semacquire(sched(), &sem, g) == rt::SemaAcquire::Parked) return RunResult::Parked;
      g.step++;
    }
    seenByMain = workersDone.load();
    sched().exit(0);
    return RunResult::Exited;
  });
  CHECK(s.run(mainG) == 0);
  CHECK(seenByMain == kWorkers);
}

TEST_CASE("sched: a goroutine parked on a semaphore forever is a deadlock") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  // Static: the dead G stays queued on it in the global table, so its
  // address must not be reused by another test's semaphore.
  static uint32_t sem = 0;
  TestG* mainG = w.newG([&](TestG& g) {
    REQUIRE(rt::semacquire(sched(), &sem, g) == rt::SemaAcquire::Parked);
    return RunResult::Parked;
  });
  CHECK(s.run(mainG) == 2);
  CHECK(w.deadlocks.load() == 1);
  CHECK(std::string(rt::waitReasonString(mainG->waitReason)) == "semacquire");
}

// The objects the next test leaves behind on purpose.
void* gLeakedWorld = nullptr;
void* gLeakedScheduler = nullptr;

TEST_CASE("sched: exit does not wait for a goroutine blocked in a syscall") {
  // The blocked M outlives run(), so everything it touches afterwards is
  // leaked on purpose: the scheduler, the World (its G) and the counters.
  auto* w = new World;
  static std::atomic<bool> syscallReturned{false};
  auto* s = new rt::Scheduler(1, w->hooks(), quiet());
  // Reachable from globals (external linkage, so the stores stay), so
  // LeakSanitizer does not report the deliberate leak.
  gLeakedWorld = w;
  gLeakedScheduler = s;
  TestG* mainG = w->newG([w](TestG& g) {
    if (g.step++ == 0) {
      sched().spawn(w->newG([](TestG& self) {
        // No doctest macros here: this outlives the test case.
        rt::Scheduler* s = rt::currentScheduler();
        s->entersyscallblock(self);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        s->exitsyscall(self);
        syscallReturned.store(true);
        return RunResult::Exited;
      }));
      sched().sleep(g, 10'000'000);
      return RunResult::Parked;
    }
    sched().exit(0);
    return RunResult::Exited;
  });
  auto start = std::chrono::steady_clock::now();
  CHECK(s->run(mainG) == 0);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(250));
  CHECK_FALSE(syscallReturned.load());
  CHECK(s->abandonedSyscalls());
  // s is not deleted: the blocked M calls into it when its call returns.
}

TEST_CASE("sched: CPU-bound goroutines spread over every P (stealing)") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  std::mutex mu;
  std::vector<int> seenPs;
  std::atomic<int> left{9};
  auto done = [&] {
    if (left.fetch_sub(1) == 1) sched().exit(0);
    return RunResult::Exited;
  };
  TestG* mainG = w.newG([&](TestG&) {
    for (int i = 0; i < 8; i++) {
      sched().spawn(w.newG([&](TestG& g) {
        {
          std::lock_guard<std::mutex> l(mu);
          seenPs.push_back(g.lastP);
        }
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
        while (std::chrono::steady_clock::now() < until) {
        }
        return done();
      }));
    }
    return done();
  });
  CHECK(s.run(mainG) == 0);
  std::sort(seenPs.begin(), seenPs.end());
  seenPs.erase(std::unique(seenPs.begin(), seenPs.end()), seenPs.end());
  CHECK(seenPs == std::vector<int>{0, 1});
}

TEST_CASE("sched: a sleeper wakes while a CPU-bound goroutine holds the only P") {
  World w;
  rt::Scheduler s(1, w.hooks(), quiet());
  std::atomic<bool> woke{false};
  std::atomic<int> left{3};
  auto done = [&] {
    if (left.fetch_sub(1) == 1) sched().exit(0);
    return RunResult::Exited;
  };
  TestG* mainG = w.newG([&](TestG&) {
    sched().spawn(w.newG([&](TestG& self) {
      if (woke.load()) return done();
      while (!self.preempt.load(std::memory_order_relaxed)) {
      }
      return RunResult::Yielded;
    }));
    sched().spawn(w.newG([&](TestG& g) {
      if (g.step++ == 0) {
        sched().sleep(g, 5'000'000);
        return RunResult::Parked;
      }
      woke.store(true);
      return done();
    }));
    return done();
  });
  CHECK(s.run(mainG) == 0);
  CHECK(woke.load());
}

TEST_CASE("sched: deadlock is reported only once the last timer has fired") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  int64_t t0 = 0;
  TestG* mainG = w.newG([&](TestG& g) {
    if (g.step++ == 0) {
      t0 = rt::Scheduler::nanotime();
      sched().sleep(g, 20'000'000);
      return RunResult::Parked;
    }
    sched().park(g, rt::WaitReason::SelectNoCases);
    return RunResult::Parked;
  });
  CHECK(s.run(mainG) == 2);
  CHECK(w.deadlocks.load() == 1);
  CHECK(rt::Scheduler::nanotime() - t0 >= 20'000'000);
  CHECK(std::string(rt::waitReasonString(mainG->waitReason)) == "select (no cases)");
}

TEST_CASE("sched: 10,000 sleeping goroutines all wake") {
  World w;
  rt::Scheduler s(2, w.hooks(), quiet());
  constexpr int kN = 10'000;
  std::atomic<int> left{kN + 1};
  auto done = [&] {
    if (left.fetch_sub(1) == 1) sched().exit(0);
    return RunResult::Exited;
  };
  TestG* mainG = w.newG([&](TestG&) {
    for (int i = 0; i < kN; i++) {
      sched().spawn(w.newG([&, i](TestG& g) {
        if (g.step++ == 0) {
          sched().sleep(g, (i % 10) * 1'000'000);
          return RunResult::Parked;
        }
        return done();
      }));
    }
    return done();
  });
  CHECK(s.run(mainG) == 0);
  CHECK(w.deadlocks.load() == 0);
}
