// Stack maps per safepoint: which frame slots hold live pointers where a
// frame can stop (DESIGN.md §3, Go's stack maps).
//
// The pass runs once per function at Module::finalize, before any
// goroutine runs, and leaves its result in Function::stackMaps, which the
// collector's threads and stack copies then only read.
//
// 1. The control-flow graph over instructions: fall-through, the jump of
//    every Jump-format operand, and, in a function with DEFER (recoverPc
//    set), an edge from every instruction to recoverPc, where a recovered
//    panic resumes the frame (any instruction may panic, a call through
//    its callee). That edge does not see the instruction's own writes: a
//    call that panicked wrote no results.
// 2. Per instruction, the slots it reads (uses) and the slots it surely
//    writes on every path that goes on to its successors (defs), from the
//    opcode's semantics in vm/opcodes.h. Reading is the safe side: where
//    the extent is not in the instruction (a native's or a closure's call
//    window, a channel element, select's cases, which name their element
//    slots by number) the pass reads every slot from the window up to the
//    statement's live top (Function::liveTops, which codegen keeps above
//    every window), or the whole frame; a write it cannot vouch for is not
//    a def. A map key passed by address (ADDR just before the map
//    operation) is read by the map operation: the key type's slots from
//    the ADDR's target (every ADDR target of the function if the key
//    operand's def is not found). An opcode the pass does not know reads
//    the whole frame.
// 3. Backward dataflow to a fixpoint: out(I) = the union of in(S) over I's
//    successors, in(I) = use(I) | (out(I) - def(I)) | in(recoverPc).
// 4. A frame stopped at position P (just past the instruction I it stopped
//    in, a call or an allocation, or at the instruction N it resumes with,
//    as a preempted loop does) scans
//        (in(N) & kinds(N)) | ((in(I) | out(I)) & kinds(I))
//    where kinds(J) are the slots of a pointer kind at J
//    (Function::pointerIntervals), and the slots that may hold a pointer a
//    CALL returned (Function::resultPointers: the result words its RETs
//    copy from pointer-kind slots; a forward pass, each def ends it), as
//    codegen marks a call's arguments in the caller's window but not
//    always its results. out(I) adds what I writes and later
//    code reads: a native may have stored a result before it allocates.
//    Those may hold stale values until I writes them, harmless to a scan
//    (candidates are checked) and to a stack move (the value is dead),
//    but not "live": the strict set, without out(I), is what gccheckmark
//    checks frames against. Positions where the sets do not change share
//    one entry.
//
// Frame objects (Function::stackObjects) are not in the maps: they are
// live while a pointer to them is (vm/interp.cpp, "Frame objects").
//
// A function too large for the dense bit sets (instructions x slots) gets
// no maps, and its frames are scanned as before: every slot of `pointers`
// below the live top.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/bytecode.h"

namespace gol::rt {
class G;
}

namespace gol::vm {

// Fills fn.resultPointers; for every function before any computeStackMaps.
void computeResultPointers(Function& fn);

// Fills fn.stackMaps (or leaves them empty, see above).
void computeStackMaps(const Module& module, Function& fn);

// The dataflow result, for tests and the disassembler: per instruction,
// its first code word and the sorted slots live into and out of it.
struct Liveness {
  std::vector<uint32_t> pcs;
  std::vector<std::vector<uint32_t>> in, out;
};
Liveness computeLiveness(const Module& module, const Function& fn);

// forEachStackRoot (vm/interp.h) restricted to the strict sets: the words
// of g's frames that are live where each frame stopped, for gccheckmark.
// Defined in vm/interp.cpp beside forEachStackRoot.
void forEachLiveStackRoot(const rt::G& g, void (*visit)(uint64_t word, void* ctx), void* ctx);

}  // namespace gol::vm
