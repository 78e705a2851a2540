// Runtime error texts (the table is in panic.h).
#include "runtime/panic.h"

#include <fmt/format.h>

namespace gol::rt {

std::string runtimeErrorText(RuntimeError e, int64_t x, int64_t y, const std::string& typeName) {
  switch (e) {
#define GOL_X(name, fmtPos, fmtNeg) \
  case RuntimeError::name:          \
    return x >= 0 ? fmt::format(fmtPos, x, y, typeName) : fmt::format(fmtNeg, x, y, typeName);
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
