// fmt's formatting engine: Go's Printf, Print and Println, and strconv's
// float conversions, on values described by TypeDesc.
//
// Go's fmt walks values with reflect; gol's walks them with the TypeDesc
// codegen emits and the memory layout Go uses (runtime/typedesc.h), so a
// value to print is a (type, address) pair. Operands of Printf & co. are
// empty interfaces (Eface): a TypeDesc* (null for nil) and the data word,
// which is the value for pointer-shaped types and the address of a boxed
// copy otherwise (runtime/iface.h).
//
// The engine follows Go 1.22's fmt closely, in its structure as much as in
// its output, because the output is specified only by that code: printArg
// (operands at the top level: nil, %T, %p), handleMethods (Error, then
// String; GoString for %#v; panics in them caught and printed as
// %!v(PANIC=String method: ...), a nil pointer receiver as <nil>),
// printValue (the walk of composite values: the '&' of a pointer at depth 0
// only, maps sorted as internal/fmtsort sorts them, methods called only on
// values reachable through exported fields), and the fmt type's padding
// and number layouts (zero padding after the sign, %#x prefixes, %x on
// strings with spaces, %q through Go's quoting). Formatter (Format(State,
// rune)) methods are run through the MethodCaller too (fmt.gol builds the
// State); what Format writes before it panics is lost, where Go keeps it.
// Go's printers come from a sync.Pool and keep their last width and
// precision, which a Format method can see through State even when the
// verb has none; the engine keeps them the same way (a per-thread pool).
//
// Interface map keys of different dynamic types: Go orders them by the
// addresses of their type descriptors, i.e. by its linker's layout; the
// engine reproduces that order for the predeclared types and falls back
// to descriptor addresses (creation order) for the others.
//
// The engine never runs Gol code: methods are called through a
// MethodCaller, which the natives (vm/natives_fmt.cpp) implement with
// vm::callMethod and the unit tests with fakes. A fatal error in a method
// call stops formatting: the functions return false and the caller must
// give up (the interpreter ends the program).
//
// Floats: the digits come from std::to_chars (shortest round-trip digits,
// or correctly rounded ones for a precision), and Go's layouts for %e, %f,
// %g, %b and %x are built on them here, as strconv's formatDigits does.
// Laying out %f from the shortest digits ourselves (instead of asking
// to_chars for fixed notation) keeps Go's answer for large values: 1e23
// is "100000000000000000000000" in Go, where the fixed notation nearest
// the binary value would be 99999999999999991611392.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/typedesc.h"

namespace gol::rt {

// An `any` value: the dynamic type (null: nil) and the data word.
struct Eface {
  const TypeDesc* type = nullptr;
  uint64_t data = 0;
};

enum class MethodCallResult : uint8_t { Ok, Panicked, Fatal };

// Calls a `func() string` method (Error, String, GoString) on an interface
// data word. On Ok, *result holds the string; on Panicked, *panicValue
// holds what the method panicked with (an `any`).
class MethodCaller {
 public:
  virtual ~MethodCaller() = default;
  virtual MethodCallResult callStringMethod(const Method& method, uint64_t dataWord,
                                            std::string* result, Eface* panicValue) = 0;
  // fmt.Formatter: runs the Format method of `operand` (whose type has a
  // method named Format) with a fmt.State holding `flags` ("+-# 0", those
  // set), width and precision, and sets *output to what it wrote. Sets
  // *handled false when the method is not Format(State, rune) after all.
  virtual MethodCallResult callFormat(Eface operand, char32_t verb, std::string_view flags,
                                      int64_t wid, bool widPresent, int64_t prec, bool precPresent,
                                      std::string* output, Eface* panicValue, bool* handled) {
    (void)operand, (void)verb, (void)flags, (void)wid, (void)widPresent, (void)prec;
    (void)precPresent, (void)output, (void)panicValue;
    *handled = false;
    return MethodCallResult::Ok;
  }
  // Errors whose Error method is not Gol code (the runtime errors of
  // vm::runtimeErrorType): sets *text for a value of type t at p and
  // returns true; fmt then treats the value as an error with that text.
  virtual bool builtinErrorText(const TypeDesc* t, const void* p, std::string* text) {
    (void)t;
    (void)p;
    (void)text;
    return false;
  }
};

// Each appends to `out`; `caller` may be null (no methods are called).
// False only when a method call ended in a fatal error.
// For Errorf, `wrapped` (when given) receives the sorted, distinct indexes
// of the operands of %w verbs, and %w is accepted for error operands.
[[nodiscard]] bool formatPrintf(std::string& out, std::string_view format,
                                std::span<const Eface> args, MethodCaller* caller,
                                std::vector<int64_t>* wrapped = nullptr);
[[nodiscard]] bool formatPrint(std::string& out, std::span<const Eface> args, MethodCaller* caller);
[[nodiscard]] bool formatPrintln(std::string& out, std::span<const Eface> args,
                                 MethodCaller* caller);

// One value of type t at address p (Go's layout), as Printf's `verb`
// with no flags formats it at the top level.
[[nodiscard]] bool formatValue(std::string& out, const TypeDesc* t, const void* p, char verb,
                               MethodCaller* caller);

// The dynamic type of an interface value of (static) interface type
// `iface` whose first word is `word`: a TypeDesc* for the empty
// interface, the Itab's type otherwise. Null for a nil interface.
const TypeDesc* dynamicType(const TypeDesc* iface, uint64_t word);

// strconv.FormatFloat: fmt one of 'b' 'e' 'E' 'f' 'g' 'G' 'x' 'X' (any
// other gives "%" fmt, as Go), prec -1 for the shortest digits that read
// back as the same float of bitSize (32 or 64).
std::string formatFloat(double v, char fmt, int prec, int bitSize);

// strconv.ParseFloat's work: code 0 (ok), 1 (syntax error: value 0) or 2
// (out of range: value ±Inf). Values too small to represent round to 0
// (or a subnormal) without an error, as in Go.
struct ParsedFloat {
  double value = 0;
  int code = 0;
};
ParsedFloat parseFloat(std::string_view s, int bitSize);

// strconv.Quote (asciiOnly: QuoteToASCII) and QuoteRune, and strconv.IsPrint.
std::string quoteString(std::string_view s, bool asciiOnly);
std::string quoteRune(int32_t r, bool asciiOnly);
bool isPrintRune(int32_t r);

}  // namespace gol::rt
