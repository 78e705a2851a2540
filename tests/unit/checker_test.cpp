// The checker's declarations and statements (check_decl/stmt/assign/
// typexpr.cpp) through compileSource: programs Go accepts, programs it
// rejects with gc's exact messages (go 1.22 wording), and the annotations
// later stages read (branch targets, captures, type switch variables,
// initialisation order).
#include <doctest/doctest.h>

#include <functional>

#include "lang/frontend.h"
#include "lang/types.h"

using namespace gol::lang;

namespace {

std::string errorsOf(const std::string& src) {
  auto prog = compileSource("prog.gol", src);
  return prog->diags.render();
}

// A main package around a function body.
std::string body(const std::string& stmts) { return "package main\n\nfunc main() {\n" + stmts + "}\n"; }

void visitStmts(Stmt* s, const std::function<void(Stmt*)>& f) {
  if (!s) return;
  f(s);
  switch (s->kind) {
    case NodeKind::BlockStmt:
      for (Stmt* c : s->as<BlockStmt>()->list) visitStmts(c, f);
      break;
    case NodeKind::LabeledStmt:
      visitStmts(s->as<LabeledStmt>()->stmt, f);
      break;
    case NodeKind::ForStmt:
      visitStmts(s->as<ForStmt>()->body, f);
      break;
    case NodeKind::RangeStmt:
      visitStmts(s->as<RangeStmt>()->body, f);
      break;
    case NodeKind::IfStmt:
      visitStmts(s->as<IfStmt>()->body, f);
      visitStmts(s->as<IfStmt>()->elseStmt, f);
      break;
    case NodeKind::SwitchStmt:
      visitStmts(s->as<SwitchStmt>()->body, f);
      break;
    case NodeKind::TypeSwitchStmt:
      visitStmts(s->as<TypeSwitchStmt>()->body, f);
      break;
    case NodeKind::SelectStmt:
      visitStmts(s->as<SelectStmt>()->body, f);
      break;
    case NodeKind::CaseClause:
      for (Stmt* c : s->as<CaseClause>()->body) visitStmts(c, f);
      break;
    case NodeKind::CommClause:
      for (Stmt* c : s->as<CommClause>()->body) visitStmts(c, f);
      break;
    default:
      break;
  }
}

FuncDecl* findFunc(Program& p, const std::string& name) {
  for (Decl* d : p.mainFile->decls)
    if (auto* fd = d->as<FuncDecl>(); fd && fd->name && fd->name->name == name) return fd;
  return nullptr;
}

}  // namespace

TEST_CASE("checker accepts valid declarations and statements") {
  const char* src = R"(package main

import "fmt"

type List struct {
	next *List
	val  int
}

type Shape interface {
	Area() float64
}

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const big = 1 << 100 >> 98

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

var a, b = pair()

func pair() (int, string) { return 1, "x" }

var total = sum(1, 2, 3)

func sum(xs ...int) (n int) {
	for _, x := range xs {
		n += x
	}
	return
}

func classify(v interface{}) string {
	switch t := v.(type) {
	case int:
		return fmt.Sprint(t + 1)
	case string, bool:
		return fmt.Sprint(t)
	case nil:
		return "nil"
	default:
		return "other"
	}
}

func loop() int {
	for {
	}
}

func sw(x int) int {
	switch {
	case x > 0:
		return 1
	default:
		panic("no")
	}
}

func main() {
	var s Shape = Sq{2}
	l := &List{val: 1}
	l.next = &List{val: 2}
	m := map[string]int{}
	m["a"]++
	x, ok := m["a"]
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v := <-ch:
		_ = v
	default:
	}
	arr := [3]int{1, 2, 3}
	for i := range arr {
		arr[i] *= 2
	}
	for i := range 10 {
		_ = i
	}
	for i, r := range "héllo" {
		_, _ = i, r
	}
	p := &arr
	for i, v := range p {
		_, _ = i, v
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	x, y := 3, 4
	_ = y
	f := func() int { return x }
	defer fmt.Println("done")
	go func() {}()
	switch x {
	case 1, 2:
		fallthrough
	case 3:
	}
	const local = KB * 2
	type pt struct{ x, y int }
	var q pt
	q.x = local
	fmt.Println(s.Area(), l.next.val, ok, f(), q, a, b, total, big, MB, GB, Monday, classify(1), loop, sw)
}
)";
  CHECK(errorsOf(src) == "");
}

TEST_CASE("checker: declared and not used, imported and not used") {
  CHECK(errorsOf("package main\n\nimport \"os\"\n\nfunc main() {}\n") == "prog.gol:3:8: \"os\" imported and not used\n");
  CHECK(errorsOf("package main\n\nimport f \"fmt\"\n\nfunc main() {}\n") ==
        "prog.gol:3:8: \"fmt\" imported as f and not used\n");
  CHECK(errorsOf(body("\tx := 1\n\tx = 2\n")) == "prog.gol:4:2: x declared and not used\n");
  CHECK(errorsOf(body("\tvar i interface{} = 1\n\tswitch v := i.(type) {\n\tcase int:\n\t}\n")) ==
        "prog.gol:5:9: v declared and not used\n");
  // A variable used only inside a closure is used.
  CHECK(errorsOf(body("\tx := 1\n\tf := func() { _ = x }\n\tf()\n")) == "");
}

TEST_CASE("checker: assignments and counts") {
  CHECK(errorsOf(body("\tx := 1\n\tx := 2\n\t_ = x\n")) == "prog.gol:5:4: no new variables on left side of :=\n");
  CHECK(errorsOf("package main\n\nfunc f() int { return 1 }\n\nfunc main() {\n\ta, b := f()\n\t_, _ = a, b\n}\n") ==
        "prog.gol:6:10: assignment mismatch: 2 variables but f returns 1 value\n");
  CHECK(errorsOf(body("\ta, b := 1\n\t_, _ = a, b\n")) == "prog.gol:4:10: assignment mismatch: 2 variables but 1 value\n");
  CHECK(errorsOf(body("\tvar b byte = 256\n\t_ = b\n")) ==
        "prog.gol:4:15: cannot use 256 (untyped int constant) as byte value in variable declaration (overflows)\n");
  CHECK(errorsOf(body("\tvar i int = 1.5\n\t_ = i\n")) ==
        "prog.gol:4:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)\n");
  CHECK(errorsOf(body("\tvar s string\n\ts++\n")) == "prog.gol:5:2: invalid operation: s++ (non-numeric type string)\n");
  CHECK(errorsOf(body("\ts := \"ab\"\n\ts[0] = 'x'\n")) ==
        "prog.gol:5:2: cannot assign to s[0] (neither addressable nor a map index expression)\n");
  CHECK(errorsOf(body("\tm := map[string]struct{ x int }{}\n\tm[\"a\"].x = 1\n")) ==
        "prog.gol:5:2: cannot assign to struct field m[\"a\"].x in map\n");
  CHECK(errorsOf(body("\tvar x int\n\tx.y := 1\n")) ==
        "prog.gol:5:2: non-name x.y on left side of :=\nprog.gol:5:4: x.y undefined (type int has no field or method "
        "y)\n");
  CHECK(errorsOf(body("\tx := nil\n\t_ = x\n")) == "prog.gol:4:7: use of untyped nil in assignment\n");
}

TEST_CASE("checker: returns and missing return") {
  CHECK(errorsOf("package main\n\nfunc f() int {\n}\n\nfunc main() { f() }\n") == "prog.gol:4:1: missing return\n");
  CHECK(errorsOf("package main\n\nfunc f() int {\n\treturn\n}\n\nfunc main() { f() }\n") ==
        "prog.gol:4:2: not enough return values\n\thave ()\n\twant (int)\n");
  CHECK(errorsOf("package main\n\nfunc f() {\n\treturn 1\n}\n\nfunc main() { f() }\n") ==
        "prog.gol:4:9: too many return values\n\thave (number)\n\twant ()\n");
  CHECK(errorsOf("package main\n\nfunc f() (x int) {\n\t{\n\t\tx := 2\n\t\t_ = x\n\t\treturn\n\t}\n}\n\nfunc "
                 "main() { f() }\n") ==
        "prog.gol:7:3: result parameter x not in scope at return\n\tprog.gol:5:3: inner declaration of var x int\n");
  // for {} without break terminates; with a break it does not.
  CHECK(errorsOf("package main\n\nfunc f() int {\n\tfor {\n\t\tbreak\n\t}\n}\n\nfunc main() { f() }\n") ==
        "prog.gol:7:1: missing return\n");
  CHECK(errorsOf("package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t} else {\n\t\tpanic(x)\n\t}\n}\n\n"
                 "func main() { f(1) }\n") == "");
}

TEST_CASE("checker: branches and labels") {
  CHECK(errorsOf(body("\tbreak\n")) == "prog.gol:4:2: break is not in a loop, switch, or select\n");
  CHECK(errorsOf(body("\tcontinue\n")) == "prog.gol:4:2: continue is not in a loop\n");
  CHECK(errorsOf(body("L:\n\tfor {\n\t}\n")) == "prog.gol:4:1: label L defined and not used\n");
  CHECK(errorsOf(body("\tgoto L\n")) == "prog.gol:4:7: label L not defined\n");
  CHECK(errorsOf(body("\tswitch {\n\tcase true:\n\t\tfallthrough\n\t}\n")) ==
        "prog.gol:6:3: cannot fallthrough final case in switch\n");
  CHECK(errorsOf(body("L:\n\t{\n\t\tfor {\n\t\t\tbreak L\n\t\t}\n\t}\n")) == "prog.gol:7:10: invalid break label L\n");
  CHECK(errorsOf(body("\tgoto L\n\tx := 1\n\t_ = x\nL:\n")) ==
        "prog.gol:4:7: goto L jumps over declaration of x at prog.gol:5:4\n");
}

TEST_CASE("checker: declarations") {
  CHECK(errorsOf("package main\n\ntype T struct{ a T }\n\nfunc main() {}\n") ==
        "prog.gol:3:6: invalid recursive type: T refers to itself\n");
  CHECK(errorsOf("package main\n\ntype T struct{ a U }\ntype U struct{ b T }\n\nfunc main() {}\n") ==
        "prog.gol:3:6: invalid recursive type T\n\tprog.gol:3:6: T refers to\n\tprog.gol:4:6: U refers to\n"
        "\tprog.gol:3:6: T\n");
  CHECK(errorsOf("package main\n\nvar x = f()\n\nfunc f() int { return x }\n\nfunc main() {}\n") ==
        "prog.gol:3:5: initialization cycle for x\n\tprog.gol:3:5: x refers to\n\tprog.gol:5:6: f refers to\n"
        "\tprog.gol:3:5: x\n");
  CHECK(errorsOf("package main\n\nvar x int\nvar x string\n\nfunc main() {}\n") ==
        "prog.gol:4:5: x redeclared in this block\n\tprog.gol:3:5: other declaration of x\n");
  CHECK(errorsOf("package main\n\nfunc (int) m() {}\n\nfunc main() {}\n") ==
        "prog.gol:3:7: cannot define new methods on non-local type int\n");
  CHECK(errorsOf("package main\n\ntype T struct{ x int }\n\nfunc (T) x() {}\n\nfunc main() {}\n") ==
        "prog.gol:5:10: field and method with the same name x\n\tprog.gol:3:16: other declaration of x\n");
  CHECK(errorsOf("package main\n\nfunc main(x int) {}\n") ==
        "prog.gol:3:6: func main must have no arguments and no return values\n");
  CHECK(errorsOf("package main\n\nfunc f(a ...int, b int) {}\n\nfunc main() {}\n") ==
        "prog.gol:3:10: can only use ... with final parameter in list\n");
  CHECK(errorsOf("package main\n\nvar m map[[]int]int\n\nfunc main() {}\n") ==
        "prog.gol:3:11: invalid map key type []int\n");
  CHECK(errorsOf("package main\n\nconst c byte = 256\n\nfunc main() {}\n") ==
        "prog.gol:3:16: cannot use 256 (untyped int constant) as byte value in constant declaration (overflows)\n");
  CHECK(errorsOf("package main\n\nvar n = 3\nvar a [n]int\n\nfunc main() {}\n") ==
        "prog.gol:4:8: invalid array length n\n");
  CHECK(errorsOf("package main\n\nvar y int\nvar v y\n\nfunc main() {}\n") ==
        "prog.gol:4:7: y (variable of type int) is not a type\n");
  CHECK(errorsOf("package main\n\nfunc f()\n\nfunc main() {}\n") == "prog.gol:3:6: missing function body\n");
}

TEST_CASE("checker: gc's positions and scoping details") {
  // An error in an inherited const initialiser points at the constant.
  CHECK(errorsOf("package main\n\nconst (\n\ta byte = iota * 100\n\tb\n\tc\n\td\n)\n\nfunc main() {}\n") ==
        "prog.gol:7:2: cannot use iota * 100 (untyped int constant 300) as byte value in constant declaration "
        "(overflows)\n");
  // A non-function init is not declared at all.
  CHECK(errorsOf("package main\n\nvar init = 1\n\nfunc main() {\n\t_ = init\n}\n") ==
        "prog.gol:3:5: cannot declare init - must be func\nprog.gol:6:6: undefined: init\n");
  CHECK(errorsOf("package main\n\nimport . \"strings\"\n\nfunc main() {}\n") ==
        "prog.gol:3:8: \"strings\" imported and not used\n");
  CHECK(errorsOf("package main\n\nimport . \"strings\"\n\nfunc main() {\n\t_ = ToUpper(\"x\")\n}\n") == "");
  CHECK(errorsOf("package main\n\ntype A interface{ M() int }\ntype B interface{ M() string }\ntype C interface {\n"
                 "\tA\n\tB\n}\n\nfunc main() {}\n") ==
        "prog.gol:7:2: duplicate method M\n\tprog.gol:6:2: other declaration of M\n");
  CHECK(errorsOf("package main\n\ntype I interface{ J }\ntype J interface{ I }\n\nfunc main() {}\n") ==
        "prog.gol:3:6: invalid recursive type I\n\tprog.gol:3:6: I refers to\n\tprog.gol:4:6: J refers to\n"
        "\tprog.gol:3:6: I\n");
  CHECK(errorsOf(body("\tfor _ := range []int{} {\n\t}\n")) == "prog.gol:4:2: no new variables on left side of :=\n");
  CHECK(errorsOf(body("\tvar x undefinedType\n")) == "prog.gol:4:8: undefined: undefinedType\n");
  // Errors beyond the tenth: gc stops at the tenth reported.
  std::string many = "package main\n\nfunc main() {\n";
  for (char c = 'a'; c <= 'l'; ++c) many += std::string("\t") + c + " := 1\n";
  many += "}\n";
  std::string out = errorsOf(many);
  CHECK(out.find("prog.gol:13:2: j declared and not used\nprog.gol:13:2: too many errors\n") != std::string::npos);
}

TEST_CASE("checker: switches") {
  CHECK(errorsOf(body("\tx := 1\n\tswitch x {\n\tcase 1:\n\tcase 2, 1:\n\t}\n")) ==
        "prog.gol:7:10: duplicate case 1 (constant of type int) in expression switch\n\tprog.gol:6:7: previous case\n");
  CHECK(errorsOf("package main\n\ntype I interface{ M() }\n\nfunc main() {\n\tvar i I\n\tswitch i.(type) {\n\tcase int:\n"
                 "\t}\n}\n") ==
        "prog.gol:8:7: impossible type switch case: int\n\ti (variable of type I) cannot have dynamic type int "
        "(missing method M)\n");
  CHECK(errorsOf(body("\tx := 1\n\tif x {\n\t}\n")) == "prog.gol:5:5: non-boolean condition in if statement\n");
}

TEST_CASE("checker records branch targets, captures, type switch variables and init order") {
  const char* src = R"(package main

var b = a + 1
var a = f()

func f() int { return 2 }

func main() {
	x := 0
	inc := func() { x++ }
	inc()
	var i interface{} = 1
	switch v := i.(type) {
	case int:
		_ = v
	case string:
	}
L:
	for {
		for {
			break L
		}
	}
}
)";
  auto prog = compileSource("prog.gol", src);
  REQUIRE(prog->diags.render() == "");
  REQUIRE(prog->mainPackage);
  // Spec: a is initialised first because b depends on it.
  auto& order = prog->mainPackage->initOrder;
  REQUIRE(order.size() == 2);
  CHECK(order[0].lhs[0]->name == "a");
  CHECK(order[1].lhs[0]->name == "b");

  FuncDecl* mainFn = findFunc(*prog, "main");
  REQUIRE(mainFn);
  FuncLit* lit = nullptr;
  TypeSwitchStmt* ts = nullptr;
  LabeledStmt* labeled = nullptr;
  BranchStmt* brk = nullptr;
  visitStmts(mainFn->body, [&](Stmt* s) {
    if (auto* as = s->as<AssignStmt>(); as && !as->rhs.empty() && as->rhs[0]->is<FuncLit>())
      lit = as->rhs[0]->as<FuncLit>();
    if (s->is<TypeSwitchStmt>()) ts = s->as<TypeSwitchStmt>();
    if (s->is<LabeledStmt>()) labeled = s->as<LabeledStmt>();
    if (s->is<BranchStmt>()) brk = s->as<BranchStmt>();
  });
  REQUIRE(lit);
  REQUIRE(lit->captures.size() == 1);
  CHECK(lit->captures[0]->name == "x");
  CHECK(lit->captures[0]->captured);
  REQUIRE(ts);
  auto* c0 = ts->body->list[0]->as<CaseClause>();
  auto* c1 = ts->body->list[1]->as<CaseClause>();
  REQUIRE(c0->implicitVar);
  REQUIRE(c1->implicitVar);
  CHECK(types::typeString(c0->implicitVar->type) == "int");
  CHECK(types::typeString(c1->implicitVar->type) == "string");
  REQUIRE(labeled);
  REQUIRE(brk);
  CHECK(brk->target == labeled->stmt);
}
