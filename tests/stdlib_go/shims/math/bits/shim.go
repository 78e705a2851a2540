package bits

import gobits "math/bits"

func div128(hi, lo, y uint64) (quo, rem uint64) { return gobits.Div64(hi, lo, y) }
