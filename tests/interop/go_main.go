// Reads every valid fixture into the Go types quicktype generated from
// schemas/record.schema.json, writes each back with encoding/json, and
// compares the result with the input as parsed JSON.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
)

func main() {
	root := os.Args[1]
	var files []string
	for _, dir := range []string{"tests/fixtures/valid", "examples/records"} {
		found, err := filepath.Glob(filepath.Join(root, dir, "*.json"))
		if err != nil {
			panic(err)
		}
		files = append(files, found...)
	}
	sort.Strings(files)
	failures := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			panic(err)
		}
		var record Record
		if err := json.Unmarshal(data, &record); err != nil {
			fmt.Printf("FAIL go %s: does not load: %v\n", path, err)
			failures++
			continue
		}
		out, err := json.Marshal(&record)
		if err != nil {
			fmt.Printf("FAIL go %s: does not marshal: %v\n", path, err)
			failures++
			continue
		}
		var want, got interface{}
		if err := json.Unmarshal(data, &want); err != nil {
			panic(err)
		}
		if err := json.Unmarshal(out, &got); err != nil {
			panic(err)
		}
		if !reflect.DeepEqual(want, got) {
			fmt.Printf("FAIL go %s: marshals back differently\n%s\n", path, out)
			failures++
		}
	}
	fmt.Printf("go (quicktype): %d of %d fixtures round-trip, %d failures\n", len(files)-failures, len(files), failures)
	if failures > 0 {
		os.Exit(1)
	}
}
