package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tonsim/tonsim/upgradable"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("schema/lines.schema.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("lines.schema.json", doc))
	s, err := c.Compile("lines.schema.json")
	require.NoError(t, err)
	return s
}

// TestJSONSchema checks every line the examples print with --json (run,
// test, get, preflight and trace) against the documented schema, and that
// every kind of line was seen.
func TestJSONSchema(t *testing.T) {
	schema := compileSchema(t)
	examples, err := filepath.Glob("../../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, examples)
	var runs [][]string
	for _, ex := range examples {
		runs = append(runs, []string{"run", "--json", ex})
	}
	runs = append(runs,
		[]string{"test", "--json", "../../examples"},
		[]string{"get", "--json", "../../examples/01-upgrade.yaml", "counter", "owner"},
		[]string{"get", "--json", "../../examples/04-brick.yaml", "counter", "value"},
		[]string{"preflight", "--json", "../../examples/01-upgrade.yaml", "counter", "counter.v3"},
		[]string{"run", "--json", "testdata/failing.yaml"},
		[]string{"run", "--json", "--max-transactions", "1", "../../examples/01-upgrade.yaml"},
		[]string{"preflight", "--json", "../../examples/21-brick-reinstall.yaml", "counter", "counter.v3"},
		[]string{"upgrades", "--json", "counter.v1", "counter.v2", "counter.v3"},
		[]string{"upgrades", "--json", "vault.v1", "vault.v2", "vault.v2bad"},
		[]string{"layout", "--json", "counter.v1", "counter.v3"},
		[]string{"layout", "--json", "--allow", "remove,retype", "direct.v2", "direct.v1"},
		[]string{"layout", "--json", "vault.v1", "vault.v2"},
		[]string{"trace", "--json", "--step", "4", "../../examples/04-brick.yaml"},
		[]string{"trace", "--json", "--step", "2", "../../examples/04-brick.yaml"},
		[]string{"trace", "--json", "--step", "5", "../../examples/04-brick.yaml"},
		[]string{"trace", "--json", "--step", "1", "--tx", "1", "../../examples/01-upgrade.yaml"},
	)
	kinds := map[string]int{}
	for _, args := range runs {
		var stdout, stderr bytes.Buffer
		run(args, &stdout, &stderr)
		require.NotZero(t, stdout.Len(), "%v printed nothing: %s", args, stderr.String())
		sc := bufio.NewScanner(&stdout)
		sc.Buffer(nil, 1<<24)
		for n := 1; sc.Scan(); n++ {
			line := sc.Bytes()
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
			require.NoError(t, err, "%v line %d is not JSON", args, n)
			if err := schema.Validate(v); err != nil {
				t.Errorf("%v line %d does not match the schema: %v\n%s", args, n, err, line)
			}
			var k struct{ Kind string }
			require.NoError(t, json.Unmarshal(line, &k))
			kinds[k.Kind]++
		}
	}
	for _, kind := range []string{"config", "tx", "get", "preflight", "failure", "test", "summary", "trace", "upgrades", "commit", "reinstall", "migrate", "layout", "error"} {
		assert.Positive(t, kinds[kind], "no %q line was checked", kind)
	}
}

// TestJSONSchemaRefuses shows the schema test can fail: a line with a
// field renamed, or a raw address where a nanoton amount goes, does not
// match.
func TestJSONSchemaRefuses(t *testing.T) {
	schema := compileSchema(t)
	for _, line := range []string{
		`{"kind":"config","profile":"x","global_version":14}`,
		`{"kind":"reinstall","step":1,"on":"0:00","on_name":null,"done":true}`,
		`{"kind":"summary","passed":1,"failed":0,"extra":true}`,
		`{"kind":"failure","step":1,"file":"f","line":1,"col":1,"key":"k","want":"w","gots":"g"}`,
		`{"kind":"trace","step":1,"lt":1,"getter":null,"index":1,"vm_step":1,"op":"SETCP 0","text":"SETCP 0","gas":"26","gas_left":0,"proc":"recv_internal","where":"recv_internal","pos":null,"jumped":false,"marks":[],"popped":[],"pushed":[],"stack":[],"exception":null,"notes":[],"reproduces":true}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		require.NoError(t, err)
		assert.Error(t, schema.Validate(v), line)
	}
}

// TestSchemaEnums checks that the schema's lists of verdicts and probes are
// package upgradable's, which names them.
func TestSchemaEnums(t *testing.T) {
	data, err := os.ReadFile("schema/lines.schema.json")
	require.NoError(t, err)
	var doc struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	pf := doc.Defs["preflight"].Properties
	var verdict struct {
		Enum []string `json:"enum"`
	}
	require.NoError(t, json.Unmarshal(pf["verdict"], &verdict))
	assert.Equal(t, upgradable.Verdicts(), verdict.Enum)
	var probes struct {
		Items struct {
			Properties struct {
				Probe struct {
					Enum []string `json:"enum"`
				} `json:"probe"`
			} `json:"properties"`
		} `json:"items"`
	}
	require.NoError(t, json.Unmarshal(pf["probes"], &probes))
	assert.Equal(t, upgradable.ProbeKeys(), probes.Items.Properties.Probe.Enum)

	var findings struct {
		Items struct {
			Properties struct {
				Kind, Effect struct {
					Enum []string `json:"enum"`
				}
			} `json:"properties"`
		} `json:"items"`
	}
	require.NoError(t, json.Unmarshal(doc.Defs["layoutCheck"].Properties["findings"], &findings))
	assert.Equal(t, upgradable.FindingKeys(), findings.Items.Properties.Kind.Enum)
	assert.Equal(t, upgradable.EffectKeys(), findings.Items.Properties.Effect.Enum)
}
