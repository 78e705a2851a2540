// The interim scheduler (design in goroutines.h).
#include "vm/goroutines.h"

#include <chrono>

#include "runtime/print.h"

namespace gol::vm {

namespace {

constexpr auto kTimeSlice = std::chrono::milliseconds(10);  // Go's forcePreemptNS

uint64_t nowNanos() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

}  // namespace

Goroutines::Goroutines(Machine& m) : m_(m) { m_.goroutines = this; }

Goroutines::~Goroutines() {
  if (monitorThread_.joinable()) {
    {
      std::lock_guard lock(monitorMutex_);
      stopping_ = true;
    }
    monitorWake_.notify_all();
    monitorThread_.join();
  }
  m_.goroutines = nullptr;
}

bool Goroutines::spawn(rt::G& parent, uint64_t closure, std::span<const uint64_t> args) {
  auto g = std::make_unique<rt::G>(++nextId_);
  g->maxStackBytes = parent.maxStackBytes;
  g->createdBy = parent.fn;
  g->createdByGoid = parent.id;
  g->createdLine = parent.fn->lineAt(static_cast<size_t>(parent.pc - parent.fn->code) - 1);
  if (!enterClosure(m_, *g, closure, args)) return false;
  runq_.push_back(g.get());
  all_.push_back(std::move(g));
  ++live_;
  if (!monitorThread_.joinable()) startMonitor();
  return true;
}

void Goroutines::startMonitor() {
  monitorThread_ = std::thread([this] { monitor(); });
}

// Asks a goroutine that has had the thread for a whole time slice to yield.
void Goroutines::monitor() {
  std::unique_lock lock(monitorMutex_);
  while (!monitorWake_.wait_for(lock, kTimeSlice, [this] { return stopping_; })) {
    rt::G* g = current_.load(std::memory_order_acquire);
    uint64_t start = sliceStart_.load(std::memory_order_acquire);
    if (g != nullptr && nowNanos() - start >= static_cast<uint64_t>(kTimeSlice.count()) * 1'000'000)
      g->requestPreempt();
  }
}

RunResult Goroutines::run(uint32_t mainIndex, uint64_t maxStackBytes) {
  auto mainG = std::make_unique<rt::G>(nextId_);
  mainG->maxStackBytes = maxStackBytes;
  rt::G* main = mainG.get();
  all_.push_back(std::move(mainG));
  live_ = 1;
  if (!enter(m_, *main, mainIndex, {})) return {m_.exitCode, m_.report};
  runq_.push_back(main);
  while (!runq_.empty()) {
    rt::G* g = runq_.front();
    runq_.pop_front();
    // acquire/release pair with the monitor: it reads the G and its start.
    sliceStart_.store(nowNanos(), std::memory_order_release);
    current_.store(g, std::memory_order_release);
    Exit e = execute(m_, *g);
    current_.store(nullptr, std::memory_order_release);
    switch (e) {
      case Exit::Returned:
        if (g == main) return {0, ""};  // the program ends with main, as Go's does
        --live_;
        break;
      case Exit::Yielded:
        runq_.push_back(g);
        break;
      case Exit::Panicked:
      case Exit::Fatal:
      case Exit::Exited:
        return {m_.exitCode, m_.report};
    }
  }
  // Unreachable while main lives: main is never parked (nothing parks yet).
  return {0, ""};
}

}  // namespace gol::vm
