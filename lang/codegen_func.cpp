// Code generation, function level: slots, moving values between slots and
// memory, variables, function bodies, closures and the wrappers that
// method tables and method values call. See codegen_internal.h.
#include <algorithm>
#include <bit>

#include <fmt/format.h>

#include "lang/codegen_internal.h"
#include "runtime/map.h"

namespace gol::lang::cg {

FnGen::FnGen(ModuleGen& m, uint32_t index, const std::string& f) : mg(m), as(*m.mod, index), file(f) {
  as.trackTop(&top);
}

Slot FnGen::alloc(uint32_t n) {
  uint32_t s = top;
  top += n;
  if (top > 60000) {
    mg.unsupported(Pos{}, "a function needing more than 60000 frame slots");
    top = s;
    return 0;
  }
  maxTop = std::max(maxTop, top);
  as.allocated(s, n);  // pointer kinds are per allocation (vm/bytecode.h)
  return static_cast<Slot>(s);
}

void FnGen::markPointers(Slot s, const Type* t) {
  for (const LeafInfo& l : mg.layout(t).leaves)
    if (l.kind == Leaf::Ptr) as.pointerSlot(s + l.slot);
}

Slot FnGen::allocFor(const Type* t) {
  uint32_t n = mg.slots(t);
  if (n > 4096) {
    mg.unsupported(Pos{}, "a value of type " + mg.typeName(t) + " held in a frame");
    n = 1;
  }
  Slot s = alloc(n);
  markPointers(s, t);
  return s;
}

void FnGen::finish() {
  as.frame(std::max(maxTop, 1u));
  as.finish();
  if (as.jumpTooFar())
    mg.unsupported(Pos{as.function().lines.empty() ? -1 : 0, 0, 0},
                   "function " + as.function().name + ", too large (a jump over 32767 instructions),");
}

void FnGen::emit(Op op, unsigned a, unsigned b, unsigned c) {
  as.emit(op, static_cast<uint16_t>(a), static_cast<uint16_t>(b), static_cast<uint16_t>(c));
}

void FnGen::loadInt(Slot dst, int64_t v) {
  if (v >= INT32_MIN && v <= INT32_MAX)
    as.emitWide(Op::LOADI, dst, static_cast<uint32_t>(static_cast<int32_t>(v)));
  else
    as.emitWide(Op::LOADK, dst, as.constant(static_cast<uint64_t>(v)));
}

void FnGen::loadF64(Slot dst, double v) { as.emitWide(Op::LOADK, dst, as.constantF64(v)); }

void FnGen::loadString(Slot dst, const std::string& s) {
  as.emitWide(Op::LOADK2, dst, as.constantString(s));
}

void FnGen::moveN(uint32_t n, Slot dst, Slot src) {
  if (n == 0 || dst == src) return;
  if (n == 1)
    emit(Op::MOV, dst, src);
  else if (n == 2)
    emit(Op::MOV2, dst, src);
  else if (n == 3)
    emit(Op::MOV3, dst, src);
  else
    emit(Op::MOVN, dst, src, n);
}

void FnGen::move(const Type* t, Slot dst, Slot src) { moveN(mg.slots(t), dst, src); }

void FnGen::zero(const Type* t, Slot dst) {
  uint32_t n = mg.slots(t);
  if (n == 1)
    as.emitWide(Op::LOADI, dst, 0);
  else if (n > 0)
    emit(Op::ZERO, dst, n);
}

Slot FnGen::offsetBase(Slot base, uint64_t& off) {
  if (off <= 0xFFF0) return base;
  emit(Op::NILCHK, base);
  Slot t = alloc(1);
  loadInt(t, static_cast<int64_t>(off));
  emit(Op::ADD_I64, t, base, t);
  off = 0;
  return t;
}

namespace {

Op loadOp(Leaf k) {
  switch (k) {
    case Leaf::I8: return Op::LOAD8S;
    case Leaf::U8:
    case Leaf::Bool: return Op::LOAD8U;
    case Leaf::I16: return Op::LOAD16S;
    case Leaf::U16: return Op::LOAD16U;
    case Leaf::I32: return Op::LOAD32S;
    case Leaf::U32: return Op::LOAD32U;
    case Leaf::F32: return Op::LOADF32;
    default: return Op::LOAD64;
  }
}

Op storeOp(Leaf k) {
  switch (k) {
    case Leaf::I8:
    case Leaf::U8:
    case Leaf::Bool: return Op::STORE8;
    case Leaf::I16:
    case Leaf::U16: return Op::STORE16;
    case Leaf::I32:
    case Leaf::U32: return Op::STORE32;
    case Leaf::F32: return Op::STOREF32;
    case Leaf::Ptr: return Op::STOREP;
    default: return Op::STORE64;
  }
}

}  // namespace

void FnGen::loadMem(const Type* t, Slot dst, Slot base, uint64_t off) {
  const Layout& l = mg.layout(t);
  if (l.slots > 4096) {
    mg.unsupported(Pos{}, "loading a value of type " + mg.typeName(t) + " into a frame");
    return;
  }
  Mark m = mark();
  uint64_t last = off + (l.leaves.empty() ? 0 : l.leaves.back().mem);
  if (last > 0xFFF0) base = offsetBase(base, off);
  if (l.memIsSlots && l.slots > 3) {
    Slot p = base;
    if (off != 0) {
      p = alloc(1);
      emit(Op::FIELDADDR, p, base, static_cast<unsigned>(off));
    }
    emit(Op::LOADN, dst, p, l.slots);
  } else {
    if (l.leaves.empty() && l.slots == 0) emit(Op::NILCHK, base);
    for (const LeafInfo& leaf : l.leaves)
      emit(loadOp(leaf.kind), dst + leaf.slot, base, static_cast<unsigned>(off + leaf.mem));
  }
  release(m);
}

void FnGen::storeMem(const Type* t, Slot base, uint64_t off, Slot src) {
  const Layout& l = mg.layout(t);
  if (l.slots > 4096) {
    mg.unsupported(Pos{}, "storing a value of type " + mg.typeName(t) + " from a frame");
    return;
  }
  Mark m = mark();
  uint64_t last = off + (l.leaves.empty() ? 0 : l.leaves.back().mem);
  if (last > 0xFFF0) base = offsetBase(base, off);
  if (l.leaves.empty()) emit(Op::NILCHK, base);
  for (const LeafInfo& leaf : l.leaves)
    emit(storeOp(leaf.kind), base, src + leaf.slot, static_cast<unsigned>(off + leaf.mem));
  release(m);
}

Slot FnGen::newCell(const Type* t) {
  Slot s = alloc(1);
  as.pointerSlot(s);
  as.emitWide(Op::NEW, s, mg.typeIndex(t));
  return s;
}

// ---------------------------------------------------------------------------
// Frame objects
//
// What escape analysis proves does not outlive the call (lang/escape.h,
// run with forCodegen) lives in the frame instead of the heap: variables
// that would otherwise be boxed (address taken, or holding an array) and
// the objects of new(T), &T{...}, []T{...} and make([]T, n) of constant
// size, closure contexts (so a closure that does not escape costs no
// allocation, and neither do the variables it captures) and method values'
// contexts, the implicit slice of a variadic call (fmt.Println's
// arguments), the box of a value converted to an interface, a map's header
// (its table is on the heap), and a 32-byte buffer for a string
// conversion or concatenation (the B forms of the string opcodes use it
// when the result fits, as Go's tmpBuf). Each gets a
// region of slots reserved at entry, for the whole call: the analysis lets
// an object outlive the block that made it (p = &x in an inner block, p
// declared outside), so regions are never reused, and they lie below every
// call window. A region holds its object in memory layout (Go's offsets),
// exactly as a heap cell would, and the pointer to it, made by ADDR, is an
// ordinary pointer slot: loads, stores and calls cannot tell the
// difference. The region is listed in Function::stackObjects and its
// pointer words are marked in the frame's pointer map: the collector scans
// it, and a stack copy moves what it holds, while a live pointer reaches it
// (vm/interp.cpp, FrameObjects). Making the object (the
// declaration, or evaluating the site) zeroes its region, as NEW would; in
// a loop, each iteration gets a fresh zero object in the same place, which
// is safe because an address kept across iterations escapes.
//
// Codegen also keeps a few temporaries of its own in the frame (tempCell:
// an array or struct value it needs in memory to index or range over);
// those regions are statement temporaries, listed in stackObjects too.
//
// `gol run -noescape` passes no analysis: every object on the heap.

uint64_t compositeLength(const CompositeLit* lit) {
  int64_t idx = 0, n = 0;
  for (Expr* el : lit->elts) {
    if (auto* kv = el->as<KeyValueExpr>())
      if (auto k = kv->key->value.toInt64()) idx = *k;
    n = std::max(n, ++idx);
  }
  return static_cast<uint64_t>(n);
}

// The signature of a call whose variadic tail passArgs packs into a
// slice, or null (f(xs...), f(g()) with g multi-valued).
const types::Signature* variadicSignature(const CallExpr* c) {
  const Expr* fun = unparen(c->fun);
  auto* sig = fun && fun->type ? fun->type->under<types::Signature>() : nullptr;
  if (!sig || !sig->variadic || c->hasEllipsis || sig->params->size() == 0) return nullptr;
  if (c->args.size() < sig->params->size()) return nullptr;  // an empty tail: no slice
  if (c->args.size() == 1 && c->args[0]->type && c->args[0]->type->is<types::Tuple>()) return nullptr;
  return sig;
}

void FnGen::reserveFrameObjects(BlockStmt* body) {
  if (!mg.escape || !body) return;
  const auto* objects = mg.escape->frameObjects(body);
  if (!objects) return;
  for (const escape::Result::FrameObject& o : *objects) {
    const Type* elem = nullptr;
    uint64_t count = 1;
    if (o.var) {
      if (!needsBox(o.var)) continue;
      elem = o.var->type;
    } else if (o.kind == escape::SiteKind::Closure) {
      // The context: the Function* word, then the captured variables'
      // cell pointers (funcLit).
      auto* lit = o.node->as<FuncLit>();
      if (!lit || lit->captures.empty()) continue;  // a static closure: LOADFN
      FrameRegion r = frameRegion(static_cast<uint32_t>(1 + lit->captures.size()));
      for (uint32_t i = 1; i < r.slots; ++i) as.pointerSlot(r.first + i);
      frameSites[{o.node, o.kind}] = r;
      continue;
    } else if (o.kind == escape::SiteKind::MethodValue) {
      // The bound method's context, laid out as methodValue's MAKECLOSURE
      // would make it: the Function* word, then the receiver's slots (an
      // interface receiver: type word, data word).
      auto* se = o.node->as<SelectorExpr>();
      auto* f = se && se->selection ? se->selection->obj->as<types::Func>() : nullptr;
      if (!f) continue;
      std::vector<uint32_t> ptrs;
      uint32_t n = 2;
      if (isIface(se->x->type) || f->decl == nullptr) {
        ptrs.push_back(1);
      } else {
        const Type* recvT = f->signature()->recv->type;
        n = mg.slots(recvT);
        for (const LeafInfo& l : mg.layout(recvT).leaves)
          if (l.kind == Leaf::Ptr) ptrs.push_back(l.slot);
      }
      FrameRegion r = frameRegion(1 + n);
      for (uint32_t i : ptrs) as.pointerSlot(r.first + 1 + i);
      frameSites[{o.node, o.kind}] = r;
      continue;
    } else if (o.kind == escape::SiteKind::VarArgs) {
      // The implicit slice of a variadic call's tail (passArgs).
      auto* call = o.node->as<CallExpr>();
      auto* sig = call ? variadicSignature(call) : nullptr;
      if (!sig) continue;
      elem = sig->params->vars.back()->type->under<types::Slice>()->elem;
      count = call->args.size() - (sig->params->size() - 1);
    } else if (o.kind == escape::SiteKind::IfaceBox) {
      // The box of a non-pointer-shaped value converted to an interface
      // (toInterface); a conversion any(x) is the site of its operand.
      auto* e = dynamic_cast<const Expr*>(o.node);
      auto* conv = e ? e->as<CallExpr>() : nullptr;
      if (conv && conv->callKind == CallKind::Conversion && isIface(conv->type) && !conv->args.empty()) e = conv->args[0];
      if (!e || !e->type || types::isUntyped(e->type) || isIface(e->type)) continue;
      elem = e->type;
      if (mg.desc(elem)->isDirectIface()) continue;
    } else if (o.kind == escape::SiteKind::Concat || o.kind == escape::SiteKind::StrConv) {
      // A kTmpBufBytes buffer (32 runes for []rune(s)), no pointers in it;
      // string(rune) keeps the heap.
      auto* conv = o.node->as<CallExpr>();
      const Type* to = conv ? conv->type : nullptr;
      const Type* from = conv && !conv->args.empty() ? conv->args[0]->type : nullptr;
      if (conv && (!from || types::isInteger(from))) continue;
      auto* sl = to ? to->under<types::Slice>() : nullptr;
      bool runes = sl && isRuneSlice(sl);
      frameSites[{o.node, o.kind}] = frameRegion(static_cast<uint32_t>((runes ? 4 : 1) * vm::kTmpBufBytes / 8));
      continue;
    } else if (o.kind == escape::SiteKind::MakeMap || o.kind == escape::SiteKind::MapLit) {
      // The header (MAPINIT); its table stays on the heap.
      frameSites[{o.node, o.kind}] = frameRegion(rt::mapHeaderLayout(), 1);
      continue;
    } else if (o.kind == escape::SiteKind::New) {
      auto* call = o.node->as<CallExpr>();
      if (!call || call->args.empty()) continue;
      elem = call->args[0]->type;
    } else if (o.kind == escape::SiteKind::PtrLit) {
      const Expr* lit = o.node->as<UnaryExpr>() ? unparen(o.node->as<UnaryExpr>()->x) : o.node->as<CompositeLit>();
      if (!lit || !lit->type) continue;
      elem = lit->type;
      if (auto* pt = elem->under<types::Pointer>()) elem = pt->elem;
    } else if (o.kind == escape::SiteKind::MakeSlice) {
      auto* call = o.node->as<CallExpr>();
      if (!call || call->args.size() < 2) continue;
      auto* sl = call->args[0]->type ? call->args[0]->type->under<types::Slice>() : nullptr;
      Expr* size = call->args.size() > 2 ? call->args[2] : call->args[1];
      auto n = size->mode == ExprMode::Constant ? size->value.toInt64() : std::nullopt;
      if (!sl || !n || *n < 0) continue;
      elem = sl->elem;
      count = static_cast<uint64_t>(*n);
    } else if (o.kind == escape::SiteKind::SliceLit) {
      auto* lit = o.node->as<CompositeLit>();
      auto* sl = lit && lit->type ? lit->type->under<types::Slice>() : nullptr;
      if (!sl) continue;
      elem = sl->elem;
      count = compositeLength(lit);
    } else {
      continue;
    }
    const rt::TypeDesc* d = mg.desc(elem);
    // The analysis bounds sizes as Go does (64 KiB for sites); this bound
    // only keeps slot numbers in range.
    if (d->size > (64u << 10) || (count != 0 && d->size * count > (64u << 10))) continue;
    FrameRegion r = frameRegion(d, count);
    if (o.var)
      frameVars[o.var] = r;
    else
      frameSites[{o.node, o.kind}] = r;
  }
}

FnGen::FrameRegion FnGen::frameRegion(uint32_t slots) {
  FrameRegion r{alloc(slots), slots};
  as.function().stackObjects.push_back(vm::SlotRange{static_cast<uint16_t>(r.first), static_cast<uint16_t>(slots)});
  return r;
}

FnGen::FrameRegion FnGen::frameRegion(const rt::TypeDesc* d, uint64_t count) {
  FrameRegion r = frameRegion(static_cast<uint32_t>(std::max<uint64_t>(1, (d->size * count + 7) / 8)));
  uint64_t words = d->size / 8;  // a type with pointers is a whole number of words
  if (d->hasPointers())
    for (uint64_t i = 0; i < count; ++i)
      for (uint64_t w = 0; w < words; ++w)
        if (d->wordIsPointer(w)) as.pointerSlot(static_cast<uint32_t>(r.first + i * words + w));
  return r;
}

void FnGen::frameCellInto(FrameRegion r, Slot dst) {
  emit(Op::ZERO, r.first, r.slots);
  emit(Op::ADDR, dst, r.first);
}

Slot FnGen::frameCell(FrameRegion r) {
  Slot s = alloc(1);
  as.pointerSlot(s);
  frameCellInto(r, s);
  return s;
}

const FnGen::FrameRegion* FnGen::frameSite(const Node* n, escape::SiteKind kind) {
  auto it = frameSites.find({n, kind});
  return it != frameSites.end() ? &it->second : nullptr;
}

void FnGen::newMap(const FrameRegion* r, const Type* t, Slot hint, Slot dst) {
  if (r == nullptr) {
    as.emitExtra(Op::MAPNEW, dst, hint, 0, mg.typeIndex(t));
    return;
  }
  frameCellInto(*r, dst);
  as.emitExtra(Op::MAPINIT, dst, hint, 0, mg.typeIndex(t));
}

Slot FnGen::cellFor(const types::Var* v) {
  auto it = frameVars.find(v);
  return it == frameVars.end() ? newCell(v->type) : frameCell(it->second);
}

Slot FnGen::tempCell(const Type* t) {
  const rt::TypeDesc* d = mg.desc(t);
  if (d->size > (64u << 10)) return newCell(t);
  return frameCell(frameRegion(d, 1));
}

// ---------------------------------------------------------------------------
// Variables

bool FnGen::needsBox(const types::Var* v) {
  const Layout& l = mg.layout(v->type);
  return v->captured || v->addressTaken || l.hasArray || l.slots > 256;
}

VarLoc FnGen::declareVar(types::Var* v) {
  VarLoc loc;
  if (needsBox(v)) {
    loc = {cellFor(v), true};
  } else {
    loc = {allocFor(v->type), false};
  }
  vars[v] = loc;
  if (!v->name.empty()) as.slotName(loc.slot, loc.boxed ? "&" + v->name : v->name);
  return loc;
}

void FnGen::initVarZero(types::Var* v) {
  VarLoc loc = declareVar(v);
  if (!loc.boxed) zero(v->type, loc.slot);
}

// ---------------------------------------------------------------------------
// Bodies

namespace {

struct DeferFinder {
  bool found = false;
  void stmt(Stmt* s) {
    if (!s || found) return;
    switch (s->kind) {
      case NodeKind::DeferStmt: found = true; break;
      case NodeKind::BlockStmt:
        for (Stmt* x : s->as<BlockStmt>()->list) stmt(x);
        break;
      case NodeKind::LabeledStmt: stmt(s->as<LabeledStmt>()->stmt); break;
      case NodeKind::IfStmt:
        stmt(s->as<IfStmt>()->body);
        stmt(s->as<IfStmt>()->elseStmt);
        break;
      case NodeKind::ForStmt: stmt(s->as<ForStmt>()->body); break;
      case NodeKind::RangeStmt: stmt(s->as<RangeStmt>()->body); break;
      case NodeKind::SwitchStmt: stmt(s->as<SwitchStmt>()->body); break;
      case NodeKind::TypeSwitchStmt: stmt(s->as<TypeSwitchStmt>()->body); break;
      case NodeKind::SelectStmt: stmt(s->as<SelectStmt>()->body); break;
      case NodeKind::CaseClause:
        for (Stmt* x : s->as<CaseClause>()->body) stmt(x);
        break;
      case NodeKind::CommClause:
        for (Stmt* x : s->as<CommClause>()->body) stmt(x);
        break;
      default: break;
    }
  }
};

}  // namespace

// Numeric constants that are operands of binary operators inside loops:
// compileBody loads each once at entry into a slot of its own, so loops
// do not reload them on every iteration.
struct LoopConstFinder {
  std::vector<Expr*> found;
  int depth = 0;

  void constOperand(Expr* x, Expr* other, Tok op, bool isCount) {
    x = unparen(x);
    if (x->mode != ExprMode::Constant || !x->value.isNumeric() || isCount) return;
    auto small = x->value.toInt64();
    bool fitsImm = small && *small >= INT16_MIN && *small <= INT16_MAX;
    if (fitsImm && (op == Tok::Add || op == Tok::Sub)) return;  // ADDI
    if (fitsImm && unparen(other)->mode != ExprMode::Constant &&
        (op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
         op == Tok::Geq) &&
        types::isInteger(other->type))
      return;  // compare-with-immediate jumps
    found.push_back(x);
  }

  void expr(Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case NodeKind::BinaryExpr: {
        auto* b = e->as<BinaryExpr>();
        if (depth > 0 && b->mode != ExprMode::Constant) {
          bool shift = b->op == Tok::Shl || b->op == Tok::Shr;
          constOperand(b->x, b->y, b->op, false);
          constOperand(b->y, b->x, b->op, shift);
        }
        expr(b->x);
        expr(b->y);
        break;
      }
      case NodeKind::UnaryExpr: expr(e->as<UnaryExpr>()->x); break;
      case NodeKind::ParenExpr: expr(e->as<ParenExpr>()->x); break;
      case NodeKind::StarExpr: expr(e->as<StarExpr>()->x); break;
      case NodeKind::SelectorExpr: expr(e->as<SelectorExpr>()->x); break;
      case NodeKind::IndexExpr:
        expr(e->as<IndexExpr>()->x);
        expr(e->as<IndexExpr>()->index);
        break;
      case NodeKind::SliceExpr: {
        auto* s = e->as<SliceExpr>();
        expr(s->x);
        expr(s->low);
        expr(s->high);
        expr(s->max);
        break;
      }
      case NodeKind::CallExpr:
        expr(e->as<CallExpr>()->fun);
        for (Expr* a : e->as<CallExpr>()->args) expr(a);
        break;
      case NodeKind::CompositeLit:
        for (Expr* a : e->as<CompositeLit>()->elts) expr(a);
        break;
      case NodeKind::KeyValueExpr:
        expr(e->as<KeyValueExpr>()->key);
        expr(e->as<KeyValueExpr>()->value);
        break;
      case NodeKind::TypeAssertExpr: expr(e->as<TypeAssertExpr>()->x); break;
      default: break;
    }
  }

  void stmts(const std::vector<Stmt*>& list) {
    for (Stmt* s : list) stmt(s);
  }

  void stmt(Stmt* s) {
    if (!s) return;
    switch (s->kind) {
      case NodeKind::BlockStmt: stmts(s->as<BlockStmt>()->list); break;
      case NodeKind::LabeledStmt: stmt(s->as<LabeledStmt>()->stmt); break;
      case NodeKind::ExprStmt: expr(s->as<ExprStmt>()->x); break;
      case NodeKind::IncDecStmt: expr(s->as<IncDecStmt>()->x); break;
      case NodeKind::AssignStmt: {
        auto* a = s->as<AssignStmt>();
        for (Expr* x : a->lhs) expr(x);
        for (Expr* x : a->rhs) expr(x);
        if (depth > 0 && a->tok != Tok::Assign && a->tok != Tok::Define && a->rhs.size() == 1) {
          Tok op = assignOpBase(a->tok);
          constOperand(a->rhs[0], a->lhs[0], op, op == Tok::Shl || op == Tok::Shr);
        }
        break;
      }
      case NodeKind::ReturnStmt:
        for (Expr* x : s->as<ReturnStmt>()->results) expr(x);
        break;
      case NodeKind::IfStmt: {
        auto* i = s->as<IfStmt>();
        stmt(i->init);
        expr(i->cond);
        stmt(i->body);
        stmt(i->elseStmt);
        break;
      }
      case NodeKind::SwitchStmt: {
        auto* w = s->as<SwitchStmt>();
        stmt(w->init);
        expr(w->tag);
        stmt(w->body);
        break;
      }
      case NodeKind::TypeSwitchStmt: stmt(s->as<TypeSwitchStmt>()->body); break;
      case NodeKind::CaseClause: {
        auto* c = s->as<CaseClause>();
        for (Expr* x : c->list) expr(x);
        stmts(c->body);
        break;
      }
      case NodeKind::ForStmt: {
        auto* f = s->as<ForStmt>();
        stmt(f->init);
        ++depth;
        expr(f->cond);
        stmt(f->post);
        stmt(f->body);
        --depth;
        break;
      }
      case NodeKind::RangeStmt: {
        auto* r = s->as<RangeStmt>();
        expr(r->x);
        ++depth;
        stmt(r->body);
        --depth;
        break;
      }
      default: break;
    }
  }
};

bool containsDefer(BlockStmt* b) {
  DeferFinder f;
  f.stmt(b);
  return f.found;
}

void FnGen::compileBody(const types::Signature* s, BlockStmt* b, const std::vector<types::Var*>& params,
                        const std::vector<types::Var*>& results, bool named,
                        const std::vector<types::Var*>* captures, bool /*hasRecv*/) {
  sig = s;
  uint32_t p = 0;
  std::vector<std::pair<types::Var*, Slot>> paramSlots;
  for (auto* v : params) {
    paramSlots.push_back({v, static_cast<Slot>(p)});
    p += mg.slots(v->type);
  }
  as.params(p);
  top = maxTop = p;
  for (auto& [v, slot] : paramSlots) markPointers(slot, v->type);
  resultSlotCount = 0;
  for (auto* v : results) resultSlotCount += mg.slots(v->type);
  as.results(resultSlotCount);
  maxTop = std::max(maxTop, resultSlotCount);
  if (captures && !captures->empty()) {
    as.usesContext();
    Slot ctx = alloc(1);
    as.pointerSlot(ctx);
    emit(Op::GETCTX, ctx);
    for (size_t i = 0; i < captures->size(); ++i) {
      Slot c = alloc(1);
      as.pointerSlot(c);
      emit(Op::LOAD64, c, ctx, static_cast<unsigned>(8 * (i + 1)));
      vars[(*captures)[i]] = {c, true};
      as.slotName(c, "&" + (*captures)[i]->name);
    }
  }
  reserveFrameObjects(b);
  for (auto& [v, slot] : paramSlots) {
    if (v->name.empty() || v->name == "_") continue;
    if (needsBox(v)) {
      Slot c = cellFor(v);
      storeMem(v->type, c, 0, slot);
      vars[v] = {c, true};
      as.slotName(c, "&" + v->name);
    } else {
      vars[v] = {slot, false};
      as.slotName(slot, v->name);
    }
  }
  hasDefer = containsDefer(b);
  {
    LoopConstFinder finder;
    finder.stmt(b);
    for (Expr* c : finder.found) {
      const Type* t = c->type;
      if (types::isUntyped(t)) t = types::defaultType(mg.u, t);
      if (!types::isNumeric(t)) continue;
      std::string key = mg.typeName(t) + "=" + c->value.exactString();
      if (constSlots.count(key)) continue;
      Slot k = alloc(1);
      constant(c->value, t, k);
      constSlots[key] = k;
    }
  }
  namedResults = named;
  if (named || hasDefer) {
    int k = 0;
    for (auto* v : results) {
      types::Var* rv = v;
      if (!named || v->name.empty() || v->name == "_") {
        rv = mg.u.newObject<types::Var>(v->pos, v->pkg, fmt::format("~r{}", k), v->type);
      }
      ++k;
      initVarZero(rv);
      resultVars.push_back(rv);
    }
  }
  epilogue = as.newLabel();
  block(b->list);
  line(b->rbrace);
  emitReturn();
  if (hasDefer) {
    as.bind(epilogue);
    as.recoverPoint();
    emit(Op::RUNDEFERS);
    Slot region = alloc(resultSlotCount);
    uint32_t at = region;
    for (auto* rv : resultVars) {
      VarLoc loc = vars[rv];
      if (loc.boxed)
        loadMem(rv->type, static_cast<Slot>(at), loc.slot, 0);
      else
        move(rv->type, static_cast<Slot>(at), loc.slot);
      at += mg.slots(rv->type);
    }
    if (resultSlotCount == 0)
      emit(Op::RET0);
    else
      emit(Op::RET, region, resultSlotCount);
  }
  finish();
}

void FnGen::emitReturn() {
  if (hasDefer) {
    as.jump(Op::JMP, epilogue);
    return;
  }
  if (resultVars.empty()) {
    emit(Op::RET0);
    return;
  }
  Mark m = mark();
  Slot region = alloc(resultSlotCount);
  uint32_t at = region;
  for (auto* rv : resultVars) {
    VarLoc loc = vars[rv];
    if (loc.boxed)
      loadMem(rv->type, static_cast<Slot>(at), loc.slot, 0);
    else
      move(rv->type, static_cast<Slot>(at), loc.slot);
    at += mg.slots(rv->type);
  }
  emit(Op::RET, region, resultSlotCount);
  release(m);
}

// ---------------------------------------------------------------------------
// Closures and wrappers

uint32_t ModuleGen::litIndex(FuncLit* lit, FnGen* outer) {
  if (auto it = lits_.find(lit); it != lits_.end()) return it->second;
  const vm::Function& of = outer->as.function();
  bool outerIsLit = false;
  for (const auto& [l, idx] : lits_) outerIsLit = outerIsLit || idx == of.index;
  int n = ++litCounters_[of.name];
  std::string name = outerIsLit ? fmt::format("{}.{}", of.name, n) : fmt::format("{}.func{}", of.name, n);
  uint32_t index = mod->declareFunction(name, fileName(lit->pos));
  lits_[lit] = index;
  work.push_back([this, lit, index] {
    FnGen g(*this, index, fileName(lit->pos));
    auto* sig = lit->type->as<types::Signature>();
    bool named = !sig->results->vars.empty() && !sig->results->vars[0]->name.empty();
    std::vector<types::Var*> params(sig->params->vars.begin(), sig->params->vars.end());
    g.line(lit->pos);
    g.compileBody(sig, lit->body, params, sig->results->vars, named, &lit->captures, false);
  });
  return index;
}

namespace {

uint32_t paramSlotsOf(ModuleGen& mg, const types::Signature* sig) {
  uint32_t n = 0;
  for (auto* v : sig->params->vars) n += mg.slots(v->type);
  return n;
}
uint32_t resultSlotsOf(ModuleGen& mg, const types::Signature* sig) {
  uint32_t n = 0;
  for (auto* v : sig->results->vars) n += mg.slots(v->type);
  return n;
}

}  // namespace

uint32_t ModuleGen::ifaceMethodFn(const Type* recv, types::Func* m, const std::vector<int>& path, bool) {
  bool ptr = recv->is<types::Pointer>();
  std::vector<int> walk(path.begin(), path.empty() ? path.end() : path.end() - 1);
  if (walk.empty()) {
    if (ptr && m->hasPtrRecv()) return funcIndex(m);
    if (!ptr && desc(recv)->isDirectIface() && !m->hasPtrRecv()) return funcIndex(m);
  }
  std::string key = typeKey(recv) + "#" + m->name + "#" + funcName(m);
  if (auto it = wrappers_.find(key); it != wrappers_.end()) return it->second;
  uint32_t index = mod->declareFunction(funcName(m), "<autogenerated>");
  wrappers_[key] = index;
  work.push_back([this, recv, m, walk, ptr, index] {
    FnGen g(*this, index, "<autogenerated>");
    auto* sig = m->signature();
    uint32_t p = paramSlotsOf(*this, sig), r = resultSlotsOf(*this, sig);
    g.as.params(1 + p);
    g.as.results(r);
    g.top = g.maxTop = std::max(1 + p, r);
    g.as.pointerSlot(0);
    Slot cur = 0;
    const Type* curT = ptr ? recv->as<types::Pointer>()->elem : recv;
    bool direct = !ptr && desc(recv)->isDirectIface();
    if (direct) {
      // The data word is the value itself; box it so the walk below sees memory.
      Slot c = g.newCell(recv);
      g.storeMem(recv, c, 0, 0);
      cur = c;
    }
    for (int idx : walk) {
      auto* st = curT->under<types::Struct>();
      auto* f = st->fields[static_cast<size_t>(idx)];
      uint64_t off = desc(curT)->fields[static_cast<size_t>(idx)].offset;
      Slot t = g.alloc(1);
      g.as.pointerSlot(t);
      if (f->type->is<types::Pointer>()) {
        g.emit(Op::LOAD64, t, cur, static_cast<unsigned>(off));
        curT = f->type->as<types::Pointer>()->elem;
      } else {
        g.emit(Op::FIELDADDR, t, cur, static_cast<unsigned>(off));
        curT = f->type;
      }
      cur = t;
    }
    if (m->decl == nullptr) {  // promoted from an embedded interface: call through it
      Slot iv = g.alloc(2);
      g.as.pointerSlot(iv + 1);
      g.loadMem(curT, iv, cur, 0);
      Slot a = static_cast<Slot>(g.top + vm::kFrameHeaderSlots);
      g.top = a + std::max(1 + p, r);
      g.maxTop = std::max(g.maxTop, g.top);
      g.moveN(p, static_cast<Slot>(a + 1), 1);
      g.emit(Op::CALLI, a, iv, static_cast<unsigned>(ifaceMethodIndex(u, curT, m->name)));
      if (r == 0)
        g.emit(Op::RET0);
      else
        g.emit(Op::RET, a, r);
      g.finish();
      return;
    }
    const Type* recvT = sig->recv->type;
    uint32_t recvSlots = slots(recvT);
    Slot a = static_cast<Slot>(g.top + vm::kFrameHeaderSlots);
    g.top = a + std::max(recvSlots + p, r);
    g.maxTop = std::max(g.maxTop, g.top);
    if (m->hasPtrRecv())
      g.emit(Op::MOV, a, cur);
    else
      g.loadMem(recvT, a, cur, 0);
    g.moveN(p, static_cast<Slot>(a + recvSlots), 1);
    g.as.emitWide(Op::CALL, a, funcIndex(m));
    if (r == 0)
      g.emit(Op::RET0);
    else
      g.emit(Op::RET, a, r);
    g.finish();
  });
  return index;
}

uint32_t ModuleGen::deferredBuiltinFn(CallExpr* call, const std::vector<const Type*>& argTypes) {
  uint32_t index = mod->declareFunction("runtime.deferwrap", "<autogenerated>");
  work.push_back([this, call, argTypes, index] {
    FnGen g(*this, index, "<autogenerated>");
    // The same call, its arguments now the wrapper's parameters.
    auto* clone = prog.arena.make<CallExpr>(call->pos);
    *static_cast<Expr*>(clone) = *static_cast<Expr*>(call);
    clone->fun = call->fun;
    clone->callKind = call->callKind;
    clone->hasEllipsis = call->hasEllipsis;
    uint32_t at = 0;
    for (size_t i = 0; i < argTypes.size(); ++i) {
      auto* v = u.newObject<types::Var>(call->pos, nullptr, fmt::format("a{}", i), argTypes[i]);
      auto* id = prog.arena.make<Ident>(call->args[i]->pos);
      id->name = v->name;
      id->obj = v;
      id->type = argTypes[i];
      id->mode = ExprMode::Variable;
      clone->args.push_back(id);
      g.vars[v] = {static_cast<Slot>(at), false};
      g.markPointers(static_cast<Slot>(at), argTypes[i]);
      at += slots(argTypes[i]);
    }
    g.as.params(at);
    g.top = g.maxTop = at;
    Slot d = g.alloc(3);
    g.line(call->pos);
    g.builtin(clone, d);
    g.emit(Op::RET0);
    g.finish();
  });
  return index;
}

uint32_t ModuleGen::ifaceMethodExprFn(const Type* iface, types::Func* m) {
  std::string key = "iexpr#" + typeKey(iface) + "#" + m->name;
  if (auto it = wrappers_.find(key); it != wrappers_.end()) return it->second;
  uint32_t index = mod->declareFunction(typeName(iface) + "." + m->name, "<autogenerated>");
  wrappers_[key] = index;
  work.push_back([this, iface, m, index] {
    FnGen g(*this, index, "<autogenerated>");
    auto* sig = m->signature();
    uint32_t p = paramSlotsOf(*this, sig), r = resultSlotsOf(*this, sig);
    g.as.params(2 + p);
    g.as.results(r);
    g.top = g.maxTop = std::max(2 + p, r);
    g.as.pointerSlot(1);
    Slot a = static_cast<Slot>(g.top + vm::kFrameHeaderSlots);
    g.top = a + std::max(1 + p, r);
    g.maxTop = std::max(g.maxTop, g.top);
    g.moveN(p, static_cast<Slot>(a + 1), 2);
    g.emit(Op::CALLI, a, 0, static_cast<unsigned>(ifaceMethodIndex(u, iface, m->name)));
    if (r == 0)
      g.emit(Op::RET0);
    else
      g.emit(Op::RET, a, r);
    g.finish();
  });
  return index;
}

void ModuleGen::setContextLayout(uint32_t fn, uint32_t slots, const std::vector<uint32_t>& pointerSlots) {
  vm::Function& f = *mod->functions.at(fn);
  if (f.contextLayout != nullptr) return;  // the same body, made again elsewhere
  auto t = std::make_unique<rt::TypeDesc>();
  t->name = f.name + " context";
  t->kind = rt::TypeKind::Struct;
  t->size = (1 + uint64_t{slots}) * 8;
  for (uint32_t s : pointerSlots) t->setPointerWord(1 + uint64_t{s});
  f.contextLayout = t.get();
  mod->addType(std::move(t));
}

uint32_t ModuleGen::boundMethodFn(const Type* recvType, types::Func* m, bool ifaceCall, int ifaceIndex) {
  std::string key = "bound#" + typeKey(recvType) + "#" + funcName(m) + (ifaceCall ? "#i" : "");
  if (auto it = wrappers_.find(key); it != wrappers_.end()) return it->second;
  uint32_t index = mod->declareFunction(funcName(m) + "-fm", "<autogenerated>");
  wrappers_[key] = index;
  work.push_back([this, recvType, m, ifaceCall, ifaceIndex, index] {
    FnGen g(*this, index, "<autogenerated>");
    auto* sig = m->signature();
    uint32_t p = paramSlotsOf(*this, sig), r = resultSlotsOf(*this, sig);
    g.as.params(p);
    g.as.results(r);
    g.as.usesContext();
    g.top = g.maxTop = std::max(p, r);
    Slot ctx = g.alloc(1);
    g.as.pointerSlot(ctx);
    g.emit(Op::GETCTX, ctx);
    uint32_t recvSlots = slots(recvType);
    Slot held = g.alloc(recvSlots);
    for (uint32_t k = 0; k < recvSlots; ++k)
      g.emit(Op::LOAD64, held + k, ctx, 8 * (k + 1));
    Slot a = static_cast<Slot>(g.top + vm::kFrameHeaderSlots);
    if (ifaceCall) {
      g.top = a + std::max(1 + p, r);
      g.maxTop = std::max(g.maxTop, g.top);
      g.moveN(p, static_cast<Slot>(a + 1), 0);
      g.emit(Op::CALLI, a, held, static_cast<unsigned>(ifaceIndex));
    } else {
      g.top = a + std::max(recvSlots + p, r);
      g.maxTop = std::max(g.maxTop, g.top);
      g.moveN(recvSlots, a, held);
      g.moveN(p, static_cast<Slot>(a + recvSlots), 0);
      g.as.emitWide(Op::CALL, a, funcIndex(m));
    }
    if (r == 0)
      g.emit(Op::RET0);
    else
      g.emit(Op::RET, a, r);
    g.finish();
  });
  return index;
}

}  // namespace gol::lang::cg
