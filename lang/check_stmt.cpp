// Function bodies and statements (go/types' stmt.go and labels.go).
//
// A body is checked in the scope holding the parameters, statement by
// statement, each block opening a scope. A StmtContext bit set says where
// a statement sits: inside something `break` may leave, a loop `continue`
// may continue, a switch case whose last statement may `fallthrough`.
// Unlabeled break/continue find their target on FuncContext's stacks;
// labels have function-wide scope, so they are collected before the body
// is checked and goto may jump forward.
//
// After the body: labels defined and not used, "missing return" (spec
// "Terminating statements", which needs the break targets recorded while
// checking), and "declared and not used" for every variable of the body's
// scopes but not of nested function literals (they report their own).
#include <algorithm>

#include "lang/checker.h"

namespace gol::lang {

namespace {

const types::Type* invalidType(types::Universe& u) { return u.basic(types::BasicKind::Invalid); }

std::string exprStringOf(const Expr* e) { return Checker::exprString(e); }

// Calls f on each statement directly nested in s (not in function literals).
template <typename F>
void forEachChildStmt(Stmt* s, F&& f) {
  if (!s) return;
  auto list = [&](const std::vector<Stmt*>& l) {
    for (Stmt* c : l)
      if (c) f(c);
  };
  switch (s->kind) {
    case NodeKind::LabeledStmt:
      if (auto* c = s->as<LabeledStmt>()->stmt) f(c);
      break;
    case NodeKind::BlockStmt:
      list(s->as<BlockStmt>()->list);
      break;
    case NodeKind::IfStmt: {
      auto* is = s->as<IfStmt>();
      if (is->init) f(is->init);
      if (is->body) f(is->body);
      if (is->elseStmt) f(is->elseStmt);
      break;
    }
    case NodeKind::CaseClause:
      list(s->as<CaseClause>()->body);
      break;
    case NodeKind::CommClause: {
      auto* cc = s->as<CommClause>();
      if (cc->comm) f(cc->comm);
      list(cc->body);
      break;
    }
    case NodeKind::SwitchStmt: {
      auto* ss = s->as<SwitchStmt>();
      if (ss->init) f(ss->init);
      if (ss->body) f(ss->body);
      break;
    }
    case NodeKind::TypeSwitchStmt: {
      auto* ts = s->as<TypeSwitchStmt>();
      if (ts->init) f(ts->init);
      if (ts->assign) f(ts->assign);
      if (ts->body) f(ts->body);
      break;
    }
    case NodeKind::SelectStmt:
      if (auto* b = s->as<SelectStmt>()->body) f(b);
      break;
    case NodeKind::ForStmt: {
      auto* fs = s->as<ForStmt>();
      if (fs->init) f(fs->init);
      if (fs->post) f(fs->post);
      if (fs->body) f(fs->body);
      break;
    }
    case NodeKind::RangeStmt:
      if (auto* b = s->as<RangeStmt>()->body) f(b);
      break;
    default:
      break;
  }
}

// Does a break statement somewhere inside s leave s?
bool hasBreakTo(Stmt* s, Stmt* target, int depth = 0) {
  if (!s || depth > 10000) return false;
  if (auto* b = s->as<BranchStmt>()) return b->tok == Tok::Break && b->target == target;
  bool found = false;
  forEachChildStmt(s, [&](Stmt* c) {
    if (!found && hasBreakTo(c, target, depth + 1)) found = true;
  });
  return found;
}

bool isPanicCall(Expr* e) {
  auto* call = unparen(e) ? unparen(e)->as<CallExpr>() : nullptr;
  if (!call) return false;
  auto* id = unparen(call->fun) ? unparen(call->fun)->as<Ident>() : nullptr;
  if (!id || !id->obj) return false;
  auto* b = id->obj->as<types::Builtin>();
  return b && b->id == types::BuiltinId::Panic;
}

bool isStatementBuiltin(types::BuiltinId id) {
  switch (id) {
    case types::BuiltinId::Clear:
    case types::BuiltinId::Close:
    case types::BuiltinId::Copy:
    case types::BuiltinId::Delete:
    case types::BuiltinId::Panic:
    case types::BuiltinId::Print:
    case types::BuiltinId::Println:
    case types::BuiltinId::Recover:
      return true;
    default:
      return false;
  }
}

// The builtin a call expression calls, if it calls one.
const types::Builtin* calledBuiltin(CallExpr* call) {
  auto* id = unparen(call->fun) ? unparen(call->fun)->as<Ident>() : nullptr;
  return id && id->obj ? id->obj->as<types::Builtin>() : nullptr;
}

std::string objectString(Checker& c, const types::Object* obj) {
  const char* kind = "var";
  switch (obj->kind) {
    case types::ObjKind::Const: kind = "const"; break;
    case types::ObjKind::TypeName: kind = "type"; break;
    case types::ObjKind::Func: kind = "func"; break;
    default: break;
  }
  if (obj->type && !obj->is<types::Func>()) return fmt::format("{} {} {}", kind, obj->name, c.typeStr(obj->type));
  return fmt::format("{} {}", kind, obj->name);
}

}  // namespace

// ---------------------------------------------------------------------------
// Scopes

void Checker::openScope(Node* n, const std::string& comment) {
  types::Scope* s = u_.newScope(scope_, n ? n->pos : Pos{}, Pos{}, comment);
  if (scope_ && std::find(scope_->children.begin(), scope_->children.end(), s) == scope_->children.end())
    scope_->children.push_back(s);
  scope_ = s;
}

void Checker::closeScope() {
  if (scope_) scope_ = scope_->parent;
}

void Checker::usage(types::Scope* scope) {
  std::vector<types::Var*> unused;
  std::vector<types::Scope*> work{scope};
  while (!work.empty()) {
    types::Scope* s = work.back();
    work.pop_back();
    for (auto& [name, obj] : s->elems) {
      auto* v = obj->as<types::Var>();
      if (v && !v->used && !v->isParam && !v->isField && !v->isGlobal && v->name != "_" && v->parent == s)
        unused.push_back(v);
    }
    for (types::Scope* c : s->children)
      if (!c->isFunc) work.push_back(c);
  }
  std::sort(unused.begin(), unused.end(), [](const types::Var* a, const types::Var* b) { return a->pos < b->pos; });
  for (types::Var* v : unused) errorf(v->pos, "{} declared and not used", v->name);
}

// ---------------------------------------------------------------------------
// Function bodies

void Checker::collectLabels(Stmt* s) {
  forEachChildStmt(s, [&](Stmt* c) {
    if (auto* ls = c->as<LabeledStmt>(); ls && ls->label) {
      const std::string& name = ls->label->name;
      if (name != "_") {
        auto [it, fresh] = fctx_->labels.emplace(name, nullptr);
        if (!fresh) {
          branchErrorf(ls->label->pos, "label {} already defined at {}", name, diags_.format(it->second->pos));
        } else {
          auto* l = u_.newObject<types::Label>(ls->label->pos, pkg_, name);
          l->stmt = ls;
          it->second = l;
          ls->label->obj = l;
          ls->label->isDef = true;
        }
      }
    }
    collectLabels(c);
  });
}

namespace {

// The blocks of a function body as gc's syntax package sees them, for the
// goto rules: a goto may not jump into a block, nor forward over a
// variable declaration of the label's block.
struct GotoBlock {
  const GotoBlock* parent;
  Pos start;
  const std::vector<Stmt*>* list;
};

struct GotoWalker {
  std::vector<std::unique_ptr<GotoBlock>> blocks;
  std::map<const LabeledStmt*, std::pair<const GotoBlock*, size_t>> labelAt;
  struct Goto {
    BranchStmt* stmt;
    std::vector<std::pair<const GotoBlock*, size_t>> chain;  // enclosing blocks, outermost first
  };
  std::vector<Goto> gotos;
  std::vector<std::pair<const GotoBlock*, size_t>> chain;

  void block(const GotoBlock* parent, Pos start, const std::vector<Stmt*>& list) {
    blocks.push_back(std::make_unique<GotoBlock>(GotoBlock{parent, start, &list}));
    const GotoBlock* b = blocks.back().get();
    for (size_t i = 0; i < list.size(); ++i) {
      chain.emplace_back(b, i);
      stmt(b, i, list[i]);
      chain.pop_back();
    }
  }

  void stmt(const GotoBlock* b, size_t index, Stmt* s) {
    if (!s || chain.size() > 10000) return;
    switch (s->kind) {
      case NodeKind::LabeledStmt:
        labelAt[s->as<LabeledStmt>()] = {b, index};
        stmt(b, index, s->as<LabeledStmt>()->stmt);
        return;
      case NodeKind::BranchStmt:
        if (s->as<BranchStmt>()->tok == Tok::Goto) gotos.push_back(Goto{s->as<BranchStmt>(), chain});
        return;
      case NodeKind::BlockStmt:
        block(b, s->pos, s->as<BlockStmt>()->list);
        return;
      case NodeKind::IfStmt: {
        auto* is = s->as<IfStmt>();
        if (is->body) block(b, is->body->pos, is->body->list);
        if (is->elseStmt) stmt(b, index, is->elseStmt);
        return;
      }
      case NodeKind::ForStmt:
        if (auto* body = s->as<ForStmt>()->body) block(b, body->pos, body->list);
        return;
      case NodeKind::RangeStmt:
        if (auto* body = s->as<RangeStmt>()->body) block(b, body->pos, body->list);
        return;
      case NodeKind::SwitchStmt:
      case NodeKind::TypeSwitchStmt:
      case NodeKind::SelectStmt: {
        BlockStmt* body = s->is<SwitchStmt>()       ? s->as<SwitchStmt>()->body
                          : s->is<TypeSwitchStmt>() ? s->as<TypeSwitchStmt>()->body
                                                    : s->as<SelectStmt>()->body;
        if (!body) return;
        for (Stmt* c : body->list) {
          if (auto* cc = c ? c->as<CaseClause>() : nullptr) block(b, cc->pos, cc->body);
          if (auto* cc = c ? c->as<CommClause>() : nullptr) block(b, cc->pos, cc->body);
        }
        return;
      }
      default:
        return;
    }
  }
};

// The variable a statement declares (for "jumps over declaration"), if any.
bool declaresVar(Stmt* s, std::string* name, Pos* pos) {
  if (auto* ls = s ? s->as<LabeledStmt>() : nullptr) s = ls->stmt;
  if (auto* as = s ? s->as<AssignStmt>() : nullptr) {
    if (as->tok != Tok::Define || as->lhs.empty() || !as->lhs[0]) return false;
    *name = exprStringOf(as->lhs[0]);
    *pos = as->tokPos.valid() ? as->tokPos : as->pos;
    return true;
  }
  if (auto* ds = s ? s->as<DeclStmt>() : nullptr) {
    auto* gd = ds->decl ? ds->decl->as<GenDecl>() : nullptr;
    if (!gd || gd->tok != Tok::Var) return false;
    for (auto it = gd->specs.rbegin(); it != gd->specs.rend(); ++it) {
      auto* vs = (*it)->as<ValueSpec>();
      if (vs && !vs->names.empty()) {
        *name = vs->names[0]->name;
        *pos = vs->names[0]->pos;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void Checker::labels(BlockStmt* body) {
  // Labels defined and not used (all uses have been seen by now).
  std::vector<types::Label*> unused;
  for (auto& [name, l] : fctx_->labels)
    if (l && !l->used) unused.push_back(l);
  std::sort(unused.begin(), unused.end(), [](auto* a, auto* b) { return a->pos < b->pos; });
  for (types::Label* l : unused) branchErrorf(l->pos, "label {} defined and not used", l->name);

  if (!body) return;
  GotoWalker w;
  w.block(nullptr, body->pos, body->list);
  for (const GotoWalker::Goto& g : w.gotos) {
    auto* target = g.stmt->target ? g.stmt->target->as<LabeledStmt>() : nullptr;
    if (!target || !g.stmt->label) continue;
    auto at = w.labelAt.find(target);
    if (at == w.labelAt.end()) continue;
    const GotoBlock* lb = at->second.first;
    size_t labelIndex = at->second.second;
    const std::pair<const GotoBlock*, size_t>* mine = nullptr;
    for (const auto& e : g.chain)
      if (e.first == lb) mine = &e;
    if (!mine) {
      branchErrorf(g.stmt->label->pos, "goto {} jumps into block starting at {}", g.stmt->label->name,
             diags_.format(lb->start));
      continue;
    }
    std::string name;
    Pos declPos;
    bool found = false;
    for (size_t i = mine->second + 1; i < labelIndex; ++i) {
      std::string n;
      Pos p;
      if (declaresVar((*lb->list)[i], &n, &p)) {
        name = n;
        declPos = p;
        found = true;
      }
    }
    if (found)
      branchErrorf(g.stmt->label->pos, "goto {} jumps over declaration of {} at {}", g.stmt->label->name, name,
             diags_.format(declPos));
  }
}

void Checker::funcBody(const std::string& /*name*/, const types::Signature* sig, BlockStmt* body,
                       types::Scope* scope, FuncLit* lit) {
  if (!body || !scope) return;
  FuncContext ctx;
  ctx.sig = sig;
  ctx.scope = scope;
  ctx.lit = lit;
  ctx.outer = fctx_;
  types::Scope* savedScope = scope_;
  FuncContext* savedFctx = fctx_;
  int savedIota = iota_;
  Pos savedErrpos = errpos_;
  errpos_ = Pos{};
  fctx_ = &ctx;
  scope_ = scope;
  iota_ = -1;
  scope->isFunc = true;

  collectLabels(body);
  stmtList(0, body->list);
  labels(body);
  if (sig && sig->results && sig->results->size() > 0 && !isTerminating(body, ""))
    error(body->rbrace.valid() ? body->rbrace : body->pos, "missing return");
  if (config_.reportUnused) usage(scope);

  scope_ = savedScope;
  fctx_ = savedFctx;
  iota_ = savedIota;
  errpos_ = savedErrpos;
}

// ---------------------------------------------------------------------------
// Terminating statements

bool Checker::isTerminating(Stmt* s, const std::string& label) {
  if (!s) return false;
  auto terminatingList = [&](const std::vector<Stmt*>& list) {
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
      if (!*it || (*it)->is<EmptyStmt>()) continue;
      return isTerminating(*it, "");
    }
    return false;
  };
  switch (s->kind) {
    case NodeKind::ReturnStmt:
      return true;
    case NodeKind::BranchStmt: {
      Tok t = s->as<BranchStmt>()->tok;
      return t == Tok::Goto || t == Tok::Fallthrough;
    }
    case NodeKind::ExprStmt:
      return isPanicCall(s->as<ExprStmt>()->x);
    case NodeKind::BlockStmt:
      return terminatingList(s->as<BlockStmt>()->list);
    case NodeKind::IfStmt: {
      auto* is = s->as<IfStmt>();
      return is->elseStmt && isTerminating(is->body, "") && isTerminating(is->elseStmt, "");
    }
    case NodeKind::LabeledStmt: {
      auto* ls = s->as<LabeledStmt>();
      return isTerminating(ls->stmt, ls->label ? ls->label->name : "");
    }
    case NodeKind::ForStmt: {
      auto* fs = s->as<ForStmt>();
      return !fs->cond && !hasBreakTo(fs->body, s);
    }
    case NodeKind::SwitchStmt:
    case NodeKind::TypeSwitchStmt: {
      BlockStmt* body = s->is<SwitchStmt>() ? s->as<SwitchStmt>()->body : s->as<TypeSwitchStmt>()->body;
      if (!body) return false;
      bool hasDefault = false;
      for (Stmt* c : body->list) {
        auto* cc = c ? c->as<CaseClause>() : nullptr;
        if (!cc) continue;
        if (cc->list.empty()) hasDefault = true;
        bool ok = terminatingList(cc->body);
        if (!ok) {
          // A clause ending in fallthrough passes control on.
          for (auto it = cc->body.rbegin(); it != cc->body.rend(); ++it) {
            if (!*it || (*it)->is<EmptyStmt>()) continue;
            auto* b = (*it)->as<BranchStmt>();
            ok = b && b->tok == Tok::Fallthrough;
            break;
          }
        }
        if (!ok || hasBreakTo(cc, s)) return false;
      }
      return hasDefault;
    }
    case NodeKind::SelectStmt: {
      BlockStmt* body = s->as<SelectStmt>()->body;
      if (!body) return false;
      for (Stmt* c : body->list) {
        auto* cc = c ? c->as<CommClause>() : nullptr;
        if (!cc) continue;
        if (!terminatingList(cc->body) || hasBreakTo(cc, s)) return false;
      }
      return true;
    }
    default:
      (void)label;
      return false;
  }
}

// ---------------------------------------------------------------------------
// Statements

void Checker::stmtList(uint8_t ctx, const std::vector<Stmt*>& list) {
  bool fallthroughOk = (ctx & kFallthroughOk) != 0;
  uint8_t inner = ctx & ~kFallthroughOk;
  // Trailing empty statements are invisible to fallthrough analysis.
  size_t n = list.size();
  while (n > 0 && (!list[n - 1] || list[n - 1]->is<EmptyStmt>())) --n;
  for (size_t i = 0; i < list.size(); ++i) {
    uint8_t c = inner;
    if (fallthroughOk && i + 1 == n) c |= kFallthroughOk;
    stmt(c, list[i]);
  }
}

void Checker::suspendedCall(const char* keyword, CallExpr* call) {
  if (!call) return;
  Operand x;
  // `defer f` without parentheses: the parser reported it and wrapped f in
  // a call whose '(' is f itself; only evaluate f for its uses.
  if (call->fun && !(call->fun->pos < call->lparen)) {
    rawExpr(x, call->fun, nullptr);
    return;
  }
  rawExpr(x, call, nullptr);
  if (x.mode == ExprMode::Invalid) return;
  const char* msg = nullptr;
  if (call->callKind == CallKind::Conversion || x.mode == ExprMode::TypeExpr) {
    msg = "requires function call, not conversion";
  } else if (call->callKind == CallKind::Builtin) {
    const types::Builtin* b = calledBuiltin(call);
    if (b && !isStatementBuiltin(b->id)) msg = "discards result of";
  }
  if (msg) errorf(call->pos, "{} {} {}", keyword, msg, operandString(x));
}

void Checker::stmt(uint8_t ctx, Stmt* s) {
  if (!s) return;
  uint8_t inner = ctx & ~(kFallthroughOk | kFinalSwitchCase | kInTypeSwitch);

  switch (s->kind) {
    case NodeKind::BadStmt:
    case NodeKind::EmptyStmt:
      break;

    case NodeKind::DeclStmt:
      if (auto* gd = s->as<DeclStmt>()->decl ? s->as<DeclStmt>()->decl->as<GenDecl>() : nullptr) declStmt(gd);
      break;

    case NodeKind::LabeledStmt: {
      auto* ls = s->as<LabeledStmt>();
      fctx_->enclosingLabels.push_back(ls);
      stmt(ctx, ls->stmt);
      fctx_->enclosingLabels.pop_back();
      break;
    }

    case NodeKind::ExprStmt: {
      auto* es = s->as<ExprStmt>();
      Operand x;
      rawExpr(x, es->x, nullptr);
      Expr* e = unparen(es->x);
      bool isStatement = false;
      if (auto* call = e ? e->as<CallExpr>() : nullptr) {
        switch (call->callKind) {
          case CallKind::Function:
          case CallKind::Method:
          case CallKind::Interface:
          case CallKind::FuncValue:
            isStatement = true;
            break;
          case CallKind::Builtin: {
            const types::Builtin* b = calledBuiltin(call);
            isStatement = b && isStatementBuiltin(b->id);
            break;
          }
          case CallKind::Unknown:
            isStatement = x.mode == ExprMode::NoValue;
            break;
          default:
            break;
        }
      } else if (auto* u = e ? e->as<UnaryExpr>() : nullptr) {
        isStatement = u->op == Tok::Arrow;
      }
      switch (x.mode) {
        case ExprMode::Invalid:
          break;
        case ExprMode::Builtin:
          errorf(es->x->pos, "{} must be called", operandString(x));
          break;
        case ExprMode::TypeExpr:
          errorf(es->x->pos, "{} is not an expression", operandString(x));
          break;
        default:
          if (!isStatement) errorf(es->x->pos, "{} is not used", operandString(x));
          break;
      }
      break;
    }

    case NodeKind::SendStmt: {
      auto* ss = s->as<SendStmt>();
      Operand ch, val;
      expr(ch, ss->chan);
      expr(val, ss->value);
      if (ch.mode == ExprMode::Invalid || val.mode == ExprMode::Invalid) break;
      const types::Chan* c = ch.type->under<types::Chan>();
      if (!c) {
        errorf(s->pos, "invalid operation: cannot send to non-channel {}", operandString(ch));
        break;
      }
      if (c->dir == ChanDir::Recv) {
        errorf(s->pos, "invalid operation: cannot send to receive-only channel {}", operandString(ch));
        break;
      }
      assignment(val, c->elem, "send");
      break;
    }

    case NodeKind::IncDecStmt: {
      auto* is = s->as<IncDecStmt>();
      Operand x;
      expr(x, is->x);
      if (x.mode == ExprMode::Invalid) break;
      if (!types::isNumeric(x.type)) {
        errorf(is->x->pos, "invalid operation: {}{} (non-numeric type {})", exprString(is->x),
               is->tok == Tok::Inc ? "++" : "--", typeStr(x.type));
        break;
      }
      Operand v = x;
      v.mode = ExprMode::Value;
      assignVar(is->x, v);
      break;
    }

    case NodeKind::AssignStmt: {
      auto* as = s->as<AssignStmt>();
      if (as->tok == Tok::Define) {
        shortVarDecl(as);
      } else if (as->tok == Tok::Assign) {
        assignVars(as->lhs, as->rhs);
      } else {
        if (as->lhs.size() != 1 || as->rhs.size() != 1) {
          errorf(as->tokPos.valid() ? as->tokPos : as->pos, "assignment operation {} requires single-valued expressions",
                 spelling(as->tok));
          break;
        }
        Operand x;
        binary(x, nullptr, as->lhs[0], as->rhs[0], assignOpBase(as->tok), as->tokPos);
        if (x.mode == ExprMode::Invalid) break;
        assignVar(as->lhs[0], x);
      }
      break;
    }

    case NodeKind::GoStmt:
      suspendedCall("go", s->as<GoStmt>()->call);
      break;

    case NodeKind::DeferStmt:
      fctx_->hasDefer = true;
      suspendedCall("defer", s->as<DeferStmt>()->call);
      break;

    case NodeKind::ReturnStmt:
      returnStatement(s->as<ReturnStmt>());
      break;

    case NodeKind::BranchStmt:
      branchStmt(ctx, s->as<BranchStmt>());
      break;

    case NodeKind::BlockStmt:
      openScope(s, "block");
      stmtList(inner, s->as<BlockStmt>()->list);
      closeScope();
      break;

    case NodeKind::IfStmt: {
      auto* is = s->as<IfStmt>();
      openScope(s, "if");
      stmt(inner, is->init);
      Operand x;
      if (is->cond) {
        expr(x, is->cond);
        if (x.mode != ExprMode::Invalid && !types::isBoolean(x.type))
          error(is->cond->pos, "non-boolean condition in if statement");
      }
      stmt(inner, is->body);
      if (is->elseStmt) stmt(inner, is->elseStmt);
      closeScope();
      break;
    }

    case NodeKind::SwitchStmt:
      switchStmt(inner, s->as<SwitchStmt>());
      break;

    case NodeKind::TypeSwitchStmt:
      typeSwitchStmt(inner, s->as<TypeSwitchStmt>());
      break;

    case NodeKind::SelectStmt:
      selectStmt(inner, s->as<SelectStmt>());
      break;

    case NodeKind::ForStmt: {
      auto* fs = s->as<ForStmt>();
      openScope(s, "for");
      stmt(inner, fs->init);
      if (fs->cond) {
        Operand x;
        expr(x, fs->cond);
        if (x.mode != ExprMode::Invalid && !types::isBoolean(x.type))
          error(fs->cond->pos, "non-boolean condition in for statement");
      }
      if (fs->post) {
        if (auto* as = fs->post->as<AssignStmt>(); as && as->tok == Tok::Define) {
          error(fs->post->pos, "cannot declare in post statement of for loop");
        } else {
          stmt(inner, fs->post);
        }
      }
      fctx_->breakTargets.push_back(s);
      fctx_->continueTargets.push_back(s);
      stmt(inner | kBreakOk | kContinueOk, fs->body);
      fctx_->breakTargets.pop_back();
      fctx_->continueTargets.pop_back();
      closeScope();
      break;
    }

    case NodeKind::RangeStmt:
      rangeStmt(inner, s->as<RangeStmt>());
      break;

    case NodeKind::CaseClause:
    case NodeKind::CommClause:
      error(s->pos, "unexpected case clause");
      break;

    default:
      break;
  }
}

void Checker::branchStmt(uint8_t ctx, BranchStmt* s) {
  auto enclosing = [&](const std::string& name) -> LabeledStmt* {
    for (auto it = fctx_->enclosingLabels.rbegin(); it != fctx_->enclosingLabels.rend(); ++it)
      if ((*it)->label && (*it)->label->name == name) return *it;
    return nullptr;
  };
  auto findLabel = [&](const std::string& name) -> types::Label* {
    auto it = fctx_->labels.find(name);
    return it == fctx_->labels.end() ? nullptr : it->second;
  };

  switch (s->tok) {
    case Tok::Break:
      if (s->label) {
        const std::string& name = s->label->name;
        types::Label* l = findLabel(name);
        if (!l) {
          branchErrorf(s->label->pos, "break label not defined: {}", name);
          break;
        }
        l->used = true;
        s->label->obj = l;
        LabeledStmt* ls = enclosing(name);
        Stmt* t = ls && ls == l->stmt ? ls->stmt : nullptr;
        if (!t || !(t->is<ForStmt>() || t->is<RangeStmt>() || t->is<SwitchStmt>() || t->is<TypeSwitchStmt>() ||
                    t->is<SelectStmt>())) {
          branchErrorf(s->label->pos, "invalid break label {}", name);
          break;
        }
        s->target = t;
        break;
      }
      if (!(ctx & kBreakOk) || fctx_->breakTargets.empty()) {
        branchError(s->pos, "break is not in a loop, switch, or select");
        break;
      }
      s->target = fctx_->breakTargets.back();
      break;

    case Tok::Continue:
      if (s->label) {
        const std::string& name = s->label->name;
        types::Label* l = findLabel(name);
        if (!l) {
          branchErrorf(s->label->pos, "continue label not defined: {}", name);
          break;
        }
        l->used = true;
        s->label->obj = l;
        LabeledStmt* ls = enclosing(name);
        Stmt* t = ls && ls == l->stmt ? ls->stmt : nullptr;
        if (!t || !(t->is<ForStmt>() || t->is<RangeStmt>())) {
          branchErrorf(s->label->pos, "invalid continue label {}", name);
          break;
        }
        s->target = t;
        break;
      }
      if (!(ctx & kContinueOk) || fctx_->continueTargets.empty()) {
        branchError(s->pos, "continue is not in a loop");
        break;
      }
      s->target = fctx_->continueTargets.back();
      break;

    case Tok::Goto: {
      if (!s->label) break;
      types::Label* l = findLabel(s->label->name);
      if (!l) {
        branchErrorf(s->label->pos, "label {} not defined", s->label->name);
        break;
      }
      l->used = true;
      s->label->obj = l;
      s->target = l->stmt;
      break;
    }

    case Tok::Fallthrough:
      if (!(ctx & kFallthroughOk)) {
        const char* msg = "fallthrough statement out of place";
        if (ctx & kFinalSwitchCase)
          msg = "cannot fallthrough final case in switch";
        else if (ctx & kInTypeSwitch)
          msg = "cannot fallthrough in type switch";
        branchError(s->pos, msg);
      }
      break;

    default:
      break;
  }
}

void Checker::returnStatement(ReturnStmt* s) {
  if (!fctx_ || !fctx_->sig) return;
  const types::Tuple* res = fctx_->sig->results;
  std::vector<types::Var*> vars = res ? res->vars : std::vector<types::Var*>{};
  if (s->results.empty() && !vars.empty() && !vars[0]->name.empty()) {
    // A bare return needs the named results visible at the return.
    for (types::Var* v : vars) {
      if (v->name == "_") continue;
      types::Object* alt = scope_->lookupParent(v->name, s->pos);
      if (alt && alt != v) {
        errorf(s->pos, "result parameter {} not in scope at return\n\t{}: inner declaration of {}", v->name,
               diags_.format(alt->pos), objectString(*this, alt));
      }
    }
    return;
  }
  if (s->results.empty() && vars.empty()) return;
  initVars(vars, s->results, s);
}

void Checker::switchStmt(uint8_t ctx, SwitchStmt* s) {
  openScope(s, "switch");
  stmt(ctx, s->init);
  Operand x;
  if (s->tag) {
    expr(x, s->tag);
    // An untyped tag takes its default type, as in `switch 1 { ... }`.
    if (x.mode != ExprMode::Invalid) assignment(x, nullptr, "switch expression");
    const types::Type* tu = x.type ? x.type->underlying() : nullptr;
    bool tagHasNil = tu && (tu->is<types::Slice>() || tu->is<types::Map>() || tu->is<types::Signature>() ||
                            tu->is<types::Pointer>() || tu->is<types::Chan>() || tu->is<types::Interface>());
    if (x.mode != ExprMode::Invalid && !types::comparable(x.type) && !tagHasNil && !types::isInvalid(x.type)) {
      errorf(s->tag->pos, "cannot switch on {} ({} is not comparable)", operandString(x), typeStr(x.type));
      x.mode = ExprMode::Invalid;
    }
  }
  const types::Type* boolType = u_.basic(types::BasicKind::Bool);
  const types::Type* tagType = s->tag ? x.type : boolType;
  bool tagOk = !s->tag || x.mode != ExprMode::Invalid;

  struct Seen {
    ConstValue val;
    const types::Type* type;
    Pos pos;
  };
  std::vector<Seen> seen;
  Pos firstDefault;
  fctx_->breakTargets.push_back(s);
  const std::vector<Stmt*> clauses = s->body ? s->body->list : std::vector<Stmt*>{};
  for (size_t i = 0; i < clauses.size(); ++i) {
    auto* cc = clauses[i] ? clauses[i]->as<CaseClause>() : nullptr;
    if (!cc) continue;
    if (cc->list.empty()) {
      if (firstDefault.valid())
        errorf(cc->pos, "multiple defaults (first at {})", diags_.format(firstDefault));
      else
        firstDefault = cc->pos;
    }
    for (Expr* e : cc->list) {
      Operand y;
      expr(y, e);
      if (y.mode == ExprMode::Invalid || !tagOk) continue;
      std::string tagStr = s->tag ? exprString(s->tag) : "true";
      std::string desc = exprString(e);
      // The case value must be comparable with the tag: convert an untyped
      // one to the tag's type (or the tag to the case's).
      if (types::isUntyped(y.type)) {
        convertUntyped(y, tagType);
        if (y.mode == ExprMode::Invalid) continue;
      } else if (!types::identical(y.type, tagType) && !types::assignableTo(u_, y.type, tagType) &&
                 !types::assignableTo(u_, tagType, y.type)) {
        errorf(e->pos, "invalid case {} in switch on {} (mismatched types {} and {})", desc, tagStr, typeStr(y.type),
               typeStr(tagType));
        continue;
      }
      // As `y == tag`: an incomparable operand may only meet nil.
      if (!isNil(y)) {
        const types::Type* bad = !types::comparable(y.type) ? y.type : !types::comparable(tagType) ? tagType : nullptr;
        if (bad) {
          std::string cause = incomparableCause(bad);
          if (cause.empty()) cause = fmt::format("operator == not defined on {}", typeStr(bad));
          errorf(e->pos, "invalid case {} in switch on {} ({})", desc, tagStr, cause);
          continue;
        }
      }
      // gc looks for duplicates among numeric and string constants only:
      // `case 0 == 0:` and `case 1 == 1:` may both appear.
      if (y.mode == ExprMode::Constant && (y.val.isNumeric() || y.val.kind() == ConstValue::Kind::String)) {
        for (const Seen& p : seen) {
          if (p.val.kind() == y.val.kind() && types::identical(p.type, y.type) &&
              ConstValue::compare(p.val, Tok::Eql, y.val)) {
            errorf(e->pos, "duplicate case {} in expression switch\n\t{}: previous case", operandString(y),
                   diags_.format(p.pos));
            break;
          }
        }
        seen.push_back(Seen{y.val, y.type, e->pos});
      }
    }
    openScope(cc, "case");
    uint8_t inner = ctx | kBreakOk;
    if (i + 1 < clauses.size())
      inner |= kFallthroughOk;
    else
      inner |= kFinalSwitchCase;
    stmtList(inner, cc->body);
    closeScope();
  }
  fctx_->breakTargets.pop_back();
  closeScope();
}

void Checker::typeSwitchStmt(uint8_t ctx, TypeSwitchStmt* s) {
  openScope(s, "type switch");
  stmt(ctx, s->init);

  Ident* lhs = nullptr;
  TypeAssertExpr* guard = nullptr;
  if (auto* as = s->assign ? s->assign->as<AssignStmt>() : nullptr) {
    if (as->lhs.size() == 1 && as->lhs[0]) lhs = as->lhs[0]->as<Ident>();
    if (as->rhs.size() == 1 && unparen(as->rhs[0])) guard = unparen(as->rhs[0])->as<TypeAssertExpr>();
  } else if (auto* es = s->assign ? s->assign->as<ExprStmt>() : nullptr) {
    if (unparen(es->x)) guard = unparen(es->x)->as<TypeAssertExpr>();
  }
  if (!guard) {
    error(s->pos, "invalid type switch guard");
    closeScope();
    return;
  }
  if (lhs && lhs->name == "_") {
    error(lhs->pos, "no new variable on left side of :=");
    lhs = nullptr;
  }
  if (lhs) lhs->isDef = true;

  Operand x;
  expr(x, guard->x);
  const types::Interface* iface = nullptr;
  if (x.mode != ExprMode::Invalid) {
    iface = x.type->under<types::Interface>();
    if (!iface) {
      errorf(guard->x->pos, "{} is not an interface", operandString(x));
      x.mode = ExprMode::Invalid;
    } else {
      guard->mode = ExprMode::Value;
      guard->type = x.type;
    }
  }

  struct SeenType {
    const types::Type* type;  // null for nil
    Pos pos;
  };
  std::vector<SeenType> seen;
  std::vector<types::Var*> vars;
  Pos firstDefault;
  fctx_->breakTargets.push_back(s);
  const std::vector<Stmt*> clauses = s->body ? s->body->list : std::vector<Stmt*>{};
  for (Stmt* c : clauses) {
    auto* cc = c ? c->as<CaseClause>() : nullptr;
    if (!cc) continue;
    if (cc->list.empty()) {
      if (firstDefault.valid())
        errorf(cc->pos, "multiple defaults (first at {})", diags_.format(firstDefault));
      else
        firstDefault = cc->pos;
    }
    const types::Type* single = nullptr;
    bool singleIsNil = false;
    for (Expr* e : cc->list) {
      const types::Type* T = nullptr;
      bool isNil = false;
      if (!e) continue;
      if (auto* id = unparen(e)->as<Ident>()) {
        types::Object* obj = scope_->lookupParent(id->name, id->pos);
        if (obj && obj->is<types::Nil>()) {
          isNil = true;
          id->obj = obj;
          e->mode = ExprMode::Value;
          e->type = u_.basic(types::BasicKind::UntypedNil);
        }
      }
      if (!isNil) {
        T = typExpr(e);
        if (types::isInvalid(T)) {
          // The clause's variable is invalid too, as in gc: no follow-on errors.
          if (cc->list.size() == 1) single = T;
          continue;
        }
      }
      if (cc->list.size() == 1) {
        single = T;
        singleIsNil = isNil;
      }
      bool dup = false;
      for (const SeenType& p : seen) {
        if ((isNil && !p.type) || (!isNil && p.type && types::identical(p.type, T))) {
          errorf(e->pos, "duplicate case {} in type switch\n\t{}: previous case", isNil ? "nil" : typeStr(T),
                 diags_.format(p.pos));
          dup = true;
          break;
        }
      }
      if (dup) continue;
      seen.push_back(SeenType{T, e->pos});
      if (isNil || !iface || types::isInterface(T)) continue;
      types::MissingMethod mm = types::missingMethod(u_, T, iface);
      if (mm.method) {
        std::string cause;
        if (mm.pointerReceiver)
          cause = fmt::format("(method {} has pointer receiver)", mm.method->name);
        else if (mm.wrongType)
          cause = fmt::format("(wrong type for method {})", mm.method->name);
        else
          cause = fmt::format("(missing method {})", mm.method->name);
        errorf(e->pos, "impossible type switch case: {}\n\t{} cannot have dynamic type {} {}", exprString(e),
               operandString(x), typeStr(T), cause);
      }
    }
    openScope(cc, "case");
    if (lhs) {
      const types::Type* T = (cc->list.size() == 1 && !singleIsNil && single) ? single : x.type;
      if (!T || x.mode == ExprMode::Invalid) T = invalidType(u_);
      auto* v = u_.newObject<types::Var>(lhs->pos, pkg_, lhs->name, T);
      declare(scope_, nullptr, v);
      cc->implicitVar = v;
      vars.push_back(v);
    }
    stmtList(ctx | kBreakOk | kInTypeSwitch, cc->body);
    closeScope();
  }
  fctx_->breakTargets.pop_back();

  if (lhs) {
    bool used = false;
    for (types::Var* v : vars) used = used || v->used;
    if (!vars.empty()) lhs->obj = vars[0];
    if (!used && x.mode != ExprMode::Invalid && config_.reportUnused)
      errorf(lhs->pos, "{} declared and not used", lhs->name);
    // Reported once, for the symbolic variable; not per clause.
    for (types::Var* v : vars) v->used = true;
  }
  closeScope();
}

void Checker::selectStmt(uint8_t ctx, SelectStmt* s) {
  fctx_->breakTargets.push_back(s);
  Pos firstDefault;
  const std::vector<Stmt*> clauses = s->body ? s->body->list : std::vector<Stmt*>{};
  for (Stmt* c : clauses) {
    auto* cc = c ? c->as<CommClause>() : nullptr;
    if (!cc) continue;
    bool valid = false;
    Stmt* comm = cc->comm;
    if (!comm) {
      valid = true;
      if (firstDefault.valid())
        errorf(cc->pos, "multiple defaults (first at {})", diags_.format(firstDefault));
      else
        firstDefault = cc->pos;
    } else if (comm->is<SendStmt>()) {
      valid = true;
    } else if (auto* es = comm->as<ExprStmt>()) {
      auto* u = unparen(es->x) ? unparen(es->x)->as<UnaryExpr>() : nullptr;
      valid = u && u->op == Tok::Arrow;
    } else if (auto* as = comm->as<AssignStmt>()) {
      if (as->rhs.size() == 1 && unparen(as->rhs[0])) {
        auto* u = unparen(as->rhs[0])->as<UnaryExpr>();
        valid = u && u->op == Tok::Arrow && (as->tok == Tok::Assign || as->tok == Tok::Define);
      }
    }
    if (!valid) {
      error(comm->pos, "select case must be send or receive (possibly with assignment)");
      continue;
    }
    openScope(cc, "case");
    if (comm) stmt(ctx, comm);
    stmtList(ctx | kBreakOk, cc->body);
    closeScope();
  }
  fctx_->breakTargets.pop_back();
}

void Checker::rangeStmt(uint8_t ctx, RangeStmt* s) {
  openScope(s, "range");
  Operand x;
  expr(x, s->x);

  const types::Type* key = nullptr;
  const types::Type* val = nullptr;
  bool ok = false;
  bool oneVarOnly = false;
  // Messages describe the range expression as written (untyped, say).
  std::string xdesc = x.mode != ExprMode::Invalid ? operandString(x) : "";
  if (x.mode != ExprMode::Invalid) {
    // Go 1.22: an untyped integer constant ranges as an int.
    if (types::isUntyped(x.type) && x.mode == ExprMode::Constant && types::isNumeric(x.type) &&
        x.val.isIntegral()) {
      assignment(x, nullptr, "range clause");
    }
  }
  if (x.mode != ExprMode::Invalid) {
    std::string cause;
    const types::Type* u = x.type->underlying();
    if (auto* b = u->as<types::Basic>()) {
      if (types::isString(b)) {
        key = u_.basic(types::BasicKind::Int);
        val = u_.runeType();
        ok = true;
      } else if (types::isInteger(b) && !types::isUntyped(b)) {
        key = x.type;
        ok = true;
        oneVarOnly = true;
      }
    } else if (auto* a = u->as<types::Array>()) {
      key = u_.basic(types::BasicKind::Int);
      val = a->elem;
      ok = true;
    } else if (auto* p = u->as<types::Pointer>()) {
      if (auto* pa = p->elem->under<types::Array>()) {
        key = u_.basic(types::BasicKind::Int);
        val = pa->elem;
        ok = true;
      }
    } else if (auto* sl = u->as<types::Slice>()) {
      key = u_.basic(types::BasicKind::Int);
      val = sl->elem;
      ok = true;
    } else if (auto* m = u->as<types::Map>()) {
      key = m->key;
      val = m->elem;
      ok = true;
    } else if (auto* ch = u->as<types::Chan>()) {
      key = ch->elem;
      oneVarOnly = true;
      ok = ch->dir != ChanDir::Send;
      if (!ok) cause = "receive from send-only channel";
    }
    if (!ok) {
      errorf(s->x->pos, "cannot range over {}{}", xdesc, cause.empty() ? "" : ": " + cause);
    } else if (oneVarOnly && s->value) {
      errorf(s->value->pos, "range over {} permits only one iteration variable", xdesc);
    }
  }

  Expr* lhs[2] = {s->key, s->value};
  const types::Type* rhs[2] = {key, oneVarOnly ? nullptr : val};
  if (s->tok == Tok::Define) {
    std::vector<std::pair<Ident*, types::Var*>> vars;
    for (int i = 0; i < 2; ++i) {
      if (!lhs[i]) continue;
      const types::Type* t = ok && rhs[i] ? rhs[i] : invalidType(u_);
      auto* id = lhs[i]->as<Ident>();
      if (!id) {
        errorf(lhs[i]->pos, "cannot declare {}", exprString(lhs[i]));
        continue;
      }
      auto* v = u_.newObject<types::Var>(id->pos, pkg_, id->name, t);
      if (types::isInvalid(t)) v->used = true;
      id->mode = ExprMode::Variable;
      id->type = t;
      vars.emplace_back(id, v);
    }
    bool anyNew = false;
    for (auto& [id, v] : vars) {
      declare(scope_, id, v);
      if (v->name != "_") anyNew = true;
    }
    if (!anyNew) error(s->pos, "no new variables on left side of :=");
  } else if (s->tok == Tok::Assign) {
    for (int i = 0; i < 2; ++i) {
      if (!lhs[i]) continue;
      Operand y;
      if (ok && rhs[i]) {
        y.mode = ExprMode::Value;
        y.type = rhs[i];
        y.expr = lhs[i];
      }
      assignVar(lhs[i], y);
    }
  }

  fctx_->breakTargets.push_back(s);
  fctx_->continueTargets.push_back(s);
  stmt(ctx | kBreakOk | kContinueOk, s->body);
  fctx_->breakTargets.pop_back();
  fctx_->continueTargets.pop_back();
  closeScope();
}

}  // namespace gol::lang
