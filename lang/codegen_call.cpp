// Code generation for calls and builtins. A call reserves its window
// above every live slot (codegen_internal.h), evaluates the receiver and
// the arguments straight into it, and finds its results at the window's
// first slot.
#include <algorithm>

#include <fmt/format.h>

#include "lang/codegen_internal.h"
#include "runtime/print.h"

namespace gol::lang::cg {

using types::Basic;
using types::BasicKind;
using Label = vm::Assembler::Label;

namespace {

// One argument value: an expression still to evaluate, or a value already
// in slots (a result of a multi-valued call f(g())).
struct ArgSrc {
  Expr* e = nullptr;
  Slot slot = 0;
  const Type* type = nullptr;
};

}  // namespace

static void placeArg(FnGen& g, const ArgSrc& a, const Type* target, Slot dst) {
  if (a.e)
    g.exprTo(a.e, target, dst);
  else
    g.convertValue(a.type, target, a.slot, dst);
}

void passArgs(FnGen& g, CallExpr* e, const types::Signature* sig, Slot at) {
  std::vector<ArgSrc> srcs;
  if (e->args.size() == 1 && e->args[0]->type && e->args[0]->type->is<types::Tuple>()) {
    auto* tuple = e->args[0]->type->as<types::Tuple>();
    uint32_t rs = 0;
    Slot b = g.callWindow(unparen(e->args[0])->as<CallExpr>(), &rs);
    g.top = b + rs;
    uint32_t off = 0;
    for (auto* v : tuple->vars) {
      srcs.push_back({nullptr, static_cast<Slot>(b + off), v->type});
      off += g.mg.slots(v->type);
    }
  } else {
    for (Expr* a : e->args) srcs.push_back({a, 0, a->type});
  }
  const auto& params = sig->params->vars;
  size_t n = params.size();
  size_t fixed = sig->variadic && !e->hasEllipsis ? n - 1 : n;
  uint32_t off = 0;
  for (size_t i = 0; i < fixed && i < srcs.size(); ++i) {
    placeArg(g, srcs[i], params[i]->type, static_cast<Slot>(at + off));
    off += g.mg.slots(params[i]->type);
  }
  if (fixed == n) return;
  // Pack the variadic arguments into a new slice.
  const Type* st = params[n - 1]->type;
  const Type* et = st->under<types::Slice>()->elem;
  Slot dst = static_cast<Slot>(at + off);
  size_t k = srcs.size() > fixed ? srcs.size() - fixed : 0;
  if (k == 0) {
    g.emit(Op::ZERO, dst, 3);
    return;
  }
  FnGen::Mark m = g.mark();
  uint64_t esize = g.mg.desc(et)->size;
  Slot s = g.alloc(3);
  g.as.pointerSlot(s);
  // The slice in the frame when it does not escape ("... argument does
  // not escape"); the region was sized from the same call.
  const FnGen::FrameRegion* r = g.frameSite(e, escape::SiteKind::VarArgs);
  if (r && static_cast<uint64_t>(r->slots) * 8 >= k * esize) {
    g.frameCellInto(*r, s);
    g.loadInt(s + 1, static_cast<int64_t>(k));
    g.loadInt(s + 2, static_cast<int64_t>(k));
  } else {
    Slot len = g.alloc(1);
    g.loadInt(len, static_cast<int64_t>(k));
    g.as.emitExtra(Op::MAKESLICE, s, len, len, g.mg.typeIndex(et));
  }
  for (size_t j = 0; j < k; ++j) {
    FnGen::Mark mm = g.mark();
    Slot v = g.allocFor(et);
    placeArg(g, srcs[fixed + j], et, v);
    g.storeMem(et, s, j * esize, v);
    g.release(mm);
  }
  g.moveN(3, dst, s);
  g.release(m);
}

Slot FnGen::callWindow(CallExpr* e, uint32_t* resultSlots) {
  Expr* fun = unparen(e->fun);
  line(e->pos);
  const types::Signature* sig = nullptr;
  types::Func* callee = nullptr;
  const types::Selection* sel = nullptr;
  Expr* recvX = nullptr;
  bool ifaceCall = false;
  int ifaceIndex = 0;
  Slot closure = 0, iface = 0;
  bool viaClosure = false;
  CallKind kind = e->callKind;
  if (auto* se = fun->as<SelectorExpr>(); se && se->selection &&
                                          se->selection->kind == types::Selection::Kind::MethodVal) {
    sel = se->selection;
    callee = sel->obj->as<types::Func>();
    recvX = se->x;
    if (isIface(se->x->type) || callee->decl == nullptr) {
      kind = CallKind::Interface;  // (or promoted from an embedded interface)
    } else {
      kind = CallKind::Method;
    }
  } else if (kind != CallKind::FuncValue) {
    types::Object* obj = nullptr;
    if (auto* id = fun->as<Ident>()) obj = id->obj;
    if (auto* se2 = fun->as<SelectorExpr>(); se2 && !se2->selection) obj = se2->sel->obj;
    callee = obj ? obj->as<types::Func>() : nullptr;
    kind = callee ? CallKind::Function : CallKind::FuncValue;
  }
  switch (kind) {
    case CallKind::Interface: {
      sig = callee->signature();
      ifaceCall = true;
      iface = alloc(2);
      as.pointerSlot(iface + 1);
      if (isIface(recvX->type)) {
        ifaceIndex = ifaceMethodIndex(mg.u, recvX->type, callee->name);
        expr(recvX, iface);
      } else {
        ifaceIndex = ifaceMethodIndex(mg.u, embeddedType(recvX->type, sel->index), callee->name);
        recvOf(recvX, sel, callee, iface);
      }
      break;
    }
    case CallKind::Method:
    case CallKind::Function:
      sig = callee->signature();
      break;
    default:
      sig = fun->type->under<types::Signature>();
      closure = alloc(1);
      as.pointerSlot(closure);
      expr(fun, closure);
      viaClosure = true;
      break;
  }
  uint32_t recvSlots = 0;
  if (kind == CallKind::Method) recvSlots = mg.slots(sig->recv->type);
  if (ifaceCall) recvSlots = 1;
  uint32_t p = 0, r = 0;
  for (auto* v : sig->params->vars) p += mg.slots(v->type);
  for (auto* v : sig->results->vars) r += mg.slots(v->type);
  Slot a = static_cast<Slot>(top + vm::kFrameHeaderSlots);
  top = a + std::max({recvSlots + p, r, 1u});  // the callee's frame starts inside ours
  maxTop = std::max(maxTop, top);
  if (ifaceCall) as.pointerSlot(a);
  if (kind == CallKind::Method) {
    markPointers(a, sig->recv->type);
    recvOf(recvX, sel, callee, a);
  }
  {
    uint32_t off = a + recvSlots;
    for (auto* v : sig->params->vars) {
      markPointers(static_cast<Slot>(off), v->type);
      off += mg.slots(v->type);
    }
  }
  passArgs(*this, e, sig, static_cast<Slot>(a + recvSlots));
  line(e->pos);
  if (ifaceCall) {
    emit(Op::CALLI, a, iface, static_cast<unsigned>(ifaceIndex));
  } else if (viaClosure) {
    // c: the closure's signature for liveness (opcodes.h, CALLC), so that
    // it reads just the arguments and sees the results written, rather
    // than read the window up to the live top, whose slots may hold stale
    // pointers.
    unsigned shape = recvSlots + p < 255 && r < 256 ? (r << 8) | (recvSlots + p + 1) : 0;
    emit(Op::CALLC, a, closure, shape);
  } else {
    uint32_t nat = mg.nativeIndex(callee);
    if (nat != UINT32_MAX)
      as.emitWide(Op::CALLN, a, nat);
    else
      as.emitWide(Op::CALL, a, mg.funcIndex(callee));
  }
  *resultSlots = r;
  return a;
}

void FnGen::call(CallExpr* e, Slot dst, uint32_t want) {
  Mark m = mark();
  uint32_t r = 0;
  Slot a = callWindow(e, &r);
  moveN(std::min(want, r), dst, a);
  release(m);
}

// ---------------------------------------------------------------------------
// Builtins

namespace {

rt::PrintKind printKind(const Type* t) {
  const Type* u = t->underlying();
  if (auto* b = u->as<Basic>()) {
    if (b->info & types::kIsBoolean) return rt::PrintKind::Bool;
    if (b->info & types::kIsString) return rt::PrintKind::String;
    if (b->info & types::kIsFloat) return rt::PrintKind::Float;
    if (b->info & types::kIsUnsigned) return rt::PrintKind::Uint;
    if (b->basicKind == BasicKind::UntypedNil) return rt::PrintKind::Pointer;
    return rt::PrintKind::Int;
  }
  if (u->is<types::Slice>()) return rt::PrintKind::Slice;
  if (u->is<types::Interface>()) return rt::PrintKind::Iface;
  return rt::PrintKind::Pointer;
}

}  // namespace

void FnGen::builtin(CallExpr* e, Slot dst) {
  auto* id = unparen(e->fun)->as<Ident>();
  auto* b = id && id->obj ? id->obj->as<types::Builtin>() : nullptr;
  if (!b) {
    mg.unsupported(e->pos, "this builtin call");
    return;
  }
  Mark m = mark();
  const Type* intT = mg.u.basic(BasicKind::Int);
  switch (b->id) {
    case types::BuiltinId::Len:
    case types::BuiltinId::Cap: {
      Expr* x = e->args[0];
      const Type* t = x->type->underlying();
      if (auto* pt = t->as<types::Pointer>()) t = pt->elem->underlying();
      if (auto* at = t->as<types::Array>()) {
        if (x->mode != ExprMode::Constant) {
          Mark mm = mark();
          operand(x);  // evaluated for its effects
          release(mm);
        }
        loadInt(dst, at->len);
      } else if (t->is<types::Map>()) {
        Slot v = operand(x);
        emit(Op::MAPLEN, dst, v);
      } else if (t->is<types::Chan>()) {
        Slot v = operand(x);
        emit(b->id == types::BuiltinId::Len ? Op::CHANLEN : Op::CHANCAP, dst, v);
      } else {
        Slot v = operand(x);
        emit(Op::MOV, dst, v + (b->id == types::BuiltinId::Len ? 1 : 2));
      }
      break;
    }
    case types::BuiltinId::Append: {
      const Type* st = e->type;
      const Type* et = st->under<types::Slice>()->elem;
      Slot s = alloc(3);
      as.pointerSlot(s);
      exprTo(e->args[0], st, s);
      if (e->args.size() == 1) {
        moveN(3, dst, s);
        break;
      }
      uint64_t esize = mg.desc(et)->size;
      Slot oldLen = alloc(1);
      emit(Op::MOV, oldLen, s + 1);
      if (e->hasEllipsis) {
        Slot src = operand(e->args[1]);
        Slot n = alloc(1);
        emit(Op::MOV, n, src + 1);
        Slot out = alloc(3);
        as.pointerSlot(out);
        as.emitExtra(Op::GROWSLICE, out, s, n, mg.typeIndex(et));
        Slot bounds = alloc(2);
        emit(Op::MOV, bounds, oldLen);
        emit(Op::MOV, bounds + 1, out + 1);
        Slot tail = alloc(3);
        as.pointerSlot(tail);
        as.emitExtra(Op::SLICE, tail, out, bounds, esize);
        Slot cnt = alloc(1);
        as.emitExtra(Op::COPY, cnt, tail, src, esize);
        moveN(3, dst, out);
        break;
      }
      std::vector<Slot> vals;
      for (size_t i = 1; i < e->args.size(); ++i) {
        Slot v = allocFor(et);
        exprTo(e->args[i], et, v);
        vals.push_back(v);
      }
      Slot n = alloc(1);
      loadInt(n, static_cast<int64_t>(vals.size()));
      Slot out = alloc(3);
      as.pointerSlot(out);
      as.emitExtra(Op::GROWSLICE, out, s, n, mg.typeIndex(et));
      const Layout& el = mg.layout(et);
      bool word = el.slots == 1 && (el.leaves[0].kind == Leaf::W64 || el.leaves[0].kind == Leaf::Ptr);
      Slot idx = alloc(1);
      Slot addr = alloc(1);
      as.pointerSlot(addr);
      for (size_t j = 0; j < vals.size(); ++j) {
        emit(Op::ADDI_I64, idx, oldLen, static_cast<unsigned>(j));
        if (word) {
          emit(Op::SSTORE64, out, idx, vals[j]);
        } else {
          as.emitExtra(Op::SINDEXADDR, addr, out, idx, esize);
          storeMem(et, addr, 0, vals[j]);
        }
      }
      moveN(3, dst, out);
      break;
    }
    case types::BuiltinId::Copy: {
      Slot d = operand(e->args[0]);
      Slot s = operand(e->args[1]);
      const Type* et = e->args[0]->type->under<types::Slice>()->elem;
      as.emitExtra(Op::COPY, dst, d, s, mg.desc(et)->size);
      break;
    }
    case types::BuiltinId::Make: {
      const Type* t = e->args[0]->type;
      if (auto* sl = t->under<types::Slice>()) {
        Slot len = alloc(1);
        exprTo(e->args[1], intT, len);
        Slot cap = len;
        if (e->args.size() > 2) {
          cap = alloc(1);
          exprTo(e->args[2], intT, cap);
        }
        if (const FrameRegion* r = frameSite(e, escape::SiteKind::MakeSlice)) {
          frameCellInto(*r, dst);
          emit(Op::MOV, dst + 1, len);
          emit(Op::MOV, dst + 2, cap);
        } else {
          as.emitExtra(Op::MAKESLICE, dst, len, cap, mg.typeIndex(sl->elem));
        }
      } else if (t->under<types::Map>()) {
        Slot hint = alloc(1);
        if (e->args.size() > 1)
          exprTo(e->args[1], intT, hint);
        else
          loadInt(hint, 0);
        newMap(frameSite(e, escape::SiteKind::MakeMap), t, hint, dst);
      } else {
        makeChan(e, t, dst);
      }
      break;
    }
    case types::BuiltinId::Close: {
      Slot ch = operand(e->args[0]);
      line(e->pos);
      emit(Op::CLOSE, ch);
      break;
    }
    case types::BuiltinId::New:
      if (const FrameRegion* r = frameSite(e, escape::SiteKind::New))
        frameCellInto(*r, dst);
      else
        as.emitWide(Op::NEW, dst, mg.typeIndex(e->args[0]->type));
      break;
    case types::BuiltinId::Delete: {
      auto* mt = e->args[0]->type->under<types::Map>();
      Slot mp = operand(e->args[0]);
      Slot ka = mapKey(mt->key, e->args[1]);
      as.emitExtra(Op::MAPDELETE, mp, ka, 0, mg.typeIndex(e->args[0]->type));
      break;
    }
    case types::BuiltinId::Panic: {
      Slot v = alloc(2);
      as.pointerSlot(v + 1);
      exprTo(e->args[0], mg.u.emptyInterface(), v);
      line(e->pos);
      emit(Op::PANIC, v);
      break;
    }
    case types::BuiltinId::Recover:
      emit(Op::RECOVER, dst);
      break;
    case types::BuiltinId::Print:
    case types::BuiltinId::Println: {
      bool ln = b->id == types::BuiltinId::Println;
      for (size_t i = 0; i < e->args.size(); ++i) {
        if (ln && i > 0) emit(Op::PRINT, 0, static_cast<unsigned>(rt::PrintKind::Space));
        Mark mm = mark();
        Slot v = operand(e->args[i]);
        const Type* t = e->args[i]->type;
        if (e->args[i]->mode == ExprMode::Constant && types::isUntyped(t)) t = types::defaultType(mg.u, t);
        emit(Op::PRINT, v, static_cast<unsigned>(printKind(t)));
        release(mm);
      }
      if (ln) emit(Op::PRINT, 0, static_cast<unsigned>(rt::PrintKind::Newline));
      break;
    }
    case types::BuiltinId::Min:
    case types::BuiltinId::Max: {
      bool isMin = b->id == types::BuiltinId::Min;
      const Type* t = e->type;
      Slot acc = allocFor(t);
      exprTo(e->args[0], t, acc);
      const Basic* bt = t->under<Basic>();
      for (size_t i = 1; i < e->args.size(); ++i) {
        Mark mm = mark();
        Slot v = allocFor(t);
        exprTo(e->args[i], t, v);
        Label take = as.newLabel(), skip = as.newLabel();
        if (bt && (bt->info & types::kIsFloat)) {
          Label equal = as.newLabel();
          as.jump(Op::JNE_F, v, v, take);  // NaN wins
          if (isMin)
            as.jump(Op::JLT_F, v, acc, take);
          else
            as.jump(Op::JLT_F, acc, v, take);
          as.jump(Op::JEQ_F, v, acc, equal);
          as.jump(Op::JMP, skip);
          // Equal: only zeros differ, and min prefers -0, max +0 (the sign bit).
          as.bind(equal);
          emit(isMin ? Op::OR : Op::AND, acc, acc, v);
          as.jump(Op::JMP, skip);
        } else if (bt && (bt->info & types::kIsString)) {
          Slot c = alloc(1);
          emit(Op::STRCMP, c, v, acc);
          as.jump(isMin ? Op::JLTI : Op::JGTI, c, 0, take);
          as.jump(Op::JMP, skip);
        } else {
          bool u = bt && (bt->info & types::kIsUnsigned);
          Op lt = u ? Op::JLT_U : Op::JLT_S;
          if (isMin)
            as.jump(lt, v, acc, take);
          else
            as.jump(lt, acc, v, take);
          as.jump(Op::JMP, skip);
        }
        as.bind(take);
        move(t, acc, v);
        as.bind(skip);
        release(mm);
      }
      move(t, dst, acc);
      break;
    }
    case types::BuiltinId::Clear: {
      const Type* t = e->args[0]->type;
      if (t->under<types::Map>()) {
        Slot mp = operand(e->args[0]);
        emit(Op::MAPCLEAR, mp);
        break;
      }
      const Type* et = t->under<types::Slice>()->elem;
      Slot s = operand(e->args[0]);
      Slot z = allocFor(et);
      zero(et, z);
      Slot i = alloc(1), addr = alloc(1);
      loadInt(i, 0);
      Label loop = as.newLabel(), done = as.newLabel();
      as.bind(loop);
      as.jump(Op::JLE_S, s + 1, i, done);
      as.emitExtra(Op::SINDEXADDR, addr, s, i, mg.desc(et)->size);
      storeMem(et, addr, 0, z);
      emit(Op::ADDI_I64, i, i, 1);
      as.jump(Op::LOOP, loop);
      as.bind(done);
      break;
    }
    default:
      mg.unsupported(e->pos, "builtin " + b->name);
      break;
  }
  release(m);
}

}  // namespace gol::lang::cg
