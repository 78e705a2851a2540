// The abstract syntax tree of Gol.
//
// Shaped like Go's go/ast, so anyone who knows that package can read this one:
// the same node names and the same fields, with positions (file, line, column)
// on every node. The parser builds it; the checker fills in the annotation
// fields marked "checker:" (types, constant values, resolved objects) and
// nothing else writes to it. Later stages (escape analysis, codegen) read the
// annotated tree and never change it.
//
// Nodes are owned by an AstArena and live as long as the compilation; child
// pointers are plain non-owning pointers. A pointer field that may be absent
// says so ("may be null").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lang/constant.h"
#include "lang/source.h"
#include "lang/token.h"

namespace gol::lang {

namespace types {
class Type;
class Object;
class Var;
class Func;
class Scope;
struct Selection;
}  // namespace types

#define GOL_AST_NODES(X)                                                       \
  /* expressions */                                                            \
  X(BadExpr) X(Ident) X(Ellipsis) X(BasicLit) X(FuncLit) X(CompositeLit)       \
  X(ParenExpr) X(SelectorExpr) X(IndexExpr) X(SliceExpr) X(TypeAssertExpr)    \
  X(CallExpr) X(StarExpr) X(UnaryExpr) X(BinaryExpr) X(KeyValueExpr)          \
  /* type expressions */                                                       \
  X(ArrayType) X(StructType) X(FuncType) X(InterfaceType) X(MapType)          \
  X(ChanType)                                                                  \
  /* statements */                                                             \
  X(BadStmt) X(DeclStmt) X(EmptyStmt) X(LabeledStmt) X(ExprStmt) X(SendStmt) \
  X(IncDecStmt) X(AssignStmt) X(GoStmt) X(DeferStmt) X(ReturnStmt)            \
  X(BranchStmt) X(BlockStmt) X(IfStmt) X(CaseClause) X(SwitchStmt)            \
  X(TypeSwitchStmt) X(CommClause) X(SelectStmt) X(ForStmt) X(RangeStmt)       \
  /* specs and declarations */                                                 \
  X(ImportSpec) X(ValueSpec) X(TypeSpec) X(BadDecl) X(GenDecl) X(FuncDecl)    \
  /* other */                                                                  \
  X(Field) X(FieldList) X(File)

enum class NodeKind : uint8_t {
#define GOL_AST_ENUM(name) name,
  GOL_AST_NODES(GOL_AST_ENUM)
#undef GOL_AST_ENUM
};

const char* nodeKindName(NodeKind k);

struct Node {
  NodeKind kind;
  Pos pos;  // position of the node's first token (go/ast's Pos())

  Node(NodeKind k, Pos p) : kind(k), pos(p) {}
  virtual ~Node() = default;

  template <typename T> bool is() const { return kind == T::kKind; }
  template <typename T> T* as() { return is<T>() ? static_cast<T*>(this) : nullptr; }
  template <typename T> const T* as() const { return is<T>() ? static_cast<const T*>(this) : nullptr; }
};

#define GOL_NODE(Name, Base)                                \
  static constexpr NodeKind kKind = NodeKind::Name;        \
  explicit Name(Pos p) : Base(NodeKind::Name, p) {}

// ---------------------------------------------------------------------------
// Expressions

// What an expression denotes, as go/types' operand modes.
enum class ExprMode : uint8_t {
  Invalid,   // not yet checked, or an error was reported
  NoValue,   // a call of a function without results
  Builtin,   // a built-in function name (len, append, ...)
  TypeExpr,  // the expression denotes a type
  Constant,  // a constant: ExprInfo::value holds it
  Variable,  // an addressable value
  MapIndex,  // m[k]: assignable, not addressable, comma-ok capable
  Value,     // any other value
  CommaOk,   // a value that may be used in v, ok := ... (recv, assertion)
  Package,   // a package name (only as the X of a selector)
};

struct Expr : Node {
  using Node::Node;
  // checker: what the expression is. For a TypeExpr, `type` is the type it
  // denotes. For a Constant, `value` holds the exact value and `type` is its
  // (possibly untyped, then defaulted) type after implicit conversion.
  ExprMode mode = ExprMode::Invalid;
  const types::Type* type = nullptr;
  ConstValue value;
};

struct BadExpr : Expr { GOL_NODE(BadExpr, Expr) };

struct Ident : Expr {
  GOL_NODE(Ident, Expr)
  std::string name;
  types::Object* obj = nullptr;  // checker: the object named, or defined here
  bool isDef = false;            // checker: this occurrence declares obj
};

// `...T` in a parameter list, or `[...]T` in an array literal type.
struct Ellipsis : Expr {
  GOL_NODE(Ellipsis, Expr)
  Expr* elt = nullptr;  // may be null in [...]T
};

struct BasicLit : Expr {
  GOL_NODE(BasicLit, Expr)
  Tok litKind = Tok::Int;  // Int, Float, Imag, Char or String
  std::string lit;         // the literal exactly as written
  bool bad = false;        // malformed; the lexer reported it, its value is unknown
};

struct FuncType;
struct BlockStmt;

struct FuncLit : Expr {
  GOL_NODE(FuncLit, Expr)
  FuncType* sig = nullptr;
  BlockStmt* body = nullptr;
  // checker: variables of enclosing functions this literal refers to, in
  // order of first use (captured by reference, Go semantics).
  std::vector<types::Var*> captures;
};

struct CompositeLit : Expr {
  GOL_NODE(CompositeLit, Expr)
  Expr* typeExpr = nullptr;   // may be null for elided types inside a literal
  std::vector<Expr*> elts;    // KeyValueExpr where keyed
  Pos lbrace, rbrace;
};

struct ParenExpr : Expr {
  GOL_NODE(ParenExpr, Expr)
  Expr* x = nullptr;
};

struct SelectorExpr : Expr {
  GOL_NODE(SelectorExpr, Expr)
  Expr* x = nullptr;
  Ident* sel = nullptr;
  // checker: for a field or method selection, how it was found (path
  // through embedded fields, kind); null for a qualified identifier
  // (pkg.Name), where sel->obj is the package member.
  const types::Selection* selection = nullptr;
};

struct IndexExpr : Expr {
  GOL_NODE(IndexExpr, Expr)
  Expr* x = nullptr;
  Expr* index = nullptr;
};

struct SliceExpr : Expr {
  GOL_NODE(SliceExpr, Expr)
  Expr* x = nullptr;
  Expr* low = nullptr;   // may be null
  Expr* high = nullptr;  // may be null
  Expr* max = nullptr;   // may be null; set only when slice3
  bool slice3 = false;
};

struct TypeAssertExpr : Expr {
  GOL_NODE(TypeAssertExpr, Expr)
  Expr* x = nullptr;
  Expr* typeExpr = nullptr;  // null for x.(type) in a type switch
};

// What a call expression turned out to be (checker).
enum class CallKind : uint8_t { Unknown, Conversion, Builtin, Function, Method, Interface, FuncValue };

struct CallExpr : Expr {
  GOL_NODE(CallExpr, Expr)
  Expr* fun = nullptr;
  std::vector<Expr*> args;
  bool hasEllipsis = false;  // f(xs...)
  Pos lparen, rparen;
  CallKind callKind = CallKind::Unknown;  // checker
};

// *x: a dereference, or a pointer type.
struct StarExpr : Expr {
  GOL_NODE(StarExpr, Expr)
  Expr* x = nullptr;
};

struct UnaryExpr : Expr {
  GOL_NODE(UnaryExpr, Expr)
  Tok op = Tok::Illegal;  // Add, Sub, Not, Xor, And (&x), Arrow (<-x)
  Expr* x = nullptr;
};

struct BinaryExpr : Expr {
  GOL_NODE(BinaryExpr, Expr)
  Tok op = Tok::Illegal;
  Pos opPos;
  Expr* x = nullptr;
  Expr* y = nullptr;
};

struct KeyValueExpr : Expr {
  GOL_NODE(KeyValueExpr, Expr)
  Expr* key = nullptr;
  Expr* value = nullptr;
};

// ---------------------------------------------------------------------------
// Type expressions

struct ArrayType : Expr {
  GOL_NODE(ArrayType, Expr)
  Expr* len = nullptr;  // null for a slice type; Ellipsis for [...]T
  Expr* elt = nullptr;
};

struct Field : Node {
  GOL_NODE(Field, Node)
  std::vector<Ident*> names;  // empty for anonymous/embedded fields and unnamed params
  Expr* typeExpr = nullptr;
  BasicLit* tag = nullptr;    // may be null
};

struct FieldList : Node {
  GOL_NODE(FieldList, Node)
  std::vector<Field*> list;
  size_t numFields() const {
    size_t n = 0;
    for (const Field* f : list) n += f->names.empty() ? 1 : f->names.size();
    return n;
  }
};

struct StructType : Expr {
  GOL_NODE(StructType, Expr)
  FieldList* fields = nullptr;
};

struct FuncType : Expr {
  GOL_NODE(FuncType, Expr)
  FieldList* params = nullptr;
  FieldList* results = nullptr;  // may be null
};

// Methods are Fields with one name and a FuncType; embedded interfaces are
// Fields without names.
struct InterfaceType : Expr {
  GOL_NODE(InterfaceType, Expr)
  FieldList* methods = nullptr;
};

struct MapType : Expr {
  GOL_NODE(MapType, Expr)
  Expr* key = nullptr;
  Expr* value = nullptr;
};

enum class ChanDir : uint8_t { Both, Send, Recv };

struct ChanType : Expr {
  GOL_NODE(ChanType, Expr)
  ChanDir dir = ChanDir::Both;
  Expr* value = nullptr;
};

// ---------------------------------------------------------------------------
// Statements

struct Stmt : Node { using Node::Node; };

struct Decl;

struct BadStmt : Stmt { GOL_NODE(BadStmt, Stmt) };

struct DeclStmt : Stmt {
  GOL_NODE(DeclStmt, Stmt)
  Decl* decl = nullptr;  // a GenDecl: const, type or var
};

struct EmptyStmt : Stmt {
  GOL_NODE(EmptyStmt, Stmt)
  bool implicit = false;  // inserted before a closing brace or at EOF
};

struct LabeledStmt : Stmt {
  GOL_NODE(LabeledStmt, Stmt)
  Ident* label = nullptr;
  Stmt* stmt = nullptr;
};

struct ExprStmt : Stmt {
  GOL_NODE(ExprStmt, Stmt)
  Expr* x = nullptr;
};

struct SendStmt : Stmt {
  GOL_NODE(SendStmt, Stmt)
  Expr* chan = nullptr;
  Expr* value = nullptr;
};

struct IncDecStmt : Stmt {
  GOL_NODE(IncDecStmt, Stmt)
  Expr* x = nullptr;
  Tok tok = Tok::Inc;  // Inc or Dec
};

struct AssignStmt : Stmt {
  GOL_NODE(AssignStmt, Stmt)
  std::vector<Expr*> lhs;
  Tok tok = Tok::Assign;  // Assign, Define, or an op-assign like AddAssign
  Pos tokPos;
  std::vector<Expr*> rhs;
};

struct GoStmt : Stmt {
  GOL_NODE(GoStmt, Stmt)
  CallExpr* call = nullptr;
};

struct DeferStmt : Stmt {
  GOL_NODE(DeferStmt, Stmt)
  CallExpr* call = nullptr;
};

struct ReturnStmt : Stmt {
  GOL_NODE(ReturnStmt, Stmt)
  std::vector<Expr*> results;
};

struct BranchStmt : Stmt {
  GOL_NODE(BranchStmt, Stmt)
  Tok tok = Tok::Break;      // Break, Continue, Goto, Fallthrough
  Ident* label = nullptr;    // may be null
  Stmt* target = nullptr;    // checker: the statement broken out of / continued /
                             // jumped to (the LabeledStmt for goto)
};

struct BlockStmt : Stmt {
  GOL_NODE(BlockStmt, Stmt)
  std::vector<Stmt*> list;
  Pos rbrace;
};

struct IfStmt : Stmt {
  GOL_NODE(IfStmt, Stmt)
  Stmt* init = nullptr;  // may be null
  Expr* cond = nullptr;
  BlockStmt* body = nullptr;
  Stmt* elseStmt = nullptr;  // may be null; an IfStmt or BlockStmt
};

// A case of an expression or type switch. `list` is empty for default.
struct CaseClause : Stmt {
  GOL_NODE(CaseClause, Stmt)
  std::vector<Expr*> list;
  std::vector<Stmt*> body;
  Pos colon;
  // checker: in a type switch with a bound name (switch v := x.(type)), the
  // variable implicitly declared in this clause.
  types::Var* implicitVar = nullptr;
};

struct SwitchStmt : Stmt {
  GOL_NODE(SwitchStmt, Stmt)
  Stmt* init = nullptr;  // may be null
  Expr* tag = nullptr;   // may be null (switch { ... })
  BlockStmt* body = nullptr;  // of CaseClauses
};

struct TypeSwitchStmt : Stmt {
  GOL_NODE(TypeSwitchStmt, Stmt)
  Stmt* init = nullptr;    // may be null
  Stmt* assign = nullptr;  // `x := y.(type)` (AssignStmt) or `y.(type)` (ExprStmt)
  BlockStmt* body = nullptr;  // of CaseClauses
};

// A case of a select. `comm` is null for default; else a SendStmt, an
// ExprStmt (<-c), or an AssignStmt (v[, ok] = / := <-c).
struct CommClause : Stmt {
  GOL_NODE(CommClause, Stmt)
  Stmt* comm = nullptr;
  std::vector<Stmt*> body;
  Pos colon;
};

struct SelectStmt : Stmt {
  GOL_NODE(SelectStmt, Stmt)
  BlockStmt* body = nullptr;  // of CommClauses
};

struct ForStmt : Stmt {
  GOL_NODE(ForStmt, Stmt)
  Stmt* init = nullptr;  // may be null
  Expr* cond = nullptr;  // may be null
  Stmt* post = nullptr;  // may be null
  BlockStmt* body = nullptr;
};

struct RangeStmt : Stmt {
  GOL_NODE(RangeStmt, Stmt)
  Expr* key = nullptr;    // may be null
  Expr* value = nullptr;  // may be null
  Tok tok = Tok::Illegal; // Illegal when there is no key/value, else Assign or Define
  Pos tokPos;
  Expr* x = nullptr;      // the value ranged over (Go 1.22: may be an integer)
  BlockStmt* body = nullptr;
};

// ---------------------------------------------------------------------------
// Declarations

struct Spec : Node { using Node::Node; };

struct ImportSpec : Spec {
  GOL_NODE(ImportSpec, Spec)
  Ident* name = nullptr;     // may be null; "." and "_" are Idents too
  BasicLit* path = nullptr;
};

// A const or var spec: `a, b T = x, y`. In a const group, a spec without
// type and values repeats the previous one (the checker handles that).
struct ValueSpec : Spec {
  GOL_NODE(ValueSpec, Spec)
  std::vector<Ident*> names;
  Expr* typeExpr = nullptr;  // may be null
  std::vector<Expr*> values;
  int iota = 0;              // index of the spec in its const group
};

struct TypeSpec : Spec {
  GOL_NODE(TypeSpec, Spec)
  Ident* name = nullptr;
  bool isAlias = false;      // type A = B
  Expr* typeExpr = nullptr;
};

struct Decl : Node { using Node::Node; };

struct BadDecl : Decl { GOL_NODE(BadDecl, Decl) };

struct GenDecl : Decl {
  GOL_NODE(GenDecl, Decl)
  Tok tok = Tok::Var;        // Import, Const, Type or Var
  std::vector<Spec*> specs;
  bool grouped = false;      // written with parentheses
};

struct FuncDecl : Decl {
  GOL_NODE(FuncDecl, Decl)
  FieldList* recv = nullptr;  // may be null; a method when set
  Ident* name = nullptr;
  FuncType* sig = nullptr;
  BlockStmt* body = nullptr;  // may be null: declared here, implemented natively
  types::Func* obj = nullptr; // checker
};

struct File : Node {
  GOL_NODE(File, Node)
  Ident* packageName = nullptr;
  std::vector<ImportSpec*> imports;  // also inside decls
  std::vector<Decl*> decls;
};

#undef GOL_NODE

// Owns every node of a compilation.
class AstArena {
 public:
  template <typename T>
  T* make(Pos p) {
    auto node = std::make_unique<T>(p);
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  size_t size() const { return nodes_.size(); }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

// Removes any ParenExprs around x.
inline Expr* unparen(Expr* x) {
  while (x && x->is<ParenExpr>()) x = static_cast<ParenExpr*>(x)->x;
  return x;
}

// A readable, indented, deterministic dump of the tree (for tests and
// `gol dump-ast`). With annotations, includes the checker's types/values.
std::string dumpAst(const Node* n, bool annotations = false);

// Go source for an expression (or type expression), shortened as gc prints
// expressions in messages: composite literal elements and function bodies
// are elided ("T{…}", "func() {…}"). stmtString does the same for simple
// statements (assignments, x++, sends, expression statements).
std::string exprString(const Expr* x);
std::string stmtString(const Stmt* s);

}  // namespace gol::lang
