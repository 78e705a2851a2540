// The print and println builtins, and the values in panic messages.
//
// Go's runtime formats these itself, without fmt, and so does gol: print
// writes straight to stderr (unbuffered, as Go's does) in the runtime's
// own formats, which are not fmt's: floats always as +d.dddddde+ddd,
// pointers in hex, a slice as [len/cap]0xptr, an interface as
// (0xtype,0xdata). The float digits come from the runtime's simple
// algorithm (scale by ten until one digit is left of the point, add half a
// unit of the 7th digit, peel digits off), not from a correctly rounded
// conversion, so a subnormal can print a last digit that printf would
// not; gol repeats the algorithm to print the same bytes.
//
// Output goes through writeStderr, which tests may redirect.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gol::rt {

std::string printFloat(double v);
std::string printHex(uint64_t v);  // "0x0", "0xc000012345"

// What PRINT writes for each kind of operand.
enum class PrintKind : uint8_t { Int, Uint, Float, Bool, String, Pointer, Slice, Iface, Space, Newline };

void writeStderr(std::string_view s);
// Test hook: while set, writeStderr appends here instead (not thread-safe).
void captureStderr(std::string* sink);

// Program output (fmt.Print*, os.Stdout). Buffered: flushed when the
// buffer fills, by flushStdout (the gol command calls it at exit) and
// before anything goes to stderr.
void writeStdout(std::string_view s);
void flushStdout();
void captureStdout(std::string* sink);  // test hook, as captureStderr

// Writing stdout may block the thread (a full pipe): the scheduler
// installs hooks that put the calling goroutine in the system-call state
// around the write(2), so that its P can go to other goroutines. Each
// does nothing when the calling thread runs no goroutine.
void setBlockingWriteHooks(void (*enter)(), void (*exit)());

}  // namespace gol::rt
