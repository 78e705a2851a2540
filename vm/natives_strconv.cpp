// Natives of package strconv (see vm/natives.h for the calling
// convention): the float conversions, which share runtime/format.h's
// digits and layouts with fmt. ParseFloat itself is Gol (it builds the
// *NumError); the native parseFloat reports only a code. fmt's scanning
// uses the same native under its own name (stdlib/fmt/scan.gol).
#include <cstring>
#include <string>

#include "runtime/alloc.h"
#include "runtime/format.h"
#include "vm/natives.h"

namespace gol::vm {

namespace {

double slotFloat(uint64_t slot) {
  double v;
  std::memcpy(&v, &slot, 8);
  return v;
}

uint64_t floatSlot(double v) {
  uint64_t slot;
  std::memcpy(&slot, &v, 8);
  return slot;
}

// FormatFloat(f float64, fmt byte, prec, bitSize int) string
bool formatFloat(Machine&, rt::G&, uint64_t* slots) {
  std::string s = rt::formatFloat(slotFloat(slots[0]), static_cast<char>(slots[1] & 0xFF),
                                  static_cast<int>(static_cast<int64_t>(slots[2])),
                                  static_cast<int>(static_cast<int64_t>(slots[3])));
  void* bytes = rt::allocateBytes(s.size(), false);
  std::memcpy(bytes, s.data(), s.size());
  slots[0] = reinterpret_cast<uint64_t>(bytes);
  slots[1] = s.size();
  return true;
}

// parseFloat(s string, bitSize int) (f float64, code int): code 0 ok,
// 1 syntax error, 2 out of range.
bool parseFloat(Machine&, rt::G&, uint64_t* slots) {
  std::string_view s;
  if (slots[1] != 0) s = std::string_view(reinterpret_cast<const char*>(slots[0]), slots[1]);
  rt::ParsedFloat r = rt::parseFloat(s, static_cast<int>(static_cast<int64_t>(slots[2])));
  slots[0] = floatSlot(r.value);
  slots[1] = static_cast<uint64_t>(r.code);
  return true;
}

const NativeDef kStrconvNatives[] = {
    {"strconv.FormatFloat", formatFloat},
    {"strconv.parseFloat", parseFloat},
    {"fmt.parseFloat", parseFloat},  // fmt's scanning, which does not import strconv
};

}  // namespace

std::span<const NativeDef> strconvNatives() { return kStrconvNatives; }

}  // namespace gol::vm
