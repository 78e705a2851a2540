// Type expressions (stub; being implemented).
#include "lang/checker.h"

namespace gol::lang {

const types::Type* Checker::typExpr(Expr*) { return nullptr; }
const types::Type* Checker::varType(Expr*) { return nullptr; }
const types::Signature* Checker::funcType(FieldList*, FuncType*, types::Scope*) { return nullptr; }
const types::Struct* Checker::structType(StructType*) { return nullptr; }
const types::Interface* Checker::interfaceType(InterfaceType*, types::Named*) { return nullptr; }
int64_t Checker::arrayLength(Expr*) { return -1; }
void Checker::ident(Operand&, Ident*, types::Named*, bool) {}

}  // namespace gol::lang
