// Function, Module and Assembler (design in bytecode.h).
#include "vm/bytecode.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "vm/liveness.h"

namespace gol::vm {
namespace {

[[noreturn]] void brokenInvariant(const char* what) {
  std::fprintf(stderr, "fatal error: gol: %s\n", what);
  std::abort();
}

}  // namespace

void Function::finalize() {
  code = codeWords.data();
  consts = constants.data();
  staticClosure = reinterpret_cast<uint64_t>(this);
  zeroOnEntry.clear();
  pointers.forEach(frameSlots, [&](uint32_t slot) {
    if (slot < paramSlots) return;  // written by the caller
    if (!zeroOnEntry.empty() && zeroOnEntry.back().first + zeroOnEntry.back().count == slot) {
      ++zeroOnEntry.back().count;
    } else {
      zeroOnEntry.push_back(SlotRange{static_cast<uint16_t>(slot), 1});
    }
  });
  zeroRangeCount = static_cast<uint32_t>(zeroOnEntry.size());
  zeroRanges = zeroOnEntry.data();
  // The maps describe the code as it was: Module::finalize makes new ones.
  stackMaps.clear();
  stackMapSlots.clear();
}

const Function::StackMap* Function::stackMapAt(size_t pc) const {
  if (stackMaps.empty() || pc > codeWords.size()) return nullptr;
  auto it = std::upper_bound(stackMaps.begin(), stackMaps.end(), pc,
                             [](size_t p, const StackMap& e) { return p < e.pc; });
  if (it == stackMaps.begin()) return nullptr;
  return &*std::prev(it);
}

uint32_t Function::liveTopAt(size_t pc) const {
  auto it = std::upper_bound(liveTops.begin(), liveTops.end(), pc,
                             [](size_t p, const LiveTop& e) { return p < e.pc; });
  if (it == liveTops.begin()) return frameSlots;
  return std::min(frameSlots, std::prev(it)->top);
}

int32_t Function::lineAt(size_t pc) const {
  auto it = std::upper_bound(lines.begin(), lines.end(), pc,
                             [](size_t p, const LineEntry& e) { return p < e.pc; });
  if (it == lines.begin()) return 0;
  return std::prev(it)->line;
}

uint32_t Module::declareFunction(std::string name, std::string file) {
  auto fn = std::make_unique<Function>();
  fn->name = std::move(name);
  fn->file = std::move(file);
  fn->index = static_cast<uint32_t>(functions.size());
  functions.push_back(std::move(fn));
  return functions.back()->index;
}

uint32_t Module::addNative(std::string name, NativeFn fn, uint32_t paramSlots, uint32_t resultSlots) {
  natives.push_back(Native{std::move(name), fn, paramSlots, resultSlots});
  return static_cast<uint32_t>(natives.size() - 1);
}

uint32_t Module::addType(std::unique_ptr<rt::TypeDesc> type) {
  types.push_back(std::move(type));
  return static_cast<uint32_t>(types.size() - 1);
}

uint32_t Module::addGlobal(uint32_t slots, bool pointer) {
  auto first = static_cast<uint32_t>(globals.size());
  globals.resize(globals.size() + slots, 0);
  if (pointer)
    for (uint32_t i = 0; i < slots; ++i) globalPointers.set(first + i);
  return first;
}

std::pair<uint64_t, uint64_t> Module::internString(std::string_view s) {
  strings_.emplace_back(s);
  const std::string& stored = strings_.back();
  return {reinterpret_cast<uint64_t>(stored.data()), stored.size()};
}

void Module::finalize() {
  functionTable.clear();
  for (auto& fn : functions) {
    fn->finalize();
    fn->module = this;
    functionTable.push_back(fn.get());
  }
  // After every function is final: a CALL's effect on the caller's slots
  // depends on its callee's parameter and result counts.
  for (auto& fn : functions) computeResultPointers(*fn);
  for (auto& fn : functions) computeStackMaps(*this, *fn);
}

Assembler::Assembler(Module& module, uint32_t functionIndex)
    : module_(module), fn_(module.functions.at(functionIndex).get()) {}

void Assembler::slotName(uint32_t slot, std::string name) {
  endSlotNames(slot, slot + 1);
  fn_->slotLabels.push_back({slot, pc(), UINT32_MAX, std::move(name)});
}

void Assembler::endSlotNames(uint32_t firstSlot, uint32_t endSlot) {
  for (auto& l : fn_->slotLabels)
    if (l.to == UINT32_MAX && l.slot >= firstSlot && l.slot < endSlot) l.to = pc();
}

uint32_t Assembler::constant(uint64_t bits) {
  auto& k = fn_->constants;
  for (size_t i = 0; i < k.size(); ++i)
    if (k[i] == bits) return static_cast<uint32_t>(i);
  k.push_back(bits);
  return static_cast<uint32_t>(k.size() - 1);
}

uint32_t Assembler::constantF64(double v) { return constant(std::bit_cast<uint64_t>(v)); }

uint32_t Assembler::constantString(std::string_view s) {
  auto [data, len] = module_.internString(s);
  fn_->constants.push_back(data);
  fn_->constants.push_back(len);
  return static_cast<uint32_t>(fn_->constants.size() - 2);
}

Assembler::Label Assembler::newLabel() {
  labels_.push_back(-1);
  return Label{static_cast<int>(labels_.size() - 1)};
}

void Assembler::bind(Label l) { labels_.at(static_cast<size_t>(l.id)) = pc(); }

void Assembler::word(Instr w) {
  auto& lines = fn_->lines;
  if (lines.empty() || lines.back().line != line_) lines.push_back(LineEntry{pc(), line_});
  if (top_ != nullptr) {
    if (*top_ > live_) live_ = *top_;
    auto& tops = fn_->liveTops;
    if (!tops.empty() && tops.back().pc == pc()) tops.back().top = live_;
    else if (tops.empty() || tops.back().top != live_) tops.push_back(Function::LiveTop{pc(), live_});
  }
  fn_->codeWords.push_back(w);
}

void Assembler::emit(Op op, uint16_t a, uint16_t b, uint16_t c) { word(encode(op, a, b, c)); }

void Assembler::emitWide(Op op, uint16_t a, uint32_t bx) { word(encodeWide(op, a, bx)); }

void Assembler::emitExtra(Op op, uint16_t a, uint16_t b, uint16_t c, uint64_t extra) {
  word(encode(op, a, b, c));
  fn_->codeWords.push_back(extra);  // same line: no new line entry
}

void Assembler::jump(Op op, Label target) {
  fixups_.push_back(Fixup{pc(), target.id, true});
  word(encodeWide(op, 0, 0));
}

void Assembler::jump(Op op, uint16_t a, Label target) {
  fixups_.push_back(Fixup{pc(), target.id, true});
  word(encodeWide(op, a, 0));
}

void Assembler::jump(Op op, uint16_t a, uint16_t b, Label target) {
  fixups_.push_back(Fixup{pc(), target.id, false});
  word(encode(op, a, b, 0));
}

uint32_t Assembler::finish() {
  for (const Fixup& f : fixups_) {
    int64_t target = labels_.at(static_cast<size_t>(f.label));
    if (target < 0) brokenInvariant("assembler: jump to an unbound label");
    int64_t offset = target - (static_cast<int64_t>(f.pc) + 1);
    Instr& w = fn_->codeWords[f.pc];
    if (f.wide) {
      w = (w & 0xFFFFFFFFu) | static_cast<Instr>(static_cast<uint32_t>(offset)) << 32;
    } else {
      if (offset < INT16_MIN || offset > INT16_MAX) {
        jumpTooFar_ = true;  // the caller reports it (a function too large to compile)
        continue;
      }
      w = (w & 0x0000FFFFFFFFFFFFu) | static_cast<Instr>(static_cast<uint16_t>(offset)) << 48;
    }
  }
  if (fn_->frameSlots < std::max(fn_->paramSlots, fn_->resultSlots))
    brokenInvariant("assembler: frame smaller than its parameters or results");
  for (auto& l : fn_->slotLabels)
    if (l.to == UINT32_MAX) l.to = pc();
  buildPointerIntervals();
  fn_->finalize();
  fn_->module = &module_;
  module_.functionTable.resize(module_.functions.size(), nullptr);
  module_.functionTable[fn_->index] = fn_;
  return fn_->index;
}

// Each slot's events in emission order: an allocation starts a new
// interval of that slot (a scalar until marked); a mark makes the current
// interval, all of it, a pointer kind. Intervals are code words, so marks
// and allocations at the same pc (no instruction between) order by
// emission: a mark made just before a reallocation belongs to an empty
// interval and is dropped.
void Assembler::buildPointerIntervals() {
  auto& out = fn_->pointerIntervals;
  out.clear();
  std::stable_sort(kindEvents_.begin(), kindEvents_.end(),
                   [](const KindEvent& x, const KindEvent& y) { return x.slot < y.slot; });
  const uint32_t end = pc();
  for (size_t i = 0; i < kindEvents_.size();) {
    uint32_t slot = kindEvents_[i].slot;
    uint32_t start = 0;
    bool pointer = false;
    for (; i < kindEvents_.size() && kindEvents_[i].slot == slot; ++i) {
      const KindEvent& e = kindEvents_[i];
      if (!e.alloc) {
        pointer = true;
        continue;
      }
      if (pointer && e.pc > start) out.push_back({slot, start, e.pc});
      start = e.pc;
      pointer = false;
    }
    if (pointer && end > start) out.push_back({slot, start, end});
  }
  std::sort(out.begin(), out.end(), [](const Function::PointerInterval& x, const Function::PointerInterval& y) {
    return x.from != y.from ? x.from < y.from : x.slot < y.slot;
  });
  kindEvents_.clear();
}

}  // namespace gol::vm
