// The checker's internal state, shared by the check_*.cpp files.
//
// Not a public interface (that is check.h). The structure follows go/types:
//
//   check_decl.cpp    package-level collection (collectObjects), lazy
//                     resolution of package objects with cycle detection
//                     (objDecl: white/grey/black colouring, "invalid
//                     recursive type", "initialization cycle"), const/var/
//                     type/func declarations, methods, init order, local
//                     declarations (declStmt), unused imports.
//   check_stmt.cpp    function bodies and every statement; labels and
//                     branch targets; terminating-statement analysis
//                     ("missing return"); "declared and not used".
//   check_assign.cpp  assignments, := and var initialisation, assignment
//                     count mismatches.
//   check_typexpr.cpp type expressions: named types, arrays, slices, maps,
//                     chans, funcs, structs, interfaces.
//   check_expr.cpp    operands: identifiers, literals, unary/binary
//                     operators, shifts, comparisons, untyped constants and
//                     their implicit conversion, representability, index,
//                     slice, type assertion, composite literals, func lits.
//   check_call.cpp    calls, arguments (variadic, f(g())), conversions,
//                     selectors (fields, methods, qualified identifiers).
//   check_builtin.cpp the predeclared functions.
//   check_errors.cpp  operand and expression printing for messages
//                     (types2's wording: `x (variable of type int)`).
//
// Every expression the checker evaluates ends with recordOperand(), which
// writes mode/type/value into the AST node. Untyped expressions are
// recorded provisionally and fixed up when their final type is known
// (updateExprType), as go/types does, so codegen sees concrete types on every
// node except constant operands of shifts and comparisons' untyped sides.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lang/check.h"
#include "lang/types.h"

namespace gol::lang {

// An expression being checked (go/types' operand).
struct Operand {
  ExprMode mode = ExprMode::Invalid;
  Expr* expr = nullptr;               // the expression (for messages)
  const types::Type* type = nullptr;  // for TypeExpr: the type denoted
  ConstValue val;                     // for Constant
  types::BuiltinId builtin{};         // for Builtin

  bool invalid() const { return mode == ExprMode::Invalid; }
};

// Per package-level object: where it was declared and what it depends on.
struct DeclInfo {
  File* file = nullptr;
  types::Scope* fileScope = nullptr;          // the file's scope (imports)
  std::vector<types::Var*> lhs;               // for `var a, b = f()`: all of them
  Expr* typeExpr = nullptr;                   // may be null
  Expr* init = nullptr;                       // may be null
  int iota = 0;                               // for consts
  TypeSpec* typeSpec = nullptr;               // for type names
  FuncDecl* funcDecl = nullptr;               // for funcs and methods
  std::set<types::Object*> deps;              // package-level objects referenced (init order)
  enum class Color : uint8_t { White, Grey, Black } color = Color::White;
};

// The function being checked (a FuncDecl body or a FuncLit).
struct FuncContext {
  const types::Signature* sig = nullptr;
  types::Scope* scope = nullptr;  // the function's outermost scope
  FuncLit* lit = nullptr;         // non-null inside a function literal
  FuncContext* outer = nullptr;   // enclosing function, for closures
  bool hasDefer = false;
  bool hasRecover = false;
  // Labels of the function body (not of nested literals), and the labeled
  // statements enclosing the statement being checked (check_stmt.cpp).
  std::map<std::string, types::Label*> labels;
  std::vector<LabeledStmt*> enclosingLabels;
  // Statements an unlabeled break / continue would leave or continue.
  std::vector<Stmt*> breakTargets;
  std::vector<Stmt*> continueTargets;
};

// Where a statement sits, for break/continue/fallthrough legality.
enum StmtContext : uint8_t {
  kBreakOk = 1 << 0,
  kContinueOk = 1 << 1,
  kFallthroughOk = 1 << 2,
  kFinalSwitchCase = 1 << 3,
  kInTypeSwitch = 1 << 4,
};

class Checker {
 public:
  Checker(types::Universe& universe, types::Package* pkg, Diagnostics& diags, const Importer& importer,
          const CheckConfig& config);

  void checkFiles(const std::vector<File*>& files);
  // Bodies on demand (CheckConfig::bodiesOnDemand, check.cpp).
  void checkDeclBody(FuncDecl* decl, types::Func* obj);
  void runLater();
  void initBodies();
  bool checkPendingBody(types::Func* f);  // false: none pending for f
  void checkBody(types::Func* f);         // and finishes it as checkFiles would
  void checkAllBodies();

  // ---- check_decl.cpp
  void collectObjects(const std::vector<File*>& files);
  void packageObjects();
  void objDecl(types::Object* obj);
  void constDecl(types::Const* obj, Expr* typeExpr, Expr* init, int iota);
  void varDecl(types::Var* obj, const std::vector<types::Var*>& lhs, Expr* typeExpr, Expr* init);
  void typeDecl(types::TypeName* obj, TypeSpec* spec);
  void funcDecl(types::Func* obj, FuncDecl* decl);
  void collectMethods();
  void computeInitOrder();
  void declStmt(GenDecl* decl);
  void unusedImports();

  // ---- check_stmt.cpp
  void funcBody(const std::string& name, const types::Signature* sig, BlockStmt* body, types::Scope* scope,
                FuncLit* lit);
  void stmtList(uint8_t ctx, const std::vector<Stmt*>& list);
  void stmt(uint8_t ctx, Stmt* s);
  bool isTerminating(Stmt* s, const std::string& label);
  void labels(BlockStmt* body);
  void usage(types::Scope* scope);  // "declared and not used"
  void openScope(Node* n, const std::string& comment);
  void closeScope();

  // ---- check_assign.cpp
  // Checks that x can be assigned to a variable of type t, converting an
  // untyped x; context names the assignment for messages ("assignment",
  // "argument", "return statement", "variable declaration", ...).
  void assignment(Operand& x, const types::Type* t, const std::string& context);
  void assignVar(Expr* lhs, Operand& x);
  void initVars(const std::vector<types::Var*>& lhs, const std::vector<Expr*>& rhs, Node* returnStmt);
  void assignVars(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs);
  void shortVarDecl(AssignStmt* s);
  void declareVar(types::Var* v, Ident* id);

  // ---- check_typexpr.cpp
  const types::Type* typExpr(Expr* e);           // must denote a type
  const types::Type* varType(Expr* e);           // a type usable for variables
  const types::Signature* funcType(FieldList* recv, FuncType* ft, types::Scope* scope);
  const types::Struct* structType(StructType* st);
  const types::Interface* interfaceType(InterfaceType* it, types::Named* def);
  int64_t arrayLength(Expr* e);
  // Resolves a type name in a type expression (ident or qualified ident).
  void ident(Operand& x, Ident* e, types::Named* def, bool wantType);

  // ---- check_expr.cpp
  void rawExpr(Operand& x, Expr* e, const types::Type* hint);  // anything: value, type, builtin...
  void expr(Operand& x, Expr* e);                               // a single value
  void exprWithHint(Operand& x, Expr* e, const types::Type* hint);  // composite-literal elision hint
  void exprOrType(Operand& x, Expr* e);
  void multiExpr(std::vector<Operand>& list, Expr* e, bool allowCommaOk);
  void unary(Operand& x, UnaryExpr* e);
  void binary(Operand& x, Expr* e, Expr* lhs, Expr* rhs, Tok op, Pos opPos);
  void shift(Operand& x, Operand& y, Expr* e, Tok op);
  void comparison(Operand& x, Operand& y, Tok op, Expr* e);
  std::string incomparableCause(const types::Type* t);
  void convertUntyped(Operand& x, const types::Type* target);
  bool representable(Operand& x, const types::Basic* t, ConstValue* rounded);
  void updateExprType(Expr* e, const types::Type* t, bool final);
  void recordOperand(Operand& x);
  void indexExpr(Operand& x, IndexExpr* e);
  void sliceExpr(Operand& x, SliceExpr* e);
  void typeAssertion(Operand& x, TypeAssertExpr* e);
  void compositeLit(Operand& x, CompositeLit* e, const types::Type* hint);
  void funcLit(Operand& x, FuncLit* e);
  // Index must be a non-negative integer (constant: < max when max >= 0).
  bool index(Expr* e, int64_t max, int64_t* value);
  // Helpers of the expression side that statements use too (go/types'
  // names): the implicit type and value an
  // untyped operand takes in a context of type target (reports nothing);
  // the check that a typed constant is representable in its type.
  enum class ConvError : uint8_t { None, Invalid, Truncated, Overflow };
  ConvError implicitTypeAndValue(const Operand& x, const types::Type* target, const types::Type** newType,
                                 ConstValue* val);
  void representableOrError(Operand& x, const types::Basic* t);
  void overflow(Operand& x, Pos opPos);
  void matchTypes(Operand& x, Operand& y);
  void singleValue(Operand& x);
  void updateExprVal(Expr* e, const ConstValue& v);
  void updateExprType0(Expr* parent, Expr* e, const types::Type* t, bool final);
  void addDeclDep(types::Object* obj);
  void use(const std::vector<Expr*>& list);  // evaluates for effect after an error
  bool isNil(const Operand& x) const;
  // After all bodies: non-constant expressions still untyped (conditions,
  // comparison results used as bool) get their default type, so codegen
  // sees `bool`; untyped nil and constants keep theirs.
  void finalizeUntyped();
  const types::Basic* basic(types::BasicKind k) const { return u_.basic(k); }

  // ---- check_call.cpp
  void callExpr(Operand& x, CallExpr* e);
  void arguments(CallExpr* call, const types::Signature* sig, std::vector<Operand>& args);
  void conversion(Operand& x, const types::Type* t, CallExpr* call);
  void selector(Operand& x, SelectorExpr* e);

  // ---- check_builtin.cpp
  bool builtin(Operand& x, CallExpr* call, types::BuiltinId id);

  // ---- check_errors.cpp
  void error(Pos pos, std::string message);
  template <typename... Args>
  void errorf(Pos pos, fmt::format_string<Args...> f, Args&&... args) {
    error(pos, fmt::format(f, std::forward<Args>(args)...));
  }
  std::string typeStr(const types::Type* t) const { return types::typeString(t, pkg_); }
  // types2's operand description: `x (variable of type int)`,
  // `300 (untyped int constant)`, `c (untyped int constant 300)`, `f() (value of type T)`.
  std::string operandString(const Operand& x) const;
  // The expression as gc prints it in messages (types2's ExprString).
  static std::string exprString(const Expr* e);

  // ---- state
  types::Universe& u_;
  types::Package* pkg_;
  Diagnostics& diags_;
  const Importer& importer_;
  CheckConfig config_;

  std::map<types::Object*, DeclInfo> objMap_;   // package-level objects
  std::vector<types::Object*> objList_;         // in source order
  std::vector<types::Scope*> fileScopes_;
  std::vector<std::pair<types::Func*, FuncDecl*>> methods_;  // to attach to receiver types
  std::vector<std::pair<types::PkgName*, ImportSpec*>> imports_;
  types::Scope* scope_ = nullptr;               // current scope
  FuncContext* fctx_ = nullptr;                 // current function, null at package level
  types::Object* currentDecl_ = nullptr;        // package object being resolved (deps)
  std::vector<types::Object*> declPath_;        // objects being resolved (cycle reports)
  int iota_ = -1;                               // current iota, -1 outside const decls
  // Untyped expressions awaiting their final type (go/types' untyped map).
  std::map<Expr*, Operand> untyped_;
  // Nested function literals still to check once the enclosing package
  // objects are resolved (bodies are checked after declarations).
  std::vector<std::pair<FuncDecl*, types::Func*>> funcBodies_;
  std::map<types::Func*, FuncDecl*> pendingBodies_;  // bodies on demand, not checked yet
  std::map<FuncDecl*, BlockStmt*> stashedBodies_;     // their bodies, out of their decls meanwhile
  // exprs: the left operands of non-constant shifts whose untyped type is
  // still open (go/types' isLhs), whether the expression being evaluated
  // contains a call or receive (len/cap constness), and nesting depth.
  std::set<Expr*> shiftLhs_;
  bool hasCallOrRecv_ = false;
  int exprDepth_ = 0;

  // ---- internal to the checker branch's files (check_decl/stmt/assign/typexpr.cpp)
  // Resolves e as a type; def is the Named being defined by `type def e`.
  const types::Type* definedType(Expr* e, types::Named* def);
  void declare(types::Scope* scope, Ident* id, types::Object* obj);
  void declarePackageObject(Ident* id, types::Object* obj);
  // Records that the current package-level declaration depends on obj.
  void recordDep(types::Object* obj);
  // A use of a local variable from inside a nested function literal.
  void recordCapture(types::Var* v);
  bool isPackageObject(const types::Object* obj) const;
  void resolvePendingUnder(const types::Named* t);
  void cycleError(const std::vector<types::Object*>& cycle);
  void validType(types::Named* t, std::vector<types::Named*>& path);
  void attachMethods(types::TypeName* obj, types::Named* named);
  void checkReceiver(types::Func* obj, FuncDecl* decl);
  void initConst(types::Const* obj, Operand& x, const types::Type* t);
  void initVar(types::Var* v, Operand& x, const std::string& context);
  void initVarsCtx(const std::vector<types::Var*>& lhs, const std::vector<Expr*>& rhs, ReturnStmt* returnStmt,
                   const std::string& context);
  void assignError(const std::vector<Expr*>& rhs, size_t l, size_t r);
  void returnError(ReturnStmt* s, const std::vector<types::Var*>& lhs, const std::vector<Operand>& rhs);
  void constSpecs(GenDecl* decl, File* file, types::Scope* fileScope);
  void arity(Pos pos, const std::vector<Ident*>& names, const std::vector<Expr*>& inits, bool constDecl,
             bool inherited);
  void rangeStmt(uint8_t ctx, RangeStmt* s);
  void switchStmt(uint8_t ctx, SwitchStmt* s);
  void typeSwitchStmt(uint8_t ctx, TypeSwitchStmt* s);
  void selectStmt(uint8_t ctx, SelectStmt* s);
  void branchStmt(uint8_t ctx, BranchStmt* s);
  void returnStatement(ReturnStmt* s);
  void suspendedCall(const char* keyword, CallExpr* call);
  void collectLabels(Stmt* s);

  // Label and branch errors: gc finds them while parsing, so they precede
  // every type error. They are buffered and checkPackage emits them first,
  // in function order, skipping any the parser's own branch check
  // (ParseOptions::checkBranches) already reported.
  struct BranchError {
    Pos funcPos;  // the top-level declaration containing the statement
    Diagnostic diag;
  };
  void branchError(Pos pos, std::string message);
  template <typename... Args>
  void branchErrorf(Pos pos, fmt::format_string<Args...> f, Args&&... args) {
    branchError(pos, fmt::format(f, std::forward<Args>(args)...));
  }
  std::vector<BranchError> branchErrors_;
  Pos branchFuncPos_;

  // While checking a const spec's inherited initialiser (`const ( a = iota*2; b )`),
  // errors point at the constant (gc's errpos), not into the earlier spec.
  Pos errpos_;
  std::set<const types::Object*> inheritedConsts_;
  // Dot imports, to mark them used when one of their names is.
  std::map<const types::Package*, types::PkgName*> dotImports_;

  std::map<std::string, std::vector<std::pair<types::Func*, FuncDecl*>>> methodsByBase_;
  std::map<FuncDecl*, types::Scope*> funcScopes_;   // a FuncDecl's parameter scope
  std::set<const types::Named*> validated_;          // validType done
  std::vector<Pos> missingBodies_;                   // reported only if nothing else is
  // Defined types whose underlying type is that of a type still being
  // resolved (`type T2 T1` inside T1's struct): filled in when it is.
  std::map<types::Named*, const types::Named*> pendingUnder_;
  std::map<const types::Named*, const types::Named*> underFrom_;  // resolved waits, for validType
  std::vector<std::function<void()>> later_;         // checks run once package objects are resolved
};

}  // namespace gol::lang
