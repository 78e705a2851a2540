// The native registry, program output, and calls from natives back into Gol.
// See vm/natives.h for the calling convention.
#include "vm/natives.h"

#include "vm/gc.h"

#include <string>
#include <vector>


namespace gol::vm {

namespace {

const std::vector<NativeDef>& registry() {
  static const std::vector<NativeDef> all = [] {
    std::vector<NativeDef> v;
    for (auto table : {fmtNatives(), strconvNatives(), mathNatives(), osNatives(), miscNatives(),
                       schedNatives(), gc::gcNatives()})
      v.insert(v.end(), table.begin(), table.end());
    return v;
  }();
  return all;
}

}  // namespace

NativeFn findNative(std::string_view name) {
  for (const NativeDef& d : registry())
    if (d.name == name) return d.fn;
  return nullptr;
}

std::span<const NativeDef> allNatives() { return registry(); }

bool missingNative(Machine& m, rt::G&, uint64_t* slots) {
  std::string name(reinterpret_cast<const char*>(slots[0]), slots[1]);
  m.requestFatal("native " + name);
  return false;
}

namespace {

CallResult toCallResult(NestedResult r) {
  switch (r) {
    case NestedResult::Ok: return CallResult::Ok;
    case NestedResult::Panicked: return CallResult::Panicked;
    default: return CallResult::Fatal;
  }
}

}  // namespace

CallResult callClosure(Machine& m, rt::G& g, uint64_t closure, std::span<const uint64_t> args,
                       std::span<uint64_t> results, PanicValue* panicked) {
  if (closure == 0) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return CallResult::Fatal;
  }
  auto fn = *reinterpret_cast<const Function* const*>(closure);
  PanicValue pv;
  CallResult r = toCallResult(callNested(m, g, fn, closure, args, results, &pv.typeWord, &pv.dataWord));
  if (panicked) *panicked = pv;
  return r;
}

CallResult callMethod(Machine& m, rt::G& g, const void* fn, uint64_t dataWord,
                      std::span<const uint64_t> args, std::span<uint64_t> results, PanicValue* panicked) {
  std::vector<uint64_t> all;
  all.reserve(args.size() + 1);
  all.push_back(dataWord);
  all.insert(all.end(), args.begin(), args.end());
  PanicValue pv;
  CallResult r = toCallResult(callNested(m, g, static_cast<const Function*>(fn), 0, all, results,
                                         &pv.typeWord, &pv.dataWord));
  if (panicked) *panicked = pv;
  return r;
}

}  // namespace gol::vm
