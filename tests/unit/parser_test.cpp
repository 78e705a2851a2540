// Parser tests: AST dumps of representative programs, operator precedence,
// the composite-literal/block ambiguity, syntax errors with gc's wording and
// positions, and robustness (every prefix of real programs, deep nesting,
// mutated input). Expected messages were produced by gc (go 1.19's
// `go tool compile`) and then written as gc 1.22 words them: "expected"
// for "expecting", assignments in conditions as "assignment x = (a + b)".
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lang/bigstack.h"
#include "lang/parser.h"

using namespace gol::lang;

namespace {

struct Parsed {
  std::string dump;
  std::string errors;
};

Parsed parse(std::string_view src, bool checkBranches = false) {
  SourceSet sources;
  int32_t f = sources.add("t.go", std::string(src));
  AstArena arena;
  Diagnostics diags(sources);
  ParseOptions options;
  options.checkBranches = checkBranches;
  File* file = nullptr;
  std::string dump;
  runOnFrontEndStack([&] {
    file = parseFile(sources, f, arena, diags, options);
    if (file) dump = dumpAst(file);
  });
  REQUIRE(file != nullptr);
  return Parsed{dump, diags.render()};
}

std::string errorsOf(std::string_view src) { return parse(src).errors; }
std::string branchErrorsOf(std::string_view src) { return parse(src, true).errors; }

// The expression with every binary and unary operation parenthesised.
std::string grouped(const Expr* x) {
  if (auto* b = x->as<BinaryExpr>()) {
    return "(" + grouped(b->x) + " " + std::string(spelling(b->op)) + " " + grouped(b->y) + ")";
  }
  if (auto* u = x->as<UnaryExpr>()) return "(" + std::string(spelling(u->op)) + grouped(u->x) + ")";
  if (auto* s = x->as<StarExpr>()) return "(*" + grouped(s->x) + ")";
  return exprString(x);
}

std::string expr(std::string_view src, std::string* errors = nullptr) {
  SourceSet sources;
  int32_t f = sources.add("t.go", std::string(src));
  AstArena arena;
  Diagnostics diags(sources);
  Expr* x = parseExpr(sources, f, arena, diags);
  if (errors) *errors = diags.render();
  return grouped(x);
}

// Parses `text` and every prefix of it; only termination and the absence
// of crashes are checked (the sanitizer builds check memory safety).
void parseAllPrefixes(const std::string& text) {
  for (size_t n = 0; n <= text.size(); ++n) (void)parse(text.substr(0, n));
}

const char* kProgram = R"(package main

import (
	"fmt"
	s "strings"
)

type Point struct {
	X, Y int `json:"x"`
	*Base
	fmt.Stringer
}

type Alias = Point

const (
	A = iota
	B
	C, D = 1 << iota, "x"
)

var m = map[string][]int{"a": {1, 2}, "b": nil}

func (p *Point) Move(dx, dy int) (int, error) {
	p.X += dx
	return p.X, nil
}

func native(x int) int

func main() {
	ch := make(chan<- int, 3)
	var rc <-chan <-chan int
	for i := 0; i < 10; i++ {
		if x := i % 2; x == 0 {
			continue
		} else if x == (Point{}).X {
			break
		}
	}
	for k, v := range m {
		fmt.Println(k, v[1:2], v[:], v[1:2:3])
	}
	for range 10 {
	}
	switch t := interface{}(1).(type) {
	case int, string:
	default:
		_ = t
	}
	select {
	case v, ok := <-rc:
		_, _ = v, ok
	case ch <- 1:
	default:
	}
L:
	goto L
	defer func() { recover() }()
	go f(1, xs...)
	y := [...]string{2: "a", 5: "b"}
	z := &Point{X: 1}
	w := p.(*Point).Move
	_ = (*Point).Move
	var fn func(int, ...string) (r int, err error)
	_ = struct{ a int }{1}
	_ = s.ToUpper
}
)";

}  // namespace

TEST_CASE("a small program") {
  Parsed p = parse("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 3 {\n\t\tfmt.Println(i)\n\t}\n}\n");
  CHECK(p.errors == "");
  CHECK(p.dump ==
        "File package main @1:1\n"
        "  GenDecl import @3:1\n"
        "    ImportSpec @3:8\n"
        "      path: BasicLit String \"fmt\" @3:8\n"
        "  FuncDecl main @5:1\n"
        "    sig: FuncType @5:1\n"
        "      params: FieldList @5:10\n"
        "    body: BlockStmt @5:13\n"
        "      RangeStmt := @6:2\n"
        "        key: Ident i @6:6\n"
        "        x: BasicLit Int 3 @6:17\n"
        "        body: BlockStmt @6:19\n"
        "          ExprStmt @7:3\n"
        "            CallExpr @7:3\n"
        "              fun: SelectorExpr @7:3\n"
        "                Ident fmt @7:3\n"
        "                Ident Println @7:7\n"
        "              arg: Ident i @7:15\n");
}

TEST_CASE("declarations") {
  Parsed p = parse(
      "package p\n"
      "import (\n\t. \"math\"\n\t_ \"os\"\n)\n"
      "const (\n\tA, B = iota, 1\n\tC\n)\n"
      "type (\n\tT struct {\n\t\ta, b int\n\t\tE `tag`\n\t}\n\tI interface {\n\t\tfmt.Stringer\n\t\tM(int) (x, y string)\n\t}\n\tU = T\n)\n"
      "func (t T) m(...int)\n");
  CHECK(p.errors == "");
  CHECK(p.dump ==
        "File package p @1:1\n"
        "  GenDecl import (grouped) @2:1\n"
        "    ImportSpec @3:2\n"
        "      name: Ident . @3:2\n"
        "      path: BasicLit String \"math\" @3:4\n"
        "    ImportSpec @4:2\n"
        "      name: Ident _ @4:2\n"
        "      path: BasicLit String \"os\" @4:4\n"
        "  GenDecl const (grouped) @6:1\n"
        "    ValueSpec iota=0 @7:2\n"
        "      name: Ident A @7:2\n"
        "      name: Ident B @7:5\n"
        "      value: Ident iota @7:9\n"
        "      value: BasicLit Int 1 @7:15\n"
        "    ValueSpec iota=1 @8:2\n"
        "      name: Ident C @8:2\n"
        "  GenDecl type (grouped) @10:1\n"
        "    TypeSpec @11:2\n"
        "      name: Ident T @11:2\n"
        "      type: StructType @11:4\n"
        "        FieldList @11:11\n"
        "          Field @12:3\n"
        "            name: Ident a @12:3\n"
        "            name: Ident b @12:6\n"
        "            type: Ident int @12:8\n"
        "          Field @13:3\n"
        "            type: Ident E @13:3\n"
        "            tag: BasicLit String `tag` @13:5\n"
        "    TypeSpec @15:2\n"
        "      name: Ident I @15:2\n"
        "      type: InterfaceType @15:4\n"
        "        FieldList @15:14\n"
        "          Field @16:3\n"
        "            type: SelectorExpr @16:3\n"
        "              Ident fmt @16:3\n"
        "              Ident Stringer @16:7\n"
        "          Field @17:3\n"
        "            name: Ident M @17:3\n"
        "            type: FuncType @17:4\n"
        "              params: FieldList @17:4\n"
        "                Field @17:5\n"
        "                  type: Ident int @17:5\n"
        "              results: FieldList @17:10\n"
        "                Field @17:11\n"
        "                  name: Ident x @17:11\n"
        "                  name: Ident y @17:14\n"
        "                  type: Ident string @17:16\n"
        "    TypeSpec alias @19:2\n"
        "      name: Ident U @19:2\n"
        "      type: Ident T @19:6\n"
        "  FuncDecl m @21:1\n"
        "    recv: FieldList @21:6\n"
        "      Field @21:7\n"
        "        name: Ident t @21:7\n"
        "        type: Ident T @21:9\n"
        "    sig: FuncType @21:1\n"
        "      params: FieldList @21:13\n"
        "        Field @21:14\n"
        "          type: Ellipsis @21:14\n"
        "            Ident int @21:17\n");
}

TEST_CASE("statements") {
  Parsed p = parse(
      "package p\nfunc f() {\n"
      "\tswitch x := g(); v := x.(type) {\n\tcase nil:\n\t}\n"
      "\tswitch {\n\tdefault:\n\t\tfallthrough\n\t}\n"
      "\tselect {\n\tcase <-c:\n\tcase x = <-c:\n\t}\n"
      "\tfor {\n\t\tbreak\n\t}\n"
      "\tfor k = range m {\n\t}\n"
      "\tx, y = y, x\n\tx <<= 2\n\tc <- 1\n\tx--\n"
      "\tdefer g()\n\tgo func() {}()\n\t{\n\t}\n\t;\n"
      "}\n");
  CHECK(p.errors == "");
  CHECK(p.dump ==
        "File package p @1:1\n"
        "  FuncDecl f @2:1\n"
        "    sig: FuncType @2:1\n"
        "      params: FieldList @2:7\n"
        "    body: BlockStmt @2:10\n"
        "      TypeSwitchStmt @3:2\n"
        "        init: AssignStmt := @3:9\n"
        "          lhs: Ident x @3:9\n"
        "          rhs: CallExpr @3:14\n"
        "            fun: Ident g @3:14\n"
        "        assign: AssignStmt := @3:19\n"
        "          lhs: Ident v @3:19\n"
        "          rhs: TypeAssertExpr @3:24\n"
        "            Ident x @3:24\n"
        "            type: (type)\n"
        "        body: BlockStmt @3:33\n"
        "          CaseClause @4:2\n"
        "            case: Ident nil @4:7\n"
        "      SwitchStmt @6:2\n"
        "        body: BlockStmt @6:9\n"
        "          CaseClause @7:2\n"
        "            default\n"
        "            BranchStmt fallthrough @8:3\n"
        "      SelectStmt @10:2\n"
        "        body: BlockStmt @10:9\n"
        "          CommClause @11:2\n"
        "            comm: ExprStmt @11:7\n"
        "              UnaryExpr <- @11:7\n"
        "                Ident c @11:9\n"
        "          CommClause @12:2\n"
        "            comm: AssignStmt = @12:7\n"
        "              lhs: Ident x @12:7\n"
        "              rhs: UnaryExpr <- @12:11\n"
        "                Ident c @12:13\n"
        "      ForStmt @14:2\n"
        "        body: BlockStmt @14:6\n"
        "          BranchStmt break @15:3\n"
        "      RangeStmt = @17:2\n"
        "        key: Ident k @17:6\n"
        "        x: Ident m @17:16\n"
        "        body: BlockStmt @17:18\n"
        "      AssignStmt = @19:2\n"
        "        lhs: Ident x @19:2\n"
        "        lhs: Ident y @19:5\n"
        "        rhs: Ident y @19:9\n"
        "        rhs: Ident x @19:12\n"
        "      AssignStmt <<= @20:2\n"
        "        lhs: Ident x @20:2\n"
        "        rhs: BasicLit Int 2 @20:8\n"
        "      SendStmt @21:2\n"
        "        chan: Ident c @21:2\n"
        "        value: BasicLit Int 1 @21:7\n"
        "      IncDecStmt -- @22:2\n"
        "        Ident x @22:2\n"
        "      DeferStmt @23:2\n"
        "        CallExpr @23:8\n"
        "          fun: Ident g @23:8\n"
        "      GoStmt @24:2\n"
        "        CallExpr @24:5\n"
        "          fun: FuncLit @24:5\n"
        "            FuncType @24:5\n"
        "              params: FieldList @24:9\n"
        "            BlockStmt @24:12\n"
        "      BlockStmt @25:2\n"
        "      EmptyStmt @27:2\n");
}

TEST_CASE("labels, goto and range without variables") {
  Parsed p = parse("package p\nfunc f() {\nouter:\n\tfor range c {\n\t\tcontinue outer\n\t}\n\tgoto end\nend:\n}\n");
  CHECK(p.errors == "");
  CHECK(p.dump.find("LabeledStmt @3:1\n        label: Ident outer @3:1\n        RangeStmt @4:2\n") !=
        std::string::npos);
  CHECK(p.dump.find("BranchStmt continue @5:3\n              label: Ident outer @5:12\n") != std::string::npos);
  CHECK(p.dump.find("LabeledStmt @8:1\n        label: Ident end @8:1\n        EmptyStmt implicit @9:1\n") !=
        std::string::npos);
}

TEST_CASE("every program of the corpus shape parses without errors") {
  Parsed p = parse(kProgram);
  CHECK(p.errors == "");
}

TEST_CASE("operator precedence and associativity") {
  CHECK(expr("a + b * c") == "(a + (b * c))");
  CHECK(expr("a * b + c") == "((a * b) + c)");
  CHECK(expr("a - b - c") == "((a - b) - c)");
  CHECK(expr("a || b && c == d") == "(a || (b && (c == d)))");
  CHECK(expr("a == b < c") == "((a == b) < c)");
  CHECK(expr("-a * b") == "((-a) * b)");
  CHECK(expr("a << 1 + b & c | d ^ e") == "((((a << 1) + (b & c)) | d) ^ e)");
  CHECK(expr("a &^ b % c / d") == "(((a &^ b) % c) / d)");
  CHECK(expr("!a && <-c != *p") == "((!a) && ((<-c) != (*p)))");
  CHECK(expr("^x + &y") == "((^x) + (&y))");
  CHECK(expr("x >= 1 || y <= 2 && z > 3 || w < 4") == "(((x >= 1) || ((y <= 2) && (z > 3))) || (w < 4))");
  CHECK(expr("f(a + b)[i].c * 2") == "(f(a + b)[i].c * 2)");
}

TEST_CASE("primary expressions") {
  CHECK(expr("a.b.c(d, e...)[1:2][:3:4]") == "a.b.c(d, e...)[1:2][:3:4]");
  CHECK(expr("x.(T).y") == "x.(T).y");
  CHECK(expr("[]int{1, 2}[0]") == "[]int{…}[0]");
  CHECK(expr("map[string]*T{}") == "map[string]*T{…}");
  CHECK(expr("func(x int) bool { return x > 0 }(3)") == "func(x int) bool {…}(3)");
  CHECK(expr("struct{ a, b int; c string `t` }{}") == "struct{a, b int; c string `t`}{…}");
  CHECK(expr("interface{ M(); fmt.Stringer }(nil)") == "interface{M(); fmt.Stringer}(nil)");
  CHECK(expr("(*T).m") == "(*T).m");
  CHECK(expr("[...]T{}") == "[...]T{…}");
  CHECK(expr("func(a, b int, c ...string) (int, error)(nil)") == "func(a, b int, c ...string) (int, error)(nil)");
}

TEST_CASE("channel types associate as the spec says") {
  CHECK(expr("(<-chan <-chan int)(nil)") == "(<-chan <-chan int)(nil)");
  CHECK(expr("(chan<- chan int)(nil)") == "(chan<- chan int)(nil)");
  CHECK(expr("(chan<- <-chan int)(nil)") == "(chan<- <-chan int)(nil)");
  CHECK(expr("(chan (<-chan int))(nil)") == "(chan (<-chan int))(nil)");
  CHECK(expr("<-chan int(c)") == "(<-chan int(c))");  // a receive from a conversion
  std::string errors;
  expr("<-<-chan int(nil)", &errors);
  CHECK(errors == "");
  expr("(<-chan<- int)(nil)", &errors);
  CHECK(errors == "t.go:1:14: syntax error: unexpected int, expected chan\n");
  CHECK(errorsOf("package p\nvar x <-<-chan int\n") ==
        "t.go:2:9: syntax error: unexpected <-, expected chan\n");
}

TEST_CASE("composite literals versus blocks in control clauses") {
  // In a header, T{ starts the block...
  CHECK(errorsOf("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n") ==
        "t.go:3:14: syntax error: unexpected { at end of statement\n"
        "t.go:5:1: syntax error: non-declaration statement outside function body\n");
  // ... unless parenthesised or the type is a literal type.
  CHECK(errorsOf("package p\nfunc f() {\n\tif x == (T{}) {\n\t}\n\tfor _, v := range []int{1} {\n\t}\n"
                 "\tswitch x := (T{}); x {\n\t}\n\tif (T{}) == x {\n\t}\n\tfor p.x {\n\t}\n}\n") == "");
  // Inside parentheses and calls in a header, literals are allowed again.
  CHECK(errorsOf("package p\nfunc f() {\n\tif g(T{}) {\n\t}\n\tfor _, x := range f(T{1}) {\n\t}\n}\n") == "");
  // Elided types in nested literals.
  Parsed p = parse("package p\nvar x = [][]P{{{1, 2}}, {}}\n");
  CHECK(p.errors == "");
  CHECK(p.dump.find("value: CompositeLit @2:9\n        type: ArrayType @2:9\n") != std::string::npos);
  CHECK(p.dump.find("        CompositeLit @2:15\n          CompositeLit @2:16\n") != std::string::npos);
  CHECK(errorsOf("package p\nvar x = (T){1}\n") ==
        "t.go:2:12: syntax error: cannot parenthesize type in composite literal\n");
}

TEST_CASE("syntax errors read like gc's, at gc's positions") {
  struct Case {
    const char* src;
    const char* errors;
  };
  const Case cases[] = {
      {"package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n",
       "t.go:3:7: syntax error: cannot use assignment x = 1 as value\n"},
      {"package p\nfunc f() {\n\tif x = a + b {\n\t}\n}\n",
       "t.go:3:7: syntax error: cannot use assignment x = (a + b) as value\n"},
      {"package p\nfunc f() {\n\tswitch x := 5 {\n\t}\n}\n",
       "t.go:3:11: syntax error: cannot use x := 5 as value\n"},
      {"package p\nfunc f() {\n\tfor x++ {\n\t}\n}\n", "t.go:3:7: syntax error: cannot use x++ as value\n"},
      {"package p\nfunc f() {\n\tdefer fmt.Println\n}\n", "t.go:3:8: expression in defer must be function call\n"},
      {"package p\nfunc f() {\n\tdefer (f())\n}\n", "t.go:3:8: expression in defer must not be parenthesized\n"},
      {"package p\nfunc f() {\n\tgo func(){}\n}\n", "t.go:3:5: expression in go must be function call\n"},
      {"package p\nfunc f() {\n\tf(1\n}\n",
       "t.go:3:5: syntax error: unexpected newline in argument list; possibly missing comma or )\n"},
      {"package p\nx := 1\n", "t.go:2:1: syntax error: non-declaration statement outside function body\n"},
      {"package p\nfunc f()\n{\n}\n", "t.go:3:1: syntax error: unexpected semicolon or newline before {\n"},
      {"package p\nfunc f() {\n\tif x {\n\t}\n\telse {\n\t}\n}\n",
       "t.go:5:2: syntax error: unexpected else, expected }\n"},
      {"package p\nfunc f() {\n\tfor i := 0; i < 10; i := 1 {\n\t}\n}\n",
       "t.go:3:24: syntax error: cannot declare in post statement of for loop\n"},
      {"package p\nfunc f() {\n\tif x\n\t{\n\t}\n}\n",
       "t.go:3:6: syntax error: unexpected newline, expected { after if clause\n"},
      {"package p\nfunc f() {\n\tx := 1 2\n}\n", "t.go:3:9: syntax error: unexpected literal 2 at end of statement\n"},
      {"package p\nfunc f(a, b int, c) {\n}\n", "t.go:2:18: syntax error: mixed named and unnamed parameters\n"},
      {"package p\nfunc f() {\n\tx++ = 1\n}\n", "t.go:3:6: syntax error: unexpected = at end of statement\n"},
      {"package p\nvar x = [...]int{1,2\n}\n",
       "t.go:2:21: syntax error: unexpected newline in composite literal; possibly missing comma or }\n"},
      {"package p\nfunc f() {\n\tx := [\n}\n", "t.go:4:1: syntax error: unexpected }, expected expression\n"},
      {"package p\nfunc f() {\n\tif {\n\t}\n}\n", "t.go:3:5: syntax error: missing condition in if statement\n"},
      {"package p\nfunc f() {\n\tif x := 1; {\n\t}\n}\n",
       "t.go:3:11: syntax error: missing condition in if statement\n"},
      {"package p\nfunc f() {\n\ta[1:2:]\n\tb[1::3]\n}\n",
       "t.go:3:8: final index required in 3-index slice\nt.go:4:6: middle index required in 3-index slice\n"},
      {"package p\nfunc f() {\n\tx.\n}\n", "t.go:4:1: syntax error: unexpected }, expected name or (\n"},
      {"package p\nimport \"a\"\nvar x int\nimport \"b\"\n",
       "t.go:4:1: syntax error: imports must appear before other declarations\n"},
      {"package p\nimport 5\n", "t.go:2:8: syntax error: import path must be a string\n"},
      {"package p\nimport\n", "t.go:3:1: syntax error: missing import path\n"},
      {"package p\nfunc f() {\n\tfor i := range x; i < 3 {\n\t}\n}\n",
       "t.go:3:18: syntax error: unexpected semicolon, expected { after for clause\n"},
      {"package p\nfunc f() int {\n\treturn\n}}\n",
       "t.go:4:2: syntax error: unexpected } after top level declaration\n"},
      {"func f() {}\n", "t.go:1:1: syntax error: package statement must be first\n"},
      {"package p\nfunc f(a int b int) {}\n",
       "t.go:2:14: syntax error: unexpected b in parameter list; possibly missing comma or )\n"},
      {"package p\ntype T struct {\n\ta int,\n}\n",
       "t.go:3:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }\n"},
      {"package p\nfunc f() {\n\tfor var i = 0; i < 3; i++ {}\n}\n",
       "t.go:3:10: syntax error: var declaration not allowed in for initializer\n"},
      {"package p\nconst x := 1\n", "t.go:2:9: syntax error: unexpected :=, expected =\n"},
      {"package p\ntype T\n", "t.go:2:7: syntax error: unexpected newline in type declaration\n"},
      {"package p\nvar a = [2,]int{}\n", "t.go:2:11: syntax error: unexpected comma; expected ]\n"},
      {"package p\nfunc f() {\n\tx[] = 1\n}\n", "t.go:3:4: syntax error: unexpected ], expected operand\n"},
      {"package p\nfunc f() {\n\tx[1 2] = 1\n}\n", "t.go:3:6: syntax error: unexpected literal 2, expected comma, : or ]\n"},
      {"package p\nfunc f() {\n\tswitch x {\n\tfoo\n\t}\n}\n",
       "t.go:4:2: syntax error: unexpected foo, expected case or default or }\nt.go:5:2: syntax error: unexpected }, expected :\n"},
      {"package p\nfunc f() {\n\tif x {} else for {}\n}\n",
       "t.go:3:15: syntax error: else must be followed by if or statement block\n"},
      {"package p\nfunc f() {\n\t@\n}\n", "t.go:3:2: invalid character U+0040 '@'\n"},
      {"package p\nfunc main() {\n\tfmt.Println(\"a\" \"b\")\n}\n",
       "t.go:3:18: syntax error: unexpected literal \"b\" in argument list; possibly missing comma or )\n"},
      {"package p\nfunc (a, b T) f() {}\n", "t.go:2:15: method has multiple receivers\n"},
      {"package p\nfunc () f() {}\n", "t.go:2:9: method has no receiver\n"},
      {"package p\nfunc f(...) {}\n", "t.go:2:11: syntax error: ... is missing type\n"},
      {"package p\nfunc f() {\n\tvar x chan\n}\n", "t.go:4:1: syntax error: missing channel element type\n"},
      {"package p\nfunc f() {\n\tL:\n\tx = 1 = 2\n}\n",
       "t.go:4:8: syntax error: unexpected = at end of statement\n"},
      {"package p\nfunc f() {\n\ta, b\n}\n", "t.go:3:6: syntax error: unexpected newline, expected := or = or comma\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.src);
    CHECK(errorsOf(c.src) == c.errors);
  }
}

TEST_CASE("branch checks, as gc's syntax package does them") {
  struct Case {
    const char* src;
    const char* errors;
  };
  const Case cases[] = {
      {"package p\nfunc f() {\n\tgoto L\n\tx := 1\n\t_ = x\nL:\n}\n",
       "t.go:3:7: goto L jumps over declaration of x at t.go:4:4\n"},
      {"package p\nfunc f() {\n\tgoto L\n\t{\n\tL:\n\t}\n}\n",
       "t.go:3:7: goto L jumps into block starting at t.go:4:2\n"},
      {"package p\nfunc f() {\nL:\nL:\n\tgoto L\n}\n", "t.go:4:1: label L already defined at t.go:3:1\n"},
      {"package p\nfunc f() {\n\tbreak\n\tcontinue\n\tswitch {\n\tcase true:\n\t\tfallthrough\n\t}\n}\n",
       "t.go:3:2: break is not in a loop, switch, or select\nt.go:4:2: continue is not in a loop\n"
       "t.go:7:3: cannot fallthrough final case in switch\n"},
      {"package p\nfunc f() {\nL:\n\t{\n\t\tbreak L\n\t}\n\tfor {\n\t\tcontinue M\n\t}\n}\n",
       "t.go:5:9: invalid break label L\nt.go:8:12: continue label not defined: M\n"},
      {"package p\nfunc f() {\n\tL:\n}\n", "t.go:3:2: label L defined and not used\n"},
      {"package p\nfunc f() {\n\tgoto L\n}\n", "t.go:3:7: label L not defined\n"},
      {"package p\nfunc f(x interface{}) {\n\tswitch x.(type) {\n\tcase int:\n\t\tfallthrough\n\tdefault:\n\t}\n"
       "\tswitch {\n\tcase true:\n\t\tif true {\n\t\t\tfallthrough\n\t\t}\n\tcase false:\n\t\tfallthrough\n"
       "\t\tprintln()\n\tdefault:\n\t}\n}\n",
       "t.go:5:3: cannot fallthrough in type switch\nt.go:11:4: fallthrough statement out of place\n"
       "t.go:14:3: fallthrough statement out of place\n"},
      {"package p\nfunc f() {\nL:\n\tfor {\n\t\tselect {\n\t\tdefault:\n\t\t\tbreak L\n\t\t}\n\t\tcontinue L\n\t}\n"
       "M:\n\tif true {\n\t\tbreak M\n\t}\n\tgoto N\n\tfunc() {\n\tN:\n\t}()\n\tvar y int\n\t_ = y\nN:\n\tgoto M\n}\n",
       "t.go:13:9: invalid break label M\nt.go:15:7: goto N jumps over declaration of y at t.go:19:6\n"
       "t.go:17:2: label N defined and not used\n"},
      // Valid uses, including a backward goto and labeled continue/break.
      {"package p\nfunc f() {\nL:\n\tfor range c {\n\t\tswitch {\n\t\tcase true:\n\t\t\tfallthrough\n\t\tdefault:\n"
       "\t\t\tcontinue L\n\t\t}\n\t\tbreak L\n\t}\nM:\n\tgoto M\n}\n",
       ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.src);
    CHECK(branchErrorsOf(c.src) == c.errors);
  }
}

TEST_CASE("branch targets are recorded") {
  SourceSet sources;
  int32_t f = sources.add("t.go", "package p\nfunc f() {\nL:\n\tfor {\n\t\tbreak L\n\t}\n}\n");
  AstArena arena;
  Diagnostics diags(sources);
  ParseOptions options;
  options.checkBranches = true;
  File* file = parseFile(sources, f, arena, diags, options);
  REQUIRE(!diags.hasErrors());
  auto* body = file->decls[0]->as<FuncDecl>()->body;
  auto* labeled = body->list[0]->as<LabeledStmt>();
  REQUIRE(labeled);
  auto* loop = labeled->stmt->as<ForStmt>();
  REQUIRE(loop);
  auto* br = loop->body->list[0]->as<BranchStmt>();
  REQUIRE(br);
  CHECK(br->target == loop);
}

TEST_CASE("malformed literals are marked bad for the checker") {
  Parsed p = parse("package p\nvar x = 0778\nvar y = 0777\n");
  CHECK(p.errors == "t.go:2:12: invalid digit '8' in octal literal\n");
  SourceSet sources;
  int32_t f = sources.add("t.go", "0778 + 0777");
  AstArena arena;
  Diagnostics diags(sources);
  auto* sum = parseExpr(sources, f, arena, diags)->as<BinaryExpr>();
  REQUIRE(sum);
  CHECK(sum->x->as<BasicLit>()->bad);
  CHECK(!sum->y->as<BasicLit>()->bad);
}

TEST_CASE("generics are reported, not misparsed") {
  CHECK(errorsOf("package p\nfunc f[T any](x T) T { return x }\n") ==
        "t.go:2:7: generic type parameters are not supported by gol\n");
  // Reported once per file.
  CHECK(errorsOf("package p\ntype L[T any] struct{ next *L[T] }\nfunc f[T any]() {}\n") ==
        "t.go:2:7: generic type parameters are not supported by gol\n");
  CHECK(errorsOf("package p\nvar x List[int]\n") == "t.go:2:11: generic type instantiation is not supported by gol\n");
  CHECK(errorsOf("package p\nvar x = f[int, string](1)\n") ==
        "t.go:2:14: generic type instantiation is not supported by gol\n");
  CHECK(errorsOf("package p\ntype N interface{ ~int | float64 }\n") ==
        "t.go:2:19: type constraints (~T, A | B) are not supported by gol\n");
  // Array types in type declarations stay array types.
  CHECK(errorsOf("package p\nconst N = 2\ntype A [N]int\ntype B [N * 2]int\ntype C []int\n") == "");
}

TEST_CASE("errors do not cascade and several are reported") {
  CHECK(errorsOf("package p\nfunc f() {\n\tx := 1 2\n\ty := 3 4\n}\nfunc g() {\n\tif {\n\t}\n}\n") ==
        "t.go:3:9: syntax error: unexpected literal 2 at end of statement\n"
        "t.go:4:9: syntax error: unexpected literal 4 at end of statement\n"
        "t.go:7:5: syntax error: missing condition in if statement\n");
}

TEST_CASE("truncated input: every prefix of real programs parses") {
  parseAllPrefixes(kProgram);
  parseAllPrefixes("package p\nfunc f() { switch x := y.(type) { case int: select { case c <- 1: } } }\n");
  Parsed p = parse("package p\nfunc f() {");
  CHECK(p.errors == "t.go:2:11: syntax error: unexpected EOF, expected }\n");
}

TEST_CASE("nesting is bounded") {
  std::string deep = "package p\nvar x = " + std::string(100000, '(') + "x" + std::string(100000, ')') + "\n";
  CHECK(parse(deep).errors.find("exceeded max nesting depth") != std::string::npos);
  std::string blocks = "package p\nfunc f() {" + std::string(100000, '{') + std::string(100000, '}') + "}\n";
  CHECK(parse(blocks).errors.find("exceeded max nesting depth") != std::string::npos);
  std::string types = "package p\nvar x ";
  for (int i = 0; i < 50000; ++i) types += "[]";
  CHECK(parse(types + "int\n").errors.find("exceeded max nesting depth") != std::string::npos);
  std::string chain = "package p\nvar x = a";
  for (int i = 0; i < 50000; ++i) chain += "+a";
  CHECK(parse(chain + "\n").errors.find("exceeded max nesting depth") != std::string::npos);
  // Moderate nesting is fine.
  std::string ok = "package p\nvar x = " + std::string(200, '(') + "x" + std::string(200, ')') + "\n";
  CHECK(parse(ok).errors == "");
}

TEST_CASE("garbage never loops or crashes") {
  std::string text = kProgram;
  uint32_t seed = 12345;
  auto rnd = [&] {
    seed = seed * 1103515245 + 12345;
    return (seed >> 16) & 0x7fff;
  };
  const char alphabet[] = "(){}[];,.:=<-+*&|^!\"'`/\n x1_";
  for (int k = 0; k < 300; ++k) {
    std::string m = text;
    for (int e = 0; e < 3; ++e) {
      size_t pos = rnd() % (m.size() + 1);
      switch (rnd() % 3) {
        case 0:
          if (pos < m.size()) m.erase(pos, 1 + rnd() % 8);
          break;
        case 1:
          m.insert(pos, 1, alphabet[rnd() % (sizeof(alphabet) - 1)]);
          break;
        default: {
          size_t from = rnd() % (m.size() + 1);
          m.insert(pos, m.substr(from, rnd() % 20));
        }
      }
    }
    (void)parse(m);
  }
  std::string bytes;
  for (int i = 0; i < 5000; ++i) bytes += static_cast<char>((i * 7919 + 13) % 256);
  (void)parse(bytes);
  (void)parse("package p\n" + bytes);
}

TEST_CASE("exprString prints gc's short form") {
  SourceSet sources;
  auto str = [&](const char* src) {
    int32_t f = sources.add("t.go", src);
    static AstArena arena;
    Diagnostics diags(sources);
    return exprString(parseExpr(sources, f, arena, diags));
  };
  CHECK(str("x + y*2") == "x + y * 2");
  CHECK(str("T{1, 2}") == "T{…}");
  CHECK(str("func() {}") == "func() {…}");
  CHECK(str("a[i:j]") == "a[i:j]");
  CHECK(str("&x") == "&x");
  CHECK(str("m[k]") == "m[k]");
  CHECK(str("p.(type)") == "p.(type)");
  CHECK(str("map[string]chan<- int") == "map[string]chan<- int");
  CHECK(str("'a'") == "'a'");
}
