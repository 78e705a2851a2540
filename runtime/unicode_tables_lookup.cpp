// Lookups over the generated Unicode tables (see runtime/unicode_tables.h).
//
// Latin-1 runes take the shortcuts Go's unicode package takes; others go
// through a binary search over a table's ranges (R16 part, then R32),
// checking the stride. Case mapping searches the
// CaseRanges table and applies its deltas (with Go's UpperLower
// alternation); SimpleFold walks the orbit table, else toggles case.
#include <algorithm>
#include <cstring>

#include "runtime/unicode_tables.h"

namespace gol::rt::unicode {

namespace {

const Table& named(const char* name) {
  const Table* t = findTable(name);
  return *t;  // every name used here is generated (tools/gen/unicode_runtime_tables.go)
}

struct Tables {
  const Table& letter = named("L");
  const Table& digit = named("Nd");
  const Table& number = named("N");
  const Table& whiteSpace = named("White_Space");
  const Table& upper = named("Lu");
  const Table& lower = named("Ll");
  const Table& title = named("Lt");
  const Table& punct = named("P");
  const Table& control = named("Cc");
  const Table& mark = named("M");
  const Table& symbol = named("S");
  const Table& space = named("Zs");
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

const Table* findTable(std::string_view name) {
  for (size_t i = 0; i < kTableCount; ++i)
    if (name == kTables[i].name) return &kTables[i];
  return nullptr;
}

bool inTable(const Table& t, int32_t r) {
  if (r < 0) return false;
  auto u = static_cast<uint32_t>(r);
  const Range* end = t.ranges + t.count;
  // The first range whose hi is >= u.
  const Range* it = std::lower_bound(t.ranges, end, u, [](const Range& x, uint32_t v) { return x.hi < v; });
  if (it == end || u < it->lo) return false;
  return it->stride == 1 || (u - it->lo) % it->stride == 0;
}

bool isLetter(int32_t r) { return inTable(tables().letter, r); }
bool isDigit(int32_t r) {
  if (r >= 0 && r <= 0xFF) return r >= '0' && r <= '9';
  return inTable(tables().digit, r);
}
bool isNumber(int32_t r) { return inTable(tables().number, r); }
bool isSpace(int32_t r) {
  if (r >= 0 && r <= 0xFF) {
    return r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == ' ' || r == 0x85 ||
           r == 0xA0;
  }
  return inTable(tables().whiteSpace, r);
}
bool isUpper(int32_t r) { return inTable(tables().upper, r); }
bool isLower(int32_t r) { return inTable(tables().lower, r); }
bool isTitle(int32_t r) { return inTable(tables().title, r); }
bool isPunct(int32_t r) { return inTable(tables().punct, r); }
bool isControl(int32_t r) { return r >= 0 && r <= 0xFF && inTable(tables().control, r); }
bool isMark(int32_t r) { return inTable(tables().mark, r); }
bool isSymbol(int32_t r) { return inTable(tables().symbol, r); }
// Go: L, M, N, P, S and Zs; printable is the same without Zs except the
// ASCII space.
bool isGraphic(int32_t r) {
  const Tables& t = tables();
  return inTable(t.letter, r) || inTable(t.mark, r) || inTable(t.number, r) ||
         inTable(t.punct, r) || inTable(t.symbol, r) || inTable(t.space, r);
}
bool isPrint(int32_t r) {
  if (r == ' ') return true;
  const Tables& t = tables();
  return inTable(t.letter, r) || inTable(t.mark, r) || inTable(t.number, r) ||
         inTable(t.punct, r) || inTable(t.symbol, r);
}

int32_t toCase(Case c, int32_t r) {
  if (r >= 0 && r < 0x80) {
    if (c == kLower) return r >= 'A' && r <= 'Z' ? r + ('a' - 'A') : r;
    return r >= 'a' && r <= 'z' ? r - ('a' - 'A') : r;
  }
  size_t lo = 0, hi = kCaseRangeCount;
  while (lo < hi) {
    size_t m = lo + (hi - lo) / 2;
    const CaseRange& cr = kCaseRanges[m];
    if (static_cast<int32_t>(cr.lo) <= r && r <= static_cast<int32_t>(cr.hi)) {
      int32_t delta = cr.delta[c];
      if (delta == kUpperLower) {
        // Alternating upper/lower pairs starting with an upper-case rune:
        // upper (and title) clear the low bit of the offset, lower sets it.
        auto base = static_cast<int32_t>(cr.lo);
        return base + (((r - base) & ~1) | (c == kLower ? 1 : 0));
      }
      return r + delta;
    }
    if (r < static_cast<int32_t>(cr.lo)) {
      hi = m;
    } else {
      lo = m + 1;
    }
  }
  return r;
}

int32_t simpleFold(int32_t r) {
  if (r < 0 || r > kMaxRune) return r;
  auto u = static_cast<uint32_t>(r);
  const FoldPair* end = kFoldOrbit + kFoldOrbitCount;
  const FoldPair* it =
      std::lower_bound(kFoldOrbit, end, u, [](const FoldPair& p, uint32_t v) { return p.from < v; });
  if (it != end && it->from == u) return static_cast<int32_t>(it->to);
  int32_t l = toCase(kLower, r);
  if (l != r) return l;
  return toCase(kUpper, r);
}

}  // namespace gol::rt::unicode
