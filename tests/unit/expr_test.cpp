// The checker's expression side (check_expr/call/builtin/errors.cpp),
// through compileSource: programs Go accepts must be accepted, programs Go
// rejects must give gc's messages. Expected messages come from go build
// (1.19, with the known 1.22 rewordings: "as T value in", "(missing method
// M)", "to type T"), never from gol.
#include <doctest/doctest.h>

#include <string>

#include "lang/frontend.h"
#include "lang/types.h"

using namespace gol::lang;

namespace {

const char* kPrelude =
    "package main\n"
    "\n"
    "type T struct {\n"
    "\tX int\n"
    "\ty string\n"
    "}\n"
    "type P struct {\n"
    "\tT\n"
    "\tZ int\n"
    "}\n"
    "type I interface{ VM() int }\n"
    "type J interface{ PM() }\n"
    "\n"
    "func (t *T) PM()    {}\n"
    "func (t T) VM() int { return t.X }\n"
    "func two() (int, string) { return 1, \"\" }\n"
    "func none()                {}\n"
    "func vf(a int, b ...string) {}\n"
    "\n"
    "func main() {\n";  // 20 lines: the body starts on line 21

// The diagnostics of a program whose main body is `body` (after kPrelude).
std::string check(const std::string& body) {
  auto prog = compileSource("p.gol", std::string(kPrelude) + body + "\n}\n");
  return prog->diags.render();
}

// The main function of a checked program.
FuncDecl* mainFunc(Program& prog) {
  for (Decl* d : prog.mainFile->decls)
    if (auto* f = d->as<FuncDecl>(); f && f->name->name == "main" && !f->recv) return f;
  return nullptr;
}

}  // namespace

TEST_CASE("exprs: a program using most expression forms is accepted") {
  std::string body =
      "\tvar t T\n"
      "\tp := &t\n"
      "\tp.PM()\n"
      "\tt.PM()\n"
      "\tvar i I = t\n"
      "\tvar j J = p\n"
      "\t_, _ = i, j\n"
      "\tf := t.VM\n"
      "\tg := T.VM\n"
      "\th := (*T).PM\n"
      "\t_ = f() + g(t)\n"
      "\th(p)\n"
      "\tvar pp P\n"
      "\tpp.PM()\n"
      "\t_ = pp.X + pp.Z\n"
      "\ts := []*T{{X: 1}, {2, \"a\"}}\n"
      "\tm := map[string][]int{\"a\": {1, 2}}\n"
      "\tarr := [...]string{2: \"x\", \"y\"}\n"
      "\tconst c = len(arr)\n"
      "\tvar x8 = int8(c)\n"
      "\t_, _, _ = x8, s, m\n"
      "\tb := []byte(\"abc\")\n"
      "\tb = append(b, \"def\"...)\n"
      "\t_ = copy(b, \"xy\")\n"
      "\tvar u uint = 3\n"
      "\t_ = 1 << u\n"
      "\tvar f64 float64 = 2\n"
      "\t_ = f64 * 1.5\n"
      "\tch := make(chan int, 3)\n"
      "\tv, ok := <-ch\n"
      "\t_, _ = v, ok\n"
      "\tmv, ok2 := m[\"a\"]\n"
      "\t_, _ = mv, ok2\n"
      "\tvar e error\n"
      "\t_ = e == nil\n"
      "\tfunc() { t.X++ }()\n"
      "\t_ = min(1, 2.5)\n"
      "\t_ = max(u, 2)\n"
      "\tclear(m)\n"
      "\t_ = string(rune(65)) + string(b[0:1])\n"
      "\tvar iface interface{} = 1\n"
      "\t_ = iface == 1\n"
      "\t_, _ = iface.(int)\n"
      "\tconst big = 1 << 100 >> 98\n"
      "\tvar four [big]int\n"
      "\t_ = four\n"
      "\t_ = 0.1+0.2 == 0.3\n"
      "\tx := 10\n"
      "\t_ = ^x&^3 + -x/3%2\n"
      "\t_ = !(x > 1 || x < 0 && true)\n"
      "\tvar bs [4]byte\n"
      "\t_ = bs[:]\n"
      "\t_ = \"abc\"[1:] + \"abc\"[:2]\n"
      "\tvar fp func(int, ...string) = vf\n"
      "\tfp(1, []string{\"a\"}...)\n"
      "\tprintln(1, \"a\", 2.5, true)\n"
      "\t_ = new(T).X\n";
  CHECK(check(body) == "");
}

TEST_CASE("exprs: operators") {
  CHECK(check("\tvar x int\n\tvar s string\n\t_ = x + s\n") ==
        "p.gol:23:6: invalid operation: x + s (mismatched types int and string)\n");
  CHECK(check("\tvar b bool\n\t_ = b + b\n") ==
        "p.gol:22:6: invalid operation: operator + not defined on b (variable of type bool)\n");
  CHECK(check("\tx := 1\n\t_ = !x\n") ==
        "p.gol:22:7: invalid operation: operator ! not defined on x (variable of type int)\n");
  CHECK(check("\tx := 1\n\t_ = x / 0\n") == "p.gol:22:10: invalid operation: division by zero\n");
  CHECK(check("\t_ = 1 + true\n") ==
        "p.gol:21:6: invalid operation: 1 + true (mismatched types untyped int and untyped bool)\n");
  CHECK(check("\tvar f float64\n\t_ = f % 2\n") ==
        "p.gol:22:6: invalid operation: operator % not defined on f (variable of type float64)\n");
  CHECK(check("\tx := 1\n\t_ = x + 1.5\n") == "p.gol:22:10: 1.5 (untyped float constant) truncated to int\n");
}

TEST_CASE("exprs: constants") {
  CHECK(check("\tconst c byte = 255\n\t_ = c + 1\n") == "p.gol:22:6: c + 1 (constant 256 of type byte) overflows byte\n");
  CHECK(check("\t_ = byte(256)\n") == "p.gol:21:11: constant 256 overflows byte\n");
  CHECK(check("\tvar y int8 = 200\n\t_ = y\n") ==
        "p.gol:21:15: cannot use 200 (untyped int constant) as int8 value in variable declaration (overflows)\n");
  CHECK(check("\tvar w int = 1.5\n\t_ = w\n") ==
        "p.gol:21:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)\n");
  CHECK(check("\t_ = int64(1) << 63\n") ==
        "p.gol:21:6: int64(1) << 63 (constant 9223372036854775808 of type int64) overflows int64\n");
  CHECK(check("\tconst e = 1 << 600\n") == "p.gol:21:14: constant shift overflow\n");
  CHECK(check("\t_ = iota\n") == "p.gol:21:6: cannot use iota outside constant declaration\n");
  CHECK(check("\t_ = 2i\n") == "p.gol:21:6: complex numbers are not supported by gol\n");

  // Exact arithmetic: the value of a constant expression lands in the AST.
  auto prog = compileSource("p.gol", "package main\n\nconst c = 1 << 100 >> 98\n\nfunc main() {}\n");
  REQUIRE(prog->diags.render() == "");
  auto* gd = prog->mainFile->decls[0]->as<GenDecl>();
  REQUIRE(gd);
  auto* vs = gd->specs[0]->as<ValueSpec>();
  REQUIRE(vs);
  CHECK(vs->values[0]->mode == ExprMode::Constant);
  CHECK(vs->values[0]->value.toString() == "4");
}

TEST_CASE("exprs: shifts") {
  CHECK(check("\tvar s uint = 2\n\t_ = 1.5 << s\n") ==
        "p.gol:22:6: invalid operation: shifted operand 1.5 (untyped float constant) must be integer\n");
  CHECK(check("\t_ = 1 << -1\n") == "p.gol:21:11: invalid operation: negative shift count -1 (untyped int constant)\n");
  CHECK(check("\tvar s uint = 2\n\tvar g float64 = 1 << s\n\t_ = g\n") ==
        "p.gol:22:18: invalid operation: shifted operand 1 (type float64) must be integer\n");
  CHECK(check("\tvar f float64\n\t_ = 1 << f\n") ==
        "p.gol:22:11: invalid operation: shift count f (variable of type float64) must be integer\n");
  // The untyped constant takes the type from the context: int64 here.
  CHECK(check("\tvar s uint = 2\n\tvar i64 int64 = 1 << s\n\t_ = i64\n") == "");
}

TEST_CASE("exprs: comparisons") {
  CHECK(check("\tvar s []int\n\t_ = s == s\n") ==
        "p.gol:22:6: invalid operation: s == s (slice can only be compared to nil)\n");
  CHECK(check("\ttype S struct{ a []int }\n\tvar st S\n\t_ = st == st\n") ==
        "p.gol:23:6: invalid operation: st == st (struct containing []int cannot be compared)\n");
  CHECK(check("\t_ = nil == nil\n") ==
        "p.gol:21:13: invalid operation: nil == nil (operator == not defined on untyped nil)\n");
  CHECK(check("\tvar p *int\n\t_ = p < p\n") ==
        "p.gol:22:6: invalid operation: p < p (operator < not defined on pointer)\n");
  CHECK(check("\tx, f := 1, 2.0\n\t_ = x == f\n") ==
        "p.gol:22:11: invalid operation: x == f (mismatched types int and float64)\n");
}

TEST_CASE("exprs: identifiers and selectors") {
  CHECK(check("\t_ = y\n") == "p.gol:21:6: undefined: y\n");
  CHECK(check("\t_ = _\n") == "p.gol:21:6: cannot use _ as value\n");
  CHECK(check("\tvar t T\n\t_ = t.q\n") == "p.gol:22:8: t.q undefined (type T has no field or method q)\n");
  CHECK(check("\tvar t T\n\t_ = t.x\n") ==
        "p.gol:22:8: t.x undefined (type T has no field or method x, but does have X)\n");
  CHECK(check("\tT{}.PM()\n") == "p.gol:21:6: cannot call pointer method PM on T\n");
  CHECK(check("\t_ = T.X\n") == "p.gol:21:8: T.X undefined (type T has no method X)\n");
  CHECK(check("\tvar p *I\n\t_ = p.VM\n") ==
        "p.gol:22:8: p.VM undefined (type *I is pointer to interface, not interface)\n");
  auto prog = compileSource("p.gol",
                            "package main\n\nimport \"strings\"\n\nfunc main() {\n\t_ = strings.Nope\n"
                            "\t_ = strings.builder\n\t_ = strings\n}\n");
  CHECK(prog->diags.render() ==
        "p.gol:6:14: undefined: strings.Nope\n"
        "p.gol:7:14: undefined: strings.builder\n"
        "p.gol:8:6: use of package strings not in selector\n");
}

TEST_CASE("exprs: calls") {
  CHECK(check("\tvf()\n") == "p.gol:21:2: not enough arguments in call to vf\n\thave ()\n\twant (int, ...string)\n");
  CHECK(check("\tnone(1)\n") == "p.gol:21:7: too many arguments in call to none\n\thave (number)\n\twant ()\n");
  CHECK(check("\tvf(1, 2)\n") == "p.gol:21:8: cannot use 2 (untyped int constant) as string value in argument to vf\n");
  CHECK(check("\tx := none()\n\t_ = x\n") == "p.gol:21:7: none() (no value) used as value\n");
  CHECK(check("\t_ = two() + 1\n") ==
        "p.gol:21:6: multiple-value two() (value of type (int, string)) in single-value context\n");
  CHECK(check("\tvar s []int\n\tnone(s...)\n") == "p.gol:22:2: cannot use ... in call to non-variadic none\n");
  CHECK(check("\tx := 1\n\tx()\n") ==
        "p.gol:22:2: invalid operation: cannot call non-function x (variable of type int)\n");
  CHECK(check("\tvf(two())\n") == "");  // f(g()) with a multi-valued g
  CHECK(check("\tvar s string\n\t_ = int(s)\n") == "p.gol:22:10: cannot convert s (variable of type string) to type int\n");
  CHECK(check("\t_ = int()\n") == "p.gol:21:6: missing argument in conversion to int\n");
  CHECK(check("\tx := 1\n\t_ = I(x)\n") ==
        "p.gol:22:8: cannot convert x (variable of type int) to type I: int does not implement I (missing method VM)\n");
  CHECK(check("\tvar s []int\n\t_ = s == 1\n") == "p.gol:22:11: cannot convert 1 (untyped int constant) to type []int\n");
  CHECK(check("\t_ = []int{{1}}\n") == "p.gol:21:12: invalid composite literal type int\n");
  // Conversions that Go accepts.
  CHECK(check("\tvar f = 2.5\n\t_, _, _ = int64(f), []byte(\"a\"), string(rune(65))\n"
              "\t_, _ = interface{}(1), (*T)(nil)\n\t_ = float32(0.1)\n") == "");
}

TEST_CASE("exprs: built-ins") {
  CHECK(check("\tx := 1\n\t_ = len(x)\n") == "p.gol:22:10: invalid argument: x (variable of type int) for len\n");
  CHECK(check("\tx := 1\n\t_ = append(x, 1)\n") ==
        "p.gol:22:13: first argument to append must be a slice; have x (variable of type int)\n");
  CHECK(check("\t_ = make(int)\n") ==
        "p.gol:21:11: invalid argument: cannot make int; type must be slice, map, or channel\n");
  CHECK(check("\t_ = make([]int)\n") == "p.gol:21:6: invalid operation: make([]int) expects 2 or 3 arguments; found 1\n");
  CHECK(check("\t_ = make([]int, 5, 2)\n") == "p.gol:21:18: invalid argument: length and capacity swapped\n");
  CHECK(check("\tpanic()\n") == "p.gol:21:2: invalid operation: not enough arguments for panic() (expected 1, found 0)\n");
  CHECK(check("\t_ = len\n") == "p.gol:21:6: len (built-in) must be called\n");
  CHECK(check("\tvar r <-chan int\n\tclose(r)\n") ==
        "p.gol:22:8: invalid operation: cannot close receive-only channel r (variable of type <-chan int)\n");
  CHECK(check("\tvar s []int\n\tvar b []byte\n\tcopy(s, b)\n") ==
        "p.gol:23:7: invalid argument: arguments to copy s (variable of type []int) and b (variable of type []byte) "
        "have different element types int and byte\n");
  CHECK(check("\tvar s []int\n\tdelete(s, 1)\n") == "p.gol:22:9: invalid argument: s (variable of type []int) is not a map\n");
  CHECK(check("\t_ = real(1)\n").find("complex numbers are not supported by gol") != std::string::npos);
  // len of an array is a constant; of a call, not.
  CHECK(check("\tvar a [3]int\n\tconst c = len(a)\n\tvar b [c]int\n\t_ = b\n") == "");
  CHECK(check("\tconst m = max(1, 2.5, -1)\n\tvar f float32 = m\n\t_ = f\n") == "");
}

TEST_CASE("exprs: index, slice, address, receive, assertion") {
  CHECK(check("\tvar a [3]int\n\t_ = a[5]\n") == "p.gol:22:8: invalid argument: index 5 out of bounds [0:3]\n");
  CHECK(check("\tx := 1\n\t_ = x[1]\n") == "p.gol:22:7: invalid operation: cannot index x (variable of type int)\n");
  CHECK(check("\tvar s []int\n\t_ = s[-1]\n") ==
        "p.gol:22:8: invalid argument: index -1 (constant of type int) must not be negative\n");
  CHECK(check("\t_ = \"abc\"[1:2:3]\n") == "p.gol:21:16: invalid operation: 3-index slice of string\n");
  CHECK(check("\tvar s []int\n\t_ = s[2:1]\n") == "p.gol:22:10: invalid slice indices: 1 < 2\n");
  CHECK(check("\t_ = &two()\n") == "p.gol:21:7: multiple-value two() (value of type (int, string)) in single-value context\n");
  CHECK(check("\t_ = &1\n") == "p.gol:21:7: invalid operation: cannot take address of 1 (untyped int constant)\n");
  CHECK(check("\tx := 1\n\t_ = *x\n") == "p.gol:22:7: invalid operation: cannot indirect x (variable of type int)\n");
  CHECK(check("\tvar c chan<- int\n\t_ = <-c\n") ==
        "p.gol:22:8: invalid operation: cannot receive from send-only channel c (variable of type chan<- int)\n");
  CHECK(check("\tx := 1\n\t_ = x.(int)\n") == "p.gol:22:6: invalid operation: x (variable of type int) is not an interface\n");
  CHECK(check("\tvar j J\n\t_ = j.(T)\n") ==
        "p.gol:22:6: impossible type assertion: j.(T)\n\tT does not implement J (method PM has pointer receiver)\n");
}

TEST_CASE("exprs: composite literals") {
  CHECK(check("\t_ = T{1, \"a\", 3}\n") == "p.gol:21:16: too many values in struct literal of type T\n");
  CHECK(check("\t_ = T{1}\n") == "p.gol:21:9: too few values in struct literal of type T\n");
  CHECK(check("\t_ = T{X: 1, 2}\n") == "p.gol:21:14: mixture of field:value and value elements in struct literal\n");
  CHECK(check("\t_ = T{Q: 1}\n") == "p.gol:21:8: unknown field Q in struct literal of type T\n");
  CHECK(check("\t_ = T{X: 1, X: 2}\n") == "p.gol:21:15: duplicate field name X in struct literal\n");
  CHECK(check("\t_ = map[string]int{\"a\": 1, \"a\": 2}\n") == "p.gol:21:29: duplicate key \"a\" in map literal\n");
  CHECK(check("\t_ = map[string]int{1}\n") == "p.gol:21:21: missing key in map literal\n");
  CHECK(check("\t_ = []int{1: 1, 1: 2}\n") == "p.gol:21:19: duplicate index 1 in array or slice literal\n");
  CHECK(check("\t_ = [2]int{1, 2, 3}\n") == "p.gol:21:19: index 2 is out of bounds (>= 2)\n");
}

TEST_CASE("exprs: the checker annotates the AST") {
  auto prog = compileSource("p.gol",
                            "package main\n\n"
                            "type S struct{ n int }\n\n"
                            "func (s *S) Inc() { s.n++ }\n\n"
                            "func main() {\n"
                            "\tx := 1\n"
                            "\tvar s S\n"
                            "\tf := func() int {\n"
                            "\t\tg := func() int { return x }\n"
                            "\t\treturn g()\n"
                            "\t}\n"
                            "\ts.Inc()\n"
                            "\t_ = f() + int(1<<2)\n"
                            "}\n");
  REQUIRE(prog->diags.render() == "");
  FuncDecl* main = mainFunc(*prog);
  REQUIRE(main);
  auto& list = main->body->list;
  REQUIRE(list.size() == 5);

  // x is captured by both literals; s has its address taken by s.Inc().
  auto* fAssign = list[2]->as<AssignStmt>();
  REQUIRE(fAssign);
  auto* outer = fAssign->rhs[0]->as<FuncLit>();
  REQUIRE(outer);
  REQUIRE(outer->captures.size() == 1);
  CHECK(outer->captures[0]->name == "x");
  CHECK(outer->captures[0]->captured);
  auto* gAssign = outer->body->list[0]->as<AssignStmt>();
  REQUIRE(gAssign);
  auto* inner = gAssign->rhs[0]->as<FuncLit>();
  REQUIRE(inner);
  REQUIRE(inner->captures.size() == 1);
  CHECK(inner->captures[0]->name == "x");

  auto* incCall = list[3]->as<ExprStmt>()->x->as<CallExpr>();
  REQUIRE(incCall);
  CHECK(incCall->callKind == CallKind::Method);
  auto* sel = incCall->fun->as<SelectorExpr>();
  REQUIRE(sel);
  REQUIRE(sel->selection);
  CHECK(sel->selection->kind == types::Selection::Kind::MethodVal);
  auto* sIdent = sel->x->as<Ident>();
  REQUIRE(sIdent);
  CHECK(sIdent->obj->as<types::Var>()->addressTaken);

  // f() + int(1<<2): a call of a function value and a constant conversion;
  // the untyped 1<<2 was given its final type int.
  auto* sum = list[4]->as<AssignStmt>()->rhs[0]->as<BinaryExpr>();
  REQUIRE(sum);
  CHECK(sum->type != nullptr);
  CHECK(types::typeString(sum->type) == "int");
  auto* fCall = sum->x->as<CallExpr>();
  REQUIRE(fCall);
  CHECK(fCall->callKind == CallKind::FuncValue);
  auto* conv = sum->y->as<CallExpr>();
  REQUIRE(conv);
  CHECK(conv->callKind == CallKind::Conversion);
  CHECK(conv->mode == ExprMode::Constant);
  CHECK(conv->value.toString() == "4");
  CHECK(types::typeString(conv->args[0]->type) == "int");
}

TEST_CASE("exprs: hostile nesting gives diagnostics, not a crash") {
  std::string deep = "\t_ = " + std::string(3000, '(') + "1" + std::string(3000, ')') + "\n";
  CHECK(check(deep) != "");  // the parser or the checker bounds the depth
  std::string sum = "\t_ = 1";
  for (int i = 0; i < 3000; ++i) sum += " + 1";
  CHECK_NOTHROW(check(sum + "\n"));
}

TEST_CASE("exprs: leftover untyped expressions get their default types") {
  auto prog = compileSource("p.gol",
                            "package main\n\nfunc main() {\n\tx := 1\n\tif x > 0 && x < 9 {\n\t}\n"
                            "\tvar p *int\n\t_ = p == nil\n}\n");
  REQUIRE(prog->diags.render() == "");
  FuncDecl* main = mainFunc(*prog);
  REQUIRE(main);
  auto* ifs = main->body->list[1]->as<IfStmt>();
  REQUIRE(ifs);
  CHECK(types::typeString(ifs->cond->type) == "bool");
  auto* cmp = ifs->cond->as<BinaryExpr>()->x;
  CHECK(types::typeString(cmp->type) == "bool");
  // The literal 0 was converted to x's type; nil stays untyped (go/types).
  CHECK(types::typeString(cmp->as<BinaryExpr>()->y->type) == "int");
  auto* eq = main->body->list[3]->as<AssignStmt>()->rhs[0]->as<BinaryExpr>();
  REQUIRE(eq);
  CHECK(types::typeString(eq->y->type) == "untyped nil");
}
