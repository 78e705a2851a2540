// Statements (stub; being implemented).
#include "lang/checker.h"

namespace gol::lang {

void Checker::funcBody(const std::string&, const types::Signature*, BlockStmt*, types::Scope*, FuncLit*) {}
void Checker::stmtList(uint8_t, const std::vector<Stmt*>&) {}
void Checker::stmt(uint8_t, Stmt*) {}
bool Checker::isTerminating(Stmt*, const std::string&) { return false; }
void Checker::labels(BlockStmt*) {}
void Checker::usage(types::Scope*) {}
void Checker::openScope(Node*, const std::string&) {}
void Checker::closeScope() {}

}  // namespace gol::lang
