package os

import (
	goos "os"
	"syscall"
)

// Tests only: the system-call natives through Go's syscall package.

func runtimeArgs() []string { return goos.Args }

func Exit(code int)                       { goos.Exit(code) }
func Getenv(key string) string            { return goos.Getenv(key) }
func LookupEnv(key string) (string, bool) { return goos.LookupEnv(key) }
func Environ() []string                   { return goos.Environ() }
func Getpid() int                         { return goos.Getpid() }

func errnoOf(err error) int {
	if err == nil {
		return 0
	}
	return int(err.(syscall.Errno))
}

func sysSetenv(key, value string) int { return errnoOf(syscall.Setenv(key, value)) }
func sysUnsetenv(key string)          { syscall.Unsetenv(key) }
func sysHostname() (string, int) {
	name, err := goos.Hostname()
	if err != nil {
		return "", int(syscall.EINVAL)
	}
	return name, 0
}
func sysGetwd() (string, int) {
	dir, err := goos.Getwd()
	if err != nil {
		return "", int(syscall.EINVAL)
	}
	return dir, 0
}
func sysOpen(name string, flag int, perm uint32) (int, int) {
	fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, perm)
	return fd, errnoOf(err)
}
func sysRead(fd int, b []byte) (int, int) {
	n, err := syscall.Read(fd, b)
	if n < 0 {
		n = 0
	}
	return n, errnoOf(err)
}
func sysReadAll(fd int) ([]byte, int) {
	var data []byte
	buf := make([]byte, 4096)
	for {
		n, err := syscall.Read(fd, buf)
		if err != nil {
			return data, errnoOf(err)
		}
		if n == 0 {
			return data, 0
		}
		data = append(data, buf[:n]...)
	}
}
func sysWrite(fd int, b []byte) (int, int) {
	n, err := syscall.Write(fd, b)
	if n < 0 {
		n = 0
	}
	return n, errnoOf(err)
}
func sysWriteString(fd int, s string) (int, int) { return sysWrite(fd, []byte(s)) }
func sysClose(fd int) int                        { return errnoOf(syscall.Close(fd)) }
func sysFsync(fd int) int                        { return errnoOf(syscall.Fsync(fd)) }
func sysSeek(fd int, offset int64, whence int) (int64, int) {
	r, err := syscall.Seek(fd, offset, whence)
	return r, errnoOf(err)
}
func sysRemove(name string) int {
	e := syscall.Unlink(name)
	if e == nil {
		return 0
	}
	e1 := syscall.Rmdir(name)
	if e1 == nil {
		return 0
	}
	if e1 != syscall.ENOTDIR {
		e = e1
	}
	return errnoOf(e)
}
func sysRemoveAll(path string) int {
	if err := goos.RemoveAll(path); err != nil {
		return errnoOf(err.(*goos.PathError).Err)
	}
	return 0
}
func sysRename(oldpath, newpath string) int  { return errnoOf(syscall.Rename(oldpath, newpath)) }
func sysMkdir(name string, perm uint32) int  { return errnoOf(syscall.Mkdir(name, perm)) }
func sysIsDir(name string, follow bool) (bool, bool) {
	var st syscall.Stat_t
	var err error
	if follow {
		err = syscall.Stat(name, &st)
	} else {
		err = syscall.Lstat(name, &st)
	}
	return err == nil, err == nil && st.Mode&syscall.S_IFMT == syscall.S_IFDIR
}
func errnoText(code int) string { return syscall.Errno(code).Error() }
