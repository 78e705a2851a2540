// Runtime error and fatal error texts, formatted from the one table in
// panic.h.
//
// Nothing here decides when to panic or prints anything: the interpreter
// raises the error and prints the trace; these functions only turn an
// error code and its operands into Go's exact words, so that every path
// (bounds checks, nil dereference, conversions, the runtime's own fatal
// errors) says the same thing Go says.
#include "runtime/panic.h"

#include <fmt/format.h>

namespace gol::rt {

std::string runtimeErrorText(RuntimeError e, int64_t x, int64_t y, const std::string& s2,
                             const std::string& s3, const std::string& s4) {
  switch (e) {
#define GOL_X(name, fmtPos, fmtNeg) \
  case RuntimeError::name:          \
    return x >= 0 ? fmt::format(fmtPos, x, y, s2, s3, s4) : fmt::format(fmtNeg, x, y, s2, s3, s4);
    GOL_RUNTIME_ERRORS(GOL_X)
#undef GOL_X
  }
  return "unknown runtime error";
}

std::string fatalErrorText(FatalError e, uint64_t number, const std::string& what) {
  switch (e) {
#define GOL_X(name, before, text) \
  case FatalError::name:          \
    return fmt::format(before, number, what) + "fatal error: " + fmt::format(text, number, what) + "\n";
    GOL_FATAL_ERRORS(GOL_X)
#undef GOL_X
  }
  return "fatal error: unknown\n";
}

}  // namespace gol::rt
