package cell

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Kinds of [Type].
const (
	// KindSimple is a scalar, a cell, a string or a struct.
	KindSimple = "simple"
	// KindDict is a map.
	KindDict = "dict"
)

// Type is a reference to a type in a Tact ABI, as the compiler writes it:
//
//	{"kind":"simple","type":"uint","optional":false,"format":32}
//	{"kind":"dict","key":"address","value":"bool"}
//
// Format, KeyFormat and ValueFormat hold the JSON format as text: a number in
// decimal ("32"), a name ("coins", "remainder", "ref") or "" when absent.
//
// A type of a Tolk ABI ([ParseTolkABI]) is described by the same fields, in
// Tact's terms where Tact has the same value ("uint32" is Type "uint",
// Format "32"), and Tolk holds it as Tolk source writes it ("uint32",
// "Cell<Point>", "address?", "A | B").
type Type struct {
	Kind     string
	Type     string
	Optional bool
	Format   string

	Key         string
	KeyFormat   string
	Value       string
	ValueFormat string

	Tolk string
}

// typeJSON is [Type] as the compiler writes it.
type typeJSON struct {
	Kind        string          `json:"kind"`
	Type        string          `json:"type"`
	Optional    *bool           `json:"optional"`
	Format      json.RawMessage `json:"format"`
	Key         string          `json:"key"`
	KeyFormat   json.RawMessage `json:"keyFormat"`
	Value       string          `json:"value"`
	ValueFormat json.RawMessage `json:"valueFormat"`
	Tolk        string          `json:"tolk"`
}

// UnmarshalJSON reads a type reference of a Tact ABI.
func (t *Type) UnmarshalJSON(data []byte) error {
	var raw typeJSON
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}

	format, err := formatText(raw.Format)
	if err != nil {
		return fmt.Errorf("format: %w", err)
	}
	keyFormat, err := formatText(raw.KeyFormat)
	if err != nil {
		return fmt.Errorf("keyFormat: %w", err)
	}
	valueFormat, err := formatText(raw.ValueFormat)
	if err != nil {
		return fmt.Errorf("valueFormat: %w", err)
	}

	*t = Type{
		Kind:        raw.Kind,
		Type:        raw.Type,
		Optional:    raw.Optional != nil && *raw.Optional,
		Format:      format,
		Key:         raw.Key,
		KeyFormat:   keyFormat,
		Value:       raw.Value,
		ValueFormat: valueFormat,
		Tolk:        raw.Tolk,
	}
	return nil
}

// MarshalJSON writes the type reference as the compiler does.
func (t Type) MarshalJSON() ([]byte, error) {
	out := map[string]any{"kind": t.Kind}
	if t.Kind == KindDict {
		out["key"] = t.Key
		out["value"] = t.Value
		setFormat(out, "keyFormat", t.KeyFormat)
		setFormat(out, "valueFormat", t.ValueFormat)
		setFormat(out, "format", t.Format)
	} else {
		out["type"] = t.Type
		out["optional"] = t.Optional
		setFormat(out, "format", t.Format)
	}
	if t.Tolk != "" {
		out["tolk"] = t.Tolk
	}
	return json.Marshal(out)
}

func setFormat(out map[string]any, key, format string) {
	if format == "" {
		return
	}
	if n, err := strconv.Atoi(format); err == nil {
		out[key] = n
		return
	}
	out[key] = format
}

// formatText turns a JSON format (number, string, bool or null) into text.
func formatText(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}

	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	case 't', 'f':
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return "", err
		}
		return strconv.FormatBool(b), nil
	default:
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", err
		}
		i, err := n.Int64()
		if err != nil {
			return "", fmt.Errorf("%s is not an integer", n)
		}
		return strconv.FormatInt(i, 10), nil
	}
}

// String writes the type as Tact source does: "Int as uint32", "Address?",
// "Slice as remaining", "map<Int as uint8, Bool>"; a type of a Tolk ABI as
// Tolk source does.
func (t Type) String() string {
	if t.Tolk != "" {
		return t.Tolk
	}
	if t.Kind == KindDict {
		valueFormat := t.ValueFormat
		if valueFormat == "ref" {
			valueFormat = "" // map values of cells and structs are always references
		}
		return "map<" + tactName(t.Key, t.KeyFormat, false) + ", " + tactName(t.Value, valueFormat, false) + ">"
	}
	return tactName(t.Type, t.Format, t.Optional)
}

// tactName writes an ABI type name and format as Tact source.
func tactName(typ, format string, optional bool) string {
	opt := ""
	if optional {
		opt = "?"
	}

	switch typ {
	case "int", "uint":
		switch {
		case format == "" && typ == "int", format == "257" && typ == "int":
			return "Int" + opt
		case format == "" && typ == "uint":
			return "Int" + opt + " as uint256"
		case isDigits(format):
			return "Int" + opt + " as " + typ + format
		default:
			return "Int" + opt + " as " + format
		}
	case "bool":
		return "Bool" + opt
	case "address":
		return "Address" + opt
	case "cell", "slice", "builder":
		name := strings.ToUpper(typ[:1]) + typ[1:] + opt
		switch format {
		case "", "ref":
			return name
		case "remainder":
			return name + " as remaining"
		default:
			return name + " as " + format
		}
	case "string":
		return "String" + opt
	case "fixed-bytes":
		return "Slice" + opt + " as bytes" + format
	default:
		switch format {
		case "":
			return typ + opt
		case "ref":
			return typ + opt + " as reference"
		default:
			return typ + opt + " as " + format
		}
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
