package warehouse_test

import (
	"context"
	"fmt"
	"log"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
)

func ExampleDB_Load() {
	ctx := context.Background()
	db, err := warehouse.Open(ctx, warehouse.Config{Path: ":memory:"})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	text := "全年共受理矛盾纠纷374件。"
	report := ingest.Report{
		ID: "0123456789abcdef", SHA256: "0123456789abcdef" + "00000000000000000000000000000000000000000000000",
		Source: "example.txt", Text: text, Year: 2023,
		Jurisdiction: ingest.Jurisdiction{Name: "垡头街道", Level: "街道", Code: "110105019"},
		Facts: []ingest.Fact{{Indicator: "mediation.cases_accepted", Value: 374, Unit: "件", RawUnit: "件",
			Quote: "全年共受理矛盾纠纷374件", Start: 9, End: 12, Flags: []string{}}},
	}
	b, err := ingest.NewBatch(memory.NewGoAllocator(), []ingest.Report{report})
	if err != nil {
		log.Fatal(err)
	}
	defer b.Release()
	for i := 0; i < 2; i++ { // the second load of the same content is a no-op
		res, err := db.Load(ctx, b)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("stored %d, unchanged %d, facts %d\n", res.Stored, res.Unchanged, res.Facts)
	}
	// Output:
	// stored 1, unchanged 0, facts 1
	// stored 0, unchanged 1, facts 0
}
