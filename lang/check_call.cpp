// Calls, conversions and selectors (placeholder bodies).
#include "lang/checker.h"

namespace gol::lang {

void Checker::callExpr(Operand& x, CallExpr*) { x.mode = ExprMode::Invalid; }
void Checker::arguments(CallExpr*, const types::Signature*, std::vector<Operand>&) {}
void Checker::conversion(Operand& x, const types::Type*, CallExpr*) { x.mode = ExprMode::Invalid; }
void Checker::selector(Operand& x, SelectorExpr*) { x.mode = ExprMode::Invalid; }

}  // namespace gol::lang
