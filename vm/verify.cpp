// Bytecode verifier (what it checks is in verify.h).
#include "vm/verify.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "runtime/print.h"

namespace gol::vm {
namespace {

struct Spans {
  unsigned a = 1, b = 1, c = 1;  // slots each slot operand covers
};

// Slot extents of operands that are more than one slot. The table is here,
// not in opcodes.h, because it depends on operand values (MOVN's count).
Spans spansOf(Op op, Instr w, uint64_t extra) {
  unsigned c = argC(w), b = argB(w);
  switch (op) {
    case Op::MOV2:
    case Op::CONCAT:
    case Op::CONCATB:
      return {2, 2, 2};
    case Op::MOV3:
    case Op::GROWSLICE:
      return {3, 3, 1};
    case Op::MOVN:
      return {c, c, 0};
    case Op::ZERO:
      return {b, 0, 0};
    case Op::LOADK2:
    case Op::RUNE2STR:
      return {2, 1, 1};
    case Op::SLOAD64:
    case Op::SLOAD8U:
    case Op::SINDEXADDR:
      return {1, 2, 1};
    case Op::SSTORE64:
    case Op::SSTORE8:
      return {2, 1, 1};
    case Op::SLICE: {
      bool str = ((extra >> 32) & slicemode::String) != 0;
      bool three = ((extra >> 32) & slicemode::Three) != 0;
      return {str ? 2u : 3u, str ? 2u : 3u, three ? 3u : 2u};
    }
    case Op::MAKESLICE:
      return {3, 1, 1};
    case Op::COPY:
      return {1, 3, 2};
    case Op::STREQ:
    case Op::STRCMP:
      return {1, 2, 2};
    case Op::STR2BYTES:
    case Op::STR2RUNES:
    case Op::STR2BYTESB:
    case Op::STR2RUNESB:
      return {3, 2, 1};
    case Op::BYTES2STR:
    case Op::RUNES2STR:
    case Op::BYTES2STRB:
    case Op::RUNES2STRB:
      return {2, 3, 1};
    case Op::DECODERUNE:
      return {2, 2, 1};
    case Op::LOADN:
      return {c, 1, 0};
    case Op::STOREN:
      return {1, c, 0};
    case Op::MAKECLOSURE:
      return {1, c, 0};
    case Op::RET:
      return {b, 0, 0};
    case Op::IFACE2E:
      return {2, 2, 1};
    case Op::EFACEEQ:
    case Op::IFACEEQ:
      return {1, 2, 2};
    case Op::CALLI:
      return {1, 2, 1};
    case Op::ASSERT: {
      unsigned result = (c & 2) ? 2 : 1;
      return {result + ((c & 4) ? 1u : 0u), 2, 0};
    }
    case Op::PRINT:
      switch (static_cast<rt::PrintKind>(b)) {
        case rt::PrintKind::String:
        case rt::PrintKind::Iface:
          return {2, 0, 0};
        case rt::PrintKind::Slice:
          return {3, 0, 0};
        case rt::PrintKind::Space:
        case rt::PrintKind::Newline:
          return {0, 0, 0};
        default:
          return {1, 0, 0};
      }
    case Op::MAPACCESS2:
    case Op::MAPNEXT:
      return {2, 1, 1};
    default:
      return {};
  }
}

bool endsFlow(Op op) {
  return hasFlag(op, opflag::Return) || op == Op::JMP || op == Op::LOOP || op == Op::HALT;
}

}  // namespace

std::string verify(const Module& module, const Function& fn) {
  const auto& code = fn.codeWords;
  auto fail = [&](size_t pc, const std::string& msg) {
    return fmt::format("{}: pc {}: {}", fn.name, pc, msg);
  };
  if (code.empty()) return fail(0, "no code");
  if (fn.frameSlots < std::max(fn.paramSlots, fn.resultSlots))
    return fail(0, "frame smaller than its parameters or results");
  // Deferred calls are placed at frameSlots + 3, a distance the frame
  // header stores in 16 bits.
  if (fn.frameSlots > 0xFFFF - kFrameHeaderSlots) return fail(0, "frame too large");
  if (fn.recoverPc != UINT32_MAX && fn.recoverPc >= code.size()) return fail(0, "recover point outside the code");
  std::vector<bool> starts(code.size(), false);
  for (size_t pc = 0; pc < code.size();) {
    starts[pc] = true;
    auto opIndex = static_cast<unsigned>(code[pc] & 0xFFFF);
    if (opIndex >= static_cast<unsigned>(kOpCount)) return fail(pc, fmt::format("bad opcode {}", opIndex));
    pc += static_cast<size_t>(instrWords(opOf(code[pc])));
    if (pc > code.size()) return fail(pc, "extra word missing at the end");
  }
  size_t lastPc = 0;
  for (size_t pc = 0; pc < code.size(); pc += static_cast<size_t>(instrWords(opOf(code[pc])))) {
    lastPc = pc;
    Instr w = code[pc];
    Op op = opOf(w);
    const FormatInfo& f = formatInfo(op);
    uint64_t extra = instrWords(op) == 2 ? code[pc + 1] : 0;
    Spans spans = spansOf(op, w, extra);
    auto slotOk = [&](unsigned slot, unsigned span) {
      return span == 0 || static_cast<uint64_t>(slot) + span <= fn.frameSlots;
    };
    std::string name(opInfo(op).name);
    if (f.a == Field::Slot && !slotOk(argA(w), spans.a))
      return fail(pc, fmt::format("{}: slot r{} (+{}) outside the frame of {}", name, argA(w), spans.a, fn.frameSlots));
    if (f.b == Field::Slot && !slotOk(argB(w), spans.b))
      return fail(pc, fmt::format("{}: slot r{} (+{}) outside the frame of {}", name, argB(w), spans.b, fn.frameSlots));
    if (f.c == Field::Slot && !slotOk(argC(w), spans.c))
      return fail(pc, fmt::format("{}: slot r{} (+{}) outside the frame of {}", name, argC(w), spans.c, fn.frameSlots));
    auto target = [&](int64_t offset) { return static_cast<int64_t>(pc) + 1 + offset; };
    auto jumpOk = [&](int64_t t) { return t >= 0 && t < static_cast<int64_t>(code.size()) && starts[static_cast<size_t>(t)]; };
    if (f.c == Field::Jump && !jumpOk(target(argSC(w)))) return fail(pc, name + ": jump outside the code");
    if (f.wide == Field::Jump && !jumpOk(target(argSBx(w)))) return fail(pc, name + ": jump outside the code");
    uint32_t bx = argBx(w);
    if (f.wide == Field::Const && static_cast<uint64_t>(bx) + (op == Op::LOADK2 ? 2 : 1) > fn.constants.size())
      return fail(pc, name + ": no such constant");
    if (f.wide == Field::Global && bx >= module.globals.size()) return fail(pc, name + ": no such global");
    if (f.wide == Field::Func && bx >= module.functions.size()) return fail(pc, name + ": no such function");
    if (f.wide == Field::Native && bx >= module.natives.size()) return fail(pc, name + ": no such native");
    if (f.wide == Field::Type && bx >= module.types.size()) return fail(pc, name + ": no such type");
    if (f.extra == Field::Type && extra >= module.types.size()) return fail(pc, name + ": no such type");
    if (f.extra == Field::Slot && extra >= fn.frameSlots)
      return fail(pc, fmt::format("{}: slot r{} outside the frame of {}", name, extra, fn.frameSlots));
    if (f.extra == Field::Func && extra >= module.functions.size()) return fail(pc, name + ": no such function");
    if (hasFlag(op, opflag::Call) && op != Op::CALLN && op != Op::RUNDEFERS &&
        argA(w) < kFrameHeaderSlots)
      return fail(pc, name + ": call window below slot 3 leaves no room for the frame header");
    if (op == Op::CALL) {
      const Function& callee = *module.functions[bx];
      uint64_t need = std::max(callee.paramSlots, callee.resultSlots);
      if (argA(w) + need > fn.frameSlots)
        return fail(pc, fmt::format("CALL {}: window r{}+{} outside the frame of {}", callee.name, argA(w), need, fn.frameSlots));
    }
    if (op == Op::RET && argB(w) != fn.resultSlots)
      return fail(pc, fmt::format("RET of {} slots from a function with {} result slots", argB(w), fn.resultSlots));
    if (op == Op::RET1 && fn.resultSlots != 1)
      return fail(pc, fmt::format("RET1 from a function with {} result slots", fn.resultSlots));
  }
  if (!endsFlow(opOf(code[lastPc]))) return fail(lastPc, "code runs off the end");
  if (fn.recoverPc != UINT32_MAX && !starts[fn.recoverPc]) return fail(fn.recoverPc, "recover point inside an instruction");
  return "";
}

std::string verify(const Module& module) {
  for (const auto& fn : module.functions) {
    std::string err = verify(module, *fn);
    if (!err.empty()) return err;
  }
  return "";
}

}  // namespace gol::vm
