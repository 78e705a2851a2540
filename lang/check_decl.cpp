// Package-level declarations (stub; being implemented).
#include "lang/checker.h"

namespace gol::lang {

void Checker::collectObjects(const std::vector<File*>&) {}
void Checker::packageObjects() {}
void Checker::objDecl(types::Object*) {}
void Checker::constDecl(types::Const*, Expr*, Expr*, int) {}
void Checker::varDecl(types::Var*, const std::vector<types::Var*>&, Expr*, Expr*) {}
void Checker::typeDecl(types::TypeName*, TypeSpec*) {}
void Checker::funcDecl(types::Func*, FuncDecl*) {}
void Checker::collectMethods() {}
void Checker::computeInitOrder() {}
void Checker::declStmt(GenDecl*) {}
void Checker::unusedImports() {}

}  // namespace gol::lang
