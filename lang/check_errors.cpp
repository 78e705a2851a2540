// Messages (placeholder bodies).
#include "lang/checker.h"

namespace gol::lang {

void Checker::error(Pos pos, std::string message) { diags_.error(pos, std::move(message)); }
std::string Checker::operandString(const Operand&) const { return "?"; }
std::string Checker::exprString(const Expr*) { return "?"; }

}  // namespace gol::lang
