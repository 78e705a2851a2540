package rand

import gomath "math"

func sqrt(x float64) float64 { return gomath.Sqrt(x) }
func ln(x float64) float64   { return gomath.Log(x) }
func runtimeSeed() int64     { return 1 }
