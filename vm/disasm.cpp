// Disassembler (format described in disasm.h).
#include "vm/disasm.h"

#include <algorithm>

#include <bit>
#include <cstring>
#include <iterator>
#include <vector>

#include <fmt/format.h>

namespace gol::vm {
namespace {

std::string quoteBytes(const char* p, uint64_t n) {
  std::string out = "\"";
  constexpr uint64_t kMax = 40;
  for (uint64_t k = 0; k < n && k < kMax; ++k) {
    auto c = static_cast<unsigned char>(p[k]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  if (n > kMax) out += "...";
  return out + "\"";
}

std::string slotList(const SlotBits& bits, uint32_t limit) {
  std::string out;
  bits.forEach(limit, [&](uint32_t s) { out += fmt::format("{}r{}", out.empty() ? "" : " ", s); });
  return out.empty() ? "none" : out;
}

std::string constantComment(const Function& fn, uint32_t k, bool twoWords) {
  if (k >= fn.constants.size() || (twoWords && k + 1 >= fn.constants.size())) return "?";
  uint64_t v = fn.constants[k];
  if (twoWords)
    return quoteBytes(reinterpret_cast<const char*>(v), fn.constants[k + 1]);
  double d = std::bit_cast<double>(v);
  auto asInt = static_cast<int64_t>(v);
  // Small integers print as integers; anything else also as a float.
  if (asInt > -(int64_t{1} << 48) && asInt < (int64_t{1} << 48)) return fmt::format("{}", asInt);
  return fmt::format("{} / {}", asInt, d);
}

struct Printer {
  const Module& module;
  const Function& fn;
  std::vector<std::string> comments;
  size_t pc = 0;  // the instruction being printed

  std::string slot(unsigned s) {
    for (const auto& l : fn.slotLabels) {
      if (l.slot != s || pc < l.from || pc >= l.to) continue;
      std::string c = fmt::format("r{}={}", s, l.name);
      if (std::find(comments.begin(), comments.end(), c) == comments.end()) comments.push_back(c);
    }
    return fmt::format("r{}", s);
  }

  std::string field(Field kind, int64_t v, size_t nextPc) {
    switch (kind) {
      case Field::None:
        return "";
      case Field::Slot:
        return slot(static_cast<unsigned>(v));
      case Field::Count:
        return fmt::format("{}", v);
      case Field::Imm:
        return fmt::format("{}", v);
      case Field::Offset:
        return fmt::format("+{}", v);
      case Field::Jump:
        return fmt::format("-> {}", static_cast<int64_t>(nextPc) + v);
      case Field::Const:
        return fmt::format("K{}", v);
      case Field::Global:
        return fmt::format("G{}", v);
      case Field::Func: {
        auto idx = static_cast<size_t>(v);
        if (idx < module.functions.size()) comments.push_back(module.functions[idx]->name);
        return fmt::format("F{}", v);
      }
      case Field::Native: {
        auto idx = static_cast<size_t>(v);
        if (idx < module.natives.size()) comments.push_back(module.natives[idx].name);
        return fmt::format("N{}", v);
      }
      case Field::Type: {
        auto idx = static_cast<size_t>(v);
        if (idx < module.types.size()) comments.push_back(module.types[idx]->name);
        return fmt::format("T{}", v);
      }
      case Field::Size:
        return fmt::format("size={}", v);
      case Field::LenSize:
        return fmt::format("len={} size={}", static_cast<uint64_t>(v) >> 32, v & 0xFFFFFFFF);
      case Field::PrintKind: {
        static constexpr const char* kNames[] = {"int", "uint", "float", "bool", "string",
                                                 "pointer", "slice", "iface", "sp", "nl"};
        auto k = static_cast<size_t>(v);
        return k < std::size(kNames) ? kNames[k] : fmt::format("kind{}", v);
      }
      case Field::SliceMode: {
        auto mode = static_cast<uint32_t>(static_cast<uint64_t>(v) >> 32);
        std::string m = (mode & slicemode::String) ? "string" : (mode & slicemode::ArrayLen) ? "array" : "slice";
        if (mode & slicemode::Three) m += ",3";
        return fmt::format("{} size={}", m, v & 0xFFFFFFFF);
      }
    }
    return "?";
  }
};

}  // namespace

std::string disassemble(const Module& module, const Function& fn) {
  std::string out = fmt::format("func {} ({})\n", fn.name, fn.file);
  auto span = [](uint32_t n) {
    return n == 0 ? std::string("none") : n == 1 ? std::string("r0") : fmt::format("r0..r{}", n - 1);
  };
  out += fmt::format("  frame {} slots; params {}; results {}{}\n", fn.frameSlots, span(fn.paramSlots),
                     span(fn.resultSlots), fn.usesContext ? "; closure context (GETCTX)" : "");
  // The slot layout: which variable lives where ("&x": a pointer to x's cell, on the
  // heap or among the frame objects).
  std::string named;
  for (const auto& l : fn.slotLabels) {
    bool whole = l.from == 0 && l.to >= fn.codeWords.size();
    named += whole ? fmt::format(" r{}={}", l.slot, l.name)
                   : fmt::format(" r{}={}@{}..{}", l.slot, l.name, l.from, l.to);
  }
  if (!named.empty()) out += "  slots:" + named + "\n";
  if (!fn.stackObjects.empty()) {  // escape analysis kept these in the frame
    out += "  frame objects:";
    for (const SlotRange& r : fn.stackObjects)
      out += r.count == 1 ? fmt::format(" r{}", r.first)
                          : fmt::format(" r{}..r{}", r.first, r.first + r.count - 1);
    out += "\n";
  }
  out += fmt::format("  pointers: {}", slotList(fn.pointers, fn.frameSlots));
  if (!fn.zeroOnEntry.empty()) {
    out += "; zeroed on entry:";
    for (const SlotRange& r : fn.zeroOnEntry)
      out += r.count == 1 ? fmt::format(" r{}", r.first)
                          : fmt::format(" r{}..r{}", r.first, r.first + r.count - 1);
  }
  out += "\n";
  out += "    pc  line  op          operands\n";
  size_t pc = 0;
  const auto& code = fn.codeWords;
  while (pc < code.size()) {
    Instr w = code[pc];
    auto opIndex = static_cast<unsigned>(w & 0xFFFF);
    if (opIndex >= static_cast<unsigned>(kOpCount)) {
      out += fmt::format("  {:4}  {:4}  <bad opcode {}>\n", pc, fn.lineAt(pc), opIndex);
      ++pc;
      continue;
    }
    Op op = opOf(w);
    const FormatInfo& f = formatInfo(op);
    size_t words = static_cast<size_t>(instrWords(op));
    size_t nextPc = pc + 1;  // jumps count from the word after the jump
    Printer p{module, fn, {}, pc};
    std::vector<std::string> ops;
    auto add = [&](std::string s) {
      if (!s.empty()) ops.push_back(std::move(s));
    };
    bool signedB = f.b == Field::Imm || f.b == Field::Jump;
    bool signedC = f.c == Field::Imm || f.c == Field::Jump;
    add(p.field(f.a, static_cast<int64_t>(argA(w)), nextPc));
    if (f.wide != Field::None) {
      bool signedWide = f.wide == Field::Imm || f.wide == Field::Jump;
      add(p.field(f.wide, signedWide ? argSBx(w) : static_cast<int64_t>(argBx(w)), nextPc));
    } else {
      add(p.field(f.b, signedB ? int64_t{argSB(w)} : int64_t{argB(w)}, nextPc));
      add(p.field(f.c, signedC ? int64_t{argSC(w)} : int64_t{argC(w)}, nextPc));
    }
    if (words == 2 && pc + 1 < code.size())
      add(p.field(f.extra, static_cast<int64_t>(code[pc + 1]), nextPc));
    if (f.wide == Field::Const)
      p.comments.push_back(constantComment(fn, argBx(w), op == Op::LOADK2));
    std::string operands;
    for (size_t k = 0; k < ops.size(); ++k) operands += (k ? ", " : "") + ops[k];
    std::string line = fmt::format("  {:4}  {:4}  {:<10}  {}", pc, fn.lineAt(pc), opInfo(op).name, operands);
    if (!p.comments.empty()) {
      if (line.size() < 50) line.append(50 - line.size(), ' ');
      line += " ;";
      for (const auto& c : p.comments) line += " " + c;
    }
    // Trim trailing blanks (an opcode without operands).
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    pc += words;
  }
  // Stack maps (vm/liveness.h): from each pc on, the pointer slots a frame
  // stopped there holds live; "+" marks slots the instruction just before
  // is about to write (scanned, not yet live).
  if (!fn.stackMaps.empty() && !fn.pointers.empty()) {
    std::string maps;
    for (const auto& m : fn.stackMaps) {
      std::string slots;
      for (uint32_t k = 0; k < m.scanCount; ++k)
        slots += fmt::format(" {}r{}", k < m.liveCount ? "" : "+", fn.stackMapSlots[m.first + k]);
      maps += fmt::format("\n    {:4}: {}", m.pc, slots.empty() ? std::string("none") : slots.substr(1));
    }
    out += "  stack maps:" + maps + "\n";
  }
  return out;
}

std::string disassemble(const Module& module) {
  std::string out;
  for (const auto& fn : module.functions) {
    if (!out.empty()) out += "\n";
    out += disassemble(module, *fn);
  }
  return out;
}

}  // namespace gol::vm
