// Assignments (stub; being implemented).
#include "lang/checker.h"

namespace gol::lang {

void Checker::assignment(Operand&, const types::Type*, const std::string&) {}
void Checker::assignVar(Expr*, Operand&) {}
void Checker::initVars(const std::vector<types::Var*>&, const std::vector<Expr*>&, Node*) {}
void Checker::assignVars(const std::vector<Expr*>&, const std::vector<Expr*>&) {}
void Checker::shortVarDecl(AssignStmt*) {}
void Checker::declareVar(types::Var*, Ident*) {}

}  // namespace gol::lang
