// Bytecode containers: Function and Module, and an Assembler.
//
// A Function is what codegen produces for one Gol function and what the
// interpreter and the JIT run: its code words (vm/opcodes.h), constant
// pool, frame size in slots, where its parameters and results live, which
// slots hold pointers, and a line table for panic traces.
//
// Pointer maps. `pointers` has one bit per frame slot for the whole
// function: every slot that ever holds a pointer. It decides which slots
// are zeroed on entry (the caller wrote the parameters), the layout of a
// defer record, and the parameters of a frame not pushed yet. The GC and
// stack copies use the exact form instead, stack maps per safepoint
// (Go's): vm/liveness.h runs a liveness pass over the bytecode at module
// finalize and keeps, for each pc a frame can stop at, the slots that are
// both live there and of a pointer kind there. Kinds are per allocation:
// codegen tells the Assembler when it (re)allocates a slot
// (Assembler::allocated), and a pointerSlot(s) marks s as a pointer only
// from that allocation until s is next allocated (pointerIntervals); a
// function assembled without allocation events has one interval per
// marked slot, the whole function. Call windows (the outgoing argument
// slots of a call) are reserved without allocation events, so a window
// slot's kind is that of the enclosing allocation interval: a window slot
// that carries a pointer argument is a pointer kind for the whole
// interval, possibly holding an int argument of another call there.
//
// The frame header below a callee's base (return pc, caller, closure
// context; see opcodes.h) is not part of any function's map: the GC and
// growStack read the context slot of a frame whose function usesContext.
//
// Module: the functions of a program (indexed by CALL's bx), its natives
// (C++ functions, CALLN), its type descriptors (NEW, MAKESLICE), its
// globals with their pointer map, and storage for string constants, which
// the constant pools point into. A Module does not move or change while a
// program runs, except its globals.
//
// What codegen (lang/ -> vm/) must guarantee, since the verifier cannot
// check all of it:
//   - a call window starts at a slot >= 3 above everything live across the
//     call (the callee's 3-slot header is written just below the window),
//     and the frame covers window + max(arguments, results);
//   - every slot that ever holds a pointer is marked (pointerSlot) while
//     it holds one, in the allocation interval it holds it in (a slot is
//     never read live outside the interval that wrote it), argument
//     windows included;
//   - a function that uses DEFER sets recoverPc (Assembler::recoverPoint)
//     to an epilogue of RUNDEFERS, then the loads of its named results, then
//     RET;
//   - an interface value's first word is a TypeDesc* (empty interface) or an
//     Itab*; its data word is the value itself for pointer, map, chan and
//     func types, and a pointer to a NEW-boxed copy for everything else;
//   - method tables are sorted by name, each entry a Function taking the
//     data word as its first parameter;
//   - map keys are passed by address (a slot's address works for integers
//     and strings; float32 and structs with narrow fields need a packed
//     copy);
//   - append is GROWSLICE followed by the element stores.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/typedesc.h"
#include "vm/opcodes.h"

namespace gol::rt {
class G;
}

namespace gol::vm {

class Machine;

// A bit set over slots (frame slots or global slots).
class SlotBits {
 public:
  void set(uint32_t slot) {
    if (slot / 64 >= words_.size()) words_.resize(slot / 64 + 1, 0);
    words_[slot / 64] |= uint64_t{1} << (slot % 64);
  }
  bool test(uint32_t slot) const {
    return slot / 64 < words_.size() && ((words_[slot / 64] >> (slot % 64)) & 1) != 0;
  }
  bool empty() const {
    for (uint64_t w : words_)
      if (w != 0) return false;
    return true;
  }
  // Calls f(slot) for every set slot below `limit`, in increasing order.
  template <typename F>
  void forEach(uint32_t limit, F&& f) const {
    for (size_t i = 0; i < words_.size(); ++i) {
      uint64_t w = words_[i];
      while (w != 0) {
        uint32_t slot = static_cast<uint32_t>(i * 64 + static_cast<unsigned>(__builtin_ctzll(w)));
        if (slot >= limit) return;
        f(slot);
        w &= w - 1;
      }
    }
  }

 private:
  std::vector<uint64_t> words_;
};

struct SlotRange {
  uint16_t first = 0;
  uint16_t count = 0;
};

struct LineEntry {
  uint32_t pc;   // first code word the line applies to
  int32_t line;  // 1-based source line; 0 for "no line"
};

struct Function {
  // ---- hot: read by every call, keep together ----
  const Instr* code = nullptr;         // = codeWords.data()
  const uint64_t* consts = nullptr;    // = constants.data()
  uint32_t frameSlots = 0;             // slots [0, frameSlots) from the base
  uint32_t zeroRangeCount = 0;
  const SlotRange* zeroRanges = nullptr;  // = zeroOnEntry.data()
  // A func value is a pointer to a closure object whose first word is its
  // Function*; a function used as a value without captures gets this
  // static one-word closure (LOADFN), so it is never allocated.
  uint64_t staticClosure = 0;
  // The module whose tables (functions, natives, types, globals) its code
  // indexes; set by Module::finalize. The REPL runs several modules on one
  // scheduler, and a func value or method of one may be called from
  // another: the interpreter switches tables when a call or return
  // crosses modules.
  struct Module* module = nullptr;

  // ---- cold ----
  std::string name;        // as Go prints it in traces: "main.fib", "main.(*T).String"
  std::string file;        // "prog.gol"
  uint32_t paramSlots = 0;
  uint32_t resultSlots = 0;
  bool usesContext = false;  // a closure body: its header's context slot is live
  // A closure body's context object (MAKECLOSURE): the Function* word,
  // then the captured slots, with the captured values' pointer words.
  // Codegen sets it; null means every captured word is a pointer.
  const rt::TypeDesc* contextLayout = nullptr;
  // The layout of a defer record calling this function (its header, then
  // its parameters, pointers as in `pointers`): made by the first DEFER of
  // it (vm/interp.cpp), shared by all after.
  mutable std::atomic<const rt::TypeDesc*> deferLayout{nullptr};
  ~Function() { delete deferLayout.load(std::memory_order_relaxed); }
  // Where a frame of this function resumes when a deferred call it made
  // recovers a panic: its epilogue (RUNDEFERS, load named results, RET).
  // kNoRecoverPc for functions without DEFER.
  uint32_t recoverPc = UINT32_MAX;
  std::vector<Instr> codeWords;
  std::vector<uint64_t> constants;
  SlotBits pointers;          // frame slots that hold pointers
  std::vector<SlotRange> zeroOnEntry;  // derived from pointers by finalize()
  std::vector<LineEntry> lines;        // sorted by pc
  // Live frame prefix by pc, for the collector: from entry.pc on (to the
  // next entry), slots >= entry.top hold nothing live. Codegen records
  // the highest slot in use since the enclosing statement began, so
  // temporaries of finished statements are not scanned (they are dead,
  // though their slots may still hold stale pointers).
  struct LiveTop {
    uint32_t pc;
    uint32_t top;
  };
  std::vector<LiveTop> liveTops;  // sorted by pc; empty: the whole frame
  // Where slot `slot` holds a pointer kind (Assembler::allocated): code
  // words [from, to). Empty: `pointers` for the whole function.
  struct PointerInterval {
    uint32_t slot, from, to;
  };
  std::vector<PointerInterval> pointerIntervals;
  // Result slots that return a pointer (from the kinds at its RETs), for
  // its callers' stack maps; made by Module::finalize.
  std::vector<uint32_t> resultPointers;
  // Stack maps (vm/liveness.h), made by Module::finalize: from `pc` on (a
  // position between instructions, the resume pc of a stopped frame) to
  // the next entry, the frame's pointers are the `scanCount` slots at
  // stackMapSlots[first...]; the first `liveCount` of them are live in the
  // strict sense (the rest are slots the stopped instruction will write,
  // which may hold stale values until it does). Empty: no map.
  struct StackMap {
    uint32_t pc;
    uint32_t first;
    uint32_t scanCount;
    uint32_t liveCount;
  };
  std::vector<StackMap> stackMaps;
  std::vector<uint16_t> stackMapSlots;
  // The map for a frame stopped at code position pc (just past the
  // instruction it stopped in, or at the one it resumes with); null when
  // there is none (no maps made, or pc outside the code).
  const StackMap* stackMapAt(size_t pc) const;
  // Objects escape analysis kept in the frame (lang/codegen_func.cpp,
  // "Frame objects"): each range of slots holds one object in memory layout
  // (Go's field offsets, one pointer word per marked slot in `pointers`),
  // reached through pointers made by ADDR, so slot-level liveness cannot
  // see its reads. An object is live while a live pointer (or another live
  // frame object) points into it, as Go's stack objects are (vm/interp.cpp,
  // "Frame objects"); its pointer slots are zeroed on entry.
  std::vector<SlotRange> stackObjects;
  // Slots [0, result) may be live at code word pc (frameSlots when unknown).
  uint32_t liveTopAt(size_t pc) const;
  // Optional, for the disassembler: which variable a slot holds over which
  // instructions (slots are reused once a variable's block ends).
  struct SlotLabel {
    uint32_t slot, from, to;  // code words [from, to)
    std::string name;
  };
  std::vector<SlotLabel> slotLabels;

  // Sets the hot fields from the cold ones; call after any change.
  void finalize();
  int32_t lineAt(size_t pc) const;
  uint32_t index = 0;  // in its Module
};

// A native function: arguments in, results out, through the call window
// slots (the same layout a Gol callee would see). Returns false after
// reporting a panic through the Machine.
using NativeFn = bool (*)(Machine& machine, rt::G& g, uint64_t* slots);

struct Native {
  std::string name;
  NativeFn fn = nullptr;
  // The window's shape, for liveness, when codegen knows the signature:
  // the argument slots the native reads and the result slots it writes.
  // paramSlots == kUnknownShape: liveness reads the window to the live top.
  static constexpr uint32_t kUnknownShape = UINT32_MAX;
  uint32_t paramSlots = kUnknownShape;
  uint32_t resultSlots = 0;
};

struct Module {
  std::vector<std::unique_ptr<Function>> functions;
  std::vector<Native> natives;
  std::vector<std::unique_ptr<rt::TypeDesc>> types;
  std::vector<uint64_t> globals;
  SlotBits globalPointers;
  int32_t mainIndex = -1;

  // Reserves a function index, so that recursive and forward calls can be
  // emitted before the callee is assembled.
  uint32_t declareFunction(std::string name, std::string file = "prog.gol");
  uint32_t addNative(std::string name, NativeFn fn, uint32_t paramSlots = Native::kUnknownShape,
                     uint32_t resultSlots = 0);
  uint32_t addType(std::unique_ptr<rt::TypeDesc> type);
  uint32_t addGlobal(uint32_t slots, bool pointer = false);

  // Copies the bytes into storage that lives as long as the module and
  // returns the string's two words (data pointer, length).
  std::pair<uint64_t, uint64_t> internString(std::string_view s);

  // The table CALL indexes; rebuilt by finalize().
  std::vector<const Function*> functionTable;
  void finalize();

 private:
  std::deque<std::string> strings_;
};

// Builds one Function by hand (tests, the benchmark tool) or for codegen.
// Jumps are emitted to labels and patched when the function is finished.
class Assembler {
 public:
  struct Label {
    int id = -1;
  };

  Assembler(Module& module, uint32_t functionIndex);

  Function& function() { return *fn_; }

  void params(uint32_t slots) { fn_->paramSlots = slots; }
  void results(uint32_t slots) { fn_->resultSlots = slots; }
  void frame(uint32_t slots) { fn_->frameSlots = slots; }
  void pointerSlot(uint32_t slot) {
    fn_->pointers.set(slot);
    kindEvents_.push_back({pc(), slot, false});
  }
  // Codegen (re)allocated slots [first, first + n) for a new value from
  // the next instruction on: their pointer kinds start afresh there.
  void allocated(uint32_t first, uint32_t n) {
    for (uint32_t s = first; s < first + n; ++s) kindEvents_.push_back({pc(), s, true});
  }
  void usesContext() { fn_->usesContext = true; }
  void recoverPoint() { fn_->recoverPc = pc(); }  // the next instruction
  // Names `slot` from the next instruction until endSlotNames or finish.
  void slotName(uint32_t slot, std::string name);
  // Ends the names of slots >= firstSlot (their variables went out of scope).
  void endSlotNames(uint32_t firstSlot, uint32_t endSlot = UINT32_MAX);
  void line(int32_t line) { line_ = line; }
  // Liveness for the collector (Function::liveTops): `top` is the
  // caller's count of slots in use, read at every instruction emitted.
  // statementStart returns the value to give statementEnd.
  uint32_t statementStart(uint32_t top) {
    uint32_t outer = live_;
    live_ = top;
    return outer;
  }
  void statementEnd(uint32_t outer, uint32_t top) { live_ = outer > top ? outer : top; }
  void trackTop(const uint32_t* top) { top_ = top; }

  uint32_t constant(uint64_t bits);
  uint32_t constantF64(double v);
  uint32_t constantString(std::string_view s);  // two words: data, length

  Label newLabel();
  void bind(Label l);
  uint32_t pc() const { return static_cast<uint32_t>(fn_->codeWords.size()); }

  // a, b, c: emit(op, a, b, c) for every format without a 32-bit field.
  void emit(Op op, uint16_t a = 0, uint16_t b = 0, uint16_t c = 0);
  void emitWide(Op op, uint16_t a, uint32_t bx);     // AI32 AK AG AF ANat AT
  void emitExtra(Op op, uint16_t a, uint16_t b, uint16_t c, uint64_t extra);  // *E formats
  void jump(Op op, Label target);                       // J
  void jump(Op op, uint16_t a, Label target);           // AJ
  void jump(Op op, uint16_t a, uint16_t b, Label target);  // ABJ, AIJ (b as int16)

  // Resolves jumps, finalizes the function; returns its index. Check
  // jumpTooFar() after: a conditional jump spanning more than 32767 words
  // cannot be encoded (codegen reports the function as too large).
  uint32_t finish();
  bool jumpTooFar() const { return jumpTooFar_; }

 private:
  void word(Instr w);
  struct Fixup {
    uint32_t pc;
    int label;
    bool wide;
  };
  Module& module_;
  Function* fn_;
  int32_t line_ = 0;
  const uint32_t* top_ = nullptr;
  uint32_t live_ = 0;
  bool jumpTooFar_ = false;
  std::vector<int64_t> labels_;
  std::vector<Fixup> fixups_;
  struct KindEvent {
    uint32_t pc, slot;
    bool alloc;  // else a pointer mark
  };
  std::vector<KindEvent> kindEvents_;  // in emission order
  void buildPointerIntervals();
};

}  // namespace gol::vm
