// The interpreter's interface: run bytecode on a goroutine.
//
// execute() runs a G from its saved state until something ends its turn,
// and says what (Exit): its bottom frame returned; it yielded at a
// safepoint (a preemption request, runtime.Gosched) or parked in a native
// (sleep, a semaphore): its state is saved, call execute again to resume;
// it called runtime.Goexit and its deferred calls have run; os.Exit; it
// panicked; or a fatal error stopped it. For the last two, the Machine
// holds the text Go would print on stderr. Nothing here writes to stderr
// or exits the process: that is the gol command's job (and the tests read
// the report instead).
//
// A Machine is the interpreter's state for one OS thread: the program's
// module, and what a native that returned false asks of the loop that
// called it (a panic, a park, a yield, the end of the program). The
// scheduler (vm/goroutines.h) gives every M thread its own Machine, so
// these fields are never shared between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "runtime/goroutine.h"
#include "runtime/panic.h"
#include "vm/bytecode.h"

namespace gol::vm {

// Exited: os.Exit ended the program (Machine::exitCode). Parked: a native
// parked the G with the scheduler (Machine::requestPark). Goexit: the G
// called runtime.Goexit and its deferred calls have all run.
enum class Exit : uint8_t { Returned, Yielded, Parked, Goexit, Panicked, Fatal, Exited };

// How a parked G resumes: after the native call (time.Sleep), or by
// calling the native again with the same arguments (a semaphore acquire
// that lost the race, runtime/sema.h).
enum class Resume : uint8_t { None, AfterCall, RetryCall };

class Goroutines;

// Per-program interpreter state shared by its goroutines.
class Machine {
 public:
  explicit Machine(Module& m) : module(m) {}

  Module& module;
  std::string report;   // what to print on stderr after Panicked or Fatal
  int exitCode = 0;
  void* user = nullptr;  // for natives (the tests capture output through it)

  // A native raising a runtime error calls this and returns false; the
  // interpreter then panics (deferred calls run, recover can stop it).
  void panicRuntime(rt::RuntimeError e, int64_t x = 0, int64_t y = 0) {
    pendingError = e;
    pendingX = x;
    pendingY = y;
  }
  // A native panicking with a Go value (an interface{}: type word, data
  // word) calls this and returns false.
  void panicValue(uint64_t typeWord, uint64_t dataWord) {
    pendingIsValue = true;
    pendingType = typeWord;
    pendingData = dataWord;
  }
  // os.Exit: a native calls this and returns false; the program ends at
  // once with `code`, running no deferred calls (as Go).
  void requestExit(int code) {
    exitRequested = true;
    exitCode = code;
  }
  // Record a fatal error; `pendingCallee` is a function whose frame could
  // not be pushed (stack overflow), shown as the innermost frame.
  Exit fatal(rt::G& g, rt::FatalError e, uint64_t number, const std::string& what,
             const Function* pendingCallee = nullptr);

  // Interpreter-private panic state.
  rt::RuntimeError pendingError = rt::RuntimeError::DivideByZero;
  int64_t pendingX = 0, pendingY = 0;
  bool pendingIsValue = false;
  uint64_t pendingType = 0, pendingData = 0;
  bool exitRequested = false;
  // runtime.Gosched: a native calls this and returns false; the goroutine
  // yields the thread after the call.
  void requestYield() { yieldRequested = true; }
  bool yieldRequested = false;
  // A native that has parked g with the scheduler (Scheduler::park, sleep,
  // semacquire returning Parked) calls this and returns false; execute()
  // then returns Exit::Parked. Natives must not park inside a nested call
  // (G::nestedCalls > 0: the native's C++ frames below cannot be saved);
  // they block the thread there instead, as a system call does.
  void requestPark(Resume how) { resume = how; }
  // runtime.Goexit: a native calls this and returns false; the G runs its
  // deferred calls and ends (Exit::Goexit).
  void requestGoexit() { goexitRequested = true; }
  bool goexitRequested = false;
  Resume resume = Resume::None;
  // The program's goroutines (vm/goroutines.h), while it runs.
  Goroutines* goroutines = nullptr;

  // A native stopping the program with a fatal error (a missing native,
  // a nested call that hit one): the text after "fatal error: gol: ".
  void requestFatal(std::string what, rt::FatalError kind = rt::FatalError::NotImplemented) {
    fatalWhat = std::move(what);
    fatalKind = kind;
    fatalRequested = true;
  }
  bool fatalRequested = false;
  rt::FatalError fatalKind = rt::FatalError::NotImplemented;
  bool fatalReported = false;  // Machine::report already holds the whole report
  std::string fatalWhat;
  std::string panicTrace;  // traceback where the newest panic started
};

// Prepare g to run function `index` with `args` in its parameter slots.
// Returns false (with Machine::report set) if its frame cannot fit.
[[nodiscard]] bool enter(Machine& m, rt::G& g, uint32_t index, std::span<const uint64_t> args);

// The same for a new goroutine calling the func value `closure` (GO).
[[nodiscard]] bool enterClosure(Machine& m, rt::G& g, uint64_t closure, std::span<const uint64_t> args);

// The dispatch loop.
Exit execute(Machine& m, rt::G& g);

// The bottom frame's slots: after Exit::Returned its results start here.
inline const uint64_t* bottomFrame(const rt::G& g) { return g.stack + kFrameHeaderSlots; }

// "goroutine N [running]:\n" and the frames, innermost first, as Go prints
// them (first and last 50 when there are more than 100).
// A G that is not running shows its status instead: "goroutine 5
// [semacquire]:".
std::string traceback(const rt::G& g, const Function* pendingCallee = nullptr);

// Marks the PanicRecord of runtime.Goexit (PanicRecord::runtimeError):
// it runs the deferred calls as a panic does, recover() does not see it,
// and when they are done execute() returns Exit::Goexit.
inline constexpr int32_t kGoexitRecord = -2;

struct RunResult {
  int exitCode = 0;
  std::string report;  // stderr text when exitCode != 0
  // An M was left blocked in a system call (a goroutine reading stdin when
  // main returned): it will run Gol code again if the call returns, so the
  // process must end without running destructors (std::_Exit), as Go's
  // exit does.
  bool threadsLeft = false;
};

// Run module.mainIndex as goroutine 1, with the goroutines it starts,
// until main returns (vm/goroutines.h).
RunResult runMain(Module& m, uint64_t maxStackBytes = rt::kMaxStackBytes);

// Runs `callee` (with closure context `closure`, 0 for none) to completion
// on g, above the frame that is calling a native; see vm/natives.h.
enum class NestedResult : uint8_t { Ok, Panicked, Fatal };
NestedResult callNested(Machine& m, rt::G& g, const Function* callee, uint64_t closure,
                        std::span<const uint64_t> args, std::span<uint64_t> results,
                        uint64_t* panicType, uint64_t* panicData);

// For the collector: calls visit(word, ctx) with every word of g's stack
// that may hold a heap pointer (the frames' pointer maps, closure
// contexts), then with g's defer and panic records (heap objects). g must
// not be running: its saved state describes its innermost frame. A
// marked slot may hold nil, a pointer outside the heap, or (see
// vm/bytecode.h) a stale scalar: visit must check what it is given.
void forEachStackRoot(const rt::G& g, void (*visit)(uint64_t word, void* ctx), void* ctx);

// Halves g's stack when its frames use under a quarter of it (Go's
// shrinkstack), moving pointers into it. Only for a G that no C++ frame
// or channel wait record points into: its own M, at the start of a turn,
// when it did not park inside an instruction (vm/goroutines.cpp).
bool shrinkStackIfSparse(rt::G& g);

// The pseudo-function at the bottom of every goroutine's stack.
const Function* goexitFunction();

// The dynamic type of the values runtime errors panic with: the data word
// points to a string (two words) holding the text, "runtime error: ...".
// It implements error with Error() returning that text; codegen and fmt
// must treat it so (recover() hands it to Gol code).
const rt::TypeDesc* runtimeErrorType();
// Codegen supplies its methods: Error (a Function taking the data word and
// returning the string it points to) and the RuntimeError marker, so that
// recover()ed runtime errors satisfy `error` and `runtime.Error`.
// Process-wide: one program runs per process.
void setRuntimeErrorMethods(const Function* errorMethod, const Function* runtimeErrorMethod);

}  // namespace gol::vm
