// Code generator internals (lang/codegen*.cpp).
//
// Values in frames (DESIGN.md §3). Every value occupies the slots its type
// needs: one for bool, numbers, pointers, maps, chans and funcs; two for a
// string (data, len) and an interface (type or itab word, data word);
// three for a slice (data, len, cap); structs and arrays flattened field
// by field, element by element. In memory (the heap, globals' cells, map
// entries) values are laid out as Go lays them out (int8 one byte, struct
// padding), described by the rt::TypeDesc codegen builds for each type;
// loading and storing a value walks its leaves (a scalar, or one word of a
// string, slice or interface) with the right width.
//
// Where variables live. A local variable lives in frame slots unless it
// must have an address: captured by a closure (closures capture by
// reference), address taken (&v, or a pointer method called on it), or of
// a type containing an array (arrays are indexed with run-time indices,
// which slots cannot be). Those are "boxed": the variable's slot holds a
// pointer to a heap cell of its type, allocated where the variable is
// declared (so each loop iteration of Go 1.22 gets a fresh one). Escape
// analysis (DESIGN.md §7) will later keep most such cells on the stack.
// Package-level variables of one slot that never have their address taken
// are module globals (GETG/SETG); the others are cells too, whose pointers
// sit in a global slot, allocated before any initialiser runs.
//
// Slots of a frame: parameters (receiver first) from slot 0, then locals
// and temporaries allocated as a stack (`top_`): a statement releases its
// temporaries, a block its variables. A call reserves a window above
// `top_`: three header slots, then max(argument, result) slots; arguments
// are evaluated straight into the window and results come back at its
// start. Pointer kinds: a slot is marked (Assembler::pointerSlot) when a
// value placed in it has a pointer word there; the mark holds from the
// slot's allocation (alloc tells the Assembler) until it is allocated
// again, and the collector scans it only where the bytecode liveness pass
// finds it live (vm/liveness.h). Window slots are reserved by raising
// `top`, without an allocation, so their marks hold over the interval of
// the slot's last allocation.
//
// Functions. Every FuncDecl with a body, every function literal, method
// value and interface-method wrapper becomes a vm::Function; a bodyless
// stdlib function becomes one that CALLNs its native (or a stub that stops
// with "native NAME is not implemented yet"). Method tables of types
// converted to interfaces hold functions taking the interface data word as
// their first parameter: the method itself when its receiver is exactly
// that word (a pointer receiver, or a pointer-shaped type), else a wrapper.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/escape.h"
#include "lang/frontend.h"
#include "lang/types.h"
#include "runtime/typedesc.h"
#include "vm/bytecode.h"

namespace gol::lang::cg {

using types::Type;
using Slot = uint16_t;
using vm::Op;

// How one leaf of a value is loaded and stored.
enum class Leaf : uint8_t { I8, U8, I16, U16, I32, U32, W64, Ptr, F32, Bool };

struct LeafInfo {
  uint32_t slot;  // slot offset within the value's slots
  uint64_t mem;   // byte offset within the value's memory
  Leaf kind;
};

struct Layout {
  uint32_t slots = 0;
  std::vector<LeafInfo> leaves;
  bool memIsSlots = false;  // memory layout == slot layout: LOADN/STOREN work
  bool hasArray = false;    // contains an array (not behind a pointer)
};

// Raised (as a value, never thrown) when a construct is not supported.
struct Unsupported {
  Pos pos;
  std::string what;
};

class FnGen;

class ModuleGen {
 public:
  explicit ModuleGen(Program& program);
  std::unique_ptr<vm::Module> run();

  Program& prog;
  types::Universe& u;
  std::unique_ptr<vm::Module> mod;
  const escape::Result* escape = nullptr;  // null: everything on the heap
  escape::Analyzer* escapeAnalyzer = nullptr;  // analyses bodies checked on demand
  bool failed = false;
  void unsupported(Pos pos, const std::string& what);

  // ---- types ----
  const Layout& layout(const Type* t);
  uint32_t slots(const Type* t) { return layout(t).slots; }
  const rt::TypeDesc* desc(const Type* t);
  uint32_t typeIndex(const Type* t);
  // The slot form of t, as channels hold elements (codegen_chan.cpp).
  uint32_t slotFormType(const Type* t);
  // The method table of t (for interfaces and fmt); built on demand.
  void ensureMethods(const Type* t);
  std::string typeName(const Type* t);  // as %T prints it

  // ---- functions ----
  // Module function index of a declared function or method (compiled later).
  uint32_t funcIndex(types::Func* f);
  uint32_t litIndex(FuncLit* lit, FnGen* outer);
  // A function taking an interface data word of dynamic type `recv` first,
  // then the method's parameters, and calling method `m` (found on recv
  // through `path` of embedded fields).
  uint32_t ifaceMethodFn(const Type* recv, types::Func* m, const std::vector<int>& path, bool indirect);
  // The function a bound method value x.M calls: its context holds the
  // receiver (recvSlots slots) after the Function* word.
  uint32_t boundMethodFn(const Type* recvType, types::Func* m, bool ifaceCall, int ifaceIndex);
  // Records the layout of function `fn`'s closure context: its Function*
  // word, then `slots` captured slots, of which those in pointerSlots hold
  // pointers (vm::Function::contextLayout, for the collector).
  void setContextLayout(uint32_t fn, uint32_t slots, const std::vector<uint32_t>& pointerSlots);
  // The function a deferred builtin call runs: its parameters are the
  // call's arguments, evaluated when the defer statement ran.
  uint32_t deferredBuiltinFn(CallExpr* call, const std::vector<const Type*>& argTypes);
  // The function a method expression I.M on an interface type denotes:
  // it takes the interface value, then M's parameters.
  uint32_t ifaceMethodExprFn(const Type* iface, types::Func* m);
  std::string funcName(types::Func* f);
  // The module native index of a bodyless function whose native exists,
  // or UINT32_MAX: such calls compile to CALLN in place.
  uint32_t nativeIndex(types::Func* f);
  std::string fileName(Pos pos);

  uint32_t globalSlot(const types::Var* v);
  bool globalBoxed(const types::Var* v);

  std::deque<std::function<void()>> work;

 private:
  void declareGlobals();
  uint32_t buildEntry();
  void compileFuncDecl(types::Func* f, uint32_t index);
  bool bodyReady(types::Func* f);
  void compileNative(types::Func* f, uint32_t index);
  std::string typeKey(const Type* t);

  std::unordered_map<const Type*, Layout> layouts_;
  std::unordered_map<std::string, uint32_t> typeIndexByKey_;
  std::unordered_map<const Type*, uint32_t> typeIndexCache_;
  std::unordered_map<const rt::TypeDesc*, bool> methodsDone_;
  std::unordered_map<const rt::TypeDesc*, const Type*> descType_;
  std::unordered_map<types::Func*, uint32_t> funcs_;
  std::unordered_map<FuncLit*, uint32_t> lits_;
  std::map<std::string, uint32_t> wrappers_;
  std::unordered_map<const types::Var*, uint32_t> globals_;
  std::unordered_map<types::Func*, uint32_t> natives_;
  std::unordered_map<const types::Var*, bool> globalBoxed_;
  // Closures are numbered per enclosing function, as Go names them:
  // main.f.func1, main.f.func2, and main.f.func1.1 inside the first.
  std::unordered_map<std::string, int> litCounters_;
};

// Where an assignable value lives.
struct Place {
  enum class Kind : uint8_t { Slots, Mem, Map, Global, Blank };
  Kind kind = Kind::Blank;
  const Type* type = nullptr;
  Slot slot = 0;      // Slots: first slot; Mem: slot holding the base pointer; Map: the map
  uint64_t off = 0;   // Mem: byte offset
  Slot key = 0;       // Map: slot holding the key's address
  const Type* mapType = nullptr;
  uint32_t global = 0;  // Global: global slot
};

struct VarLoc {
  Slot slot = 0;
  bool boxed = false;  // slot holds a pointer to a heap cell
};

// The length of a slice or array literal: one past its highest index.
uint64_t compositeLength(const CompositeLit* lit);

class FnGen {
 public:
  FnGen(ModuleGen& mg, uint32_t index, const std::string& file);

  ModuleGen& mg;
  vm::Assembler as;
  std::string file;
  uint32_t top = 0, maxTop = 0;

  // ---- slots ----
  Slot alloc(uint32_t n);
  Slot allocFor(const Type* t);  // marks pointer slots
  void markPointers(Slot s, const Type* t);
  struct Mark {
    uint32_t top;
  };
  Mark mark() const { return {top}; }
  void release(Mark m) {
    if (m.top < top) as.endSlotNames(m.top);
    top = m.top;
  }
  void finish();

  // ---- emission helpers ----
  void line(Pos p) {
    if (p.valid()) as.line(p.line);
  }
  void emit(Op op, unsigned a = 0, unsigned b = 0, unsigned c = 0);
  void loadInt(Slot dst, int64_t v);
  void loadF64(Slot dst, double v);
  void loadString(Slot dst, const std::string& s);
  void move(const Type* t, Slot dst, Slot src);
  void moveN(uint32_t n, Slot dst, Slot src);
  void zero(const Type* t, Slot dst);
  void loadMem(const Type* t, Slot dst, Slot base, uint64_t off);
  void storeMem(const Type* t, Slot base, uint64_t off, Slot src);
  // A slot holding base + off, when off does not fit an instruction.
  Slot offsetBase(Slot base, uint64_t& off);
  Slot newCell(const Type* t);  // NEW into a fresh pointer slot

  // ---- frame objects (escape analysis) ----
  // Regions of the frame reserved at entry for what does not escape; see
  // "Frame objects" in codegen_func.cpp.
  struct FrameRegion {
    Slot first = 0;
    uint32_t slots = 0;
  };
  std::unordered_map<const types::Var*, FrameRegion> frameVars;
  // Keyed by node and kind: one node can be two sites (any([]int{1}) is a
  // slice literal and an interface box).
  std::map<std::pair<const Node*, escape::SiteKind>, FrameRegion> frameSites;
  void reserveFrameObjects(BlockStmt* body);
  // Slots for a frame object, listed in Function::stackObjects; with a
  // type, for `count` values of it in memory layout, pointer words marked.
  FrameRegion frameRegion(uint32_t slots);
  FrameRegion frameRegion(const rt::TypeDesc* d, uint64_t count);
  // A closure context (Function* word, then n slots from src) into dst:
  // in region r when escape analysis gave one, else on the heap.
  void makeContext(const FrameRegion* r, uint32_t fn, Slot src, uint32_t n, Slot dst);
  // make(map type t, hint) into dst: its header in region r, or the heap.
  void newMap(const FrameRegion* r, const Type* t, Slot hint, Slot dst);
  Slot frameBuffer(const FrameRegion& r);
  void concatInto(BinaryExpr* e, Slot dst, Slot buf);
  // A pointer slot holding the address of a freshly zeroed frame region.
  Slot frameCell(FrameRegion r);
  void frameCellInto(FrameRegion r, Slot dst);
  // A statement temporary in the frame holding a value of type t in
  // memory layout (heap for very large values); returns its pointer slot.
  Slot tempCell(const Type* t);
  // The frame region for the allocation site n, or null: heap.
  const FrameRegion* frameSite(const Node* n, escape::SiteKind kind);
  // A cell for variable v: in the frame when it does not escape.
  Slot cellFor(const types::Var* v);
  bool inFrame(const types::Var* v) const { return frameVars.count(v) != 0; }

  // Numeric constants used in loops, loaded once at entry (LoopConstFinder).
  std::unordered_map<std::string, Slot> constSlots;

  // ---- variables ----
  std::unordered_map<const types::Var*, VarLoc> vars;
  bool needsBox(const types::Var* v);
  VarLoc declareVar(types::Var* v);  // allocates (and boxes) a local
  void initVarZero(types::Var* v);

  // ---- expressions (codegen_expr.cpp) ----
  void expr(Expr* e, Slot dst);                  // value of e's type into dst
  // With implicit conversion; boxSite names the interface-box site when it
  // is not unparen(e) (a conversion any(x) passes its CallExpr).
  void exprTo(Expr* e, const Type* target, Slot dst, const Node* boxSite = nullptr);
  Slot operand(Expr* e);                         // a slot holding e's value (may be a variable's)
  void constant(const ConstValue& v, const Type* t, Slot dst);
  void convertValue(const Type* from, const Type* to, Slot src, Slot dst);  // implicit: to interface
  // boxSite: the escape analysis' IfaceBox node, whose box may live in the frame.
  void toInterface(const Type* from, const Type* iface, Slot src, Slot dst, const Node* boxSite = nullptr);
  void conversion(CallExpr* e, Slot dst);
  void binary(BinaryExpr* e, Slot dst);
  // dst = a op y for arithmetic operators (also x op= y).
  void arith(Tok op, const Type* t, Slot a, Expr* y, Slot dst, Pos pos);
  void compare(Tok op, const Type* t, Slot x, Slot y, Slot dst);
  void unary(UnaryExpr* e, Slot dst);
  void call(CallExpr* e, Slot dst, uint32_t wantSlots);  // results (wantSlots of them) to dst
  Slot callWindow(CallExpr* e, uint32_t* resultSlots);   // emits the call, returns the window
  void builtin(CallExpr* e, Slot dst);
  void index(IndexExpr* e, Slot dst);
  void sliceExpr(SliceExpr* e, Slot dst);
  void selector(SelectorExpr* e, Slot dst);
  void composite(CompositeLit* e, const Type* t, Slot dst);
  void funcLit(FuncLit* e, Slot dst);
  void typeAssert(TypeAssertExpr* e, Slot dst, bool commaOk);
  void methodValue(SelectorExpr* e, Slot dst);
  // Branch to `target` when e's value equals `when`.
  void condJump(Expr* e, bool when, vm::Assembler::Label target);
  // Address of an addressable expression: base pointer slot + offset.
  bool addressOf(Expr* e, Slot* base, uint64_t* off);
  Place place(Expr* e);
  bool slotPlace(Expr* e, Place* out);
  void loadPlace(const Place& p, Slot dst);
  void storePlace(const Place& p, Slot src);
  Slot keyAddress(const Type* keyType, Slot key);  // slot holding &key, packed as the map stores it
  void mapIndex(IndexExpr* e, Slot dst, bool commaOk);
  Slot mapKey(const Type* keyType, Expr* key);  // a slot holding the key's address
  void recvOf(Expr* x, const types::Selection* sel, types::Func* m, Slot dst);

  // ---- statements (codegen_stmt.cpp) ----
  void body(BlockStmt* b);
  void stmt(Stmt* s);
  void block(const std::vector<Stmt*>& list);
  void assign(AssignStmt* s);
  void define(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs, bool isDefine, Pos pos);
  void ifStmt(IfStmt* s);
  void forStmt(ForStmt* s, LabeledStmt* label);
  void rangeStmt(RangeStmt* s, LabeledStmt* label);
  void switchStmt(SwitchStmt* s, LabeledStmt* label);
  void typeSwitch(TypeSwitchStmt* s, LabeledStmt* label);
  void returnStmt(ReturnStmt* s);
  // ---- channels (codegen_chan.cpp) ----
  void makeChan(CallExpr* e, const Type* chanType, Slot dst);
  void chanRecv(UnaryExpr* e, Slot dst, bool commaOk);  // value, then ok after it
  void sendStmt(SendStmt* s);
  void selectStmt(SelectStmt* s);
  void rangeChan(RangeStmt* s, vm::Assembler::Label topL, vm::Assembler::Label cont,
                 vm::Assembler::Label brk, const std::function<void(Expr*, const Type*, Slot)>& assignTo,
                 Expr* valE);
  void deferStmt(DeferStmt* s);
  void deferOrGo(CallExpr* c, Pos pos, Op op);
  void branch(BranchStmt* s);
  void incDec(IncDecStmt* s);
  void declStmt(DeclStmt* s);
  void freshLoopVars(const std::vector<types::Var*>& vars);

  struct Targets {
    Stmt* stmt;
    vm::Assembler::Label brk, cont;
    bool hasCont;
  };
  std::vector<Targets> targets;
  std::unordered_map<const LabeledStmt*, vm::Assembler::Label> gotoLabels;
  vm::Assembler::Label gotoLabel(const LabeledStmt* l);
  Stmt* fallthroughTarget = nullptr;
  vm::Assembler::Label fallthroughLabel;

  // ---- the function being compiled ----
  const types::Signature* sig = nullptr;
  std::vector<types::Var*> resultVars;  // named results, or hidden ones when deferring
  bool hasDefer = false;
  bool namedResults = false;
  vm::Assembler::Label epilogue;
  uint32_t resultSlotCount = 0;
  void compileBody(const types::Signature* s, BlockStmt* b, const std::vector<types::Var*>& params,
                   const std::vector<types::Var*>& results, bool named,
                   const std::vector<types::Var*>* captures, bool hasRecv);
  void emitReturn();  // results are in resultVars: epilogue
};

// Evaluates a call's arguments into the window slots from `at`, packing
// variadic ones into a slice.
void passArgs(FnGen& g, CallExpr* e, const types::Signature* sig, Slot at);

// Helpers on types.
const Type* embeddedType(const Type* t, const std::vector<int>& path);  // type at path minus its last step
int ifaceMethodIndex(types::Universe& u, const Type* iface, const std::string& name);
bool isIface(const Type* t);
bool isEmptyIface(const Type* t);
bool isRuneSlice(const types::Slice* s);  // []rune, or a slice of a type defined on int32
const Type* under(const Type* t);
bool containsDefer(BlockStmt* b);
uint32_t maxOf(uint32_t a, uint32_t b);

}  // namespace gol::lang::cg
