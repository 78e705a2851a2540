// The bytecode liveness pass and the stack maps made from it
// (vm/liveness.h), on hand-assembled functions. Each function is written
// as the Go it stands for; what is live where follows from the code.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "vm/bytecode.h"
#include "vm/liveness.h"

using namespace gol::vm;
namespace rt = gol::rt;

namespace {

using Slots = std::vector<uint32_t>;

uint32_t addIntType(Module& m) {
  auto t = std::make_unique<rt::TypeDesc>();
  t->name = "int";
  t->size = 8;
  return m.addType(std::move(t));
}

// The instruction starting at code word pc.
size_t indexOf(const Liveness& l, uint32_t pc) {
  auto it = std::find(l.pcs.begin(), l.pcs.end(), pc);
  REQUIRE(it != l.pcs.end());
  return static_cast<size_t>(it - l.pcs.begin());
}

Slots scanAt(const Function& fn, uint32_t pos, bool strict = false) {
  const Function::StackMap* m = fn.stackMapAt(pos);
  REQUIRE(m != nullptr);
  Slots s(fn.stackMapSlots.begin() + m->first,
          fn.stackMapSlots.begin() + m->first + (strict ? m->liveCount : m->scanCount));
  std::sort(s.begin(), s.end());
  return s;
}

}  // namespace

TEST_CASE("liveness: a pointer is dead after its last use") {
  // p := new(int); *p = 5; q := new(int); return q
  Module m;
  uint32_t T = addIntType(m);
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.results(1);
  as.frame(3);
  as.pointerSlot(0);
  as.pointerSlot(2);
  as.emitWide(Op::NEW, 0, T);    // pc 0
  as.emitWide(Op::LOADI, 1, 5);  // pc 1
  as.emit(Op::STORE64, 0, 1, 0); // pc 2
  as.emitWide(Op::NEW, 2, T);    // pc 3: an allocation, p is dead
  as.emit(Op::RET1, 2);          // pc 4
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  Liveness l = computeLiveness(m, fn);
  REQUIRE(l.pcs.size() == 5);
  CHECK(l.in[2] == Slots{0, 1});
  CHECK(l.out[2] == Slots{});
  CHECK(l.in[3] == Slots{});
  CHECK(l.out[3] == Slots{2});
  CHECK(l.in[4] == Slots{2});
  CHECK(l.out[0] == Slots{0});
  // Stopped in the second NEW (pc just past it): q is about to be written,
  // so it is scanned but not strictly live; p is neither.
  CHECK(scanAt(fn, 4) == Slots{2});
  CHECK(scanAt(fn, 4, true) == Slots{2});  // RET1 reads it: live into the next instruction
  CHECK(scanAt(fn, 3) == Slots{0});  // STORE64 (which may panic) still reads p
  // Stopped in the first NEW: p is written by it, not live before.
  CHECK(scanAt(fn, 1) == Slots{0});
  CHECK(scanAt(fn, 1, true) == Slots{0});  // LOADI's successors read it
  CHECK(scanAt(fn, 0) == Slots{});
}

TEST_CASE("liveness: values used in a loop live around its back edge") {
  // p := new(int); for i := 0; i < n; i++ { s += *p }; return s
  Module m;
  uint32_t T = addIntType(m);
  uint32_t f = m.declareFunction("main.loop");
  Assembler as(m, f);
  as.params(1);  // r0 = n
  as.results(1);
  as.frame(5);   // r1 p, r2 i, r3 s, r4 tmp
  as.pointerSlot(1);
  as.emitWide(Op::NEW, 1, T);        // 0
  as.emitWide(Op::LOADI, 2, 0);      // 1
  as.emitWide(Op::LOADI, 3, 0);      // 2
  auto exit = as.newLabel();
  auto head = as.newLabel();
  as.jump(Op::JLE_S, 0, 2, exit);    // 3: if n <= i (i >= n)
  as.bind(head);
  as.emit(Op::LOAD64, 4, 1, 0);      // 4
  as.emit(Op::ADD_I64, 3, 3, 4);     // 5
  as.jump(Op::INCJLT, 2, 0, head);   // 6: i++; if i < n goto head
  as.bind(exit);
  as.emit(Op::MOV, 0, 3);            // 7
  as.emit(Op::RET1, 0);              // 8
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  Liveness l = computeLiveness(m, fn);
  CHECK(l.in[indexOf(l, 6)] == Slots{0, 1, 2, 3});
  CHECK(l.out[indexOf(l, 6)] == Slots{0, 1, 2, 3});
  CHECK(l.in[indexOf(l, 4)] == Slots{0, 1, 2, 3});
  CHECK(l.in[indexOf(l, 7)] == Slots{3});
  // A goroutine preempted at the back edge resumes at the loop head: p is
  // scanned there.
  CHECK(scanAt(fn, 4) == Slots{1});
  // After the loop p is dead.
  CHECK(scanAt(fn, 8) == Slots{});
  CHECK(l.in[0] == Slots{0});
}

TEST_CASE("liveness: pointer kinds per allocation") {
  // { p := new(int); x := *p }  then  { n := 7; q := new(int); return n + x }
  // with n reusing p's slot 0.
  Module m;
  uint32_t T = addIntType(m);
  uint32_t f = m.declareFunction("main.kinds");
  Assembler as(m, f);
  as.results(1);
  as.frame(3);
  as.allocated(0, 1);
  as.pointerSlot(0);
  as.allocated(1, 1);
  as.emitWide(Op::NEW, 0, T);     // 0
  as.emit(Op::LOAD64, 1, 0, 0);   // 1: the last use of p
  as.allocated(0, 1);             // n: an int in p's slot
  as.emitWide(Op::LOADI, 0, 7);   // 2
  as.allocated(2, 1);
  as.pointerSlot(2);
  as.emitWide(Op::NEW, 2, T);     // 3: n is live here, but not a pointer
  as.emit(Op::ADD_I64, 0, 0, 1);  // 4
  as.emit(Op::RET1, 0);           // 5
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  REQUIRE(fn.pointerIntervals.size() == 2);
  CHECK(fn.pointerIntervals[0].slot == 0);
  CHECK(fn.pointerIntervals[0].from == 0);
  CHECK(fn.pointerIntervals[0].to == 2);
  CHECK(fn.pointerIntervals[1].slot == 2);
  CHECK(fn.pointerIntervals[1].from == 3);
  Liveness l = computeLiveness(m, fn);
  CHECK(l.in[3] == Slots{0, 1});
  CHECK(scanAt(fn, 4) == Slots{});  // q is written by the NEW and never read
  CHECK(scanAt(fn, 1) == Slots{0});
  CHECK(fn.pointers.test(0));       // zeroed on entry all the same
}

TEST_CASE("liveness: calls read their arguments and write their results") {
  // func g(x *int) (*int, *int); p := new(int); a, b := g(p); return a
  Module m;
  uint32_t T = addIntType(m);
  uint32_t g = m.declareFunction("main.g");
  {
    Assembler as(m, g);
    as.params(1);
    as.results(2);
    as.frame(2);
    as.pointerSlot(0);
    as.pointerSlot(1);
    as.emit(Op::MOV, 1, 0);
    as.emit(Op::RET, 0, 2);
    as.finish();
  }
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.results(1);
  as.frame(6);  // r0 p, r1..r3 header, r4 x / a, r5 b
  for (uint32_t s : {0u, 4u, 5u}) as.pointerSlot(s);
  as.emitWide(Op::NEW, 0, T);       // 0
  as.emitWide(Op::LOADI, 5, 42);    // 1: a stale value in b's slot
  as.emit(Op::MOV, 4, 0);           // 2
  as.emitWide(Op::CALL, 4, g);      // 3
  as.emit(Op::MOV, 0, 4);           // 4
  as.emit(Op::RET1, 0);             // 5
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  Liveness l = computeLiveness(m, fn);
  CHECK(l.in[3] == Slots{4});        // the argument; b's slot is written by the call
  CHECK(l.out[3] == Slots{4});
  CHECK(l.in[1] == Slots{0});        // the stale 42 is dead
  // Stopped in the call (its return pc): the argument window belongs to
  // the callee's frame there, and the caller's p is dead.
  CHECK(scanAt(fn, 4) == Slots{4});
}

TEST_CASE("liveness: a function with DEFER keeps what its recovery epilogue reads") {
  // func f() (r *int) { r = new(int); defer ...; work(); return }
  Module m;
  uint32_t T = addIntType(m);
  uint32_t work = m.declareFunction("main.work");
  {
    Assembler as(m, work);
    as.frame(1);
    as.emit(Op::RET0);
    as.finish();
  }
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.results(1);
  as.frame(8);  // r1 named result r, r2 closure, r3.. windows
  as.pointerSlot(1);
  as.pointerSlot(2);
  as.emitWide(Op::NEW, 1, T);      // 0
  as.emitWide(Op::LOADFN, 2, work);// 1
  as.emit(Op::DEFER, 6, 2);        // 2
  as.emitWide(Op::CALL, 6, work);  // 3
  as.emit(Op::RUNDEFERS);          // 4
  as.recoverPoint();
  as.emit(Op::RUNDEFERS);          // 5
  as.emit(Op::MOV, 0, 1);          // 6
  as.emit(Op::RET1, 0);            // 7
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  Liveness l = computeLiveness(m, fn);
  for (size_t i = 1; i < l.pcs.size() - 1; ++i) {
    CAPTURE(i);
    CHECK(std::find(l.in[i].begin(), l.in[i].end(), 1u) != l.in[i].end());
  }
  CHECK(scanAt(fn, 4) == Slots{1});  // in work(): r survives a panic recovered here
}

TEST_CASE("liveness: natives read their window up to the frame's end") {
  // A native's arity is not in the instruction: everything from its
  // window up is read (live tops are unknown in hand-assembled code).
  Module m;
  uint32_t T = addIntType(m);
  uint32_t nat = m.addNative("main.nat", nullptr);
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.frame(6);
  for (uint32_t s : {0u, 4u, 5u}) as.pointerSlot(s);
  as.emitWide(Op::NEW, 0, T);     // 0
  as.emitWide(Op::NEW, 5, T);     // 1
  as.emitWide(Op::CALLN, 4, nat); // 2
  as.emit(Op::RET0);              // 3
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  Liveness l = computeLiveness(m, fn);
  CHECK(l.in[2] == Slots{4, 5});
  CHECK(scanAt(fn, 3) == Slots{4, 5});
}

TEST_CASE("liveness: natives and closures with a known shape read their arguments, write their results") {
  // p := new(int); q := new(int); r := nat(q); stale := r; use(stale), with
  // the native taking one slot and returning one, and the same through a
  // closure: slot 5 above the arguments holds a stale pointer, never read;
  // the result slot 4 is written by the call, so it is dead before it.
  Module m;
  uint32_t T = addIntType(m);
  uint32_t nat = m.addNative("main.nat", nullptr, 1, 1);
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.frame(7);
  for (uint32_t s : {0u, 4u, 5u, 6u}) as.pointerSlot(s);
  as.emitWide(Op::NEW, 5, T);              // 0: a pointer left in the window
  as.emitWide(Op::NEW, 4, T);              // 1: the argument
  as.emitWide(Op::CALLN, 4, nat);          // 2: reads 4, writes 4
  as.emit(Op::MOV, 0, 4);                  // 3
  as.emitWide(Op::NEW, 6, T);              // 4: the closure (any pointer will do here)
  as.emit(Op::CALLC, 4, 6, (1u << 8) | 1); // 5: no arguments, one result
  as.emit(Op::RET0);                       // 6
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  Liveness l = computeLiveness(m, fn);
  CHECK(l.in[2] == Slots{4});
  CHECK(l.in[1] == Slots{});  // slot 5 is never read: the allocation at 0 is dead at once
  CHECK(l.in[5] == Slots{6});
  CHECK(l.out[4] == Slots{6});  // slot 4, the CALLC's result, is not live before the call
}

TEST_CASE("liveness: stack objects are not in the maps (reached through pointers)") {
  Module m;
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.frame(4);
  as.pointerSlot(2);
  as.emit(Op::NOP);
  as.emit(Op::RET0);
  as.function().stackObjects.push_back(SlotRange{1, 2});
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  CHECK(scanAt(fn, 0) == Slots{});
  CHECK(scanAt(fn, 1, true) == Slots{});
  CHECK(scanAt(fn, 2) == Slots{});
}

TEST_CASE("liveness: a call's pointer results are pointers in the caller") {
  // func str() *int; x := str(); y := str(); use(x, y), with the caller's
  // window slots not marked: the callee's map says the result is one.
  Module m;
  uint32_t T = addIntType(m);
  uint32_t g = m.declareFunction("main.g");
  {
    Assembler as(m, g);
    as.results(1);
    as.frame(1);
    as.pointerSlot(0);
    as.emitWide(Op::NEW, 0, T);
    as.emit(Op::RET1, 0);
    as.finish();
  }
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.frame(9);
  as.emitWide(Op::CALL, 3, g);    // 0: x in r3
  as.emitWide(Op::CALL, 7, g);    // 1: y in r7, x held across
  as.emit(Op::EQ, 0, 3, 7);       // 2
  as.emitWide(Op::LOADI, 3, 1);   // 3: r3 is an int from here
  as.emitWide(Op::CALL, 7, g);    // 4
  as.emit(Op::ADD_I64, 0, 0, 3);  // 5
  as.emit(Op::RET0);              // 6
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  CHECK(scanAt(fn, 2) == Slots{3, 7});
  CHECK(scanAt(fn, 2, true) == Slots{3, 7});  // EQ reads both
  CHECK(scanAt(fn, 5) == Slots{});  // r3 live, but an int now; r7 dead
}

TEST_CASE("liveness: a map key passed by address lives until the map operation") {
  // func f(m map[string]int) int { return m["key"] }
  Module m;
  auto key = std::make_unique<rt::TypeDesc>();
  key->name = "string";
  key->size = 16;
  auto mt = std::make_unique<rt::TypeDesc>();
  mt->name = "map[string]int";
  mt->key = key.get();
  m.addType(std::move(key));
  uint32_t mapType = m.addType(std::move(mt));
  uint32_t f = m.declareFunction("main.f");
  Assembler as(m, f);
  as.params(1);
  as.results(1);
  as.frame(8);
  for (uint32_t s : {0u, 1u, 3u, 4u}) as.pointerSlot(s);
  as.emitWide(Op::LOADK2, 1, as.constantString("key"));  // 0
  as.emitWide(Op::LOADI, 6, 0);                         // 1: not the key
  as.emit(Op::ADDR, 3, 1);                              // 2
  as.emitExtra(Op::MAPACCESS, 4, 0, 3, mapType);        // 3
  as.emit(Op::LOAD64, 0, 4, 0);                         // 5
  as.emit(Op::RET1, 0);                                 // 6
  as.finish();
  m.finalize();
  const Function& fn = *m.functions[f];
  Liveness l = computeLiveness(m, fn);
  CHECK(l.in[indexOf(l, 3)] == Slots{0, 1, 2, 3});
  CHECK(l.out[indexOf(l, 3)] == Slots{4});
  CHECK(l.in[indexOf(l, 2)] == Slots{0, 1, 2});
}
