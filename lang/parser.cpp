// Parser implementation. See parser.h for the design.
//
// Conventions, as in gc's parser: a function named ...OrNil may return null
// ("nothing of that kind here") without reporting; every other parse
// function returns a node, a BadExpr/BadStmt after reporting if need be.
// Positions stored in nodes are go/ast's (a node's first token); where gc
// reports an error at a different spot (the operator of an assignment, the
// '.' of a selector) the parser computes that spot explicitly.
#include "lang/parser.h"

#include <initializer_list>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lang/lexer.h"

namespace gol::lang {

namespace {

constexpr std::string_view kGenericParams = "generic type parameters are not supported by gol";
constexpr std::string_view kGenericInstance = "generic type instantiation is not supported by gol";
constexpr std::string_view kGenericConstraint = "type constraints (~T, A | B) are not supported by gol";


// One parameter as written, before names and types are paired up.
struct Param {
  Pos pos;
  Ident* name = nullptr;
  Expr* type = nullptr;
};

// Statement keywords at which error recovery inside a function stops.
bool inStopSet(Tok t) {
  switch (t) {
    case Tok::Break: case Tok::Const: case Tok::Continue: case Tok::Defer:
    case Tok::Fallthrough: case Tok::For: case Tok::Go: case Tok::Goto:
    case Tok::If: case Tok::Return: case Tok::Select: case Tok::Switch:
    case Tok::Type: case Tok::Var:
      return true;
    default:
      return false;
  }
}

// Whether x can only be a value, never a type (for `x{` in headers).
bool isValue(const Expr* x) {
  switch (x->kind) {
    case NodeKind::BasicLit: case NodeKind::CompositeLit: case NodeKind::FuncLit:
    case NodeKind::SliceExpr: case NodeKind::TypeAssertExpr: case NodeKind::CallExpr:
    case NodeKind::UnaryExpr: case NodeKind::BinaryExpr:
      return true;
    case NodeKind::ParenExpr:
      return isValue(static_cast<const ParenExpr*>(x)->x);
    case NodeKind::IndexExpr: {
      auto* ix = static_cast<const IndexExpr*>(x);
      return isValue(ix->x) || isValue(ix->index);
    }
    default:
      return false;
  }
}

bool isTypeSwitchGuard(const Expr* x) {
  auto* ta = x ? x->as<TypeAssertExpr>() : nullptr;
  return ta && ta->typeExpr == nullptr;
}

class Parser {
 public:
  Parser(const SourceSet& sources, int32_t fileIndex, AstArena& arena, Diagnostics& diags,
         const ParseOptions& options)
      : lexer_(sources, fileIndex, diags), arena_(arena), diags_(diags), options_(options),
        errorsBefore_(diags.count()) {
    next();
  }

  File* file();
  Expr* wholeExpr();

 private:
  // --- tokens and errors
  void next();
  bool got(Tok t) {
    if (tok_.tok != t) return false;
    next();
    return true;
  }
  void want(Tok t);
  bool gotAssign();
  Pos pos() const { return tok_.pos; }
  // Errors of the lexer and parser so far (branch errors don't count: like
  // gc, they neither suppress later checks nor silence errors at EOF).
  size_t syntaxErrorCount() const { return diags_.count() - branchErrors_; }
  bool hadErrors() const { return syntaxErrorCount() > errorsBefore_; }
  std::string tokenDescription() const;
  static std::string tokstring(Tok t);
  void errorAt(Pos p, std::string_view msg) { diags_.error(p, std::string(msg)); }
  // Generics are reported once per file: the first says it all.
  void genericError(Pos p, std::string_view msg) {
    if (genericReported_) return;
    genericReported_ = true;
    errorAt(p, msg);
  }
  void syntaxErrorAt(Pos p, std::string_view msg);
  void syntaxError(std::string_view msg) { syntaxErrorAt(pos(), msg); }
  void advance(std::initializer_list<Tok> follow = {});
  void skipBracketed();

  // --- nesting bound
  struct Nest {
    Parser* p;
    explicit Nest(Parser* parser) : p(parser) { p->enter(); }
    ~Nest() { --p->depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };
  void enter();

  template <typename T>
  T* make(Pos p) { return arena_.make<T>(p); }
  BadExpr* badExpr() { return make<BadExpr>(pos()); }

  // --- declarations
  template <typename F>
  Pos list(std::string_view context, Tok sep, Tok close, F&& element);
  GenDecl* genDecl(File* f);
  ImportSpec* importSpec();
  ValueSpec* constSpec(int iota);
  ValueSpec* varSpec();
  TypeSpec* typeSpec();
  FuncDecl* funcDecl(Pos funcPos);
  BlockStmt* funcBody();

  // --- expressions
  Expr* expr() { return binaryExpr(nullptr, 0); }
  Expr* binaryExpr(Expr* x, int prec);
  Expr* unaryExpr();
  Expr* operand(bool keepParens);
  Expr* pexpr(Expr* x, bool keepParens);
  Expr* bareComplitExpr();
  CompositeLit* complitExpr();
  std::vector<Expr*> exprList();
  std::vector<Expr*> exprListFrom(Expr* first);
  void argList(CallExpr* call);
  CallExpr* callStmtCall(Tok keyword);

  // --- types
  Expr* type();
  Expr* typeOrNil();
  Expr* arrayType(Pos lbrack, Expr* len);
  Expr* chanElem();
  Expr* qualifiedName(Ident* name);
  StructType* structType();
  void fieldDecl(FieldList* fields);
  InterfaceType* interfaceType();
  void interfaceElem(FieldList* methods);
  void skipConstraintTerms();
  FuncType* funcType(Pos funcPos);
  FieldList* funcResult();
  FieldList* paramList(Pos open, Tok close, std::vector<Param>* raw = nullptr);
  bool paramDeclOrNil(Tok follow, Param* out);
  BasicLit* oliteral();
  Ident* name();
  std::vector<Ident*> nameList(Ident* first);

  // --- statements
  Stmt* stmtOrNil();
  std::vector<Stmt*> stmtList();
  BlockStmt* blockStmt(std::string_view context);
  Stmt* simpleStmt(std::vector<Expr*> lhs, Tok keyword);
  Stmt* rangeClause(std::vector<Expr*> lhs, Tok tok, Pos tokPos);
  struct Header {
    Stmt* init = nullptr;
    Stmt* condStmt = nullptr;  // the statement in condition position, as parsed
    Expr* cond = nullptr;
    Stmt* post = nullptr;
  };
  Header header(Tok keyword);
  Stmt* forStmt();
  IfStmt* ifStmt();
  Stmt* switchStmt();
  SelectStmt* selectStmt();
  CaseClause* caseClause();
  CommClause* commClause();
  Stmt* labeledStmtOrNil(Ident* label);
  DeclStmt* declStmt();

  // gc's position of a statement in "cannot use ... as value": the
  // operator of assignments, sends and ++/--, else the expression's.
  Pos gcStmtPos(const Stmt* s) const;
  static Pos gcExprPos(const Expr* x);

  Lexer lexer_;
  AstArena& arena_;
  Diagnostics& diags_;
  ParseOptions options_;
  size_t errorsBefore_;
  size_t branchErrors_ = 0;
  Token tok_;
  uint64_t tokIndex_ = 0;  // tokens consumed, to detect a loop making no progress

  int xnest_ = 0;  // expression nesting; < 0 in control clause headers
  int fnest_ = 0;  // function nesting
  int depth_ = 0;  // tree depth being built, bounded by kMaxNesting
  bool aborted_ = false;
  bool genericReported_ = false;

  // gc's positions of simple statements (their operator), for messages.
  std::vector<std::pair<const Stmt*, Pos>> stmtOpPos_;
};

// ---------------------------------------------------------------------------
// Tokens and errors

void Parser::next() {
  if (aborted_) {
    tok_.tok = Tok::EndOfFile;
    tok_.lit = {};
    return;
  }
  tok_ = lexer_.next();
  ++tokIndex_;
}

void Parser::enter() {
  if (++depth_ > kMaxNesting && !aborted_) {
    errorAt(pos(), "exceeded max nesting depth");
    // Everything from here on reads as end of file, so every parse
    // function returns promptly and no deeper recursion happens.
    aborted_ = true;
    tok_.tok = Tok::EndOfFile;
    tok_.lit = {};
  }
}

// Tokens as gc 1.22 names them in messages: names and keywords bare
// ("unexpected foo", "unexpected else"; gc 1.23 and later say "name foo",
// "keyword else"), punctuation in words where a symbol would read badly.
std::string Parser::tokstring(Tok t) {
  switch (t) {
    case Tok::Comma: return "comma";
    case Tok::Semicolon: return "semicolon or newline";
    default: return std::string(spelling(t));
  }
}

std::string Parser::tokenDescription() const {
  if (tok_.tok == Tok::Ident || tok_.tok == Tok::Semicolon) return std::string(tok_.lit);
  if (isLiteral(tok_.tok)) return "literal " + std::string(tok_.lit);
  return tokstring(tok_.tok);
}

// As gc: messages starting "in ", "at ", "after " or "expected " are
// prefixed with the unexpected token; anything else is printed as is.
void Parser::syntaxErrorAt(Pos p, std::string_view msg) {
  if (tok_.tok == Tok::EndOfFile && hadErrors()) return;  // avoid follow-up noise
  std::string m(msg);
  auto starts = [&](std::string_view prefix) { return msg.substr(0, prefix.size()) == prefix; };
  if (msg.empty()) {
  } else if (starts("in ") || starts("at ") || starts("after ")) {
    m = " " + m;
  } else if (starts("expected ")) {
    m = ", " + m;
  } else {
    errorAt(p, "syntax error: " + m);
    return;
  }
  errorAt(p, "syntax error: unexpected " + tokenDescription() + m);
}

void Parser::want(Tok t) {
  if (!got(t)) {
    syntaxError("expected " + tokstring(t));
    advance();
  }
}

// Like got(Assign), but also accepts ":=" after complaining.
bool Parser::gotAssign() {
  if (tok_.tok == Tok::Define) {
    syntaxError("expected =");
    next();
    return true;
  }
  return got(Tok::Assign);
}

// Skips tokens until one in `follow` (or, inside a function, a statement
// keyword) or EOF; with an empty follow list, skips exactly one token.
void Parser::advance(std::initializer_list<Tok> follow) {
  if (follow.size() == 0) {
    if (tok_.tok != Tok::EndOfFile) next();
    return;
  }
  for (;;) {
    if (tok_.tok == Tok::EndOfFile) return;
    if (fnest_ > 0 && inStopSet(tok_.tok)) return;
    for (Tok t : follow) {
      if (tok_.tok == t) return;
    }
    next();
  }
}

// Skips a bracketed list starting at '[' (a generic parameter or argument
// list) up to and including its matching ']'.
void Parser::skipBracketed() {
  int level = 0;
  while (tok_.tok != Tok::EndOfFile) {
    if (tok_.tok == Tok::LBrack) ++level;
    if (tok_.tok == Tok::RBrack && --level == 0) {
      next();
      return;
    }
    if (tok_.tok == Tok::LBrace || (tok_.tok == Tok::Semicolon && tok_.lit != "semicolon")) return;
    next();
  }
}

template <typename F>
Pos Parser::list(std::string_view context, Tok sep, Tok close, F&& element) {
  bool done = false;
  while (tok_.tok != Tok::EndOfFile && tok_.tok != close && !done) {
    uint64_t before = tokIndex_;
    done = element();
    if (!got(sep) && tok_.tok != close) {
      syntaxError(fmt::format("in {}; possibly missing {} or {}", context, tokstring(sep), tokstring(close)));
      advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
      if (tok_.tok != close) return pos();
    }
    if (tokIndex_ == before) next();  // never loop without progress
  }
  Pos closePos = pos();
  want(close);
  return closePos;
}

// ---------------------------------------------------------------------------
// Files and declarations

File* Parser::file() {
  File* f = make<File>(pos());
  if (!got(Tok::Package)) {
    syntaxError("package statement must be first");
    return f;
  }
  f->packageName = name();
  want(Tok::Semicolon);
  if (hadErrors()) return f;  // don't bother with a broken package clause

  Tok prev = Tok::Import;
  while (tok_.tok != Tok::EndOfFile) {
    uint64_t before = tokIndex_;
    if (tok_.tok == Tok::Import && prev != Tok::Import) {
      syntaxError("imports must appear before other declarations");
    }
    prev = tok_.tok;
    switch (tok_.tok) {
      case Tok::Import:
      case Tok::Const:
      case Tok::Type:
      case Tok::Var:
        f->decls.push_back(genDecl(f));
        break;
      case Tok::Func: {
        Pos funcPos = pos();
        next();
        if (FuncDecl* d = funcDecl(funcPos)) f->decls.push_back(d);
        break;
      }
      default: {
        FuncDecl* last = f->decls.empty() ? nullptr : f->decls.back()->as<FuncDecl>();
        if (tok_.tok == Tok::LBrace && last && !last->body) {
          syntaxError("unexpected semicolon or newline before {");
        } else {
          syntaxError("non-declaration statement outside function body");
        }
        advance({Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func});
        if (tokIndex_ == before) next();
        continue;
      }
    }
    if (tok_.tok != Tok::EndOfFile && !got(Tok::Semicolon)) {
      syntaxError("after top level declaration");
      advance({Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func});
    }
    if (tokIndex_ == before) next();
  }
  return f;
}

// A const, var, type or import declaration, single or grouped.
GenDecl* Parser::genDecl(File* f) {
  GenDecl* d = make<GenDecl>(pos());
  d->tok = tok_.tok;
  next();
  int index = 0;
  auto spec = [&]() -> Spec* {
    switch (d->tok) {
      case Tok::Import: {
        ImportSpec* s = importSpec();
        if (s && f) f->imports.push_back(s);
        return s;
      }
      case Tok::Const: return constSpec(index++);
      case Tok::Type: return typeSpec();
      default: return varSpec();
    }
  };
  if (tok_.tok == Tok::LParen) {
    d->grouped = true;
    next();
    list("grouped declaration", Tok::Semicolon, Tok::RParen, [&] {
      if (Spec* s = spec()) d->specs.push_back(s);
      return false;
    });
  } else if (Spec* s = spec()) {
    d->specs.push_back(s);
  }
  return d;
}

ImportSpec* Parser::importSpec() {
  ImportSpec* s = make<ImportSpec>(pos());
  if (tok_.tok == Tok::Ident) {
    s->name = name();
  } else if (tok_.tok == Tok::Period) {
    s->name = make<Ident>(pos());
    s->name->name = ".";
    next();
  }
  s->path = oliteral();
  if (!s->path) {
    syntaxError("missing import path");
    advance({Tok::Semicolon, Tok::RParen});
    return nullptr;
  }
  if (s->path->litKind != Tok::String) {
    syntaxErrorAt(s->path->pos, "import path must be a string");
    return nullptr;
  }
  return s;
}

ValueSpec* Parser::constSpec(int iota) {
  ValueSpec* s = make<ValueSpec>(pos());
  s->iota = iota;
  s->names = nameList(name());
  if (tok_.tok != Tok::EndOfFile && tok_.tok != Tok::Semicolon && tok_.tok != Tok::RParen) {
    s->typeExpr = typeOrNil();
    if (gotAssign()) s->values = exprList();
  }
  return s;
}

ValueSpec* Parser::varSpec() {
  ValueSpec* s = make<ValueSpec>(pos());
  s->names = nameList(name());
  if (gotAssign()) {
    s->values = exprList();
  } else {
    s->typeExpr = type();
    if (gotAssign()) s->values = exprList();
  }
  return s;
}

TypeSpec* Parser::typeSpec() {
  TypeSpec* s = make<TypeSpec>(pos());
  s->name = name();
  if (tok_.tok == Tok::LBrack) {
    // An array or slice type, or a type parameter list: `type A [N]int`
    // versus `type L[T any] ...`. A name followed by anything but ']'
    // (or a name and a type literal) can only be a parameter list.
    Pos lbrack = pos();
    next();
    if (tok_.tok == Tok::Ident) {
      Expr* x = name();
      if (tok_.tok != Tok::LBrack) {
        ++xnest_;
        x = binaryExpr(pexpr(x, false), 0);
        --xnest_;
      }
      bool typeParams = false;
      if (x->is<Ident>()) {
        typeParams = tok_.tok != Tok::RBrack;
      } else if (auto* b = x->as<BinaryExpr>(); b && b->op == Tok::Mul && b->x->is<Ident>()) {
        Expr* y = unparen(b->y);
        typeParams = tok_.tok == Tok::Comma || y->is<ArrayType>() || y->is<StructType>() ||
                     y->is<FuncType>() || y->is<InterfaceType>() || y->is<MapType>() || y->is<ChanType>();
      }
      if (typeParams) {
        genericError(lbrack, kGenericParams);
        int level = 1;
        while (tok_.tok != Tok::EndOfFile && level > 0) {
          if (tok_.tok == Tok::LBrack) ++level;
          if (tok_.tok == Tok::RBrack) --level;
          next();
        }
        s->isAlias = gotAssign();
        s->typeExpr = typeOrNil();
      } else {
        s->typeExpr = arrayType(lbrack, x);
      }
    } else if (tok_.tok == Tok::RBrack) {
      next();
      ArrayType* t = make<ArrayType>(lbrack);
      t->elt = type();
      s->typeExpr = t;
    } else {
      s->typeExpr = arrayType(lbrack, nullptr);
    }
  } else {
    s->isAlias = gotAssign();
    s->typeExpr = typeOrNil();
  }
  if (!s->typeExpr) {
    s->typeExpr = badExpr();
    syntaxError("in type declaration");
    advance({Tok::Semicolon, Tok::RParen});
  }
  return s;
}

// After "func": a function or method declaration.
FuncDecl* Parser::funcDecl(Pos funcPos) {
  FuncDecl* f = make<FuncDecl>(funcPos);
  bool method = false;
  if (tok_.tok == Tok::LParen) {
    method = true;
    Pos lparen = pos();
    next();
    std::vector<Param> raw;
    f->recv = paramList(lparen, Tok::RParen, &raw);
    // As gc, the declaration goes on with the first receiver only, or as a
    // plain function without one; the checker does not report these again.
    if (raw.empty()) {
      errorAt(pos(), "method has no receiver");
      f->recv = nullptr;
    } else if (raw.size() > 1) {
      errorAt(pos(), "method has multiple receivers");
      if (f->recv && !f->recv->list.empty()) {
        f->recv->list.resize(1);
        if (f->recv->list[0]->names.size() > 1) f->recv->list[0]->names.resize(1);
      }
    }
  }
  if (tok_.tok != Tok::Ident) {
    f->name = make<Ident>(pos());
    f->name->name = "_";
    f->sig = make<FuncType>(funcPos);
    f->sig->params = make<FieldList>(pos());
    syntaxError(method ? "expected name" : "expected name or (");
    advance({Tok::LBrace, Tok::Semicolon});
  } else {
    f->name = name();
    if (tok_.tok == Tok::LBrack) {
      genericError(pos(), kGenericParams);
      skipBracketed();
    }
    f->sig = funcType(funcPos);
  }
  if (tok_.tok == Tok::LBrace) f->body = funcBody();
  return f;
}

BlockStmt* Parser::funcBody() {
  size_t errorsBefore = syntaxErrorCount();
  ++fnest_;
  BlockStmt* body = blockStmt("");
  --fnest_;
  // Branch checks on a broken tree would only add noise (gc skips them too).
  if (options_.checkBranches && syntaxErrorCount() == errorsBefore) {
    size_t before = diags_.count();
    checkBranches(body, diags_);
    branchErrors_ += diags_.count() - before;
  }
  return body;
}

// ---------------------------------------------------------------------------
// Expressions

Expr* Parser::binaryExpr(Expr* x, int prec) {
  Nest nest(this);
  if (!x) x = unaryExpr();
  int savedDepth = depth_;
  for (;;) {
    int oprec = binaryPrecedence(tok_.tok);
    if (oprec <= prec) break;
    enter();  // a left-deep chain deepens the tree too
    BinaryExpr* b = make<BinaryExpr>(x->pos);
    b->op = tok_.tok;
    b->opPos = pos();
    next();
    b->x = x;
    b->y = binaryExpr(nullptr, oprec);
    x = b;
  }
  depth_ = savedDepth;
  return x;
}

Expr* Parser::unaryExpr() {
  Nest nest(this);
  switch (tok_.tok) {
    case Tok::Mul: {
      StarExpr* s = make<StarExpr>(pos());
      next();
      s->x = unaryExpr();
      return s;
    }
    case Tok::Add: case Tok::Sub: case Tok::Not: case Tok::Xor: case Tok::And: {
      UnaryExpr* u = make<UnaryExpr>(pos());
      u->op = tok_.tok;
      next();
      u->x = unaryExpr();
      return u;
    }
    case Tok::Tilde: {
      errorAt(pos(), "cannot use ~ outside of interface or type constraint");
      next();
      return unaryExpr();
    }
    case Tok::Arrow: {
      Pos arrow = pos();
      next();
      // <-chan T is a type, <-x a receive; which one is known only after
      // the operand: re-associate <- with a channel type parsed as operand.
      Expr* x = unaryExpr();
      if (auto* ch = x->as<ChanType>()) {
        ChanDir dir = ChanDir::Send;
        Expr* t = ch;
        while (dir == ChanDir::Send) {
          auto* c = t->as<ChanType>();
          if (!c) break;
          dir = c->dir;
          if (dir == ChanDir::Recv) syntaxError("unexpected <-, expected chan");
          c->dir = ChanDir::Recv;
          t = c->value;
        }
        if (dir == ChanDir::Send) syntaxError(fmt::format("unexpected {}, expected chan", exprString(t)));
        ch->pos = arrow;
        return ch;
      }
      UnaryExpr* u = make<UnaryExpr>(arrow);
      u->op = Tok::Arrow;
      u->x = x;
      return u;
    }
    default:
      return pexpr(nullptr, true);
  }
}

Expr* Parser::operand(bool keepParens) {
  (void)keepParens;  // this AST keeps every ParenExpr (go/ast does)
  switch (tok_.tok) {
    case Tok::Ident:
      return name();
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
      return oliteral();
    case Tok::LParen: {
      ParenExpr* p = make<ParenExpr>(pos());
      next();
      ++xnest_;
      p->x = expr();
      --xnest_;
      want(Tok::RParen);
      return p;
    }
    case Tok::Func: {
      Pos funcPos = pos();
      next();
      FuncType* sig = funcType(funcPos);
      if (tok_.tok == Tok::LBrace) {
        ++xnest_;
        FuncLit* f = make<FuncLit>(funcPos);
        f->sig = sig;
        f->body = funcBody();
        --xnest_;
        return f;
      }
      return sig;
    }
    case Tok::LBrack: case Tok::Chan: case Tok::Map: case Tok::Struct: case Tok::Interface:
      return type();
    default: {
      Expr* x = badExpr();
      syntaxError("expected expression");
      advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
      return x;
    }
  }
}

// PrimaryExpr: an operand followed by selectors, indices, slices, type
// assertions, calls and composite literal bodies.
Expr* Parser::pexpr(Expr* x, bool keepParens) {
  Nest nest(this);
  if (!x) x = operand(keepParens);
  int savedDepth = depth_;
  for (;;) {
    switch (tok_.tok) {
      case Tok::Period: {
        enter();
        next();
        if (tok_.tok == Tok::Ident) {
          SelectorExpr* s = make<SelectorExpr>(x->pos);
          s->x = x;
          s->sel = name();
          x = s;
        } else if (tok_.tok == Tok::LParen) {
          next();
          TypeAssertExpr* t = make<TypeAssertExpr>(x->pos);
          t->x = x;
          if (!got(Tok::Type)) t->typeExpr = type();
          want(Tok::RParen);
          x = t;
        } else {
          syntaxError("expected name or (");
          advance({Tok::Semicolon, Tok::RParen});
        }
        break;
      }
      case Tok::LBrack: {
        enter();
        next();
        if (tok_.tok == Tok::RBrack) {
          syntaxError("expected operand");
          next();
          break;
        }
        Expr* index = nullptr;
        if (tok_.tok != Tok::Colon) {
          ++xnest_;
          index = expr();
          bool comma = false;
          if (tok_.tok == Tok::Comma) {
            comma = true;
            genericError(pos(), kGenericInstance);
            while (got(Tok::Comma) && tok_.tok != Tok::RBrack && tok_.tok != Tok::EndOfFile) {
              if (!typeOrNil()) break;
            }
          }
          --xnest_;
          if (comma || tok_.tok == Tok::RBrack) {
            want(Tok::RBrack);
            IndexExpr* ix = make<IndexExpr>(x->pos);
            ix->x = x;
            ix->index = index;
            x = ix;
            break;
          }
        }
        if (!got(Tok::Colon)) {
          syntaxError("expected comma, : or ]");
          advance({Tok::Comma, Tok::Colon, Tok::RBrack});
        }
        ++xnest_;
        SliceExpr* s = make<SliceExpr>(x->pos);
        s->x = x;
        s->low = index;
        if (tok_.tok != Tok::Colon && tok_.tok != Tok::RBrack) s->high = expr();
        if (tok_.tok == Tok::Colon) {
          s->slice3 = true;
          if (!s->high) {
            errorAt(pos(), "middle index required in 3-index slice");
            s->high = badExpr();
          }
          next();
          if (tok_.tok != Tok::RBrack) {
            s->max = expr();
          } else {
            errorAt(pos(), "final index required in 3-index slice");
            s->max = badExpr();
          }
        }
        --xnest_;
        want(Tok::RBrack);
        x = s;
        break;
      }
      case Tok::LParen: {
        enter();
        CallExpr* c = make<CallExpr>(x->pos);
        c->fun = x;
        c->lparen = pos();
        next();
        argList(c);
        x = c;
        break;
      }
      case Tok::LBrace: {
        // A '{' after something that may be a type starts a composite
        // literal, except in a control clause header (xnest < 0) where a
        // bare name or selector is taken as the condition.
        Expr* t = unparen(x);
        bool complitOk = false;
        switch (t->kind) {
          case NodeKind::Ident:
          case NodeKind::SelectorExpr:
            complitOk = xnest_ >= 0;
            break;
          case NodeKind::IndexExpr:
            complitOk = xnest_ >= 0 && !isValue(t);
            break;
          case NodeKind::ArrayType:
          case NodeKind::StructType:
          case NodeKind::MapType:
            complitOk = true;
            break;
          default:
            break;
        }
        if (!complitOk) {
          depth_ = savedDepth;
          return x;
        }
        enter();
        if (t != x) syntaxError("cannot parenthesize type in composite literal");
        CompositeLit* lit = complitExpr();
        lit->pos = x->pos;
        lit->typeExpr = x;
        x = lit;
        break;
      }
      default:
        depth_ = savedDepth;
        return x;
    }
  }
}

Expr* Parser::bareComplitExpr() {
  if (tok_.tok == Tok::LBrace) return complitExpr();  // element with elided type
  return expr();
}

CompositeLit* Parser::complitExpr() {
  Nest nest(this);
  CompositeLit* lit = make<CompositeLit>(pos());
  lit->lbrace = pos();
  ++xnest_;
  want(Tok::LBrace);
  lit->rbrace = list("composite literal", Tok::Comma, Tok::RBrace, [&] {
    Expr* e = bareComplitExpr();
    if (tok_.tok == Tok::Colon) {
      KeyValueExpr* kv = make<KeyValueExpr>(pos());  // at the ':', as gc reports element errors
      next();
      kv->key = e;
      kv->value = bareComplitExpr();
      e = kv;
    }
    lit->elts.push_back(e);
    return false;
  });
  --xnest_;
  return lit;
}

std::vector<Expr*> Parser::exprList() { return exprListFrom(expr()); }

std::vector<Expr*> Parser::exprListFrom(Expr* first) {
  std::vector<Expr*> list{first};
  while (got(Tok::Comma)) list.push_back(expr());
  return list;
}

void Parser::argList(CallExpr* call) {
  ++xnest_;
  call->rparen = list("argument list", Tok::Comma, Tok::RParen, [&] {
    call->args.push_back(expr());
    call->hasEllipsis = got(Tok::Ellipsis);
    return call->hasEllipsis;
  });
  --xnest_;
}

// The operand of go and defer, which must be a call. gc 1.22 reports a
// non-call in its type checker, at the start of the expression, and checks
// nothing more about it; here the statement gets a call of a BadExpr so
// that the checker stays silent about it too.
CallExpr* Parser::callStmtCall(Tok keyword) {
  Expr* x = pexpr(nullptr, tok_.tok == Tok::LParen);
  if (Expr* t = unparen(x); t != x) {
    errorAt(x->pos, fmt::format("expression in {} must not be parenthesized", spelling(keyword)));
    x = t;
  }
  if (auto* call = x->as<CallExpr>()) return call;
  errorAt(x->pos, fmt::format("expression in {} must be function call", spelling(keyword)));
  CallExpr* call = make<CallExpr>(x->pos);
  call->fun = make<BadExpr>(x->pos);
  call->lparen = call->rparen = x->pos;
  return call;
}

// ---------------------------------------------------------------------------
// Types

Expr* Parser::type() {
  Expr* t = typeOrNil();
  if (!t) {
    t = badExpr();
    syntaxError("expected type");
    advance({Tok::Comma, Tok::Colon, Tok::Semicolon, Tok::RParen, Tok::RBrack, Tok::RBrace});
  }
  return t;
}

Expr* Parser::typeOrNil() {
  Nest nest(this);
  Pos p = pos();
  switch (tok_.tok) {
    case Tok::Mul: {
      next();
      StarExpr* s = make<StarExpr>(p);
      s->x = type();
      return s;
    }
    case Tok::Arrow: {
      next();
      want(Tok::Chan);
      ChanType* c = make<ChanType>(p);
      c->dir = ChanDir::Recv;
      c->value = chanElem();
      return c;
    }
    case Tok::Func:
      next();
      return funcType(p);
    case Tok::LBrack: {
      next();
      if (got(Tok::RBrack)) {
        ArrayType* t = make<ArrayType>(p);
        t->elt = type();
        return t;
      }
      return arrayType(p, nullptr);
    }
    case Tok::Chan: {
      next();
      ChanType* c = make<ChanType>(p);
      if (got(Tok::Arrow)) c->dir = ChanDir::Send;
      c->value = chanElem();
      return c;
    }
    case Tok::Map: {
      next();
      want(Tok::LBrack);
      MapType* m = make<MapType>(p);
      m->key = type();
      want(Tok::RBrack);
      m->value = type();
      return m;
    }
    case Tok::Struct:
      return structType();
    case Tok::Interface:
      return interfaceType();
    case Tok::Ident:
      return qualifiedName(nullptr);
    case Tok::LParen: {
      next();
      ParenExpr* paren = make<ParenExpr>(p);
      paren->x = type();
      want(Tok::RParen);
      return paren;
    }
    default:
      return nullptr;
  }
}

// After '[' (at lbrack); len is the length if already parsed.
Expr* Parser::arrayType(Pos lbrack, Expr* len) {
  if (!len) {
    if (tok_.tok == Tok::Ellipsis) {
      len = make<Ellipsis>(pos());
      next();
    } else {
      ++xnest_;
      len = expr();
      --xnest_;
    }
  }
  if (tok_.tok == Tok::Comma) {
    syntaxError("unexpected comma; expected ]");
    next();
  }
  want(Tok::RBrack);
  ArrayType* t = make<ArrayType>(lbrack);
  t->len = len;
  t->elt = type();
  return t;
}

Expr* Parser::chanElem() {
  Expr* t = typeOrNil();
  if (!t) {
    t = badExpr();
    syntaxError("missing channel element type");
  }
  return t;
}

Expr* Parser::qualifiedName(Ident* nameSoFar) {
  Expr* x = nameSoFar;
  if (!x) {
    if (tok_.tok == Tok::Ident) {
      x = name();
    } else {
      Ident* blank = make<Ident>(pos());
      blank->name = "_";
      x = blank;
      syntaxError("expected name");
      advance({Tok::Period, Tok::Semicolon, Tok::RBrace});
    }
  }
  if (tok_.tok == Tok::Period) {
    SelectorExpr* s = make<SelectorExpr>(x->pos);
    next();
    s->x = x;
    s->sel = name();
    x = s;
  }
  if (tok_.tok == Tok::LBrack) {
    genericError(pos(), kGenericInstance);
    skipBracketed();
  }
  return x;
}

StructType* Parser::structType() {
  StructType* t = make<StructType>(pos());
  want(Tok::Struct);
  t->fields = make<FieldList>(pos());
  want(Tok::LBrace);
  list("struct type", Tok::Semicolon, Tok::RBrace, [&] {
    fieldDecl(t->fields);
    return false;
  });
  return t;
}

void Parser::fieldDecl(FieldList* fields) {
  Field* f = make<Field>(pos());
  switch (tok_.tok) {
    case Tok::Ident: {
      Ident* first = name();
      if (tok_.tok == Tok::Period || isLiteral(tok_.tok) || tok_.tok == Tok::Semicolon ||
          tok_.tok == Tok::RBrace) {
        f->typeExpr = qualifiedName(first);  // embedded field
        f->tag = oliteral();
        break;
      }
      f->names = nameList(first);
      f->typeExpr = type();
      f->tag = oliteral();
      break;
    }
    case Tok::Mul: {
      StarExpr* star = make<StarExpr>(pos());
      next();
      if (tok_.tok == Tok::LParen) {
        syntaxError("cannot parenthesize embedded type");
        next();
        star->x = qualifiedName(nullptr);
        got(Tok::RParen);
      } else {
        star->x = qualifiedName(nullptr);
      }
      f->typeExpr = star;
      f->tag = oliteral();
      break;
    }
    case Tok::LParen: {
      syntaxError("cannot parenthesize embedded type");
      next();
      if (tok_.tok == Tok::Mul) {
        StarExpr* star = make<StarExpr>(pos());
        next();
        star->x = qualifiedName(nullptr);
        f->typeExpr = star;
      } else {
        f->typeExpr = qualifiedName(nullptr);
      }
      got(Tok::RParen);
      f->tag = oliteral();
      break;
    }
    default:
      syntaxError("expected field name or embedded type");
      advance({Tok::Semicolon, Tok::RBrace});
      return;
  }
  fields->list.push_back(f);
}

InterfaceType* Parser::interfaceType() {
  InterfaceType* t = make<InterfaceType>(pos());
  want(Tok::Interface);
  t->methods = make<FieldList>(pos());
  want(Tok::LBrace);
  list("interface type", Tok::Semicolon, Tok::RBrace, [&] {
    interfaceElem(t->methods);
    return false;
  });
  return t;
}

void Parser::interfaceElem(FieldList* methods) {
  Field* f = make<Field>(pos());
  if (tok_.tok == Tok::Ident) {
    Ident* n = name();
    if (tok_.tok == Tok::LParen) {
      f->names.push_back(n);
      f->typeExpr = funcType(pos());
    } else if (tok_.tok == Tok::LBrack) {
      genericError(pos(), kGenericParams);
      skipBracketed();
      f->names.push_back(n);
      f->typeExpr = tok_.tok == Tok::LParen ? funcType(pos()) : static_cast<Expr*>(badExpr());
    } else {
      f->typeExpr = qualifiedName(n);  // embedded interface
    }
  } else if (tok_.tok == Tok::Tilde) {
    genericError(pos(), kGenericConstraint);
    next();
    f->typeExpr = type();
  } else {
    f->typeExpr = typeOrNil();
    if (!f->typeExpr) {
      f->typeExpr = badExpr();
      syntaxError("expected ~ term or type");
      advance({Tok::Or, Tok::Semicolon, Tok::RParen, Tok::RBrack, Tok::RBrace});
    }
  }
  if (tok_.tok == Tok::Or) {
    genericError(pos(), kGenericConstraint);
    skipConstraintTerms();
  }
  methods->list.push_back(f);
}

void Parser::skipConstraintTerms() {
  while (got(Tok::Or)) {
    got(Tok::Tilde);
    if (!typeOrNil()) break;
  }
}

// The signature after "func" [name]; funcPos is that of "func" (or of the
// method name in an interface).
FuncType* Parser::funcType(Pos funcPos) {
  FuncType* t = make<FuncType>(funcPos);
  if (tok_.tok == Tok::LBrack) {
    genericError(pos(), kGenericParams);
    skipBracketed();
  }
  Pos lparen = pos();
  if (!got(Tok::LParen)) {
    syntaxError("expected (");
    advance();
    t->params = make<FieldList>(lparen);
    return t;
  }
  t->params = paramList(lparen, Tok::RParen);
  t->results = funcResult();
  return t;
}

FieldList* Parser::funcResult() {
  Pos p = pos();
  if (got(Tok::LParen)) return paramList(p, Tok::RParen);
  if (Expr* t = typeOrNil()) {
    FieldList* results = make<FieldList>(p);
    Field* f = make<Field>(p);
    f->typeExpr = t;
    results->list.push_back(f);
    return results;
  }
  return nullptr;
}

bool Parser::paramDeclOrNil(Tok follow, Param* out) {
  out->pos = pos();
  if (tok_.tok == Tok::Ident) {
    Ident* n = name();
    if (tok_.tok == Tok::Period) {
      out->type = qualifiedName(n);
      return true;
    }
    if (tok_.tok == Tok::LBrack) {
      out->name = n;
      out->type = type();
      return true;
    }
    out->name = n;
  }
  if (tok_.tok == Tok::Ellipsis) {
    Ellipsis* e = make<Ellipsis>(pos());
    next();
    e->elt = typeOrNil();
    if (!e->elt) {
      e->elt = badExpr();
      syntaxError("... is missing type");
    }
    out->type = e;
    return true;
  }
  out->type = typeOrNil();
  if (out->name || out->type) return true;
  syntaxError("expected " + tokstring(follow));
  advance({Tok::Comma, follow});
  return false;
}

// After the opening '(' at `open`: parameters up to `close`. Names and
// types are paired as the spec says: either every parameter is a type, or
// every one has a name and a type, consecutive names sharing the type
// after them (`a, b int`), which become one Field as in go/ast.
FieldList* Parser::paramList(Pos open, Tok close, std::vector<Param>* rawOut) {
  Nest nest(this);
  FieldList* fields = make<FieldList>(open);
  std::vector<Param> params;
  int named = 0;
  list("parameter list", Tok::Comma, close, [&] {
    Param p;
    if (paramDeclOrNil(close, &p)) {
      if (p.name && p.type) ++named;
      params.push_back(p);
    }
    return false;
  });
  if (rawOut) *rawOut = params;
  if (params.empty()) return fields;

  if (named == 0) {
    for (Param& p : params) {
      if (p.name) {
        p.type = p.name;
        p.name = nullptr;
      }
    }
  } else if (named != static_cast<int>(params.size())) {
    Pos errPos;
    Expr* typ = nullptr;
    for (size_t i = params.size(); i-- > 0;) {
      Param& p = params[i];
      if (p.type) {
        typ = p.type;
        if (!p.name) {
          errPos = gcExprPos(typ);
          Ident* blank = make<Ident>(typ->pos);
          blank->name = "_";
          p.name = blank;
        }
      } else if (typ) {
        p.type = typ;
      } else {
        errPos = p.name->pos;
        p.type = make<BadExpr>(p.name->pos);
      }
    }
    if (errPos.valid()) syntaxErrorAt(errPos, "mixed named and unnamed parameters");
  }

  Field* current = nullptr;
  for (const Param& p : params) {
    if (!p.name) {
      Field* f = make<Field>(p.type->pos);
      f->typeExpr = p.type;
      fields->list.push_back(f);
      current = nullptr;
      continue;
    }
    if (!current || current->typeExpr != p.type) {
      current = make<Field>(p.name->pos);
      current->typeExpr = p.type;
      fields->list.push_back(current);
    }
    current->names.push_back(p.name);
  }
  return fields;
}

BasicLit* Parser::oliteral() {
  if (!isLiteral(tok_.tok)) return nullptr;
  BasicLit* b = make<BasicLit>(pos());
  b->litKind = tok_.tok;
  b->lit = std::string(tok_.lit);
  b->bad = tok_.bad;
  next();
  return b;
}

Ident* Parser::name() {
  Ident* n = make<Ident>(pos());
  if (tok_.tok == Tok::Ident) {
    n->name = std::string(tok_.lit);
    next();
    return n;
  }
  n->name = "_";
  syntaxError("expected name");
  advance();
  return n;
}

std::vector<Ident*> Parser::nameList(Ident* first) {
  std::vector<Ident*> names{first};
  while (got(Tok::Comma)) names.push_back(name());
  return names;
}

// ---------------------------------------------------------------------------
// Statements

Pos Parser::gcExprPos(const Expr* x) {
  if (auto* b = x->as<BinaryExpr>()) return b->opPos;
  if (auto* c = x->as<CompositeLit>()) return c->lbrace;
  if (auto* c = x->as<CallExpr>()) return c->lparen;
  return x->pos;
}

Pos Parser::gcStmtPos(const Stmt* s) const {
  for (auto it = stmtOpPos_.rbegin(); it != stmtOpPos_.rend(); ++it) {
    if (it->first == s) return it->second;
  }
  if (auto* e = s->as<ExprStmt>()) return gcExprPos(e->x);
  return s->pos;
}

Stmt* Parser::simpleStmt(std::vector<Expr*> lhs, Tok keyword) {
  if (keyword == Tok::For && tok_.tok == Tok::Range) return rangeClause({}, Tok::Illegal, Pos{});
  if (lhs.empty()) lhs = exprList();

  if (lhs.size() == 1 && tok_.tok != Tok::Assign && tok_.tok != Tok::Define) {
    Pos opPos = pos();
    Tok t = tok_.tok;
    if (assignOpBase(t) != Tok::Illegal) {
      next();
      AssignStmt* a = make<AssignStmt>(lhs[0]->pos);
      a->lhs = lhs;
      a->tok = t;
      a->tokPos = opPos;
      a->rhs.push_back(expr());
      stmtOpPos_.emplace_back(a, opPos);
      return a;
    }
    if (t == Tok::Inc || t == Tok::Dec) {
      next();
      IncDecStmt* s = make<IncDecStmt>(lhs[0]->pos);
      s->x = lhs[0];
      s->tok = t;
      stmtOpPos_.emplace_back(s, opPos);
      return s;
    }
    if (t == Tok::Arrow) {
      next();
      SendStmt* s = make<SendStmt>(lhs[0]->pos);
      s->chan = lhs[0];
      s->value = expr();
      stmtOpPos_.emplace_back(s, opPos);
      return s;
    }
    ExprStmt* s = make<ExprStmt>(lhs[0]->pos);
    s->x = lhs[0];
    return s;
  }

  if (tok_.tok == Tok::Assign || tok_.tok == Tok::Define) {
    Pos opPos = pos();
    Tok t = tok_.tok;
    next();
    if (keyword == Tok::For && tok_.tok == Tok::Range) return rangeClause(std::move(lhs), t, opPos);
    AssignStmt* a = make<AssignStmt>(lhs[0]->pos);
    a->lhs = std::move(lhs);
    a->tok = t;
    a->tokPos = opPos;
    a->rhs = exprList();
    stmtOpPos_.emplace_back(a, opPos);
    return a;
  }

  syntaxError("expected := or = or comma");
  advance({Tok::Semicolon, Tok::RBrace});
  ExprStmt* s = make<ExprStmt>(lhs[0]->pos);
  s->x = lhs[0];
  return s;
}

// At "range": the clause of a for-range loop; the caller sets pos and body.
Stmt* Parser::rangeClause(std::vector<Expr*> lhs, Tok tok, Pos tokPos) {
  RangeStmt* r = make<RangeStmt>(pos());
  next();
  r->tok = tok;
  r->tokPos = tokPos;
  if (!lhs.empty()) r->key = lhs[0];
  if (lhs.size() > 1) r->value = lhs[1];
  if (lhs.size() > 2) errorAt(lhs[2]->pos, "range clause permits at most two iteration variables");
  r->x = expr();
  return r;
}

Stmt* Parser::labeledStmtOrNil(Ident* label) {
  LabeledStmt* s = make<LabeledStmt>(label->pos);
  s->label = label;
  Pos colon = pos();
  want(Tok::Colon);
  if (tok_.tok == Tok::RBrace) {
    EmptyStmt* e = make<EmptyStmt>(pos());
    e->implicit = true;
    s->stmt = e;
    return s;
  }
  s->stmt = stmtOrNil();
  if (s->stmt) return s;
  syntaxErrorAt(colon, "missing statement after label");
  return nullptr;
}

BlockStmt* Parser::blockStmt(std::string_view context) {
  Nest nest(this);
  BlockStmt* b = make<BlockStmt>(pos());
  if (!got(Tok::LBrace)) {
    syntaxError(fmt::format("expected {{ after {}", context));
    advance({Tok::Ident, Tok::RBrace});
    b->rbrace = pos();
    if (got(Tok::RBrace)) return b;
  }
  b->list = stmtList();
  b->rbrace = pos();
  want(Tok::RBrace);
  return b;
}

DeclStmt* Parser::declStmt() {
  DeclStmt* s = make<DeclStmt>(pos());
  s->decl = genDecl(nullptr);
  return s;
}

// The clauses of if, for and switch headers. In a header a '{' after a
// bare name ends the clause (xnest = -1), so `if x == T {` is a block.
Parser::Header Parser::header(Tok keyword) {
  Header h;
  want(keyword);
  if (tok_.tok == Tok::LBrace) {
    if (keyword == Tok::If) {
      syntaxError("missing condition in if statement");
      h.cond = badExpr();
    }
    return h;
  }
  int outer = xnest_;
  xnest_ = -1;

  if (tok_.tok != Tok::Semicolon) {
    if (got(Tok::Var)) {
      syntaxError(fmt::format("var declaration not allowed in {} initializer", spelling(keyword)));
    }
    h.init = simpleStmt({}, keyword);
    if (h.init->is<RangeStmt>()) {
      xnest_ = outer;
      return h;
    }
  }

  Pos semiPos;
  std::string_view semiLit;
  if (tok_.tok != Tok::LBrace) {
    if (tok_.tok == Tok::Semicolon) {
      semiPos = pos();
      semiLit = tok_.lit;
      next();
    } else {
      want(Tok::LBrace);
      if (tok_.tok != Tok::LBrace) advance({Tok::LBrace, Tok::RBrace});
    }
    if (keyword == Tok::For) {
      if (tok_.tok != Tok::Semicolon) {
        if (tok_.tok == Tok::LBrace) {
          syntaxError("expected for loop condition");
          goto done;
        }
        h.condStmt = simpleStmt({}, Tok::Illegal);
      }
      want(Tok::Semicolon);
      if (tok_.tok != Tok::LBrace) {
        h.post = simpleStmt({}, Tok::Illegal);
        if (auto* a = h.post->as<AssignStmt>(); a && a->tok == Tok::Define) {
          syntaxErrorAt(a->tokPos, "cannot declare in post statement of for loop");
        }
      }
    } else if (tok_.tok != Tok::LBrace) {
      h.condStmt = simpleStmt({}, keyword);
    }
  } else {
    h.condStmt = h.init;
    h.init = nullptr;
  }

done:
  if (!h.condStmt) {
    if (keyword == Tok::If && semiPos.valid()) {
      if (semiLit != "semicolon") {
        syntaxErrorAt(semiPos, fmt::format("unexpected {}, expected {{ after if clause", semiLit));
      } else {
        syntaxErrorAt(semiPos, "missing condition in if statement");
      }
      h.cond = make<BadExpr>(semiPos);
    }
  } else if (auto* e = h.condStmt->as<ExprStmt>()) {
    h.cond = e->x;
  } else if (keyword == Tok::Switch && h.condStmt->is<AssignStmt>() &&
             h.condStmt->as<AssignStmt>()->tok == Tok::Define &&
             h.condStmt->as<AssignStmt>()->lhs.size() == 1 &&
             h.condStmt->as<AssignStmt>()->lhs[0]->is<Ident>() &&
             h.condStmt->as<AssignStmt>()->rhs.size() == 1 &&
             isTypeSwitchGuard(h.condStmt->as<AssignStmt>()->rhs[0])) {
    // switch v := x.(type): the switch statement takes it from here.
  } else {
    std::string text;
    auto* a = h.condStmt->as<AssignStmt>();
    if (a && a->tok == Tok::Assign) {
      // `if x = y {` is usually a mistyped ==: gc spells the assignment
      // out, parenthesising a binary operand to make the '=' stand out.
      auto emphasize = [](const std::vector<Expr*>& xs) {
        std::string s;
        for (size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + exprString(xs[i]);
        if (xs.size() == 1 && xs[0]->is<BinaryExpr>()) s = "(" + s + ")";
        return s;
      };
      text = fmt::format("assignment {} = {}", emphasize(a->lhs), emphasize(a->rhs));
    } else {
      text = stmtString(h.condStmt);
    }
    syntaxErrorAt(gcStmtPos(h.condStmt), fmt::format("cannot use {} as value", text));
    h.cond = make<BadExpr>(h.condStmt->pos);
  }
  xnest_ = outer;
  return h;
}

Stmt* Parser::forStmt() {
  Nest nest(this);
  Pos forPos = pos();
  Header h = header(Tok::For);
  if (auto* r = h.init ? h.init->as<RangeStmt>() : nullptr) {
    r->pos = forPos;
    r->body = blockStmt("for clause");
    return r;
  }
  ForStmt* s = make<ForStmt>(forPos);
  s->init = h.init;
  s->cond = h.cond;
  s->post = h.post;
  s->body = blockStmt("for clause");
  return s;
}

IfStmt* Parser::ifStmt() {
  Nest nest(this);
  IfStmt* s = make<IfStmt>(pos());
  Header h = header(Tok::If);
  s->init = h.init;
  s->cond = h.cond ? h.cond : make<BadExpr>(s->pos);
  s->body = blockStmt("if clause");
  if (got(Tok::Else)) {
    if (tok_.tok == Tok::If) {
      s->elseStmt = ifStmt();
    } else if (tok_.tok == Tok::LBrace) {
      s->elseStmt = blockStmt("");
    } else {
      syntaxError("else must be followed by if or statement block");
      advance({Tok::Ident, Tok::RBrace});
    }
  }
  return s;
}

Stmt* Parser::switchStmt() {
  Nest nest(this);
  Pos switchPos = pos();
  Header h = header(Tok::Switch);
  BlockStmt* body = make<BlockStmt>(pos());
  if (!got(Tok::LBrace)) {
    syntaxError("missing { after switch clause");
    advance({Tok::Case, Tok::Default, Tok::RBrace});
  }
  while (tok_.tok != Tok::EndOfFile && tok_.tok != Tok::RBrace) {
    uint64_t before = tokIndex_;
    body->list.push_back(caseClause());
    if (tokIndex_ == before) next();
  }
  body->rbrace = pos();
  want(Tok::RBrace);

  Stmt* guard = nullptr;
  if (h.condStmt) {
    if (auto* e = h.condStmt->as<ExprStmt>(); e && isTypeSwitchGuard(e->x)) guard = e;
    if (auto* a = h.condStmt->as<AssignStmt>(); a && a->rhs.size() == 1 && isTypeSwitchGuard(a->rhs[0]) &&
                                                a->tok == Tok::Define) {
      guard = a;
    }
  }
  if (guard) {
    TypeSwitchStmt* s = make<TypeSwitchStmt>(switchPos);
    s->init = h.init;
    s->assign = guard;
    s->body = body;
    return s;
  }
  SwitchStmt* s = make<SwitchStmt>(switchPos);
  s->init = h.init;
  s->tag = h.cond;
  s->body = body;
  return s;
}

SelectStmt* Parser::selectStmt() {
  Nest nest(this);
  SelectStmt* s = make<SelectStmt>(pos());
  want(Tok::Select);
  s->body = make<BlockStmt>(pos());
  if (!got(Tok::LBrace)) {
    syntaxError("missing { after select clause");
    advance({Tok::Case, Tok::Default, Tok::RBrace});
  }
  while (tok_.tok != Tok::EndOfFile && tok_.tok != Tok::RBrace) {
    uint64_t before = tokIndex_;
    s->body->list.push_back(commClause());
    if (tokIndex_ == before) next();
  }
  s->body->rbrace = pos();
  want(Tok::RBrace);
  return s;
}

CaseClause* Parser::caseClause() {
  CaseClause* c = make<CaseClause>(pos());
  switch (tok_.tok) {
    case Tok::Case:
      next();
      c->list = exprList();
      break;
    case Tok::Default:
      next();
      break;
    default:
      syntaxError("expected case or default or }");
      advance({Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace});
  }
  c->colon = pos();
  want(Tok::Colon);
  c->body = stmtList();
  return c;
}

CommClause* Parser::commClause() {
  CommClause* c = make<CommClause>(pos());
  switch (tok_.tok) {
    case Tok::Case:
      next();
      c->comm = simpleStmt({}, Tok::Illegal);
      break;
    case Tok::Default:
      next();
      break;
    default:
      syntaxError("expected case or default or }");
      advance({Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace});
  }
  c->colon = pos();
  want(Tok::Colon);
  c->body = stmtList();
  return c;
}

Stmt* Parser::stmtOrNil() {
  Nest nest(this);
  if (tok_.tok == Tok::Ident) {
    std::vector<Expr*> lhs = exprList();
    if (lhs.size() == 1 && lhs[0]->is<Ident>() && tok_.tok == Tok::Colon) {
      return labeledStmtOrNil(static_cast<Ident*>(lhs[0]));
    }
    return simpleStmt(std::move(lhs), Tok::Illegal);
  }
  switch (tok_.tok) {
    case Tok::Var:
    case Tok::Const:
    case Tok::Type:
      return declStmt();
    case Tok::LBrace:
      return blockStmt("");
    case Tok::Add: case Tok::Sub: case Tok::Mul: case Tok::And: case Tok::Xor: case Tok::Not:
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
    case Tok::Func: case Tok::LParen: case Tok::LBrack: case Tok::Struct: case Tok::Map:
    case Tok::Chan: case Tok::Interface: case Tok::Arrow:
      return simpleStmt({}, Tok::Illegal);
    case Tok::For:
      return forStmt();
    case Tok::Switch:
      return switchStmt();
    case Tok::Select:
      return selectStmt();
    case Tok::If:
      return ifStmt();
    case Tok::Fallthrough: {
      BranchStmt* s = make<BranchStmt>(pos());
      s->tok = Tok::Fallthrough;
      next();
      return s;
    }
    case Tok::Break:
    case Tok::Continue: {
      BranchStmt* s = make<BranchStmt>(pos());
      s->tok = tok_.tok;
      next();
      if (tok_.tok == Tok::Ident) s->label = name();
      return s;
    }
    case Tok::Go:
    case Tok::Defer: {
      Pos p = pos();
      Tok keyword = tok_.tok;
      next();
      CallExpr* call = callStmtCall(keyword);
      if (keyword == Tok::Go) {
        GoStmt* s = make<GoStmt>(p);
        s->call = call;
        return s;
      }
      DeferStmt* s = make<DeferStmt>(p);
      s->call = call;
      return s;
    }
    case Tok::Goto: {
      BranchStmt* s = make<BranchStmt>(pos());
      s->tok = Tok::Goto;
      next();
      s->label = name();
      return s;
    }
    case Tok::Return: {
      ReturnStmt* s = make<ReturnStmt>(pos());
      next();
      if (tok_.tok != Tok::Semicolon && tok_.tok != Tok::RBrace) s->results = exprList();
      return s;
    }
    case Tok::Semicolon: {
      EmptyStmt* s = make<EmptyStmt>(pos());
      s->implicit = tok_.lit != "semicolon";
      return s;
    }
    default:
      return nullptr;
  }
}

std::vector<Stmt*> Parser::stmtList() {
  std::vector<Stmt*> list;
  while (tok_.tok != Tok::EndOfFile && tok_.tok != Tok::RBrace && tok_.tok != Tok::Case &&
         tok_.tok != Tok::Default) {
    uint64_t before = tokIndex_;
    Stmt* s = stmtOrNil();
    if (!s) break;
    list.push_back(s);
    if (!got(Tok::Semicolon) && tok_.tok != Tok::RBrace) {
      syntaxError("at end of statement");
      advance({Tok::Semicolon, Tok::RBrace, Tok::Case, Tok::Default});
      got(Tok::Semicolon);
    }
    if (tokIndex_ == before) next();
  }
  return list;
}

Expr* Parser::wholeExpr() {
  Expr* x = expr();
  got(Tok::Semicolon);
  if (tok_.tok != Tok::EndOfFile) syntaxError("after expression");
  return x;
}

}  // namespace

File* parseFile(const SourceSet& sources, int32_t fileIndex, AstArena& arena, Diagnostics& diags,
                const ParseOptions& options) {
  Parser p(sources, fileIndex, arena, diags, options);
  return p.file();
}

Expr* parseExpr(const SourceSet& sources, int32_t fileIndex, AstArena& arena, Diagnostics& diags) {
  Parser p(sources, fileIndex, arena, diags, ParseOptions{});
  return p.wholeExpr();
}

}  // namespace gol::lang
