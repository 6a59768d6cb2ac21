// Package synth generates a deterministic synthetic corpus for benchmarks:
// reports of made-up towns and sub-districts over several years, and the
// headline values (one per jurisdiction, year and indicator) their facts
// would give, with quotes, approximate and partial values and data-quality
// flags in realistic proportions.
//
// The same Config (seed included) always gives the same output: the
// generator draws from math/rand/v2's PCG with an explicit seed, never the
// time, and a test pins seed 1's output by its hash. The rows are plain
// structs; the package imports nothing of ours (warehouse loads them, see
// warehouse.LoadSynthetic). It is for load and speed tests only: the numbers
// mean nothing.
package synth
