// Input limits, enforced before any parser sees the bytes (reliability.md §C). Documented in
// docs/formats.md: change both together.

/** Largest single profile (a file given to `assess`, one YAML document, one NDJSON line). */
export const MAX_PROFILE_BYTES = 1024 * 1024

/** Largest YAML/JSON document in general (playbooks included). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024

/** Largest `.json` batch file: a JSON array is read whole, so it is capped; use NDJSON or CSV beyond. */
export const MAX_JSON_BATCH_BYTES = 64 * 1024 * 1024

/** Largest CSV record (one row, all cells, as bytes in the file). */
export const MAX_CSV_RECORD_BYTES = 64 * 1024

/**
 * Deepest nesting of collections (block indentation levels plus flow `[`/`{`) accepted. A profile
 * needs 4; the `yaml` parser can die with an uncatchable out-of-memory error on a few thousand
 * nested flow collections, so the limit is checked by a pre-scan before parsing.
 */
export const MAX_NESTING_DEPTH = 64

/** YAML alias (`*name`) resolutions allowed per document: stops "billion laughs" expansion. */
export const MAX_YAML_ALIASES = 100
