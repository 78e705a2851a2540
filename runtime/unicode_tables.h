// Unicode data for package unicode: predicates, case mapping and the
// range tables Gol programs can read (unicode.Letter, unicode.Han...).
//
// The data is generated from Go's own unicode package
// (tools/gen/unicode_runtime_tables.go writes unicode_tables.cpp), so it is
// Unicode 15.0.0 exactly as Go 1.22 has it; the front end's smaller tables
// (lang/unicode_tables.cpp, identifiers only) come from Python and may lag.
//
// A table is Go's RangeTable flattened: ranges sorted by lo, inclusive,
// with a stride; the first n16 ranges fit in 16 bits (Go's R16), the rest
// are Go's R32. Lookup is a binary search, with Latin-1 answered from a
// 256-entry property byte per rune as Go does. Case mapping follows Go's
// CaseRanges (a delta per case, or kUpperLower for alternating pairs), and
// SimpleFold takes the runes of longer case orbits from kFoldOrbit and
// otherwise steps to ToLower, then ToUpper.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gol::rt::unicode {

struct Range {
  uint32_t lo, hi, stride;
};

struct Table {
  const char* name;  // "L", "Nd", "White_Space", "Han"
  const Range* ranges;
  uint32_t n16;    // ranges[0..n16) are Go's R16
  uint32_t count;  // all ranges
  uint32_t latinOffset;
};

inline constexpr int32_t kUpperLower = 0x10FFFF + 1;
inline constexpr int32_t kMaxRune = 0x10FFFF;

struct CaseRange {
  uint32_t lo, hi;
  int32_t delta[3];  // upper, lower, title
};

struct FoldPair {
  uint32_t from, to;
};

extern const Table kTables[];
extern const size_t kTableCount;
extern const CaseRange kCaseRanges[];
extern const size_t kCaseRangeCount;
extern const FoldPair kFoldOrbit[];
extern const size_t kFoldOrbitCount;

// The table of a category, script or property name, or null.
const Table* findTable(std::string_view name);
bool inTable(const Table& t, int32_t r);

bool isLetter(int32_t r);
bool isDigit(int32_t r);
bool isNumber(int32_t r);
bool isSpace(int32_t r);
bool isUpper(int32_t r);
bool isLower(int32_t r);
bool isTitle(int32_t r);
bool isPunct(int32_t r);
bool isControl(int32_t r);
bool isGraphic(int32_t r);
bool isPrint(int32_t r);
bool isMark(int32_t r);
bool isSymbol(int32_t r);

enum Case { kUpper = 0, kLower = 1, kTitle = 2 };
int32_t toCase(Case c, int32_t r);
int32_t simpleFold(int32_t r);

}  // namespace gol::rt::unicode
