// Native functions: the stdlib functions declared without a body.
//
// A stdlib .gol file declares `func Sqrt(x float64) float64` with no body
// (stdlib/README.md); codegen turns every call of it into CALLN on the
// native registered under the name Go's traces would print for it:
// "math.Sqrt", "strings.(*Builder).String", "math/rand.Intn". A bodyless
// function with no native registered compiles to a stub that stops the
// program with "fatal error: gol: native NAME is not implemented yet".
//
// Calling convention (the same window a Gol callee sees): `slots[0..)`
// hold the arguments flattened in declaration order, receiver first, each
// value in the slots its type takes (int/float/pointer/map/func 1, string
// 2: data, len; slice 3: data, len, cap; interface 2: type word, data
// word; structs and arrays flattened). A variadic parameter arrives as
// a slice. Results are written to `slots[0..)` in the same layout when the
// native returns true; arguments may be overwritten. float64 slots hold
// the IEEE bits; float32 values too are held as the float64 of the same
// value (vm/opcodes.h). The window is at least max(args, results) slots.
//
// A native raising a Go runtime error calls m.panicRuntime(...) and returns
// false; a native panicking with a value of its own (errors are returned,
// not panicked, in most of the stdlib) calls m.panicValue(type, data).
//
// Calling back into Gol (fmt calls String and Error methods, sort calls
// Less and Swap): callFunction runs a Gol function to completion on the
// same goroutine, above the native's frame. The goroutine's stack may grow
// (and move) during the call, so `slots` is stale afterwards: re-derive it
// with nativeSlots(g, offset) from the offset taken before the call.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/sched.h"
#include "vm/interp.h"

namespace gol::vm {

// Waiting where a G cannot park: inside a nested call (a native's C++
// frames are below it) or with no scheduler (unit tests). Calls `ready`
// until it returns true, the thread sleeping between tries (20 µs, doubling
// to 1 ms) in the syscall state, so that its P goes to other goroutines.
// False if the program ended meanwhile (m.fatalReported is then set: there
// is nothing more to print).
bool waitPolling(Machine& m, rt::G& g, const std::function<bool()>& ready);

// Around a system call that may block the OS thread (reading stdin or a
// file): the G enters the syscall state, so that sysmon can hand its P to
// another M while the call lasts, and takes a P again after (Go's
// entersyscall/exitsyscall). Does nothing outside a scheduler.
class SyscallScope {
 public:
  explicit SyscallScope(rt::G& g) : g_(g), sched_(rt::currentScheduler()) {
    if (sched_ != nullptr) sched_->entersyscall(g_);
  }
  ~SyscallScope() {
    if (sched_ != nullptr) sched_->exitsyscall(g_);
  }
  SyscallScope(const SyscallScope&) = delete;
  SyscallScope& operator=(const SyscallScope&) = delete;

 private:
  rt::G& g_;
  rt::Scheduler* sched_;
};

struct NativeDef {
  std::string_view name;  // "fmt.Println", "strings.(*Builder).String"
  NativeFn fn;
};

// The native registered under `name`, or null.
NativeFn findNative(std::string_view name);

// The native of bodyless functions nobody implemented: its window holds
// the function's name (a string); it stops the program saying so.
bool missingNative(Machine& m, rt::G& g, uint64_t* slots);

// Every native, for `gol` diagnostics and tests.
std::span<const NativeDef> allNatives();

// Tables, one per stdlib package file of natives (vm/natives_*.cpp);
// findNative searches them all.
std::span<const NativeDef> fmtNatives();
std::span<const NativeDef> strconvNatives();
std::span<const NativeDef> mathNatives();
std::span<const NativeDef> osNatives();
std::span<const NativeDef> miscNatives();
std::span<const NativeDef> schedNatives();  // runtime, time.Sleep, sync: the scheduler's (natives_sched.cpp)  // strings, errors, unicode, runtime, time, sort...

// How a nested call ended.
enum class CallResult : uint8_t {
  Ok,        // results written
  Panicked,  // the function panicked and nothing in it recovered; the
             // panic value is in *panicType/*panicData (an interface{}),
             // and the panic is over as far as the goroutine is concerned
  Fatal,     // a fatal error (stack overflow...): the native must return
             // false at once; the interpreter ends the program
};

struct PanicValue {
  uint64_t typeWord = 0, dataWord = 0;
};

// Calls the func value `closure` (a pointer to a closure object, whose
// first word is its Function*) with `args` (flattened slots) and copies its
// first results.size() result slots into `results`.
[[nodiscard]] CallResult callClosure(Machine& m, rt::G& g, uint64_t closure,
                                     std::span<const uint64_t> args, std::span<uint64_t> results,
                                     PanicValue* panicked = nullptr);

// Calls method `fn` (a rt::Method::fn, i.e. a const Function*) on an
// interface data word, as CALLI does: the data word is the first argument.
[[nodiscard]] CallResult callMethod(Machine& m, rt::G& g, const void* fn, uint64_t dataWord,
                                    std::span<const uint64_t> args, std::span<uint64_t> results,
                                    PanicValue* panicked = nullptr);

// The slot index of a native's window, and the window again after a
// nested call may have moved the stack.
inline uint64_t nativeOffset(const rt::G& g, const uint64_t* slots) {
  return static_cast<uint64_t>(slots - g.stack);
}
inline uint64_t* nativeSlots(rt::G& g, uint64_t offset) { return g.stack + offset; }

// Program output goes through rt::writeStdout (runtime/print.h).

// os.Args: the program name and the arguments after the .gol file. The gol
// command sets them before the program starts (default: {"gol"}).
void setProgramArgs(std::vector<std::string> args);

}  // namespace gol::vm
