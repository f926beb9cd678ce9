module github.com/tonsim/tonsim

go 1.26.0

require (
	github.com/rogpeppe/go-internal v1.16.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	github.com/xssnick/tonutils-go v1.18.0 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
)
