package sqlbox

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/duckdb/duckdb-go/v2"
)

// cellCutter turns driver values into JSON values and cuts text longer
// than max bytes (at a character boundary), counting the cuts.
type cellCutter struct {
	max int
	cut int
}

// value returns v as a JSON-friendly value: strings, json.Number (exact,
// whatever the width: HUGEINT and DECIMAL are never rounded through a
// float64), booleans, nil, and lists and objects of those. A type the
// driver returns that this code does not know is written as text, never an
// error.
func (c *cellCutter) value(v any) any {
	switch x := v.(type) {
	case nil, bool:
		return x
	case string:
		return c.text(x)
	case []byte:
		return c.text(string(x))
	case int8, int16, int32, int64, int, uint8, uint16, uint32, uint64, uint:
		return json.Number(fmt.Sprint(x))
	case float32:
		return c.float(float64(x))
	case float64:
		return c.float(x)
	case *big.Int:
		if x == nil {
			return nil
		}
		return json.Number(x.String())
	case duckdb.Decimal:
		return decimal(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case duckdb.Interval:
		return fmt.Sprintf("%d months %d days %d µs", x.Months, x.Days, x.Micros)
	case duckdb.UUID:
		return x.String()
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = c.value(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = c.value(e)
		}
		return out
	case duckdb.Map:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = c.value(e)
		}
		return out
	case duckdb.Union:
		return map[string]any{x.Tag: c.value(x.Value)}
	}
	return c.text(fmt.Sprint(v))
}

func (c *cellCutter) float(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
}

func (c *cellCutter) text(s string) string {
	if c.max <= 0 || len(s) <= c.max {
		return s
	}
	c.cut++
	end := c.max
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end]
}

// decimal renders a DECIMAL exactly, e.g. 12.50.
func decimal(d duckdb.Decimal) json.Number {
	if d.Value == nil {
		return "0"
	}
	s := new(big.Int).Abs(d.Value).String()
	scale := int(d.Scale)
	if scale > 0 {
		for len(s) <= scale {
			s = "0" + s
		}
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if d.Value.Sign() < 0 {
		s = "-" + s
	}
	return json.Number(s)
}
