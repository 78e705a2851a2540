// Several modules on one interpreter, as the REPL runs them
// (vm::Function::module): a func value made in one module and called from
// another must run with its own module's functions and globals, and the
// caller's tables must come back when it returns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "runtime/goroutine.h"
#include "vm/bytecode.h"
#include "vm/interp.h"

using namespace gol::vm;
namespace rt = gol::rt;

// Module A:  var a0 = 42; var a1 = 1000
//            func get() int { return a0 + helper() }   (function 0)
//            func helper() int { return a1 }            (function 1)
// Module B:  var b0 = A's get as a func value; var b1 = 8
//            func main() int { return b0() + b1 }       (function 0)
//            func decoy() int { return 5 }              (function 1, where A has helper)
TEST_CASE("a func value of one module called from another uses its own tables") {
  Module a;
  uint32_t a0 = a.addGlobal(1), a1 = a.addGlobal(1);
  uint32_t get = a.declareFunction("a.get"), helper = a.declareFunction("a.helper");
  {
    Assembler as(a, get);
    as.results(1);
    as.frame(5);  // the call window at r4, its header in r1..r3
    as.emitWide(Op::GETG, 0, a0);
    as.emitWide(Op::CALL, 4, helper);
    as.emit(Op::ADD_I64, 0, 0, 4);
    as.emit(Op::RET1, 0);
    as.finish();
  }
  {
    Assembler as(a, helper);
    as.results(1);
    as.frame(1);
    as.emitWide(Op::GETG, 0, a1);
    as.emit(Op::RET1, 0);
    as.finish();
  }
  a.finalize();
  a.globals[a0] = 42;
  a.globals[a1] = 1000;

  Module b;
  uint32_t b0 = b.addGlobal(1, /*pointer=*/true), b1 = b.addGlobal(1);
  uint32_t mainFn = b.declareFunction("b.main"), decoy = b.declareFunction("b.decoy");
  {
    Assembler as(b, mainFn);
    as.results(1);
    as.frame(5);
    as.pointerSlot(0);
    as.emitWide(Op::GETG, 0, b0);
    as.emit(Op::CALLC, 4, 0);
    as.emitWide(Op::GETG, 1, b1);
    as.emit(Op::ADD_I64, 0, 4, 1);
    as.emit(Op::RET1, 0);
    as.finish();
  }
  {
    Assembler as(b, decoy);
    as.results(1);
    as.frame(1);
    as.emitWide(Op::GETG, 0, b1);
    as.emit(Op::ADDI_I64, 0, 0, static_cast<uint16_t>(-3));
    as.emit(Op::RET1, 0);
    as.finish();
  }
  b.finalize();
  b.globals[b0] = reinterpret_cast<uint64_t>(&a.functionTable[get]->staticClosure);
  b.globals[b1] = 8;

  CHECK(a.functionTable[get]->module == &a);
  CHECK(b.functionTable[mainFn]->module == &b);
  Machine machine(b);
  rt::G g(1);
  REQUIRE(enter(machine, g, mainFn, {}));
  Exit e = Exit::Yielded;
  while (e == Exit::Yielded) e = execute(machine, g);
  REQUIRE(e == Exit::Returned);
  CHECK(bottomFrame(g)[0] == 42 + 1000 + 8);
}
