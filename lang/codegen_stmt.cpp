// Code generation for statements: assignments (with Go's two-phase order),
// control flow (loops with fused compare-and-branch latches, switches,
// type switches), defer and return. Loop variables declared by a for
// statement are per iteration (Go 1.22): a captured one gets a fresh cell
// for every iteration, copied from the previous one before the post
// statement runs.
#include <algorithm>

#include <fmt/format.h>

#include "lang/codegen_internal.h"
#include "runtime/map.h"

namespace gol::lang::cg {

using types::Basic;
using types::BasicKind;
using Label = vm::Assembler::Label;

namespace {

Stmt* targetOf(Stmt* s) {
  while (s && s->is<LabeledStmt>()) s = s->as<LabeledStmt>()->stmt;
  return s;
}

bool isNilExpr(Expr* e) {
  auto* id = unparen(e)->as<Ident>();
  return id && id->obj && id->obj->is<types::Nil>();
}

bool isBlank(Expr* e) {
  auto* id = unparen(e)->as<Ident>();
  return id && id->name == "_";
}

}  // namespace

void FnGen::body(BlockStmt* b) { block(b->list); }

void FnGen::block(const std::vector<Stmt*>& list) {
  Mark m = mark();
  for (Stmt* s : list) stmt(s);
  release(m);
}

Label FnGen::gotoLabel(const LabeledStmt* l) {
  auto it = gotoLabels.find(l);
  if (it != gotoLabels.end()) return it->second;
  Label lab = as.newLabel();
  gotoLabels[l] = lab;
  return lab;
}

void FnGen::stmt(Stmt* s) {
  if (!s) return;
  line(s->pos);
  // The statement's temporaries die with it: the collector stops scanning
  // them once it is over (vm::Function::liveTops).
  uint32_t outerLive = as.statementStart(top);
  struct EndStatement {
    FnGen& g;
    uint32_t outer;
    ~EndStatement() { g.as.statementEnd(outer, g.top); }
  } endStatement{*this, outerLive};
  switch (s->kind) {
    case NodeKind::EmptyStmt:
      break;
    case NodeKind::BlockStmt:
      block(s->as<BlockStmt>()->list);
      break;
    case NodeKind::DeclStmt:
      declStmt(s->as<DeclStmt>());
      break;
    case NodeKind::LabeledStmt: {
      auto* ls = s->as<LabeledStmt>();
      as.bind(gotoLabel(ls));
      stmt(ls->stmt);
      break;
    }
    case NodeKind::ExprStmt: {
      Mark m = mark();
      Expr* x = unparen(s->as<ExprStmt>()->x);
      if (auto* c = x->as<CallExpr>()) {
        if (c->callKind == CallKind::Builtin) {
          Slot d = alloc(std::max(3u, mg.slots(c->type ? c->type : mg.u.basic(BasicKind::Int))));
          builtin(c, d);
        } else if (c->callKind == CallKind::Conversion) {
          operand(x);
        } else {
          uint32_t r;
          callWindow(c, &r);
        }
      } else {
        operand(x);
      }
      release(m);
      break;
    }
    case NodeKind::IncDecStmt:
      incDec(s->as<IncDecStmt>());
      break;
    case NodeKind::AssignStmt:
      assign(s->as<AssignStmt>());
      break;
    case NodeKind::IfStmt:
      ifStmt(s->as<IfStmt>());
      break;
    case NodeKind::ForStmt:
      forStmt(s->as<ForStmt>(), nullptr);
      break;
    case NodeKind::RangeStmt:
      rangeStmt(s->as<RangeStmt>(), nullptr);
      break;
    case NodeKind::SwitchStmt:
      switchStmt(s->as<SwitchStmt>(), nullptr);
      break;
    case NodeKind::TypeSwitchStmt:
      typeSwitch(s->as<TypeSwitchStmt>(), nullptr);
      break;
    case NodeKind::ReturnStmt:
      returnStmt(s->as<ReturnStmt>());
      break;
    case NodeKind::DeferStmt:
      deferStmt(s->as<DeferStmt>());
      break;
    case NodeKind::BranchStmt:
      branch(s->as<BranchStmt>());
      break;
    case NodeKind::GoStmt:
      deferOrGo(s->as<GoStmt>()->call, s->pos, Op::GO);
      break;
    case NodeKind::SendStmt:
      sendStmt(s->as<SendStmt>());
      break;
    case NodeKind::SelectStmt:
      selectStmt(s->as<SelectStmt>());
      break;
    default:
      mg.unsupported(s->pos, std::string("statement ") + nodeKindName(s->kind));
      break;
  }
}

void FnGen::declStmt(DeclStmt* s) {
  auto* gd = s->decl ? s->decl->as<GenDecl>() : nullptr;
  if (!gd || gd->tok != Tok::Var) return;
  for (Spec* sp : gd->specs) {
    auto* vs = sp->as<ValueSpec>();
    if (!vs) continue;
    if (vs->values.empty()) {
      for (Ident* id : vs->names) {
        auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
        if (v && id->name != "_") initVarZero(v);
      }
      continue;
    }
    std::vector<Expr*> lhs(vs->names.begin(), vs->names.end());
    define(lhs, vs->values, true, vs->pos);
  }
}

void FnGen::assign(AssignStmt* s) {
  if (s->tok == Tok::Define || s->tok == Tok::Assign) {
    define(s->lhs, s->rhs, s->tok == Tok::Define, s->pos);
    return;
  }
  Mark m = mark();
  Tok op = assignOpBase(s->tok);
  Place p = place(s->lhs[0]);
  if (p.kind == Place::Kind::Slots) {  // a variable in slots: in place
    arith(op, p.type, p.slot, s->rhs[0], p.slot, s->pos);
    release(m);
    return;
  }
  Slot v = allocFor(p.type);
  loadPlace(p, v);
  arith(op, p.type, v, s->rhs[0], v, s->pos);
  storePlace(p, v);
  release(m);
}

void FnGen::incDec(IncDecStmt* s) {
  Mark m = mark();
  Place p = place(s->x);
  Slot v = p.kind == Place::Kind::Slots ? p.slot : allocFor(p.type);
  if (p.kind != Place::Kind::Slots) loadPlace(p, v);
  const Basic* b = p.type->under<Basic>();
  if (b && (b->info & types::kIsFloat)) {
    Slot one = alloc(1);
    loadF64(one, s->tok == Tok::Inc ? 1.0 : -1.0);
    emit(b->basicKind == BasicKind::Float32 ? Op::ADD_F32 : Op::ADD_F64, v, v, one);
  } else {
    int w = 0;
    if (b) {
      switch (b->basicKind) {
        case BasicKind::Int32: w = 1; break;
        case BasicKind::Int16: w = 2; break;
        case BasicKind::Int8: w = 3; break;
        case BasicKind::Uint32: w = 4; break;
        case BasicKind::Uint16: w = 5; break;
        case BasicKind::Uint8: w = 6; break;
        default: w = 0; break;
      }
    }
    emit(static_cast<Op>(static_cast<int>(Op::ADDI_I64) + w), v, v,
         static_cast<uint16_t>(static_cast<int16_t>(s->tok == Tok::Inc ? 1 : -1)));
  }
  if (p.kind != Place::Kind::Slots) storePlace(p, v);
  release(m);
}

// lhs = rhs (or :=, or var ... = ...). Variables being declared get their
// slots first, so that the temporaries of the right-hand side go above
// them; then the operands of the left-hand side and the right-hand side
// are evaluated, and only then are the assignments made, left to right.
void FnGen::define(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs, bool isDefine, Pos pos) {
  line(pos);
  if (isDefine) {
    for (Expr* e : lhs) {
      auto* id = unparen(e)->as<Ident>();
      if (!id || id->name == "_" || !id->isDef) continue;
      if (auto* v = id->obj ? id->obj->as<types::Var>() : nullptr) declareVar(v);
    }
  }
  Mark m = mark();
  if (rhs.size() == 1 && lhs.size() > 1) {
    Expr* r = unparen(rhs[0]);
    std::vector<std::pair<Slot, const Type*>> vals;
    if (auto* c = r->as<CallExpr>(); c && r->type && r->type->is<types::Tuple>()) {
      std::vector<Place> places;
      for (Expr* e : lhs) places.push_back(place(e));
      uint32_t rs;
      Slot a = callWindow(c, &rs);
      top = a + rs;
      uint32_t off = 0;
      auto* tuple = r->type->as<types::Tuple>();
      for (size_t i = 0; i < lhs.size(); ++i) {
        const Type* vt = tuple->vars[i]->type;
        if (places[i].kind != Place::Kind::Blank) {
          Mark mm = mark();
          Slot v = allocFor(places[i].type);
          convertValue(vt, places[i].type, static_cast<Slot>(a + off), v);
          storePlace(places[i], v);
          release(mm);
        }
        off += mg.slots(vt);
      }
      release(m);
      return;
    }
    // v, ok = m[k] / x.(T)
    Place p0 = place(lhs[0]);
    Place p1 = place(lhs[1]);
    const Type* vt = nullptr;
    Slot region = 0;
    auto* recv = r->as<UnaryExpr>();
    if (recv && recv->op != Tok::Arrow) recv = nullptr;
    if (auto* ix = r->as<IndexExpr>()) vt = ix->x->type->under<types::Map>()->elem;
    if (auto* ta = r->as<TypeAssertExpr>()) vt = ta->typeExpr->type;
    if (recv) vt = recv->x->type->under<types::Chan>()->elem;
    // v and ok adjacent in slots, v of the value's own type: straight there.
    if (vt && p0.kind == Place::Kind::Slots && p1.kind == Place::Kind::Slots &&
        p1.slot == p0.slot + mg.slots(vt) && types::identical(p0.type, vt)) {
      if (auto* ix = r->as<IndexExpr>())
        mapIndex(ix, p0.slot, true);
      else if (recv)
        chanRecv(recv, p0.slot, true);
      else
        typeAssert(r->as<TypeAssertExpr>(), p0.slot, true);
      release(m);
      return;
    }
    if (auto* ix = r->as<IndexExpr>()) {
      vt = ix->x->type->under<types::Map>()->elem;
      region = alloc(mg.slots(vt) + 1);
      markPointers(region, vt);
      mapIndex(ix, region, true);
    } else if (auto* ta = r->as<TypeAssertExpr>()) {
      vt = ta->typeExpr->type;
      region = alloc(mg.slots(vt) + 1);
      markPointers(region, vt);
      typeAssert(ta, region, true);
    } else if (recv) {
      region = alloc(mg.slots(vt) + 1);
      markPointers(region, vt);
      chanRecv(recv, region, true);
    } else {
      mg.unsupported(r->pos, "this comma-ok form");
      release(m);
      return;
    }
    if (p0.kind != Place::Kind::Blank) {
      Slot v = allocFor(p0.type);
      convertValue(vt, p0.type, region, v);
      storePlace(p0, v);
    }
    if (p1.kind != Place::Kind::Blank) storePlace(p1, static_cast<Slot>(region + mg.slots(vt)));
    release(m);
    return;
  }
  if (lhs.size() == 1) {
    // s[i] = v for a slice of words or bytes: one checked store.
    if (auto* ix = unparen(lhs[0])->as<IndexExpr>(); ix && ix->x->type->under<types::Slice>()) {
      const Type* et = ix->x->type->under<types::Slice>()->elem;
      const Layout& el = mg.layout(et);
      Leaf k = el.slots == 1 ? el.leaves[0].kind : Leaf::F32;
      if (k == Leaf::W64 || k == Leaf::Ptr || k == Leaf::U8 || k == Leaf::I8 || k == Leaf::Bool) {
        Slot sl = operand(ix->x);
        Slot i = operand(ix->index);
        Slot v;
        if (isIface(et) || unparen(rhs[0])->mode == ExprMode::Constant || isNilExpr(rhs[0])) {
          v = allocFor(et);
          exprTo(rhs[0], et, v);
        } else {
          v = operand(rhs[0]);
        }
        emit(k == Leaf::W64 || k == Leaf::Ptr ? Op::SSTORE64 : Op::SSTORE8, sl, i, v);
        release(m);
        return;
      }
    }
    Place p = place(lhs[0]);
    if (p.kind == Place::Kind::Blank) {
      operand(rhs[0]);
      release(m);
      return;
    }
    Expr* r = unparen(rhs[0]);
    bool direct = p.kind == Place::Kind::Slots && (mg.slots(p.type) == 1 || !r->is<CompositeLit>());
    if (direct) {
      exprTo(rhs[0], p.type, p.slot);
    } else {
      Slot v = allocFor(p.type);
      exprTo(rhs[0], p.type, v);
      storePlace(p, v);
    }
    release(m);
    return;
  }
  // a, b := x, y declaring only new variables held in slots: nothing on the
  // right can refer to them, so evaluate straight into them.
  bool allNew = isDefine;
  for (Expr* e : lhs) {
    auto* id = unparen(e)->as<Ident>();
    auto* v = id && id->obj ? id->obj->as<types::Var>() : nullptr;
    if (!id || (id->name != "_" && (!id->isDef || !v || vars[v].boxed))) allNew = false;
  }
  if (allNew) {
    for (size_t i = 0; i < lhs.size(); ++i) {
      auto* id = unparen(lhs[i])->as<Ident>();
      if (id->name == "_") {
        Mark mm = mark();
        operand(rhs[i]);
        release(mm);
        continue;
      }
      auto* v = id->obj->as<types::Var>();
      exprTo(rhs[i], v->type, vars[v].slot);
    }
    release(m);
    return;
  }
  std::vector<Place> places;
  for (Expr* e : lhs) places.push_back(place(e));
  // Operands of the left-hand side are evaluated before any assignment:
  // copy those that may be variables assigned here (p, p.n = nil, 42).
  for (Place& p : places) {
    if (p.kind == Place::Kind::Mem || p.kind == Place::Kind::Map) {
      Slot c = alloc(1);
      as.pointerSlot(c);
      emit(Op::MOV, c, p.slot);
      p.slot = c;
    }
  }
  std::vector<Slot> vals;
  for (size_t i = 0; i < rhs.size(); ++i) {
    const Type* t = places[i].kind == Place::Kind::Blank ? rhs[i]->type : places[i].type;
    if (types::isUntyped(t)) t = types::defaultType(mg.u, t);
    Slot v = allocFor(t);
    exprTo(rhs[i], t, v);
    vals.push_back(v);
  }
  for (size_t i = 0; i < places.size(); ++i) storePlace(places[i], vals[i]);
  release(m);
}

void FnGen::ifStmt(IfStmt* s) {
  Mark m = mark();
  if (s->init) stmt(s->init);
  Label otherwise = as.newLabel(), done = as.newLabel();
  condJump(s->cond, false, otherwise);
  block(s->body->list);
  if (s->elseStmt) as.jump(Op::JMP, done);
  as.bind(otherwise);
  if (s->elseStmt) stmt(s->elseStmt);
  as.bind(done);
  release(m);
}

void FnGen::freshLoopVars(const std::vector<types::Var*>& loopVars) {
  for (auto* v : loopVars) {
    VarLoc loc = vars[v];
    if (!loc.boxed || inFrame(v)) continue;  // a frame cell: no address outlives the iteration
    Mark m = mark();
    Slot val = allocFor(v->type);
    loadMem(v->type, val, loc.slot, 0);
    as.emitWide(Op::NEW, loc.slot, mg.typeIndex(v->type));
    storeMem(v->type, loc.slot, 0, val);
    release(m);
  }
}

void FnGen::forStmt(ForStmt* s, LabeledStmt*) {
  Mark m = mark();
  std::vector<types::Var*> loopVars;
  if (s->init) {
    stmt(s->init);
    if (auto* a = s->init->as<AssignStmt>(); a && a->tok == Tok::Define)
      for (Expr* e : a->lhs)
        if (auto* id = unparen(e)->as<Ident>(); id && id->isDef && id->obj)
          if (auto* v = id->obj->as<types::Var>()) loopVars.push_back(v);
  }
  Label topL = as.newLabel(), cont = as.newLabel(), brk = as.newLabel(), check = as.newLabel();
  targets.push_back({s, brk, cont, true});
  // The latch `i++; if i < n goto top` fuses into INCJLT when i is an int
  // held in a slot and n is a slot too (a variable or a hoisted constant).
  Slot fusedI = 0, fusedN = 0;
  bool fused = false;
  bool anyBoxed = false;
  for (auto* v : loopVars) anyBoxed = anyBoxed || vars[v].boxed;
  if (s->cond && s->post && !anyBoxed) {
    auto* cond = unparen(s->cond)->as<BinaryExpr>();
    auto* inc = s->post->as<IncDecStmt>();
    if (cond && inc && cond->op == Tok::Lss && inc->tok == Tok::Inc) {
      auto* ci = unparen(cond->x)->as<Ident>();
      auto* ii = unparen(inc->x)->as<Ident>();
      const Basic* b = cond->x->type ? cond->x->type->under<Basic>() : nullptr;
      bool wide = b && (b->basicKind == BasicKind::Int || b->basicKind == BasicKind::Int64);
      if (ci && ii && ci->obj == ii->obj && wide) {
        auto* v = ci->obj->as<types::Var>();
        auto it = v ? vars.find(v) : vars.end();
        if (it != vars.end() && !it->second.boxed) {
          Expr* n = unparen(cond->y);
          if (n->mode == ExprMode::Constant) {
            fusedN = alloc(1);
            constant(n->value, cond->x->type, fusedN);
            fused = true;
          } else if (auto* ni = n->as<Ident>()) {
            auto* nv = ni->obj ? ni->obj->as<types::Var>() : nullptr;
            auto nit = nv ? vars.find(nv) : vars.end();
            if (nit != vars.end() && !nit->second.boxed && nv != v) {
              fusedN = nit->second.slot;
              fused = true;
            }
          }
          fusedI = it->second.slot;
        }
      }
    }
  }
  if (fused) {
    as.jump(Op::JLE_S, fusedN, fusedI, brk);
    as.bind(topL);
    block(s->body->list);
    as.bind(cont);
    as.jump(Op::INCJLT, fusedI, fusedN, topL);
  } else {
    as.jump(Op::JMP, check);
    as.bind(topL);
    block(s->body->list);
    as.bind(cont);
    freshLoopVars(loopVars);
    if (s->post) stmt(s->post);
    as.bind(check);
    if (s->cond)
      condJump(s->cond, true, topL);
    else
      as.jump(Op::LOOP, topL);
  }
  as.bind(brk);
  targets.pop_back();
  release(m);
}

void FnGen::rangeStmt(RangeStmt* s, LabeledStmt*) {
  Mark m = mark();
  const Type* xt = s->x->type;
  Label topL = as.newLabel(), cont = as.newLabel(), brk = as.newLabel();
  targets.push_back({s, brk, cont, true});
  bool define = s->tok == Tok::Define;
  Expr* keyE = s->key && !isBlank(s->key) ? s->key : nullptr;
  Expr* valE = s->value && !isBlank(s->value) ? s->value : nullptr;
  auto varOf = [](Expr* e) -> types::Var* {
    auto* id = e ? unparen(e)->as<Ident>() : nullptr;
    return id && id->obj ? id->obj->as<types::Var>() : nullptr;
  };
  // Declared iteration variables; a boxed one gets a new cell each iteration.
  if (define) {
    if (keyE) declareVar(varOf(keyE));
    if (valE) declareVar(varOf(valE));
  }
  auto assignTo = [&](Expr* target, const Type* t, Slot src) {
    if (!target) return;
    if (define) {
      types::Var* v = varOf(target);
      VarLoc loc = vars[v];
      if (loc.boxed) {
        if (!inFrame(v)) as.emitWide(Op::NEW, loc.slot, mg.typeIndex(v->type));
        storeMem(v->type, loc.slot, 0, src);
      } else {
        move(v->type, loc.slot, src);
      }
      return;
    }
    Mark mm = mark();
    Place p = place(target);
    Slot v = allocFor(p.type);
    convertValue(t, p.type, src, v);
    storePlace(p, v);
    release(mm);
  };
  const Type* intT = mg.u.basic(BasicKind::Int);
  const Type* ut = xt->underlying();
  if (auto* b = ut->as<Basic>(); b && (b->info & types::kIsInteger)) {
    Slot n = alloc(1), i = alloc(1);
    exprTo(s->x, xt, n);
    loadInt(i, 0);
    as.jump(Op::JLE_S, n, i, brk);
    as.bind(topL);
    assignTo(keyE, xt, i);
    block(s->body->list);
    as.bind(cont);
    as.jump(Op::INCJLT, i, n, topL);
  } else if (b && (b->info & types::kIsString)) {
    Slot str = alloc(2), i = alloc(1), r = alloc(2);
    as.pointerSlot(str);
    expr(s->x, str);
    loadInt(i, 0);
    Label check = as.newLabel();
    as.jump(Op::JMP, check);
    as.bind(topL);
    emit(Op::DECODERUNE, r, str, i);
    assignTo(keyE, intT, i);
    assignTo(valE, mg.u.runeType(), r);
    block(s->body->list);
    as.bind(cont);
    emit(Op::ADD_I64, i, i, r + 1);
    as.bind(check);
    as.jump(Op::JLT_S, i, str + 1, topL);
  } else if (ut->is<types::Chan>()) {
    rangeChan(s, topL, cont, brk, assignTo, keyE);
  } else if (ut->is<types::Map>()) {
    auto* mt = ut->as<types::Map>();
    Slot mp = operand(s->x);
    Slot it = alloc(1), kv = alloc(2);
    as.pointerSlot(it);
    as.pointerSlot(kv);
    as.pointerSlot(kv + 1);
    // The iterator is a frame object of the range statement (Go keeps its
    // hiter on the stack too): it holds the map's pointer, which a stack
    // copy must move when the map's header is a frame object as well.
    frameCellInto(frameRegion(rt::mapIterLayout(), 1), it);
    emit(Op::MAPITERAT, it, mp, it);
    as.bind(topL);
    as.bind(cont);
    as.jump(Op::MAPNEXT, kv, it, brk);
    if (keyE) {
      Mark mm = mark();
      Slot k = allocFor(mt->key);
      loadMem(mt->key, k, kv, 0);
      assignTo(keyE, mt->key, k);
      release(mm);
    }
    if (valE) {
      Mark mm = mark();
      Slot v = allocFor(mt->elem);
      loadMem(mt->elem, v, kv + 1, 0);
      assignTo(valE, mt->elem, v);
      release(mm);
    }
    block(s->body->list);
    as.jump(Op::LOOP, topL);
  } else if (ut->is<types::Slice>() || ut->is<types::Array>() || ut->is<types::Pointer>()) {
    const Type* et;
    Slot sl = alloc(3);
    as.pointerSlot(sl);
    if (auto* st = ut->as<types::Slice>()) {
      et = st->elem;
      expr(s->x, sl);
    } else {
      const types::Array* at = ut->as<types::Array>();
      Slot p;
      uint64_t o = 0;
      if (auto* pt = ut->as<types::Pointer>()) {
        at = pt->elem->under<types::Array>();
        p = operand(s->x);
      } else if (!valE) {
        // Only the length matters: the array need not be evaluated twice.
        p = alloc(1);
        loadInt(p, 0);
      } else if (!addressOf(s->x, &p, &o)) {
        Slot v = operand(s->x);
        p = tempCell(xt);
        storeMem(xt, p, 0, v);
      } else {
        // range over an array value ranges over a copy of it (Go's rule).
        if (o != 0) {
          p = offsetBase(p, o);
          if (o != 0) {
            Slot q = alloc(1);
            emit(Op::FIELDADDR, q, p, static_cast<unsigned>(o));
            p = q;
          }
          o = 0;
        }
        Slot src = alloc(3), dst = alloc(3), n = alloc(1);
        as.pointerSlot(src);
        as.pointerSlot(dst);
        emit(Op::MOV, src, p);
        loadInt(src + 1, at->len);
        loadInt(src + 2, at->len);
        Slot c = tempCell(xt);
        emit(Op::MOV, dst, c);
        loadInt(dst + 1, at->len);
        loadInt(dst + 2, at->len);
        as.emitExtra(Op::COPY, n, dst, src, mg.desc(at->elem)->size);
        p = c;
      }
      if (o != 0) {
        p = offsetBase(p, o);
        if (o != 0) {
          Slot q = alloc(1);
          emit(Op::FIELDADDR, q, p, static_cast<unsigned>(o));
          p = q;
        }
      }
      et = at->elem;
      emit(Op::MOV, sl, p);
      loadInt(sl + 1, at->len);
      loadInt(sl + 2, at->len);
    }
    Slot i = alloc(1);
    loadInt(i, 0);
    as.jump(Op::JLE_S, sl + 1, i, brk);
    as.bind(topL);
    assignTo(keyE, intT, i);
    if (valE) {
      Mark mm = mark();
      types::Var* vv = define ? varOf(valE) : nullptr;
      bool inPlace = vv && !vars[vv].boxed;  // load straight into the variable
      Slot v = inPlace ? vars[vv].slot : allocFor(et);
      const Layout& el = mg.layout(et);
      if (el.slots == 1 && (el.leaves[0].kind == Leaf::W64 || el.leaves[0].kind == Leaf::Ptr)) {
        emit(Op::SLOAD64, v, sl, i);
      } else {
        Slot a = alloc(1);
        as.emitExtra(Op::SINDEXADDR, a, sl, i, mg.desc(et)->size);
        loadMem(et, v, a, 0);
      }
      if (!inPlace) assignTo(valE, et, v);
      release(mm);
    }
    block(s->body->list);
    as.bind(cont);
    as.jump(Op::INCJLT, i, sl + 1, topL);
  } else {
    mg.unsupported(s->pos, "ranging over " + mg.typeName(xt));
  }
  as.bind(brk);
  targets.pop_back();
  release(m);
}

void FnGen::switchStmt(SwitchStmt* s, LabeledStmt*) {
  Mark m = mark();
  if (s->init) stmt(s->init);
  Label brk = as.newLabel();
  targets.push_back({s, brk, brk, false});
  Slot tag = 0;
  const Type* tagT = nullptr;
  if (s->tag) {
    tagT = s->tag->type;
    if (s->tag->mode == ExprMode::Constant && types::isUntyped(tagT)) tagT = types::defaultType(mg.u, tagT);
    tag = allocFor(tagT);
    exprTo(s->tag, tagT, tag);
  }
  std::vector<CaseClause*> clauses;
  for (Stmt* st : s->body->list)
    if (auto* cc = st->as<CaseClause>()) clauses.push_back(cc);
  std::vector<Label> entry;
  for (size_t i = 0; i < clauses.size(); ++i) entry.push_back(as.newLabel());
  int dflt = -1;
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (clauses[i]->list.empty()) dflt = static_cast<int>(i);
    for (Expr* e : clauses[i]->list) {
      line(e->pos);
      if (!s->tag) {
        condJump(e, true, entry[i]);
        continue;
      }
      Mark mm = mark();
      const Type* ct = tagT;
      const Basic* bt = ct->under<Basic>();
      bool small = bt && (bt->info & types::kIsInteger) && e->mode == ExprMode::Constant;
      auto k = small ? e->value.toInt64() : std::nullopt;
      if (k && *k >= INT16_MIN && *k <= INT16_MAX) {
        as.jump(Op::JEQI, tag, static_cast<uint16_t>(static_cast<int16_t>(*k)), entry[i]);
      } else {
        Slot v = allocFor(ct);
        exprTo(e, ct, v);
        Slot r = alloc(1);
        compare(Tok::Eql, ct, tag, v, r);
        as.jump(Op::JT, r, entry[i]);
      }
      release(mm);
    }
  }
  as.jump(Op::JMP, dflt >= 0 ? entry[static_cast<size_t>(dflt)] : brk);
  Label savedFall = fallthroughLabel;
  for (size_t i = 0; i < clauses.size(); ++i) {
    as.bind(entry[i]);
    fallthroughLabel = i + 1 < clauses.size() ? entry[i + 1] : brk;
    block(clauses[i]->body);
    as.jump(Op::JMP, brk);
  }
  fallthroughLabel = savedFall;
  as.bind(brk);
  targets.pop_back();
  release(m);
}

void FnGen::typeSwitch(TypeSwitchStmt* s, LabeledStmt*) {
  Mark m = mark();
  if (s->init) stmt(s->init);
  Label brk = as.newLabel();
  targets.push_back({s, brk, brk, false});
  Expr* subject = nullptr;
  if (auto* a = s->assign->as<AssignStmt>())
    subject = unparen(a->rhs[0])->as<TypeAssertExpr>()->x;
  else
    subject = unparen(s->assign->as<ExprStmt>()->x)->as<TypeAssertExpr>()->x;
  const Type* xt = subject->type;
  Slot x = alloc(2);
  as.pointerSlot(x + 1);
  expr(subject, x);
  unsigned fromMode = isEmptyIface(xt) ? 0 : 1;
  std::vector<CaseClause*> clauses;
  for (Stmt* st : s->body->list)
    if (auto* cc = st->as<CaseClause>()) clauses.push_back(cc);
  std::vector<Label> entry;
  std::vector<Slot> results(clauses.size(), 0);
  std::vector<const Type*> single(clauses.size(), nullptr);
  int dflt = -1;
  for (size_t i = 0; i < clauses.size(); ++i) {
    entry.push_back(as.newLabel());
    auto& list = clauses[i]->list;
    if (list.empty()) dflt = static_cast<int>(i);
    bool one = list.size() == 1 && !(unparen(list[0])->is<Ident>() &&
                                     unparen(list[0])->as<Ident>()->obj &&
                                     unparen(list[0])->as<Ident>()->obj->is<types::Nil>());
    for (Expr* te : list) {
      Expr* u = unparen(te);
      if (auto* id = u->as<Ident>(); id && id->obj && id->obj->is<types::Nil>()) {
        as.jump(Op::JEQI, x, 0, entry[i]);
        continue;
      }
      const Type* t = te->type;
      bool toIface = isIface(t);
      uint32_t n = toIface ? 2 : 1;
      Slot r = alloc(n + 1);
      as.pointerSlot(r);
      as.pointerSlot(r + 1);
      as.emitExtra(Op::ASSERT, r, x, fromMode | (toIface ? 2 : 0) | 4, mg.typeIndex(t));
      as.jump(Op::JT, r + n, entry[i]);
      if (one) {
        results[i] = r;
        single[i] = t;
      }
    }
  }
  as.jump(Op::JMP, dflt >= 0 ? entry[static_cast<size_t>(dflt)] : brk);
  for (size_t i = 0; i < clauses.size(); ++i) {
    as.bind(entry[i]);
    Mark mm = mark();
    if (types::Var* v = clauses[i]->implicitVar) {
      VarLoc loc = declareVar(v);
      Slot val = loc.boxed ? allocFor(v->type) : loc.slot;
      if (const Type* t = single[i]) {
        if (isIface(t))
          moveN(2, val, results[i]);
        else if (mg.desc(t)->isDirectIface())
          emit(Op::MOV, val, results[i]);
        else
          loadMem(t, val, results[i], 0);
      } else {
        move(v->type, val, x);
      }
      if (loc.boxed) storeMem(v->type, loc.slot, 0, val);
    }
    block(clauses[i]->body);
    release(mm);
    as.jump(Op::JMP, brk);
  }
  as.bind(brk);
  targets.pop_back();
  release(m);
}

void FnGen::returnStmt(ReturnStmt* s) {
  Mark m = mark();
  const auto& rvars = sig->results->vars;
  if (s->results.empty()) {
    emitReturn();
    release(m);
    return;
  }
  if (hasDefer || namedResults) {
    std::vector<Expr*> lhs;
    for (auto* v : resultVars) {
      auto* id = mg.prog.arena.make<Ident>(s->pos);
      id->name = v->name;
      id->obj = v;
      id->type = v->type;
      id->mode = ExprMode::Variable;
      lhs.push_back(id);
    }
    define(lhs, s->results, false, s->pos);
    emitReturn();
    release(m);
    return;
  }
  if (s->results.size() == 1 && rvars.size() == 1 && mg.slots(rvars[0]->type) == 1 &&
      (!isIface(rvars[0]->type) || isIface(s->results[0]->type))) {
    Slot v = operand(s->results[0]);
    line(s->pos);
    emit(Op::RET1, v);
    release(m);
    return;
  }
  Slot region = alloc(resultSlotCount);
  if (s->results.size() == 1 && rvars.size() > 1) {
    auto* c = unparen(s->results[0])->as<CallExpr>();
    uint32_t rs;
    Slot a = callWindow(c, &rs);
    auto* tuple = s->results[0]->type->as<types::Tuple>();
    uint32_t from = 0, to = 0;
    for (size_t i = 0; i < rvars.size(); ++i) {
      convertValue(tuple->vars[i]->type, rvars[i]->type, static_cast<Slot>(a + from),
                   static_cast<Slot>(region + to));
      from += mg.slots(tuple->vars[i]->type);
      to += mg.slots(rvars[i]->type);
    }
  } else {
    uint32_t to = 0;
    for (size_t i = 0; i < rvars.size(); ++i) {
      markPointers(static_cast<Slot>(region + to), rvars[i]->type);
      exprTo(s->results[i], rvars[i]->type, static_cast<Slot>(region + to));
      to += mg.slots(rvars[i]->type);
    }
  }
  line(s->pos);
  emit(Op::RET, region, resultSlotCount);
  release(m);
}

void FnGen::deferStmt(DeferStmt* s) { deferOrGo(s->call, s->pos, Op::DEFER); }

// defer f(args) and go f(args) both evaluate the function value and the
// arguments now, into a closure and a block of argument slots, and hand
// them over (DEFER keeps them for the frame's return, GO starts a goroutine).
void FnGen::deferOrGo(CallExpr* c, Pos pos, Op op) {
  Mark m = mark();
  DeferStmt fake(pos);
  DeferStmt* s = &fake;
  Expr* fun = unparen(c->fun);
  if (c->callKind == CallKind::Conversion) {
    mg.unsupported(s->pos, "deferring a conversion");
    release(m);
    return;
  }
  if (c->callKind == CallKind::Builtin) {
    // defer println(x), defer panic(v), defer delete(m, k): the arguments
    // are evaluated now and handed to a small function doing the call.
    std::vector<const Type*> argTypes;
    for (Expr* a : c->args) {
      const Type* t = a->type;
      if (a->mode == ExprMode::Constant && types::isUntyped(t)) t = types::defaultType(mg.u, t);
      if (a->mode == ExprMode::TypeExpr) {
        mg.unsupported(s->pos, "deferring this builtin call");
        release(m);
        return;
      }
      argTypes.push_back(t);
    }
    uint32_t n = 0;
    for (const Type* t : argTypes) n += mg.slots(t);
    Slot closure = alloc(1);
    as.pointerSlot(closure);
    as.emitWide(Op::LOADFN, closure, mg.deferredBuiltinFn(c, argTypes));
    Slot args = alloc(std::max(n, 1u));
    uint32_t at = args;
    for (size_t i = 0; i < c->args.size(); ++i) {
      markPointers(static_cast<Slot>(at), argTypes[i]);
      exprTo(c->args[i], argTypes[i], static_cast<Slot>(at));
      at += mg.slots(argTypes[i]);
    }
    line(s->pos);
    emit(op, args, closure);
    release(m);
    return;
  }
  Slot closure = alloc(1);
  as.pointerSlot(closure);
  const types::Signature* sig2 = nullptr;
  uint32_t recvSlots = 0;
  auto* se = fun->as<SelectorExpr>();
  const types::Selection* sel = se ? se->selection : nullptr;
  types::Func* f = nullptr;
  if (sel && sel->kind == types::Selection::Kind::MethodVal) {
    f = sel->obj->as<types::Func>();
    if (isIface(se->x->type) || f->decl == nullptr) {
      methodValue(se, closure);
      sig2 = f->signature();
      f = nullptr;
    } else {
      sig2 = f->signature();
      recvSlots = mg.slots(sig2->recv->type);
      as.emitWide(Op::LOADFN, closure, mg.funcIndex(f));
    }
  } else {
    types::Object* obj = nullptr;
    if (auto* id = fun->as<Ident>()) obj = id->obj;
    if (se && !sel) obj = se->sel->obj;
    if (auto* fn = obj ? obj->as<types::Func>() : nullptr) {
      as.emitWide(Op::LOADFN, closure, mg.funcIndex(fn));
      sig2 = fn->signature();
    } else {
      expr(fun, closure);
      sig2 = fun->type->under<types::Signature>();
    }
  }
  uint32_t p = 0;
  for (auto* v : sig2->params->vars) p += mg.slots(v->type);
  Slot args = alloc(std::max(recvSlots + p, 1u));
  if (f) {
    markPointers(args, sig2->recv->type);
    recvOf(se->x, sel, f, args);
  }
  passArgs(*this, c, sig2, static_cast<Slot>(args + recvSlots));
  line(s->pos);
  emit(op, args, closure);
  release(m);
}

void FnGen::branch(BranchStmt* s) {
  switch (s->tok) {
    case Tok::Goto: {
      auto* ls = s->target ? s->target->as<LabeledStmt>() : nullptr;
      if (ls) as.jump(Op::JMP, gotoLabel(ls));
      return;
    }
    case Tok::Fallthrough:
      as.jump(Op::JMP, fallthroughLabel);
      return;
    default:
      break;
  }
  Stmt* target = targetOf(s->target);
  for (auto it = targets.rbegin(); it != targets.rend(); ++it) {
    if (target && it->stmt != target) continue;
    if (s->tok == Tok::Continue && !it->hasCont) continue;
    as.jump(Op::JMP, s->tok == Tok::Break ? it->brk : it->cont);
    return;
  }
  mg.unsupported(s->pos, "this branch statement");
}

}  // namespace gol::lang::cg
