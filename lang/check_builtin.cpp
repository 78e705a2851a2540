// The predeclared functions: len, cap, append, copy, delete, make, new,
// panic, print, println, recover, close, clear, min, max.
//
// Built-ins are not functions with signatures: each has its own typing
// rule (make and new take a type, len of an array is a constant, append
// accepts `append([]byte, string...)`, min/max of constants are constants).
// One table gives each its argument count; the rules follow the spec and
// go/types, with gc's messages. complex, real and imag exist in the
// universe (so they shadow and resolve as in Go) but Gol has no complex
// numbers, so calling them is an error.
#include <algorithm>

#include "lang/checker.h"

namespace gol::lang {

using types::Basic;
using types::BasicKind;
using types::BuiltinId;
using types::Type;

namespace {

const char* kInvalidOp = "invalid operation: ";
const char* kInvalidArg = "invalid argument: ";

struct BuiltinInfo {
  BuiltinId id;
  const char* name;
  int nargs;      // minimum number of arguments
  bool variadic;  // more are allowed
};

// One row per built-in (STYLE.md, 2).
constexpr BuiltinInfo kBuiltins[] = {
    {BuiltinId::Append, "append", 1, true}, {BuiltinId::Cap, "cap", 1, false},
    {BuiltinId::Clear, "clear", 1, false},   {BuiltinId::Close, "close", 1, false},
    {BuiltinId::Complex, "complex", 2, false}, {BuiltinId::Copy, "copy", 2, false},
    {BuiltinId::Delete, "delete", 2, false}, {BuiltinId::Imag, "imag", 1, false},
    {BuiltinId::Len, "len", 1, false},       {BuiltinId::Make, "make", 1, true},
    {BuiltinId::Max, "max", 1, true},        {BuiltinId::Min, "min", 1, true},
    {BuiltinId::New, "new", 1, false},       {BuiltinId::Panic, "panic", 1, false},
    {BuiltinId::Print, "print", 0, true},    {BuiltinId::Println, "println", 0, true},
    {BuiltinId::Real, "real", 1, false},     {BuiltinId::Recover, "recover", 0, false},
};

const BuiltinInfo& info(BuiltinId id) {
  for (const BuiltinInfo& b : kBuiltins)
    if (b.id == id) return b;
  return kBuiltins[0];
}

}  // namespace

bool Checker::builtin(Operand& x, CallExpr* call, BuiltinId id) {
  const BuiltinInfo& bin = info(id);
  const auto& argList = call->args;

  if (call->hasEllipsis && id != BuiltinId::Append) {
    errorf(call->pos, "{}invalid use of ... with built-in {}", kInvalidOp, bin.name);
    use(argList);
    return false;
  }
  if (id == BuiltinId::Complex || id == BuiltinId::Real || id == BuiltinId::Imag) {
    use(argList);
    errorf(call->pos, "complex numbers are not supported by gol ({} is unavailable)", bin.name);
    return false;
  }

  // len and cap of an array are constant unless the operand calls or
  // receives: track that for the argument alone.
  bool savedCallOrRecv = hasCallOrRecv_;
  if (id == BuiltinId::Len || id == BuiltinId::Cap) hasCallOrRecv_ = false;
  struct Restore {
    bool& flag;
    bool saved;
    bool active;
    ~Restore() {
      if (active) flag = saved || flag;
    }
  } restore{hasCallOrRecv_, savedCallOrRecv, id == BuiltinId::Len || id == BuiltinId::Cap};

  std::vector<Operand> args;
  size_t nargs = 0;
  if (id == BuiltinId::Make || id == BuiltinId::New) {
    nargs = argList.size();
  } else {
    if (argList.size() == 1) {
      multiExpr(args, argList[0], false);
    } else {
      for (Expr* a : argList) {
        args.emplace_back();
        expr(args.back(), a);
      }
    }
    nargs = args.size();
    for (const Operand& a : args)
      if (a.mode == ExprMode::Invalid) return false;
    if (nargs > 0) x = args[0];
  }

  {
    const char* msg = nullptr;
    if (static_cast<int>(nargs) < bin.nargs) msg = "not enough";
    else if (!bin.variadic && static_cast<int>(nargs) > bin.nargs) msg = "too many";
    if (msg) {
      errorf(call->pos, "{}{} arguments for {} (expected {}, found {})", kInvalidOp, msg, exprString(call), bin.nargs,
             nargs);
      return false;
    }
  }

  switch (id) {
    case BuiltinId::Append: {
      const Type* S = x.type;
      const auto* s = S->under<types::Slice>();
      if (!s) {
        std::string cause = isNil(x) ? "have untyped nil" : "have " + operandString(x);
        errorf(x.expr->pos, "first argument to append must be a slice; {}", cause);
        return false;
      }
      // append([]byte, string...) appends the string's bytes.
      if (nargs == 2 && call->hasEllipsis && types::identical(s->elem, u_.byteType()) &&
          types::isString(args[1].type)) {
        if (types::isUntyped(args[1].type)) {
          Operand& y = args[1];
          convertUntyped(y, basic(BasicKind::String));
        }
        x.mode = ExprMode::Value;
        x.type = S;
        break;
      }
      auto* sig = u_.newType<types::Signature>();
      auto* params = u_.newType<types::Tuple>();
      params->vars.push_back(u_.newObject<types::Var>(Pos{}, nullptr, "", S));
      params->vars.push_back(u_.newObject<types::Var>(Pos{}, nullptr, "", u_.newType<types::Slice>(s->elem)));
      auto* results = u_.newType<types::Tuple>();
      results->vars.push_back(u_.newObject<types::Var>(Pos{}, nullptr, "", S));
      sig->params = params;
      sig->results = results;
      sig->variadic = true;
      arguments(call, sig, args);
      x.mode = ExprMode::Value;
      x.type = S;
      break;
    }

    case BuiltinId::Cap:
    case BuiltinId::Len: {
      ExprMode mode = ExprMode::Invalid;
      ConstValue val;
      const Type* u = x.type->underlying();
      if (const auto* p = u->as<types::Pointer>()) {
        if (const auto* a = p->elem->under<types::Array>()) u = a;
      }
      if (const auto* b = u->as<Basic>()) {
        if ((b->info & types::kIsString) && id == BuiltinId::Len) {
          if (x.mode == ExprMode::Constant && x.val.kind() == ConstValue::Kind::String) {
            mode = ExprMode::Constant;
            val = ConstValue::makeInt64(static_cast<int64_t>(x.val.stringVal().size()));
          } else {
            mode = ExprMode::Value;
          }
        }
      } else if (const auto* a = u->as<types::Array>()) {
        mode = ExprMode::Value;
        if (!hasCallOrRecv_) {
          mode = ExprMode::Constant;
          val = a->len >= 0 ? ConstValue::makeInt64(a->len) : ConstValue();
        }
      } else if (u->is<types::Slice>() || u->is<types::Chan>()) {
        mode = ExprMode::Value;
      } else if (u->is<types::Map>()) {
        if (id == BuiltinId::Len) mode = ExprMode::Value;
      }
      if (mode == ExprMode::Invalid) {
        if (!types::isInvalid(x.type->underlying()))
          errorf(x.expr->pos, "{}{} for {}", kInvalidArg, operandString(x), bin.name);
        return false;
      }
      // A string constant argument becomes a string value when len is not constant.
      if (types::isUntyped(x.type)) updateExprType(x.expr, types::defaultType(u_, x.type), true);
      x.mode = mode;
      x.type = basic(BasicKind::Int);
      x.val = val;
      break;
    }

    case BuiltinId::Clear: {
      const Type* u = x.type->underlying();
      if (!u->is<types::Map>() && !u->is<types::Slice>()) {
        errorf(x.expr->pos, "{}cannot clear {}: argument must be (or constrained by) map or slice", kInvalidArg,
               operandString(x));
        return false;
      }
      x.mode = ExprMode::NoValue;
      break;
    }

    case BuiltinId::Close: {
      const auto* ch = x.type->under<types::Chan>();
      if (!ch) {
        errorf(x.expr->pos, "{}cannot close non-channel {}", kInvalidOp, operandString(x));
        return false;
      }
      if (ch->dir == ChanDir::Recv) {
        errorf(x.expr->pos, "{}cannot close receive-only channel {}", kInvalidOp, operandString(x));
        return false;
      }
      x.mode = ExprMode::NoValue;
      break;
    }

    case BuiltinId::Copy: {
      Operand& y = args[1];
      const auto* dst = x.type->under<types::Slice>();
      const Type* srcElem = nullptr;
      if (types::isString(y.type)) {
        srcElem = u_.byteType();
      } else if (const auto* src = y.type->under<types::Slice>()) {
        srcElem = src->elem;
      }
      if (!dst || !srcElem) {
        errorf(x.expr->pos, "{}copy expects slice arguments; found {} and {}", kInvalidArg, operandString(x),
               operandString(y));
        return false;
      }
      if (!types::identical(dst->elem, srcElem)) {
        errorf(x.expr->pos, "{}arguments to copy {} and {} have different element types {} and {}", kInvalidArg,
               operandString(x), operandString(y), typeStr(dst->elem), typeStr(srcElem));
        return false;
      }
      if (types::isUntyped(y.type)) convertUntyped(y, basic(BasicKind::String));
      x.mode = ExprMode::Value;
      x.type = basic(BasicKind::Int);
      break;
    }

    case BuiltinId::Delete: {
      const auto* m = x.type->under<types::Map>();
      if (!m) {
        errorf(x.expr->pos, "{}{} is not a map", kInvalidArg, operandString(x));
        return false;
      }
      x = args[1];
      assignment(x, m->key, "argument to delete");
      if (x.mode == ExprMode::Invalid) return false;
      x.mode = ExprMode::NoValue;
      break;
    }

    case BuiltinId::Make: {
      Expr* arg0 = argList[0];
      const Type* T = varType(arg0);
      if (!T || types::isInvalid(T)) {
        use(std::vector<Expr*>(argList.begin() + 1, argList.end()));
        return false;
      }
      size_t min = 0;
      const Type* u = T->underlying();
      if (u->is<types::Slice>()) min = 2;
      else if (u->is<types::Map>() || u->is<types::Chan>()) min = 1;
      else {
        errorf(arg0->pos, "{}cannot make {}; type must be slice, map, or channel", kInvalidArg, exprString(arg0));
        use(std::vector<Expr*>(argList.begin() + 1, argList.end()));
        return false;
      }
      if (nargs < min || min + 1 < nargs) {
        errorf(call->pos, "{}{} expects {} or {} arguments; found {}", kInvalidOp, exprString(call), min, min + 1,
               nargs);
        use(std::vector<Expr*>(argList.begin() + 1, argList.end()));
        return false;
      }
      std::vector<int64_t> sizes;
      for (size_t i = 1; i < argList.size(); ++i) {
        int64_t v = -1;
        if (index(argList[i], -1, &v) && v >= 0) sizes.push_back(v);
      }
      if (sizes.size() == 2 && sizes[0] > sizes[1]) {
        errorf(argList[1]->pos, "{}length and capacity swapped", kInvalidArg);
      }
      x.mode = ExprMode::Value;
      x.type = T;
      break;
    }

    case BuiltinId::New: {
      const Type* T = varType(argList[0]);
      if (!T || types::isInvalid(T)) return false;
      x.mode = ExprMode::Value;
      x.type = u_.newType<types::Pointer>(T);
      break;
    }

    case BuiltinId::Panic: {
      assignment(x, u_.emptyInterface(), "argument to panic");
      if (x.mode == ExprMode::Invalid) return false;
      x.mode = ExprMode::NoValue;
      break;
    }

    case BuiltinId::Print:
    case BuiltinId::Println: {
      for (Operand& a : args) {
        if (types::isUntyped(a.type) && isNil(a)) {
          errorf(a.expr->pos, "use of untyped nil in argument to built-in {}", bin.name);
          return false;
        }
        // Untyped arguments take their default types.
        if (types::isUntyped(a.type)) convertUntyped(a, types::defaultType(u_, a.type));
        if (a.mode == ExprMode::Invalid) return false;
      }
      x.mode = ExprMode::NoValue;
      break;
    }

    case BuiltinId::Recover: {
      if (fctx_) fctx_->hasRecover = true;
      x.mode = ExprMode::Value;
      x.type = u_.emptyInterface();
      break;
    }

    case BuiltinId::Max:
    case BuiltinId::Min: {
      Tok op = id == BuiltinId::Max ? Tok::Gtr : Tok::Lss;
      for (size_t i = 0; i < args.size(); ++i) {
        Operand& a = args[i];
        if (!types::isOrdered(a.type)) {
          errorf(a.expr->pos, "{}{} cannot be ordered", kInvalidArg, operandString(a));
          return false;
        }
        if (i == 0) continue;
        matchTypes(x, a);
        if (x.mode == ExprMode::Invalid) return false;
        if (!types::identical(x.type, a.type)) {
          errorf(a.expr->pos, "{}mismatched types {} (previous argument) and {} (type of {})", kInvalidArg,
                 typeStr(x.type), typeStr(a.type), exprString(a.expr));
          return false;
        }
        if (x.mode == ExprMode::Constant && a.mode == ExprMode::Constant) {
          ConstValue av = a.val, xv = x.val;
          if (av.isNumeric() && xv.isNumeric() && av.kind() != xv.kind()) {
            av = av.toFloat();
            xv = xv.toFloat();
          }
          if (!av.isUnknown() && !xv.isUnknown() && ConstValue::compare(av, op, xv)) x = a;
        } else {
          x.mode = ExprMode::Value;
        }
      }
      if (x.mode != ExprMode::Constant) {
        x.mode = ExprMode::Value;
        assignment(x, u_.emptyInterface(), std::string("argument to built-in ") + bin.name);
        if (x.mode == ExprMode::Invalid) return false;
      }
      for (Operand& a : args) updateExprType(a.expr, x.type, true);
      break;
    }

    case BuiltinId::Complex:
    case BuiltinId::Real:
    case BuiltinId::Imag: return false;
  }
  x.expr = call;
  return true;
}

}  // namespace gol::lang
