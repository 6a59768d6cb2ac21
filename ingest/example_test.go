package ingest_test

import (
	"context"
	"fmt"
	"io/fs"
	"log"

	"github.com/fazhi/fazhi/datasets"
	"github.com/fazhi/fazhi/ingest"
)

func ExampleExtractor_Extract() {
	ref, err := ingest.LoadReference()
	if err != nil {
		log.Fatal(err)
	}
	x, err := ingest.NewExtractor(ref)
	if err != nil {
		log.Fatal(err)
	}
	data, err := fs.ReadFile(datasets.SampleReports(), "002_d513238c1e646e12.txt")
	if err != nil {
		log.Fatal(err)
	}
	r, err := x.Extract(context.Background(), "002_d513238c1e646e12.txt", data, ingest.Meta{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Jurisdiction.Name, r.Jurisdiction.Code, r.Jurisdiction.Path, r.Year)
	for _, f := range r.Facts {
		if f.Indicator == "mediation.cases_accepted" && f.Scope == "" {
			fmt.Printf("%s = %g%s «%s»\n", f.Indicator, f.Value, f.Unit, f.Quote)
		}
	}
	// Output:
	// 古城街道 331082001 [浙江省 台州市 临海市 古城街道] 2024
	// mediation.cases_accepted = 2119件 «全年街道调委会共受理各类调解案件2119件»
}
