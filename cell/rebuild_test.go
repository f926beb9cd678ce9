package cell_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tonsim/tonsim/cell"
)

// TestPackagesMatchSources checks every Tact package committed in this
// repository was compiled from the sources beside it by the compiler
// package.json pins. A package carries its sources and compiler version, so a
// source edited without `npm run build` fails here, and so does a package
// built by another compiler.
func TestPackagesMatchSources(t *testing.T) {
	root := filepath.Join("..")
	raw, err := os.ReadFile(filepath.Join(root, "package.json"))
	require.NoError(t, err)
	var npm struct {
		DevDependencies map[string]string `json:"devDependencies"`
	}
	require.NoError(t, json.Unmarshal(raw, &npm))
	pinned := npm.DevDependencies["@tact-lang/compiler"]
	require.NotEmpty(t, pinned)

	var pkgs []string
	require.NoError(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".pkg") {
			pkgs = append(pkgs, path)
		}
		return nil
	}))
	require.NotEmpty(t, pkgs)

	for _, path := range pkgs {
		t.Run(filepath.ToSlash(path), func(t *testing.T) {
			pkg, err := cell.LoadPackage(path)
			require.NoError(t, err)
			assert.Equal(t, "tact", pkg.Compiler.Name)
			assert.Equal(t, pinned, pkg.Compiler.Version, "compiled by the pinned compiler")
			require.NotEmpty(t, pkg.Sources)
			for src, content := range pkg.Sources {
				onDisk, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(src)))
				require.NoError(t, err, "a source of the package is missing from the repository")
				assert.Equalf(t, string(onDisk), string(content), "%s changed since the package was built: run npm run build", src)
			}
		})
	}
}
