// Liveness of frame slots and the stack maps made from it (design in
// liveness.h).
#include "vm/liveness.h"

#include <algorithm>

#include "runtime/print.h"
#include "runtime/typedesc.h"

namespace gol::vm {
namespace {

// Bit sets are dense, one row of `words` per instruction and table; a
// function needing more than this many words per table gets no maps.
constexpr uint64_t kMaxRowWords = uint64_t{1} << 22;

bool endsFlow(Op op) {
  return hasFlag(op, opflag::Return) || op == Op::JMP || op == Op::LOOP || op == Op::HALT;
}

struct Flow {
  const Module& module;
  const Function& fn;
  uint32_t slots = 0;
  uint32_t words = 0;
  size_t n = 0;                   // instructions
  std::vector<uint32_t> pcs;      // first code word of each
  std::vector<int64_t> indexAt;   // code position -> instruction, -1 inside one
  std::vector<int64_t> target;    // jump target instruction, -1 none
  std::vector<uint64_t> use, def, in, out;
  // Call results the callee's map says are pointers (gen), and where such
  // a result may still be held (forward: killed by any def).
  std::vector<std::pair<size_t, std::vector<uint32_t>>> resultPointers;
  std::vector<uint64_t> heldIn, heldOut;
  std::vector<uint64_t> addrRead;  // slots map operations read through ADDR pointers
  int64_t recoverIndex = -1;

  Flow(const Module& m, const Function& f) : module(m), fn(f) {}
  uint64_t* row(std::vector<uint64_t>& v, size_t i) { return v.data() + i * words; }

  void setRange(uint64_t* bits, uint64_t first, uint64_t count) {
    uint64_t end = std::min<uint64_t>(first + count, slots);
    for (uint64_t s = first; s < end; ++s) bits[s / 64] |= uint64_t{1} << (s % 64);
  }

  // The end of a window that starts at slot a and whose extent the
  // instruction does not give: the statement's live top, which codegen
  // keeps above every call window, else the whole frame.
  uint32_t windowEnd(uint32_t pc, uint32_t a) const {
    uint32_t top = fn.liveTopAt(pc);
    return top > a ? top : slots;
  }

  bool decode();
  void effects(size_t i);
  void solve();
  void solveHeld();
};

bool Flow::decode() {
  const auto& code = fn.codeWords;
  slots = fn.frameSlots;
  words = (slots + 63) / 64;
  if (words == 0) words = 1;
  indexAt.assign(code.size() + 1, -1);
  for (size_t pc = 0; pc < code.size();) {
    auto op = static_cast<unsigned>(code[pc] & 0xFFFF);
    if (op >= static_cast<unsigned>(kOpCount)) return false;
    indexAt[pc] = static_cast<int64_t>(pcs.size());
    pcs.push_back(static_cast<uint32_t>(pc));
    pc += static_cast<size_t>(instrWords(static_cast<Op>(op)));
  }
  n = pcs.size();
  indexAt[code.size()] = static_cast<int64_t>(n);
  if (n == 0 || static_cast<uint64_t>(n) * words > kMaxRowWords) return false;
  if (fn.recoverPc != UINT32_MAX) {
    if (fn.recoverPc >= code.size() || indexAt[fn.recoverPc] < 0) return false;
    recoverIndex = indexAt[fn.recoverPc];
  }
  target.assign(n, -1);
  for (size_t i = 0; i < n; ++i) {
    Instr w = code[pcs[i]];
    const FormatInfo& f = formatInfo(opOf(w));
    int64_t offset = 0;
    if (f.c == Field::Jump) offset = argSC(w);
    else if (f.wide == Field::Jump) offset = argSBx(w);
    else continue;
    int64_t t = static_cast<int64_t>(pcs[i]) + 1 + offset;
    if (t < 0 || t >= static_cast<int64_t>(code.size()) || indexAt[static_cast<size_t>(t)] < 0) return false;
    target[i] = indexAt[static_cast<size_t>(t)];
  }
  size_t cells = n * words;
  use.assign(cells, 0);
  def.assign(cells, 0);
  in.assign(cells, 0);
  out.assign(cells, 0);
  addrRead.assign(words, 0);
  for (size_t i = 0; i < n; ++i) {
    Instr w = code[pcs[i]];
    if (opOf(w) == Op::ADDR) setRange(addrRead.data(), argB(w), windowEnd(pcs[i], argB(w)) - argB(w));
  }
  for (size_t i = 0; i < n; ++i) effects(i);
  return true;
}

// What instruction i reads and surely writes (see liveness.h, step 2).
void Flow::effects(size_t i) {
  const uint32_t pc = pcs[i];
  const Instr w = fn.codeWords[pc];
  const Op op = opOf(w);
  const uint64_t extra = instrWords(op) == 2 ? fn.codeWords[pc + 1] : 0;
  const uint32_t a = argA(w), b = argB(w), c = argC(w);
  uint64_t* u = row(use, i);
  uint64_t* d = row(def, i);
  auto R = [&](uint64_t first, uint64_t count = 1) { setRange(u, first, count); };
  auto W = [&](uint64_t first, uint64_t count = 1) { setRange(d, first, count); };
  auto readWindow = [&](uint32_t first) { R(first, windowEnd(pc, first) - first); };
  // A map key passed by address: if the key operand's last def before
  // this instruction (in code order: codegen emits ADDR just before the
  // map operation) is an ADDR, the key's slots from its target; another
  // def (a NEW-boxed copy) reads no slot; none found: every ADDR target.
  auto readAddressed = [&](uint32_t keyReg) {
    const rt::TypeDesc* mapType =
        extra < module.types.size() ? module.types[extra].get() : nullptr;
    for (size_t k = keyReg < slots ? i : 0; k-- > 0;) {
      if ((row(def, k)[keyReg / 64] >> (keyReg % 64) & 1) == 0) continue;
      Instr dw = fn.codeWords[pcs[k]];
      if (opOf(dw) != Op::ADDR) return;
      if (mapType == nullptr || mapType->key == nullptr) break;
      R(argB(dw), std::max<uint64_t>(1, (mapType->key->size + 7) / 8));
      return;
    }
    for (uint32_t k = 0; k < words; ++k) u[k] |= addrRead[k];
  };
  switch (op) {
    case Op::NOP:
    case Op::HALT:
    case Op::JMP:
    case Op::LOOP:
    case Op::RUNDEFERS:  // deferred calls run above the frame
    case Op::PANICRESUME:
    case Op::RET0:
      return;
    case Op::JT:
    case Op::JF:
    case Op::JEQI:
    case Op::JNEI:
    case Op::JLTI:
    case Op::JLEI:
    case Op::JGTI:
    case Op::JGEI:
    case Op::SETG:
    case Op::CHKSHIFT:
    case Op::NILCHK:
    case Op::MAPCLEAR:
    case Op::CLOSE:
    case Op::RET1:
      R(a);
      return;
    case Op::JEQ:
    case Op::JNE:
    case Op::JLT_S:
    case Op::JLE_S:
    case Op::JLT_U:
    case Op::JLE_U:
    case Op::JEQ_F:
    case Op::JNE_F:
    case Op::JLT_F:
    case Op::JLE_F:
    case Op::JNLT_F:
    case Op::JNLE_F:
    case Op::BOUNDS:
    case Op::STORE8:
    case Op::STORE16:
    case Op::STORE32:
    case Op::STORE64:
    case Op::STOREP:
    case Op::STOREF32:
    case Op::MAPINIT:  // reads the region's address in a; writes only memory
      R(a);
      R(b);
      return;
    case Op::INCJLT:
      R(a);
      R(b);
      W(a);
      return;
    case Op::MOV:
      R(b);
      W(a);
      return;
    case Op::MOV2:
      R(b, 2);
      W(a, 2);
      return;
    case Op::MOV3:
      R(b, 3);
      W(a, 3);
      return;
    case Op::MOVN:
      R(b, c);
      W(a, c);
      return;
    case Op::ZERO:
      W(a, b);
      return;
    case Op::LOADI:
    case Op::LOADK:
    case Op::LOADFN:
    case Op::GETG:
    case Op::ADDRG:
    case Op::GETCTX:
    case Op::LOADTYPE:
    case Op::NEW:
    case Op::ADDR:  // the slots it points at: read by map operations (addrRead)
      W(a);
      return;
    case Op::LOADK2:
    case Op::RECOVER:
      W(a, 2);
      return;
    case Op::PANIC:
      R(a, 2);
      return;
    // One-slot results of one or two one-slot operands.
    case Op::NEG:
    case Op::NOT:
    case Op::SEXT8:
    case Op::SEXT16:
    case Op::SEXT32:
    case Op::ZEXT8:
    case Op::ZEXT16:
    case Op::ZEXT32:
    case Op::BNOT:
    case Op::NEG_F:
    case Op::I2F64:
    case Op::U2F64:
    case Op::I2F32:
    case Op::U2F32:
    case Op::F2I64:
    case Op::F2U64:
    case Op::F2F32:
    case Op::ANDI:
    case Op::SHLI:
    case Op::SHRI_S:
    case Op::SHRI_U:
    case Op::LOAD8U:
    case Op::LOAD8S:
    case Op::LOAD16U:
    case Op::LOAD16S:
    case Op::LOAD32U:
    case Op::LOAD32S:
    case Op::LOAD64:
    case Op::LOADF32:
    case Op::FIELDADDR:
    case Op::MAPLEN:
    case Op::MAPITER:
    case Op::MAPNEW:
    case Op::MAKECHAN:
    case Op::CHANLEN:
    case Op::CHANCAP:
    case Op::ITAB:
#define GOL_WIDTHS(base) case Op::base##_I64: case Op::base##_I32: case Op::base##_I16: case Op::base##_I8: \
  case Op::base##_U32: case Op::base##_U16: case Op::base##_U8:
    GOL_WIDTHS(ADDI)
      R(b);
      W(a);
      return;
    GOL_WIDTHS(ADD)
    GOL_WIDTHS(SUB)
    GOL_WIDTHS(MUL)
    GOL_WIDTHS(SHL)
#undef GOL_WIDTHS
    case Op::AND:
    case Op::OR:
    case Op::XOR:
    case Op::ANDNOT:
    case Op::SHR_S:
    case Op::SHR_U:
    case Op::DIV_S:
    case Op::DIV_U:
    case Op::REM_S:
    case Op::REM_U:
    case Op::EQ:
    case Op::NE:
    case Op::LT_S:
    case Op::LE_S:
    case Op::LT_U:
    case Op::LE_U:
    case Op::EQ_F:
    case Op::NE_F:
    case Op::LT_F:
    case Op::LE_F:
    case Op::ADD_F64:
    case Op::SUB_F64:
    case Op::MUL_F64:
    case Op::DIV_F64:
    case Op::ADD_F32:
    case Op::SUB_F32:
    case Op::MUL_F32:
    case Op::DIV_F32:
    case Op::AINDEXADDR:
    case Op::MAPITERAT:
    case Op::MAKESLICE:
      R(b);
      R(c);
      W(a, op == Op::MAKESLICE ? 3 : 1);
      return;
    case Op::LOADN:
      R(b);
      W(a, c);
      return;
    case Op::STOREN:
      R(a);
      R(b, c);
      return;
    case Op::SLOAD64:
    case Op::SLOAD8U:
    case Op::SINDEXADDR:
      R(b, 2);
      R(c);
      W(a);
      return;
    case Op::SSTORE64:
    case Op::SSTORE8:
      R(a, 2);
      R(b);
      R(c);
      return;
    case Op::SLICE: {
      bool str = ((extra >> 32) & slicemode::String) != 0;
      bool three = ((extra >> 32) & slicemode::Three) != 0;
      R(b, str ? 2 : 3);
      R(c, three ? 3 : 2);
      W(a, str ? 2 : 3);
      return;
    }
    case Op::MAKECLOSURE:
      R(b, c);
      W(a);
      return;
    case Op::GROWSLICE:
      R(b, 3);
      R(c);
      W(a, 3);
      return;
    case Op::COPY:
      R(b, 3);
      R(c, 2);
      W(a);
      return;
    case Op::CONCAT:
      R(b, 2);
      R(c, 2);
      W(a, 2);
      return;
    case Op::CONCATB:
      R(b, 2);
      R(c, 2);
      R(static_cast<unsigned>(extra));
      W(a, 2);
      return;
    case Op::STREQ:
    case Op::STRCMP:
    case Op::EFACEEQ:
    case Op::IFACEEQ:
      R(b, 2);
      R(c, 2);
      W(a);
      return;
    case Op::STR2BYTES:
    case Op::STR2RUNES:
      R(b, 2);
      W(a, 3);
      return;
    case Op::STR2BYTESB:
    case Op::STR2RUNESB:
      R(b, 2);
      R(c);
      W(a, 3);
      return;
    case Op::BYTES2STR:
    case Op::RUNES2STR:
      R(b, 3);
      W(a, 2);
      return;
    case Op::BYTES2STRB:
    case Op::RUNES2STRB:
      R(b, 3);
      R(c);
      W(a, 2);
      return;
    case Op::RUNE2STR:
      R(b);
      W(a, 2);
      return;
    case Op::IFACE2E:
      R(b, 2);
      W(a, 2);
      return;
    case Op::DECODERUNE:
      R(b, 2);
      R(c);
      W(a, 2);
      return;
    case Op::MAPACCESS:
    case Op::MAPASSIGN:
      R(b);
      R(c);
      readAddressed(c);
      W(a);
      return;
    case Op::MAPACCESS2:
      R(b);
      R(c);
      readAddressed(c);
      W(a, 2);
      return;
    case Op::MAPDELETE:
      R(a);
      R(b);
      readAddressed(b);
      return;
    case Op::MAPNEXT:  // writes nothing when the iteration is done
      R(b);
      return;
    case Op::ASSERT:  // every outcome that goes on writes the result (and ok)
      R(b, 2);
      W(a, ((c & 2) != 0 ? 2 : 1) + ((c & 4) != 0 ? 1 : 0));
      return;
    case Op::PRINT:
      switch (static_cast<rt::PrintKind>(b)) {
        case rt::PrintKind::String:
        case rt::PrintKind::Iface:
          R(a, 2);
          return;
        case rt::PrintKind::Slice:
          R(a, 3);
          return;
        case rt::PrintKind::Space:
        case rt::PrintKind::Newline:
          return;
        default:
          R(a);
          return;
      }
    case Op::CALL: {
      uint32_t bx = argBx(w);
      if (bx >= module.functions.size()) break;
      const Function& callee = *module.functions[bx];
      R(a, callee.paramSlots);
      W(a, callee.resultSlots);
      std::vector<uint32_t> results;
      for (uint32_t r : callee.resultPointers)
        if (a + r < slots) results.push_back(a + r);
      if (!results.empty()) resultPointers.emplace_back(i, std::move(results));
      return;
    }
    case Op::CALLC:  // c: results << 8 | (params + 1), when codegen gave them
      R(b);
      if (c == 0) {
        readWindow(a);
        return;
      }
      R(a, (c & 0xFF) - 1);
      W(a, c >> 8);
      return;
    case Op::DEFER:
    case Op::GO:
      R(b);
      readWindow(a);
      return;
    case Op::CALLI:  // it writes the receiver to R[a] itself
      R(b, 2);
      readWindow(a + 1);
      W(a);
      return;
    case Op::CALLN: {  // the native's shape, when codegen gave it (vm::Native)
      uint32_t bx = argBx(w);
      if (bx < module.natives.size() && module.natives[bx].paramSlots != Native::kUnknownShape) {
        R(a, module.natives[bx].paramSlots);
        W(a, module.natives[bx].resultSlots);
      } else {
        readWindow(a);
      }
      return;
    }
    case Op::RET:
      R(a, b);
      return;
    case Op::SEND:
      R(a);
      readWindow(b);
      return;
    case Op::RECV:
    case Op::RECV2:
      R(b);
      return;
    case Op::SELECT:  // its cases name element slots by number
      readWindow(0);
      R(b, 3 * uint64_t{c & 0x7FFFu});
      return;
    default:
      break;
  }
  R(0, slots);  // an opcode this pass does not know: everything may be read
}

void Flow::solve() {
  std::vector<uint64_t> next(words);
  const uint64_t* rec = recoverIndex >= 0 ? row(in, static_cast<size_t>(recoverIndex)) : nullptr;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = n; k-- > 0;) {
      uint64_t* o = row(out, k);
      std::fill(o, o + words, 0);
      Op op = opOf(fn.codeWords[pcs[k]]);
      auto join = [&](size_t s) {
        const uint64_t* x = row(in, s);
        for (uint32_t j = 0; j < words; ++j) o[j] |= x[j];
      };
      if (!endsFlow(op) && k + 1 < n) join(k + 1);
      if (target[k] >= 0) join(static_cast<size_t>(target[k]));
      const uint64_t* u = row(use, k);
      const uint64_t* d = row(def, k);
      uint64_t* i = row(in, k);
      for (uint32_t j = 0; j < words; ++j) {
        next[j] = u[j] | (o[j] & ~d[j]);
        if (rec != nullptr) next[j] |= rec[j];
      }
      if (rec != nullptr)
        for (uint32_t j = 0; j < words; ++j) o[j] |= rec[j];
      if (!std::equal(next.begin(), next.end(), i)) {
        std::copy(next.begin(), next.end(), i);
        changed = true;
      }
    }
  }
}

// Forward, to a fixpoint: which slots may hold a pointer a call returned
// (liveness.h, step 4: call results are pointer kinds until overwritten,
// whatever codegen marked in the caller's window).
void Flow::solveHeld() {
  heldIn.assign(n * words, 0);
  heldOut.assign(n * words, 0);
  if (resultPointers.empty()) return;
  std::vector<uint64_t> gen(n * words, 0);
  for (const auto& [i, results] : resultPointers)
    for (uint32_t r : results) row(gen, i)[r / 64] |= uint64_t{1} << (r % 64);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < n; ++k) {
      const uint64_t* hi = row(heldIn, k);
      const uint64_t* d = row(def, k);
      const uint64_t* g = row(gen, k);
      uint64_t* ho = row(heldOut, k);
      for (uint32_t j = 0; j < words; ++j) ho[j] = (hi[j] & ~d[j]) | g[j];
      auto push = [&](size_t s, bool withIn) {
        uint64_t* t = row(heldIn, s);
        for (uint32_t j = 0; j < words; ++j) {
          uint64_t v = t[j] | ho[j] | (withIn ? hi[j] : 0);
          if (v != t[j]) {
            t[j] = v;
            changed = true;
          }
        }
      };
      Op op = opOf(fn.codeWords[pcs[k]]);
      if (!endsFlow(op) && k + 1 < n) push(k + 1, false);
      if (target[k] >= 0) push(static_cast<size_t>(target[k]), false);
      if (recoverIndex >= 0) push(static_cast<size_t>(recoverIndex), true);
    }
  }
}

std::vector<uint32_t> slotsOf(const uint64_t* bits, uint32_t words) {
  std::vector<uint32_t> v;
  for (uint32_t j = 0; j < words; ++j)
    for (uint64_t x = bits[j]; x != 0; x &= x - 1) v.push_back(j * 64 + static_cast<uint32_t>(__builtin_ctzll(x)));
  return v;
}

bool pointerKindAt(const Function& fn, uint32_t slot, uint32_t pc) {
  if (fn.pointerIntervals.empty()) return fn.pointers.test(slot);
  for (const auto& iv : fn.pointerIntervals) {
    if (iv.from > pc) break;
    if (iv.slot == slot && pc < iv.to) return true;
  }
  return false;
}

}  // namespace

void computeResultPointers(Function& fn) {
  fn.resultPointers.clear();
  std::vector<bool> pointer(fn.resultSlots, false);
  const auto& code = fn.codeWords;
  for (size_t pc = 0; pc < code.size();) {
    auto opIndex = static_cast<unsigned>(code[pc] & 0xFFFF);
    if (opIndex >= static_cast<unsigned>(kOpCount)) return;
    Op op = static_cast<Op>(opIndex);
    Instr w = code[pc];
    uint32_t count = op == Op::RET ? argB(w) : op == Op::RET1 ? 1 : 0;
    for (uint32_t r = 0; r < count && r < fn.resultSlots; ++r)
      if (pointerKindAt(fn, argA(w) + r, static_cast<uint32_t>(pc))) pointer[r] = true;
    pc += static_cast<size_t>(instrWords(op));
  }
  for (uint32_t r = 0; r < fn.resultSlots; ++r)
    if (pointer[r]) fn.resultPointers.push_back(r);
}

Liveness computeLiveness(const Module& module, const Function& fn) {
  Liveness r;
  Flow f(module, fn);
  if (!f.decode()) return r;
  f.solve();
  r.pcs = f.pcs;
  for (size_t i = 0; i < f.n; ++i) {
    r.in.push_back(slotsOf(f.row(f.in, i), f.words));
    r.out.push_back(slotsOf(f.row(f.out, i), f.words));
  }
  return r;
}

void computeStackMaps(const Module& module, Function& fn) {
  fn.stackMaps.clear();
  fn.stackMapSlots.clear();
  Flow f(module, fn);
  if (!f.decode()) return;
  f.solve();
  f.solveHeld();
  const uint32_t words = f.words;

  // Pointer kinds per instruction, swept in code order.
  struct Change {
    uint32_t pc, slot;
    bool set;
  };
  std::vector<Change> changes;
  for (const auto& iv : fn.pointerIntervals) {
    if (iv.slot >= f.slots) continue;
    changes.push_back({iv.from, iv.slot, true});
    changes.push_back({iv.to, iv.slot, false});
  }
  std::sort(changes.begin(), changes.end(), [](const Change& x, const Change& y) {
    return x.pc != y.pc ? x.pc < y.pc : (!x.set && y.set);
  });
  std::vector<uint64_t> kinds(words, 0), prevKinds(words, 0);
  if (fn.pointerIntervals.empty())
    fn.pointers.forEach(f.slots, [&](uint32_t s) { kinds[s / 64] |= uint64_t{1} << (s % 64); });
  // Frame objects are not in the maps: the collector and stack copies
  // reach them through the pointers to them (vm/interp.cpp, "Frame
  // objects"). Bytecode only ever writes their slots directly.

  size_t nextChange = 0;
  std::vector<uint64_t> strict(words), scan(words);
  std::vector<uint32_t> lastStrict, lastExtra;
  bool first = true;
  for (size_t k = 0; k <= f.n; ++k) {
    prevKinds = kinds;
    uint32_t pos = k < f.n ? f.pcs[k] : static_cast<uint32_t>(fn.codeWords.size());
    if (k < f.n) {
      for (; nextChange < changes.size() && changes[nextChange].pc <= pos; ++nextChange) {
        const Change& ch = changes[nextChange];
        uint64_t bit = uint64_t{1} << (ch.slot % 64);
        if (ch.set) kinds[ch.slot / 64] |= bit;
        else kinds[ch.slot / 64] &= ~bit;
      }
    }
    for (uint32_t j = 0; j < words; ++j) {
      uint64_t here = k < f.n ? f.row(f.in, k)[j] & (kinds[j] | f.row(f.heldIn, k)[j]) : 0;
      uint64_t before = 0, written = 0;
      if (k > 0) {
        before = f.row(f.in, k - 1)[j] & (prevKinds[j] | f.row(f.heldIn, k - 1)[j]);
        written = f.row(f.out, k - 1)[j] & (prevKinds[j] | f.row(f.heldOut, k - 1)[j]);
      }
      strict[j] = here | before;
      scan[j] = strict[j] | written;
    }
    std::vector<uint32_t> s = slotsOf(strict.data(), words);
    for (uint32_t j = 0; j < words; ++j) scan[j] &= ~strict[j];
    std::vector<uint32_t> e = slotsOf(scan.data(), words);
    if (!first && s == lastStrict && e == lastExtra) continue;
    first = false;
    Function::StackMap m;
    m.pc = pos;
    m.first = static_cast<uint32_t>(fn.stackMapSlots.size());
    m.liveCount = static_cast<uint32_t>(s.size());
    m.scanCount = static_cast<uint32_t>(s.size() + e.size());
    for (uint32_t x : s) fn.stackMapSlots.push_back(static_cast<uint16_t>(x));
    for (uint32_t x : e) fn.stackMapSlots.push_back(static_cast<uint16_t>(x));
    fn.stackMaps.push_back(m);
    lastStrict = std::move(s);
    lastExtra = std::move(e);
  }
}

}  // namespace gol::vm
