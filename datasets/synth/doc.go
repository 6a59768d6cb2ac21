// Package synth generates deterministic synthetic corpora for tests and
// benchmarks: report files (Texts, WriteCorpus) of real divisions over
// several years, made of the sentence patterns real reports use, with the
// truth beside each, which `fazhi synth` writes and the benchmarks ingest
// through the real pipeline; and rows (Config.All) of reports and the
// headline values their facts would give, with quotes, approximate and
// partial values and data-quality flags in realistic proportions.
//
// The same Config (seed included) always gives the same output: the
// generator draws from math/rand/v2's PCG with an explicit seed, never the
// time, and a test pins seed 1's output by its hash. The rows are plain
// structs; the package imports only the division table (the warehouse's
// tests load the rows directly, with a loader that lives in their test
// files). It is for load and speed tests only: the numbers mean nothing.
package synth
