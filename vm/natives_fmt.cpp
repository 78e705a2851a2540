// Natives of package fmt (see vm/natives.h for the calling convention):
// the Print, Sprint and Append families and doErrorf, Errorf's helper,
// each taking fmt.formatOperand as a last argument to run Format methods
// (fmt.gol's wrappers pass it); and those that let scanning (scan.gol)
// store into pointers to defined scalar, string and []byte types. The
// formatting itself is runtime/format.h's; this file moves operands out of
// the native's window, calls String and Error methods through
// vm::callMethod, and writes results back.
//
// A `...any` parameter arrives as a slice of 16-byte interfaces. Operands
// and the format are copied before formatting starts: a method call may
// grow (and move) the goroutine's stack, and the slice itself may live in
// it. For the same reason the window is re-derived from its offset before
// results are written.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/format.h"
#include "runtime/print.h"
#include "runtime/slice.h"
#include "vm/natives.h"

namespace gol::vm {

namespace {

class VmMethodCaller final : public rt::MethodCaller {
 public:
  // formatHook: fmt.formatOperand's func value (0: Format never runs).
  VmMethodCaller(Machine& m, rt::G& g, uint64_t formatHook)
      : machine_(m), g_(g), formatHook_(formatHook) {}

  rt::MethodCallResult callStringMethod(const rt::Method& method, uint64_t dataWord,
                                        std::string* result, rt::Eface* panicValue) override {
    uint64_t results[2] = {0, 0};
    PanicValue panicked;
    switch (callMethod(machine_, g_, method.fn, dataWord, {}, results, &panicked)) {
      case CallResult::Ok:
        if (results[1] == 0) result->clear();
        else result->assign(reinterpret_cast<const char*>(results[0]), results[1]);
        return rt::MethodCallResult::Ok;
      case CallResult::Panicked:
        *panicValue = {reinterpret_cast<const rt::TypeDesc*>(panicked.typeWord), panicked.dataWord};
        return rt::MethodCallResult::Panicked;
      case CallResult::Fatal: break;
    }
    return rt::MethodCallResult::Fatal;
  }

  // formatOperand(arg any, verb rune, flags string, wid, prec int, widOK,
  // precOK bool) (string, bool)
  rt::MethodCallResult callFormat(rt::Eface operand, char32_t verb, std::string_view flags,
                                  int64_t wid, bool widPresent, int64_t prec, bool precPresent,
                                  std::string* output, rt::Eface* panicValue,
                                  bool* handled) override {
    *handled = false;
    if (formatHook_ == 0) return rt::MethodCallResult::Ok;
    uint64_t flagBytes = 0;
    if (!flags.empty()) {
      void* p = rt::allocateBytes(flags.size(), false);
      std::memcpy(p, flags.data(), flags.size());
      flagBytes = reinterpret_cast<uint64_t>(p);
    }
    const uint64_t args[9] = {reinterpret_cast<uint64_t>(operand.type),
                              operand.data,
                              static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(verb))),
                              flagBytes,
                              flags.size(),
                              static_cast<uint64_t>(wid),
                              static_cast<uint64_t>(prec),
                              widPresent ? 1u : 0u,
                              precPresent ? 1u : 0u};
    uint64_t results[3] = {0, 0, 0};
    PanicValue panicked;
    switch (callClosure(machine_, g_, formatHook_, args, results, &panicked)) {
      case CallResult::Ok:
        *handled = results[2] != 0;
        if (results[1] == 0) output->clear();
        else output->assign(reinterpret_cast<const char*>(results[0]), results[1]);
        return rt::MethodCallResult::Ok;
      case CallResult::Panicked:
        *handled = true;
        *panicValue = {reinterpret_cast<const rt::TypeDesc*>(panicked.typeWord), panicked.dataWord};
        return rt::MethodCallResult::Panicked;
      case CallResult::Fatal: break;
    }
    return rt::MethodCallResult::Fatal;
  }

  bool builtinErrorText(const rt::TypeDesc* t, const void* p, std::string* text) override {
    if (t != runtimeErrorType()) return false;
    const auto* header = static_cast<const uint64_t*>(p);
    if (header[1] == 0) text->clear();
    else text->assign(reinterpret_cast<const char*>(header[0]), header[1]);
    return true;
  }

 private:
  Machine& machine_;
  rt::G& g_;
  uint64_t formatHook_;
};

std::string readString(const uint64_t* slots) {
  if (slots[1] == 0) return {};
  return std::string(reinterpret_cast<const char*>(slots[0]), slots[1]);
}

// The operands of a `...any` parameter whose slice starts at slots[0].
std::vector<rt::Eface> readOperands(const uint64_t* slots) {
  std::vector<rt::Eface> args(slots[1]);
  if (!args.empty()) std::memcpy(args.data(), reinterpret_cast<const void*>(slots[0]), args.size() * 16);
  return args;
}

void writeString(uint64_t* slots, const std::string& s) {
  if (s.empty()) {
    slots[0] = slots[1] = 0;
    return;
  }
  void* bytes = rt::allocateBytes(s.size(), false);
  std::memcpy(bytes, s.data(), s.size());
  slots[0] = reinterpret_cast<uint64_t>(bytes);
  slots[1] = s.size();
}

// (n int, err error) with a nil error.
void writeCountNilError(uint64_t* slots, size_t n) {
  slots[0] = n;
  slots[1] = slots[2] = 0;
}

enum class Family : uint8_t { Printf, Print, Println };

// Formats the operands of a native whose format (for Printf) starts at
// slots[first], followed by its `...any` slice and the formatOperand hook.
[[nodiscard]] bool formatOperands(Machine& m, rt::G& g, const uint64_t* slots, size_t first,
                                  Family family, std::string* out,
                                  std::vector<int64_t>* wrapped = nullptr) {
  if (family == Family::Printf) {
    std::string format = readString(slots + first);
    std::vector<rt::Eface> args = readOperands(slots + first + 2);
    VmMethodCaller caller(m, g, slots[first + 5]);
    return rt::formatPrintf(*out, format, args, &caller, wrapped);
  }
  std::vector<rt::Eface> args = readOperands(slots + first);
  VmMethodCaller caller(m, g, slots[first + 3]);
  if (family == Family::Print) return rt::formatPrint(*out, args, &caller);
  return rt::formatPrintln(*out, args, &caller);
}

template <Family family>
bool printToStdout(Machine& m, rt::G& g, uint64_t* slots) {
  uint64_t offset = nativeOffset(g, slots);
  std::string out;
  if (!formatOperands(m, g, slots, 0, family, &out)) return false;
  rt::writeStdout(out);
  writeCountNilError(nativeSlots(g, offset), out.size());
  return true;
}

template <Family family>
bool printToString(Machine& m, rt::G& g, uint64_t* slots) {
  uint64_t offset = nativeOffset(g, slots);
  std::string out;
  if (!formatOperands(m, g, slots, 0, family, &out)) return false;
  writeString(nativeSlots(g, offset), out);
  return true;
}

const rt::TypeDesc& byteType() {
  static const rt::TypeDesc t = [] {
    rt::TypeDesc d;
    d.name = "uint8";
    d.kind = rt::TypeKind::Uint8;
    d.size = 1;
    d.align = 1;
    return d;
  }();
  return t;
}

// doAppendf(b []byte, format string, a []any, f formatFunc) and
// doAppend(ln)(b []byte, a []any, f formatFunc).
template <Family family>
bool appendToBytes(Machine& m, rt::G& g, uint64_t* slots) {
  uint64_t offset = nativeOffset(g, slots);
  std::string out;
  if (!formatOperands(m, g, slots, 3, family, &out)) return false;
  slots = nativeSlots(g, offset);
  rt::SliceHeader s{slots[0], slots[1], slots[2]};
  uint64_t oldLen = s.len;
  uint64_t newLen = oldLen + out.size();
  if (newLen > s.cap) {
    rt::SliceHeader grown;  // holds the old bytes, with len newLen
    if (!rt::growSlice(&byteType(), s, newLen, &grown)) {
      m.panicRuntime(rt::RuntimeError::GrowSliceLen);
      return false;
    }
    s = grown;
  }
  if (!out.empty()) std::memcpy(reinterpret_cast<char*>(s.data) + oldLen, out.data(), out.size());
  slots[0] = s.data;
  slots[1] = newLen;
  slots[2] = s.cap;
  return true;
}

// doErrorf(format string, a []any, f formatFunc) (msg string, wrapped
// []int): Sprintf with %w accepted for error operands, and the indexes of
// those operands (sorted, distinct) for Errorf to wrap.
bool errorf(Machine& m, rt::G& g, uint64_t* slots) {
  uint64_t offset = nativeOffset(g, slots);
  std::string out;
  std::vector<int64_t> wrapped;
  if (!formatOperands(m, g, slots, 0, Family::Printf, &out, &wrapped)) return false;
  slots = nativeSlots(g, offset);
  writeString(slots, out);
  if (wrapped.empty()) {
    slots[2] = slots[3] = slots[4] = 0;
    return true;
  }
  void* data = rt::allocateBytes(wrapped.size() * 8, false);
  std::memcpy(data, wrapped.data(), wrapped.size() * 8);
  slots[2] = reinterpret_cast<uint64_t>(data);
  slots[3] = slots[4] = wrapped.size();
  return true;
}

// Scanning into a pointer to a defined numeric or boolean type (type
// Celsius float64), which Go's fmt reaches through reflect and scan.gol's
// type switch cannot name. The operand is an `any` holding a pointer.

// scan.gol calls the stores only after scanKind named a scalar kind.
[[noreturn]] void brokenScanInvariant(const char* what) {
  std::fprintf(stderr, "fatal error: gol: %s\n", what);
  std::abort();
}

// scanKind(arg any) int: the rt::TypeKind of what arg points to, -1 if arg
// is not a pointer, kScanKindBytes for a slice of bytes.
constexpr uint64_t kScanKindBytes = 100;
bool scanKind(Machine&, rt::G&, uint64_t* slots) {
  const auto* type = reinterpret_cast<const rt::TypeDesc*>(slots[0]);
  bool isPointer = type != nullptr && type->kind == rt::TypeKind::Pointer && type->elem != nullptr;
  uint64_t kind = static_cast<uint64_t>(-1);
  if (isPointer) {
    const rt::TypeDesc* elem = type->elem;
    kind = static_cast<uint64_t>(elem->kind);
    if (elem->kind == rt::TypeKind::Slice && elem->elem != nullptr && elem->elem->kind == rt::TypeKind::Uint8)
      kind = kScanKindBytes;
  }
  slots[0] = kind;
  return true;
}

// asStringPointer(arg any) *string and asBytesPointer(arg any) *[]byte:
// arg's pointer, to a defined string or []byte type, as a pointer to the
// type of the same layout, so that scan.gol stores through it with the
// write barrier codegen emits for any pointer store.
bool samePointer(Machine&, rt::G&, uint64_t* slots) {
  slots[0] = slots[1];
  return true;
}

// storeScanned(arg any, bits uint64): stores the low bytes of bits (an
// integer, or a bool as 0/1) through arg, a pointer to a pointer-free
// scalar of 1, 2, 4 or 8 bytes, so no write barrier is needed.
bool storeScanned(Machine&, rt::G&, uint64_t* slots) {
  const auto* type = reinterpret_cast<const rt::TypeDesc*>(slots[0]);
  auto* dst = reinterpret_cast<char*>(slots[1]);
  uint64_t bits = slots[2];
  if (type == nullptr || type->elem == nullptr || dst == nullptr || type->elem->hasPointers())
    brokenScanInvariant("fmt.storeScanned: not a pointer to a scalar");
  switch (type->elem->size) {
    case 1: { uint8_t v = static_cast<uint8_t>(bits); std::memcpy(dst, &v, 1); break; }
    case 2: { uint16_t v = static_cast<uint16_t>(bits); std::memcpy(dst, &v, 2); break; }
    case 4: { uint32_t v = static_cast<uint32_t>(bits); std::memcpy(dst, &v, 4); break; }
    case 8: std::memcpy(dst, &bits, 8); break;
    default: brokenScanInvariant("fmt.storeScanned: odd scalar size");
  }
  return true;
}

// storeScannedFloat(arg any, f float64): *arg = f, for float32 or float64.
bool storeScannedFloat(Machine&, rt::G&, uint64_t* slots) {
  const auto* type = reinterpret_cast<const rt::TypeDesc*>(slots[0]);
  auto* dst = reinterpret_cast<char*>(slots[1]);
  double f;
  std::memcpy(&f, &slots[2], 8);
  if (type == nullptr || type->elem == nullptr || dst == nullptr)
    brokenScanInvariant("fmt.storeScannedFloat: not a pointer");
  if (type->elem->kind == rt::TypeKind::Float32) {
    float v = static_cast<float>(f);
    std::memcpy(dst, &v, 4);
  } else {
    std::memcpy(dst, &f, 8);
  }
  return true;
}

const NativeDef kFmtNatives[] = {
    {"fmt.doPrintln", printToStdout<Family::Println>},
    {"fmt.doPrintf", printToStdout<Family::Printf>},
    {"fmt.doPrint", printToStdout<Family::Print>},
    {"fmt.doSprintf", printToString<Family::Printf>},
    {"fmt.doSprint", printToString<Family::Print>},
    {"fmt.doSprintln", printToString<Family::Println>},
    {"fmt.doAppendf", appendToBytes<Family::Printf>},
    {"fmt.doAppend", appendToBytes<Family::Print>},
    {"fmt.doAppendln", appendToBytes<Family::Println>},
    {"fmt.doErrorf", errorf},
    {"fmt.scanKind", scanKind},
    {"fmt.storeScanned", storeScanned},
    {"fmt.storeScannedFloat", storeScannedFloat},
    {"fmt.asStringPointer", samePointer},
    {"fmt.asBytesPointer", samePointer},
};

}  // namespace

std::span<const NativeDef> fmtNatives() { return kFmtNatives; }

}  // namespace gol::vm
