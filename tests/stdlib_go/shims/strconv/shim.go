package strconv

import gostrconv "strconv"

func ParseFloat(s string, bitSize int) (float64, error) {
	f, err := gostrconv.ParseFloat(s, bitSize)
	if err != nil {
		ne := err.(*gostrconv.NumError)
		e := ErrSyntax
		if ne.Err == gostrconv.ErrRange {
			e = ErrRange
		}
		return f, &NumError{ne.Func, ne.Num, e}
	}
	return f, nil
}

func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return gostrconv.FormatFloat(f, fmt, prec, bitSize)
}
