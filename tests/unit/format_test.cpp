// The formatting engine (runtime/format.h) on hand-built TypeDescs: Printf
// verbs, flags, widths, floats, maps, nested values, methods through a fake
// MethodCaller, bad verbs; strconv's FormatFloat and ParseFloat.
//
// Every expected string below is what go1.22 printed for the same values:
// the cases were written once as a Go program (fmt.Sprintf, fmt.Sprint,
// fmt.Sprintln, strconv.FormatFloat, strconv.ParseFloat on the same types:
// main.Point{X, Y int}, a Stringer main.Temp int whose String returns
// strconv.Itoa(t)+"°C", *main.MyErr{Code} whose Error returns "err N",
// main.Bad whose String panics with "boom", *main.NP whose String
// dereferences its receiver, main.Wrap{T, t Temp}, main.Line{A Point;
// B *Point; Name string; E error}) and its output pasted here.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "runtime/format.h"
#include "runtime/map.h"
#include "runtime/print.h"
#include "vm/natives.h"

namespace rt = gol::rt;

namespace {

using rt::TypeKind;

rt::TypeDesc makeType(std::string name, TypeKind kind, uint64_t size, bool named = false) {
  rt::TypeDesc t;
  t.name = std::move(name);
  t.kind = kind;
  t.size = size;
  t.align = static_cast<uint32_t>(size >= 8 ? 8 : (size == 0 ? 1 : size));
  t.named = named;
  return t;
}

// Memory that outlives every check (boxed values, string bytes).
std::deque<std::vector<uint64_t>>& arena() {
  static std::deque<std::vector<uint64_t>> a;
  return a;
}
void* boxBytes(const void* p, size_t n) {
  std::vector<uint64_t>& v = arena().emplace_back((n + 7) / 8 + 1, 0);
  if (n != 0) std::memcpy(v.data(), p, n);
  return v.data();
}
template <typename T>
uint64_t box(const T& v) {
  return reinterpret_cast<uint64_t>(boxBytes(&v, sizeof v));
}

struct StringHeader {
  const char* data;
  uint64_t len;
};
StringHeader stringHeader(std::string_view s) {
  return {static_cast<const char*>(boxBytes(s.data(), s.size())), s.size()};
}

rt::MethodCallResult tempString(uint64_t word, std::string* out, rt::Eface*) {
  int64_t v;
  std::memcpy(&v, reinterpret_cast<const void*>(word), 8);
  *out = std::to_string(v) + "°C";
  return rt::MethodCallResult::Ok;
}
rt::MethodCallResult myErrError(uint64_t word, std::string* out, rt::Eface*) {
  int64_t v;
  std::memcpy(&v, reinterpret_cast<const void*>(word), 8);
  *out = "err " + std::to_string(v);
  return rt::MethodCallResult::Ok;
}
rt::MethodCallResult badString(uint64_t, std::string*, rt::Eface* panicValue);
rt::MethodCallResult npString(uint64_t word, std::string* out, rt::Eface* panicValue);

using FakeMethod = rt::MethodCallResult (*)(uint64_t, std::string*, rt::Eface*);

// A fake Format method: what it writes, from the State's contents.
using FakeFormat = rt::MethodCallResult (*)(uint64_t word, char32_t verb, std::string_view flags,
                                            int64_t wid, bool widOK, int64_t prec, bool precOK,
                                            std::string* out, rt::Eface* panicValue);

struct FakeCaller : rt::MethodCaller {
  rt::MethodCallResult callStringMethod(const rt::Method& m, uint64_t word, std::string* result,
                                        rt::Eface* panicValue) override {
    return reinterpret_cast<FakeMethod>(const_cast<void*>(m.fn))(word, result, panicValue);
  }
  rt::MethodCallResult callFormat(rt::Eface operand, char32_t verb, std::string_view flags,
                                  int64_t wid, bool widOK, int64_t prec, bool precOK,
                                  std::string* out, rt::Eface* panicValue, bool* handled) override {
    const rt::Method* m = operand.type->findMethod("Format");
    *handled = true;
    return reinterpret_cast<FakeFormat>(const_cast<void*>(m->fn))(
        operand.data, verb, flags, wid, widOK, prec, precOK, out, panicValue);
  }
};

rt::Method stringMethod(const char* name, FakeMethod fn) {
  rt::Method m;
  m.name = name;
  m.fn = reinterpret_cast<const void*>(fn);
  m.returnsString = true;
  return m;
}

struct Types {
  rt::TypeDesc intT = makeType("int", TypeKind::Int, 8);
  rt::TypeDesc int8T = makeType("int8", TypeKind::Int8, 1);
  rt::TypeDesc int32T = makeType("int32", TypeKind::Int32, 4);
  rt::TypeDesc uintT = makeType("uint", TypeKind::Uint, 8);
  rt::TypeDesc uint8T = makeType("uint8", TypeKind::Uint8, 1);
  rt::TypeDesc stringT = makeType("string", TypeKind::String, 16);
  rt::TypeDesc float64T = makeType("float64", TypeKind::Float64, 8);
  rt::TypeDesc float32T = makeType("float32", TypeKind::Float32, 4);
  rt::TypeDesc boolT = makeType("bool", TypeKind::Bool, 1);
  rt::TypeDesc pointT = makeType("main.Point", TypeKind::Struct, 16, true);
  rt::TypeDesc ptrPointT = makeType("*main.Point", TypeKind::Pointer, 8);
  rt::TypeDesc intsT = makeType("[]int", TypeKind::Slice, 24);
  rt::TypeDesc bytesT = makeType("[]uint8", TypeKind::Slice, 24);
  rt::TypeDesc mapSIT = makeType("map[string]int", TypeKind::Map, 8);
  rt::TypeDesc mapIIT = makeType("map[int]int", TypeKind::Map, 8);
  rt::TypeDesc mapFIT = makeType("map[float64]int", TypeKind::Map, 8);
  rt::TypeDesc anyT = makeType("interface {}", TypeKind::Interface, 16);
  rt::TypeDesc anysT = makeType("[]interface {}", TypeKind::Slice, 24);
  rt::TypeDesc errorT = makeType("error", TypeKind::Interface, 16, true);
  rt::TypeDesc tempT = makeType("main.Temp", TypeKind::Int, 8, true);
  rt::TypeDesc myErrT = makeType("main.MyErr", TypeKind::Struct, 8, true);
  rt::TypeDesc ptrMyErrT = makeType("*main.MyErr", TypeKind::Pointer, 8);
  rt::TypeDesc badT = makeType("main.Bad", TypeKind::Int, 8, true);
  rt::TypeDesc npT = makeType("main.NP", TypeKind::Struct, 8, true);
  rt::TypeDesc ptrNPT = makeType("*main.NP", TypeKind::Pointer, 8);
  rt::TypeDesc wrapT = makeType("main.Wrap", TypeKind::Struct, 16, true);
  rt::TypeDesc lineT = makeType("main.Line", TypeKind::Struct, 56, true);
  rt::TypeDesc int16T = makeType("int16", TypeKind::Int16, 2);
  rt::TypeDesc uint16T = makeType("uint16", TypeKind::Uint16, 2);
  rt::TypeDesc uintptrT = makeType("uintptr", TypeKind::Uintptr, 8);
  rt::TypeDesc arrI3T = makeType("[3]int", TypeKind::Array, 24);
  rt::TypeDesc arrB2T = makeType("[2]uint8", TypeKind::Array, 2);
  rt::TypeDesc mapPtST = makeType("map[main.Point]string", TypeKind::Map, 8);
  rt::TypeDesc mapBIT = makeType("map[bool]int", TypeKind::Map, 8);
  rt::TypeDesc mapAIT = makeType("map[interface {}]int", TypeKind::Map, 8);

  Types() {
    stringT.pointerWords = {1};
    pointT.fields = {{&intT, 0, "X", false, true}, {&intT, 8, "Y", false, true}};
    pointT.plainBytes = true;
    ptrPointT.elem = &pointT;
    intsT.elem = &intT;
    bytesT.elem = &uint8T;
    mapSIT.key = &stringT;
    mapSIT.elem = &intT;
    mapIIT.key = &intT;
    mapIIT.elem = &intT;
    mapFIT.key = &float64T;
    mapFIT.elem = &intT;
    anysT.elem = &anyT;
    rt::Method errorMethod;
    errorMethod.name = "Error";
    errorMethod.returnsString = true;
    errorT.methods = {errorMethod};
    tempT.methods = {stringMethod("String", tempString)};
    myErrT.fields = {{&intT, 0, "Code", false, true}};
    ptrMyErrT.elem = &myErrT;
    ptrMyErrT.methods = {stringMethod("Error", myErrError)};
    badT.methods = {stringMethod("String", badString)};
    npT.fields = {{&intT, 0, "n", false, false}};
    ptrNPT.elem = &npT;
    ptrNPT.methods = {stringMethod("String", npString)};
    wrapT.fields = {{&tempT, 0, "T", false, true}, {&tempT, 8, "t", false, false}};
    arrI3T.elem = &intT;
    arrI3T.length = 3;
    arrB2T.elem = &uint8T;
    arrB2T.length = 2;
    mapPtST.key = &pointT;
    mapPtST.elem = &stringT;
    mapBIT.key = &boolT;
    mapBIT.elem = &intT;
    mapAIT.key = &anyT;
    mapAIT.elem = &intT;
    lineT.fields = {{&pointT, 0, "A", false, true},
                    {&ptrPointT, 16, "B", false, true},
                    {&stringT, 24, "Name", false, true},
                    {&errorT, 40, "E", false, true}};
  }
};

Types& types() {
  static Types t;
  return t;
}

rt::MethodCallResult badString(uint64_t, std::string*, rt::Eface* panicValue) {
  *panicValue = {&types().stringT, box(stringHeader("boom"))};
  return rt::MethodCallResult::Panicked;
}
rt::MethodCallResult npString(uint64_t word, std::string* out, rt::Eface* panicValue) {
  if (word == 0) {
    *panicValue = {&types().stringT, box(stringHeader("nil dereference"))};
    return rt::MethodCallResult::Panicked;
  }
  int64_t v;
  std::memcpy(&v, reinterpret_cast<const void*>(word), 8);
  *out = std::to_string(v);
  return rt::MethodCallResult::Ok;
}

rt::Eface I(int64_t v) { return {&types().intT, box(v)}; }
rt::Eface I8(int8_t v) { return {&types().int8T, box(v)}; }
rt::Eface R(int32_t v) { return {&types().int32T, box(v)}; }
rt::Eface U(uint64_t v) { return {&types().uintT, box(v)}; }
rt::Eface U8(uint8_t v) { return {&types().uint8T, box(v)}; }
rt::Eface S(std::string_view s) { return {&types().stringT, box(stringHeader(s))}; }
rt::Eface F(double v) { return {&types().float64T, box(v)}; }
rt::Eface F32(float v) { return {&types().float32T, box(v)}; }
rt::Eface B(bool v) { return {&types().boolT, box(v)}; }
rt::Eface Nil() { return {}; }
int64_t* pointMemory(int64_t x, int64_t y) {
  int64_t xy[2] = {x, y};
  return static_cast<int64_t*>(boxBytes(xy, sizeof xy));
}
rt::Eface Pt(int64_t x, int64_t y) {
  return {&types().pointT, reinterpret_cast<uint64_t>(pointMemory(x, y))};
}
rt::Eface PP(int64_t x, int64_t y) {
  return {&types().ptrPointT, reinterpret_cast<uint64_t>(pointMemory(x, y))};
}
rt::Eface PPNil() { return {&types().ptrPointT, 0}; }
struct SliceHeader {
  const void* data;
  uint64_t len, cap;
};
rt::Eface Ints(std::vector<int64_t> xs) {
  const void* data = boxBytes(xs.data(), xs.size() * 8);
  return {&types().intsT, box(SliceHeader{data, xs.size(), xs.size()})};
}
rt::Eface IntsNil() { return {&types().intsT, box(SliceHeader{nullptr, 0, 0})}; }
rt::Eface Bytes(std::string_view s) {
  const void* data = boxBytes(s.data(), s.size());
  return {&types().bytesT, box(SliceHeader{data, s.size(), s.size()})};
}
rt::Eface Anys(std::vector<rt::Eface> xs) {
  const void* data = boxBytes(xs.data(), xs.size() * sizeof(rt::Eface));
  return {&types().anysT, box(SliceHeader{data, xs.size(), xs.size()})};
}
template <typename K>
rt::Eface makeMapValue(rt::TypeDesc* t, const std::vector<std::pair<K, int64_t>>& kv) {
  rt::Map* m = rt::makeMap(t, 0);
  for (const auto& [k, v] : kv) {
    void* slot;
    if constexpr (std::is_same_v<K, const char*>) {
      StringHeader h = stringHeader(k);
      slot = rt::mapAssign(m, &h);
    } else {
      slot = rt::mapAssign(m, &k);
    }
    std::memcpy(slot, &v, 8);
  }
  return {t, reinterpret_cast<uint64_t>(m)};
}
rt::Eface MapSI(std::vector<std::pair<const char*, int64_t>> kv) {
  return makeMapValue(&types().mapSIT, kv);
}
rt::Eface MapII(std::vector<std::pair<int64_t, int64_t>> kv) {
  return makeMapValue(&types().mapIIT, kv);
}
rt::Eface MapFI(std::vector<std::pair<double, int64_t>> kv) {
  return makeMapValue(&types().mapFIT, kv);
}
rt::Eface MapSINil() { return {&types().mapSIT, 0}; }
rt::Eface I16(int16_t v) { return {&types().int16T, box(v)}; }
rt::Eface U16(uint16_t v) { return {&types().uint16T, box(v)}; }
rt::Eface Uptr(uint64_t v) { return {&types().uintptrT, box(v)}; }
rt::Eface ArrI3(int64_t a, int64_t b, int64_t c) {
  int64_t v[3] = {a, b, c};
  return {&types().arrI3T, reinterpret_cast<uint64_t>(boxBytes(v, sizeof v))};
}
rt::Eface ArrB2(uint8_t a, uint8_t b) {
  uint8_t v[2] = {a, b};
  return {&types().arrB2T, reinterpret_cast<uint64_t>(boxBytes(v, sizeof v))};
}
rt::Eface MapPtS(std::vector<std::pair<std::pair<int64_t, int64_t>, const char*>> kv) {
  rt::Map* m = rt::makeMap(&types().mapPtST, 0);
  for (const auto& [k, v] : kv) {
    int64_t key[2] = {k.first, k.second};
    StringHeader h = stringHeader(v);
    std::memcpy(rt::mapAssign(m, key), &h, sizeof h);
  }
  return {&types().mapPtST, reinterpret_cast<uint64_t>(m)};
}
rt::Eface MapBI(std::vector<std::pair<bool, int64_t>> kv) { return makeMapValue(&types().mapBIT, kv); }
// map[any]int with int keys only (Go orders different dynamic types by
// their descriptors' addresses, which differ between Go and gol).
rt::Eface MapAI(std::vector<std::pair<int64_t, int64_t>> kv) {
  rt::Map* m = rt::makeMap(&types().mapAIT, 0);
  for (const auto& [k, v] : kv) {
    rt::Eface key = I(k);
    std::memcpy(rt::mapAssign(m, &key), &v, 8);
  }
  return {&types().mapAIT, reinterpret_cast<uint64_t>(m)};
}
rt::Eface TempV(int64_t v) { return {&types().tempT, box(v)}; }
rt::Eface ErrV(int64_t code) { return {&types().ptrMyErrT, box(code)}; }
rt::Eface BadV() { return {&types().badT, box(int64_t{1})}; }
rt::Eface NPNil() { return {&types().ptrNPT, 0}; }
rt::Eface WrapV(int64_t a, int64_t b) {
  int64_t ab[2] = {a, b};
  return {&types().wrapT, reinterpret_cast<uint64_t>(boxBytes(ab, sizeof ab))};
}
rt::Eface LineV(int64_t x1, int64_t y1, int64_t, int64_t, std::string_view name) {
  uint64_t words[7] = {};
  std::memcpy(&words[0], &x1, 8);
  std::memcpy(&words[1], &y1, 8);
  StringHeader h = stringHeader(name);
  std::memcpy(&words[3], &h, 16);
  return {&types().lineT, reinterpret_cast<uint64_t>(boxBytes(words, sizeof words))};
}

std::string Sprintf(std::string_view format, std::vector<rt::Eface> args) {
  FakeCaller caller;
  std::string out;
  REQUIRE(rt::formatPrintf(out, format, args, &caller));
  return out;
}
std::string Sprint(std::vector<rt::Eface> args) {
  FakeCaller caller;
  std::string out;
  REQUIRE(rt::formatPrint(out, args, &caller));
  return out;
}
std::string Sprintln(std::vector<rt::Eface> args) {
  FakeCaller caller;
  std::string out;
  REQUIRE(rt::formatPrintln(out, args, &caller));
  return out;
}
std::string pf(std::string_view s, int bitSize) {
  rt::ParsedFloat r = rt::parseFloat(s, bitSize);
  return rt::formatFloat(r.value, 'g', -1, 64) + " " + std::to_string(r.code);
}

}  // namespace

TEST_CASE("format: Printf, Print and Println as go1.22 prints them") {
  CHECK(Sprintf("%d|%5d|%-5d|%05d|%+d|% d", {I(42), I(42), I(42), I(-42), I(42), I(42)}) == "42|   42|42   |-0042|+42| 42");
  CHECK(Sprintf("%x|%X|%#x|%#X|%o|%#o|%O|%b|%#b", {I(255), I(255), I(255), I(255), I(8), I(8), I(8), I(5), I(5)}) == "ff|FF|0xff|0XFF|10|010|0o10|101|0b101");
  CHECK(Sprintf("%08.3d|%.0d|%5.0d|%+.3d|%#08x", {I(-7), I(0), I(0), I(7), I(255)}) == "    -007||     |+007|0x000000ff");
  CHECK(Sprintf("%c|%q|%U|%#U|%+q|%q", {R(19990), R(19990), R(19990), R(19990), R(19990), R(39)}) == "世|'世'|U+4E16|U+4E16 '世'|'\\u4e16'|'\\''");
  CHECK(Sprintf("%v|%d|%x|%#v", {U8(200), U8(200), I8(-5), U(7u)}) == "200|200|-5|0x7");
  CHECK(Sprintf("%c|%q|%U", {I(-1), R(1114112), I(128512)}) == "�|'�'|U+1F600");
  CHECK(Sprintf("%s|%q|%v|%x|%X|% x|%#x|% #X", {S("hi"), S("hi"), S("hi"), S("hi"), S("hi"), S("hi"), S("hi"), S("hi")}) == "hi|\"hi\"|hi|6869|6869|68 69|0x6869|0X68 0X69");
  CHECK(Sprintf("%5s|%-5s|%.1s|%05s|%.2q|%8q", {S("héllo"), S("ab"), S("héllo"), S("ab"), S("héllo"), S("ab")}) == "héllo|ab   |h|000ab|\"hé\"|    \"ab\"");
  CHECK(Sprintf("%q|%+q|%#q|%#q|%q", {S("tab\there"), S("héllo☺"), S("back`tick"), S("plain"), S("\007\177")}) == "\"tab\\there\"|\"h\\u00e9llo\\u263a\"|\"back`tick\"|`plain`|\"\\a\\x7f\"");
  CHECK(Sprintf("%#v|%T|%v|%10v|", {S("a\"b"), S("x"), S(""), S("right")}) == "\"a\\\"b\"|string||     right|");
  CHECK(Sprintf("%s|%x|%X|%q|%v|%d|%#v", {Bytes("hey"), Bytes("hey"), Bytes("hey"), Bytes("hey"), Bytes("hey"), Bytes("hey"), Bytes("hey")}) == "hey|686579|686579|\"hey\"|[104 101 121]|[104 101 121]|[]byte{0x68, 0x65, 0x79}");
  CHECK(Sprintf("%v|%#v|%s|%x|%5x", {Bytes(""), Bytes(""), Bytes(""), Bytes(""), Bytes("")}) == "[]|[]byte{}|||     ");
  CHECK(Sprintf("%t|%v|%5t|%d", {B(true), B(false), B(true), B(true)}) == "true|false| true|%!d(bool=true)");
  CHECK(Sprintf("%v|%v|%v|%v|%v|%v", {F(0), F(-0.0), F(1e+20), F(1e+21), F(0.0001), F(1e-05)}) == "0|-0|1e+20|1e+21|0.0001|1e-05");
  CHECK(Sprintf("%v|%v|%v|%v|%v|%v", {F(123456789.0), F(1.234e-06), F(std::nan("")), F(HUGE_VAL), F(-HUGE_VAL), F32(float(0.1))}) == "1.23456789e+08|1.234e-06|NaN|+Inf|-Inf|0.1");
  CHECK(Sprintf("%v|%v|%v|%v|%v", {F(100000), F(1000000.0), F(0.1), F(0.3333333333333333), F(2.5e-308)}) == "100000|1e+06|0.1|0.3333333333333333|2.5e-308");
  CHECK(Sprintf("%f|%.2f|%8.3f|%-8.2f|%08.3f|%+.1f|% .1f", {F(3.14159), F(3.14159), F(3.14159), F(3.14159), F(-3.14159), F(2.0), F(2.0)}) == "3.141590|3.14|   3.142|3.14    |-003.142|+2.0| 2.0");
  CHECK(Sprintf("%e|%E|%.3e|%g|%G|%.3g|%.10g", {F(123456.789), F(123456.789), F(123456.789), F(123456.789), F(1e-07), F(123456.789), F(0.3333333333333333)}) == "1.234568e+05|1.234568E+05|1.235e+05|123456.789|1E-07|1.23e+05|0.3333333333");
  CHECK(Sprintf("%#g|%#.3g|%#e|%#.0f|%#v|%#.4x", {F(1.0), F(1.0), F(1.0), F(3.0), F(1.0), F(1.5)}) == "1.00000|1.00|1.000000e+00|3.|1|0x1.8000p+00");
  CHECK(Sprintf("%x|%X|%b|%.2x", {F(1.5), F(-1024.25), F(1.0), F(3.14159)}) == "0x1.8p+00|-0X1.001P+10|4503599627370496p-52|0x1.92p+01");
  CHECK(Sprintf("%5.1f|%-7v|%07v|%+v|%08v|% v", {F(9.96), F(1.5), F(-HUGE_VAL), F(HUGE_VAL), F(std::nan("")), F(std::nan(""))}) == " 10.0|1.5    |   -Inf|+Inf|     NaN| NaN");
  CHECK(Sprintf("%F|%.0f|%.0f|%.0f|%.1f", {F(1.5), F(0.5), F(1.5), F(2.5), F(0.05)}) == "1.500000|0|2|2|0.1");
  CHECK(Sprintf("%v|%.3v|%g|%e", {F32(float(3.4e+38)), F32(float(0.3333333333333333)), F32(float(16777216.0)), F32(float(0.1))}) == "3.4e+38|0.333|1.6777216e+07|1.000000e-01");
  CHECK(Sprintf("%6.2f%%|%d%%", {F(99.5), I(3)}) == " 99.50%|3%");
  CHECK(Sprintf("%v|%+v|%#v|%T", {Pt(1, 2), Pt(1, 2), Pt(1, 2), Pt(1, 2)}) == "{1 2}|{X:1 Y:2}|main.Point{X:1, Y:2}|main.Point");
  CHECK(Sprintf("%v|%+v|%#v|%T", {PP(1, 2), PP(1, 2), PP(1, 2), PP(1, 2)}) == "&{1 2}|&{X:1 Y:2}|&main.Point{X:1, Y:2}|*main.Point");
  CHECK(Sprintf("%v|%+v|%#v|%d|%s", {PPNil(), PPNil(), PPNil(), PPNil(), PPNil()}) == "<nil>|<nil>|(*main.Point)(nil)|0|%!s(*main.Point=<nil>)");
  CHECK(Sprintf("%v|%+v|%#v", {LineV(1, 2, 3, 4, "l"), LineV(1, 2, 3, 4, "l"), LineV(1, 2, 3, 4, "l")}) == "{{1 2} <nil> l <nil>}|{A:{X:1 Y:2} B:<nil> Name:l E:<nil>}|main.Line{A:main.Point{X:1, Y:2}, B:(*main.Point)(nil), Name:\"l\", E:error(nil)}");
  CHECK(Sprintf("%d|%x|%5v|%s", {Pt(10, 20), Pt(10, 20), Pt(1, 2), Pt(1, 2)}) == "{10 20}|{a 14}|{    1     2}|{%!s(int=1) %!s(int=2)}");
  CHECK(Sprintf("%v|%d|%#v|%T|%x|%03d", {Ints({1, 2, 3}), Ints({1, 2, 3}), Ints({1, 2, 3}), Ints({1, 2, 3}), Ints({10, 255}), Ints({1, 2})}) == "[1 2 3]|[1 2 3]|[]int{1, 2, 3}|[]int|[a ff]|[001 002]");
  CHECK(Sprintf("%v|%#v|%d|%T", {IntsNil(), IntsNil(), Ints({}), IntsNil()}) == "[]|[]int(nil)|[]|[]int");
  CHECK(Sprintf("%v|%#v|%+v|%T", {MapSI({{"b", 2}, {"a", 1}, {"c", 3}}), MapSI({{"b", 2}, {"a", 1}}), MapSI({{"z", 26}}), MapSI({{"a", 1}})}) == "map[a:1 b:2 c:3]|map[string]int{\"a\":1, \"b\":2}|map[z:26]|map[string]int");
  CHECK(Sprintf("%v|%#v", {MapSINil(), MapSINil()}) == "map[]|map[string]int(nil)");
  CHECK(Sprintf("%v|%v", {MapII({{3, 30}, {-1, 10}, {2, 20}, {10, 100}}), MapFI({{std::nan(""), 1}, {2.5, 2}, {-1.0, 3}, {HUGE_VAL, 4}})}) == "map[-1:10 2:20 3:30 10:100]|map[NaN:1 -1:3 2.5:2 +Inf:4]");
  CHECK(Sprintf("%v|%v|%#v|%v", {Anys({I(1), S("a"), Nil(), F(1.5)}), Anys({TempV(3), ErrV(4)}), Anys({I(1), S("a"), Nil()}), Anys({Pt(5, 6)})}) == "[1 a <nil> 1.5]|[3°C err 4]|[]interface {}{1, \"a\", interface {}(nil)}|[{5 6}]");
  CHECK(Sprintf("%v|%s|%d|%x|%q|%5s|%#v", {TempV(21), TempV(21), TempV(21), TempV(21), TempV(21), TempV(1), TempV(21)}) == "21°C|21°C|21|3231c2b043|\"21°C\"|  1°C|21");
  CHECK(Sprintf("%v|%s|%v|%+v", {ErrV(7), ErrV(7), WrapV(1, 2), WrapV(1, 2)}) == "err 7|err 7|{1°C 2}|{T:1°C t:2}");
  CHECK(Sprintf("%v|%s|%d", {BadV(), BadV(), BadV()}) == "%!v(PANIC=String method: boom)|%!s(PANIC=String method: boom)|1");
  CHECK(Sprintf("%v|%s", {NPNil(), NPNil()}) == "<nil>|<nil>");
  CHECK(Sprint({TempV(1), ErrV(2), S("x"), TempV(3)}) == "1°C err 2x3°C");
  CHECK(Sprintf("%v|%T|%d|%s|%5v|", {Nil(), Nil(), Nil(), Nil(), Nil()}) == "<nil>|<nil>|%!d(<nil>)|%!s(<nil>)|<nil>|");
  CHECK(Sprintf("%T|%T|%T|%T|%T|%T", {I(1), F32(float(1)), Bytes("a"), MapSI({}), Anys({}), ErrV(1)}) == "int|float32|[]uint8|map[string]int|[]interface {}|*main.MyErr");
  CHECK(Sprintf("%p|%s", {I(5), I(5)}) == "%!p(int=5)|%!s(int=5)");
  CHECK(Sprintf("%d %s", {S("hi"), I(3)}) == "%!d(string=hi) %!s(int=3)");
  CHECK(Sprintf("%!|%z|%", {I(1), F(2.5)}) == "%!!(int=1)|%!z(float64=2.5)|%!(NOVERB)");
  CHECK(Sprintf("%d %d", {I(1)}) == "1 %!d(MISSING)");
  CHECK(Sprintf("%d", {I(1), S("x"), Nil(), Pt(1, 2)}) == "1%!(EXTRA string=x, <nil>, main.Point={1 2})");
  CHECK(Sprintf("%[2]d %[1]d|%[3]v|%[0]d|%[x]d", {I(1), I(2)}) == "2 1|%!v(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)");
  CHECK(Sprintf("%[2]*[1]d|%*d|%-*d|%.*f|%*s", {I(12), I(5), I(4), I(7), I(-4), I(7), I(2), F(3.14159), S("x"), S("y")}) == "   12|    4|-4     |%!f(int=0000002)|%!(BADWIDTH)x");
  CHECK(Sprintf("%.*d|%*d", {S("a"), I(3), I(9999999), I(1)}) == "%!(BADPREC)3|%!(BADWIDTH)1");
  CHECK(Sprintf("%v %v", {I(1), I(2)}) == "1 2");
  CHECK(Sprintf("no verbs", {}) == "no verbs");
  CHECK(Sprintf("%-+08.3f|%+08d|% 08d", {F(3.5), I(-3), I(3)}) == "+3.500  |-0000003| 0000003");
  CHECK(Sprintf("%w", {ErrV(1)}) == "%!w(*main.MyErr=&{1})");
  CHECK(Sprintf("%s|%v", {Bytes("âº"), S("☺")}) == "âº|☺");
  CHECK(Sprintf("%6.3v|%.2s|%-6q|%x", {S("abcdef"), Anys({S("abc")}), R(65), S("")}) == "   abc|[ab]|'A'   |");
  CHECK(Sprint({I(1), I(2), S("a"), S("b"), I(3), F(4.5), S("c")}) == "1 2ab3 4.5c");
  CHECK(Sprint({S("a"), I(1), I(2), S("b"), Nil(), Nil()}) == "a1 2b<nil> <nil>");
  CHECK(Sprint({}) == "");
  CHECK(Sprintln({}) == "\n");
  CHECK(Sprintln({I(1), S("a"), I(2), Nil(), Pt(1, 2), PP(3, 4)}) == "1 a 2 <nil> {1 2} &{3 4}\n");
  CHECK(Sprint({Ints({1, 2}), MapSI({{"x", 1}}), B(true), PPNil()}) == "[1 2] map[x:1] true <nil>");
}

TEST_CASE("format: more kinds: int16, uintptr, arrays, maps with struct, bool and interface keys") {
  CHECK(Sprintf("%v|%d|%x|%#v|%o", {I16(-300), U16(65535), Uptr(4096u), Uptr(10u), I16(8)}) == std::string("-300|65535|1000|0xa|10", 22));
  CHECK(Sprintf("%v|%#v|%x|%d|%T", {ArrI3(1, 2, 3), ArrI3(1, 2, 3), ArrI3(10, 11, 12), ArrI3(0, 0, 0), ArrI3(1, 2, 3)}) == std::string("[1 2 3]|[3]int{1, 2, 3}|[a b c]|[0 0 0]|[3]int", 46));
  CHECK(Sprintf("%v|%s|%x|%q|%#v|% X", {ArrB2(104, 105), ArrB2(104, 105), ArrB2(104, 105), ArrB2(104, 105), ArrB2(1, 2), ArrB2(171, 205)}) == std::string("[104 105]|hi|6869|\"hi\"|[2]uint8{0x1, 0x2}|AB CD", 47));
  CHECK(Sprintf("%v|%+v|%#v", {MapPtS({{{2, 1}, "c"}, {{1, 5}, "b"}, {{1, 2}, "a"}}), MapPtS({{{0, 0}, "z"}}), MapPtS({{{1, 2}, "q"}})}) == std::string("map[{1 2}:a {1 5}:b {2 1}:c]|map[{X:0 Y:0}:z]|map[main.Point]string{main.Point{X:1, Y:2}:\"q\"}", 93));
  CHECK(Sprintf("%v|%v", {MapBI({{true, 1}, {false, 0}}), MapAI({{3, 1}, {-2, 2}, {10, 3}})}) == std::string("map[false:0 true:1]|map[-2:2 3:1 10:3]", 38));
  CHECK(Sprintf("%w", {Bytes("hi")}) == std::string("[%!w(uint8=104) %!w(uint8=105)]", 31));
  CHECK(Sprintf("%x|%X|%#x|%v", {Ints({}), Ints({255, 16}), Bytes("\001«"), Anys({Bytes("ab"), Ints({1})})}) == std::string("[]|[FF 10]|0x01c2ab|[[97 98] [1]]", 33));
  CHECK(Sprintf("%6.2v|%-8v|%+d|%x", {Anys({F(3.14159), S("abc")}), Pt(1, 2), Ints({1, -1}), Anys({S("hi"), I(255)})}) == std::string("[   3.1     ab]|{1        2       }|[+1 -1]|[6869 ff]", 53));
  CHECK(Sprintf("%s|%v|%d", {Anys({TempV(1), ErrV(2), BadV()}), MapSI({{"k", 1}}), Anys({TempV(1)})}) == std::string("[1°C err 2 %!s(PANIC=String method: boom)]|map[k:1]|[1]", 56));
  CHECK(Sprint({ArrI3(1, 2, 3), MapPtS({{{1, 1}, "x"}}), S("s"), U16(5), I16(-5)}) == std::string("[1 2 3] map[{1 1}:x]s5 -5", 25));
}

TEST_CASE("format: strconv.FormatFloat as go1.22") {
  CHECK(rt::formatFloat(0, 'e', -1, 64) == "0e+00");
  CHECK(rt::formatFloat(0, 'f', -1, 64) == "0");
  CHECK(rt::formatFloat(0, 'g', -1, 64) == "0");
  CHECK(rt::formatFloat(0, 'G', -1, 64) == "0");
  CHECK(rt::formatFloat(0, 'E', -1, 64) == "0E+00");
  CHECK(rt::formatFloat(0, 'b', -1, 64) == "0p-1074");
  CHECK(rt::formatFloat(0, 'x', -1, 64) == "0x0p+00");
  CHECK(rt::formatFloat(0, 'X', -1, 64) == "0X0P+00");
  CHECK(rt::formatFloat(-0.0, 'e', -1, 64) == "-0e+00");
  CHECK(rt::formatFloat(-0.0, 'f', -1, 64) == "-0");
  CHECK(rt::formatFloat(-0.0, 'g', -1, 64) == "-0");
  CHECK(rt::formatFloat(-0.0, 'G', -1, 64) == "-0");
  CHECK(rt::formatFloat(-0.0, 'E', -1, 64) == "-0E+00");
  CHECK(rt::formatFloat(-0.0, 'b', -1, 64) == "-0p-1074");
  CHECK(rt::formatFloat(-0.0, 'x', -1, 64) == "-0x0p+00");
  CHECK(rt::formatFloat(-0.0, 'X', -1, 64) == "-0X0P+00");
  CHECK(rt::formatFloat(1, 'e', -1, 64) == "1e+00");
  CHECK(rt::formatFloat(1, 'f', -1, 64) == "1");
  CHECK(rt::formatFloat(1, 'g', -1, 64) == "1");
  CHECK(rt::formatFloat(1, 'G', -1, 64) == "1");
  CHECK(rt::formatFloat(1, 'E', -1, 64) == "1E+00");
  CHECK(rt::formatFloat(1, 'b', -1, 64) == "4503599627370496p-52");
  CHECK(rt::formatFloat(1, 'x', -1, 64) == "0x1p+00");
  CHECK(rt::formatFloat(1, 'X', -1, 64) == "0X1P+00");
  CHECK(rt::formatFloat(1e21, 'e', -1, 64) == "1e+21");
  CHECK(rt::formatFloat(1e21, 'f', -1, 64) == "1000000000000000000000");
  CHECK(rt::formatFloat(1e21, 'g', -1, 64) == "1e+21");
  CHECK(rt::formatFloat(1e21, 'G', -1, 64) == "1E+21");
  CHECK(rt::formatFloat(1e21, 'E', -1, 64) == "1E+21");
  CHECK(rt::formatFloat(1e21, 'b', -1, 64) == "7629394531250000p+17");
  CHECK(rt::formatFloat(1e21, 'x', -1, 64) == "0x1.b1ae4d6e2ef5p+69");
  CHECK(rt::formatFloat(1e21, 'X', -1, 64) == "0X1.B1AE4D6E2EF5P+69");
  CHECK(rt::formatFloat(1e23, 'e', -1, 64) == "1e+23");
  CHECK(rt::formatFloat(1e23, 'f', -1, 64) == "100000000000000000000000");
  CHECK(rt::formatFloat(1e23, 'g', -1, 64) == "1e+23");
  CHECK(rt::formatFloat(1e23, 'G', -1, 64) == "1E+23");
  CHECK(rt::formatFloat(1e23, 'E', -1, 64) == "1E+23");
  CHECK(rt::formatFloat(1e23, 'b', -1, 64) == "5960464477539062p+24");
  CHECK(rt::formatFloat(1e23, 'x', -1, 64) == "0x1.52d02c7e14af6p+76");
  CHECK(rt::formatFloat(1e23, 'X', -1, 64) == "0X1.52D02C7E14AF6P+76");
  CHECK(rt::formatFloat(123456789, 'e', -1, 64) == "1.23456789e+08");
  CHECK(rt::formatFloat(123456789, 'f', -1, 64) == "123456789");
  CHECK(rt::formatFloat(123456789, 'g', -1, 64) == "1.23456789e+08");
  CHECK(rt::formatFloat(123456789, 'G', -1, 64) == "1.23456789E+08");
  CHECK(rt::formatFloat(123456789, 'E', -1, 64) == "1.23456789E+08");
  CHECK(rt::formatFloat(123456789, 'b', -1, 64) == "8285044862877696p-26");
  CHECK(rt::formatFloat(123456789, 'x', -1, 64) == "0x1.d6f3454p+26");
  CHECK(rt::formatFloat(123456789, 'X', -1, 64) == "0X1.D6F3454P+26");
  CHECK(rt::formatFloat(0.000001234, 'e', -1, 64) == "1.234e-06");
  CHECK(rt::formatFloat(0.000001234, 'f', -1, 64) == "0.000001234");
  CHECK(rt::formatFloat(0.000001234, 'g', -1, 64) == "1.234e-06");
  CHECK(rt::formatFloat(0.000001234, 'G', -1, 64) == "1.234E-06");
  CHECK(rt::formatFloat(0.000001234, 'E', -1, 64) == "1.234E-06");
  CHECK(rt::formatFloat(0.000001234, 'b', -1, 64) == "5827400239861142p-72");
  CHECK(rt::formatFloat(0.000001234, 'x', -1, 64) == "0x1.4b3fd5942cd96p-20");
  CHECK(rt::formatFloat(0.000001234, 'X', -1, 64) == "0X1.4B3FD5942CD96P-20");
  CHECK(rt::formatFloat(5e-324, 'e', -1, 64) == "5e-324");
  CHECK(rt::formatFloat(5e-324, 'f', -1, 64) == "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005");
  CHECK(rt::formatFloat(5e-324, 'g', -1, 64) == "5e-324");
  CHECK(rt::formatFloat(5e-324, 'G', -1, 64) == "5E-324");
  CHECK(rt::formatFloat(5e-324, 'E', -1, 64) == "5E-324");
  CHECK(rt::formatFloat(5e-324, 'b', -1, 64) == "1p-1074");
  CHECK(rt::formatFloat(5e-324, 'x', -1, 64) == "0x1p-1074");
  CHECK(rt::formatFloat(5e-324, 'X', -1, 64) == "0X1P-1074");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'e', -1, 64) == "1.7976931348623157e+308");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'f', -1, 64) == "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'g', -1, 64) == "1.7976931348623157e+308");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'G', -1, 64) == "1.7976931348623157E+308");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'E', -1, 64) == "1.7976931348623157E+308");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'b', -1, 64) == "9007199254740991p+971");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'x', -1, 64) == "0x1.fffffffffffffp+1023");
  CHECK(rt::formatFloat(1.7976931348623157e308, 'X', -1, 64) == "0X1.FFFFFFFFFFFFFP+1023");
  CHECK(rt::formatFloat(-2.5, 'e', -1, 64) == "-2.5e+00");
  CHECK(rt::formatFloat(-2.5, 'f', -1, 64) == "-2.5");
  CHECK(rt::formatFloat(-2.5, 'g', -1, 64) == "-2.5");
  CHECK(rt::formatFloat(-2.5, 'G', -1, 64) == "-2.5");
  CHECK(rt::formatFloat(-2.5, 'E', -1, 64) == "-2.5E+00");
  CHECK(rt::formatFloat(-2.5, 'b', -1, 64) == "-5629499534213120p-51");
  CHECK(rt::formatFloat(-2.5, 'x', -1, 64) == "-0x1.4p+01");
  CHECK(rt::formatFloat(-2.5, 'X', -1, 64) == "-0X1.4P+01");
  CHECK(rt::formatFloat(0.1, 'e', -1, 64) == "1e-01");
  CHECK(rt::formatFloat(0.1, 'f', -1, 64) == "0.1");
  CHECK(rt::formatFloat(0.1, 'g', -1, 64) == "0.1");
  CHECK(rt::formatFloat(0.1, 'G', -1, 64) == "0.1");
  CHECK(rt::formatFloat(0.1, 'E', -1, 64) == "1E-01");
  CHECK(rt::formatFloat(0.1, 'b', -1, 64) == "7205759403792794p-56");
  CHECK(rt::formatFloat(0.1, 'x', -1, 64) == "0x1.999999999999ap-04");
  CHECK(rt::formatFloat(0.1, 'X', -1, 64) == "0X1.999999999999AP-04");
  CHECK(rt::formatFloat(3.14159, 'e', 0, 64) == "3e+00");
  CHECK(rt::formatFloat(3.14159, 'e', 3, 64) == "3.142e+00");
  CHECK(rt::formatFloat(3.14159, 'f', 0, 64) == "3");
  CHECK(rt::formatFloat(3.14159, 'f', 3, 64) == "3.142");
  CHECK(rt::formatFloat(3.14159, 'g', 0, 64) == "3");
  CHECK(rt::formatFloat(3.14159, 'g', 3, 64) == "3.14");
  CHECK(rt::formatFloat(3.14159, 'g', 10, 64) == "3.14159");
  CHECK(rt::formatFloat(3.14159, 'x', 2, 64) == "0x1.92p+01");
  CHECK(rt::formatFloat(3.14159, 'E', 20, 64) == "3.14158999999999988262E+00");
  CHECK(rt::formatFloat(3.14159, 'f', 20, 64) == "3.14158999999999988262");
  CHECK(rt::formatFloat(1e-10, 'e', 0, 64) == "1e-10");
  CHECK(rt::formatFloat(1e-10, 'e', 3, 64) == "1.000e-10");
  CHECK(rt::formatFloat(1e-10, 'f', 0, 64) == "0");
  CHECK(rt::formatFloat(1e-10, 'f', 3, 64) == "0.000");
  CHECK(rt::formatFloat(1e-10, 'g', 0, 64) == "1e-10");
  CHECK(rt::formatFloat(1e-10, 'g', 3, 64) == "1e-10");
  CHECK(rt::formatFloat(1e-10, 'g', 10, 64) == "1e-10");
  CHECK(rt::formatFloat(1e-10, 'x', 2, 64) == "0x1.b8p-34");
  CHECK(rt::formatFloat(1e-10, 'E', 20, 64) == "1.00000000000000003643E-10");
  CHECK(rt::formatFloat(1e-10, 'f', 20, 64) == "0.00000000010000000000");
  CHECK(rt::formatFloat(123456.5, 'e', 0, 64) == "1e+05");
  CHECK(rt::formatFloat(123456.5, 'e', 3, 64) == "1.235e+05");
  CHECK(rt::formatFloat(123456.5, 'f', 0, 64) == "123456");
  CHECK(rt::formatFloat(123456.5, 'f', 3, 64) == "123456.500");
  CHECK(rt::formatFloat(123456.5, 'g', 0, 64) == "1e+05");
  CHECK(rt::formatFloat(123456.5, 'g', 3, 64) == "1.23e+05");
  CHECK(rt::formatFloat(123456.5, 'g', 10, 64) == "123456.5");
  CHECK(rt::formatFloat(123456.5, 'x', 2, 64) == "0x1.e2p+16");
  CHECK(rt::formatFloat(123456.5, 'E', 20, 64) == "1.23456500000000000000E+05");
  CHECK(rt::formatFloat(123456.5, 'f', 20, 64) == "123456.50000000000000000000");
  CHECK(rt::formatFloat(0.5, 'e', 0, 64) == "5e-01");
  CHECK(rt::formatFloat(0.5, 'e', 3, 64) == "5.000e-01");
  CHECK(rt::formatFloat(0.5, 'f', 0, 64) == "0");
  CHECK(rt::formatFloat(0.5, 'f', 3, 64) == "0.500");
  CHECK(rt::formatFloat(0.5, 'g', 0, 64) == "0.5");
  CHECK(rt::formatFloat(0.5, 'g', 3, 64) == "0.5");
  CHECK(rt::formatFloat(0.5, 'g', 10, 64) == "0.5");
  CHECK(rt::formatFloat(0.5, 'x', 2, 64) == "0x1.00p-01");
  CHECK(rt::formatFloat(0.5, 'E', 20, 64) == "5.00000000000000000000E-01");
  CHECK(rt::formatFloat(0.5, 'f', 20, 64) == "0.50000000000000000000");
  CHECK(rt::formatFloat(1e300, 'e', 0, 64) == "1e+300");
  CHECK(rt::formatFloat(1e300, 'e', 3, 64) == "1.000e+300");
  CHECK(rt::formatFloat(1e300, 'f', 0, 64) == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
  CHECK(rt::formatFloat(1e300, 'f', 3, 64) == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000");
  CHECK(rt::formatFloat(1e300, 'g', 0, 64) == "1e+300");
  CHECK(rt::formatFloat(1e300, 'g', 3, 64) == "1e+300");
  CHECK(rt::formatFloat(1e300, 'g', 10, 64) == "1e+300");
  CHECK(rt::formatFloat(1e300, 'x', 2, 64) == "0x1.7ep+996");
  CHECK(rt::formatFloat(1e300, 'E', 20, 64) == "1.00000000000000005250E+300");
  CHECK(rt::formatFloat(1e300, 'f', 20, 64) == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00000000000000000000");
  CHECK(rt::formatFloat(0.1, 'e', -1, 32) == "1e-01");
  CHECK(rt::formatFloat(0.1, 'g', -1, 32) == "0.1");
  CHECK(rt::formatFloat(0.1, 'f', -1, 32) == "0.1");
  CHECK(rt::formatFloat(0.1, 'b', -1, 32) == "13421773p-27");
  CHECK(rt::formatFloat(16777216, 'e', -1, 32) == "1.6777216e+07");
  CHECK(rt::formatFloat(16777216, 'g', -1, 32) == "1.6777216e+07");
  CHECK(rt::formatFloat(16777216, 'f', -1, 32) == "16777216");
  CHECK(rt::formatFloat(16777216, 'b', -1, 32) == "8388608p+1");
  CHECK(rt::formatFloat(3.4e38, 'e', -1, 32) == "3.4e+38");
  CHECK(rt::formatFloat(3.4e38, 'g', -1, 32) == "3.4e+38");
  CHECK(rt::formatFloat(3.4e38, 'f', -1, 32) == "340000000000000000000000000000000000000");
  CHECK(rt::formatFloat(3.4e38, 'b', -1, 32) == "16763294p+104");
  CHECK(rt::formatFloat(1e-45, 'e', -1, 32) == "1e-45");
  CHECK(rt::formatFloat(1e-45, 'g', -1, 32) == "1e-45");
  CHECK(rt::formatFloat(1e-45, 'f', -1, 32) == "0.000000000000000000000000000000000000000000001");
  CHECK(rt::formatFloat(1e-45, 'b', -1, 32) == "1p-149");
  CHECK(rt::formatFloat(123456.789, 'e', -1, 32) == "1.2345679e+05");
  CHECK(rt::formatFloat(123456.789, 'g', -1, 32) == "123456.79");
  CHECK(rt::formatFloat(123456.789, 'f', -1, 32) == "123456.79");
  CHECK(rt::formatFloat(123456.789, 'b', -1, 32) == "15802469p-7");
  CHECK(rt::formatFloat(1, 'z', -1, 64) == "%z");
}

TEST_CASE("format: strconv.ParseFloat as go1.22 (value, then 0 ok / 1 syntax / 2 range)") {
  CHECK(pf("1.5", 64) == "1.5 0");
  CHECK(pf("-0", 64) == "-0 0");
  CHECK(pf("1e400", 64) == "+Inf 2");
  CHECK(pf("-1e400", 64) == "-Inf 2");
  CHECK(pf("1e-400", 64) == "0 0");
  CHECK(pf("0x1.8p3", 64) == "12 0");
  CHECK(pf("0x1p-1080", 64) == "0 0");
  CHECK(pf("inf", 64) == "+Inf 0");
  CHECK(pf("-Infinity", 64) == "-Inf 0");
  CHECK(pf("+INF", 64) == "+Inf 0");
  CHECK(pf("nan", 64) == "NaN 0");
  CHECK(pf("NaN", 64) == "NaN 0");
  CHECK(pf("+nan", 64) == "0 1");
  CHECK(pf("1_000.5", 64) == "1000.5 0");
  CHECK(pf("1__0", 64) == "0 1");
  CHECK(pf("_1", 64) == "0 1");
  CHECK(pf(".5", 64) == "0.5 0");
  CHECK(pf("5.", 64) == "5 0");
  CHECK(pf(".", 64) == "0 1");
  CHECK(pf("", 64) == "0 1");
  CHECK(pf("1e", 64) == "0 1");
  CHECK(pf("1e+", 64) == "0 1");
  CHECK(pf("0x1.8", 64) == "0 1");
  CHECK(pf("0x", 64) == "0 1");
  CHECK(pf("1.5x", 64) == "0 1");
  CHECK(pf("infx", 64) == "0 1");
  CHECK(pf("1.2.3", 64) == "0 1");
  CHECK(pf("3.4e38", 64) == "3.4e+38 0");
  CHECK(pf("3.5e38", 64) == "3.5e+38 0");
  CHECK(pf("1e-46", 64) == "1e-46 0");
  CHECK(pf("0.1", 64) == "0.1 0");
  CHECK(pf("123456789012345678901234567890", 64) == "1.2345678901234568e+29 0");
  CHECK(pf("2.2250738585072011e-308", 64) == "2.225073858507201e-308 0");
  CHECK(pf("1E5", 64) == "100000 0");
  CHECK(pf("0X1P-2", 64) == "0.25 0");
  CHECK(pf("0x_1p0", 64) == "1 0");
  CHECK(pf("3.4e38", 32) == "3.3999999521443642e+38 0");
  CHECK(pf("3.5e38", 32) == "+Inf 2");
  CHECK(pf("1e-46", 32) == "0 0");
  CHECK(pf("0.1", 32) == "0.10000000149011612 0");
  CHECK(pf("16777217", 32) == "1.6777216e+07 0");
  CHECK(pf("1e39", 32) == "+Inf 2");
}

namespace {

// The runtime's own errors (vm::runtimeErrorType): a struct holding the
// text, with no Gol Error method.
struct RuntimeErrorCaller : FakeCaller {
  const rt::TypeDesc* runtimeError;
  explicit RuntimeErrorCaller(const rt::TypeDesc* t) : runtimeError(t) {}
  bool builtinErrorText(const rt::TypeDesc* t, const void* p, std::string* text) override {
    if (t != runtimeError) return false;
    *text = std::string(static_cast<const StringHeader*>(p)->data, static_cast<const StringHeader*>(p)->len);
    return true;
  }
};

rt::MethodCallResult nilDerefString(uint64_t, std::string*, rt::Eface* panicValue);

struct RuntimeErrorTypes {
  rt::TypeDesc runtimeErrorT = makeType("runtime.Error", TypeKind::Struct, 16, true);
  rt::TypeDesc bad2T = makeType("main.Bad2", TypeKind::Struct, 8, true);
  RuntimeErrorTypes() { bad2T.methods = {stringMethod("String", nilDerefString)}; }
};

RuntimeErrorTypes& runtimeErrorTypes() {
  static RuntimeErrorTypes t;
  return t;
}

rt::Eface runtimeError(std::string_view text) {
  return {&runtimeErrorTypes().runtimeErrorT, box(stringHeader(text))};
}

rt::MethodCallResult nilDerefString(uint64_t, std::string*, rt::Eface* panicValue) {
  *panicValue = runtimeError("runtime error: invalid memory address or nil pointer dereference");
  return rt::MethodCallResult::Panicked;
}

std::string sprintfWrapping(std::string_view format, std::vector<rt::Eface> args,
                            std::vector<int64_t>* wrapped) {
  FakeCaller caller;
  std::string out;
  REQUIRE(rt::formatPrintf(out, format, args, &caller, wrapped));
  return out;
}

}  // namespace

// From go1.22: a recovered index error printed with these verbs, and a
// String method with a value receiver dereferencing a nil pointer.
TEST_CASE("format: runtime errors print their text") {
  RuntimeErrorCaller caller(&runtimeErrorTypes().runtimeErrorT);
  rt::Eface e = runtimeError("runtime error: index out of range [5] with length 0");
  std::vector<rt::Eface> args = {e, e, e, e, e};
  std::string out;
  REQUIRE(rt::formatPrintf(out, "%v|%q|%s|%x|%8.5v", args, &caller));
  CHECK(out ==
        "runtime error: index out of range [5] with length 0|\"runtime error: index out of range "
        "[5] with length 0\"|runtime error: index out of range [5] with length "
        "0|72756e74696d65206572726f723a20696e646578206f7574206f662072616e6765205b355d2077697468"
        "206c656e6774682030|   runti");
  out.clear();
  std::vector<rt::Eface> bad = {{&runtimeErrorTypes().bad2T, box(int64_t{0})}};
  REQUIRE(rt::formatPrintf(out, "%v", bad, &caller));
  CHECK(out ==
        "%!v(PANIC=String method: runtime error: invalid memory address or nil pointer "
        "dereference)");
}

// From go1.22's fmt.Errorf with errors.New("a"), errors.New("b") (here
// *main.MyErr values whose Error says "err 1", "err 2"): the message, and
// which operands Errorf wraps.
TEST_CASE("format: %w for Errorf") {
  std::vector<int64_t> wrapped;
  CHECK(sprintfWrapping("wrap %w and %w and %v", {ErrV(1), ErrV(2), I(3)}, &wrapped) ==
        "wrap err 1 and err 2 and 3");
  CHECK(wrapped == std::vector<int64_t>{0, 1});
  CHECK(sprintfWrapping("%[2]w %[1]w %[2]w", {ErrV(1), ErrV(2)}, &wrapped) == "err 2 err 1 err 2");
  CHECK(wrapped == std::vector<int64_t>{0, 1});
  CHECK(sprintfWrapping("bad %w", {I(5)}, &wrapped) == "bad %!w(int=5)");
  CHECK(wrapped == std::vector<int64_t>{0});
  CHECK(sprintfWrapping("nil %w", {Nil()}, &wrapped) == "nil %!w(<nil>)");
  CHECK(wrapped == std::vector<int64_t>{0});
  CHECK(sprintfWrapping("one %v", {ErrV(1)}, &wrapped) == "one err 1");
  CHECK(wrapped.empty());
}

// The natives through their calling convention (vm/natives.h), on values
// without methods (vm::callMethod is not there yet). Expected outputs from
// go1.22: Sprintf("%d-%s|%v", 7, "x", []int{1, 2}), Sprintln(1, "a", 2.5),
// Appendf(nil, "%03d", 7) (len 3, cap 8), Append(b, 1, 2, "z") (len 7,
// cap 8), Errorf("bad %w", 5), FormatFloat(1.0/3, 'g', 5, 64),
// ParseFloat("1e400", 64), Println("hello", 42) returning 9, nil.
namespace {

struct NativeCall {
  gol::vm::Module module;
  gol::vm::Machine machine{module};
  rt::G g{1};
  uint64_t* slots() { return g.stack + 8; }
  bool call(const char* name) {
    gol::vm::NativeFn fn = gol::vm::findNative(name);
    REQUIRE((fn != nullptr));
    return fn(machine, g, slots());
  }
};

void putString(uint64_t* slots, std::string_view s) {
  StringHeader h = stringHeader(s);
  slots[0] = reinterpret_cast<uint64_t>(h.data);
  slots[1] = h.len;
}
void putOperands(uint64_t* slots, std::vector<rt::Eface> args) {
  slots[0] = reinterpret_cast<uint64_t>(boxBytes(args.data(), args.size() * sizeof(rt::Eface)));
  slots[1] = slots[2] = args.size();
}
std::string getString(const uint64_t* slots) {
  return std::string(reinterpret_cast<const char*>(slots[0]), slots[1]);
}

}  // namespace

TEST_CASE("format: fmt and strconv natives") {
  NativeCall c;
  uint64_t* s = c.slots();
  putString(s, "%d-%s|%v");
  putOperands(s + 2, {I(7), S("x"), Ints({1, 2})});
  s[5] = 0;  // no formatOperand hook
  REQUIRE(c.call("fmt.doSprintf"));
  CHECK(getString(s) == "7-x|[1 2]");

  putOperands(s, {I(1), S("a"), F(2.5)});
  s[3] = 0;
  REQUIRE(c.call("fmt.doSprintln"));
  CHECK(getString(s) == "1 a 2.5\n");

  s[0] = s[1] = s[2] = 0;
  putString(s + 3, "%03d");
  putOperands(s + 5, {I(7)});
  s[8] = 0;
  REQUIRE(c.call("fmt.doAppendf"));
  CHECK(getString(s) == "007");
  CHECK(s[1] == 3);
  CHECK(s[2] == 8);
  putOperands(s + 3, {I(1), I(2), S("z")});
  s[6] = 0;
  REQUIRE(c.call("fmt.doAppend"));
  CHECK(getString(s) == "0071 2z");
  CHECK(s[1] == 7);
  CHECK(s[2] == 8);

  putString(s, "bad %w");
  putOperands(s + 2, {I(5)});
  s[5] = 0;
  REQUIRE(c.call("fmt.doErrorf"));
  CHECK(getString(s) == "bad %!w(int=5)");
  REQUIRE(s[3] == 1);
  CHECK(reinterpret_cast<const int64_t*>(s[2])[0] == 0);

  double third = 1.0 / 3;
  std::memcpy(&s[0], &third, 8);
  s[1] = 'g';
  s[2] = 5;
  s[3] = 64;
  REQUIRE(c.call("strconv.FormatFloat"));
  CHECK(getString(s) == "0.33333");

  putString(s, "1e400");
  s[2] = 64;
  REQUIRE(c.call("strconv.parseFloat"));
  double f;
  std::memcpy(&f, &s[0], 8);
  CHECK(std::isinf(f));
  CHECK(s[1] == 2);

  std::string out;
  rt::captureStdout(&out);
  putOperands(s, {S("hello"), I(42)});
  s[3] = 0;
  bool ok = c.call("fmt.doPrintln");
  rt::captureStdout(nullptr);
  REQUIRE(ok);
  CHECK(out == "hello 42\n");
  CHECK(s[0] == 9);
  CHECK(s[1] == 0);
  CHECK(s[2] == 0);
}

// From go1.22, with
//   func (f Fm) Format(s fmt.State, verb rune) {
//       fmt.Fprintf(s, "<%c %d", verb, int(f))
//       if w, ok := s.Width(); ok { fmt.Fprintf(s, " w=%d", w) }
//       if p, ok := s.Precision(); ok { fmt.Fprintf(s, " p=%d", p) }
//       for _, c := range "+-# 0" { if s.Flag(int(c)) { fmt.Fprintf(s, " %c", c) } }
//       fmt.Fprint(s, ">")
//   }
// and a PanicFm whose Format panics with "fmt boom".
namespace {

rt::MethodCallResult fmFormat(uint64_t word, char32_t verb, std::string_view flags, int64_t wid,
                              bool widOK, int64_t prec, bool precOK, std::string* out,
                              rt::Eface*) {
  int64_t v;
  std::memcpy(&v, reinterpret_cast<const void*>(word), 8);
  *out = "<";
  *out += static_cast<char>(verb);
  *out += " " + std::to_string(v);
  if (widOK) *out += " w=" + std::to_string(wid);
  if (precOK) *out += " p=" + std::to_string(prec);
  for (char c : std::string_view("+-# 0"))
    if (flags.find(c) != std::string_view::npos) *out += std::string(" ") + c;
  *out += ">";
  return rt::MethodCallResult::Ok;
}

rt::MethodCallResult panicFormat(uint64_t, char32_t, std::string_view, int64_t, bool, int64_t,
                                 bool, std::string*, rt::Eface* panicValue) {
  *panicValue = {&types().stringT, box(stringHeader("fmt boom"))};
  return rt::MethodCallResult::Panicked;
}

struct FormatterTypes {
  rt::TypeDesc fmT = makeType("main.Fm", TypeKind::Int, 8, true);
  rt::TypeDesc panicFmT = makeType("main.PanicFm", TypeKind::Struct, 0, true);
  FormatterTypes() {
    rt::Method m;
    m.name = "Format";
    m.fn = reinterpret_cast<const void*>(&fmFormat);
    fmT.methods = {m};
    m.fn = reinterpret_cast<const void*>(&panicFormat);
    panicFmT.methods = {m};
  }
};

FormatterTypes& formatterTypes() {
  static FormatterTypes t;
  return t;
}

rt::Eface Fm(int64_t v) { return {&formatterTypes().fmT, box(v)}; }
rt::Eface PanicFm() { return {&formatterTypes().panicFmT, box(int64_t{0})}; }

}  // namespace

TEST_CASE("format: Formatter") {
  CHECK(Sprintf("%v|%+8.3x|%-#d|% 05s|%q|%#v|%+v|%w",
                 {Fm(1), Fm(2), Fm(3), Fm(4), Fm(5), Fm(6), Fm(7), Fm(8)}) ==
        "<v 1>|<x 2 w=8 p=3 +>|<d 3 - #>|<s 4 w=5   0>|<q 5>|<v 6 #>|<v 7 +>|%!w(main.Fm=8)");
  CHECK(Sprint({Fm(1), Anys({Fm(2)}), Fm(3)}) == "<v 1> [<v 2>] <v 3>");
  CHECK(Sprintf("%v|%d", {PanicFm(), PanicFm()}) ==
        "%!v(PANIC=Format method: fmt boom)|%!d(PANIC=Format method: fmt boom)");
}
