package scenario

import (
	"bytes"
	"encoding/json"

	"github.com/tonsim/tonsim/actor"
	"github.com/tonsim/tonsim/catalog"
)

// LoadWorldData is LoadWorld on data already read from path.
func LoadWorldData(path string, data []byte, builtins Builtins) (*actor.World, *catalog.Catalog, error) {
	return loadWorld(path, data, builtins, nil)
}

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
