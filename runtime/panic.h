// Runtime errors: the one table of panic and fatal-error texts.
//
// Go distinguishes two kinds of run-time failure, and so does gol:
//   - a *runtime error* is a panic (recoverable once defer/recover land):
//     "panic: runtime error: integer divide by zero", then a goroutine
//     trace, exit status 2;
//   - a *fatal error* is not recoverable: "fatal error: stack overflow",
//     "fatal error: all goroutines are asleep - deadlock!", exit status 2.
// The texts are Go's, word for word, because golden tests compare them.
//
// Bounds errors carry two integers and pick one of two formats by the sign
// of the first, as Go's runtime does: `s[5]` on a 3-element slice says
// "index out of range [5] with length 3" but `s[-1]` (a non-constant
// negative index) says "index out of range [-1]".
//
// The traceback that follows a panic is the VM's business (it knows
// frames and line tables); this file only owns the words.
#pragma once

#include <cstdint>
#include <string>

namespace gol::rt {

// X(name, format when the first operand is >= 0, format when it is < 0).
// {0} and {1} are the two integer operands, {2} {3} {4} strings (type and
// method names); formats without them ignore them. The
// text is what follows "panic: " and what the error's Error() returns:
// most begin "runtime error: ", but not all (a nil map write does not).
#define GOL_RUNTIME_ERRORS(X)                                              \
  X(DivideByZero,                                                          \
    "runtime error: integer divide by zero",                               \
    "runtime error: integer divide by zero")                               \
  X(NilDeref,                                                              \
    "runtime error: invalid memory address or nil pointer dereference",    \
    "runtime error: invalid memory address or nil pointer dereference")    \
  X(IndexOutOfRange,                                                       \
    "runtime error: index out of range [{0}] with length {1}",             \
    "runtime error: index out of range [{0}]")                             \
  X(SliceAlen,                                                             \
    "runtime error: slice bounds out of range [:{0}] with length {1}",     \
    "runtime error: slice bounds out of range [:{0}]")                     \
  X(SliceAcap,                                                             \
    "runtime error: slice bounds out of range [:{0}] with capacity {1}",   \
    "runtime error: slice bounds out of range [:{0}]")                     \
  X(SliceB,                                                                \
    "runtime error: slice bounds out of range [{0}:{1}]",                  \
    "runtime error: slice bounds out of range [{0}:]")                     \
  X(Slice3Alen,                                                            \
    "runtime error: slice bounds out of range [::{0}] with length {1}",    \
    "runtime error: slice bounds out of range [::{0}]")                    \
  X(Slice3Acap,                                                            \
    "runtime error: slice bounds out of range [::{0}] with capacity {1}",  \
    "runtime error: slice bounds out of range [::{0}]")                    \
  X(Slice3B,                                                               \
    "runtime error: slice bounds out of range [:{0}:{1}]",                 \
    "runtime error: slice bounds out of range [:{0}:]")                    \
  X(Slice3C,                                                               \
    "runtime error: slice bounds out of range [{0}:{1}:]",                 \
    "runtime error: slice bounds out of range [{0}::]")                    \
  X(NegativeShift,                                                         \
    "runtime error: negative shift amount",                                \
    "runtime error: negative shift amount")                                \
  X(MakeSliceLen,                                                          \
    "runtime error: makeslice: len out of range",                          \
    "runtime error: makeslice: len out of range")                          \
  X(MakeSliceCap,                                                          \
    "runtime error: makeslice: cap out of range",                          \
    "runtime error: makeslice: cap out of range")                          \
  X(GrowSliceLen,                                                          \
    "runtime error: growslice: len out of range",                          \
    "runtime error: growslice: len out of range")                          \
  X(SendOnClosed, "send on closed channel", "send on closed channel")     \
  X(CloseOfClosed, "close of closed channel", "close of closed channel")   \
  X(CloseOfNil, "close of nil channel", "close of nil channel")            \
  X(MakeChanSize,                                                          \
    "makechan: size out of range",                                         \
    "makechan: size out of range")                                         \
  X(NilMapWrite,                                                           \
    "assignment to entry in nil map",                                      \
    "assignment to entry in nil map")                                      \
  X(UnhashableKey,                                                         \
    "runtime error: hash of unhashable type {2}",                          \
    "runtime error: hash of unhashable type {2}")                          \
  X(Uncomparable,                                                          \
    "runtime error: comparing uncomparable type {2}",                      \
    "runtime error: comparing uncomparable type {2}")                      \
  X(AssertFromEmpty,                                                       \
    "interface conversion: interface {{}} is {2}, not {3}",                \
    "interface conversion: interface {{}} is {2}, not {3}")                \
  X(AssertFromIface,                                                       \
    "interface conversion: {4} is {2}, not {3}",                           \
    "interface conversion: {4} is {2}, not {3}")                           \
  X(AssertMissingMethod,                                                   \
    "interface conversion: {2} is not {3}: missing method {4}",            \
    "interface conversion: {2} is not {3}: missing method {4}")            \
  X(AssertNilToIface,                                                      \
    "interface conversion: interface is nil, not {3}",                     \
    "interface conversion: interface is nil, not {3}")

enum class RuntimeError : uint8_t {
#define GOL_X(name, fmtPos, fmtNeg) name,
  GOL_RUNTIME_ERRORS(GOL_X)
#undef GOL_X
};

// The text after "panic: ".
std::string runtimeErrorText(RuntimeError e, int64_t x, int64_t y, const std::string& s2 = "",
                             const std::string& s3 = "", const std::string& s4 = "");

// Extra line Go prints after the panic line for faults it took as a signal.
// Go prints the faulting pc; gol has none to give and prints 0x0.
inline constexpr const char* kNilDerefSignalLine =
    "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";

// X(name, lines before "fatal error: ...", text after "fatal error: ").
// {0} in the first column is replaced by a number (the stack limit).
#define GOL_FATAL_ERRORS(X)                                                                     \
  X(StackOverflow, "runtime: goroutine stack exceeds {0}-byte limit\n", "stack overflow")       \
  X(Deadlock, "", "all goroutines are asleep - deadlock!")                                      \
  X(GoexitDeadlock, "", "no goroutines (main called runtime.Goexit) - deadlock!")            \
  X(Throw, "", "{1}") /* the runtime's or sync's own text: "sync: unlock of unlocked mutex" */ \
  X(NotImplemented, "", "gol: {1} is not implemented yet")

enum class FatalError : uint8_t {
#define GOL_X(name, before, text) name,
  GOL_FATAL_ERRORS(GOL_X)
#undef GOL_X
};

// The whole head of a fatal report, e.g. "runtime: goroutine stack exceeds
// 1000000000-byte limit\nfatal error: stack overflow\n".
std::string fatalErrorText(FatalError e, uint64_t number, const std::string& what);

inline constexpr int kPanicExitCode = 2;  // panics and fatal errors both exit 2, as Go

}  // namespace gol::rt
