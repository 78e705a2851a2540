// The native registry, program output, and calls from natives back into Gol.
// See vm/natives.h for the calling convention.
#include "vm/natives.h"

#include <string>
#include <vector>


namespace gol::vm {

namespace {

const std::vector<NativeDef>& registry() {
  static const std::vector<NativeDef> all = [] {
    std::vector<NativeDef> v;
    for (auto table : {fmtNatives(), strconvNatives(), mathNatives(), osNatives(), miscNatives()})
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

namespace {
std::vector<std::string>& argsStorage() {
  static std::vector<std::string> args;
  return args;
}
}  // namespace

void setProgramArgs(std::vector<std::string> args) { argsStorage() = std::move(args); }
const std::vector<std::string>& programArgs() { return argsStorage(); }

bool missingNative(Machine& m, rt::G&, uint64_t* slots) {
  std::string name(reinterpret_cast<const char*>(slots[0]), slots[1]);
  m.requestFatal("native " + name);
  return false;
}

// TODO(lead): nested calls land with codegen; until then natives cannot call back.
CallResult callClosure(Machine&, rt::G&, uint64_t, std::span<const uint64_t>, std::span<uint64_t>,
                       PanicValue*) {
  return CallResult::Fatal;
}

CallResult callMethod(Machine&, rt::G&, const void*, uint64_t, std::span<const uint64_t>,
                      std::span<uint64_t>, PanicValue*) {
  return CallResult::Fatal;
}

}  // namespace gol::vm
