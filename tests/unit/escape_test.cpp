// The escape analysis as codegen will read it (lang/escape.h): per variable
// and per allocation node, heap or stack; parameter tags; one declaration at
// a time as the REPL will ask. Every expectation is what Go 1.22's
// `go build -gcflags=-m` says for the same program (the -m lines are
// checked wholesale by tests/run_escape.py).
#include <doctest/doctest.h>

#include <functional>

#include "lang/escape.h"
#include "lang/frontend.h"
#include "lang/types.h"

using namespace gol::lang;

namespace {

const char* kProgram = R"(package main

type T struct{ p *int }

var sink *T

func ret() *int {
	x := 1
	return &x
}

func local() int {
	y := 2
	p := &y
	return *p
}

func alloc() {
	a := &T{}
	b := &T{}
	sink = b
	_ = a
}

func id(p *int) *int { return p }

func main() {
	_ = ret()
	_ = local()
	alloc()
	_ = id(nil)
}
)";

FuncDecl* findFunc(Program& prog, const std::string& name) {
  for (Decl* d : prog.mainFile->decls)
    if (auto* f = d->as<FuncDecl>(); f && f->name->name == name) return f;
  return nullptr;
}

types::Var* findVar(FuncDecl* f, const std::string& name) {
  types::Var* found = nullptr;
  for (Stmt* s : f->body->list)
    if (auto* a = s->as<AssignStmt>())
      for (Expr* l : a->lhs)
        if (auto* id = l->as<Ident>(); id && id->name == name && id->obj) found = id->obj->as<types::Var>();
  return found;
}

// The &T{} nodes of f, in source order.
std::vector<const Node*> ptrLits(FuncDecl* f) {
  std::vector<const Node*> out;
  for (Stmt* s : f->body->list)
    if (auto* a = s->as<AssignStmt>())
      for (Expr* r : a->rhs)
        if (auto* u = r->as<UnaryExpr>(); u && u->op == Tok::And) out.push_back(u);
  return out;
}

}  // namespace

TEST_CASE("escape: variables and sites as codegen reads them") {
  auto prog = compileSource("prog.gol", kProgram);
  REQUIRE_FALSE(prog->diags.hasErrors());
  auto result = escape::analyzeProgram(*prog, 1);

  types::Var* x = findVar(findFunc(*prog, "ret"), "x");
  types::Var* y = findVar(findFunc(*prog, "local"), "y");
  REQUIRE(x);
  REQUIRE(y);
  CHECK(result->varOnHeap(x));   // moved to heap: x
  CHECK_FALSE(result->varOnHeap(y));
  REQUIRE(result->var(y));
  CHECK(result->var(y)->addressTaken);

  auto lits = ptrLits(findFunc(*prog, "alloc"));
  REQUIRE(lits.size() == 2);
  CHECK_FALSE(result->siteOnHeap(lits[0], escape::SiteKind::PtrLit));  // &T{} does not escape
  CHECK(result->siteOnHeap(lits[1], escape::SiteKind::PtrLit));        // &T{} escapes to heap
  REQUIRE(result->site(lits[0], escape::SiteKind::PtrLit));
  CHECK(result->site(lits[0], escape::SiteKind::PtrLit)->text == "&T{}");
  // A node the analysis never named is heap: only proven sites go in a frame.
  CHECK(result->siteOnHeap(lits[0], escape::SiteKind::SliceLit));

  FuncDecl* idf = findFunc(*prog, "id");
  const auto* tags = result->tags(idf->obj);
  REQUIRE(tags);
  REQUIRE(tags->size() == 1);
  CHECK((*tags)[0].heap == -1);
  CHECK((*tags)[0].result[0] == 0);  // leaking param: p to result ~r0 level=0
}

TEST_CASE("escape: -m lines as gc prints them") {
  auto prog = compileSource("prog.gol", kProgram);
  REQUIRE_FALSE(prog->diags.hasErrors());
  auto result = escape::analyzeProgram(*prog, 1);
  std::string out = result->render(prog->sources, 1);
  CHECK(out.find("prog.gol:8:2: moved to heap: x\n") != std::string::npos);
  CHECK(out.find("prog.gol:19:7: &T{} does not escape\n") != std::string::npos);
  CHECK(out.find("prog.gol:20:7: &T{} escapes to heap\n") != std::string::npos);
  CHECK(out.find("prog.gol:25:9: leaking param: p to result ~r0 level=0\n") != std::string::npos);
  CHECK(out.find("moved to heap: y") == std::string::npos);
}

TEST_CASE("escape: -m=2 keeps the reason with the decision") {
  auto prog = compileSource("prog.gol", kProgram);
  REQUIRE_FALSE(prog->diags.hasErrors());
  auto result = escape::analyzeProgram(*prog, 2);
  const escape::VarFacts* x = result->var(findVar(findFunc(*prog, "ret"), "x"));
  REQUIRE(x);
  REQUIRE_FALSE(x->why.empty());
  CHECK(x->why[0] == "  flow: ~r0 = &x:");  // as Go's -m=2 says
  std::string out = result->render(prog->sources, 2);
  CHECK(out.find("prog.gol:8:2: x escapes to heap:\n") != std::string::npos);
}

TEST_CASE("escape: one declaration at a time") {
  auto prog = compileSource("prog.gol", kProgram);
  REQUIRE_FALSE(prog->diags.hasErrors());
  escape::Options opts;
  opts.verbosity = 1;
  opts.reportFile = prog->mainFile->pos.file;
  escape::Analyzer an(*prog, opts);
  an.analyzeFunc(findFunc(*prog, "id"));
  an.analyzeFunc(findFunc(*prog, "ret"));
  CHECK(an.result().varOnHeap(findVar(findFunc(*prog, "ret"), "x")));
  REQUIRE(an.result().tags(findFunc(*prog, "id")->obj));
  CHECK(an.result().tags(findFunc(*prog, "id")->obj)->at(0).result[0] == 0);
}
