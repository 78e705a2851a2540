// Calls, conversions and selectors.
//
// A call expression `f(args)` is one of four things, decided by what `f`
// turns out to be: a conversion (f is a type), a built-in call (f is a
// predeclared function; check_builtin.cpp), a method call (f is a selector
// that found a method; through an interface or not), or a call of a
// function value. CallExpr::callKind records which, for codegen.
//
// Arguments follow go/types: a single argument may be a multi-valued call
// (`f(g())`); a variadic function gets a parameter list stretched to the
// number of arguments, unless the call spreads a slice (`f(xs...)`).
// Argument count errors print gc's have/want lines, where untyped numeric
// constants appear as "number".
//
// Selectors resolve qualified identifiers (pkg.Name) directly, and fields
// and methods through lookupFieldOrMethod, recording the Selection (path
// through embedded fields, indirection) on the SelectorExpr.
#include <cctype>

#include "lang/checker.h"

namespace gol::lang {

using types::Basic;
using types::BasicKind;
using types::Type;

namespace {

const char* kInvalidOp = "invalid operation: ";

// The receiver variable a method call goes through, if the operand is a
// variable (x.m() with m on *T takes &x).
types::Var* rootVar(Expr* e) {
  for (int depth = 0; e && depth < 100; ++depth) {
    e = unparen(e);
    if (auto* id = e->as<Ident>()) return id->obj ? id->obj->as<types::Var>() : nullptr;
    if (auto* s = e->as<SelectorExpr>()) {
      if (!s->selection || s->selection->indirect || s->selection->kind != types::Selection::Kind::FieldVal)
        return nullptr;
      e = s->x;
    } else if (auto* ix = e->as<IndexExpr>()) {
      if (!ix->x->type || !ix->x->type->under<types::Array>()) return nullptr;
      e = ix->x;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

}  // namespace

static std::string typesSummary(const Checker& c, const std::vector<const Type*>& list, bool variadic) {
  std::string out = "(";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    const Type* t = list[i];
    if (!t || types::isInvalid(t)) {
      out += "unknown type";
    } else if (types::isUntyped(t)) {
      if (types::isNumeric(t)) {
        out += "number";
      } else {
        std::string name = t->as<Basic>()->name;
        if (name.rfind("untyped ", 0) == 0) name = name.substr(8);
        out += name;
      }
    } else if (variadic && i + 1 == list.size() && t->as<types::Slice>()) {
      out += "..." + c.typeStr(t->as<types::Slice>()->elem);
    } else {
      out += c.typeStr(t);
    }
  }
  return out + ")";
}

void Checker::callExpr(Operand& x, CallExpr* call) {
  exprOrType(x, call->fun);
  if (call->args.empty() && call->lparen == call->fun->pos && call->rparen == call->lparen) {
    // `defer f` without parentheses: the parser made up this call and
    // reported it already.
    x.mode = ExprMode::Invalid;
    x.expr = call;
    return;
  }
  switch (x.mode) {
    case ExprMode::Invalid:
      use(call->args);
      x.expr = call;
      return;
    case ExprMode::TypeExpr: {
      const Type* t = x.type;
      x.mode = ExprMode::Invalid;
      call->callKind = CallKind::Conversion;
      if (call->args.empty()) {
        errorf(call->pos, "missing argument in conversion to {}", typeStr(t));
      } else if (call->args.size() == 1) {
        expr(x, call->args[0]);
        if (x.mode != ExprMode::Invalid) {
          if (call->hasEllipsis) {
            errorf(call->args[0]->pos, "invalid use of ... in conversion to {}", typeStr(t));
            x.mode = ExprMode::Invalid;
          } else {
            conversion(x, t, call);
          }
        }
      } else {
        use(call->args);
        errorf(call->args.back()->pos, "too many arguments in conversion to {}", typeStr(t));
      }
      x.expr = call;
      return;
    }
    case ExprMode::Builtin: {
      call->callKind = CallKind::Builtin;
      types::BuiltinId id = x.builtin;
      if (!builtin(x, call, id)) x.mode = ExprMode::Invalid;
      x.expr = call;
      if (x.mode != ExprMode::Invalid && x.mode != ExprMode::Constant) hasCallOrRecv_ = true;
      return;
    }
    default: break;
  }

  const auto* sig = x.type ? x.type->under<types::Signature>() : nullptr;
  if (!sig) {
    errorf(x.expr->pos, "{}cannot call non-function {}", kInvalidOp, operandString(x));
    use(call->args);
    x.mode = ExprMode::Invalid;
    x.expr = call;
    return;
  }

  // What kind of call, for codegen.
  call->callKind = CallKind::FuncValue;
  Expr* fun = unparen(call->fun);
  if (auto* s = fun->as<SelectorExpr>()) {
    if (s->selection && s->selection->kind == types::Selection::Kind::MethodVal) {
      // Interface methods (also those promoted from an embedded interface
      // field) are the ones without a declaration.
      const auto* f = s->selection->obj ? s->selection->obj->as<types::Func>() : nullptr;
      call->callKind = (f && !f->decl) ? CallKind::Interface : CallKind::Method;
    } else if (!s->selection && s->sel && s->sel->obj && s->sel->obj->is<types::Func>()) {
      call->callKind = CallKind::Function;  // pkg.F
    }
  } else if (auto* id = fun->as<Ident>()) {
    if (id->obj && id->obj->is<types::Func>()) call->callKind = CallKind::Function;
  }

  std::vector<Operand> args;
  if (call->args.size() == 1) {
    multiExpr(args, call->args[0], false);
  } else {
    for (Expr* a : call->args) {
      args.emplace_back();
      expr(args.back(), a);
    }
  }
  arguments(call, sig, args);

  size_t nres = sig->results ? sig->results->size() : 0;
  if (nres == 0) {
    x.mode = ExprMode::NoValue;
    x.type = nullptr;
  } else if (nres == 1) {
    x.mode = ExprMode::Value;
    x.type = sig->results->vars[0]->type;
  } else {
    x.mode = ExprMode::Value;
    x.type = sig->results;
  }
  x.expr = call;
  hasCallOrRecv_ = true;
}

void Checker::arguments(CallExpr* call, const types::Signature* sig, std::vector<Operand>& args) {
  for (const Operand& a : args)
    if (a.mode == ExprMode::Invalid) return;

  size_t nargs = args.size();
  const std::vector<types::Var*> noVars;
  const std::vector<types::Var*>& params = sig->params ? sig->params->vars : noVars;
  size_t npars = params.size();
  bool ddd = call->hasEllipsis;

  std::vector<const Type*> paramTypes;
  for (const types::Var* p : params) paramTypes.push_back(p->type);

  if (sig->variadic) {
    if (ddd) {
      if (call->args.size() == 1 && nargs > 1) {
        errorf(call->pos, "cannot use ... with {}-valued {}", nargs, exprString(call->args[0]));
        return;
      }
    } else if (nargs + 1 >= npars) {
      // Stretch the ...T parameter over the trailing arguments.
      const Type* last = paramTypes.back();
      const auto* sl = last ? last->as<types::Slice>() : nullptr;
      if (!sl && last) sl = last->under<types::Slice>();
      paramTypes.pop_back();
      while (paramTypes.size() < nargs) paramTypes.push_back(sl ? sl->elem : basic(BasicKind::Invalid));
      npars = nargs;
    } else {
      --npars;  // for the message below
    }
  } else if (ddd) {
    errorf(call->pos, "cannot use ... in call to non-variadic {}", exprString(call->fun));
    return;
  }

  if (nargs != npars) {
    Pos at = call->pos;
    const char* qualifier = "not enough";
    if (nargs > npars) {
      at = args[npars].expr->pos;
      qualifier = "too many";
    } else if (nargs > 0) {
      at = args[nargs - 1].expr->pos;
    }
    std::vector<const Type*> have, want;
    for (const Operand& a : args) have.push_back(a.type);
    for (const types::Var* p : params) want.push_back(p->type);
    errorf(at, "{} arguments in call to {}\n\thave {}\n\twant {}", qualifier, exprString(call->fun),
           typesSummary(*this, have, false), typesSummary(*this, want, sig->variadic));
    return;
  }

  std::string context = "argument to " + exprString(call->fun);
  for (size_t i = 0; i < nargs; ++i) assignment(args[i], paramTypes[i], context);
}

void Checker::conversion(Operand& x, const Type* t, CallExpr* call) {
  (void)call;
  bool constArg = x.mode == ExprMode::Constant;
  bool ok = false;
  const Basic* tb = t->under<Basic>();
  if (constArg && types::isConstType(t)) {
    ConstValue v = x.val;
    if (tb && representable(x, tb, &v)) {
      ok = true;
      x.val = v;
    } else if (tb && types::isInteger(x.type) && types::isString(t)) {
      // string(65): the rune's UTF-8 encoding, U+FFFD when invalid.
      uint32_t cp = 0xFFFD;
      if (auto u = x.val.toUint64(); u && *u <= 0x10FFFF && !(*u >= 0xD800 && *u <= 0xDFFF)) cp = static_cast<uint32_t>(*u);
      std::string s;
      if (cp < 0x80) {
        s += static_cast<char>(cp);
      } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      }
      x.val = ConstValue::makeString(std::move(s));
      ok = true;
    }
    if (!ok && types::isInteger(x.type) && types::isInteger(t)) {
      errorf(x.expr->pos, "constant {} overflows {}", x.val.toString(), typeStr(t));
      x.mode = ExprMode::Invalid;
      return;
    }
  } else if (types::isUntyped(x.type)) {
    // An untyped value converts if it is assignable, or through its
    // default type ([]byte("s"), float64(1 << s)).
    const Type* nt = nullptr;
    ConstValue v;
    if (implicitTypeAndValue(x, t, &nt, &v) == ConvError::None) ok = true;
    else if (!isNil(x) && types::convertibleTo(u_, types::defaultType(u_, x.type), t)) ok = true;
    if (ok) x.mode = ExprMode::Value;
  } else if (types::convertibleTo(u_, x.type, t)) {
    ok = true;
    x.mode = ExprMode::Value;
  }
  if (!ok) {
    // Into an interface: say which method is missing, as types2 does.
    std::string cause;
    if (types::isInterface(t) && !types::isUntyped(x.type)) {
      std::string reason;
      if (!types::assignableTo(u_, x.type, t, &reason) && !reason.empty() && reason[0] == '(')
        cause = fmt::format(": {} does not implement {} {}", typeStr(x.type), typeStr(t), reason);
    }
    errorf(x.expr->pos, "cannot convert {} to type {}{}", operandString(x), typeStr(t), cause);
    x.mode = ExprMode::Invalid;
    return;
  }
  if (types::isUntyped(x.type)) {
    const Type* final = t;
    if (isNil(x)) {
      final = basic(BasicKind::UntypedNil);
    } else if (types::isInterface(t) || (constArg && !types::isConstType(t))) {
      final = types::defaultType(u_, x.type);
    } else if (constArg && types::isInteger(x.type) && types::isString(t)) {
      final = x.type;
    }
    updateExprType(x.expr, final, true);
  }
  x.type = t;
}

void Checker::selector(Operand& x, SelectorExpr* e) {
  x.mode = ExprMode::Invalid;
  x.expr = e;
  const std::string& sel = e->sel ? e->sel->name : std::string();
  if (!e->sel) return;

  // A qualified identifier: pkg.Name.
  if (auto* id = e->x->as<Ident>()) {
    types::Object* obj = scope_ ? scope_->lookupParent(id->name, id->pos) : nullptr;
    if (auto* pn = obj ? obj->as<types::PkgName>() : nullptr) {
      id->obj = pn;
      id->mode = ExprMode::Package;
      pn->used = true;
      types::Package* pkg = pn->imported;
      if (!pkg || !pkg->scope) return;
      types::Object* exp = pkg->scope->lookup(sel);
      if (!exp) {
        if (!pkg->fake) errorf(e->sel->pos, "undefined: {}", exprString(e));
        return;
      }
      if (!exp->exported()) {
        errorf(e->sel->pos, "name {} not exported by package {}", sel, pkg->name);
      }
      e->sel->obj = exp;
      switch (exp->kind) {
        case types::ObjKind::Const:
          x.mode = ExprMode::Constant;
          x.type = exp->type;
          x.val = exp->as<types::Const>()->value;
          break;
        case types::ObjKind::TypeName:
          x.mode = ExprMode::TypeExpr;
          x.type = exp->type;
          break;
        case types::ObjKind::Var:
          x.mode = ExprMode::Variable;
          x.type = exp->type;
          break;
        case types::ObjKind::Func:
          x.mode = ExprMode::Value;
          x.type = exp->type;
          break;
        case types::ObjKind::Builtin:
          x.mode = ExprMode::Builtin;
          x.builtin = exp->as<types::Builtin>()->id;
          x.type = basic(BasicKind::Invalid);
          break;
        default: return;
      }
      if (!x.type) x.mode = ExprMode::Invalid;
      e->sel->mode = x.mode;
      e->sel->type = x.type;
      if (x.mode == ExprMode::Constant) e->sel->value = x.val;
      return;
    }
  }

  exprOrType(x, e->x);
  x.expr = e->x;
  switch (x.mode) {
    case ExprMode::Invalid: x.expr = e; return;
    case ExprMode::Builtin: {
      Pos dot = e->sel->pos;  // gc reports at the '.'
      if (dot.col > 1) --dot.col;
      errorf(dot, "invalid use of {} in selector expression", operandString(x));
      x.mode = ExprMode::Invalid;
      x.expr = e;
      return;
    }
    default: break;
  }

  const Type* xt = x.type;
  types::LookupResult r = types::lookupFieldOrMethod(u_, xt, x.mode == ExprMode::Variable, pkg_, sel);
  Operand xo = x;
  x.expr = e;
  if (!r.obj) {
    if (types::isInvalid(xt->underlying())) {
      x.mode = ExprMode::Invalid;
      return;
    }
    if (r.ambiguous) {
      errorf(e->sel->pos, "ambiguous selector {}.{}", exprString(e->x), sel);
    } else {
      std::string why;
      const auto* p = xt->under<types::Pointer>();
      if (p && types::isInterface(p->elem)) {
        why = fmt::format("type {} is pointer to interface, not interface", typeStr(xt));
      } else {
        why = fmt::format("type {} has no field or method {}", typeStr(xt), sel);
        // The same name with its first letter's case flipped (types2's hint).
        std::string changeCase = sel;
        if (!changeCase.empty()) {
          unsigned char c0 = static_cast<unsigned char>(changeCase[0]);
          changeCase[0] = static_cast<char>(std::isupper(c0) ? std::tolower(c0) : std::toupper(c0));
        }
        if (!sel.empty() && changeCase != sel &&
            types::lookupFieldOrMethod(u_, xt, xo.mode == ExprMode::Variable, pkg_, changeCase).obj)
          why += ", but does have " + changeCase;
      }
      errorf(e->sel->pos, "{}.{} undefined ({})", exprString(e->x), sel, why);
    }
    x.mode = ExprMode::Invalid;
    return;
  }

  auto* method = r.obj->as<types::Func>();
  if (method && r.needsPointerReceiver) {
    if (xo.mode == ExprMode::TypeExpr) {
      errorf(e->sel->pos, "invalid method expression {}.{} (needs pointer receiver (*{}).{})", typeStr(xt), sel,
             typeStr(xt), sel);
    } else {
      errorf(e->sel->pos, "cannot call pointer method {} on {}", sel, typeStr(xt));
    }
    x.mode = ExprMode::Invalid;
    return;
  }
  if (method && !method->type && objMap_.count(method)) objDecl(method);
  if (method && !method->type) {
    x.mode = ExprMode::Invalid;
    return;
  }

  types::Selection* s = u_.newSelection();
  s->recv = xt;
  s->obj = r.obj;
  s->index = r.index;
  s->indirect = r.indirect;
  e->sel->obj = r.obj;

  if (xo.mode == ExprMode::TypeExpr) {
    if (!method) {
      errorf(e->sel->pos, "{}.{} undefined (type {} has no method {})", exprString(e->x), sel, typeStr(xt), sel);
      x.mode = ExprMode::Invalid;
      return;
    }
    // Method expression: the receiver becomes the first parameter.
    const types::Signature* msig = method->signature();
    auto* params = u_.newType<types::Tuple>();
    auto* recv = u_.newObject<types::Var>(msig->recv ? msig->recv->pos : Pos{}, pkg_,
                                          msig->recv ? msig->recv->name : std::string(), xt);
    recv->isParam = true;
    params->vars.push_back(recv);
    if (msig->params)
      for (types::Var* v : msig->params->vars) params->vars.push_back(v);
    auto* fsig = u_.newType<types::Signature>();
    fsig->params = params;
    fsig->results = msig->results;
    fsig->variadic = msig->variadic;
    s->kind = types::Selection::Kind::MethodExpr;
    s->type = fsig;
    e->selection = s;
    x.mode = ExprMode::Value;
    x.type = fsig;
    addDeclDep(method);
    return;
  }

  if (auto* field = r.obj->as<types::Var>()) {
    s->kind = types::Selection::Kind::FieldVal;
    s->type = field->type;
    e->selection = s;
    x.mode = (xo.mode == ExprMode::Variable || r.indirect) ? ExprMode::Variable : ExprMode::Value;
    x.type = field->type;
    if (!x.type) x.mode = ExprMode::Invalid;
    return;
  }

  // Method value: the receiver is bound, the signature loses it.
  const types::Signature* msig = method->signature();
  auto* vsig = u_.newType<types::Signature>();
  vsig->params = msig->params;
  vsig->results = msig->results;
  vsig->variadic = msig->variadic;
  s->kind = types::Selection::Kind::MethodVal;
  s->type = vsig;
  e->selection = s;
  if (method->hasPtrRecv() && !r.indirect && !xt->under<types::Pointer>()) {
    if (types::Var* v = rootVar(e->x)) v->addressTaken = true;
  }
  x.mode = ExprMode::Value;
  x.type = vsig;
  addDeclDep(method);
}

}  // namespace gol::lang
