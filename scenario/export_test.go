package scenario

import (
	"bytes"
	"encoding/json"
)

// LoadWorldData is LoadWorld on data already read from path.
var LoadWorldData = loadWorld

// SealWorld sets a world file's checksum to match its content, so a test
// can build a file that is damaged in another way.
func SealWorld(data []byte) ([]byte, error) {
	var f worldFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	sum, err := f.checksum()
	if err != nil {
		return nil, err
	}
	f.Checksum = sum
	return json.Marshal(f)
}
