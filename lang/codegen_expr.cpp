// Code generation for expressions. See codegen_internal.h for the layout
// of values; every function here writes a value of the expression's type
// into the slots it is given, or hands back slots already holding it.
#include <algorithm>
#include <bit>

#include <fmt/format.h>

#include "lang/codegen_internal.h"
#include "runtime/print.h"
#include "vm/opcodes.h"

namespace gol::lang::cg {

using types::Basic;
using types::BasicKind;
using Label = vm::Assembler::Label;

namespace {

const Basic* basicOf(const Type* t) { return t ? t->under<Basic>() : nullptr; }

bool isStringType(const Type* t) {
  const Basic* b = basicOf(t);
  return b && (b->info & types::kIsString);
}

bool isNilExpr(Expr* e) {
  e = unparen(e);
  if (auto* id = e->as<Ident>()) return id->obj != nullptr && id->obj->is<types::Nil>();
  return false;
}

enum class Width { I64, I32, I16, I8, U32, U16, U8 };

Width widthOf(const Type* t) {
  const Basic* b = basicOf(t);
  if (!b) return Width::I64;
  switch (b->basicKind) {
    case BasicKind::Int32:
    case BasicKind::UntypedRune: return Width::I32;
    case BasicKind::Int16: return Width::I16;
    case BasicKind::Int8: return Width::I8;
    case BasicKind::Uint32: return Width::U32;
    case BasicKind::Uint16: return Width::U16;
    case BasicKind::Uint8: return Width::U8;
    default: return Width::I64;
  }
}

Op widthOp(Op base, Width w) { return static_cast<Op>(static_cast<int>(base) + static_cast<int>(w)); }

bool isF32(const Type* t) {
  const Basic* b = basicOf(t);
  return b && b->basicKind == BasicKind::Float32;
}

// The instruction that re-normalises a value to its width, or NOP.
Op normalizeOp(Width w) {
  switch (w) {
    case Width::I32: return Op::SEXT32;
    case Width::I16: return Op::SEXT16;
    case Width::I8: return Op::SEXT8;
    case Width::U32: return Op::ZEXT32;
    case Width::U16: return Op::ZEXT16;
    case Width::U8: return Op::ZEXT8;
    default: return Op::NOP;
  }
}

bool isComparison(Tok op) {
  return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
         op == Tok::Geq;
}

Tok mirror(Tok op) {  // x op y == y mirror(op) x
  switch (op) {
    case Tok::Lss: return Tok::Gtr;
    case Tok::Leq: return Tok::Geq;
    case Tok::Gtr: return Tok::Lss;
    case Tok::Geq: return Tok::Leq;
    default: return op;
  }
}

Tok negate(Tok op) {
  switch (op) {
    case Tok::Eql: return Tok::Neq;
    case Tok::Neq: return Tok::Eql;
    case Tok::Lss: return Tok::Geq;
    case Tok::Leq: return Tok::Gtr;
    case Tok::Gtr: return Tok::Leq;
    case Tok::Geq: return Tok::Lss;
    default: return op;
  }
}

// The type a constant operand of a comparison or arithmetic really has.
const Type* operandType(Expr* x, Expr* other) {
  if (x->type && !types::isUntyped(x->type)) return x->type;
  if (other->type && !types::isUntyped(other->type)) return other->type;
  return x->type;
}

std::optional<int64_t> smallConst(Expr* e) {
  e = unparen(e);
  if (e->mode != ExprMode::Constant) return std::nullopt;
  auto v = e->value.toInt64();
  if (v && *v >= INT16_MIN && *v <= INT16_MAX) return v;
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------
// Constants

void FnGen::constant(const ConstValue& v, const Type* t, Slot dst) {
  if (isIface(t)) {
    const Type* dt = nullptr;
    switch (v.kind()) {
      case ConstValue::Kind::Bool: dt = mg.u.basic(BasicKind::Bool); break;
      case ConstValue::Kind::String: dt = mg.u.basic(BasicKind::String); break;
      case ConstValue::Kind::Int: dt = mg.u.basic(BasicKind::Int); break;
      default: dt = mg.u.basic(BasicKind::Float64); break;
    }
    Mark m = mark();
    Slot tmp = allocFor(dt);
    constant(v, dt, tmp);
    toInterface(dt, t, tmp, dst);
    release(m);
    return;
  }
  const Basic* b = basicOf(t);
  if (!b) {
    zero(t, dst);
    return;
  }
  switch (v.kind()) {
    case ConstValue::Kind::Bool:
      loadInt(dst, v.boolVal() ? 1 : 0);
      return;
    case ConstValue::Kind::String:
      loadString(dst, v.stringVal());
      return;
    default:
      break;
  }
  if (b->info & types::kIsFloat || b->basicKind == BasicKind::UntypedFloat) {
    double d = b->basicKind == BasicKind::Float32 ? static_cast<double>(v.toFloat32()) : v.toFloat64();
    loadF64(dst, d);
    return;
  }
  if (b->basicKind == BasicKind::String || b->basicKind == BasicKind::UntypedString) {
    loadString(dst, v.kind() == ConstValue::Kind::String ? v.stringVal() : "");
    return;
  }
  if (auto i = v.toInt64()) {
    loadInt(dst, *i);
  } else if (auto u = v.toUint64()) {
    as.emitWide(Op::LOADK, dst, as.constant(*u));
  } else {
    // A float-kinded constant used as an integer (integral by the checker).
    ConstValue iv = v.toInt();
    if (auto j = iv.toInt64())
      loadInt(dst, *j);
    else if (auto k = iv.toUint64())
      as.emitWide(Op::LOADK, dst, as.constant(*k));
    else
      loadInt(dst, 0);
  }
}

// ---------------------------------------------------------------------------
// Dispatch

Slot FnGen::operand(Expr* e) {
  e = unparen(e);
  if (e->mode == ExprMode::Constant && !constSlots.empty() && e->value.isNumeric()) {
    const Type* t = types::isUntyped(e->type) ? types::defaultType(mg.u, e->type) : e->type;
    auto it = constSlots.find(mg.typeName(t) + "=" + e->value.exactString());
    if (it != constSlots.end()) return it->second;
  }
  if (e->mode != ExprMode::Constant) {
    if (auto* id = e->as<Ident>()) {
      if (auto* v = id->obj ? id->obj->as<types::Var>() : nullptr) {
        auto it = vars.find(v);
        if (it != vars.end() && !it->second.boxed) return it->second.slot;
      }
    }
    if (auto* c = e->as<CallExpr>();
        c && c->callKind != CallKind::Builtin && c->callKind != CallKind::Conversion) {
      uint32_t rs = 0;
      Slot a = callWindow(c, &rs);
      top = a + std::max(rs, 1u);
      return a;
    }
  }
  const Type* t = e->type;
  if (e->mode == ExprMode::Constant && types::isUntyped(t)) t = types::defaultType(mg.u, t);
  Slot d = allocFor(t);
  expr(e, d);
  return d;
}

void FnGen::exprTo(Expr* e, const Type* target, Slot dst, const Node* boxSite) {
  if (target == nullptr || e->type == nullptr) {
    expr(e, dst);
    return;
  }
  if (isNilExpr(e)) {
    zero(target, dst);
    return;
  }
  if (isIface(target)) {
    if (e->mode == ExprMode::Constant) {
      const Type* ct = (isIface(e->type) || types::isUntyped(e->type)) ? nullptr : e->type;
      if (ct == nullptr) {
        constant(e->value, target, dst);  // defaults the constant's type, then converts
      } else {
        Mark m = mark();
        Slot tmp = allocFor(ct);
        constant(e->value, ct, tmp);
        toInterface(ct, target, tmp, dst, boxSite ? boxSite : unparen(e));
        release(m);
      }
      return;
    }
    if (!isIface(e->type) || !types::identical(e->type, target)) {
      Mark m = mark();
      Slot v = operand(e);
      toInterface(e->type, target, v, dst, boxSite ? boxSite : unparen(e));
      release(m);
      return;
    }
  }
  if (e->mode == ExprMode::Constant) {
    constant(e->value, types::isUntyped(e->type) ? target : e->type, dst);
    return;
  }
  expr(e, dst);
}

void FnGen::expr(Expr* e, Slot dst) {
  e = unparen(e);
  line(e->pos);
  if (e->mode == ExprMode::Constant) {
    constant(e->value, e->type, dst);
    return;
  }
  Mark m = mark();
  switch (e->kind) {
    case NodeKind::Ident: {
      auto* id = e->as<Ident>();
      types::Object* obj = id->obj;
      if (!obj || obj->is<types::Nil>()) {
        zero(e->type, dst);
        break;
      }
      if (auto* v = obj->as<types::Var>()) {
        Place p = place(e);
        loadPlace(p, dst);
        (void)v;
        break;
      }
      if (auto* f = obj->as<types::Func>()) {
        as.emitWide(Op::LOADFN, dst, mg.funcIndex(f));
        break;
      }
      mg.unsupported(e->pos, "this identifier as a value");
      break;
    }
    case NodeKind::FuncLit:
      funcLit(e->as<FuncLit>(), dst);
      break;
    case NodeKind::CompositeLit:
      composite(e->as<CompositeLit>(), e->type, dst);
      break;
    case NodeKind::SelectorExpr:
      selector(e->as<SelectorExpr>(), dst);
      break;
    case NodeKind::IndexExpr:
      index(e->as<IndexExpr>(), dst);
      break;
    case NodeKind::SliceExpr:
      sliceExpr(e->as<SliceExpr>(), dst);
      break;
    case NodeKind::TypeAssertExpr:
      typeAssert(e->as<TypeAssertExpr>(), dst, false);
      break;
    case NodeKind::CallExpr: {
      auto* c = e->as<CallExpr>();
      if (c->callKind == CallKind::Conversion)
        conversion(c, dst);
      else if (c->callKind == CallKind::Builtin)
        builtin(c, dst);
      else
        call(c, dst, mg.slots(e->type));
      break;
    }
    case NodeKind::StarExpr: {
      Slot p = operand(e->as<StarExpr>()->x);
      loadMem(e->type, dst, p, 0);
      break;
    }
    case NodeKind::UnaryExpr:
      unary(e->as<UnaryExpr>(), dst);
      break;
    case NodeKind::BinaryExpr:
      binary(e->as<BinaryExpr>(), dst);
      break;
    default:
      mg.unsupported(e->pos, std::string("expression ") + nodeKindName(e->kind));
      break;
  }
  release(m);
}

// ---------------------------------------------------------------------------
// Interfaces

void FnGen::toInterface(const Type* from, const Type* iface, Slot src, Slot dst, const Node* boxSite) {
  Mark m = mark();
  if (isIface(from)) {
    if (isEmptyIface(iface)) {
      if (isEmptyIface(from))
        moveN(2, dst, src);
      else
        emit(Op::IFACE2E, dst, src);
    } else {
      // Non-empty to non-empty: a new itab for the same dynamic type.
      Label nil = as.newLabel(), done = as.newLabel();
      Slot t = alloc(1);
      Slot d = alloc(1);
      as.pointerSlot(d);
      emit(Op::MOV, d, src + 1);
      as.jump(Op::JEQI, src, 0, nil);
      if (isEmptyIface(from))
        emit(Op::MOV, t, src);
      else
        emit(Op::LOAD64, t, src, 8);
      as.emitExtra(Op::ITAB, dst, t, 0, mg.typeIndex(iface));
      emit(Op::MOV, dst + 1, d);
      as.jump(Op::JMP, done);
      as.bind(nil);
      emit(Op::ZERO, dst, 2);
      as.bind(done);
    }
    release(m);
    return;
  }
  uint32_t ti = mg.typeIndex(from);
  const rt::TypeDesc* d = mg.desc(from);
  Slot data = alloc(1);
  as.pointerSlot(data);
  if (d->isDirectIface()) {
    emit(Op::MOV, data, src);
  } else {
    // The box in the frame when the analysis keeps it there ("x does not
    // escape"); the region was sized for `from`.
    const FrameRegion* r = boxSite ? frameSite(boxSite, escape::SiteKind::IfaceBox) : nullptr;
    Slot c = r && r->slots * 8ull >= d->size ? frameCell(*r) : newCell(from);
    storeMem(from, c, 0, src);
    emit(Op::MOV, data, c);
  }
  if (isEmptyIface(iface)) {
    as.emitWide(Op::LOADTYPE, dst, ti);
  } else {
    Slot t = alloc(1);
    as.emitWide(Op::LOADTYPE, t, ti);
    as.emitExtra(Op::ITAB, dst, t, 0, mg.typeIndex(iface));
  }
  emit(Op::MOV, dst + 1, data);
  release(m);
}

void FnGen::convertValue(const Type* from, const Type* to, Slot src, Slot dst) {
  if (isIface(to) && (!isIface(from) || !types::identical(from, to)))
    toInterface(from, to, src, dst);
  else
    move(to, dst, src);
}

void FnGen::typeAssert(TypeAssertExpr* e, Slot dst, bool commaOk) {
  Mark m = mark();
  const Type* target = e->typeExpr->type;
  Slot x = operand(e->x);
  unsigned mode = (isEmptyIface(e->x->type) ? 0 : 1) | (isIface(target) ? 2 : 0) | (commaOk ? 4 : 0);
  uint32_t ti = mg.typeIndex(target);
  if (isIface(target)) {
    as.emitExtra(Op::ASSERT, dst, x, mode, ti);
    release(m);
    return;
  }
  uint32_t n = mg.slots(target);
  Slot r = alloc(2);
  as.pointerSlot(r);
  as.emitExtra(Op::ASSERT, r, x, mode, ti);
  bool direct = mg.desc(target)->isDirectIface();
  if (!commaOk) {
    if (direct)
      emit(Op::MOV, dst, r);
    else
      loadMem(target, dst, r, 0);
  } else {
    Label bad = as.newLabel(), done = as.newLabel();
    as.jump(Op::JF, r + 1, bad);
    if (direct)
      emit(Op::MOV, dst, r);
    else
      loadMem(target, dst, r, 0);
    as.jump(Op::JMP, done);
    as.bind(bad);
    zero(target, dst);
    as.bind(done);
    emit(Op::MOV, dst + n, r + 1);
  }
  release(m);
}

// ---------------------------------------------------------------------------
// Conversions

void FnGen::conversion(CallExpr* e, Slot dst) {
  const Type* to = e->type;
  Expr* x = e->args[0];
  const Type* from = x->type;
  if (isIface(to)) {
    exprTo(x, to, dst, e);
    return;
  }
  if (x->mode == ExprMode::Constant && !types::isUntyped(from) && !isIface(from)) {
    // e.g. float64(i) of a typed constant: compute at run time below
  }
  const Basic* bt = basicOf(to);
  const Basic* bf = basicOf(from);
  Mark m = mark();
  if (bt && bf) {
    bool toInt = bt->info & types::kIsInteger, fromInt = bf->info & types::kIsInteger;
    bool toFloat = bt->info & types::kIsFloat, fromFloat = bf->info & types::kIsFloat;
    bool toString = bt->info & types::kIsString;
    if (toString && fromInt) {
      Slot v = operand(x);
      emit(Op::RUNE2STR, dst, v);
      release(m);
      return;
    }
    if (toInt && fromInt) {
      Slot v = operand(x);
      Op n = normalizeOp(widthOf(to));
      if (n == Op::NOP)
        emit(Op::MOV, dst, v);
      else
        emit(n, dst, v);
      release(m);
      return;
    }
    if (toFloat && fromInt) {
      Slot v = operand(x);
      bool u = bf->info & types::kIsUnsigned;
      if (isF32(to))
        emit(u ? Op::U2F32 : Op::I2F32, dst, v);
      else
        emit(u ? Op::U2F64 : Op::I2F64, dst, v);
      release(m);
      return;
    }
    if (toInt && fromFloat) {
      Slot v = operand(x);
      emit((bt->info & types::kIsUnsigned) ? Op::F2U64 : Op::F2I64, dst, v);
      Op n = normalizeOp(widthOf(to));
      if (n != Op::NOP) emit(n, dst, dst);
      release(m);
      return;
    }
    if (toFloat && fromFloat) {
      Slot v = operand(x);
      if (isF32(to) && !isF32(from))
        emit(Op::F2F32, dst, v);
      else
        emit(Op::MOV, dst, v);
      release(m);
      return;
    }
  }
  // string <-> []byte, []rune: into a frame buffer when the result does
  // not escape (B forms), else on the heap.
  const FrameRegion* buf = frameSite(e, escape::SiteKind::StrConv);
  if (bt && (bt->info & types::kIsString)) {
    if (auto* s = from->under<types::Slice>()) {
      Slot v = operand(x);
      bool runes = isRuneSlice(s);
      if (buf)
        emit(runes ? Op::RUNES2STRB : Op::BYTES2STRB, dst, v, frameBuffer(*buf));
      else
        emit(runes ? Op::RUNES2STR : Op::BYTES2STR, dst, v);
      release(m);
      return;
    }
  }
  if (auto* s = to->under<types::Slice>(); s && bf && (bf->info & types::kIsString)) {
    Slot v = operand(x);
    bool runes = isRuneSlice(s);
    if (buf && buf->slots * 8ull >= (runes ? 4 : 1) * vm::kTmpBufBytes)
      emit(runes ? Op::STR2RUNESB : Op::STR2BYTESB, dst, v, frameBuffer(*buf));
    else
      emit(runes ? Op::STR2RUNES : Op::STR2BYTES, dst, v);
    release(m);
    return;
  }
  release(m);
  exprTo(x, to, dst);
}

// ---------------------------------------------------------------------------
// Operators

void FnGen::compare(Tok op, const Type* t, Slot x, Slot y, Slot dst) {
  const Basic* b = basicOf(t);
  if (b && (b->info & types::kIsString)) {
    if (op == Tok::Eql || op == Tok::Neq) {
      emit(Op::STREQ, dst, x, y);
      if (op == Tok::Neq) emit(Op::BNOT, dst, dst);
      return;
    }
    Mark m = mark();
    Slot c = alloc(1), z = alloc(1);
    emit(Op::STRCMP, c, x, y);
    loadInt(z, 0);
    switch (op) {
      case Tok::Lss: emit(Op::LT_S, dst, c, z); break;
      case Tok::Leq: emit(Op::LE_S, dst, c, z); break;
      case Tok::Gtr: emit(Op::LT_S, dst, z, c); break;
      default: emit(Op::LE_S, dst, z, c); break;
    }
    release(m);
    return;
  }
  if (isIface(t)) {
    emit(isEmptyIface(t) ? Op::EFACEEQ : Op::IFACEEQ, dst, x, y);
    if (op == Tok::Neq) emit(Op::BNOT, dst, dst);
    return;
  }
  if (b && (b->info & types::kIsFloat)) {
    switch (op) {
      case Tok::Eql: emit(Op::EQ_F, dst, x, y); break;
      case Tok::Neq: emit(Op::NE_F, dst, x, y); break;
      case Tok::Lss: emit(Op::LT_F, dst, x, y); break;
      case Tok::Leq: emit(Op::LE_F, dst, x, y); break;
      case Tok::Gtr: emit(Op::LT_F, dst, y, x); break;
      default: emit(Op::LE_F, dst, y, x); break;
    }
    return;
  }
  if (mg.slots(t) == 1 && !t->under<types::Struct>() && !t->under<types::Array>()) {
    bool u = b && (b->info & types::kIsUnsigned);
    switch (op) {
      case Tok::Eql: emit(Op::EQ, dst, x, y); break;
      case Tok::Neq: emit(Op::NE, dst, x, y); break;
      case Tok::Lss: emit(u ? Op::LT_U : Op::LT_S, dst, x, y); break;
      case Tok::Leq: emit(u ? Op::LE_U : Op::LE_S, dst, x, y); break;
      case Tok::Gtr: emit(u ? Op::LT_U : Op::LT_S, dst, y, x); break;
      default: emit(u ? Op::LE_U : Op::LE_S, dst, y, x); break;
    }
    return;
  }
  // Structs and arrays (and anything else): compare as interface{} values,
  // which the runtime does field by field with Go's rules.
  Mark m = mark();
  Slot ex = alloc(2), ey = alloc(2);
  as.pointerSlot(ex + 1);
  as.pointerSlot(ey + 1);
  // The boxes are statement temporaries in the frame: EFACEEQ keeps
  // nothing, and the values may point to frame objects (a [2]any whose
  // elements' boxes live in the frame), which a heap box must not.
  for (auto [src, e] : {std::pair{x, ex}, std::pair{y, ey}}) {
    as.emitWide(Op::LOADTYPE, e, mg.typeIndex(t));
    if (mg.desc(t)->isDirectIface()) {
      emit(Op::MOV, e + 1, src);
    } else {
      Slot c = tempCell(t);
      storeMem(t, c, 0, src);
      emit(Op::MOV, e + 1, c);
    }
  }
  emit(Op::EFACEEQ, dst, ex, ey);
  if (op == Tok::Neq) emit(Op::BNOT, dst, dst);
  release(m);
}

void FnGen::binary(BinaryExpr* e, Slot dst) {
  Tok op = e->op;
  if (op == Tok::LAnd || op == Tok::LOr) {
    Label no = as.newLabel(), done = as.newLabel();
    condJump(e, false, no);
    loadInt(dst, 1);
    as.jump(Op::JMP, done);
    as.bind(no);
    loadInt(dst, 0);
    as.bind(done);
    return;
  }
  Mark m = mark();
  if (isComparison(op)) {
    Expr* x = e->x;
    Expr* y = e->y;
    const Type* tx = operandType(x, y);
    const Type* ty = operandType(y, x);
    // nil comparisons: one word (or the interface's type word) against 0.
    if (isNilExpr(x) || isNilExpr(y)) {
      Expr* v = isNilExpr(x) ? y : x;
      Slot s = operand(v);
      Slot z = alloc(1);
      loadInt(z, 0);
      emit(op == Tok::Eql ? Op::EQ : Op::NE, dst, s, z);
      release(m);
      return;
    }
    const Type* t = tx;
    if (isIface(tx) != isIface(ty)) t = isIface(tx) ? tx : ty;
    Slot a = alloc(mg.slots(t)), b = alloc(mg.slots(t));
    markPointers(a, t);
    markPointers(b, t);
    exprTo(x, t, a);
    exprTo(y, t, b);
    compare(op, t, a, b, dst);
    release(m);
    return;
  }
  if (op == Tok::Add && isStringType(e->type)) {
    if (const FrameRegion* r = frameSite(e, escape::SiteKind::Concat)) {
      concatInto(e, dst, frameBuffer(*r));
      release(m);
      return;
    }
  }
  Slot a = operand(e->x);
  arith(op, e->type, a, e->y, dst, e->pos);
  release(m);
}

// A concatenation whose result does not escape: the chain's left spine
// (a + b + c is (a + b) + c, the analysis' one site) is built in the
// frame buffer at buf, each step while it fits (vm/interp.cpp, concat).
void FnGen::concatInto(BinaryExpr* e, Slot dst, Slot buf) {
  Mark m = mark();
  Expr* l = unparen(e->x);
  auto* lb = l->as<BinaryExpr>();
  Slot a;
  if (lb && lb->op == Tok::Add && l->mode != ExprMode::Constant && isStringType(l->type)) {
    a = allocFor(l->type);
    concatInto(lb, a, buf);
  } else {
    a = operand(e->x);
  }
  Slot b = operand(e->y);
  line(e->pos);
  as.emitExtra(Op::CONCATB, dst, a, b, buf);
  release(m);
}

// A pointer slot holding the address of frame region r, used as a
// kTmpBufBytes buffer (not zeroed: the string ops write what they use).
Slot FnGen::frameBuffer(const FrameRegion& r) {
  Slot b = alloc(1);
  as.pointerSlot(b);
  emit(Op::ADDR, b, r.first);
  return b;
}

void FnGen::arith(Tok op, const Type* t, Slot a, Expr* y, Slot dst, Pos pos) {
  Mark m = mark();
  const Basic* bt = basicOf(t);
  if (bt && (bt->info & types::kIsString)) {
    Slot b = operand(y);
    emit(Op::CONCAT, dst, a, b);
    release(m);
    return;
  }
  if (bt && (bt->info & types::kIsFloat)) {
    Slot b = operand(y);
    bool f32 = isF32(t);
    Op o;
    switch (op) {
      case Tok::Add: o = f32 ? Op::ADD_F32 : Op::ADD_F64; break;
      case Tok::Sub: o = f32 ? Op::SUB_F32 : Op::SUB_F64; break;
      case Tok::Mul: o = f32 ? Op::MUL_F32 : Op::MUL_F64; break;
      default: o = f32 ? Op::DIV_F32 : Op::DIV_F64; break;
    }
    emit(o, dst, a, b);
    release(m);
    return;
  }
  Width w = widthOf(t);
  bool u = bt && (bt->info & types::kIsUnsigned);
  if (op == Tok::Shl || op == Tok::Shr) {
    auto k = smallConst(y);
    if (k && *k >= 0 && *k < 64) {
      if (op == Tok::Shl) {
        emit(Op::SHLI, dst, a, static_cast<unsigned>(*k));
        Op n = normalizeOp(w);
        if (n != Op::NOP) emit(n, dst, dst);
      } else {
        emit(u ? Op::SHRI_U : Op::SHRI_S, dst, a, static_cast<unsigned>(*k));
      }
      release(m);
      return;
    }
    Slot c = operand(y);
    const Basic* cb = basicOf(y->type);
    if (cb && !(cb->info & types::kIsUnsigned) && y->mode != ExprMode::Constant) emit(Op::CHKSHIFT, c);
    if (op == Tok::Shl)
      emit(widthOp(Op::SHL_I64, w), dst, a, c);
    else
      emit(u ? Op::SHR_U : Op::SHR_S, dst, a, c);
    release(m);
    return;
  }
  if ((op == Tok::Add || op == Tok::Sub) && smallConst(y)) {
    int64_t k = *smallConst(y);
    if (op == Tok::Sub) k = -k;
    if (k >= INT16_MIN && k <= INT16_MAX) {
      emit(widthOp(Op::ADDI_I64, w), dst, a, static_cast<uint16_t>(static_cast<int16_t>(k)));
      release(m);
      return;
    }
  }
  Slot b = operand(y);
  switch (op) {
    case Tok::Add: emit(widthOp(Op::ADD_I64, w), dst, a, b); break;
    case Tok::Sub: emit(widthOp(Op::SUB_I64, w), dst, a, b); break;
    case Tok::Mul: emit(widthOp(Op::MUL_I64, w), dst, a, b); break;
    case Tok::Quo:
      emit(u ? Op::DIV_U : Op::DIV_S, dst, a, b);
      if (!u && normalizeOp(w) != Op::NOP) emit(normalizeOp(w), dst, dst);
      break;
    case Tok::Rem: emit(u ? Op::REM_U : Op::REM_S, dst, a, b); break;
    case Tok::And: emit(Op::AND, dst, a, b); break;
    case Tok::Or: emit(Op::OR, dst, a, b); break;
    case Tok::Xor: emit(Op::XOR, dst, a, b); break;
    case Tok::AndNot: emit(Op::ANDNOT, dst, a, b); break;
    default: mg.unsupported(pos, "operator " + std::string(spelling(op))); break;
  }
  release(m);
}

void FnGen::unary(UnaryExpr* e, Slot dst) {
  Mark m = mark();
  switch (e->op) {
    case Tok::Add:
      expr(e->x, dst);
      break;
    case Tok::Sub: {
      Slot a = operand(e->x);
      if (types::isFloat(e->type)) {
        emit(Op::NEG_F, dst, a);
      } else {
        emit(Op::NEG, dst, a);
        Op n = normalizeOp(widthOf(e->type));
        if (n != Op::NOP) emit(n, dst, dst);
      }
      break;
    }
    case Tok::Not: {
      Slot a = operand(e->x);
      emit(Op::BNOT, dst, a);
      break;
    }
    case Tok::Arrow:
      chanRecv(e, dst, false);
      break;
    case Tok::Xor: {
      Slot a = operand(e->x);
      emit(Op::NOT, dst, a);
      Op n = normalizeOp(widthOf(e->type));
      if (n != Op::NOP) emit(n, dst, dst);
      break;
    }
    case Tok::And: {
      Expr* x = unparen(e->x);
      if (auto* lit = x->as<CompositeLit>()) {
        const Type* t = lit->type;
        const FrameRegion* r = frameSite(e, escape::SiteKind::PtrLit);
        Slot c = r ? frameCell(*r) : newCell(t);
        if (mg.slots(t) <= 4096) {
          Slot v = allocFor(t);
          composite(lit, t, v);
          storeMem(t, c, 0, v);
        } else {
          mg.unsupported(e->pos, "a composite literal this large");
        }
        emit(Op::MOV, dst, c);
        break;
      }
      Slot base;
      uint64_t off;
      if (!addressOf(x, &base, &off)) {
        mg.unsupported(e->pos, "taking this address");
        break;
      }
      if (off == 0) {
        emit(Op::MOV, dst, base);
        // &p.f with f at offset 0 still checks p (Go faults on nil here).
        if (x->is<SelectorExpr>()) emit(Op::NILCHK, base);
      } else {
        base = offsetBase(base, off);
        if (off == 0)
          emit(Op::MOV, dst, base);
        else
          emit(Op::FIELDADDR, dst, base, static_cast<unsigned>(off));
      }
      break;
    }
    default:
      mg.unsupported(e->pos, "operator " + std::string(spelling(e->op)));
      break;
  }
  release(m);
}

void FnGen::condJump(Expr* e, bool when, Label target) {
  e = unparen(e);
  line(e->pos);
  if (e->mode == ExprMode::Constant && e->value.kind() == ConstValue::Kind::Bool) {
    if (e->value.boolVal() == when) as.jump(Op::JMP, target);
    return;
  }
  if (auto* u = e->as<UnaryExpr>(); u && u->op == Tok::Not) {
    condJump(u->x, !when, target);
    return;
  }
  if (auto* b = e->as<BinaryExpr>()) {
    if (b->op == Tok::LAnd) {
      if (when) {
        Label skip = as.newLabel();
        condJump(b->x, false, skip);
        condJump(b->y, true, target);
        as.bind(skip);
      } else {
        condJump(b->x, false, target);
        condJump(b->y, false, target);
      }
      return;
    }
    if (b->op == Tok::LOr) {
      if (when) {
        condJump(b->x, true, target);
        condJump(b->y, true, target);
      } else {
        Label skip = as.newLabel();
        condJump(b->x, true, skip);
        condJump(b->y, false, target);
        as.bind(skip);
      }
      return;
    }
    if (isComparison(b->op) && !isNilExpr(b->x) && !isNilExpr(b->y)) {
      const Type* t = operandType(b->x, b->y);
      const Basic* bt = basicOf(t);
      bool isInt = bt && (bt->info & (types::kIsInteger | types::kIsBoolean));
      bool isFloat = bt && (bt->info & types::kIsFloat);
      bool ptrLike = !bt && mg.slots(t) == 1 && !isIface(t) && !t->under<types::Struct>() &&
                     !t->under<types::Array>();
      if (isInt || isFloat || (ptrLike && (b->op == Tok::Eql || b->op == Tok::Neq))) {
        Mark m = mark();
        Expr* x = b->x;
        Expr* y = b->y;
        Tok op = b->op;
        if (x->mode == ExprMode::Constant && y->mode != ExprMode::Constant) {
          std::swap(x, y);
          op = mirror(op);
        }
        bool u = bt && (bt->info & types::kIsUnsigned);
        if (isFloat) {
          Slot a = operand(x), c = operand(y);
          Op o;
          if (when) {
            switch (op) {
              case Tok::Eql: o = Op::JEQ_F; break;
              case Tok::Neq: o = Op::JNE_F; break;
              case Tok::Lss: o = Op::JLT_F; break;
              case Tok::Leq: o = Op::JLE_F; break;
              case Tok::Gtr: o = Op::JLT_F; std::swap(a, c); break;
              default: o = Op::JLE_F; std::swap(a, c); break;
            }
          } else {
            switch (op) {
              case Tok::Eql: o = Op::JNE_F; break;
              case Tok::Neq: o = Op::JEQ_F; break;
              case Tok::Lss: o = Op::JNLT_F; break;
              case Tok::Leq: o = Op::JNLE_F; break;
              case Tok::Gtr: o = Op::JNLT_F; std::swap(a, c); break;
              default: o = Op::JNLE_F; std::swap(a, c); break;
            }
          }
          as.jump(o, a, c, target);
          release(m);
          return;
        }
        if (!when) op = negate(op);
        auto k = smallConst(y);
        if (k && (!u || op == Tok::Eql || op == Tok::Neq)) {
          Slot a = operand(x);
          Op o;
          switch (op) {
            case Tok::Eql: o = Op::JEQI; break;
            case Tok::Neq: o = Op::JNEI; break;
            case Tok::Lss: o = Op::JLTI; break;
            case Tok::Leq: o = Op::JLEI; break;
            case Tok::Gtr: o = Op::JGTI; break;
            default: o = Op::JGEI; break;
          }
          as.jump(o, a, static_cast<uint16_t>(static_cast<int16_t>(*k)), target);
          release(m);
          return;
        }
        Slot a = operand(x), c = operand(y);
        Op o;
        switch (op) {
          case Tok::Eql: o = Op::JEQ; break;
          case Tok::Neq: o = Op::JNE; break;
          case Tok::Lss: o = u ? Op::JLT_U : Op::JLT_S; break;
          case Tok::Leq: o = u ? Op::JLE_U : Op::JLE_S; break;
          case Tok::Gtr: o = u ? Op::JLT_U : Op::JLT_S; std::swap(a, c); break;
          default: o = u ? Op::JLE_U : Op::JLE_S; std::swap(a, c); break;
        }
        as.jump(o, a, c, target);
        release(m);
        return;
      }
    }
  }
  Mark m = mark();
  Slot v = operand(e);
  as.jump(when ? Op::JT : Op::JF, v, target);
  release(m);
}

// ---------------------------------------------------------------------------
// Places: variables, fields, elements

namespace {

// Slot offset of field `index` within a struct's slots.
uint32_t fieldSlot(ModuleGen& mg, const types::Struct* st, int index) {
  uint32_t s = 0;
  for (int i = 0; i < index; ++i) s += mg.slots(st->fields[static_cast<size_t>(i)]->type);
  return s;
}

}  // namespace

// A field (of a field...) of a struct variable held in slots, reached
// without pointers: its slots.
bool FnGen::slotPlace(Expr* e, Place* out) {
  e = unparen(e);
  if (auto* id = e->as<Ident>()) {
    auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
    auto it = v ? vars.find(v) : vars.end();
    if (it == vars.end() || it->second.boxed) return false;
    out->kind = Place::Kind::Slots;
    out->slot = it->second.slot;
    out->type = v->type;
    return true;
  }
  auto* se = e->as<SelectorExpr>();
  if (!se || !se->selection || se->selection->kind != types::Selection::Kind::FieldVal ||
      se->selection->indirect || !se->x->type || se->x->type->under<types::Pointer>())
    return false;
  Place base;
  if (!slotPlace(se->x, &base)) return false;
  const Type* cur = se->x->type;
  uint32_t off = 0;
  for (int idx : se->selection->index) {
    auto* st = cur->under<types::Struct>();
    if (!st) return false;
    off += fieldSlot(mg, st, idx);
    cur = st->fields[static_cast<size_t>(idx)]->type;
  }
  out->kind = Place::Kind::Slots;
  out->slot = static_cast<Slot>(base.slot + off);
  out->type = e->type;
  return true;
}

Place FnGen::place(Expr* e) {
  e = unparen(e);
  Place p;
  p.type = e->type;
  if (auto* id = e->as<Ident>()) {
    if (id->name == "_") return p;
    auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
    if (!v) {
      mg.unsupported(e->pos, "assigning to this");
      return p;
    }
    p.type = v->type;
    if (auto it = vars.find(v); it != vars.end()) {
      p.kind = it->second.boxed ? Place::Kind::Mem : Place::Kind::Slots;
      p.slot = it->second.slot;
      return p;
    }
    if (v->isGlobal) {
      uint32_t g = mg.globalSlot(v);
      if (mg.globalBoxed(v)) {
        Slot t = alloc(1);
        as.pointerSlot(t);
        as.emitWide(Op::GETG, t, g);
        p.kind = Place::Kind::Mem;
        p.slot = t;
      } else {
        p.kind = Place::Kind::Global;
        p.global = g;
      }
      return p;
    }
    mg.unsupported(e->pos, "variable " + v->name + " here");
    return p;
  }
  if (auto* ix = e->as<IndexExpr>(); ix && ix->x->type && ix->x->type->under<types::Map>()) {
    auto* mt = ix->x->type->under<types::Map>();
    p.kind = Place::Kind::Map;
    p.mapType = ix->x->type;
    p.slot = operand(ix->x);
    p.key = mapKey(mt->key, ix->index);
    p.type = mt->elem;
    return p;
  }
  if (slotPlace(e, &p)) return p;
  Slot base;
  uint64_t off;
  if (addressOf(e, &base, &off)) {
    p.kind = Place::Kind::Mem;
    p.slot = base;
    p.off = off;
    return p;
  }
  mg.unsupported(e->pos, "assigning to " + exprString(e));
  return p;
}

void FnGen::loadPlace(const Place& p, Slot dst) {
  switch (p.kind) {
    case Place::Kind::Slots: move(p.type, dst, p.slot); break;
    case Place::Kind::Mem: loadMem(p.type, dst, p.slot, p.off); break;
    case Place::Kind::Global: as.emitWide(Op::GETG, dst, p.global); break;
    case Place::Kind::Map: {
      Mark m = mark();
      Slot a = alloc(1);
      as.pointerSlot(a);
      as.emitExtra(Op::MAPACCESS, a, p.slot, p.key, mg.typeIndex(p.mapType));
      loadMem(p.type, dst, a, 0);
      release(m);
      break;
    }
    case Place::Kind::Blank: break;
  }
}

void FnGen::storePlace(const Place& p, Slot src) {
  switch (p.kind) {
    case Place::Kind::Slots: move(p.type, p.slot, src); break;
    case Place::Kind::Mem: storeMem(p.type, p.slot, p.off, src); break;
    case Place::Kind::Global: as.emitWide(Op::SETG, src, p.global); break;
    case Place::Kind::Map: {
      Mark m = mark();
      Slot a = alloc(1);
      as.pointerSlot(a);
      as.emitExtra(Op::MAPASSIGN, a, p.slot, p.key, mg.typeIndex(p.mapType));
      storeMem(p.type, a, 0, src);
      release(m);
      break;
    }
    case Place::Kind::Blank: break;
  }
}

bool FnGen::addressOf(Expr* e, Slot* base, uint64_t* off) {
  e = unparen(e);
  if (auto* id = e->as<Ident>()) {
    auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
    if (!v) return false;
    if (auto it = vars.find(v); it != vars.end()) {
      if (!it->second.boxed) return false;
      *base = it->second.slot;
      *off = 0;
      return true;
    }
    if (v->isGlobal && mg.globalBoxed(v)) {
      Slot t = alloc(1);
      as.pointerSlot(t);
      as.emitWide(Op::GETG, t, mg.globalSlot(v));
      *base = t;
      *off = 0;
      return true;
    }
    return false;
  }
  if (auto* se = e->as<SelectorExpr>()) {
    if (!se->selection) {  // pkg.Var
      auto* v = se->sel->obj ? se->sel->obj->as<types::Var>() : nullptr;
      if (!v || !mg.globalBoxed(v)) return false;
      Slot t = alloc(1);
      as.pointerSlot(t);
      as.emitWide(Op::GETG, t, mg.globalSlot(v));
      *base = t;
      *off = 0;
      return true;
    }
    if (se->selection->kind != types::Selection::Kind::FieldVal) return false;
    const Type* cur = se->x->type;
    Slot b;
    uint64_t o = 0;
    if (auto* pt = cur->under<types::Pointer>()) {
      b = operand(se->x);
      cur = pt->elem;
    } else if (!addressOf(se->x, &b, &o)) {
      // A struct value (a call's result): put it in memory.
      Slot v = operand(se->x);
      b = tempCell(cur);
      storeMem(cur, b, 0, v);
      o = 0;
    }
    const auto& path = se->selection->index;
    for (size_t k = 0; k < path.size(); ++k) {
      auto* st = cur->under<types::Struct>();
      auto* f = st->fields[static_cast<size_t>(path[k])];
      uint64_t fo = mg.desc(cur)->fields[static_cast<size_t>(path[k])].offset;
      if (k + 1 < path.size() && f->type->under<types::Pointer>()) {
        b = offsetBase(b, o);
        Slot t = alloc(1);
        as.pointerSlot(t);
        emit(Op::LOAD64, t, b, static_cast<unsigned>(o + fo));
        b = t;
        o = 0;
        cur = f->type->under<types::Pointer>()->elem;
      } else {
        o += fo;
        cur = f->type;
      }
    }
    *base = b;
    *off = o;
    return true;
  }
  if (auto* ix = e->as<IndexExpr>()) {
    const Type* xt = ix->x->type;
    if (auto* sl = xt->under<types::Slice>()) {
      Slot s = operand(ix->x);
      Slot i = operand(ix->index);
      Slot t = alloc(1);
      as.pointerSlot(t);
      as.emitExtra(Op::SINDEXADDR, t, s, i, mg.desc(sl->elem)->size);
      *base = t;
      *off = 0;
      return true;
    }
    const types::Array* at = xt->under<types::Array>();
    Slot p;
    if (auto* pt = xt->under<types::Pointer>()) {
      at = pt->elem->under<types::Array>();
      p = operand(ix->x);
    } else if (at) {
      uint64_t o;
      if (!addressOf(ix->x, &p, &o)) {
        Slot v = operand(ix->x);
        p = tempCell(xt);
        storeMem(xt, p, 0, v);
        o = 0;
      }
      if (o != 0) {
        p = offsetBase(p, o);
        if (o != 0) {
          Slot q = alloc(1);
          as.pointerSlot(q);
          emit(Op::FIELDADDR, q, p, static_cast<unsigned>(o));
          p = q;
        }
      }
    } else {
      return false;
    }
    uint64_t esize = mg.desc(at->elem)->size;
    auto k = ix->index->mode == ExprMode::Constant ? ix->index->value.toInt64() : std::nullopt;
    if (k && *k >= 0 && *k < at->len && xt->under<types::Array>()) {
      *base = p;
      *off = static_cast<uint64_t>(*k) * esize;
      return true;
    }
    Slot i = operand(ix->index);
    Slot t = alloc(1);
    as.pointerSlot(t);
    as.emitExtra(Op::AINDEXADDR, t, p, i, (static_cast<uint64_t>(at->len) << 32) | esize);
    *base = t;
    *off = 0;
    return true;
  }
  if (auto* st = e->as<StarExpr>()) {
    *base = operand(st->x);
    *off = 0;
    return true;
  }
  return false;
}

Slot FnGen::keyAddress(const Type* keyType, Slot key) {
  const Layout& l = mg.layout(keyType);
  bool direct = l.memIsSlots || (l.slots == 1 && l.leaves[0].kind != Leaf::F32);
  Slot a = alloc(1);
  if (direct) {
    emit(Op::ADDR, a, key);
  } else {
    as.pointerSlot(a);
    as.emitWide(Op::NEW, a, mg.typeIndex(keyType));
    storeMem(keyType, a, 0, key);
  }
  return a;
}

Slot FnGen::mapKey(const Type* keyType, Expr* key) {
  Slot k;
  if (!isIface(keyType) && key->type && types::identical(key->type, keyType) &&
      key->mode != ExprMode::Constant) {
    k = operand(key);  // a variable's own slot when it is one
  } else {
    k = allocFor(keyType);
    exprTo(key, keyType, k);
  }
  return keyAddress(keyType, k);
}

void FnGen::mapIndex(IndexExpr* e, Slot dst, bool commaOk) {
  Mark m = mark();
  auto* mt = e->x->type->under<types::Map>();
  Slot mp = operand(e->x);
  Slot ka = mapKey(mt->key, e->index);
  Slot r = alloc(2);
  as.pointerSlot(r);
  if (commaOk) {
    as.emitExtra(Op::MAPACCESS2, r, mp, ka, mg.typeIndex(e->x->type));
    loadMem(mt->elem, dst, r, 0);
    emit(Op::MOV, dst + mg.slots(mt->elem), r + 1);
  } else {
    as.emitExtra(Op::MAPACCESS, r, mp, ka, mg.typeIndex(e->x->type));
    loadMem(mt->elem, dst, r, 0);
  }
  release(m);
}

void FnGen::index(IndexExpr* e, Slot dst) {
  const Type* xt = e->x->type;
  if (xt->under<types::Map>()) {
    mapIndex(e, dst, false);
    return;
  }
  Mark m = mark();
  if (types::isString(xt)) {
    Slot s = operand(e->x), i = operand(e->index);
    emit(Op::SLOAD8U, dst, s, i);
    release(m);
    return;
  }
  if (auto* sl = xt->under<types::Slice>()) {
    const Layout& el = mg.layout(sl->elem);
    if (el.slots == 1 && (el.leaves[0].kind == Leaf::W64 || el.leaves[0].kind == Leaf::Ptr)) {
      Slot s = operand(e->x), i = operand(e->index);
      emit(Op::SLOAD64, dst, s, i);
      release(m);
      return;
    }
    if (el.slots == 1 && (el.leaves[0].kind == Leaf::U8 || el.leaves[0].kind == Leaf::Bool)) {
      Slot s = operand(e->x), i = operand(e->index);
      emit(Op::SLOAD8U, dst, s, i);
      release(m);
      return;
    }
  }
  Slot base;
  uint64_t off;
  if (!addressOf(e, &base, &off)) {
    mg.unsupported(e->pos, "this index expression");
    release(m);
    return;
  }
  loadMem(e->type, dst, base, off);
  release(m);
}

void FnGen::sliceExpr(SliceExpr* e, Slot dst) {
  Mark m = mark();
  const Type* xt = e->x->type;
  uint32_t mode = 0;
  uint64_t esize = 1;
  Slot s;
  Slot b = alloc(3);
  if (types::isString(xt)) {
    mode = vm::slicemode::String;
    s = operand(e->x);
  } else if (auto* sl = xt->under<types::Slice>()) {
    esize = mg.desc(sl->elem)->size;
    s = operand(e->x);
  } else {
    const types::Array* at = xt->under<types::Array>();
    Slot p;
    if (auto* pt = xt->under<types::Pointer>()) {
      at = pt->elem->under<types::Array>();
      p = operand(e->x);
      emit(Op::NILCHK, p);
    } else {
      uint64_t o;
      if (!addressOf(e->x, &p, &o)) {
        mg.unsupported(e->pos, "slicing an unaddressable array");
        release(m);
        return;
      }
      if (o != 0) {
        p = offsetBase(p, o);
        if (o != 0) {
          Slot q = alloc(1);
          emit(Op::FIELDADDR, q, p, static_cast<unsigned>(o));
          p = q;
        }
      }
    }
    esize = mg.desc(at->elem)->size;
    mode = vm::slicemode::ArrayLen;
    s = alloc(3);
    as.pointerSlot(s);
    emit(Op::MOV, s, p);
    loadInt(s + 1, at->len);
    loadInt(s + 2, at->len);
  }
  const Type* intT = mg.u.basic(BasicKind::Int);
  if (e->low)
    exprTo(e->low, intT, b);
  else
    loadInt(b, 0);
  if (e->high)
    exprTo(e->high, intT, b + 1);
  else
    emit(Op::MOV, b + 1, s + 1);
  if (e->slice3) {
    mode |= vm::slicemode::Three;
    Slot b3 = alloc(1);
    (void)b3;
    exprTo(e->max, intT, b + 2);
  }
  as.emitExtra(Op::SLICE, dst, s, b, (static_cast<uint64_t>(mode) << 32) | esize);
  release(m);
}

void FnGen::selector(SelectorExpr* e, Slot dst) {
  Mark m = mark();
  const types::Selection* sel = e->selection;
  if (!sel) {
    types::Object* obj = e->sel->obj;
    if (auto* v = obj ? obj->as<types::Var>() : nullptr) {
      uint32_t g = mg.globalSlot(v);
      if (mg.globalBoxed(v)) {
        Slot t = alloc(1);
        as.emitWide(Op::GETG, t, g);
        loadMem(v->type, dst, t, 0);
      } else {
        as.emitWide(Op::GETG, dst, g);
      }
    } else if (auto* f = obj ? obj->as<types::Func>() : nullptr) {
      as.emitWide(Op::LOADFN, dst, mg.funcIndex(f));
    } else {
      mg.unsupported(e->pos, "this selector");
    }
    release(m);
    return;
  }
  if (sel->kind == types::Selection::Kind::MethodVal) {
    methodValue(e, dst);
    release(m);
    return;
  }
  if (sel->kind == types::Selection::Kind::MethodExpr) {
    auto* f = sel->obj->as<types::Func>();
    const Type* recv = sel->recv;
    if (isIface(recv)) {
      as.emitWide(Op::LOADFN, dst, mg.ifaceMethodExprFn(recv, f));
    } else {
      uint32_t fn = mg.ifaceMethodFn(recv, f, sel->index, sel->indirect);
      bool exact = types::identical(f->signature()->recv->type, recv) && sel->index.size() == 1;
      if (!exact && !recv->is<types::Pointer>() && !mg.desc(recv)->isDirectIface())
        mg.unsupported(e->pos, "this method expression");
      else
        as.emitWide(Op::LOADFN, dst, exact ? mg.funcIndex(f) : fn);
    }
    release(m);
    return;
  }
  // A field of a struct value that is not in memory (a call's result, a
  // conversion): evaluate the struct into slots and take the field's.
  Expr* root = unparen(e->x);
  Place sp;
  bool viaPointer = root->type->under<types::Pointer>() != nullptr;
  if (!viaPointer && !slotPlace(root, &sp) && !root->is<Ident>() && !root->is<IndexExpr>() &&
      !root->is<StarExpr>() && !root->is<SelectorExpr>()) {
    const Type* cur = root->type;
    uint32_t off = 0;
    bool ok = true;
    for (int idx : sel->index) {
      auto* st = cur->under<types::Struct>();
      if (!st || cur->under<types::Pointer>()) {
        ok = false;
        break;
      }
      off += fieldSlot(mg, st, idx);
      cur = st->fields[static_cast<size_t>(idx)]->type;
      if (cur->under<types::Pointer>() && idx != sel->index.back()) ok = false;
    }
    if (ok) {
      Slot v = operand(root);
      move(e->type, dst, static_cast<Slot>(v + off));
      release(m);
      return;
    }
  }
  Place p = place(e);
  if (p.kind != Place::Kind::Blank) loadPlace(p, dst);
  release(m);
}

// ---------------------------------------------------------------------------
// Composite literals, closures, method values

void FnGen::composite(CompositeLit* e, const Type* t, Slot dst) {
  Mark m = mark();
  const Type* ut = t->underlying();
  if (auto* pt = ut->as<types::Pointer>()) {  // &T elided in a literal of pointers
    const Type* et = pt->elem;
    const FrameRegion* r = frameSite(e, escape::SiteKind::PtrLit);
    Slot c = r ? frameCell(*r) : newCell(et);
    Slot v = allocFor(et);
    composite(e, et, v);
    storeMem(et, c, 0, v);
    emit(Op::MOV, dst, c);
    release(m);
    return;
  }
  if (auto* st = ut->as<types::Struct>()) {
    zero(t, dst);
    for (size_t i = 0; i < e->elts.size(); ++i) {
      Expr* el = e->elts[i];
      size_t fi = i;
      Expr* val = el;
      if (auto* kv = el->as<KeyValueExpr>()) {
        auto* key = kv->key->as<Ident>();
        for (size_t k = 0; k < st->fields.size(); ++k)
          if (key && st->fields[k]->name == key->name) fi = k;
        val = kv->value;
      }
      const Type* ft = st->fields[fi]->type;
      exprTo(val, ft, static_cast<Slot>(dst + fieldSlot(mg, st, static_cast<int>(fi))));
    }
    release(m);
    return;
  }
  auto elements = [&](auto&& each) {
    int64_t idx = 0;
    for (Expr* el : e->elts) {
      Expr* val = el;
      if (auto* kv = el->as<KeyValueExpr>()) {
        if (auto k = kv->key->value.toInt64()) idx = *k;
        val = kv->value;
      }
      each(idx, val);
      ++idx;
    }
  };
  if (auto* at = ut->as<types::Array>()) {
    zero(t, dst);
    uint32_t es = mg.slots(at->elem);
    elements([&](int64_t idx, Expr* val) {
      exprTo(val, at->elem, static_cast<Slot>(dst + static_cast<uint32_t>(idx) * es));
    });
    release(m);
    return;
  }
  if (auto* sl = ut->as<types::Slice>()) {
    auto n = static_cast<int64_t>(compositeLength(e));
    Slot s = alloc(3);
    as.pointerSlot(s);
    if (const FrameRegion* r = frameSite(e, escape::SiteKind::SliceLit)) {
      frameCellInto(*r, s);
      loadInt(s + 1, n);
      loadInt(s + 2, n);
    } else {
      Slot len = alloc(1);
      loadInt(len, n);
      as.emitExtra(Op::MAKESLICE, s, len, len, mg.typeIndex(sl->elem));
    }
    uint64_t esize = mg.desc(sl->elem)->size;
    elements([&](int64_t idx, Expr* val) {
      Mark mm = mark();
      Slot v = allocFor(sl->elem);
      exprTo(val, sl->elem, v);
      storeMem(sl->elem, s, static_cast<uint64_t>(idx) * esize, v);
      release(mm);
    });
    moveN(3, dst, s);
    release(m);
    return;
  }
  if (auto* mt = ut->as<types::Map>()) {
    Slot hint = alloc(1);
    loadInt(hint, static_cast<int64_t>(e->elts.size()));
    Slot mp = alloc(1);
    as.pointerSlot(mp);
    newMap(frameSite(e, escape::SiteKind::MapLit), t, hint, mp);
    for (Expr* el : e->elts) {
      auto* kv = el->as<KeyValueExpr>();
      if (!kv) continue;
      Mark mm = mark();
      Slot k = allocFor(mt->key);
      exprTo(kv->key, mt->key, k);
      Slot v = allocFor(mt->elem);
      exprTo(kv->value, mt->elem, v);
      Slot ka = keyAddress(mt->key, k);
      Slot a = alloc(1);
      as.pointerSlot(a);
      as.emitExtra(Op::MAPASSIGN, a, mp, ka, mg.typeIndex(t));
      storeMem(mt->elem, a, 0, v);
      release(mm);
    }
    emit(Op::MOV, dst, mp);
    release(m);
    return;
  }
  mg.unsupported(e->pos, "this composite literal");
  release(m);
}

void FnGen::funcLit(FuncLit* e, Slot dst) {
  uint32_t fn = mg.litIndex(e, this);
  if (e->captures.empty()) {
    as.emitWide(Op::LOADFN, dst, fn);
    return;
  }
  Mark m = mark();
  auto n = static_cast<uint32_t>(e->captures.size());
  Slot region = alloc(n);
  for (uint32_t i = 0; i < n; ++i) {
    as.pointerSlot(region + i);
    auto it = vars.find(e->captures[i]);
    if (it == vars.end() || !it->second.boxed) {
      mg.unsupported(e->pos, "capturing " + e->captures[i]->name + " here");
      continue;
    }
    emit(Op::MOV, region + i, it->second.slot);
  }
  std::vector<uint32_t> cells(n);  // every capture is a variable's cell
  for (uint32_t i = 0; i < n; ++i) cells[i] = i;
  mg.setContextLayout(fn, n, cells);
  makeContext(frameSite(e, escape::SiteKind::Closure), fn, region, n, dst);
  release(m);
}

// A closure context: the Function* word of fn, then n slots from src. In
// the frame region r when escape analysis kept it there (codegen_func.cpp,
// "Frame objects"), the Function* word read from fn's static closure;
// otherwise on the heap, by MAKECLOSURE.
void FnGen::makeContext(const FrameRegion* r, uint32_t fn, Slot src, uint32_t n, Slot dst) {
  if (r == nullptr || r->slots != 1 + n) {
    as.emitExtra(Op::MAKECLOSURE, dst, src, n, fn);
    return;
  }
  Slot t = alloc(1);
  as.emitWide(Op::LOADFN, t, fn);
  emit(Op::LOAD64, r->first, t, 0);
  for (uint32_t i = 0; i < n; ++i) emit(Op::MOV, r->first + 1 + i, src + i);
  emit(Op::ADDR, dst, r->first);
}

// The receiver that method `f` expects, computed from x through the
// selection's path of embedded fields.
const Type* embeddedType(const Type* t, const std::vector<int>& path) {
  for (size_t k = 0; k + 1 < path.size(); ++k) {
    if (auto* p = t->under<types::Pointer>()) t = p->elem;
    t = t->under<types::Struct>()->fields[static_cast<size_t>(path[k])]->type;
  }
  return t;
}

int ifaceMethodIndex(types::Universe& u, const Type* iface, const std::string& name) {
  auto* it = iface->under<types::Interface>();
  u.completeInterface(it);
  for (size_t k = 0; k < it->allMethods.size(); ++k)
    if (it->allMethods[k]->name == name) return static_cast<int>(k);
  return 0;
}

void FnGen::recvOf(Expr* x, const types::Selection* sel, types::Func* f, Slot dst) {
  Mark m = mark();
  const Type* recvT = f->decl ? f->signature()->recv->type : embeddedType(x->type, sel->index);
  bool wantPtr = f->hasPtrRecv();
  const auto& path = sel->index;
  const Type* xt = x->type;
  if (path.size() == 1) {
    bool xPtr = xt->under<types::Pointer>() != nullptr && !xt->is<types::Named>();
    if (xPtr == wantPtr) {
      exprTo(x, recvT, dst);
    } else if (xPtr) {  // value method through a pointer
      Slot p = operand(x);
      loadMem(recvT, dst, p, 0);
    } else {  // pointer method on an addressable value
      Slot b;
      uint64_t o;
      if (!addressOf(x, &b, &o)) {
        mg.unsupported(x->pos, "calling a pointer method on this value");
      } else if (o == 0) {
        emit(Op::MOV, dst, b);
      } else {
        b = offsetBase(b, o);
        if (o == 0)
          emit(Op::MOV, dst, b);
        else
          emit(Op::FIELDADDR, dst, b, static_cast<unsigned>(o));
      }
    }
    release(m);
    return;
  }
  // Promoted: walk to the embedded value's address.
  Slot b;
  uint64_t o = 0;
  const Type* cur = xt;
  if (auto* pt = xt->under<types::Pointer>()) {
    b = operand(x);
    cur = pt->elem;
  } else if (!addressOf(x, &b, &o)) {
    Slot v = operand(x);
    b = tempCell(xt);
    storeMem(xt, b, 0, v);
    o = 0;
  }
  for (size_t k = 0; k + 1 < path.size(); ++k) {
    auto* st = cur->under<types::Struct>();
    auto* fld = st->fields[static_cast<size_t>(path[k])];
    uint64_t fo = mg.desc(cur)->fields[static_cast<size_t>(path[k])].offset;
    if (fld->type->under<types::Pointer>()) {
      b = offsetBase(b, o);
      Slot t = alloc(1);
      as.pointerSlot(t);
      emit(Op::LOAD64, t, b, static_cast<unsigned>(o + fo));
      b = t;
      o = 0;
      cur = fld->type->under<types::Pointer>()->elem;
    } else {
      o += fo;
      cur = fld->type;
    }
  }
  if (f->decl == nullptr) {  // a method of an embedded interface: the interface value
    loadMem(cur, dst, b, o);
    release(m);
    return;
  }
  if (wantPtr) {
    b = offsetBase(b, o);
    if (o == 0)
      emit(Op::MOV, dst, b);
    else
      emit(Op::FIELDADDR, dst, b, static_cast<unsigned>(o));
  } else {
    loadMem(recvT, dst, b, o);
  }
  release(m);
}

void FnGen::methodValue(SelectorExpr* e, Slot dst) {
  Mark m = mark();
  const FrameRegion* region = frameSite(e, escape::SiteKind::MethodValue);
  const types::Selection* sel = e->selection;
  auto* f = sel->obj->as<types::Func>();
  if (isIface(e->x->type)) {
    auto* it = e->x->type->under<types::Interface>();
    mg.u.completeInterface(it);
    int idx = 0;
    for (size_t k = 0; k < it->allMethods.size(); ++k)
      if (it->allMethods[k]->name == f->name) idx = static_cast<int>(k);
    Slot x = alloc(2);
    as.pointerSlot(x + 1);
    expr(e->x, x);
    emit(Op::NILCHK, x);  // Go panics when the method value is made from a nil interface
    uint32_t fn = mg.boundMethodFn(e->x->type, f, true, idx);
    mg.setContextLayout(fn, 2, {1});  // the itab or type word is not in the heap
    makeContext(region, fn, x, 2, dst);
    release(m);
    return;
  }
  if (f->decl == nullptr) {  // promoted from an embedded interface
    const Type* it = embeddedType(e->x->type, sel->index);
    Slot x = alloc(2);
    as.pointerSlot(x + 1);
    recvOf(e->x, sel, f, x);
    emit(Op::NILCHK, x);
    uint32_t fn = mg.boundMethodFn(it, f, true, ifaceMethodIndex(mg.u, it, f->name));
    mg.setContextLayout(fn, 2, {1});  // the itab or type word is not in the heap
    makeContext(region, fn, x, 2, dst);
    release(m);
    return;
  }
  const Type* recvT = f->signature()->recv->type;
  Slot r = allocFor(recvT);
  recvOf(e->x, sel, f, r);
  uint32_t fn = mg.boundMethodFn(recvT, f, false, 0);
  std::vector<uint32_t> ptrs;
  for (const LeafInfo& l : mg.layout(recvT).leaves)
    if (l.kind == Leaf::Ptr) ptrs.push_back(l.slot);
  mg.setContextLayout(fn, mg.slots(recvT), ptrs);
  makeContext(region, fn, r, mg.slots(recvT), dst);
  release(m);
}

}  // namespace gol::lang::cg
