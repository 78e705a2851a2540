// The instruction set of gol's VM: one table defines every opcode.
//
// Everything about an opcode comes from GOL_OPCODES below: the Op enum, the
// names, the operand format (which the disassembler, the assembler and a
// future verifier read), the hazard flags (which STYLE.md 4 asks to be
// visible), and the dispatch table of the interpreter. Adding an opcode is
// one row here plus one handler in interp.cpp; the build fails on a
// handler without a row, and a row without a handler falls into the
// "not implemented" handler only if it is marked Unimpl.
//
// Instructions are 64-bit words:
//
//     bits  0..15  op
//           16..31 a        (a slot, almost always the destination)
//           32..47 b        \  or together bx: an unsigned 32-bit index
//           48..63 c        /  (constant, global, function, type) or sbx,
//                              a signed 32-bit immediate or jump offset
//
// A few opcodes take one more 64-bit word after them (format *E: element
// size, array length, type or function index); `instrWords` says how many.
// Slot operands are 16 bits, so a frame has at most 65535 slots; codegen
// moves larger locals to the heap. Jump offsets count instructions words
// from the word after the jump.
//
// Why this shape: Gol is statically typed (DESIGN.md §3), so operands are
// untagged 8-byte slots and each opcode knows its operand types, e.g.
// ADD_I64 vs ADD_F64, and there is no tag test anywhere in the hot path;
// that, 3-address operands and fused compare-and-branch are what let the
// loop beat Lua 5.4, which checks tags on every arithmetic instruction.
// 64-bit words instead of Lua's 32 keep every operand field 16 bits wide
// (frames with flattened structs and arrays can pass 256 slots) and still
// decode with shifts of a single load.
//
// Integer kinds. Every integer value lives in its slot in canonical form:
// signed kinds sign-extended to 64 bits, unsigned kinds zero-extended. So
// comparisons, AND/OR/XOR/ANDNOT, signed DIV/REM and shifts right work on
// all widths with one opcode per signedness, and only operations that can
// carry out of the width re-normalise: ADD, SUB, MUL, ADDI and SHL come in
// one variant per width (_I64 also serves uint64/uint/uintptr); for the
// rarer NEG, NOT, SHLI and DIV_S on a narrow kind, codegen follows with an
// explicit SEXT/ZEXT (MinInt8 / -1 is the only narrow DIV_S that needs it).
// float32 values live in a slot as the float64 of the same value; F32
// arithmetic rounds its result to float32 (double rounding is exact for
// + - * / since 53 >= 2*24+2), so float compares and F64 conversions serve
// both widths, and memory holds float32 as 4 bytes (LOADF32/STOREF32).
// Booleans are 0 or 1 in a slot.
//
// Frames and calls (Lua's register window). A function's frame is slots
// [0, frameSlots) from its base; parameters arrive in slots [0, params)
// and results leave in slots [0, results). To call, the caller writes the
// arguments into its own slots [A, A+args) and executes CALL A, f: the
// callee's base is the caller's slot A, and its results come back in the
// caller's slots [A, A+results). The three slots below the callee's base
// (the caller's A-3..A-1) form the callee's frame header, written by the
// call: return pc, caller's Function* (with A packed in its top bits, so a
// return needs no look at the call instruction and may return anywhere),
// and the closure context (the closure object for CALLC; unused otherwise). So a call site needs
// A >= 3 + every slot that is live across the call, and the caller's
// frameSlots covers A + max(args, results). Frames hold slot *indices*
// across a call (see runtime/goroutine.h); the one kind of address into a
// stack is a frame object's (ADDR; lang/codegen_func.cpp "Frame objects"),
// held only in pointer slots and frame objects, which a stack copy moves.
//
// Flags, for the interpreter, the JIT and the GC:
//   Alloc     may allocate (a GC safepoint once the GC exists)
//   Panic     may raise a Go panic (needs a correct saved pc for traces)
//   Block     may park the goroutine (channels, locks)
//   Safepoint checks for a preemption request (loop back-edges, calls)
//   Grow      may grow, and so move, the goroutine stack: the interpreter
//             re-derives its base pointer after it
//   Jump, Call, Return: control flow, for the disassembler and verifier
//   Unimpl    a placeholder row: its handler stops the program with
//             "fatal error: gol: OP is not implemented yet"
#pragma once

#include <cstdint>
#include <string_view>

namespace gol::vm {

// What an operand field means, for printing and checking.
enum class Field : uint8_t {
  None,
  Slot,      // frame slot
  Count,     // number of slots
  Imm,       // signed immediate
  Offset,    // unsigned byte offset
  Jump,      // signed offset in words, from the next instruction
  Const,     // constant pool index
  Global,    // global slot index
  Func,      // module function index
  Native,    // module native function index
  Type,      // module type descriptor index
  Size,      // extra word: element size in bytes
  LenSize,   // extra word: array length << 32 | element size
  SliceMode, // extra word: slicing mode flags << 32 | element size
  PrintKind, // rt::PrintKind
};

// X(name, a, b, c, wide, extra): `wide` is the 32-bit bx/sbx field that
// replaces b and c when not None; `extra` is the optional following word.
#define GOL_OPERAND_FORMATS(X)                               \
  X(None, None, None, None, None, None)                      \
  X(A, Slot, None, None, None, None)                         \
  X(AB, Slot, Slot, None, None, None)                        \
  X(ABC, Slot, Slot, Slot, None, None)                       \
  X(AN, Slot, Count, None, None, None)                       \
  X(ABN, Slot, Slot, Count, None, None)                      \
  X(ABI, Slot, Slot, Imm, None, None)                        \
  X(ABO, Slot, Slot, Offset, None, None)                     \
  X(AI32, Slot, None, None, Imm, None)                       \
  X(AK, Slot, None, None, Const, None)                       \
  X(AG, Slot, None, None, Global, None)                      \
  X(AF, Slot, None, None, Func, None)                        \
  X(ANat, Slot, None, None, Native, None)                    \
  X(AT, Slot, None, None, Type, None)                        \
  X(J, None, None, None, Jump, None)                         \
  X(AJ, Slot, None, None, Jump, None)                        \
  X(ABJ, Slot, Slot, Jump, None, None)                       \
  X(AIJ, Slot, Imm, Jump, None, None)                        \
  X(ABCSize, Slot, Slot, Slot, None, Size)                   \
  X(ABCLenSize, Slot, Slot, Slot, None, LenSize)             \
  X(ABCType, Slot, Slot, Slot, None, Type)                   \
  X(ABNFunc, Slot, Slot, Count, None, Func)                  \
  X(ABCSlice, Slot, Slot, Slot, None, SliceMode)            \
  X(APrint, Slot, PrintKind, None, None, None)               \
  X(ABModeType, Slot, Slot, Imm, None, Type)                 \
  X(ABCBuf, Slot, Slot, Slot, None, Slot)

enum class Format : uint8_t {
#define GOL_X(name, a, b, c, wide, extra) name,
  GOL_OPERAND_FORMATS(GOL_X)
#undef GOL_X
};

struct FormatInfo {
  Field a, b, c, wide, extra;
};

inline constexpr FormatInfo kFormats[] = {
#define GOL_X(name, a, b, c, wide, extra) {Field::a, Field::b, Field::c, Field::wide, Field::extra},
    GOL_OPERAND_FORMATS(GOL_X)
#undef GOL_X
};

namespace opflag {
inline constexpr uint16_t Alloc = 1 << 0;
inline constexpr uint16_t Panic = 1 << 1;
inline constexpr uint16_t Block = 1 << 2;
inline constexpr uint16_t Safepoint = 1 << 3;
inline constexpr uint16_t Grow = 1 << 4;
inline constexpr uint16_t Jump = 1 << 5;
inline constexpr uint16_t Call = 1 << 6;
inline constexpr uint16_t Return = 1 << 7;
inline constexpr uint16_t Unimpl = 1 << 8;
}  // namespace opflag

// Shorthands for the table.
#define GOL_F__ 0
#define GOL_F_A opflag::Alloc
#define GOL_F_P opflag::Panic
#define GOL_F_AP (opflag::Alloc | opflag::Panic)
#define GOL_F_J opflag::Jump
#define GOL_F_JS (opflag::Jump | opflag::Safepoint)
#define GOL_F_CALL (opflag::Call | opflag::Grow | opflag::Safepoint | opflag::Panic)
#define GOL_F_NAT (opflag::Call | opflag::Alloc | opflag::Panic | opflag::Block)
#define GOL_F_RET opflag::Return
#define GOL_F_U (opflag::Unimpl | opflag::Panic)
#define GOL_F_UA (opflag::Unimpl | opflag::Alloc | opflag::Panic)
#define GOL_F_UB (opflag::Unimpl | opflag::Block | opflag::Panic)
#define GOL_F_UCALL (opflag::Unimpl | GOL_F_CALL)
#define GOL_F_B opflag::Block
#define GOL_F_BP (opflag::Block | opflag::Panic)

// Integer widths that need re-normalisation after an operation that can
// carry: X(suffix, C++ type the result is truncated through).
#define GOL_INT_WIDTHS(X) \
  X(I64, int64_t)         \
  X(I32, int32_t)         \
  X(I16, int16_t)         \
  X(I8, int8_t)           \
  X(U32, uint32_t)        \
  X(U16, uint16_t)        \
  X(U8, uint8_t)

// The table: every opcode, core rows then planned ones (order = enum order).
#define GOL_OPCODES(X) GOL_OPCODES_CORE(X) GOL_OPCODES_PLANNED(X)

// X(name, format, flags, semantics). R[x] is frame slot x; K[x] a constant;
// M[p] memory at address p; F[x] slot x read as a float64.
#define GOL_OPCODES_CORE(X)                                                                          \
  /* --- control --- */                                                                         \
  X(NOP, None, _, "do nothing")                                                                 \
  X(HALT, None, _, "end the goroutine's bottom frame (entry trampoline only)")                  \
  X(JMP, J, J, "pc += sbx (no safepoint: forward jumps, or backward gotos that are not loops)") \
  X(LOOP, J, JS, "pc += sbx; loop back-edge, checks for preemption")                            \
  X(JT, AJ, JS, "if R[a] != 0: pc += sbx")                                                     \
  X(JF, AJ, JS, "if R[a] == 0: pc += sbx")                                                     \
  X(JEQ, ABJ, JS, "if R[a] == R[b]: pc += c (ints, bools, pointers)")                          \
  X(JNE, ABJ, JS, "if R[a] != R[b]: pc += c")                                                  \
  X(JLT_S, ABJ, JS, "if R[a] < R[b] signed: pc += c")                                          \
  X(JLE_S, ABJ, JS, "if R[a] <= R[b] signed: pc += c")                                         \
  X(JLT_U, ABJ, JS, "if R[a] < R[b] unsigned: pc += c")                                        \
  X(JLE_U, ABJ, JS, "if R[a] <= R[b] unsigned: pc += c")                                       \
  X(JEQI, AIJ, JS, "if R[a] == b: pc += c")                                                    \
  X(JNEI, AIJ, JS, "if R[a] != b: pc += c")                                                    \
  X(JLTI, AIJ, JS, "if R[a] < b signed: pc += c")                                              \
  X(JLEI, AIJ, JS, "if R[a] <= b signed: pc += c")                                             \
  X(JGTI, AIJ, JS, "if R[a] > b signed: pc += c")                                              \
  X(JGEI, AIJ, JS, "if R[a] >= b signed: pc += c")                                             \
  X(JEQ_F, ABJ, JS, "if F[a] == F[b]: pc += c")                                                \
  X(JNE_F, ABJ, JS, "if F[a] != F[b] (true for NaN): pc += c")                                 \
  X(JLT_F, ABJ, JS, "if F[a] < F[b]: pc += c")                                                 \
  X(JLE_F, ABJ, JS, "if F[a] <= F[b]: pc += c")                                                \
  X(JNLT_F, ABJ, JS, "if !(F[a] < F[b]) (true for NaN): pc += c")                              \
  X(JNLE_F, ABJ, JS, "if !(F[a] <= F[b]) (true for NaN): pc += c")                             \
  X(INCJLT, ABJ, JS, "R[a] += 1; if R[a] < R[b] signed: pc += c (the latch of for i < n; i++)")  \
  /* --- moves and constants --- */                                                             \
  X(MOV, AB, _, "R[a] = R[b]")                                                                  \
  X(MOV2, AB, _, "R[a..a+1] = R[b..b+1] (string, interface)")                                   \
  X(MOV3, AB, _, "R[a..a+2] = R[b..b+2] (slice)")                                               \
  X(MOVN, ABN, _, "R[a..a+c) = R[b..b+c) (struct, array; overlapping is fine)")                 \
  X(ZERO, AN, _, "R[a..a+b) = 0")                                                               \
  X(LOADI, AI32, _, "R[a] = sbx")                                                               \
  X(LOADK, AK, _, "R[a] = K[bx] (any 64-bit constant: int, float bits)")                        \
  X(LOADK2, AK, _, "R[a..a+1] = K[bx..bx+1] (string constant: bytes, length)")                  \
  X(LOADFN, AF, _, "R[a] = the static closure of function bx (a func value)")                   \
  X(GETG, AG, _, "R[a] = G[bx]")                                                                \
  X(SETG, AG, _, "G[bx] = R[a]")                                                                \
  X(ADDRG, AG, _, "R[a] = &G[bx]")                                                              \
  X(ADDR, AB, _, "R[a] = &R[b] (a pointer into the stack; moved with it)")                      \
  X(GETCTX, A, _, "R[a] = the closure context of this frame")                                   \
  X(LOADTYPE, AT, _, "R[a] = type descriptor bx (an interface's type word)")                   \
  /* --- integer arithmetic; _I64 also serves uint64 --- */                                     \
  GOL_INT_WIDTHS_ROWS(X, ADD, ABC, _, "R[a] = R[b] + R[c], wrapped to the width")               \
  GOL_INT_WIDTHS_ROWS(X, SUB, ABC, _, "R[a] = R[b] - R[c], wrapped")                            \
  GOL_INT_WIDTHS_ROWS(X, MUL, ABC, _, "R[a] = R[b] * R[c], wrapped")                            \
  GOL_INT_WIDTHS_ROWS(X, ADDI, ABI, _, "R[a] = R[b] + c, wrapped")                              \
  GOL_INT_WIDTHS_ROWS(X, SHL, ABC, _, "R[a] = R[b] << R[c] (unsigned count; >= 64 gives 0)")    \
  X(NEG, AB, _, "R[a] = -R[b] (64-bit; narrow kinds follow with SEXT/ZEXT)")                    \
  X(NOT, AB, _, "R[a] = ^R[b] (64-bit; unsigned narrow kinds follow with ZEXT)")                \
  X(AND, ABC, _, "R[a] = R[b] & R[c]")                                                          \
  X(OR, ABC, _, "R[a] = R[b] | R[c]")                                                           \
  X(XOR, ABC, _, "R[a] = R[b] ^ R[c]")                                                          \
  X(ANDNOT, ABC, _, "R[a] = R[b] &^ R[c]")                                                      \
  X(ANDI, ABI, _, "R[a] = R[b] & c")                                                            \
  X(SHR_S, ABC, _, "R[a] = R[b] >> R[c] arithmetic (unsigned count)")                           \
  X(SHR_U, ABC, _, "R[a] = R[b] >> R[c] logical (unsigned count)")                              \
  X(SHLI, ABI, _, "R[a] = R[b] << c (64-bit)")                                                  \
  X(SHRI_S, ABI, _, "R[a] = R[b] >> c arithmetic")                                              \
  X(SHRI_U, ABI, _, "R[a] = R[b] >> c logical")                                                 \
  X(CHKSHIFT, A, P, "panic if R[a] < 0 (a signed shift count)")                                 \
  X(DIV_S, ABC, P, "R[a] = R[b] / R[c] signed, truncated; MinInt64 / -1 = MinInt64")            \
  X(DIV_U, ABC, P, "R[a] = R[b] / R[c] unsigned")                                               \
  X(REM_S, ABC, P, "R[a] = R[b] % R[c] signed (sign of the dividend)")                          \
  X(REM_U, ABC, P, "R[a] = R[b] % R[c] unsigned")                                               \
  X(SEXT8, AB, _, "R[a] = int8(R[b]) sign-extended")                                            \
  X(SEXT16, AB, _, "R[a] = int16(R[b]) sign-extended")                                          \
  X(SEXT32, AB, _, "R[a] = int32(R[b]) sign-extended")                                          \
  X(ZEXT8, AB, _, "R[a] = uint8(R[b])")                                                         \
  X(ZEXT16, AB, _, "R[a] = uint16(R[b])")                                                       \
  X(ZEXT32, AB, _, "R[a] = uint32(R[b])")                                                       \
  X(BNOT, AB, _, "R[a] = !R[b] (bool)")                                                         \
  /* --- comparisons to bool --- */                                                             \
  X(EQ, ABC, _, "R[a] = R[b] == R[c]")                                                          \
  X(NE, ABC, _, "R[a] = R[b] != R[c]")                                                          \
  X(LT_S, ABC, _, "R[a] = R[b] < R[c] signed")                                                  \
  X(LE_S, ABC, _, "R[a] = R[b] <= R[c] signed")                                                 \
  X(LT_U, ABC, _, "R[a] = R[b] < R[c] unsigned")                                                \
  X(LE_U, ABC, _, "R[a] = R[b] <= R[c] unsigned")                                               \
  X(EQ_F, ABC, _, "R[a] = F[b] == F[c]")                                                        \
  X(NE_F, ABC, _, "R[a] = F[b] != F[c]")                                                        \
  X(LT_F, ABC, _, "R[a] = F[b] < F[c]")                                                         \
  X(LE_F, ABC, _, "R[a] = F[b] <= F[c]")                                                        \
  /* --- floating point (F[x]: slot x as float64) --- */                                        \
  X(ADD_F64, ABC, _, "F[a] = F[b] + F[c]")                                                      \
  X(SUB_F64, ABC, _, "F[a] = F[b] - F[c]")                                                      \
  X(MUL_F64, ABC, _, "F[a] = F[b] * F[c]")                                                      \
  X(DIV_F64, ABC, _, "F[a] = F[b] / F[c]")                                                      \
  X(ADD_F32, ABC, _, "F[a] = float32(F[b] + F[c])")                                             \
  X(SUB_F32, ABC, _, "F[a] = float32(F[b] - F[c])")                                             \
  X(MUL_F32, ABC, _, "F[a] = float32(F[b] * F[c])")                                             \
  X(DIV_F32, ABC, _, "F[a] = float32(F[b] / F[c])")                                             \
  X(NEG_F, AB, _, "F[a] = -F[b]")                                                               \
  X(I2F64, AB, _, "F[a] = float64(int64 R[b])")                                                 \
  X(U2F64, AB, _, "F[a] = float64(uint64 R[b])")                                                \
  X(I2F32, AB, _, "F[a] = float32(int64 R[b])")                                                 \
  X(U2F32, AB, _, "F[a] = float32(uint64 R[b])")                                                \
  X(F2I64, AB, _, "R[a] = int64(F[b]) (out of range: MinInt64, as amd64)")                      \
  X(F2U64, AB, _, "R[a] = uint64(F[b]) (out of range: as amd64)")                               \
  X(F2F32, AB, _, "F[a] = float32(F[b])")                                                       \
  /* --- memory through pointers: nil R[b] (loads) / R[a] (stores) panics --- */                \
  X(LOAD8U, ABO, P, "R[a] = uint8 M[R[b] + c]")                                                 \
  X(LOAD8S, ABO, P, "R[a] = int8 M[R[b] + c]")                                                  \
  X(LOAD16U, ABO, P, "R[a] = uint16 M[R[b] + c]")                                               \
  X(LOAD16S, ABO, P, "R[a] = int16 M[R[b] + c]")                                                \
  X(LOAD32U, ABO, P, "R[a] = uint32 M[R[b] + c]")                                               \
  X(LOAD32S, ABO, P, "R[a] = int32 M[R[b] + c]")                                                \
  X(LOAD64, ABO, P, "R[a] = M[R[b] + c] (8 bytes)")                                             \
  X(LOADF32, ABO, P, "F[a] = float32 M[R[b] + c]")                                              \
  X(STORE8, ABO, P, "M[R[a] + c] = uint8 R[b]")                                                 \
  X(STORE16, ABO, P, "M[R[a] + c] = uint16 R[b]")                                               \
  X(STORE32, ABO, P, "M[R[a] + c] = uint32 R[b]")                                               \
  X(STORE64, ABO, P, "M[R[a] + c] = R[b] (a non-pointer word)")                                 \
  X(STOREP, ABO, P, "M[R[a] + c] = R[b] (a pointer word: the GC's write barrier goes here)")    \
  X(STOREF32, ABO, P, "M[R[a] + c] = float32 F[b]")                                             \
  X(LOADN, ABN, P, "R[a..a+c) = c words at M[R[b]]")                                            \
  X(STOREN, ABN, P, "c words at M[R[a]] = R[b..b+c) (write barrier per pointer word later)")    \
  X(NILCHK, A, P, "panic if R[a] is nil")                                                       \
  X(FIELDADDR, ABO, P, "R[a] = R[b] + c, panics if R[b] is nil (&p.f)")                         \
  /* --- elements: a slice or string is R[x] data, R[x+1] len (R[x+2] cap) --- */               \
  X(BOUNDS, AB, P, "panic unless 0 <= R[a] < R[b] (index out of range)")                        \
  X(SLOAD64, ABC, P, "R[a] = ((int64*)R[b])[R[c]], bounds R[b+1]")                              \
  X(SLOAD8U, ABC, P, "R[a] = ((uint8*)R[b])[R[c]], bounds R[b+1] (also s[i] of a string)")      \
  X(SSTORE64, ABC, P, "((int64*)R[a])[R[b]] = R[c], bounds R[a+1]")                             \
  X(SSTORE8, ABC, P, "((uint8*)R[a])[R[b]] = R[c], bounds R[a+1]")                              \
  X(SINDEXADDR, ABCSize, P, "R[a] = R[b] + R[c] * size, bounds R[b+1] (&s[i])")                 \
  X(AINDEXADDR, ABCLenSize, P, "R[a] = R[b] + R[c] * size, bounds len, nil check (&p[i])")      \
  X(SLICE, ABCSlice, P,                                                                         \
    "R[a..a+2] = R[b..][R[c]:R[c+1](:R[c+2])] per mode: string, slice or array")        \
  /* --- allocation --- */                                                                      \
  X(NEW, AT, A, "R[a] = new(type bx), zeroed")                                                  \
  X(MAKESLICE, ABCType, AP, "R[a..a+2] = make([]T, R[b], R[c]), T the extra word")              \
  X(MAKECLOSURE, ABNFunc, A, "R[a] = closure of function (extra) capturing R[b..b+c)")          \
  X(GROWSLICE, ABCType, AP,                                                                     \
    "R[a..a+2] = R[b..b+2] with len += R[c], reallocated as Go's append if cap is short; "       \
    "codegen then stores the new elements (append = GROWSLICE + stores)")                       \
  X(COPY, ABCSize, _, "R[a] = copy(slice R[b..b+2], slice or string R[c..c+1]), elements of size")\
  /* --- strings --- */                                                                         \
  X(CONCAT, ABC, A, "R[a..a+1] = R[b..b+1] + R[c..c+1]")                                        \
  X(STREQ, ABC, _, "R[a] = string R[b..] == string R[c..]")                                     \
  X(STRCMP, ABC, _, "R[a] = -1, 0, 1 comparing string R[b..] with string R[c..]")               \
  X(STR2BYTES, AB, A, "R[a..a+2] = []byte(string R[b..b+1])")                                   \
  X(BYTES2STR, AB, A, "R[a..a+1] = string([]byte R[b..b+2])")                                   \
  X(STR2RUNES, AB, A, "R[a..a+2] = []rune(string R[b..b+1])")                                   \
  X(RUNES2STR, AB, A, "R[a..a+1] = string([]rune R[b..b+2])")                                   \
  X(RUNE2STR, AB, A, "R[a..a+1] = string(rune R[b]) (invalid runes give U+FFFD)")               \
  /* the B forms: a result that does not escape (lang/escape.h) goes into a frame buffer of  */ \
  /* kTmpBufBytes (32 bytes, or 32 runes) whose address is in a slot, when it fits there    */ \
  X(CONCATB, ABCBuf, A, "CONCAT into the buffer at R[extra] when it fits")                      \
  X(STR2BYTESB, ABC, A, "STR2BYTES into the buffer at R[c] when it fits (cap 32)")              \
  X(BYTES2STRB, ABC, A, "BYTES2STR into the buffer at R[c] when it fits")                       \
  X(STR2RUNESB, ABC, A, "STR2RUNES into the 32-rune buffer at R[c] when it fits (cap 32)")      \
  X(RUNES2STRB, ABC, A, "RUNES2STR into the buffer at R[c] when it fits")                       \
  X(DECODERUNE, ABC, _, "R[a], R[a+1] = rune, width at string R[b..b+1] byte R[c] < len (range)") \
  /* --- maps: keys by address (M[R[c]]), values handed back by address --- */                  \
  X(MAPNEW, ABCType, A, "R[a] = make(map type (extra), hint R[b])")                             \
  X(MAPINIT, ABCType, A, "make(map type (extra), hint R[b]) with its header in the zeroed frame region at R[a]") \
  X(MAPACCESS, ABCType, _, "R[a] = &m[key]: map R[b], key at R[c]; a zero value's address if absent") \
  X(MAPACCESS2, ABCType, _, "R[a] = &m[key] as MAPACCESS, R[a+1] = whether it was present")     \
  X(MAPASSIGN, ABCType, AP, "R[a] = &m[key], inserted zeroed if absent; nil map R[b] panics")   \
  X(MAPDELETE, ABCType, _, "delete(map R[a], key at R[b])")                                     \
  X(MAPLEN, AB, _, "R[a] = len(map R[b])")                                                      \
  X(MAPCLEAR, A, _, "clear(map R[a])")                                                          \
  X(MAPITER, AB, A, "R[a] = a new iterator over map R[b] (random start, as Go)")                \
  X(MAPITERAT, ABC, _, "MAPITER with the iterator in the zeroed frame region at R[c]")           \
  X(MAPNEXT, ABJ, J, "R[a] = &key, R[a+1] = &value of iterator R[b]'s next entry; done: pc += c") \
  /* --- interfaces: (TypeDesc* or Itab*, data word), see runtime/iface.h --- */               \
  X(ITAB, ABCType, P, "R[a] = itab of interface type (extra) for dynamic type R[b] (0 if nil)")  \
  X(IFACE2E, AB, _, "R[a..a+1] = interface{}(non-empty interface R[b..b+1])")                   \
  X(ASSERT, ABModeType, P,                                                                      \
    "R[a..] = R[b..b+1].(T), T the extra; mode c: 1 source non-empty, 2 T an interface, "       \
    "4 comma-ok (ok after the result); result: data word, or interface")                         \
  X(EFACEEQ, ABC, P, "R[a] = interface{} R[b..] == interface{} R[c..]")                        \
  X(IFACEEQ, ABC, P, "R[a] = interface R[b..] == interface R[c..] (same non-empty type)")       \
  X(CALLI, ABC, CALL, "call method c of interface R[b..b+1]: receiver to R[a], frame at a")     \
  /* --- defer, panic, recover (see interp.cpp) --- */                                          \
  X(DEFER, AB, A, "defer a call of closure R[b] with the arguments now in R[a..]")              \
  X(RUNDEFERS, None, CALL, "call this frame's deferred calls, newest first (before a return)")  \
  X(PANIC, A, P, "panic(R[a..a+1]), an interface{}; runs deferred calls, maybe recovered")       \
  X(RECOVER, A, _, "R[a..a+1] = recover(): the panic value in a deferred call it runs, else nil")\
  X(PANICRESUME, None, P, "internal: a deferred call run by a panic returned here")             \
  /* --- builtins --- */                                                                        \
  X(PRINT, APrint, _, "print R[a..] as kind b (rt::PrintKind: int, float, string, sp, nl...) to stderr") \
  /* --- calls --- */                                                                           \
  X(CALL, AF, CALL, "call function bx with its frame at slot a")                                \
  X(CALLC, ABN, CALL,                                                                          \
    "call the closure R[b] with its frame at slot a (nil panics); c: its result slots << 8 | "  \
    "(parameter slots + 1), or 0: unknown (liveness then reads the window to the live top)")  \
  X(CALLN, ANat, NAT, "call native bx on slots a.. (arguments in, results out)")                \
  X(RET, AN, RET, "return b slots from R[a..] (copied to R[0..])")                              \
  X(RET0, None, RET, "return nothing")                                                          \
  X(RET1, A, RET, "return R[a]")                                                                \
  /* --- goroutines --- */                                                                      \
  X(GO, AB, A, "start a goroutine calling closure R[b] on the arguments now in R[a..]")         \
  /* --- channels (elements in slot form, lang/codegen_chan.cpp; runtime/chan.h) --- */         \
  X(MAKECHAN, ABCType, AP, "R[a] = make(chan, size R[b]), elements of the slot-form type (extra)") \
  X(SEND, AB, BP, "R[a] <- R[b..] (may park; runs again to finish)")                            \
  X(RECV, AB, B, "R[a..] = <-R[b] (may park; runs again to finish)")                            \
  X(RECV2, ABC, B, "R[a..], R[c] = <-R[b] with ok (may park)")                                   \
  X(CLOSE, A, P, "close(R[a])")                                                                 \
  X(CHANLEN, AB, _, "R[a] = len(chan R[b])")                                                    \
  X(CHANCAP, AB, _, "R[a] = cap(chan R[b])")                                                    \
  X(SELECT, ABN, BP,                                                                            \
    "select over c&0x7FFF cases at R[b..] (chan, elem slot, is-send), c&0x8000: default; "      \
    "R[a] = chosen case (-1: default), R[a+1] = received ok")

// Planned rows: part of the instruction set (codegen may emit them, the
// disassembler prints them) but their handlers are not written yet; each
// stops the program with "fatal error: gol: OP is not implemented yet".
// Implementing one moves its row up into GOL_OPCODES_CORE.
#define GOL_OPCODES_PLANNED(X)

// Expands one row per width: ADD_I64, ADD_I32, ... ADD_U8.
#define GOL_INT_WIDTHS_ROWS(X, base, format, flags, doc) \
  X(base##_I64, format, flags, doc)                      \
  X(base##_I32, format, flags, doc)                      \
  X(base##_I16, format, flags, doc)                      \
  X(base##_I8, format, flags, doc)                       \
  X(base##_U32, format, flags, doc)                      \
  X(base##_U16, format, flags, doc)                      \
  X(base##_U8, format, flags, doc)

enum class Op : uint16_t {
#define GOL_X(name, format, flags, doc) name,
  GOL_OPCODES(GOL_X)
#undef GOL_X
      kCount
};

inline constexpr int kOpCount = static_cast<int>(Op::kCount);

struct OpInfo {
  std::string_view name;
  Format format;
  uint16_t flags;
  std::string_view doc;
};

inline constexpr OpInfo kOpInfo[] = {
#define GOL_X(name, format, flags, doc) {#name, Format::format, GOL_F_##flags, doc},
    GOL_OPCODES(GOL_X)
#undef GOL_X
};
static_assert(sizeof(kOpInfo) / sizeof(kOpInfo[0]) == kOpCount, "one OpInfo per opcode");

inline constexpr const OpInfo& opInfo(Op op) { return kOpInfo[static_cast<int>(op)]; }
inline constexpr const FormatInfo& formatInfo(Op op) {
  return kFormats[static_cast<int>(opInfo(op).format)];
}
inline constexpr bool hasFlag(Op op, uint16_t flag) { return (opInfo(op).flags & flag) != 0; }

// ---- instruction words ----

using Instr = uint64_t;

inline constexpr Instr encode(Op op, uint16_t a = 0, uint16_t b = 0, uint16_t c = 0) {
  return static_cast<Instr>(op) | static_cast<Instr>(a) << 16 | static_cast<Instr>(b) << 32 |
         static_cast<Instr>(c) << 48;
}
inline constexpr Instr encodeWide(Op op, uint16_t a, uint32_t bx) {
  return static_cast<Instr>(op) | static_cast<Instr>(a) << 16 | static_cast<Instr>(bx) << 32;
}

inline constexpr Op opOf(Instr i) { return static_cast<Op>(i & 0xFFFF); }
inline constexpr unsigned argA(Instr i) { return static_cast<uint16_t>(i >> 16); }
inline constexpr unsigned argB(Instr i) { return static_cast<uint16_t>(i >> 32); }
inline constexpr unsigned argC(Instr i) { return static_cast<uint16_t>(i >> 48); }
inline constexpr int argSB(Instr i) { return static_cast<int16_t>(i >> 32); }
inline constexpr int argSC(Instr i) { return static_cast<int16_t>(i >> 48); }
inline constexpr uint32_t argBx(Instr i) { return static_cast<uint32_t>(i >> 32); }
inline constexpr int32_t argSBx(Instr i) { return static_cast<int32_t>(i >> 32); }

// Words an instruction occupies: 1, or 2 with an extra word.
inline constexpr int instrWords(Op op) { return formatInfo(op).extra == Field::None ? 1 : 2; }

// Slots below a callee's base that a call fills: return pc; the caller's
// Function* with the distance from the caller's base to the callee's (the
// call's a operand) in its top 16 bits (user-space addresses fit in 48);
// and the closure context (see the file comment).
// The frame buffer of the B forms of the string ops (CONCATB ...), as
// Go's tmpBuf: a conversion or concatenation whose result does not escape
// writes it there when it fits, and allocates otherwise. The rune forms
// take kTmpBufBytes runes.
inline constexpr uint64_t kTmpBufBytes = 32;

inline constexpr unsigned kFrameHeaderSlots = 3;
inline constexpr int kHeaderReturnPc = -3;
inline constexpr int kHeaderCaller = -2;
inline constexpr int kHeaderContext = -1;
inline constexpr unsigned kCallerDistanceShift = 48;
inline constexpr uint64_t kCallerFunctionMask = (uint64_t{1} << kCallerDistanceShift) - 1;

// SLICE's mode (high half of its extra word). Codegen always fills
// R[c] = low, R[c+1] = high and, for the 3-index form, R[c+2] = max,
// writing 0 / len / cap for omitted ones (they can never fail).
namespace slicemode {
inline constexpr uint32_t String = 1;    // a string (no cap): result has 2 slots
inline constexpr uint32_t ArrayLen = 2;  // an array (codegen made R[b..b+2] = ptr, n, n): say "length"
inline constexpr uint32_t Three = 4;     // s[low:high:max]
}  // namespace slicemode

}  // namespace gol::vm
