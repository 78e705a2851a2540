package math

import gomath "math"

func Float64bits(f float64) uint64     { return gomath.Float64bits(f) }
func Float64frombits(b uint64) float64 { return gomath.Float64frombits(b) }
func Float32bits(f float32) uint32     { return gomath.Float32bits(f) }
func Float32frombits(b uint32) float32 { return gomath.Float32frombits(b) }
