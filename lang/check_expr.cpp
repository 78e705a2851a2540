// Expressions: the operand machinery of the checker.
//
// The design is go/types': every expression is evaluated into an Operand
// (mode, type, constant value), and rawExpr records the result in the AST
// node. The parts that are easy to get wrong:
//
//   - Untyped constants. `1 << 100 >> 98` and `0.1 + 0.2` are evaluated
//     exactly with ConstValue; an untyped expression keeps its untyped type
//     until its context fixes one. The node is recorded provisionally and
//     remembered in untyped_; when the context is known, updateExprType
//     walks down the tree (through parens, unary and binary operators)
//     giving every untyped operand its final type, checking that constants
//     are representable in it. Comparisons are the exception: their
//     operands are finalised by the comparison itself, as their result
//     type (untyped bool) says nothing about them.
//   - Shifts. In `var f float64 = 1 << s`, the constant 1 takes the type
//     the whole shift would have (float64, an error); so for a non-constant
//     shift with an untyped constant on the left, the left operand is
//     marked (shiftLhs_) and checked when updateExprType reaches it.
//   - Typed constants must stay representable after every operation
//     (`constant 256 overflows byte`), and untyped integers are bounded
//     (512 bits, gc's limit) so hostile input stays cheap.
//
// Errors make the operand Invalid; an Invalid operand is never reported on
// again, so one mistake yields one message. Nesting depth is bounded.
#include <algorithm>
#include <cctype>
#include <map>

#include "lang/checker.h"

namespace gol::lang {

using types::Basic;
using types::BasicKind;
using types::Type;

namespace {

constexpr int kMaxExprDepth = 1100;  // above the parser's kMaxNesting: its trees always fit
constexpr int kUntypedIntPrecision = 512;  // gc's bound on untyped integer constants

const char* kInvalidOp = "invalid operation: ";
const char* kInvalidArg = "invalid argument: ";

bool isShift(Tok op) { return op == Tok::Shl || op == Tok::Shr; }
bool isComparison(Tok op) {
  return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr || op == Tok::Geq;
}

const Basic* asBasic(const Type* t) { return t ? t->under<Basic>() : nullptr; }

bool isUntypedNumeric(const Type* t) {
  const Basic* b = t ? t->as<Basic>() : nullptr;
  return b && (b->info & types::kIsUntyped) && (b->info & types::kIsNumeric);
}

bool hasNil(const Type* t) {
  if (!t) return false;
  const Type* u = t->underlying();
  if (const Basic* b = u->as<Basic>()) return b->basicKind == BasicKind::UntypedNil;
  return u->is<types::Pointer>() || u->is<types::Slice>() || u->is<types::Map>() || u->is<types::Chan>() ||
         u->is<types::Signature>() || u->is<types::Interface>();
}

// Both values as the same ConstValue kind (Int with Int, else Float), as
// ConstValue's arithmetic requires.
void matchValues(ConstValue& a, ConstValue& b) {
  if (!a.isNumeric() || !b.isNumeric() || a.kind() == b.kind()) return;
  a = a.toFloat();
  b = b.toFloat();
}

const char* opName(const Expr* e) {
  if (!e) return nullptr;
  if (const auto* b = e->as<BinaryExpr>()) {
    switch (b->op) {
      case Tok::Add: return "addition";
      case Tok::Sub: return "subtraction";
      case Tok::Xor: return "bitwise XOR";
      case Tok::Mul: return "multiplication";
      case Tok::Shl: return "shift";
      default: return nullptr;
    }
  }
  if (const auto* u = e->as<UnaryExpr>()) {
    if (u->op == Tok::Xor) return "bitwise complement";
  }
  return nullptr;
}

// Go's representability of constant v in basic type t (spec
// "Representability"); on success *rounded receives v as a value of t
// (integral, or rounded to float32/float64).
bool representableConst(const ConstValue& v, const Basic* t, ConstValue* rounded) {
  if (v.isUnknown()) return true;  // an error was reported already
  uint8_t info = t->info;
  if (info & types::kIsInteger) {
    ConstValue iv = v.toInt();
    if (iv.kind() != ConstValue::Kind::Int) return false;
    if (rounded) *rounded = iv;
    switch (t->basicKind) {
      case BasicKind::UntypedInt:
      case BasicKind::UntypedRune: return true;
      case BasicKind::Int8:
      case BasicKind::Int16:
      case BasicKind::Int32:
      case BasicKind::Int64:
      case BasicKind::Int: {
        auto x = iv.toInt64();
        if (!x) return false;
        int bits = t->size > 0 ? t->size * 8 : 64;
        if (bits >= 64) return true;
        int64_t lim = int64_t{1} << (bits - 1);
        return -lim <= *x && *x < lim;
      }
      case BasicKind::Uint8:
      case BasicKind::Uint16:
      case BasicKind::Uint32:
      case BasicKind::Uint64:
      case BasicKind::Uint:
      case BasicKind::Uintptr: {
        auto x = iv.toUint64();
        if (!x) return false;
        int bits = t->size > 0 ? t->size * 8 : 64;
        if (bits >= 64) return true;
        return *x < (uint64_t{1} << bits);
      }
      default: return false;
    }
  }
  if (info & types::kIsFloat) {
    ConstValue fv = v.toFloat();
    if (fv.kind() != ConstValue::Kind::Float && fv.kind() != ConstValue::Kind::Int) return false;
    switch (t->basicKind) {
      case BasicKind::Float32:
        if (fv.overflowsFloat32()) return false;
        if (rounded) *rounded = fv.roundFloat32();
        return true;
      case BasicKind::Float64:
        if (fv.overflowsFloat64()) return false;
        if (rounded) *rounded = fv.roundFloat64();
        return true;
      case BasicKind::UntypedFloat:
        if (rounded) *rounded = fv;
        return true;
      default: return false;
    }
  }
  if (info & types::kIsString) return v.kind() == ConstValue::Kind::String;
  if (info & types::kIsBoolean) return v.kind() == ConstValue::Kind::Bool;
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------
// Recording

void Checker::recordOperand(Operand& x) {
  Expr* e = x.expr;
  if (!e) return;
  e->mode = x.mode;
  e->type = x.mode == ExprMode::Invalid ? basic(BasicKind::Invalid) : x.type;
  if (x.mode == ExprMode::Constant) e->value = x.val;
  if (x.mode != ExprMode::Invalid && x.type && types::isUntyped(x.type)) untyped_[e] = x;
}

void Checker::updateExprVal(Expr* e, const ConstValue& v) {
  if (!e) return;
  auto it = untyped_.find(e);
  if (it != untyped_.end()) it->second.val = v;
  if (e->mode == ExprMode::Constant) e->value = v;
}

void Checker::updateExprType(Expr* e, const Type* t, bool final) { updateExprType0(nullptr, e, t, final); }

void Checker::updateExprType0(Expr* /*parent*/, Expr* e, const Type* t, bool final) {
  if (!e) return;
  auto it = untyped_.find(e);
  if (it == untyped_.end()) return;
  Operand old = it->second;

  switch (e->kind) {
    case NodeKind::ParenExpr: updateExprType0(e, e->as<ParenExpr>()->x, t, final); break;
    case NodeKind::UnaryExpr:
      // Constant operands are never materialised; they keep their types.
      if (old.mode != ExprMode::Constant) updateExprType0(e, e->as<UnaryExpr>()->x, t, final);
      break;
    case NodeKind::BinaryExpr: {
      auto* b = e->as<BinaryExpr>();
      if (old.mode == ExprMode::Constant) break;
      if (isComparison(b->op)) break;  // operands were finalised by the comparison
      if (isShift(b->op)) {
        updateExprType0(e, b->x, t, final);  // the result type is the lhs type
      } else {
        updateExprType0(e, b->x, t, final);
        updateExprType0(e, b->y, t, final);
      }
      break;
    }
    case NodeKind::Ident:
    case NodeKind::BasicLit:
    case NodeKind::SelectorExpr:
    case NodeKind::CallExpr: break;
    default: return;  // never untyped
  }

  // Not final and still untyped: just narrow the recorded type.
  if (!final && types::isUntyped(t)) {
    it = untyped_.find(e);
    if (it != untyped_.end()) it->second.type = t->underlying();
    e->type = t->underlying();
    return;
  }

  untyped_.erase(e);
  if (shiftLhs_.erase(e) > 0) {
    if (!types::isInteger(t)) {
      errorf(e->pos, "{}shifted operand {} (type {}) must be integer", kInvalidOp, exprString(e), typeStr(t));
      return;
    }
  }
  if (old.mode == ExprMode::Constant) {
    Operand c = old;
    c.expr = e;
    convertUntyped(c, t);
    if (c.mode == ExprMode::Invalid) return;
    e->value = c.val;
  }
  e->type = t;
}

void Checker::finalizeUntyped() {
  for (auto& [e, x] : untyped_) {
    if (x.mode == ExprMode::Constant || isNil(x) || !e) continue;
    e->type = types::defaultType(u_, x.type);
  }
  untyped_.clear();
  shiftLhs_.clear();
}

// ---------------------------------------------------------------------------
// Untyped conversion and representability

bool Checker::isNil(const Operand& x) const {
  const Basic* b = x.type ? x.type->as<Basic>() : nullptr;
  return x.mode == ExprMode::Value && b && b->basicKind == BasicKind::UntypedNil;
}

bool Checker::representable(Operand& x, const Basic* t, ConstValue* rounded) {
  return representableConst(x.val, t, rounded);
}

// go/types' representation(): the error kind when x cannot be represented.
static Checker::ConvError representationError(const Operand& x, const Basic* t) {
  if (types::isNumeric(x.type) && (t->info & types::kIsNumeric)) {
    if (!types::isInteger(x.type) && (t->info & types::kIsInteger)) return Checker::ConvError::Truncated;
    return Checker::ConvError::Overflow;
  }
  return Checker::ConvError::Invalid;
}

void Checker::representableOrError(Operand& x, const Basic* t) {
  ConstValue v;
  if (representableConst(x.val, t, &v)) {
    x.val = v;
    return;
  }
  ConvError code = representationError(x, t);
  if (code == ConvError::Truncated)
    errorf(x.expr ? x.expr->pos : Pos{}, "{} truncated to {}", operandString(x), typeStr(t));
  else if (code == ConvError::Overflow)
    errorf(x.expr ? x.expr->pos : Pos{}, "{} overflows {}", operandString(x), typeStr(t));
  else
    errorf(x.expr ? x.expr->pos : Pos{}, "cannot convert {} to type {}", operandString(x), typeStr(t));
  x.mode = ExprMode::Invalid;
}

Checker::ConvError Checker::implicitTypeAndValue(const Operand& x, const Type* target, const Type** newType,
                                                 ConstValue* val) {
  *newType = x.type;
  if (x.mode == ExprMode::Invalid || !types::isUntyped(x.type) || types::isInvalid(target)) return ConvError::None;
  if (types::isUntyped(target)) {
    // Both untyped: the "larger" numeric kind wins.
    if (x.type == target || asBasic(x.type)->basicKind == asBasic(target)->basicKind) return ConvError::None;
    if (isUntypedNumeric(x.type) && isUntypedNumeric(target)) {
      *newType = asBasic(x.type)->basicKind > asBasic(target)->basicKind ? x.type : target;
      return ConvError::None;
    }
    return ConvError::Invalid;
  }
  const Type* u = target->underlying();
  if (const Basic* b = u->as<Basic>()) {
    if (x.mode == ExprMode::Constant) {
      ConstValue v;
      if (!representableConst(x.val, b, &v)) return representationError(x, b);
      *newType = target;
      *val = v;
      return ConvError::None;
    }
    // Non-constant untyped values: comparison results, shifted constants
    // awaiting their type, and nil.
    switch (asBasic(x.type)->basicKind) {
      case BasicKind::UntypedBool:
        if (!types::isBoolean(target)) return ConvError::Invalid;
        break;
      case BasicKind::UntypedInt:
      case BasicKind::UntypedRune:
      case BasicKind::UntypedFloat:
        if (!types::isNumeric(target)) return ConvError::Invalid;
        break;
      case BasicKind::UntypedString:
        if (!types::isString(target)) return ConvError::Invalid;
        break;
      case BasicKind::UntypedNil:
        if (!hasNil(target)) return ConvError::Invalid;
        *newType = basic(BasicKind::UntypedNil);  // nil stays untyped (go/types does the same)
        return ConvError::None;
      default: return ConvError::Invalid;
    }
    *newType = target;
    return ConvError::None;
  }
  if (const auto* iface = u->as<types::Interface>()) {
    if (isNil(x)) {
      *newType = basic(BasicKind::UntypedNil);
      return ConvError::None;
    }
    u_.completeInterface(iface);
    if (!iface->isEmpty()) return ConvError::Invalid;
    *newType = types::defaultType(u_, x.type);
    return ConvError::None;
  }
  if (u->is<types::Pointer>() || u->is<types::Signature>() || u->is<types::Slice>() || u->is<types::Map>() ||
      u->is<types::Chan>()) {
    if (!isNil(x)) return ConvError::Invalid;
    *newType = basic(BasicKind::UntypedNil);
    return ConvError::None;
  }
  return ConvError::Invalid;
}

void Checker::convertUntyped(Operand& x, const Type* target) {
  const Type* newType = nullptr;
  ConstValue val;
  ConvError code = implicitTypeAndValue(x, target, &newType, &val);
  if (code != ConvError::None) {
    const Type* t = target->underlying();
    Pos pos = x.expr ? x.expr->pos : Pos{};
    if (code == ConvError::Truncated) errorf(pos, "{} truncated to {}", operandString(x), typeStr(t));
    else if (code == ConvError::Overflow) errorf(pos, "{} overflows {}", operandString(x), typeStr(t));
    else errorf(pos, "cannot convert {} to type {}", operandString(x), typeStr(t));
    x.mode = ExprMode::Invalid;
    return;
  }
  if (!val.isUnknown()) {
    x.val = val;
    updateExprVal(x.expr, val);
  }
  if (newType != x.type) {
    x.type = newType;
    updateExprType(x.expr, newType, false);
  }
}

void Checker::overflow(Operand& x, Pos opPos) {
  if (x.val.isUnknown()) {
    error(opPos, "constant result is not representable");
    return;
  }
  if (types::isTyped(x.type)) {
    if (const Basic* b = asBasic(x.type)) representableOrError(x, b);
    return;
  }
  if (x.val.kind() == ConstValue::Kind::Int && x.val.bitLen() > kUntypedIntPrecision) {
    const char* op = opName(x.expr);
    errorf(opPos, "constant {}{}overflow", op ? op : "", op ? " " : "");
    x.val = ConstValue();
  }
}

// ---------------------------------------------------------------------------
// Entry points

void Checker::singleValue(Operand& x) {
  if (x.mode == ExprMode::Value && x.type && x.type->is<types::Tuple>()) {
    errorf(x.expr->pos, "multiple-value {} in single-value context", operandString(x));
    x.mode = ExprMode::Invalid;
  }
}

namespace {
enum : unsigned { kNoValue = 1, kBuiltin = 2, kTypeExpr = 4 };
}

static void excludeModes(Checker& c, Operand& x, unsigned modes) {
  if (x.mode == ExprMode::NoValue && (modes & kNoValue)) {
    c.errorf(x.expr->pos, "{} used as value", c.operandString(x));
  } else if (x.mode == ExprMode::Builtin && (modes & kBuiltin)) {
    c.errorf(x.expr->pos, "{} must be called", c.operandString(x));
  } else if (x.mode == ExprMode::TypeExpr && (modes & kTypeExpr)) {
    c.errorf(x.expr->pos, "{} is not an expression", c.operandString(x));
  } else {
    return;
  }
  x.mode = ExprMode::Invalid;
}

void Checker::expr(Operand& x, Expr* e) {
  rawExpr(x, e, nullptr);
  excludeModes(*this, x, kNoValue | kBuiltin | kTypeExpr);
  singleValue(x);
}

void Checker::exprWithHint(Operand& x, Expr* e, const Type* hint) {
  rawExpr(x, e, hint);
  excludeModes(*this, x, kNoValue | kBuiltin | kTypeExpr);
  singleValue(x);
}

void Checker::exprOrType(Operand& x, Expr* e) {
  rawExpr(x, e, nullptr);
  excludeModes(*this, x, kNoValue);
  singleValue(x);
}

void Checker::multiExpr(std::vector<Operand>& list, Expr* e, bool allowCommaOk) {
  Operand x;
  rawExpr(x, e, nullptr);
  excludeModes(*this, x, kNoValue | kBuiltin | kTypeExpr);
  if (x.mode != ExprMode::Invalid && x.type && x.type->is<types::Tuple>()) {
    for (const types::Var* v : x.type->as<types::Tuple>()->vars) {
      Operand o;
      o.mode = ExprMode::Value;
      o.expr = e;
      o.type = v->type;
      list.push_back(o);
    }
    return;
  }
  list.push_back(x);
  if (allowCommaOk && (x.mode == ExprMode::MapIndex || x.mode == ExprMode::CommaOk)) {
    Operand ok;
    ok.mode = ExprMode::Value;
    ok.expr = e;
    ok.type = basic(BasicKind::UntypedBool);
    list.push_back(ok);
  }
}

void Checker::use(const std::vector<Expr*>& list) {
  for (Expr* e : list) {
    if (!e) continue;
    if (auto* kv = e->as<KeyValueExpr>()) e = kv->value;
    Operand x;
    rawExpr(x, e, nullptr);
  }
}

void Checker::addDeclDep(types::Object* obj) {
  if (!currentDecl_ || !obj) return;
  auto it = objMap_.find(obj);
  if (it == objMap_.end()) return;
  objMap_[currentDecl_].deps.insert(obj);
}

// ---------------------------------------------------------------------------
// rawExpr: the dispatch over every expression node

void Checker::rawExpr(Operand& x, Expr* e, const Type* hint) {
  x = Operand{};
  x.expr = e;
  if (!e) return;
  if (exprDepth_ >= kMaxExprDepth) {
    error(e->pos, "expression nested too deeply");
    return;
  }
  ++exprDepth_;

  switch (e->kind) {
    case NodeKind::BadExpr: break;
    case NodeKind::Ident: ident(x, e->as<Ident>(), nullptr, false); break;
    case NodeKind::Ellipsis: error(e->pos, "invalid use of ..."); break;
    case NodeKind::BasicLit: {
      auto* lit = e->as<BasicLit>();
      BasicKind kind = BasicKind::Invalid;
      switch (lit->litKind) {
        case Tok::Int: kind = BasicKind::UntypedInt; break;
        case Tok::Float: kind = BasicKind::UntypedFloat; break;
        case Tok::Char: kind = BasicKind::UntypedRune; break;
        case Tok::String: kind = BasicKind::UntypedString; break;
        case Tok::Imag: error(e->pos, "complex numbers are not supported by gol"); break;
        default: break;
      }
      if (kind == BasicKind::Invalid || lit->bad) break;  // a malformed literal: the lexer reported it
      x.val = ConstValue::fromLiteral(lit->litKind, lit->lit);
      if (x.val.isUnknown()) {
        // Malformed literals were reported by the lexer (on this line); a
        // well-formed one too big for the constant representation is
        // reported here.
        bool lexed = false;
        for (const Diagnostic& d : diags_.list())
          lexed |= d.pos.file == e->pos.file && d.pos.line == e->pos.line;
        if (!lexed && (kind == BasicKind::UntypedInt || kind == BasicKind::UntypedFloat))
          error(e->pos, "constant overflow");
        break;
      }
      x.mode = ExprMode::Constant;
      x.type = basic(kind);
      break;
    }
    case NodeKind::FuncLit: funcLit(x, e->as<FuncLit>()); break;
    case NodeKind::CompositeLit: compositeLit(x, e->as<CompositeLit>(), hint); break;
    case NodeKind::ParenExpr: {
      rawExpr(x, e->as<ParenExpr>()->x, nullptr);
      x.expr = e;
      break;
    }
    case NodeKind::SelectorExpr: {
      auto* sel = e->as<SelectorExpr>();
      selector(x, sel);
      // The selected name denotes what the whole selector does (go/types
      // records it as a use of the field or method).
      if (sel->sel && x.mode != ExprMode::Invalid && x.type) {
        sel->sel->mode = x.mode;
        sel->sel->type = x.type;
        if (x.mode == ExprMode::Constant) sel->sel->value = x.val;
      }
      break;
    }
    case NodeKind::IndexExpr: indexExpr(x, e->as<IndexExpr>()); break;
    case NodeKind::SliceExpr: sliceExpr(x, e->as<SliceExpr>()); break;
    case NodeKind::TypeAssertExpr: typeAssertion(x, e->as<TypeAssertExpr>()); break;
    case NodeKind::CallExpr: callExpr(x, e->as<CallExpr>()); break;
    case NodeKind::StarExpr: {
      exprOrType(x, e->as<StarExpr>()->x);
      x.expr = e;
      if (x.mode == ExprMode::Invalid) break;
      if (x.mode == ExprMode::TypeExpr) {
        x.type = u_.newType<types::Pointer>(x.type);
        break;
      }
      if (x.mode == ExprMode::Builtin) {
        Operand inner = x;
        inner.expr = e->as<StarExpr>()->x;
        errorf(inner.expr->pos, "{}cannot indirect {}", kInvalidOp, operandString(inner));
        x.mode = ExprMode::Invalid;
        break;
      }
      if (isNil(x)) {
        errorf(e->pos, "{}cannot indirect nil", kInvalidOp);
        x.mode = ExprMode::Invalid;
        break;
      }
      Operand inner = x;
      inner.expr = e->as<StarExpr>()->x;
      const auto* p = x.type->under<types::Pointer>();
      if (!p) {
        if (!types::isInvalid(x.type->underlying()))
          errorf(inner.expr->pos, "{}cannot indirect {}", kInvalidOp, operandString(inner));
        x.mode = ExprMode::Invalid;
        break;
      }
      x.mode = ExprMode::Variable;
      x.type = p->elem;
      break;
    }
    case NodeKind::UnaryExpr: unary(x, e->as<UnaryExpr>()); break;
    case NodeKind::BinaryExpr: {
      auto* b = e->as<BinaryExpr>();
      binary(x, e, b->x, b->y, b->op, b->opPos);
      break;
    }
    case NodeKind::KeyValueExpr: error(e->pos, "no key:value expected"); break;
    case NodeKind::ArrayType:
    case NodeKind::StructType:
    case NodeKind::FuncType:
    case NodeKind::InterfaceType:
    case NodeKind::MapType:
    case NodeKind::ChanType: {
      const Type* t = typExpr(e);
      if (t && !types::isInvalid(t)) {
        x.mode = ExprMode::TypeExpr;
        x.type = t;
      }
      break;
    }
    default: error(e->pos, "unexpected node in expression"); break;
  }
  --exprDepth_;
  x.expr = e;
  if (x.mode != ExprMode::Invalid && !x.type && x.mode != ExprMode::NoValue && x.mode != ExprMode::Builtin)
    x.mode = ExprMode::Invalid;
  recordOperand(x);
}

// ---------------------------------------------------------------------------
// Operators

void Checker::unary(Operand& x, UnaryExpr* e) {
  expr(x, e->x);
  if (x.mode == ExprMode::Invalid) return;
  Tok op = e->op;
  switch (op) {
    case Tok::And: {
      Expr* inner = unparen(e->x);
      if (!inner->is<CompositeLit>() && x.mode != ExprMode::Variable) {
        errorf(x.expr->pos, "{}cannot take address of {}", kInvalidOp, operandString(x));
        x.mode = ExprMode::Invalid;
        return;
      }
      // &v: v may now be reached through a pointer (escape analysis).
      for (Expr* root = inner; root;) {
        if (auto* id = root->as<Ident>()) {
          if (id->obj && id->obj->is<types::Var>()) id->obj->as<types::Var>()->addressTaken = true;
          break;
        }
        if (auto* s = root->as<SelectorExpr>()) {
          if (!s->selection || s->selection->indirect || s->selection->kind != types::Selection::Kind::FieldVal) break;
          root = unparen(s->x);
        } else if (auto* ix = root->as<IndexExpr>()) {
          if (!ix->x->type || !ix->x->type->under<types::Array>()) break;
          root = unparen(ix->x);
        } else {
          break;
        }
      }
      x.mode = ExprMode::Value;
      x.type = u_.newType<types::Pointer>(x.type);
      return;
    }
    case Tok::Arrow: {
      const auto* ch = x.type->under<types::Chan>();
      if (!ch) {
        errorf(x.expr->pos, "{}cannot receive from non-channel {}", kInvalidOp, operandString(x));
        x.mode = ExprMode::Invalid;
        return;
      }
      if (ch->dir == ChanDir::Send) {
        errorf(x.expr->pos, "{}cannot receive from send-only channel {}", kInvalidOp, operandString(x));
        x.mode = ExprMode::Invalid;
        return;
      }
      x.mode = ExprMode::CommaOk;
      x.type = ch->elem;
      hasCallOrRecv_ = true;
      return;
    }
    default: break;
  }

  bool ok = false;
  switch (op) {
    case Tok::Add:
    case Tok::Sub: ok = types::isNumeric(x.type); break;
    case Tok::Xor: ok = types::isInteger(x.type); break;
    case Tok::Not: ok = types::isBoolean(x.type); break;
    default: ok = false;
  }
  if (!ok) {
    errorf(x.expr->pos, "{}operator {} not defined on {}", kInvalidOp, spelling(op), operandString(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  if (x.mode == ExprMode::Constant) {
    if (x.val.isUnknown()) return;
    int unsignedBits = 0;
    if (types::isUnsigned(x.type)) {
      const Basic* b = asBasic(x.type);
      unsignedBits = b->size > 0 ? b->size * 8 : 64;
    }
    x.val = ConstValue::unaryOp(op, x.val, unsignedBits);
    if (e) x.expr = e;
    overflow(x, e->pos);
    return;
  }
  x.mode = ExprMode::Value;
}

void Checker::matchTypes(Operand& x, Operand& y) {
  // An untyped operand converts to the type of the other only when their
  // kinds could meet (go/types' mayConvert).
  auto mayConvert = [&]() {
    if (types::isTyped(x.type) && types::isTyped(y.type)) return false;
    // An untyped operand takes its default type next to an interface.
    if (types::isInterface(x.type) || types::isInterface(y.type)) return true;
    if (types::isBoolean(x.type) != types::isBoolean(y.type)) return false;
    if (types::isString(x.type) != types::isString(y.type)) return false;
    if (isNil(x)) return hasNil(y.type);
    if (isNil(y)) return hasNil(x.type);
    if (x.type->under<types::Pointer>() || y.type->under<types::Pointer>()) return false;
    return true;
  };
  if (!mayConvert()) return;
  convertUntyped(x, y.type);
  if (x.mode == ExprMode::Invalid) return;
  convertUntyped(y, x.type);
  if (y.mode == ExprMode::Invalid) x.mode = ExprMode::Invalid;
}

void Checker::binary(Operand& x, Expr* e, Expr* lhs, Expr* rhs, Tok op, Pos opPos) {
  Operand y;
  expr(x, lhs);
  expr(y, rhs);
  if (x.mode == ExprMode::Invalid) return;
  if (y.mode == ExprMode::Invalid) {
    x.mode = ExprMode::Invalid;
    x.expr = y.expr;
    return;
  }
  if (isShift(op)) {
    shift(x, y, e, op);
    return;
  }
  matchTypes(x, y);
  if (x.mode == ExprMode::Invalid) return;

  if (isComparison(op)) {
    comparison(x, y, op, e);
    return;
  }

  if (!types::identical(x.type, y.type)) {
    if (!types::isInvalid(x.type) && !types::isInvalid(y.type)) {
      if (e) {
        errorf(x.expr->pos, "{}{} (mismatched types {} and {})", kInvalidOp, exprString(e), typeStr(x.type),
               typeStr(y.type));
      } else {
        errorf(x.expr->pos, "{}{} {}= {} (mismatched types {} and {})", kInvalidOp, exprString(lhs), spelling(op),
               exprString(rhs), typeStr(x.type), typeStr(y.type));
      }
    }
    x.mode = ExprMode::Invalid;
    return;
  }

  bool ok = false;
  switch (op) {
    case Tok::Add: ok = types::isNumeric(x.type) || types::isString(x.type); break;
    case Tok::Sub:
    case Tok::Mul:
    case Tok::Quo: ok = types::isNumeric(x.type); break;
    case Tok::Rem:
    case Tok::And:
    case Tok::Or:
    case Tok::Xor:
    case Tok::AndNot: ok = types::isInteger(x.type); break;
    case Tok::LAnd:
    case Tok::LOr: ok = types::isBoolean(x.type); break;
    default: ok = false;
  }
  if (!ok) {
    errorf(x.expr->pos, "{}operator {} not defined on {}", kInvalidOp, spelling(op), operandString(x));
    x.mode = ExprMode::Invalid;
    return;
  }

  if ((op == Tok::Quo || op == Tok::Rem) && (x.mode == ExprMode::Constant || types::isInteger(x.type)) &&
      y.mode == ExprMode::Constant && y.val.isNumeric() && y.val.sign() == 0) {
    errorf(y.expr->pos, "{}division by zero", kInvalidOp);
    x.mode = ExprMode::Invalid;
    return;
  }

  if (x.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
    if (x.val.isUnknown() || y.val.isUnknown()) {
      x.val = ConstValue();
      return;
    }
    ConstValue a = x.val, b = y.val;
    if (types::isFloat(x.type)) {
      a = a.toFloat();
      b = b.toFloat();
    } else {
      matchValues(a, b);
    }
    bool intDiv = op == Tok::Quo && types::isInteger(x.type);
    if (intDiv) {
      a = a.toInt();
      b = b.toInt();
    }
    x.val = ConstValue::binaryOp(a, op, b, intDiv);
    if (e) x.expr = e;
    overflow(x, opPos);
    return;
  }
  x.mode = ExprMode::Value;
}

void Checker::shift(Operand& x, Operand& y, Expr* e, Tok op) {
  ConstValue xval;
  if (x.mode == ExprMode::Constant) xval = x.val.toInt();

  if (types::isInteger(x.type) ||
      (types::isUntyped(x.type) && x.mode == ExprMode::Constant && xval.kind() == ConstValue::Kind::Int)) {
    // ok: integer, or an untyped constant representable as one
  } else {
    errorf(x.expr->pos, "{}shifted operand {} must be integer", kInvalidOp, operandString(x));
    x.mode = ExprMode::Invalid;
    return;
  }

  ConstValue yval;
  if (y.mode == ExprMode::Constant) {
    yval = y.val.toInt();
    if (yval.kind() == ConstValue::Kind::Int && yval.sign() < 0) {
      errorf(y.expr->pos, "{}negative shift count {}", kInvalidOp, operandString(y));
      x.mode = ExprMode::Invalid;
      return;
    }
    if (types::isUntyped(y.type)) {
      // Representable as uint, but keep the count untyped (go/types).
      representableOrError(y, basic(BasicKind::Uint));
      if (y.mode == ExprMode::Invalid) {
        x.mode = ExprMode::Invalid;
        return;
      }
    }
  } else {
    if (types::isInteger(y.type)) {
      // ok
    } else if (types::isUntyped(y.type)) {
      convertUntyped(y, basic(BasicKind::Uint));
      if (y.mode == ExprMode::Invalid) {
        x.mode = ExprMode::Invalid;
        return;
      }
    } else {
      errorf(y.expr->pos, "{}shift count {} must be integer", kInvalidOp, operandString(y));
      x.mode = ExprMode::Invalid;
      return;
    }
  }

  if (x.mode == ExprMode::Constant) {
    if (y.mode == ExprMode::Constant) {
      if (x.val.isUnknown() || y.val.isUnknown()) {
        x.val = ConstValue();
        if (!types::isInteger(x.type)) x.type = basic(BasicKind::UntypedInt);
        return;
      }
      constexpr uint64_t kShiftBound = 1023 - 1 + 52;
      auto s = yval.toUint64();
      if (!s || *s > kShiftBound) {
        errorf(y.expr->pos, "{}invalid shift count {}", kInvalidOp, operandString(y));
        x.mode = ExprMode::Invalid;
        return;
      }
      if (!types::isInteger(x.type)) x.type = basic(BasicKind::UntypedInt);
      x.val = ConstValue::shift(xval, op, *s);
      if (e) x.expr = e;
      const auto* b = e ? e->as<BinaryExpr>() : nullptr;
      overflow(x, b ? b->opPos : (e ? e->pos : Pos{}));
      return;
    }
    if (types::isUntyped(x.type)) {
      // Non-constant shift of an untyped constant: its type comes from the
      // context; checked when updateExprType finalises it.
      if (untyped_.count(x.expr)) shiftLhs_.insert(x.expr);
      x.mode = ExprMode::Value;
      return;
    }
  }

  if (!types::isInteger(x.type)) {
    errorf(x.expr->pos, "{}shifted operand {} must be integer", kInvalidOp, operandString(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  x.mode = ExprMode::Value;
}

namespace {

const char* kindString(const Type* t) {
  const Type* u = t->underlying();
  switch (u->kind()) {
    case types::TypeKind::Array: return "array";
    case types::TypeKind::Slice: return "slice";
    case types::TypeKind::Struct: return "struct";
    case types::TypeKind::Pointer: return "pointer";
    case types::TypeKind::Signature: return "func";
    case types::TypeKind::Interface: return "interface";
    case types::TypeKind::Map: return "map";
    case types::TypeKind::Chan: return "chan";
    default: return nullptr;
  }
}

}  // namespace

// A more specific reason an operand of type t cannot be compared.
std::string Checker::incomparableCause(const Type* t) {
  const Type* u = t->underlying();
  if (u->is<types::Slice>() || u->is<types::Signature>() || u->is<types::Map>()) {
    const char* k = kindString(t);
    return (k ? std::string(k) : typeStr(t)) + " can only be compared to nil";
  }
  if (const auto* st = u->as<types::Struct>()) {
    for (const types::Var* f : st->fields)
      if (!types::comparable(f->type)) return fmt::format("struct containing {} cannot be compared", typeStr(f->type));
  } else if (u->is<types::Array>()) {
    return fmt::format("{} cannot be compared", typeStr(t));
  }
  return "";
}

void Checker::comparison(Operand& x, Operand& y, Tok op, Expr* e) {
  // Why the comparison is invalid, and which operand to blame.
  std::string cause;
  Operand* errOp = &x;
  auto kindStr = [&](const Type* t) {
    const char* k = kindString(t);
    return k ? std::string(k) : typeStr(t);
  };
  bool okAssign = types::identical(x.type, y.type);
  if (!okAssign) {
    // Assignable either way (untyped operands were converted already).
    auto assignable = [&](const Operand& a, const Type* t) {
      if (types::isUntyped(a.type)) {
        const Type* nt = nullptr;
        ConstValue v;
        return implicitTypeAndValue(a, t, &nt, &v) == ConvError::None;
      }
      return types::assignableTo(u_, a.type, t);
    };
    okAssign = assignable(x, y.type) || assignable(y, x.type);
  }
  if (!okAssign) {
    errOp = &y;
    cause = fmt::format("mismatched types {} and {}", typeStr(x.type), typeStr(y.type));
    goto Error;
  }

  if (op == Tok::Eql || op == Tok::Neq) {
    if (isNil(x) || isNil(y)) {
      const Type* t = isNil(x) ? y.type : x.type;
      if (!hasNil(t) || (isNil(x) && isNil(y))) {
        errOp = &y;
        goto Error;
      }
    } else if (!types::comparable(x.type)) {
      errOp = &x;
      cause = incomparableCause(x.type);
      goto Error;
    } else if (!types::comparable(y.type)) {
      errOp = &y;
      cause = incomparableCause(y.type);
      goto Error;
    }
  } else {
    if (!types::isOrdered(x.type)) {
      errOp = &x;
      goto Error;
    }
    if (!types::isOrdered(y.type)) {
      errOp = &y;
      goto Error;
    }
  }

  if (x.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
    if (x.val.isUnknown() || y.val.isUnknown()) {
      x.val = ConstValue();
    } else {
      ConstValue a = x.val, b = y.val;
      matchValues(a, b);
      x.val = ConstValue::makeBool(ConstValue::compare(a, op, b));
    }
  } else {
    x.mode = ExprMode::Value;
    // The operands are materialised with their final (default) types.
    updateExprType(x.expr, types::defaultType(u_, x.type), true);
    updateExprType(y.expr, types::defaultType(u_, y.type), true);
  }
  x.type = basic(BasicKind::UntypedBool);
  if (e) x.expr = e;
  return;

Error:
  if (cause.empty()) {
    cause = fmt::format("operator {} not defined on {}", spelling(op), kindStr(errOp->type));
  }
  errorf(errOp->expr->pos, "{}{} {} {} ({})", kInvalidOp, exprString(x.expr), spelling(op), exprString(y.expr),
         cause);
  x.mode = ExprMode::Invalid;
}

// ---------------------------------------------------------------------------
// Index, slice, type assertion

bool Checker::index(Expr* e, int64_t max, int64_t* value) {
  if (value) *value = -1;
  Operand x;
  expr(x, e);
  if (x.mode == ExprMode::Invalid) return false;
  convertUntyped(x, basic(BasicKind::Int));
  if (x.mode == ExprMode::Invalid) return false;
  if (!types::isInteger(x.type)) {
    errorf(x.expr->pos, "{}index {} must be integer", kInvalidArg, operandString(x));
    return false;
  }
  if (x.mode != ExprMode::Constant) return true;
  if (x.val.isUnknown()) return false;
  if (x.val.sign() < 0) {
    errorf(x.expr->pos, "{}index {} must not be negative", kInvalidArg, operandString(x));
    return false;
  }
  auto v = x.val.toInt64();
  if (!v || !representableConst(x.val, basic(BasicKind::Int), nullptr)) {
    errorf(x.expr->pos, "{}index {} overflows int", kInvalidArg, operandString(x));
    return false;
  }
  if (max >= 0 && *v >= max) {
    errorf(x.expr->pos, "{}index {} out of bounds [0:{}]", kInvalidArg, x.val.toString(), max);
    return false;
  }
  if (value) *value = *v;
  return true;
}

void Checker::indexExpr(Operand& x, IndexExpr* e) {
  exprOrType(x, e->x);
  if (x.mode == ExprMode::Invalid) {
    use({e->index});
    return;
  }
  if (x.mode == ExprMode::TypeExpr) {
    errorf(e->pos, "{} is not a generic type", typeStr(x.type));
    x.mode = ExprMode::Invalid;
    return;
  }
  bool valid = false;
  int64_t length = -1;
  const Type* u = x.type->underlying();
  if (const auto* b = u->as<Basic>()) {
    if (b->info & types::kIsString) {
      valid = true;
      if (x.mode == ExprMode::Constant && x.val.kind() == ConstValue::Kind::String)
        length = static_cast<int64_t>(x.val.stringVal().size());
      // Indexing a string yields a byte value, never a constant.
      x.mode = ExprMode::Value;
      x.type = u_.byteType();
    }
  } else if (const auto* a = u->as<types::Array>()) {
    valid = true;
    length = a->len;
    if (x.mode != ExprMode::Variable) x.mode = ExprMode::Value;
    x.type = a->elem;
  } else if (const auto* p = u->as<types::Pointer>()) {
    if (const auto* pa = p->elem->under<types::Array>()) {
      valid = true;
      length = pa->len;
      x.mode = ExprMode::Variable;
      x.type = pa->elem;
    }
  } else if (const auto* s = u->as<types::Slice>()) {
    valid = true;
    x.mode = ExprMode::Variable;
    x.type = s->elem;
  } else if (const auto* m = u->as<types::Map>()) {
    Operand key;
    exprWithHint(key, e->index, m->key);
    if (key.mode != ExprMode::Invalid) assignment(key, m->key, "map index");
    x.mode = ExprMode::MapIndex;
    x.type = m->elem;
    return;
  }
  if (!valid) {
    // gc reports at the '[' (just before the index in the usual spelling).
    Pos at = e->index ? e->index->pos : e->pos;
    if (at.col > 1) --at.col;
    errorf(at, "{}cannot index {}", kInvalidOp, operandString(x));
    use({e->index});
    x.mode = ExprMode::Invalid;
    return;
  }
  if (!e->index) {
    x.mode = ExprMode::Invalid;
    return;
  }
  index(e->index, length, nullptr);
}

void Checker::sliceExpr(Operand& x, SliceExpr* e) {
  expr(x, e->x);
  if (x.mode == ExprMode::Invalid) {
    use({e->low, e->high, e->max});
    return;
  }
  bool valid = false;
  int64_t length = -1;
  const Type* u = x.type->underlying();
  if (const auto* b = u->as<Basic>()) {
    if (b->info & types::kIsString) {
      if (e->slice3) {
        Expr* at = e->max ? e->max : e;
        errorf(at->pos, "{}3-index slice of string", kInvalidOp);
        x.mode = ExprMode::Invalid;
        return;
      }
      valid = true;
      if (x.mode == ExprMode::Constant && x.val.kind() == ConstValue::Kind::String)
        length = static_cast<int64_t>(x.val.stringVal().size());
      if (types::isUntyped(x.type)) x.type = basic(BasicKind::String);
    }
  } else if (const auto* a = u->as<types::Array>()) {
    valid = true;
    length = a->len;
    if (x.mode != ExprMode::Variable) {
      errorf(x.expr->pos, "{}{} (slice of unaddressable value)", kInvalidOp, operandString(x));
      x.mode = ExprMode::Invalid;
      return;
    }
    x.type = u_.newType<types::Slice>(a->elem);
  } else if (const auto* p = u->as<types::Pointer>()) {
    if (const auto* pa = p->elem->under<types::Array>()) {
      valid = true;
      length = pa->len;
      x.type = u_.newType<types::Slice>(pa->elem);
    }
  } else if (u->is<types::Slice>()) {
    valid = true;
  }
  if (!valid) {
    errorf(x.expr->pos, "{}cannot slice {}", kInvalidOp, operandString(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  x.mode = ExprMode::Value;
  if (e->slice3 && (!e->high || !e->max)) {
    error(e->pos, "middle index required in 3-index slice");
    x.mode = ExprMode::Invalid;
    return;
  }
  Expr* idx[3] = {e->low, e->high, e->max};
  int64_t ind[3];
  for (int i = 0; i < 3; ++i) {
    int64_t v = -1;
    if (idx[i]) {
      int64_t max = length >= 0 ? length + 1 : -1;
      int64_t got = -1;
      if (index(idx[i], max, &got) && got >= 0) v = got;
    } else if (i == 0) {
      v = 0;
    } else if (length >= 0) {
      v = length;
    }
    ind[i] = v;
  }
  // Constant indices must be ordered; report one inversion.
  for (int i = 0; i < 2; ++i) {
    if (ind[i] <= 0) continue;
    for (int j = i + 1; j < 3; ++j) {
      if (ind[j] >= 0 && ind[j] < ind[i] && idx[j]) {
        errorf(idx[j]->pos, "invalid slice indices: {} < {}", ind[j], ind[i]);
        return;
      }
    }
  }
}

void Checker::typeAssertion(Operand& x, TypeAssertExpr* e) {
  if (!e->typeExpr) {
    error(e->pos, "invalid syntax tree: use of .(type) outside type switch");
    use({e->x});
    x.mode = ExprMode::Invalid;
    return;
  }
  expr(x, e->x);
  if (x.mode == ExprMode::Invalid) return;
  if (!x.type->under<types::Interface>()) {
    errorf(x.expr->pos, "{}{} is not an interface", kInvalidOp, operandString(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  const Type* t = varType(e->typeExpr);
  if (!t || types::isInvalid(t)) {
    x.mode = ExprMode::Invalid;
    return;
  }
  if (!types::isInterface(t)) {
    std::string cause;
    if (!types::assignableTo(u_, t, x.type, &cause)) {
      errorf(e->pos, "impossible type assertion: {}\n\t{} does not implement {} {}", exprString(e), typeStr(t),
             typeStr(x.type), cause);
    }
  }
  x.mode = ExprMode::CommaOk;
  x.type = t;
}

// ---------------------------------------------------------------------------
// Composite literals

namespace {

// gc reports element errors at the ':' of a key: value pair, where the
// parser puts a KeyValueExpr.
Pos colonPos(const KeyValueExpr* kv) { return kv->pos; }

// A key identifying a constant map key for duplicate detection.
std::string constKey(const ConstValue& v) {
  switch (v.kind()) {
    case ConstValue::Kind::Bool: return v.boolVal() ? "b1" : "b0";
    case ConstValue::Kind::String: return "s" + v.stringVal();
    case ConstValue::Kind::Int:
    case ConstValue::Kind::Float: {
      // Integral floats and ints denote the same key (1.0 and 1).
      ConstValue iv = v.toInt();
      if (iv.kind() == ConstValue::Kind::Int) return "n" + iv.exactString();
      return "n" + v.exactString();
    }
    default: return "";
  }
}

}  // namespace

void Checker::compositeLit(Operand& x, CompositeLit* e, const Type* hint) {
  const Type* typ = nullptr;
  const Type* base = nullptr;
  types::Array* openArray = nullptr;
  if (e->typeExpr) {
    auto* at = e->typeExpr->as<ArrayType>();
    if (at && at->len && at->len->is<Ellipsis>()) {
      // [...]T: the length comes from the literal.
      const Type* elem = varType(at->elt);
      if (!elem || types::isInvalid(elem)) {
        use(e->elts);
        return;
      }
      openArray = u_.newType<types::Array>(elem, -1);
      typ = openArray;
    } else {
      typ = typExpr(e->typeExpr);
    }
    base = typ;
  } else if (hint) {
    typ = hint;
    base = hint;
    if (const auto* p = hint->under<types::Pointer>()) base = p->elem;  // *T implies &T{}
  } else {
    error(e->pos, "missing type in composite literal");
    use(e->elts);
    return;
  }
  if (!typ || types::isInvalid(typ) || !base) {
    use(e->elts);
    return;
  }

  const Type* u = base->underlying();
  // Array and slice literals: elements indexed by position or constant key.
  auto indexedElts = [&](const Type* elem, int64_t length) -> int64_t {
    std::set<int64_t> visited;
    int64_t idx = 0, max = 0;
    for (Expr* el : e->elts) {
      bool validIndex = false;
      Expr* val = el;
      if (auto* kv = el->as<KeyValueExpr>()) {
        int64_t i = -1;
        if (index(kv->key, length, &i)) {
          if (i >= 0) {
            idx = i;
            validIndex = true;
          } else {
            errorf(kv->pos, "index {} must be integer constant", exprString(kv->key));
          }
        }
        val = kv->value;
        if (validIndex && visited.count(idx)) {
          errorf(colonPos(kv), "duplicate index {} in array or slice literal", idx);
          validIndex = false;
        }
      } else if (length >= 0 && idx >= length) {
        errorf(el->pos, "index {} is out of bounds (>= {})", idx, length);
      } else {
        validIndex = true;
        if (visited.count(idx)) {
          errorf(el->pos, "duplicate index {} in array or slice literal", idx);
          validIndex = false;
        }
      }
      if (validIndex) visited.insert(idx);
      ++idx;
      max = std::max(max, idx);
      Operand v;
      exprWithHint(v, val, elem);
      if (v.mode != ExprMode::Invalid) assignment(v, elem, "array or slice literal");
    }
    return max;
  };
  if (const auto* st = u->as<types::Struct>()) {
    const auto& fields = st->fields;
    if (!e->elts.empty() && e->elts[0]->is<KeyValueExpr>()) {
      std::vector<bool> visited(fields.size(), false);
      for (Expr* el : e->elts) {
        auto* kv = el->as<KeyValueExpr>();
        if (!kv) {
          error(el->pos, "mixture of field:value and value elements in struct literal");
          use({el});
          continue;
        }
        auto* key = kv->key ? kv->key->as<Ident>() : nullptr;
        Operand v;
        expr(v, kv->value);
        if (!key) {
          errorf(kv->pos, "invalid field name {} in struct literal", exprString(kv->key));
          continue;
        }
        int idx = -1;
        for (size_t i = 0; i < fields.size(); ++i) {
          const types::Var* f = fields[i];
          if (f->name == key->name && (f->exported() || f->pkg == pkg_)) {
            idx = static_cast<int>(i);
            break;
          }
        }
        if (idx < 0) {
          bool inaccessible = false;
          for (const types::Var* f : fields) inaccessible |= f->name == key->name;
          if (inaccessible)
            errorf(key->pos, "cannot refer to unexported field {} in struct literal of type {}", key->name,
                   typeStr(base));
          else
            errorf(key->pos, "unknown field {} in struct literal of type {}", key->name, typeStr(base));
          continue;
        }
        types::Var* fld = fields[static_cast<size_t>(idx)];
        key->obj = fld;
        key->mode = ExprMode::Variable;
        key->type = fld->type;
        if (v.mode != ExprMode::Invalid) assignment(v, fld->type, "struct literal");
        if (visited[static_cast<size_t>(idx)]) {
          errorf(colonPos(kv), "duplicate field name {} in struct literal", key->name);
          continue;
        }
        visited[static_cast<size_t>(idx)] = true;
      }
    } else {
      size_t i = 0;
      for (Expr* el : e->elts) {
        if (auto* kv = el->as<KeyValueExpr>()) {
          error(kv->pos, "mixture of field:value and value elements in struct literal");
          use({kv->value});
          ++i;
          continue;
        }
        Operand v;
        expr(v, el);
        if (i >= fields.size()) {
          errorf(el->pos, "too many values in struct literal of type {}", typeStr(base));
          break;
        }
        const types::Var* fld = fields[i++];
        if (!fld->exported() && fld->pkg != pkg_) {
          errorf(el->pos, "implicit assignment to unexported field {} in struct literal of type {}", fld->name,
                 typeStr(base));
          continue;
        }
        if (v.mode != ExprMode::Invalid) assignment(v, fld->type, "struct literal");
      }
      if (!e->elts.empty() && e->elts.size() < fields.size()) {
        errorf(e->rbrace.valid() ? e->rbrace : e->pos, "too few values in struct literal of type {}",
               typeStr(base));
      }
    }
  } else if (const auto* at = u->as<types::Array>()) {
    int64_t n = indexedElts(at->elem, at->len);
    if (openArray && openArray == at) {
      openArray->len = n;
      if (e->typeExpr) {
        e->typeExpr->mode = ExprMode::TypeExpr;
        e->typeExpr->type = openArray;
      }
    }
  } else if (const auto* sl = u->as<types::Slice>()) {
    indexedElts(sl->elem, -1);
  } else if (const auto* m = u->as<types::Map>()) {
    bool keyIsInterface = types::isInterface(m->key);
    std::map<std::string, std::vector<const Type*>> visited;
    for (Expr* el : e->elts) {
      auto* kv = el->as<KeyValueExpr>();
      if (!kv) {
        error(el->pos, "missing key in map literal");
        use({el});
        continue;
      }
      Operand k;
      exprWithHint(k, kv->key, m->key);
      if (k.mode != ExprMode::Invalid) assignment(k, m->key, "map literal");
      if (k.mode == ExprMode::Constant && !k.val.isUnknown()) {
        std::string key = constKey(k.val);
        bool duplicate = false;
        auto& seen = visited[key];
        if (keyIsInterface) {
          for (const Type* t : seen) duplicate |= types::identical(t, k.type);
        } else {
          duplicate = !seen.empty();
        }
        seen.push_back(k.type);
        if (duplicate) {
          errorf(k.expr->pos, "duplicate key {} in map literal", k.val.toString());
          continue;
        }
      }
      Operand v;
      exprWithHint(v, kv->value, m->elem);
      if (v.mode != ExprMode::Invalid) assignment(v, m->elem, "map literal");
    }
  } else {
    use(e->elts);
    if (!types::isInvalid(u)) {
      errorf(e->pos, "invalid composite literal type {}", typeStr(typ));
    }
    return;
  }
  x.mode = ExprMode::Value;
  x.type = typ;
}

// ---------------------------------------------------------------------------
// Function literals

void Checker::funcLit(Operand& x, FuncLit* e) {
  if (!e->sig) return;
  Pos end = e->body ? e->body->rbrace : e->pos;
  types::Scope* scope = u_.newScope(scope_, e->pos, end, "function");
  scope->isFunc = true;
  const types::Signature* sig = funcType(nullptr, e->sig, scope);
  if (!sig) return;
  if (e->body) {
    // Checked right away: the body sees the enclosing scope as it is now.
    int savedIota = iota_;
    bool savedCallOrRecv = hasCallOrRecv_;
    int savedDepth = exprDepth_;
    funcBody("<function literal>", sig, e->body, scope, e);
    iota_ = savedIota;
    hasCallOrRecv_ = savedCallOrRecv;
    exprDepth_ = savedDepth;
  }
  x.mode = ExprMode::Value;
  x.type = sig;
}

}  // namespace gol::lang
