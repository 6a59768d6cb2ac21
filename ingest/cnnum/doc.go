// Package cnnum reads numbers as they are written in Chinese government
// reports: Arabic digits with thousands separators and decimals (301,383,
// 98.20), the multipliers 万 亿 千 百 (1.5万, 3亿), Chinese numerals (两, 十二,
// 一万余, 二十余, 百余) and mixed forms (1.5万余), together with the
// qualifiers that make a figure approximate (suffix 余 多 以上 左右, prefix
// 近 约 超 超过 逾 ...) and the kind of each: a lower bound (300余, 超过300),
// an estimate (约300, 300左右) or a figure just above the true value (近500).
//
// The parser works on normalised (half-width) UTF-8 text at a byte offset,
// never allocates, and reports the exact byte span of the numeral so that
// callers can store it as evidence.
package cnnum
