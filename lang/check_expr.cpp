// Expressions (placeholder bodies; the real checks follow).
#include "lang/checker.h"

namespace gol::lang {

void Checker::rawExpr(Operand& x, Expr* e, const types::Type*) { x.mode = ExprMode::Invalid; x.expr = e; }
void Checker::expr(Operand& x, Expr* e) { rawExpr(x, e, nullptr); }
void Checker::exprWithHint(Operand& x, Expr* e, const types::Type* hint) { rawExpr(x, e, hint); }
void Checker::exprOrType(Operand& x, Expr* e) { rawExpr(x, e, nullptr); }
void Checker::multiExpr(std::vector<Operand>& list, Expr* e, bool) { list.emplace_back(); expr(list.back(), e); }
void Checker::unary(Operand& x, UnaryExpr*) { x.mode = ExprMode::Invalid; }
void Checker::binary(Operand& x, Expr*, Expr*, Expr*, Tok, Pos) { x.mode = ExprMode::Invalid; }
void Checker::shift(Operand& x, Operand&, Expr*, Tok) { x.mode = ExprMode::Invalid; }
void Checker::comparison(Operand& x, Operand&, Tok, Expr*) { x.mode = ExprMode::Invalid; }
void Checker::convertUntyped(Operand&, const types::Type*) {}
bool Checker::representable(Operand&, const types::Basic*, ConstValue*) { return true; }
void Checker::updateExprType(Expr*, const types::Type*, bool) {}
void Checker::recordOperand(Operand&) {}
void Checker::indexExpr(Operand& x, IndexExpr*) { x.mode = ExprMode::Invalid; }
void Checker::sliceExpr(Operand& x, SliceExpr*) { x.mode = ExprMode::Invalid; }
void Checker::typeAssertion(Operand& x, TypeAssertExpr*) { x.mode = ExprMode::Invalid; }
void Checker::compositeLit(Operand& x, CompositeLit*, const types::Type*) { x.mode = ExprMode::Invalid; }
void Checker::funcLit(Operand& x, FuncLit*) { x.mode = ExprMode::Invalid; }
bool Checker::index(Expr*, int64_t, int64_t*) { return false; }

}  // namespace gol::lang
