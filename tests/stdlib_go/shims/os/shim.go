package os

import goos "os"

func runtimeArgs() []string { return goos.Args }
