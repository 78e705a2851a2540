// Natives of package os (see vm/natives.h for the calling convention).
//
// stdlib/os/os.gol keeps Go's API in Gol and calls small system-call
// natives (sysOpen, sysRead...) that return the C errno, 0 for success;
// the *PathError values, io.EOF and the classification (IsNotExist...) are
// built in Gol, so no native here builds anything but numbers, strings,
// []byte and []string. errnoText gives Go's message for an errno, which is
// the C library's with a lower-case first letter ("no such file or
// directory").
//
// The standard streams: writes to fd 1 go through rt::writeStdout, the
// buffer fmt shares, so os.Stdout.Write and fmt.Print stay in order; writes
// to fd 2 go through rt::writeStderr (which flushes stdout first). Before
// reading fd 0 stdout is flushed, so a prompt shows before the program
// waits. Reads are blocking read(2) calls inside a SyscallScope
// (vm/natives.h): sysmon hands the P to another M while one lasts.
//
// fmt's scanning (stdlib/fmt/scan.gol) reads fd 0 through the same sysRead
// and errnoText, registered under fmt's names.
//
// Program arguments are set once by the gol command (setProgramArgs)
// before the program starts; os.Args reads them at package init.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/print.h"
#include "vm/natives.h"

extern char** environ;

namespace gol::vm {

namespace {

std::vector<std::string>& programArgs() {
  static std::vector<std::string> args{"gol"};
  return args;
}

std::string_view argString(const uint64_t* s) {
  return {reinterpret_cast<const char*>(s[0]), static_cast<size_t>(s[1])};
}

// C strings for system calls (Gol strings are not NUL-terminated).
std::string cString(const uint64_t* s) { return std::string(argString(s)); }

void putString(uint64_t* s, std::string_view v) {
  if (v.empty()) {
    s[0] = 0;
    s[1] = 0;
    return;
  }
  void* p = rt::allocateBytes(v.size(), false);
  std::memcpy(p, v.data(), v.size());
  s[0] = reinterpret_cast<uint64_t>(p);
  s[1] = v.size();
}

void putStrings(uint64_t* s, const std::vector<std::string>& v) {
  // Each element is a string's two words: data pointer and length.
  static const rt::TypeDesc* stringLayout = rt::recordLayout("string", 16, {0});
  auto* words = static_cast<uint64_t*>(rt::allocateArray(stringLayout, v.size()));
  for (size_t i = 0; i < v.size(); ++i) putString(words + 2 * i, v[i]);
  s[0] = reinterpret_cast<uint64_t>(words);
  s[1] = v.size();
  s[2] = v.size();
}

// A string containing NUL cannot name a file; Go's syscall says EINVAL.
bool hasNul(std::string_view v) { return v.find('\0') != std::string_view::npos; }

bool runtimeArgs(Machine&, rt::G&, uint64_t* s) {
  putStrings(s, programArgs());
  return true;
}

bool exitNative(Machine& m, rt::G&, uint64_t* s) {
  m.requestExit(static_cast<int>(static_cast<int64_t>(s[0])));
  return false;
}

bool getenvNative(Machine&, rt::G&, uint64_t* s) {
  std::string key = cString(s);
  const char* v = hasNul(key) ? nullptr : std::getenv(key.c_str());
  putString(s, v ? v : "");
  return true;
}

bool lookupEnv(Machine&, rt::G&, uint64_t* s) {
  std::string key = cString(s);
  const char* v = hasNul(key) ? nullptr : std::getenv(key.c_str());
  putString(s, v ? v : "");
  s[2] = v != nullptr;
  return true;
}

bool sysSetenv(Machine&, rt::G&, uint64_t* s) {
  std::string key = cString(s), value = cString(s + 2);
  if (key.empty() || key.find('=') != std::string::npos || hasNul(key) || hasNul(value)) {
    s[0] = EINVAL;
    return true;
  }
  s[0] = ::setenv(key.c_str(), value.c_str(), 1) == 0 ? 0 : errno;
  return true;
}

bool sysUnsetenv(Machine&, rt::G&, uint64_t* s) {
  std::string key = cString(s);
  if (!key.empty() && key.find('=') == std::string::npos && !hasNul(key)) ::unsetenv(key.c_str());
  return true;
}

bool environNative(Machine&, rt::G&, uint64_t* s) {
  std::vector<std::string> v;
  for (char** e = environ; e && *e; ++e) v.emplace_back(*e);
  putStrings(s, v);
  return true;
}

bool getpid(Machine&, rt::G&, uint64_t* s) {
  s[0] = static_cast<uint64_t>(::getpid());
  return true;
}

bool sysHostname(Machine&, rt::G&, uint64_t* s) {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) {
    int e = errno;
    putString(s, "");
    s[2] = e;
    return true;
  }
  putString(s, buf);
  s[2] = 0;
  return true;
}

// Go's Getwd: $PWD when it is absolute and names the same directory as
// ".", else getcwd.
bool sysGetwd(Machine&, rt::G&, uint64_t* s) {
  struct stat dot{}, pwd{};
  const char* env = std::getenv("PWD");
  if (env && env[0] == '/' && ::stat(".", &dot) == 0 && ::stat(env, &pwd) == 0 &&
      dot.st_dev == pwd.st_dev && dot.st_ino == pwd.st_ino) {
    putString(s, env);
    s[2] = 0;
    return true;
  }
  std::vector<char> buf(4096);
  while (::getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) {
      int e = errno;
      putString(s, "");
      s[2] = e;
      return true;
    }
    buf.resize(buf.size() * 2);
  }
  putString(s, buf.data());
  s[2] = 0;
  return true;
}

bool sysOpen(Machine&, rt::G&, uint64_t* s) {
  std::string name = cString(s);
  int flag = static_cast<int>(static_cast<int64_t>(s[2]));
  auto perm = static_cast<mode_t>(s[3]);
  if (hasNul(name)) {
    s[0] = static_cast<uint64_t>(-1);
    s[1] = EINVAL;
    return true;
  }
  int fd;
  do {
    fd = ::open(name.c_str(), flag | O_CLOEXEC, perm);
  } while (fd < 0 && errno == EINTR);
  s[0] = static_cast<uint64_t>(static_cast<int64_t>(fd));
  s[1] = fd < 0 ? errno : 0;
  return true;
}

bool sysRead(Machine&, rt::G& g, uint64_t* s) {
  int fd = static_cast<int>(static_cast<int64_t>(s[0]));
  auto* data = reinterpret_cast<char*>(s[1]);
  size_t len = s[2];
  if (fd == 0) rt::flushStdout();
  ssize_t n;
  SyscallScope syscall(g);
  do {
    n = ::read(fd, data, len);
  } while (n < 0 && errno == EINTR);
  s[0] = n < 0 ? 0 : static_cast<uint64_t>(n);
  s[1] = n < 0 ? errno : 0;
  return true;
}

bool sysReadAll(Machine&, rt::G& g, uint64_t* s) {
  int fd = static_cast<int>(static_cast<int64_t>(s[0]));
  std::string all;
  char buf[65536];
  int err = 0;
  {
    SyscallScope syscall(g);
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        err = errno;
        break;
      }
      if (n == 0) break;
      all.append(buf, static_cast<size_t>(n));
    }
  }
  void* p = rt::allocateBytes(all.size(), false);
  std::memcpy(p, all.data(), all.size());
  s[0] = reinterpret_cast<uint64_t>(p);
  s[1] = all.size();
  s[2] = all.size();
  s[3] = err;
  return true;
}

// Writes all of [data, data+len) to fd; returns (bytes written, errno).
std::pair<uint64_t, int> writeAll(int fd, const char* data, size_t len) {
  if (fd == 1) {
    rt::writeStdout({data, len});
    return {len, 0};
  }
  if (fd == 2) {
    rt::writeStderr({data, len});
    return {len, 0};
  }
  size_t done = 0;
  while (done < len) {
    ssize_t n = ::write(fd, data + done, len - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return {done, errno};
    done += static_cast<size_t>(n);
  }
  return {done, 0};
}

bool sysWrite(Machine&, rt::G&, uint64_t* s) {
  auto [n, e] = writeAll(static_cast<int>(static_cast<int64_t>(s[0])),
                         reinterpret_cast<const char*>(s[1]), s[2]);
  s[0] = n;
  s[1] = e;
  return true;
}

bool sysWriteString(Machine&, rt::G&, uint64_t* s) {
  auto [n, e] = writeAll(static_cast<int>(static_cast<int64_t>(s[0])),
                         reinterpret_cast<const char*>(s[1]), s[2]);
  s[0] = n;
  s[1] = e;
  return true;
}

bool sysClose(Machine&, rt::G&, uint64_t* s) {
  int fd = static_cast<int>(static_cast<int64_t>(s[0]));
  if (fd == 1) rt::flushStdout();
  s[0] = ::close(fd) == 0 ? 0 : errno;
  return true;
}

bool sysFsync(Machine&, rt::G&, uint64_t* s) {
  int fd = static_cast<int>(static_cast<int64_t>(s[0]));
  if (fd == 1) rt::flushStdout();
  s[0] = ::fsync(fd) == 0 ? 0 : errno;
  return true;
}

bool sysSeek(Machine&, rt::G&, uint64_t* s) {
  int fd = static_cast<int>(static_cast<int64_t>(s[0]));
  off_t r = ::lseek(fd, static_cast<off_t>(s[1]), static_cast<int>(static_cast<int64_t>(s[2])));
  s[0] = r < 0 ? 0 : static_cast<uint64_t>(r);
  s[1] = r < 0 ? errno : 0;
  return true;
}

// Go's Remove: unlink, then rmdir; if both fail, rmdir's error unless it
// is ENOTDIR (the path is not a directory, so unlink's error is the real
// one).
bool sysRemove(Machine&, rt::G&, uint64_t* s) {
  std::string name = cString(s);
  if (hasNul(name)) {
    s[0] = EINVAL;
    return true;
  }
  if (::unlink(name.c_str()) == 0) {
    s[0] = 0;
    return true;
  }
  int e = errno;
  if (::rmdir(name.c_str()) == 0) {
    s[0] = 0;
    return true;
  }
  if (errno != ENOTDIR) e = errno;
  s[0] = e;
  return true;
}

bool sysRemoveAll(Machine&, rt::G&, uint64_t* s) {
  std::string path = cString(s);
  if (hasNul(path)) {
    s[0] = EINVAL;
    return true;
  }
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
  s[0] = ec && ec != std::errc::no_such_file_or_directory ? ec.value() : 0;
  return true;
}

bool sysRename(Machine&, rt::G&, uint64_t* s) {
  std::string from = cString(s), to = cString(s + 2);
  if (hasNul(from) || hasNul(to)) {
    s[0] = EINVAL;
    return true;
  }
  s[0] = ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
  return true;
}

bool sysMkdir(Machine&, rt::G&, uint64_t* s) {
  std::string name = cString(s);
  if (hasNul(name)) {
    s[0] = EINVAL;
    return true;
  }
  s[0] = ::mkdir(name.c_str(), static_cast<mode_t>(s[2])) == 0 ? 0 : errno;
  return true;
}

bool sysIsDir(Machine&, rt::G&, uint64_t* s) {
  std::string name = cString(s);
  bool follow = s[2] != 0;
  struct stat st{};
  bool exists = !hasNul(name) && (follow ? ::stat(name.c_str(), &st) : ::lstat(name.c_str(), &st)) == 0;
  s[0] = exists;
  s[1] = exists && S_ISDIR(st.st_mode);
  return true;
}

bool errnoText(Machine&, rt::G&, uint64_t* s) {
  int code = static_cast<int>(static_cast<int64_t>(s[0]));
  std::string text = std::strerror(code);
  if (text.starts_with("Unknown error")) {
    text = "errno " + std::to_string(code);  // Go's text for numbers outside its table
  } else if (text.size() >= 2 && text[0] >= 'A' && text[0] <= 'Z' && !(text[1] >= 'A' && text[1] <= 'Z')) {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');  // "No such file" but "RFS specific error"
  }
  putString(s, text);
  return true;
}

const NativeDef kOsNatives[] = {
    {"os.runtimeArgs", runtimeArgs},
    {"os.Exit", exitNative},
    {"os.Getenv", getenvNative},
    {"os.LookupEnv", lookupEnv},
    {"os.sysSetenv", sysSetenv},
    {"os.sysUnsetenv", sysUnsetenv},
    {"os.Environ", environNative},
    {"os.Getpid", getpid},
    {"os.sysHostname", sysHostname},
    {"os.sysGetwd", sysGetwd},
    {"os.sysOpen", sysOpen},
    {"os.sysRead", sysRead},
    {"os.sysReadAll", sysReadAll},
    {"os.sysWrite", sysWrite},
    {"os.sysWriteString", sysWriteString},
    {"os.sysClose", sysClose},
    {"os.sysFsync", sysFsync},
    {"os.sysSeek", sysSeek},
    {"os.sysRemove", sysRemove},
    {"os.sysRemoveAll", sysRemoveAll},
    {"os.sysRename", sysRename},
    {"os.sysMkdir", sysMkdir},
    {"os.sysIsDir", sysIsDir},
    {"os.errnoText", errnoText},
    // fmt.Scan and friends read standard input without importing os.
    {"fmt.sysRead", sysRead},
    {"fmt.errnoText", errnoText},
};

}  // namespace

void setProgramArgs(std::vector<std::string> args) { programArgs() = std::move(args); }

std::span<const NativeDef> osNatives() { return kOsNatives; }

}  // namespace gol::vm
