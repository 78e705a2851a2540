// The interpreter on the GMP scheduler (design in goroutines.h).
#include "vm/goroutines.h"

#include <algorithm>
#include <cstdlib>

#include "runtime/chan.h"
#include "runtime/print.h"
#include "runtime/sema.h"
#include "vm/gc.h"

namespace gol::vm {

namespace {

// GOMAXPROCS from the environment as Go reads it: a positive integer, or
// else the number of CPUs (0 asks the scheduler for that).
int gomaxprocsFromEnv() {
  if (const char* env = std::getenv("GOMAXPROCS")) {
    char* end = nullptr;
    long v = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && v > 0) return static_cast<int>(std::min<long>(v, 1024));
  }
  return 0;
}

// The Machine of the M running on this thread, and whose it is.
thread_local Goroutines* tOwner = nullptr;
thread_local Machine* tMachine = nullptr;
// The G this thread is running (inside runG), for the stdout hooks.
thread_local rt::G* tCurrentG = nullptr;

// A stdout flush may block on a full pipe: the running G enters the
// system-call state meanwhile (runtime/print.h).
void enterBlockingWrite() {
  rt::Scheduler* sched = rt::currentScheduler();
  if (tCurrentG != nullptr && sched != nullptr) sched->entersyscall(*tCurrentG);
}
void exitBlockingWrite() {
  rt::Scheduler* sched = rt::currentScheduler();
  if (tCurrentG != nullptr && sched != nullptr) sched->exitsyscall(*tCurrentG);
}

}  // namespace

Goroutines::Goroutines(Machine& proto) : proto_(proto) { proto_.goroutines = this; }

Goroutines::~Goroutines() {
  // run() has returned, so no M runs G code, unless one was abandoned in
  // a system call: then the process is about to exit and freeing the G's
  // it may still touch would be unsafe.
  if (sched_ && sched_->abandonedSyscalls()) {
    (void)sched_.release();
    for (auto& machine : machines_) (void)machine.release();
    return;
  }
  sched_.reset();
  for (rt::G* g = allHead_; g != nullptr;) {
    rt::G* next = g->allNext;
    delete g;
    g = next;
  }
  for (rt::G* g : free_) delete g;
  proto_.goroutines = nullptr;
}

int64_t Goroutines::count() const {
  int64_t n = sched_ ? sched_->numGoroutine() : 1;
  // A session's keeper is not one of the program's goroutines: an input
  // counts as main does.
  return sessionMode_ ? n - 1 : n;
}

Machine& Goroutines::threadMachine() {
  if (tOwner != this) {
    auto machine = std::make_unique<Machine>(proto_.module);
    machine->user = proto_.user;
    machine->goroutines = this;
    tMachine = machine.get();
    tOwner = this;
    std::lock_guard lock(machinesMutex_);
    machines_.push_back(std::move(machine));
  }
  return *tMachine;
}

void Goroutines::link(rt::G* g) {
  std::lock_guard lock(allMutex_);
  g->allPrev = nullptr;
  g->allNext = allHead_;
  if (allHead_ != nullptr) allHead_->allPrev = g;
  allHead_ = g;
}

void Goroutines::unlink(rt::G* g) {
  std::lock_guard lock(allMutex_);
  if (g->allPrev != nullptr) g->allPrev->allNext = g->allNext;
  else allHead_ = g->allNext;
  if (g->allNext != nullptr) g->allNext->allPrev = g->allPrev;
  g->allPrev = g->allNext = nullptr;
  free_.push_back(g);
}

rt::G* Goroutines::newG() {
  int64_t id = nextId_.fetch_add(1, std::memory_order_relaxed);
  rt::G* g = nullptr;
  {
    std::lock_guard lock(allMutex_);
    if (!free_.empty()) {
      g = free_.back();
      free_.pop_back();
    }
  }
  // A dead G may still be in the collector's list of stacks to scan:
  // keep it off while the G is made new (released by spawn).
  if (g != nullptr) {
    gc::holdG(*g);
    g->reuse(id);
  } else {
    g = new rt::G(id);
    g->onM.store(true, std::memory_order_relaxed);
  }
  return g;
}

bool Goroutines::spawn(Machine& m, rt::G& parent, uint64_t closure, std::span<const uint64_t> args) {
  rt::G* g = newG();
  g->maxStackBytes = parent.maxStackBytes;
  g->createdBy = parent.fn;
  g->createdByGoid = parent.id;
  g->createdLine = parent.fn->lineAt(static_cast<size_t>(parent.pc - parent.fn->code) - 1);
  if (!enterClosure(m, *g, closure, args)) {
    // The report shows the new goroutine; Go would show the parent too.
    delete g;
    return false;
  }
  link(g);
  gc::releaseG(*g);
  sched_->spawn(g);
  return true;
}

void Goroutines::spawnDetached(uint64_t closure) {
  rt::G* g = newG();
  g->maxStackBytes = main_->maxStackBytes;
  if (!enterClosure(threadMachine(), *g, closure, {})) {
    delete g;
    return;
  }
  link(g);
  gc::releaseG(*g);
  sched_->spawn(g);
}

void Goroutines::finish(int code, const std::string& report) {
  {
    std::lock_guard lock(finishMutex_);
    if (finished_) return;
    finished_ = true;
    result_ = {code, report};
  }
  sched_->exit(code);
}

rt::RunResult Goroutines::runG(rt::G& g) {
  Machine& m = threadMachine();
  if (sched_->exiting()) return rt::RunResult::Yielded;
  gc::beginTurn(g);
  rt::RunResult result = turn(m, g);
  if (result == rt::RunResult::Exited) g.fn = nullptr;  // nothing left to scan
  gc::endTurn(g);
  return result;
}

rt::RunResult Goroutines::turn(Machine& m, rt::G& g) {
  // A stack the collector found mostly unused (gc.cpp): shrink it now,
  // unless the G parked inside an instruction (a channel wait record may
  // point into its frame) or is in a nested call.
  if (g.shrinkRequested.load(std::memory_order_relaxed)) [[unlikely]] {
    g.shrinkRequested.store(false, std::memory_order_relaxed);
    if (g.resumeOp == rt::ResumeOp::None && g.nestedCalls == 0) shrinkStackIfSparse(g);
  }
  if (sessionMode_ && removedCount_.load() != 0 && takeRemoved(g.id)) [[unlikely]] {
    if (takeInput(&g)) session_.ended(g, Exit::Goexit, "interrupted");
    return rt::RunResult::Exited;
  }
  tCurrentG = &g;
  Exit e = execute(m, g);
  tCurrentG = nullptr;
  switch (e) {
    case Exit::Yielded:
      return rt::RunResult::Yielded;
    case Exit::Parked:
      return rt::RunResult::Parked;
    case Exit::Returned:
      if (&g == main_) finish(0, "");
      else if (sessionMode_ && takeInput(&g)) session_.ended(g, e, "");
      return rt::RunResult::Exited;
    case Exit::Goexit:
      if (sessionMode_ && takeInput(&g)) session_.ended(g, e, "");
      return rt::RunResult::Exited;
    case Exit::Panicked:
    case Exit::Fatal:
      if (sessionMode_ && &g != main_) {
        std::string report = std::move(m.report);
        m.report.clear();
        m.fatalReported = false;
        m.fatalRequested = false;
        if (takeInput(&g)) session_.ended(g, e, report);
        else session_.background(report);
        return rt::RunResult::Exited;
      }
      [[fallthrough]];
    case Exit::Exited:
      finish(m.exitCode, m.report);
      m.report.clear();
      m.exitRequested = false;
      m.fatalReported = false;
      m.fatalRequested = false;
      // The G is left as it is (not run again): the program is ending.
      return rt::RunResult::Yielded;
  }
  return rt::RunResult::Yielded;
}

bool Goroutines::takeInput(rt::G* g) {
  std::lock_guard lock(inputsMutex_);
  auto it = std::find(inputs_.begin(), inputs_.end(), g->id);
  if (it == inputs_.end()) return false;
  inputs_.erase(it);
  return true;
}

bool Goroutines::takeRemoved(int64_t id) {
  std::lock_guard lock(inputsMutex_);
  auto it = std::find(removed_.begin(), removed_.end(), id);
  if (it == removed_.end()) return false;
  removed_.erase(it);
  removedCount_.store(static_cast<int>(removed_.size()));
  return true;
}

bool Goroutines::removed(int64_t id) {
  std::lock_guard lock(inputsMutex_);
  return std::find(removed_.begin(), removed_.end(), id) != removed_.end();
}

bool Goroutines::interruptInput(int64_t id) {
  std::lock_guard lock(allMutex_);
  for (rt::G* g = allHead_; g != nullptr; g = g->allNext) {
    if (g->id != id) continue;
    if (g->status == rt::GStatus::Waiting || g->status == rt::GStatus::Syscall) return false;
    {
      std::lock_guard in(inputsMutex_);
      removed_.push_back(id);
      removedCount_.store(static_cast<int>(removed_.size()));
    }
    g->requestPreempt();
    return true;
  }
  return false;
}

void Goroutines::removeInput(int64_t id) {
  {
    std::lock_guard lock(inputsMutex_);
    std::erase(inputs_, id);  // no `ended` call for it
  }
  // With the world stopped no waker runs, so the G's status and queues
  // hold still while it is taken off them.
  while (!sched_->stopTheWorld()) {
    // Another stop (a collection) was in progress and has ended: again.
  }
  rt::G* found = nullptr;
  bool wake = false;
  {
    std::lock_guard lock(allMutex_);
    for (rt::G* g = allHead_; g != nullptr; g = g->allNext)
      if (g->id == id && g->status != rt::GStatus::Dead) found = g;
  }
  if (found != nullptr && found->status == rt::GStatus::Waiting) {
    switch (found->waitReason) {
      case rt::WaitReason::ChanReceive:
      case rt::WaitReason::ChanSend:
      case rt::WaitReason::Select:
      case rt::WaitReason::ChanReceiveNilChan:
      case rt::WaitReason::ChanSendNilChan:
      case rt::WaitReason::SelectNoCases:
        wake = rt::chanCancelWait(*found);
        break;
      case rt::WaitReason::Semacquire:
      case rt::WaitReason::SyncMutexLock:
      case rt::WaitReason::SyncRWMutexRLock:
      case rt::WaitReason::SyncRWMutexLock:
      case rt::WaitReason::SyncCondWait:
      case rt::WaitReason::SyncWaitGroupWait:
        wake = rt::semaCancelWait(*found);
        break;
      case rt::WaitReason::Sleep:
        wake = sched_->cancelSleep(*found);
        break;
      default:  // a wait no one can undo: it ends if it is ever readied
        break;
    }
  }
  if (found != nullptr) {
    std::lock_guard in(inputsMutex_);
    removed_.push_back(id);
    removedCount_.store(static_cast<int>(removed_.size()));
  }
  sched_->startTheWorld();
  // Off every queue, so no one else can ready it: it ends at its turn.
  if (wake) sched_->ready(found);
}

int64_t Goroutines::startInSession(const Function& fn, uint64_t maxStackBytes) {
  rt::G* g = newG();
  g->maxStackBytes = maxStackBytes;
  if (!enterClosure(threadMachine(), *g, reinterpret_cast<uint64_t>(&fn.staticClosure), {})) {
    delete g;
    return 0;
  }
  int64_t id = g->id;
  {
    std::lock_guard lock(inputsMutex_);
    inputs_.push_back(id);
  }
  link(g);
  gc::releaseG(*g);
  sched_->spawn(g);
  return id;
}

// Every goroutine waits and no timer can wake one. Runs with every M idle.
int Goroutines::deadlock() {
  std::vector<rt::G*> waiting;
  {
    std::lock_guard lock(allMutex_);
    for (rt::G* g = allHead_; g != nullptr; g = g->allNext)
      if (g->status == rt::GStatus::Waiting) waiting.push_back(g);
  }
  std::sort(waiting.begin(), waiting.end(), [](rt::G* a, rt::G* b) { return a->id < b->id; });
  std::string report;
  if (sched_->numGoroutine() == 0) {
    report = rt::fatalErrorText(rt::FatalError::GoexitDeadlock, 0, "");
  } else {
    report = rt::fatalErrorText(rt::FatalError::Deadlock, 0, "");
    for (rt::G* g : waiting) report += "\n" + traceback(*g);
  }
  {
    std::lock_guard lock(finishMutex_);
    if (!finished_) {
      finished_ = true;
      result_ = {rt::kPanicExitCode, report};
    }
  }
  return rt::kPanicExitCode;
}

RunResult Goroutines::run(uint32_t mainIndex, uint64_t maxStackBytes) {
  rt::SchedulerHooks hooks;
  hooks.run = [this](rt::G& g, int) { return runG(g); };
  // Main's G stays listed to the end (run() watches it), even after Goexit.
  hooks.exited = [this](rt::G& g) {
    if (&g != main_) unlink(&g);
  };
  hooks.deadlock = [this] { return deadlock(); };
  hooks.trace = [](const std::string& line) { rt::writeStderr(line + "\n"); };
  sched_ = std::make_unique<rt::Scheduler>(gomaxprocsFromEnv(), std::move(hooks));
  rt::setBlockingWriteHooks(enterBlockingWrite, exitBlockingWrite);

  main_ = newG();
  main_->maxStackBytes = maxStackBytes;
  link(main_);
  gc::releaseG(*main_);
  if (!enter(proto_, *main_, mainIndex, {})) return {proto_.exitCode, proto_.report};
  gc::attach(proto_.module, *this);
  int code = sched_->run(main_);
  gc::detach(sched_->abandonedSyscalls());
  std::lock_guard lock(finishMutex_);
  RunResult result = finished_ ? result_ : RunResult{code, "", false};
  result.threadsLeft = sched_->abandonedSyscalls();
  return result;
}

}  // namespace gol::vm
