// Code generation for channels: make, send, receive, close, len/cap, range
// over a channel, and select (runtime/chan.h does the work).
//
// Elements travel in slot form. A channel's buffer, and the value a parked
// sender offers or a parked receiver waits for, hold an element as the
// frame slots it occupies (8 bytes per slot, a struct flattened), not in
// Go's memory layout: no Gol code can take the address of a buffered
// element, so nothing needs the memory layout there, and SEND and RECV
// copy slots straight between frames and buffers. MAKECHAN passes the
// runtime a descriptor of that slot form (slotFormType): its size is
// slots * 8 and its pointer bitmap marks the slots that hold pointers, for
// the collector.
//
// SEND, RECV, RECV2 and SELECT may park the goroutine. When it runs again
// the interpreter executes the same instruction once more to collect the
// outcome (vm/interp.cpp), so they take their operands from slots that
// stay put while the goroutine waits.
//
// select. Go evaluates every case's channel and send value once, in
// source order, on entry. codegen stores them in a case table in
// consecutive slots, three per case: the channel, the slot index where
// the element is (the value to send, or where a received one goes), and 1
// for a send, 0 for a receive. SELECT a, b, c runs the table at b with c
// cases (bit 15 of c: there is a default) and leaves the chosen case in
// R[a] (-1: default) and a receive's ok in R[a+1]. A chain of JEQI on R[a]
// then jumps to the clause, which first assigns what was received.
#include "lang/codegen_internal.h"

namespace gol::lang::cg {

using Label = vm::Assembler::Label;

uint32_t ModuleGen::slotFormType(const Type* elem) {
  std::string key = "slots:" + typeKey(elem);
  if (auto it = typeIndexByKey_.find(key); it != typeIndexByKey_.end()) return it->second;
  auto d = std::make_unique<rt::TypeDesc>();
  const Layout& l = layout(elem);
  d->name = "slots(" + typeName(elem) + ")";
  d->kind = rt::TypeKind::Struct;
  d->size = uint64_t{l.slots} * 8;
  d->align = 8;
  for (const LeafInfo& leaf : l.leaves) {
    if (leaf.kind != Leaf::Ptr) continue;
    if (leaf.slot / 64 >= d->pointerWords.size()) d->pointerWords.resize(leaf.slot / 64 + 1, 0);
    d->pointerWords[leaf.slot / 64] |= uint64_t{1} << (leaf.slot % 64);
  }
  uint32_t index = mod->addType(std::move(d));
  typeIndexByKey_[key] = index;
  return index;
}

void FnGen::makeChan(CallExpr* e, const Type* chanType, Slot dst) {
  const Type* intT = mg.u.basic(types::BasicKind::Int);
  Slot size = alloc(1);
  if (e->args.size() > 1)
    exprTo(e->args[1], intT, size);
  else
    loadInt(size, 0);
  const Type* elem = chanType->under<types::Chan>()->elem;
  as.emitExtra(Op::MAKECHAN, dst, size, 0, mg.slotFormType(elem));
}

void FnGen::chanRecv(UnaryExpr* e, Slot dst, bool commaOk) {
  Mark m = mark();
  Slot ch = operand(e->x);
  line(e->pos);
  if (commaOk) {
    const Type* elem = e->x->type->under<types::Chan>()->elem;
    emit(Op::RECV2, dst, ch, dst + mg.slots(elem));
  } else {
    emit(Op::RECV, dst, ch);
  }
  release(m);
}

void FnGen::sendStmt(SendStmt* s) {
  Mark m = mark();
  const Type* elem = s->chan->type->under<types::Chan>()->elem;
  Slot ch = alloc(1);
  as.pointerSlot(ch);
  expr(s->chan, ch);
  Slot v = allocFor(elem);
  exprTo(s->value, elem, v);
  line(s->pos);
  emit(Op::SEND, ch, v);
  release(m);
}

void FnGen::rangeChan(RangeStmt* s, Label topL, Label cont, Label brk,
                      const std::function<void(Expr*, const Type*, Slot)>& assignTo, Expr* valE) {
  const Type* elem = s->x->type->under<types::Chan>()->elem;
  Slot ch = alloc(1);
  as.pointerSlot(ch);
  expr(s->x, ch);
  Slot v = allocFor(elem);
  Slot ok = alloc(1);
  as.bind(topL);
  as.bind(cont);
  line(s->pos);
  emit(Op::RECV2, v, ch, ok);
  as.jump(Op::JF, ok, brk);
  assignTo(valE, elem, v);
  block(s->body->list);
  as.jump(Op::LOOP, topL);
}

namespace {

// The receive of a select case: `<-c`, `v := <-c`, `v, ok = <-c`.
UnaryExpr* recvOfComm(Stmt* comm) {
  Expr* x = nullptr;
  if (auto* es = comm->as<ExprStmt>()) x = es->x;
  if (auto* as = comm->as<AssignStmt>()) x = as->rhs.empty() ? nullptr : as->rhs[0];
  x = x ? unparen(x) : nullptr;
  auto* u = x ? x->as<UnaryExpr>() : nullptr;
  return u && u->op == Tok::Arrow ? u : nullptr;
}

}  // namespace

void FnGen::selectStmt(SelectStmt* s) {
  Mark m = mark();
  Label brk = as.newLabel();
  targets.push_back({s, brk, brk, false});
  std::vector<CommClause*> clauses;
  for (Stmt* st : s->body->list)
    if (auto* cc = st->as<CommClause>()) clauses.push_back(cc);

  // Evaluate channels and send values in source order; receive buffers.
  struct Case {
    CommClause* clause;
    Slot ch = 0, elem = 0;
    bool isSend = false;
    UnaryExpr* recv = nullptr;
    const Type* elemType = nullptr;
  };
  std::vector<Case> cases;
  int dflt = -1;
  for (size_t i = 0; i < clauses.size(); ++i) {
    CommClause* cc = clauses[i];
    if (cc->comm == nullptr) {
      dflt = static_cast<int>(i);
      continue;
    }
    Case c{cc};
    if (auto* send = cc->comm->as<SendStmt>()) {
      c.isSend = true;
      c.elemType = send->chan->type->under<types::Chan>()->elem;
      c.ch = alloc(1);
      as.pointerSlot(c.ch);
      expr(send->chan, c.ch);
      c.elem = allocFor(c.elemType);
      exprTo(send->value, c.elemType, c.elem);
    } else {
      c.recv = recvOfComm(cc->comm);
      if (c.recv == nullptr) {
        mg.unsupported(cc->pos, "this select case");
        continue;
      }
      c.elemType = c.recv->x->type->under<types::Chan>()->elem;
      c.ch = alloc(1);
      as.pointerSlot(c.ch);
      expr(c.recv->x, c.ch);
      c.elem = allocFor(c.elemType);
    }
    cases.push_back(c);
  }
  if (cases.size() > 0x7FFF) {
    mg.unsupported(s->pos, "a select with this many cases");
    cases.clear();
  }
  Slot table = alloc(static_cast<uint32_t>(cases.size() * 3));
  for (size_t k = 0; k < cases.size(); ++k) {
    Slot t = static_cast<Slot>(table + 3 * k);
    as.pointerSlot(t);
    emit(Op::MOV, t, cases[k].ch);
    loadInt(static_cast<Slot>(t + 1), cases[k].elem);
    loadInt(static_cast<Slot>(t + 2), cases[k].isSend ? 1 : 0);
  }
  Slot result = alloc(2);
  line(s->pos);
  emit(Op::SELECT, result, table, static_cast<unsigned>(cases.size()) | (dflt >= 0 ? 0x8000u : 0u));

  std::vector<Label> entry;
  for (size_t k = 0; k < cases.size(); ++k) {
    entry.push_back(as.newLabel());
    as.jump(Op::JEQI, result, static_cast<uint16_t>(k), entry[k]);
  }
  Label dfltL = as.newLabel();
  as.jump(Op::JMP, dflt >= 0 ? dfltL : brk);

  for (size_t k = 0; k < cases.size(); ++k) {
    as.bind(entry[k]);
    const Case& c = cases[k];
    if (auto* a = c.clause->comm->as<AssignStmt>(); a && !c.isSend) {
      // v [, ok] = / := what was received, then the clause.
      bool isDefine = a->tok == Tok::Define;
      if (isDefine) {
        for (Expr* e : a->lhs) {
          auto* id = unparen(e)->as<Ident>();
          if (!id || id->name == "_" || !id->isDef) continue;
          if (auto* v = id->obj ? id->obj->as<types::Var>() : nullptr) declareVar(v);
        }
      }
      line(a->pos);
      std::vector<std::pair<Slot, const Type*>> vals{{c.elem, c.elemType}};
      const Type* boolT = mg.u.basic(types::BasicKind::Bool);
      if (a->lhs.size() > 1) vals.emplace_back(static_cast<Slot>(result + 1), boolT);
      for (size_t j = 0; j < a->lhs.size() && j < vals.size(); ++j) {
        auto* id = unparen(a->lhs[j])->as<Ident>();
        if (id && id->name == "_") continue;
        Mark mm = mark();
        Place p = place(a->lhs[j]);
        Slot v = allocFor(p.type);
        convertValue(vals[j].second, p.type, vals[j].first, v);
        storePlace(p, v);
        release(mm);
      }
    }
    block(c.clause->body);
    as.jump(Op::JMP, brk);
  }
  if (dflt >= 0) {
    as.bind(dfltL);
    block(clauses[static_cast<size_t>(dflt)]->body);
    as.jump(Op::JMP, brk);
  }
  as.bind(brk);
  targets.pop_back();
  release(m);
}

}  // namespace gol::lang::cg
