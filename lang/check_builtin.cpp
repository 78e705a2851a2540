// The predeclared functions (placeholder bodies).
#include "lang/checker.h"

namespace gol::lang {

bool Checker::builtin(Operand& x, CallExpr*, types::BuiltinId) { x.mode = ExprMode::Invalid; return false; }

}  // namespace gol::lang
