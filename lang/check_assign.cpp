// Assignments: the assignability of a value to a type, `=`, `:=`, variable
// initialisation and result counts (go/types' assignments.go).
//
// Every place a value is stored goes through assignment(): variable
// declarations, `=`, `:=`, op-assignments, arguments (from check_call.cpp),
// return values, channel sends, map and slice elements in composite
// literals. It converts an untyped operand to the target type (or its
// default type when the target is an interface or unknown), reporting
// gc's "(truncated)" / "(overflows)" variants, then asks types::assignableTo.
//
// Count mismatches take gc's two forms: "assignment mismatch: 2 variables
// but f returns 1 value" for `=`, `:=` and `var`, and "not enough / too many
// return values" with have/want lines for return statements.
#include "lang/checker.h"

namespace gol::lang {

namespace {

const types::Type* invalidType(types::Universe& u) { return u.basic(types::BasicKind::Invalid); }

std::string measure(size_t n, const char* unit) {
  return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
}

}  // namespace

void Checker::assignment(Operand& x, const types::Type* T, const std::string& context) {
  Pos pos = x.expr ? x.expr->pos : Pos{};
  switch (x.mode) {
    case ExprMode::Invalid:
      return;
    case ExprMode::Constant:
    case ExprMode::Variable:
    case ExprMode::MapIndex:
    case ExprMode::Value:
    case ExprMode::CommaOk:
      break;
    case ExprMode::NoValue:
      errorf(pos, "{} used as value", operandString(x));
      x.mode = ExprMode::Invalid;
      return;
    case ExprMode::Builtin:
      errorf(pos, "{} must be called", operandString(x));
      x.mode = ExprMode::Invalid;
      return;
    case ExprMode::TypeExpr:
      errorf(pos, "{} is not an expression", operandString(x));
      x.mode = ExprMode::Invalid;
      return;
    default:
      errorf(pos, "cannot assign {} to {} in {}", operandString(x), T ? typeStr(T) : "_", context);
      x.mode = ExprMode::Invalid;
      return;
  }
  if (types::isInvalid(x.type) || (T && types::isInvalid(T))) {
    x.mode = ExprMode::Invalid;
    return;
  }

  if (types::isUntyped(x.type)) {
    const auto* xb = x.type->as<types::Basic>();
    bool isNil = xb && xb->basicKind == types::BasicKind::UntypedNil;
    const types::Type* target = T;
    if (isNil) {
      if (!T) {
        errorf(pos, "use of untyped nil in {}", context);
        x.mode = ExprMode::Invalid;
        return;
      }
    } else if (!T || types::isInterface(T)) {
      target = types::defaultType(u_, x.type);
    }
    const types::Type* newType = nullptr;
    ConstValue val;
    ConvError code = implicitTypeAndValue(x, target, &newType, &val);
    if (code != ConvError::None) {
      std::string msg = fmt::format("cannot use {} as {} value in {}", operandString(x), typeStr(target), context);
      if (code == ConvError::Truncated) msg += " (truncated)";
      if (code == ConvError::Overflow) msg += " (overflows)";
      error(pos, std::move(msg));
      x.mode = ExprMode::Invalid;
      return;
    }
    if (!val.isUnknown()) {
      x.val = val;
      if (x.expr) updateExprVal(x.expr, val);
    }
    if (newType != x.type) {
      x.type = newType;
      if (x.expr) updateExprType(x.expr, newType, false);
    }
    // nil stays untyped; implicitTypeAndValue has checked T can hold it.
    if (isNil) return;
  }
  if (!T) return;

  std::string reason;
  if (!types::assignableTo(u_, x.type, T, &reason)) {
    std::string msg = fmt::format("cannot use {} as {} value in {}", operandString(x), typeStr(T), context);
    if (!reason.empty()) {
      if (reason[0] == '(')
        msg += fmt::format(": {} does not implement {} {}", typeStr(x.type), typeStr(T), reason);
      else
        msg += ": " + reason;
    }
    error(pos, std::move(msg));
    x.mode = ExprMode::Invalid;
  }
}

void Checker::assignVar(Expr* lhs, Operand& x) {
  Expr* l = unparen(lhs);
  auto* id = l ? l->as<Ident>() : nullptr;
  if (id && id->name == "_") {
    id->obj = nullptr;
    assignment(x, nullptr, "assignment to _ identifier");
    id->mode = x.mode == ExprMode::Invalid ? ExprMode::Invalid : ExprMode::Variable;
    id->type = x.type;
    return;
  }
  // Assigning to a variable is not a use of it.
  types::Var* v = nullptr;
  bool wasUsed = false;
  if (id) {
    types::Object* obj = scope_->lookupParent(id->name, id->pos);
    if (obj && obj->is<types::Var>() && obj->pkg == pkg_) {
      v = obj->as<types::Var>();
      wasUsed = v->used;
    }
  }
  Operand z;
  expr(z, lhs);
  if (v) v->used = wasUsed;

  switch (z.mode) {
    case ExprMode::Invalid:
      // Still check the right side for its own errors.
      if (x.mode != ExprMode::Invalid && types::isUntyped(x.type)) assignment(x, nullptr, "assignment");
      return;
    case ExprMode::Variable:
    case ExprMode::MapIndex:
      break;
    default: {
      if (auto* sel = l->as<SelectorExpr>()) {
        Expr* base = unparen(sel->x);
        if (base && base->mode == ExprMode::MapIndex) {
          errorf(lhs->pos, "cannot assign to struct field {} in map", exprString(lhs));
          return;
        }
      }
      errorf(lhs->pos, "cannot assign to {} (neither addressable nor a map index expression)", exprString(lhs));
      return;
    }
  }
  assignment(x, z.type, "assignment");
}

void Checker::initVar(types::Var* v, Operand& x, const std::string& context) {
  if (x.mode == ExprMode::Invalid || types::isInvalid(x.type) || (v->type && types::isInvalid(v->type))) {
    if (!v->type) v->type = invalidType(u_);
    v->used = true;  // avoid follow-on "declared and not used"
    return;
  }
  if (!v->type) {
    const types::Type* t = x.type;
    if (types::isUntyped(t)) {
      const auto* b = t->as<types::Basic>();
      if (b && b->basicKind == types::BasicKind::UntypedNil) {
        errorf(x.expr ? x.expr->pos : v->pos, "use of untyped nil in {}", context);
        v->type = invalidType(u_);
        v->used = true;
        return;
      }
      t = types::defaultType(u_, t);
    }
    v->type = t;
  }
  assignment(x, v->type, context);
}

void Checker::assignError(const std::vector<Expr*>& rhs, size_t l, size_t r) {
  std::string vars = measure(l, "variable");
  std::string vals = measure(r, "value");
  Expr* rhs0 = rhs.empty() ? nullptr : rhs[0];
  if (!rhs0) return;
  if (rhs.size() == 1) {
    if (auto* call = unparen(rhs0)->as<CallExpr>()) {
      errorf(rhs0->pos, "assignment mismatch: {} but {} returns {}", vars, exprString(call->fun), vals);
      return;
    }
  }
  errorf(rhs0->pos, "assignment mismatch: {} but {}", vars, vals);
}

namespace {

std::string typesSummary(Checker& c, const std::vector<const types::Type*>& list) {
  std::string s = "(";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) s += ", ";
    const types::Type* t = list[i];
    if (!t || types::isInvalid(t)) {
      s += "unknown type";
    } else if (types::isUntyped(t)) {
      if (types::isNumeric(t)) {
        s += "number";
      } else {
        std::string name = t->as<types::Basic>()->name;
        if (name.rfind("untyped ", 0) == 0) name = name.substr(8);
        s += name;
      }
    } else {
      s += c.typeStr(t);
    }
  }
  return s + ")";
}

}  // namespace

void Checker::returnError(ReturnStmt* s, const std::vector<types::Var*>& lhs, const std::vector<Operand>& rhs) {
  size_t l = lhs.size(), r = rhs.size();
  Pos at = s->pos;
  const char* qualifier = "not enough";
  if (r > l) {
    if (rhs[l].expr) at = rhs[l].expr->pos;
    qualifier = "too many";
  } else if (r > 0 && rhs[r - 1].expr) {
    at = rhs[r - 1].expr->pos;
  }
  std::vector<const types::Type*> have, want;
  for (const Operand& x : rhs) have.push_back(x.type);
  for (const types::Var* v : lhs) want.push_back(v->type);
  errorf(at, "{} return values\n\thave {}\n\twant {}", qualifier, typesSummary(*this, have),
         typesSummary(*this, want));
}

void Checker::initVars(const std::vector<types::Var*>& lhs, const std::vector<Expr*>& rhs, Node* returnStmt) {
  ReturnStmt* rs = returnStmt ? returnStmt->as<ReturnStmt>() : nullptr;
  initVarsCtx(lhs, rhs, rs, rs ? "return statement" : "assignment");
}

void Checker::initVarsCtx(const std::vector<types::Var*>& lhs, const std::vector<Expr*>& rhs,
                          ReturnStmt* returnStmt, const std::string& context) {
  size_t l = lhs.size(), r = rhs.size();
  bool isCall = r == 1 && unparen(rhs[0]) && unparen(rhs[0])->is<CallExpr>();

  auto invalidateLhs = [&] {
    for (types::Var* v : lhs) {
      if (!v->type) v->type = invalidType(u_);
      v->used = true;
    }
  };

  if (l == r && !isCall) {
    for (size_t i = 0; i < l; ++i) {
      Operand x;
      exprWithHint(x, rhs[i], lhs[i]->type);
      initVar(lhs[i], x, context);
    }
    return;
  }
  if (r != 1) {
    std::vector<Operand> xs(r);
    bool ok = true;
    for (size_t i = 0; i < r; ++i) {
      expr(xs[i], rhs[i]);
      if (xs[i].mode == ExprMode::Invalid) ok = false;
    }
    if (returnStmt) {
      returnError(returnStmt, lhs, xs);
    } else if (ok) {
      assignError(rhs, l, r);
    }
    invalidateLhs();
    return;
  }
  std::vector<Operand> xs;
  multiExpr(xs, rhs[0], l == 2 && !returnStmt);
  if (xs.size() == l) {
    for (size_t i = 0; i < l; ++i) initVar(lhs[i], xs[i], context);
    return;
  }
  if (!xs.empty() && xs[0].mode != ExprMode::Invalid) {
    if (returnStmt)
      returnError(returnStmt, lhs, xs);
    else
      assignError(rhs, l, xs.size());
  }
  invalidateLhs();
}

void Checker::assignVars(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs) {
  size_t l = lhs.size(), r = rhs.size();
  bool isCall = r == 1 && unparen(rhs[0]) && unparen(rhs[0])->is<CallExpr>();
  if (l == r && !isCall) {
    for (size_t i = 0; i < l; ++i) {
      Operand x;
      expr(x, rhs[i]);
      assignVar(lhs[i], x);
    }
    return;
  }
  // Evaluates the left side for its errors (and uses) when it gets no value.
  auto useLhs = [&] {
    for (Expr* e : lhs) {
      Operand invalid;
      assignVar(e, invalid);
    }
  };
  if (r != 1) {
    bool ok = true;
    for (Expr* e : rhs) {
      Operand x;
      expr(x, e);
      if (x.mode == ExprMode::Invalid) ok = false;
    }
    useLhs();
    if (ok) assignError(rhs, l, r);
    return;
  }
  std::vector<Operand> xs;
  multiExpr(xs, rhs[0], l == 2);
  if (xs.size() == l) {
    for (size_t i = 0; i < l; ++i) assignVar(lhs[i], xs[i]);
    return;
  }
  if (!xs.empty() && xs[0].mode != ExprMode::Invalid) assignError(rhs, l, xs.size());
  useLhs();
}

void Checker::shortVarDecl(AssignStmt* s) {
  std::vector<types::Var*> lhsVars(s->lhs.size(), nullptr);
  std::vector<types::Var*> newVars;
  std::vector<Ident*> newIdents;
  std::set<std::string> seen;
  bool hasErr = false;
  for (size_t i = 0; i < s->lhs.size(); ++i) {
    Expr* e = s->lhs[i];
    auto* id = e ? e->as<Ident>() : nullptr;
    if (!id) {
      if (e) {
        Operand invalid;
        assignVar(e, invalid);  // for errors and uses
        errorf(e->pos, "non-name {} on left side of :=", exprString(e));
      }
      hasErr = true;
      continue;
    }
    if (id->name != "_") {
      if (!seen.insert(id->name).second) {
        errorf(id->pos, "{} repeated on left side of :=", id->name);
        hasErr = true;
        continue;
      }
    }
    if (types::Object* alt = scope_->lookup(id->name)) {
      id->obj = alt;
      if (auto* v = alt->as<types::Var>()) {
        lhsVars[i] = v;
      } else {
        errorf(id->pos, "cannot assign to {}", id->name);
        hasErr = true;
      }
      continue;
    }
    auto* v = u_.newObject<types::Var>(id->pos, pkg_, id->name, nullptr);
    lhsVars[i] = v;
    id->obj = v;
    id->isDef = true;
    if (id->name != "_") {
      newVars.push_back(v);
      newIdents.push_back(id);
    }
  }
  for (size_t i = 0; i < lhsVars.size(); ++i) {
    if (!lhsVars[i]) lhsVars[i] = u_.newObject<types::Var>(s->lhs[i] ? s->lhs[i]->pos : s->pos, pkg_, "_", nullptr);
  }
  // Re-declared variables keep their used flag: := assigns, it does not read.
  std::vector<std::pair<types::Var*, bool>> wasUsed;
  for (types::Var* v : lhsVars) wasUsed.emplace_back(v, v->used);
  initVarsCtx(lhsVars, s->rhs, nullptr, "assignment");
  for (auto& [v, used] : wasUsed) {
    if (v->type && !types::isInvalid(v->type)) v->used = used;
  }
  if (newVars.empty() && !hasErr) {
    error(s->tokPos.valid() ? s->tokPos : s->pos, "no new variables on left side of :=");
    return;
  }
  for (size_t i = 0; i < newVars.size(); ++i) declare(scope_, newIdents[i], newVars[i]);
}

void Checker::declareVar(types::Var* v, Ident* id) { declare(scope_, id, v); }

}  // namespace gol::lang
