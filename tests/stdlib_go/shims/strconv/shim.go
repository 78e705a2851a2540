package strconv

import gostrconv "strconv"

func parseFloat(s string, bitSize int) (float64, int) {
	f, err := gostrconv.ParseFloat(s, bitSize)
	if err != nil {
		if err.(*gostrconv.NumError).Err == gostrconv.ErrRange {
			return f, 2
		}
		return 0, 1
	}
	return f, 0
}

func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return gostrconv.FormatFloat(f, fmt, prec, bitSize)
}
