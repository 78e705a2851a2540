// Escape analysis over the typed AST; the design is in escape.h.
//
// This file has two parts: the per-batch graph builder and solver (class
// Batch), and the driver (SCCs of the call graph, the Result table,
// rendering). Type queries, how gc prints and places expressions, and the
// tags of natives are in escape_support.h.
#include "lang/escape.h"

#include "lang/escape_support.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include <fmt/core.h>

#include "lang/frontend.h"
#include "lang/types.h"

namespace gol::lang::escape {

using types::Type;

using namespace support;

// ---------------------------------------------------------------------------
// Leaks

void Leaks::addHeap(int derefs) {
  if (heap < 0 || derefs < heap) heap = derefs;
}
void Leaks::addResult(int i, int derefs) {
  if (result[i] < 0 || derefs < result[i]) result[i] = derefs;
}
void Leaks::optimize() {
  if (heap < 0) return;
  for (int& r : result)
    if (r >= heap) r = -1;
}

// ---------------------------------------------------------------------------
// The graph of one batch and its solver.

namespace {

struct FuncCtx;
struct Location;

struct Note {
  std::string where;  // the expression or statement, as gc prints it
  const char* why;
  Pos pos;
};

struct Edge {
  Location* src;
  int derefs;
  std::vector<Note> notes;
};

struct Location {
  const types::Var* var = nullptr;  // a variable
  const Node* node = nullptr;       // an allocation site
  SiteKind kind = SiteKind::New;
  std::string text;                 // name or expression, as gc prints it
  Pos pos;
  FuncCtx* fn = nullptr;
  int loopDepth = 0;
  bool isHeap = false;
  bool isParam = false;
  bool isResult = false;
  int resultIndex = -1;
  bool report = true;        // becomes a message (in the reported file)
  bool escapes = false;
  bool addrTaken = false;
  bool reassigned = false;
  bool capturedByRef = false;
  bool captured = false;
  std::vector<Edge> edges;   // flows into this location
  // Walk state.
  uint32_t walkgen = 0;
  int derefs = 0;
  Location* dst = nullptr;
  int dstEdge = -1;
  bool queued = false;
  Leaks paramEsc;
  std::vector<std::string> explain;  // -m=2, when it escaped
  std::string explainHeader;
  Pos explainPos;
};

struct Hole {
  Location* dst = nullptr;  // null: the value is discarded
  int derefs = 0;
  std::vector<Note> notes;

  Hole shift(int d) const {
    Hole h = *this;
    h.derefs += d;
    return h;
  }
  Hole note(std::string where, const char* why, Pos pos) const {
    Hole h = *this;
    if (h.dst && !tQuiet) h.notes.push_back(Note{std::move(where), why, pos});
    return h;
  }
  // Set while a batch that reports nothing runs (see Batch): notes only
  // serve -m=2 explanations.
  static thread_local bool tQuiet;
};

thread_local bool Hole::tQuiet = false;

struct FuncCtx {
  const Node* node = nullptr;      // FuncDecl or FuncLit
  const types::Func* obj = nullptr;
  const types::Signature* sig = nullptr;
  FuncCtx* outer = nullptr;
  BlockStmt* body = nullptr;
  const FuncLit* lit = nullptr;    // for closures
  std::string name;                // for -m=2 ("main", "main.func1")
  std::vector<Location*> params;   // receiver first
  std::vector<const types::Var*> paramVars;
  std::vector<Location*> results;
  std::set<const LabeledStmt*> loopingLabels;
  int closures = 0;
};

bool containsClosure(const FuncCtx* f, const FuncCtx* c) {
  if (f == c) return false;
  for (const FuncCtx* p = c ? c->outer : nullptr; p; p = p->outer)
    if (p == f) return true;
  return false;
}

}  // namespace

class Batch {
 public:
  Batch(Analyzer& an, Result& res, const SourceSet& sources, const types::Package* pkg)
      : an_(an), res_(res), sources_(sources), printer_(pkg), posf_(sources) {
    heap_.isHeap = true;
    heap_.escapes = true;
    heap_.text = "{heap}";
    heap_.report = false;
    // Nothing will be reported (codegen's analysis): skip building the
    // texts of messages and explanations, most of the analysis' time.
    printer_.quiet = posf_.quiet = an.options_.reportFile < 0 && an.options_.verbosity < 2;
    Hole::tQuiet = printer_.quiet;
  }
  ~Batch() { Hole::tQuiet = false; }

  // Declares the functions of the batch (so calls among them wire to their
  // parameters), then walks each body.
  void run(const std::vector<FuncDecl*>& decls, const std::vector<types::Initializer*>& inits) {
    std::vector<FuncCtx*> ctxs;
    for (FuncDecl* d : decls) ctxs.push_back(declareFunc(d));
    for (FuncDecl* d : decls) findStaticValues(d->body);
    for (FuncCtx* f : ctxs) walkFunc(f);
    if (!inits.empty()) walkGlobals(inits);
    for (auto& [k, lit] : closures_) flowClosure(k, lit);
    walkAll();
    finish(decls);
  }

 private:
  // -------------------------------------------------------------------------
  // Locations and holes

  Location* newLoc(const Node* node, const types::Var* var, std::string text, Pos pos) {
    locs_.push_back(std::make_unique<Location>());
    Location* l = locs_.back().get();
    l->node = node;
    l->var = var;
    l->text = std::move(text);
    l->pos = pos;
    l->fn = fn_;
    l->loopDepth = loopDepth_;
    l->report = reportable(pos) && !suppressReports_;
    return l;
  }

  bool reportable(Pos p) const { return p.valid() && p.file == an_.options_.reportFile; }

  Location* varLoc(const types::Var* v, Pos pos) {
    auto it = varLocs_.find(v);
    if (it != varLocs_.end()) return it->second;
    Location* l = newLoc(nullptr, v, v->name, pos.valid() ? pos : v->pos);
    varLocs_[v] = l;
    return l;
  }

  // A variable seen before its declaration was walked: we do not know its
  // loop depth, so it goes to the heap.
  Location* lateVarLoc(const types::Var* v) {
    auto it = varLocs_.find(v);
    if (it != varLocs_.end()) return it->second;
    Location* l = varLoc(v, v->pos);
    l->escapes = true;
    return l;
  }

  Hole heapHole() { return Hole{&heap_, 0, {}}; }
  static Hole discard() { return Hole{}; }
  Hole holeOf(Location* l) { return Hole{l, 0, {}}; }

  // A new location for the storage allocated by n; its address flows to k.
  Hole spill(const Hole& k, const Node* n, SiteKind kind, std::string text, Pos pos) {
    Location* l = newLoc(n, nullptr, std::move(text), pos);
    l->kind = kind;
    sites_.push_back(l);
    flow(k.shift(-1).note(l->text, "spill", pos), l);
    return holeOf(l);
  }

  void heapAlloc(Location* l, const char* why) {
    flow(heapHole().shift(-1).note(l->text, why, l->pos), l);
  }

  void flow(const Hole& k, Location* src) {
    if (!src) return;
    if (k.derefs < 0) src->addrTaken = true;  // even when the value is discarded
    if (!k.dst) return;
    if (k.dst == src && k.derefs >= 0) return;
    if (k.dst->escapes && k.derefs < 0) {
      markEscapes(src, k.dst, &k.notes, k.derefs);
      return;
    }
    k.dst->edges.push_back(Edge{src, k.derefs, k.notes});
  }

  Hole tee(std::vector<Hole> ks) {
    std::vector<Hole> live;
    for (auto& k : ks)
      if (k.dst) live.push_back(std::move(k));
    if (live.empty()) return discard();
    if (live.size() == 1) return live[0];
    // "p = &tmp; tmp = q" is not "p = &q": an address cannot go through a
    // temporary, so a hole taking one sends the address to the heap instead.
    int least = 0;
    for (auto& k : live) least = std::min(least, k.derefs);
    if (least < 0) return heapHole().shift(least);
    Location* t = newLoc(nullptr, nullptr, "{temp}", Pos{});
    t->report = false;
    for (auto& k : live) flow(k, t);
    return holeOf(t);
  }

  // -------------------------------------------------------------------------
  // Functions

  FuncCtx* newFunc(const Node* node, const types::Signature* sig, FuncCtx* outer) {
    funcs_.push_back(std::make_unique<FuncCtx>());
    FuncCtx* f = funcs_.back().get();
    f->node = node;
    f->sig = sig;
    f->outer = outer;
    return f;
  }

  void declareParams(FuncCtx* f, FieldList* recv, FuncType* ft) {
    FuncCtx* saved = fn_;
    int savedDepth = loopDepth_;
    fn_ = f;
    loopDepth_ = 0;
    auto addParams = [&](FieldList* fl, const types::Tuple* tuple, bool results) {
      size_t idx = 0;
      if (!fl) return;
      for (Field* fld : fl->list) {
        size_t n = fld->names.empty() ? 1 : fld->names.size();
        for (size_t j = 0; j < n; ++j, ++idx) {
          const types::Var* v = nullptr;
          Pos pos = fld->pos;
          if (!fld->names.empty()) {
            Ident* id = fld->names[j];
            pos = id->pos;
            if (id->obj) v = id->obj->as<types::Var>();
          } else if (tuple && idx < tuple->vars.size()) {
            v = tuple->vars[idx];
          }
          Location* l;
          if (v) {
            l = varLoc(v, pos);
          } else {
            l = newLoc(nullptr, nullptr, "_", pos);
            l->report = false;
          }
          if (results) {
            l->isResult = true;
            l->resultIndex = static_cast<int>(f->results.size());
            if (!v || v->name.empty() || v->name == "_") l->text = fmt::format("~r{}", f->results.size());
            f->results.push_back(l);
          } else {
            l->isParam = true;
            f->params.push_back(l);
            f->paramVars.push_back(v && !v->name.empty() && v->name != "_" ? v : nullptr);
          }
        }
      }
    };
    if (recv) addParams(recv, nullptr, false);
    addParams(ft->params, f->sig ? f->sig->params : nullptr, false);
    addParams(ft->results, f->sig ? f->sig->results : nullptr, true);
    fn_ = saved;
    loopDepth_ = savedDepth;
  }

  FuncCtx* declareFunc(FuncDecl* d) {
    FuncCtx* f = newFunc(d, d->obj ? d->obj->signature() : nullptr, nullptr);
    f->obj = d->obj;
    f->body = d->body;
    f->name = d->name ? d->name->name : "?";
    if (d->name && d->name->name != "init") batchFuncs_[d->obj] = f;  // init cannot be called
    declareParams(f, d->recv, d->sig);
    return f;
  }

  void findLoopingLabels(FuncCtx* f);
  void findStaticValues(BlockStmt* body);

  // The expression a local variable always holds (Go's ir.StaticValue):
  // defined once with a value, never assigned again, never address-taken.
  // Whether a function literal is only ever called directly: written as the
  // callee of a call, or held by a static variable used only as a callee.
  bool staticOnly(const FuncLit* lit) {
    if (lostLits_.count(lit)) return false;
    if (directCallees_.count(lit)) return true;
    auto it = staticLitVar_.find(lit);
    return it != staticLitVar_.end() && !nonCallUses_.count(it->second) && !assigned_.count(it->second) &&
           !it->second->addressTaken;
  }

  Expr* staticValue(const Ident* id) {
    auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
    if (!v || v->isGlobal || v->isParam || v->addressTaken || assigned_.count(v)) return nullptr;
    auto it = defExpr_.find(v);
    return it == defExpr_.end() ? nullptr : unparen(it->second);
  }

  void walkFunc(FuncCtx* f) {
    FuncCtx* saved = fn_;
    int savedDepth = loopDepth_;
    fn_ = f;
    loopDepth_ = 0;
    findLoopingLabels(f);
    if (f->body) block(f->body);
    fn_ = saved;
    loopDepth_ = savedDepth;
  }

  void walkGlobals(const std::vector<types::Initializer*>& inits) {
    FuncCtx* f = newFunc(nullptr, nullptr, nullptr);
    f->name = "init";
    FuncCtx* saved = fn_;
    fn_ = f;
    for (types::Initializer* in : inits) {
      if (!in->rhs) continue;
      Expr* rhs = unparen(in->rhs);
      // Composite literals, &T{...} and func literals initialising globals
      // are static data: gc reports nothing for them.
      bool isMapLit = rhs->is<CompositeLit>() && rhs->type && rhs->type->under<types::Map>();
      bool isStatic = (rhs->is<CompositeLit>() && !isMapLit) || rhs->is<FuncLit>() ||
                      (rhs->is<UnaryExpr>() && rhs->as<UnaryExpr>()->op == Tok::And &&
                       unparen(rhs->as<UnaryExpr>()->x)->is<CompositeLit>());
      bool saveSup = suppressReports_;
      if (isStatic) suppressReports_ = true;
      if (in->lhs.size() == 1) {
        exprTo(heapHole(), in->rhs, in->lhs[0]->type);
      } else if (auto* c = rhs->as<CallExpr>()) {
        std::vector<Hole> ks(in->lhs.size(), heapHole());
        call(ks, c);
      } else {
        expr(heapHole(), in->rhs);
      }
      suppressReports_ = saveSup;
    }
    fn_ = saved;
  }

  // -------------------------------------------------------------------------
  // Statements

  void block(BlockStmt* b) {
    if (!b) return;
    for (Stmt* s : b->list) stmt(s);
  }
  void stmts(const std::vector<Stmt*>& list) {
    for (Stmt* s : list) stmt(s);
  }

  void declareVar(Ident* id) {
    if (!id || !id->obj || id->name == "_") return;
    auto* v = id->obj->as<types::Var>();
    if (!v) return;
    Location* l = varLoc(v, id->pos);
    // Variables too large for a frame live on the heap whatever flows.
    if (typeSize(v->type) > kMaxStackVarSize) heapAlloc(l, "too large for stack");
  }

  // The hole for storing into lhs (an lvalue); declares defined names.
  Hole addr(Expr* lhs, bool define) {
    lhs = unparen(lhs);
    if (!lhs) return discard();
    switch (lhs->kind) {
      case NodeKind::Ident: {
        auto* id = lhs->as<Ident>();
        if (id->name == "_") return discard();
        auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
        if (!v) return heapHole();
        if (v->isGlobal) return heapHole();
        if (define && id->isDef) {
          declareVar(id);
          return holeOf(varLoc(v, id->pos));
        }
        Location* l = lateVarLoc(v);
        l->reassigned = true;
        return holeOf(l);
      }
      case NodeKind::SelectorExpr: {
        auto* s = lhs->as<SelectorExpr>();
        if (!s->selection) return heapHole();  // pkg.Var
        int derefs = fieldPathDerefs(s);
        if (derefs > 0) {
          expr(discard(), s->x);
          return heapHole();
        }
        return addr(s->x, false);
      }
      case NodeKind::IndexExpr: {
        auto* ix = lhs->as<IndexExpr>();
        const Type* xt = ix->x->type ? ix->x->type->underlying() : nullptr;
        if (xt && xt->is<types::Map>()) {
          expr(discard(), ix->x);
          exprTo(heapHole().note(printer_.str(lhs), "key of map put", posf_.pos(lhs)), ix->index,
                 xt->as<types::Map>()->key);
          return heapHole();
        }
        expr(discard(), ix->index);
        if (xt && xt->is<types::Array>()) return addr(ix->x, false);
        expr(discard(), ix->x);
        return heapHole();
      }
      case NodeKind::StarExpr:
        expr(discard(), lhs->as<StarExpr>()->x);
        return heapHole();
      default:
        expr(discard(), lhs);
        return heapHole();
    }
  }

  // The number of pointer indirections on the path of a field selection.
  int fieldPathDerefs(const SelectorExpr* s, size_t upto = SIZE_MAX) {
    const Type* t = s->x->type;
    int derefs = 0;
    const auto& idx = s->selection->index;
    size_t n = std::min(upto, idx.size());
    for (size_t i = 0; i < n; ++i) {
      if (!t) return 1;
      if (auto* p = t->under<types::Pointer>()) {
        ++derefs;
        t = p->elem;
      }
      auto* st = t->under<types::Struct>();
      if (!st || idx[i] < 0 || static_cast<size_t>(idx[i]) >= st->fields.size()) return derefs + 1;
      t = st->fields[static_cast<size_t>(idx[i])]->type;
    }
    return derefs;
  }

  // The type reached after the embedded-field steps of a method selection.
  const Type* methodRecvType(const SelectorExpr* s, int* derefs) {
    const Type* t = s->x->type;
    *derefs = 0;
    const auto& idx = s->selection->index;
    for (size_t i = 0; i + 1 < idx.size(); ++i) {
      if (!t) return nullptr;
      if (auto* p = t->under<types::Pointer>()) {
        ++*derefs;
        t = p->elem;
      }
      auto* st = t->under<types::Struct>();
      if (!st || idx[i] < 0 || static_cast<size_t>(idx[i]) >= st->fields.size()) return nullptr;
      t = st->fields[static_cast<size_t>(idx[i])]->type;
    }
    return t;
  }

  // gc's isSelfAssign: `x.f = x.f[lo:hi]` through a pointer, with indices
  // that cannot write memory.
  bool isSelfAssign(Expr* dst, Expr* src) {
    dst = unparen(dst);
    src = unparen(src);
    auto* sl = src ? src->as<SliceExpr>() : nullptr;
    auto* ds = dst ? dst->as<SelectorExpr>() : nullptr;
    if (!sl || !ds || !ds->selection || ds->selection->kind != types::Selection::Kind::FieldVal) return false;
    if (fieldPathDerefs(ds) == 0) return false;
    const Type* xt = sl->x->type ? sl->x->type->underlying() : nullptr;
    if (!xt || xt->is<types::Array>() || xt->is<types::Pointer>()) return false;
    for (Expr* i : {sl->low, sl->high, sl->max})
      if (mayAffectMemory(i)) return false;
    return sameSafeExpr(dst, sl->x);
  }

  static bool mayAffectMemory(Expr* e) {
    e = unparen(e);
    if (!e || e->mode == ExprMode::Constant) return false;
    switch (e->kind) {
      case NodeKind::Ident: return false;
      case NodeKind::BinaryExpr:
        return mayAffectMemory(e->as<BinaryExpr>()->x) || mayAffectMemory(e->as<BinaryExpr>()->y);
      case NodeKind::UnaryExpr:
        return e->as<UnaryExpr>()->op == Tok::Arrow || e->as<UnaryExpr>()->op == Tok::And ||
               mayAffectMemory(e->as<UnaryExpr>()->x);
      case NodeKind::SelectorExpr: return mayAffectMemory(e->as<SelectorExpr>()->x);
      case NodeKind::StarExpr: return mayAffectMemory(e->as<StarExpr>()->x);
      case NodeKind::IndexExpr: {
        auto* ix = e->as<IndexExpr>();
        const Type* xt = ix->x->type ? ix->x->type->underlying() : nullptr;
        if (xt && xt->is<types::Map>()) return true;
        return mayAffectMemory(ix->x) || mayAffectMemory(ix->index);
      }
      case NodeKind::CallExpr: {
        auto* c = e->as<CallExpr>();
        auto* id = unparen(c->fun) ? unparen(c->fun)->as<Ident>() : nullptr;
        bool lenCap = c->callKind == CallKind::Builtin && id && (id->name == "len" || id->name == "cap");
        if (c->callKind == CallKind::Conversion || lenCap)
          return c->args.size() != 1 || mayAffectMemory(c->args[0]);
        return true;
      }
      default: return true;
    }
  }

  static bool sameSafeExpr(Expr* a, Expr* b) {
    a = unparen(a);
    b = unparen(b);
    if (!a || !b || a->kind != b->kind) return false;
    switch (a->kind) {
      case NodeKind::Ident: {
        auto* x = a->as<Ident>();
        auto* y = b->as<Ident>();
        return x->obj && x->obj == y->obj && x->obj->is<types::Var>();
      }
      case NodeKind::SelectorExpr: {
        auto* x = a->as<SelectorExpr>();
        auto* y = b->as<SelectorExpr>();
        return x->selection && y->selection && x->selection->obj == y->selection->obj &&
               x->selection->kind == types::Selection::Kind::FieldVal &&
               y->selection->kind == types::Selection::Kind::FieldVal && sameSafeExpr(x->x, y->x);
      }
      case NodeKind::StarExpr: return sameSafeExpr(a->as<StarExpr>()->x, b->as<StarExpr>()->x);
      default: return false;
    }
  }

  // gc's name for a function in messages: f, (*T).M, T.M, f.func1.
  std::string funcName(const FuncCtx* f) {
    if (!f) return "?";
    if (f->lit || !f->obj) return f->name;
    const types::Signature* sig = f->obj->signature();
    if (sig && sig->recv) {
      const Type* rt = sig->recv->type;
      bool ptr = false;
      if (auto* p = rt ? rt->as<types::Pointer>() : nullptr) {
        rt = p->elem;
        ptr = true;
      }
      auto* n = rt ? rt->as<types::Named>() : nullptr;
      std::string tn = n ? n->obj->name : "?";
      return ptr ? fmt::format("(*{}).{}", tn, f->obj->name) : fmt::format("{}.{}", tn, f->obj->name);
    }
    return f->obj->name;
  }

  void markReassigned(Expr* lhs) {
    lhs = unparen(lhs);
    if (auto* id = lhs ? lhs->as<Ident>() : nullptr) {
      auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
      if (v && !v->isGlobal) lateVarLoc(v)->reassigned = true;
    }
  }

  const Type* lhsType(Expr* lhs) {
    lhs = unparen(lhs);
    if (!lhs) return nullptr;
    if (auto* id = lhs->as<Ident>()) {
      if (id->obj && id->obj->is<types::Var>()) return id->obj->type;
    }
    return lhs->type;
  }

  void assign(AssignStmt* a) {
    bool define = a->tok == Tok::Define;
    std::string where = stmtString(a);
    if (a->tok != Tok::Assign && a->tok != Tok::Define) {  // op-assign
      Hole k = addr(a->lhs[0], false);
      markReassigned(a->lhs[0]);
      expr(k.note(where, "assign", a->tokPos), a->rhs[0]);
      return;
    }
    if (a->lhs.size() == a->rhs.size()) {
      std::vector<Hole> ks;
      for (Expr* l : a->lhs) ks.push_back(addr(l, define));
      for (size_t i = 0; i < a->rhs.size(); ++i) {
        if (!define && isSelfAssign(a->lhs[i], a->rhs[i])) {
          // b.buf = b.buf[i:j] stores no pointer b did not already hold.
          if (reportable(a->tokPos))
            message(a->tokPos, fmt::format("{} ignoring self-assignment in {}", funcName(fn_),
                                           printer_.str(a->lhs[i]) + " = " + printer_.str(a->rhs[i])));
          ks[i] = discard();
        }
        exprTo(ks[i].note(where, a->lhs.size() > 1 ? "assign-pair" : "assign", a->tokPos), a->rhs[i],
               lhsType(a->lhs[i]));
      }
      return;
    }
    // v1, v2 := f() or a comma-ok form.
    std::vector<Hole> ks;
    for (Expr* l : a->lhs) ks.push_back(addr(l, define).note(where, "assign-pair", a->tokPos));
    multiValue(ks, a->rhs.empty() ? nullptr : a->rhs[0]);
  }

  // Evaluates a multi-valued expression into one hole per value.
  void multiValue(std::vector<Hole>& ks, Expr* rhs) {
    rhs = unparen(rhs);
    if (!rhs) return;
    if (auto* c = rhs->as<CallExpr>(); c && c->callKind != CallKind::Conversion) {
      call(ks, c);
      return;
    }
    if (auto* ta = rhs->as<TypeAssertExpr>()) {
      expr(dotType(ks.empty() ? discard() : ks[0], ta->type), ta->x);
      return;
    }
    if (auto* ix = rhs->as<IndexExpr>()) {  // v, ok := m[k]
      expr(discard(), ix->x);
      expr(discard(), ix->index);
      return;
    }
    expr(discard(), rhs);  // v, ok := <-ch
  }

  Hole dotType(const Hole& k, const Type* t) {
    if (t && !isIface(t) && !isDirectIface(t)) return k.shift(1);
    return k;
  }

  void stmt(Stmt* s) {
    if (!s) return;
    switch (s->kind) {
      case NodeKind::DeclStmt: {
        auto* g = s->as<DeclStmt>()->decl ? s->as<DeclStmt>()->decl->as<GenDecl>() : nullptr;
        if (!g || g->tok != Tok::Var) return;
        for (Spec* sp : g->specs) {
          auto* vs = sp->as<ValueSpec>();
          if (!vs) continue;
          std::vector<Hole> ks;
          for (Ident* id : vs->names) {
            declareVar(id);
            auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
            ks.push_back(v && id->name != "_" ? holeOf(varLoc(v, id->pos)) : discard());
          }
          if (vs->values.size() == vs->names.size()) {
            for (size_t i = 0; i < vs->values.size(); ++i)
              exprTo(ks[i].note(fmt::format("var {}", vs->names[i]->name), "assign", vs->names[i]->pos),
                     vs->values[i], vs->names[i]->obj ? vs->names[i]->obj->type : nullptr);
          } else if (vs->values.size() == 1) {
            multiValue(ks, vs->values[0]);
          }
        }
        return;
      }
      case NodeKind::LabeledStmt: {
        auto* l = s->as<LabeledStmt>();
        if (fn_->loopingLabels.count(l)) ++loopDepth_;  // stays for the rest of the function
        stmt(l->stmt);
        return;
      }
      case NodeKind::ExprStmt: {
        Expr* x = unparen(s->as<ExprStmt>()->x);
        if (auto* c = x ? x->as<CallExpr>() : nullptr) {
          std::vector<Hole> ks;
          call(ks, c);
        } else {
          expr(discard(), x);
        }
        return;
      }
      case NodeKind::SendStmt: {
        auto* snd = s->as<SendStmt>();
        expr(discard(), snd->chan);
        const Type* ct = snd->chan->type;
        auto* ch = ct ? ct->under<types::Chan>() : nullptr;
        exprTo(heapHole().note(stmtString(s), "send", s->pos), snd->value, ch ? ch->elem : nullptr);
        return;
      }
      case NodeKind::IncDecStmt:
        addr(s->as<IncDecStmt>()->x, false);
        markReassigned(s->as<IncDecStmt>()->x);
        return;
      case NodeKind::AssignStmt: assign(s->as<AssignStmt>()); return;
      case NodeKind::GoStmt: goDefer(s->as<GoStmt>()->call, true, s); return;
      case NodeKind::DeferStmt: goDefer(s->as<DeferStmt>()->call, false, s); return;
      case NodeKind::ReturnStmt: {
        auto* r = s->as<ReturnStmt>();
        std::string where = "return";
        for (size_t i = 0; i < r->results.size(); ++i) where += (i ? ", " : " ") + printer_.str(r->results[i]);
        std::vector<Hole> ks;
        for (Location* res : fn_->results) ks.push_back(holeOf(res).note(where, "return", s->pos));
        if (r->results.size() == ks.size()) {
          for (size_t i = 0; i < ks.size(); ++i)
            exprTo(ks[i], r->results[i], fn_->results[i]->var ? fn_->results[i]->var->type : nullptr);
        } else if (r->results.size() == 1) {
          multiValue(ks, r->results[0]);
        } else {
          for (Expr* e : r->results) expr(heapHole(), e);
        }
        return;
      }
      case NodeKind::BlockStmt: block(s->as<BlockStmt>()); return;
      case NodeKind::IfStmt: {
        auto* i = s->as<IfStmt>();
        stmt(i->init);
        expr(discard(), i->cond);
        // gc removes the branch a constant condition never takes before
        // escape analysis, and reports nothing in it; so do we (codegen
        // finds no facts there and allocates on the heap).
        int known = constBool(i->cond);
        if (known != 0) block(i->body);
        if (known != 1) stmt(i->elseStmt);
        return;
      }
      case NodeKind::SwitchStmt: {
        auto* sw = s->as<SwitchStmt>();
        stmt(sw->init);
        expr(discard(), sw->tag);
        // A switch on a constant bool: gc keeps only the case it takes
        // when every case before it is a constant too.
        // gc keeps only the taken case of a switch on a constant bool when
        // every case before it is constant (and the cases it falls into).
        int tag = sw->tag ? constBool(sw->tag) : 1;
        const CaseClause* taken = nullptr;
        if (tag >= 0) {
          for (Stmt* c : sw->body->list) {
            auto* cc = c->as<CaseClause>();
            if (!cc || cc->list.empty()) continue;
            bool allConst = true, match = false;
            for (Expr* e : cc->list) {
              int v = constBool(e);
              if (v < 0) allConst = false;
              else if (v == tag) match = true;
            }
            if (match) {
              taken = cc;
              break;
            }
            if (!allConst) break;
          }
        }
        bool walking = taken == nullptr;
        for (Stmt* c : sw->body->list) {
          auto* cc = c->as<CaseClause>();
          if (!cc) continue;
          if (cc == taken) walking = true;
          if (!walking) continue;
          for (Expr* e : cc->list) expr(discard(), e);
          stmts(cc->body);
          if (taken)
            walking = !cc->body.empty() && cc->body.back()->is<BranchStmt>() &&
                      cc->body.back()->as<BranchStmt>()->tok == Tok::Fallthrough;
        }
        return;
      }
      case NodeKind::TypeSwitchStmt: {
        auto* ts = s->as<TypeSwitchStmt>();
        stmt(ts->init);
        Expr* x = nullptr;
        if (auto* as = ts->assign ? ts->assign->as<AssignStmt>() : nullptr) {
          if (!as->rhs.empty()) x = as->rhs[0];
        } else if (auto* es = ts->assign ? ts->assign->as<ExprStmt>() : nullptr) {
          x = es->x;
        }
        if (auto* ta = unparen(x) ? unparen(x)->as<TypeAssertExpr>() : nullptr) x = ta->x;
        std::vector<Hole> ks;
        for (Stmt* c : ts->body->list) {
          auto* cc = c->as<CaseClause>();
          if (!cc || !cc->implicitVar) continue;
          Location* l = varLoc(cc->implicitVar, cc->implicitVar->pos);
          l->report = false;  // gc reports type switch variables at the guard
          if (hasPointers(cc->implicitVar->type)) ks.push_back(dotType(holeOf(l), cc->implicitVar->type));
        }
        expr(tee(ks), x);
        for (Stmt* c : ts->body->list)
          if (auto* cc = c->as<CaseClause>()) stmts(cc->body);
        return;
      }
      case NodeKind::SelectStmt: {
        for (Stmt* c : s->as<SelectStmt>()->body->list) {
          auto* cc = c->as<CommClause>();
          if (!cc) continue;
          stmt(cc->comm);
          stmts(cc->body);
        }
        return;
      }
      case NodeKind::ForStmt: {
        auto* f = s->as<ForStmt>();
        // Go 1.22 loop variables are per iteration: declared inside the loop.
        ++loopDepth_;
        stmt(f->init);
        expr(discard(), f->cond);
        // The post statement updates the next iteration's copy of a loop
        // variable: not a reassignment of the one a closure captured.
        std::vector<const types::Var*> loopVars;
        if (auto* as = f->init ? f->init->as<AssignStmt>() : nullptr; as && as->tok == Tok::Define)
          for (Expr* l : as->lhs)
            if (auto* id = unparen(l) ? unparen(l)->as<Ident>() : nullptr; id && id->isDef && id->obj)
              if (auto* v = id->obj->as<types::Var>()) loopVars.push_back(v);
        std::vector<bool> before;
        for (const types::Var* v : loopVars) before.push_back(lateVarLoc(v)->reassigned);
        stmt(f->post);
        for (size_t i = 0; i < loopVars.size(); ++i) lateVarLoc(loopVars[i])->reassigned = before[i];
        block(f->body);
        --loopDepth_;
        return;
      }
      case NodeKind::RangeStmt: {
        auto* r = s->as<RangeStmt>();
        Location* tmp = newLoc(nullptr, nullptr, "{temp}", Pos{});
        tmp->report = false;
        expr(holeOf(tmp), r->x);
        ++loopDepth_;
        bool define = r->tok == Tok::Define;
        Hole kk = r->key ? addr(r->key, define) : discard();
        Hole kv = r->value ? addr(r->value, define) : discard();
        (void)kk;
        if (!define) {
          if (r->key) markReassigned(r->key);
          if (r->value) markReassigned(r->value);
        }
        const Type* xt = r->x && r->x->type ? r->x->type->underlying() : nullptr;
        if (xt && xt->is<types::Array>())
          flow(kv.note("range", "range", s->pos), tmp);
        else
          flow(kv.shift(1).note("range", "range-deref", s->pos), tmp);
        block(r->body);
        --loopDepth_;
        return;
      }
      case NodeKind::CaseClause:
      case NodeKind::CommClause:
      case NodeKind::BranchStmt:
      case NodeKind::EmptyStmt:
      case NodeKind::BadStmt:
        return;
      default:
        return;
    }
  }

  // 1 or 0 for a constant bool expression, -1 otherwise.
  static int constBool(const Expr* e) {
    if (!e || e->mode != ExprMode::Constant || e->value.kind() != ConstValue::Kind::Bool) return -1;
    return e->value.boolVal() ? 1 : 0;
  }

  void goDefer(CallExpr* c, bool isGo, Stmt* s) {
    if (!c) return;
    bool topLevelDefer = !isGo && loopDepth_ == 0;
    if (topLevelDefer) {
      // Runs before the function returns: like a call made at that point.
      std::vector<Hole> ks;
      call(ks, c);
      return;
    }
    // A goroutine, or a defer that may run many times: the function value,
    // receiver and arguments all outlive this frame.
    Hole k = heapHole().note(stmtString(s), isGo ? "go" : "defer", s->pos);
    callAllTo(k, c);
  }

  // Evaluates the callee and every argument of c into k (a call whose
  // arguments escape wholesale).
  void callAllTo(const Hole& k, CallExpr* c) {
    Expr* fun = unparen(c->fun);
    if (c->callKind == CallKind::Builtin || c->callKind == CallKind::Conversion) {
      std::vector<Hole> ks;
      // Builtins in go/defer: their operands escape.
      for (Expr* a : c->args)
        if (a && a->mode != ExprMode::TypeExpr) expr(k, a);
      return;
    }
    if (auto* sel = fun->as<SelectorExpr>(); sel && sel->selection &&
                                             sel->selection->kind == types::Selection::Kind::MethodVal) {
      auto* m = sel->selection->obj ? sel->selection->obj->as<types::Func>() : nullptr;
      int d = 0;
      const Type* rt = methodRecvType(sel, &d);
      bool ptrRecv = m && m->hasPtrRecv();
      bool rtPtr = rt && rt->under<types::Pointer>();
      int adj = d;
      if (rt && !isIface(rt)) {
        if (ptrRecv && !rtPtr) adj -= 1;
        if (!ptrRecv && rtPtr) adj += 1;
      }
      expr(k.shift(adj), sel->x);
    } else {
      expr(k, fun);
    }
    args(c, [&](size_t, const Type*) { return k; });
  }

  // -------------------------------------------------------------------------
  // Calls

  // Calls f(p) for each argument with its parameter's type, packing the
  // variadic tail into a "... argument" slice as gc does.
  template <typename ParamHole>
  void args(CallExpr* c, ParamHole paramHole, size_t skip = 0) {
    const types::Signature* sig = calleeSig(c);
    std::vector<Expr*> as(c->args.begin() + static_cast<long>(std::min(skip, c->args.size())), c->args.end());
    if (!sig) {
      for (size_t i = 0; i < as.size(); ++i) expr(paramHole(i, nullptr), as[i]);
      return;
    }
    size_t np = sig->params->size();
    // f(g()) with g multi-valued.
    if (as.size() == 1 && as[0] && as[0]->type && as[0]->type->is<types::Tuple>() && np != 1) {
      std::vector<Hole> ks;
      for (size_t i = 0; i < as[0]->type->as<types::Tuple>()->size(); ++i) {
        const Type* pt = i < np ? sig->params->vars[i]->type : nullptr;
        if (sig->variadic && i + 1 >= np) {
          ks.push_back(heapHole());  // packed into a slice we do not model
        } else {
          ks.push_back(paramHole(i, pt));
        }
      }
      multiValue(ks, as[0]);
      return;
    }
    for (size_t i = 0; i < as.size(); ++i) {
      if (sig->variadic && i + 1 == np && !c->hasEllipsis) {
        // The implicit slice of the variadic tail.
        auto* st = sig->params->vars[np - 1]->type->under<types::Slice>();
        Hole k = paramHole(np - 1, sig->params->vars[np - 1]->type);
        Hole sk = spill(k, c, SiteKind::VarArgs, "... argument", c->lparen);
        if (typeSize(sig->params->vars[np - 1]->type) > 0 && st &&
            typeSize(st->elem) * static_cast<int64_t>(as.size() - i) > kMaxImplicitStackVarSize)
          heapAlloc(sites_.back(), "too large for stack");
        for (size_t j = i; j < as.size(); ++j)
          exprTo(sk.note("... argument", "slice-literal-element", c->lparen), as[j], st ? st->elem : nullptr);
        return;
      }
      const Type* pt = i < np ? sig->params->vars[i]->type : nullptr;
      exprTo(paramHole(i, pt), as[i], pt);
    }
  }

  const types::Signature* calleeSig(CallExpr* c) {
    Expr* fun = unparen(c->fun);
    if (!fun || !fun->type) return nullptr;
    auto* sig = fun->type->under<types::Signature>();
    if (!sig) return nullptr;
    // A method expression T.M has the receiver as its first parameter in
    // the checker's type; our caller skips it, so params line up.
    return sig;
  }

  void call(std::vector<Hole>& ks, CallExpr* c) {
    Expr* fun = unparen(c->fun);
    std::string where = printer_.str(c);
    Pos cpos = c->lparen;
    if (c->callKind == CallKind::Conversion) {
      Hole k = ks.empty() ? discard() : ks[0];
      conversion(k, c);
      return;
    }
    if (c->callKind == CallKind::Builtin) {
      builtin(ks, c);
      return;
    }
    auto noteHole = [&](Hole h) { return h.note(where, "call parameter", cpos); };
    // Resolve the callee.
    const types::Func* target = nullptr;
    FuncCtx* inBatch = nullptr;
    Expr* recvExpr = nullptr;
    int recvShift = 0;
    bool dynamic = false;
    size_t skipArgs = 0;
    if (auto* id = fun->as<Ident>()) {
      if (id->obj && id->obj->is<types::Func>()) {
        target = id->obj->as<types::Func>();
      } else if (Expr* sv = staticValue(id)) {
        // f := func(...){...} or f := pkg.F, never reassigned: a static call.
        if (auto* lit = sv->as<FuncLit>(); lit && litFuncs_.count(lit)) {
          inBatch = litFuncs_.at(lit);
        } else if (auto* lost = sv->as<FuncLit>()) {
          lostLits_.insert(lost);  // a call we could not wire: its results go anywhere
          dynamic = true;
        } else if (auto* fid = sv->as<Ident>(); fid && fid->obj && fid->obj->is<types::Func>()) {
          target = fid->obj->as<types::Func>();
        } else if (auto* fs = sv->as<SelectorExpr>();
                   fs && !fs->selection && fs->sel->obj && fs->sel->obj->is<types::Func>()) {
          target = fs->sel->obj->as<types::Func>();
        } else {
          dynamic = true;
        }
        if (!dynamic) expr(discard(), fun);
      } else {
        dynamic = true;
      }
    } else if (auto* sel = fun->as<SelectorExpr>()) {
      if (!sel->selection) {
        if (sel->sel->obj && sel->sel->obj->is<types::Func>()) target = sel->sel->obj->as<types::Func>();
        else dynamic = true;
      } else if (sel->selection->kind == types::Selection::Kind::MethodVal) {
        auto* m = sel->selection->obj ? sel->selection->obj->as<types::Func>() : nullptr;
        int d = 0;
        const Type* rt = methodRecvType(sel, &d);
        recvExpr = sel->x;
        recvShift = d;
        if (!m || !rt || isIface(rt)) {
          dynamic = true;
        } else {
          target = m;
          bool ptrRecv = m->hasPtrRecv();
          bool rtPtr = rt->under<types::Pointer>() != nullptr;
          if (ptrRecv && !rtPtr) recvShift -= 1;
          if (!ptrRecv && rtPtr) recvShift += 1;
        }
      } else if (sel->selection->kind == types::Selection::Kind::MethodExpr) {
        auto* m = sel->selection->obj ? sel->selection->obj->as<types::Func>() : nullptr;
        if (m && !isIface(sel->selection->recv) && sel->selection->index.size() == 1) {
          target = m;
          if (!c->args.empty()) {
            recvExpr = c->args[0];
            skipArgs = 1;
          }
        } else {
          dynamic = true;
        }
      } else {
        dynamic = true;  // a func-typed field
        expr(discard(), sel->x);
      }
    } else if (auto* lit = fun->as<FuncLit>()) {
      Hole k = discard();
      inBatch = funcLit(k, lit);
    } else {
      dynamic = true;
    }
    if (dynamic && !fun->is<SelectorExpr>()) expr(discard(), fun);

    if (target) {
      auto it = batchFuncs_.find(target);
      if (it != batchFuncs_.end()) inBatch = it->second;
    }
    size_t nres = 0;
    if (auto* sig = calleeSig(c)) nres = sig->results->size();
    ks.resize(std::max(ks.size(), nres));

    if (inBatch) {
      for (size_t i = 0; i < nres && i < inBatch->results.size(); ++i) flow(ks[i], inBatch->results[i]);
      size_t recvOff = target && target->signature()->recv ? 1 : 0;
      if (recvExpr && recvOff) expr(noteHole(holeOf(inBatch->params[0]).shift(recvShift)), recvExpr);
      args(c, [&](size_t i, const Type*) {
        size_t pi = i + recvOff;
        return pi < inBatch->params.size() ? noteHole(holeOf(inBatch->params[pi])) : heapHole();
      }, skipArgs);
      return;
    }
    const std::vector<Leaks>* tags = nullptr;
    if (target && !dynamic) tags = calleeTags(target);
    auto tagHole = [&](size_t pi) -> Hole {
      if (!tags || pi >= tags->size()) return noteHole(heapHole());
      const Leaks& l = (*tags)[pi];
      std::vector<Hole> hs;
      if (l.heap >= 0) hs.push_back(noteHole(heapHole()).shift(l.heap));
      for (size_t r = 0; r < static_cast<size_t>(Leaks::kNumResults) && r < ks.size(); ++r)
        if (l.result[r] >= 0) hs.push_back(noteHole(ks[r]).shift(l.result[r]));
      return tee(hs);
    };
    bool hasRecv = target && target->signature()->recv;
    size_t recvOff = hasRecv ? 1 : 0;
    if (recvExpr) {
      if (dynamic) expr(noteHole(heapHole()).shift(recvShift), recvExpr);
      else expr(tagHole(0).shift(recvShift), recvExpr);
    }
    args(c, [&](size_t i, const Type*) { return tagHole(i + recvOff); }, skipArgs);
  }

  void builtin(std::vector<Hole>& ks, CallExpr* c) {
    Expr* fun = unparen(c->fun);
    auto* id = fun->as<Ident>();
    auto* b = id && id->obj ? id->obj->as<types::Builtin>() : nullptr;
    Hole k = ks.empty() ? discard() : ks[0];
    std::string where = printer_.str(c);
    if (!b) {
      for (Expr* a : c->args) expr(heapHole(), a);
      return;
    }
    auto argAt = [&](size_t i) -> Expr* { return i < c->args.size() ? c->args[i] : nullptr; };
    switch (b->id) {
      case types::BuiltinId::Append: {
        Expr* s = argAt(0);
        if (!s) return;
        const Type* st = s->type;
        auto* sl = st ? st->under<types::Slice>() : nullptr;
        Hole appendee = k;
        if (sl && hasPointers(sl->elem))
          appendee = tee({k, heapHole().shift(1).note(where, "appendee slice", c->lparen)});
        expr(appendee, s);
        if (c->hasEllipsis) {
          Expr* t = argAt(1);
          const Type* tt = t ? t->type : nullptr;
          auto* tsl = tt ? tt->under<types::Slice>() : nullptr;
          if (tsl && hasPointers(tsl->elem)) expr(heapHole().shift(1).note(where, "appended slice...", c->lparen), t);
          else expr(discard(), t);
        } else {
          for (size_t i = 1; i < c->args.size(); ++i)
            exprTo(heapHole().note(where, "appended to slice", c->lparen), c->args[i], sl ? sl->elem : nullptr);
        }
        return;
      }
      case types::BuiltinId::Copy: {
        expr(discard(), argAt(0));
        Expr* src = argAt(1);
        auto* tsl = src && src->type ? src->type->under<types::Slice>() : nullptr;
        if (tsl && hasPointers(tsl->elem)) expr(heapHole().shift(1), src);
        else expr(discard(), src);
        return;
      }
      case types::BuiltinId::Panic:
        exprTo(heapHole().note(where, "call parameter", c->lparen), argAt(0), anyType());
        return;
      case types::BuiltinId::New: {
        const Type* t = argAt(0) ? argAt(0)->type : nullptr;
        spill(k, c, SiteKind::New, printer_.str(c), c->lparen);
        if (typeSize(t) > kMaxImplicitStackVarSize) heapAlloc(sites_.back(), "too large for stack");
        return;
      }
      case types::BuiltinId::Make: {
        const Type* t = argAt(0) ? argAt(0)->type : nullptr;
        const Type* u = t ? t->underlying() : nullptr;
        for (size_t i = 1; i < c->args.size(); ++i) expr(discard(), c->args[i]);
        if (u && u->is<types::Slice>()) {
          spill(k, c, SiteKind::MakeSlice, printer_.str(c), c->lparen);
          Expr* size = c->args.size() > 2 ? c->args[2] : argAt(1);
          if (!size || size->mode != ExprMode::Constant) {
            heapAlloc(sites_.back(), "non-constant size");
          } else {
            int64_t n = constInt(size);
            int64_t es = typeSize(u->as<types::Slice>()->elem);
            if (n < 0 || n > INT32_MAX || (es != 0 && n > kMaxImplicitStackVarSize / es))
              heapAlloc(sites_.back(), n < 0 || n > INT32_MAX ? "non-constant size" : "too large for stack");
          }
        } else if (u && u->is<types::Map>()) {
          spill(k, c, SiteKind::MakeMap, printer_.str(c), c->lparen);
        }
        // make(chan T): always the heap (the runtime allocates it); gc says nothing.
        return;
      }
      case types::BuiltinId::Min:
      case types::BuiltinId::Max:
        for (Expr* a : c->args) expr(k, a);
        return;
      case types::BuiltinId::Recover:
        return;
      default:  // len, cap, close, delete, clear, print, println, complex, real, imag
        for (Expr* a : c->args)
          if (a && a->mode != ExprMode::TypeExpr) expr(discard(), a);
        return;
    }
  }

  const Type* anyType() { return anyIface_; }

  const std::vector<Leaks>* calleeTags(const types::Func* f) {
    if (const std::vector<Leaks>* t = res_.tags(f)) return t;
    if (f->bodyPending) return nullptr;  // not analysed yet: unknown
    if (f->decl && !f->decl->body) {
      if (an_.options_.forCodegen && f->signature()) {
        const support::NativeTag* row = support::nativeTagRow(f);
        for (const types::Var* p : f->signature()->params->vars)
          if (p->type && p->type->under<types::Signature>() && !(row && row->callsBackSafely)) return nullptr;
      }
      return nativeTags(f);
    }
    return nullptr;
  }

  static int64_t constInt(const Expr* e) {
    std::string s = e->value.toString();
    char* end = nullptr;
    errno = 0;
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (!end || *end != 0 || errno) return -1;
    return v;
  }

  void conversion(Hole k, CallExpr* c) {
    if (c->mode == ExprMode::Constant || c->args.empty()) return;  // a constant: no storage
    Expr* x = c->args[0];
    const Type* to = c->type;
    const Type* from = x ? x->type : nullptr;
    if (isIface(to)) {
      if (!isIface(from) && from && !isUntypedNil(x)) {
        if (!isDirectIface(from)) k = spill(k, c, SiteKind::IfaceBox, printer_.str(c), posf_.pos(x));
      }
      expr(k.note(printer_.str(c), "interface-converted", posf_.pos(c)), x);
      return;
    }
    bool toString = isStringType(to);
    if ((toString && (isByteOrRuneSlice(from) || types::isInteger(from))) ||
        (isByteOrRuneSlice(to) && isStringType(from))) {
      spill(k, c, SiteKind::StrConv, printer_.str(c), posf_.pos(x));
      expr(discard(), x);
      return;
    }
    expr(k, x);
  }

  // x converted to type `to` first when that is an interface (an implicit
  // conversion: assignment, argument, return, literal element, send).
  void exprTo(Hole k, Expr* e, const Type* to) {
    if (!e) return;
    Expr* u = unparen(e);
    if (to && isIface(to) && u->type && !isIface(u->type) && !isUntypedNil(u) && !u->type->is<types::Tuple>() &&
        u->mode != ExprMode::NoValue) {
      std::string text = printer_.str(u);
      if (!isDirectIface(u->type)) k = spill(k, u, SiteKind::IfaceBox, text, posf_.pos(u));
      if (u->mode == ExprMode::Constant) return;
      expr(k.note(text, "interface-converted", posf_.pos(u)), u);
      return;
    }
    expr(k, e);
  }

  // -------------------------------------------------------------------------
  // Expressions

  void expr(Hole k, Expr* e) {
    e = unparen(e);
    if (!e) return;
    if (e->mode == ExprMode::TypeExpr || e->mode == ExprMode::Constant || e->mode == ExprMode::Builtin ||
        e->mode == ExprMode::Package)
      return;
    if (k.derefs >= 0 && e->type && !e->type->is<types::Tuple>() && !hasPointers(e->type)) k = discard();
    switch (e->kind) {
      case NodeKind::Ident: {
        auto* id = e->as<Ident>();
        auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
        if (!v || v->isGlobal) return;
        Location* l = lateVarLoc(v);
        flow(k, l);
        return;
      }
      case NodeKind::BasicLit:
        return;
      case NodeKind::FuncLit:
        funcLit(k, e->as<FuncLit>());
        return;
      case NodeKind::CompositeLit:
        compositeLit(k, e->as<CompositeLit>(), false);
        return;
      case NodeKind::SelectorExpr: {
        auto* s = e->as<SelectorExpr>();
        if (!s->selection) return;  // pkg.Name: a global or a function
        switch (s->selection->kind) {
          case types::Selection::Kind::FieldVal:
            expr(k.shift(fieldPathDerefs(s)).note(printer_.str(e), "dot", posf_.pos(e)), s->x);
            return;
          case types::Selection::Kind::MethodVal: {
            auto* m = s->selection->obj ? s->selection->obj->as<types::Func>() : nullptr;
            int d = 0;
            const Type* rt = methodRecvType(s, &d);
            Hole closure = spill(k, e, SiteKind::MethodValue, printer_.str(e), posf_.pos(e));
            if (!m || !rt || isIface(rt)) {
              expr(tee({closure, heapHole()}).shift(d), s->x);
              return;
            }
            bool ptrRecv = m->hasPtrRecv();
            bool rtPtr = rt->under<types::Pointer>() != nullptr;
            int adj = d;
            if (ptrRecv && !rtPtr) adj -= 1;
            if (!ptrRecv && rtPtr) adj += 1;
            // The method value may be called anywhere later: its receiver
            // reaches the parameter by its tag, with results to the heap.
            Hole param = heapHole();
            auto it = batchFuncs_.find(m);
            if (it != batchFuncs_.end() && !it->second->params.empty()) {
              for (Location* r : it->second->results) flow(heapHole(), r);
              param = holeOf(it->second->params[0]);
            } else if (auto* tags = calleeTags(m); tags && !tags->empty()) {
              const Leaks& l = (*tags)[0];
              int lv = l.heap;
              for (int r : l.result)
                if (r >= 0 && (lv < 0 || r < lv)) lv = r;
              param = lv >= 0 ? heapHole().shift(lv) : discard();
            }
            if (adj < 0) {
              // &x flows to both the closure and the parameter: combine at
              // the address level.
              Location* t = newLoc(nullptr, nullptr, "{temp}", Pos{});
              t->report = false;
              flow(closure, t);
              flow(param, t);
              expr(holeOf(t).shift(adj), s->x);
            } else {
              expr(tee({closure, param}).shift(adj), s->x);
            }
            return;
          }
          case types::Selection::Kind::MethodExpr:
            return;
        }
        return;
      }
      case NodeKind::IndexExpr: {
        auto* ix = e->as<IndexExpr>();
        const Type* xt = ix->x->type ? ix->x->type->underlying() : nullptr;
        if (xt && xt->is<types::Map>()) {
          expr(discard(), ix->x);
          exprTo(discard(), ix->index, xt->as<types::Map>()->key);
          return;
        }
        if (xt && xt->is<types::Array>())
          expr(k.note(printer_.str(e), "fixed-array-index-of", posf_.pos(e)), ix->x);
        else if (xt && xt->is<types::Pointer>())
          expr(k.shift(1).note(printer_.str(e), "dot of pointer", posf_.pos(e)), ix->x);
        else
          expr(k.shift(1).note(printer_.str(e), "dot of pointer", posf_.pos(e)), ix->x);
        expr(discard(), ix->index);
        return;
      }
      case NodeKind::SliceExpr: {
        auto* sx = e->as<SliceExpr>();
        const Type* xt = sx->x->type ? sx->x->type->underlying() : nullptr;
        Hole kk = k.note(printer_.str(e), "slice", posf_.pos(e));
        if (xt && xt->is<types::Array>()) kk = kk.shift(-1);  // a[:] is (&a)[:]
        expr(kk, sx->x);
        expr(discard(), sx->low);
        expr(discard(), sx->high);
        expr(discard(), sx->max);
        return;
      }
      case NodeKind::TypeAssertExpr: {
        auto* ta = e->as<TypeAssertExpr>();
        expr(dotType(k, e->type).note(printer_.str(e), "dot", posf_.pos(e)), ta->x);
        return;
      }
      case NodeKind::CallExpr: {
        std::vector<Hole> ks{k};
        call(ks, e->as<CallExpr>());
        return;
      }
      case NodeKind::StarExpr:
        expr(k.shift(1).note(printer_.str(e), "indirection", e->pos), e->as<StarExpr>()->x);
        return;
      case NodeKind::UnaryExpr: {
        auto* u = e->as<UnaryExpr>();
        if (u->op == Tok::And) {
          Expr* x = unparen(u->x);
          if (auto* cl = x->as<CompositeLit>()) {
            Hole sk = spill(k, e, SiteKind::PtrLit, printer_.str(e), e->pos);
            if (typeSize(cl->type) > kMaxImplicitStackVarSize) heapAlloc(sites_.back(), "too large for stack");
            compositeLit(sk, cl, true);
            return;
          }
          expr(k.shift(-1).note(printer_.str(e), "address-of", e->pos), x);
          return;
        }
        expr(discard(), u->x);  // -x, !x, ^x, <-ch
        return;
      }
      case NodeKind::BinaryExpr: {
        auto* b = e->as<BinaryExpr>();
        if (b->op == Tok::Add && isStringType(e->type)) {
          spill(k, e, SiteKind::Concat, printer_.str(e), b->opPos);
          concatOperands(b);
          return;
        }
        // x == y with one side an interface: the other is converted.
        if ((b->op == Tok::Eql || b->op == Tok::Neq) && b->x->type && b->y->type &&
            isIface(b->x->type) != isIface(b->y->type)) {
          bool xi = isIface(b->x->type);
          exprTo(discard(), b->x, xi ? nullptr : b->y->type);
          exprTo(discard(), b->y, xi ? b->x->type : nullptr);
          return;
        }
        expr(discard(), b->x);
        expr(discard(), b->y);
        return;
      }
      case NodeKind::KeyValueExpr:
        expr(k, e->as<KeyValueExpr>()->value);
        return;
      default:
        // Type expressions and bad expressions: no value, no storage.
        return;
    }
  }

  void concatOperands(BinaryExpr* b) {
    for (Expr* side : {b->x, b->y}) {
      Expr* u = unparen(side);
      if (auto* bb = u ? u->as<BinaryExpr>() : nullptr;
          bb && side == b->x && bb->op == Tok::Add && u->mode != ExprMode::Constant && isStringType(u->type)) {
        concatOperands(bb);
      } else {
        expr(discard(), side);
      }
    }
  }

  void compositeLit(Hole k, CompositeLit* cl, bool underPtr) {
    (void)underPtr;
    const Type* t = cl->type;
    if (t && t->under<types::Pointer>()) t = t->under<types::Pointer>()->elem;  // elided &T
    const Type* u = t ? t->underlying() : nullptr;
    if (!u) {
      for (Expr* el : cl->elts) expr(heapHole(), el);
      return;
    }
    std::string text = printer_.str(cl);
    if (auto* st = u->as<types::Struct>()) {
      for (size_t i = 0; i < cl->elts.size(); ++i) {
        Expr* el = cl->elts[i];
        const Type* ft = nullptr;
        if (auto* kv = el->as<KeyValueExpr>()) {
          auto* key = unparen(kv->key) ? unparen(kv->key)->as<Ident>() : nullptr;
          for (const types::Var* f : st->fields)
            if (key && f->name == key->name) ft = f->type;
          el = kv->value;
        } else if (i < st->fields.size()) {
          ft = st->fields[i]->type;
        }
        element(k.note(text, "struct literal element", cl->lbrace), el, ft);
      }
      return;
    }
    if (auto* at = u->as<types::Array>()) {
      for (Expr* el : cl->elts) {
        if (auto* kv = el->as<KeyValueExpr>()) el = kv->value;
        element(k.note(text, "array literal element", cl->lbrace), el, at->elem);
      }
      return;
    }
    if (auto* sl = u->as<types::Slice>()) {
      Hole sk = spill(k, cl, SiteKind::SliceLit, text, cl->lbrace);
      if (typeSize(sl->elem) * static_cast<int64_t>(cl->elts.size()) > kMaxImplicitStackVarSize)
        heapAlloc(sites_.back(), "too large for stack");
      for (Expr* el : cl->elts) {
        if (auto* kv = el->as<KeyValueExpr>()) el = kv->value;
        element(sk.note(text, "slice-literal-element", cl->lbrace), el, sl->elem);
      }
      return;
    }
    if (auto* mp = u->as<types::Map>()) {
      spill(k, cl, SiteKind::MapLit, text, cl->lbrace);
      for (Expr* el : cl->elts) {
        if (auto* kv = el->as<KeyValueExpr>()) {
          element(heapHole().note(text, "map literal key", cl->lbrace), kv->key, mp->key);
          element(heapHole().note(text, "map literal value", cl->lbrace), kv->value, mp->elem);
        } else {
          expr(heapHole(), el);
        }
      }
      return;
    }
    for (Expr* el : cl->elts) expr(heapHole(), el);
  }

  // One element of a composite literal: an elided `{...}` of a pointer
  // element type is an implicit &T{...}.
  void element(Hole k, Expr* el, const Type* et) {
    Expr* u = unparen(el);
    if (auto* cl = u ? u->as<CompositeLit>() : nullptr; cl && !cl->typeExpr && et && et->under<types::Pointer>()) {
      const Type* inner = et->under<types::Pointer>()->elem;
      std::string text = "&" + printer_.typeStr(inner) + (cl->elts.empty() ? "{}" : "{...}");
      Hole sk = spill(k, cl, SiteKind::PtrLit, text, cl->lbrace);
      if (typeSize(inner) > kMaxImplicitStackVarSize) heapAlloc(sites_.back(), "too large for stack");
      compositeLit(sk, cl, true);
      return;
    }
    exprTo(k, el, et);
  }

  // A closure: its storage is a site; its body is walked as a function of
  // this batch; captured variables are wired once the batch is walked.
  FuncCtx* funcLit(Hole k, FuncLit* lit) {
    Hole ck = spill(k, lit, SiteKind::Closure, "func literal", lit->pos);
    FuncCtx* f = newFunc(lit, lit->type ? lit->type->as<types::Signature>() : nullptr, fn_);
    f->body = lit->body;
    f->lit = lit;
    FuncCtx* top = fn_;
    while (top && top->outer) top = top->outer;
    f->name = fmt::format("{}.func{}", top ? top->name : "?", top ? ++top->closures : 0);
    for (types::Var* v : lit->captures) lateVarLoc(v)->captured = true;
    declareParams(f, nullptr, lit->sig);
    closures_.emplace_back(ck, lit);
    litFuncs_[lit] = f;
    walkFunc(f);
    return f;
  }

  void flowClosure(const Hole& k, FuncLit* lit) {
    for (types::Var* v : lit->captures) {
      Location* l = lateVarLoc(v);
      bool byval = !an_.options_.forCodegen && !l->addrTaken && !v->addressTaken && !l->reassigned &&
                   typeSize(v->type) <= kMaxByValueCapture;
      Hole h = k.note(v->name, "captured by a closure", lit->pos);
      if (!byval) {
        l->capturedByRef = true;
        h = h.shift(-1).note(v->name, "reference", lit->pos);
      }
      flow(h, l);
    }
  }

  // -------------------------------------------------------------------------
  // Solving

  bool outlives(Location* root, Location* other) {
    if (root->escapes) return true;
    if (root->isResult) {
      // A closure called only where we see the calls returns to the
      // function that contains it: its results do not outlive that
      // function's variables (Go's exception, as in `*func() *int {
      // return &u }() = 42`).
      const FuncCtx* f = root->fn;
      if (f && f->lit && staticOnly(f->lit) && containsClosure(other->fn, f)) return false;
      return true;
    }
    if (root->fn == other->fn && root->loopDepth < other->loopDepth) return true;
    if (containsClosure(root->fn, other->fn)) return true;
    return false;
  }

  void markEscapes(Location* l, Location* root, const std::vector<Note>* notes, int derefs) {
    if (l->escapes) return;
    l->escapes = true;
    if (an_.options_.verbosity >= 2 && l->report) {
      l->explainHeader = fmt::format("{} escapes to heap:", l->text);
      if (notes) explainFlow(l->explain, root, l, derefs, *notes);
      else explainPath(l->explain, root, l);
    }
    enqueue(l);
  }

  std::string explainLoc(const Location* l) {
    if (l->isHeap) return "{heap}";
    if (l->var) return l->text;
    if (!l->node) return "{temp}";
    return fmt::format("{{storage for {}}}", l->text);
  }

  void explainFlow(std::vector<std::string>& out, const Location* dst, const Location* src, int derefs,
                   const std::vector<Note>& notes) {
    std::string ops = derefs < 0 ? "&" : std::string(static_cast<size_t>(derefs), '*');
    out.push_back(fmt::format("  flow: {} = {}{}:", explainLoc(dst), ops, explainLoc(src)));
    for (auto it = notes.rbegin(); it != notes.rend(); ++it)
      out.push_back(fmt::format("    from {} ({}) at {}", it->where, it->why, posString(sources_, it->pos)));
  }

  void explainPath(std::vector<std::string>& out, const Location* root, const Location* src) {
    std::set<const Location*> seen;
    while (src && src->dst && !seen.count(src)) {
      seen.insert(src);
      const Location* dst = src->dst;
      if (src->dstEdge < 0 || static_cast<size_t>(src->dstEdge) >= dst->edges.size()) break;
      const Edge& e = dst->edges[static_cast<size_t>(src->dstEdge)];
      explainFlow(out, dst, src, e.derefs, e.notes);
      if (dst == root) break;
      src = dst;
    }
  }

  void enqueue(Location* l) {
    if (!l->queued) {
      l->queued = true;
      todo_.push_back(l);
    }
  }

  void walkAll() {
    for (auto& l : locs_) enqueue(l.get());
    enqueue(&heap_);
    while (!todo_.empty()) {
      Location* root = todo_.back();
      todo_.pop_back();
      root->queued = false;
      walkOne(root, ++walkgen_);
    }
  }

  void walkOne(Location* root, uint32_t gen) {
    root->walkgen = gen;
    root->derefs = 0;
    root->dst = nullptr;
    std::vector<Location*> todo{root};
    while (!todo.empty()) {
      Location* l = todo.back();
      todo.pop_back();
      int derefs = l->derefs;
      if (derefs < 0) {
        derefs = 0;
        if (outlives(root, l) && !l->escapes) markEscapes(l, root, nullptr, -1);
      }
      if (l->isParam && outlives(root, l)) leakTo(l, root, derefs);
      for (size_t i = 0; i < l->edges.size(); ++i) {
        Edge& e = l->edges[i];
        if (e.src->escapes) continue;
        int d = derefs + e.derefs;
        if (e.src->walkgen != gen || e.src->derefs > d) {
          e.src->walkgen = gen;
          e.src->derefs = d;
          e.src->dst = l;
          e.src->dstEdge = static_cast<int>(i);
          todo.push_back(e.src);
        }
      }
    }
  }

  void leakTo(Location* param, Location* sink, int derefs) {
    Leaks before = param->paramEsc;
    if (!sink->escapes && sink->isResult && sink->fn == param->fn && sink->resultIndex < Leaks::kNumResults)
      param->paramEsc.addResult(sink->resultIndex, derefs);
    else
      param->paramEsc.addHeap(derefs);
    if (an_.options_.verbosity >= 2 && param->report && param->explain.empty() &&
        std::memcmp(&before, &param->paramEsc, sizeof before) != 0) {
      param->explainHeader =
          fmt::format("parameter {} leaks to {} with derefs={}:", param->text, explainLoc(sink), derefs);
      explainPath(param->explain, sink, param);
    }
  }

  // -------------------------------------------------------------------------
  // Results

  void message(Pos pos, std::string text, std::vector<std::string> explain = {}) {
    Message m;
    m.pos = pos;
    m.text = std::move(text);
    m.explain = std::move(explain);
    m.order = an_.messageCounter_++;
    res_.messages_.push_back(std::move(m));
  }

  void explainMessage(Location* l) {
    if (an_.options_.verbosity >= 2 && !l->explainHeader.empty()) {
      message(l->pos, l->explainHeader, l->explain);
    }
  }

  void finish(const std::vector<FuncDecl*>& decls) {
    (void)decls;
    // Parameter tags.
    for (auto& f : funcs_) {
      std::vector<Leaks> tags;
      for (size_t i = 0; i < f->params.size(); ++i) {
        Location* p = f->params[i];
        Leaks l = p->paramEsc;
        l.optimize();
        if (p->escapes) l.addHeap(0);  // moved to heap: treat as leaking
        tags.push_back(l);
        const types::Var* v = f->paramVars[i];
        if (!v || !p->report || p->escapes || !hasPointers(v->type)) continue;
        explainMessage(p);
        bool warned = false;
        if (l.heap >= 0) {
          message(p->pos, l.heap == 0 ? fmt::format("leaking param: {}", v->name)
                                      : fmt::format("leaking param content: {}", v->name));
          warned = true;
        }
        for (int r = 0; r < Leaks::kNumResults; ++r) {
          if (l.result[r] < 0 || static_cast<size_t>(r) >= f->results.size()) continue;
          message(p->pos, fmt::format("leaking param: {} to result {} level={}", v->name, f->results[r]->text,
                                      l.result[r]));
          warned = true;
        }
        if (!warned) message(p->pos, fmt::format("{} does not escape", v->name));
      }
      if (f->obj && f->node && f->node->is<FuncDecl>()) res_.tags_[f->obj] = std::move(tags);
    }
    // Variables and sites.
    for (auto& lp : locs_) {
      Location* l = lp.get();
      if (l->var) {
        VarFacts& vf = res_.vars_[l->var];
        vf.heap = l->escapes;
        vf.addressTaken = l->addrTaken;
        vf.captured = l->captured;
        vf.capturedByRef = l->capturedByRef;
        vf.why = l->explain;
        if (!l->escapes && l->fn && l->fn->body)
          res_.frameObjects_[l->fn->body].push_back(Result::FrameObject{l->var, nullptr, SiteKind::New});
        if (l->escapes && l->report && l->var->name != "_" && !l->var->name.empty()) {
          explainMessage(l);
          message(l->pos, fmt::format("moved to heap: {}", l->var->name));
        }
        continue;
      }
      if (!l->node) continue;
      SiteFacts sf;
      sf.kind = l->kind;
      sf.heap = l->escapes;
      sf.pos = l->pos;
      sf.text = l->text;
      sf.why = l->explain;
      res_.sites_[Result::SiteKey{l->node, l->kind}] = sf;
      if (!l->escapes && l->fn && l->fn->body)
        res_.frameObjects_[l->fn->body].push_back(Result::FrameObject{nullptr, l->node, l->kind});
      if (!l->report) continue;
      if (l->escapes) {
        explainMessage(l);
        message(l->pos, fmt::format("{} escapes to heap", l->text));
      } else {
        message(l->pos, fmt::format("{} does not escape", l->text));
      }
    }
  }

 public:
  const Type* anyIface_ = nullptr;

 private:
  Analyzer& an_;
  Result& res_;
  const SourceSet& sources_;
  GoPrinter printer_;
  PosFinder posf_;
  Location heap_;
  std::vector<std::unique_ptr<Location>> locs_;
  std::vector<std::unique_ptr<FuncCtx>> funcs_;
  std::vector<Location*> sites_;
  std::unordered_map<const types::Var*, Location*> varLocs_;
  std::unordered_map<const types::Func*, FuncCtx*> batchFuncs_;
  std::unordered_map<const FuncLit*, FuncCtx*> litFuncs_;
  std::vector<std::pair<Hole, FuncLit*>> closures_;
  std::unordered_map<const types::Var*, Expr*> defExpr_;
  std::set<const types::Var*> assigned_;
  std::set<const FuncLit*> directCallees_;                         // func(){...}()
  std::unordered_map<const FuncLit*, const types::Var*> staticLitVar_;  // f := func(){...}
  std::set<const types::Var*> nonCallUses_;
  std::set<const FuncLit*> lostLits_;                        // f used other than f(...)
  std::vector<Location*> todo_;
  FuncCtx* fn_ = nullptr;
  int loopDepth_ = 0;
  uint32_t walkgen_ = 0;
  bool suppressReports_ = false;
};

// ---------------------------------------------------------------------------
// AST visiting shared by the driver: every node below a statement or
// expression (no types).

namespace {

void visitExpr(Expr* e, const std::function<void(Node*)>& f);

void visitStmt(Stmt* s, const std::function<void(Node*)>& f) {
  if (!s) return;
  f(s);
  switch (s->kind) {
    case NodeKind::DeclStmt: {
      auto* g = s->as<DeclStmt>()->decl ? s->as<DeclStmt>()->decl->as<GenDecl>() : nullptr;
      if (!g) return;
      for (Spec* sp : g->specs)
        if (auto* vs = sp->as<ValueSpec>())
          for (Expr* v : vs->values) visitExpr(v, f);
      return;
    }
    case NodeKind::LabeledStmt: visitStmt(s->as<LabeledStmt>()->stmt, f); return;
    case NodeKind::ExprStmt: visitExpr(s->as<ExprStmt>()->x, f); return;
    case NodeKind::SendStmt:
      visitExpr(s->as<SendStmt>()->chan, f);
      visitExpr(s->as<SendStmt>()->value, f);
      return;
    case NodeKind::IncDecStmt: visitExpr(s->as<IncDecStmt>()->x, f); return;
    case NodeKind::AssignStmt:
      for (Expr* e : s->as<AssignStmt>()->lhs) visitExpr(e, f);
      for (Expr* e : s->as<AssignStmt>()->rhs) visitExpr(e, f);
      return;
    case NodeKind::GoStmt: visitExpr(s->as<GoStmt>()->call, f); return;
    case NodeKind::DeferStmt: visitExpr(s->as<DeferStmt>()->call, f); return;
    case NodeKind::ReturnStmt:
      for (Expr* e : s->as<ReturnStmt>()->results) visitExpr(e, f);
      return;
    case NodeKind::BlockStmt:
      for (Stmt* x : s->as<BlockStmt>()->list) visitStmt(x, f);
      return;
    case NodeKind::IfStmt: {
      auto* i = s->as<IfStmt>();
      visitStmt(i->init, f);
      visitExpr(i->cond, f);
      visitStmt(i->body, f);
      visitStmt(i->elseStmt, f);
      return;
    }
    case NodeKind::CaseClause:
      for (Expr* e : s->as<CaseClause>()->list) visitExpr(e, f);
      for (Stmt* x : s->as<CaseClause>()->body) visitStmt(x, f);
      return;
    case NodeKind::SwitchStmt:
      visitStmt(s->as<SwitchStmt>()->init, f);
      visitExpr(s->as<SwitchStmt>()->tag, f);
      visitStmt(s->as<SwitchStmt>()->body, f);
      return;
    case NodeKind::TypeSwitchStmt:
      visitStmt(s->as<TypeSwitchStmt>()->init, f);
      visitStmt(s->as<TypeSwitchStmt>()->assign, f);
      visitStmt(s->as<TypeSwitchStmt>()->body, f);
      return;
    case NodeKind::CommClause:
      visitStmt(s->as<CommClause>()->comm, f);
      for (Stmt* x : s->as<CommClause>()->body) visitStmt(x, f);
      return;
    case NodeKind::SelectStmt: visitStmt(s->as<SelectStmt>()->body, f); return;
    case NodeKind::ForStmt: {
      auto* x = s->as<ForStmt>();
      visitStmt(x->init, f);
      visitExpr(x->cond, f);
      visitStmt(x->post, f);
      visitStmt(x->body, f);
      return;
    }
    case NodeKind::RangeStmt: {
      auto* r = s->as<RangeStmt>();
      visitExpr(r->key, f);
      visitExpr(r->value, f);
      visitExpr(r->x, f);
      visitStmt(r->body, f);
      return;
    }
    default: return;
  }
}

void visitExpr(Expr* e, const std::function<void(Node*)>& f) {
  if (!e) return;
  f(e);
  switch (e->kind) {
    case NodeKind::FuncLit: visitStmt(e->as<FuncLit>()->body, f); return;
    case NodeKind::CompositeLit:
      for (Expr* x : e->as<CompositeLit>()->elts) visitExpr(x, f);
      return;
    case NodeKind::ParenExpr: visitExpr(e->as<ParenExpr>()->x, f); return;
    case NodeKind::SelectorExpr: visitExpr(e->as<SelectorExpr>()->x, f); return;
    case NodeKind::IndexExpr:
      visitExpr(e->as<IndexExpr>()->x, f);
      visitExpr(e->as<IndexExpr>()->index, f);
      return;
    case NodeKind::SliceExpr: {
      auto* s = e->as<SliceExpr>();
      visitExpr(s->x, f);
      visitExpr(s->low, f);
      visitExpr(s->high, f);
      visitExpr(s->max, f);
      return;
    }
    case NodeKind::TypeAssertExpr: visitExpr(e->as<TypeAssertExpr>()->x, f); return;
    case NodeKind::CallExpr:
      visitExpr(e->as<CallExpr>()->fun, f);
      for (Expr* a : e->as<CallExpr>()->args) visitExpr(a, f);
      return;
    case NodeKind::StarExpr: visitExpr(e->as<StarExpr>()->x, f); return;
    case NodeKind::UnaryExpr: visitExpr(e->as<UnaryExpr>()->x, f); return;
    case NodeKind::BinaryExpr:
      visitExpr(e->as<BinaryExpr>()->x, f);
      visitExpr(e->as<BinaryExpr>()->y, f);
      return;
    case NodeKind::KeyValueExpr:
      visitExpr(e->as<KeyValueExpr>()->key, f);
      visitExpr(e->as<KeyValueExpr>()->value, f);
      return;
    default: return;
  }
}

}  // namespace

void Batch::findLoopingLabels(FuncCtx* f) {
  if (!f->body) return;
  // A label that a later goto jumps back to makes a loop (gc's "looping
  // label"); nested function literals are their own functions.
  std::function<void(Node*)> visit = [&](Node* n) {
    if (auto* b = n->as<BranchStmt>(); b && b->tok == Tok::Goto && b->target) {
      if (auto* ls = b->target->as<LabeledStmt>(); ls && ls->pos < b->pos) f->loopingLabels.insert(ls);
    }
  };
  visitStmt(f->body, visit);
}

void Batch::findStaticValues(BlockStmt* body) {
  auto varOf = [](Expr* e) -> const types::Var* {
    auto* id = unparen(e) ? unparen(e)->as<Ident>() : nullptr;
    return id && id->obj ? id->obj->as<types::Var>() : nullptr;
  };
  std::set<const Ident*> calleeIdents;
  visitStmt(body, [&](Node* n) {
    if (auto* c = n->as<CallExpr>()) {
      Expr* f = unparen(c->fun);
      if (auto* id = f ? f->as<Ident>() : nullptr) calleeIdents.insert(id);
      if (auto* lit = f ? f->as<FuncLit>() : nullptr) directCallees_.insert(lit);
    }
  });
  visitStmt(body, [&](Node* n) {
    if (auto* id = n->as<Ident>()) {
      auto* v = id->obj ? id->obj->as<types::Var>() : nullptr;
      if (v && !id->isDef && !calleeIdents.count(id)) nonCallUses_.insert(v);
    }
    if (auto* a = n->as<AssignStmt>()) {
      for (size_t i = 0; i < a->lhs.size(); ++i) {
        const types::Var* v = varOf(a->lhs[i]);
        if (!v) continue;
        auto* id = unparen(a->lhs[i])->as<Ident>();
        if (a->tok == Tok::Define && id->isDef && a->lhs.size() == a->rhs.size() && !defExpr_.count(v)) {
          defExpr_[v] = a->rhs[i];
          if (auto* lit = unparen(a->rhs[i]) ? unparen(a->rhs[i])->as<FuncLit>() : nullptr) staticLitVar_[lit] = v;
        } else
          assigned_.insert(v);
      }
    } else if (auto* d = n->as<DeclStmt>()) {
      auto* g = d->decl ? d->decl->as<GenDecl>() : nullptr;
      if (!g || g->tok != Tok::Var) return;
      for (Spec* sp : g->specs)
        if (auto* vs = sp->as<ValueSpec>(); vs && vs->values.size() == vs->names.size())
          for (size_t i = 0; i < vs->names.size(); ++i)
            if (auto* v = vs->names[i]->obj ? vs->names[i]->obj->as<types::Var>() : nullptr) {
              defExpr_[v] = vs->values[i];
              if (auto* lit = unparen(vs->values[i]) ? unparen(vs->values[i])->as<FuncLit>() : nullptr)
                staticLitVar_[lit] = v;
            }
    } else if (auto* inc = n->as<IncDecStmt>()) {
      if (const types::Var* v = varOf(inc->x)) assigned_.insert(v);
    } else if (auto* r = n->as<RangeStmt>()) {
      if (const types::Var* v = varOf(r->key)) assigned_.insert(v);
      if (const types::Var* v = varOf(r->value)) assigned_.insert(v);
    }
  });
}

// ---------------------------------------------------------------------------
// Result

bool Result::siteOnHeap(const Node* n, SiteKind kind) const {
  auto it = sites_.find(SiteKey{n, kind});
  return it == sites_.end() || it->second.heap;
}

bool Result::varOnHeap(const types::Var* v) const {
  auto it = vars_.find(v);
  return it == vars_.end() || it->second.heap;
}

const std::vector<Result::FrameObject>* Result::frameObjects(const BlockStmt* body) const {
  auto it = frameObjects_.find(body);
  return it == frameObjects_.end() ? nullptr : &it->second;
}

const SiteFacts* Result::site(const Node* n, SiteKind kind) const {
  auto it = sites_.find(SiteKey{n, kind});
  return it == sites_.end() ? nullptr : &it->second;
}

const VarFacts* Result::var(const types::Var* v) const {
  auto it = vars_.find(v);
  return it == vars_.end() ? nullptr : &it->second;
}

const std::vector<Leaks>* Result::tags(const types::Func* f) const {
  auto it = tags_.find(f);
  return it == tags_.end() ? nullptr : &it->second;
}

std::vector<Message> Result::sortedMessages() const {
  std::vector<Message> out = messages_;
  std::stable_sort(out.begin(), out.end(), [](const Message& a, const Message& b) {
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    if (a.pos.col != b.pos.col) return a.pos.col < b.pos.col;
    return a.order < b.order;
  });
  return out;
}

std::string Result::render(const SourceSet& sources, int verbosity) const {
  std::string out;
  for (const Message& m : sortedMessages()) {
    std::string pos = posString(sources, m.pos);
    if (m.text.ends_with(":") && verbosity < 2) continue;
    out += fmt::format("{}: {}\n", pos, m.text);
    if (verbosity >= 2)
      for (const std::string& e : m.explain) out += fmt::format("{}: {}\n", pos, e);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Driver

Analyzer::Analyzer(const Program& program, Options options)
    : program_(program), options_(options), result_(std::make_unique<Result>()) {}

Analyzer::~Analyzer() = default;

namespace {

// Tarjan's SCCs over the static call graph of `decls`, callees first.
std::vector<std::vector<FuncDecl*>> callGraphSCCs(const std::vector<FuncDecl*>& decls) {
  std::unordered_map<const types::Func*, FuncDecl*> byObj;
  for (FuncDecl* d : decls)
    if (d->obj) byObj[d->obj] = d;
  std::unordered_map<FuncDecl*, std::vector<FuncDecl*>> succ;
  for (FuncDecl* d : decls) {
    auto& out = succ[d];
    auto add = [&](const types::Object* o) {
      auto* fo = o ? o->as<types::Func>() : nullptr;
      auto it = fo ? byObj.find(fo) : byObj.end();
      if (it != byObj.end()) out.push_back(it->second);
    };
    visitStmt(d->body, [&](Node* n) {
      if (auto* id = n->as<Ident>()) add(id->obj);
      if (auto* s = n->as<SelectorExpr>(); s && s->selection) add(s->selection->obj);
    });
  }
  std::vector<std::vector<FuncDecl*>> out;
  std::unordered_map<FuncDecl*, int> index, low;
  std::unordered_map<FuncDecl*, bool> onStack;
  std::vector<FuncDecl*> stack;
  int counter = 0;
  std::function<void(FuncDecl*)> strong = [&](FuncDecl* v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    onStack[v] = true;
    for (FuncDecl* w : succ[v]) {
      if (!index.count(w)) {
        strong(w);
        low[v] = std::min(low[v], low[w]);
      } else if (onStack[w]) {
        low[v] = std::min(low[v], index[w]);
      }
    }
    if (low[v] == index[v]) {
      std::vector<FuncDecl*> comp;
      FuncDecl* w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = false;
        comp.push_back(w);
      } while (w != v);
      std::reverse(comp.begin(), comp.end());
      out.push_back(std::move(comp));
    }
  };
  for (FuncDecl* d : decls)
    if (!index.count(d)) strong(d);
  return out;
}

}  // namespace

void Analyzer::analyzePackage(const types::Package* pkg) {
  if (!pkg) return;
  std::vector<FuncDecl*> decls;
  for (File* f : pkg->files)
    for (Decl* d : f->decls)
      if (auto* fd = d->as<FuncDecl>(); fd && fd->body && fd->obj) decls.push_back(fd);
  const SourceSet& sources = program_.sources;
  for (auto& comp : callGraphSCCs(decls)) {
    Batch b(*this, *result_, sources, pkg);
    b.anyIface_ = program_.universe ? program_.universe->emptyInterface() : nullptr;
    b.run(comp, {});
  }
  std::vector<types::Initializer*> inits;
  for (const types::Initializer& in : pkg->initOrder) inits.push_back(const_cast<types::Initializer*>(&in));
  if (!inits.empty()) {
    Batch b(*this, *result_, sources, pkg);
    b.anyIface_ = program_.universe ? program_.universe->emptyInterface() : nullptr;
    b.run({}, inits);
  }
}

void Analyzer::analyzeFunc(FuncDecl* decl) {
  if (!decl || !decl->body || !decl->obj) return;
  Batch b(*this, *result_, program_.sources, decl->obj->pkg);
  b.anyIface_ = program_.universe ? program_.universe->emptyInterface() : nullptr;
  b.run({decl}, {});
}

std::unique_ptr<Result> analyzeProgram(const Program& program, int verbosity) {
  Options opts;
  opts.verbosity = verbosity;
  opts.reportFile = program.mainFile ? program.mainFile->pos.file : -1;
  Analyzer an(program, opts);
  for (const types::Package* p : program.imports) an.analyzePackage(p);
  an.analyzePackage(program.mainPackage);
  return an.takeResult();
}

std::unique_ptr<Analyzer> analyzerForCodegen(const Program& program) {
  Options opts;
  opts.forCodegen = true;
  auto an = std::make_unique<Analyzer>(program, opts);
  for (const types::Package* p : program.imports) an->analyzePackage(p);
  if (program.mainPackage) an->analyzePackage(program.mainPackage);
  return an;
}

std::unique_ptr<Result> analyzeForCodegen(const Program& program) {
  return analyzerForCodegen(program)->takeResult();
}

}  // namespace gol::lang::escape
