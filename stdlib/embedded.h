// The standard library's Gol sources, embedded in the binary.
//
// A package of the standard library is the set of .gol files in
// stdlib/<import path>/. Functions implemented natively in C++ are declared
// there without a body, as Go declares functions implemented in assembly.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace gol::stdlib {

struct EmbeddedFile {
  std::string_view importPath;  // "fmt", "math/bits"
  std::string_view fileName;    // "stdlib/fmt/print.gol", for positions
  std::string_view text;
};

std::span<const EmbeddedFile> embeddedFiles();

// The files of one package, or empty when there is no such package.
std::vector<const EmbeddedFile*> packageFiles(std::string_view importPath);

// Whether Go 1.22's standard library has a public package of that path
// ("net/http"), so that an import gol cannot satisfy is reported as a
// package gol lacks rather than one that does not exist.
bool isGoStdPackage(std::string_view importPath);

}  // namespace gol::stdlib
