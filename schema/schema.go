// Package schema embeds the JSON schemas of mrtrack's record files, so the
// binary validates without reading anything beside the data.
package schema

import _ "embed"

// Evaluation is the schema of data/<id>/evaluation.yaml.
//
//go:embed evaluation.schema.json
var Evaluation []byte

// Recommendation is the schema of data/<id>/rec-NN.yaml.
//
//go:embed recommendation.schema.json
var Recommendation []byte

// Owners is the schema of data/owners.yaml, the optional list of owners.
//
//go:embed owners.schema.json
var Owners []byte

// Round is the schema of data/rounds/NAME.yaml, an update round.
//
//go:embed round.schema.json
var Round []byte
