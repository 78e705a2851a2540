// Interpreter tests on hand-assembled bytecode (codegen does not exist yet).
//
// Each program is written as the Go source it stands for, in a comment,
// and expected values come from running that Go program with `go run`
// (go 1.19), never from gol itself.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/print.h"
#include "vm/bytecode.h"
#include "vm/disasm.h"
#include "vm/interp.h"
#include "vm/verify.h"

using namespace gol::vm;
namespace rt = gol::rt;

namespace {

constexpr uint16_t imm(int v) { return static_cast<uint16_t>(static_cast<int16_t>(v)); }

struct Outcome {
  Exit exit;
  uint64_t result;  // first result slot after a return
  std::string report;
  int yields = 0;
};

Outcome run(Module& m, uint32_t fn, std::vector<uint64_t> args = {},
            uint64_t maxStackBytes = rt::kMaxStackBytes) {
  CHECK(verify(m) == "");
  Machine machine(m);
  rt::G g(1);
  g.maxStackBytes = maxStackBytes;
  Outcome out{Exit::Fatal, 0, "", 0};
  if (!enter(machine, g, fn, args)) {
    out.report = machine.report;
    return out;
  }
  for (;;) {
    out.exit = execute(machine, g);
    if (out.exit != Exit::Yielded) break;
    ++out.yields;
  }
  out.report = machine.report;
  if (out.exit == Exit::Returned) out.result = bottomFrame(g)[0];
  return out;
}

// func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
uint32_t addFib(Module& m) {
  uint32_t fib = m.declareFunction("main.fib");
  Assembler as(m, fib);
  as.params(1);
  as.results(1);
  as.frame(9);
  as.slotName(0, "n");
  auto small = as.newLabel();
  as.line(3);
  as.jump(Op::JLTI, 0, imm(2), small);
  as.line(4);
  as.emit(Op::ADDI_I64, 4, 0, imm(-1));
  as.emitWide(Op::CALL, 4, fib);
  as.emit(Op::ADDI_I64, 8, 0, imm(-2));
  as.emitWide(Op::CALL, 8, fib);
  as.emit(Op::ADD_I64, 0, 4, 8);
  as.emit(Op::RET0);
  as.bind(small);
  as.line(3);
  as.emit(Op::RET0);
  return as.finish();
}

}  // namespace

TEST_CASE("opcode table: names unique, formats agree with flags") {
  std::set<std::string_view> names;
  for (int k = 0; k < kOpCount; ++k) {
    auto op = static_cast<Op>(k);
    const OpInfo& info = opInfo(op);
    CHECK(names.insert(info.name).second);
    const FormatInfo& f = formatInfo(op);
    bool hasJumpField = f.a == Field::Jump || f.b == Field::Jump || f.c == Field::Jump ||
                        f.wide == Field::Jump;
    CHECK_MESSAGE(hasJumpField == hasFlag(op, opflag::Jump), info.name);
    // Anything that may jump backwards polls for preemption there.
    if (hasFlag(op, opflag::Jump) && op != Op::JMP && op != Op::MAPNEXT)
      CHECK_MESSAGE(hasFlag(op, opflag::Safepoint), info.name);
  }
  CHECK(kOpCount < 0x10000);
  CHECK(instrWords(Op::SLICE) == 2);
  CHECK(instrWords(Op::ADD_I64) == 1);
  Instr w = encode(Op::JLTI, 7, imm(-3), imm(-100));
  CHECK(opOf(w) == Op::JLTI);
  CHECK(argA(w) == 7);
  CHECK(argSB(w) == -3);
  CHECK(argSC(w) == -100);
  CHECK(argSBx(encodeWide(Op::LOADI, 1, static_cast<uint32_t>(-123456))) == -123456);
}

TEST_CASE("fib(25) recursive") {
  Module m;
  uint32_t fib = addFib(m);
  Outcome o = run(m, fib, {25});
  REQUIRE(o.exit == Exit::Returned);
  CHECK(o.result == 75025);
}

// var s int8; for i := 0; i < 1000; i++ { s += int8(i) }          -> 44
// var u uint8; for i := 0; i < 1000; i++ { u = u*3 + uint8(i) }   -> 212
// var w int32 = 1; for i := 0; i < 40; i++ { w = w*7 + 1 }       -> -1597460639
TEST_CASE("narrow integer kinds wrap around as Go's") {
  Module m;
  auto loop = [&](const char* name, auto body, uint32_t n, int64_t init) {
    uint32_t f = m.declareFunction(name);
    Assembler as(m, f);
    as.results(1);
    as.frame(4);  // r0 = acc, r1 = i, r2 = n, r3 = tmp
    as.emitWide(Op::LOADI, 0, static_cast<uint32_t>(init));
    as.emitWide(Op::LOADI, 1, 0);
    as.emitWide(Op::LOADI, 2, n);
    auto top = as.newLabel(), cond = as.newLabel();
    as.jump(Op::JMP, cond);
    as.bind(top);
    body(as);
    as.emit(Op::ADDI_I64, 1, 1, 1);
    as.bind(cond);
    as.jump(Op::JLT_S, 1, 2, top);
    as.emit(Op::RET0);
    return as.finish();
  };
  uint32_t s8 = loop("main.s8", [](Assembler& as) {
    as.emit(Op::SEXT8, 3, 1);  // int8(i)
    as.emit(Op::ADD_I8, 0, 0, 3);
  }, 1000, 0);
  uint32_t u8 = loop("main.u8", [](Assembler& as) {
    as.emitWide(Op::LOADI, 3, 3);
    as.emit(Op::MUL_U8, 0, 0, 3);
    as.emit(Op::ZEXT8, 3, 1);  // uint8(i)
    as.emit(Op::ADD_U8, 0, 0, 3);
  }, 1000, 0);
  uint32_t i32 = loop("main.i32", [](Assembler& as) {
    as.emitWide(Op::LOADI, 3, 7);
    as.emit(Op::MUL_I32, 0, 0, 3);
    as.emit(Op::ADDI_I32, 0, 0, 1);
  }, 40, 1);
  CHECK(static_cast<int64_t>(run(m, s8).result) == 44);
  CHECK(static_cast<int64_t>(run(m, u8).result) == 212);
  CHECK(static_cast<int64_t>(run(m, i32).result) == -1597460639);
}

// var h uint16 = 1; h <<= 15; h <<= 1 -> 0;  MinInt64 / -1, MinInt64 % -1;
// float32(16777216) + 1; float64(float32(0.1) * 3); shifts past the width.
TEST_CASE("arithmetic edge cases") {
  Module m;
  auto expr = [&](auto body) {
    uint32_t f = m.declareFunction("main.expr");
    Assembler as(m, f);
    as.results(1);
    as.frame(4);
    body(as);
    as.emit(Op::RET0);
    return run(m, as.finish());
  };
  CHECK(expr([](Assembler& as) {
          as.emitWide(Op::LOADI, 0, 1);
          as.emitWide(Op::LOADI, 1, 15);
          as.emit(Op::SHL_U16, 0, 0, 1);
          as.emitWide(Op::LOADI, 1, 1);
          as.emit(Op::SHL_U16, 0, 0, 1);
        }).result == 0);
  uint64_t minInt = uint64_t{1} << 63;
  CHECK(expr([&](Assembler& as) {
          as.emitWide(Op::LOADK, 1, as.constant(minInt));
          as.emitWide(Op::LOADI, 2, static_cast<uint32_t>(-1));
          as.emit(Op::DIV_S, 0, 1, 2);
        }).result == minInt);
  CHECK(expr([&](Assembler& as) {
          as.emitWide(Op::LOADK, 1, as.constant(minInt));
          as.emitWide(Op::LOADI, 2, static_cast<uint32_t>(-1));
          as.emit(Op::REM_S, 0, 1, 2);
        }).result == 0);
  CHECK(static_cast<int64_t>(expr([&](Assembler& as) {
          as.emitWide(Op::LOADI, 1, static_cast<uint32_t>(-7));
          as.emitWide(Op::LOADI, 2, 2);
          as.emit(Op::REM_S, 0, 1, 2);
        }).result) == -1);
  CHECK(std::bit_cast<double>(expr([&](Assembler& as) {
          as.emitWide(Op::LOADK, 1, as.constantF64(16777216.0));
          as.emitWide(Op::LOADK, 2, as.constantF64(1.0));
          as.emit(Op::ADD_F32, 0, 1, 2);
        }).result) == 16777216.0);
  CHECK(std::bit_cast<double>(expr([&](Assembler& as) {
          as.emitWide(Op::LOADK, 1, as.constantF64(0.1));
          as.emit(Op::F2F32, 1, 1);
          as.emitWide(Op::LOADK, 2, as.constantF64(3.0));
          as.emit(Op::MUL_F32, 0, 1, 2);
        }).result) == 0.30000001192092896);
  CHECK(static_cast<int64_t>(expr([&](Assembler& as) {
          as.emitWide(Op::LOADI, 1, static_cast<uint32_t>(-8));
          as.emitWide(Op::LOADI, 2, 200);
          as.emit(Op::SHR_S, 0, 1, 2);
        }).result) == -1);
  CHECK(expr([&](Assembler& as) {
          as.emitWide(Op::LOADI, 1, static_cast<uint32_t>(-8));
          as.emitWide(Op::LOADI, 2, 64);
          as.emit(Op::SHR_U, 0, 1, 2);
        }).result == 0);
  CHECK(expr([&](Assembler& as) {  // int64(NaN) is MinInt64 on amd64
          as.emitWide(Op::LOADK, 1, as.constantF64(0.0));
          as.emit(Op::DIV_F64, 1, 1, 1);
          as.emit(Op::F2I64, 0, 1);
        }).result == minInt);
}

// 5 func div(a, b int) int {
// 6 	return a / b
// ...
// 26	println(div(1, 0))        (in main)
TEST_CASE("integer divide by zero panics with Go's text and trace") {
  Module m;
  uint32_t div = m.declareFunction("main.div");
  uint32_t mainFn = m.declareFunction("main.main");
  {
    Assembler as(m, div);
    as.params(2);
    as.results(1);
    as.frame(2);
    as.line(6);
    as.emit(Op::DIV_S, 0, 0, 1);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, mainFn);
    as.frame(6);
    as.line(26);
    as.emitWide(Op::LOADI, 4, 1);
    as.emitWide(Op::LOADI, 5, 0);
    as.emitWide(Op::CALL, 4, div);
    as.line(27);
    as.emit(Op::RET0);
    as.finish();
  }
  m.mainIndex = static_cast<int32_t>(mainFn);
  CHECK(verify(m) == "");
  RunResult r = runMain(m);
  CHECK(r.exitCode == 2);
  CHECK(r.report ==
        "panic: runtime error: integer divide by zero\n"
        "\n"
        "goroutine 1 [running]:\n"
        "main.div(...)\n"
        "\tprog.gol:6\n"
        "main.main()\n"
        "\tprog.gol:26\n");
}

TEST_CASE("nil dereference and index out of range") {
  Module m;
  // func nilp(p *T) int { return p.x }   (line 12)
  uint32_t nilp = m.declareFunction("main.nilp");
  {
    Assembler as(m, nilp);
    as.params(1);
    as.results(1);
    as.frame(1);
    as.pointerSlot(0);
    as.line(12);
    as.emit(Op::LOAD64, 0, 0, 8);
    as.emit(Op::RET0);
    as.finish();
  }
  Outcome o = run(m, nilp, {0});
  CHECK(o.exit == Exit::Panicked);
  CHECK(o.report ==
        "panic: runtime error: invalid memory address or nil pointer dereference\n"
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n"
        "\n"
        "goroutine 1 [running]:\n"
        "main.nilp(...)\n"
        "\tprog.gol:12\n");

  // s := make([]int, 3); s[i] = 7 with i = 5, then -1.
  auto rt = std::make_unique<rt::TypeDesc>();
  rt->name = "int";
  uint32_t intType = m.addType(std::move(rt));
  uint32_t idx = m.declareFunction("main.idx");
  {
    Assembler as(m, idx);
    as.params(1);  // r0 = i
    as.results(1);
    as.frame(6);   // r1..r3 slice, r4 len/cap, r5 value
    as.pointerSlot(1);
    as.line(16);
    as.emitWide(Op::LOADI, 4, 3);
    as.emitExtra(Op::MAKESLICE, 1, 4, 4, intType);
    as.emitWide(Op::LOADI, 5, 7);
    as.line(17);
    as.emit(Op::SSTORE64, 1, 0, 5);
    as.emit(Op::SLOAD64, 0, 1, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  CHECK(run(m, idx, {2}).result == 7);
  o = run(m, idx, {5});
  CHECK(o.exit == Exit::Panicked);
  CHECK(o.report.rfind("panic: runtime error: index out of range [5] with length 3\n\n", 0) == 0);
  CHECK(o.report.find("\tprog.gol:17\n") != std::string::npos);
  o = run(m, idx, {static_cast<uint64_t>(-1)});
  CHECK(o.report.rfind("panic: runtime error: index out of range [-1]\n", 0) == 0);
}

// s := []int{1, 2, 3}; i := 5; _ = s[1:i]
//   -> panic: runtime error: slice bounds out of range [:5] with capacity 3
TEST_CASE("slicing: results and Go's bounds messages") {
  Module m;
  auto it = std::make_unique<rt::TypeDesc>();
  it->name = "int";
  uint32_t intType = m.addType(std::move(it));
  // (lo, hi) -> len(s[lo:hi]) * 100 + cap(s[lo:hi]) for s = make([]int, 3, 4)
  uint32_t f = m.declareFunction("main.sl");
  {
    Assembler as(m, f);
    as.params(2);  // r0 = lo, r1 = hi
    as.results(1);
    as.frame(10);  // r2..r4 s, r5..r7 t, r8 n
    as.pointerSlot(2);
    as.pointerSlot(5);
    as.line(3);
    as.emitWide(Op::LOADI, 8, 3);
    as.emitWide(Op::LOADI, 9, 4);
    as.emitExtra(Op::MAKESLICE, 2, 8, 9, intType);
    as.line(4);
    as.emitExtra(Op::SLICE, 5, 2, 0, 8);  // bounds in r0, r1; elements 8 bytes
    as.emitWide(Op::LOADI, 8, 100);
    as.emit(Op::MUL_I64, 0, 6, 8);
    as.emit(Op::ADD_I64, 0, 0, 7);
    as.emit(Op::RET0);
    as.finish();
  }
  CHECK(run(m, f, {1, 3}).result == 203);
  CHECK(run(m, f, {0, 4}).result == 404);
  CHECK(run(m, f, {4, 4}).result == 0);
  Outcome o = run(m, f, {1, 5});
  CHECK(o.report.rfind("panic: runtime error: slice bounds out of range [:5] with capacity 4\n", 0) == 0);
  o = run(m, f, {3, 2});
  CHECK(o.report.rfind("panic: runtime error: slice bounds out of range [3:2]\n", 0) == 0);
}

TEST_CASE("strings: constants, concatenation, comparison, indexing") {
  Module m;
  uint32_t f = m.declareFunction("main.str");
  {
    Assembler as(m, f);
    as.params(1);  // r0 = index into "hello, " + "world"
    as.results(1);
    as.frame(12);
    for (uint32_t s : {1u, 3u, 5u, 7u}) as.pointerSlot(s);
    as.emitWide(Op::LOADK2, 1, as.constantString("hello, "));
    as.emitWide(Op::LOADK2, 3, as.constantString("world"));
    as.emit(Op::CONCAT, 5, 1, 3);
    as.emitWide(Op::LOADK2, 7, as.constantString("hello, world"));
    as.emit(Op::STREQ, 9, 5, 7);           // true
    as.emit(Op::STRCMP, 10, 1, 3);         // "hello, " < "world": -1
    as.emit(Op::SLOAD8U, 11, 5, 0);        // s[i]
    // result = s[i] * 100 + eq * 10 + (cmp + 1)
    as.emitWide(Op::LOADI, 0, 100);
    as.emit(Op::MUL_I64, 0, 11, 0);
    as.emitWide(Op::LOADI, 1, 10);
    as.emit(Op::MUL_I64, 9, 9, 1);
    as.emit(Op::ADD_I64, 0, 0, 9);
    as.emit(Op::ADDI_I64, 10, 10, 1);
    as.emit(Op::ADD_I64, 0, 0, 10);
    as.emit(Op::RET0);
    as.finish();
  }
  CHECK(run(m, f, {7}).result == static_cast<uint64_t>('w') * 100 + 10 + 0);
  Outcome o = run(m, f, {12});
  CHECK(o.report.rfind("panic: runtime error: index out of range [12] with length 12\n", 0) == 0);
}

// func counter() func() int { n := 0; return func() int { n++; return n } }
// c := counter(); c(); c(); return c()  -> 3
TEST_CASE("closures capture variables by reference") {
  Module m;
  auto it = std::make_unique<rt::TypeDesc>();
  it->name = "int";
  uint32_t intType = m.addType(std::move(it));
  uint32_t body = m.declareFunction("main.counter.func1");
  uint32_t counter = m.declareFunction("main.counter");
  uint32_t mainFn = m.declareFunction("main.main");
  {
    Assembler as(m, body);
    as.usesContext();
    as.results(1);
    as.frame(2);
    as.pointerSlot(1);
    as.emit(Op::GETCTX, 1);
    as.emit(Op::LOAD64, 1, 1, 8);  // &n, the first captured word
    as.emit(Op::LOAD64, 0, 1, 0);
    as.emit(Op::ADDI_I64, 0, 0, 1);
    as.emit(Op::STORE64, 1, 0, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, counter);
    as.results(1);
    as.frame(2);
    as.pointerSlot(0);
    as.pointerSlot(1);
    as.emitWide(Op::NEW, 1, intType);  // n escapes: moved to heap
    as.emitExtra(Op::MAKECLOSURE, 0, 1, 1, body);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, mainFn);
    as.results(1);
    as.frame(5);  // r0 = c; the call window is r4 with its header in r1..r3
    as.pointerSlot(0);
    as.emitWide(Op::CALL, 4, counter);
    as.emit(Op::MOV, 0, 4);
    for (int k = 0; k < 3; ++k) as.emit(Op::CALLC, 4, 0);
    as.emit(Op::RET1, 4);
    as.finish();
  }
  CHECK(run(m, mainFn).result == 3);
}

// func sum(p *int, n int) int { if n == 0 { *p = 42; return 0 }; return n + sum(p, n-1) }
// func main() { x := 0; r := sum(&x, 100000); return r + x }
TEST_CASE("deep recursion grows the stack and moves pointers into it") {
  Module m;
  uint32_t sum = m.declareFunction("main.sum");
  uint32_t mainFn = m.declareFunction("main.main");
  {
    Assembler as(m, sum);
    as.params(2);  // r0 = p, r1 = n
    as.results(1);
    as.frame(7);   // window at r5: header r2..r4, args r5 (p), r6 (n)
    as.pointerSlot(0);
    as.pointerSlot(5);
    auto done = as.newLabel();
    as.jump(Op::JEQI, 1, 0, done);
    as.emit(Op::MOV, 5, 0);
    as.emit(Op::ADDI_I64, 6, 1, imm(-1));
    as.emitWide(Op::CALL, 5, sum);
    as.emit(Op::ADD_I64, 0, 1, 5);
    as.emit(Op::RET0);
    as.bind(done);
    as.emitWide(Op::LOADI, 2, 42);
    as.emit(Op::STORE64, 0, 2, 0);
    as.emitWide(Op::LOADI, 0, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, mainFn);
    as.results(1);
    as.frame(6);  // r0 = x (address taken, stays in the frame), window at r4
    as.pointerSlot(4);
    as.emitWide(Op::LOADI, 0, 0);
    as.emit(Op::ADDR, 4, 0);
    as.emitWide(Op::LOADK, 5, as.constant(100000));
    as.emitWide(Op::CALL, 4, sum);
    as.emit(Op::ADD_I64, 0, 4, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  CHECK(verify(m) == "");
  Machine machine(m);
  rt::G g(1);
  uint64_t before = g.stackSlots;
  REQUIRE(enter(machine, g, mainFn, {}));
  REQUIRE(execute(machine, g) == Exit::Returned);
  CHECK(bottomFrame(g)[0] == 5000050000 + 42);
  CHECK(g.stackSlots >= before * 1024);  // grew at least ten times
}

// 18 func rec(n int) int {
// 19 	return rec(n+1) + 1
TEST_CASE("infinite recursion is a fatal stack overflow") {
  Module m;
  uint32_t rec = m.declareFunction("main.rec");
  uint32_t mainFn = m.declareFunction("main.main");
  {
    Assembler as(m, rec);
    as.params(1);
    as.results(1);
    as.frame(4);
    as.line(18);
    as.emit(Op::NOP);
    as.line(19);
    as.emit(Op::ADDI_I64, 3, 0, 1);
    as.emitWide(Op::CALL, 3, rec);
    as.emit(Op::ADDI_I64, 0, 3, 1);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, mainFn);
    as.frame(4);
    as.line(32);
    as.emitWide(Op::LOADI, 3, 0);
    as.emitWide(Op::CALL, 3, rec);
    as.emit(Op::RET0);
    as.finish();
  }
  m.mainIndex = static_cast<int32_t>(mainFn);
  CHECK(verify(m) == "");
  RunResult r = runMain(m, 1 << 16);
  CHECK(r.exitCode == 2);
  CHECK(r.report.rfind("runtime: goroutine stack exceeds 65536-byte limit\n"
                       "fatal error: stack overflow\n"
                       "\n"
                       "goroutine 1 [running]:\n"
                       "main.rec(...)\n"
                       "\tprog.gol:18\n"
                       "main.rec(...)\n"
                       "\tprog.gol:19\n",
                       0) == 0);
  CHECK(r.report.find(" frames elided...\n") != std::string::npos);
  std::string tail = "main.rec(...)\n\tprog.gol:19\nmain.main()\n\tprog.gol:32\n";
  REQUIRE(r.report.size() > tail.size());
  CHECK(r.report.substr(r.report.size() - tail.size()) == tail);
  // The default limit is Go's.
  CHECK(rt::kMaxStackBytes == 1000000000);
}

TEST_CASE("preemption: loops and calls yield at safepoints and resume") {
  Module m;
  // for i := 0; i < n; i++ { s += i } with a preemption request from a native
  uint32_t nat = m.addNative("test.preemptMe", [](Machine&, rt::G& g, uint64_t*) {
    g.requestPreempt();
    return true;
  });
  uint32_t leaf = m.declareFunction("main.leaf");
  {
    Assembler as(m, leaf);
    as.frame(1);
    as.emit(Op::RET0);
    as.finish();
  }
  uint32_t f = m.declareFunction("main.loop");
  {
    Assembler as(m, f);
    as.params(1);
    as.results(1);
    as.frame(8);
    as.emitWide(Op::LOADI, 1, 0);  // s
    as.emitWide(Op::LOADI, 2, 0);  // i
    auto top = as.newLabel(), cond = as.newLabel();
    as.jump(Op::JMP, cond);
    as.bind(top);
    as.emit(Op::ADD_I64, 1, 1, 2);
    as.emitWide(Op::CALLN, 7, nat);   // request: the call's entry yields
    as.emitWide(Op::CALL, 7, leaf);
    as.emitWide(Op::CALLN, 7, nat);   // request: the back-edge yields
    as.emit(Op::ADDI_I64, 2, 2, 1);
    as.bind(cond);
    as.jump(Op::JLT_S, 2, 0, top);
    as.emit(Op::RET1, 1);
    as.finish();
  }
  Outcome o = run(m, f, {100});
  CHECK(o.exit == Exit::Returned);
  CHECK(o.result == 4950);
  CHECK(o.yields == 100 + 99);  // every call entry, and every back-edge taken (99)
}

TEST_CASE("natives get their window; a channel operation with no scheduler stops with a fatal error") {
  static std::string captured;
  Module m;
  uint32_t printInt = m.addNative("test.printInt", [](Machine&, rt::G&, uint64_t* slots) {
    captured += std::to_string(static_cast<int64_t>(slots[0])) + "\n";
    return true;
  });
  uint32_t f = m.declareFunction("main.main");
  {
    Assembler as(m, f);
    as.frame(4);
    as.line(7);
    as.emitWide(Op::LOADI, 3, static_cast<uint32_t>(-5));
    as.emitWide(Op::CALLN, 3, printInt);
    as.line(8);
    as.emit(Op::SEND, 0, 1);
    as.emit(Op::RET0);
    as.finish();
  }
  captured.clear();
  Outcome o = run(m, f);
  CHECK(captured == "-5\n");
  CHECK(o.exit == Exit::Fatal);
  CHECK(o.report.rfind("fatal error: gol: a channel operation outside the scheduler is not implemented yet\n", 0) == 0);
  CHECK(o.report.find("main.main()\n\tprog.gol:8\n") != std::string::npos);
}

TEST_CASE("disassembly of a small function") {
  Module m;
  uint32_t fib = addFib(m);
  std::string text = disassemble(m, *m.functions[fib]);
  CHECK(text ==
        "func main.fib (prog.gol)\n"
        "  frame 9 slots; params r0; results r0\n"
        "  slots: r0=n\n"
        "  pointers: none\n"
        "    pc  line  op          operands\n"
        "     0     3  JLTI        r0, 2, -> 7              ; r0=n\n"
        "     1     4  ADDI_I64    r4, r0, -1               ; r0=n\n"
        "     2     4  CALL        r4, F0                   ; main.fib\n"
        "     3     4  ADDI_I64    r8, r0, -2               ; r0=n\n"
        "     4     4  CALL        r8, F0                   ; main.fib\n"
        "     5     4  ADD_I64     r0, r4, r8               ; r0=n\n"
        "     6     4  RET0\n"
        "     7     3  RET0\n");
}

namespace {

std::vector<int64_t> recordedInts;
std::vector<std::string> recordedStrings;

bool recordInt(Machine&, rt::G&, uint64_t* slots) {
  recordedInts.push_back(static_cast<int64_t>(slots[0]));
  return true;
}
bool recordString(Machine&, rt::G&, uint64_t* slots) {
  recordedStrings.emplace_back(reinterpret_cast<const char*>(slots[0]), slots[1]);
  return true;
}

uint32_t typeOf(Module& m, const char* name, uint64_t size, bool pointers) {
  auto t = std::make_unique<rt::TypeDesc>();
  t->name = name;
  t->size = size;
  if (pointers) t->pointerWords = {1};
  return m.addType(std::move(t));
}

}  // namespace

// var s []T; for i := 0; i < 2000; i++ { s = append(s, T(i)); if cap changed { record(cap(s)) } }
// go 1.19, T = int:              1,2,4,8,16,32,64,128,256,512,848,1280,1792,2560
// go 1.19, T = struct{a,b,c int8}: 2,5,10,21,42,85,170,341,682,1066,1621,2261
TEST_CASE("append grows capacity exactly as Go") {
  auto caps = [](uint64_t elemSize, bool storeInts) {
    Module m;
    uint32_t rec = m.addNative("test.record", recordInt);
    uint32_t t = typeOf(m, "T", elemSize, false);
    uint32_t f = m.declareFunction("main.grow");
    Assembler as(m, f);
    as.results(1);
    as.frame(10);  // r0..r2 s, r3 i, r4 n, r5 one, r6 last cap, r7 native window, r9 tmp
    as.pointerSlot(0);
    as.emitWide(Op::LOADI, 4, 2000);
    as.emitWide(Op::LOADI, 5, 1);
    auto top = as.newLabel(), same = as.newLabel();
    as.bind(top);
    as.emitExtra(Op::GROWSLICE, 0, 0, 5, t);
    if (storeInts) {
      as.emit(Op::ADDI_I64, 9, 1, imm(-1));
      as.emit(Op::SSTORE64, 0, 9, 3);
    }
    as.jump(Op::JEQ, 2, 6, same);
    as.emit(Op::MOV, 6, 2);
    as.emit(Op::MOV, 7, 2);
    as.emitWide(Op::CALLN, 7, rec);
    as.bind(same);
    as.emit(Op::ADDI_I64, 3, 3, 1);
    as.jump(Op::JLT_S, 3, 4, top);
    if (storeInts) {  // return s[1234] + s[1999]
      as.emitWide(Op::LOADI, 9, 1234);
      as.emit(Op::SLOAD64, 3, 0, 9);
      as.emitWide(Op::LOADI, 9, 1999);
      as.emit(Op::SLOAD64, 4, 0, 9);
      as.emit(Op::ADD_I64, 0, 3, 4);
    }
    as.emit(Op::RET0);
    recordedInts.clear();
    Outcome o = run(m, as.finish());
    if (storeInts) CHECK(o.result == 1234 + 1999);
    return recordedInts;
  };
  CHECK(caps(8, true) ==
        std::vector<int64_t>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560});
  CHECK(caps(3, false) ==
        std::vector<int64_t>{2, 5, 10, 21, 42, 85, 170, 341, 682, 1066, 1621, 2261});
}

// []byte, []rune and string conversions; expected strings from go 1.19:
//   b := []byte("hello"); b[0] = 'j'; string(b) == "jello"
//   string([]rune("a\xffé")) == "a\uFFFDé"; len([]rune("a\xffé")) == 3
//   string(rune(-1)) == "\uFFFD"; string(rune(0x110000)) == "\uFFFD"; string(rune(233)) == "é"
//   copy(b[:4], "HELLO") == 4 -> "HELLo"
TEST_CASE("string conversions and copy") {
  Module m;
  uint32_t rec = m.addNative("test.recordString", recordString);
  uint32_t recI = m.addNative("test.recordInt", recordInt);
  uint32_t f = m.declareFunction("main.conv");
  Assembler as(m, f);
  as.frame(24);
  for (uint32_t s : {0u, 2u, 5u, 8u, 11u, 14u, 21u}) as.pointerSlot(s);
  // r0..r1 "hello"; r2..r4 b; r5..r6 string(b); r20 tmp; window r21..
  as.emitWide(Op::LOADK2, 0, as.constantString("hello"));
  as.emit(Op::STR2BYTES, 2, 0);
  as.emitWide(Op::LOADI, 20, 'j');
  as.emitWide(Op::LOADI, 19, 0);
  as.emit(Op::SSTORE8, 2, 19, 20);
  as.emit(Op::BYTES2STR, 5, 2);
  as.emit(Op::MOV2, 21, 5);
  as.emitWide(Op::CALLN, 21, rec);  // "jello"
  as.emit(Op::MOV2, 21, 0);
  as.emitWide(Op::CALLN, 21, rec);  // "hello": the string was not shared
  // runes
  as.emitWide(Op::LOADK2, 0, as.constantString("a\xff\xc3\xa9"));
  as.emit(Op::STR2RUNES, 8, 0);
  as.emit(Op::MOV, 21, 9);
  as.emitWide(Op::CALLN, 21, recI);  // 3
  as.emit(Op::LOAD32S, 21, 8, 4);
  as.emitWide(Op::CALLN, 21, recI);  // 65533
  as.emit(Op::RUNES2STR, 11, 8);
  as.emit(Op::MOV2, 21, 11);
  as.emitWide(Op::CALLN, 21, rec);  // "a\uFFFDé"
  for (int32_t r : {-1, 0x110000, 233}) {
    as.emitWide(Op::LOADI, 20, static_cast<uint32_t>(r));
    as.emit(Op::RUNE2STR, 21, 20);
    as.emitWide(Op::CALLN, 21, rec);
  }
  // range-style decoding of "a\xffé" at byte offsets 0, 1, 2
  for (int k : {0, 1, 2}) {
    as.emitWide(Op::LOADI, 20, static_cast<uint32_t>(k));
    as.emit(Op::DECODERUNE, 16, 0, 20);
    as.emit(Op::MOV, 21, 16);
    as.emitWide(Op::CALLN, 21, recI);
    as.emit(Op::MOV, 21, 17);
    as.emitWide(Op::CALLN, 21, recI);
  }
  // copy(b[:4], "HELLO")
  as.emitWide(Op::LOADI, 17, 0);
  as.emitWide(Op::LOADI, 18, 4);
  as.emitExtra(Op::SLICE, 14, 2, 17, 1);
  as.emitWide(Op::LOADK2, 0, as.constantString("HELLO"));
  as.emitExtra(Op::COPY, 21, 14, 0, 1);
  as.emitWide(Op::CALLN, 21, recI);  // 4
  as.emit(Op::BYTES2STR, 21, 2);
  as.emitWide(Op::CALLN, 21, rec);  // "HELLo"
  as.emit(Op::RET0);
  recordedStrings.clear();
  recordedInts.clear();
  Outcome o = run(m, as.finish());
  REQUIRE(o.exit == Exit::Returned);
  CHECK(recordedStrings == std::vector<std::string>{"jello", "hello", "a\xef\xbf\xbd\xc3\xa9",
                                                    "\xef\xbf\xbd", "\xef\xbf\xbd", "\xc3\xa9",
                                                    "HELLo"});
  CHECK(recordedInts == std::vector<int64_t>{3, 65533, 97, 1, 65533, 1, 233, 2, 4});
}

TEST_CASE("the verifier rejects what the interpreter would trust") {
  auto check = [](auto body) {
    Module m;
    uint32_t f = m.declareFunction("main.bad");
    Assembler as(m, f);
    as.params(1);
    as.results(1);
    as.frame(4);
    body(as, f);
    as.finish();
    return verify(m);
  };
  CHECK(check([](Assembler& as, uint32_t) { as.emit(Op::RET0); }) == "");
  CHECK(check([](Assembler& as, uint32_t) {
          as.emit(Op::MOV3, 2, 0);
          as.emit(Op::RET0);
        }) == "main.bad: pc 0: MOV3: slot r2 (+3) outside the frame of 4");
  CHECK(check([](Assembler& as, uint32_t f) {
          as.emitWide(Op::CALL, 2, f);
          as.emit(Op::RET0);
        }) == "main.bad: pc 0: CALL: call window below slot 3 leaves no room for the frame header");
  CHECK(check([](Assembler& as, uint32_t f) {
          as.emitWide(Op::CALL, 4, f);
          as.emit(Op::RET0);
        }) == "main.bad: pc 0: CALL: slot r4 (+1) outside the frame of 4");
  CHECK(check([](Assembler& as, uint32_t) { as.emit(Op::ADD_I64, 0, 0, 0); }) ==
        "main.bad: pc 0: code runs off the end");
  CHECK(check([](Assembler& as, uint32_t) {
          as.emitWide(Op::LOADK, 0, 3);
          as.emit(Op::RET0);
        }) == "main.bad: pc 0: LOADK: no such constant");
}

// m := map[string]int{}; for _, w := range []string{"a","b","a","c","a","b"} { m[w]++ }
// r := m["a"]*1000 + len(m)*100; _, ok := m["zz"]; delete(m, "a")
// for _, v := range m { r += v }  -> 3000 + 300 + (2 + 1) = 3303, ok false
// var n map[string]int; n["x"] = 1  -> panic: assignment to entry in nil map
TEST_CASE("map opcodes: counting words, ranging, nil map writes") {
  Module m;
  uint32_t str = typeOf(m, "string", 16, true);
  m.types[str]->kind = rt::TypeKind::String;
  uint32_t intT = typeOf(m, "int", 8, false);
  auto mt = std::make_unique<rt::TypeDesc>();
  mt->name = "map[string]int";
  mt->kind = rt::TypeKind::Map;
  mt->key = m.types[str].get();
  mt->elem = m.types[intT].get();
  uint32_t mapT = m.addType(std::move(mt));
  uint32_t f = m.declareFunction("main.words");
  {
    Assembler as(m, f);
    as.params(1);  // r0: 1 to write to a nil map at the end
    as.results(1);
    as.frame(16);
    // r1 map, r2..r3 key, r4 &key, r5 &value, r6 tmp, r7 result, r8..r9 &v/ok, r10 iter
    for (uint32_t s : {1u, 2u, 4u, 5u, 8u, 9u, 10u}) as.pointerSlot(s);
    as.line(2);
    as.emitExtra(Op::MAPNEW, 1, 6, 0, mapT);
    as.emit(Op::ADDR, 4, 2);
    for (const char* w : {"a", "b", "a", "c", "a", "b"}) {
      as.emitWide(Op::LOADK2, 2, as.constantString(w));
      as.emitExtra(Op::MAPASSIGN, 5, 1, 4, mapT);
      as.emit(Op::LOAD64, 6, 5, 0);
      as.emit(Op::ADDI_I64, 6, 6, 1);
      as.emit(Op::STORE64, 5, 6, 0);
    }
    as.emitWide(Op::LOADK2, 2, as.constantString("a"));
    as.emitExtra(Op::MAPACCESS, 5, 1, 4, mapT);
    as.emit(Op::LOAD64, 7, 5, 0);
    as.emitWide(Op::LOADI, 6, 1000);
    as.emit(Op::MUL_I64, 7, 7, 6);
    as.emit(Op::MAPLEN, 6, 1);
    as.emitWide(Op::LOADI, 11, 100);
    as.emit(Op::MUL_I64, 6, 6, 11);
    as.emit(Op::ADD_I64, 7, 7, 6);
    as.emitWide(Op::LOADK2, 2, as.constantString("zz"));
    as.emitExtra(Op::MAPACCESS2, 8, 1, 4, mapT);
    as.emit(Op::LOAD64, 6, 8, 0);  // the zero value
    as.emit(Op::ADD_I64, 7, 7, 6);
    as.emit(Op::MOV, 12, 9);       // ok, kept for the end
    as.emitWide(Op::LOADK2, 2, as.constantString("a"));
    as.emitExtra(Op::MAPDELETE, 1, 4, 0, mapT);
    as.emit(Op::MAPITER, 10, 1);
    auto top = as.newLabel(), done = as.newLabel();
    as.bind(top);
    as.jump(Op::MAPNEXT, 8, 10, done);
    as.emit(Op::LOAD64, 6, 9, 0);
    as.emit(Op::ADD_I64, 7, 7, 6);
    as.jump(Op::LOOP, top);
    as.bind(done);
    as.emitWide(Op::LOADI, 6, 10000);
    as.emit(Op::MUL_I64, 12, 12, 6);
    as.emit(Op::ADD_I64, 7, 7, 12);  // + 10000 if ok were true
    auto write = as.newLabel();
    as.jump(Op::JNEI, 0, 0, write);
    as.emit(Op::RET1, 7);
    as.bind(write);
    as.line(9);
    as.emitWide(Op::LOADI, 1, 0);  // var n map[string]int
    as.emitExtra(Op::MAPASSIGN, 5, 1, 4, mapT);
    as.emit(Op::RET1, 7);
    as.finish();
  }
  Outcome o = run(m, f, {0});
  REQUIRE(o.exit == Exit::Returned);
  CHECK(o.result == 3303);
  o = run(m, f, {1});
  CHECK(o.exit == Exit::Panicked);
  CHECK(o.report ==
        "panic: assignment to entry in nil map\n"
        "\n"
        "goroutine 1 [running]:\n"
        "main.words(...)\n"
        "\tprog.gol:9\n");
  std::string text = disassemble(m, *m.functions[f]);
  INFO(text);
  CHECK(text.find("MAPASSIGN   r5, r1, r4, T2           ; map[string]int\n") != std::string::npos);
}

// println(1.5, 0.0, 1e21, 123456789.0, 0.1, math.Inf(1), math.NaN(), 9.9999999, 1e-320, float32(0.1))
// println(true, 42, -7, uint64(18446744073709551615), "str", 'x')
// var p *int; println(p); var e interface{}; println(e); var s []int; println(s)
// (expected output from go 1.19)
TEST_CASE("print and println write the runtime's formats to stderr") {
  Module m;
  uint32_t f = m.declareFunction("main.main");
  Assembler as(m, f);
  as.frame(4);
  auto sp = [&] { as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Space)); };
  auto nl = [&] { as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Newline)); };
  bool first = true;
  for (double d : {1.5, 0.0, 1e21, 123456789.0, 0.1, HUGE_VAL, std::nan(""), 9.9999999, 1e-320,
                   static_cast<double>(0.1f)}) {
    if (!first) sp();
    first = false;
    as.emitWide(Op::LOADK, 0, as.constantF64(d));
    as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Float));
  }
  nl();
  as.emitWide(Op::LOADI, 0, 1);
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Bool));
  sp();
  as.emitWide(Op::LOADI, 0, 42);
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Int));
  sp();
  as.emitWide(Op::LOADI, 0, static_cast<uint32_t>(-7));
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Int));
  sp();
  as.emitWide(Op::LOADI, 0, static_cast<uint32_t>(-1));
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Uint));
  sp();
  as.emitWide(Op::LOADK2, 0, as.constantString("str"));
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::String));
  sp();
  as.emitWide(Op::LOADI, 0, 'x');
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Int));
  nl();
  as.emit(Op::ZERO, 0, 3);
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Pointer));
  nl();
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Iface));
  nl();
  as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Slice));
  nl();
  as.emit(Op::RET0);
  as.finish();
  std::string err;
  rt::captureStderr(&err);
  Outcome o = run(m, f);
  rt::captureStderr(nullptr);
  CHECK(o.exit == Exit::Returned);
  CHECK(err ==
        "+1.500000e+000 +0.000000e+000 +1.000000e+021 +1.234568e+008 +1.000000e-001 +Inf NaN "
        "+1.000000e+001 +9.999889e-321 +1.000000e-001\n"
        "true 42 -7 18446744073709551615 str 120\n"
        "0x0\n"
        "(0x0,0x0)\n"
        "[0/0]0x0\n");
  CHECK(disassemble(m, *m.functions[f]).find("PRINT       r0, float\n") != std::string::npos);
}

// The Go program (line numbers matter for the traces):
//  5 func rec(i int) { print(i) }
//  7 func f() (r int) {
//  8 	defer func() { r = r*10 + 1 }()
//  9 	defer func() { r = r*10 + 2 }()
// 10 	r = 5
// 11 	return r
// 12 }
// 14 func safeDiv(a, b int) (q int) {
// 15 	defer func() { if r := recover(); r != nil { q = -1 } }()
// 20 	q = a / b
// 21 	return
// 24 func helper() interface{} { return recover() }
// 26 func main() {
// 27 	for i := 0; i < 3; i++ { defer rec(i) }
// 30 	println(f(), safeDiv(7, 2), safeDiv(1, 0))
// 31 	switch os.Args[1] {
// 32 	case "chain":
// 33 		defer func() {
// 34 			recover()
// 35 			panic("again")
// 36 		}()
// 37 		panic("first")
// 38 	case "indirect":
// 39 		defer func() { helper() }()
// 40 		panic(42)
// go 1.19 prints on stderr "521 3 -1\n210" for every mode, then for chain
// "panic: first [recovered]\n\tpanic: again" and for indirect "panic: 42",
// exit status 2.
TEST_CASE("defer, panic and recover") {
  Module m;
  uint32_t intT = typeOf(m, "int", 8, false);
  m.types[intT]->kind = rt::TypeKind::Int;
  uint32_t strT = typeOf(m, "string", 16, true);
  m.types[strT]->kind = rt::TypeKind::String;
  uint32_t rec = m.declareFunction("main.rec");
  uint32_t f = m.declareFunction("main.f");
  uint32_t f1 = m.declareFunction("main.f.func1");
  uint32_t f2 = m.declareFunction("main.f.func2");
  uint32_t sd = m.declareFunction("main.safeDiv");
  uint32_t sd1 = m.declareFunction("main.safeDiv.func1");
  uint32_t helper = m.declareFunction("main.helper");
  uint32_t mainFn = m.declareFunction("main.main");
  uint32_t chain1 = m.declareFunction("main.main.func1");
  uint32_t ind1 = m.declareFunction("main.main.func2");
  {
    Assembler as(m, rec);
    as.params(1);
    as.frame(1);
    as.line(5);
    as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Int));
    as.emit(Op::RET0);
    as.finish();
  }
  auto scaleBody = [&](uint32_t idx, int add) {
    Assembler as(m, idx);
    as.usesContext();
    as.frame(3);
    as.pointerSlot(0);
    as.line(8);
    as.emit(Op::GETCTX, 0);
    as.emit(Op::LOAD64, 0, 0, 8);  // &r
    as.emit(Op::LOAD64, 1, 0, 0);
    as.emitWide(Op::LOADI, 2, 10);
    as.emit(Op::MUL_I64, 1, 1, 2);
    as.emit(Op::ADDI_I64, 1, 1, imm(add));
    as.emit(Op::STORE64, 0, 1, 0);
    as.emit(Op::RET0);
    as.finish();
  };
  scaleBody(f1, 1);
  scaleBody(f2, 2);
  {
    Assembler as(m, f);
    as.results(1);
    as.frame(5);
    for (uint32_t s : {1u, 2u, 3u}) as.pointerSlot(s);
    as.line(7);
    as.emitWide(Op::NEW, 1, intT);  // r escapes into the closures
    as.line(8);
    as.emitExtra(Op::MAKECLOSURE, 2, 1, 1, f1);
    as.emit(Op::DEFER, 0, 2);
    as.line(9);
    as.emitExtra(Op::MAKECLOSURE, 3, 1, 1, f2);
    as.emit(Op::DEFER, 0, 3);
    as.line(10);
    as.emitWide(Op::LOADI, 4, 5);
    as.emit(Op::STORE64, 1, 4, 0);
    as.line(11);
    as.recoverPoint();
    as.emit(Op::RUNDEFERS);
    as.emit(Op::LOAD64, 0, 1, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, sd1);
    as.usesContext();
    as.frame(4);
    for (uint32_t s : {0u, 1u, 2u}) as.pointerSlot(s);
    as.line(15);
    auto end = as.newLabel();
    as.emit(Op::RECOVER, 0);
    as.jump(Op::JEQI, 0, 0, end);
    as.emit(Op::GETCTX, 2);
    as.emit(Op::LOAD64, 2, 2, 8);
    as.emitWide(Op::LOADI, 3, static_cast<uint32_t>(-1));
    as.emit(Op::STORE64, 2, 3, 0);
    as.bind(end);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, sd);
    as.params(2);
    as.results(1);
    as.frame(5);
    as.pointerSlot(2);
    as.pointerSlot(3);
    as.line(14);
    as.emitWide(Op::NEW, 2, intT);
    as.line(15);
    as.emitExtra(Op::MAKECLOSURE, 3, 2, 1, sd1);
    as.emit(Op::DEFER, 0, 3);
    as.line(20);
    as.emit(Op::DIV_S, 4, 0, 1);
    as.emit(Op::STORE64, 2, 4, 0);
    as.line(21);
    as.recoverPoint();
    as.emit(Op::RUNDEFERS);
    as.emit(Op::LOAD64, 0, 2, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, helper);
    as.results(2);
    as.frame(2);
    as.line(24);
    as.emit(Op::RECOVER, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  auto boxString = [&](Assembler& as, const char* text) {  // r12..r13 = interface{}(text)
    as.emitWide(Op::NEW, 13, strT);
    as.emitWide(Op::LOADK2, 14, as.constantString(text));
    as.emit(Op::STOREN, 13, 14, 2);
    as.emitWide(Op::LOADTYPE, 12, strT);
  };
  {
    Assembler as(m, chain1);
    as.frame(16);
    as.pointerSlot(13);
    as.pointerSlot(14);
    as.line(34);
    as.emit(Op::RECOVER, 0);
    as.line(35);
    boxString(as, "again");
    as.emit(Op::PANIC, 12);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, ind1);
    as.frame(5);
    as.line(39);
    as.emitWide(Op::CALL, 3, helper);
    as.emit(Op::RET0);
    as.finish();
  }
  {
    Assembler as(m, mainFn);
    as.params(1);  // the mode: 0, 1 = chain, 2 = indirect
    as.frame(16);
    for (uint32_t s : {3u, 13u, 14u}) as.pointerSlot(s);
    as.line(27);
    as.emitWide(Op::LOADI, 2, 3);
    auto top = as.newLabel();
    as.bind(top);
    as.emit(Op::MOV, 4, 1);
    as.emitWide(Op::LOADFN, 3, rec);
    as.emit(Op::DEFER, 4, 3);
    as.emit(Op::ADDI_I64, 1, 1, 1);
    as.jump(Op::JLT_S, 1, 2, top);
    as.line(30);
    as.emitWide(Op::CALL, 8, f);
    as.emit(Op::PRINT, 8, static_cast<uint16_t>(rt::PrintKind::Int));
    for (auto [a, b] : {std::pair{7, 2}, std::pair{1, 0}}) {
      as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Space));
      as.emitWide(Op::LOADI, 12, static_cast<uint32_t>(a));
      as.emitWide(Op::LOADI, 13, static_cast<uint32_t>(b));
      as.emitWide(Op::CALL, 12, sd);
      as.emit(Op::PRINT, 12, static_cast<uint16_t>(rt::PrintKind::Int));
    }
    as.emit(Op::PRINT, 0, static_cast<uint16_t>(rt::PrintKind::Newline));
    auto chain = as.newLabel(), indirect = as.newLabel(), done = as.newLabel();
    as.line(31);
    as.jump(Op::JEQI, 0, 1, chain);
    as.jump(Op::JEQI, 0, 2, indirect);
    as.jump(Op::JMP, done);
    as.bind(chain);
    as.line(33);
    as.emitWide(Op::LOADFN, 3, chain1);
    as.emit(Op::DEFER, 4, 3);
    as.line(37);
    boxString(as, "first");
    as.emit(Op::PANIC, 12);
    as.jump(Op::JMP, done);
    as.bind(indirect);
    as.line(39);
    as.emitWide(Op::LOADFN, 3, ind1);
    as.emit(Op::DEFER, 4, 3);
    as.line(40);
    as.emitWide(Op::NEW, 13, intT);
    as.emitWide(Op::LOADI, 14, 42);
    as.emit(Op::STORE64, 13, 14, 0);
    as.emitWide(Op::LOADTYPE, 12, intT);
    as.emit(Op::PANIC, 12);
    as.bind(done);
    as.line(42);
    as.recoverPoint();
    as.emit(Op::RUNDEFERS);
    as.emit(Op::RET0);
    as.finish();
  }
  auto runMode = [&](uint64_t mode, std::string* err) {
    rt::captureStderr(err);
    Outcome o = run(m, mainFn, {mode});
    rt::captureStderr(nullptr);
    return o;
  };
  std::string err;
  Outcome o = runMode(0, &err);
  CHECK(o.exit == Exit::Returned);
  CHECK(err == "521 3 -1\n210");
  err.clear();
  o = runMode(1, &err);
  CHECK(err == "521 3 -1\n210");
  CHECK(o.exit == Exit::Panicked);
  CHECK(o.report ==
        "panic: first [recovered]\n"
        "\tpanic: again\n"
        "\n"
        "goroutine 1 [running]:\n"
        "main.main.func1()\n"
        "\tprog.gol:35\n"
        "main.main(...)\n"
        "\tprog.gol:37\n");
  err.clear();
  o = runMode(2, &err);
  CHECK(err == "521 3 -1\n210");
  CHECK(o.exit == Exit::Panicked);
  CHECK(o.report ==
        "panic: 42\n"
        "\n"
        "goroutine 1 [running]:\n"
        "main.main(...)\n"
        "\tprog.gol:40\n");
}

// type I interface{ M() int }; type J interface{ M() int; N() int }
// type A struct{ x int }; func (a *A) M() int { return a.x }
// var i I = &A{5}; var e interface{} = i
// mode 0: return i.M()*100 + e.(I).M()*10 + (e.(B) comma-ok: 0) + ("ab" == "a"+"b" as interfaces)
// mode 1: e.(int)   mode 2: i.(B)   mode 3: e.(J)   mode 4: interface{}([]int{}) == itself
// (panic texts from go 1.19, see above)
TEST_CASE("interfaces: itabs, method calls, assertions, equality") {
  Module m;
  uint32_t intT = typeOf(m, "int", 8, false);
  m.types[intT]->kind = rt::TypeKind::Int;
  uint32_t strT = typeOf(m, "string", 16, true);
  m.types[strT]->kind = rt::TypeKind::String;
  uint32_t sliceT = typeOf(m, "[]int", 24, true);
  m.types[sliceT]->kind = rt::TypeKind::Slice;
  uint32_t bT = typeOf(m, "main.B", 0, false);
  m.types[bT]->kind = rt::TypeKind::Struct;
  uint32_t aT = typeOf(m, "main.A", 8, false);
  m.types[aT]->kind = rt::TypeKind::Struct;
  uint32_t paT = typeOf(m, "*main.A", 8, true);
  m.types[paT]->kind = rt::TypeKind::Pointer;
  uint32_t iT = typeOf(m, "main.I", 16, true);
  m.types[iT]->kind = rt::TypeKind::Interface;
  m.types[iT]->methods = {{"M", nullptr}};
  uint32_t jT = typeOf(m, "main.J", 16, true);
  m.types[jT]->kind = rt::TypeKind::Interface;
  m.types[jT]->methods = {{"M", nullptr}, {"N", nullptr}};
  uint32_t am = m.declareFunction("main.(*A).M");
  {
    Assembler as(m, am);
    as.params(1);
    as.results(1);
    as.frame(1);
    as.pointerSlot(0);
    as.emit(Op::LOAD64, 0, 0, 0);
    as.emit(Op::RET0);
    as.finish();
  }
  m.types[paT]->methods = {{"M", m.functions[am].get()}};
  uint32_t f = m.declareFunction("main.run");
  {
    Assembler as(m, f);
    as.params(1);
    as.results(1);
    as.frame(24);
    for (uint32_t s : {1u, 2u, 3u, 4u, 5u, 11u, 12u, 13u, 14u, 15u, 16u, 17u, 18u}) as.pointerSlot(s);
    as.line(3);
    as.emitWide(Op::NEW, 1, aT);  // &A{5}
    as.emitWide(Op::LOADI, 6, 5);
    as.emit(Op::STORE64, 1, 6, 0);
    as.emitWide(Op::LOADTYPE, 2, paT);
    as.emitExtra(Op::ITAB, 2, 2, 0, iT);  // i = (itab, &A) in r2..r3
    as.emit(Op::MOV, 3, 1);
    as.emit(Op::IFACE2E, 4, 2);           // e in r4..r5
    auto m1 = as.newLabel(), m2 = as.newLabel(), m3 = as.newLabel(), m4 = as.newLabel();
    as.jump(Op::JEQI, 0, 1, m1);
    as.jump(Op::JEQI, 0, 2, m2);
    as.jump(Op::JEQI, 0, 3, m3);
    as.jump(Op::JEQI, 0, 4, m4);
    as.emit(Op::CALLI, 10, 2, 0);         // i.M()
    as.emitWide(Op::LOADI, 6, 100);
    as.emit(Op::MUL_I64, 7, 10, 6);
    as.emitExtra(Op::ASSERT, 11, 4, 2, iT);  // e.(I)
    as.emit(Op::CALLI, 16, 11, 0);
    as.emitWide(Op::LOADI, 6, 10);
    as.emit(Op::MUL_I64, 6, 16, 6);
    as.emit(Op::ADD_I64, 7, 7, 6);
    as.emitExtra(Op::ASSERT, 11, 4, 4, bT);  // _, ok := e.(B)
    as.emit(Op::ADD_I64, 7, 7, 12);
    // interface{}("ab") == interface{}("a" + "b")
    as.emitWide(Op::LOADK2, 16, as.constantString("ab"));
    as.emitWide(Op::NEW, 15, strT);
    as.emit(Op::STOREN, 15, 16, 2);
    as.emitWide(Op::LOADTYPE, 14, strT);
    as.emitWide(Op::LOADK2, 16, as.constantString("a"));
    as.emitWide(Op::LOADK2, 18, as.constantString("b"));
    as.emit(Op::CONCAT, 16, 16, 18);
    as.emitWide(Op::NEW, 13, strT);
    as.emit(Op::STOREN, 13, 16, 2);
    as.emitWide(Op::LOADTYPE, 12, strT);
    as.emit(Op::EFACEEQ, 6, 12, 14);
    as.emit(Op::ADD_I64, 0, 7, 6);
    as.emit(Op::RET0);
    as.bind(m1);
    as.line(31);
    as.emitExtra(Op::ASSERT, 11, 4, 0, intT);
    as.emit(Op::RET0);
    as.bind(m2);
    as.line(32);
    as.emitExtra(Op::ASSERT, 11, 2, 1, bT);
    as.emit(Op::RET0);
    as.bind(m3);
    as.line(33);
    as.emitExtra(Op::ASSERT, 11, 4, 2, jT);
    as.emit(Op::RET0);
    as.bind(m4);
    as.line(34);
    as.emitWide(Op::NEW, 13, sliceT);
    as.emitWide(Op::LOADTYPE, 12, sliceT);
    as.emit(Op::EFACEEQ, 0, 12, 12);
    as.emit(Op::RET0);
    as.finish();
  }
  Outcome o = run(m, f, {0});
  REQUIRE(o.exit == Exit::Returned);
  CHECK(o.result == 551);
  auto head = [&](uint64_t mode) {
    std::string r = run(m, f, {mode}).report;
    return r.substr(0, r.find('\n'));
  };
  CHECK(head(1) == "panic: interface conversion: interface {} is *main.A, not int");
  CHECK(head(2) == "panic: interface conversion: main.I is *main.A, not main.B");
  CHECK(head(3) == "panic: interface conversion: *main.A is not main.J: missing method N");
  CHECK(head(4) == "panic: runtime error: comparing uncomparable type []int");
}

// s := 0; for i := 0; i < n; i++ { s += i }, closed by INCJLT; preempted at
// every back-edge.
TEST_CASE("INCJLT closes counting loops and is a safepoint") {
  Module m;
  uint32_t nat = m.addNative("test.preemptMe", [](Machine&, rt::G& g, uint64_t*) {
    g.requestPreempt();
    return true;
  });
  uint32_t f = m.declareFunction("main.sum");
  Assembler as(m, f);
  as.params(1);
  as.results(1);
  as.frame(4);
  auto body = as.newLabel(), done = as.newLabel();
  as.emitWide(Op::LOADI, 1, 0);
  as.emitWide(Op::LOADI, 2, 0);
  as.jump(Op::JLE_S, 0, 2, done);
  as.bind(body);
  as.emit(Op::ADD_I64, 1, 1, 2);
  as.emitWide(Op::CALLN, 3, nat);
  as.jump(Op::INCJLT, 2, 0, body);
  as.bind(done);
  as.emit(Op::RET1, 1);
  Outcome o = run(m, as.finish(), {1000});
  CHECK(o.result == 499500);
  CHECK(o.yields == 999);
  CHECK(run(m, f, {0}).result == 0);
}
